//! A small fluent harness: copy a fixture site (or build one from strings) into
//! a temporary folder, run the real `credo` binary on it, assert on the result.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A site in a temporary folder.
pub struct SiteTest {
    dir: std::sync::Arc<tempfile::TempDir>,
    pub root: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

impl SiteTest {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> SiteTest {
        let test = SiteTest::empty();
        copy_dir(&fixture_path(name), &test.root);
        test
    }

    /// An empty folder.
    pub fn empty() -> SiteTest {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        SiteTest {
            dir: std::sync::Arc::new(dir),
            root,
        }
    }

    /// A minimal valid site: credo.yaml and a home page.
    pub fn minimal() -> SiteTest {
        SiteTest::empty()
            .file("credo.yaml", "title: T\nbase_url: /\n")
            .file("content/_index.md", "---\ntitle: Home\n---\nHello.\n")
    }

    /// Writes a file (creating folders).
    pub fn file(self, path: &str, contents: impl AsRef<[u8]>) -> SiteTest {
        let p = self.root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
        self
    }

    /// Removes a file.
    pub fn remove(self, path: &str) -> SiteTest {
        std::fs::remove_file(self.root.join(path)).unwrap();
        self
    }

    /// Runs `credo ARGS` in the site root.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_credo"))
            .args(args)
            .current_dir(&self.root)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            root: self.root.clone(),
            _dir: self.dir.clone(),
        }
    }

    /// `credo build` into `public/`.
    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// `credo check`.
    pub fn check(&self) -> Run {
        self.run(&["check"])
    }

    /// The text of a file under the site root.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }
}

/// The result of one run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub root: PathBuf,
    /// Keeps the site's folder alive as long as the result is looked at.
    _dir: std::sync::Arc<tempfile::TempDir>,
}

impl Run {
    #[track_caller]
    pub fn success(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "wrong exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The `path:line:col: severity: message` lines of stderr, in order.
    pub fn diagnostics(&self) -> Vec<String> {
        self.stderr
            .lines()
            .filter(|l| l.contains(": error: ") || l.contains(": warning: "))
            .filter(|l| !l.starts_with("error: "))
            .map(str::to_string)
            .collect()
    }

    /// Asserts the diagnostic lines are exactly `expected`.
    #[track_caller]
    pub fn diagnostics_are(&self, expected: &[&str]) -> &Run {
        assert_eq!(self.diagnostics(), expected, "\nstderr:\n{}", self.stderr);
        self
    }

    /// Asserts the error lines (warnings aside) are exactly `expected`.
    #[track_caller]
    pub fn errors_are(&self, expected: &[&str]) -> &Run {
        let errors: Vec<String> = self.diagnostics();
        let errors: Vec<&String> = errors.iter().filter(|d| d.contains(": error: ")).collect();
        assert_eq!(errors, expected, "\nstderr:\n{}", self.stderr);
        self
    }

    /// Asserts stderr holds `text` (a hint, a source line, a message).
    #[track_caller]
    pub fn stderr_has(&self, text: &str) -> &Run {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }

    /// A file of the built site (`public/...`).
    pub fn page(&self, path: &str) -> String {
        let p = self.root.join("public").join(path);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.root.join("public").join(path).exists()
    }
}

/// Every file under `dir` with its bytes, by path from `dir`: to show a
/// folder is left unchanged, or to compare two builds.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}
