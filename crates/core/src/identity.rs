//! What `id()` and `hash()` return: numbers computed from values and from the
//! order in which a run first asked about each object, never from addresses,
//! so that a run is the same natively, in wasm32 and from one run to the next.
//!
//! Hashes by value are CPython's own functions: numbers reduced modulo
//! 2**61 - 1, tuples by xxHash of their items, ranges as the tuple of their
//! length, start and step, and strings by SipHash-1-3 of their PEP 393 bytes
//! under a zero key, which is what CPython gives under `PYTHONHASHSEED=0` (its
//! default key is random per process). Every other object hashes by its id,
//! `id(x) >> 4`, as CPython's pointer hash does for its 16-byte aligned objects.

use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::exc::{ExcObj, ExcRef, ExcType};
use crate::value::Value;

/// The first id handed out; ids go up in steps of 16 from here (CPython's ids
/// are addresses of 16-byte aligned objects, and look like this one).
const FIRST_ID: i64 = 0x7f00_0000_0000;
/// What an entry for a number's id costs against the memory limit: unlike
/// objects' entries, they are never dropped.
pub(crate) const NUMBER_ID_BYTES: usize = 64;

/// `sys.hash_info`: the modulus of numeric hashes and the hash of infinity.
const MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: u32 = 61;
const HASH_INF: i64 = 314_159;
/// `hash(None)` as CPython 3.12 gives it (3.11 hashes None's address).
const HASH_NONE: i64 = 0xFCA8_6420;

/// The ids given so far. An object's entry keeps a weak reference to it, which
/// keeps its allocation (so no other object can take its address while the
/// entry exists) and tells whether it is still alive: a dead object's entry
/// is replaced, never reused, whatever the allocator does with the address.
/// Looked up, never iterated (except to drop dead entries).
#[derive(Default)]
pub(crate) struct Ids {
    map: HashMap<IdKey, Entry>,
    given: i64,
    /// Dead entries are dropped when the map reaches this size.
    sweep_at: usize,
}

#[derive(PartialEq, Eq, Hash)]
enum IdKey {
    /// A heap object, by its address while the entry pins it.
    Object(usize),
    /// A value without an address (a number, None, a type, a builtin): by
    /// its kind and the identity `is` compares.
    Immediate(u8, u64),
}

struct Entry {
    id: i64,
    /// None for immediates, which live for the whole run.
    alive: Option<Box<dyn Alive>>,
}

trait Alive {
    fn alive(&self) -> bool;
}

impl<T: ?Sized> Alive for Weak<T> {
    fn alive(&self) -> bool {
        self.strong_count() > 0
    }
}

fn weak<T: ?Sized + 'static>(rc: &Rc<T>) -> Option<Box<dyn Alive>> {
    Some(Box::new(Rc::downgrade(rc)))
}

/// The key and, for heap objects, the weak reference of a value's entry.
fn key_of(v: &Value) -> (IdKey, Option<Box<dyn Alive>>) {
    let alive = match v {
        Value::Undefined
        | Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::Float(_)
        | Value::Builtin(_)
        | Value::Type(_)
        | Value::Module(_) => {
            let (tag, bits) = match v {
                Value::Int(i) => (0, *i as u64),
                Value::Float(f) => (1, f.to_bits()),
                Value::Bool(b) => (2, *b as u64),
                Value::Builtin(_) => (3, v.identity() as u64),
                Value::Type(t) => {
                    // All 64 bits (`identity()` is a usize, 32 on wasm32).
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    std::hash::Hash::hash(t, &mut h);
                    (4, std::hash::Hasher::finish(&h))
                }
                Value::Module(_) => (5, v.identity() as u64),
                _ => (6, 0),
            };
            return (IdKey::Immediate(tag, bits), None);
        }
        Value::Str(r) => weak(r),
        Value::List(r) => weak(r),
        Value::Tuple(r) => weak(r),
        Value::Dict(r) | Value::Set(r) => weak(r),
        Value::Range(r) => weak(r),
        Value::Iter(r) => weak(r),
        Value::Func(r) => weak(r),
        Value::Method(r) => weak(r),
        Value::Coro(r) => weak(r),
        Value::Gen(r) => weak(r),
        Value::Future(r) => weak(r),
        Value::Obj(r) => weak(r),
        Value::Exc(r) => weak(r),
        Value::Cell(r) => weak(r),
        Value::Code(r) => weak(r),
        Value::Slice(r) => weak(r),
        Value::View(r) => weak(r),
    };
    (IdKey::Object(v.identity()), alive)
}

