//! Debouncing: an editor's burst of file events becomes one rebuild.
//!
//! A batch is due once no event has arrived for the quiet period its last
//! event asked for (short after a file was closed from writing: the save is
//! done), or once the first event of the batch is `max_wait` old (so a
//! stream of events, a `git checkout` say, still rebuilds now and then).
//! Time is passed in, never read, so the logic is tested without sleeping.

use std::time::{Duration, Instant};

/// Collects changes until they are due.
#[derive(Debug)]
pub(crate) struct Debouncer<T> {
    max_wait: Duration,
    first: Option<Instant>,
    /// When the last event came, and how long to wait after it.
    last: Option<(Instant, Duration)>,
    pending: Vec<T>,
}

impl<T> Debouncer<T> {
    /// A debouncer waiting at most `max_wait` after the first event.
    pub(crate) fn new(max_wait: Duration) -> Self {
        Debouncer {
            max_wait,
            first: None,
            last: None,
            pending: Vec::new(),
        }
    }

    /// Records an event seen at `now`, after which the batch waits `quiet`
    /// for more (with nothing to rebuild for, it still extends the quiet
    /// period: it is part of the burst).
    pub(crate) fn push(
        &mut self,
        now: Instant,
        changes: impl IntoIterator<Item = T>,
        quiet: Duration,
    ) {
        self.first.get_or_insert(now);
        self.last = Some((now, quiet));
        self.pending.extend(changes);
    }

    /// When the pending batch falls due, if anything is pending.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        let (first, (last, quiet)) = (self.first?, self.last?);
        Some((last + quiet).min(first + self.max_wait))
    }

    /// The batch, if it is due at `now`; an empty due batch is dropped.
    pub(crate) fn take_due(&mut self, now: Instant) -> Option<Vec<T>> {
        if self.deadline()? > now {
            return None;
        }
        self.first = None;
        self.last = None;
        let batch = std::mem::take(&mut self.pending);
        (!batch.is_empty()).then_some(batch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn a_burst_is_one_batch_after_the_quiet_period() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(ms(500));
        assert_eq!(d.deadline(), None);
        d.push(t0, [1], ms(50));
        d.push(t0 + ms(10), [2], ms(50));
        d.push(t0 + ms(20), [3], ms(50));
        assert_eq!(d.deadline(), Some(t0 + ms(70)));
        assert_eq!(d.take_due(t0 + ms(69)), None);
        assert_eq!(d.take_due(t0 + ms(70)), Some(vec![1, 2, 3]));
        assert_eq!(d.deadline(), None);
        assert_eq!(d.take_due(t0 + ms(1000)), None);
    }

    #[test]
    fn a_stream_of_events_is_cut_at_max_wait() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(ms(200));
        for i in 0..10u64 {
            d.push(t0 + ms(i * 30), [i], ms(50));
        }
        assert_eq!(d.deadline(), Some(t0 + ms(200)));
        assert_eq!(d.take_due(t0 + ms(200)).map(|b| b.len()), Some(10));
    }

    #[test]
    fn events_without_changes_extend_the_burst_but_do_not_rebuild() {
        let t0 = Instant::now();
        let mut d: Debouncer<u8> = Debouncer::new(ms(500));
        d.push(t0, [], ms(50));
        assert_eq!(d.deadline(), Some(t0 + ms(50)));
        assert_eq!(d.take_due(t0 + ms(50)), None);
        assert_eq!(d.deadline(), None);
    }

    #[test]
    fn the_last_event_sets_how_long_to_wait() {
        let t0 = Instant::now();
        let mut d = Debouncer::new(ms(500));
        d.push(t0, [1], ms(40));
        d.push(t0 + ms(1), [1], ms(5));
        assert_eq!(d.deadline(), Some(t0 + ms(6)));
        // A write closed, then a rename of the same save: wait again.
        d.push(t0 + ms(3), [2], ms(40));
        assert_eq!(d.deadline(), Some(t0 + ms(43)));
    }
}
