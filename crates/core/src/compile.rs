//! The compiler: syntax tree to `Code` (compact instructions per function), with scopes resolved to slots.

mod depth;
mod op;
mod scope;

use std::collections::BTreeSet;
use std::rc::Rc;

use indexmap::IndexMap;

pub(crate) use op::Op;
use scope::Bindings;

use crate::syntax::ast::*;
use crate::syntax::span::Span;
use crate::syntax::Diagnostic;
use crate::value::Value;

/// A compiled function body (or the module body).
pub(crate) struct Code {
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    pub(crate) ops: Vec<Op>,
    pub(crate) spans: Vec<Span>,
    pub(crate) consts: Vec<Value>,
    pub(crate) names: Vec<Rc<str>>,
    pub(crate) nlocals: u32,
    /// The most values its stack holds at once (`depth::stack_size`): a
    /// frame has room for `nlocals + stack_size` values. In the page's wasm,
    /// whose download has no room for that analysis, a guess:
    /// `depth::GUESSED`, past which a frame's stack grows as a `Vec` does.
    pub(crate) stack_size: u32,
    pub(crate) local_names: Vec<Rc<str>>,
    /// Local slots that hold cells (captured by nested functions): made fresh
    /// when a closure first captures them (`Op::LoadCell`), plain until then.
    pub(crate) cell_slots: Vec<u32>,
    /// Slots that receive the closure's cells, in closure order.
    pub(crate) free_slots: Vec<u32>,
    pub(crate) free_names: Vec<Rc<str>>,
    pub(crate) params: ParamSpec,
    pub(crate) is_async: bool,
    /// A generator expression's body: calling it makes a generator.
    pub(crate) is_generator: bool,
    pub(crate) def_span: Span,
}

#[derive(Default)]
pub(crate) struct ParamSpec {
    /// Positional-or-keyword parameter names (their slots are 0..n).
    pub(crate) args: Vec<Rc<str>>,
    pub(crate) n_defaults: u32,
    pub(crate) vararg: Option<u32>,
    /// Keyword-only parameters and their slots.
    pub(crate) kwonly: Vec<(Rc<str>, u32)>,
    /// The keyword-only parameters that have defaults, in order.
    pub(crate) kwdefault_names: Vec<Rc<str>>,
    pub(crate) kwarg: Option<u32>,
}

/// The compiled program: the module body and the table of global names (slot order).
pub(crate) struct Program {
    pub(crate) module: Rc<Code>,
    pub(crate) globals: Vec<Rc<str>>,
}

const SUPPORTED_MODULES: &[&str] = &[
    "asyncio",
    "time",
    "random",
    "concurrent",
    "concurrent.futures",
];

pub(crate) fn compile(module: &Module) -> Result<Program, Vec<Diagnostic>> {
    let mut c = Compiler {
        globals: IndexMap::new(),
        units: Vec::new(),
        diags: Vec::new(),
    };
    let code = c.module(module);
    if c.diags.is_empty() {
        Ok(Program {
            module: code,
            globals: c.globals.keys().map(|k| Rc::from(k.as_str())).collect(),
        })
    } else {
        Err(c.diags)
    }
}

#[derive(Clone, Copy)]
enum FBlock<'a> {
    /// `pops`: values the loop keeps on the stack (the iterator of a `for`).
    Loop {
        cont: u32,
        brk: Label,
        pops: u32,
    },
    TryExcept,
    Finally(&'a [Stmt]),
    /// Inside the exceptional path of a `finally`: the exception is on the stack.
    FinallyExc,
    HandlerActive,
    With {
        is_async: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label(u32);

enum NameScope {
    Module,
    Function,
}

struct Unit<'a> {
    ops: Vec<Op>,
    spans: Vec<Span>,
    consts: Vec<Value>,
    names: IndexMap<String, u32>,
    locals: IndexMap<String, u32>,
    cells: BTreeSet<String>,
    free: Vec<String>,
    scope: NameScope,
    bindings: Bindings,
    fblocks: Vec<FBlock<'a>>,
    labels: Vec<Option<u32>>,
    /// Jumps waiting for a label: (op index, label).
    patches: Vec<(usize, Label)>,
    span: Span,
    qualname: String,
    ret_slot: Option<u32>,
    is_async: bool,
}

struct Compiler<'a> {
    globals: IndexMap<String, u32>,
    units: Vec<Unit<'a>>,
    diags: Vec<Diagnostic>,
}

