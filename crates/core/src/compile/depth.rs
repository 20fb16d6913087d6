//! How deep a function's value stack gets (CPython's `co_stacksize`): a
//! frame is made with room for its locals and its whole stack in the one
//! allocation, which then never grows, and no bigger than that.

use super::Op;
use crate::value::Value;

/// A depth past which the walk gives up (a compiler bug that grew the stack
/// around a loop would otherwise be followed forever) and says `UNKNOWN`.
const GIVE_UP: u32 = 1 << 16;

/// The room a frame's stack gets when the walk gave up: it grows as a `Vec`
/// does, past it.
const UNKNOWN: u32 = 8;

/// The most values the stack of `ops` (a function's instructions, with its
/// constants `consts`) ever holds, over every path through it: jumps, loops
/// and exception handlers, which start one value above the depth at their
/// `SetupExcept` or `SetupFinally` (the exception). Counted at the height
/// each instruction reaches, some for a moment within it (`BinaryConst`
/// pushes its constant when its operand is not a number).
pub(super) fn stack_size(ops: &[Op], consts: &[Value]) -> u32 {
    // The depth each instruction was reached at: the compiler's code is
    // balanced, so every path reaches an instruction at the same depth and
    // one visit each is enough. A greater depth is walked again.
    let mut seen: Vec<Option<u32>> = vec![None; ops.len()];
    let mut todo = vec![(0usize, 0u32)];
    let mut max = 0;
    while let Some((at, depth)) = todo.pop() {
        let (Some(&op), Some(slot)) = (ops.get(at), seen.get_mut(at)) else {
            continue;
        };
        if slot.is_some_and(|d| d >= depth) {
            continue;
        }
        *slot = Some(depth);
        let (peak, next) = effect(op, at, depth, consts);
        max = max.max(peak);
        if max >= GIVE_UP {
            return UNKNOWN;
        }
        todo.extend(next.into_iter().flatten());
    }
    max
}

/// Where `op` at `at`, started at `depth`, takes the stack: the height it
/// reaches and the instructions that can come next with their depths.
fn effect(op: Op, at: usize, depth: u32, consts: &[Value]) -> (u32, [Option<(usize, u32)>; 2]) {
    let d = depth;
    let less = |n: u32| d.saturating_sub(n);
    let next = |to: u32| Some((at + 1, to));
    // On to the next instruction only, at depth `to`.
    let on = |to: u32| (d.max(to), [next(to), None]);
    let jump = |t: u32, to: u32| Some((t as usize, to));
    match op {
        Op::LoadConst(_)
        | Op::LoadNone
        | Op::LoadLocal(_)
        | Op::LoadDeref(_)
        | Op::LoadCell(_)
        | Op::LoadGlobal(_)
        | Op::LoadAssertionError
        | Op::Import(_)
        | Op::Dup
        // The manager stays for the exit, under what entering gave.
        | Op::WithEnter(_)
        // The exception and the manager stay, under what the exit gave.
        | Op::WithExcept(_) => on(d + 1),
        // The `LoadLocal` it stands in for; with two numbers it pushes
        // their result and skips the `LoadLocal` and the operator after it.
        Op::LocalsBinary(..) => (d + 2, [next(d + 1), Some((at + 3, d + 1))]),
        Op::Dup2 => on(d + 2),
        // With `BinaryConst`, `InplaceConst` and `ConstBinary`, the constant
        // is pushed for a moment when the other operand is not a number.
        Op::BinaryConst(..) | Op::InplaceConst(..) | Op::ConstBinary(..) => (d + 1, [next(d), None]),
        Op::DeleteLocal(_)
        | Op::DeleteGlobal(_)
        | Op::LoadAttr(_)
        | Op::Unary(_)
        | Op::Rot2
        | Op::Rot3
        | Op::ListToTuple
        | Op::GetIter
        | Op::Await
        | Op::Yield
        | Op::PopBlock
        | Op::PopExcept
        | Op::CheckExcMatch
        | Op::WithExit(_) => on(d),
        Op::StoreLocal(_)
        | Op::StoreDeref(_)
        | Op::StoreGlobal(_)
        | Op::LoadSubscr
        | Op::Binary(_)
        | Op::Inplace(_)
        | Op::Compare(_)
        | Op::Pop
        | Op::ListAppend(_)
        | Op::SetAdd(_)
        | Op::ListExtend
        | Op::DictUpdate => on(less(1)),
        Op::StoreAttr(_) | Op::DeleteSubscr | Op::MapAdd(_) => on(less(2)),
        Op::StoreSubscr => on(less(3)),
        Op::BuildSlice(n)
        | Op::BuildList(n)
        | Op::BuildTuple(n)
        | Op::BuildSet(n)
        | Op::BuildString(n) => on(less(n) + 1),
        Op::BuildDict(n) => on(less(2 * n) + 1),
        // The value, and its format spec if bit 2 says one is on top.
        Op::FormatValue(flags) => on(less(1 + (flags >> 2 & 1)) + 1),
        Op::UnpackSequence(n) => on(less(1) + n),
        // The items before the star, a list of those in the middle, those after.
        Op::UnpackEx(arg) => on(less(1) + (arg & 0xffff) + 1 + (arg >> 16)),
        // The callee and its `n` arguments for its result (`CallKw`: and the
        // names; `CallEx`: a list and, if bit 0 says so, a dict).
        Op::Call(n) => on(less(n + 1) + 1),
        Op::CallKw(n) => on(less(n + 2) + 1),
        Op::CallEx(flags) => on(less(2 + (flags & 1)) + 1),
        Op::CallAttr(arg) => on(less((arg >> 24) + 1) + 1),
        // The closure's cells, the keyword-only defaults and the defaults.
        Op::MakeFunction(k) => {
            let taken = match consts.get(k as usize) {
                Some(Value::Code(c)) => {
                    c.free_names.len() as u32
                        + c.params.kwdefault_names.len() as u32
                        + c.params.n_defaults
                }
                _ => 0,
            };
            on(less(taken) + 1)
        }
        Op::Jump(t) => (d, [jump(t, d), None]),
        Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => (d, [next(less(1)), jump(t, less(1))]),
        Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => (d, [next(less(1)), jump(t, d)]),
        Op::CompareJumpIfFalse(_, t) => (d, [next(less(2)), jump(t, less(2))]),
        // The item pushed; once the iterator is spent, it is popped and the
        // loop is left.
        Op::ForIter(t) => (d + 1, [next(d + 1), jump(t, less(1))]),
        // The item goes into a local, over the `Jump` out of the loop that
        // comes next; once the iterator is spent, it is popped and that
        // jump is taken.
        Op::ForIterLocal(_) => (d, [Some((at + 2, d)), next(less(1))]),
        Op::Return | Op::Raise(_) | Op::Reraise => (d, [None, None]),
        // A handler starts with the exception pushed where the block began.
        Op::SetupExcept(h) | Op::SetupFinally(h) => (d + 1, [next(d), jump(h, d + 1)]),
    }
}

