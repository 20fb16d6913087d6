//! Float to text as CPython does it: shortest `repr`, correctly rounded fixed/exponent/general
//! formats with ties-to-even on the exact binary value, and `round()`.

use super::dec2f64::decimal_to_f64;
use super::f64dec::{exact_decimal, round_to, shortest_decimal, Decimal};
use super::spec::{check_limit, fill_number, parse_spec, unknown_code, FormatSpec, NumberParts};

/// Lays out digits the way CPython's `format_float_short` does.
struct Layout {
    use_exp: bool,
    /// Minimum number of digit positions after the start of `digits` to print.
    vdigits_end: i64,
    alt: bool,
    add_dot_0: bool,
    upper: bool,
}

fn layout(d: &Decimal, mut dp: i64, l: &Layout) -> String {
    let digits = &d.digits;
    let len = digits.len() as i64;
    let mut exp = 0;
    if l.use_exp {
        exp = dp - 1;
        dp = 1;
    }
    let vstart = if dp <= 0 { dp - 1 } else { 0 };
    let mut vend = l.vdigits_end.max(len);
    vend = if !l.use_exp && l.add_dot_0 {
        vend.max(dp + 1)
    } else {
        vend.max(dp)
    };
    let mut out = String::new();
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, ds: &[u8]| {
        for &b in ds {
            out.push(char::from(b));
        }
    };
    if dp <= 0 {
        zeros(&mut out, dp - vstart);
        out.push('.');
        zeros(&mut out, -dp);
    }
    if 0 < dp && dp <= len {
        let split = dp as usize;
        push_digits(&mut out, &digits[..split]);
        out.push('.');
        push_digits(&mut out, &digits[split..]);
    } else {
        push_digits(&mut out, digits);
    }
    if len < dp {
        zeros(&mut out, dp - len);
        out.push('.');
        zeros(&mut out, vend - dp);
    } else {
        zeros(&mut out, vend - len);
    }
    if out.ends_with('.') && !l.alt {
        out.pop();
    }
    if l.use_exp {
        out.push(if l.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// Formats finite `|x|` in CPython's mode `ty` (`'r'` shortest, `'e'`, `'f'`, `'g'`),
/// returning the text and whether every printed digit is zero.
fn format_abs(
    x: f64,
    ty: char,
    precision: i64,
    alt: bool,
    add_dot_0: bool,
    upper: bool,
) -> (String, bool) {
    let mut l = Layout {
        use_exp: false,
        vdigits_end: 0,
        alt,
        add_dot_0,
        upper,
    };
    let zero = Decimal {
        digits: vec![b'0'],
        dp: 1,
    };
    let d = match ty {
        'r' => {
            let d = shortest_decimal(x);
            l.use_exp = d.dp <= -4 || d.dp > 16;
            d
        }
        'e' => {
            let d = if x == 0.0 {
                zero
            } else {
                round_to(&exact_decimal(x), precision + 1)
            };
            l.use_exp = true;
            l.vdigits_end = precision + 1;
            d
        }
        'f' => {
            let exact = exact_decimal(x);
            let mut d = round_to(&exact, exact.dp + precision);
            if d.digits.is_empty() {
                d.dp = -precision;
            }
            l.vdigits_end = d.dp + precision;
            d
        }
        _ => {
            let p = precision.max(1);
            let d = if x == 0.0 {
                zero
            } else {
                round_to(&exact_decimal(x), p)
            };
            let limit = if add_dot_0 { p - 1 } else { p };
            l.use_exp = d.dp <= -4 || d.dp > limit;
            if alt {
                l.vdigits_end = p;
            }
            d
        }
    };
    let is_zero = d.digits.iter().all(|&c| c == b'0');
    (layout(&d, d.dp, &l), is_zero)
}

/// CPython's `repr(x)` / `str(x)` for a float.
pub(crate) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let (body, _) = format_abs(x, 'r', 0, false, true, false);
    if x.is_sign_negative() {
        format!("-{body}")
    } else {
        body
    }
}

/// `format(v, spec)` for a float.
pub(crate) fn format_float(v: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(float_repr(v));
    }
    let parsed = parse_spec(spec, "float")?;
    format_float_value(v, &parsed, "float")
}

/// Float formatting for an already parsed spec; ints reach it for the float presentation types.
pub(super) fn format_float_value(
    v: f64,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, String> {
    let ty = spec.ty;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    check_limit(spec.width)?;
    check_limit(spec.precision.unwrap_or(0))?;
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut x = v;
    let mut add_pct = false;
    let mut add_dot_0 = false;
    let (mode, default_precision) = match ty {
        None => {
            add_dot_0 = true;
            ('r', 0)
        }
        Some('%') => {
            x *= 100.0;
            add_pct = true;
            ('f', 6)
        }
        Some('e' | 'E') => ('e', 6),
        Some('f' | 'F') => ('f', 6),
        _ => ('g', 6),
    };
    let mode = if mode == 'r' && spec.precision.is_some() {
        'g'
    } else {
        mode
    };
    let precision = spec.precision.map_or(default_precision, |p| p as i64);
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let text = if x.is_nan() {
        if upper { "NAN" } else { "nan" }.to_string()
    } else if x.is_infinite() {
        if upper { "INF" } else { "inf" }.to_string()
    } else {
        let (t, is_zero) = format_abs(x, mode, precision, spec.alternate, add_dot_0, upper);
        if is_zero && spec.no_neg_0 {
            negative = false;
        }
        t
    };
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(split);
    let rest = if add_pct {
        format!("{rest}%")
    } else {
        rest.to_string()
    };
    // CPython never groups inf/nan, even when zero padding would otherwise sprout separators.
    let grouping = if ty == Some('n') || !x.is_finite() {
        None
    } else {
        spec.grouping.map(|g| (g, 3))
    };
    Ok(fill_number(
        spec,
        &NumberParts {
            negative,
            prefix: "",
            digits,
            rest: &rest,
            grouping,
        },
    ))
}

/// The failure of `round(x, n)` on a finite float whose rounded value overflows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RoundError {
    /// CPython raises OverflowError("rounded value too large to represent").
    Overflow,
}

impl RoundError {
    /// The message of the OverflowError CPython raises.
    pub(crate) fn message(self) -> &'static str {
        "rounded value too large to represent"
    }
}

