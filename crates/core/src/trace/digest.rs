//! A digest of a whole run: 64-bit FNV-1a over everything the trace serializes,
//! so two runs (natively and in wasm, say) can be compared by sixteen hex digits.
//!
//! The trace's own `Serialize` impls walk it (the fields of the JSON form,
//! nothing else) into `Digester`, a serde `Serializer` that feeds the hash a
//! byte stream that reads back one way only, instead of building text: each
//! value starts with a tag byte, strings carry their length, sequences and
//! structs end with a closing tag (a struct's fields are its values in order;
//! enum variants go by number, internally tagged ones by name), and numbers
//! are fixed-width little-endian. Floats hash by their bits (every NaN as the
//! one canonical NaN, as wasm may flip a NaN's payload where x86 does not), so
//! nothing depends on the platform's formatting or word size. The page's wasm
//! grows by ~1.3 KB gzipped for it; `serde_json`, which the page does not
//! otherwise link, would cost more (number formatting, escaping).

use std::fmt;

use serde::ser::{self, Serialize};

use super::Trace;
use crate::run::RunResult;

/// 64-bit FNV-1a (Fowler–Noll–Vo): small, byte-oriented, the same everywhere.
#[derive(Clone, Copy, Debug)]
struct Fnv1a64(u64);

impl Fnv1a64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Fnv1a64 {
        Fnv1a64(Self::OFFSET)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(Self::PRIME);
        }
    }

    fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

impl Trace {
    /// A hash of the whole trace (every serialized field, in order) as 16 hex
    /// digits: equal traces give equal digests on every platform.
    pub fn digest(&self) -> String {
        digest_of(self)
    }
}

impl RunResult {
    /// A hash of the whole result: status, compile errors, stderr and trace,
    /// as 16 hex digits (what the native-versus-wasm determinism test compares).
    pub fn digest(&self) -> String {
        digest_of(&(
            &self.status,
            &self.compile_errors,
            &self.stderr,
            &self.trace,
        ))
    }
}

fn digest_of<T: Serialize + ?Sized>(value: &T) -> String {
    let mut d = Digester(Fnv1a64::new());
    // `Digester` never fails by itself; a `Serialize` impl that gives up
    // (none of the trace's does) still leaves a mark in the digest.
    if value.serialize(&mut d).is_err() {
        d.tag(ERROR);
    }
    d.0.hex()
}

// Tags: the first byte of each value, so the stream reads back one way only.
const BOOL: u8 = b'b';
const INT: u8 = b'i';
const UINT: u8 = b'u';
const WIDE: u8 = b'w';
const FLOAT: u8 = b'f';
const CHAR: u8 = b'c';
const STR: u8 = b's';
const BYTES: u8 = b'y';
const NONE: u8 = b'n';
const SOME: u8 = b'o';
const UNIT: u8 = b'z';
const VARIANT: u8 = b'v';
const OPEN: u8 = b'[';
const CLOSE: u8 = b']';
const SKIPPED: u8 = b'_';
const ERROR: u8 = b'!';

struct Digester(Fnv1a64);

impl Digester {
    fn tag(&mut self, tag: u8) {
        self.0.write(&[tag]);
    }

    fn u64(&mut self, tag: u8, v: u64) {
        self.tag(tag);
        self.0.write(&v.to_le_bytes());
    }

    fn str(&mut self, tag: u8, s: &[u8]) {
        self.u64(tag, s.len() as u64);
        self.0.write(s);
    }
}

/// The serializer's error; `Digester` itself never returns one.
#[derive(Debug)]
struct Unserializable;

impl fmt::Display for Unserializable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value that cannot be serialized")
    }
}

impl std::error::Error for Unserializable {}

impl ser::Error for Unserializable {
    fn custom<T: fmt::Display>(_: T) -> Unserializable {
        Unserializable
    }
}

type Done = Result<(), Unserializable>;

