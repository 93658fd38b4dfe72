//! The build benchmark: generate a corpus once, build it several times, report
//! the median wall time, pages per second and peak memory, against the I/O floor.
//!
//! ```sh
//! cargo run --release --example bench -- --pages 10000 --runs 5 --floor --search-off
//! cargo run --release --example bench -- --tiny              # the 10-page start-up case
//! ```
//!
//! How it measures. Every run is a fresh process: the bench re-executes itself
//! (`--child-build ROOT OUT`), the child calls `credo::pipeline::build` exactly
//! as `credo build` does, then reads its own peak resident memory (`VmHWM` in
//! `/proc/self/status`) just before exiting. The parent times the child from
//! spawn to exit, so start-up, the build and tear-down all count, and one
//! run's allocations never inflate the next run's peak. `--binary PATH` times
//! a `credo` executable instead (peak memory then comes from `/usr/bin/time`);
//! given twice or more, the binaries run interleaved, for before/after checks.
//!
//! The I/O floor (`--floor`) is measured the same way, in the same rounds: a
//! child reads every source byte under `content/` and writes each file's bytes
//! to `OUT/<path>/index.html`, in parallel like the build. Variants run
//! interleaved (build, search off, floor; build, ...) so drift hits all alike.
//! The output folder is removed before every run, untimed, and as soon as
//! no later variant of the round copies it (unless `--keep-output`, which
//! keeps the last round's): at 100 000 pages each is gigabytes of tmpfs.
//! The corpus stays cached for the next run.
//!
//! `--copy-floor` times `cp -r` of the build's own output, right after each
//! build in the same round: issue 24's floor (a build in at most twice that).
//! `--table 10,1000,10000,30000,100000` measures each size in turn (the
//! build and its copy floor; fewer runs above 10 000 pages) and prints the
//! README's performance table.
//!
//! `--peers` also times Zola and Hugo, whichever is on PATH, on a copy of
//! the corpus with minimal templates (see `peers/mod.rs`), in the same
//! rounds, each as it comes and with code highlighting on. A peer that fails
//! (out of memory, say) is reported as failed and the others go on.

mod corpus;
mod peers;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;
use rayon::prelude::*;