enum Resolved {
    Local(u32),
    Deref(u32),
    Global(u32),
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len();
        &mut self.units[n - 1]
    }

    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic {
            span,
            message: message.into(),
        });
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        // `a + b` of two locals: the first load becomes `Op::LocalsBinary`,
        // which also does the rest when it can; the second load and the
        // operator stay after it, so a jump to them, or an operand that is
        // not a number, runs them as they are.
        if let (Op::Binary(b) | Op::Inplace(b), [.., Op::LoadLocal(x), Op::LoadLocal(y)]) =
            (op, &u.ops[..])
        {
            if let (Ok(x), Ok(y)) = (u16::try_from(*x), u16::try_from(*y)) {
                let n = u.ops.len();
                u.ops[n - 2] = Op::LocalsBinary(b, u32::from(x) | u32::from(y) << 16);
            }
        }
        u.ops.push(op);
        u.spans.push(u.span);
        u.ops.len() - 1
    }

    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        Label(u.labels.len() as u32 - 1)
    }

    fn place(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l.0 as usize] = Some(u.ops.len() as u32);
    }

    fn here(&mut self) -> u32 {
        self.unit().ops.len() as u32
    }

    fn jump(&mut self, make: fn(u32) -> Op, l: Label) {
        let at = self.emit(make(0));
        self.unit().patches.push((at, l));
    }

    /// `test`, then a jump to `l` when it is false. A single comparison
    /// and the jump are one instruction (`CompareJumpIfFalse`), with the
    /// span of the comparison, as its `Compare` would have.
    fn jump_if_false(&mut self, test: &'a Expr, l: Label) {
        if let ExprKind::Compare {
            left,
            ops,
            comparators,
        } = &test.kind
        {
            if let ([op], [right]) = (&ops[..], &comparators[..]) {
                let saved = self.set_span(test.span);
                self.expr(left);
                self.expr(right);
                let at = self.emit(Op::CompareJumpIfFalse(*op, 0));
                self.unit().patches.push((at, l));
                self.unit().span = saved;
                return;
            }
        }
        self.expr(test);
        self.jump(Op::PopJumpIfFalse, l);
    }

    /// The head of a `for` loop or a comprehension's `for`: the next item
    /// into `target`, or a jump to `exit`. A local target is stored by a
    /// `ForIterLocal`, followed by the jump to `exit` (in place of the
    /// `ForIter` and the `StoreLocal`, with the `ForIter`'s span; its
    /// patch leaves the `ForIterLocal` as it is).
    fn for_iter(&mut self, target: &'a Expr, exit: Label) {
        self.jump(Op::ForIter, exit);
        self.store_target(target);
        let u = self.unit();
        let n = u.ops.len();
        if let [.., Op::ForIter(_), Op::StoreLocal(slot)] = u.ops[..] {
            u.ops[n - 2] = Op::ForIterLocal(slot);
            u.ops[n - 1] = Op::Jump(0);
            u.spans[n - 1] = u.spans[n - 2];
            u.patches.push((n - 1, exit));
        }
    }

    fn konst(&mut self, v: Value) -> u32 {
        let u = self.unit();
        u.consts.push(v);
        u.consts.len() as u32 - 1
    }

    /// The constant index of `e` if it is a number literal, an operand of
    /// a `BinaryConst`, `ConstBinary` or `InplaceConst`.
    fn number_const(&mut self, e: &Expr) -> Option<u32> {
        let v = match &e.kind {
            ExprKind::Const(Constant::Int(i)) => Value::Int(*i),
            ExprKind::Const(Constant::Float(x)) => Value::Float(*x),
            _ => return None,
        };
        Some(self.konst(v))
    }

    fn name_idx(&mut self, n: &str) -> u32 {
        let u = self.unit();
        let len = u.names.len() as u32;
        *u.names.entry(n.to_string()).or_insert(len)
    }

    fn global_slot(&mut self, n: &str) -> u32 {
        let len = self.globals.len() as u32;
        *self.globals.entry(n.to_string()).or_insert(len)
    }

    fn new_unit(
        &mut self,
        scope: NameScope,
        bindings: Bindings,
        qualname: String,
        span: Span,
        is_async: bool,
    ) {
        let mut u = Unit {
            ops: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            names: IndexMap::new(),
            locals: IndexMap::new(),
            cells: BTreeSet::new(),
            free: Vec::new(),
            scope,
            bindings,
            fblocks: Vec::new(),
            labels: Vec::new(),
            patches: Vec::new(),
            span,
            qualname,
            ret_slot: None,
            is_async,
        };
        if let NameScope::Function = u.scope {
            let locals: Vec<String> = u
                .bindings
                .assigned
                .iter()
                .filter(|n| u.bindings.is_local(n))
                .cloned()
                .collect();
            for n in locals {
                let slot = u.locals.len() as u32;
                if u.bindings.nested_free.contains(&n) {
                    u.cells.insert(n.clone());
                }
                u.locals.insert(n, slot);
            }
        }
        // Free names: those an enclosing *function* binds (module names are globals).
        let free_candidates = u.bindings.free();
        let mut free = Vec::new();
        for n in free_candidates {
            let bound_outside = self.units.iter().rev().any(|outer| {
                matches!(outer.scope, NameScope::Function)
                    && (outer.locals.contains_key(&n) || outer.free.contains(&n))
            });
            if bound_outside {
                free.push(n);
            } else if u.bindings.nonlocals.contains(&n) {
                self.error(span, format!("no binding for nonlocal '{n}' found"));
            }
        }
        for n in &free {
            let slot = u.locals.len() as u32;
            u.locals.insert(n.clone(), slot);
            u.cells.insert(n.clone());
        }
        u.free = free;
        self.units.push(u);
    }

    fn finish_unit(&mut self, name: &str, params: ParamSpec, def_span: Span) -> Rc<Code> {
        let Some(mut u) = self.units.pop() else {
            unreachable!("finish_unit without a unit")
        };
        for (at, l) in std::mem::take(&mut u.patches) {
            let target = u.labels[l.0 as usize].unwrap_or(0);
            u.ops[at] = match u.ops[at] {
                Op::Jump(_) => Op::Jump(target),
                Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
                Op::CompareJumpIfFalse(c, _) => Op::CompareJumpIfFalse(c, target),
                Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
                Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
                Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
                Op::ForIter(_) => Op::ForIter(target),
                Op::SetupExcept(_) => Op::SetupExcept(target),
                Op::SetupFinally(_) => Op::SetupFinally(target),
                other => other,
            };
        }
        thread_jumps(&mut u.ops);
        #[cfg(not(target_arch = "wasm32"))]
        let stack_size = depth::stack_size(&u.ops, &u.consts);
        #[cfg(target_arch = "wasm32")]
        let stack_size = depth::GUESSED;
        let cell_slots = u
            .locals
            .iter()
            .filter(|(n, _)| u.cells.contains(*n) && !u.free.contains(n))
            .map(|(_, &s)| s)
            .collect();
        let free_slots = u
            .free
            .iter()
            .filter_map(|n| u.locals.get(n).copied())
            .collect();
        Rc::new(Code {
            name: Rc::from(name),
            qualname: Rc::from(u.qualname.as_str()),
            ops: u.ops,
            spans: u.spans,
            consts: u.consts,
            names: u.names.keys().map(|k| Rc::from(k.as_str())).collect(),
            nlocals: u.locals.len() as u32,
            stack_size,
            local_names: u.locals.keys().map(|k| Rc::from(k.as_str())).collect(),
            cell_slots,
            free_slots,
            free_names: u.free.iter().map(|n| Rc::from(n.as_str())).collect(),
            params,
            is_async: u.is_async,
            is_generator: false,
            def_span,
        })
    }

    fn module(&mut self, m: &'a Module) -> Rc<Code> {
        self.new_unit(
            NameScope::Module,
            Bindings::default(),
            "<module>".into(),
            Span::default(),
            false,
        );
        self.block(&m.body);
        self.emit(Op::LoadNone);
        self.emit(Op::Return);
        self.finish_unit("<module>", ParamSpec::default(), Span::default())
    }

    fn resolve(&mut self, name: &str) -> Resolved {
        let u = self.unit();
        if let NameScope::Function = u.scope {
            if !u.bindings.globals.contains(name) {
                if let Some(&slot) = u.locals.get(name) {
                    return if u.cells.contains(name) {
                        Resolved::Deref(slot)
                    } else {
                        Resolved::Local(slot)
                    };
                }
            }
        }
        Resolved::Global(self.global_slot(name))
    }

    fn load_name(&mut self, name: &str) {
        match self.resolve(name) {
            Resolved::Local(s) => self.emit(Op::LoadLocal(s)),
            Resolved::Deref(s) => self.emit(Op::LoadDeref(s)),
            Resolved::Global(s) => self.emit(Op::LoadGlobal(s)),
        };
    }

    fn store_name(&mut self, name: &str) {
        match self.resolve(name) {
            Resolved::Local(s) => self.emit(Op::StoreLocal(s)),
            Resolved::Deref(s) => self.emit(Op::StoreDeref(s)),
            Resolved::Global(s) => self.emit(Op::StoreGlobal(s)),
        };
    }

    fn block(&mut self, body: &'a [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn set_span(&mut self, span: Span) -> Span {
        std::mem::replace(&mut self.unit().span, span)
    }

    fn stmt(&mut self, s: &'a Stmt) {
        let saved = self.set_span(s.span);
        self.stmt_inner(s);
        self.unit().span = saved;
    }

    fn stmt_inner(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e);
                self.emit(Op::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store_target(t);
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::Return(v) => {
                match v {
                    Some(v) => self.expr(v),
                    None => {
                        self.emit(Op::LoadNone);
                    }
                }
                self.unwind_return();
                self.emit(Op::Return);
            }
            StmtKind::Pass | StmtKind::Error | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Break | StmtKind::Continue => {
                self.break_continue(matches!(s.kind, StmtKind::Break), s.span)
            }
            StmtKind::If { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.jump_if_false(test, else_l);
                self.block(body);
                if !orelse.is_empty() {
                    self.jump(Op::Jump, end);
                }
                self.place(else_l);
                self.block(orelse);
                self.place(end);
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                let else_l = self.new_label();
                let brk = self.new_label();
                self.jump_if_false(test, else_l);
                self.unit().fblocks.push(FBlock::Loop {
                    cont: start,
                    brk,
                    pops: 0,
                });
                self.block(body);
                self.unit().fblocks.pop();
                self.emit(Op::Jump(start));
                self.place(else_l);
                self.block(orelse);
                self.place(brk);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter);
                self.emit(Op::GetIter);
                let start = self.here();
                let exit = self.new_label();
                let brk = self.new_label();
                self.for_iter(target, exit);
                self.unit().fblocks.push(FBlock::Loop {
                    cont: start,
                    brk,
                    pops: 1,
                });
                self.block(body);
                self.unit().fblocks.pop();
                self.emit(Op::Jump(start));
                self.place(exit);
                self.block(orelse);
                self.place(brk);
            }
            StmtKind::FunctionDef(f) => {
                let code = self.function_code(
                    &f.name.id,
                    &f.params,
                    FnBody::Stmts(&f.body),
                    f.is_async,
                    s.span,
                );
                self.make_function(code, &f.params);
                self.store_name(&f.name.id);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody),
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => {
                    self.emit(Op::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(e);
                    self.emit(Op::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e);
                    self.expr(c);
                    self.emit(Op::Raise(2));
                }
            },
            StmtKind::Assert { test, msg } => {
                let ok = self.new_label();
                self.expr(test);
                self.jump(Op::PopJumpIfTrue, ok);
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m);
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.place(ok);
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with_stmt(items, body, *is_async),
            StmtKind::Import(aliases) => {
                for a in aliases {
                    if !self.check_module(&a.name) {
                        continue;
                    }
                    let idx = self.name_idx(&a.name.id);
                    self.emit(Op::Import(idx));
                    match &a.asname {
                        Some(n) => self.store_name(&n.id),
                        None => {
                            let first = a
                                .name
                                .id
                                .split('.')
                                .next()
                                .unwrap_or(&a.name.id)
                                .to_string();
                            if first != a.name.id {
                                self.emit(Op::Pop);
                                let idx = self.name_idx(&first);
                                self.emit(Op::Import(idx));
                            }
                            self.store_name(&first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names } => {
                if !self.check_module(module) {
                    return;
                }
                let idx = self.name_idx(&module.id);
                self.emit(Op::Import(idx));
                for a in names {
                    if a.name.id == "*" {
                        self.error(a.name.span, "unsupported: 'import *'");
                        continue;
                    }
                    self.emit(Op::Dup);
                    let n = self.name_idx(&a.name.id);
                    self.emit(Op::LoadAttr(n));
                    self.store_name(&a.asname.as_ref().unwrap_or(&a.name).id);
                }
                self.emit(Op::Pop);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    match &t.kind {
                        ExprKind::Name(n) => match self.resolve(n) {
                            Resolved::Local(s) => {
                                self.emit(Op::DeleteLocal(s));
                            }
                            Resolved::Deref(_) => {
                                self.error(t.span, "unsupported: deleting a captured variable")
                            }
                            Resolved::Global(s) => {
                                self.emit(Op::DeleteGlobal(s));
                            }
                        },
                        ExprKind::Subscript { value, index } => {
                            self.expr(value);
                            self.expr(index);
                            self.emit(Op::DeleteSubscr);
                        }
                        _ => self.error(t.span, "unsupported: this kind of 'del' target"),
                    }
                }
            }
        }
    }

    fn delete_name(&mut self, name: &str, span: Span) {
        match self.resolve(name) {
            Resolved::Local(s) => {
                self.emit(Op::DeleteLocal(s));
            }
            Resolved::Deref(_) => self.error(span, "unsupported: deleting a captured variable"),
            Resolved::Global(s) => {
                self.emit(Op::DeleteGlobal(s));
            }
        }
    }

    fn check_module(&mut self, name: &Ident) -> bool {
        if SUPPORTED_MODULES.contains(&name.id.as_str()) {
            true
        } else {
            self.error(
                name.span,
                format!(
                    "unsupported: module '{}' (loopscope programs can import asyncio, time, random and concurrent.futures)",
                    name.id
                ),
            );
            false
        }
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.inplace(op, value);
                self.store_name(n);
            }
            ExprKind::Subscript {
                value: container,
                index,
            } => {
                self.expr(container);
                self.expr(index);
                self.emit(Op::Dup2);
                self.emit(Op::LoadSubscr);
                self.inplace(op, value);
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj);
                self.emit(Op::Dup);
                let n = self.name_idx(&attr.id);
                self.emit(Op::LoadAttr(n));
                self.inplace(op, value);
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(n));
            }
            _ => self.error(
                target.span,
                "'tuple' is an illegal expression for augmented assignment",
            ),
        }
    }

    /// `op=` with `value` on the target's value, which is on the stack: a
    /// number literal folded into the operator (`counts[0] += 1`).
    fn inplace(&mut self, op: BinOp, value: &'a Expr) {
        match self.number_const(value) {
            Some(k) => self.emit(Op::InplaceConst(op, k)),
            None => {
                self.expr(value);
                self.emit(Op::Inplace(op))
            }
        };
    }

    fn store_target(&mut self, t: &'a Expr) {
        let saved = self.set_span(t.span);
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                    Some(p) => {
                        let after = items.len() - p - 1;
                        self.emit(Op::UnpackEx(p as u32 | ((after as u32) << 16)));
                    }
                }
                for i in items {
                    match &i.kind {
                        ExprKind::Starred(inner) => self.store_target(inner),
                        _ => self.store_target(i),
                    }
                }
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                let n = self.name_idx(&attr.id);
                self.emit(Op::StoreAttr(n));
            }
            _ => self.error(t.span, "cannot assign to expression"),
        }
        self.unit().span = saved;
    }

    /// Emit the code that leaves every block up to (not including) `depth`.
    fn unwind_to(&mut self, depth: usize) {
        let blocks: Vec<FBlock<'a>> = self.unit().fblocks[depth..].to_vec();
        for (i, b) in blocks.iter().enumerate().rev() {
            match *b {
                FBlock::Loop { pops, .. } => {
                    for _ in 0..pops {
                        self.emit(Op::Pop);
                    }
                }
                FBlock::TryExcept => {
                    self.emit(Op::PopBlock);
                }
                FBlock::HandlerActive => {
                    self.emit(Op::PopExcept);
                }
                FBlock::FinallyExc => {
                    self.emit(Op::Pop);
                    self.emit(Op::PopExcept);
                }
                FBlock::Finally(body) => {
                    self.emit(Op::PopBlock);
                    // The finally body runs with the blocks outside it still active.
                    let saved: Vec<FBlock<'a>> = self.unit().fblocks.split_off(depth + i);
                    self.block(body);
                    self.unit().fblocks.extend(saved);
                }
                FBlock::With { is_async } => {
                    self.emit(Op::PopBlock);
                    self.emit(Op::WithExit(is_async as u32));
                    if is_async {
                        self.emit(Op::Await);
                    }
                    self.emit(Op::Pop);
                }
            }
        }
    }

    fn unwind_return(&mut self) {
        if self.unit().fblocks.is_empty() {
            return;
        }
        let slot = match self.unit().ret_slot {
            Some(s) => s,
            None => {
                let u = self.unit();
                let s = u.locals.len() as u32;
                u.locals.insert(format!(".ret{s}"), s);
                u.ret_slot = Some(s);
                s
            }
        };
        self.emit(Op::StoreLocal(slot));
        self.unwind_to(0);
        self.emit(Op::LoadLocal(slot));
    }

    fn break_continue(&mut self, is_break: bool, span: Span) {
        let Some(pos) = self
            .unit()
            .fblocks
            .iter()
            .rposition(|b| matches!(b, FBlock::Loop { .. }))
        else {
            self.error(
                span,
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
            );
            return;
        };
        let FBlock::Loop { cont, brk, pops } = self.unit().fblocks[pos] else {
            return;
        };
        self.unwind_to(pos + 1);
        if is_break {
            for _ in 0..pops {
                self.emit(Op::Pop);
            }
            self.jump(Op::Jump, brk);
        } else {
            self.emit(Op::Jump(cont));
        }
    }

    fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) {
        let fin = if finalbody.is_empty() {
            None
        } else {
            Some(self.new_label())
        };
        if let Some(f) = fin {
            self.jump(Op::SetupFinally, f);
            self.unit().fblocks.push(FBlock::Finally(finalbody));
        }
        if handlers.is_empty() {
            self.block(body);
            self.block(orelse);
        } else {
            let handler = self.new_label();
            let end = self.new_label();
            self.jump(Op::SetupExcept, handler);
            self.unit().fblocks.push(FBlock::TryExcept);
            self.block(body);
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.block(orelse);
            self.jump(Op::Jump, end);
            self.place(handler);
            for h in handlers {
                let saved = self.set_span(h.span);
                let next = self.new_label();
                if let Some(t) = &h.typ {
                    self.expr(t);
                    self.emit(Op::CheckExcMatch);
                    self.jump(Op::PopJumpIfFalse, next);
                }
                match &h.name {
                    Some(n) => self.store_name(&n.id),
                    None => {
                        self.emit(Op::Pop);
                    }
                }
                self.unit().fblocks.push(FBlock::HandlerActive);
                self.block(&h.body);
                self.unit().fblocks.pop();
                // `except E as e` unbinds `e` when the handler ends, as CPython does.
                if let Some(n) = &h.name {
                    self.emit(Op::LoadNone);
                    self.store_name(&n.id);
                    // A name captured by a closure keeps its cell (set to None).
                    if !matches!(self.resolve(&n.id), Resolved::Deref(_)) {
                        self.delete_name(&n.id, h.span);
                    }
                }
                self.emit(Op::PopExcept);
                self.jump(Op::Jump, end);
                self.place(next);
                self.unit().span = saved;
            }
            self.emit(Op::Reraise);
            self.place(end);
        }
        if let Some(f) = fin {
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.block(finalbody);
            let end = self.new_label();
            self.jump(Op::Jump, end);
            self.place(f);
            self.unit().fblocks.push(FBlock::FinallyExc);
            self.block(finalbody);
            self.unit().fblocks.pop();
            self.emit(Op::Reraise);
            self.place(end);
        }
    }

    fn with_stmt(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool) {
        let Some((first, rest)) = items.split_first() else {
            self.block(body);
            return;
        };
        self.expr(&first.context);
        self.emit(Op::WithEnter(is_async as u32));
        if is_async {
            self.emit(Op::Await);
        }
        match &first.target {
            Some(t) => self.store_target(t),
            None => {
                self.emit(Op::Pop);
            }
        }
        let exc = self.new_label();
        let end = self.new_label();
        self.jump(Op::SetupFinally, exc);
        self.unit().fblocks.push(FBlock::With { is_async });
        if rest.is_empty() {
            self.block(body);
        } else {
            self.with_stmt(rest, body, is_async);
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::WithExit(is_async as u32));
        if is_async {
            self.emit(Op::Await);
        }
        self.emit(Op::Pop);
        self.jump(Op::Jump, end);
        self.place(exc);
        self.emit(Op::WithExcept(is_async as u32));
        if is_async {
            self.emit(Op::Await);
        }
        let swallow = self.new_label();
        self.jump(Op::PopJumpIfTrue, swallow);
        self.emit(Op::Reraise);
        self.place(swallow);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.place(end);
    }

    fn function_code(
        &mut self,
        name: &str,
        params: &'a Params,
        body: FnBody<'a>,
        is_async: bool,
        span: Span,
    ) -> Rc<Code> {
        let bindings = match body {
            FnBody::Stmts(b) => scope::analyse_function(params, b),
            FnBody::Expr(e) => scope::analyse_lambda(params, e),
        };
        let qual = match self.units.last() {
            Some(u) if matches!(u.scope, NameScope::Function) => {
                format!("{}.<locals>.{name}", u.qualname)
            }
            _ => name.to_string(),
        };
        self.new_unit(NameScope::Function, bindings, qual, span, is_async);
        let mut spec = ParamSpec::default();
        for p in &params.args {
            spec.args.push(Rc::from(p.name.id.as_str()));
        }
        spec.n_defaults = params.args.iter().filter(|p| p.default.is_some()).count() as u32;
        if let Some(v) = &params.vararg {
            spec.vararg = self.unit().locals.get(&v.id).copied();
        }
        for p in &params.kwonly {
            let slot = self.unit().locals.get(&p.name.id).copied().unwrap_or(0);
            spec.kwonly.push((Rc::from(p.name.id.as_str()), slot));
            if p.default.is_some() {
                spec.kwdefault_names.push(Rc::from(p.name.id.as_str()));
            }
        }
        if let Some(v) = &params.kwarg {
            spec.kwarg = self.unit().locals.get(&v.id).copied();
        }
        match body {
            FnBody::Stmts(b) => {
                self.block(b);
                // The implicit `return None` belongs to the last line that ran.
                if let Some(last) = b.last() {
                    self.unit().span = Span::new(last.span.end.saturating_sub(1), last.span.end);
                }
                self.emit(Op::LoadNone);
                self.emit(Op::Return);
            }
            FnBody::Expr(e) => {
                self.expr(e);
                self.emit(Op::Return);
            }
        }
        self.finish_unit(name, spec, span)
    }

    /// Push defaults, keyword defaults and closure cells, then make the function.
    fn make_function(&mut self, code: Rc<Code>, params: &'a Params) {
        for p in &params.args {
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
        self.push_closure(&code);
        let k = self.konst(Value::Code(code));
        self.emit(Op::MakeFunction(k));
    }

    fn push_closure(&mut self, code: &Code) {
        for n in code.free_names.iter() {
            let slot = self.unit().locals.get(&**n).copied();
            match slot {
                Some(s) => {
                    self.emit(Op::LoadCell(s));
                }
                None => {
                    let span = self.unit().span;
                    self.error(span, format!("internal: free variable '{n}' not found"));
                }
            }
        }
    }

    fn expr(&mut self, e: &'a Expr) {
        let saved = self.set_span(e.span);
        self.expr_inner(e);
        self.unit().span = saved;
    }

    fn expr_inner(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Const(c) => match c {
                Constant::None => {
                    self.emit(Op::LoadNone);
                }
                other => {
                    let v = match other {
                        Constant::Bool(b) => Value::Bool(*b),
                        Constant::Int(i) => Value::Int(*i),
                        Constant::Float(f) => Value::Float(*f),
                        Constant::Str(s) => Value::str(s),
                        Constant::Ellipsis => Value::str("Ellipsis"),
                        Constant::None => Value::None,
                    };
                    let k = self.konst(v);
                    self.emit(Op::LoadConst(k));
                }
            },
            ExprKind::FString(parts) => {
                let n = self.fstring(parts);
                self.emit(Op::BuildString(n));
            }
            ExprKind::List(items) => self.sequence(items, Seq::List),
            ExprKind::Tuple(items) => self.sequence(items, Seq::Tuple),
            ExprKind::Set(items) => self.sequence(items, Seq::Set),
            ExprKind::Dict(pairs) => {
                if pairs.iter().all(|(k, _)| k.is_some()) {
                    for (k, v) in pairs {
                        if let Some(k) = k {
                            self.expr(k);
                        }
                        self.expr(v);
                    }
                    self.emit(Op::BuildDict(pairs.len() as u32));
                } else {
                    self.emit(Op::BuildDict(0));
                    for (k, v) in pairs {
                        match k {
                            Some(k) => {
                                self.expr(k);
                                self.expr(v);
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(v);
                                self.emit(Op::DictUpdate);
                            }
                        }
                    }
                }
            }
            ExprKind::Starred(_) => self.error(e.span, "unsupported: star-expression here"),
            ExprKind::BinOp { left, op, right } => {
                if !is_number(right) {
                    if let Some(k) = self.number_const(left) {
                        self.expr(right);
                        self.emit(Op::ConstBinary(*op, k));
                        return;
                    }
                }
                self.expr(left);
                match self.number_const(right) {
                    Some(k) => self.emit(Op::BinaryConst(*op, k)),
                    None => {
                        self.expr(right);
                        self.emit(Op::Binary(*op))
                    }
                };
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand);
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v);
                    if i + 1 < values.len() {
                        match op {
                            BoolOp::And => self.jump(Op::JumpIfFalseOrPop, end),
                            BoolOp::Or => self.jump(Op::JumpIfTrueOrPop, end),
                        }
                    }
                }
                self.place(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left);
                if ops.len() == 1 {
                    self.expr(&comparators[0]);
                    self.emit(Op::Compare(ops[0]));
                } else {
                    // a < b < c: keep b for the next comparison, stop at the first false.
                    let cleanup = self.new_label();
                    let end = self.new_label();
                    for (i, (op, c)) in ops.iter().zip(comparators.iter()).enumerate() {
                        self.expr(c);
                        if i + 1 < ops.len() {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.emit(Op::Compare(*op));
                            self.jump(Op::JumpIfFalseOrPop, cleanup);
                        } else {
                            self.emit(Op::Compare(*op));
                        }
                    }
                    self.jump(Op::Jump, end);
                    self.place(cleanup);
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    self.place(end);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.expr(test);
                self.jump(Op::PopJumpIfFalse, else_l);
                self.expr(body);
                self.jump(Op::Jump, end);
                self.place(else_l);
                self.expr(orelse);
                self.place(end);
            }
            ExprKind::Lambda { params, body } => {
                let code =
                    self.function_code("<lambda>", params, FnBody::Expr(body), false, e.span);
                self.make_function(code, params);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords),
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                let n = self.name_idx(&attr.id);
                self.emit(Op::LoadAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
                self.emit(Op::LoadSubscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p),
                        None => {
                            self.emit(Op::LoadNone);
                        }
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s);
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::Await(v) => {
                if !self.unit().is_async {
                    self.error(e.span, "'await' outside async function");
                }
                self.expr(v);
                self.emit(Op::Await);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e.span, Comp::List(elt), generators)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e.span, Comp::Set(elt), generators)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e.span, Comp::Gen(elt), generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e.span, Comp::Dict(key, value), generators),
            ExprKind::Error => self.error(e.span, "invalid syntax"),
        }
    }

    /// Compile f-string parts, each leaving one string on the stack; returns how many.
    fn fstring(&mut self, parts: &'a [FStringPart]) -> u32 {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    let k = self.konst(Value::str(s));
                    self.emit(Op::LoadConst(k));
                    n += 1;
                }
                FStringPart::Field {
                    expr,
                    conversion,
                    spec,
                    debug_text,
                } => {
                    if let Some(t) = debug_text {
                        let k = self.konst(Value::str(t));
                        self.emit(Op::LoadConst(k));
                        n += 1;
                    }
                    self.expr(expr);
                    let conv = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    let mut flags = conv;
                    if let Some(spec) = spec {
                        let m = self.fstring(spec);
                        if m != 1 {
                            self.emit(Op::BuildString(m));
                        }
                        flags |= 4;
                    }
                    self.emit(Op::FormatValue(flags));
                    n += 1;
                }
            }
        }
        n
    }

    fn sequence(&mut self, items: &'a [Expr], kind: Seq) {
        let starred = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if !starred {
            for i in items {
                self.expr(i);
            }
            let n = items.len() as u32;
            self.emit(match kind {
                Seq::List => Op::BuildList(n),
                Seq::Tuple => Op::BuildTuple(n),
                Seq::Set => Op::BuildSet(n),
            });
            return;
        }
        self.emit(Op::BuildList(0));
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner);
                    self.emit(Op::ListExtend);
                }
                _ => {
                    self.expr(i);
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        match kind {
            Seq::List => {}
            Seq::Tuple => {
                self.emit(Op::ListToTuple);
            }
            Seq::Set => {
                self.emit(Op::GetIter);
                let k = self.global_slot("set");
                self.emit(Op::LoadGlobal(k));
                self.emit(Op::Rot2);
                self.emit(Op::Call(1));
            }
        }
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) {
        let simple_args = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let simple_kw = !keywords.iter().any(|k| k.arg.is_none());
        if simple_args && keywords.is_empty() && args.len() < 256 {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                self.expr(value);
                for a in args {
                    self.expr(a);
                }
                let n = self.name_idx(&attr.id);
                if n < (1 << 24) {
                    self.emit(Op::CallAttr(n | ((args.len() as u32) << 24)));
                    return;
                }
            }
        }
        self.expr(func);
        if simple_args && simple_kw {
            for a in args {
                self.expr(a);
            }
            if keywords.is_empty() {
                self.emit(Op::Call(args.len() as u32));
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value);
                    if let Some(a) = &k.arg {
                        names.push(Value::str(&a.id));
                    }
                }
                let k = self.konst(Value::tuple(names));
                self.emit(Op::LoadConst(k));
                self.emit(Op::CallKw((args.len() + keywords.len()) as u32));
            }
            return;
        }
        self.emit(Op::BuildList(0));
        for a in args {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner);
                    self.emit(Op::ListExtend);
                }
                _ => {
                    self.expr(a);
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        // The arguments stay a list (`CallEx` takes its items): nothing
        // else ever sees it.
        if keywords.is_empty() {
            self.emit(Op::CallEx(0));
        } else {
            self.emit(Op::BuildDict(0));
            for k in keywords {
                match &k.arg {
                    Some(a) => {
                        let key = self.konst(Value::str(&a.id));
                        self.emit(Op::LoadConst(key));
                        self.expr(&k.value);
                        self.emit(Op::MapAdd(1));
                    }
                    None => {
                        self.expr(&k.value);
                        self.emit(Op::DictUpdate);
                    }
                }
            }
            self.emit(Op::CallEx(1));
        }
    }

    /// A comprehension runs in its own function, called at once with the outermost iterator.
    /// A generator expression's function is a generator: calling it returns the
    /// generator, which runs only as it is iterated. A comprehension containing
    /// `await` is a coroutine, awaited at once (as in CPython).
    fn comprehension(&mut self, span: Span, comp: Comp<'a>, generators: &'a [Comprehension]) {
        let Some(first) = generators.first() else {
            return;
        };
        let elts: Vec<&Expr> = match comp {
            Comp::List(e) | Comp::Set(e) | Comp::Gen(e) => vec![e],
            Comp::Dict(k, v) => vec![k, v],
        };
        let awaits = elts.iter().any(|e| contains_await(e))
            || generators.iter().enumerate().any(|(i, g)| {
                (i > 0 && contains_await(&g.iter)) || g.ifs.iter().any(contains_await)
            });
        if awaits && !self.unit().is_async {
            self.error(
                span,
                "asynchronous comprehension outside of an asynchronous function",
            );
        }
        if awaits && matches!(comp, Comp::Gen(_)) {
            self.error(span, "unsupported: asynchronous generator expressions (a generator expression containing 'await')");
        }
        let bindings = scope::analyse_comprehension(&elts, generators);
        let name = match comp {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let qual = format!("{}.{name}", self.unit().qualname);
        self.new_unit(NameScope::Function, bindings, qual, span, awaits);
        match comp {
            Comp::List(_) => {
                self.emit(Op::BuildList(0));
            }
            Comp::Set(_) => {
                self.emit(Op::BuildSet(0));
            }
            Comp::Dict(..) => {
                self.emit(Op::BuildDict(0));
            }
            Comp::Gen(_) => {}
        }
        let mut loops = Vec::new();
        for (i, g) in generators.iter().enumerate() {
            if i == 0 {
                self.emit(Op::LoadLocal(0));
            } else {
                self.expr(&g.iter);
                self.emit(Op::GetIter);
            }
            let start = self.here();
            let exit = self.new_label();
            self.for_iter(&g.target, exit);
            for cond in &g.ifs {
                self.expr(cond);
                self.emit(Op::PopJumpIfFalse(start));
            }
            loops.push((start, exit));
        }
        let depth = generators.len() as u32;
        match comp {
            Comp::List(e) => {
                self.expr(e);
                self.emit(Op::ListAppend(depth + 1));
            }
            Comp::Set(e) => {
                self.expr(e);
                self.emit(Op::SetAdd(depth + 1));
            }
            Comp::Dict(k, v) => {
                self.expr(k);
                self.expr(v);
                self.emit(Op::MapAdd(depth + 1));
            }
            Comp::Gen(e) => {
                self.expr(e);
                self.emit(Op::Yield);
                self.emit(Op::Pop);
            }
        }
        for (start, exit) in loops.into_iter().rev() {
            self.emit(Op::Jump(start));
            self.place(exit);
        }
        if let Comp::Gen(_) = comp {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::Return);
        let spec = ParamSpec {
            args: vec![Rc::from(".0")],
            ..ParamSpec::default()
        };
        let mut code = self.finish_unit(name, spec, span);
        if let Comp::Gen(_) = comp {
            if let Some(c) = Rc::get_mut(&mut code) {
                c.is_generator = true;
            }
        }
        self.push_closure(&code);
        let k = self.konst(Value::Code(code));
        self.emit(Op::MakeFunction(k));
        self.expr(&first.iter);
        self.emit(Op::GetIter);
        self.emit(Op::Call(1));
        if awaits {
            self.emit(Op::Await);
        }
    }
}

