//! The events of a trace, stored compactly: 8 or 16 bytes an event instead of
//! the 48 of an [`Event`], so a million-await run's trace fits in the memory
//! budget.
//!
//! Three columns: the records, in 8-byte slots (a record's head, the task and
//! the line, kind code and sub-code in one word; then, only when they are not
//! both 0, a slot of two 32-bit operands, which hold a time operand such as a
//! sleep's deadline as the two halves of its bits: a task's `Ready` and
//! `Running` take one slot, a sleep's `Waiting` two); the clock and the loop
//! pass, each as a list of changes (both move far less often than events
//! happen: a pass of fanout has thousands). Rare wide kinds (thread state
//! changes) are kept whole in a fourth table. Every 64th event's slot is
//! noted, so event `i` is found by stepping over at most 63 records.
//! Reading decodes an `Event`; the serialized form is still the list of
//! events.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{BlockKind, Event, EventKind, Outcome, WaitOn};

/// One event's record, as read from its slots. Replaying (checkpoints,
/// seeks) reads these directly rather than decoding each into an `Event`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Packed {
    pub(super) task: u32,
    /// Which `EventKind` (the low byte, `Packed::kind`: replaying reads it
    /// as a byte, with no masking), a sub-code (bits 8–12, `Packed::sub`),
    /// whether the operands have a slot of their own (bit 13, `OPERANDS`)
    /// and the line (bits 14–31, `Packed::line`).
    code: u32,
    /// The operands; a time operand is split over both (`Packed::time`).
    pub(super) a: u32,
    pub(super) b: u32,
}

/// Bits of `Packed::code` below the line: the kind code's byte (11 kinds),
/// the sub-code's 5 (`WaitOn` codes go up to 28) and `OPERANDS`.
const KIND_BITS: u32 = 8;
const SUB_BITS: u32 = 5;
const LINE_SHIFT: u32 = KIND_BITS + SUB_BITS + 1;

/// The bit of `Packed::code` that says the next slot holds the operands
/// (they are not both 0).
const OPERANDS: u32 = 1 << (KIND_BITS + SUB_BITS);

/// A slot of the log: a record's head (task, code) or, after a head with
/// `OPERANDS`, its operands (a, b).
type Slot = [u32; 2];

/// Every `MARK`-th event's slot is noted (`EventLog::marks`).
const MARK: usize = 64;

/// The largest line a record holds (262,143). A run's lines are far below
/// it: a line number comes from the source's line index, which has one
/// line more than the source has newlines, and a source is at most
/// `MAX_SOURCE_BYTES` (100 KiB), so a line is at most 102,401 (the test
/// `the_last_line_of_the_largest_source_is_traced` runs one). Only an
/// `Event` made elsewhere can go past it: `push` stores such a line as
/// `MAX_LINE`, and deserializing a trace refuses it.
pub(super) const MAX_LINE: u32 = u32::MAX >> LINE_SHIFT;

impl Packed {
    /// A record; `kind` and `sub` must fit their bits, and `line` be at most
    /// `MAX_LINE`.
    #[inline(always)]
    fn new(task: u32, line: u32, (kind, sub, a, b): (u8, u8, u32, u32)) -> Packed {
        debug_assert!(u32::from(sub) < 1 << SUB_BITS);
        debug_assert!(line <= MAX_LINE, "line {line} does not fit a record");
        let operands = if a | b != 0 { OPERANDS } else { 0 };
        Packed {
            task,
            code: line << LINE_SHIFT | operands | u32::from(sub) << KIND_BITS | u32::from(kind),
            a,
            b,
        }
    }

    /// The record whose head is `head`, its operands 0 (those of a head
    /// with `OPERANDS` are in the next slot).
    #[inline(always)]
    fn from_head(head: Slot) -> Packed {
        Packed {
            task: head[0],
            code: head[1],
            a: 0,
            b: 0,
        }
    }

    /// How many slots the record takes: 1, or 2 with its operands.
    #[inline(always)]
    fn slots(&self) -> usize {
        1 + (self.code & OPERANDS != 0) as usize
    }

    /// Append the record's slots to `chunk` (which has room for them).
    #[inline(always)]
    fn store(self, chunk: &mut Vec<Slot>) {
        chunk.push([self.task, self.code]);
        if self.code & OPERANDS != 0 {
            chunk.push([self.a, self.b]);
        }
    }

    /// Which `EventKind`: one of the kind codes below.
    #[inline]
    pub(super) fn kind(&self) -> u8 {
        self.code as u8
    }

