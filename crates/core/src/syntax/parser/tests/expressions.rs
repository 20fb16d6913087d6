//! Expression tests: precedence, literals, strings and f-strings, displays and comprehensions.

use super::*;

#[test]
fn arithmetic_precedence() {
    assert_eq!(e("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(e("1 - 2 - 3"), "(- (- 1 2) 3)");
    assert_eq!(
        e("a | b ^ c & d << e + f * g"),
        "(| a (^ b (& c (<< d (+ e (* f g))))))"
    );
    assert_eq!(e("a // b % c @ d / e"), "(/ (@ (% (// a b) c) d) e)");
    assert_eq!(e("a >> b << c"), "(<< (>> a b) c)");
}

#[test]
fn power_unary_and_await() {
    assert_eq!(e("-2 ** 2"), "(neg (** 2 2))");
    assert_eq!(e("2 ** -1"), "(** 2 (neg 1))");
    assert_eq!(e("2 ** 3 ** 2"), "(** 2 (** 3 2))");
    assert_eq!(e("-x.y"), "(neg (. x y))");
    assert_eq!(e("~-+x"), "(~ (neg (pos x)))");
    assert_eq!(e("await x ** 2"), "(** (await x) 2)");
    assert_eq!(e("-await f()"), "(neg (await (call f)))");
    assert_eq!(e("await a.b(c)[d]"), "(await ([] (call (. a b) c) d))");
    assert_eq!(e("-9223372036854775808"), "-9223372036854775808");
}

#[test]
fn boolean_comparison_and_conditional() {
    assert_eq!(e("not a == b"), "(not (== a b))");
    assert_eq!(e("a or b and not c"), "(or a (and b (not c)))");
    assert_eq!(e("a and b and c or d"), "(or (and a b c) d)");
    assert_eq!(e("a < b <= c != d"), "(cmp a < b <= c != d)");
    assert_eq!(e("a not in b"), "(not-in a b)");
    assert_eq!(e("a is not None"), "(is-not a None)");
    assert_eq!(e("a is b in c"), "(cmp a is b in c)");
    assert_eq!(e("x | y < z"), "(< (| x y) z)");
    assert_eq!(e("a if b else c if d else e"), "(ifexp b a (ifexp d c e))");
    assert_eq!(e("a or b if c or d else e"), "(ifexp (or c d) (or a b) e)");
    assert_eq!(e("lambda: 0"), "(lambda [] 0)");
    assert_eq!(
        e("lambda x, y=1, *a, k, **kw: x if y else k"),
        "(lambda [x y=1 *a k **kw] (ifexp y x k))"
    );
}

#[test]
fn calls_attributes_subscripts() {
    assert_eq!(e("f(a, *b, k=1, **kw)"), "(call f a (* b) k=1 **kw)");
    assert_eq!(e("f(x for x in y)"), "(call f (genexp x (for x y)))");
    assert_eq!(
        e("sum(x * 2 for x in y if x if not x)"),
        "(call sum (genexp (* x 2) (for x y (if x) (if (not x)))))"
    );
    assert_eq!(
        e("g(*(f(i) for i in range(3)))"),
        "(call g (* (genexp (call f i) (for i (call range 3)))))"
    );
    assert_eq!(e("f(a,)"), "(call f a)");
    assert_eq!(e("a.b.c()"), "(call (. (. a b) c))");
    assert_eq!(e("a[i]"), "([] a i)");
    assert_eq!(e("a[1:2]"), "([] a (slice 1 2 _))");
    assert_eq!(e("a[::-1]"), "([] a (slice _ _ (neg 1)))");
    assert_eq!(e("a[:]"), "([] a (slice _ _ _))");
    assert_eq!(e("a[i, j]"), "([] a (tuple i j))");
    assert_eq!(
        e("a[1:, ::2]"),
        "([] a (tuple (slice 1 _ _) (slice _ _ 2)))"
    );
    assert_eq!(e("type(e).__name__"), "(. (call type e) __name__)");
}

#[test]
fn numbers_and_constants() {
    assert_eq!(
        e("1_000 + 0x_ff + 0o17 + 0b101"),
        "(+ (+ (+ 1000 255) 15) 5)"
    );
    assert_eq!(e("(1., .5, 1e-5, 1_000.5)"), "(tuple 1.0 0.5 1e-5 1000.5)");
    assert_eq!(e("[True, False, None, ...]"), "(list True False None ...)");
    assert_eq!(e("9223372036854775807"), "9223372036854775807");
}

#[test]
fn displays() {
    assert_eq!(e("()"), "(tuple)");
    assert_eq!(e("(1,)"), "(tuple 1)");
    assert_eq!(e("(1)"), "1");
    assert_eq!(e("1, 2,"), "(tuple 1 2)");
    assert_eq!(e("[1, *a, 2,]"), "(list 1 (* a) 2)");
    assert_eq!(e("(*a, b)"), "(tuple (* a) b)");
    assert_eq!(e("{1, 2}"), "(set 1 2)");
    assert_eq!(e("{}"), "(dict)");
    assert_eq!(
        e("{'a': 1, **d, 'b': 2,}"),
        "(dict (\"a\" 1) (** d) (\"b\" 2))"
    );
    assert_eq!(
        e("[x for x in y for z in x if z]"),
        "(listcomp x (for x y) (for z x (if z)))"
    );
    assert_eq!(
        e("{k: v for k, v in d.items()}"),
        "(dictcomp k v (for (tuple k v) (call (. d items))))"
    );
    assert_eq!(e("{x for x in y}"), "(setcomp x (for x y))");
    assert_eq!(e("(x for (a, b) in y)"), "(genexp x (for (tuple a b) y))");
    assert_eq!(
        e("[await f(x) for x in y]"),
        "(listcomp (await (call f x)) (for x y))"
    );
    assert_eq!(
        e("[x if x else y for x in z]"),
        "(listcomp (ifexp x x y) (for x z))"
    );
}

#[test]
fn strings_and_escapes() {
    assert_eq!(e(r#"'a' "b" '''c'''"#), r#""abc""#);
    assert_eq!(
        e(r#"'\n\t\r\\\'\"\0\a\b\f\v'"#),
        r#""\n\t\r\\'\"\0\u{7}\u{8}\u{c}\u{b}""#
    );
    assert_eq!(e(r"'\101\x41\u0041\U00000041\d'"), r#""AAAA\\d""#);
    assert_eq!(e(r"r'\n\d' R'\''"), r#""\\n\\d\\'""#);
    assert_eq!(e("'a\\\nb'"), r#""ab""#);
    assert_eq!(e("'''x\r\ny'''"), r#""x\ny""#);
    assert_eq!(e("u'é'"), r#""é""#);
}

#[test]
fn fstrings() {
    assert_eq!(e("f'a{x}b'"), r#"(f "a" (fmt x) "b")"#);
    assert_eq!(
        e("f'{{x}} {x!r:>{w}}'"),
        r#"(f "{x} " (fmt x !r (: ">" (fmt w))))"#
    );
    assert_eq!(
        e("f'{x:.2f}' 'tail' F'{y}'"),
        r#"(f (fmt x (: ".2f")) "tail" (fmt y))"#
    );
    assert_eq!(e("f'{ x = }'"), r#"(f (fmt x =" x = " !r))"#);
    assert_eq!(e("f'{x=:>5}'"), r#"(f (fmt x ="x=" (: ">5")))"#);
    assert_eq!(e("f'{x=!s}'"), r#"(f (fmt x ="x=" !s))"#);
    assert_eq!(
        e("f'{a == b} {a != b} {a <= b}'"),
        r#"(f (fmt (== a b)) " " (fmt (!= a b)) " " (fmt (<= a b)))"#
    );
    assert_eq!(
        e(r#"f"{d['k']}\n" rf'\n{x}'"#),
        r#"(f (fmt ([] d "k")) "\n\\n" (fmt x))"#
    );
    assert_eq!(
        e("f'{x:{w}.{p}f}'"),
        r#"(f (fmt x (: (fmt w) "." (fmt p) "f")))"#
    );
    assert_eq!(e("f'{a, b}'"), r#"(f (fmt (tuple a b)))"#);
    assert_eq!(e("f'{await f()}'"), r#"(f (fmt (await (call f))))"#);
    assert_eq!(
        e("f'{\"\".join(xs)}'"),
        r#"(f (fmt (call (. "" join) xs)))"#
    );
    assert_eq!(e("f'''{\nx\n}'''"), r#"(f (fmt x))"#);
    assert_eq!(e("f''"), "(f)");
}

#[test]
fn fstring_spans_are_offsets_into_the_source() {
    let src = "x = f'ab{value + 1:>{width}}'\n";
    let p = parse(src);
    assert!(p.diagnostics.is_empty());
    let Some(StmtKind::Assign { value, .. }) = p.module.body.first().map(|s| &s.kind) else {
        panic!()
    };
    let ExprKind::FString(parts) = &value.kind else {
        panic!()
    };
    let Some(FStringPart::Field {
        expr,
        spec: Some(spec),
        ..
    }) = parts.get(1)
    else {
        panic!("{parts:?}")
    };
    assert_eq!(
        &src[expr.span.start as usize..expr.span.end as usize],
        "value + 1"
    );
    let Some(FStringPart::Field { expr: w, .. }) = spec.get(1) else {
        panic!("{spec:?}")
    };
    assert_eq!(&src[w.span.start as usize..w.span.end as usize], "width");
}

#[test]
fn soft_keyword_match_is_a_name() {
    assert_eq!(
        dump("match = 1\nmatch.x(2)\nprint(match)\n"),
        "(= match 1)\n(call (. match x) 2)\n(call print match)"
    );
    assert_eq!(dump("café = 1\n"), "(= café 1)");
}
