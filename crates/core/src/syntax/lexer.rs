//! Tokenizer for the Python subset: source text to tokens, with Python's INDENT/DEDENT and bracket rules.

use super::parser::Diagnostic;
use super::span::Span;
use crate::unicode_chars::{is_id_continue, is_id_start};

/// What a token is. Names and keywords share `Name`; the parser reads the text from the span.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Name,
    /// An integer literal; `None` when it does not even fit in 64 unsigned bits.
    Int(Option<u64>),
    Float(f64),
    /// A literal such as `1j`; recognised only so the parser can call it unsupported.
    Imaginary,
    Str(StrTok),
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
    /// Text the lexer already reported as an error; the parser stays silent about it.
    Error,
}

/// A string literal as written: its prefix flags and the byte range between its quotes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct StrTok {
    pub(super) raw: bool,
    pub(super) fmt: bool,
    pub(super) bytes: bool,
    pub(super) body: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Token {
    pub(super) kind: Tok,
    pub(super) span: Span,
}

/// Operators, longest first, so that the first prefix match is the right one.
const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=",
];

/// Tokenizes a whole module.
pub(super) fn tokenize(src: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lexer = Lexer::new(src, 0, src.len(), false);
    // A UTF-8 byte order mark is not part of the program.
    if src.starts_with('\u{feff}') {
        lexer.pos = '\u{feff}'.len_utf8();
    }
    lexer.run();
    (lexer.tokens, lexer.diags)
}

/// Tokenizes `src[start..end]` as if inside brackets (no newlines, no indentation); used for
/// the expressions inside f-strings, so that their spans are offsets into the whole source.
pub(super) fn tokenize_range(src: &str, start: usize, end: usize) -> (Vec<Token>, Vec<Diagnostic>) {
    let mut lexer = Lexer::new(src, start, end.min(src.len()), true);
    lexer.run();
    (lexer.tokens, lexer.diags)
}

struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    end: usize,
    tokens: Vec<Token>,
    diags: Vec<Diagnostic>,
    /// Widths of the enclosing indentation levels; starts as `[0]`.
    indents: Vec<u32>,
    /// Open brackets and where they were opened; newlines inside brackets are ignored.
    brackets: Vec<(u8, usize)>,
    at_line_start: bool,
    /// Inside an f-string expression: behave as if always inside brackets.
    nested: bool,
}

