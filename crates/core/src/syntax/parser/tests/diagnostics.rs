//! Diagnostic tests: message and position of the first error, recovery, and the nesting guard.

use super::*;

#[test]
fn syntax_errors() {
    assert_eq!(err("x = = 1\n"), "1:5 invalid syntax");
    assert_eq!(err("if x\n    pass\n"), "1:5 expected ':'");
    assert_eq!(err("x = 1\n    y = 2\n"), "2:5 unexpected indent");
    assert_eq!(
        err("a = 1\n\nif a:\npass\n"),
        "4:1 expected an indented block after 'if' statement on line 3"
    );
    assert_eq!(
        err("def f():\nx\n"),
        "2:1 expected an indented block after function definition on line 1"
    );
    assert_eq!(
        err("try:\n  a\nexcept:\nb\n"),
        "4:1 expected an indented block after 'except' statement on line 3"
    );
    assert_eq!(
        err("if x:\n    a\n  b\n"),
        "3:3 unindent does not match any outer indentation level"
    );
    assert_eq!(err("x = 'abc\n"), "1:5 unterminated string literal");
    assert_eq!(
        err("x = 1\ny = \"\"\"abc\n\n"),
        "2:5 unterminated triple-quoted string literal"
    );
    assert_eq!(err("print(f(1)\nx = 2\n"), "1:6 '(' was never closed");
    assert_eq!(err("x = 1)\n"), "1:6 unmatched ')'");
    assert_eq!(err("1 = x\n"), "1:1 cannot assign to literal");
    assert_eq!(err("f() = x\n"), "1:1 cannot assign to function call");
    assert_eq!(err("a, f() = x\n"), "1:4 cannot assign to function call");
    assert_eq!(err("for 'a' in x: pass\n"), "1:5 cannot assign to literal");
    assert_eq!(err("x = 3 € 4\n"), "1:7 invalid character '€' (U+20AC)");
    assert_eq!(
        err("x = 18446744073709551616\n"),
        "1:5 integer literal too large (loopscope integers are 64-bit)"
    );
    assert_eq!(
        err("x = 9223372036854775808\n"),
        "1:5 integer literal too large (loopscope integers are 64-bit)"
    );
    assert_eq!(
        err("f(a=1, b)\n"),
        "1:8 positional argument follows keyword argument"
    );
    assert_eq!(
        err("def f(a=1, b): pass\n"),
        "1:12 non-default argument follows default argument"
    );
    assert_eq!(
        err("x = f'{}'\n"),
        "1:7 f-string: empty expression not allowed"
    );
    assert_eq!(
        err("x = f'{a!x}'\n"),
        "1:9 f-string: invalid conversion character: expected 's', 'r', or 'a'"
    );
    assert_eq!(err("x = f'{a'\n"), "1:7 f-string: expecting '}'");
    assert_eq!(
        err("x = f'a}'\n"),
        "1:8 f-string: single '}' is not allowed"
    );
    assert_eq!(err("x = f'{a +}'\n"), "1:11 f-string: invalid syntax");
    assert_eq!(
        err("x = a if b\n"),
        "1:5 expected 'else' after 'if' expression"
    );
    assert_eq!(
        err("(a, b) += 1\n"),
        "1:1 'tuple' is an illegal expression for augmented assignment"
    );
    assert_eq!(err("del f()\n"), "1:5 cannot delete function call");
    assert_eq!(
        err("*a = b\n"),
        "1:1 starred assignment target must be in a list or tuple"
    );
    assert_eq!(err("x = *a\n"), "1:5 can't use starred expression here");
    assert_eq!(
        err("try:\n    pass\nx = 1\n"),
        "3:1 expected 'except' or 'finally' block"
    );
    assert_eq!(
        err("f(x for x in y, 1)\n"),
        "1:3 Generator expression must be parenthesized"
    );
    assert_eq!(
        err("x = '\\x4'\n"),
        "1:6 (unicode error) truncated \\xXX escape"
    );
    assert_eq!(err("x = 1abc\n"), "1:5 invalid decimal literal");
    assert_eq!(
        err("x = '\\udc80'\n"),
        "1:6 unsupported: surrogate characters in strings"
    );
}

