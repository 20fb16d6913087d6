//! CPython-compatible `random` module core: MT19937 plus the Python-level helpers, bit for bit.

/// Number of 32-bit words in the Mersenne Twister state.
const N: usize = 624;
/// Middle word offset used by the twist.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// MT19937 generator with the same seeding and drawing rules as CPython's `random.Random`.
///
/// It is `Clone` so that a run can snapshot and restore it, like `getstate`/`setstate`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MersenneTwister {
    state: [u32; N],
    index: usize,
}

impl Default for MersenneTwister {
    fn default() -> Self {
        Self::new()
    }
}

impl MersenneTwister {
    /// A generator in the state `random.seed(0)` leaves it in.
    pub(crate) fn new() -> Self {
        let mut mt = MersenneTwister {
            state: [0; N],
            index: N + 1,
        };
        mt.seed_int(0);
        mt
    }

    /// A generator seeded like `random.Random(n)`.
    #[cfg(test)]
    pub(crate) fn with_seed(n: i64) -> Self {
        let mut mt = Self::new();
        mt.seed_int(n);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        let key_len = key.len().max(1);
        let mut k = N.max(key_len);
        while k > 0 {
            let prev = self.state[i - 1];
            let kj = key.get(j).copied().unwrap_or(0);
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(kj)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key_len {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            k -= 1;
        }
        // CPython guarantees a non-zero initial array this way.
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    /// Seeds from the 32-bit words of a non-negative integer, least significant first,
    /// as CPython does with `abs(n)` (zero becomes the one-word key `[0]`).
    fn seed_words(&mut self, mut words: Vec<u32>) {
        while words.len() > 1 && words.last() == Some(&0) {
            words.pop();
        }
        if words.is_empty() {
            words.push(0);
        }
        self.init_by_array(&words);
    }

    fn seed_u64(&mut self, n: u64) {
        self.seed_words(vec![n as u32, (n >> 32) as u32]);
    }

    /// `random.seed(n)` for an int: CPython uses `abs(n)`.
    pub(crate) fn seed_int(&mut self, n: i64) {
        self.seed_u64(n.unsigned_abs());
    }

    /// `random.seed(x)` for a float: CPython 3.11 seeds with `hash(x)` reinterpreted as an
    /// unsigned machine word (not its absolute value).
    ///
    /// A NaN hashes by object identity in CPython, which cannot be reproduced; it seeds as 0 here.
    pub(crate) fn seed_float(&mut self, x: f64) {
        let h = if x.is_nan() {
            0
        } else {
            crate::identity::hash_float(x)
        };
        self.seed_u64(h as u64);
    }

    /// `random.seed(s)` for a str (version 2): the integer
    /// `int.from_bytes(s.encode() + sha512(s.encode()).digest(), 'big')`.
    pub(crate) fn seed_str(&mut self, s: &str) {
        let mut bytes = s.as_bytes().to_vec();
        bytes.extend_from_slice(&sha512(s.as_bytes()));
        // Big-endian bytes become little-endian 32-bit words.
        let mut words = Vec::with_capacity(bytes.len() / 4 + 1);
        let mut end = bytes.len();
        while end > 0 {
            let start = end.saturating_sub(4);
            let mut w = 0u32;
            for &b in &bytes[start..end] {
                w = (w << 8) | u32::from(b);
            }
            words.push(w);
            end = start;
        }
        self.seed_words(words);
    }

    /// One raw 32-bit output (`genrand_uint32`).
    pub(crate) fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
            self.state[kk] = self.state[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
            self.state[kk] = self.state[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (self.state[N - 1] & UPPER_MASK) | (self.state[0] & LOWER_MASK);
        self.state[N - 1] = self.state[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    /// `random.random()`: 53 random bits scaled into [0, 1).
    pub(crate) fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)` for `k <= 64` (larger values are clamped to 64).
    pub(crate) fn getrandbits(&mut self, k: u32) -> u64 {
        let k = k.min(64);
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return u64::from(self.next_u32() >> (32 - k));
        }
        // CPython fills words least significant first; the last word keeps its top bits.
        let mut result = 0u64;
        let mut remaining = k;
        let mut shift = 0u32;
        while remaining > 0 {
            let mut r = self.next_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            result |= u64::from(r) << shift;
            shift += 32;
            remaining = remaining.saturating_sub(32);
        }
        result
    }

    /// CPython's `_randbelow_with_getrandbits(n)`; `n == 0` returns 0 instead of looping.
    pub(crate) fn randbelow(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `random.randrange(start, stop, step)`; `stop == None` means `randrange(start)`.
    ///
    /// Errors are CPython 3.11's ValueError messages.
    pub(crate) fn randrange(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: i64,
    ) -> Result<i64, String> {
        let Some(stop) = stop else {
            if start > 0 {
                return Ok(self.randbelow(start as u64) as i64);
            }
            return Err("empty range for randrange()".to_string());
        };
        let (istart, istop, istep) = (i128::from(start), i128::from(stop), i128::from(step));
        let width = istop - istart;
        if istep == 1 {
            if width > 0 {
                let r = self.randbelow(width as u64);
                return Ok((istart + i128::from(r)) as i64);
            }
            return Err(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            ));
        }
        let n = if istep > 0 {
            (width + istep - 1).div_euclid(istep)
        } else if istep < 0 {
            floor_div(width + istep + 1, istep)
        } else {
            return Err("zero step for randrange()".to_string());
        };
        if n <= 0 {
            return Err("empty range for randrange()".to_string());
        }
        let r = self.randbelow(n as u64);
        Ok((istart + istep * i128::from(r)) as i64)
    }

    /// `random.randint(a, b)`, i.e. `randrange(a, b + 1)`.
    pub(crate) fn randint(&mut self, a: i64, b: i64) -> Result<i64, String> {
        match b.checked_add(1) {
            Some(stop) => self.randrange(a, Some(stop), 1),
            // `b + 1` overflows i64 only when b == i64::MAX; the width still fits in u64.
            None => {
                let width = (i128::from(b) + 1 - i128::from(a)) as u64;
                if a > b {
                    return Err("empty range for randrange()".to_string());
                }
                Ok((i128::from(a) + i128::from(self.randbelow(width))) as i64)
            }
        }
    }

    /// `random.uniform(a, b)`.
    pub(crate) fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// The index `random.choice(seq)` picks for a sequence of length `len`.
    ///
    /// The error is CPython's IndexError message.
    pub(crate) fn choice_index(&mut self, len: usize) -> Result<usize, String> {
        if len == 0 {
            return Err("Cannot choose from an empty sequence".to_string());
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `random.shuffle(x)` in place.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    /// The indices `random.sample(population, k)` picks from a population of size `n`,
    /// following both of CPython's branches (pool-based and set-based).
    ///
    /// The error is CPython's ValueError message.
    pub(crate) fn sample_indices(&mut self, n: usize, k: usize) -> Result<Vec<usize>, String> {
        if k > n {
            return Err("Sample larger than population or is negative".to_string());
        }
        let mut setsize: f64 = 21.0;
        if k > 5 {
            let exp = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil();
            setsize += 4f64.powf(exp);
        }
        let mut result = Vec::with_capacity(k);
        if (n as f64) <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }
}

fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

const SHA512_K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

const SHA512_H0: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

/// SHA-512 (FIPS 180-4), needed for CPython's version-2 string seeding.
pub(crate) fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h = SHA512_H0;
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u128).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (t, chunk) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            w[t] = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(SHA512_K[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (slot, v) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *slot = slot.wrapping_add(v);
        }
    }
    let mut out = [0u8; 64];
    for (chunk, v) in out.chunks_exact_mut(8).zip(h) {
        chunk.copy_from_slice(&v.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected draws for one seed; every literal below was printed by CPython 3.11.7.
    struct Expected {
        random: [f64; 5],
        randint: [i64; 10],
        uniform: f64,
        choice: usize,
        shuffle: [usize; 8],
        randrange: [i64; 3],
        bits: [u64; 5],
        sample: [usize; 35],
    }

    /// Replays the draws of the Python script that produced the expectations:
    /// 5 random(), 10 randint(1, 6), uniform(1, 10), randrange(4) (== choice index),
    /// shuffle(range(8)), 3 randrange(0, 100, 7), getrandbits(1/31/32/33/64),
    /// sample(range(100), 5) + sample(range(10), 10) + sample(range(1000), 20).
    fn check(mut mt: MersenneTwister, e: &Expected) {
        for want in e.random {
            assert_eq!(mt.random(), want);
        }
        for want in e.randint {
            assert_eq!(mt.randint(1, 6), Ok(want));
        }
        assert_eq!(mt.uniform(1.0, 10.0), e.uniform);
        assert_eq!(mt.choice_index(4), Ok(e.choice));
        let mut v: Vec<usize> = (0..8).collect();
        mt.shuffle(&mut v);
        assert_eq!(v, e.shuffle);
        for want in e.randrange {
            assert_eq!(mt.randrange(0, Some(100), 7), Ok(want));
        }
        for (k, want) in [1, 31, 32, 33, 64].into_iter().zip(e.bits) {
            assert_eq!(mt.getrandbits(k), want, "getrandbits({k})");
        }
        let mut sample = Vec::new();
        for (n, k) in [(100, 5), (10, 10), (1000, 20)] {
            sample.extend(mt.sample_indices(n, k).unwrap_or_default());
        }
        assert_eq!(sample, e.sample);
    }

    #[test]
    fn seed_0() {
        check(
            MersenneTwister::new(),
            &Expected {
                random: [
                    0.8444218515250481,
                    0.7579544029403025,
                    0.420571580830845,
                    0.25891675029296335,
                    0.5112747213686085,
                ],
                randint: [4, 3, 4, 3, 5, 2, 5, 2, 3, 2],
                uniform: 7.802237837415015,
                choice: 2,
                shuffle: [3, 4, 1, 6, 5, 0, 7, 2],
                randrange: [35, 42, 35],
                bits: [1, 1375298783, 3921352636, 5173192520, 8799277236024914180],
                sample: [
                    56, 66, 33, 7, 70, 0, 1, 6, 5, 7, 9, 3, 8, 4, 2, 720, 891, 64, 195, 939, 581,
                    227, 244, 822, 990, 145, 556, 458, 93, 82, 327, 896, 520, 955, 501,
                ],
            },
        );
    }

    #[test]
    fn seed_1() {
        check(
            MersenneTwister::with_seed(1),
            &Expected {
                random: [
                    0.13436424411240122,
                    0.8474337369372327,
                    0.763774618976614,
                    0.2550690257394217,
                    0.49543508709194095,
                ],
                randint: [4, 4, 6, 4, 2, 1, 4, 1, 4, 4],
                uniform: 6.466941966567343,
                choice: 0,
                shuffle: [6, 3, 4, 0, 1, 5, 2, 7],
                randrange: [0, 0, 70],
                bits: [1, 19767455, 4033614922, 3784870617, 3995553648296683513],
                sample: [
                    54, 92, 3, 67, 28, 7, 9, 3, 2, 1, 5, 8, 4, 0, 6, 857, 938, 569, 944, 657, 102,
                    190, 644, 741, 880, 303, 123, 760, 340, 917, 738, 996, 728, 512, 958,
                ],
            },
        );
    }

    #[test]
    fn seed_42() {
        check(
            MersenneTwister::with_seed(42),
            &Expected {
                random: [
                    0.6394267984578837,
                    0.025010755222666936,
                    0.27502931836911926,
                    0.22321073814882275,
                    0.7364712141640124,
                ],
                randint: [6, 6, 5, 1, 5, 4, 1, 1, 1, 2],
                uniform: 3.0939480405166564,
                choice: 0,
                shuffle: [2, 1, 0, 7, 4, 6, 5, 3],
                randrange: [63, 28, 84],
                bits: [1, 13955983, 3259052811, 3460967357, 7795859673851708282],
                sample: [
                    43, 35, 19, 27, 97, 5, 1, 8, 3, 0, 2, 4, 6, 7, 9, 747, 470, 549, 127, 996, 944,
                    387, 80, 565, 300, 849, 643, 633, 906, 882, 370, 591, 196, 721, 71,
                ],
            },
        );
    }

    #[test]
    fn seed_minus_7() {
        check(
            MersenneTwister::with_seed(-7),
            &Expected {
                random: [
                    0.32383276483316237,
                    0.15084917392450192,
                    0.6509344730398537,
                    0.07243628666754276,
                    0.5358820043066892,
                ],
                randint: [3, 5, 1, 5, 2, 1, 1, 4, 4, 1],
                uniform: 3.1659670011432253,
                choice: 3,
                shuffle: [3, 5, 2, 1, 7, 4, 6, 0],
                randrange: [63, 63, 42],
                bits: [0, 2096491878, 949539216, 4495038384, 2456641775679608523],
                sample: [
                    37, 53, 18, 69, 15, 9, 4, 2, 0, 8, 5, 1, 3, 6, 7, 577, 61, 633, 210, 508, 696,
                    544, 437, 795, 321, 476, 599, 945, 464, 370, 306, 254, 813, 184, 715,
                ],
            },
        );
    }

    #[test]
    fn seed_2_pow_40() {
        check(
            MersenneTwister::with_seed(1 << 40),
            &Expected {
                random: [
                    0.1036394562812375,
                    0.6705558677439764,
                    0.4266543913526999,
                    0.38773077278691204,
                    0.6264862385425468,
                ],
                randint: [1, 6, 6, 4, 6, 5, 3, 4, 6, 3],
                uniform: 1.389260276354952,
                choice: 3,
                shuffle: [4, 6, 5, 3, 1, 0, 2, 7],
                randrange: [63, 77, 42],
                bits: [0, 974948949, 2248736543, 850469330, 9409241262298751280],
                sample: [
                    33, 12, 29, 13, 56, 4, 7, 3, 5, 8, 0, 2, 1, 9, 6, 265, 956, 476, 355, 288, 385,
                    18, 361, 88, 211, 307, 95, 861, 200, 700, 31, 181, 625, 250, 836,
                ],
            },
        );
    }

    #[test]
    fn seed_i64_max() {
        check(
            MersenneTwister::with_seed(i64::MAX),
            &Expected {
                random: [
                    0.3166448820870279,
                    0.631259308253863,
                    0.8035542479972343,
                    0.45346382341714553,
                    0.4767927957583785,
                ],
                randint: [6, 6, 5, 3, 2, 6, 3, 5, 1, 5],
                uniform: 6.663066566960881,
                choice: 0,
                shuffle: [2, 4, 7, 3, 5, 1, 6, 0],
                randrange: [42, 49, 77],
                bits: [0, 714573852, 3593750413, 4607062644, 6668905633843505330],
                sample: [
                    69, 65, 68, 19, 42, 3, 1, 7, 6, 5, 9, 8, 4, 2, 0, 957, 475, 545, 72, 421, 406,
                    672, 531, 48, 17, 164, 930, 827, 876, 300, 241, 53, 403, 556, 320,
                ],
            },
        );
    }

    #[test]
    fn seed_float_1_5() {
        let mut mt = MersenneTwister::new();
        mt.seed_float(1.5);
        check(
            mt,
            &Expected {
                random: [
                    0.551763726942059,
                    0.2560930858958398,
                    0.583340633280344,
                    0.5519952937757089,
                    0.8349491814433395,
                ],
                randint: [3, 4, 6, 5, 1, 3, 2, 6, 5, 3],
                uniform: 9.234660235190637,
                choice: 2,
                shuffle: [2, 4, 7, 3, 1, 0, 6, 5],
                randrange: [49, 21, 70],
                bits: [0, 1732441783, 1292303873, 8023649412, 11676639484137718627],
                sample: [
                    68, 95, 43, 10, 53, 1, 3, 2, 8, 5, 0, 7, 9, 4, 6, 954, 890, 485, 617, 430, 117,
                    129, 712, 322, 664, 985, 311, 271, 29, 261, 473, 793, 37, 105, 848,
                ],
            },
        );
    }

    #[test]
    fn seed_float_negative() {
        let mut mt = MersenneTwister::new();
        mt.seed_float(-2.25);
        check(
            mt,
            &Expected {
                random: [
                    0.9236205677220981,
                    0.24405611968855534,
                    0.01264353211011815,
                    0.7292461774895836,
                    0.5822572861850962,
                ],
                randint: [2, 6, 4, 4, 3, 5, 1, 2, 3, 3],
                uniform: 9.530466319701594,
                choice: 3,
                shuffle: [6, 0, 1, 7, 4, 2, 3, 5],
                randrange: [56, 7, 14],
                bits: [1, 1102986227, 2646181828, 56254687, 13831739779484854810],
                sample: [
                    30, 40, 94, 38, 59, 8, 5, 0, 7, 2, 6, 9, 1, 3, 4, 44, 505, 980, 86, 993, 134,
                    659, 522, 448, 804, 290, 15, 26, 615, 562, 891, 655, 2, 41, 243,
                ],
            },
        );
    }

    #[test]
    fn seed_str_hello() {
        let mut mt = MersenneTwister::new();
        mt.seed_str("hello");
        check(
            mt,
            &Expected {
                random: [
                    0.3537754404730722,
                    0.6631985810268619,
                    0.5476053663383964,
                    0.1308558535179697,
                    0.051086691965999353,
                ],
                randint: [3, 6, 6, 2, 2, 1, 3, 2, 5, 4],
                uniform: 7.646318874979167,
                choice: 1,
                shuffle: [0, 1, 5, 3, 7, 4, 6, 2],
                randrange: [14, 0, 7],
                bits: [1, 632124634, 1095806482, 4837734783, 1718937282675705766],
                sample: [
                    59, 76, 26, 68, 51, 9, 1, 2, 3, 8, 6, 4, 0, 5, 7, 585, 433, 991, 407, 498, 91,
                    866, 969, 401, 723, 232, 517, 189, 981, 162, 820, 198, 327, 558, 757,
                ],
            },
        );
    }

    #[test]
    fn seed_str_empty() {
        let mut mt = MersenneTwister::new();
        mt.seed_str("");
        check(
            mt,
            &Expected {
                random: [
                    0.9602256525641875,
                    0.595411957851699,
                    0.3880117152955401,
                    0.7335810344878906,
                    0.22083284598771158,
                ],
                randint: [3, 5, 1, 5, 6, 3, 3, 1, 4, 4],
                uniform: 3.7629769127020243,
                choice: 1,
                shuffle: [7, 6, 2, 1, 0, 5, 3, 4],
                randrange: [21, 21, 14],
                bits: [1, 1990342568, 3474534119, 3548710205, 7267133379396679642],
                sample: [
                    80, 72, 59, 1, 13, 5, 6, 7, 2, 3, 1, 0, 9, 4, 8, 418, 859, 715, 640, 781, 53,
                    720, 354, 217, 763, 820, 345, 762, 50, 992, 208, 339, 23, 375, 170,
                ],
            },
        );
    }

    #[test]
    fn brief_program() {
        // CPython: seed 0, random(), uniform(1, 10), 5 x randint(1, 6), choice of 4,
        // shuffle(range(8)) -> 0.8444218515250481 7.821589626462722 [4, 1, 3, 5, 4] 'd' [6, 0, 5, 1, 7, 2, 3, 4]
        let mut mt = MersenneTwister::new();
        assert_eq!(mt.random(), 0.8444218515250481);
        assert_eq!(mt.uniform(1.0, 10.0), 7.821589626462722);
        let ints: Vec<i64> = (0..5).map(|_| mt.randint(1, 6).unwrap_or(-1)).collect();
        assert_eq!(ints, [4, 1, 3, 5, 4]);
        assert_eq!(mt.choice_index(4), Ok(3));
        let mut v: Vec<i32> = (0..8).collect();
        mt.shuffle(&mut v);
        assert_eq!(v, [6, 0, 5, 1, 7, 2, 3, 4]);
    }

    #[test]
    fn snapshot_restores_sequence() {
        let mut mt = MersenneTwister::with_seed(5);
        let snap = mt.clone();
        let a: Vec<f64> = (0..700).map(|_| mt.random()).collect();
        let mut mt2 = snap;
        let b: Vec<f64> = (0..700).map(|_| mt2.random()).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn float_hash_matches_cpython() {
        use crate::identity::hash_float as float_hash;
        // CPython: hash(1.5), hash(-2.25), hash(1e300), hash(0.1), hash(-1.0), hash(float('inf')).
        assert_eq!(float_hash(1.5), 1152921504606846977);
        assert_eq!(float_hash(-2.25), -576460752303423490);
        assert_eq!(float_hash(1e300), 1224995262755759164);
        assert_eq!(float_hash(0.1), 230584300921369408);
        assert_eq!(float_hash(-1.0), -2);
        assert_eq!(float_hash(f64::INFINITY), 314159);
        assert_eq!(float_hash(3.0), 3);
    }

    #[test]
    fn sha512_known_vector() {
        // CPython: hashlib.sha512(b'abc').hexdigest()[:32]
        let d = sha512(b"abc");
        let hex: String = d[..16].iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "ddaf35a193617abacc417349ae204131");
    }

    #[test]
    fn randrange_errors() {
        // Messages from CPython 3.11.
        let mut mt = MersenneTwister::new();
        assert_eq!(
            mt.randrange(0, None, 1),
            Err("empty range for randrange()".to_string())
        );
        assert_eq!(
            mt.randrange(5, Some(5), 1),
            Err("empty range for randrange() (5, 5, 0)".to_string())
        );
        assert_eq!(
            mt.randrange(5, Some(2), 1),
            Err("empty range for randrange() (5, 2, -3)".to_string())
        );
        assert_eq!(
            mt.randrange(0, Some(10), 0),
            Err("zero step for randrange()".to_string())
        );
        assert_eq!(
            mt.randrange(0, Some(10), -1),
            Err("empty range for randrange()".to_string())
        );
        assert_eq!(
            mt.randint(3, 1),
            Err("empty range for randrange() (3, 2, -1)".to_string())
        );
        assert_eq!(
            mt.choice_index(0),
            Err("Cannot choose from an empty sequence".to_string())
        );
        assert_eq!(
            mt.sample_indices(3, 4),
            Err("Sample larger than population or is negative".to_string())
        );
        assert!(mt.randrange(i64::MIN, Some(i64::MAX), 1).is_ok());
        assert!(mt.randint(i64::MIN, i64::MAX).is_ok());
        let mut r3 = MersenneTwister::with_seed(3);
        let got: Vec<i64> = (0..5)
            .map(|_| r3.randrange(10, Some(-10), -3).unwrap_or(99))
            .collect();
        // CPython: Random(3), 5 x randrange(10, -10, -3).
        assert_eq!(got, [7, -2, -2, 7, 4]);
    }
}