/// Whether an expression awaits (not counting nested lambdas, which cannot).
fn contains_await(e: &Expr) -> bool {
    let mut found = false;
    visit_exprs(e, &mut |x| {
        if let ExprKind::Await(_) = x.kind {
            found = true;
        }
    });
    found
}

fn visit_exprs(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    let mut go = |x: &Expr| visit_exprs(x, f);
    match &e.kind {
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
            items.iter().for_each(&mut go)
        }
        ExprKind::Dict(pairs) => {
            for (k, v) in pairs {
                if let Some(k) = k {
                    go(k);
                }
                go(v);
            }
        }
        ExprKind::Starred(v) | ExprKind::Await(v) => go(v),
        ExprKind::UnaryOp { operand, .. } => go(operand),
        ExprKind::BinOp { left, right, .. } => {
            go(left);
            go(right);
        }
        ExprKind::BoolOp { values, .. } => values.iter().for_each(&mut go),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            go(left);
            comparators.iter().for_each(&mut go);
        }
        ExprKind::IfExp { test, body, orelse } => {
            go(test);
            go(body);
            go(orelse);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            go(func);
            args.iter().for_each(&mut go);
            keywords.iter().for_each(|k| go(&k.value));
        }
        ExprKind::Attribute { value, .. } => go(value),
        ExprKind::Subscript { value, index } => {
            go(value);
            go(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for p in [lower, upper, step].into_iter().flatten() {
                go(p);
            }
        }
        ExprKind::FString(parts) => {
            for p in parts {
                if let FStringPart::Field { expr, .. } = p {
                    go(expr);
                }
            }
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            go(elt);
            for g in generators {
                go(&g.iter);
                g.ifs.iter().for_each(&mut go);
            }
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            go(key);
            go(value);
            for g in generators {
                go(&g.iter);
                g.ifs.iter().for_each(&mut go);
            }
        }
        ExprKind::Lambda { .. } | ExprKind::Name(_) | ExprKind::Const(_) | ExprKind::Error => {}
    }
}

