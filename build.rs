//! Embeds the built-in themes (`themes/`) and the flagship handbook (`content/`
//! and `credo.yaml`, for `credo init --example`) into the binary, so a site
//! needs no theme folder and `init` needs no network.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

/// Tells cargo to run this script again when `dir` or anything under it changes.
fn watch(dir: &Path) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            watch(&path);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}

fn table(name: &str, root: &Path, dirs: &[&str], files: &[&str]) -> String {
    let mut paths = Vec::new();
    for dir in dirs {
        files_under(&root.join(dir), &mut paths);
    }
    paths.extend(files.iter().map(|f| root.join(f)).filter(|p| p.is_file()));
    let mut out = format!("pub(super) static {name}: &[(&str, &[u8])] = &[\n");
    for path in paths {
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let _ = writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    out
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let mut code = table("THEMES", &root.join("themes"), &[""], &[]);
    code.push_str(&table("EXAMPLE", &root, &["content"], &["credo.yaml"]));
    if let Err(e) = std::fs::write(out_dir.join("embedded.rs"), code) {
        panic!("cannot write embedded.rs: {e}");
    }
    // Every folder and file by name: a folder's own time changes when a
    // file is added to or removed from it, a file's when it is edited, and
    // naming only the top folders missed new templates in release builds.
    for top in ["themes", "content"] {
        watch(&root.join(top));
    }
    println!("cargo:rerun-if-changed=credo.yaml");
}
