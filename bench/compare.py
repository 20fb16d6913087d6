#!/usr/bin/env python3
"""Side-by-side benchmark: loopscope against CPython asyncio and SimPy.

Usage: python3 bench/compare.py [--runs N] [--only fanout,tree] [--markdown FILE]

For each workload bench/W.py it measures the wall time (median of the runs) of

  * loopscope native:  target/release/loopscope run bench/W.py
  * loopscope wasm:    $LOOPSCOPE_WASM_BENCH --runs N bench/W.py ...
                       (default: node bench/browser/wasm-bench.mjs; prints one
                       JSON object {"W": [ms, ...], ...} on stdout)
  * CPython asyncio:   python3 ../shared/tools/asyncio_oracle.py bench/W.py
  * SimPy 4:           target/bench-venv/bin/python bench/simpy/W.py

and counts loopscope's scheduler events from one `--trace json` run. Each
loopscope run's exit status is checked, and its output is compared with the
CPython oracle's (or, where the oracle cannot run the program, with the SimPy
model's), so that a wrong run is flagged in the table rather than timed.

The SimPy venv (target/bench-venv) is created and `simpy==4.*` installed from
PyPI on first use. Build the simulator first:
    cargo build --release -p loopscope-cli
"""
import argparse
import datetime
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
NATIVE = ROOT / "target" / "release" / "loopscope"
ORACLE = ROOT.parent / "shared" / "tools" / "asyncio_oracle.py"
VENV = ROOT / "target" / "bench-venv"
VENV_PYTHON = VENV / "bin" / "python"
WASM_DEFAULT = "node bench/browser/wasm-bench.mjs"
BUILD_HINT = "cargo build --release -p loopscope-cli"

# Workloads in table order; the value says why CPython cannot run it, if so.
WORKLOADS = {
    "fanout": None,
    "pingpong": None,
    "contention": None,
    "tree": None,
    "gil": "n/a (threads outside the oracle)",
}
# Slow tools are run at most this many times whatever --runs says.
RUN_CAP = {"CPython": 3, "SimPy": 3}
RUN_TIMEOUT = 900          # seconds for one run of any tool
WASM_TIMEOUT = 3600        # seconds for the whole wasm-bench command
MARK_START = "<!-- bench:table:start -->"
MARK_END = "<!-- bench:table:end -->"
HEADERS = ["workload", "events", "loopscope native ms", "events/s", "wasm ms",
           "CPython ms", "SimPy ms", "CPython/native", "SimPy/native", "check"]


def log(msg):
    """Print a progress or diagnostic line on stderr."""
    print(msg, file=sys.stderr, flush=True)


def rel(path):
    """Return path relative to the repository root, for messages."""
    try:
        return str(Path(path).relative_to(ROOT))
    except ValueError:
        return str(path)


