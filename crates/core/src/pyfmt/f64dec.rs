//! Double to decimal digits with the big integer of `big`, without std's float formatting
//! (`flt2dec`: Grisu, a Dragon fallback and a table of cached powers, about 10 KB in the wasm):
//! the exact expansion behind CPython's `e`/`f`/`g` formats, `round()` and Rust-style `{:.N}`,
//! and the shortest digits that read back, as `repr` prints them (David Gay's mode 0, which
//! CPython uses: the shortest, then the nearest to the exact value, ties to an even digit).

use super::big::{mul_pow5, shl, to_decimal, Big};
use super::dec2f64::decimal_to_f64;

/// Decimal digits `d1 d2 ...` (ASCII, no leading zero) and a point position `dp` such that the
/// value is `0.d1d2... * 10**dp`. An empty digit list means zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Decimal {
    pub(super) digits: Vec<u8>,
    pub(super) dp: i64,
}

/// The digits with their trailing zeros dropped.
fn strip(mut digits: Vec<u8>, dp: i64) -> Decimal {
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Decimal { digits, dp }
}

/// `0.digits * 10**dp` plus one unit in the last digit's place, carrying into a new leading
/// digit when every digit is a 9 (or when there is none).
fn up(digits: &[u8], dp: i64) -> Decimal {
    let mut digits = digits.to_vec();
    for i in (0..digits.len()).rev() {
        if digits[i] == b'9' {
            digits[i] = b'0';
        } else {
            digits[i] += 1;
            return strip(digits, dp);
        }
    }
    digits.insert(0, b'1');
    strip(digits, dp + 1)
}

/// Whether the nearest decimal to the exact `d` with its first `k` digits (`k < len`) is the
/// one above the cut rather than the cut itself: a lone trailing 5 is a true tie, as the digits
/// are exact, and goes to an even last digit.
fn rounds_up(d: &Decimal, k: usize) -> bool {
    let first = d.digits[k];
    let rest_nonzero = d.digits[k + 1..].iter().any(|&c| c != b'0');
    let prev_odd = k > 0 && (d.digits[k - 1] - b'0') % 2 == 1;
    first > b'5' || (first == b'5' && (rest_nonzero || prev_odd))
}

/// Keeps the first `keep` digits of `d`, rounding the rest half-to-even (the digit list is the
/// exact value, so a lone trailing 5 is a true tie). The result may carry into a new digit.
pub(super) fn round_to(d: &Decimal, keep: i64) -> Decimal {
    let len = d.digits.len() as i64;
    if keep >= len {
        return d.clone();
    }
    if keep < 0 {
        return Decimal {
            digits: Vec::new(),
            dp: d.dp,
        };
    }
    let k = keep as usize;
    let mut r = if rounds_up(d, k) {
        up(&d.digits[..k], d.dp)
    } else {
        strip(d.digits[..k].to_vec(), d.dp)
    };
    if r.digits.is_empty() {
        r.dp = d.dp + 1;
    }
    r
}

/// `|x| = m * 2^e` with `m` odd, or `(0, 0)` for a zero; `x` finite.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits() & !(1 << 63);
    let (biased, frac) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    let (m, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, biased - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    (m >> tz, e + i64::from(tz))
}

/// The exact decimal expansion of a finite `|x|` (every double has one, with at most 767
/// significant digits).
pub(super) fn exact_decimal(x: f64) -> Decimal {
    let (m, e) = decompose(x);
    if m == 0 {
        return Decimal {
            digits: Vec::new(),
            dp: 0,
        };
    }
    // m * 2^e is an integer for e >= 0, and m * 5^-e / 10^-e for e < 0.
    let mut n: Big = vec![m as u32, (m >> 32) as u32];
    if e >= 0 {
        shl(&mut n, e);
    } else {
        mul_pow5(&mut n, -e);
    }
    let digits = to_decimal(n);
    let dp = digits.len() as i64 + e.min(0);
    strip(digits, dp)
}

/// Whether a decimal reads back as `x` (round half to even, as `float()` reads).
fn reads_back(d: &Decimal, x: f64) -> bool {
    decimal_to_f64(&d.digits, d.dp) == x
}