fn span(start: usize, end: usize) -> Span {
    Span::new(start as u32, end as u32)
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, start: usize, end: usize, nested: bool) -> Lexer<'a> {
        Lexer {
            src,
            bytes: src.as_bytes(),
            pos: start,
            end,
            tokens: Vec::new(),
            diags: Vec::new(),
            indents: vec![0],
            brackets: Vec::new(),
            at_line_start: !nested,
            nested,
        }
    }

    fn byte(&self, i: usize) -> u8 {
        if i < self.end {
            self.bytes.get(i).copied().unwrap_or(0)
        } else {
            0
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        if i >= self.end {
            return None;
        }
        self.src.get(i..self.end).and_then(|s| s.chars().next())
    }

    fn push(&mut self, kind: Tok, start: usize, end: usize) {
        self.tokens.push(Token {
            kind,
            span: span(start, end),
        });
    }

    fn error(&mut self, start: usize, end: usize, message: impl Into<String>) {
        self.diags.push(Diagnostic {
            span: span(start, end),
            message: message.into(),
        });
    }

    /// The end of the current physical line (the position of its newline character).
    fn line_end(&self, from: usize) -> usize {
        let mut i = from;
        while i < self.end && !matches!(self.byte(i), b'\n' | b'\r') {
            i += 1;
        }
        i
    }

    /// The length of the newline sequence at `i` (0 if there is none).
    fn newline_len(&self, i: usize) -> usize {
        match self.byte(i) {
            b'\r' if self.byte(i + 1) == b'\n' => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        }
    }

    fn run(&mut self) {
        loop {
            if self.at_line_start && self.brackets.is_empty() && !self.nested {
                if !self.indentation() {
                    break;
                }
                self.at_line_start = false;
            }
            while matches!(self.byte(self.pos), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            if self.pos >= self.end {
                break;
            }
            let start = self.pos;
            let b = self.byte(start);
            match b {
                b'#' => self.pos = self.line_end(start),
                b'\n' | b'\r' => {
                    self.pos += self.newline_len(start);
                    if self.brackets.is_empty() && !self.nested {
                        self.newline(start, self.pos);
                        self.at_line_start = true;
                    }
                }
                b'\\' => {
                    let n = self.newline_len(start + 1);
                    if n > 0 {
                        self.pos = start + 1 + n;
                    } else if start + 1 >= self.end {
                        self.error(start, start + 1, "unexpected EOF while parsing");
                        self.pos += 1;
                    } else {
                        self.error(
                            start,
                            start + 1,
                            "unexpected character after line continuation character",
                        );
                        self.pos = self.line_end(start);
                    }
                }
                b'0'..=b'9' => self.number(),
                b'.' if self.byte(start + 1).is_ascii_digit() => self.number(),
                b'\'' | b'"' => self.string(start, ""),
                _ => {
                    let Some(c) = self.char_at(start) else {
                        self.pos += 1;
                        continue;
                    };
                    if is_id_start(c) {
                        self.name(start);
                    } else if !self.operator(start) {
                        self.invalid_char(start, c);
                    }
                }
            }
        }
        self.finish();
    }

    /// Emits a NEWLINE unless the logical line is empty.
    fn newline(&mut self, start: usize, end: usize) {
        if matches!(self.tokens.last(), Some(t) if !matches!(t.kind, Tok::Newline | Tok::Indent | Tok::Dedent))
        {
            self.push(Tok::Newline, start, end);
        }
    }

    /// Measures the indentation at the start of a line and emits INDENT/DEDENT tokens. Skips
    /// blank and comment-only lines. Returns false at the end of the input.
    fn indentation(&mut self) -> bool {
        loop {
            let mut width: u32 = 0;
            while self.pos < self.end {
                match self.byte(self.pos) {
                    b' ' => width = width.saturating_add(1),
                    // A tab moves to the next multiple of 8, as in CPython's tokenizer.
                    b'\t' => width = (width / 8).saturating_add(1).saturating_mul(8),
                    b'\x0c' => width = 0,
                    _ => break,
                }
                self.pos += 1;
            }
            if self.pos >= self.end {
                return false;
            }
            match self.byte(self.pos) {
                b'#' => {
                    self.pos = self.line_end(self.pos);
                    let n = self.newline_len(self.pos);
                    if n == 0 {
                        return false;
                    }
                    self.pos += n;
                    continue;
                }
                b'\n' | b'\r' => {
                    self.pos += self.newline_len(self.pos);
                    continue;
                }
                // A backslash-continued blank line would start a line with no tokens; let the
                // main loop handle it like any other line.
                _ => {}
            }
            let top = self.indents.last().copied().unwrap_or(0);
            let here = self.pos;
            if width > top {
                self.indents.push(width);
                self.push(Tok::Indent, here, here);
            } else if width < top {
                while self.indents.last().is_some_and(|&w| w > width) {
                    self.indents.pop();
                    self.push(Tok::Dedent, here, here);
                }
                if self.indents.last().copied().unwrap_or(0) != width {
                    let len = self.char_at(here).map_or(1, char::len_utf8);
                    self.error(
                        here,
                        here + len,
                        "unindent does not match any outer indentation level",
                    );
                    // Treat the line as a new level of its own so that its siblings agree with it.
                    self.indents.push(width);
                }
            }
            return true;
        }
    }

    fn finish(&mut self) {
        if self.nested {
            self.push(Tok::End, self.end, self.end);
            return;
        }
        if let Some(&(b, at)) = self.brackets.last() {
            self.error(at, at + 1, format!("'{}' was never closed", b as char));
        }
        let end = self.end;
        self.newline(end, end);
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, end, end);
        }
        self.push(Tok::End, end, end);
    }

    fn invalid_char(&mut self, start: usize, c: char) {
        let end = start + c.len_utf8();
        if c.is_ascii() {
            self.error(start, end, "invalid syntax");
        } else if !crate::pyfmt::is_printable(c) {
            self.error(
                start,
                end,
                format!("invalid non-printable character U+{:04X}", c as u32),
            );
        } else {
            self.error(
                start,
                end,
                format!("invalid character '{c}' (U+{:04X})", c as u32),
            );
        }
        self.push(Tok::Error, start, end);
        self.pos = end;
    }

    fn operator(&mut self, start: usize) -> bool {
        let rest = self.src.get(start..self.end).unwrap_or("");
        let Some(op) = OPERATORS.iter().copied().find(|op| rest.starts_with(op)) else {
            return false;
        };
        let end = start + op.len();
        self.pos = end;
        match op {
            "(" | "[" | "{" => self.brackets.push((op.as_bytes()[0], start)),
            ")" | "]" | "}" => {
                let close = op.as_bytes()[0];
                let want = match close {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match self.brackets.last().copied() {
                    Some((open, _)) if open == want => {
                        self.brackets.pop();
                    }
                    Some((open, _)) => {
                        self.error(
                            start,
                            end,
                            format!("closing parenthesis '{op}' does not match opening parenthesis '{}'", open as char),
                        );
                        self.brackets.pop();
                        self.push(Tok::Error, start, end);
                        return true;
                    }
                    None => {
                        self.error(start, end, format!("unmatched '{op}'"));
                        return true;
                    }
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), start, end);
        true
    }

    fn name(&mut self, start: usize) {
        let mut i = start;
        while let Some(c) = self.char_at(i) {
            if !is_id_continue(c) {
                break;
            }
            i += c.len_utf8();
        }
        let text = self.src.get(start..i).unwrap_or("");
        if matches!(self.byte(i), b'\'' | b'"') && is_string_prefix(text) {
            self.pos = i;
            self.string(start, text);
            return;
        }
        self.pos = i;
        self.push(Tok::Name, start, i);
    }

    /// Lexes a string literal whose opening quote is at `self.pos`; `start` is where its prefix began.
    fn string(&mut self, start: usize, prefix: &str) {
        let lower = prefix.to_ascii_lowercase();
        let raw = lower.contains('r');
        let fmt = lower.contains('f');
        let bytes = lower.contains('b');
        let quote = self.byte(self.pos);
        let triple = self.byte(self.pos + 1) == quote && self.byte(self.pos + 2) == quote;
        let qlen = if triple { 3 } else { 1 };
        let body_start = self.pos + qlen;
        let mut i = body_start;
        loop {
            if i >= self.end {
                if triple {
                    self.error(start, self.end, "unterminated triple-quoted string literal");
                } else {
                    self.error(start, self.end, "unterminated string literal");
                }
                self.push(Tok::Error, start, self.end);
                self.pos = self.end;
                return;
            }
            let b = self.byte(i);
            if b == b'\\' {
                i += 1 + self.newline_len(i + 1).max(1);
                continue;
            }
            if b == quote {
                if !triple {
                    break;
                }
                if self.byte(i + 1) == quote && self.byte(i + 2) == quote {
                    break;
                }
            }
            if !triple && matches!(b, b'\n' | b'\r') {
                self.error(start, i, "unterminated string literal");
                self.push(Tok::Error, start, i);
                self.pos = i;
                return;
            }
            i += 1;
        }
        let end = i + qlen;
        self.pos = end;
        self.push(
            Tok::Str(StrTok {
                raw,
                fmt,
                bytes,
                body: span(body_start, i),
            }),
            start,
            end,
        );
    }

    fn number(&mut self) {
        let start = self.pos;
        let mut i = start;
        let radix = match (self.byte(i), self.byte(i + 1) | 0x20) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            _ => 10,
        };
        if radix != 10 {
            i += 2;
            let digits_start = i;
            while self.byte(i).is_ascii_alphanumeric() || self.byte(i) == b'_' {
                i += 1;
            }
            let text = self.src.get(digits_start..i).unwrap_or("");
            let kind = match radix {
                16 => "hexadecimal",
                8 => "octal",
                _ => "binary",
            };
            let valid = !text.is_empty()
                && !text.ends_with('_')
                && !text.contains("__")
                && text.chars().all(|c| c == '_' || c.is_digit(radix));
            self.pos = i;
            if !valid {
                self.error(start, i, format!("invalid {kind} literal"));
                self.push(Tok::Error, start, i);
                return;
            }
            let value = digits_value(text, radix);
            self.push(Tok::Int(value), start, i);
            return;
        }
        let mut is_float = false;
        i = self.digits(i);
        let int_end = i;
        if self.byte(i) == b'.' {
            is_float = true;
            i = self.digits(i + 1);
        }
        if self.byte(i) | 0x20 == b'e' {
            let mut j = i + 1;
            if matches!(self.byte(j), b'+' | b'-') {
                j += 1;
            }
            if self.byte(j).is_ascii_digit() {
                is_float = true;
                i = self.digits(j);
            }
        }
        let imaginary = self.byte(i) | 0x20 == b'j';
        if imaginary {
            i += 1;
        }
        let text = self.src.get(start..i).unwrap_or("");
        // Letters or digits glued to a number (`1abc`, `1_`) make the whole thing invalid.
        let glued = self.char_at(i).is_some_and(is_id_continue);
        let bad_underscore = text.contains("__")
            || text.contains("_.")
            || text.contains("._")
            || text.ends_with('_')
            || text.contains("_e")
            || text.contains("_E")
            || text.contains("e_")
            || text.contains("E_");
        if glued || bad_underscore {
            let mut j = i;
            while let Some(c) = self.char_at(j) {
                if !is_id_continue(c) {
                    break;
                }
                j += c.len_utf8();
            }
            self.pos = j;
            self.error(start, j, "invalid decimal literal");
            self.push(Tok::Error, start, j);
            return;
        }
        self.pos = i;
        if imaginary {
            self.push(Tok::Imaginary, start, i);
            return;
        }
        let clean: String = text.chars().filter(|&c| c != '_').collect();
        if is_float {
            match crate::pyfmt::parse_decimal(&clean) {
                Some(v) => self.push(Tok::Float(v), start, i),
                None => {
                    self.error(start, i, "invalid decimal literal");
                    self.push(Tok::Error, start, i);
                }
            }
            return;
        }
        let int_text = self.src.get(start..int_end).unwrap_or("");
        if int_text.len() > 1
            && int_text.starts_with('0')
            && int_text.chars().any(|c| c.is_ascii_digit() && c != '0')
        {
            self.error(
                start,
                i,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            );
            self.push(Tok::Error, start, i);
            return;
        }
        self.push(Tok::Int(digits_value(&clean, 10)), start, i);
    }

    /// Skips decimal digits and underscores from `i`; returns the first position after them.
    fn digits(&self, mut i: usize) -> usize {
        while self.byte(i).is_ascii_digit()
            || (self.byte(i) == b'_' && self.byte(i + 1).is_ascii_digit())
        {
            i += 1;
        }
        // A trailing underscore is kept in the literal so that it is reported as invalid.
        if self.byte(i) == b'_' {
            i += 1;
        }
        i
    }
}

