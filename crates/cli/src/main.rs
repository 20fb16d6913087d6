//! The `loopscope` command line: run a program natively on the virtual clock (SPEC §6).

use std::io::Write;
use std::process::ExitCode;

use loopscope_core::{format_seconds, run, Settings};

const USAGE: &str =
    "usage: loopscope run FILE.py [--timed] [--trace json] [--cores N] [--gil on|off]
       loopscope digest [--cores N] [--gil on|off] FILE.py...

run: runs a Python asyncio program on loopscope's virtual clock and prints its output.
  --timed        prefix each line with its virtual time: <seconds, 6 decimals>\\t<text>
  --trace json   print the whole trace as JSON instead of the output
  --cores N      CPUs of the simulated machine (default 4)
  --gil on|off   whether threads of one process share a GIL (default on)
Exit status: 0 ok, 1 uncaught exception, 2 compile error, 3 deadlock, 4 limit reached;
SystemExit(n) exits with n.

digest: runs each FILE and prints `<digest>\\t<FILE>`, one line each, where the digest
is 16 hex digits hashing the whole result (status, stderr, the trace as --trace json
has it): the page computes the same in wasm (tests/browser/determinism.test.mjs).
A FILE that cannot be read is named on stderr and the others still run; the exit
status is then 66 (0 otherwise, whatever the programs did).";

struct Args {
    command: Command,
    files: Vec<String>,
    timed: bool,
    trace_json: bool,
    settings: Settings,
}

#[derive(Clone, Copy, PartialEq)]
enum Command {
    Run,
    Digest,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let command = match it.next().as_deref() {
        Some("run") => Command::Run,
        Some("digest") => Command::Digest,
        Some("-h" | "--help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command '{other}'")),
    };
    let mut files = Vec::new();
    let mut timed = false;
    let mut trace_json = false;
    let mut settings = Settings::default();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--timed" if command == Command::Run => timed = true,
            "--trace" if command == Command::Run => match it.next().as_deref() {
                Some("json") => trace_json = true,
                other => return Err(format!("--trace takes 'json', not {other:?}")),
            },
            "--cores" => {
                let v = it.next().ok_or("--cores needs a number")?;
                settings.cores = match v.parse::<u32>() {
                    Ok(n) if (1..=256).contains(&n) => n,
                    _ => {
                        return Err(format!(
                            "--cores takes a whole number from 1 to 256, not '{v}'"
                        ))
                    }
                };
            }
            "--gil" => {
                settings.gil = match it.next().as_deref() {
                    Some("on") => true,
                    Some("off") => false,
                    other => return Err(format!("--gil takes 'on' or 'off', not {other:?}")),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            s => files.push(s.to_string()),
        }
    }
    match (command, files.len()) {
        (_, 0) => return Err("missing FILE.py".into()),
        (Command::Run, 2..) => return Err("only one FILE can be run at a time".into()),
        _ => {}
    }
    Ok(Args {
        command,
        files,
        timed,
        trace_json,
        settings,
    })
}

/// Why a program file could not be run: the message and the exit status.
fn read_source(file: &str) -> Result<String, (String, u8)> {
    match std::fs::read(file) {
        Ok(bytes) => String::from_utf8(bytes)
            .map_err(|_| (format!("{file}:1:1: the file is not valid UTF-8"), 2)),
        Err(e) => Err((format!("loopscope: cannot read {file}: {e}"), 66)),
    }
}

/// `loopscope digest`: one line per file, `<digest>\t<file>`.
fn digest(args: &Args) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for file in &args.files {
        match read_source(file) {
            Ok(source) => {
                let d = run(&source, &args.settings).digest();
                if writeln!(out, "{d}\t{file}").is_err() {
                    return ExitCode::from(74);
                }
            }
            Err((message, _)) => {
                let _ = out.flush();
                eprintln!("{message}");
                failed = true;
            }
        }
    }
    let _ = out.flush();
    ExitCode::from(if failed { 66 } else { 0 })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("loopscope: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(if e.is_empty() { 0 } else { 64 });
        }
    };
    if args.command == Command::Digest {
        return digest(&args);
    }
    let file = args.files.first().map_or("", String::as_str);
    let source = match read_source(file) {
        Ok(s) => s,
        Err((message, status)) => {
            eprintln!("{message}");
            return ExitCode::from(status);
        }
    };
    let result = run(&source, &args.settings);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.trace_json {
        if let Err(e) = serde_json::to_writer(&mut out, &result.trace) {
            eprintln!("loopscope: cannot write the trace: {e}");
        }
        let _ = writeln!(out);
    } else {
        for line in &result.trace.output {
            let _ = if args.timed {
                writeln!(out, "{}\t{}", format_seconds(line.t), line.text)
            } else {
                writeln!(out, "{}", line.text)
            };
        }
    }
    let _ = out.flush();
    drop(out);
    let mut err = std::io::stderr().lock();
    // The first compile error is the one to fix; later ones often follow from it.
    if let Some(e) = result.compile_errors.first() {
        let _ = writeln!(err, "{}:{}:{}: {}", file, e.line, e.col, e.message);
    }
    if result.compile_errors.is_empty() {
        for l in &result.stderr {
            let _ = writeln!(err, "{l}");
        }
    }
    let status = ExitCode::from(result.status.exit_code() as u8);
    // The process ends here and the system takes its memory back whole:
    // freeing the trace piece by piece first (fanout's 76 MB) took 5% of a
    // large run's time. Nothing in it does anything when dropped.
    std::mem::forget(result);
    status
}
