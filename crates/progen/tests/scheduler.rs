//! The scheduler under generated programs (issue 6): every program the
//! generator makes compiles, ends within its limits (normally, with an
//! exception, a deadlock or a limit — never a panic or a hang), keeps the
//! trace's invariants, and gives the same run twice, on every machine shape.
//! The fuzz target `schedule` checks the same with libFuzzer's bytes; this
//! test runs a fixed spread of seeds on every `cargo test`.

use loopscope_core::{run, Limits, Settings, Status};
use loopscope_progen::{program_from_seed, Options};

const SEEDS: u64 = 400;

fn machines() -> [Settings; 3] {
    let limits = Limits {
        max_steps: 200_000,
        ..Limits::default()
    };
    [
        Settings {
            cores: 4,
            gil: true,
            limits: limits.clone(),
        },
        Settings {
            cores: 1,
            gil: true,
            limits: limits.clone(),
        },
        Settings {
            cores: 2,
            gil: false,
            limits,
        },
    ]
}

#[test]
fn generated_programs_run_cleanly_on_every_machine() {
    let mut ends = [0usize; 4];
    for seed in 0..SEEDS {
        let src = program_from_seed(seed, Options::default());
        for settings in machines() {
            let r = run(&src, &settings);
            assert!(
                r.compile_errors.is_empty(),
                "seed {seed} does not compile: {:?}\n{src}",
                r.compile_errors
            );
            let end = match r.status {
                Status::Ok => 0,
                Status::Exception => 1,
                Status::Deadlock => 2,
                Status::Limit => 3,
                other => panic!("seed {seed}: {other:?} {:?}\n{src}", r.stderr),
            };
            ends[end] += 1;
            if let Err(e) = r.trace.check_invariants() {
                panic!("seed {seed}, {} cores: {e}\n{src}", settings.cores);
            }
            assert_eq!(
                r.digest(),
                run(&src, &settings).digest(),
                "seed {seed}: two runs differ\n{src}"
            );
        }
    }
    // The generator must reach the scheduler: most programs run to their end.
    assert!(ends[0] > ends.iter().sum::<usize>() / 2, "ends {ends:?}");
}

#[test]
fn every_seed_gives_a_different_program_and_short_input_a_short_one() {
    let a = program_from_seed(1, Options::default());
    let b = program_from_seed(2, Options::default());
    assert_ne!(a, b);
    let empty =
        loopscope_progen::program(&mut arbitrary::Unstructured::new(&[]), Options::default())
            .unwrap_or_default();
    assert!(empty.contains("asyncio.run(main())"), "{empty}");
    assert!(empty.lines().count() < 20, "{empty}");
}

#[test]
fn without_threads_no_thread_appears() {
    for seed in 0..50 {
        let src = program_from_seed(seed, Options { threads: false });
        assert!(
            !src.contains("time.sleep(") && !src.contains("to_thread"),
            "{src}"
        );
    }
}
