//! A grammar-aware generator of *valid* asyncio programs, so that fuzzing
//! reaches the scheduler and not only the parser. Any bytes give a program
//! (short input gives a short one): workers that sleep, take locks and
//! semaphores, pass items through a bounded queue, wait on an event, time
//! out, raise, catch and re-raise cancellation, block the loop with
//! `time.sleep` or hand it to a thread; and a `main` that starts them with
//! `create_task`, `gather`, `wait`, `wait_for`, a `TaskGroup` or
//! `asyncio.timeout`, and may cancel one half way. Every program prints what
//! it saw, so runs can be compared with CPython's (`cargo run -p
//! loopscope-progen --example emit -- SEED`).
//!
//! Programs are valid by construction: names are bound before use, workers
//! only await workers defined after them (no recursion), loops are bounded
//! and every `await` is inside an `async def`.

use arbitrary::{Result, Unstructured};

/// The most workers one program defines.
const MAX_WORKERS: u32 = 5;
/// How deep blocks nest inside a worker.
const MAX_DEPTH: u32 = 3;
/// Delays used for sleeps, timeouts and thread work: few distinct values, so
/// that ties in virtual time (the interesting cases) are common.
const DELAYS: &[&str] = &["0", "0.1", "0.1", "0.25", "0.5", "1", "1.5"];

/// What generated programs may use.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// `time.sleep` in a coroutine and `asyncio.to_thread`. The oracle
    /// (CPython on a virtual clock) cannot always follow real threads, so
    /// comparisons with it leave them out.
    pub threads: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { threads: true }
    }
}

/// Make a program from `u`'s bytes.
pub fn program(u: &mut Unstructured<'_>, options: Options) -> Result<String> {
    let workers = u.int_in_range(1..=MAX_WORKERS)?;
    let mut g = Gen {
        out: String::new(),
        workers,
        options,
    };
    g.out
        .push_str("import asyncio\nimport time\n\nlog = []\n\n");
    for w in 0..workers {
        g.worker(u, w)?;
    }
    g.main(u)?;
    g.out.push_str("\nasyncio.run(main())\n");
    Ok(g.out)
}

/// Make a program from a seed, for tests and for the `emit` example: the
/// seed's bytes come from a small deterministic generator.
pub fn program_from_seed(seed: u64, options: Options) -> String {
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            // xorshift64*
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect();
    // Running out of bytes is not an error: Unstructured then gives zeros.
    program(&mut Unstructured::new(&bytes), options).unwrap_or_default()
}

struct Gen {
    out: String,
    workers: u32,
    options: Options,
}

