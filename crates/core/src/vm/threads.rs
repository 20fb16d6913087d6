//! Driving the machine: worker threads run Python functions for executors while
//! the loop thread waits for events, waits for the GIL, or blocks in `cpu`/`time.sleep`.

use super::{Abort, Frame, Outcome, Resume, Vm};
use crate::asyncio::event_loop::{Callback, Handle, LoopWait};
use crate::asyncio::objects::FutRef;
use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::machine::{Executor, PoolKind, Settle, Thread, ThreadInfo, ThreadState, Turn, WorkItem};
use crate::trace::{BlockKind, EventKind, NO_FUNCTION, NO_TASK};
use crate::value::Value;
use crate::vm::exec::Called;
use std::rc::Rc;

/// Guard against a livelock in the machine (each turn changes some state).
const MAX_TURNS: u64 = 50_000_000;

impl Vm {
    fn set_thread_state(&mut self, t: u32, state: ThreadState) {
        let th = &mut self.machine.threads[t as usize];
        if th.state == state {
            return;
        }
        th.state = state;
        if self.machine.active() {
            self.thread_event(t);
        }
    }

    /// Record thread `t`'s state with where it is: for a worker, its innermost
    /// Python frame's function and line (the loop thread's code is in the task lanes).
    fn thread_event(&mut self, t: u32) {
        let state = self.machine.threads[t as usize].state;
        let spot = if t == 0 {
            None
        } else {
            self.machine.threads[t as usize]
                .frames
                .iter()
                .rev()
                .find_map(|f| match f {
                    Frame::Py(p) => Some((p.span_start(), p.code.qualname.clone())),
                    Frame::Native(_) => None,
                })
        };
        let (line, function) = match spot {
            Some((at, name)) => (self.line_of(at), self.function_id(&name)),
            None => (0, NO_FUNCTION),
        };
        self.event(
            NO_TASK,
            line,
            EventKind::Thread {
                thread: t,
                state,
                function,
            },
        );
    }

    /// The index of `name` in `Trace::functions`, added on first sight.
    fn function_id(&mut self, name: &Rc<str>) -> u32 {
        if let Some(&id) = self.function_ids.get(name) {
            return id;
        }
        let id = self.trace.functions.len() as u32;
        self.trace.functions.push(name.to_string());
        self.function_ids.insert(name.clone(), id);
        id
    }

    fn note_states(&mut self, before: &[ThreadState]) {
        for (i, old) in before.iter().enumerate() {
            let new = self.machine.threads[i].state;
            if new != *old && self.machine.active() {
                self.thread_event(i as u32);
            }
        }
    }

    /// A new executor (`ThreadPoolExecutor(n)`, `ProcessPoolExecutor(n)`, the default pool).
    pub(crate) fn new_executor(&mut self, kind: PoolKind, max_workers: u32) -> u32 {
        let index = self
            .machine
            .executors
            .iter()
            .filter(|e| e.kind == kind && e.index != u32::MAX)
            .count() as u32;
        let name = match kind {
            PoolKind::Threads => format!("ThreadPoolExecutor-{index}"),
            PoolKind::Processes => format!("ProcessPoolExecutor-{index}"),
        };
        self.trace.pools.push(name);
        self.machine.executors.push(Executor {
            kind,
            max_workers: max_workers.max(1),
            workers: Vec::new(),
            queue: Default::default(),
            index,
            shutdown: false,
        });
        self.machine.executors.len() as u32 - 1
    }

    pub(crate) fn default_pool(&mut self) -> u32 {
        if let Some(p) = self.machine.default_pool {
            return p;
        }
        let n = (self.machine.cores + 4).min(32);
        let p = self.new_executor(PoolKind::Threads, n);
        self.machine.default_pool = Some(p);
        // The default pool is not counted among ThreadPoolExecutor-N names.
        self.machine.executors[p as usize].index = u32::MAX;
        if let Some(name) = self.trace.pools.get_mut(p as usize) {
            *name = "the default thread pool".into();
        }
        p
    }