#[test]
fn context_errors() {
    assert_eq!(
        err("def f():\n    await x\n"),
        "2:5 'await' outside async function"
    );
    assert_eq!(err("await x\n"), "1:1 'await' outside async function");
    assert_eq!(
        err("async def f():\n    g = lambda: await x\n"),
        "2:17 'await' outside async function"
    );
    assert_eq!(
        err("def f():\n    return [await x for x in y]\n"),
        "2:13 'await' outside async function"
    );
    assert_eq!(
        err("def f():\n    async with a: pass\n"),
        "2:5 'async with' outside async function"
    );
    assert_eq!(err("x = 1\nreturn x\n"), "2:1 'return' outside function");
    assert_eq!(err("break\n"), "1:1 'break' outside loop");
    assert_eq!(
        err("while x:\n    def f():\n        continue\n"),
        "3:9 'continue' not properly in loop"
    );
    assert_eq!(
        err("nonlocal x\n"),
        "1:1 'nonlocal' declaration not allowed at module level"
    );
    assert_eq!(
        err("def f(a, a): pass\n"),
        "1:10 duplicate argument 'a' in function definition"
    );
    // Loops and functions nest as expected without errors.
    assert!(parse("for x in y:\n    while z:\n        break\n    continue\nasync def f():\n    await g(lambda: 1)\n").diagnostics.is_empty());
}

#[test]
fn unsupported_constructs() {
    assert_eq!(
        err("class A:\n    pass\n"),
        "1:1 unsupported: class definitions"
    );
    assert_eq!(err("@dec\ndef f(): pass\n"), "1:1 unsupported: decorators");
    assert_eq!(
        err("def f():\n    yield 1\n"),
        "2:5 unsupported: 'yield' (generators)"
    );
    assert_eq!(
        err("def f():\n    x = yield\n"),
        "2:9 unsupported: 'yield' (generators)"
    );
    assert_eq!(
        err("async def f():\n    async for x in y:\n        pass\n"),
        "2:5 unsupported: 'async for'"
    );
    assert_eq!(
        err("if (n := 10) > 5: pass\n"),
        "1:7 unsupported: assignment expressions (:=)"
    );
    assert_eq!(err("x = b'abc'\n"), "1:5 unsupported: bytes literals");
    assert_eq!(err("x = 1 + 2j\n"), "1:9 unsupported: complex numbers");
    assert_eq!(
        err("match x:\n    case 1:\n        pass\n"),
        "1:1 unsupported: 'match' statements"
    );
    assert_eq!(
        err("x = {*a, 1}\n"),
        "1:6 unsupported: star-expressions in this position"
    );
    assert_eq!(
        err("async def f():\n    return [x async for x in y]\n"),
        "2:15 unsupported: async comprehensions"
    );
    assert_eq!(
        err("x = '\\N{BULLET}'\n"),
        "1:6 unsupported: '\\N{...}' escapes"
    );
    assert_eq!(
        err("def f(a, /, b): pass\n"),
        "1:10 unsupported: positional-only parameters"
    );
    assert_eq!(
        err("from . import x\n"),
        "1:6 unsupported: relative imports"
    );
    assert_eq!(err("from a import *\n"), "1:15 unsupported: 'import *'");
}

#[test]
fn recovery_reports_later_errors() {
    let errs = all_errs("x = = 1\nclass A:\n    y = = 2\nz = 3\nw = )\nok = 1\n");
    assert_eq!(
        errs,
        [
            "1:5 invalid syntax",
            "2:1 unsupported: class definitions",
            "5:5 unmatched ')'",
            "5:6 invalid syntax"
        ]
    );
    let p = parse("x = = 1\ny = 2\n");
    assert!(matches!(
        p.module.body.first().map(|s| &s.kind),
        Some(StmtKind::Error)
    ));
    assert!(matches!(
        p.module.body.get(1).map(|s| &s.kind),
        Some(StmtKind::Assign { .. })
    ));
    // An error inside a block does not lose the rest of the block.
    let src = "def f():\n    x = (\n    y = 1\n    return y\n";
    assert_eq!(err(src), "2:9 '(' was never closed");
    // The `elif`/`else` clauses of a broken `if` are skipped with it, not reported again.
    let errs = all_errs("if (x := 1):\n    a\nelif y:\n    b\nelse:\n    c\nd e\n");
    assert_eq!(
        errs,
        [
            "1:7 unsupported: assignment expressions (:=)",
            "7:3 invalid syntax"
        ]
    );
    let errs = all_errs("def f():\n    a b\n    c d\n");
    assert_eq!(errs, ["2:7 invalid syntax", "3:7 invalid syntax"]);
}

