//! The instruction loop, the await protocol and calls into Python functions.

use std::cell::RefCell;
use std::rc::Rc;

use super::{Abort, Block, Frame, Outcome, PyFrame, Resume, Vm, Wait};
use crate::asyncio::native::{NStep, NativeCoro};
use crate::asyncio::objects::{FutRef, FutState};
use crate::builtins::{self, asyncio_api, Builtin};
use crate::compile::{Code, Op};
use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::ops;
use crate::syntax::ast::{BinOp, CmpOp};
use crate::trace::BlockKind;
use crate::value::{discard, Coro, CoroState, Dict, Function, Key, ModuleId, TypeId, Value};

/// What a call produced: a value, a frame to run, or a blocked thread.
pub(crate) enum Called {
    Value(Value),
    Frame(Frame),
    Block(BlockKind, f64),
    /// `asyncio.run` at the top of the stack (see `Outcome::RunLoop`).
    RunLoop(crate::asyncio::task::MainRun),
}

enum PyExit {
    Return(Value),
    Yield(Value),
    Raise(ExcRef),
    Call(Frame),
    Await(Value),
    /// `await f(…)` of one of asyncio's own coroutines, made without the
    /// coroutine object: its frame starts on top.
    AwaitFrame(Frame),
    /// `await asyncio.sleep(delay)` (no `result`), made without its frame:
    /// the task suspends as the sleep's frame would make it, and the value
    /// it is woken with (`None`, or the exception thrown in) goes straight to
    /// this frame, as the sleep's frame would pass it on.
    SleepFor(f64),
    Block(BlockKind, f64),
    RunLoop(crate::asyncio::task::MainRun),
    Abort,
    /// Paused before a step, the instruction pointer on it: `Vm::pause_at`.
    Paused,
}

pub(crate) type Kwargs = Vec<(Rc<str>, Value)>;

/// No keyword arguments, for a call that takes `&Kwargs`: a constant, not a
/// temporary `Vec` whose drop would be a call on every awaited method.
pub(crate) const NO_KWARGS: &Kwargs = &Vec::new();

/// How deep builtins may call back into Python inside each other.
const MAX_NESTED_CALLBACKS: u32 = 40;

/// PEP 479: a StopIteration leaving a coroutine or a generator becomes a
/// RuntimeError caused by it (so it cannot silently end a loop around it).
fn pep479(e: ExcRef, is_async: bool, is_generator: bool) -> ExcRef {
    if !(is_async || is_generator) || !e.is(ExcType::StopIteration) {
        return e;
    }
    let what = if is_async { "coroutine" } else { "generator" };
    let r = ExcObj::msg(
        ExcType::RuntimeError,
        format!("{what} raised StopIteration"),
    );
    *r.line.borrow_mut() = *e.line.borrow();
    *r.cause.borrow_mut() = Some(e.clone());
    *r.context.borrow_mut() = Some(e);
    r
}

impl Vm {
    /// Run a stack of frames until it finishes, raises, suspends, blocks or aborts.
    pub(crate) fn run_stack(&mut self, frames: &mut Vec<Frame>, input: Resume) -> Outcome {
        self.run_depth += 1;
        let outcome = self.run_frames(frames, input);
        self.run_depth -= 1;
        outcome
    }

    /// `run_stack` that may also end `Outcome::Paused` when `pause_at` steps
    /// are reached in its own frames (not in a nested run: a builtin calling
    /// back into Python, a worker thread), unless a run_stack around it is
    /// already the pausable one. Its caller goes on later with `Resume::Start`.
    pub(crate) fn run_stack_pausable(&mut self, frames: &mut Vec<Frame>, input: Resume) -> Outcome {
        let own = self.pausable_depth == 0;
        if own {
            self.pausable_depth = self.run_depth + 1;
        }
        let outcome = self.run_stack(frames, input);
        if own {
            self.pausable_depth = 0;
        }
        outcome
    }

    fn run_frames(&mut self, frames: &mut Vec<Frame>, mut input: Resume) -> Outcome {
        loop {
            if self.abort.is_some() {
                return Outcome::Abort;
            }
            let Some(top) = frames.last_mut() else {
                return match input {
                    Resume::Value(v) => Outcome::Return(v),
                    Resume::Start => Outcome::Return(Value::None),
                    Resume::Throw(e) => Outcome::Raise(e),
                };
            };
            match top {
                Frame::Native(n) => {
                    let step = n.resume(self, input);
                    match step {
                        NStep::Return(v) => {
                            let done = frames.pop();
                            self.frame_done(done);
                            input = Resume::Value(v);
                        }
                        NStep::Raise(e) => {
                            let done = frames.pop();
                            self.frame_done(done);
                            input = Resume::Throw(e);
                        }
                        NStep::Await(v) => match self.start_await(frames, v) {
                            Ok(r) => input = r,
                            Err(o) => return o,
                        },
                        NStep::YieldBare => return Outcome::Suspend(Wait::Bare),
                        NStep::Sleep(until) => return Outcome::Suspend(Wait::Sleep(until)),
                        NStep::QueueWait { kind, serial } => {
                            return Outcome::Suspend(Wait::Queue { kind, serial })
                        }
                    }
                }
                Frame::Py(f) => match self.exec_py(f, input) {
                    PyExit::Return(v) => {
                        self.pop_py_frame(frames);
                        input = Resume::Value(v);
                    }
                    PyExit::Raise(e) => {
                        let e = pep479(e, f.code.is_async, f.code.is_generator);
                        self.pop_py_frame(frames);
                        input = Resume::Throw(e);
                    }
                    PyExit::Call(frame) => {
                        if frames.len() as u32 + self.nested_depth >= self.limits.max_depth {
                            self.set_abort(Abort::Limit(format!(
                                "recursion limit reached: more than {} nested calls",
                                self.limits.max_depth
                            )));
                            return Outcome::Abort;
                        }
                        frames.push(frame);
                        input = Resume::Start;
                    }
                    PyExit::Await(v) => match self.start_await(frames, v) {
                        Ok(r) => input = r,
                        Err(o) => return o,
                    },
                    PyExit::AwaitFrame(frame) => {
                        if let Err(o) = self.check_await_depth(frames) {
                            return o;
                        }
                        frames.push(frame);
                        input = Resume::Start;
                    }
                    PyExit::SleepFor(delay) => {
                        if let Err(o) = self.check_await_depth(frames) {
                            return o;
                        }
                        // What `NativeCoro::Sleep` does when it starts.
                        return Outcome::Suspend(if delay <= 0.0 {
                            Wait::Bare
                        } else {
                            Wait::Sleep(self.lp.now + delay)
                        });
                    }
                    PyExit::Block(kind, secs) => return Outcome::Block(kind, secs),
                    PyExit::RunLoop(run) => return Outcome::RunLoop(run),
                    PyExit::Yield(v) => return Outcome::Yield(v),
                    PyExit::Abort => return Outcome::Abort,
                    PyExit::Paused => return Outcome::Paused,
                },
            }
        }
    }

    /// The finished Python frame on top leaves the stack; its box is kept.
    fn pop_py_frame(&mut self, frames: &mut Vec<Frame>) {
        if let Some(Frame::Py(done)) = frames.pop() {
            self.py_frame_done(done);
        }
    }

    /// Room for one more awaited frame, or the recursion limit.
    fn check_await_depth(&mut self, frames: &[Frame]) -> Result<(), Outcome> {
        if frames.len() as u32 + self.nested_depth >= self.limits.max_depth {
            self.set_abort(Abort::Limit(format!(
                "recursion limit reached: more than {} nested awaits",
                self.limits.max_depth
            )));
            return Err(Outcome::Abort);
        }
        Ok(())
    }

    /// `await v` from the top frame: run a coroutine inline, or take a finished
    /// future's result without yielding, or suspend on a pending one.
    fn start_await(&mut self, frames: &mut Vec<Frame>, v: Value) -> Result<Resume, Outcome> {
        match v {
            Value::Coro(c) => {
                let state = std::mem::replace(&mut c.borrow_mut().state, CoroState::Started);
                match state {
                    CoroState::Created(frame) => {
                        self.coro_done(c);
                        self.check_await_depth(frames)?;
                        frames.push(frame);
                        Ok(Resume::Start)
                    }
                    CoroState::Started => Ok(Resume::Throw(ExcObj::msg(
                        ExcType::RuntimeError,
                        "cannot reuse already awaited coroutine",
                    ))),
                }
            }
            Value::Future(f) => {
                if f.borrow().done() {
                    return Ok(match self.future_result(&f) {
                        Ok(v) => Resume::Value(v),
                        Err(e) => Resume::Throw(e),
                    });
                }
                if let Some(cur) = &self.current {
                    if Rc::ptr_eq(cur, &f) {
                        return Ok(Resume::Throw(ExcObj::msg(
                            ExcType::RuntimeError,
                            "Task cannot await on itself",
                        )));
                    }
                }
                Err(Outcome::Suspend(Wait::Future(f)))
            }
            other => Ok(Resume::Throw(ExcObj::msg(
                ExcType::TypeError,
                format!(
                    "object {} can't be used in 'await' expression",
                    other.type_name()
                ),
            ))),
        }
    }