    /// `executor.submit(fn, *args)` wrapped for asyncio: the future gets the result
    /// through the loop (`call_soon_threadsafe`) when the worker is done.
    pub(crate) fn submit(
        &mut self,
        executor: u32,
        func: Value,
        args: Vec<Value>,
        fut: FutRef,
        settle: Settle,
    ) -> Result<(), ExcRef> {
        let Some(ex) = self.machine.executors.get_mut(executor as usize) else {
            return Err(ExcObj::msg(ExcType::RuntimeError, "unknown executor"));
        };
        if ex.shutdown {
            return Err(ExcObj::msg(
                ExcType::RuntimeError,
                "cannot schedule new futures after shutdown",
            ));
        }
        ex.queue.push_back(WorkItem { func, args, fut });
        let queued = ex.queue.len() as u32;
        let (workers, max) = (ex.workers.clone(), ex.max_workers);
        self.event(
            NO_TASK,
            0,
            EventKind::PoolQueue {
                pool: executor,
                queued,
            },
        );
        // A new worker only when none is idle and the pool is not full (as CPython's pools do).
        let idle = workers
            .iter()
            .any(|&w| self.machine.threads[w as usize].state == ThreadState::Idle);
        if !idle && (workers.len() as u32) < max {
            self.spawn_worker(executor);
        }
        if settle == Settle::AfterStep && self.settle_after_step_here() {
            self.machine.settle_due = true;
        } else {
            self.settle_threads();
        }
        Ok(())
    }

    /// Whether the threads may settle after the step under way instead of
    /// at once: a task's own step, at the level of its frames (not Python a
    /// builtin or a worker runs), so that `task_run` is where it ends.
    fn settle_after_step_here(&self) -> bool {
        self.current.is_some()
            && self.worker.is_none()
            && self.pausable_depth != 0
            && self.run_depth == self.pausable_depth
    }

    /// The settling a `to_thread` left for the end of its task's step
    /// (`Machine::settle_due`), or the rest of one that paused. True if a
    /// worker's Python paused in it: the step ends at the next slice.
    pub(crate) fn settle_after_step(&mut self) -> bool {
        let pausable = std::mem::replace(&mut self.machine.pausable, true);
        self.settle_threads();
        self.machine.pausable = pausable;
        self.machine.paused_turn.is_some()
    }

    fn spawn_worker(&mut self, executor: u32) {
        let id = self.machine.threads.len() as u32;
        let (kind, index, n) = {
            let ex = &self.machine.executors[executor as usize];
            (ex.kind, ex.index, ex.workers.len())
        };
        let process = match kind {
            PoolKind::Threads => 0,
            PoolKind::Processes => {
                self.machine.processes += 1;
                self.machine.gils.push(Default::default());
                self.machine.processes - 1
            }
        };
        let name = match kind {
            PoolKind::Threads if self.machine.default_pool == Some(executor) => {
                format!("asyncio_{n}")
            }
            PoolKind::Threads => format!("ThreadPoolExecutor-{index}_{n}"),
            PoolKind::Processes => format!("ForkProcess-{process}"),
        };
        if self.trace.threads.is_empty() {
            self.trace.threads.push(ThreadInfo {
                id: 0,
                name: "MainThread".into(),
                process: 0,
            });
            // From now on the loop thread's states are part of the picture.
            self.thread_event(0);
        }
        self.trace.threads.push(ThreadInfo { id, name, process });
        self.machine.threads.push(Thread {
            process,
            executor: Some(executor),
            state: ThreadState::Idle,
            frames: Vec::new(),
            item: None,
            started: false,
            call: None,
            paused: false,
        });
        self.machine.executors[executor as usize].workers.push(id);
        self.thread_event(id);
    }

    /// Hand a worker its next work item, if its executor has one.
    fn start_next_item(&mut self, t: u32) -> bool {
        let Some(ex) = self.machine.threads[t as usize].executor else {
            return false;
        };
        let Some(item) = self.machine.executors[ex as usize].queue.pop_front() else {
            return false;
        };
        let queued = self.machine.executors[ex as usize].queue.len() as u32;
        self.event(NO_TASK, 0, EventKind::PoolQueue { pool: ex, queued });
        let th = &mut self.machine.threads[t as usize];
        th.item = Some(item.fut);
        th.frames.clear();
        th.started = false;
        // The call itself happens when the thread runs Python (holding the GIL).
        th.call = Some((item.func, item.args));
        true
    }