/// The `n`-digit decimal (`n` below the exact length) nearest to `exact` that reads back as
/// `x`, if one does. Only the neighbours on either side can: every other one is further on the
/// same side. At a power of two the interval that reads back is narrower below than above, so
/// the nearer neighbour may miss while the other one reads back.
fn nearest_reading_back(exact: &Decimal, n: usize, x: f64) -> Option<Decimal> {
    let below = strip(exact.digits[..n].to_vec(), exact.dp);
    let above = up(&exact.digits[..n], exact.dp);
    let (near, far) = if rounds_up(exact, n) {
        (above, below)
    } else {
        (below, above)
    };
    [near, far].into_iter().find(|d| reads_back(d, x))
}

/// The shortest digits that read back as the finite `|x|`, the nearest to it among those of
/// that length (what `repr` prints). Zero is the digit `0`.
pub(super) fn shortest_decimal(x: f64) -> Decimal {
    let x = x.abs();
    if x == 0.0 {
        return Decimal {
            digits: vec![b'0'],
            dp: 1,
        };
    }
    let exact = exact_decimal(x);
    // Around a normal double, decimals of 15 significant digits are more than four times
    // further apart than the interval that reads back is wide, so at most one of them (and
    // of any fewer digits, padded with zeros) reads back: if one does, it is the answer with
    // its zeros dropped, and if none does, no shorter one does either. Subnormals are spaced
    // wider and start from one digit.
    let first = if x >= f64::MIN_POSITIVE { 15 } else { 1 };
    if exact.digits.len() <= first {
        return exact;
    }
    // A decimal of n digits that reads back stays one at n + 1 digits (pad it with a zero),
    // so the first length with one is the shortest.
    (first..exact.digits.len())
        .find_map(|n| nearest_reading_back(&exact, n, x))
        .unwrap_or(exact)
}

/// Rust's plain layout: a sign, the integer digits, and `frac` digits after a point (none and
/// no point when `frac` is 0), from digits already rounded to that many places.
fn plain(negative: bool, d: &Decimal, frac: usize) -> String {
    let len = d.digits.len() as i64;
    let digit = |i: i64| {
        if (0..len).contains(&i) {
            char::from(d.digits[i as usize])
        } else {
            '0'
        }
    };
    let mut out = String::with_capacity(d.dp.clamp(1, 400) as usize + frac.min(1100) + 2);
    if negative {
        out.push('-');
    }
    if d.dp <= 0 || d.digits.is_empty() {
        out.push('0');
    } else {
        out.extend((0..d.dp).map(digit));
    }
    if frac > 0 {
        // The digit of place 10^-j is the one at index dp - 1 + j.
        out.push('.');
        out.extend((d.dp..d.dp.saturating_add(frac as i64)).map(digit));
    }
    out
}

/// What Rust's `format!("{x:.decimals$}")` prints: the exact value rounded half to even at
/// `decimals` places, with a `-` whenever the sign bit is set (`-0.000`), `NaN`, `inf`, `-inf`.
/// The page formats its times with it; std's version would bring `flt2dec` into the wasm.
pub fn format_fixed(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let negative = x.is_sign_negative();
    if x.is_infinite() {
        return if negative { "-inf" } else { "inf" }.to_string();
    }
    let exact = exact_decimal(x);
    let places = i64::try_from(decimals).unwrap_or(i64::MAX);
    let d = round_to(&exact, exact.dp.saturating_add(places));
    plain(negative, &d, decimals)
}

/// What Rust's `format!("{x}")` prints: the shortest digits that read back, never with an
/// exponent (`1e21` is `1000000000000000000000`, `1.0` is `1`, `-0.0` is `-0`).
pub fn format_f64(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let negative = x.is_sign_negative();
    if x.is_infinite() {
        return if negative { "-inf" } else { "inf" }.to_string();
    }
    let d = shortest_decimal(x);
    let frac = (d.digits.len() as i64 - d.dp).max(0) as usize;
    plain(negative, &d, frac)
}

#[cfg(test)]
mod tests;