impl Ids {
    /// `id(v)`: the number `v` got the first time a run asked, or the next one.
    /// The second result is true when a number's entry was made (the caller
    /// counts it against the memory limit).
    pub(crate) fn id(&mut self, v: &Value) -> (i64, bool) {
        let (key, alive) = key_of(v);
        if let Some(e) = self.map.get(&key) {
            if e.alive.as_ref().is_none_or(|a| a.alive()) {
                return (e.id, false);
            }
        }
        if self.map.len() >= self.sweep_at {
            self.map
                .retain(|_, e| e.alive.as_ref().is_none_or(|a| a.alive()));
            self.sweep_at = (2 * self.map.len()).max(1024);
        }
        self.given += 1;
        let id = FIRST_ID + 16 * self.given;
        let immediate = alive.is_none();
        self.map.insert(key, Entry { id, alive });
        (id, immediate)
    }
}

/// CPython's `hash(v)`, given `id` for the values that hash by identity.
/// `Err` for unhashable values (TypeError) and tuples nested too deep.
pub(crate) fn py_hash(v: &Value, id: &mut dyn FnMut(&Value) -> i64) -> Result<i64, ExcRef> {
    hash_depth(v, id, 0)
}

fn hash_depth(v: &Value, id: &mut dyn FnMut(&Value) -> i64, depth: u32) -> Result<i64, ExcRef> {
    Ok(match v {
        Value::None => HASH_NONE,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => hash_int(*i),
        Value::Float(f) if f.is_nan() => id(v) >> 4,
        Value::Float(f) => hash_float(*f),
        Value::Str(s) => hash_str(s),
        Value::Tuple(items) => {
            if depth > 1000 {
                return Err(ExcObj::msg(
                    ExcType::RecursionError,
                    "maximum recursion depth exceeded while calling a Python object",
                ));
            }
            let mut hashes = Vec::with_capacity(items.len());
            for item in items.iter() {
                hashes.push(hash_depth(item, id, depth + 1)?);
            }
            hash_tuple(&hashes)
        }
        Value::Range(r) => {
            let n = r.len();
            let (start, step) = match n {
                0 => (HASH_NONE, HASH_NONE),
                1 => (hash_int(r.start), HASH_NONE),
                _ => (hash_int(r.start), hash_int(r.step)),
            };
            hash_tuple(&[hash_int(n), start, step])
        }
        // As CPython's `meth_hash`: the object's and the function's.
        Value::Method(m) => not_minus_one((id(&m.0) >> 4) ^ hash_str(&m.1)),
        v if !v.is_hashable() => return Err(crate::vm::unhashable(v)),
        v => id(v) >> 4,
    })
}

/// `-1` is CPython's error return, so no hash is ever -1.
fn not_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub(crate) fn hash_int(i: i64) -> i64 {
    let x = (i.unsigned_abs() % MODULUS) as i64;
    not_minus_one(if i < 0 { -x } else { x })
}

/// CPython's `_Py_HashDouble` for a number that is not NaN: an integral float
/// hashes as the int, and every float as the rational number it is, modulo 2**61 - 1.
pub(crate) fn hash_float(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    not_minus_one((x as i64).wrapping_mul(sign))
}

