//! Recursive-descent parser for the Python subset: tokens to `ast::Module`, never failing, with diagnostics.

mod compound;
mod expr;
mod strings;
#[cfg(test)]
mod tests;

use super::ast::*;
use super::lexer::{self, Tok, Token};
use super::span::{LineIndex, Span};

/// A problem found in the source, with the byte range of the offending text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
}

/// The result of parsing: always a tree, plus every diagnostic (the first is the one to show).
#[derive(Clone, Debug)]
pub struct Parsed {
    pub module: Module,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a whole program. Never fails and never panics.
pub fn parse(source: &str) -> Parsed {
    let (tokens, lex_diags) = lexer::tokenize(source);
    let mut parser = Parser::new(source, tokens);
    let body = parser.module();
    // Lexer and parser errors are merged in source order, because the lexer runs ahead of the
    // parser; a stable sort keeps the lexer's message first when both point at the same place.
    let mut diagnostics = lex_diags;
    diagnostics.append(&mut parser.diags);
    crate::sort::sort_by_key(&mut diagnostics, |d| d.span.start);
    // Scope checks ('return' outside function…) come after, as CPython finds them only once the
    // whole file has parsed.
    crate::sort::sort_by_key(&mut parser.semantic, |d| d.span.start);
    diagnostics.append(&mut parser.semantic);
    Parsed {
        module: Module { body },
        diagnostics,
    }
}

/// Nesting deeper than this (brackets, unary operators, blocks…) is refused so that the
/// recursive descent cannot overflow the stack, even on a small WebAssembly stack.
const MAX_DEPTH: u32 = 200;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The kind of function whose body is being parsed, for the scope checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FuncKind {
    Module,
    Plain,
    Async,
    Lambda,
}

#[derive(Clone, Copy, Debug)]
struct Ctx {
    func: FuncKind,
    in_loop: bool,
}

/// Where an expression is used as a target, which decides the wording of errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TargetUse {
    Assign,
    Delete,
    Augmented,
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    /// Syntax errors, in the order found.
    diags: Vec<Diagnostic>,
    /// Scope errors, reported after the syntax errors.
    semantic: Vec<Diagnostic>,
    /// Set after a syntax error until the parser resynchronises at the next statement, so that
    /// one mistake gives one message.
    panicking: bool,
    depth: u32,
    ctx: Ctx,
    lines: Option<LineIndex>,
}

static END: Token = Token {
    kind: Tok::End,
    span: Span { start: 0, end: 0 },
};

