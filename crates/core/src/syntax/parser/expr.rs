//! Expression grammar: Python's precedence levels from `lambda` down to atoms, plus targets.

use super::{FuncKind, Parser, TargetUse, KEYWORDS};
use crate::syntax::ast::*;
use crate::syntax::lexer::Tok;
use crate::syntax::span::Span;

fn mk(kind: ExprKind, span: Span) -> Expr {
    Expr { kind, span }
}

/// Binary operators handled by precedence climbing, with their binding power (higher binds tighter).
fn binary_op(op: &str) -> Option<(BinOp, u8)> {
    Some(match op {
        "|" => (BinOp::BitOr, 1),
        "^" => (BinOp::BitXor, 2),
        "&" => (BinOp::BitAnd, 3),
        "<<" => (BinOp::LShift, 4),
        ">>" => (BinOp::RShift, 4),
        "+" => (BinOp::Add, 5),
        "-" => (BinOp::Sub, 5),
        "*" => (BinOp::Mult, 6),
        "/" => (BinOp::Div, 6),
        "//" => (BinOp::FloorDiv, 6),
        "%" => (BinOp::Mod, 6),
        "@" => (BinOp::MatMult, 6),
        _ => return None,
    })
}

impl Parser<'_> {
    /// True when the current token can begin an expression.
    pub(super) fn at_expr_start(&self) -> bool {
        match self.peek() {
            Tok::Name => {
                let t = self.text(self.span());
                !KEYWORDS.contains(&t)
                    || matches!(
                        t,
                        "None" | "True" | "False" | "not" | "lambda" | "await" | "yield"
                    )
            }
            Tok::Int(_) | Tok::Float(_) | Tok::Imaginary | Tok::Str(_) | Tok::Error => true,
            Tok::Op(op) => matches!(*op, "(" | "[" | "{" | "-" | "+" | "~" | "*" | "..."),
            _ => false,
        }
    }

    /// `star_expressions`: one or more expressions or `*starred`, a tuple when there is a comma.
    pub(super) fn star_expressions(&mut self) -> Expr {
        let first = self.star_or_expression();
        if !self.at_op(",") {
            // A lone `*x` before `=` is a target; `check_target` explains that case.
            if matches!(first.kind, ExprKind::Starred(_)) && !self.at_op("=") {
                self.error(first.span, "can't use starred expression here");
            }
            return first;
        }
        let mut span = first.span;
        let mut elts = vec![first];
        while self.eat_op(",") {
            span = span.to(Span::new(span.start, self.prev_end()));
            if !self.at_expr_start() {
                break;
            }
            let e = self.star_or_expression();
            span = span.to(e.span);
            elts.push(e);
        }
        mk(ExprKind::Tuple(elts), span)
    }

    /// An expression or `*expr` (for lists, tuples and call arguments).
    pub(super) fn star_or_expression(&mut self) -> Expr {
        let start = self.span();
        if self.eat_op("*") {
            let value = self.binary(1);
            let span = start.to(value.span);
            return mk(ExprKind::Starred(Box::new(value)), span);
        }
        self.expression()
    }

    /// An expression where an assignment expression (`:=`) could appear in Python.
    pub(super) fn named_expression(&mut self) -> Expr {
        let e = self.expression();
        if self.at_op(":=") {
            self.unexpected("invalid syntax");
        }
        e
    }

    /// `expression`: lambda, conditional expression, or anything tighter.
    pub(super) fn expression(&mut self) -> Expr {
        if !self.enter() {
            return mk(ExprKind::Error, self.span());
        }
        let e = self.expression_inner();
        self.leave();
        e
    }

    fn expression_inner(&mut self) -> Expr {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        if self.at_kw("yield") {
            self.unexpected("invalid syntax");
            return mk(ExprKind::Error, self.span());
        }
        let body = self.disjunction();
        if !self.at_kw("if") {
            return body;
        }
        self.bump();
        let test = self.disjunction();
        if !self.eat_kw("else") {
            if matches!(self.peek(), Tok::Error | Tok::Op(":=")) {
                self.unexpected("invalid syntax");
            } else {
                self.error(
                    body.span.to(test.span),
                    "expected 'else' after 'if' expression",
                );
            }
            return mk(ExprKind::Error, body.span);
        }
        let orelse = self.expression();
        let span = body.span.to(orelse.span);
        mk(
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            span,
        )
    }

    fn lambda(&mut self) -> Expr {
        let start = self.span();
        self.bump();
        let params = self.params(":", false);
        if !self.expect_op(":") {
            return mk(ExprKind::Error, start);
        }
        let saved = self.ctx;
        self.ctx.func = FuncKind::Lambda;
        self.ctx.in_loop = false;
        let body = self.expression();
        self.ctx = saved;
        let span = start.to(body.span);
        mk(
            ExprKind::Lambda {
                params: Box::new(params),
                body: Box::new(body),
            },
            span,
        )
    }

    pub(super) fn disjunction(&mut self) -> Expr {
        self.bool_op("or", BoolOp::Or)
    }

    fn bool_op(&mut self, kw: &str, op: BoolOp) -> Expr {
        let first = if op == BoolOp::Or {
            self.bool_op("and", BoolOp::And)
        } else {
            self.inversion()
        };
        if !self.at_kw(kw) {
            return first;
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            let next = if op == BoolOp::Or {
                self.bool_op("and", BoolOp::And)
            } else {
                self.inversion()
            };
            values.push(next);
        }
        let span = match (values.first(), values.last()) {
            (Some(f), Some(l)) => f.span.to(l.span),
            _ => self.span(),
        };
        mk(ExprKind::BoolOp { op, values }, span)
    }

    fn inversion(&mut self) -> Expr {
        if !self.at_kw("not") {
            return self.comparison();
        }
        let start = self.span();
        if !self.enter() {
            return mk(ExprKind::Error, start);
        }
        self.bump();
        let operand = self.inversion();
        self.leave();
        let span = start.to(operand.span);
        mk(
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand: Box::new(operand),
            },
            span,
        )
    }

    fn compare_op(&self) -> Option<(CmpOp, usize)> {
        Some(match self.peek() {
            Tok::Op("==") => (CmpOp::Eq, 1),
            Tok::Op("!=") => (CmpOp::NotEq, 1),
            Tok::Op("<") => (CmpOp::Lt, 1),
            Tok::Op("<=") => (CmpOp::LtE, 1),
            Tok::Op(">") => (CmpOp::Gt, 1),
            Tok::Op(">=") => (CmpOp::GtE, 1),
            Tok::Name => match self.text(self.span()) {
                "in" => (CmpOp::In, 1),
                "not" if self.nth_is_kw(1, "in") => (CmpOp::NotIn, 2),
                "is" if self.nth_is_kw(1, "not") => (CmpOp::IsNot, 2),
                "is" => (CmpOp::Is, 1),
                _ => return None,
            },
            _ => return None,
        })
    }

    fn comparison(&mut self) -> Expr {
        let left = self.binary(1);
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, len)) = self.compare_op() {
            for _ in 0..len {
                self.bump();
            }
            ops.push(op);
            comparators.push(self.binary(1));
        }
        if ops.is_empty() {
            return left;
        }
        let span = left
            .span
            .to(comparators.last().map_or(left.span, |c| c.span));
        mk(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            span,
        )
    }

    /// Binary operators from `|` to `*`, by precedence climbing; all are left-associative.
    pub(super) fn binary(&mut self, min: u8) -> Expr {
        let mut left = self.factor();
        // Each operator of a left-associative chain nests the tree one level
        // deeper for every later pass, so chains count against the depth limit.
        let mut chain = 0u32;
        while let Tok::Op(op) = self.peek() {
            let Some((op, power)) = binary_op(op) else {
                break;
            };
            if power < min {
                break;
            }
            chain += 1;
            if self.depth + chain >= super::MAX_DEPTH {
                let span = self.span();
                self.error(span, "too deeply nested (more than 200 operators chained in one expression; split it up)");
                while !matches!(self.peek(), Tok::Newline | Tok::End) {
                    self.bump();
                }
                return mk(ExprKind::Error, left.span);
            }
            self.bump();
            let right = self.binary(power + 1);
            let span = left.span.to(right.span);
            left = mk(
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                span,
            );
        }
        left
    }

    /// Unary `- + ~`, which bind looser than `**` on their right.
    fn factor(&mut self) -> Expr {
        let start = self.span();
        let op = match self.peek() {
            Tok::Op("-") => UnaryOp::Neg,
            Tok::Op("+") => UnaryOp::Pos,
            Tok::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        if !self.enter() {
            return mk(ExprKind::Error, start);
        }
        self.bump();
        // `-9223372036854775808` is the one literal that only fits once negated.
        if op == UnaryOp::Neg {
            if let Tok::Int(Some(v)) = self.peek() {
                let min_magnitude = i64::MIN.unsigned_abs();
                if *v == min_magnitude && !matches!(self.nth(1), Tok::Op("**" | "." | "(" | "[")) {
                    let span = start.to(self.span());
                    self.bump();
                    self.leave();
                    return mk(ExprKind::Const(Constant::Int(i64::MIN)), span);
                }
            }
        }
        let operand = self.factor();
        self.leave();
        let span = start.to(operand.span);
        mk(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            span,
        )
    }

    /// `await_primary ['**' factor]`
    fn power(&mut self) -> Expr {
        let left = self.await_primary();
        if !self.eat_op("**") {
            return left;
        }
        let right = self.factor();
        let span = left.span.to(right.span);
        mk(
            ExprKind::BinOp {
                left: Box::new(left),
                op: BinOp::Pow,
                right: Box::new(right),
            },
            span,
        )
    }

    fn await_primary(&mut self) -> Expr {
        if !self.at_kw("await") {
            return self.primary();
        }
        let start = self.span();
        self.bump();
        if self.ctx.func != FuncKind::Async {
            self.semantic(start, "'await' outside async function");
        }
        let value = self.primary();
        let span = start.to(value.span);
        mk(ExprKind::Await(Box::new(value)), span)
    }

    /// An atom followed by any number of `.name`, `(args)` and `[index]`.
    fn primary(&mut self) -> Expr {
        let mut e = self.atom();
        loop {
            if self.panicking {
                return e;
            }
            match self.peek() {
                Tok::Op(".") => {
                    self.bump();
                    let attr = self.expect_name();
                    let span = e.span.to(attr.span);
                    e = mk(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                        },
                        span,
                    );
                }
                Tok::Op("(") => e = self.call(e),
                Tok::Op("[") => {
                    self.bump();
                    let index = self.subscript_index();
                    let end = self.span();
                    self.expect_op("]");
                    let span = e.span.to(end);
                    e = mk(
                        ExprKind::Subscript {
                            value: Box::new(e),
                            index: Box::new(index),
                        },
                        span,
                    );
                }
                _ => return e,
            }
        }
    }

    fn call(&mut self, func: Expr) -> Expr {
        self.bump();
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut count = 0usize;
        let mut genexp_at: Option<Span> = None;
        while !self.at_op(")") && !self.panicking {
            count += 1;
            let start = self.span();
            if self.eat_op("*") {
                let value = self.expression();
                if keywords.iter().any(|k| k.arg.is_none()) {
                    self.error(
                        start.to(value.span),
                        "iterable argument unpacking follows keyword argument unpacking",
                    );
                }
                let span = start.to(value.span);
                args.push(mk(ExprKind::Starred(Box::new(value)), span));
            } else if self.eat_op("**") {
                let value = self.expression();
                let span = start.to(value.span);
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span,
                });
            } else {
                let e = self.expression();
                if self.at_op("=") {
                    if let ExprKind::Name(name) = &e.kind {
                        let arg = Ident {
                            id: name.clone(),
                            span: e.span,
                        };
                        self.bump();
                        let value = self.expression();
                        let span = e.span.to(value.span);
                        keywords.push(Keyword {
                            arg: Some(arg),
                            value,
                            span,
                        });
                    } else {
                        let span = e.span.to(self.span());
                        self.error(
                            span,
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                        );
                    }
                } else if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.comprehension_clauses();
                    let span = e.span.to(Span::new(e.span.start, self.prev_end()));
                    genexp_at = Some(span);
                    args.push(mk(
                        ExprKind::GeneratorExp {
                            elt: Box::new(e),
                            generators,
                        },
                        span,
                    ));
                } else {
                    if !keywords.is_empty() && !self.panicking {
                        let message = if keywords.iter().any(|k| k.arg.is_none()) {
                            "positional argument follows keyword argument unpacking"
                        } else {
                            "positional argument follows keyword argument"
                        };
                        self.error(e.span, message);
                    }
                    args.push(e);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if let Some(span) = genexp_at {
            if count > 1 {
                self.error(span, "Generator expression must be parenthesized");
            }
        }
        let end = self.span();
        self.expect_op(")");
        let span = func.span.to(end);
        mk(
            ExprKind::Call {
                func: Box::new(func),
                args,
                keywords,
            },
            span,
        )
    }

    /// What is between `[` and `]` after a value: an expression, a slice, or a tuple of them.
    fn subscript_index(&mut self) -> Expr {
        let first = self.slice_or_expression();
        if !self.at_op(",") {
            return first;
        }
        let mut span = first.span;
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            let e = self.slice_or_expression();
            span = span.to(e.span);
            elts.push(e);
        }
        mk(ExprKind::Tuple(elts), span)
    }

    fn slice_or_expression(&mut self) -> Expr {
        let start = self.span();
        if self.at_op("*") {
            self.error(start, "unsupported: star-expressions in this position");
            return mk(ExprKind::Error, start);
        }
        let lower = if self.at_op(":") {
            None
        } else {
            Some(self.named_expression())
        };
        if !self.at_op(":") {
            return lower.unwrap_or_else(|| mk(ExprKind::Error, start));
        }
        self.bump();
        let upper = if self.at_expr_start() {
            Some(Box::new(self.expression()))
        } else {
            None
        };
        let mut step = None;
        if self.eat_op(":") && self.at_expr_start() {
            step = Some(Box::new(self.expression()));
        }
        let span = Span::new(start.start, self.prev_end());
        mk(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
            span,
        )
    }

    /// `for target in iter (if cond)*`, repeated.
    pub(super) fn comprehension_clauses(&mut self) -> Vec<Comprehension> {
        let mut generators = Vec::new();
        loop {
            if self.at_kw("async") && self.nth_is_kw(1, "for") {
                let span = self.span();
                self.error(span, "unsupported: async comprehensions");
                return generators;
            }
            if !self.eat_kw("for") {
                break;
            }
            let target = self.target_list();
            if !self.eat_kw("in") {
                self.unexpected("invalid syntax");
                return generators;
            }
            let iter = self.disjunction();
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction());
            }
            generators.push(Comprehension { target, iter, ifs });
            if self.panicking {
                break;
            }
        }
        generators
    }

    /// A `for` target: elements at `|` level (so `in` stops them), a tuple when there is a comma.
    pub(super) fn target_list(&mut self) -> Expr {
        let first = self.target_element();
        let target = if self.at_op(",") {
            let mut span = first.span;
            let mut elts = vec![first];
            while self.eat_op(",") {
                if !self.at_expr_start() {
                    break;
                }
                let e = self.target_element();
                span = span.to(e.span);
                elts.push(e);
            }
            mk(ExprKind::Tuple(elts), span)
        } else {
            first
        };
        self.check_target(&target, TargetUse::Assign);
        target
    }

    pub(super) fn target_element(&mut self) -> Expr {
        let start = self.span();
        if self.eat_op("*") {
            let value = self.binary(1);
            let span = start.to(value.span);
            return mk(ExprKind::Starred(Box::new(value)), span);
        }
        self.binary(1)
    }

    /// Reports a target that cannot be assigned to (or deleted).
    pub(super) fn check_target(&mut self, e: &Expr, usage: TargetUse) {
        match (&e.kind, usage) {
            (
                ExprKind::Name(_)
                | ExprKind::Attribute { .. }
                | ExprKind::Subscript { .. }
                | ExprKind::Error,
                _,
            ) => {}
            (
                ExprKind::Tuple(elts) | ExprKind::List(elts),
                TargetUse::Assign | TargetUse::Delete,
            ) => {
                let stars = elts
                    .iter()
                    .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 && usage == TargetUse::Assign {
                    self.error(e.span, "multiple starred expressions in assignment");
                }
                for elt in elts {
                    match (&elt.kind, usage) {
                        (ExprKind::Starred(inner), TargetUse::Assign) => {
                            self.check_target(inner, usage)
                        }
                        _ => self.check_target(elt, usage),
                    }
                }
            }
            (ExprKind::Starred(_), TargetUse::Assign) => {
                self.error(
                    e.span,
                    "starred assignment target must be in a list or tuple",
                );
            }
            (ExprKind::Starred(_), TargetUse::Delete) => {
                self.error(e.span, "cannot delete starred")
            }
            (kind, TargetUse::Augmented) => {
                let what = match kind {
                    ExprKind::Tuple(_) => "tuple",
                    ExprKind::List(_) => "list",
                    ExprKind::Starred(_) => "starred",
                    other => describe(other),
                };
                self.error(
                    e.span,
                    format!("'{what}' is an illegal expression for augmented assignment"),
                );
            }
            (kind, TargetUse::Assign) => {
                self.error(e.span, format!("cannot assign to {}", describe(kind)))
            }
            (kind, TargetUse::Delete) => {
                self.error(e.span, format!("cannot delete {}", describe(kind)))
            }
        }
    }

    fn atom(&mut self) -> Expr {
        let span = self.span();
        match self.peek().clone() {
            Tok::Name => {
                let text = self.text(span);
                let kind = match text {
                    "None" => ExprKind::Const(Constant::None),
                    "True" => ExprKind::Const(Constant::Bool(true)),
                    "False" => ExprKind::Const(Constant::Bool(false)),
                    _ if KEYWORDS.contains(&text) => {
                        self.unexpected("invalid syntax");
                        return mk(ExprKind::Error, span);
                    }
                    _ => ExprKind::Name(text.to_string()),
                };
                self.bump();
                mk(kind, span)
            }
            Tok::Int(value) => {
                self.bump();
                match value.and_then(|v| i64::try_from(v).ok()) {
                    Some(v) => mk(ExprKind::Const(Constant::Int(v)), span),
                    None => {
                        self.error(
                            span,
                            "integer literal too large (loopscope integers are 64-bit)",
                        );
                        mk(ExprKind::Error, span)
                    }
                }
            }
            Tok::Float(v) => {
                self.bump();
                mk(ExprKind::Const(Constant::Float(v)), span)
            }
            Tok::Imaginary => {
                self.error(span, "unsupported: complex numbers");
                mk(ExprKind::Error, span)
            }
            Tok::Str(_) => self.strings(),
            Tok::Op("...") => {
                self.bump();
                mk(ExprKind::Const(Constant::Ellipsis), span)
            }
            Tok::Op("(") => self.paren(),
            Tok::Op("[") => self.list_display(),
            Tok::Op("{") => self.brace_display(),
            Tok::Op("*") => {
                self.error(span, "can't use starred expression here");
                mk(ExprKind::Error, span)
            }
            Tok::Newline | Tok::End | Tok::Dedent => {
                self.unexpected("invalid syntax");
                mk(ExprKind::Error, span)
            }
            _ => {
                self.unexpected("invalid syntax");
                mk(ExprKind::Error, span)
            }
        }
    }

    /// `()`, `(expr)`, `(a, b)`, `(x for x in y)`.
    fn paren(&mut self) -> Expr {
        let open = self.span();
        self.bump();
        if self.at_op(")") {
            let close = self.span();
            self.bump();
            return mk(ExprKind::Tuple(Vec::new()), open.to(close));
        }
        let first = self.star_or_expression();
        if self.at_kw("for") || self.at_kw("async") {
            self.check_comprehension_element(&first);
            let generators = self.comprehension_clauses();
            let close = self.span();
            self.expect_op(")");
            return mk(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                open.to(close),
            );
        }
        if self.at_op(",") {
            let mut elts = vec![first];
            while self.eat_op(",") && !self.at_op(")") {
                elts.push(self.star_or_expression());
                if self.panicking {
                    break;
                }
            }
            let close = self.span();
            self.expect_op(")");
            return mk(ExprKind::Tuple(elts), open.to(close));
        }
        if self.at_op(":=") {
            self.unexpected("invalid syntax");
        }
        self.expect_op(")");
        if let ExprKind::Starred(_) = first.kind {
            self.error(first.span, "can't use starred expression here");
        }
        first
    }

    fn check_comprehension_element(&mut self, e: &Expr) {
        if let ExprKind::Starred(_) = e.kind {
            self.error(e.span, "iterable unpacking cannot be used in comprehension");
        }
    }

    fn list_display(&mut self) -> Expr {
        let open = self.span();
        self.bump();
        let mut elts = Vec::new();
        if !self.at_op("]") {
            let first = self.star_or_expression();
            if self.at_kw("for") || self.at_kw("async") {
                self.check_comprehension_element(&first);
                let generators = self.comprehension_clauses();
                let close = self.span();
                self.expect_op("]");
                return mk(
                    ExprKind::ListComp {
                        elt: Box::new(first),
                        generators,
                    },
                    open.to(close),
                );
            }
            elts.push(first);
            while self.eat_op(",") && !self.at_op("]") && !self.panicking {
                elts.push(self.star_or_expression());
            }
        }
        let close = self.span();
        self.expect_op("]");
        mk(ExprKind::List(elts), open.to(close))
    }

    fn brace_display(&mut self) -> Expr {
        let open = self.span();
        self.bump();
        if self.at_op("}") {
            let close = self.span();
            self.bump();
            return mk(ExprKind::Dict(Vec::new()), open.to(close));
        }
        if self.at_op("**") {
            return self.dict_rest(open, None);
        }
        let first = self.star_or_expression();
        if self.at_op(":") {
            return self.dict_rest(open, Some(first));
        }
        if let ExprKind::Starred(_) = first.kind {
            self.error(first.span, "unsupported: star-expressions in this position");
        }
        if self.at_kw("for") || self.at_kw("async") {
            let generators = self.comprehension_clauses();
            let close = self.span();
            self.expect_op("}");
            return mk(
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
                open.to(close),
            );
        }
        let mut elts = vec![first];
        while self.eat_op(",") && !self.at_op("}") && !self.panicking {
            let e = self.star_or_expression();
            if let ExprKind::Starred(_) = e.kind {
                self.error(e.span, "unsupported: star-expressions in this position");
            }
            elts.push(e);
        }
        let close = self.span();
        self.expect_op("}");
        mk(ExprKind::Set(elts), open.to(close))
    }

    /// The rest of a dict display or comprehension; `first_key` was already parsed (None at `**`).
    fn dict_rest(&mut self, open: Span, first_key: Option<Expr>) -> Expr {
        let mut items = Vec::new();
        let mut first_key = Some(first_key);
        loop {
            let key = match first_key.take() {
                Some(k) => k,
                None if self.at_op("**") => None,
                None => Some(self.expression()),
            };
            match key {
                None => {
                    self.bump();
                    let value = self.binary(1);
                    items.push((None, value));
                }
                Some(key) => {
                    if let ExprKind::Starred(_) = key.kind {
                        self.error(
                            key.span,
                            "cannot use a starred expression in a dictionary value",
                        );
                    }
                    self.expect_op(":");
                    let value = self.expression();
                    if items.is_empty() && (self.at_kw("for") || self.at_kw("async")) {
                        let generators = self.comprehension_clauses();
                        let close = self.span();
                        self.expect_op("}");
                        return mk(
                            ExprKind::DictComp {
                                key: Box::new(key),
                                value: Box::new(value),
                                generators,
                            },
                            open.to(close),
                        );
                    }
                    items.push((Some(key), value));
                }
            }
            if self.panicking || !self.eat_op(",") || self.at_op("}") {
                break;
            }
        }
        let close = self.span();
        self.expect_op("}");
        mk(ExprKind::Dict(items), open.to(close))
    }
}

/// How CPython names an expression that cannot be a target.
fn describe(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::Const(Constant::None) => "None",
        ExprKind::Const(Constant::Bool(true)) => "True",
        ExprKind::Const(Constant::Bool(false)) => "False",
        ExprKind::Const(Constant::Ellipsis) => "ellipsis",
        ExprKind::Const(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Call { .. } => "function call",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Starred(_) => "starred",
        _ => "expression",
    }
}