    /// Run every thread that can run Python at this instant (zero time), in
    /// thread order, turn after turn until none can act. A worker's Python
    /// that pauses (`Machine::pausable`) leaves its turn in
    /// `Machine::paused_turn`, and the next call goes on with it.
    pub(crate) fn settle_threads(&mut self) {
        self.machine.settle_due = false;
        let mut turn = match self.machine.paused_turn.take() {
            Some(turn) => turn,
            None => match self.next_turn(0) {
                Some(turn) => turn,
                None => return,
            },
        };
        loop {
            let now = self.lp.now;
            while turn.next < turn.end {
                let t = turn.next;
                turn.next += 1;
                let state = self.machine.threads[t as usize].state;
                match state {
                    ThreadState::Idle if t > 0 && self.start_next_item(t) => {
                        self.machine.threads[t as usize].state = ThreadState::WaitGil;
                        turn.progressed = true;
                    }
                    ThreadState::WaitGil => {
                        self.machine.request_gil(t, now);
                        if self.machine.holds_gil(t) {
                            self.machine.threads[t as usize].state = ThreadState::Python;
                            turn.progressed = true;
                        }
                    }
                    ThreadState::Python if t > 0 => {
                        turn.progressed = true;
                        if !self.machine.holds_gil(t) {
                            // (A zero-length sleep released the GIL.) Asking
                            // for it again is progress: the next turn may grant it.
                            self.machine.threads[t as usize].state = ThreadState::WaitGil;
                            self.machine.request_gil(t, now);
                        } else if self.run_worker_python(t) {
                            // Paused: this thread goes on first next time.
                            turn.next = t;
                            self.machine.paused_turn = Some(turn);
                            return;
                        }
                    }
                    _ => {}
                }
            }
            self.machine.schedule_cores(now);
            self.note_states(&turn.before);
            if !turn.progressed {
                return;
            }
            turn = match self.next_turn(turn.number) {
                Some(turn) => turn,
                None => return,
            };
        }
    }

    /// The turn after turn `number` of `settle_threads`, unless the run is
    /// aborted or the turns run away.
    fn next_turn(&self, number: u32) -> Option<Turn> {
        let number = number + 1;
        if number > 1_000_000 || self.abort.is_some() {
            return None;
        }
        Some(Turn {
            number,
            before: self.machine.threads.iter().map(|t| t.state).collect(),
            next: 0,
            end: self.machine.threads.len() as u32,
            progressed: false,
        })
    }

    /// A worker holding the GIL runs its Python until it blocks or its
    /// function returns; true if it paused instead (`Machine::pausable`, at
    /// a session's slice end: it goes on from there when run again).
    fn run_worker_python(&mut self, t: u32) -> bool {
        let mut frames = std::mem::take(&mut self.machine.threads[t as usize].frames);
        let started = std::mem::replace(&mut self.machine.threads[t as usize].started, true);
        let paused = std::mem::take(&mut self.machine.threads[t as usize].paused);
        let mut input = if started && !paused {
            Resume::Value(Value::None)
        } else {
            Resume::Start
        };
        // A fresh work item: call its function now.
        if let Some((func, args)) = self.machine.threads[t as usize].call.take() {
            let prev = self.current.take();
            let called = self.call(func, args, Vec::new());
            self.current = prev;
            match called {
                Ok(Called::Frame(f)) => {
                    frames.push(f);
                    input = Resume::Start;
                }
                Ok(Called::Value(v)) => {
                    self.finish_item(t, Ok(v));
                    return false;
                }
                Ok(Called::Block(kind, secs)) => {
                    self.worker_block(t, frames, kind, secs);
                    return false;
                }
                Ok(Called::RunLoop(run)) => {
                    let r = self.loop_to_end(run);
                    self.finish_item(t, r);
                    return false;
                }
                Err(e) => {
                    self.finish_item(t, Err(e));
                    return false;
                }
            }
        }
        let prev = self.current.take();
        let prev_worker = self.worker.replace(t);
        // Whatever this Python calls runs to its end (only the loop's wait
        // knows how to go on later).
        let pausable = std::mem::replace(&mut self.machine.pausable, false);
        let outcome = loop {
            let outcome = if pausable {
                self.run_stack_pausable(&mut frames, input)
            } else {
                self.run_stack(&mut frames, input)
            };
            match outcome {
                Outcome::Paused if pausable => break None,
                // Not the pausable run (see run_stack_pausable): never.
                Outcome::Paused => input = Resume::Start,
                other => break Some(other),
            }
        };
        self.machine.pausable = pausable;
        self.worker = prev_worker;
        self.current = prev;
        let Some(outcome) = outcome else {
            let th = &mut self.machine.threads[t as usize];
            th.frames = frames;
            th.paused = true;
            return true;
        };
        match outcome {
            Outcome::Return(v) => self.finish_item(t, Ok(v)),
            Outcome::Raise(e) => self.finish_item(t, Err(e)),
            Outcome::Block(kind, secs) => self.worker_block(t, frames, kind, secs),
            Outcome::Suspend(_) | Outcome::Yield(_) => self.finish_item(
                t,
                Err(ExcObj::msg(
                    ExcType::RuntimeError,
                    "a function running in a thread cannot await",
                )),
            ),
            // Never: a loop is running while threads run, so asyncio.run
            // raises before it could hand its loop over.
            Outcome::RunLoop(run) => {
                let r = self.loop_to_end(run);
                self.finish_item(t, r)
            }
            Outcome::Abort | Outcome::Paused => {}
        }
        false
    }