#[derive(Clone, Copy)]
enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

#[derive(Clone, Copy)]
enum Seq {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Gen(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
}

/// `e` is a number literal (see `Compiler::number_const`).
fn is_number(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Const(Constant::Int(_) | Constant::Float(_))
    )
}

/// A jump whose target is a `Jump` goes straight to that jump's target
/// (the end of a `with` or an `if` body inside a loop jumps to the loop's
/// head through the `else`'s jump), when the instruction steps it takes are
/// the same: a `Jump` backwards is a step, any other jump never is.
fn thread_jumps(ops: &mut [Op]) {
    for at in 0..ops.len() {
        let step = |op: &Op, to: u32| matches!(op, Op::Jump(_)) && to as usize <= at;
        let Some(mut to) = jump_target(&ops[at]) else {
            continue;
        };
        // A few hops at most: a chain of jumps is short, and a loop of them
        // (`while True: pass`) must not be followed forever.
        for _ in 0..4 {
            let Some(&Op::Jump(next)) = ops.get(to as usize) else {
                break;
            };
            let steps_before = u32::from(step(&ops[at], to)) + u32::from(next <= to);
            if steps_before != u32::from(step(&ops[at], next)) || next == to {
                break;
            }
            to = next;
        }
        ops[at] = match ops[at] {
            Op::Jump(_) => Op::Jump(to),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(to),
            Op::CompareJumpIfFalse(c, _) => Op::CompareJumpIfFalse(c, to),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(to),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(to),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(to),
            other => other,
        };
    }
}

