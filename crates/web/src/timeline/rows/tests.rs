//! The rows of a run, built in one go and in slices of any size.

use loopscope_core::{run, Lane, Settings};

use super::*;
use crate::samples;

fn trace_of(code: &str) -> Trace {
    run(code, &Settings::default()).trace
}

/// Lane, start and end of each segment of a row.
fn spans(row: &Row) -> Vec<(Lane, f64, f64)> {
    row.segments.iter().map(|s| (s.lane, s.t0, s.t1)).collect()
}

#[test]
fn a_sleeping_task_runs_waits_and_runs_again() {
    let trace = trace_of(
        "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n",
    );
    let rows = RowsBuilder::build(&trace);
    assert_eq!(rows.len(), 1, "one task, no threads");
    // Ready then running at 0 are within a pixel (a thousandth of the run):
    // one segment, shown as running; the same at 1.
    assert_eq!(
        spans(&rows[0]),
        [
            (Lane::Running, 0.0, 0.0),
            (Lane::Waiting, 0.0, 1.0),
            (Lane::Running, 1.0, 1.0)
        ]
    );
}

#[test]
fn rows_built_in_slices_are_the_rows_built_at_once() {
    let long = "import asyncio\n\nasync def w(i):\n    for k in range(50):\n        await asyncio.sleep(0.001 * ((i + k) % 7 + 1))\n\nasync def main():\n    await asyncio.gather(*(w(i) for i in range(80)))\n\nasyncio.run(main())\n";
    let programs = samples::all().map(|s| s.code).chain([long]);
    for code in programs {
        let trace = trace_of(code);
        let whole = RowsBuilder::build(&trace);
        for step in [1, 7, 1000] {
            let mut b = RowsBuilder::new(&trace);
            while !b.read(&trace, step) {}
            assert!(b.read(&trace, step), "reading past the end stays done");
            assert!(
                b.finish(&trace) == whole,
                "slices of {step} events:\n{code}"
            );
        }
    }
}
