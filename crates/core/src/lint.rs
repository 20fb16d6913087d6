//! Lints that teach: blocking calls inside `async def` (they stall every task on the loop).

use crate::syntax::ast::*;
use crate::syntax::span::LineIndex;
use crate::trace::Warning;

pub(crate) fn lint(module: &Module, lines: &LineIndex) -> Vec<Warning> {
    let mut out = Vec::new();
    for s in &module.body {
        stmt(s, false, lines, &mut out);
    }
    out
}

fn stmt(s: &Stmt, in_async: bool, lines: &LineIndex, out: &mut Vec<Warning>) {
    let body = |b: &[Stmt], a: bool, out: &mut Vec<Warning>| {
        for s in b {
            stmt(s, a, lines, out);
        }
    };
    match &s.kind {
        StmtKind::FunctionDef(f) => body(&f.body, f.is_async, out),
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => expr(e, in_async, lines, out),
        StmtKind::Assign { value, .. } | StmtKind::AugAssign { value, .. } => {
            expr(value, in_async, lines, out)
        }
        StmtKind::If {
            test,
            body: b,
            orelse,
        }
        | StmtKind::While {
            test,
            body: b,
            orelse,
        } => {
            expr(test, in_async, lines, out);
            body(b, in_async, out);
            body(orelse, in_async, out);
        }
        StmtKind::For {
            iter,
            body: b,
            orelse,
            ..
        } => {
            expr(iter, in_async, lines, out);
            body(b, in_async, out);
            body(orelse, in_async, out);
        }
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
        } => {
            body(b, in_async, out);
            for h in handlers {
                body(&h.body, in_async, out);
            }
            body(orelse, in_async, out);
            body(finalbody, in_async, out);
        }
        StmtKind::With { body: b, .. } => body(b, in_async, out),
        _ => {}
    }
}

fn expr(e: &Expr, in_async: bool, lines: &LineIndex, out: &mut Vec<Warning>) {
    if !in_async {
        return;
    }
    match &e.kind {
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                if matches!(&value.kind, ExprKind::Name(m) if m == "time") && attr.id == "sleep" {
                    out.push(Warning {
                        line: lines.line(e.span.start),
                        message: "time.sleep() inside async def blocks the whole event loop: every other task \
                                  waits. Use `await asyncio.sleep()` instead."
                            .into(),
                    });
                }
            }
            expr(func, in_async, lines, out);
            for a in args {
                expr(a, in_async, lines, out);
            }
            for k in keywords {
                expr(&k.value, in_async, lines, out);
            }
        }
        ExprKind::Await(v) | ExprKind::Starred(v) => expr(v, in_async, lines, out),
        ExprKind::BinOp { left, right, .. } => {
            expr(left, in_async, lines, out);
            expr(right, in_async, lines, out);
        }
        _ => {}
    }
}
