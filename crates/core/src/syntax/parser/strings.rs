//! String literals: escape decoding, implicit concatenation and f-strings (Python 3.11 rules).

use super::Parser;
use crate::syntax::ast::*;
use crate::syntax::lexer::{self, StrTok, Tok};
use crate::syntax::span::Span;

/// Python 3.11 allows format specs nested two levels deep (`{x:{w}}`); deeper is an error.
const MAX_SPEC_NESTING: u32 = 2;

fn span(start: usize, end: usize) -> Span {
    Span::new(start as u32, end as u32)
}

/// Appends literal text, merging it with a literal part already at the end.
fn push_literal(parts: &mut Vec<FStringPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(FStringPart::Literal(text.to_string()));
    }
}

impl Parser<'_> {
    /// One or more adjacent string literals, concatenated.
    pub(super) fn strings(&mut self) -> Expr {
        let start = self.span();
        let mut end = start;
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut is_fstring = false;
        while let Tok::Str(st) = self.peek().clone() {
            let tok_span = self.span();
            end = tok_span;
            self.bump();
            if st.bytes {
                self.error(tok_span, "unsupported: bytes literals");
                continue;
            }
            if st.fmt {
                is_fstring = true;
                let (field_parts, _) = self.fstring_parts(
                    st.body.start as usize,
                    st.body.end as usize,
                    st.raw,
                    false,
                    0,
                );
                for part in field_parts {
                    match part {
                        FStringPart::Literal(text) => push_literal(&mut parts, &text),
                        field => parts.push(field),
                    }
                }
            } else {
                let text = self.decode(st, st.body.start as usize, st.body.end as usize);
                push_literal(&mut parts, &text);
            }
        }
        let span = start.to(end);
        if is_fstring {
            return Expr {
                kind: ExprKind::FString(parts),
                span,
            };
        }
        let text = match parts.pop() {
            Some(FStringPart::Literal(text)) => text,
            _ => String::new(),
        };
        Expr {
            kind: ExprKind::Const(Constant::Str(text)),
            span,
        }
    }

    /// Decodes the source text `start..end` of a literal: escapes (unless raw) and newlines.
    fn decode(&mut self, st: StrTok, start: usize, end: usize) -> String {
        let text = self.src.get(start..end).unwrap_or("");
        let mut out = String::with_capacity(text.len());
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                // Source newlines inside triple-quoted strings are always `\n`, as Python reads
                // source files with universal newlines.
                '\r' => {
                    if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                        chars.next();
                    }
                    out.push('\n');
                }
                '\\' if st.raw => {
                    out.push('\\');
                    // In a raw string a backslash still keeps the next quote from ending it.
                    if let Some(&(_, n)) = chars.peek() {
                        if n == '\r' {
                            continue;
                        }
                        out.push(n);
                        chars.next();
                    }
                }
                '\\' => {
                    let Some((_, e)) = chars.next() else {
                        out.push('\\');
                        break;
                    };
                    let here = start + i;
                    match e {
                        '\n' => {}
                        '\r' => {
                            if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                                chars.next();
                            }
                        }
                        '\\' => out.push('\\'),
                        '\'' => out.push('\''),
                        '"' => out.push('"'),
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'a' => out.push('\x07'),
                        'b' => out.push('\x08'),
                        'f' => out.push('\x0c'),
                        'v' => out.push('\x0b'),
                        '0'..='7' => {
                            let mut value = e.to_digit(8).unwrap_or(0);
                            for _ in 0..2 {
                                match chars.peek().and_then(|&(_, d)| d.to_digit(8)) {
                                    Some(d) => {
                                        value = value * 8 + d;
                                        chars.next();
                                    }
                                    None => break,
                                }
                            }
                            out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
                        }
                        'x' | 'u' | 'U' => {
                            let len = match e {
                                'x' => 2,
                                'u' => 4,
                                _ => 8,
                            };
                            let mut value: u32 = 0;
                            let mut got = 0;
                            while got < len {
                                match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                                    Some(d) => {
                                        value = value * 16 + d;
                                        chars.next();
                                        got += 1;
                                    }
                                    None => break,
                                }
                            }
                            let end_at = chars.peek().map_or(end, |&(j, _)| start + j);
                            match char::from_u32(value) {
                                Some(ch) if got == len => out.push(ch),
                                _ if got < len => {
                                    let what = match e {
                                        'x' => "\\xXX",
                                        'u' => "\\uXXXX",
                                        _ => "\\UXXXXXXXX",
                                    };
                                    self.error(
                                        span(here, end_at),
                                        format!("(unicode error) truncated {what} escape"),
                                    );
                                }
                                // Python strings may hold lone surrogates; Rust strings cannot.
                                _ if (0xD800..0xE000).contains(&value) => self.error(
                                    span(here, end_at),
                                    "unsupported: surrogate characters in strings",
                                ),
                                _ => self.error(
                                    span(here, end_at),
                                    "(unicode error) illegal Unicode character",
                                ),
                            }
                        }
                        'N' => {
                            let mut end_at = end;
                            for (j, d) in chars.by_ref() {
                                if d == '}' {
                                    end_at = start + j + 1;
                                    break;
                                }
                            }
                            self.error(span(here, end_at), "unsupported: '\\N{...}' escapes");
                        }
                        other => {
                            // Python keeps unknown escapes such as `\d` as they are.
                            out.push('\\');
                            out.push(other);
                        }
                    }
                }
                c => out.push(c),
            }
        }
        out
    }

    /// Parses f-string text `i..end` into parts. In a format spec (`in_spec`) it stops at the
    /// `}` that closes the field and returns its position.
    fn fstring_parts(
        &mut self,
        mut i: usize,
        end: usize,
        raw: bool,
        in_spec: bool,
        nest: u32,
    ) -> (Vec<FStringPart>, usize) {
        let bytes = self.src.as_bytes();
        let byte = |k: usize| {
            if k < end {
                bytes.get(k).copied().unwrap_or(0)
            } else {
                0
            }
        };
        let st = StrTok {
            raw,
            fmt: true,
            bytes: false,
            body: span(i, end),
        };
        let mut parts = Vec::new();
        let mut lit_start = i;
        while i < end {
            match byte(i) {
                b'{' => {
                    let text = self.decode(st, lit_start, i);
                    push_literal(&mut parts, &text);
                    if byte(i + 1) == b'{' && !in_spec {
                        push_literal(&mut parts, "{");
                        i += 2;
                    } else {
                        let (field, next) = self.fstring_field(i, end, raw, nest);
                        parts.push(field);
                        i = next;
                    }
                    lit_start = i;
                }
                b'}' => {
                    if in_spec {
                        break;
                    }
                    let text = self.decode(st, lit_start, i);
                    push_literal(&mut parts, &text);
                    if byte(i + 1) == b'}' {
                        push_literal(&mut parts, "}");
                        i += 2;
                    } else {
                        self.error(span(i, i + 1), "f-string: single '}' is not allowed");
                        i += 1;
                    }
                    lit_start = i;
                }
                b'\\' if !raw => {
                    if byte(i + 1) == b'N' && byte(i + 2) == b'{' {
                        // A named escape's braces are not a field; skip to its closing brace.
                        i += 3;
                        while i < end && byte(i) != b'}' {
                            i += 1;
                        }
                        i += 1;
                    } else if matches!(byte(i + 1), b'{' | b'}') {
                        i += 1;
                    } else {
                        i += 2;
                    }
                }
                _ => i += 1,
            }
        }
        let i = i.min(end);
        let text = self.decode(st, lit_start.min(i), i);
        push_literal(&mut parts, &text);
        (parts, i)
    }

    /// Parses one `{expr[=][!c][:spec]}` field starting at the `{` at `open`; returns the field and
    /// the position after its `}`.
    fn fstring_field(
        &mut self,
        open: usize,
        end: usize,
        raw: bool,
        nest: u32,
    ) -> (FStringPart, usize) {
        let bytes = self.src.as_bytes();
        let byte = |k: usize| {
            if k < end {
                bytes.get(k).copied().unwrap_or(0)
            } else {
                0
            }
        };
        let error_part = |at: usize| Expr {
            kind: ExprKind::Error,
            span: span(at, at + 1),
        };
        let field = |expr: Expr| FStringPart::Field {
            expr: Box::new(expr),
            conversion: None,
            spec: None,
            debug_text: None,
        };
        if nest > MAX_SPEC_NESTING {
            self.error(
                span(open, open + 1),
                "f-string: expressions nested too deeply",
            );
            return (field(error_part(open)), end);
        }
        let expr_start = open + 1;
        let mut j = expr_start;
        let mut depth = 0u32;
        // Find where the expression ends, skipping brackets and nested string literals.
        while j < end {
            let b = byte(j);
            match b {
                b'\'' | b'"' => {
                    let triple = byte(j + 1) == b && byte(j + 2) == b;
                    let q = if triple { 3 } else { 1 };
                    j += q;
                    while j < end {
                        if byte(j) == b && (!triple || (byte(j + 1) == b && byte(j + 2) == b)) {
                            break;
                        }
                        j += 1;
                    }
                    j += q;
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' if depth > 0 => depth -= 1,
                b'}' => break,
                b'\\' => {
                    self.error(
                        span(j, j + 1),
                        "f-string expression part cannot include a backslash",
                    );
                    return (field(error_part(j)), self.skip_field(j, end));
                }
                b'#' => {
                    self.error(
                        span(j, j + 1),
                        "f-string expression part cannot include '#'",
                    );
                    return (field(error_part(j)), self.skip_field(j, end));
                }
                b'!' if depth == 0 && byte(j + 1) != b'=' => break,
                b'!' if depth == 0 => j += 1,
                b':' if depth == 0 => break,
                b'=' if depth == 0 => {
                    if byte(j + 1) == b'=' {
                        j += 1;
                    } else if j > expr_start && matches!(byte(j - 1), b'=' | b'!' | b'<' | b'>') {
                        // Part of `<=`, `>=`, `!=` or `==`, which are comparisons.
                    } else {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= end {
            self.error(span(open, open + 1), "f-string: expecting '}'");
            return (field(error_part(open)), end);
        }
        let expr_end = j;
        let expr = if self
            .src
            .get(expr_start..expr_end)
            .is_some_and(|t| t.trim().is_empty())
        {
            self.error(span(open, j + 1), "f-string: empty expression not allowed");
            error_part(open)
        } else {
            self.sub_expression(expr_start, expr_end)
        };
        let mut debug_text = None;
        if byte(j) == b'=' {
            j += 1;
            while matches!(byte(j), b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
            debug_text = Some(self.src.get(expr_start..j).unwrap_or("").to_string());
        }
        let mut conversion = None;
        if byte(j) == b'!' {
            let c = byte(j + 1);
            if matches!(c, b'r' | b's' | b'a') && matches!(byte(j + 2), b':' | b'}') {
                conversion = Some(c as char);
                j += 2;
            } else {
                self.error(
                    span(j, j + 2),
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                );
                return (field(expr), self.skip_field(j, end));
            }
        }
        let mut spec = None;
        if byte(j) == b':' {
            let (parts, next) = self.fstring_parts(j + 1, end, raw, true, nest + 1);
            spec = Some(parts);
            j = next;
        }
        if byte(j) != b'}' {
            self.error(span(open, open + 1), "f-string: expecting '}'");
            return (field(expr), end);
        }
        if debug_text.is_some() && conversion.is_none() && spec.is_none() {
            // `{x=}` shows the repr unless a conversion or format spec says otherwise.
            conversion = Some('r');
        }
        (
            FStringPart::Field {
                expr: Box::new(expr),
                conversion,
                spec,
                debug_text,
            },
            j + 1,
        )
    }

    /// After an error inside a field, skips to just past its closing `}` (or to the end).
    fn skip_field(&self, mut j: usize, end: usize) -> usize {
        let bytes = self.src.as_bytes();
        while j < end && bytes.get(j) != Some(&b'}') {
            j += 1;
        }
        (j + 1).min(end)
    }

    /// Parses `src[start..end]` (an f-string field) with this parser, so that scope checks apply
    /// and spans are offsets into the whole source.
    fn sub_expression(&mut self, start: usize, end: usize) -> Expr {
        let (tokens, mut diags) = lexer::tokenize_range(self.src, start, end);
        if let Some(first) = diags.first() {
            let d = first.clone();
            diags.clear();
            self.error(d.span, d.message);
            return Expr {
                kind: ExprKind::Error,
                span: span(start, end),
            };
        }
        let saved_tokens = std::mem::replace(&mut self.tokens, tokens);
        let saved_pos = std::mem::replace(&mut self.pos, 0);
        let first_new = self.diags.len();
        let expr = self.star_expressions();
        if !matches!(self.peek(), Tok::End) && !self.panicking {
            let at = self.span();
            self.error(at, "f-string: invalid syntax");
        }
        // Say that the bad syntax is inside an f-string, as CPython does.
        for d in self.diags.iter_mut().skip(first_new) {
            if d.message == "invalid syntax" {
                d.message = "f-string: invalid syntax".to_string();
            }
        }
        self.tokens = saved_tokens;
        self.pos = saved_pos;
        expr
    }
}
