//! A running `credo serve` and a tiny blocking HTTP/1.0 client for it: plain
//! requests (raw paths, so traversal attempts reach the server as written)
//! and a server-sent-events reader. Every wait has a deadline.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::harness::SiteTest;

/// How long any one wait may take (a debug build on a busy machine).
pub const WAIT: Duration = Duration::from_secs(30);

/// `credo serve` on a site, killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// `http://127.0.0.1:PORT/base/` as printed.
    pub url: String,
    /// Lines of stdout after the `Serving` line.
    pub stdout: Receiver<String>,
    /// Lines of stderr.
    pub stderr: Receiver<String>,
}

fn lines(stream: impl Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The next line from `rx` satisfying `pred`, within [`WAIT`]; the lines
/// seen on the way are returned on failure.
pub fn wait_line(
    rx: &Receiver<String>,
    pred: impl Fn(&str) -> bool,
) -> Result<String, Vec<String>> {
    let deadline = Instant::now() + WAIT;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if pred(&line) => return Ok(line),
            Ok(line) => seen.push(line),
            Err(_) => return Err(seen),
        }
    }
}

impl Server {
    /// Starts `credo serve --port 0 ARGS` in the site and waits for its URL.
    pub fn start(site: &SiteTest, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_credo"))
            .arg("serve")
            .args(if args.contains(&"--port") {
                &[][..]
            } else {
                &["--port", "0"][..]
            })
            .args(args)
            .current_dir(&site.root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("credo starts");
        let stdout = lines(child.stdout.take().expect("stdout"));
        let stderr = lines(child.stderr.take().expect("stderr"));
        let serving = wait_line(&stdout, |l| l.starts_with("Serving http://"));
        let line = match serving {
            Ok(line) => line,
            Err(seen) => {
                let _ = child.kill();
                let _ = child.wait();
                let errors: Vec<String> = stderr.try_iter().collect();
                panic!("no `Serving` line; stdout: {seen:?}; stderr: {errors:?}");
            }
        };
        let url = line
            .trim_start_matches("Serving ")
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        let port = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .and_then(|host| host.rsplit(':').next())
            .and_then(|p| p.parse().ok());
        // From here on, dropping the server (a failed assertion) kills it.
        let server = Server {
            child,
            port: port.unwrap_or_default(),
            url,
            stdout,
            stderr,
        };
        assert!(port.is_some(), "no port in {line}");
        server
    }

    /// `GET path` with the path sent exactly as given: (status, body).
    pub fn get(&self, path: &str) -> (u16, String) {
        let (status, _, body) = self.request(path);
        (status, body)
    }

    /// `GET path`: (status, headers in lower case, body).
    pub fn request(&self, path: &str) -> (u16, String, String) {
        self.request_to("127.0.0.1", path)
    }

    /// `GET path` with `host` in the `Host` header.
    pub fn request_to(&self, host: &str, path: &str) -> (u16, String, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("send");

        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("response");
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head.to_ascii_lowercase(), body.to_string())
    }

    /// Opens the reload WebSocket as a page of `origin` would: (status, what
    /// came before the first frame and the first frame, lossily).
    pub fn socket(&self, origin: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        write!(
            stream,
            "GET /__credo/socket?page=/ HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nOrigin: {origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            self.port
        )
        .expect("send");
        let mut raw = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            let text = String::from_utf8_lossy(&raw).into_owned();
            if let Some((head, rest)) = text.split_once("\r\n\r\n") {
                let status = head
                    .split_whitespace()
                    .nth(1)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                // A refusal's body, or the upgrade's first frame (a text
                // frame short enough for a one-byte length: two bytes of
                // header, then the message).
                if status != 101 || rest.contains('}') && rest.ends_with('}') {
                    return (status, text);
                }
            }
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => return (0, text),
                Ok(n) => raw.extend_from_slice(&buf[..n]),
            }
        }
    }

    /// Subscribes to the reload channel and waits for its `hello`.
    pub fn events(&self) -> Events {
        self.subscribe("/__credo/events")
    }

    /// Subscribes as the script of the page at `path` does.
    pub fn events_of(&self, path: &str) -> Events {
        self.subscribe(&format!("/__credo/events?page={path}"))
    }

    fn subscribe(&self, target: &str) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        write!(
            stream,
            "GET {target} HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("send");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stream);
            let mut line = String::new();
            // Headers.
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let (mut name, mut data) = (String::new(), String::new());
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                let l = line.trim_end_matches(['\r', '\n']);
                if l.is_empty() {
                    if !name.is_empty() && tx.send((name.clone(), data.clone())).is_err() {
                        break;
                    }
                    name.clear();
                    data.clear();
                } else if let Some(v) = l.strip_prefix("event:") {
                    name = v.trim().to_string();
                } else if let Some(v) = l.strip_prefix("data:") {
                    data.push_str(v.trim_start());
                }
            }
        });
        let events = Events { rx };
        events.expect(&["hello"]);
        events
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A subscription to `/__credo/events`.
pub struct Events {
    rx: Receiver<(String, String)>,
}

impl Events {
    /// The next event whose name is one of `names` (others are skipped):
    /// (name, data). Panics after [`WAIT`].
    #[track_caller]
    pub fn expect(&self, names: &[&str]) -> (String, String) {
        let deadline = Instant::now() + WAIT;
        let mut skipped = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok((name, data)) if names.contains(&name.as_str()) => return (name, data),
                Ok(other) => skipped.push(other),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no {names:?} event within {WAIT:?}; got {skipped:?}")
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("event stream closed; got {skipped:?}")
                }
            }
        }
    }

    /// The next event, if one comes within `within`.
    pub fn next_within(&self, within: Duration) -> Option<(String, String)> {
        self.rx.recv_timeout(within).ok()
    }
}

/// Polls `f` until it returns `Some`, for at most [`WAIT`].
#[track_caller]
pub fn eventually<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}
