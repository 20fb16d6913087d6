//! The `loopscope` command line: run a program natively on the virtual clock (SPEC §6).

use std::io::Write;
use std::process::ExitCode;

use loopscope_core::{format_seconds, run, Settings};

const USAGE: &str =
    "usage: loopscope run FILE.py [--timed] [--trace json] [--cores N] [--gil on|off]

Runs a Python asyncio program on loopscope's virtual clock and prints its output.
  --timed        prefix each line with its virtual time: <seconds, 6 decimals>\\t<text>
  --trace json   print the whole trace as JSON instead of the output
  --cores N      CPUs of the simulated machine (default 4)
  --gil on|off   whether threads of one process share a GIL (default on)
Exit status: 0 ok, 1 uncaught exception, 2 compile error, 3 deadlock, 4 limit reached;
SystemExit(n) exits with n.";

struct Args {
    file: String,
    timed: bool,
    trace_json: bool,
    settings: Settings,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    match it.next().as_deref() {
        Some("run") => {}
        Some("-h" | "--help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command '{other}'")),
    }
    let mut file = None;
    let mut timed = false;
    let mut trace_json = false;
    let mut settings = Settings::default();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--timed" => timed = true,
            "--trace" => match it.next().as_deref() {
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
            s => {
                if file.replace(s.to_string()).is_some() {
                    return Err("only one FILE can be run at a time".into());
                }
            }
        }
    }
    let file = file.ok_or("missing FILE.py")?;
    Ok(Args {
        file,
        timed,
        trace_json,
        settings,
    })
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
    let source = match std::fs::read(&args.file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => {
                eprintln!("{}:1:1: the file is not valid UTF-8", args.file);
                return ExitCode::from(2);
            }
        },
        Err(e) => {
            eprintln!("loopscope: cannot read {}: {e}", args.file);
            return ExitCode::from(66);
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
        let _ = writeln!(err, "{}:{}:{}: {}", args.file, e.line, e.col, e.message);
    }
    if result.compile_errors.is_empty() {
        for l in &result.stderr {
            let _ = writeln!(err, "{l}");
        }
    }
    ExitCode::from(result.status.exit_code() as u8)
}