// The allocator of the `credo` binary, so the child builds as `credo build` does.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Benchmark `credo build` on a synthetic playbook.
#[derive(Parser)]
struct Args {
    /// Content pages of the corpus.
    #[arg(long, default_value_t = 1000)]
    pages: usize,
    /// Timed runs per variant (the median is reported); 5, or 20 with --tiny.
    #[arg(long)]
    runs: Option<usize>,
    /// Untimed runs per variant before the timed ones.
    #[arg(long, default_value_t = 1)]
    warmup: usize,
    /// The corpus seed.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Also measure the I/O floor and print build/floor.
    #[arg(long)]
    floor: bool,
    /// Also time `cp -r` of the first build's output, after it in each round.
    #[arg(long)]
    copy_floor: bool,
    /// Measure each of these page counts (comma-separated) and print the
    /// README's table; implies --copy-floor. Above 10 000 pages, fewer runs
    /// (as many as fit in the time of `--runs` at 10 000, at least one).
    #[arg(long, value_delimiter = ',')]
    table: Vec<usize>,
    /// Also build a copy with `search: false`.
    #[arg(long)]
    search_off: bool,
    /// Also time Zola and Hugo (whichever is on PATH) on the same corpus,
    /// with minimal templates.
    #[arg(long)]
    peers: bool,
    /// A 10-page site: the start-up case.
    #[arg(long)]
    tiny: bool,
    /// Where corpora and outputs live (tmpfs by default).
    #[arg(long, default_value = "/dev/shm/credo-bench")]
    dir: PathBuf,
    /// Keep the last run's output folders (they are removed by default:
    /// on tmpfs they hold memory).
    #[arg(long)]
    keep_output: bool,
    /// Time this `credo` executable instead of the library in a child
    /// process; repeat to compare several builds of credo in one run.
    #[arg(long)]
    binary: Vec<PathBuf>,
    /// Internal: build ROOT into OUT and report.
    #[arg(long, num_args = 2, value_names = ["ROOT", "OUT"], hide = true)]
    child_build: Option<Vec<PathBuf>>,
    /// Internal: copy ROOT's content into OUT as pages and report.
    #[arg(long, num_args = 2, value_names = ["ROOT", "OUT"], hide = true)]
    child_floor: Option<Vec<PathBuf>>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = if let Some(paths) = &args.child_build {
        child_build(&paths[0], &paths[1])
    } else if let Some(paths) = &args.child_floor {
        child_floor(&paths[0], &paths[1])
    } else {
        run(&args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Peak resident memory of this process in KiB (Linux), `None` elsewhere.
fn own_peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time of this process so far (user + system, every thread) in
/// milliseconds, from `/proc/self/stat` (Linux, 100 ticks a second).
fn own_cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    Some((ticks(11)? + ticks(12)?) * 10)
}

fn report_child(pages: usize) {
    let peak = own_peak_kib().map_or_else(|| "-".to_string(), |k| k.to_string());
    let cpu = own_cpu_ms().map_or_else(|| "-".to_string(), |k| k.to_string());
    println!("bench-result pages={pages} peak_kib={peak} cpu_ms={cpu}");
}

fn child_build(root: &Path, out: &Path) -> Result<(), String> {
    let options = credo::pipeline::BuildOptions {
        root: root.to_path_buf(),
        output: Some(out.to_path_buf()),
        ..Default::default()
    };
    let report = credo::pipeline::build(&options).map_err(|e| match e {
        credo::Error::Content(d) => d.render_human(),
        other => other.to_string(),
    })?;
    report_child(report.pages);
    Ok(())
}

/// The floor: read every content byte, write it back as one page folder each.
fn child_floor(root: &Path, out: &Path) -> Result<(), String> {
    let content = root.join("content");
    let paths: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    let files: Vec<(PathBuf, Vec<u8>)> = paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let rel = p.strip_prefix(&content).unwrap_or(p).with_extension("");
            Ok((out.join(rel), bytes))
        })
        .collect::<Result<_, String>>()?;
    files.par_iter().try_for_each(|(dir, bytes)| {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join("index.html");
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    })?;
    report_child(files.len());
    Ok(())
}

/// One thing to time.
struct Variant {
    name: String,
    root: PathBuf,
    out: PathBuf,
    floor: bool,
    /// `cp -r` of this folder (a build's output) instead of a build.
    copy_of: Option<PathBuf>,
    /// A `credo` executable to run; `None` runs the library in a child.
    binary: Option<PathBuf>,
    /// Another generator to run instead of credo.
    peer: Option<peers::PeerRun>,
    runs: Vec<Sample>,
    /// Bytes of the last run's output.
    out_bytes: u64,
    /// Why a peer could not build this corpus, if it could not.
    failed: Option<String>,
}

/// What one run measured.
struct Sample {
    wall: Duration,
    pages: usize,
    peak_kib: Option<u64>,
    /// User plus system CPU time: steadier than wall time on a busy machine.
    cpu: Option<Duration>,
    stages: Vec<(String, f64)>,
}

fn run(args: &Args) -> Result<(), String> {
    if !args.table.is_empty() {
        return table(args);
    }
    let pages = if args.tiny { 10 } else { args.pages };
    let runs = args.runs.unwrap_or(if args.tiny { 20 } else { 5 }).max(1);
    let (root, variants) = measure(args, pages, runs, args.copy_floor)?;
    print_report(args, pages, runs, &root, &variants);
    Ok(())
}

