//! Compound statements (`if`, `while`, `for`, `try`, `with`, `def`), their blocks and parameters.

use super::{Ctx, Diagnostic, FuncKind, Parser, TargetUse};
use crate::syntax::ast::*;
use crate::syntax::lexer::Tok;
use crate::syntax::span::Span;

impl Parser<'_> {
    /// `: NEWLINE INDENT stmts DEDENT` or `: simple statements` on the same line.
    pub(super) fn block(&mut self, what: &str, header: Span) -> Vec<Stmt> {
        if !self.eat_op(":") {
            self.unexpected("expected ':'");
            return Vec::new();
        }
        let mut body = Vec::new();
        if !matches!(self.peek(), Tok::Newline) {
            if matches!(self.peek(), Tok::End) {
                let line = self.line_of(header.start);
                let span = self.span();
                self.error(
                    span,
                    format!("expected an indented block after {what} on line {line}"),
                );
                return body;
            }
            self.simple_statements(&mut body);
            return body;
        }
        self.bump();
        if !matches!(self.peek(), Tok::Indent) {
            let line = self.line_of(header.start);
            let span = self.span();
            // Reported without entering recovery: the next line is a statement of its own.
            if !self.panicking {
                self.diags.push(Diagnostic {
                    span,
                    message: format!("expected an indented block after {what} on line {line}"),
                });
            }
            return body;
        }
        if !self.enter() {
            return body;
        }
        self.bump();
        while !matches!(self.peek(), Tok::Dedent | Tok::End) {
            self.statement_into(&mut body);
        }
        if matches!(self.peek(), Tok::Dedent) {
            self.bump();
        }
        self.leave();
        body
    }

    fn stmt_from(&self, start: Span, kind: StmtKind) -> Stmt {
        let end = self.prev_end().max(start.end);
        Stmt {
            kind,
            span: Span::new(start.start, end),
        }
    }

    /// `if` and `elif` (an `elif` is an `If` alone in the `orelse` of the one before).
    pub(super) fn if_stmt(&mut self, what: &str) -> Stmt {
        let start = self.span();
        self.bump();
        let test = self.named_expression();
        let body = self.block(&format!("'{what}' statement"), start);
        let mut orelse = Vec::new();
        if !self.panicking {
            if self.at_kw("elif") {
                orelse.push(self.if_stmt("elif"));
            } else if self.at_kw("else") {
                let else_span = self.span();
                self.bump();
                orelse = self.block("'else' statement", else_span);
            }
        }
        self.stmt_from(start, StmtKind::If { test, body, orelse })
    }

    fn else_block(&mut self) -> Vec<Stmt> {
        if !self.panicking && self.at_kw("else") {
            let span = self.span();
            self.bump();
            return self.block("'else' statement", span);
        }
        Vec::new()
    }

    fn loop_body(&mut self, what: &str, header: Span) -> Vec<Stmt> {
        let saved = self.ctx;
        self.ctx.in_loop = true;
        let body = self.block(what, header);
        self.ctx = saved;
        body
    }

    pub(super) fn while_stmt(&mut self) -> Stmt {
        let start = self.span();
        self.bump();
        let test = self.named_expression();
        let body = self.loop_body("'while' statement", start);
        let orelse = self.else_block();
        self.stmt_from(start, StmtKind::While { test, body, orelse })
    }

    pub(super) fn for_stmt(&mut self) -> Stmt {
        let start = self.span();
        self.bump();
        let target = self.target_list();
        if !self.eat_kw("in") {
            self.unexpected("invalid syntax");
        }
        let iter = self.star_expressions();
        let body = self.loop_body("'for' statement", start);
        let orelse = self.else_block();
        self.stmt_from(
            start,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
        )
    }

    pub(super) fn try_stmt(&mut self) -> Stmt {
        let start = self.span();
        self.bump();
        let body = self.block("'try' statement", start);
        let mut handlers = Vec::new();
        let mut orelse = Vec::new();
        let mut finalbody = Vec::new();
        while !self.panicking && self.at_kw("except") {
            let hstart = self.span();
            if handlers
                .last()
                .is_some_and(|h: &ExceptHandler| h.typ.is_none())
            {
                self.error(hstart, "default 'except:' must be last");
            }
            self.bump();
            if self.at_op("*") {
                let span = hstart.to(self.span());
                self.error(span, "unsupported: 'except*'");
                break;
            }
            let mut typ = None;
            let mut name = None;
            if !self.at_op(":") {
                let t = self.expression();
                if self.at_op(",") {
                    let span = t.span.to(self.span());
                    self.error(span, "multiple exception types must be parenthesized");
                }
                typ = Some(t);
                if self.eat_kw("as") {
                    name = Some(self.expect_name());
                }
            }
            let hbody = self.block("'except' statement", hstart);
            let end = self.prev_end().max(hstart.end);
            handlers.push(ExceptHandler {
                typ,
                name,
                body: hbody,
                span: Span::new(hstart.start, end),
            });
        }
        if !handlers.is_empty() {
            orelse = self.else_block();
        }
        if !self.panicking && self.at_kw("finally") {
            let fspan = self.span();
            self.bump();
            finalbody = self.block("'finally' statement", fspan);
        } else if handlers.is_empty() && !self.panicking {
            self.unexpected("expected 'except' or 'finally' block");
        }
        self.stmt_from(
            start,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
        )
    }

    pub(super) fn with_stmt(&mut self, start: Span, is_async: bool) -> Stmt {
        let header = self.span();
        self.bump();
        let items = self.with_items();
        let body = self.block("'with' statement", header);
        self.stmt_from(
            start,
            StmtKind::With {
                items,
                body,
                is_async,
            },
        )
    }

    fn with_items(&mut self) -> Vec<WithItem> {
        if self.at_op("(") {
            // `with (a as b, c):` is a parenthesised list of items; `with (a).b:` is not. Try the
            // first reading and fall back to the second when it does not end in `):`.
            let saved = (
                self.pos,
                self.diags.len(),
                self.semantic.len(),
                self.panicking,
            );
            self.bump();
            let mut items = Vec::new();
            while !self.at_op(")") && !self.panicking {
                items.push(self.with_item());
                if !self.eat_op(",") {
                    break;
                }
            }
            if !self.panicking && !items.is_empty() && self.eat_op(")") && self.at_op(":") {
                return items;
            }
            self.pos = saved.0;
            self.diags.truncate(saved.1);
            self.semantic.truncate(saved.2);
            self.panicking = saved.3;
        }
        let mut items = vec![self.with_item()];
        while self.eat_op(",") {
            items.push(self.with_item());
        }
        items
    }

    fn with_item(&mut self) -> WithItem {
        let context = self.expression();
        let target = if self.eat_kw("as") {
            let t = self.target_element();
            self.check_target(&t, TargetUse::Assign);
            Some(t)
        } else {
            None
        };
        WithItem { context, target }
    }

    pub(super) fn def_stmt(&mut self, start: Span, is_async: bool) -> Stmt {
        let header = self.span();
        self.bump();
        let name = self.expect_name();
        if self.panicking {
            return self.stmt_from(start, StmtKind::Error);
        }
        let mut params = Params::default();
        if self.expect_op("(") {
            params = self.params(")", true);
            self.expect_op(")");
        }
        if !self.panicking && self.eat_op("->") {
            self.expression();
        }
        let saved = self.ctx;
        self.ctx = Ctx {
            func: if is_async {
                FuncKind::Async
            } else {
                FuncKind::Plain
            },
            in_loop: false,
        };
        let body = if self.panicking {
            Vec::new()
        } else {
            self.block("function definition", header)
        };
        self.ctx = saved;
        self.stmt_from(
            start,
            StmtKind::FunctionDef(FunctionDef {
                name,
                params,
                body,
                is_async,
            }),
        )
    }

    /// Parameters up to (not including) `close`; annotations are allowed only in `def`.
    pub(super) fn params(&mut self, close: &str, annotations: bool) -> Params {
        let mut params = Params::default();
        let mut seen_default = false;
        let mut after_star = false;
        let mut seen: Vec<String> = Vec::new();
        while !self.at_op(close) && !self.panicking {
            let span = self.span();
            if self.eat_op("/") {
                self.error(span, "unsupported: positional-only parameters");
                break;
            }
            if self.eat_op("**") {
                let name = self.param_name(annotations, &mut seen);
                params.kwarg = Some(name);
                self.eat_op(",");
                if !self.at_op(close) && !self.panicking {
                    self.unexpected("arguments cannot follow var-keyword argument");
                }
                break;
            }
            if self.eat_op("*") {
                if after_star {
                    self.error(span, "* argument may appear only once");
                    break;
                }
                after_star = true;
                if self.at_op(",") {
                    if matches!(self.nth(1), Tok::Op(op) if *op == close || *op == "**") {
                        self.error(span, "named arguments must follow bare *");
                        break;
                    }
                } else if self.at_op(close) {
                    self.error(span, "named arguments must follow bare *");
                    break;
                } else {
                    params.vararg = Some(self.param_name(annotations, &mut seen));
                }
            } else {
                let name = self.param_name(annotations, &mut seen);
                let default = if self.eat_op("=") {
                    Some(self.expression())
                } else {
                    None
                };
                if after_star {
                    params.kwonly.push(Param { name, default });
                } else {
                    if default.is_some() {
                        seen_default = true;
                    } else if seen_default && !self.panicking {
                        self.error(name.span, "non-default argument follows default argument");
                    }
                    params.args.push(Param { name, default });
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        params
    }

    fn param_name(&mut self, annotations: bool, seen: &mut Vec<String>) -> Ident {
        let name = self.expect_name();
        if annotations && self.eat_op(":") {
            self.expression();
        }
        if !name.id.is_empty() {
            if seen.contains(&name.id) {
                self.semantic(
                    name.span,
                    format!("duplicate argument '{}' in function definition", name.id),
                );
            } else {
                seen.push(name.id.clone());
            }
        }
        name
    }
}