    /// The sub-code: the `WaitOn`, `BlockKind` or `Outcome`.
    #[inline]
    pub(super) fn sub(&self) -> u8 {
        (self.code >> KIND_BITS & ((1 << SUB_BITS) - 1)) as u8
    }

    /// The 1-based source line, 0 if none.
    #[inline]
    pub(super) fn line(&self) -> u32 {
        self.code >> LINE_SHIFT
    }

    /// The time operand of a record that has one (a sleep's or `wait_for`'s
    /// deadline, the end of a blocking call, where a clock jump started).
    #[inline]
    pub(super) fn time(&self) -> f64 {
        time_from(self.a, self.b)
    }
}

/// The time whose bits are the operands `a` (low half) and `b`.
#[inline]
pub(super) fn time_from(a: u32, b: u32) -> f64 {
    f64::from_bits(u64::from(b) << 32 | u64::from(a))
}

/// A time operand as the `(a, b)` operands of a record: low and high halves
/// of its bits, so it reads back exactly (NaN payloads included).
pub(super) fn time_operands(t: f64) -> (u32, u32) {
    let bits = t.to_bits();
    (bits as u32, (bits >> 32) as u32)
}

// `kind` codes. The kinds that move a task between lanes come first (up to
// `DONE`): replaying tests `kind > DONE` to skip the others at once.
pub(super) const CREATED: u8 = 0;
pub(super) const READY: u8 = 1;
pub(super) const RUNNING: u8 = 2;
pub(super) const WAITING: u8 = 3;
pub(super) const BLOCKING: u8 = 4;
pub(super) const DONE: u8 = 5;
pub(super) const PRINT: u8 = 6;
const CLOCK_JUMP: u8 = 7;
const WARNING: u8 = 8;
pub(super) const WIDE: u8 = 9;
pub(super) const POOL_QUEUE: u8 = 10;

/// Entries per chunk of a `Chunked` list.
const CHUNK: usize = 1 << 16;

/// A growing list kept in chunks of `CHUNK` entries: a push never moves what
/// is stored (a doubling `Vec` of 70 MB would copy it all at once, a long
/// pause in the browser, and hold both copies for that moment). Entries that
/// must be in one chunk (`reserve`) may leave a chunk short of `CHUNK`: an
/// entry's position is its chunk's number times `CHUNK` plus its place in
/// the chunk, and the positions after a short chunk's end hold nothing.
#[derive(Clone, Debug)]
struct Chunked<T> {
    /// The full chunks, `CHUNK` entries each.
    full: Vec<Vec<T>>,
    /// The chunk being filled, outside `full` so that a push reaches it
    /// without going through the list of chunks (`CHUNK` entries of
    /// capacity once anything is pushed, so it never reallocates).
    tail: Vec<T>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Chunked<T> {
        Chunked {
            full: Vec::new(),
            tail: Vec::new(),
        }
    }
}

impl<T> Chunked<T> {
    /// The position the next entry goes to (if it fits the chunk being filled).
    #[inline]
    fn len(&self) -> usize {
        self.full.len() * CHUNK + self.tail.len()
    }

    #[cfg(test)]
    fn push(&mut self, x: T) {
        self.reserve(1);
        self.tail.push(x);
    }

    /// Make sure the next `n` entries (at most `CHUNK`) go into one chunk.
    #[inline(always)]
    fn reserve(&mut self, n: usize) {
        if self.tail.capacity() - self.tail.len() < n {
            self.make_room(n);
        }
    }

    /// Give the chunk being filled room for `n` more entries: retire it if
    /// they do not fit and start an empty one (once every `CHUNK` pushes or
    /// so, kept out of the pushing code so that it stays short), else give
    /// it its whole capacity (before the first push, and in a clone, whose
    /// `Vec`s have only the capacity they need).
    #[cold]
    #[inline(never)]
    fn make_room(&mut self, n: usize) {
        let mut chunk = Vec::with_capacity(CHUNK);
        if self.tail.len() + n <= CHUNK {
            chunk.append(&mut self.tail);
            self.tail = chunk;
        } else {
            self.full.push(std::mem::replace(&mut self.tail, chunk));
        }
    }

    /// Chunk number `k` (the one being filled after the full ones).
    fn chunk(&self, k: usize) -> Option<&[T]> {
        match self.full.get(k) {
            Some(c) => Some(c),
            None => (k == self.full.len()).then_some(&self.tail[..]),
        }
    }

    #[cfg(test)]
    fn get(&self, i: usize) -> Option<&T> {
        self.chunk(i / CHUNK)?.get(i % CHUNK)
    }

