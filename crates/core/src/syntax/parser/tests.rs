//! Tests of the parser: tree shapes as S-expressions, diagnostics with positions, recovery, limits.

use super::*;
use crate::syntax::span::LineIndex;

fn bin(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::MatMult => "@",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn cmp(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is-not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not-in",
    }
}

fn list(head: &str, items: impl IntoIterator<Item = String>) -> String {
    let mut s = format!("({head}");
    for item in items {
        s.push(' ');
        s.push_str(&item);
    }
    s.push(')');
    s
}

fn opt(e: &Option<Box<Expr>>) -> String {
    e.as_ref().map_or("_".to_string(), |e| ex(e))
}

fn parts(ps: &[FStringPart]) -> Vec<String> {
    ps.iter()
        .map(|p| match p {
            FStringPart::Literal(s) => format!("{s:?}"),
            FStringPart::Field {
                expr,
                conversion,
                spec,
                debug_text,
            } => {
                let mut items = vec![ex(expr)];
                if let Some(d) = debug_text {
                    items.push(format!("={d:?}"));
                }
                if let Some(c) = conversion {
                    items.push(format!("!{c}"));
                }
                if let Some(spec) = spec {
                    items.push(list(":", parts(spec)));
                }
                list("fmt", items)
            }
        })
        .collect()
}

fn comps(gens: &[Comprehension]) -> Vec<String> {
    gens.iter()
        .map(|g| {
            let mut items = vec![ex(&g.target), ex(&g.iter)];
            items.extend(g.ifs.iter().map(|i| list("if", [ex(i)])));
            list("for", items)
        })
        .collect()
}

fn params(p: &Params) -> String {
    let mut items: Vec<String> = p
        .args
        .iter()
        .map(|a| match &a.default {
            Some(d) => format!("{}={}", a.name.id, ex(d)),
            None => a.name.id.clone(),
        })
        .collect();
    if let Some(v) = &p.vararg {
        items.push(format!("*{}", v.id));
    } else if !p.kwonly.is_empty() {
        items.push("*".into());
    }
    for a in &p.kwonly {
        items.push(match &a.default {
            Some(d) => format!("{}={}", a.name.id, ex(d)),
            None => a.name.id.clone(),
        });
    }
    if let Some(k) = &p.kwarg {
        items.push(format!("**{}", k.id));
    }
    format!("[{}]", items.join(" "))
}

/// A compact S-expression of an expression, for comparing shapes.
fn ex(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Const(c) => match c {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(f) => format!("{f:?}"),
            Constant::Str(s) => format!("{s:?}"),
            Constant::Ellipsis => "...".into(),
        },
        ExprKind::FString(ps) => list("f", parts(ps)),
        ExprKind::List(es) => list("list", es.iter().map(ex)),
        ExprKind::Tuple(es) => list("tuple", es.iter().map(ex)),
        ExprKind::Set(es) => list("set", es.iter().map(ex)),
        ExprKind::Dict(items) => list(
            "dict",
            items.iter().map(|(k, v)| match k {
                Some(k) => format!("({} {})", ex(k), ex(v)),
                None => format!("(** {})", ex(v)),
            }),
        ),
        ExprKind::Starred(v) => list("*", [ex(v)]),
        ExprKind::BinOp { left, op, right } => list(bin(*op), [ex(left), ex(right)]),
        ExprKind::UnaryOp { op, operand } => {
            let name = match op {
                UnaryOp::Not => "not",
                UnaryOp::Neg => "neg",
                UnaryOp::Pos => "pos",
                UnaryOp::Invert => "~",
            };
            list(name, [ex(operand)])
        }
        ExprKind::BoolOp { op, values } => list(
            if *op == BoolOp::And { "and" } else { "or" },
            values.iter().map(ex),
        ),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            if ops.len() == 1 {
                list(cmp(ops[0]), [ex(left), ex(&comparators[0])])
            } else {
                let mut items = vec![ex(left)];
                for (o, c) in ops.iter().zip(comparators) {
                    items.push(cmp(*o).into());
                    items.push(ex(c));
                }
                list("cmp", items)
            }
        }
        ExprKind::IfExp { test, body, orelse } => list("ifexp", [ex(test), ex(body), ex(orelse)]),
        ExprKind::Lambda { params: p, body } => list("lambda", [params(p), ex(body)]),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let mut items = vec![ex(func)];
            items.extend(args.iter().map(ex));
            items.extend(keywords.iter().map(|k| match &k.arg {
                Some(a) => format!("{}={}", a.id, ex(&k.value)),
                None => format!("**{}", ex(&k.value)),
            }));
            list("call", items)
        }
        ExprKind::Attribute { value, attr } => list(".", [ex(value), attr.id.clone()]),
        ExprKind::Subscript { value, index } => list("[]", [ex(value), ex(index)]),
        ExprKind::Slice { lower, upper, step } => {
            list("slice", [opt(lower), opt(upper), opt(step)])
        }
        ExprKind::Await(v) => list("await", [ex(v)]),
        ExprKind::ListComp { elt, generators } => {
            list("listcomp", [ex(elt)].into_iter().chain(comps(generators)))
        }
        ExprKind::SetComp { elt, generators } => {
            list("setcomp", [ex(elt)].into_iter().chain(comps(generators)))
        }
        ExprKind::GeneratorExp { elt, generators } => {
            list("genexp", [ex(elt)].into_iter().chain(comps(generators)))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => list(
            "dictcomp",
            [ex(key), ex(value)].into_iter().chain(comps(generators)),
        ),
        ExprKind::Error => "ERROR".into(),
    }
}

