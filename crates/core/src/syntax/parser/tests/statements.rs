//! Statement tests: every statement kind, blocks, one-line forms and the conformance corpus.

use super::*;

#[test]
fn assignments() {
    assert_eq!(dump("a = b = 1\n"), "(= a b 1)");
    assert_eq!(dump("a, b = b, a\n"), "(= (tuple a b) (tuple b a))");
    assert_eq!(
        dump("(a, b) = [c, d] = x\n"),
        "(= (tuple a b) (list c d) x)"
    );
    assert_eq!(dump("a, *rest = x\n"), "(= (tuple a (* rest)) x)");
    assert_eq!(
        dump("x[i], o.y = 1, 2\n"),
        "(= (tuple ([] x i) (. o y)) (tuple 1 2))"
    );
    assert_eq!(dump("x = 1,\n"), "(= x (tuple 1))");
    assert_eq!(dump("x = *a, *b\n"), "(= x (tuple (* a) (* b)))");
    assert_eq!(dump("x: int = 5\ny: list[int]\n"), "(= x 5)\npass");
    let ops = [
        "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "|", "^", "&",
    ];
    for op in ops {
        assert_eq!(dump(&format!("x {op}= 2\n")), format!("({op}= x 2)"));
    }
    assert_eq!(dump("d[k] += 1\n"), "(+= ([] d k) 1)");
}

#[test]
fn simple_statements() {
    assert_eq!(
        dump("pass; x = 1; f(x);\nimport a, b.c as d\nfrom a.b import x as y, z\nfrom m import (p,\n  q,)\ndel a, b[0]\n"),
        "pass\n(= x 1)\n(call f x)\n(import a b.c:d)\n(from a.b x:y z)\n(from m p q)\n(del a ([] b 0))"
    );
    assert_eq!(
        dump("assert x, 'm'\nassert y\n"),
        "(assert x \"m\")\n(assert y)"
    );
    assert_eq!(
        dump("raise\nraise E\nraise E('x') from e\n"),
        "(raise)\n(raise E)\n(raise (call E \"x\") e)"
    );
    assert_eq!(dump("global a, b\n"), "(global a b)");
}

#[test]
fn compound_statements() {
    assert_eq!(
        dump("if a:\n    x\nelif b:\n    y\nelse:\n    z\n"),
        "(if a (block x) (block (if b (block y) (block z))))"
    );
    assert_eq!(
        dump("while x: x -= 1\nelse: pass\n"),
        "(while x (block (-= x 1)) (block pass))"
    );
    assert_eq!(
        dump("for i, (p, w) in enumerate(z):\n    if p: break\n    continue\nelse:\n    pass\n"),
        "(for (tuple i (tuple p w)) (call enumerate z) (block (if p (block break) (block)) continue) (block pass))"
    );
    assert_eq!(
        dump("for x in 1, 2: pass\n"),
        "(for x (tuple 1 2) (block pass) (block))"
    );
    assert_eq!(
        dump("if x: return_ = 1; y = 2\n"),
        "(if x (block (= return_ 1) (= y 2)) (block))"
    );
}

#[test]
fn functions() {
    assert_eq!(
        dump("def f(a, b=1, *args, c, d=2, **kw):\n    return a, b\n"),
        "(def f [a b=1 *args c d=2 **kw] (block (return (tuple a b))))"
    );
    assert_eq!(
        dump("async def g(x: int, *, k: str = 'a') -> str:\n    await x\n"),
        "(async-def g [x * k=\"a\"] (block (await x)))"
    );
    assert_eq!(dump("def h(): return\n"), "(def h [] (block (return)))");
    assert_eq!(
        dump("def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n    return inner\n"),
        "(def outer [] (block (= n 0) (def inner [] (block (nonlocal n) (+= n 1))) (return inner)))"
    );
}

#[test]
fn try_and_with() {
    assert_eq!(
        dump("try:\n    a\nexcept ValueError as e:\n    b\nexcept (A, B):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n"),
        "(try (block a) (except ValueError e (block b)) (except (tuple A B) _ (block c)) (except _ _ (block d)) (block e) (block f))"
    );
    assert_eq!(
        dump("try:\n    a\nfinally:\n    b\n"),
        "(try (block a) (block) (block b))"
    );
    assert_eq!(
        dump("async def f():\n    async with a as b, c as d:\n        pass\n    with x: pass\n    with (p as q, r):\n        pass\n    with (p).q: pass\n"),
        "(async-def f [] (block (async-with (a as b) (c as d) (block pass)) (with x (block pass)) (with (p as q) r (block pass)) (with (. p q) (block pass))))"
    );
}

#[test]
fn layout_details() {
    // CRLF line endings, a BOM, comments, blank lines, tabs and a missing final newline.
    assert_eq!(
        dump("\u{feff}# c\r\nif a:\r\n\r\n\tx = (1 +\r\n  2)  # c\r\n\ty = \\\r\n 3\r\nz"),
        "(if a (block (= x (+ 1 2)) (= y 3)) (block))\nz"
    );
    assert_eq!(dump(""), "");
    assert_eq!(dump("\n\n# only a comment"), "");
}

#[test]
fn spans_cover_statements() {
    let src = "x = 1\nif y:\n    z = f(2)\n";
    let p = parse(src);
    let spans: Vec<&str> = p
        .module
        .body
        .iter()
        .map(|s| &src[s.span.start as usize..s.span.end as usize])
        .collect();
    assert_eq!(spans, ["x = 1", "if y:\n    z = f(2)"]);
}

/// The conformance folder, wherever this crate is built from.
fn conformance_dir() -> Option<std::path::PathBuf> {
    let candidates = [
        std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/conformance"
        )),
        std::path::PathBuf::from("/work/shared/conformance"),
    ];
    candidates.into_iter().find(|p| p.is_dir())
}

#[test]
fn conformance_programs_parse_without_diagnostics() {
    let Some(dir) = conformance_dir() else {
        println!("skipped: ../shared/conformance not found");
        return;
    };
    let mut count = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("readable program");
        let p = parse(&src);
        assert!(
            p.diagnostics.is_empty(),
            "{}: {:?}",
            path.display(),
            p.diagnostics
        );
        assert!(!p.module.body.is_empty());
        count += 1;
    }
    assert!(count >= 30, "only {count} programs found");
}

#[test]
fn a_100_kb_source_parses_without_diagnostics() {
    // Speed is measured by the benchmarks, not here: this checks size only.
    let unit = "async def worker(name, q):\n    while True:\n        x = await q.get()\n        print(f\"{name}: {x:>5} {[i * 2 for i in range(x)]}\")\n        q.task_done()\n";
    let src = unit.repeat(100_000 / unit.len() + 1);
    let p = parse(&src);
    assert!(p.diagnostics.is_empty());
    assert!(p.module.body.len() > 500);
}