    fn worker_block(&mut self, t: u32, frames: Vec<Frame>, kind: BlockKind, secs: f64) {
        let now = self.lp.now;
        let th = &mut self.machine.threads[t as usize];
        th.frames = frames;
        th.started = true;
        match kind {
            BlockKind::Cpu => {
                th.state = ThreadState::Cpu {
                    remaining: secs,
                    on_core: false,
                    gil: false,
                }
            }
            BlockKind::Sleep => {
                th.state = ThreadState::Sleep { until: now + secs };
                self.machine.release_gil(t, now);
            }
        }
        // A finished block with nothing left to run completes the item with None.
        if secs <= 0.0 {
            self.machine.threads[t as usize].state = ThreadState::Python;
        }
    }

    /// The work item is done: its future learns the result through the loop's ready queue.
    fn finish_item(&mut self, t: u32, result: Result<Value, ExcRef>) {
        let now = self.lp.now;
        let th = &mut self.machine.threads[t as usize];
        th.frames.clear();
        if let Some(fut) = th.item.take() {
            self.lp
                .ready
                .push(Handle::new(Callback::ThreadDone { fut, result }));
        }
        if self.start_next_item(t) {
            // Still holding the GIL: the next item runs Python at once.
            self.machine.threads[t as usize].state = ThreadState::Python;
        } else {
            self.machine.threads[t as usize].state = ThreadState::Idle;
            self.machine.release_gil(t, now);
        }
    }

    /// Let the machine run until `stop` holds or virtual time reaches `target`.
    /// Returns false when nothing could ever change (no work left anywhere).
    fn advance(&mut self, target: Option<f64>, stop: &dyn Fn(&Vm) -> bool) -> bool {
        let mut turns = 0u64;
        loop {
            self.settle_threads();
            // A worker's Python paused: the wait goes on at the next slice.
            if stop(self) || self.abort.is_some() || self.machine.paused_turn.is_some() {
                return true;
            }
            turns += 1;
            if turns > MAX_TURNS {
                self.set_abort(Abort::Limit(
                    "the threads made no progress (scheduler livelock)".into(),
                ));
                return true;
            }
            let now = self.lp.now;
            let next = self.machine.next_change(now);
            let t = match (next, target) {
                (Some(n), Some(tg)) if tg <= n => {
                    // The loop thread's own event comes first at the same instant.
                    self.machine.progress(tg - now);
                    self.lp.now = tg.max(now);
                    self.check_horizon();
                    return true;
                }
                (Some(n), _) => n,
                (None, Some(tg)) => {
                    self.lp.now = tg.max(now);
                    self.check_horizon();
                    return true;
                }
                (None, None) => return false,
            };
            self.machine.progress(t - now);
            self.lp.now = t.max(now);
            self.check_horizon();
            let before: Vec<ThreadState> = self.machine.threads.iter().map(|t| t.state).collect();
            self.machine.expire(self.lp.now);
            self.note_states(&before);
        }
    }

    /// The loop has nothing ready: it releases the GIL and waits for a timer
    /// or a thread, then for the GIL. `Some(false)` on deadlock; `None` when
    /// a worker's Python paused at a session's slice end meanwhile:
    /// `loop_wait_again` goes on with the wait, and the run is the same.
    pub(crate) fn loop_wait_for_event(&mut self, timer_due: Option<f64>) -> Option<bool> {
        let now = self.lp.now;
        self.machine.release_gil(0, now);
        self.set_thread_state(0, ThreadState::Idle);
        self.loop_wait(LoopWait::Event(timer_due.map(|d| d.max(now))))
    }

    /// Go on with the wait of `loop_wait_for_event` that paused
    /// (`EventLoop::wait`): as it returns. Out of line, so that the start
    /// of every pass only tests for it.
    #[cold]
    #[inline(never)]
    pub(crate) fn loop_wait_again(&mut self) -> Option<bool> {
        let Some(wait) = self.lp.wait.take() else {
            return Some(true);
        };
        self.loop_wait(wait)
    }