/// CPython's `round(x, ndigits)` for a float: the correctly rounded (ties-to-even on the exact
/// value) decimal, converted back to the nearest double.
pub(crate) fn round_float(x: f64, ndigits: i64) -> Result<f64, RoundError> {
    // Beyond these CPython returns x unchanged, or a zero of x's sign.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let exact = exact_decimal(x);
    let d = round_to(&exact, exact.dp + ndigits);
    let r = decimal_to_f64(&d.digits, d.dp);
    if !r.is_finite() {
        return Err(RoundError::Overflow);
    }
    Ok(if x < 0.0 { -r } else { r })
}

/// Why `round(x)` (no ndigits) cannot produce an int.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FloatToIntError {
    /// CPython: OverflowError("cannot convert float infinity to integer").
    Infinity,
    /// CPython: ValueError("cannot convert float NaN to integer").
    NaN,
}

impl FloatToIntError {
    /// The Python exception class name.
    pub(crate) fn exc_type(self) -> &'static str {
        match self {
            FloatToIntError::Infinity => "OverflowError",
            FloatToIntError::NaN => "ValueError",
        }
    }

    /// The exception message, verbatim from CPython.
    pub(crate) fn message(self) -> &'static str {
        match self {
            FloatToIntError::Infinity => "cannot convert float infinity to integer",
            FloatToIntError::NaN => "cannot convert float NaN to integer",
        }
    }
}

/// CPython's `round(x)`: the nearest integer (as a float; it may not fit an i64), ties to even.
pub(crate) fn round_half_even(x: f64) -> Result<f64, FloatToIntError> {
    if x.is_nan() {
        return Err(FloatToIntError::NaN);
    }
    if x.is_infinite() {
        return Err(FloatToIntError::Infinity);
    }
    Ok(x.round_ties_even())
}
