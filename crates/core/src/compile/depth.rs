//! How deep a function's value stack gets (CPython's `co_stacksize`): a
//! frame is made with room for its locals and its whole stack in the one
//! allocation, which then never grows, and no bigger than that.
//!
//! Not in the page's wasm: the analysis costs its download about 750 bytes
//! gzipped, more than the budget has left. There a frame gets room for
//! `GUESSED` values, as every frame did before; it holds most expressions,
//! and a deeper one grows the frame's `Vec`. The room changes no behaviour.

#[cfg(not(target_arch = "wasm32"))]
use {super::Op, crate::value::Value};

/// The room for the stack a frame gets in the page's wasm.
#[cfg(target_arch = "wasm32")]
pub(super) const GUESSED: u32 = 8;

/// The most values the stack of `ops` (a function's instructions, with its
/// constants `consts`) ever holds, over every path through it: jumps, loops
/// and exception handlers, which start one value above the depth at their
/// `SetupExcept` or `SetupFinally` (the exception). Counted at the height
/// each instruction reaches, some for a moment within it (`BinaryConst`
/// pushes its constant when its operand is not a number).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn stack_size(ops: &[Op], consts: &[Value]) -> u32 {
    // Whether each instruction was reached: the compiler's code is
    // balanced, so every path reaches an instruction at the same depth and
    // one visit each is enough. (Were it not, a frame's stack would grow
    // past its room as a `Vec` does; the interpreter checks it does not in
    // debug builds, which the test suite runs.)
    let mut seen = vec![false; ops.len()];
    let mut todo: Vec<(u32, u32)> = vec![(0, 0)];
    let mut max = 0;
    while let Some((at, d)) = todo.pop() {
        let (Some(&op), Some(slot)) = (ops.get(at as usize), seen.get_mut(at as usize)) else {
            continue;
        };
        if std::mem::replace(slot, true) {
            continue;
        }
        let (pops, pushes) = moves(op, consts);
        let after = d.saturating_sub(pops) + pushes;
        // `BinaryConst`, `InplaceConst` and `ConstBinary` push their
        // constant for a moment when the other operand is not a number;
        // `LocalsBinary` is a `LoadLocal` the next two instructions follow.
        let moment = matches!(
            op,
            Op::BinaryConst(..) | Op::InplaceConst(..) | Op::ConstBinary(..) | Op::LocalsBinary(..)
        );
        max = max.max(d.max(after) + u32::from(moment));
        // Where it can go besides the next instruction, and at what depth.
        let other = match op {
            Op::Return | Op::Raise(_) | Op::Reraise => continue,
            Op::Jump(t) => {
                todo.push((t, after));
                continue;
            }
            Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) | Op::CompareJumpIfFalse(_, t) => {
                (t, after)
            }
            // `a or b` keeps `a` when it jumps.
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => (t, d),
            // Once the iterator is spent, it is popped and the loop is left.
            Op::ForIter(t) => (t, d.saturating_sub(1)),
            // The item goes into a local, over the `Jump` out of the loop
            // that comes next; once the iterator is spent, it is popped
            // and that jump is taken.
            Op::ForIterLocal(_) => {
                todo.push((at + 1, d.saturating_sub(1)));
                (at + 2, d)
            }
            // A handler starts with the exception pushed where the block began.
            Op::SetupExcept(h) | Op::SetupFinally(h) => (h, d + 1),
            // With two numbers, their result over the `LoadLocal` and the
            // operator that come next.
            Op::LocalsBinary(..) => (at + 3, after),
            _ => (at + 1, after),
        };
        todo.push(other);
        if !matches!(op, Op::ForIterLocal(_)) {
            todo.push((at + 1, after));
        }
    }
    max
}

#[cfg(not(target_arch = "wasm32"))]
/// How many values `op` pops, then pushes (jumps: as they go on to the next
/// instruction).
fn moves(op: Op, consts: &[Value]) -> (u32, u32) {
    match op {
        Op::LoadConst(_)
        | Op::LoadNone
        | Op::LoadLocal(_)
        | Op::LocalsBinary(..)
        | Op::LoadDeref(_)
        | Op::LoadCell(_)
        | Op::LoadGlobal(_)
        | Op::LoadAssertionError
        | Op::Import(_)
        | Op::Dup
        | Op::ForIter(_)
        // The manager stays for the exit, under what entering gave.
        | Op::WithEnter(_)
        // The exception and the manager stay, under what the exit gave.
        | Op::WithExcept(_) => (0, 1),
        Op::Dup2 => (0, 2),
        Op::StoreLocal(_)
        | Op::StoreDeref(_)
        | Op::StoreGlobal(_)
        | Op::Pop
        | Op::PopJumpIfFalse(_)
        | Op::PopJumpIfTrue(_)
        | Op::JumpIfFalseOrPop(_)
        | Op::JumpIfTrueOrPop(_)
        | Op::ListAppend(_)
        | Op::SetAdd(_)
        | Op::ListExtend
        | Op::DictUpdate => (1, 0),
        Op::LoadSubscr | Op::Binary(_) | Op::Inplace(_) | Op::Compare(_) => (2, 1),
        Op::StoreAttr(_) | Op::DeleteSubscr | Op::MapAdd(_) | Op::CompareJumpIfFalse(..) => (2, 0),
        Op::StoreSubscr => (3, 0),
        Op::BuildSlice(n)
        | Op::BuildList(n)
        | Op::BuildTuple(n)
        | Op::BuildSet(n)
        | Op::BuildString(n) => (n, 1),
        Op::BuildDict(n) => (2 * n, 1),
        // The value, and its format spec if bit 2 says one is on top.
        Op::FormatValue(flags) => (1 + (flags >> 2 & 1), 1),
        Op::UnpackSequence(n) => (1, n),
        // The items before the star, a list of those in the middle, those after.
        Op::UnpackEx(arg) => (1, (arg & 0xffff) + 1 + (arg >> 16)),
        // The callee and its `n` arguments for its result (`CallKw`: and the
        // names; `CallEx`: a list and, if bit 0 says so, a dict).
        Op::Call(n) => (n + 1, 1),
        Op::CallKw(n) => (n + 2, 1),
        Op::CallEx(flags) => (2 + (flags & 1), 1),
        Op::CallAttr(arg) => ((arg >> 24) + 1, 1),
        // The closure's cells, the keyword-only defaults and the defaults.
        Op::MakeFunction(k) => match consts.get(k as usize) {
            Some(Value::Code(c)) => (
                c.free_names.len() as u32 + c.params.kwdefault_names.len() as u32 + c.params.n_defaults,
                1,
            ),
            _ => (0, 1),
        },
        Op::Raise(kind) => (kind, 0),
        Op::Return | Op::Reraise => (1, 0),
        // As many in as out: a value replaced (`LoadAttr`, `Await`: by what
        // it gave), moved (`Rot3`) or none at all.
        _ => (0, 0),
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
}