    /// Entries `from..`.
    fn iter_from(&self, from: usize) -> ChunkIter<'_, T> {
        let k = from / CHUNK;
        let first = self
            .chunk(k)
            .and_then(|c| c.get(from % CHUNK..))
            .unwrap_or_default();
        ChunkIter {
            rest: self.full.get(k + 1..).unwrap_or_default(),
            tail: (k < self.full.len()).then_some(&self.tail[..]),
            current: first.iter(),
        }
    }
}

/// `Chunked::iter_from`: a chunk's slice at a time.
pub(super) struct ChunkIter<'a, T> {
    current: std::slice::Iter<'a, T>,
    rest: &'a [Vec<T>],
    /// The chunk being filled, if it comes after `rest`.
    tail: Option<&'a [T]>,
}

impl<'a, T> Iterator for ChunkIter<'a, T> {
    type Item = &'a T;

    #[inline]
    fn next(&mut self) -> Option<&'a T> {
        loop {
            if let Some(x) = self.current.next() {
                return Some(x);
            }
            match self.rest.split_first() {
                Some((next, rest)) => {
                    self.current = next.iter();
                    self.rest = rest;
                }
                None => self.current = self.tail.take()?.iter(),
            }
        }
    }
}

/// Records read from their slots, in order.
pub(super) struct Records<'a> {
    slots: ChunkIter<'a, Slot>,
}

impl Iterator for Records<'_> {
    type Item = Packed;

    #[inline]
    fn next(&mut self) -> Option<Packed> {
        let mut p = Packed::from_head(*self.slots.next()?);
        if p.code & OPERANDS != 0 {
            [p.a, p.b] = *self.slots.next()?;
        }
        Some(p)
    }
}

/// The value at event `i` of a list of changes `(first event, value)` (the
/// default before the first change).
fn value_at<T: Copy + Default>(changes: &[(u32, T)], i: usize) -> T {
    Changes::from(changes, i).value()
}

/// A list of changes read event by event, in order: the value at each
/// event without a search.
struct Changes<'a, T> {
    changes: &'a [(u32, T)],
    /// The number of changes at or before the event last asked about.
    passed: usize,
}

impl<'a, T: Copy + Default> Changes<'a, T> {
    /// Ready to read event `from` and those after it.
    fn from(changes: &'a [(u32, T)], from: usize) -> Changes<'a, T> {
        Changes {
            changes,
            passed: changes.partition_point(|&(s, _)| s as usize <= from),
        }
    }

    /// The value at event `i` (at or after the one last asked about).
    #[inline]
    fn at(&mut self, i: usize) -> T {
        while self
            .changes
            .get(self.passed)
            .is_some_and(|&(s, _)| s as usize <= i)
        {
            self.passed += 1;
        }
        self.value()
    }

    /// The value after the changes passed.
    #[inline]
    fn value(&self) -> T {
        self.passed
            .checked_sub(1)
            .and_then(|k| self.changes.get(k))
            .map_or_else(T::default, |&(_, v)| v)
    }

    /// The first event after `i` (the one last asked about) at which the
    /// value changes, if any.
    fn next_change(&self) -> Option<usize> {
        self.changes.get(self.passed).map(|&(s, _)| s as usize)
    }
}

/// The events of a run, in order.
#[derive(Clone, Debug, Default)]
pub struct EventLog {
    /// The records, a head slot each and an operand slot for some.
    slots: Chunked<Slot>,
    /// How many events.
    len: usize,
    /// The position in `slots` of the head of events 0, `MARK`, 2 × `MARK`…
    marks: Vec<usize>,
    /// `(first event, time)` each time the clock changes.
    clock: Vec<(u32, f64)>,
    /// The bits of the latest time in `clock` (what `push` compares an
    /// event's time with; `clock` is never empty once an event is pushed).
    time_bits: u64,
    /// `(first event, loop pass)` each time the pass changes.
    passes: Vec<(u32, u32)>,
    /// The latest pass recorded (what `push` compares an event's with).
    pass: u32,
    wide: Vec<EventKind>,
}

impl EventLog {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Append an event: a clock or pass change if its time or pass differs
    /// from the last one's, and its record (a few stores; only a thread
    /// event, which is rare, writes to a fourth table). A line past
    /// `MAX_LINE`, which no run makes, is stored as `MAX_LINE`.
    pub(crate) fn push(&mut self, e: Event) {
        let code = pack(e.kind).unwrap_or_else(|| {
            self.wide.push(e.kind);
            (WIDE, 0, self.wide.len() as u32 - 1, 0)
        });
        if e.iter != self.pass {
            self.begin_pass(e.iter);
        }
        self.push_packed(e.t, e.task, e.line.min(MAX_LINE), code);
    }