#[cfg(test)]
mod tests {
    use super::stack_size;
    use crate::compile::Op;
    use crate::syntax::ast::BinOp;

    #[test]
    fn a_straight_line_holds_its_deepest_point() {
        // [1, 2, 3] then returned: three values before the list replaces them.
        let ops = [
            Op::LoadConst(0),
            Op::LoadConst(1),
            Op::LoadConst(2),
            Op::BuildList(3),
            Op::Return,
        ];
        assert_eq!(stack_size(&ops, &[]), 3);
        // An empty list is one more value.
        let ops = [
            Op::LoadNone,
            Op::BuildList(0),
            Op::BuildTuple(2),
            Op::Return,
        ];
        assert_eq!(stack_size(&ops, &[]), 2);
        // `f(a, *b)`'s callee and list, or `x op 1` with its constant pushed
        // when `x` is not a number.
        let ops = [
            Op::LoadGlobal(0),
            Op::BinaryConst(BinOp::Add, 0),
            Op::Return,
        ];
        assert_eq!(stack_size(&ops, &[]), 2);
    }

    #[test]
    fn a_handler_starts_one_above_its_block() {
        let ops = [
            Op::LoadConst(0),
            Op::SetupExcept(5),
            Op::LoadConst(1),
            Op::PopBlock,
            Op::Return,
            // The handler: the exception on the value under the block (2),
            // then a copy of it (3).
            Op::Dup,
            Op::Pop,
            Op::Pop,
            Op::Return,
        ];
        assert_eq!(stack_size(&ops, &[]), 3);
    }

    #[test]
    fn loops_and_branches_are_followed_and_dead_code_is_not() {
        let ops = [
            Op::LoadGlobal(0),
            Op::GetIter,
            // The item (2), or the iterator popped and out to 7 (0).
            Op::ForIter(7),
            Op::LoadConst(0),
            Op::Binary(BinOp::Add),
            Op::Pop,
            Op::Jump(2),
            Op::LoadNone,
            Op::Return,
        ];
        assert_eq!(stack_size(&ops, &[]), 3);
        let ops = [
            Op::LoadNone,
            Op::Return,
            Op::LoadNone,
            Op::LoadNone,
            Op::LoadNone,
        ];
        assert_eq!(stack_size(&ops, &[]), 1);
        // `a or b` keeps `a` on the jump: the branch that pops is not deeper.
        let ops = [
            Op::LoadGlobal(0),
            Op::JumpIfTrueOrPop(3),
            Op::LoadGlobal(1),
            Op::Dup,
            Op::Pop,
            Op::Return,
        ];
        assert_eq!(stack_size(&ops, &[]), 2);
    }

    #[test]
    fn a_stack_that_grows_around_a_loop_is_given_up_on() {
        // Not code the compiler makes: each time around, one value more.
        let ops = [Op::LoadNone, Op::Jump(0)];
        assert_eq!(stack_size(&ops, &[]), super::UNKNOWN);
    }
}
