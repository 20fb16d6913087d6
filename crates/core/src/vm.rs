//! The virtual machine: frames as plain data, the instruction loop, calls and the await protocol.
//!
//! A stack of frames (`Vec<Frame>`) is one thread of Python execution: a task's
//! coroutine chain, a loop callback, or the module body. Running it returns
//! when it finishes, raises, suspends on a future, or blocks its thread
//! (`time.sleep`, `cpu`); everything needed to continue stays in the frames.

mod exec;
mod state;
mod threads;

use std::cell::RefCell;
use std::rc::Rc;

use crate::asyncio::native::NativeCoro;
use crate::asyncio::objects::FutRef;
use crate::compile::Code;
use crate::exc::ExcRef;
use crate::trace::BlockKind;
use crate::value::{Coro, Value};

pub(crate) use exec::{
    cancelled_error, make_cancelled_error, unhashable, Called, Kwargs, NO_KWARGS,
};
pub use state::Limits;
pub(crate) use state::{Abort, TaskSlot, Vm, ITEMS_PER_STEP};

/// One activation: a Python function or coroutine, or a native coroutine.
pub(crate) enum Frame {
    Py(Box<PyFrame>),
    Native(Box<NativeCoro>),
}

pub(crate) struct PyFrame {
    pub(crate) code: Rc<Code>,
    pub(crate) ip: u32,
    /// `code.nlocals`: how many of `slots` are locals.
    pub(crate) nlocals: u32,
    /// The locals (`slots[i]` is local `i`), then the value stack above
    /// them: one allocation per call, not two.
    pub(crate) slots: Vec<Value>,
    /// Its `try` and `with` blocks and the exceptions it handles, made at
    /// its first `try` or `with` (most frames have none: a gather tree
    /// keeps 100,000 frames at once) and kept for reuse with the frame.
    handling: Option<Box<Handling>>,
}

/// A frame's blocks and the exceptions it handles (`PyFrame::handling`).
#[derive(Default)]
pub(crate) struct Handling {
    pub(crate) blocks: Vec<Block>,
    /// Exceptions being handled (innermost last), for bare `raise`.
    pub(crate) exc_stack: Vec<ExcRef>,
}

#[derive(Clone, Copy)]
pub(crate) struct Block {
    pub(crate) handler: u32,
    pub(crate) depth: u32,
    pub(crate) exc_depth: u32,
}

impl Drop for PyFrame {
    fn drop(&mut self) {
        // The locals first, then the stack, as always.
        drop_slots(&mut self.slots, &self.code);
    }
}

/// Drop a frame's locals and stack, first to last. A cell variable whose
/// cell was never made (see `close_over` in exec.rs) holds its value
/// plainly: it is dropped as its cell would have dropped it (a container
/// whole, not taken apart by `drop_deep`).
#[inline]
fn drop_slots(slots: &mut Vec<Value>, code: &Code) {
    if !code.cell_slots.is_empty() {
        return drop_slots_with_cells(slots, code);
    }
    for v in slots.drain(..) {
        crate::value::drop_deep(v);
    }
}

/// `drop_slots` for code with cell variables.
#[inline(never)]
fn drop_slots_with_cells(slots: &mut Vec<Value>, code: &Code) {
    for (i, v) in slots.drain(..).enumerate() {
        if crate::value::is_container(&v) && code.cell_slots.contains(&(i as u32)) {
            drop(v);
        } else {
            crate::value::drop_deep(v);
        }
    }
}

/// At most this many spare frames wait in `Vm::spare_frames`: enough for
/// the calls of a recursion a few dozen deep, little memory.
const SPARE_FRAMES: usize = 64;

/// At most this many spare coroutine objects wait in `Vm::spare_coros`.
const SPARE_COROS: usize = 64;

/// At most this many emptied stacks wait in `Vm::spare_stacks`, each with
/// room for at most this many frames.
const SPARE_STACKS: usize = 16;
const SPARE_STACK_CAPACITY: usize = 16;

/// A frame whose locals and stack grew bigger than this is not kept (a
/// list display of a thousand items would otherwise hold its room forever).
const SPARE_CAPACITY: usize = 128;

impl Vm {
    /// A fresh frame for `code`, in a box (with its stack's and locals' room)
    /// that held a finished frame if there is one: a call or a coroutine
    /// otherwise costs three allocations, and three frees when it ends.
    pub(crate) fn py_frame(&mut self, code: &Rc<Code>) -> Box<PyFrame> {
        let Some(mut f) = self.spare_frames.pop() else {
            return Box::new(PyFrame::new(code.clone()));
        };
        // `py_frame_done` left it empty but for its code.
        f.code = code.clone();
        f.ip = 0;
        f.nlocals = code.nlocals;
        fill_locals(&mut f.slots, code.nlocals as usize);
        f.slots.reserve(code.stack_size as usize);
        f
    }

    /// A Python frame that has finished: what it holds is dropped now, as
    /// dropping it would (locals, then the stack, then handled exceptions),
    /// and its box is kept for `py_frame`. Its code stays until the box is
    /// reused (dropping a code object is seen by nothing).
    pub(crate) fn py_frame_done(&mut self, mut f: Box<PyFrame>) {
        if self.spare_frames.len() >= SPARE_FRAMES || f.slots.capacity() > SPARE_CAPACITY {
            return;
        }
        drop_slots(&mut f.slots, &f.code);
        if let Some(h) = f.handling.as_deref_mut() {
            h.blocks.clear();
            h.exc_stack.clear();
        }
        self.spare_frames.push(f);
    }
}

impl Vm {
    /// An empty stack, a spare one if there is one (`Vm::spare_stacks`).
    pub(crate) fn spare_stack(&mut self) -> Vec<Frame> {
        self.spare_stacks.pop().unwrap_or_default()
    }

