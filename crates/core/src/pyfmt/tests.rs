//! Tests for `pyfmt`; every expected value was produced by CPython 3.11.7.

use super::cases::{
    BOOL_CASES, FLOAT_CASES, INT_CASES, REPR_CASES, ROUND_CASES, ROUND_FMT_CASES, STR_CASES,
};
use super::*;

fn report<V: std::fmt::Debug>(failures: &[(V, String, String, String)]) {
    for (v, spec, got, want) in failures.iter().take(40) {
        eprintln!("value {v:?} spec {spec:?}: got {got} want {want}");
    }
    assert!(failures.is_empty(), "{} mismatches", failures.len());
}

fn check_grid<V: Copy + std::fmt::Debug>(
    cases: &[(V, &str, Result<&str, &str>)],
    f: impl Fn(V, &str) -> Result<String, String>,
) {
    let mut failures = Vec::new();
    for &(v, spec, want) in cases {
        let got = f(v, spec);
        let want = want.map(str::to_string).map_err(str::to_string);
        if got != want {
            failures.push((v, spec.to_string(), format!("{got:?}"), format!("{want:?}")));
        }
    }
    report(&failures);
}

#[test]
fn int_grid() {
    check_grid(INT_CASES, format_int);
}

#[test]
fn bool_grid() {
    check_grid(BOOL_CASES, format_bool);
}

#[test]
fn float_grid() {
    check_grid(FLOAT_CASES, format_float);
}

#[test]
fn str_grid() {
    check_grid(STR_CASES, format_str);
}

#[test]
fn float_repr_matches() {
    let mut failures = Vec::new();
    for &(bits, want) in REPR_CASES {
        let x = f64::from_bits(bits);
        let got = float_repr(x);
        if got != want {
            failures.push((x, String::new(), got, want.to_string()));
        }
        // str(x) and format(x, '') are the same text.
        assert_eq!(format_float(x, ""), Ok(want.to_string()));
    }
    report(&failures);
}

#[test]
fn float_repr_specials() {
    // CPython: repr of 1.0, -0.0, inf, -inf, nan, 1e16, 1e-05, 1.5e300, 0.0001, 123456789012345678.0
    assert_eq!(float_repr(1.0), "1.0");
    assert_eq!(float_repr(-0.0), "-0.0");
    assert_eq!(float_repr(f64::INFINITY), "inf");
    assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
    assert_eq!(float_repr(f64::NAN), "nan");
    assert_eq!(float_repr(1e16), "1e+16");
    assert_eq!(float_repr(1e-5), "1e-05");
    assert_eq!(float_repr(1.5e300), "1.5e+300");
    assert_eq!(float_repr(0.0001), "0.0001");
    assert_eq!(float_repr(123456789012345678.0), "1.2345678901234568e+17");
    assert_eq!(float_repr(9999999999999998.0), "9999999999999998.0");
    // CPython picks the nearest of several shortest round-tripping strings (here a tie at
    // ...347.25 resolved to even): repr(606695500256347.25) == '606695500256347.2'.
    assert_eq!(
        float_repr(f64::from_bits(0x43013e4a6e3ca2da)),
        "606695500256347.2"
    );
    assert_eq!(
        float_repr(f64::from_bits(0x43131786929318f5)),
        "1343472827418173.2"
    );
}

#[test]
fn rounding_formats_match() {
    let mut failures = Vec::new();
    for &(bits, spec, want) in ROUND_FMT_CASES {
        let x = f64::from_bits(bits);
        let got = format_float(x, spec);
        if got != Ok(want.to_string()) {
            failures.push((x, spec.to_string(), format!("{got:?}"), want.to_string()));
        }
    }
    report(&failures);
}

#[test]
fn round_float_matches() {
    let mut failures = Vec::new();
    for &(bits, n, want) in ROUND_CASES {
        let x = f64::from_bits(bits);
        let got = round_float(x, n);
        if got.map(f64::to_bits) != Ok(want) {
            failures.push((
                x,
                n.to_string(),
                format!("{got:?}"),
                f64::from_bits(want).to_string(),
            ));
        }
    }
    report(&failures);
}