/// Builds (and floors) one corpus size, interleaved; the variants measured.
fn measure(
    args: &Args,
    pages: usize,
    runs: usize,
    copy_floor: bool,
) -> Result<(PathBuf, Vec<Variant>), String> {
    let root = ensure_corpus(&args.dir, pages, args.seed)?;
    let builders: Vec<(String, Option<PathBuf>)> = if args.binary.is_empty() {
        vec![("build".to_string(), None)]
    } else {
        args.binary
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("build #{}", i + 1), Some(b.clone())))
            .collect()
    };
    let off = if args.search_off {
        Some(ensure_search_off(&root)?)
    } else {
        None
    };
    let mut variants = Vec::new();
    for (name, binary) in &builders {
        variants.push(Variant::new(name, &root, &args.dir, binary.clone()));
        if copy_floor && variants.len() == 1 {
            let mut copy = Variant::new("cp -r of the output", &root, &args.dir, None);
            copy.copy_of = Some(variants[0].out.clone());
            variants.push(copy);
        }
        if let Some(off) = &off {
            let name = format!("{name}, search off");
            variants.push(Variant::new(&name, off, &args.dir, binary.clone()));
        }
    }
    if args.peers {
        // Asked once per generator (Zola's answer takes Node.js 70 ms).
        let installed: Vec<peers::Peer> = (peers::Peer::ALL.into_iter())
            .filter(|peer| {
                let found = peer.installed();
                if !found {
                    eprintln!("{} is not on PATH: not compared", peer.program());
                }
                found
            })
            .collect();
        for run in peers::PeerRun::ALL {
            let peer = run.peer;
            if !installed.contains(&peer) {
                continue;
            }
            let site = corpus_copy(
                &root,
                &run.suffix(),
                |text| peer.rewrite(text),
                &run.files(),
            )?;
            let mut v = Variant::new(&run.name(), &site, &args.dir, None);
            v.peer = Some(run);
            variants.push(v);
        }
    }
    if args.floor {
        let mut floor = Variant::new("I/O floor", &root, &args.dir, None);
        floor.floor = true;
        variants.push(floor);
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the bench binary: {e}"))?;
    let last = args.warmup + runs - 1;
    for round in 0..=last {
        for i in 0..variants.len() {
            let v = &mut variants[i];
            if v.failed.is_some() {
                continue;
            }
            match v.run_once(&exe) {
                Ok(sample) if round >= args.warmup => v.runs.push(sample),
                Ok(_) => {}
                // A peer that fails (Hugo out of memory at 100 000 pages)
                // is reported as failed; the rest are still measured.
                Err(e) if v.peer.is_some() => {
                    eprintln!("{e}");
                    v.failed = Some(e.lines().next().unwrap_or_default().to_string());
                }
                Err(e) => return Err(e),
            }
            if round == last {
                variants[i].out_bytes = folder_bytes(&variants[i].out);
            }
            if !args.keep_output || round < last {
                free_outputs(&variants, i);
            }
        }
    }
    Ok((root, variants))
}

/// Bytes of the files under `folder`.
fn folder_bytes(folder: &Path) -> u64 {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
        .sum()
}

/// Removes the outputs of the variants up to `done` that no later variant
/// copies: at 100 000 pages each output is gigabytes of tmpfs, and leaving
/// them for the next variant took the machine's memory.
fn free_outputs(variants: &[Variant], done: usize) {
    let later = &variants[done + 1..];
    for v in &variants[..=done] {
        if !later.iter().any(|l| l.copy_of.as_ref() == Some(&v.out)) {
            let _ = std::fs::remove_dir_all(&v.out);
        }
    }
}