    /// `Future.result()`: the value, or the exception it holds, or CancelledError.
    pub(crate) fn future_result(&mut self, f: &FutRef) -> Result<Value, ExcRef> {
        let mut fb = f.borrow_mut();
        match fb.state.clone() {
            FutState::Done(v) => Ok(v),
            FutState::Failed(e) => {
                fb.log_traceback = false;
                Err(e)
            }
            FutState::Cancelled => Err(make_cancelled_error(&mut fb)),
            FutState::Pending => Err(ExcObj::msg(
                ExcType::InvalidStateError,
                "Result is not set.",
            )),
        }
    }

    /// Call a Python callable from native code and run it to completion (sort
    /// keys, done callbacks). Blocking calls inside advance the clock in place.
    pub(crate) fn call_sync(&mut self, func: &Value, args: Vec<Value>) -> Result<Value, ExcRef> {
        let called = self.call(func.clone(), args, Vec::new())?;
        let frame = match called {
            Called::Value(v) => return Ok(v),
            Called::Block(kind, secs) => {
                self.block_loop_thread(kind, secs);
                return Ok(Value::None);
            }
            Called::RunLoop(run) => return self.loop_to_end(run),
            Called::Frame(f) => f,
        };
        // Each nested run is Rust recursion (a builtin calling back into Python):
        // cap it well below what the native or wasm stack can hold.
        if self.nested_depth >= MAX_NESTED_CALLBACKS {
            self.set_abort(Abort::Limit(format!(
                "recursion limit reached: more than {MAX_NESTED_CALLBACKS} nested calls through builtins \
                 (key functions, callbacks)"
            )));
            return Err(ExcObj::msg(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let mut frames = vec![frame];
        self.nested_depth += 1;
        let mut input = Resume::Start;
        let result = loop {
            match self.run_stack(&mut frames, input) {
                Outcome::Return(v) => break Ok(v),
                Outcome::Raise(e) => break Err(e),
                Outcome::Block(kind, secs) => {
                    self.block_loop_thread(kind, secs);
                    input = Resume::Value(Value::None);
                }
                Outcome::RunLoop(run) => input = Resume::from(self.loop_to_end(run)),
                // Not the pausable run (see run_stack_pausable): never.
                Outcome::Paused => input = Resume::Start,
                Outcome::Suspend(_) | Outcome::Yield(_) => {
                    break Err(ExcObj::msg(
                        ExcType::RuntimeError,
                        "a callback cannot suspend",
                    ));
                }
                Outcome::Abort => break Err(ExcObj::msg(ExcType::RuntimeError, "run aborted")),
            }
        };
        self.nested_depth -= 1;
        result
    }

    /// `next(generator)`: run its frame until it yields (`Some`) or finishes (`None`).
    pub(crate) fn gen_next(
        &mut self,
        g: &Rc<RefCell<crate::value::GenObj>>,
    ) -> Result<Option<Value>, ExcRef> {
        let (mut frames, started) = {
            let mut gb = g.borrow_mut();
            if gb.running {
                return Err(ExcObj::msg(
                    ExcType::ValueError,
                    "generator already executing",
                ));
            }
            if gb.frames.is_empty() {
                return Ok(None);
            }
            gb.running = true;
            (
                std::mem::take(&mut gb.frames),
                std::mem::replace(&mut gb.started, true),
            )
        };
        if self.nested_depth >= MAX_NESTED_CALLBACKS {
            g.borrow_mut().running = false;
            self.set_abort(Abort::Limit(format!(
                "recursion limit reached: more than {MAX_NESTED_CALLBACKS} nested calls through builtins \\
                 (key functions, callbacks, generators)"
            )));
            return Err(ExcObj::msg(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.nested_depth += 1;
        let mut input = if started {
            Resume::Value(Value::None)
        } else {
            Resume::Start
        };
        let result = loop {
            match self.run_stack(&mut frames, input) {
                Outcome::Yield(v) => break Ok(Some(v)),
                Outcome::Return(_) => break Ok(None),
                Outcome::Raise(e) => break Err(e),
                Outcome::Block(kind, secs) => {
                    self.block_loop_thread(kind, secs);
                    input = Resume::Value(Value::None);
                }
                Outcome::RunLoop(run) => input = Resume::from(self.loop_to_end(run)),
                // Not the pausable run (see run_stack_pausable): never.
                Outcome::Paused => input = Resume::Start,
                Outcome::Suspend(_) => {
                    break Err(ExcObj::msg(
                        ExcType::RuntimeError,
                        "a generator cannot await",
                    ))
                }
                Outcome::Abort => break Err(ExcObj::msg(ExcType::RuntimeError, "run aborted")),
            }
        };
        self.nested_depth -= 1;
        let mut gb = g.borrow_mut();
        gb.running = false;
        if let Ok(Some(_)) = result {
            gb.frames = frames;
        } else if frames.is_empty() {
            // Finished: its empty stack is kept for the next generator.
            self.keep_stack(frames);
        }
        result
    }

    /// Call any callable. Python functions become frames for the caller to run.
    pub(crate) fn call(
        &mut self,
        callee: Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> Result<Called, ExcRef> {
        match callee {
            Value::Func(f) => {
                let mut frame = self.py_frame(&f.code);
                bind_args(&mut frame, &f, args, kwargs)?;
                Ok(self.func_frame(&f, frame))
            }
            Value::Builtin(b) => builtins::call(self, b, args, kwargs),
            Value::Method(m) => builtins::call_method(self, &m.0, &m.1, args, kwargs),
            Value::Type(t) => builtins::construct(self, t, args, kwargs),
            other => Err(ExcObj::msg(
                ExcType::TypeError,
                format!("'{}' object is not callable", other.type_name()),
            )),
        }
    }

    /// `func(a, b)` of a Python function that takes exactly its positional
    /// arguments (see `binds_plainly`): the arguments go from the caller's
    /// stack straight into the new frame's locals, with no `Vec` made for
    /// them and nothing to check (a recursive `fib` is mostly this). `None`
    /// for any other call.
    fn call_positional(&mut self, f: &mut PyFrame, n: u32) -> Option<Called> {
        let at = f.slots.len().checked_sub(n as usize)?;
        let Value::Func(func) = f.slots.get(at.checked_sub(1)?)? else {
            return None;
        };
        if !binds_plainly(func, n as usize, true) {
            return None;
        }
        let mut frame = self.py_frame(&func.code);
        for (slot, a) in frame.slots.iter_mut().zip(f.slots.drain(at..)) {
            *slot = a;
        }
        let Value::Func(func) = pop(f) else {
            return None;
        };
        close_over(&mut frame, &func);
        self.line_offset = f.span_start();
        Some(self.func_frame(&func, frame))
    }

    /// A Python function's frame, its arguments bound: run by the caller, or
    /// kept in the generator or coroutine object the call makes.
    fn func_frame(&mut self, f: &Function, frame: Box<PyFrame>) -> Called {
        if f.code.is_generator {
            let mut frames = self.spare_stack();
            frames.push(Frame::Py(frame));
            let g = crate::value::GenObj {
                frames,
                started: false,
                running: false,
            };
            return Called::Value(Value::Gen(Rc::new(RefCell::new(g))));
        }
        if f.code.is_async {
            let line = self.made_coro_line(self.line_offset);
            let coro = self.new_coro(Coro {
                state: CoroState::Created(Frame::Py(frame)),
                name: f.code.name.clone(),
                qualname: f.code.qualname.clone(),
                created_line: line,
            });
            Called::Value(Value::Coro(coro))
        } else {
            Called::Frame(Frame::Py(frame))
        }
    }

    fn exec_py(&mut self, f: &mut PyFrame, input: Resume) -> PyExit {
        match input {
            Resume::Start => {}
            Resume::Value(v) => take_awaited_value(f, v),
            Resume::Throw(e) => {
                if !self.handle_exception(f, e.clone()) {
                    return PyExit::Raise(e);
                }
            }
        }
        let code = f.code.clone();
        let ops: &[Op] = &code.ops;
        loop {
            let Some(&op) = ops.get(f.ip as usize) else {
                return PyExit::Return(Value::None);
            };
            f.ip += 1;
            #[cfg(not(target_arch = "wasm32"))]
            debug_assert!(
                f.slots.len() <= (code.nlocals + code.stack_size) as usize,
                "{}: the stack went past its computed size {} before instruction {} ({op:?})",
                code.qualname,
                code.stack_size,
                f.ip - 1,
            );
            let r: Result<(), ExcRef> = match op {
                Op::LoadConst(i) => {
                    f.slots.push(copy(&code.consts[i as usize]));
                    Ok(())
                }
                Op::LoadNone => {
                    f.slots.push(Value::None);
                    Ok(())
                }
                Op::LocalsBinary(b, ab) => {
                    // Two numbers: their result, as the `Binary` that comes
                    // two instructions later would make it, is pushed with
                    // nothing pushed and popped before it.
                    let (x, y) = ((ab & 0xffff) as usize, (ab >> 16) as usize);
                    if let (Some(lhs), Some(rhs)) = (f.slots.get(x), f.slots.get(y)) {
                        if let Some(v) = ops::quick_arith(b, lhs, rhs) {
                            f.slots.push(v);
                            f.ip += 2;
                            continue;
                        }
                    }
                    // Anything else: the `LoadLocal(x)` it stands in for.
                    load_local(f, &code, x)
                }
                Op::LoadLocal(i) => load_local(f, &code, i as usize),
                Op::StoreLocal(i) => {
                    let v = pop(f);
                    crate::value::drop_deep(std::mem::replace(&mut f.slots[i as usize], v));
                    Ok(())
                }
                Op::DeleteLocal(i) => {
                    if matches!(f.slots[i as usize], Value::Undefined) {
                        Err(unbound_local(&code.local_names[i as usize]))
                    } else {
                        f.slots[i as usize] = Value::Undefined;
                        Ok(())
                    }
                }
                Op::LoadDeref(i) => {
                    // A cell, or the value of a cell variable whose cell is
                    // not made yet (see `close_over`): read the same.
                    let v = match &f.slots[i as usize] {
                        Value::Cell(c) => c.borrow().clone(),
                        v => v.clone(),
                    };
                    if let Value::Undefined = v {
                        let name = &code.local_names[i as usize];
                        // The function's own captured local is a local to
                        // CPython; another's (a free variable) is not.
                        if code.cell_slots.contains(&i) {
                            Err(unbound_local(name))
                        } else {
                            Err(ExcObj::msg(
                                ExcType::NameError,
                                format!(
                                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                                ),
                            ))
                        }
                    } else {
                        f.slots.push(v);
                        Ok(())
                    }
                }
                Op::StoreDeref(i) => {
                    let v = pop(f);
                    match &mut f.slots[i as usize] {
                        Value::Cell(c) => *c.borrow_mut() = v,
                        // A cell variable whose cell is not made yet.
                        slot => *slot = v,
                    }
                    Ok(())
                }
                Op::LoadCell(i) => {
                    // A closure captures the variable: its cell is made now
                    // if it was not yet (see `close_over`).
                    let slot = &mut f.slots[i as usize];
                    if !matches!(slot, Value::Cell(_)) {
                        let v = std::mem::take(slot);
                        *slot = Value::Cell(Rc::new(RefCell::new(v)));
                    }
                    f.slots.push(f.slots[i as usize].clone());
                    Ok(())
                }
                Op::LoadGlobal(i) => match self.globals.get(i as usize) {
                    Some(Value::Undefined) | None => Err(ExcObj::msg(
                        ExcType::NameError,
                        format!(
                            "name '{}' is not defined",
                            self.global_names.get(i as usize).map_or("?", |n| n)
                        ),
                    )),
                    Some(v) => {
                        f.slots.push(copy(v));
                        Ok(())
                    }
                },
                Op::StoreGlobal(i) => {
                    let v = pop(f);
                    if let Some(slot) = self.globals.get_mut(i as usize) {
                        crate::value::drop_deep(std::mem::replace(slot, v));
                    }
                    Ok(())
                }
                Op::DeleteGlobal(i) => {
                    let name = self.global_names.get(i as usize).cloned();
                    match self.globals.get_mut(i as usize) {
                        Some(slot) if !matches!(slot, Value::Undefined) => {
                            // Deleting a global that shadowed a builtin uncovers the builtin.
                            *slot = name
                                .as_deref()
                                .and_then(crate::builtins::global_builtin)
                                .unwrap_or(Value::Undefined);
                            Ok(())
                        }
                        _ => Err(ExcObj::msg(
                            ExcType::NameError,
                            format!("name '{}' is not defined", name.as_deref().unwrap_or("?")),
                        )),
                    }
                }
                Op::LoadAttr(i) => {
                    let obj = pop(f);
                    ops::getattr(self, &obj, &code.names[i as usize]).map(|v| f.slots.push(v))
                }
                Op::StoreAttr(i) => {
                    let obj = pop(f);
                    let _v = pop(f);
                    Err(ExcObj::msg(
                        ExcType::AttributeError,
                        format!(
                            "'{}' object attribute '{}' is read-only",
                            obj.type_name(),
                            code.names[i as usize]
                        ),
                    ))
                }
                Op::LoadSubscr => {
                    let idx = pop(f);
                    let obj = pop(f);
                    ops::getitem(&obj, &idx).map(|v| f.slots.push(v))
                }
                Op::StoreSubscr => {
                    let idx = pop(f);
                    let obj = pop(f);
                    let v = pop(f);
                    // A slice assignment can grow a list by a whole list;
                    // one item or entry is never big enough to count.
                    let before = if matches!(idx, Value::Slice(_)) {
                        container_len(&obj)
                    } else {
                        None
                    };
                    let r = ops::setitem(&obj, idx, v);
                    self.charge_growth(before, &obj);
                    if self.abort.is_some() {
                        return PyExit::Abort;
                    }
                    r
                }
                Op::DeleteSubscr => {
                    let idx = pop(f);
                    let obj = pop(f);
                    ops::delitem(&obj, &idx)
                }
                Op::BuildSlice(n) => {
                    let step = if n == 3 { pop(f) } else { Value::None };
                    let upper = pop(f);
                    let lower = pop(f);
                    f.slots.push(Value::Slice(Rc::new((lower, upper, step))));
                    Ok(())
                }
                Op::Binary(b) | Op::Inplace(b) => {
                    // Two numbers: the result replaces the left one in place.
                    if let [.., lhs, rhs] = &mut f.slots[..] {
                        if let Some(v) = ops::quick_arith(b, lhs, rhs) {
                            discard(std::mem::replace(lhs, v));
                            if let Some(rhs) = f.slots.pop() {
                                discard(rhs);
                            }
                            continue;
                        }
                    }
                    self.binary_op(f, b, matches!(op, Op::Inplace(_)))
                }
                Op::ConstBinary(b, k) => {
                    // `2 * x`: the constant is never pushed when `x` is a number.
                    let lhs = &code.consts[k as usize];
                    if let Some(rhs) = f.slots.last_mut() {
                        if let Some(v) = ops::quick_arith(b, lhs, rhs) {
                            discard(std::mem::replace(rhs, v));
                            continue;
                        }
                    }
                    let rhs = pop(f);
                    f.slots.push(copy(lhs));
                    f.slots.push(rhs);
                    self.binary_op(f, b, false)
                }
                Op::BinaryConst(b, k) | Op::InplaceConst(b, k) => {
                    // `x op 1`: the constant is never pushed when `x` is a number.
                    let rhs = &code.consts[k as usize];
                    if let Some(lhs) = f.slots.last_mut() {
                        if let Some(v) = ops::quick_arith(b, lhs, rhs) {
                            discard(std::mem::replace(lhs, v));
                            continue;
                        }
                    }
                    f.slots.push(copy(rhs));
                    self.binary_op(f, b, matches!(op, Op::InplaceConst(..)))
                }
                Op::Unary(u) => {
                    let v = pop(f);
                    ops::unary(u, &v).map(|v| f.slots.push(v))
                }
                Op::Compare(c) => {
                    // Two numbers: the result replaces the left one in place.
                    if let [.., lhs, rhs] = &mut f.slots[..] {
                        if let Some(b) = ops::quick_compare(c, lhs, rhs) {
                            discard(std::mem::replace(lhs, Value::Bool(b)));
                            if let Some(rhs) = f.slots.pop() {
                                discard(rhs);
                            }
                            continue;
                        }
                    }
                    self.compare_op(f, c)
                }
                Op::CompareJumpIfFalse(c, t) => {
                    // Two numbers (a loop's test): no `bool` pushed and popped.
                    if let [.., lhs, rhs] = &f.slots[..] {
                        if let Some(b) = ops::quick_compare(c, lhs, rhs) {
                            for _ in 0..2 {
                                if let Some(v) = f.slots.pop() {
                                    discard(v);
                                }
                            }
                            if !b {
                                f.ip = t;
                            }
                            continue;
                        }
                    }
                    self.compare_op(f, c).map(|()| {
                        let v = pop(f);
                        if !v.truthy() {
                            f.ip = t;
                        }
                        discard(v);
                    })
                }
                Op::Jump(t) => {
                    if t < f.ip {
                        if let Some(exit) = self.take_step(f) {
                            return exit;
                        }
                    }
                    f.ip = t;
                    Ok(())
                }
                Op::PopJumpIfFalse(t) => {
                    let v = pop(f);
                    if !v.truthy() {
                        f.ip = t;
                    }
                    discard(v);
                    Ok(())
                }
                Op::PopJumpIfTrue(t) => {
                    let v = pop(f);
                    if v.truthy() {
                        f.ip = t;
                    }
                    discard(v);
                    Ok(())
                }
                Op::JumpIfFalseOrPop(t) => {
                    if f.slots.last().is_some_and(|v| !v.truthy()) {
                        f.ip = t;
                    } else {
                        f.slots.pop();
                    }
                    Ok(())
                }
                Op::JumpIfTrueOrPop(t) => {
                    if f.slots.last().is_some_and(|v| v.truthy()) {
                        f.ip = t;
                    } else {
                        f.slots.pop();
                    }
                    Ok(())
                }
                Op::Pop => {
                    if let Some(v) = f.slots.pop() {
                        discard(v);
                    }
                    Ok(())
                }
                Op::Dup => {
                    let v = f.slots.last().cloned().unwrap_or_default();
                    f.slots.push(v);
                    Ok(())
                }
                Op::Dup2 => {
                    let n = f.slots.len();
                    if n >= 2 {
                        let a = f.slots[n - 2].clone();
                        let b = f.slots[n - 1].clone();
                        f.slots.push(a);
                        f.slots.push(b);
                    }
                    Ok(())
                }
                Op::Rot2 => {
                    let n = f.slots.len();
                    if n >= 2 {
                        f.slots.swap(n - 1, n - 2);
                    }
                    Ok(())
                }
                Op::Rot3 => {
                    let v = pop(f);
                    let n = f.slots.len();
                    f.slots.insert(n.saturating_sub(2), v);
                    Ok(())
                }
                Op::BuildList(n) => {
                    let items = popn(f, n);
                    f.slots.push(Value::list(items));
                    Ok(())
                }
                Op::BuildTuple(n) => {
                    let items = popn(f, n);
                    f.slots.push(Value::tuple(items));
                    Ok(())
                }
                Op::BuildSet(n) => {
                    let items = popn(f, n);
                    ops::make_set(items).map(|v| f.slots.push(v))
                }
                Op::BuildDict(n) => {
                    let items = popn(f, 2 * n);
                    let mut d = Dict::default();
                    let mut r = Ok(());
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        if !k.is_hashable() {
                            r = Err(unhashable(&k));
                            break;
                        }
                        d.insert(Key(k), v);
                    }
                    f.slots.push(Value::Dict(Rc::new(RefCell::new(d))));
                    r
                }
                Op::BuildString(n) => {
                    let items = popn(f, n);
                    let mut s = String::new();
                    for i in &items {
                        if let Value::Str(p) = i {
                            s.push_str(p);
                        }
                    }
                    f.slots.push(Value::str(&s));
                    Ok(())
                }
                Op::ListAppend(n) => {
                    let v = pop(f);
                    let at = f.slots.len().saturating_sub(n as usize);
                    if let Some(Value::List(l)) = f.slots.get(at) {
                        l.borrow_mut().push(v);
                    }
                    Ok(())
                }
                Op::SetAdd(n) => {
                    let v = pop(f);
                    let at = f.slots.len().saturating_sub(n as usize);
                    match f.slots.get(at) {
                        Some(Value::Set(s)) => {
                            if v.is_hashable() {
                                s.borrow_mut().insert(Key(v), Value::None);
                                Ok(())
                            } else {
                                Err(unhashable(&v))
                            }
                        }
                        _ => Ok(()),
                    }
                }
                Op::MapAdd(n) => {
                    let v = pop(f);
                    let k = pop(f);
                    let at = f.slots.len().saturating_sub(n as usize);
                    match f.slots.get(at) {
                        Some(Value::Dict(d)) => {
                            if k.is_hashable() {
                                d.borrow_mut().insert(Key(k), v);
                                Ok(())
                            } else {
                                Err(unhashable(&k))
                            }
                        }
                        _ => Ok(()),
                    }
                }
                Op::ListExtend => {
                    let it = pop(f);
                    match ops::collect(self, &it) {
                        Ok(items) => {
                            if let Some(Value::List(l)) = f.slots.last() {
                                let mut l = l.borrow_mut();
                                // `f(*xs)`, `[*xs]`: the list is still empty,
                                // and takes the collected items as they are.
                                if l.is_empty() {
                                    *l = items;
                                } else {
                                    l.extend(items);
                                }
                            }
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Op::DictUpdate => {
                    let m = pop(f);
                    match (&m, f.slots.last()) {
                        (Value::Dict(src), Some(Value::Dict(dst))) => {
                            let items: Vec<(Key, Value)> = src
                                .borrow()
                                .iter()
                                .map(|(k, v)| (k.clone(), v.clone()))
                                .collect();
                            dst.borrow_mut().extend(items);
                            Ok(())
                        }
                        _ => Err(ExcObj::msg(
                            ExcType::TypeError,
                            format!("'{}' object is not a mapping", m.type_name()),
                        )),
                    }
                }
                Op::ListToTuple => {
                    let v = pop(f);
                    if let Value::List(l) = v {
                        let items = l.borrow().clone();
                        f.slots.push(Value::tuple(items));
                    }
                    Ok(())
                }
                Op::FormatValue(flags) => {
                    let spec = if flags & 4 != 0 { Some(pop(f)) } else { None };
                    let v = pop(f);
                    ops::format_value(self, &v, flags & 3, spec.as_ref())
                        .map(|s| f.slots.push(Value::str(&s)))
                }
                Op::UnpackSequence(n) => {
                    let v = pop(f);
                    match unpack_items(self, &v) {
                        Ok(items) if items.len() == n as usize => {
                            f.slots.extend(items.into_iter().rev());
                            Ok(())
                        }
                        Ok(items) if items.len() > n as usize => Err(ExcObj::msg(
                            ExcType::ValueError,
                            format!("too many values to unpack (expected {n})"),
                        )),
                        Ok(items) => Err(ExcObj::msg(
                            ExcType::ValueError,
                            format!(
                                "not enough values to unpack (expected {n}, got {})",
                                items.len()
                            ),
                        )),
                        Err(e) => Err(e),
                    }
                }
                Op::UnpackEx(arg) => {
                    let before = (arg & 0xffff) as usize;
                    let after = (arg >> 16) as usize;
                    let v = pop(f);
                    match unpack_items(self, &v) {
                        Ok(items) if items.len() >= before + after => {
                            let mid_end = items.len() - after;
                            let mut out: Vec<Value> = items[..before].to_vec();
                            out.push(Value::list(items[before..mid_end].to_vec()));
                            out.extend(items[mid_end..].iter().cloned());
                            f.slots.extend(out.into_iter().rev());
                            Ok(())
                        }
                        Ok(items) => Err(ExcObj::msg(
                            ExcType::ValueError,
                            format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                before + after,
                                items.len()
                            ),
                        )),
                        Err(e) => Err(e),
                    }
                }
                Op::GetIter => {
                    let v = pop(f);
                    ops::get_iter(&v).map(|it| f.slots.push(it))
                }
                Op::ForIter(t) => {
                    if let Some(exit) = self.take_step(f) {
                        return exit;
                    }
                    match self.next_item(f) {
                        Ok(Some(v)) => {
                            f.slots.push(v);
                            Ok(())
                        }
                        Ok(None) => {
                            f.slots.pop();
                            f.ip = t;
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Op::ForIterLocal(slot) => {
                    if let Some(exit) = self.take_step(f) {
                        return exit;
                    }
                    // A range (most loops): its int goes straight into the
                    // local, with no `Result<Option<Value>>` made and moved.
                    if let Some((it, below)) = f.slots.split_last_mut() {
                        if let (Some(next), Some(local)) =
                            (ops::quick_range_next(it), below.get_mut(slot as usize))
                        {
                            match next {
                                Some(i) => {
                                    // The loop's last int, most often.
                                    crate::value::drop_deep(std::mem::replace(
                                        local,
                                        Value::Int(i),
                                    ));
                                    // Over the jump out of the loop.
                                    f.ip += 1;
                                }
                                // The jump out of the loop comes next.
                                None => drop(f.slots.pop()),
                            }
                            continue;
                        }
                    }
                    match self.next_item(f) {
                        Ok(Some(v)) => {
                            let old = std::mem::replace(&mut f.slots[slot as usize], v);
                            crate::value::drop_deep(old);
                            // Over the jump out of the loop.
                            f.ip += 1;
                            Ok(())
                        }
                        Ok(None) => {
                            // The jump out of the loop comes next.
                            f.slots.pop();
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Op::Call(n) => {
                    if let Some(exit) = self.take_step(f) {
                        return exit;
                    }
                    match self.awaited_call(f, &code, n) {
                        Some(Ok(exit)) => return exit,
                        Some(Err(e)) => Err(e),
                        None => {
                            if let Some(c) = self.call_positional(f, n) {
                                return match self.called(f, c) {
                                    Some(exit) => exit,
                                    None => continue,
                                };
                            }
                            let args = popn(f, n);
                            let callee = pop(f);
                            self.line_offset = f.span_start();
                            match self.call(callee, args, Vec::new()) {
                                Ok(c) => match self.called(f, c) {
                                    Some(exit) => return exit,
                                    None => Ok(()),
                                },
                                Err(e) => Err(e),
                            }
                        }
                    }
                }
                Op::CallKw(n) => {
                    if let Some(exit) = self.take_step(f) {
                        return exit;
                    }
                    let names = pop(f);
                    let mut args = popn(f, n);
                    let callee = pop(f);
                    let names: Vec<Rc<str>> = match &names {
                        Value::Tuple(t) => t
                            .iter()
                            .filter_map(|v| {
                                if let Value::Str(s) = v {
                                    Some(s.clone())
                                } else {
                                    None
                                }
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    let kwvals = args.split_off(args.len().saturating_sub(names.len()));
                    let kwargs: Kwargs = names.into_iter().zip(kwvals).collect();
                    self.line_offset = f.span_start();
                    match self.call(callee, args, kwargs) {
                        Ok(c) => match self.called(f, c) {
                            Some(exit) => return exit,
                            None => Ok(()),
                        },
                        Err(e) => Err(e),
                    }
                }
                Op::CallEx(flags) => {
                    if let Some(exit) = self.take_step(f) {
                        return exit;
                    }
                    let kwargs = if flags & 1 != 0 { Some(pop(f)) } else { None };
                    let args = pop(f);
                    let callee = pop(f);
                    let args: Vec<Value> = match args {
                        // The list the call built, which nothing else sees:
                        // its items are moved, not copied.
                        Value::List(l) => match Rc::try_unwrap(l) {
                            Ok(items) => items.into_inner(),
                            Err(l) => l.borrow().clone(),
                        },
                        Value::Tuple(t) => t.to_vec(),
                        _ => Vec::new(),
                    };
                    let mut kw = Vec::new();
                    let mut bad = None;
                    if let Some(Value::Dict(d)) = &kwargs {
                        for (k, v) in d.borrow().iter() {
                            match &k.0 {
                                Value::Str(s) => kw.push((s.clone(), v.clone())),
                                _ => {
                                    bad = Some(ExcObj::msg(
                                        ExcType::TypeError,
                                        "keywords must be strings",
                                    ))
                                }
                            }
                        }
                    }
                    self.line_offset = f.span_start();
                    match bad {
                        Some(e) => Err(e),
                        None => match self.call(callee, args, kw) {
                            Ok(c) => match self.called(f, c) {
                                Some(exit) => return exit,
                                None => Ok(()),
                            },
                            Err(e) => Err(e),
                        },
                    }
                }
                Op::CallAttr(arg) => {
                    if let Some(exit) = self.take_step(f) {
                        return exit;
                    }
                    let name = &code.names[(arg & 0xff_ffff) as usize];
                    let n = arg >> 24;
                    match self.awaited_method(f, &code, name, n) {
                        Some(Ok(exit)) => return exit,
                        Some(Err(e)) => Err(e),
                        None => {
                            let args = popn(f, n);
                            let recv = pop(f);
                            self.line_offset = f.span_start();
                            let before = container_len(&recv);
                            // Methods that look at every item count them as steps.
                            let r = match before {
                                Some((n, _)) if n >= 1024 && LINEAR_METHODS.contains(&&**name) => {
                                    self.charge_steps(n as u64 / super::ITEMS_PER_STEP)
                                }
                                _ => Ok(()),
                            }
                            .and_then(|()| {
                                builtins::call_method(self, &recv, name, args, Vec::new())
                            });
                            // `extend`, `update` and the like grow the receiver in place.
                            self.charge_growth(before, &recv);
                            match r {
                                Ok(c) => match self.called(f, c) {
                                    Some(exit) => return exit,
                                    None => Ok(()),
                                },
                                Err(e) => Err(e),
                            }
                        }
                    }
                }
                Op::MakeFunction(k) => {
                    let Value::Code(c) = &code.consts[k as usize] else {
                        return PyExit::Abort;
                    };
                    let nfree = c.free_names.len() as u32;
                    let nkw = c.params.kwdefault_names.len() as u32;
                    let closure: Vec<Rc<RefCell<Value>>> = popn(f, nfree)
                        .into_iter()
                        .map(|v| match v {
                            Value::Cell(c) => c,
                            other => Rc::new(RefCell::new(other)),
                        })
                        .collect();
                    let kwvals = popn(f, nkw);
                    let defaults = popn(f, c.params.n_defaults);
                    let kwdefaults = c
                        .params
                        .kwdefault_names
                        .iter()
                        .cloned()
                        .zip(kwvals)
                        .collect();
                    f.slots.push(Value::Func(Rc::new(Function {
                        code: c.clone(),
                        defaults,
                        kwdefaults,
                        closure,
                    })));
                    Ok(())
                }
                Op::Return => {
                    self.line_offset = f.span_start();
                    return PyExit::Return(pop(f));
                }
                Op::Yield => {
                    let v = pop(f);
                    return PyExit::Yield(v);
                }
                Op::Await => {
                    if let Some(exit) = self.take_step(f) {
                        return exit;
                    }
                    let v = pop(f);
                    self.line_offset = f.span_start();
                    return PyExit::Await(v);
                }
                Op::SetupExcept(h) | Op::SetupFinally(h) => {
                    let depth = f.slots.len() as u32;
                    let handling = f.handling();
                    let exc_depth = handling.exc_stack.len() as u32;
                    handling.blocks.push(Block {
                        handler: h,
                        depth,
                        exc_depth,
                    });
                    Ok(())
                }
                Op::PopBlock => {
                    f.pop_block();
                    Ok(())
                }
                Op::PopExcept => {
                    f.handling().exc_stack.pop();
                    Ok(())
                }
                Op::Raise(kind) => Err(self.make_raise(f, kind)),
                Op::Reraise => match pop(f) {
                    Value::Exc(e) => Err(e),
                    _ => Err(ExcObj::msg(
                        ExcType::RuntimeError,
                        "internal: reraise without exception",
                    )),
                },
                Op::CheckExcMatch => {
                    let cls = pop(f);
                    let exc = f.slots.last().cloned().unwrap_or_default();
                    ops::exc_matches(&exc, &cls).map(|b| f.slots.push(Value::Bool(b)))
                }
                Op::WithEnter(is_async) => {
                    let mgr = pop(f);
                    f.slots.push(mgr.clone());
                    match (is_async != 0 && next_is_await(f, &code), &mgr) {
                        (true, Value::Obj(o)) => {
                            let made = builtins::aenter(self, o);
                            match self.enter_awaited(f, made) {
                                Ok(exit) => return exit,
                                Err(e) => Err(e),
                            }
                        }
                        _ => {
                            builtins::with_enter(self, &mgr, is_async != 0).map(|v| f.slots.push(v))
                        }
                    }
                }
                Op::WithExit(is_async) => {
                    let mgr = pop(f);
                    match (is_async != 0 && next_is_await(f, &code), &mgr) {
                        (true, Value::Obj(o)) => match builtins::aexit(self, o, None) {
                            // Done at once (a lock's or a semaphore's release):
                            // the value it would return, with no frame.
                            Ok(NativeCoro::Ready(Some(Ok(v)))) => {
                                match self.awaited_at_once(f, v) {
                                    Some(exit) => return exit,
                                    None => Ok(()),
                                }
                            }
                            made => match self.enter_awaited(f, made) {
                                Ok(exit) => return exit,
                                Err(e) => Err(e),
                            },
                        },
                        _ => builtins::with_exit(self, &mgr, None, is_async != 0)
                            .map(|v| f.slots.push(v)),
                    }
                }
                Op::WithExcept(is_async) => {
                    let n = f.slots.len();
                    let exc = f.slots.get(n.wrapping_sub(1)).cloned().unwrap_or_default();
                    let mgr = f.slots.get(n.wrapping_sub(2)).cloned().unwrap_or_default();
                    let e = if let Value::Exc(e) = exc {
                        Some(e)
                    } else {
                        None
                    };
                    builtins::with_exit(self, &mgr, e, is_async != 0).map(|v| f.slots.push(v))
                }
                Op::Import(i) => builtins::import(&code.names[i as usize]).map(|m| f.slots.push(m)),
                Op::LoadAssertionError => {
                    f.slots
                        .push(Value::Type(TypeId::Exc(ExcType::AssertionError)));
                    Ok(())
                }
            };
            if let Err(e) = r {
                if self.abort.is_some() {
                    return PyExit::Abort;
                }
                if *e.line.borrow() == 0 {
                    *e.line.borrow_mut() = self.line_of(f.span_start());
                }
                if !self.handle_exception(f, e.clone()) {
                    self.line_offset = f.span_start();
                    return PyExit::Raise(e);
                }
            }
        }
    }

    /// `lhs op rhs` (in place if `inplace`) for the two values on top of
    /// the stack, which the result replaces. A run stopped at a limit is an
    /// `Err` too, which the caller turns into `PyExit::Abort`.
    fn binary_op(&mut self, f: &mut PyFrame, b: BinOp, inplace: bool) -> Result<(), ExcRef> {
        let n = f.slots.len();
        let numbers = match (f.slots.get(n.wrapping_sub(2)), f.slots.last()) {
            (Some(lhs), Some(rhs)) => ops::binary_numbers(b, lhs, rhs),
            _ => None,
        };
        if let Some(r) = numbers {
            // Both operands are numbers: nothing to drop.
            f.slots.truncate(n - 2);
            return r.map(|v| f.slots.push(v));
        }
        let rhs = pop(f);
        let lhs = pop(f);
        // Only an in-place operator grows its left operand; otherwise the
        // result is a new value, counted whole by `charge_built`.
        let before = if inplace { container_len(&lhs) } else { None };
        let v = ops::binary(b, lhs, rhs, inplace)?;
        self.charge_built(&v);
        self.charge_growth(before, &v);
        if self.abort.is_some() {
            return Err(ExcObj::bare(ExcType::SystemError));
        }
        f.slots.push(v);
        Ok(())
    }

    /// `lhs op rhs` for the two values on top of the stack, which the
    /// `bool` result replaces. A run stopped at the step limit is an `Err`
    /// too, which the caller turns into `PyExit::Abort`.
    fn compare_op(&mut self, f: &mut PyFrame, c: CmpOp) -> Result<(), ExcRef> {
        let rhs = pop(f);
        let lhs = pop(f);
        // `x in big_list` and `big == other` look at every item.
        let work = match c {
            CmpOp::In | CmpOp::NotIn => seq_len(&rhs),
            CmpOp::Is | CmpOp::IsNot => 0,
            _ => seq_len(&lhs).min(seq_len(&rhs)),
        };
        if work >= 1024 {
            self.charge_steps(work as u64 / super::ITEMS_PER_STEP)?;
        }
        ops::compare(c, &lhs, &rhs).map(|b| f.slots.push(Value::Bool(b)))
    }

    /// The next item of the iterator on top of the stack (`ForIter`,
    /// `ForIterLocal`); `None` when it is exhausted.
    #[inline(always)]
    fn next_item(&mut self, f: &PyFrame) -> Result<Option<Value>, ExcRef> {
        match f.slots.last() {
            // A range (most loops), without the general protocol.
            Some(it) => match ops::quick_range_next(it) {
                Some(i) => Ok(i.map(Value::Int)),
                None => ops::iter_next(self, it),
            },
            None => Ok(None),
        }
    }

    /// Take an interpreter step: a call, an await or a jump back (a loop
    /// iteration), what every runaway loop or recursion is made of. The
    /// instructions that are steps call this before anything else, so a
    /// pause (`Some(PyExit::Paused)`) leaves the frame as it was before the
    /// instruction; `Some(PyExit::Abort)`: the step limit is reached.
    #[inline(always)]
    fn take_step(&mut self, f: &mut PyFrame) -> Option<PyExit> {
        // The usual case, short of a pause and of the step limit: one more step.
        if self.steps < self.pause_at && self.steps < self.limits.max_steps {
            self.steps += 1;
            return None;
        }
        self.take_step_slow(f)
    }

    /// [`Vm::take_step`] at a pause or at the step limit.
    #[inline(never)]
    fn take_step_slow(&mut self, f: &mut PyFrame) -> Option<PyExit> {
        if self.steps >= self.pause_at && self.run_depth == self.pausable_depth {
            // Pause once: the step is taken (and counted) when the frame goes on.
            f.ip -= 1;
            self.pause_at = u64::MAX;
            return Some(PyExit::Paused);
        }
        if self.charge_steps(1).is_err() {
            return Some(PyExit::Abort);
        }
        None
    }

    /// Find a handler in this frame; on success the frame continues there.
    fn handle_exception(&mut self, f: &mut PyFrame, e: ExcRef) -> bool {
        set_context(&e, f.handled());
        if *e.line.borrow() == 0 {
            *e.line.borrow_mut() = self.line_of(f.span_start());
        }
        let Some(b) = f.pop_block() else {
            return false;
        };
        f.slots.truncate(b.depth as usize);
        let exc_stack = &mut f.handling().exc_stack;
        exc_stack.truncate(b.exc_depth as usize);
        exc_stack.push(e.clone());
        f.slots.push(Value::Exc(e));
        f.ip = b.handler;
        true
    }

    fn make_raise(&mut self, f: &mut PyFrame, kind: u32) -> ExcRef {
        if kind == 0 {
            return match f.handled() {
                Some(e) => e.clone(),
                None => ExcObj::msg(ExcType::RuntimeError, "No active exception to reraise"),
            };
        }
        let cause = if kind == 2 { Some(pop(f)) } else { None };
        let v = pop(f);
        let exc = match ops::to_exception(self, v) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if let Some(c) = cause {
            exc.suppress_context.set(true);
            *exc.cause.borrow_mut() = match c {
                Value::Exc(c) => Some(c),
                _ => None,
            };
        }
        *exc.line.borrow_mut() = self.line_of(f.span_start());
        exc
    }
}

/// The items of an unpacking assignment, with CPython's message for non-iterables.
fn unpack_items(vm: &mut Vm, v: &Value) -> Result<Vec<Value>, ExcRef> {
    if ops::get_iter(v).is_err() {
        return Err(ExcObj::msg(
            ExcType::TypeError,
            format!("cannot unpack non-iterable {} object", v.type_name()),
        ));
    }
    ops::collect(vm, v)
}

/// Implicit chaining: an exception raised while another is handled remembers it.
fn set_context(e: &ExcRef, handling: Option<&ExcRef>) {
    let Some(h) = handling else { return };
    if Rc::ptr_eq(e, h) || e.context.borrow().is_some() {
        return;
    }
    // Never make a cycle (re-raising an exception from its own context chain).
    let mut c = Some(h.clone());
    while let Some(x) = c {
        if Rc::ptr_eq(&x, e) {
            return;
        }
        c = x.context.borrow().clone();
    }
    *e.context.borrow_mut() = Some(h.clone());
}

impl Vm {
    /// `await b(…)` with the `n` arguments on top of the stack and the
    /// callee (or module) under them, when the next instruction is the
    /// `await` and `b` is one of asyncio's coroutines that
    /// [`asyncio_api::awaited_call`] makes directly: the call and the await
    /// in one step (both counted), with no coroutine object. `None` (and
    /// the stack untouched): call as usual.
    fn awaited_call(
        &mut self,
        f: &mut PyFrame,
        code: &Code,
        n: u32,
    ) -> Option<Result<PyExit, ExcRef>> {
        if !next_is_await(f, code) {
            return None;
        }
        let at = f.slots.len().checked_sub(n as usize)?;
        let &Value::Builtin(b) = f.slots.get(at.checked_sub(1)?)? else {
            return None;
        };
        self.awaited_builtin(f, at, b)
    }

    /// The end of [`Vm::awaited_call`] and [`Vm::awaited_method`] for a
    /// builtin `b` called with the arguments from `at`: a plain sleep made
    /// with no coroutine at all, another of asyncio's coroutines as a frame.
    /// Inlined into both, as the code was before it was shared (a call here
    /// cost fanout 1% more instructions).
    #[inline(always)]
    fn awaited_builtin(
        &mut self,
        f: &mut PyFrame,
        at: usize,
        b: Builtin,
    ) -> Option<Result<PyExit, ExcRef>> {
        let args = f.slots.get(at..)?;
        if let Some(delay) = asyncio_api::plain_sleep(b, args) {
            return Some(Ok(self.sleep_for(f, at, delay)));
        }
        let made = asyncio_api::awaited_call(b, args)?;
        self.start_awaited(f, at, made)
    }

    /// [`Vm::awaited_call`] for `await recv.name(…)`: `asyncio.sleep(…)`,
    /// `queue.get()`, `lock.acquire()`, ….
    fn awaited_method(
        &mut self,
        f: &mut PyFrame,
        code: &Code,
        name: &str,
        n: u32,
    ) -> Option<Result<PyExit, ExcRef>> {
        if !next_is_await(f, code) {
            return None;
        }
        let at = f.slots.len().checked_sub(n as usize)?;
        let args = f.slots.get(at..)?;
        let made = match f.slots.get(at.checked_sub(1)?)? {
            Value::Module(m) => {
                // `asyncio.sleep`, by far the most awaited: not looked up by
                // name. Its name is matched byte by byte: `==` calls memcmp,
                // out of line in the page's wasm.
                let b = if *m == ModuleId::Asyncio && matches!(name.as_bytes(), b"sleep") {
                    Builtin::Sleep
                } else {
                    match builtins::module_attr(*m, name)? {
                        Value::Builtin(b) => b,
                        _ => return None,
                    }
                };
                return self.awaited_builtin(f, at, b);
            }
            Value::Obj(o) => {
                if let Some(m) = asyncio_api::plain_method(o, name, args.len()) {
                    return Some(self.awaited_plain_method(f, m));
                }
                asyncio_api::obj_coro(o, name, args, NO_KWARGS)?.map(|(_, n)| n)
            }
            _ => return None,
        };
        self.start_awaited(f, at, made)
    }

    /// The end of [`Vm::awaited_method`] for `await o.name(…)` called as
    /// usual (`q.get()`, `q.put(x)`, `lock.acquire()`, …), the receiver and
    /// its arguments on top of the stack: they move into the coroutine
    /// rather than being copied into it and dropped. What
    /// [`Vm::enter_awaited`] does, with a coroutine that cannot fail to be
    /// made: made last, straight into its frame (not moved through a
    /// `Result` first).
    fn awaited_plain_method(
        &mut self,
        f: &mut PyFrame,
        m: asyncio_api::PlainMethod,
    ) -> Result<PyExit, ExcRef> {
        let item = if m.nargs() == 1 { pop(f) } else { Value::None };
        let Value::Obj(o) = pop(f) else {
            return Err(ExcObj::msg(ExcType::SystemError, "internal: no receiver"));
        };
        self.line_offset = f.span_start();
        if !self.take_await(f) {
            return Ok(PyExit::Abort);
        }
        Ok(PyExit::AwaitFrame(self.native_frame(m.coro(o, item))))
    }

    /// `await asyncio.sleep(delay)` with one number (see
    /// [`asyncio_api::plain_sleep`]): what [`Vm::start_awaited`] and
    /// [`Vm::enter_awaited`] do with such a sleep, without making it. The
    /// callee and the number (no container: nothing to drop deep) leave the
    /// stack, the `await` is taken (its step counted) and the task suspends.
    /// Inlined: a call and a return are a good part of what is left of it.
    #[inline(always)]
    fn sleep_for(&mut self, f: &mut PyFrame, at: usize, delay: f64) -> PyExit {
        while f.slots.len() >= at {
            match f.slots.pop() {
                // What they are: nothing to call the drop glue for.
                Some(
                    v @ (Value::Module(_)
                    | Value::Builtin(_)
                    | Value::Int(_)
                    | Value::Float(_)
                    | Value::Bool(_)),
                ) => std::mem::forget(v),
                v => drop(v),
            }
        }
        if !self.take_await(f) {
            return PyExit::Abort;
        }
        PyExit::SleepFor(delay)
    }

    /// The end of [`Vm::awaited_call`]: the callee and arguments (from
    /// `at - 1`) leave the stack; the coroutine's frame goes on top.
    fn start_awaited(
        &mut self,
        f: &mut PyFrame,
        at: usize,
        made: Result<crate::asyncio::native::NativeCoro, ExcRef>,
    ) -> Option<Result<PyExit, ExcRef>> {
        let gone = f.slots.get(at - 1..).unwrap_or_default();
        if gone.iter().any(crate::value::is_container) {
            for v in f.slots.drain(at - 1..) {
                crate::value::drop_deep(v);
            }
        } else {
            // No container among them (`asyncio.sleep(0.1)`): dropped in
            // place, in the same order, without the drain's machinery.
            f.slots.truncate(at - 1);
        }
        self.line_offset = f.span_start();
        Some(self.enter_awaited(f, made))
    }

    /// `enter_awaited` for a coroutine that returns `v` at its first step
    /// (`NativeCoro::Ready`): the `await` is taken (its step counted) and
    /// `v` is its value, as when the frame would have returned it, with no
    /// frame pushed, resumed and dropped. The depth check is not needed:
    /// it is made where an `async with` enters, at the same depth.
    fn awaited_at_once(&mut self, f: &mut PyFrame, v: Value) -> Option<PyExit> {
        if !self.take_await(f) {
            return Some(PyExit::Abort);
        }
        // As `exec_py` takes a value it is resumed with.
        take_awaited_value(f, v);
        None
    }

    /// A coroutine made for the `await` that follows (an awaited call, or
    /// an `async with` on an asyncio object): that instruction is taken now
    /// (its step counted) and the coroutine's frame goes on top.
    fn enter_awaited(
        &mut self,
        f: &mut PyFrame,
        made: Result<crate::asyncio::native::NativeCoro, ExcRef>,
    ) -> Result<PyExit, ExcRef> {
        let native = made?;
        if !self.take_await(f) {
            return Ok(PyExit::Abort);
        }
        Ok(PyExit::AwaitFrame(self.native_frame(native)))
    }

    /// The `await` that comes next is taken: its step is counted (false:
    /// the run's budget is spent and it aborts) and the run is at its line.
    #[inline(always)]
    fn take_await(&mut self, f: &mut PyFrame) -> bool {
        f.ip += 1;
        if self.charge_steps(1).is_err() {
            return false;
        }
        self.line_offset = f.span_start();
        true
    }
}

/// The value an `await` gives back, taken by its frame: pushed, or, for
/// `await x` as a statement, dropped at once, as the `Pop` that follows
/// would (that instruction is taken now).
#[inline(always)]
fn take_awaited_value(f: &mut PyFrame, v: Value) {
    if matches!(f.code.ops.get(f.ip as usize), Some(Op::Pop)) {
        f.ip += 1;
        crate::value::drop_deep(v);
    } else {
        f.slots.push(v);
    }
}

/// The instruction after the one being executed is an `await`.
fn next_is_await(f: &PyFrame, code: &Code) -> bool {
    matches!(code.ops.get(f.ip as usize), Some(Op::Await))
}

/// List, dict and set methods whose work grows with the container (a dict's
/// views are not: iterating one counts its steps anyway).
const LINEAR_METHODS: &[&str] = &[
    "count", "index", "remove", "copy", "sort", "reverse", "insert",
];

/// The number of items of a list or tuple (what comparing it looks at).
fn seq_len(v: &Value) -> usize {
    match v {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        _ => 0,
    }
}

/// The number of items of a list, dict or set, and what one costs in memory.
pub(crate) fn container_len(v: &Value) -> Option<(usize, usize)> {
    match v {
        Value::List(l) => Some((l.borrow().len(), crate::vm::state::ITEM_BYTES)),
        Value::Dict(d) | Value::Set(d) => Some((d.borrow().len(), crate::vm::state::ENTRY_BYTES)),
        _ => None,
    }
}

impl Vm {
    /// Put a call's result where the caller expects it (counted against the
    /// memory limit when it is a big new value), or say what the frame must do next.
    fn called(&mut self, f: &mut PyFrame, c: Called) -> Option<PyExit> {
        match c {
            Called::Value(v) => {
                self.charge_built(&v);
                if self.abort.is_some() {
                    return Some(PyExit::Abort);
                }
                f.slots.push(v);
                None
            }
            Called::Frame(fr) => Some(PyExit::Call(fr)),
            Called::Block(kind, secs) => Some(PyExit::Block(kind, secs)),
            Called::RunLoop(run) => Some(PyExit::RunLoop(run)),
        }
    }
}

pub(crate) fn make_cancelled_error(f: &mut crate::asyncio::objects::Future) -> ExcRef {
    if let Some(e) = f.take_cancelled_exc() {
        return e;
    }
    cancelled_error(f.cancel_message())
}

/// The CancelledError of a future cancelled with this message.
pub(crate) fn cancelled_error(msg: Option<&Value>) -> ExcRef {
    match msg {
        Some(m) => ExcObj::new(ExcType::CancelledError, vec![m.clone()]),
        None => ExcObj::bare(ExcType::CancelledError),
    }
}

/// `LoadLocal(i)`: push local `i`, or raise its UnboundLocalError.
#[inline(always)]
fn load_local(f: &mut PyFrame, code: &Code, i: usize) -> Result<(), ExcRef> {
    match f.slots.get(i) {
        Some(Value::Undefined) | None => {
            Err(unbound_local(code.local_names.get(i).map_or("?", |n| n)))
        }
        Some(v) => {
            let v = copy(v);
            f.slots.push(v);
            Ok(())
        }
    }
}

/// `v.clone()`, with numbers and the like copied inline (loading a local or
/// a constant is most of what a program does; `Value::clone` is a call).
#[inline(always)]
fn copy(v: &Value) -> Value {
    match v {
        Value::Int(i) => Value::Int(*i),
        Value::Float(x) => Value::Float(*x),
        Value::Bool(b) => Value::Bool(*b),
        Value::None => Value::None,
        Value::Module(m) => Value::Module(*m),
        Value::Builtin(b) => Value::Builtin(*b),
        Value::Type(t) => Value::Type(*t),
        other => other.clone(),
    }
}

/// The value on top of the stack. Compiled code never pops an empty stack;
/// if it did, it would get a default, not a local from below the stack.
fn pop(f: &mut PyFrame) -> Value {
    if f.slots.len() > f.nlocals as usize {
        f.slots.pop().unwrap_or_default()
    } else {
        Value::default()
    }
}

/// The `n` values on top of the stack (fewer if it has fewer: never locals).
fn popn(f: &mut PyFrame, n: u32) -> Vec<Value> {
    let at = f
        .slots
        .len()
        .saturating_sub(n as usize)
        .max(f.nlocals as usize);
    f.slots.split_off(at)
}

fn unbound_local(name: &str) -> ExcRef {
    ExcObj::msg(
        ExcType::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

pub(crate) fn unhashable(v: &Value) -> ExcRef {
    ExcObj::msg(
        ExcType::TypeError,
        format!("unhashable type: '{}'", v.type_name()),
    )
}

/// The usual call, `f(a, b)` with every parameter given by position:
/// nothing to check or default; argument `i` is local `i` (then `close_over`).
fn binds_plainly(func: &Function, nargs: usize, no_kwargs: bool) -> bool {
    let p = &func.code.params;
    nargs == p.args.len()
        && no_kwargs
        && p.vararg.is_none()
        && p.kwarg.is_none()
        && p.kwonly.is_empty()
}

/// Bind call arguments to a function's parameters in its fresh frame, with
/// CPython's error messages.
pub(crate) fn bind_args(
    frame: &mut PyFrame,
    func: &Function,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> Result<(), ExcRef> {
    let code = &func.code;
    let p = &code.params;
    let nparams = p.args.len();
    if binds_plainly(func, args.len(), kwargs.is_empty()) {
        for (slot, a) in frame.slots.iter_mut().zip(args) {
            *slot = a;
        }
        close_over(frame, func);
        return Ok(());
    }
    let name = &code.name;
    let mut args = args;
    if args.len() > nparams {
        match p.vararg {
            Some(slot) => {
                let extra = args.split_off(nparams);
                frame.slots[slot as usize] = Value::tuple(extra);
            }
            None => {
                let given = args.len();
                let required = nparams - p.n_defaults as usize;
                let takes = if p.n_defaults > 0 {
                    format!("from {required} to {nparams} positional arguments")
                } else {
                    format!(
                        "{nparams} positional argument{}",
                        if nparams == 1 { "" } else { "s" }
                    )
                };
                return Err(ExcObj::msg(
                    ExcType::TypeError,
                    format!(
                        "{name}() takes {takes} but {given} {} given",
                        if given == 1 { "was" } else { "were" }
                    ),
                ));
            }
        }
    } else if let Some(slot) = p.vararg {
        frame.slots[slot as usize] = Value::tuple(Vec::new());
    }
    for (i, a) in args.into_iter().enumerate() {
        frame.slots[i] = a;
    }
    let mut extra_kw = Dict::default();
    for (k, v) in kwargs {
        if let Some(i) = p.args.iter().position(|a| **a == *k) {
            if !matches!(frame.slots[i], Value::Undefined) {
                return Err(ExcObj::msg(
                    ExcType::TypeError,
                    format!("{name}() got multiple values for argument '{k}'"),
                ));
            }
            frame.slots[i] = v;
        } else if let Some((_, slot)) = p.kwonly.iter().find(|(n, _)| **n == *k) {
            frame.slots[*slot as usize] = v;
        } else if p.kwarg.is_some() {
            extra_kw.insert(Key(Value::Str(k)), v);
        } else {
            return Err(ExcObj::msg(
                ExcType::TypeError,
                format!("{name}() got an unexpected keyword argument '{k}'"),
            ));
        }
    }
    if let Some(slot) = p.kwarg {
        frame.slots[slot as usize] = Value::Dict(Rc::new(RefCell::new(extra_kw)));
    }
    let first_default = nparams - p.n_defaults as usize;
    let mut missing = Vec::new();
    for i in 0..nparams {
        if matches!(frame.slots[i], Value::Undefined) {
            if i >= first_default {
                frame.slots[i] = func.defaults[i - first_default].clone();
            } else {
                missing.push(format!("'{}'", p.args[i]));
            }
        }
    }
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            _ => {
                let (last, rest) = missing
                    .split_last()
                    .map(|(l, r)| (l.clone(), r.join(", ")))
                    .unwrap_or_default();
                format!("{rest}, and {last}")
            }
        };
        return Err(ExcObj::msg(
            ExcType::TypeError,
            format!(
                "{name}() missing {} required positional argument{}: {list}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" }
            ),
        ));
    }
    for (kname, slot) in &p.kwonly {
        if matches!(frame.slots[*slot as usize], Value::Undefined) {
            match func.kwdefaults.iter().find(|(n, _)| n == kname) {
                Some((_, v)) => frame.slots[*slot as usize] = v.clone(),
                None => {
                    return Err(ExcObj::msg(
                        ExcType::TypeError,
                        format!("{name}() missing 1 required keyword-only argument: '{kname}'"),
                    ))
                }
            }
        }
    }
    close_over(frame, func);
    Ok(())
}

/// The last step of binding a call: the cells this function sees from
/// outside are added. The locals that inner functions see get their cells
/// only when a closure first captures them (`Op::LoadCell`): until then
/// nothing but this frame can see them, so a call that makes no closure
/// (a tree's leaf, whose generator expression never runs) allocates no cell.
/// Such a local's value is read, written and dropped as its cell's would be
/// (`Op::LoadDeref`, `Op::StoreDeref`, `Vm::py_frame_done`).
fn close_over(frame: &mut PyFrame, func: &Function) {
    let code = &func.code;
    for (i, &slot) in code.free_slots.iter().enumerate() {
        if let Some(c) = func.closure.get(i) {
            frame.slots[slot as usize] = Value::Cell(c.clone());
        }
    }
}
