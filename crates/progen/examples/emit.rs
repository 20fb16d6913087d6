//! Print the generated program of each seed given: `cargo run -p
//! loopscope-progen --example emit -- 1 2 3` (a blank line between them),
//! or with `--dir DIR`, write `DIR/gen_SEED.py` for each. `--no-threads`
//! leaves out `time.sleep` and `asyncio.to_thread` (for comparing with the oracle).

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dir = match args.iter().position(|a| a == "--dir") {
        Some(i) if i + 1 < args.len() => {
            let d = args.remove(i + 1);
            args.remove(i);
            Some(d)
        }
        _ => None,
    };
    let threads = !args.iter().any(|a| a == "--no-threads");
    args.retain(|a| a != "--no-threads");
    let options = loopscope_progen::Options { threads };
    for a in args {
        let Ok(seed) = a.parse::<u64>() else {
            eprintln!("emit: '{a}' is not a seed (a whole number)");
            std::process::exit(2);
        };
        let program = loopscope_progen::program_from_seed(seed, options);
        match &dir {
            Some(d) => {
                let path = std::path::Path::new(d).join(format!("gen_{seed}.py"));
                if let Err(e) = std::fs::write(&path, program) {
                    eprintln!("emit: cannot write {}: {e}", path.display());
                    std::process::exit(1);
                }
            }
            None => println!("{program}"),
        }
    }
}