#[test]
fn nesting_is_limited() {
    let deep_parens = "(".repeat(100_000);
    assert!(all_errs(&deep_parens)
        .iter()
        .any(|e| e.contains("too deeply nested")));
    let deep_unary = format!("x = {}1\n", "-".repeat(10_000));
    assert_eq!(
        err(&deep_unary).split_once(' ').map(|p| p.1),
        Some("too deeply nested")
    );
    let deep_not = format!("x = {}1\n", "not ".repeat(10_000));
    assert!(err(&deep_not).ends_with("too deeply nested"));
    let deep_list = format!("x = {}{}\n", "[".repeat(5_000), "]".repeat(5_000));
    assert!(err(&deep_list).ends_with("too deeply nested"));
    let mut deep_blocks = String::new();
    for i in 0..1_000 {
        deep_blocks.push_str(&" ".repeat(i));
        deep_blocks.push_str("if x:\n");
    }
    deep_blocks.push_str(&" ".repeat(1_000));
    deep_blocks.push_str("pass\n");
    assert!(err(&deep_blocks).ends_with("too deeply nested"));
    let deep_power = format!("x = 2{}\n", " ** -2".repeat(10_000));
    assert!(err(&deep_power).ends_with("too deeply nested"));
    let deep_lambda = format!("x = {}1\n", "lambda: ".repeat(10_000));
    assert!(err(&deep_lambda).ends_with("too deeply nested"));
    // Moderate nesting is fine.
    let ok = format!("x = {}1{}\n", "(".repeat(100), ")".repeat(100));
    assert!(parse(&ok).diagnostics.is_empty());
}

#[test]
fn garbage_never_panics() {
    let samples = [
        "",
        "\\",
        "'",
        "'''",
        "f'{",
        "f'{x!",
        "f'{x:{",
        "f'{x:{y:{z:{w}}}}}'",
        "(",
        ")",
        "]",
        "}",
        "def",
        "def f(",
        "def f(*",
        "def f(**",
        "lambda",
        "lambda *",
        "x[",
        "x[:",
        "a.",
        "import",
        "from",
        "from a import",
        "with",
        "try",
        "if",
        "elif x:",
        "else:",
        "\t\t x",
        " x\ny",
        "x = \\\n",
        "@",
        "async",
        "async x",
        "0x",
        "1e",
        "1_",
        "0b2",
        "\u{feff}",
        "\r",
        "\r\r\n",
        "é",
        "€",
        "'\\",
        "f'\\{x}'",
        "f'{x=",
        "f'{x=!r:",
        "f\"{'a'}\"",
        "x = (yield)",
        "del *a",
        "for in x: pass",
        "with a as f(): pass",
        "print(*)",
        "f(**)",
        "{**}",
        "{1:}",
        "[*]",
        "a[*b]",
        "if x:\n  y\n z\n",
        "class",
        "match",
        "match x:",
        "return",
        "\x00",
        "x = '\\N{",
        "f'{a:{b!}}'",
        "x: = 1",
        "(a, b): int = 1",
        "f(a=1 for x in y)",
        "f(a for b in c, d for e in f)",
        "global",
        "nonlocal",
        "raise from",
    ];
    for s in samples {
        let _ = parse(s);
        let _ = parse(&format!("{s}\n"));
        let _ = parse(&format!("async def f():\n    {s}\n"));
    }
    // Every prefix of a realistic program parses without panicking.
    let program = "async def main(a, *b, c=1, **d):\n    x = f\"{a!r:>{c}} {b=}\" 'x'\n    async with l as m:\n        return [i ** -2 for i, (j, k) in z if i]\n";
    for end in 0..=program.len() {
        if program.is_char_boundary(end) {
            let _ = parse(&program[..end]);
        }
    }
}