/// C's `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (0 for 0).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// CPython's `tuplehash` (xxHash's mixing of the items' hashes).
fn hash_tuple(hashes: &[i64]) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let mut acc = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(hashes.len() as u64 ^ (P5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// A str's hash: SipHash-1-3 with a zero key over the characters as CPython
/// stores them (one, two or four little-endian bytes each, by the widest).
pub(crate) fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let widest = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let h = if widest < 0x100 {
        let bytes: Vec<u8> = s.chars().map(|c| c as u8).collect();
        siphash13(&bytes)
    } else if widest < 0x1_0000 {
        let bytes: Vec<u8> = s.chars().flat_map(|c| (c as u16).to_le_bytes()).collect();
        siphash13(&bytes)
    } else {
        let bytes: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        siphash13(&bytes)
    };
    not_minus_one(h as i64)
}

/// SipHash-1-3 with k0 = k1 = 0, as CPython's `Python/pyhash.c` writes it.
fn siphash13(src: &[u8]) -> u64 {
    let mut v0: u64 = 0x736f_6d65_7073_6575;
    let mut v1: u64 = 0x646f_7261_6e64_6f6d;
    let mut v2: u64 = 0x6c79_6765_6e65_7261;
    let mut v3: u64 = 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = src.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mi = u64::from_le_bytes(word);
        v3 ^= mi;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= mi;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let b = ((src.len() as u64) << 56) | u64::from_le_bytes(tail);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    (v0 ^ v1) ^ (v2 ^ v3)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from CPython 3.11 under `PYTHONHASHSEED=0`.
    #[test]
    fn hashes_are_cpythons() {
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_str("a"), 4644417185603328019);
        assert_eq!(hash_str("abc"), -4594863902769663758);
        assert_eq!(hash_str("é"), 6047309291227476195);
        assert_eq!(hash_str("€uro"), 7542247858446192590);
        assert_eq!(hash_str("😀x"), -8926728262118538918);
        assert_eq!(hash_str("hello world, longer string"), -4913090315238366918);
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_int(i64::MAX), 3);
        assert_eq!(hash_int((1 << 61) - 1), 0);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_int(-(1 << 61) + 1), 0);
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(-0.5), -1152921504606846976);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(1e300), 1224995262755759164);
        assert_eq!(hash_float(-1e-300), -482449582752280463);
        assert_eq!(hash_float(f64::INFINITY), 314159);
        assert_eq!(hash_float(f64::NEG_INFINITY), -314159);
        assert_eq!(hash_float(5e-324), 16777216);
        assert_eq!(hash_float(0.1), 230584300921369408);
        assert_eq!(hash_float(-0.0), 0);
        assert_eq!(hash_float(1.0), 1);
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        assert_eq!(
            hash_tuple(&[1, hash_tuple(&[2, hash_str("a")])]),
            -1980324044848378350
        );
        assert_eq!(hash_tuple(&[-2]), 8078679518589016365);
        assert_eq!(hash_tuple(&[5, 1, 2]), -8580228179051518038);
    }

    #[test]
    fn ids_are_numbered_in_order_and_not_reused() {
        let mut ids = Ids::default();
        let a = Value::list(vec![]);
        let b = Value::list(vec![]);
        let (ia, _) = ids.id(&a);
        let (ib, _) = ids.id(&b);
        assert_eq!(ia, FIRST_ID + 16);
        assert_eq!(ib, FIRST_ID + 32);
        assert_eq!(ids.id(&a).0, ia);
        assert_eq!(ids.id(&a.clone()).0, ia);
        drop(a);
        // Whatever address the next list gets, it is a new object.
        let c = Value::list(vec![]);
        assert_eq!(ids.id(&c).0, FIRST_ID + 48);
        assert_eq!(ids.id(&Value::Int(7)), (FIRST_ID + 64, true));
        assert_eq!(ids.id(&Value::Int(7)), (FIRST_ID + 64, false));
        assert_ne!(ids.id(&Value::Float(7.0)).0, FIRST_ID + 64);
    }

    #[test]
    fn entries_of_dead_objects_are_dropped() {
        let mut ids = Ids::default();
        let keep = Value::list(vec![]);
        let first = ids.id(&keep).0;
        for _ in 0..10_000 {
            ids.id(&Value::list(vec![]));
        }
        assert!(ids.map.len() <= 1024, "{} entries", ids.map.len());
        assert_eq!(ids.id(&keep).0, first);
    }
}
