//! The machine under the event loop: threads and processes, cores and GILs (SPEC §2 "Threads and cores").
//!
//! Thread 0 is the loop thread. Worker threads run Python functions (frames,
//! like tasks) for executors. Python takes no virtual time but needs the
//! process's GIL; `cpu(s)` needs a core and the GIL (main process, GIL on);
//! `time.sleep` needs neither. A GIL holder keeps it at most `SWITCH` once
//! another thread waits, counted from the later of its acquisition and the
//! first waiter's arrival; waiters are served first come, first served. More
//! runnable CPU work than cores shares them round-robin in `QUANTUM` slices.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::asyncio::objects::FutRef;
use crate::value::Value;
use crate::vm::Frame;

/// CPython's `sys.getswitchinterval()`.
pub(crate) const SWITCH: f64 = 0.005;
/// The OS scheduler's slice when threads outnumber cores.
pub(crate) const QUANTUM: f64 = 0.005;
/// Tolerance for comparing virtual times computed by additions.
const EPS: f64 = 1e-12;

fn grid(t: f64) -> f64 {
    (t * 1e9).round() / 1e9
}

/// What a thread is doing.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ThreadState {
    /// No work (a worker waiting for a work item, the loop waiting for an event).
    Idle,
    /// Wants to run Python and waits for its process's GIL.
    WaitGil,
    /// Running Python (takes no virtual time; shown between steps).
    Python,
    /// Computing in `cpu()`; `remaining` seconds of work left, on a core or
    /// waiting for one; `gil`: it holds its process's GIL (which it needs).
    Cpu {
        remaining: f64,
        on_core: bool,
        gil: bool,
    },
    /// Blocked in `time.sleep` until `until`.
    Sleep { until: f64 },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadInfo {
    pub id: u32,
    /// `MainThread`, `ThreadPoolExecutor-0_1`, `process-1`.
    pub name: String,
    pub process: u32,
}

/// A function call handed to an executor, and the asyncio future that learns its result.
pub(crate) struct WorkItem {
    pub(crate) func: Value,
    pub(crate) args: Vec<Value>,
    pub(crate) fut: FutRef,
}

/// When the threads settle after work is handed to an executor.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Settle {
    /// At once, inside `submit` (the caller's Python goes on after it).
    Now,
    /// When the task's step ends, if the caller is a task's own step
    /// (`to_thread`, which suspends at once: nothing runs in between, so
    /// the run is the same); at once otherwise.
    AfterStep,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum PoolKind {
    Threads,
    Processes,
}

pub(crate) struct Executor {
    pub(crate) kind: PoolKind,
    pub(crate) max_workers: u32,
    pub(crate) workers: Vec<u32>,
    pub(crate) queue: VecDeque<WorkItem>,
    pub(crate) index: u32,
    pub(crate) shutdown: bool,
}

pub(crate) struct Thread {
    pub(crate) process: u32,
    pub(crate) executor: Option<u32>,
    pub(crate) state: ThreadState,
    pub(crate) frames: Vec<Frame>,
    pub(crate) item: Option<FutRef>,
    /// The thread runs Python next (it was resumed or given work).
    pub(crate) started: bool,
    /// A work item's function, called when the thread next runs Python.
    pub(crate) call: Option<(Value, Vec<Value>)>,
    /// Its Python paused between two of a session's slices (`frames` go
    /// on with `Resume::Start`, where they stopped).
    pub(crate) paused: bool,
}

/// A turn of `Vm::settle_threads` (each thread that can act does, in
/// thread order), kept whole when a worker's Python pauses in it so that
/// the next slice finishes the same turn: the run is the same either way.
pub(crate) struct Turn {
    /// Turns so far in this settling (a guard against a livelock).
    pub(crate) number: u32,
    /// Every thread's state when the turn began (the turn's end records
    /// what changed).
    pub(crate) before: Vec<ThreadState>,
    /// The thread to act next, and the end of the threads the turn covers
    /// (those that existed when it began).
    pub(crate) next: u32,
    pub(crate) end: u32,
    /// Some thread acted: another turn follows.
    pub(crate) progressed: bool,
}

#[derive(Default)]
pub(crate) struct Gil {
    pub(crate) holder: Option<u32>,
    pub(crate) acquired_at: f64,
    pub(crate) waiters: VecDeque<(u32, f64)>,
}

