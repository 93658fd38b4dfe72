//! How long `credo serve` takes from a saved file to the reload event: the
//! number an author feels. Measures a one-page edit, a template edit and a
//! CSS edit on a copy of a site.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example serve_latency -- --site .   # the flagship
//! cargo run --release --example serve_latency -- --site /dev/shm/credo-bench/corpus-10000-s42
//! ```
//!
//! The site is copied into a temporary folder (the original is never
//! touched), with a `templates/partials/footer.html` override and a
//! `static/latency.css` added so that the template and CSS edits have a file
//! to change. `credo serve --port 0` runs on the copy; the example subscribes
//! to `/__credo/events` (the messages the page script gets over its socket,
//! as server-sent events), then for each edit appends
//! a line to the file and times from the write until the `reload` (or `css`)
//! event arrives. Each kind of edit runs `--runs` times; the median and the
//! extremes are printed.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;

/// Time from a file write to the reload event of `credo serve`.
#[derive(Parser)]
struct Args {
    /// The site root (holding credo.yaml); it is copied, never edited.
    #[arg(long)]
    site: PathBuf,
    /// The credo executable.
    #[arg(long, default_value = "target/release/credo")]
    binary: PathBuf,
    /// Timed edits of each kind.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Where the copy goes (tmpfs by default).
    #[arg(long, default_value = "/dev/shm")]
    dir: PathBuf,
    /// Milliseconds between an edit's event and the next edit. Short gaps
    /// are an author saving as they type; long ones let every rebuild end.
    #[arg(long, default_value_t = 300)]
    gap: u64,
}

/// What a build reads from a site root.
const SITE_INPUTS: [&str; 5] = ["credo.yaml", "content", "static", "templates", "themes"];

const FOOTER: &str = "<footer class=\"site-footer\"><p>Latency probe</p></footer>\n";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let copy = args
        .dir
        .join(format!("credo-latency-{}", std::process::id()));
    copy_site(&args.site, &copy)?;
    let result = measure(&args, &copy);
    let _ = std::fs::remove_dir_all(&copy);
    result
}

fn measure(args: &Args, copy: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let page = first_page(&copy.join("content"))?;
    let footer = copy.join("templates/partials/footer.html");
    let css = copy.join("static/latency.css");
    std::fs::create_dir_all(footer.parent().ok_or("no parent")?)?;
    std::fs::create_dir_all(css.parent().ok_or("no parent")?)?;
    std::fs::write(&footer, FOOTER)?;
    std::fs::write(&css, "/* latency probe */\n")?;

    let started = Instant::now();
    let server = Server::start(&args.binary, copy)?;
    println!(
        "{}: first build and start-up {:.2} s",
        args.site.display(),
        started.elapsed().as_secs_f64()
    );
    // Subscribe as the edited page's script does: named by its path, so
    // that rebuilds which change only other outputs send it nothing.
    let relative = page.strip_prefix(copy.join("content"))?.with_extension("");
    let page_path = format!(
        "{}{}/",
        server.base_path,
        relative.to_string_lossy().replace('\\', "/")
    );
    let mut events = server.subscribe(&page_path)?;
    let edits: [(&str, &Path, &str); 3] = [
        (
            "one-page edit",
            &page,
            "\nA line added by the latency probe.\n",
        ),
        ("template edit", &footer, "<!-- probe -->\n"),
        ("CSS edit", &css, "body { --probe: 1; }\n"),
    ];
    for (name, file, line) in edits {
        let mut times = Vec::new();
        for run in 0..=args.runs {
            // Let the watcher settle so that edits never coalesce.
            std::thread::sleep(Duration::from_millis(args.gap));
            let t0 = Instant::now();
            append(file, line)?;
            let event = events.next_change()?;
            let elapsed = t0.elapsed();
            // The first edit of each kind warms caches: not counted.
            if run > 0 {
                times.push((elapsed, event));
            }
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let (median, event) = &times[times.len() / 2];
        println!(
            "{name:14} median {:8.1} ms  min {:8.1} ms  max {:8.1} ms  ({event} event, {} runs)",
            ms(*median),
            ms(times[0].0),
            ms(times[times.len() - 1].0),
            times.len()
        );
    }
    server.stop();
    Ok(())
}

struct Server {
    child: Child,
    port: u16,
    /// The path every URL of the site starts with.
    base_path: String,
}

impl Server {
    fn start(binary: &Path, root: &Path) -> Result<Server, Box<dyn std::error::Error>> {
        let mut child = Command::new(binary)
            .args(["serve", "--port", "0", "-r"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let (port, base_path) = loop {
            let line = lines.next().ok_or("credo serve ended before serving")??;
            if let Some(url) = line.strip_prefix("Serving http://") {
                let url = url.split(' ').next().unwrap_or(url);
                let (host, path) = url.split_at(url.find('/').unwrap_or(url.len()));
                let port = host
                    .rsplit(':')
                    .next()
                    .ok_or("no port in the Serving line")?;
                break (port.parse()?, path.to_string());
            }
        };
        // Keep draining its log so that it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Ok(Server {
            child,
            port,
            base_path,
        })
    }

    fn subscribe(&self, page: &str) -> Result<Events, Box<dyn std::error::Error>> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(120)))?;
        write!(
            stream,
            "GET /__credo/events?page={page} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )?;
        let mut events = Events {
            reader: BufReader::new(stream),
        };
        events.wait_for(&["hello"])?;
        Ok(events)
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// Waits for the next `reload` or `css` event; a failed build is an error.
    fn next_change(&mut self) -> Result<String, Box<dyn std::error::Error>> {
        let name = self.wait_for(&["reload", "css", "build-error"])?;
        if name == "build-error" {
            return Err("the edit broke the build".into());
        }
        Ok(name)
    }

    fn wait_for(&mut self, names: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
        let mut line = String::new();
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Err("the event stream closed".into());
            }
            if let Some(name) = line.trim_end().strip_prefix("event: ")
                && names.contains(&name)
            {
                return Ok(name.to_string());
            }
        }
    }
}

fn append(file: &Path, line: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().append(true).open(file)?;
    f.write_all(line.as_bytes())
}

/// The first Markdown page (not a section index) in sorted order.
fn first_page(content: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let mut pages: Vec<PathBuf> = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && p.file_name().is_some_and(|n| n != "_index.md")
        })
        .collect();
    pages.sort();
    pages
        .into_iter()
        .next()
        .ok_or_else(|| "no page in content/".into())
}

fn copy_site(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let Ok(relative) = entry.path().strip_prefix(from) else {
            continue;
        };
        // Only what a build reads (the flagship's root also holds the code).
        let input = relative
            .components()
            .next()
            .is_none_or(|c| SITE_INPUTS.contains(&c.as_os_str().to_string_lossy().as_ref()));
        if !input {
            continue;
        }
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