#[test]
fn round_specials() {
    // CPython: round(inf, 2) -> inf, round(nan, 2) -> nan, round(1.7976931348623157e308, -308)
    // -> OverflowError('rounded value too large to represent').
    assert_eq!(round_float(f64::INFINITY, 2), Ok(f64::INFINITY));
    assert!(round_float(f64::NAN, 2).is_ok_and(f64::is_nan));
    assert_eq!(
        round_float(1.7976931348623157e308, -308),
        Err(RoundError::Overflow)
    );
    assert_eq!(
        RoundError::Overflow.message(),
        "rounded value too large to represent"
    );
    assert_eq!(round_float(-0.4, 0).map(f64::is_sign_negative), Ok(true));
    // CPython: round(0.5), round(1.5), round(2.5), round(-2.5), round(2.675 * 100)
    assert_eq!(round_half_even(0.5), Ok(0.0));
    assert_eq!(round_half_even(1.5), Ok(2.0));
    assert_eq!(round_half_even(2.5), Ok(2.0));
    assert_eq!(round_half_even(-2.5), Ok(-2.0));
    assert_eq!(
        round_half_even(f64::INFINITY),
        Err(FloatToIntError::Infinity)
    );
    assert_eq!(round_half_even(f64::NAN), Err(FloatToIntError::NaN));
    assert_eq!(
        FloatToIntError::Infinity.message(),
        "cannot convert float infinity to integer"
    );
    assert_eq!(
        FloatToIntError::NaN.message(),
        "cannot convert float NaN to integer"
    );
    assert_eq!(FloatToIntError::NaN.exc_type(), "ValueError");
}

#[test]
fn huge_widths_are_bounded() {
    // CPython: format(5, '99999999999999999999') -> 'Too many decimal digits in format string'.
    assert_eq!(
        format_int(5, "99999999999999999999"),
        Err("Too many decimal digits in format string".to_string())
    );
    assert!(format_int(5, "100001").is_err());
    assert!(format_float(1.5, ".100001f").is_err());
    assert!(format_str("a", "999999999").is_err());
    assert_eq!(format_str("a", "100000").map(|s| s.len()), Ok(100_000));
    // CPython: len(format(1.5, '.1100f')) == 1102, digits after the exact expansion are zeros.
    assert_eq!(format_float(5e-324, ".1100f").map(|s| s.len()), Ok(1102));
}

#[test]
fn str_repr_matches() {
    // CPython 3.11.7: repr() of each input.
    let cases: &[(&str, &str)] = &[
        ("", "''"),
        ("abc", "'abc'"),
        ("a'b", "\"a'b\""),
        ("a'b\"", "'a\\'b\"'"),
        ("\"", "'\"'"),
        ("\\", "'\\\\'"),
        ("\n\r\t", "'\\n\\r\\t'"),
        ("\x00\x1f\x7f", "'\\x00\\x1f\\x7f'"),
        ("\u{85}\u{a0}\u{ad}", "'\\x85\\xa0\\xad'"),
        ("é中😀", "'é中😀'"),
        ("\u{2028}\u{200b}\u{feff}", "'\\u2028\\u200b\\ufeff'"),
        (
            "\u{e0001}\u{10ffff}\u{e000}",
            "'\\U000e0001\\U0010ffff\\ue000'",
        ),
        ("\u{378}", "'\\u0378'"),
        ("\u{3000}x", "'\\u3000x'"),
    ];
    for &(s, want) in cases {
        assert_eq!(str_repr(s), want, "repr of {s:?}");
    }
    // CPython: ascii('é中😀\n') == "'\\xe9\\u4e2d\\U0001f600\\n'"
    assert_eq!(str_ascii("é中😀\n"), "'\\xe9\\u4e2d\\U0001f600\\n'");
}