fn block(stmts: &[Stmt]) -> String {
    list("block", stmts.iter().map(st))
}

fn st(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => ex(e),
        StmtKind::Assign { targets, value } => list("=", targets.iter().map(ex).chain([ex(value)])),
        StmtKind::AugAssign { target, op, value } => {
            list(&format!("{}=", bin(*op)), [ex(target), ex(value)])
        }
        StmtKind::Return(v) => list("return", v.iter().map(ex)),
        StmtKind::Pass => "pass".into(),
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::If { test, body, orelse } => list("if", [ex(test), block(body), block(orelse)]),
        StmtKind::While { test, body, orelse } => {
            list("while", [ex(test), block(body), block(orelse)])
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => list("for", [ex(target), ex(iter), block(body), block(orelse)]),
        StmtKind::FunctionDef(f) => list(
            if f.is_async { "async-def" } else { "def" },
            [f.name.id.clone(), params(&f.params), block(&f.body)],
        ),
        StmtKind::Global(names) => list("global", names.iter().map(|n| n.id.clone())),
        StmtKind::Nonlocal(names) => list("nonlocal", names.iter().map(|n| n.id.clone())),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let mut items = vec![block(body)];
            for h in handlers {
                let mut hs = vec![h.typ.as_ref().map_or("_".to_string(), ex)];
                hs.push(h.name.as_ref().map_or("_".to_string(), |n| n.id.clone()));
                hs.push(block(&h.body));
                items.push(list("except", hs));
            }
            items.push(block(orelse));
            items.push(block(finalbody));
            list("try", items)
        }
        StmtKind::Raise { exc, cause } => list("raise", exc.iter().chain(cause.iter()).map(ex)),
        StmtKind::Assert { test, msg } => {
            list("assert", [test].into_iter().chain(msg.iter()).map(ex))
        }
        StmtKind::With {
            items,
            body,
            is_async,
        } => {
            let mut parts: Vec<String> = items
                .iter()
                .map(|i| match &i.target {
                    Some(t) => format!("({} as {})", ex(&i.context), ex(t)),
                    None => ex(&i.context),
                })
                .collect();
            parts.push(block(body));
            list(if *is_async { "async-with" } else { "with" }, parts)
        }
        StmtKind::Import(names) => list("import", names.iter().map(alias)),
        StmtKind::ImportFrom { module, names } => list(
            "from",
            [module.id.clone()]
                .into_iter()
                .chain(names.iter().map(alias)),
        ),
        StmtKind::Delete(ts) => list("del", ts.iter().map(ex)),
        StmtKind::Error => "ERROR".into(),
    }
}

fn alias(a: &Alias) -> String {
    match &a.asname {
        Some(n) => format!("{}:{}", a.name.id, n.id),
        None => a.name.id.clone(),
    }
}

/// Parses `src`, asserts there are no diagnostics, and dumps the statements one per line.
fn dump(src: &str) -> String {
    let p = parse(src);
    assert!(
        p.diagnostics.is_empty(),
        "unexpected diagnostics for {src:?}: {:?}",
        p.diagnostics
    );
    p.module.body.iter().map(st).collect::<Vec<_>>().join("\n")
}

/// Dumps a single expression.
fn e(src: &str) -> String {
    let wrapped = format!("async def _():\n    return {src}\n");
    let p = parse(&wrapped);
    assert!(
        p.diagnostics.is_empty(),
        "unexpected diagnostics for {src:?}: {:?}",
        p.diagnostics
    );
    match p.module.body.first().map(|s| &s.kind) {
        Some(StmtKind::FunctionDef(f)) => match f.body.first().map(|s| &s.kind) {
            Some(StmtKind::Return(Some(v))) => ex(v),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

/// The first diagnostic as `line:col message`.
fn err(src: &str) -> String {
    let p = parse(src);
    let Some(d) = p.diagnostics.first() else {
        panic!("no diagnostic for {src:?}")
    };
    let lc = LineIndex::new(src).line_col(d.span.start);
    format!("{}:{} {}", lc.line, lc.col, d.message)
}

fn all_errs(src: &str) -> Vec<String> {
    let idx = LineIndex::new(src);
    parse(src)
        .diagnostics
        .iter()
        .map(|d| {
            let lc = idx.line_col(d.span.start);
            format!("{}:{} {}", lc.line, lc.col, d.message)
        })
        .collect()
}

mod diagnostics;
mod expressions;
mod statements;
