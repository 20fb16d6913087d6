//! `parse_decimal` against std's `str::parse::<f64>` as the reference, bit for bit, on hard
//! cases, exact ties between neighbouring doubles, and random decimals of many shapes.

use super::parse_decimal;

use crate::test_rng::Rng;

impl Rng {
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + (self.next() % 10) as u8))
            .collect()
    }

    fn finite(&mut self) -> f64 {
        loop {
            let x = f64::from_bits(self.next() >> 1);
            if x.is_finite() {
                return x;
            }
        }
    }
}

/// Checks every case and reports the first mismatches with both bit patterns.
fn check(cases: impl IntoIterator<Item = String>) -> usize {
    let mut failures = Vec::new();
    let mut n = 0;
    for s in cases {
        n += 1;
        let want = s.parse::<f64>().ok().map(f64::to_bits);
        let got = parse_decimal(&s).map(f64::to_bits);
        if got != want {
            failures.push((s, got, want));
        }
    }
    for (s, got, want) in failures.iter().take(20) {
        let short: String = s.chars().take(120).collect();
        eprintln!("{short:?} (len {}): got {got:x?} want {want:x?}", s.len());
    }
    assert!(failures.is_empty(), "{} of {n} mismatches", failures.len());
    n
}

/// Decimal digits of `m * 2^k` or `m / 2^-k` as (digits, exponent): an independent exact
/// conversion by schoolbook multiplication of a digit array by 2 or by 5.
fn exact(m: u128, k: i64) -> (String, i64) {
    let mut digits: Vec<u8> = m.to_string().bytes().map(|c| c - b'0').rev().collect();
    let factor = if k >= 0 { 2 } else { 5 };
    for _ in 0..k.abs() {
        let mut carry = 0;
        for d in digits.iter_mut() {
            let t = *d * factor + carry;
            *d = t % 10;
            carry = t / 10;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    let text = digits.iter().rev().map(|&d| char::from(b'0' + d)).collect();
    // m / 2^j = m * 5^j / 10^j.
    (text, k.min(0))
}

/// The exact decimal of the point halfway between `x` (finite, >= 0) and the next double up.
fn midpoint(x: f64) -> (String, i64) {
    let bits = x.to_bits();
    let (exp, frac) = ((bits >> 52) as i64, u128::from(bits & ((1 << 52) - 1)));
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, exp - 1075)
    };
    exact(2 * m + 1, e - 1)
}

#[test]
fn hard_cases() {
    let cases = [
        "0",
        "0.0",
        "00000",
        ".0",
        "0.",
        "0e0",
        "0e-999999999999",
        "0e999999999999",
        "1",
        "1.",
        ".5",
        "0.1",
        "0.2",
        "0.3",
        "1.5",
        "2.5",
        "1e0",
        "1E5",
        "1e+5",
        "1e-5",
        "123.456e-7",
        "9007199254740992",
        "9007199254740993",
        "9007199254740995",
        "9007199254740993.0000001",
        "18014398509481993",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "2.2250738585072014e-308",
        "2.225073858507201136057409796709131975934819546351645648e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1.797693134862315807937289714053034150799341327710736114e308",
        "1e308",
        "1e309",
        "1e-320",
        "1e-324",
        "1e-323",
        "3e-324",
        "2e-324",
        "5e-324",
        "1e23",
        "8.98846567431158e307",
        "1e-45",
        "1e22",
        "1e-22",
        "123456789012345e22",
        "999999999999999e-22",
        "1e999999999",
        "1e-999999999",
        "1e99999999999999999999999",
        "1e-99999999999999999999999",
        "7.038531e-26",
        "4.35679936e-21",
        "5e-1",
        "5e-0",
        "0.9999999999999999",
        "0.99999999999999994",
        "0.99999999999999995",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
    ];
    check(cases.iter().map(|s| s.to_string()));
    let mut cases = Vec::new();
    cases.push(format!("0.{}1e400", "0".repeat(700)));
    cases.push(format!("{}.{}", "9".repeat(500_000), "9".repeat(500_000)));
    cases.push(format!("{}1e-1000001", "0".repeat(1_000_000)));
    cases.push(format!("1e{}", "9".repeat(1_000_000)));
    check(cases);
}

