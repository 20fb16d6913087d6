//! The instruction set: compact, `Copy`, one operand each.

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Op {
    LoadConst(u32),
    LoadNone,
    LoadLocal(u32),
    StoreLocal(u32),
    DeleteLocal(u32),
    /// Read/write through the cell stored in a local slot (captured variables).
    LoadDeref(u32),
    StoreDeref(u32),
    /// Push the cell object itself (to build a closure).
    LoadCell(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    LoadSubscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    Binary(BinOp),
    Inplace(BinOp),
    /// `Binary` whose right operand is the number constant `k` (`i + 1`,
    /// `n % 7`): one instruction instead of a `LoadConst` and a `Binary`.
    BinaryConst(BinOp, u32),
    /// `Binary` whose left operand is the number constant `k` (`2 * x`),
    /// taken after the right one (a constant is the same either way).
    ConstBinary(BinOp, u32),
    /// `Inplace` whose right operand is the number constant `k` (`i += 1`).
    InplaceConst(BinOp, u32),
    /// Stands in for the `LoadLocal(a)` of `LoadLocal(a)`, `LoadLocal(b)`,
    /// `Binary(op)` or `Inplace(op)` (`i + k`), which stay in place after
    /// it: when both locals are numbers it pushes the result and skips the
    /// other two; otherwise it is that `LoadLocal(a)`. `a` in the low 16
    /// bits, `b` in the high 16.
    LocalsBinary(BinOp, u32),
    Unary(UnaryOp),
    Compare(CmpOp),
    /// `Compare` and `PopJumpIfFalse` in one: the test of an `if` or a
    /// `while` that is a single comparison (`while i < n:`).
    CompareJumpIfFalse(CmpOp, u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    Pop,
    Dup,
    /// Duplicate the top two values.
    Dup2,
    Rot2,
    Rot3,
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildDict(u32),
    /// Concatenate `n` strings (f-strings).
    BuildString(u32),
    /// Append TOS to the list `n` below it (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    /// TOS1 = key, TOS = value; dict `n` below them.
    MapAdd(u32),
    /// Extend the list below TOS with the iterable TOS.
    ListExtend,
    /// Update the dict below TOS with the mapping TOS.
    DictUpdate,
    ListToTuple,
    /// Format TOS for an f-string: low 2 bits conversion (0 none, 1 s, 2 r, 3 a), bit 2: a spec is on top.
    FormatValue(u32),
    UnpackSequence(u32),
    /// Low 16 bits: names before the star; high 16: after.
    UnpackEx(u32),
    GetIter,
    ForIter(u32),
    /// `ForIter` whose item goes straight into local slot `n` (`for i in …`
    /// with a local `i`): no push and `StoreLocal`. The instruction after
    /// it is the `Jump` out of the loop, skipped while there are items.
    ForIterLocal(u32),
    Call(u32),
    /// Like Call; the tuple of keyword names is on top of the stack and the last
    /// `len(names)` arguments are keyword values.
    CallKw(u32),
    /// Positional args as a list (a tuple works too); bit 0: a kwargs dict is on top.
    CallEx(u32),
    /// `obj.name(args)` with `n` positional args: name index in low 24 bits, n in high 8.
    CallAttr(u32),
    MakeFunction(u32),
    Return,
    Await,
    /// Yield TOS from a generator; resumes with the sent value (None) on the stack.
    Yield,
    SetupExcept(u32),
    SetupFinally(u32),
    PopBlock,
    PopExcept,
    /// 0: bare `raise`; 1: `raise exc`; 2: `raise exc from cause`.
    Raise(u32),
    /// Re-raise the exception on top of the stack (end of an unmatched handler or finally).
    Reraise,
    /// TOS = class or tuple of classes, TOS1 = exception: pop the class, push the match.
    CheckExcMatch,
    /// Enter a context manager: TOS is the manager; 1 = `async with`.
    WithEnter(u32),
    /// Normal exit: TOS is the manager; pushes `__exit__`'s result (an awaitable if async).
    WithExit(u32),
    /// Exceptional exit: TOS = exc, TOS1 = manager: pushes `__exit__(type, exc, tb)`'s result.
    WithExcept(u32),
    Import(u32),
    LoadAssertionError,
}
