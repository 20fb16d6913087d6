//! Decimal text to the nearest double, ties to even, for float literals, `float(str)` and
//! `round(x, n)`. An exact method of our own: std's `f64::from_str` would bring a table of
//! 650 128-bit powers of five and a slow path into the wasm, about 10 KB gzipped.
//!
//! Short inputs take one correctly rounded f64 multiply or divide; the rest compute the
//! quotient `D * 10^e / 2^k` exactly with a small big integer and round its remainder.

/// Significant digits past this many only tell whether the rest is nonzero: a tie between two
/// doubles has at most 767 significant digits, so none lies strictly between two decimals of
/// 800 digits that differ by one unit in the last place.
const MAX_DIGITS: usize = 800;

use super::big::{bit_len, ge, mul_add, mul_pow5, shl, shr1, sub, Big};

/// The double nearest to `q * 2^e2`, where `2^62 <= q < 2^64` and `sticky` says the exact value
/// is a little more than that (less than one more unit of `q`).
fn round(q: u64, sticky: bool, e2: i64) -> f64 {
    let len = 64 - i64::from(q.leading_zeros());
    // Keep 53 bits, or fewer where the unit would go below 2^-1074 (subnormals).
    let drop = (len - 53).max(-1074 - e2);
    if drop > 64 {
        // q * 2^e2 < 2^64 * 2^e2 <= half of 2^-1074.
        return 0.0;
    }
    let q = u128::from(q);
    let half = 1u128 << (drop - 1);
    let rest = q & (2 * half - 1);
    let mut m = (q >> drop) as u64;
    if rest > half || (rest == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let mut ex = e2 + drop;
    if m < 1 << 52 {
        // A subnormal, whose unit is 2^-1074: its bits are m.
        return f64::from_bits(m);
    }
    if m == 1 << 53 {
        m >>= 1;
        ex += 1;
    }
    let biased = ex + 52 + 1023;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits((biased as u64) << 52 | (m & ((1 << 52) - 1)))
}

/// The double nearest to `0.d1d2d3... * 10^dp`, ties to even, for ASCII decimal `digits`.
pub(crate) fn decimal_to_f64(digits: &[u8], dp: i64) -> f64 {
    let lead = digits.iter().take_while(|&&c| c == b'0').count();
    let digits = &digits[lead..];
    let dp = dp.saturating_sub(lead as i64);
    let end = digits.iter().rposition(|&c| c != b'0').map_or(0, |i| i + 1);
    let digits = &digits[..end];
    // The value lies in [10^(dp-1), 10^dp): below 10^-324 it is under half the least
    // subnormal (2.47e-324), and from 10^309 on it is past the largest double.
    if digits.is_empty() || dp < -330 {
        return 0.0;
    }
    if dp > 310 {
        return f64::INFINITY;
    }
    let sticky = digits.len() > MAX_DIGITS;
    let digits = &digits[..digits.len().min(MAX_DIGITS)];
    let mut e = dp - digits.len() as i64;
    let int = |ds: &[u8]| ds.iter().fold(0, |v, &c| v * 10 + u64::from(c - b'0'));
    if !sticky && digits.len() <= 15 && (-22..=22).contains(&e) {
        // Both operands are exact doubles (below 2^53, and 10^22 = 2^22 * 5^22 with
        // 5^22 < 2^53), so one IEEE operation rounds the exact value once.
        let m = int(digits) as f64;
        let p = (0..e.abs()).fold(1.0, |p, _| p * 10.0);
        return if e < 0 { m / p } else { m * p };
    }
    let mut num = Big::new();
    for chunk in digits.chunks(9) {
        mul_add(&mut num, 10u32.pow(chunk.len() as u32), int(chunk) as u32);
    }
    if sticky {
        mul_add(&mut num, 10, 1);
        e -= 1;
    }
    // D * 10^e = (num / den) * 2^e with num = D * 5^e, den = 1 for e >= 0, and num = D,
    // den = 5^-e for e < 0.
    let mut den: Big = vec![1];
    mul_pow5(&mut num, e);
    mul_pow5(&mut den, -e);
    // Scale so that q = floor(num * 2^s / den) lies in [2^62, 2^64), then divide bit by bit.
    let s = 63 - bit_len(&num) + bit_len(&den);
    shl(&mut num, s);
    shl(&mut den, 63 - s.min(0));
    let mut q = 0u64;
    for _ in 0..64 {
        q <<= 1;
        if ge(&num, &den) {
            sub(&mut num, &den);
            q |= 1;
        }
        shr1(&mut den);
    }
    round(q, num.iter().any(|&l| l != 0), e - s)
}

/// The double nearest to an unsigned decimal `digits [. digits] [e [sign] digits]` (at least one
/// mantissa digit), or `None` for any other text. Callers handle signs, `inf`, `nan` and `_`.
pub(crate) fn parse_decimal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut digits = Vec::new();
    let (mut dp, mut seen, mut point, mut i) = (0i64, false, false, 0);
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                seen = true;
                if c != b'0' || !digits.is_empty() {
                    digits.push(c);
                    dp += i64::from(!point);
                } else if point {
                    dp -= 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    if i < b.len() {
        if b[i] | 0x20 != b'e' {
            return None;
        }
        let (negative, rest) = match b.get(i + 1) {
            Some(b'-') => (true, &b[i + 2..]),
            Some(b'+') => (false, &b[i + 2..]),
            _ => (false, &b[i + 1..]),
        };
        if rest.is_empty() || !rest.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Any exponent past 2^40 gives zero or infinity just the same.
        let exp = rest
            .iter()
            .fold(0i64, |v, &c| (v * 10 + i64::from(c - b'0')).min(1 << 40));
        dp = dp.saturating_add(if negative { -exp } else { exp });
    }
    Some(decimal_to_f64(&digits, dp))
}

#[cfg(test)]
mod tests;