    /// `push` for an event whose kind the caller names (the scheduler's
    /// `Ready`, `Running`, a sleep's `Waiting`…, most events of a run):
    /// inlined there, `pack` folds to the record's codes (only a run-time
    /// operand such as a `Done`'s outcome keeps its own small match) and
    /// the event is a handful of stores, with no `Event` built and no call.
    /// Any kind is right here, but one known only at run time would inline
    /// all of `pack`: those go through `push`. The pass `iter` is the one
    /// `begin_pass` last recorded (the loop records each at its start).
    #[inline(always)]
    pub(crate) fn push_known<const HOT: bool>(
        &mut self,
        t: f64,
        iter: u32,
        task: u32,
        line: u32,
        kind: EventKind,
    ) {
        debug_assert_eq!(iter, self.pass, "a pass that begin_pass did not record");
        match pack(kind) {
            // The hottest call sites (`HOT`) store the record in place in
            // the page too; the others call `push_packed` there.
            Some(code) if HOT => self.push_packed_here(t, task, line, code),
            Some(code) => self.push_packed(t, task, line, code),
            None => self.push(Event {
                t,
                iter,
                task,
                line,
                kind,
            }),
        }
    }

    /// `push_packed_here`, inlined natively only: at each of its dozen call
    /// sites it would cost the page's download 0.9 KB, so in the page only
    /// the hottest few (`push_known::<true>`) have it in place.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn push_packed(&mut self, t: f64, task: u32, line: u32, code: (u8, u8, u32, u32)) {
        self.push_packed_here(t, task, line, code);
    }

    /// Append a record at time `t` (`line` at most `MAX_LINE`), in the
    /// pass recorded last. The usual one (the clock still, room in the
    /// chunk for two slots, no mark due) takes a path with no call that
    /// could need a register saved: this runs for every event of a run, and
    /// the rest was a third of it.
    #[inline(always)]
    fn push_packed_here(&mut self, t: f64, task: u32, line: u32, code: (u8, u8, u32, u32)) {
        let tail = &mut self.slots.tail;
        if tail.capacity() - tail.len() >= 2
            && t.to_bits() == self.time_bits
            && !self.len.is_multiple_of(MARK)
        {
            // The record is made on each path: made once before the test,
            // it was built on the stack and copied from there.
            Packed::new(task, line, code).store(tail);
            self.len += 1;
        } else {
            self.push_slow(t, Packed::new(task, line, code));
        }
    }

    /// The events from now on are in loop pass `iter`: the loop calls this
    /// as a pass starts (rather than each event comparing its pass with the
    /// last one's). A pass with no event leaves no change behind it.
    pub(crate) fn begin_pass(&mut self, iter: u32) {
        let i = self.len() as u32;
        self.pass = iter;
        match self.passes.last_mut() {
            Some((at, pass)) if *at == i => *pass = iter,
            _ => self.passes.push((i, iter)),
        }
    }

    /// `push_packed` for the other records: the first of a chunk (and of
    /// the log), the first at a new time, every `MARK`-th.
    #[cold]
    #[inline(never)]
    fn push_slow(&mut self, t: f64, p: Packed) {
        let i = self.len as u32;
        if t.to_bits() != self.time_bits || self.clock.is_empty() {
            self.clock.push((i, t));
            self.time_bits = t.to_bits();
        }
        self.slots.reserve(p.slots());
        if self.len.is_multiple_of(MARK) {
            self.marks.push(self.slots.len());
        }
        p.store(&mut self.slots.tail);
        self.len += 1;
    }

    /// The whole kind of a `WIDE` record.
    pub(super) fn wide(&self, p: &Packed) -> Option<EventKind> {
        self.wide.get(p.a as usize).copied()
    }

    fn decode(&self, p: &Packed, t: f64, iter: u32) -> Event {
        let kind = match p.kind() {
            CREATED => EventKind::Created { parent: p.a },
            READY => EventKind::Ready,
            RUNNING => EventKind::Running,
            WAITING => EventKind::Waiting {
                on: join_wait(p.sub(), p.a, || p.time()),
            },
            BLOCKING => EventKind::Blocking {
                what: block_of(p.sub()),
                until: p.time(),
            },
            DONE => EventKind::Done {
                outcome: outcome_of(p.sub()),
            },
            PRINT => EventKind::Print { line: p.a },
            CLOCK_JUMP => EventKind::ClockJump { from: p.time() },
            WARNING => EventKind::Warning { index: p.a },
            POOL_QUEUE => EventKind::PoolQueue {
                pool: p.a,
                queued: p.b,
            },
            _ => self.wide(p).unwrap_or(EventKind::Ready),
        };
        Event {
            t,
            iter,
            task: p.task,
            line: p.line(),
            kind,
        }
    }

