//! A small unsigned big integer (least significant 32-bit limb first) for the exact
//! conversions between decimal text and doubles: `dec2f64` (text to double) and `f64dec`
//! (double to digits).

/// A big unsigned integer, least significant 32-bit limb first.
pub(super) type Big = Vec<u32>;

/// `a = a * m + add`.
pub(super) fn mul_add(a: &mut Big, m: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in a.iter_mut() {
        let t = u64::from(*limb) * u64::from(m) + carry;
        *limb = t as u32;
        carry = t >> 32;
    }
    if carry > 0 {
        a.push(carry as u32);
    }
}

/// `a = a * 5^k` (nothing for `k <= 0`).
pub(super) fn mul_pow5(a: &mut Big, mut k: i64) {
    while k > 0 {
        // 5^13 is the largest power of five below 2^32.
        let step = k.min(13);
        mul_add(a, 5u32.pow(step as u32), 0);
        k -= step;
    }
}

/// `a = a * 2^n` for `n >= 0`.
pub(super) fn shl(a: &mut Big, n: i64) {
    let n = n.max(0) as usize;
    mul_add(a, 1 << (n % 32), 0);
    a.splice(0..0, std::iter::repeat_n(0, n / 32));
}

pub(super) fn bit_len(a: &[u32]) -> i64 {
    match a.iter().rposition(|&l| l != 0) {
        Some(i) => 32 * (i as i64 + 1) - i64::from(a[i].leading_zeros()),
        None => 0,
    }
}

pub(super) fn limb(a: &[u32], i: usize) -> u32 {
    a.get(i).copied().unwrap_or(0)
}

pub(super) fn ge(a: &[u32], b: &[u32]) -> bool {
    for i in (0..a.len().max(b.len())).rev() {
        let (x, y) = (limb(a, i), limb(b, i));
        if x != y {
            return x > y;
        }
    }
    true
}

/// `a = a - b` for `a >= b`.
pub(super) fn sub(a: &mut [u32], b: &[u32]) {
    let mut borrow = 0;
    for (i, l) in a.iter_mut().enumerate() {
        let t = i64::from(*l) - i64::from(limb(b, i)) - borrow;
        *l = t as u32;
        borrow = i64::from(t < 0);
    }
}

pub(super) fn shr1(a: &mut [u32]) {
    let mut carry = 0;
    for l in a.iter_mut().rev() {
        let low = *l & 1;
        *l = (*l >> 1) | (carry << 31);
        carry = low;
    }
}

/// `a = a / d` for `d > 0`, returning the remainder.
pub(super) fn div_small(a: &mut Big, d: u32) -> u32 {
    let mut rem = 0u64;
    for l in a.iter_mut().rev() {
        let t = rem << 32 | u64::from(*l);
        *l = (t / u64::from(d)) as u32;
        rem = t % u64::from(d);
    }
    while a.last() == Some(&0) {
        a.pop();
    }
    rem as u32
}

/// The decimal digits of `a` (ASCII, no leading zero; empty for zero).
pub(super) fn to_decimal(mut a: Big) -> Vec<u8> {
    // Nine digits at a time, least significant group first.
    let mut groups = Vec::new();
    while a.last() == Some(&0) {
        a.pop();
    }
    while !a.is_empty() {
        groups.push(div_small(&mut a, 1_000_000_000));
    }
    let mut out = Vec::with_capacity(9 * groups.len());
    for (i, &g) in groups.iter().rev().enumerate() {
        let mut buf = [b'0'; 9];
        let mut v = g;
        for b in buf.iter_mut().rev() {
            *b = b'0' + (v % 10) as u8;
            v /= 10;
        }
        // The leading group has no leading zeros.
        let skip = if i == 0 {
            buf.iter().take_while(|&&c| c == b'0').count()
        } else {
            0
        };
        out.extend_from_slice(&buf[skip..]);
    }
    out
}
