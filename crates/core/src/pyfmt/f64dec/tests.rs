//! The digits against Rust std's float formatting as the independent reference: `{:e}` for the
//! shortest digits (std's are the shortest that read back and the nearest of that length,
//! like Gay's mode 0), `{:.1074}` for the exact expansion, `{:.N}` and `{}` for the page's
//! formats; over random bit patterns, subnormals, powers of two and their neighbours,
//! integers, and short decimals.

use super::{exact_decimal, format_f64, format_fixed, shortest_decimal, Decimal};

use crate::test_rng::Rng;

impl Rng {
    /// A finite double of one of several shapes, either sign.
    fn double(&mut self) -> f64 {
        let sign = self.next() >> 63 << 63;
        let r = self.next();
        let x = match r % 8 {
            // Any finite bit pattern.
            0..=2 => f64::from_bits(r >> 1 & !(0x7ff << 52) | (self.next() % 0x7ff) << 52),
            // Subnormals.
            3 => f64::from_bits(self.next() >> (12 + self.next() % 52)),
            // Powers of two and their neighbours.
            4 => {
                let p = f64::from_bits(((self.next() % 2046) + 1) << 52);
                match self.next() % 3 {
                    0 => p,
                    1 => f64::from_bits(p.to_bits() - 1 - self.next() % 3),
                    _ => f64::from_bits(p.to_bits() + 1 + self.next() % 3),
                }
            }
            // Integers, up to 2^64.
            5 => (self.next() >> (self.next() % 64)) as f64,
            // Short decimals and their arithmetic (0.1 + 0.2).
            6 => {
                let scale = 10f64.powi((self.next() % 30) as i32 - 15);
                (self.next() % 100_000) as f64 * scale + (self.next() % 1000) as f64 / 100.0
            }
            // Quotients of small integers.
            _ => (self.next() % 10_000 + 1) as f64 / (self.next() % 10_000 + 1) as f64,
        };
        f64::from_bits(x.to_bits() | sign)
    }
}

/// std's shortest digits of finite `|x|` (nonzero) from `{:e}`.
fn std_shortest(x: f64) -> Decimal {
    let text = format!("{:e}", x.abs());
    let (mantissa, exp) = text.split_once('e').unwrap_or_else(|| panic!("{text}"));
    let exp: i64 = exp.parse().expect("{:e}'s exponent is an integer");
    Decimal {
        digits: mantissa.bytes().filter(u8::is_ascii_digit).collect(),
        dp: exp + 1,
    }
}

/// std's exact expansion of finite `|x|` from `{:.1074}`, zeros stripped.
fn std_exact(x: f64) -> Decimal {
    let text = format!("{:.1074}", x.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or_else(|| panic!("{text}"));
    let all: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let lead = all.iter().take_while(|&&c| c == b'0').count();
    let mut digits = all[lead..].to_vec();
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    let dp = if digits.is_empty() {
        0
    } else {
        int_part.len() as i64 - lead as i64
    };
    Decimal { digits, dp }
}

fn hard_values() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        5e-324,
        1e-323,
        2.2250738585072014e-308,
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::MAX,
        f64::MIN_POSITIVE,
        0.1,
        0.2,
        0.1 + 0.2,
        0.3,
        2.675,
        1e-7,
        1e16,
        1e22,
        1e23,
        9007199254740993.0,
        123456789012345678.0,
        5e-324 * 3.0,
        1.0 / 3.0,
        2.0 / 3.0,
        100.0,
        1e21,
        1e-5,
        0.5,
        1.5,
        2.5,
        0.125,
        0.375,
        1.0005,
        1.0015,
        1.0025,
    ];
    for k in -1074i64..=1023 {
        let p = if k >= -1022 {
            f64::from_bits(((k + 1023) as u64) << 52)
        } else {
            f64::from_bits(1 << (k + 1074))
        };
        v.extend([
            p,
            f64::from_bits(p.to_bits() - 1),
            f64::from_bits(p.to_bits() + 1),
        ]);
    }
    for k in 1..200 {
        v.push(5e-324 * f64::from(k));
    }
    for k in -30..=30 {
        v.push(10f64.powi(k));
    }
    v
}

