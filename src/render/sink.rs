//! Where rendered files go: a [`Sink`] (the build's staging folder), or
//! memory; pages stream straight into their files.

use super::*;

/// Where a build writes each page as soon as it is rendered, so pages need
/// not all be held in memory at once: templates render straight into the
/// file (the print page of a 10 000-page handbook is tens of megabytes).
pub trait Sink: Sync {
    /// Creates the file `path` (relative to the output root) for writing.
    fn create(&self, path: &str) -> std::io::Result<std::fs::File>;
    /// Writing `path` failed; the build reports it and fails.
    fn failed(&self, path: &str, error: std::io::Error);
}

/// A file being written, keeping the first I/O error so that it is reported
/// as what it is rather than as a template error.
pub(super) struct FileOut {
    out: std::io::BufWriter<std::fs::File>,
    error: Option<std::io::Error>,
}

impl std::io::Write for FileOut {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf).inspect_err(|e| {
            self.error
                .get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Output that fails as soon as the pass is stopped, so that a long render
/// (the print page or handbook.json of a large handbook, tens of
/// megabytes) ends at once instead of finishing work that is thrown away.
pub(super) struct Until<'a, W> {
    out: W,
    stopped: &'a (dyn Fn() -> bool + Sync),
    /// Bytes written since the last look at `stopped`: renders write in
    /// small pieces, so it is looked at once per [`Self::LOOK_EVERY`] bytes.
    unlooked: usize,
}

impl<'a, W> Until<'a, W> {
    pub(super) const LOOK_EVERY: usize = 64 * 1024;

    pub(super) fn new(out: W, stopped: &'a (dyn Fn() -> bool + Sync)) -> Self {
        Until {
            out,
            stopped,
            unlooked: 0,
        }
    }
}

impl<W: std::io::Write> std::io::Write for Until<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.unlooked += buf.len();
        if self.unlooked >= Self::LOOK_EVERY {
            self.unlooked = 0;
            if (self.stopped)() {
                // Not `Interrupted`: `write_all` would retry that.
                return Err(std::io::Error::other("the render pass was stopped"));
            }
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Writes the data file `path` (no template) through `sink` when there is
/// one, so that it need not stay in memory until the build ends; else makes
/// its bytes.
pub(super) fn write_data(
    sink: Option<&dyn Sink>,
    path: &str,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<Outcome, OutputFile> {
    let Some(sink) = sink else {
        let mut bytes = Vec::new();
        // Writing into memory cannot fail.
        let _ = write(&mut bytes);
        return Err(OutputFile::bytes(path, bytes));
    };
    let written = sink.create(path).and_then(|file| {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, file);
        write(&mut out)?;
        std::io::Write::flush(&mut out)
    });
    if let Err(e) = written {
        sink.failed(path, e);
    }
    Ok(Outcome {
        path: path.to_string(),
        fingerprint: None,
        html: None,
        written: true,
    })
}

/// Renders `template` straight into the file `path` of `sink`.
pub(super) fn stream_page(
    sink: &dyn Sink,
    templates: &Templates,
    template: &str,
    context: &Context,
    path: &str,
) -> Result<(), Diagnostic> {
    let file = match sink.create(path) {
        Ok(file) => file,
        Err(e) => {
            sink.failed(path, e);
            return Ok(());
        }
    };
    let mut out = FileOut {
        out: std::io::BufWriter::with_capacity(64 * 1024, file),
        error: None,
    };
    let rendered = templates.render_to(template, context, &mut out);
    let flushed = std::io::Write::flush(&mut out.out);
    match out.error.take().map_or(flushed, Err) {
        Err(e) => {
            sink.failed(path, e);
            Ok(())
        }
        Ok(()) => rendered,
    }
}