/// `--table`: every size in turn, then the README's table.
fn table(args: &Args) -> Result<(), String> {
    let runs = args.runs.unwrap_or(5).max(1);
    let mut rows = Vec::new();
    for &pages in &args.table {
        // Large corpora get fewer runs: about the time of `runs` at 10 000.
        let n = (runs * 10_000).div_ceil(pages.max(1)).clamp(1, runs);
        let (root, variants) = measure(args, pages, n, true)?;
        print_report(args, pages, n, &root, &variants);
        rows.push((pages, n, variants));
    }
    let median_at = |size: usize| {
        rows.iter()
            .find(|(p, ..)| *p == size)
            .and_then(|(_, _, v)| v.first())
            .map(|v| v.median().as_secs_f64())
    };
    println!();
    let (peers_head, peers_rule) = if args.peers {
        (" Zola, Hugo (median, credo × faster) |", "---|")
    } else {
        ("", "")
    };
    println!(
        "| content pages (built) | runs | median | min | CPU | pages/s | peak memory | cp -r of the output | build / cp -r | output | × the 10 000-page time |{peers_head}"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|{peers_rule}");
    for (pages, n, variants) in &rows {
        let Some(build) = variants.iter().find(|v| v.is_credo()) else {
            continue;
        };
        let copy = variants.iter().find(|v| v.copy_of.is_some());
        let median = build.median().as_secs_f64();
        let built = build.runs.first().map_or(0, |s| s.pages);
        let copy_median = copy.map(|c| c.median().as_secs_f64());
        let scale = match median_at(10_000) {
            Some(base) if *pages > 10_000 && base > 0.0 => format!("{:.2}×", median / base),
            _ => String::new(),
        };
        let peers: Vec<String> = (variants.iter())
            .filter(|v| v.peer.is_some())
            .map(|v| {
                if v.runs.is_empty() {
                    return format!("{} failed", v.name);
                }
                let m = v.median().as_secs_f64();
                format!("{} {} ({:.1}×)", v.name, format_duration(m), m / median)
            })
            .collect();
        let peers = if args.peers {
            format!(" {} |", peers.join(", "))
        } else {
            String::new()
        };
        println!(
            "| {} ({}) | {n} | {} | {} | {} | {:.0} | {} | {} | {} | {:.0} MB | {scale} |{peers}",
            thousands(*pages),
            thousands(built),
            format_duration(median),
            format_duration(build.min().as_secs_f64()),
            build.cpu().map_or("-".into(), format_duration),
            if median > 0.0 {
                built as f64 / median
            } else {
                0.0
            },
            build
                .peak_mib()
                .map_or("-".into(), |m| format!("{m:.1} MiB")),
            copy_median.map_or("-".into(), format_duration),
            copy_median
                .filter(|c| *c > 0.0)
                .map_or("-".into(), |c| format!("{:.2}×", median / c)),
            build.out_bytes as f64 / 1e6,
        );
    }
    Ok(())
}

/// `12345` → "12 345", as the README writes numbers.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

impl Variant {
    fn new(name: &str, root: &Path, dir: &Path, binary: Option<PathBuf>) -> Variant {
        let slug: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
        Variant {
            name: name.to_string(),
            root: root.to_path_buf(),
            out: dir.join(format!("out-{slug}")),
            floor: false,
            copy_of: None,
            binary,
            peer: None,
            runs: Vec::new(),
            out_bytes: 0,
            failed: None,
        }
    }

    fn run_once(&self, exe: &Path) -> Result<Sample, String> {
        let binary = self.binary.as_deref();
        if self.out.exists() {
            std::fs::remove_dir_all(&self.out)
                .map_err(|e| format!("{}: {e}", self.out.display()))?;
        }
        let peak_file = self.out.with_extension("peak");
        let mut cmd = match (&self.copy_of, binary) {
            _ if let Some(run) = self.peer => {
                let peer = run.peer;
                peer.build(timed(peer.program(), &peak_file), &self.root, &self.out)
            }
            (Some(from), _) => {
                let mut c = timed("cp", &peak_file);
                c.arg("-r").arg(from).arg(&self.out);
                c
            }
            (None, Some(binary)) if !self.floor => {
                let mut c = timed(binary, &peak_file);
                c.arg("build")
                    .arg("-r")
                    .arg(&self.root)
                    .arg("-o")
                    .arg(&self.out);
                c
            }
            _ => {
                let mut c = Command::new(exe);
                let flag = if self.floor {
                    "--child-floor"
                } else {
                    "--child-build"
                };
                c.arg(flag).arg(&self.root).arg(&self.out);
                c
            }
        };
        cmd.env("CREDO_TIMINGS", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let start = Instant::now();
        let output = cmd
            .output()
            .map_err(|e| format!("cannot run the build: {e}"))?;
        let wall = start.elapsed();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            return Err(format!(
                "{} failed ({}):\n{stderr}",
                self.name, output.status
            ));
        }
        let mut sample = Sample {
            wall,
            pages: 0,
            peak_kib: None,
            cpu: None,
            stages: Vec::new(),
        };
        for word in stdout.split_whitespace() {
            if let Some(n) = word.strip_prefix("pages=") {
                sample.pages = n.parse().unwrap_or(0);
            } else if let Some(k) = word.strip_prefix("peak_kib=") {
                sample.peak_kib = k.parse().ok();
            } else if let Some(ms) = word.strip_prefix("cpu_ms=") {
                sample.cpu = ms.parse().ok().map(Duration::from_millis);
            }
        }
        let external =
            self.copy_of.is_some() || self.peer.is_some() || (binary.is_some() && !self.floor);
        if binary.is_some() && !self.floor && self.copy_of.is_none() && self.peer.is_none() {
            // `credo build` says "Built N pages (F files) into ...".
            sample.pages = stdout
                .split_whitespace()
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
        }
        if external {
            // /usr/bin/time wrote "PEAK_KIB USER_S SYSTEM_S".
            let timed = std::fs::read_to_string(&peak_file).unwrap_or_default();
            let mut words = timed.split_whitespace();
            sample.peak_kib = words.next().and_then(|s| s.parse().ok());
            let seconds = |w: Option<&str>| w.and_then(|s| s.parse::<f64>().ok());
            if let (Some(user), Some(system)) = (seconds(words.next()), seconds(words.next())) {
                sample.cpu = Some(Duration::from_secs_f64(user + system));
            }
            let _ = std::fs::remove_file(&peak_file);
        }
        for line in stderr.lines() {
            let mut parts = line.split_whitespace();
            if let (Some("timing:"), Some(stage), Some(ms)) =
                (parts.next(), parts.next(), parts.next())
            {
                sample
                    .stages
                    .push((stage.to_string(), ms.parse().unwrap_or(0.0)));
            }
        }
        Ok(sample)
    }

    /// Whether it is a credo build (not a floor, a copy or a peer).
    fn is_credo(&self) -> bool {
        !self.floor && self.copy_of.is_none() && self.peer.is_none()
    }

    fn median(&self) -> Duration {
        median(self.runs.iter().map(|s| s.wall.as_secs_f64()).collect())
            .map_or(Duration::ZERO, Duration::from_secs_f64)
    }

    /// Median CPU time (user + system), when measured.
    fn cpu(&self) -> Option<f64> {
        median(
            self.runs
                .iter()
                .filter_map(|s| s.cpu)
                .map(|d| d.as_secs_f64())
                .collect(),
        )
    }

    fn min(&self) -> Duration {
        self.runs.iter().map(|s| s.wall).min().unwrap_or_default()
    }

    fn peak_mib(&self) -> Option<f64> {
        let peaks: Vec<f64> = self
            .runs
            .iter()
            .filter_map(|s| s.peak_kib)
            .map(|k| k as f64 / 1024.0)
            .collect();
        median(peaks)
    }

    /// Per-stage medians, in the order the stages ran.
    fn stages(&self) -> Vec<(String, f64)> {
        let Some(first) = self.runs.first() else {
            return Vec::new();
        };
        first
            .stages
            .iter()
            .map(|(name, _)| {
                let values = self
                    .runs
                    .iter()
                    .flat_map(|s| s.stages.iter().filter(|(n, _)| n == name))
                    .map(|(_, ms)| *ms)
                    .collect();
                (name.clone(), median(values).unwrap_or(0.0))
            })
            .collect()
    }
}

/// `program` under `/usr/bin/time` (when there is one), which writes its
/// peak memory and CPU seconds to `out`.
fn timed(program: impl AsRef<std::ffi::OsStr>, out: &Path) -> Command {
    if Path::new("/usr/bin/time").is_file() {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%M %U %S").arg("-o").arg(out).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

fn print_report(args: &Args, pages: usize, runs: usize, root: &Path, variants: &[Variant]) {
    let built = variants
        .iter()
        .find(|v| !v.floor)
        .and_then(|v| v.runs.first())
        .map_or(0, |s| s.pages);
    let how = if args.binary.is_empty() {
        "credo::pipeline::build in a child process (peak = child's VmHWM)".to_string()
    } else {
        let list: Vec<String> = args
            .binary
            .iter()
            .enumerate()
            .map(|(i, b)| format!("#{} = {}", i + 1, b.display()))
            .collect();
        format!(
            "`credo build` ({}; peak from /usr/bin/time)",
            list.join(", ")
        )
    };
    println!(
        "credo bench: {pages} content pages ({built} with sections), seed {}, {runs} runs + {} warm-up, {} CPUs",
        args.seed,
        args.warmup,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "corpus {} on {}; {how}",
        root.display(),
        fs_type(root).unwrap_or_else(|| "unknown fs".into())
    );
    let floor = variants
        .iter()
        .find(|v| v.floor)
        .map(|v| v.median().as_secs_f64());
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>9} {:>9} {:>8} {:>8}",
        "variant", "median", "min", "CPU", "pages/s", "peak MiB", "/floor", "out MB"
    );
    for v in variants {
        if let Some(why) = v.failed.as_deref().filter(|_| v.runs.is_empty()) {
            println!("{:<22} {why}", v.name);
            continue;
        }
        let median = v.median().as_secs_f64();
        let rate = if median > 0.0 {
            built as f64 / median
        } else {
            0.0
        };
        let ratio = match floor {
            Some(f) if f > 0.0 && !v.floor => format!("{:.2}×", median / f),
            _ => "-".to_string(),
        };
        println!(
            "{:<22} {:>10} {:>10} {:>10} {:>9.0} {:>9} {:>8} {:>8.1}",
            v.name,
            format_duration(median),
            format_duration(v.min().as_secs_f64()),
            v.cpu().map_or("-".into(), format_duration),
            rate,
            v.peak_mib().map_or("-".into(), |m| format!("{m:.1}")),
            ratio,
            v.out_bytes as f64 / 1e6
        );
    }
    if let Some(copy) = variants.iter().find(|v| v.copy_of.is_some()) {
        let c = copy.median().as_secs_f64();
        for v in variants.iter().filter(|v| v.is_credo()) {
            if c > 0.0 {
                println!(
                    "{} / cp -r of its output: {:.2}×",
                    v.name,
                    v.median().as_secs_f64() / c
                );
            }
        }
    }
    if let Some(credo) = variants.iter().find(|v| v.is_credo()) {
        for peer in variants.iter().filter(|v| v.peer.is_some()) {
            let (c, p) = (credo.median().as_secs_f64(), peer.median().as_secs_f64());
            if c > 0.0 && p >= c {
                println!("{} is {:.2}× faster than {}", credo.name, p / c, peer.name);
            } else if p > 0.0 {
                println!("{} is {:.2}× faster than {}", peer.name, c / p, credo.name);
            }
        }
    }
    for v in variants.iter().filter(|v| v.is_credo()) {
        let stages: Vec<String> = v
            .stages()
            .iter()
            .map(|(name, ms)| format!("{name} {ms:.1}"))
            .collect();
        if !stages.is_empty() {
            println!("stages of {} (median ms): {}", v.name, stages.join(", "));
        }
    }
}

fn format_duration(secs: f64) -> String {
    if secs < 1.0 {
        format!("{:.1} ms", secs * 1000.0)
    } else {
        format!("{secs:.3} s")
    }
}

/// The file system type of the mount holding `path` (from /proc/mounts).
fn fs_type(path: &Path) -> Option<String> {
    let path = path.canonicalize().ok()?;
    let mounts = std::fs::read_to_string("/proc/mounts").ok()?;
    mounts
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (_, at, fs) = (f.next()?, f.next()?, f.next()?);
            path.starts_with(at).then(|| (at.len(), fs.to_string()))
        })
        .max()
        .map(|(_, fs)| fs)
}