impl ser::Serializer for &mut Digester {
    type Ok = ();
    type Error = Unserializable;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.u64(BOOL, u64::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.u64(INT, v as u64);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Done {
        self.u64(WIDE, v as u64);
        self.0.write(&((v >> 64) as u64).to_le_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.u64(UINT, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.serialize_i128(v as i128)
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Done {
        let v = if v.is_nan() { f64::NAN } else { v };
        self.u64(FLOAT, v.to_bits());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.u64(CHAR, u64::from(v));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.str(STR, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.str(BYTES, v);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.tag(NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        self.tag(SOME);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.tag(UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, index: u32, _: &'static str) -> Done {
        self.u64(VARIANT, u64::from(index));
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        value: &T,
    ) -> Done {
        self.u64(VARIANT, u64::from(index));
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Unserializable> {
        self.tag(OPEN);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Unserializable> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Unserializable> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Unserializable> {
        self.u64(VARIANT, u64::from(index));
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Unserializable> {
        self.serialize_seq(None)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Unserializable> {
        self.serialize_seq(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Unserializable> {
        self.serialize_tuple_variant("", index, "", 0)
    }
}

impl ser::SerializeSeq for &mut Digester {
    type Ok = ();
    type Error = Unserializable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(CLOSE);
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Digester {
    type Ok = ();
    type Error = Unserializable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for &mut Digester {
    type Ok = ();
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for &mut Digester {
    type Ok = ();
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for &mut Digester {
    type Ok = ();
    type Error = Unserializable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeStruct for &mut Digester {
    type Ok = ();
    type Error = Unserializable;
    // A struct's fields are always the same, in the same order: only their
    // values go in, and a mark for each left out (`skip_serializing_if`) so
    // that the next field cannot pass for it.
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn skip_field(&mut self, _: &'static str) -> Done {
        self.tag(SKIPPED);
        Ok(())
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeStructVariant for &mut Digester {
    type Ok = ();
    type Error = Unserializable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn skip_field(&mut self, key: &'static str) -> Done {
        ser::SerializeStruct::skip_field(self, key)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Event, EventKind, EventLog};
    use crate::{run, Settings};

    fn fnv(bytes: &[u8]) -> String {
        let mut h = Fnv1a64::new();
        h.write(bytes);
        h.hex()
    }

    /// The published FNV-1a 64 test vectors (Fowler, Noll and Vo's `test_fnv.c`).
    #[test]
    fn the_hash_is_fnv1a_64() {
        assert_eq!(fnv(b""), "cbf29ce484222325");
        assert_eq!(fnv(b"a"), "af63dc4c8601ec8c");
        assert_eq!(fnv(b"foobar"), "85944171f73967e8");
        // Bytes fed in pieces hash as fed at once.
        let mut h = Fnv1a64::new();
        h.write(b"foo");
        h.write(b"bar");
        assert_eq!(h.hex(), "85944171f73967e8");
    }

    const PROGRAM: &str = "import asyncio\n\
        async def f(n):\n    await asyncio.sleep(n / 10)\n    print('done', n)\n    return n\n\
        async def main():\n    print(await asyncio.gather(f(2), f(1)))\n\
        asyncio.run(main())\n";

    #[test]
    fn the_same_run_gives_the_same_digest() {
        let a = run(PROGRAM, &Settings::default());
        let b = run(PROGRAM, &Settings::default());
        assert_eq!(a.trace.digest(), b.trace.digest());
        assert_eq!(a.digest(), b.digest());
        assert_eq!(a.digest().len(), 16);
        assert_ne!(
            a.digest(),
            a.trace.digest(),
            "the result adds its status and stderr"
        );
    }

    #[test]
    fn any_change_changes_the_digest() {
        let fresh = || run(PROGRAM, &Settings::default());
        let base = fresh();
        let d = base.digest();
        let events: Vec<Event> = base.trace.events.iter().collect();
        assert!(events.len() > 5);
        // One event a hair later, on another line, or of another kind.
        let changes: [&dyn Fn(&mut Event); 3] = [
            &|e| e.t = f64::from_bits(e.t.to_bits() + 1),
            &|e| e.line += 1,
            &|e| e.kind = EventKind::ClockJump { from: e.t },
        ];
        for (k, change) in changes.iter().enumerate() {
            let mut r = fresh();
            let mut evs = events.clone();
            change(&mut evs[3]);
            r.trace.events = evs.into_iter().collect::<EventLog>();
            assert_ne!(r.digest(), d, "change {k}");
        }
        let mut r = fresh();
        r.trace.events = events.iter().copied().collect::<EventLog>();
        assert_eq!(r.digest(), d, "rebuilding the same events keeps it");

        let mut r = fresh();
        r.trace.output[0].text.push(' ');
        assert_ne!(r.digest(), d, "output");
        let mut r = fresh();
        r.trace.summary.loop_busy_share = -0.0;
        assert_ne!(r.digest(), d, "a summary float, by its bits");
        let mut r = fresh();
        r.stderr.push(String::new());
        assert_ne!(r.digest(), d, "stderr");
        let mut r = fresh();
        r.status = crate::Status::Deadlock;
        assert_ne!(r.digest(), d, "status");
        let other = run(
            PROGRAM,
            &Settings {
                cores: 1,
                ..Settings::default()
            },
        );
        assert_ne!(other.digest(), d, "the machine's cores are in the trace");
    }

    /// Strings carry their lengths and sequences their ends, so moving a
    /// boundary changes the digest.
    #[test]
    fn boundaries_count() {
        let a = digest_of(&("ab", "c"));
        let b = digest_of(&("a", "bc"));
        assert_ne!(a, b);
        assert_ne!(
            digest_of(&(vec![1u32], vec![2u32])),
            digest_of(&(vec![1u32, 2], Vec::<u32>::new()))
        );
        assert_ne!(digest_of(&Some(0u32)), digest_of(&0u32));
        assert_eq!(digest_of(&f64::NAN), digest_of(&-f64::NAN), "NaNs are one");
        assert_ne!(digest_of(&0.0f64), digest_of(&-0.0f64));
    }
}
