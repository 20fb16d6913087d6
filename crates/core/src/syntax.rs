//! Lexer, parser and syntax tree of the Python subset. Nothing here knows about running programs.

pub mod ast;
mod lexer;
mod parser;
pub mod span;

pub use parser::{parse, Diagnostic, Parsed};