    fn loop_wait(&mut self, wait: LoopWait) -> Option<bool> {
        let pausable = std::mem::replace(&mut self.machine.pausable, true);
        let waited = self.loop_wait_from(wait);
        self.machine.pausable = pausable;
        waited
    }

    fn loop_wait_from(&mut self, wait: LoopWait) -> Option<bool> {
        if let LoopWait::Event(target) = wait {
            let ok = self.advance(target, &|vm| !vm.lp.ready.is_empty());
            if self.machine.paused_turn.is_some() {
                self.lp.wait = Some(wait);
                return None;
            }
            if !ok && self.lp.ready.is_empty() {
                return Some(false);
            }
        }
        self.loop_take_gil();
        if self.machine.paused_turn.is_some() {
            self.lp.wait = Some(LoopWait::Gil);
            return None;
        }
        Some(true)
    }

    /// The loop thread needs the GIL to run Python; it may wait for a worker's switch interval.
    pub(crate) fn loop_take_gil(&mut self) {
        if !self.machine.needs_gil(0) || self.machine.holds_gil(0) {
            self.set_thread_state(0, ThreadState::Python);
            return;
        }
        self.set_thread_state(0, ThreadState::WaitGil);
        self.advance(None, &|vm| vm.machine.holds_gil(0));
        self.set_thread_state(0, ThreadState::Python);
    }

    /// `cpu(s)` or `time.sleep(s)` on the loop thread while workers exist.
    pub(crate) fn loop_block(&mut self, kind: BlockKind, secs: f64) {
        let now = self.lp.now;
        match kind {
            BlockKind::Sleep => {
                self.machine.release_gil(0, now);
                self.set_thread_state(0, ThreadState::Sleep { until: now + secs });
                // Over once the thread wakes: it may already have been
                // granted the GIL (and be running Python) in the same turn.
                self.advance(None, &|vm| {
                    !matches!(vm.machine.threads[0].state, ThreadState::Sleep { .. })
                });
            }
            BlockKind::Cpu => {
                self.set_thread_state(
                    0,
                    ThreadState::Cpu {
                        remaining: secs,
                        on_core: false,
                        gil: true,
                    },
                );
                self.machine.schedule_cores(now);
                self.advance(None, &|vm| {
                    vm.machine.threads[0].state == ThreadState::Python
                });
            }
        }
        self.loop_take_gil();
    }

    /// Wait (blocking the loop thread) until an executor has no work left.
    pub(crate) fn loop_join(&mut self, executor: Option<u32>) {
        let busy = |vm: &Vm| -> bool {
            vm.machine.executors.iter().enumerate().any(|(i, ex)| {
                (executor.is_none() || executor == Some(i as u32))
                    && (!ex.queue.is_empty()
                        || ex
                            .workers
                            .iter()
                            .any(|&w| vm.machine.threads[w as usize].state != ThreadState::Idle))
            })
        };
        if !busy(self) {
            return;
        }
        let now = self.lp.now;
        self.machine.release_gil(0, now);
        self.set_thread_state(0, ThreadState::Idle);
        self.advance(None, &|vm| !busy(vm));
        self.loop_take_gil();
    }

    /// `loop.run_in_executor(executor, func, *args)`: an asyncio future for the result.
    pub(crate) fn run_in_executor(
        &mut self,
        executor: Option<u32>,
        func: Value,
        args: Vec<Value>,
        settle: Settle,
    ) -> Result<FutRef, ExcRef> {
        let ex = match executor {
            Some(e) => e,
            None => self.default_pool(),
        };
        let on = match self.machine.executors.get(ex as usize).map(|e| e.kind) {
            Some(PoolKind::Processes) => crate::trace::WaitOn::ProcessPool,
            _ => crate::trace::WaitOn::ThreadPool,
        };
        let fut = crate::asyncio::objects::Future::new(on);
        self.submit(ex, func, args, fut.clone(), settle)?;
        Ok(fut)
    }

    /// `executor.shutdown(wait)`: no new work; with `wait`, the calling (loop) thread joins the workers.
    pub(crate) fn shutdown_executor(&mut self, executor: u32, wait: bool) {
        if let Some(ex) = self.machine.executors.get_mut(executor as usize) {
            ex.shutdown = true;
        }
        if wait {
            self.loop_join(Some(executor));
        }
    }
}