/// The corpus for (pages, seed) under `dir`, generated on first use.
fn ensure_corpus(dir: &Path, pages: usize, seed: u64) -> Result<PathBuf, String> {
    let root = dir.join(format!("corpus-{pages}-s{seed}"));
    let stamp = format!("pages={pages} seed={seed}\n");
    let cached = std::fs::read_to_string(root.join(corpus::MARKER)).is_ok_and(|s| s == stamp)
        && root.join("credo.yaml").is_file();
    if !cached {
        let start = Instant::now();
        let options = corpus::CorpusOptions {
            pages,
            seed,
            search: true,
        };
        let stats = corpus::generate(&options, &root)?;
        eprintln!(
            "generated {} pages, {} sections ({:.1} MB) in {} ms",
            stats.pages,
            stats.sections,
            stats.bytes as f64 / 1e6,
            start.elapsed().as_millis()
        );
    }
    Ok(root)
}

/// A copy of the corpus whose credo.yaml says `search: false` (content hard-linked).
fn ensure_search_off(root: &Path) -> Result<PathBuf, String> {
    let config = std::fs::read_to_string(root.join("credo.yaml"))
        .map_err(|e| format!("{}: {e}", root.join("credo.yaml").display()))?;
    let config = config.replace("search: true", "search: false");
    corpus_copy(root, "-search-off", |_| None, &[("credo.yaml", &config)])
}