    /// An emptied stack (a finished generator's, a task step's), kept for
    /// `spare_stack` unless enough are kept or it grew big.
    pub(crate) fn keep_stack(&mut self, stack: Vec<Frame>) {
        debug_assert!(stack.is_empty());
        if self.spare_stacks.len() < SPARE_STACKS && stack.capacity() <= SPARE_STACK_CAPACITY {
            self.spare_stacks.push(stack);
        }
    }

    /// A new coroutine object, in the allocation of one whose frame was
    /// taken and that nothing refers to any more if there is one: a gather
    /// tree's every node is a coroutine made, made a task and let go.
    pub(crate) fn new_coro(&mut self, coro: Coro) -> Rc<RefCell<Coro>> {
        match self.spare_coros.pop() {
            Some(c) => {
                // What it held (its names; its state is `Started`) is
                // dropped now, which nothing can see.
                *c.borrow_mut() = coro;
                c
            }
            None => Rc::new(RefCell::new(coro)),
        }
    }

    /// A coroutine whose frame was taken (by a task or an `await`): kept
    /// for `new_coro` if nothing else refers to it (no strong or weak
    /// reference: it can never be seen again), else let go.
    #[inline]
    pub(crate) fn coro_done(&mut self, c: Rc<RefCell<Coro>>) {
        if Rc::strong_count(&c) == 1
            && Rc::weak_count(&c) == 0
            && self.spare_coros.len() < SPARE_COROS
        {
            self.spare_coros.push(c);
        }
    }
}

/// `n` unbound locals in the empty `slots`: each made in place (`resize`
/// would clone a `Value` for each, through its whole `clone`).
fn fill_locals(slots: &mut Vec<Value>, n: usize) {
    slots.extend(std::iter::repeat_with(|| Value::Undefined).take(n));
}

impl PyFrame {
    pub(crate) fn new(code: Rc<Code>) -> PyFrame {
        let n = code.nlocals as usize;
        // Room for the stack too, as deep as it gets.
        let mut slots = Vec::with_capacity(n + code.stack_size as usize);
        fill_locals(&mut slots, n);
        PyFrame {
            nlocals: code.nlocals,
            code,
            ip: 0,
            slots,
            handling: None,
        }
    }

    /// Its blocks and the exceptions it handles, made if it has none yet.
    pub(crate) fn handling(&mut self) -> &mut Handling {
        self.handling.get_or_insert_with(Default::default)
    }

    /// The innermost `try` or `with` block, taken.
    pub(crate) fn pop_block(&mut self) -> Option<Block> {
        self.handling.as_deref_mut()?.blocks.pop()
    }

    /// The exception being handled (the innermost), for bare `raise` and
    /// a new exception's context.
    pub(crate) fn handled(&self) -> Option<&ExcRef> {
        self.handling.as_deref()?.exc_stack.last()
    }

    /// The source span of the instruction being executed (the one before `ip`).
    pub(crate) fn span_start(&self) -> u32 {
        let i = self.ip.saturating_sub(1) as usize;
        self.code
            .spans
            .get(i)
            .map_or(self.code.def_span.start, |s| s.start)
    }
}

/// What is sent into the top frame when execution (re)starts.
pub(crate) enum Resume {
    /// A fresh frame: start at its first instruction.
    Start,
    /// The awaited thing or called function produced a value.
    Value(Value),
    /// Raise this exception at the current instruction.
    Throw(ExcRef),
}

impl From<Result<Value, ExcRef>> for Resume {
    /// Resume with a call's result: its value, or its exception raised.
    fn from(r: Result<Value, ExcRef>) -> Resume {
        match r {
            Ok(v) => Resume::Value(v),
            Err(e) => Resume::Throw(e),
        }
    }
}

/// What a suspended task waits for.
pub(crate) enum Wait {
    /// A bare yield (`sleep(0)`): back of the ready queue.
    Bare,
    /// A future.
    Future(FutRef),
    /// `asyncio.sleep(delay)` with `delay > 0`, until this time. CPython makes
    /// a future and a timer that sets its result; nothing else can see that
    /// future, so the task keeps its state inline (`Waiter::Sleep`) and the
    /// timer wakes the task directly, with the same callbacks in the same order.
    Sleep(f64),
    /// `await getter` in `Queue.get`, `await putter` in `Queue.put` or
    /// `await fut` in `Lock.acquire` (`kind`), in a task's own step: the
    /// future is kept in the task (`Waiter::Queue`), the queue's (or
    /// lock's) waiters hold the task's number and this `serial`
    /// (`QueueWaiter::Task`).
    Queue {
        kind: crate::asyncio::objects::KeptWait,
        serial: u64,
    },
}

/// Why a stack of frames stopped running.
pub(crate) enum Outcome {
    Return(Value),
    Raise(ExcRef),
    /// Waiting (see `Wait`).
    Suspend(Wait),
    /// The thread blocks for `seconds` (`time.sleep`, `cpu`); resume with `Value(None)`.
    Block(BlockKind, f64),
    /// A generator's frame yielded a value (only when running a generator).
    Yield(Value),
    /// A limit was reached; the run is over.
    Abort,
    /// The Python frame on top paused before its next step (`Vm::pause_at`
    /// was reached): run the stack again with `Resume::Start` to go on.
    Paused,
    /// `asyncio.run` started its loop at the top of the program's stack: the
    /// caller drives `run_passes` (pausing between them if it likes), then
    /// resumes the stack with `asyncio_run_finish`'s result. Elsewhere
    /// `Vm::loop_to_end` does all of it at once.
    RunLoop(crate::asyncio::task::MainRun),
}