impl Gil {
    /// When the holder must hand over, if anybody waits.
    pub(crate) fn deadline(&self) -> Option<f64> {
        let (_, first) = self.waiters.front()?;
        self.holder?;
        Some(self.acquired_at.max(*first) + SWITCH)
    }
}

#[derive(Default)]
pub(crate) struct Machine {
    pub(crate) threads: Vec<Thread>,
    pub(crate) gils: Vec<Gil>,
    pub(crate) executors: Vec<Executor>,
    pub(crate) default_pool: Option<u32>,
    /// Runnable CPU work on a core, with when it got the core.
    pub(crate) on_core: Vec<(u32, f64)>,
    /// Runnable CPU work waiting for a core, first come first served.
    pub(crate) core_queue: VecDeque<u32>,
    pub(crate) cores: u32,
    pub(crate) gil_on: bool,
    pub(crate) processes: u32,
    /// A worker's Python may pause at a session's slice end: only while
    /// the loop waits at the start of a pass (`Vm::loop_wait_for_event`)
    /// or a task's step that ended in `to_thread` settles the threads
    /// (`Vm::settle_after_step`), whose callers go on at the next slice.
    pub(crate) pausable: bool,
    /// The turn in which a worker's Python paused: what is under way until
    /// the next slice, and where `settle_threads` goes on.
    pub(crate) paused_turn: Option<Turn>,
    /// A `to_thread` gave work to the pool and its task's step suspends at
    /// once: the threads settle when the step ends (`Vm::settle_after_step`),
    /// where a worker's Python can pause, instead of inside `submit`.
    pub(crate) settle_due: bool,
}

impl Machine {
    pub(crate) fn new(cores: u32, gil_on: bool) -> Machine {
        let mut m = Machine {
            cores: cores.max(1),
            gil_on,
            processes: 1,
            ..Machine::default()
        };
        m.gils.push(Gil {
            holder: Some(0),
            ..Gil::default()
        });
        m.threads.push(Thread {
            process: 0,
            executor: None,
            state: ThreadState::Python,
            frames: Vec::new(),
            item: None,
            started: true,
            call: None,
            paused: false,
        });
        m
    }

    /// Whether worker threads exist at all (otherwise the loop runs alone, as before).
    pub(crate) fn active(&self) -> bool {
        self.threads.len() > 1
    }

    /// Whether the GIL matters for this thread.
    pub(crate) fn needs_gil(&self, t: u32) -> bool {
        self.gil_on && self.threads[t as usize].process == 0
    }

    pub(crate) fn holds_gil(&self, t: u32) -> bool {
        let p = self.threads[t as usize].process as usize;
        !self.needs_gil(t) || self.gils[p].holder == Some(t)
    }

    pub(crate) fn waits_gil(&self, t: u32) -> bool {
        let p = self.threads[t as usize].process as usize;
        self.gils[p].waiters.iter().any(|(w, _)| *w == t)
    }

    /// Ask for the GIL at `now`: granted at once if free, else queued.
    pub(crate) fn request_gil(&mut self, t: u32, now: f64) {
        if self.holds_gil(t) || self.waits_gil(t) {
            return;
        }
        let p = self.threads[t as usize].process as usize;
        let g = &mut self.gils[p];
        if g.holder.is_none() {
            g.holder = Some(t);
            g.acquired_at = now;
        } else {
            g.waiters.push_back((t, now));
        }
    }

    /// Give the GIL up; the longest-waiting thread gets it.
    pub(crate) fn release_gil(&mut self, t: u32, now: f64) {
        let p = self.threads[t as usize].process as usize;
        let g = &mut self.gils[p];
        if g.holder != Some(t) {
            g.waiters.retain(|(w, _)| *w != t);
            return;
        }
        g.holder = None;
        if let Some((w, _)) = g.waiters.pop_front() {
            g.holder = Some(w);
            g.acquired_at = now;
        }
    }

    /// A thread whose CPU work can progress once it has a core.
    fn runnable(&self, t: u32) -> bool {
        matches!(self.threads[t as usize].state, ThreadState::Cpu { .. }) && self.holds_gil(t)
    }