/// Where a jump that `thread_jumps` may redirect goes.
fn jump_target(op: &Op) -> Option<u32> {
    match *op {
        Op::Jump(t)
        | Op::PopJumpIfFalse(t)
        | Op::CompareJumpIfFalse(_, t)
        | Op::PopJumpIfTrue(t)
        | Op::JumpIfFalseOrPop(t)
        | Op::JumpIfTrueOrPop(t) => Some(t),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{thread_jumps, Op};
    use crate::syntax::ast::{BinOp, CmpOp};

    fn threaded(mut ops: Vec<Op>) -> Vec<Op> {
        thread_jumps(&mut ops);
        ops
    }

    #[test]
    fn a_jump_to_a_jump_goes_to_its_target_when_the_steps_are_the_same() {
        // Forward to a backward jump: one step either way.
        assert_eq!(
            threaded(vec![Op::LoadNone, Op::Jump(3), Op::Pop, Op::Jump(0)])[1],
            Op::Jump(0)
        );
        // A test's jump to a forward jump: no step either way.
        let ops = threaded(vec![
            Op::LoadNone,
            Op::PopJumpIfFalse(2),
            Op::Jump(4),
            Op::Pop,
            Op::LoadNone,
        ]);
        assert_eq!(ops[1], Op::PopJumpIfFalse(4));
        let ops = threaded(vec![
            Op::CompareJumpIfFalse(CmpOp::Lt, 1),
            Op::Jump(2),
            Op::Pop,
        ]);
        assert_eq!(ops[0], Op::CompareJumpIfFalse(CmpOp::Lt, 2));
    }

    #[test]
    fn a_jump_keeps_its_target_when_the_steps_would_change() {
        // A test's jump to a backward jump (a step) would take none.
        let ops = threaded(vec![Op::LoadNone, Op::PopJumpIfTrue(2), Op::Jump(0)]);
        assert_eq!(ops[1], Op::PopJumpIfTrue(2));
        // A backward jump (a step) to a forward one would take none.
        let ops = threaded(vec![Op::Pop, Op::Jump(3), Op::Pop, Op::Jump(1), Op::Pop]);
        assert_eq!(ops[3], Op::Jump(1));
        // A jump to itself (`while True: pass`) ends the search.
        assert_eq!(threaded(vec![Op::Jump(0)]), vec![Op::Jump(0)]);
        // Other kinds of operand are not targets.
        let ops = vec![Op::InplaceConst(BinOp::Add, 0), Op::Jump(0)];
        assert_eq!(threaded(ops.clone()), ops);
    }

    #[test]
    fn the_end_of_a_with_in_a_loop_jumps_to_the_loop_head() {
        let src = "async def w(lock, c):\n    for _ in range(3):\n        async with lock:\n            c[0] += 1\n";
        let parsed = crate::syntax::parse(src);
        let Ok(program) = super::compile(&parsed.module) else {
            panic!("does not compile")
        };
        let Some(w) = program.module.consts.iter().find_map(|k| match k {
            crate::value::Value::Code(c) => Some(c.clone()),
            _ => None,
        }) else {
            panic!("no code for w")
        };
        let head = w
            .ops
            .iter()
            .position(|op| matches!(op, Op::ForIterLocal(_)));
        let Some(head) = head else {
            panic!("no loop head in {:?}", w.ops)
        };
        for (at, op) in w.ops.iter().enumerate() {
            if let Op::Jump(t) = *op {
                let to = w.ops.get(t as usize);
                assert!(
                    !matches!(to, Some(Op::Jump(_))),
                    "jump at {at} to a jump in {:?}",
                    w.ops
                );
            }
        }
        assert!(w.ops.contains(&Op::Jump(head as u32)));
        // `c[0] += 1`: the 1 folded into the operator.
        assert!(w
            .ops
            .iter()
            .any(|op| matches!(op, Op::InplaceConst(BinOp::Add, _))));
        assert!(!w.ops.iter().any(|op| matches!(op, Op::Inplace(_))));
    }
}