/// The value of digits (underscores allowed) in a radix, or `None` past `u64::MAX`.
fn digits_value(text: &str, radix: u32) -> Option<u64> {
    let mut value: u64 = 0;
    for c in text.chars() {
        if c == '_' {
            continue;
        }
        let d = c.to_digit(radix)?;
        value = value
            .checked_mul(u64::from(radix))?
            .checked_add(u64::from(d))?;
    }
    Some(value)
}

fn is_string_prefix(text: &str) -> bool {
    matches!(
        text.to_ascii_lowercase().as_str(),
        "r" | "u" | "f" | "b" | "rf" | "fr" | "rb" | "br"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        let (tokens, diags) = tokenize(src);
        assert!(diags.is_empty(), "{diags:?}");
        tokens
            .iter()
            .map(|t| match &t.kind {
                Tok::Name => src[t.span.start as usize..t.span.end as usize].to_string(),
                Tok::Int(v) => format!("int:{v:?}"),
                Tok::Float(v) => format!("float:{v}"),
                Tok::Imaginary => "imag".into(),
                Tok::Str(s) => format!("str:{}", &src[s.body.start as usize..s.body.end as usize]),
                Tok::Op(op) => (*op).to_string(),
                Tok::Newline => "NL".into(),
                Tok::Indent => "IN".into(),
                Tok::Dedent => "DE".into(),
                Tok::End => "END".into(),
                Tok::Error => "ERR".into(),
            })
            .collect()
    }

    fn first_error(src: &str) -> String {
        let (_, diags) = tokenize(src);
        diags.first().map(|d| d.message.clone()).unwrap_or_default()
    }

    #[test]
    fn indentation_produces_indent_and_dedent() {
        assert_eq!(
            kinds("if x:\n    y\n\n  # c\n    z\nw\n").join(" "),
            "if x : NL IN y NL z NL DE w NL END"
        );
        // Tabs move to the next multiple of 8, so a tab equals eight spaces.
        assert_eq!(
            kinds("if x:\n\ty\n        z\n").join(" "),
            "if x : NL IN y NL z NL DE END"
        );
    }

    #[test]
    fn missing_final_newline_crlf_and_bom() {
        assert_eq!(
            kinds("\u{feff}a = 1\r\nif b:\r\n  c").join(" "),
            "a = int:Some(1) NL if b : NL IN c NL DE END"
        );
    }

    #[test]
    fn brackets_join_lines_and_backslash_continues() {
        assert_eq!(
            kinds("f(1,\n  2)\nx = 1 + \\\n  2\n").join(" "),
            "f ( int:Some(1) , int:Some(2) ) NL x = int:Some(1) + int:Some(2) NL END"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("1_000 0x_ff 0o17 0b101 1. .5 1e-5 1_000.5 2j 18446744073709551616").join(" "),
            "int:Some(1000) int:Some(255) int:Some(15) int:Some(5) float:1 float:0.5 float:0.00001 float:1000.5 imag int:None NL END"
        );
        assert_eq!(first_error("1abc"), "invalid decimal literal");
        assert_eq!(first_error("1__0"), "invalid decimal literal");
        assert_eq!(first_error("0x"), "invalid hexadecimal literal");
        assert!(first_error("012").starts_with("leading zeros"));
    }

    #[test]
    fn strings_and_prefixes() {
        assert_eq!(
            kinds(r#"'a' "b" '''c'd''' rb'x' F"y" Rf'z' 'q\'q'"#).join(" "),
            r#"str:a str:b str:c'd str:x str:y str:z str:q\'q NL END"#
        );
        assert_eq!(first_error("x = 'abc\n"), "unterminated string literal");
        assert_eq!(
            first_error("x = '''abc\n"),
            "unterminated triple-quoted string literal"
        );
    }

    #[test]
    fn bracket_errors_and_invalid_characters() {
        assert_eq!(first_error("f(1\n"), "'(' was never closed");
        assert_eq!(first_error("x)\n"), "unmatched ')'");
        assert_eq!(
            first_error("(]\n"),
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(first_error("x = 3 €\n"), "invalid character '€' (U+20AC)");
        assert_eq!(kinds("café = 1").join(" "), "café = int:Some(1) NL END");
        // CPython 3.11's messages (from the oracle): a zero-width space is not
        // printable; a combining mark cannot start a name, though Rust counts
        // this one (U+0345) as alphabetic.
        assert_eq!(
            first_error("y = x\u{200b}+ 1\n"),
            "invalid non-printable character U+200B"
        );
        assert_eq!(
            first_error("\u{345} = 1\n"),
            "invalid character '\u{345}' (U+0345)"
        );
    }

    #[test]
    fn bad_dedent_is_reported() {
        assert_eq!(
            first_error("if x:\n    a\n  b\n"),
            "unindent does not match any outer indentation level"
        );
    }
}