def last_line(text):
    """Return the last non-empty line of text, or '' when there is none."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


class Outcome:
    """The result of timing one tool on one workload.

    ms is the median wall time in milliseconds (None when not measured);
    note explains a missing or failed measurement; lines holds the output
    lines of a checked run (texts only, without the oracle's timestamps).
    """

    def __init__(self, ms=None, note=None, lines=None):
        self.ms = ms
        self.note = note
        self.lines = lines


def timed_runs(cmd, runs, capture=False):
    """Run cmd `runs` times and return an Outcome with the median wall time.

    The clock (time.perf_counter) is read around subprocess.run. Output goes to
    DEVNULL unless capture is set, in which case the first run's stdout lines
    are kept (the workloads print one short line, so this costs nothing
    measurable). A non-zero exit status or a timeout stops the runs and is
    reported in the Outcome's note.
    """
    times, lines = [], None
    for i in range(runs):
        out = subprocess.PIPE if capture else subprocess.DEVNULL
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, cwd=ROOT, stdout=out, stderr=subprocess.PIPE,
                                  text=True, timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            return Outcome(note=f"timeout after {RUN_TIMEOUT} s")
        except OSError as e:
            return Outcome(note=f"cannot run {cmd[0]}: {e.strerror}")
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            reason = last_line(proc.stderr)
            return Outcome(note=f"exit {proc.returncode}" + (f": {reason}" if reason else ""))
        times.append(elapsed * 1000)
        if capture and i == 0:
            lines = proc.stdout.splitlines()
    return Outcome(ms=statistics.median(times), lines=lines)


def run_native(workload, runs):
    """Time loopscope native and return (Outcome, output lines of a check run).

    The check run is one extra, untimed run whose stdout is kept for the
    comparison with the reference output.
    """
    if not NATIVE.exists():
        return Outcome(note="n/a (no binary)"), None
    cmd = [str(NATIVE), "run", str(BENCH / f"{workload}.py")]
    check = timed_runs(cmd, 1, capture=True)
    if check.note:
        return check, None
    return timed_runs(cmd, runs), check.lines


def count_events(workload):
    """Return (events, note): the scheduler events of one `--trace json` run.

    The trace can be hundreds of megabytes, so instead of parsing it this
    streams stdout and reads the count from the trailing summary object
    ("summary": {..., "events": N, "iterations": M}), which equals the length
    of the top-level "events" array.
    """
    if not NATIVE.exists():
        return None, "no binary"
    cmd = [str(NATIVE), "run", "--trace", "json", str(BENCH / f"{workload}.py")]
    tail = b""
    try:
        with subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL) as proc:
            while chunk := proc.stdout.read(1 << 20):
                tail = (tail + chunk)[-4096:]
    except OSError as e:
        return None, f"cannot run loopscope: {e.strerror}"
    found = re.search(rb'"events":(\d+),"iterations":\d+\}\}\s*$', tail)
    if not found:
        return None, f"trace summary not found (exit {proc.returncode})"
    return int(found.group(1)), None


def run_cpython(workload, runs):
    """Time the program in CPython asyncio under the virtual-clock oracle.

    The returned Outcome's lines are the texts of the oracle's
    "<time>\\t<text>" lines, the reference output for the check.
    """
    if WORKLOADS[workload]:
        return Outcome(note=WORKLOADS[workload])
    if not ORACLE.exists():
        return Outcome(note="n/a (../shared absent)")
    python = shutil.which("python3") or sys.executable
    cmd = [python, str(ORACLE), str(BENCH / f"{workload}.py")]
    result = timed_runs(cmd, min(runs, RUN_CAP["CPython"]), capture=True)
    if result.lines is not None:
        result.lines = [line.split("\t", 1)[-1] for line in result.lines]
    return result


def ensure_venv():
    """Make target/bench-venv with SimPy 4 in it; return None or a failure reason.

    Idempotent: nothing is done when `import simpy` already works in the venv.
    """
    if VENV_PYTHON.exists() and subprocess.run(
            [str(VENV_PYTHON), "-c", "import simpy"], cwd=ROOT,
            capture_output=True).returncode == 0:
        return None
    steps = []
    if not VENV_PYTHON.exists():
        log(f"creating {rel(VENV)} ...")
        steps.append([sys.executable, "-m", "venv", str(VENV)])
    log(f"installing simpy==4.* into {rel(VENV)} from PyPI ...")
    steps.append([str(VENV_PYTHON), "-m", "pip", "install", "--quiet",
                  "--disable-pip-version-check", "simpy==4.*"])
    for cmd in steps:
        try:
            proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                                  timeout=RUN_TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as e:
            return f"{shlex.join(cmd[1:3])} failed: {e}"
        if proc.returncode != 0:
            return f"{shlex.join(cmd[1:3])} failed: {last_line(proc.stderr + proc.stdout)}"
    return None


def simpy_version():
    """Return the venv's SimPy version, or None when it is not installed."""
    try:
        proc = subprocess.run(
            [str(VENV_PYTHON), "-c", "import importlib.metadata as m; print(m.version('simpy'))"],
            cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def run_simpy(workload, runs, venv_error):
    """Time the SimPy model bench/simpy/W.py with the venv's python."""
    if venv_error:
        return Outcome(note="n/a (no venv)")
    model = BENCH / "simpy" / f"{workload}.py"
    if not model.exists():
        return Outcome(note=f"{rel(model)} absent")
    return timed_runs([str(VENV_PYTHON), str(model)], min(runs, RUN_CAP["SimPy"]),
                      capture=True)


def run_wasm(workloads, runs):
    """Time loopscope's wasm build in Chromium via the external wasm-bench command.

    Returns ({workload: Outcome}, note); note is a one-line reason when the
    command is missing or fails, in which case the dict is empty.
    """
    command = os.environ.get("LOOPSCOPE_WASM_BENCH")
    if not command:
        if not (ROOT / "bench" / "browser" / "wasm-bench.mjs").exists():
            return {}, "bench/browser/wasm-bench.mjs absent and LOOPSCOPE_WASM_BENCH unset"
        command = WASM_DEFAULT
    cmd = shlex.split(command) + ["--runs", str(runs)]
    cmd += [str(Path("bench") / f"{w}.py") for w in workloads]
    log(f"wasm: {shlex.join(cmd)}")
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                              timeout=WASM_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {}, f"wasm-bench timed out after {WASM_TIMEOUT} s"
    except OSError as e:
        return {}, f"cannot run {cmd[0]}: {e.strerror}"
    if proc.returncode != 0:
        return {}, f"wasm-bench exit {proc.returncode}: {last_line(proc.stderr) or 'no message'}"
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        return {}, f"wasm-bench printed no JSON object: {e}"
    if not isinstance(data, dict):
        return {}, "wasm-bench printed JSON that is not an object"
    results = {}
    for w in workloads:
        times = data.get(w)
        if isinstance(times, list) and times and all(isinstance(t, (int, float)) for t in times):
            results[w] = Outcome(ms=statistics.median(times))
        else:
            results[w] = Outcome(note="no times in wasm-bench output")
    return results, None


def check_output(native, native_lines, cpython, simpy):
    """Compare loopscope's output with the reference output.

    The reference is the CPython oracle's output, or the SimPy model's where
    the oracle cannot run the program. Returns (cell, detail): cell is "ok
    (= CPython)", "unchecked" or a short "✗ ..." flag, and detail is a
    one-line explanation for the notes (None when all is well).
    """
    if native.note and native.note.startswith("n/a"):
        return "–", None
    if native.note:
        short = native.note.split(":", 1)[0]
        return f"✗ {short}", f"loopscope {native.note}"
    if cpython.lines is not None:
        ref, source = cpython.lines, "CPython"
    elif simpy.lines is not None:
        ref, source = simpy.lines, "SimPy"
    else:
        return "unchecked", "no reference output (neither CPython nor SimPy ran)"
    if native_lines != ref:
        got = " / ".join(native_lines) or "nothing"
        want = " / ".join(ref) or "nothing"
        return "✗ output", f"loopscope printed {got!r}, {source} {want!r}"
    return f"ok (= {source})", None


def fmt_ms(outcome):
    """Format an Outcome's median for a table cell.

    A tool that cannot run the workload shows its "n/a (...)" note; a failed
    run shows "–" (its reason goes to the notes under the table).
    """
    if outcome.ms is None:
        return outcome.note if outcome.note and outcome.note.startswith("n/a") else "–"
    return f"{outcome.ms:,.0f}" if outcome.ms >= 100 else f"{outcome.ms:.1f}"


def fmt_ratio(num, den):
    """Format num/den as 'N.N×', or '–' when either is missing."""
    if num is None or den is None or den <= 0:
        return "–"
    return f"{num / den:.1f}×"


def build_row(workload, events, native, wasm, cpython, simpy, check):
    """Return the table row (list of cells) for one workload."""
    good = not check.startswith("✗")
    native_ms = native.ms if good else None
    native_cell = fmt_ms(native) + ("" if good or native.ms is None else " ✗")
    if not good:
        events = None  # counted from a wrong run: not worth showing
    if events is None or native_ms is None:
        eps = "–"
    else:
        eps = f"{events / (native_ms / 1000) / 1e6:.2f} M"
    return [workload,
            f"{events:,}" if events is not None else "–",
            native_cell, eps, fmt_ms(wasm), fmt_ms(cpython), fmt_ms(simpy),
            fmt_ratio(cpython.ms, native_ms), fmt_ratio(simpy.ms, native_ms), check]


def text_table(rows):
    """Render rows under HEADERS as an aligned plain-text table."""
    table = [HEADERS] + rows
    widths = [max(len(r[i]) for r in table) for i in range(len(HEADERS))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in table]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows):
    """Render rows under HEADERS as a Markdown table (numbers right-aligned)."""
    align = ["---"] + ["---:"] * (len(HEADERS) - 2) + ["---"]
    out = ["| " + " | ".join(HEADERS) + " |", "|" + "|".join(align) + "|"]
    out += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
    return "\n".join(out)


def machine_line():
    """Describe the machine: CPU model, cores, python3 and SimPy versions, date."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        py = subprocess.run(["python3", "--version"], capture_output=True,
                            text=True).stdout.strip() or "python3 unknown"
    except OSError:
        py = "python3 absent"
    simpy = simpy_version()
    return (f"Machine: {cpu}, {os.cpu_count()} cores, {py}, "
            f"SimPy {simpy or 'absent'}, {datetime.date.today().isoformat()}.")


def write_markdown(path, block):
    """Put block between the bench:table markers of the file at path.

    The existing block is replaced; a file without markers gets them appended,
    and a missing file is created.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    new = f"{MARK_START}\n{block}\n{MARK_END}"
    start, end = text.find(MARK_START), text.find(MARK_END)
    if start != -1 and end > start:
        text = text[:start] + new + text[end + len(MARK_END):]
    else:
        if start != -1 or end != -1:
            log(f"{path}: markers out of order; appending a new block")
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + new + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def parse_args():
    """Parse the command line; exit with a one-line message on a bad workload name."""
    parser = argparse.ArgumentParser(
        description="Time loopscope against CPython asyncio and SimPy on bench/*.py.")
    parser.add_argument("--runs", type=int, default=5,
                        help="runs per tool, median reported (default 5; CPython and "
                             f"SimPy at most {RUN_CAP['CPython']})")
    parser.add_argument("--only", help="comma-separated workloads, e.g. fanout,tree")
    parser.add_argument("--markdown", metavar="FILE",
                        help="also write the table into FILE between the bench:table markers")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.only:
        chosen = [w.strip() for w in args.only.split(",") if w.strip()]
        unknown = [w for w in chosen if w not in WORKLOADS]
        if unknown:
            parser.error(f"unknown workload(s) {', '.join(unknown)}; "
                         f"choose from {', '.join(WORKLOADS)}")
        args.workloads = [w for w in WORKLOADS if w in chosen]
    else:
        args.workloads = list(WORKLOADS)
    return args


def main():
    """Measure every chosen workload with every tool and print the table."""
    args = parse_args()
    notes = []
    if not NATIVE.exists():
        notes.append(f"loopscope native: {rel(NATIVE)} absent; build it with: {BUILD_HINT}")
        log(notes[-1])
    venv_error = ensure_venv()
    if venv_error:
        notes.append(f"SimPy: {venv_error}")
        log(notes[-1])
    wasm, wasm_note = run_wasm(args.workloads, args.runs)
    if wasm_note:
        notes.append(f"wasm: {wasm_note}")
        log(notes[-1])

    rows = []
    for w in args.workloads:
        log(f"{w}: loopscope native ...")
        native, native_lines = run_native(w, args.runs)
        events, events_note = count_events(w)
        log(f"{w}: CPython asyncio ...")
        cpython = run_cpython(w, args.runs)
        log(f"{w}: SimPy ...")
        simpy = run_simpy(w, args.runs, venv_error)
        check, detail = check_output(native, native_lines, cpython, simpy)
        wasm_outcome = wasm.get(w, Outcome())
        rows.append(build_row(w, events, native, wasm_outcome, cpython, simpy, check))
        problems = [("check", detail), ("events", events_note if native.ms else None)]
        problems += [(tool, o.note) for tool, o in
                     (("wasm", wasm_outcome), ("CPython", cpython), ("SimPy", simpy))
                     if o.ms is None and o.note and not o.note.startswith("n/a")]
        for tool, problem in problems:
            if problem:
                notes.append(f"{w}: {tool}: {problem}")
                log(notes[-1])

    caps = ", ".join(f"{tool} at most {n}" for tool, n in RUN_CAP.items())
    header = f"Wall time, median of {args.runs} run(s) ({caps}); events/s for loopscope native."
    machine = machine_line()
    print(header)
    print(machine)
    print()
    print(text_table(rows))
    for note in notes:
        print(f"note: {note}")
    if args.markdown:
        block = "\n".join([header, "", machine, "", markdown_table(rows)]
                          + ([""] + [f"- {n}" for n in notes] if notes else []))
        write_markdown(args.markdown, block)
        log(f"table written to {args.markdown}")


if __name__ == "__main__":
    main()