#[test]
fn parse_float_cases() {
    // CPython: float(s) for each; None marks a ValueError.
    let cases: &[(&str, Option<f64>)] = &[
        ("1.5", Some(1.5)),
        ("  -2.5e3\n", Some(-2500.0)),
        ("1_000.000_1", Some(1000.0001)),
        (".5", Some(0.5)),
        ("5.", Some(5.0)),
        ("1e5", Some(100000.0)),
        ("1E-2", Some(0.01)),
        ("+inf", Some(f64::INFINITY)),
        ("-Infinity", Some(f64::NEG_INFINITY)),
        ("iNF", Some(f64::INFINITY)),
        ("1e999", Some(f64::INFINITY)),
        ("0.1", Some(0.1)),
        ("1__0", None),
        ("_1", None),
        ("1_", None),
        ("1_.5", None),
        ("1._5", None),
        ("", None),
        ("   ", None),
        (".", None),
        ("e5", None),
        ("1e", None),
        ("1e+", None),
        ("0x10", None),
        ("1.5f", None),
        ("in f", None),
        ("--1", None),
        ("infinit", None),
        ("1e1_0", Some(1e10)),
    ];
    for &(s, want) in cases {
        assert_eq!(parse_float(s), want, "float({s:?})");
    }
    assert!(parse_float("-nan").is_some_and(f64::is_nan));
    assert!(parse_float(" NaN ").is_some_and(f64::is_nan));
    // CPython: float('abc') -> ValueError("could not convert string to float: 'abc'")
    assert_eq!(
        float_parse_error("abc"),
        "could not convert string to float: 'abc'"
    );
}

#[test]
fn parse_int_cases() {
    use ParseIntError::{Invalid, InvalidBase, Overflow};
    // CPython: int(s, base); Invalid marks a ValueError, Overflow a value outside i64.
    let cases: &[(&str, u32, Result<i64, ParseIntError>)] = &[
        ("42", 10, Ok(42)),
        ("  -42 \n", 10, Ok(-42)),
        ("+7", 10, Ok(7)),
        ("1_000_000", 10, Ok(1_000_000)),
        ("1__0", 10, Err(Invalid)),
        ("_1", 10, Err(Invalid)),
        ("1_", 10, Err(Invalid)),
        ("", 10, Err(Invalid)),
        ("  ", 10, Err(Invalid)),
        ("1.5", 10, Err(Invalid)),
        ("0x1f", 16, Ok(31)),
        ("0X1F", 0, Ok(31)),
        ("1f", 16, Ok(31)),
        ("0o17", 0, Ok(15)),
        ("0b101", 0, Ok(5)),
        ("0b101", 2, Ok(5)),
        ("0b101", 16, Ok(0xb101)),
        ("0x_1f", 16, Ok(31)),
        ("0x__1f", 16, Err(Invalid)),
        ("0x", 16, Err(Invalid)),
        ("010", 0, Err(Invalid)),
        ("000", 0, Ok(0)),
        ("0_0", 0, Ok(0)),
        ("010", 10, Ok(10)),
        ("0o17", 10, Err(Invalid)),
        ("z", 36, Ok(35)),
        ("Z", 36, Ok(35)),
        ("12", 2, Err(Invalid)),
        ("9223372036854775807", 10, Ok(i64::MAX)),
        ("-9223372036854775808", 10, Ok(i64::MIN)),
        ("9223372036854775808", 10, Err(Overflow)),
        (
            "99999999999999999999999999999999999999999",
            10,
            Err(Overflow),
        ),
        (
            "99999999999999999999999999999999999999999x",
            10,
            Err(Invalid),
        ),
        ("5", 1, Err(InvalidBase)),
        ("5", 37, Err(InvalidBase)),
        ("-0x10", 0, Ok(-16)),
        ("- 5", 10, Err(Invalid)),
    ];
    for &(s, base, want) in cases {
        assert_eq!(parse_int(s, base), want, "int({s:?}, {base})");
    }
    // CPython: int('abc') -> ValueError("invalid literal for int() with base 10: 'abc'")
    assert_eq!(
        int_parse_error("abc", 10),
        "invalid literal for int() with base 10: 'abc'"
    );
    assert_eq!(
        Invalid.message("0x", 16),
        "invalid literal for int() with base 16: '0x'"
    );
    assert_eq!(
        InvalidBase.message("5", 1),
        "int() base must be >= 2 and <= 36, or 0"
    );
}

fn lit(s: &str) -> FormatPiece {
    FormatPiece::Literal(s.to_string())
}

