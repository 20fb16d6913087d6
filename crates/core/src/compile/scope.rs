//! Scope analysis: which names a function binds, declares global, or reads from enclosing functions.

use std::collections::BTreeSet;

use crate::syntax::ast::*;

/// The names a function body binds locally, declares `global`/`nonlocal`, and uses.
#[derive(Default, Debug)]
pub(crate) struct Bindings {
    pub(crate) assigned: Vec<String>,
    pub(crate) globals: BTreeSet<String>,
    pub(crate) nonlocals: BTreeSet<String>,
    pub(crate) used: BTreeSet<String>,
    /// Names nested scopes read from outside themselves (their free names).
    pub(crate) nested_free: BTreeSet<String>,
}

impl Bindings {
    fn bind(&mut self, name: &str) {
        if !self.assigned.iter().any(|n| n == name) {
            self.assigned.push(name.to_string());
        }
    }

    pub(crate) fn is_local(&self, name: &str) -> bool {
        !self.globals.contains(name)
            && !self.nonlocals.contains(name)
            && self.assigned.iter().any(|n| n == name)
    }

    /// Names this scope needs from enclosing scopes.
    pub(crate) fn free(&self) -> BTreeSet<String> {
        let mut free = BTreeSet::new();
        for n in self.used.iter().chain(self.nested_free.iter()) {
            if !self.is_local(n) && !self.globals.contains(n) {
                free.insert(n.clone());
            }
        }
        for n in &self.nonlocals {
            free.insert(n.clone());
        }
        free
    }
}

/// Analyse a function: parameters first, then the body.
pub(crate) fn analyse_function(params: &Params, body: &[Stmt]) -> Bindings {
    let mut b = Bindings::default();
    for p in params.args.iter() {
        b.bind(&p.name.id);
    }
    if let Some(v) = &params.vararg {
        b.bind(&v.id);
    }
    for p in params.kwonly.iter() {
        b.bind(&p.name.id);
    }
    if let Some(v) = &params.kwarg {
        b.bind(&v.id);
    }
    for s in body {
        stmt(&mut b, s);
    }
    b
}

pub(crate) fn analyse_lambda(params: &Params, body: &Expr) -> Bindings {
    let mut b = analyse_function(params, &[]);
    expr(&mut b, body);
    b
}

/// A comprehension's own scope: its targets are local, `.0` is the outermost iterator.
pub(crate) fn analyse_comprehension(elts: &[&Expr], generators: &[Comprehension]) -> Bindings {
    let mut b = Bindings::default();
    b.bind(".0");
    for (i, g) in generators.iter().enumerate() {
        target(&mut b, &g.target);
        if i > 0 {
            expr(&mut b, &g.iter);
        }
        for cond in &g.ifs {
            expr(&mut b, cond);
        }
    }
    for e in elts {
        expr(&mut b, e);
    }
    b
}

fn block(b: &mut Bindings, body: &[Stmt]) {
    for s in body {
        stmt(b, s);
    }
}

fn target(b: &mut Bindings, t: &Expr) {
    match &t.kind {
        ExprKind::Name(n) => b.bind(n),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().for_each(|i| target(b, i)),
        ExprKind::Starred(inner) => target(b, inner),
        _ => expr(b, t),
    }
}

fn stmt(b: &mut Bindings, s: &Stmt) {
    match &s.kind {
        StmtKind::Expr(e) => expr(b, e),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| target(b, t));
            expr(b, value);
        }
        StmtKind::AugAssign {
            target: t, value, ..
        } => {
            if let ExprKind::Name(n) = &t.kind {
                b.used.insert(n.clone());
            }
            target(b, t);
            expr(b, value);
        }
        StmtKind::Return(v) => {
            if let Some(v) = v {
                expr(b, v)
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            expr(b, test);
            block(b, body);
            block(b, orelse);
        }
        StmtKind::For {
            target: t,
            iter,
            body,
            orelse,
        } => {
            target(b, t);
            expr(b, iter);
            block(b, body);
            block(b, orelse);
        }
        StmtKind::FunctionDef(f) => {
            b.bind(&f.name.id);
            for p in f.params.args.iter().chain(f.params.kwonly.iter()) {
                if let Some(d) = &p.default {
                    expr(b, d);
                }
            }
            let inner = analyse_function(&f.params, &f.body);
            b.nested_free.extend(inner.free());
        }
        StmtKind::Global(names) => names.iter().for_each(|n| {
            b.globals.insert(n.id.clone());
        }),
        StmtKind::Nonlocal(names) => names.iter().for_each(|n| {
            b.nonlocals.insert(n.id.clone());
        }),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            block(b, body);
            for h in handlers {
                if let Some(t) = &h.typ {
                    expr(b, t);
                }
                if let Some(n) = &h.name {
                    b.bind(&n.id);
                }
                block(b, &h.body);
            }
            block(b, orelse);
            block(b, finalbody);
        }
        StmtKind::Raise { exc, cause } => {
            if let Some(e) = exc {
                expr(b, e)
            }
            if let Some(c) = cause {
                expr(b, c)
            }
        }
        StmtKind::Assert { test, msg } => {
            expr(b, test);
            if let Some(m) = msg {
                expr(b, m)
            }
        }
        StmtKind::With { items, body, .. } => {
            for it in items {
                expr(b, &it.context);
                if let Some(t) = &it.target {
                    target(b, t);
                }
            }
            block(b, body);
        }
        StmtKind::Import(aliases) => {
            for a in aliases {
                match &a.asname {
                    Some(n) => b.bind(&n.id),
                    None => b.bind(a.name.id.split('.').next().unwrap_or(&a.name.id)),
                }
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for a in names {
                b.bind(&a.asname.as_ref().unwrap_or(&a.name).id);
            }
        }
        StmtKind::Delete(targets) => targets.iter().for_each(|t| target(b, t)),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue | StmtKind::Error => {}
    }
}