    /// Event number `i`, decoded (its time and pass: the last changes at or
    /// before it).
    pub fn get(&self, i: usize) -> Option<Event> {
        if i >= self.len {
            return None;
        }
        let p = self.records_untimed_from(i).next()?;
        Some(self.decode(&p, value_at(&self.clock, i), value_at(&self.passes, i)))
    }

    pub fn last(&self) -> Option<Event> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// Events `from..` in order (decoding as it goes, the clock and the
    /// pass read in step).
    pub fn iter_from(&self, from: usize) -> impl Iterator<Item = Event> + '_ {
        let mut passes = Changes::from(&self.passes, from);
        self.records_from(from)
            .zip(from..)
            .map(move |((p, t), i)| self.decode(&p, t, passes.at(i)))
    }

    /// The records of events `from..`, each with its time (the clock read in step).
    pub(super) fn records_from(&self, from: usize) -> impl Iterator<Item = (Packed, f64)> + '_ {
        let mut clock = Changes::from(&self.clock, from);
        self.records_untimed_from(from)
            .zip(from..)
            .map(move |(p, i)| (p, clock.at(i)))
    }

    /// The events `from..to` as runs of consecutive events that share one
    /// time: `(index of the first, index after the last, time)`. Indexing
    /// reads the records along these, so the clock is looked at once a run
    /// rather than once an event.
    pub(super) fn runs(
        &self,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        let to = to.min(self.len());
        let mut i = from;
        let mut clock = Changes::from(&self.clock, from);
        std::iter::from_fn(move || {
            if i >= to {
                return None;
            }
            let t = clock.at(i);
            let end = clock.next_change().unwrap_or(to).min(to);
            let first = i;
            i = end;
            Some((first, end, t))
        })
    }

    /// The records of events `from..` without their time: replaying states
    /// needs no clock, and skips reading it. Found from the mark at or
    /// before `from`, stepping over at most `MARK - 1` records.
    pub(super) fn records_untimed_from(&self, from: usize) -> Records<'_> {
        let start = self.marks.get(from / MARK).copied();
        let mut records = Records {
            slots: self.slots.iter_from(start.unwrap_or(self.slots.len())),
        };
        if start.is_some() {
            for _ in 0..from % MARK {
                records.next();
            }
        }
        records
    }

    pub fn iter(&self) -> impl Iterator<Item = Event> + '_ {
        self.iter_from(0)
    }

    /// The number of events before the first one at or after time `t`
    /// (time never goes back).
    pub fn count_before_time(&self, t: f64) -> usize {
        self.count_while(|c| c < t)
    }

    /// The number of events at or before time `t`.
    pub fn count_until_time(&self, t: f64) -> usize {
        self.count_while(|c| c <= t)
    }

    /// The number of events whose time satisfies `earlier` (true for a
    /// prefix of the clock's changes).
    fn count_while(&self, earlier: impl Fn(f64) -> bool) -> usize {
        let k = self.clock.partition_point(|&(_, c)| earlier(c));
        self.clock
            .get(k)
            .map_or(self.len(), |&(step, _)| step as usize)
    }
}

/// An event kind as a record's `(kind, sub, a, b)`; `None` for a thread
/// event, which the record points to in the wide table. Always inlined:
/// where the kind is named, it folds to constants, which the page's wasm
/// (built for size) otherwise did not do, at 0.4 KB more of its download.
#[inline(always)]
fn pack(kind: EventKind) -> Option<(u8, u8, u32, u32)> {
    Some(match kind {
        EventKind::Created { parent } => (CREATED, 0, parent, 0),
        EventKind::Ready => (READY, 0, 0, 0),
        EventKind::Running => (RUNNING, 0, 0, 0),
        EventKind::Waiting { on } => {
            let (sub, a, until) = split_wait(on);
            let (a, b) = until.map_or((a, 0), time_operands);
            (WAITING, sub, a, b)
        }
        EventKind::Blocking { what, until } => {
            let (a, b) = time_operands(until);
            (BLOCKING, block_code(what), a, b)
        }
        EventKind::Done { outcome } => (DONE, outcome_code(outcome), 0, 0),
        EventKind::Print { line } => (PRINT, 0, line, 0),
        EventKind::ClockJump { from } => {
            let (a, b) = time_operands(from);
            (CLOCK_JUMP, 0, a, b)
        }
        EventKind::Warning { index } => (WARNING, 0, index, 0),
        EventKind::PoolQueue { pool, queued } => (POOL_QUEUE, 0, pool, queued),
        EventKind::Thread { .. } => return None,
    })
}

