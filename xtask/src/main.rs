//! Project automation (`cargo xtask …`): set up what is missing, run every check, refresh fixtures.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const HELP: &str = "cargo xtask <command>

  test    install what the checks need (skipping what is there), then run them all:
          rustfmt, clippy -D warnings, every test, and the wasm32 build of the core
  bless   regenerate tests/programs/*.out|.exit|.err with CPython via ../shared/tools/asyncio_oracle.py
          (review the result with git diff)";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn run(step: &str, cmd: &mut Command) -> bool {
    println!("\n==> {step}");
    match cmd.current_dir(root()).status() {
        Ok(s) if s.success() => true,
        Ok(s) => {
            eprintln!("xtask: `{step}` failed ({s})");
            false
        }
        Err(e) => {
            eprintln!("xtask: cannot start `{step}`: {e}");
            false
        }
    }
}

fn output(cmd: &str, args: &[&str]) -> String {
    Command::new(cmd)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

fn ensure_wasm_target() -> bool {
    if output("rustup", &["target", "list", "--installed"])
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return true;
    }
    run(
        "install the wasm32 target",
        Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
    )
}

fn test() -> bool {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    ensure_wasm_target()
        && run(
            "rustfmt",
            Command::new(&cargo).args(["fmt", "--all", "--", "--check"]),
        )
        && run(
            "clippy",
            Command::new(&cargo).args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--locked",
                "--",
                "-D",
                "warnings",
            ]),
        )
        && run(
            "tests",
            Command::new(&cargo).args(["test", "--workspace", "--locked"]),
        )
        && run(
            "core builds for wasm32",
            Command::new(&cargo).args([
                "build",
                "-p",
                "loopscope-core",
                "--target",
                "wasm32-unknown-unknown",
                "--locked",
            ]),
        )
}

/// Regenerate the expected outputs of the project's programs with CPython.
fn bless() -> bool {
    let root = root();
    let oracle = root.join("../shared/tools/asyncio_oracle.py");
    if !oracle.is_file() {
        eprintln!(
            "xtask: {} not found: bless needs ../shared beside the checkout",
            oracle.display()
        );
        return false;
    }
    let dir = root.join("crates/core/tests/programs");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return false;
    };
    let mut programs: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    programs.sort();
    for py in programs {
        let out = match Command::new("python3").arg(&oracle).arg(&py).output() {
            Ok(o) => o,
            Err(e) => {
                eprintln!("xtask: cannot run python3: {e}");
                return false;
            }
        };
        let code = out.status.code().unwrap_or(-1);
        let write = |ext: &str, data: &[u8]| std::fs::write(py.with_extension(ext), data).is_ok();
        let mut ok = write("out", &out.stdout) && write("exit", format!("{code}\n").as_bytes());
        let err_path = py.with_extension("err");
        if code != 0 {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let last = stderr.lines().last().unwrap_or_default();
            ok &= write("err", format!("{last}\n").as_bytes());
        } else if err_path.exists() {
            ok &= std::fs::remove_file(&err_path).is_ok();
        }
        if !ok {
            eprintln!("xtask: cannot write the expected files of {}", py.display());
            return false;
        }
        println!(
            "blessed {} (exit {code})",
            py.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
    }
    true
}

fn main() -> ExitCode {
    let ok = match std::env::args().nth(1).as_deref() {
        Some("test") => test(),
        Some("bless") => bless(),
        _ => {
            println!("{HELP}");
            true
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