fn expr(b: &mut Bindings, e: &Expr) {
    match &e.kind {
        ExprKind::Name(n) => {
            b.used.insert(n.clone());
        }
        ExprKind::Const(_) | ExprKind::Error => {}
        ExprKind::FString(parts) => fstring(b, parts),
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
            items.iter().for_each(|i| expr(b, i))
        }
        ExprKind::Dict(pairs) => {
            for (k, v) in pairs {
                if let Some(k) = k {
                    expr(b, k)
                }
                expr(b, v)
            }
        }
        ExprKind::Starred(v) | ExprKind::Await(v) => expr(b, v),
        ExprKind::UnaryOp { operand, .. } => expr(b, operand),
        ExprKind::BinOp { left, right, .. } => {
            expr(b, left);
            expr(b, right)
        }
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|v| expr(b, v)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            expr(b, left);
            comparators.iter().for_each(|c| expr(b, c))
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(b, test);
            expr(b, body);
            expr(b, orelse)
        }
        ExprKind::Lambda { params, body } => {
            for p in params.args.iter().chain(params.kwonly.iter()) {
                if let Some(d) = &p.default {
                    expr(b, d);
                }
            }
            let inner = analyse_lambda(params, body);
            b.nested_free.extend(inner.free());
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(b, func);
            args.iter().for_each(|a| expr(b, a));
            keywords.iter().for_each(|k| expr(b, &k.value));
        }
        ExprKind::Attribute { value, .. } => expr(b, value),
        ExprKind::Subscript { value, index } => {
            expr(b, value);
            expr(b, index)
        }
        ExprKind::Slice { lower, upper, step } => {
            for p in [lower, upper, step].into_iter().flatten() {
                expr(b, p)
            }
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            comprehension(b, &[elt], generators);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => comprehension(b, &[key, value], generators),
    }
}

fn comprehension(b: &mut Bindings, elts: &[&Expr], generators: &[Comprehension]) {
    if let Some(first) = generators.first() {
        expr(b, &first.iter);
    }
    let inner = analyse_comprehension(elts, generators);
    b.nested_free.extend(inner.free());
}

fn fstring(b: &mut Bindings, parts: &[FStringPart]) {
    for p in parts {
        if let FStringPart::Field { expr: e, spec, .. } = p {
            expr(b, e);
            if let Some(s) = spec {
                fstring(b, s);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn function(src: &str) -> Bindings {
        let m = parse(src).module;
        match &m.body[0].kind {
            StmtKind::FunctionDef(f) => analyse_function(&f.params, &f.body),
            _ => panic!("not a function"),
        }
    }

    #[test]
    fn captured_locals_are_known_and_globals_stay_global() {
        let b = function(
            "def outer(a):\n    global g\n    g = 1\n    b = 2\n    return lambda: a + b + c\n",
        );
        assert!(b.is_local("a") && b.is_local("b"));
        assert!(!b.is_local("g"));
        assert_eq!(
            b.nested_free.iter().cloned().collect::<Vec<_>>(),
            vec!["a", "b", "c"]
        );
        // `c` is not bound here: it is free in outer too (a global at run time).
        assert!(b.free().contains("c"));
    }

    #[test]
    fn comprehension_targets_do_not_leak() {
        let b = function("def f(xs):\n    return [x * y for x in xs]\n");
        assert!(!b.is_local("x"));
        assert!(b.nested_free.contains("y"));
    }
}