/// The `WaitOn` codes of a sleep and of `wait_for`'s deadline, the two with a time.
pub(super) const SLEEP_CODE: u8 = 1;
const WAIT_FOR_CODE: u8 = 2;

/// A `WaitOn` as a code (never 0), an integer operand and a time operand.
/// Always inlined, as `pack` is.
#[inline(always)]
pub(super) fn split_wait(on: WaitOn) -> (u8, u32, Option<f64>) {
    match on {
        WaitOn::Sleep { until } => (SLEEP_CODE, 0, Some(until)),
        WaitOn::WaitFor { until } => (WAIT_FOR_CODE, 0, Some(until)),
        WaitOn::Task { task } => (3, task, None),
        WaitOn::Gather { children } => (4, children, None),
        WaitOn::Wait { tasks } => (5, tasks, None),
        WaitOn::TaskGroup { tasks } => (6, tasks, None),
        other => (16 + plain_wait_code(other), 0, None),
    }
}

/// The inverse of `split_wait`; `until` gives the time operand when the code has one.
pub(super) fn join_wait(code: u8, a: u32, until: impl Fn() -> f64) -> WaitOn {
    match code {
        SLEEP_CODE => WaitOn::Sleep { until: until() },
        WAIT_FOR_CODE => WaitOn::WaitFor { until: until() },
        3 => WaitOn::Task { task: a },
        4 => WaitOn::Gather { children: a },
        5 => WaitOn::Wait { tasks: a },
        6 => WaitOn::TaskGroup { tasks: a },
        code => plain_wait(code.wrapping_sub(16)),
    }
}

pub(super) fn block_code(what: BlockKind) -> u8 {
    match what {
        BlockKind::Sleep => 0,
        BlockKind::Cpu => 1,
    }
}

pub(super) fn block_of(code: u8) -> BlockKind {
    if code == 1 {
        BlockKind::Cpu
    } else {
        BlockKind::Sleep
    }
}

pub(super) fn outcome_code(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Returned => 0,
        Outcome::Raised => 1,
        Outcome::Cancelled => 2,
    }
}

pub(super) fn outcome_of(code: u8) -> Outcome {
    match code {
        1 => Outcome::Raised,
        2 => Outcome::Cancelled,
        _ => Outcome::Returned,
    }
}

/// Codes of the `WaitOn`s without operands (offset by 16 in `Packed::sub`).
fn plain_wait_code(on: WaitOn) -> u8 {
    match on {
        WaitOn::Future => 0,
        WaitOn::Lock => 1,
        WaitOn::Semaphore => 2,
        WaitOn::Event => 3,
        WaitOn::Condition => 4,
        WaitOn::QueueGet => 5,
        WaitOn::QueuePut => 6,
        WaitOn::QueueJoin => 7,
        WaitOn::AsCompleted => 8,
        WaitOn::Shield => 9,
        WaitOn::Cancellation => 10,
        WaitOn::ThreadPool => 11,
        WaitOn::ProcessPool => 12,
        // The variants with operands have their own codes.
        WaitOn::Sleep { .. }
        | WaitOn::WaitFor { .. }
        | WaitOn::Task { .. }
        | WaitOn::Gather { .. }
        | WaitOn::Wait { .. }
        | WaitOn::TaskGroup { .. } => 0,
    }
}

fn plain_wait(code: u8) -> WaitOn {
    match code {
        1 => WaitOn::Lock,
        2 => WaitOn::Semaphore,
        3 => WaitOn::Event,
        4 => WaitOn::Condition,
        5 => WaitOn::QueueGet,
        6 => WaitOn::QueuePut,
        7 => WaitOn::QueueJoin,
        8 => WaitOn::AsCompleted,
        9 => WaitOn::Shield,
        10 => WaitOn::Cancellation,
        11 => WaitOn::ThreadPool,
        12 => WaitOn::ProcessPool,
        _ => WaitOn::Future,
    }
}

impl FromIterator<Event> for EventLog {
    fn from_iter<I: IntoIterator<Item = Event>>(events: I) -> EventLog {
        let mut log = EventLog::default();
        for e in events {
            log.push(e);
        }
        log
    }
}