impl<'a> Parser<'a> {
    fn new(src: &'a str, tokens: Vec<Token>) -> Parser<'a> {
        Parser {
            src,
            tokens,
            pos: 0,
            diags: Vec::new(),
            semantic: Vec::new(),
            panicking: false,
            depth: 0,
            ctx: Ctx {
                func: FuncKind::Module,
                in_loop: false,
            },
            lines: None,
        }
    }

    // ----- Token access -----

    fn token(&self) -> &Token {
        self.tokens
            .get(self.pos)
            .or(self.tokens.last())
            .unwrap_or(&END)
    }

    fn nth(&self, n: usize) -> &Tok {
        &self
            .tokens
            .get(self.pos + n)
            .or(self.tokens.last())
            .unwrap_or(&END)
            .kind
    }

    fn peek(&self) -> &Tok {
        &self.token().kind
    }

    fn span(&self) -> Span {
        self.token().span
    }

    /// The end of the last consumed token that has text (not a NEWLINE, INDENT or DEDENT).
    fn prev_end(&self) -> u32 {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            match self.tokens.get(i) {
                Some(t) if matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent) => continue,
                Some(t) => return t.span.end,
                None => break,
            }
        }
        self.span().start
    }

    fn bump(&mut self) {
        if self.pos < self.tokens.len().saturating_sub(1) {
            self.pos += 1;
        }
    }

    fn text(&self, span: Span) -> &'a str {
        self.src
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek(), Tok::Op(o) if *o == op)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        let found = self.at_op(op);
        if found {
            self.bump();
        }
        found
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Name) && self.text(self.span()) == kw
    }

    fn nth_is_kw(&self, n: usize, kw: &str) -> bool {
        let Some(t) = self.tokens.get(self.pos + n) else {
            return false;
        };
        t.kind == Tok::Name && self.text(t.span) == kw
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        let found = self.at_kw(kw);
        if found {
            self.bump();
        }
        found
    }

    /// True at an identifier that is not a keyword.
    fn at_name(&self) -> bool {
        matches!(self.peek(), Tok::Name) && !KEYWORDS.contains(&self.text(self.span()))
    }

    fn expect_op(&mut self, op: &str) -> bool {
        if self.eat_op(op) {
            return true;
        }
        self.unexpected(&format!("expected '{op}'"));
        false
    }

    fn expect_name(&mut self) -> Ident {
        let span = self.span();
        if self.at_name() {
            self.bump();
            return Ident {
                id: self.text(span).to_string(),
                span,
            };
        }
        self.unexpected("invalid syntax");
        Ident {
            id: String::new(),
            span,
        }
    }

    // ----- Diagnostics -----

    fn error(&mut self, span: Span, message: impl Into<String>) {
        if !self.panicking {
            self.diags.push(Diagnostic {
                span,
                message: message.into(),
            });
        }
        self.panicking = true;
    }

    /// Reports the current token as unexpected, with a better message for tokens that have one.
    fn unexpected(&mut self, message: &str) {
        let span = self.span();
        match self.peek() {
            // The lexer has already explained this token.
            Tok::Error => self.panicking = true,
            Tok::Op(":=") => self.error(span, "unsupported: assignment expressions (:=)"),
            Tok::Indent => self.error(span, "unexpected indent"),
            Tok::Name if self.text(span) == "yield" => {
                self.error(span, "unsupported: 'yield' (generators)")
            }
            _ => self.error(span, message),
        }
    }

    fn semantic(&mut self, span: Span, message: impl Into<String>) {
        self.semantic.push(Diagnostic {
            span,
            message: message.into(),
        });
    }

    fn line_of(&mut self, offset: u32) -> u32 {
        let src = self.src;
        self.lines
            .get_or_insert_with(|| LineIndex::new(src))
            .line(offset)
    }

    /// Enters one level of nesting; false (after a diagnostic) when that is too deep.
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            let span = self.span();
            self.error(span, "too deeply nested");
            return false;
        }
        self.depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    // ----- Statements -----

    fn module(&mut self) -> Vec<Stmt> {
        let mut body = Vec::new();
        while !matches!(self.peek(), Tok::End) {
            if matches!(self.peek(), Tok::Dedent) {
                // Only possible after a bad dedent; there is nothing to close at module level.
                self.bump();
                continue;
            }
            self.statement_into(&mut body);
        }
        body
    }

    /// Parses one line's statement(s) into `out`, recovering from errors.
    fn statement_into(&mut self, out: &mut Vec<Stmt>) {
        let start_pos = self.pos;
        let start_len = out.len();
        let start = self.span().start;
        if matches!(self.peek(), Tok::Indent) {
            self.unexpected("unexpected indent");
        } else {
            self.statement(out);
        }
        if self.panicking {
            self.recover();
            // The clauses of a broken compound statement (`else:`, `except:`…) belong to it.
            if self.starts_compound(start_pos) {
                while ["elif", "else", "except", "finally"]
                    .iter()
                    .any(|kw| self.at_kw(kw))
                {
                    self.recover();
                }
            }
            let end = self.prev_end().max(start);
            out.truncate(start_len);
            out.push(Stmt {
                kind: StmtKind::Error,
                span: Span::new(start, end),
            });
            self.panicking = false;
        }
        if self.pos == start_pos && !matches!(self.peek(), Tok::End | Tok::Dedent) {
            self.bump();
        }
    }

    /// True when the token at `index` begins a compound statement.
    fn starts_compound(&self, index: usize) -> bool {
        let Some(t) = self.tokens.get(index) else {
            return false;
        };
        let text = self.text(t.span);
        t.kind == Tok::Op("@")
            || (t.kind == Tok::Name
                && [
                    "if", "while", "for", "try", "with", "def", "async", "class", "match",
                ]
                .contains(&text))
    }

    /// Skips to the next line at the same or a lower indentation.
    fn recover(&mut self) {
        while !matches!(self.peek(), Tok::Newline | Tok::End | Tok::Dedent) {
            if matches!(self.peek(), Tok::Indent) {
                break;
            }
            self.bump();
        }
        if matches!(self.peek(), Tok::Newline) {
            self.bump();
        }
        if matches!(self.peek(), Tok::Indent) {
            let mut level = 0usize;
            loop {
                match self.peek() {
                    Tok::Indent => level += 1,
                    Tok::Dedent => {
                        level = level.saturating_sub(1);
                        if level == 0 {
                            self.bump();
                            break;
                        }
                    }
                    Tok::End => break,
                    _ => {}
                }
                self.bump();
            }
        }
    }

    fn statement(&mut self, out: &mut Vec<Stmt>) {
        let start = self.span();
        if let Tok::Name = self.peek() {
            match self.text(start) {
                "if" => return out.push(self.if_stmt("if")),
                "while" => return out.push(self.while_stmt()),
                "for" => return out.push(self.for_stmt()),
                "try" => return out.push(self.try_stmt()),
                "with" => return out.push(self.with_stmt(start, false)),
                "def" => return out.push(self.def_stmt(start, false)),
                "class" => return self.unsupported_block(start, "unsupported: class definitions"),
                "async" => {
                    self.bump();
                    if self.at_kw("def") {
                        return out.push(self.def_stmt(start, true));
                    }
                    if self.at_kw("with") {
                        if self.ctx.func != FuncKind::Async {
                            self.semantic(
                                start.to(self.span()),
                                "'async with' outside async function",
                            );
                        }
                        return out.push(self.with_stmt(start, true));
                    }
                    if self.at_kw("for") {
                        let span = start.to(self.span());
                        return self.unsupported_block(span, "unsupported: 'async for'");
                    }
                    return self.unexpected("invalid syntax");
                }
                "match" if self.is_match_statement() => {
                    return self.unsupported_block(start, "unsupported: 'match' statements");
                }
                _ => {}
            }
        }
        if self.at_op("@") {
            return self.unsupported_block(start, "unsupported: decorators");
        }
        self.simple_statements(out);
    }

    fn unsupported_block(&mut self, span: Span, message: &str) {
        self.error(span, message);
    }

    /// `match` is a soft keyword: it starts a match statement only on a line that ends with a
    /// colon and contains no assignment, like `match command:`.
    fn is_match_statement(&self) -> bool {
        if matches!(self.nth(1), Tok::Newline | Tok::End) {
            return false;
        }
        if let Tok::Op(op) = self.nth(1) {
            if !matches!(*op, "(" | "[" | "{" | "-" | "~" | "*") {
                return false;
            }
        }
        let mut depth = 0i32;
        let mut last_colon = false;
        for t in self.tokens.iter().skip(self.pos + 1) {
            match &t.kind {
                Tok::Newline | Tok::End => return last_colon,
                Tok::Op("(" | "[" | "{") => depth += 1,
                Tok::Op(")" | "]" | "}") => depth -= 1,
                Tok::Op("=") if depth == 0 => return false,
                _ => {}
            }
            last_colon = depth == 0 && t.kind == Tok::Op(":");
        }
        false
    }

    /// `small (; small)* [;] NEWLINE`
    fn simple_statements(&mut self, out: &mut Vec<Stmt>) {
        loop {
            let stmt = self.simple_statement();
            out.push(stmt);
            if self.panicking {
                return;
            }
            if !self.eat_op(";") {
                break;
            }
            if matches!(self.peek(), Tok::Newline | Tok::End) {
                break;
            }
        }
        match self.peek() {
            Tok::Newline => self.bump(),
            Tok::End => {}
            _ => self.unexpected("invalid syntax"),
        }
    }

    fn simple_statement(&mut self) -> Stmt {
        let start = self.span();
        let kind = self.simple_statement_kind(start);
        let end = self.prev_end().max(start.start);
        Stmt {
            kind,
            span: Span::new(start.start, end),
        }
    }

    fn simple_statement_kind(&mut self, start: Span) -> StmtKind {
        if matches!(self.peek(), Tok::Name) {
            match self.text(start) {
                "pass" => {
                    self.bump();
                    return StmtKind::Pass;
                }
                "break" => {
                    self.bump();
                    if !self.ctx.in_loop {
                        self.semantic(start, "'break' outside loop");
                    }
                    return StmtKind::Break;
                }
                "continue" => {
                    self.bump();
                    if !self.ctx.in_loop {
                        self.semantic(start, "'continue' not properly in loop");
                    }
                    return StmtKind::Continue;
                }
                "return" => {
                    self.bump();
                    if !matches!(self.ctx.func, FuncKind::Plain | FuncKind::Async) {
                        self.semantic(start, "'return' outside function");
                    }
                    let value = if self.at_expr_start() {
                        Some(self.star_expressions())
                    } else {
                        None
                    };
                    return StmtKind::Return(value);
                }
                "global" | "nonlocal" => {
                    let is_global = self.text(start) == "global";
                    self.bump();
                    let mut names = vec![self.expect_name()];
                    while self.eat_op(",") {
                        names.push(self.expect_name());
                    }
                    if is_global {
                        return StmtKind::Global(names);
                    }
                    if self.ctx.func == FuncKind::Module {
                        self.semantic(start, "'nonlocal' declaration not allowed at module level");
                    }
                    return StmtKind::Nonlocal(names);
                }
                "raise" => {
                    self.bump();
                    let mut exc = None;
                    let mut cause = None;
                    if self.at_expr_start() {
                        exc = Some(self.expression());
                        if self.eat_kw("from") {
                            cause = Some(self.expression());
                        }
                    }
                    return StmtKind::Raise { exc, cause };
                }
                "assert" => {
                    self.bump();
                    let test = self.expression();
                    let msg = if self.eat_op(",") {
                        Some(self.expression())
                    } else {
                        None
                    };
                    return StmtKind::Assert { test, msg };
                }
                "del" => {
                    self.bump();
                    let mut targets = Vec::new();
                    loop {
                        let target = self.target_element();
                        self.check_target(&target, TargetUse::Delete);
                        targets.push(target);
                        if !self.eat_op(",") || !self.at_expr_start() {
                            break;
                        }
                    }
                    return StmtKind::Delete(targets);
                }
                "import" => return self.import_stmt(),
                "from" => return self.import_from_stmt(),
                _ => {}
            }
        }
        self.expression_statement()
    }

    fn expression_statement(&mut self) -> StmtKind {
        let first = self.star_expressions();
        if self.at_op("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.bump();
                value = self.star_expressions();
                if !self.at_op("=") {
                    break;
                }
                targets.push(value);
            }
            for t in &targets {
                self.check_target(t, TargetUse::Assign);
            }
            return StmtKind::Assign { targets, value };
        }
        if let Tok::Op(op) = self.peek() {
            if let Some(op) = aug_op(op) {
                self.check_target(&first, TargetUse::Augmented);
                self.bump();
                let value = self.star_expressions();
                return StmtKind::AugAssign {
                    target: first,
                    op,
                    value,
                };
            }
        }
        if self.at_op(":") {
            // An annotated assignment: the annotation is parsed and dropped.
            if !matches!(
                first.kind,
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let message = if matches!(first.kind, ExprKind::Tuple(_)) {
                    "only single target (not tuple) can be annotated"
                } else {
                    "illegal target for annotation"
                };
                self.error(first.span, message);
                return StmtKind::Error;
            }
            self.bump();
            self.expression();
            if self.eat_op("=") {
                let value = self.star_expressions();
                return StmtKind::Assign {
                    targets: vec![first],
                    value,
                };
            }
            return StmtKind::Pass;
        }
        StmtKind::Expr(first)
    }

    fn import_stmt(&mut self) -> StmtKind {
        self.bump();
        let mut names = Vec::new();
        loop {
            let name = self.dotted_name();
            let asname = if self.eat_kw("as") {
                Some(self.expect_name())
            } else {
                None
            };
            names.push(Alias { name, asname });
            if !self.eat_op(",") {
                break;
            }
        }
        StmtKind::Import(names)
    }

    fn import_from_stmt(&mut self) -> StmtKind {
        self.bump();
        if self.at_op(".") || self.at_op("...") {
            let span = self.span();
            self.error(span, "unsupported: relative imports");
            return StmtKind::Error;
        }
        let module = self.dotted_name();
        if !self.eat_kw("import") {
            self.unexpected("invalid syntax");
            return StmtKind::Error;
        }
        if self.at_op("*") {
            let span = self.span();
            self.error(span, "unsupported: 'import *'");
            return StmtKind::Error;
        }
        let parens = self.eat_op("(");
        let mut names = Vec::new();
        loop {
            let name = self.expect_name();
            let asname = if self.eat_kw("as") {
                Some(self.expect_name())
            } else {
                None
            };
            names.push(Alias { name, asname });
            if !self.eat_op(",") {
                break;
            }
            if parens && self.at_op(")") {
                break;
            }
            if !parens && !self.at_name() {
                let span = self.span();
                self.error(
                    span,
                    "trailing comma not allowed without surrounding parentheses",
                );
                break;
            }
        }
        if parens {
            self.expect_op(")");
        }
        StmtKind::ImportFrom { module, names }
    }

    fn dotted_name(&mut self) -> Ident {
        let first = self.expect_name();
        let mut id = first.id;
        let mut span = first.span;
        while self.eat_op(".") {
            let part = self.expect_name();
            id.push('.');
            id.push_str(&part.id);
            span = span.to(part.span);
        }
        Ident { id, span }
    }
}

fn aug_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mult,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "@=" => BinOp::MatMult,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        _ => return None,
    })
}