fn field(arg: FieldArg, conversion: Option<char>, spec: Vec<FormatPiece>) -> FormatPiece {
    FormatPiece::Field(FormatField {
        arg,
        accessors: Vec::new(),
        conversion,
        spec,
    })
}

#[test]
fn format_string_structure() {
    use FieldArg::{Index, Keyword};
    assert_eq!(
        parse_format_string("a{}b{}c"),
        Ok(vec![
            lit("a"),
            field(Index(0), None, vec![]),
            lit("b"),
            field(Index(1), None, vec![]),
            lit("c")
        ])
    );
    assert_eq!(parse_format_string("{{}}"), Ok(vec![lit("{}")]));
    assert_eq!(
        parse_format_string("{0!r:>5} {name}"),
        Ok(vec![
            field(Index(0), Some('r'), vec![lit(">5")]),
            lit(" "),
            field(Keyword("name".to_string()), None, vec![]),
        ])
    );
    // Auto numbering gives the outer field its number before the nested ones.
    assert_eq!(
        parse_format_string("{:{}>{}}"),
        Ok(vec![field(
            Index(0),
            None,
            vec![
                field(Index(1), None, vec![]),
                lit(">"),
                field(Index(2), None, vec![])
            ]
        )])
    );
    assert_eq!(
        parse_format_string("{0.real[1][key]}"),
        Ok(vec![FormatPiece::Field(FormatField {
            arg: Index(0),
            accessors: vec![
                FieldAccessor::Attr("real".to_string()),
                FieldAccessor::Index(1),
                FieldAccessor::Key("key".to_string()),
            ],
            conversion: None,
            spec: vec![],
        })])
    );
    assert_eq!(
        parse_format_string("{ 0 }"),
        Ok(vec![field(Keyword(" 0 ".to_string()), None, vec![])])
    );
    assert_eq!(
        parse_format_string("{0!s}"),
        Ok(vec![field(Index(0), Some('s'), vec![])])
    );
}

#[test]
fn format_string_errors() {
    // CPython 3.11.7: str.format error messages for each template.
    let cases: &[(&str, &str)] = &[
        ("}", "Single '}' encountered in format string"),
        ("{", "Single '{' encountered in format string"),
        ("a}b", "Single '}' encountered in format string"),
        (
            "{}{1}",
            "cannot switch from automatic field numbering to manual field specification",
        ),
        (
            "{1}{}",
            "cannot switch from manual field specification to automatic field numbering",
        ),
        ("{:{:{}}}", "Max string recursion exceeded"),
        ("{!}", "unmatched '{' in format spec"),
        ("{0!}", "unmatched '{' in format spec"),
        ("{!x}", "Unknown conversion specifier x"),
        ("{!rx}", "expected ':' after conversion specifier"),
        ("{0[}", "expected '}' before end of string"),
        ("{:}}", "Single '}' encountered in format string"),
        ("x{0:a{{b}", "unmatched '{' in format spec"),
        ("{0:{", "unmatched '{' in format spec"),
        ("{0", "expected '}' before end of string"),
        ("{0:", "unmatched '{' in format spec"),
        ("{}}", "Single '}' encountered in format string"),
        ("{a{b}", "unexpected '{' in field name"),
        (
            "{0!",
            "end of string while looking for conversion specifier",
        ),
        ("{0.}", "Empty attribute in format string"),
        ("{0[]}", "Empty attribute in format string"),
        (
            "{0[0]x}",
            "Only '.' or '[' may follow ']' in format field specifier",
        ),
        (
            "{99999999999999999999999}",
            "Too many decimal digits in format string",
        ),
    ];
    for &(s, want) in cases {
        assert_eq!(
            parse_format_string(s),
            Err(want.to_string()),
            "template {s:?}"
        );
    }
}

/// (Reference: Rust's own `Display` of an i64, which writes what CPython's
/// `repr` of an int does.)
#[test]
fn ints_are_written_as_repr_writes_them() {
    for i in [0, 7, -7, 10, -120, 1_234_567, i64::MAX, i64::MIN] {
        let mut out = String::from("x");
        push_int(&mut out, i);
        assert_eq!(out, format!("x{i}"));
    }
}