impl Serialize for EventLog {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for EventLog {
    /// The list of events; a line past `MAX_LINE` (which no run makes) is
    /// refused rather than read back as another.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EventLog, D::Error> {
        let events = Vec::<Event>::deserialize(d)?;
        if let Some(e) = events.iter().find(|e| e.line > MAX_LINE) {
            return Err(serde::de::Error::custom(format_args!(
                "line {} of an event is past the last a trace holds ({MAX_LINE})",
                e.line
            )));
        }
        Ok(events.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::machine::ThreadState;

    #[test]
    fn a_chunked_list_reads_back_across_chunks() {
        let mut c = Chunked::default();
        let n = 2 * CHUNK + 5;
        for i in 0..n {
            c.push(i as u32);
        }
        assert_eq!(c.len(), n);
        assert_eq!(c.full.len(), 2);
        for i in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, n - 1] {
            assert_eq!(c.get(i), Some(&(i as u32)), "get {i}");
            let rest: Vec<u32> = c.iter_from(i).copied().collect();
            assert_eq!(rest.len(), n - i, "from {i}");
            assert!(
                rest.iter().zip(i..).all(|(&x, k)| x as usize == k),
                "from {i}"
            );
        }
        assert_eq!(c.get(n), None);
        assert_eq!(c.iter_from(n).count(), 0);
        assert_eq!(c.iter_from(n + 10).count(), 0);
    }

    /// A clone (whose chunk being filled has no spare capacity) goes on
    /// filling that chunk to `CHUNK` entries before starting the next.
    #[test]
    fn a_cloned_log_keeps_growing_in_whole_chunks() {
        let ev = |i: usize| Event {
            t: (i / 7) as f64,
            iter: 0,
            task: i as u32,
            line: 0,
            kind: EventKind::Ready,
        };
        let mut log: EventLog = (0..CHUNK + 10).map(ev).collect();
        let mut copy = log.clone();
        for i in CHUNK + 10..2 * CHUNK + 20 {
            log.push(ev(i));
            copy.push(ev(i));
        }
        assert_eq!(copy.len(), 2 * CHUNK + 20);
        assert_eq!(copy.slots.full.len(), 2);
        assert!(copy.iter().eq(log.iter()));
        assert!(copy.iter().eq((0..2 * CHUNK + 20).map(ev)));
        assert_eq!(copy.get(2 * CHUNK + 19), Some(ev(2 * CHUNK + 19)));
    }

    /// `runs`, with the records read along, gives every record once, in
    /// order, each with the time `records_from` (which reads the clock event
    /// by event) gives it, over chunk boundaries and clock changes, from any
    /// start to any end.
    #[test]
    fn runs_split_records_at_clock_changes() {
        // The clock moves every 1,000 events at first, then every event for
        // a while (around a chunk boundary), then never again.
        let n = 2 * CHUNK + 300;
        let time = |i: usize| match i {
            _ if i < CHUNK - 50 => (i / 1000) as f64,
            _ if i < CHUNK + 50 => i as f64,
            _ => (CHUNK + 50) as f64,
        };
        // Some records with operands (a slot more), some without.
        let kind = |i: usize| match i % 3 {
            0 => EventKind::Print { line: i as u32 },
            _ => EventKind::Ready,
        };
        let log: EventLog = (0..n)
            .map(|i| Event {
                t: time(i),
                iter: 0,
                task: i as u32,
                line: 0,
                kind: kind(i),
            })
            .collect();
        let cases = [
            (0, n),
            (0, 0),
            (5, 1005),
            (999, 1001),
            (CHUNK - 60, CHUNK + 60),
            (CHUNK, 2 * CHUNK),
            (CHUNK + 49, n + 10),
            (n, n + 1),
        ];
        for (from, to) in cases {
            let mut got = Vec::new();
            let mut records = log.records_untimed_from(from);
            for (first, end, t) in log.runs(from, to) {
                assert!(first < end, "{from}..{to}");
                for (i, p) in (first..end).zip(&mut records) {
                    got.push((i, p.task, t));
                }
            }
            let want: Vec<(usize, u32, f64)> = (from..)
                .zip(log.records_from(from))
                .take(to.min(n).saturating_sub(from))
                .map(|(i, (p, t))| (i, p.task, t))
                .collect();
            assert_eq!(got.len(), to.min(n).saturating_sub(from), "{from}..{to}");
            assert_eq!(got, want, "{from}..{to}");
            assert!(got
                .iter()
                .all(|&(i, task, t)| task as usize == i && t == time(i)));
        }
    }