/// The corpus at `root` copied beside it (its name plus `suffix`), made
/// once per corpus: `content/` hard-linked, but for the Markdown files that
/// `rewrite` gives new text, with `files` (path, text) written in it.
fn corpus_copy(
    root: &Path,
    suffix: &str,
    rewrite: impl Fn(&str) -> Option<String>,
    files: &[(&str, &str)],
) -> Result<PathBuf, String> {
    let mut name = root.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    let copy = root.with_file_name(name);
    let stamp = std::fs::read_to_string(root.join(corpus::MARKER))
        .map_err(|e| format!("{}: {e}", root.display()))?;
    if std::fs::read_to_string(copy.join(corpus::MARKER)).is_ok_and(|s| s == stamp) {
        return Ok(copy);
    }
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    if copy.exists() {
        std::fs::remove_dir_all(&copy).map_err(|e| err(&copy, e))?;
    }
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let entry = entry.map_err(|e| e.to_string())?;
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let to = copy.join(rel);
        let markdown = rel.extension().is_some_and(|e| e == "md");
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).map_err(|e| err(&to, e))?;
        } else if let Some(text) = markdown
            .then(|| std::fs::read_to_string(entry.path()).ok())
            .flatten()
            .and_then(|text| rewrite(&text))
        {
            std::fs::write(&to, text).map_err(|e| err(&to, e))?;
        } else if std::fs::hard_link(entry.path(), &to).is_err() {
            std::fs::copy(entry.path(), &to).map_err(|e| err(&to, e))?;
        }
    }
    for (path, text) in files {
        let to = copy.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| err(parent, e))?;
        }
        std::fs::write(&to, text).map_err(|e| err(&to, e))?;
    }
    std::fs::write(copy.join(corpus::MARKER), stamp).map_err(|e| err(&copy, e))?;
    Ok(copy)
}
