//! The command line of SPEC §6: output formats, exit statuses and stderr's last line.

use std::process::Command;

fn loopscope(args: &[&str], program: &str) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("loopscope-cli-test-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join(format!("prog{}.py", args.len() + program.len()));
    std::fs::write(&file, program).expect("write a temporary program");
    let out = Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .arg("run")
        .arg(&file)
        .args(args)
        .output()
        .expect("run loopscope");
    let code = out.status.code().unwrap_or(-1);
    (
        code,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const SLEEPY: &str = "import asyncio\nasync def main():\n    print('a')\n    await asyncio.sleep(0.25)\n    print('b', end='')\nasyncio.run(main())\n";

#[test]
fn plain_and_timed_output() {
    let (code, out, _) = loopscope(&[], SLEEPY);
    assert_eq!((code, out.as_str()), (0, "a\nb\n"));
    let (code, out, _) = loopscope(&["--timed"], SLEEPY);
    assert_eq!((code, out.as_str()), (0, "0.000000\ta\n0.250000\tb\n"));
}

#[test]
fn uncaught_exception_exits_1_with_cpythons_last_line() {
    let (code, _, err) = loopscope(&[], "d = {}\nprint(d['cache'])\n");
    assert_eq!(code, 1);
    assert_eq!(err.lines().last(), Some("KeyError: 'cache'"));
}

#[test]
fn compile_error_exits_2_with_file_line_col() {
    let (code, _, err) = loopscope(&[], "x = 1\nclass A:\n    pass\n");
    assert_eq!(code, 2);
    let line = err.lines().next().unwrap_or_default();
    assert!(
        line.contains(".py:2:1: unsupported: class definitions"),
        "{line}"
    );
}

#[test]
fn deadlock_exits_3_naming_the_stuck_task() {
    let src = "import asyncio\nasync def main():\n    ev = asyncio.Event()\n    await ev.wait()\nasyncio.run(main())\n";
    let (code, _, err) = loopscope(&[], src);
    assert_eq!(code, 3);
    assert!(err.contains("Task-1 (main) waits for Event"), "{err}");
    assert_eq!(
        err.lines().last(),
        Some("deadlock: no task can ever run again")
    );
}

#[test]
fn limit_exits_4() {
    let (code, _, err) = loopscope(&[], "while True:\n    pass\n");
    assert_eq!(code, 4);
    assert!(err.contains("step limit"), "{err}");
}

#[test]
fn trace_json_is_the_versioned_trace() {
    let (code, out, _) = loopscope(&["--trace", "json"], SLEEPY);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["version"], 2);
    assert_eq!(v["tasks"][0]["name"], "Task-1");
    assert_eq!(v["output"][1]["text"], "b");
    assert_eq!(v["output"][1]["t"], 0.25);
}

#[test]
fn bad_arguments_get_a_usage_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args(["run", "x.py", "--cores", "zero"])
        .output()
        .expect("run");
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--cores takes a whole number"));
    let out = Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args(["run", "/nonexistent/x.py"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