    /// Every kind of event (and every `WaitOn`) comes back as it went in,
    /// with its time.
    #[test]
    fn every_event_decodes_to_what_was_pushed() {
        let waits = [
            WaitOn::Future,
            WaitOn::Sleep { until: 0.1 + 0.2 },
            WaitOn::Task { task: 7 },
            WaitOn::Gather { children: 3 },
            WaitOn::Lock,
            WaitOn::Semaphore,
            WaitOn::Event,
            WaitOn::Condition,
            WaitOn::QueueGet,
            WaitOn::QueuePut,
            WaitOn::QueueJoin,
            WaitOn::WaitFor { until: 2.5 },
            WaitOn::Wait { tasks: 4 },
            WaitOn::AsCompleted,
            WaitOn::Shield,
            WaitOn::TaskGroup { tasks: 9 },
            WaitOn::Cancellation,
            WaitOn::ThreadPool,
            WaitOn::ProcessPool,
        ];
        let mut kinds: Vec<EventKind> = waits.iter().map(|&on| EventKind::Waiting { on }).collect();
        kinds.extend([
            EventKind::Created { parent: 3 },
            EventKind::Ready,
            EventKind::Running,
            EventKind::Blocking {
                what: BlockKind::Cpu,
                until: 1.25,
            },
            EventKind::Blocking {
                what: BlockKind::Sleep,
                until: 3.0,
            },
            EventKind::Done {
                outcome: Outcome::Returned,
            },
            EventKind::Done {
                outcome: Outcome::Raised,
            },
            EventKind::Done {
                outcome: Outcome::Cancelled,
            },
            EventKind::Print { line: 12 },
            EventKind::ClockJump { from: 0.75 },
            EventKind::Warning { index: 2 },
            EventKind::Thread {
                thread: 2,
                state: ThreadState::Cpu {
                    remaining: 0.5,
                    on_core: true,
                    gil: false,
                },
                function: 1,
            },
            EventKind::PoolQueue { pool: 1, queued: 6 },
        ]);
        let events: Vec<Event> = kinds
            .iter()
            .enumerate()
            .map(|(i, &kind)| Event {
                // The clock stays put for a few events, then moves.
                t: (i / 3) as f64 * 0.1,
                iter: i as u32 / 2,
                task: i as u32 % 5,
                line: i as u32 + 1,
                kind,
            })
            .collect();
        let log: EventLog = events.iter().copied().collect();
        assert_eq!(log.len(), events.len());
        assert_eq!(log.iter().collect::<Vec<_>>(), events);
        for (i, e) in events.iter().enumerate() {
            assert_eq!(log.get(i), Some(*e), "event {i}");
            assert_eq!(log.iter_from(i).next(), Some(*e), "from {i}");
        }
        assert_eq!(log.get(events.len()), None);
        assert_eq!(log.last(), events.last().copied());
        // Times 0.0 (events 0–2), 0.1 (3–5), 0.2 (6–8)…
        assert_eq!(log.count_before_time(0.1), 3);
        assert_eq!(log.count_until_time(0.1), 6);
        assert_eq!(log.count_before_time(100.0), events.len());
        assert_eq!(std::mem::size_of::<Slot>(), 8);
    }

    /// A record takes one slot, two with operands that are not both 0, and
    /// never straddles two chunks; any event is found from its mark, across
    /// the short chunks that leaves.
    #[test]
    fn records_take_one_or_two_slots_and_are_found_by_number() {
        // Runs of two-slot records that end at odd places, so that some
        // chunks end one slot short.
        let kind = |i: usize| match i % 7 {
            0..=2 => EventKind::Waiting {
                on: WaitOn::Sleep {
                    until: i as f64 / 8.0,
                },
            },
            3 => EventKind::Created { parent: 0 },
            4 => EventKind::Created { parent: u32::MAX },
            _ => EventKind::Running,
        };
        let ev = |i: usize| Event {
            t: (i / 100) as f64,
            iter: 0,
            task: i as u32,
            line: (i % 1000) as u32,
            kind: kind(i),
        };
        let n = 3 * CHUNK + 77;
        let log: EventLog = (0..n).map(ev).collect();
        // A sleep until 0.0 (event 0) has operands 0: one slot.
        let two = |i: usize| match i % 7 {
            0 => i > 0,
            1 | 2 | 4 => true,
            _ => false,
        };
        let slots: usize = (0..n).map(|i| 1 + two(i) as usize).sum();
        let stored: usize =
            log.slots.full.iter().map(Vec::len).sum::<usize>() + log.slots.tail.len();
        assert_eq!(stored, slots);
        assert!(log.slots.full.iter().any(|c| c.len() == CHUNK - 1));
        for i in (0..n)
            .step_by(611)
            .chain([1, 63, 64, 65, CHUNK - 1, CHUNK, n - 1])
        {
            assert_eq!(log.get(i), Some(ev(i)), "event {i}");
            assert!(log.iter_from(i).eq((i..n).map(ev)), "from {i}");
        }
        assert_eq!(log.get(n), None);
        assert_eq!(log.iter_from(n).count(), 0);
        assert_eq!(log.iter_from(n + 100).count(), 0);
    }
}