    /// Keep the core lists in step with who is runnable (in thread order for fairness at one instant).
    pub(crate) fn schedule_cores(&mut self, now: f64) {
        let runnable: Vec<u32> = (0..self.threads.len() as u32)
            .filter(|&t| self.runnable(t))
            .collect();
        self.on_core.retain(|(t, _)| runnable.contains(t));
        self.core_queue.retain(|t| runnable.contains(t));
        for t in runnable {
            if !self.on_core.iter().any(|(x, _)| *x == t) && !self.core_queue.contains(&t) {
                self.core_queue.push_back(t);
            }
        }
        while (self.on_core.len() as u32) < self.cores {
            let Some(t) = self.core_queue.pop_front() else {
                break;
            };
            self.on_core.push((t, now));
        }
        let gils: Vec<bool> = (0..self.threads.len() as u32)
            .map(|t| self.needs_gil(t) && self.holds_gil(t))
            .collect();
        for (i, th) in self.threads.iter_mut().enumerate() {
            if let ThreadState::Cpu { remaining, .. } = th.state {
                let on = self.on_core.iter().any(|(x, _)| *x == i as u32);
                let gil = gils[i];
                th.state = ThreadState::Cpu {
                    remaining,
                    on_core: on,
                    gil,
                };
            }
        }
    }

    /// The next instant something changes on its own (a computation ends, a
    /// sleep ends, a time slice or a GIL switch interval runs out).
    pub(crate) fn next_change(&self, now: f64) -> Option<f64> {
        let mut next: Option<f64> = None;
        let mut consider = |t: f64| next = Some(next.map_or(t, |n: f64| n.min(t)));
        // The machine's own instants (slices, switch intervals, ends of work)
        // are kept on a nanosecond grid, so that thousands of 5 ms slices add
        // up to round numbers instead of drifting in floating point.
        for (t, since) in &self.on_core {
            if let ThreadState::Cpu { remaining, .. } = self.threads[*t as usize].state {
                consider(grid(now + remaining));
            }
            if !self.core_queue.is_empty() {
                consider(grid(since + QUANTUM));
            }
        }
        for th in &self.threads {
            if let ThreadState::Sleep { until } = th.state {
                consider(until);
            }
        }
        for g in &self.gils {
            if let Some(d) = g.deadline() {
                consider(grid(d));
            }
        }
        next.map(|t| t.max(now))
    }

    /// Let `dt` seconds of computing happen on the cores.
    pub(crate) fn progress(&mut self, dt: f64) {
        for (t, _) in &self.on_core {
            if let ThreadState::Cpu {
                remaining,
                on_core,
                gil,
            } = self.threads[*t as usize].state
            {
                self.threads[*t as usize].state = ThreadState::Cpu {
                    remaining: (remaining - dt).max(0.0),
                    on_core,
                    gil,
                };
            }
        }
    }

    /// Apply what happens at `now` by itself: slices and switch intervals that
    /// ran out, computations and sleeps that ended. Returns the threads that
    /// now want to run Python (in thread order).
    pub(crate) fn expire(&mut self, now: f64) -> Vec<u32> {
        // Computations and sleeps that end now come first: a thread that just
        // finished runs its Python (zero time) before any switch interval bites.
        let mut wake = Vec::new();
        for (i, th) in self.threads.iter_mut().enumerate() {
            match th.state {
                ThreadState::Cpu { remaining, .. } if remaining <= 1e-9 => {
                    th.state = ThreadState::Python;
                    wake.push(i as u32);
                }
                ThreadState::Sleep { until } if until <= now + EPS => {
                    th.state = ThreadState::WaitGil;
                    wake.push(i as u32);
                }
                _ => {}
            }
        }
        // Time slices: the thread goes to the back of the core queue.
        if !self.core_queue.is_empty() {
            let expired: Vec<u32> = self
                .on_core
                .iter()
                .filter(|(_, s)| s + QUANTUM <= now + EPS)
                .map(|(t, _)| *t)
                .collect();
            for t in expired {
                self.on_core.retain(|(x, _)| *x != t);
                self.core_queue.push_back(t);
            }
        }
        // GIL switch intervals: the holder queues behind the others (unless it
        // is about to run Python and give the GIL up anyway).
        for p in 0..self.gils.len() {
            let Some(d) = self.gils[p].deadline() else {
                continue;
            };
            let holder_done = self.gils[p]
                .holder
                .is_some_and(|h| self.threads[h as usize].state == ThreadState::Python);
            if d <= now + EPS && !holder_done {
                let g = &mut self.gils[p];
                let old = g.holder.take();
                if let Some((w, _)) = g.waiters.pop_front() {
                    g.holder = Some(w);
                    g.acquired_at = now;
                }
                if let Some(o) = old {
                    g.waiters.push_back((o, now));
                }
            }
        }
        wake
    }
}