impl Gen {
    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn delay(u: &mut Unstructured<'_>) -> Result<&'static str> {
        u.choose(DELAYS).copied()
    }

    /// `async def wN(n, lock, sem, q, ev)`: a few statements, then `return n`.
    fn worker(&mut self, u: &mut Unstructured<'_>, w: u32) -> Result<()> {
        self.line(0, &format!("async def w{w}(n, lock, sem, q, ev):"));
        self.block(u, w, 1, 1)?;
        self.line(1, "return n");
        self.out.push('\n');
        Ok(())
    }

    /// One to four statements at `indent`.
    fn block(&mut self, u: &mut Unstructured<'_>, w: u32, indent: usize, depth: u32) -> Result<()> {
        let n = u.int_in_range(1..=4)?;
        for _ in 0..n {
            self.statement(u, w, indent, depth)?;
        }
        Ok(())
    }

    fn statement(&mut self, u: &mut Unstructured<'_>, w: u32, at: usize, depth: u32) -> Result<()> {
        // Compound statements only while there is room to nest.
        let kinds = if depth < MAX_DEPTH { 22 } else { 12 };
        match u.int_in_range(0..=kinds - 1)? {
            0 | 1 => {
                let d = Self::delay(u)?;
                self.line(at, &format!("await asyncio.sleep({d})"));
            }
            2 => self.line(at, &format!("log.append(('w{w}', n))")),
            3 => self.line(at, "await q.put(n)"),
            4 => {
                self.line(at, "if not q.empty():");
                self.line(at + 1, "log.append(q.get_nowait())");
            }
            5 => self.line(at, "ev.set()"),
            6 | 7 if !self.options.threads => self.line(at, "await asyncio.sleep(0.1)"),
            6 => {
                let d = Self::delay(u)?;
                self.line(at, &format!("time.sleep({d})"));
            }
            7 => {
                let d = Self::delay(u)?;
                self.line(
                    at,
                    &format!("log.append(await asyncio.to_thread(time.sleep, {d}))"),
                );
            }
            8 => self.line(at, "await asyncio.sleep(0)"),
            9 => {
                // Await a later worker directly, or through a task.
                match self.later(u, w)? {
                    Some(v) if u.ratio(1, 2)? => self.line(
                        at,
                        &format!("log.append(await w{v}(n + 1, lock, sem, q, ev))"),
                    ),
                    Some(v) => self.line(
                        at,
                        &format!(
                            "log.append(await asyncio.create_task(w{v}(n + 1, lock, sem, q, ev)))"
                        ),
                    ),
                    None => self.line(at, "log.append(len(asyncio.all_tasks()))"),
                }
            }
            10 => {
                let d = Self::delay(u)?;
                self.line(at, "try:");
                self.line(
                    at + 1,
                    &format!("log.append(await asyncio.wait_for(q.get(), {d}))"),
                );
                self.line(at, "except TimeoutError:");
                self.line(at + 1, "log.append('no item')");
            }
            11 => {
                self.line(at, "if n % 3 == 2:");
                self.line(at + 1, "raise ValueError(n)");
            }
            12 | 13 => {
                self.line(at, "async with lock:");
                self.block(u, w, at + 1, depth + 1)?;
            }
            14 => {
                self.line(at, "async with sem:");
                self.block(u, w, at + 1, depth + 1)?;
            }
            15 => {
                let k = u.int_in_range(1..=3)?;
                self.line(at, &format!("for k in range({k}):"));
                self.block(u, w, at + 1, depth + 1)?;
            }
            16 => {
                self.line(at, "try:");
                self.block(u, w, at + 1, depth + 1)?;
                self.line(at, "except asyncio.CancelledError:");
                self.line(at + 1, &format!("log.append('w{w} cancelled')"));
                self.line(at + 1, "raise");
            }
            17 => {
                self.line(at, "try:");
                self.block(u, w, at + 1, depth + 1)?;
                self.line(at, "finally:");
                self.line(at + 1, &format!("log.append('w{w} done')"));
            }
            18 => {
                self.line(at, "try:");
                self.block(u, w, at + 1, depth + 1)?;
                self.line(at, "except ValueError as e:");
                self.line(at + 1, "log.append(repr(e))");
            }
            19 => {
                let d = Self::delay(u)?;
                self.line(at, "try:");
                self.line(at + 1, &format!("async with asyncio.timeout({d}):"));
                self.block(u, w, at + 2, depth + 1)?;
                self.line(at, "except TimeoutError:");
                self.line(at + 1, &format!("log.append('w{w} timed out')"));
            }
            20 => {
                let d = Self::delay(u)?;
                self.line(at, "if not ev.is_set():");
                self.line(at + 1, "try:");
                self.line(at + 2, &format!("await asyncio.wait_for(ev.wait(), {d})"));
                self.line(at + 1, "except TimeoutError:");
                self.line(at + 2, "log.append('no event')");
            }
            _ => match self.later(u, w)? {
                Some(v) => self.line(
                    at,
                    &format!("log.append(await asyncio.shield(w{v}(n + 1, lock, sem, q, ev)))"),
                ),
                None => self.line(at, "log.append(asyncio.current_task().get_name())"),
            },
        }
        Ok(())
    }

    /// A worker defined after `w`, if any: awaiting only those keeps
    /// programs free of unbounded recursion.
    fn later(&self, u: &mut Unstructured<'_>, w: u32) -> Result<Option<u32>> {
        if w + 1 >= self.workers {
            return Ok(None);
        }
        Ok(Some(u.int_in_range(w + 1..=self.workers - 1)?))
    }

    fn main(&mut self, u: &mut Unstructured<'_>) -> Result<()> {
        let size = u.int_in_range(0..=2)?;
        let permits = u.int_in_range(1..=3)?;
        self.line(0, "async def main():");
        self.line(1, "lock = asyncio.Lock()");
        self.line(1, &format!("sem = asyncio.Semaphore({permits})"));
        self.line(1, &format!("q = asyncio.Queue(maxsize={size})"));
        self.line(1, "ev = asyncio.Event()");
        let count = u.int_in_range(1..=4)?;
        let mut calls = Vec::new();
        for i in 0..count {
            let w = u.int_in_range(0..=self.workers - 1)?;
            calls.push(format!("w{w}({i}, lock, sem, q, ev)"));
        }
        let d = Self::delay(u)?;
        match u.int_in_range(0..=5)? {
            0 => {
                self.line(
                    1,
                    &format!(
                        "print(await asyncio.gather({}, return_exceptions=True))",
                        calls.join(", ")
                    ),
                );
            }
            1 => {
                self.start_tasks(&calls);
                self.line(1, &format!("await asyncio.sleep({d})"));
                self.line(1, "tasks[0].cancel()");
                self.line(
                    1,
                    "print(await asyncio.gather(*tasks, return_exceptions=True))",
                );
            }
            2 => {
                self.start_tasks(&calls);
                self.line(
                    1,
                    &format!("done, pending = await asyncio.wait(tasks, timeout={d})"),
                );
                self.line(1, "print(len(done), len(pending))");
                // Not `for t in pending`: CPython orders that set by address.
                self.line(1, "for t in tasks:");
                self.line(2, "if t in pending:");
                self.line(3, "t.cancel()");
                self.line(
                    1,
                    "print(await asyncio.gather(*tasks, return_exceptions=True))",
                );
            }
            3 => {
                self.line(1, "try:");
                self.line(2, "async with asyncio.TaskGroup() as tg:");
                for c in &calls {
                    self.line(3, &format!("tg.create_task({c})"));
                }
                self.line(1, "except ExceptionGroup as eg:");
                self.line(2, "print('group', [repr(e) for e in eg.exceptions])");
            }
            4 => {
                self.line(1, "try:");
                self.line(
                    2,
                    &format!(
                        "print(await asyncio.wait_for(asyncio.gather({}), {d}))",
                        calls.join(", ")
                    ),
                );
                self.line(1, "except (TimeoutError, ValueError) as e:");
                self.line(2, "print('main', repr(e))");
            }
            _ => {
                self.start_tasks(&calls);
                self.line(1, "for t in tasks:");
                self.line(2, "try:");
                self.line(3, "print(await t)");
                self.line(2, "except (ValueError, asyncio.CancelledError) as e:");
                self.line(3, "print('task', repr(e))");
            }
        }
        self.line(1, "print(log)");
        Ok(())
    }

    fn start_tasks(&mut self, calls: &[String]) {
        let names: Vec<String> = calls
            .iter()
            .enumerate()
            .map(|(i, c)| format!("asyncio.create_task({c}, name='t{i}')"))
            .collect();
        self.line(1, &format!("tasks = [{}]", names.join(", ")));
    }
}