/// `n` random doubles after the hard ones; a hundredth of them in a debug
/// build (the test command's), where the big-integer paths are slow.
fn values(seed: u64, n: usize) -> impl Iterator<Item = f64> {
    let n = if cfg!(debug_assertions) { n / 100 } else { n };
    let mut rng = Rng(seed);
    hard_values()
        .into_iter()
        .chain((0..n).map(move |_| rng.double()))
}

/// Where `x`'s exact value lies halfway between two decimals of the shortest length that both
/// read back, std picks the upper one and CPython the one with an even last digit
/// (`repr(2**-25)` is `2.9802322387695312e-08`, std prints `2.9802322387695313e-8`): the
/// half-to-even neighbour, computed here on std's exact digits.
fn tie_to_even(x: f64, std: &Decimal) -> Option<Decimal> {
    let exact = std_exact(x);
    let (&last, below) = exact.digits.split_last()?;
    if last != b'5' || below.len() != std.digits.len() || exact.dp != std.dp {
        return None;
    }
    let mut digits = below.to_vec();
    let mut dp = exact.dp;
    if (below[below.len() - 1] - b'0') % 2 == 1 {
        // One up: ...d9 -> ...(d+1)0; all nines carry into a new leading 1.
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                dp += 1;
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Some(Decimal { digits, dp })
}

#[test]
fn shortest_matches_std() {
    let mut failures = Vec::new();
    let (mut n, mut ties) = (0, 0);
    for x in values(1, 2_000_000).filter(|x| *x != 0.0) {
        n += 1;
        let (got, want) = (shortest_decimal(x), std_shortest(x));
        if got == want {
            continue;
        }
        if tie_to_even(x, &want).is_some_and(|even| even == got) {
            ties += 1;
        } else {
            failures.push((x, got, want));
        }
    }
    for (x, got, want) in failures.iter().take(20) {
        eprintln!("{x:e} ({:#x}): got {got:?} want {want:?}", x.to_bits());
    }
    assert!(failures.is_empty(), "{} of {n} differ", failures.len());
    // The random integers and short decimals hit such ties often enough.
    let enough = if cfg!(debug_assertions) { 1 } else { 100 };
    assert!(ties > enough, "only {ties} ties to even");
}

#[test]
fn shortest_zero_is_the_digit_zero() {
    for z in [0.0, -0.0] {
        assert_eq!(
            shortest_decimal(z),
            Decimal {
                digits: vec![b'0'],
                dp: 1
            }
        );
    }
}

#[test]
fn exact_matches_std() {
    let mut n = 0;
    for x in values(2, 200_000) {
        n += 1;
        let (got, want) = (exact_decimal(x), std_exact(x));
        assert_eq!(got, want, "{x:e} ({:#x}) after {n}", x.to_bits());
    }
}

#[test]
fn format_fixed_matches_std() {
    let mut rng = Rng(3);
    let mut n = 0;
    let specials = [f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
    // Exact ties at every place: k / 2^j has j decimals ending in 5.
    let ties = (0..2000).map(|k| f64::from(k) / 2f64.powi(k % 12));
    for x in values(4, 300_000).chain(specials).chain(ties) {
        let places = match rng.next() % 16 {
            0 => (rng.next() % 400) as usize,
            1..=5 => 3,
            _ => (rng.next() % 25) as usize,
        };
        n += 1;
        assert_eq!(
            format_fixed(x, places),
            format!("{x:.places$}"),
            "{x:e} ({:#x}) at {places} places after {n}",
            x.to_bits()
        );
    }
}

#[test]
fn format_f64_matches_std() {
    let specials = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
    for x in values(5, 300_000).chain(specials) {
        let want = format!("{x}");
        let got = format_f64(x);
        if got != want && x.is_finite() && x != 0.0 {
            // A tie between two shortest decimals (see tie_to_even): std's `{}` has the upper.
            let even = tie_to_even(x, &std_shortest(x));
            assert!(
                even.is_some_and(|d| d == shortest_decimal(x)),
                "{x:e}: {got} vs {want}"
            );
            continue;
        }
        assert_eq!(got, want, "{x:e} ({:#x})", x.to_bits());
    }
}