/// Std saturates the written exponent at 65536 and gets these wrong, so CPython 3.11.7's
/// `float()` gives the expected values.
#[test]
fn long_digits_offset_by_the_exponent() {
    let zeros = "0".repeat(1_000_000);
    let ones = "1".repeat(1_000_000);
    let cases = [
        (format!("0.{zeros}1e1000000"), 0.1),
        (format!("{ones}e-1000000"), 0.1111111111111111),
        (format!("{ones}e-999999"), 1.1111111111111112),
        (format!("0.{zeros}1e1000310"), f64::INFINITY),
    ];
    for (s, want) in cases {
        assert_eq!(parse_decimal(&s), Some(want), "{}", &s[..20]);
    }
}

#[test]
fn invalid_text_is_none() {
    for s in [
        "",
        ".",
        "e5",
        ".e5",
        "1e",
        "1e+",
        "1e-",
        "1.2.3",
        "1e5.0",
        "1e5e5",
        " 1",
        "1 ",
        "+1",
        "-1",
        "inf",
        "nan",
        "infinity",
        "1_0",
        "1,5",
        "0x10",
        "1f",
        "\u{661}",
        "1e\u{661}",
        "1.5j",
    ] {
        assert_eq!(parse_decimal(s), None, "{s:?}");
    }
}

#[test]
fn ties_between_neighbouring_doubles() {
    let mut rng = Rng(7);
    let count = if cfg!(debug_assertions) { 300 } else { 20_000 };
    let mut xs: Vec<f64> = (0..count).map(|_| rng.finite()).collect();
    // Subnormals, the normal/subnormal border and the top of the range.
    xs.extend((0..count / 4).map(|_| f64::from_bits(rng.next() % (1 << 53))));
    xs.extend([
        0.0,
        f64::MIN_POSITIVE,
        f64::MAX,
        1.0,
        0.5,
        9007199254740992.0,
    ]);
    let mut cases = Vec::new();
    for x in xs {
        let (digits, e) = midpoint(x);
        let last = digits.len() - 1;
        let nudged = |d: u8| format!("{}{}e{e}", &digits[..last], char::from(d));
        let tail = digits.as_bytes()[last];
        cases.push(format!("{digits}e{e}"));
        cases.push(format!("{digits}000e{}", e - 3));
        cases.push(format!("{digits}0001e{}", e - 4));
        // Past the 800 digits kept exactly, only a nonzero tail tells it from the tie.
        let pad = "0".repeat(900usize.saturating_sub(digits.len()));
        let shift = e - pad.len() as i64 - 1;
        cases.push(format!("{digits}{pad}0e{shift}"));
        cases.push(format!("{digits}{pad}1e{shift}"));
        if tail > b'0' {
            cases.push(nudged(tail - 1));
        }
        if tail < b'9' {
            cases.push(nudged(tail + 1));
        }
        // The same digits cut short: a point just below the tie.
        let cut = rng.range(1, last as i64 + 1) as usize;
        cases.push(format!(
            "{}e{}",
            &digits[..cut],
            e + (digits.len() - cut) as i64
        ));
    }
    check(cases);
}

#[test]
fn random_decimals() {
    let mut rng = Rng(42);
    let count = if cfg!(debug_assertions) {
        5_000
    } else {
        300_000
    };
    let mut cases = Vec::with_capacity(count);
    for i in 0..count {
        let s = match i % 6 {
            // Doubles printed shortest, with 17 digits, and fixed.
            0 => format!("{:e}", rng.finite()),
            1 => format!("{:.16e}", rng.finite()),
            2 => format!("{}", rng.finite() * 1e-280),
            // Short mantissas across the whole exponent range.
            3 => {
                let n = rng.range(1, 19) as usize;
                format!("{}e{}", rng.digits(n), rng.range(-345, 330))
            }
            // Long mantissas, some past the 800 digits that are kept exactly.
            4 => {
                let n = rng.range(16, 1200) as usize;
                format!("{}e{}", rng.digits(n), rng.range(-1400, 330))
            }
            // A point anywhere, leading and trailing zeros.
            _ => {
                let zeros = "0".repeat(rng.range(0, 30) as usize);
                let len = rng.range(1, 40) as usize;
                let body = rng.digits(len);
                let cut = rng.range(0, body.len() as i64) as usize;
                let exp = rng.range(-360, 360);
                format!("{zeros}{}.{}{zeros}e{exp}", &body[..cut], &body[cut..])
            }
        };
        cases.push(s);
    }
    assert_eq!(check(cases), count);
}
