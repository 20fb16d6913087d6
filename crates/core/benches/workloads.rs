//! Issue 5's workloads (`bench/*.py`), simulated with their full trace.
//!
//! `cargo bench -p loopscope-core --bench workloads` reports each run's time and
//! its scheduler events per second (criterion's "thrpt", in elements: one
//! element is one trace event). `-- --test` runs each once, as CI does.
//! `bench/compare.py` puts the same programs side by side with CPython and SimPy.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use loopscope_core::{run, Settings, Status};

const WORKLOADS: [(&str, &str); 5] = [
    ("fanout", include_str!("../../../bench/fanout.py")),
    ("pingpong", include_str!("../../../bench/pingpong.py")),
    ("contention", include_str!("../../../bench/contention.py")),
    ("tree", include_str!("../../../bench/tree.py")),
    ("gil", include_str!("../../../bench/gil.py")),
];

/// Runs `source` and returns its number of trace events, checking that the
/// workload really ran to its end (a limit or an error would make the
/// figure meaningless).
fn events(name: &str, source: &str) -> usize {
    let result = run(source, &Settings::default());
    assert_eq!(
        result.status,
        Status::Ok,
        "{name} did not run to its end: {:?}",
        result.stderr
    );
    result.trace.events.len()
}

fn workloads(c: &mut Criterion) {
    let mut group = c.benchmark_group("simulate");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    for (name, source) in WORKLOADS {
        group.throughput(Throughput::Elements(events(name, source) as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), source, |b, src| {
            b.iter(|| run(black_box(src), &Settings::default()))
        });
    }
    group.finish();
}

/// Reconstructing the state at a step of the 1M-timer fan-out's trace.
fn seek(c: &mut Criterion) {
    let (name, source) = WORKLOADS[0];
    let trace = run(source, &Settings::default()).trace;
    let n = trace.events.len() as u32;
    assert!(n > 1_000_000, "{name} has only {n} events");
    // Steps spread over the whole trace, including the worst case just
    // before a checkpoint.
    let steps: Vec<u32> = (1..=64u32).map(|k| n / 64 * k - 1).collect();
    let mut group = c.benchmark_group("state_at");
    group.throughput(Throughput::Elements(steps.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            for &s in &steps {
                black_box(trace.state_at(s));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, workloads, seek);
criterion_main!(benches);
