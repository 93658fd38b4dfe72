//! Bugs are reported, not hidden: a panic anywhere is caught at the top and
//! reported as a bug in credo, naming the file that was being processed.
//!
//! Each stage wraps its per-file work in [`processing`], which records the file
//! in a thread-local slot (rayon runs a task start to end on one thread), so
//! the panic hook can say which input triggered the bug.

use std::cell::RefCell;

thread_local! {
    static CURRENT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work` with `file` recorded as the file being processed.
pub(crate) fn processing<T>(file: &str, work: impl FnOnce() -> T) -> T {
    let previous = CURRENT.with(|c| c.replace(Some(file.to_string())));
    let result = work();
    CURRENT.with(|c| *c.borrow_mut() = previous);
    result
}

/// Installs the panic hook that reports a bug with the current file.
pub(crate) fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let file = CURRENT.with(|c| c.borrow().clone());
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        // `credo check | head`: the reader stopped reading, which is no bug.
        // Leave quietly, as a command killed by SIGPIPE does, with the
        // environment's exit code.
        // (The standard library's `println!` and clap's completions both
        // panic on it.)
        let broken_pipe = message.contains("Broken pipe") || message.contains("BrokenPipe");
        if broken_pipe && (message.contains("stdout") || message.contains("completion")) {
            std::process::exit(2);
        }
        match file {
            Some(file) => eprintln!(
                "error: credo hit a bug while processing {file}: {message}{location}\n  please report it, with that file if you can share it"
            ),
            None => eprintln!("error: credo hit a bug: {message}{location}\n  please report it"),
        }
    }));
}
