//! The ready queue and the timer heap of `BaseEventLoop._run_once`, and the callbacks they hold.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::hash::BuildHasherDefault;
use std::rc::Rc;

use crate::asyncio::combinators::{AsCompletedState, GatherState, WaitState};
use crate::asyncio::objects::{AsyncObj, FutRef};
use crate::exc::ExcRef;
use crate::value::Value;

/// What a ready-queue entry does when it runs. Done callbacks get the future
/// they were registered on as `arg` of their [`Handle`].
#[derive(Clone)]
pub(crate) enum Callback {
    /// `Task.__step(exc)`.
    /// `id` and `line` are the task's number and the line it waits at
    /// (for the Ready event `call_soon` records without reading the task,
    /// which by then has long left the cache).
    TaskStep {
        task: FutRef,
        exc: Option<ExcRef>,
        id: u32,
        line: u32,
    },
    /// `Task.__wakeup(future)`: the done callback a waiting task leaves on
    /// its future; `id` and `line` as for `TaskStep`.
    TaskWakeup {
        task: FutRef,
        id: u32,
        line: u32,
    },
    /// `Task.__wakeup` on a future the task keeps inline: a sleep's
    /// (`Waiter::Sleep`) or a queue wait's (`Waiter::Queue`).
    SleepWakeup {
        task: FutRef,
        id: u32,
        line: u32,
    },
    /// `tasks._release_waiter(waiter)` (wait_for, _cancel_and_wait).
    ReleaseWaiter {
        waiter: FutRef,
    },
    GatherChildDone {
        state: Rc<GatherState>,
    },
    ShieldInnerDone {
        outer: FutRef,
    },
    ShieldOuterDone {
        inner: FutRef,
        inner_cb: u64,
    },
    WaitCompletion {
        state: Rc<WaitState>,
    },
    AsCompletedDone {
        state: Rc<AsCompletedState>,
    },
    AsCompletedTimeout {
        state: Rc<AsCompletedState>,
    },
    TaskGroupTaskDone {
        tg: Rc<AsyncObj>,
    },
    TimeoutFire {
        tm: Rc<AsyncObj>,
    },
    /// A program's own function: `add_done_callback(fn)`, `loop.call_soon(fn, *args)`.
    /// Boxed: the other kinds are half its size, and every future keeps
    /// room for a callback inline.
    User(Box<UserCallback>),
    /// `_run_until_complete_cb`: stop the loop after this pass.
    StopLoop,
    /// A worker finished a work item (`call_soon_threadsafe` of the wrapped future's state).
    ThreadDone {
        fut: FutRef,
        result: Result<Value, ExcRef>,
    },
}

/// A scheduled callback's cancelled flag, by number: the flag itself lives
/// in [`EventLoop::cancelled`], shared with whoever may cancel it (the
/// program's `TimerHandle`, `sleep`'s `finally`, …). `record` is the index
/// of its record in the trace's timer table (`NO_RECORD` for `call_soon`
/// handles). A number, not a shared cell: a million sleeps allocate nothing
/// for their handles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TimerRef {
    flag: u32,
    pub(crate) record: u32,
}

pub(crate) const NO_RECORD: u32 = u32::MAX;

/// A scheduled callback: the callback, the future it is a done callback of,
/// and a cancelled flag shared with the program's `TimerHandle`.
#[derive(Clone)]
pub(crate) struct Handle {
    pub(crate) cb: Callback,
    pub(crate) arg: Option<FutRef>,
    pub(crate) cancelled: Option<TimerRef>,
}

impl Handle {
    pub(crate) fn new(cb: Callback) -> Handle {
        Handle {
            cb,
            arg: None,
            cancelled: None,
        }
    }

    pub(crate) fn is_cancelled(&self, flags: &TimerFlags) -> bool {
        self.cancelled.is_some_and(|c| flags.get(c))
    }
}

/// The cancelled flags of every cancellable handle ever made, by number: a
/// bit each (a million sleeps make a million handles).
#[derive(Default)]
pub(crate) struct TimerFlags {
    bits: Vec<u64>,
    len: u32,
}

impl TimerFlags {
    /// A new, uncancelled flag.
    #[inline(always)]
    pub(crate) fn new_flag(&mut self, record: u32) -> TimerRef {
        let flag = self.len;
        if flag.is_multiple_of(64) {
            self.bits.push(0);
        }
        self.len += 1;
        TimerRef { flag, record }
    }

    #[inline(always)]
    pub(crate) fn get(&self, t: TimerRef) -> bool {
        self.bits
            .get(t.flag as usize / 64)
            .is_some_and(|w| w >> (t.flag % 64) & 1 == 1)
    }

    /// Only `Vm::cancel_timer` calls this, so the trace learns of every
    /// cancellation. True if it was not cancelled before.
    pub(crate) fn set_cancelled(&mut self, t: TimerRef) -> bool {
        match self.bits.get_mut(t.flag as usize / 64) {
            Some(w) => {
                let bit = 1u64 << (t.flag % 64);
                let was = *w & bit != 0;
                *w |= bit;
                !was
            }
            None => false,
        }
    }
}

/// A due time in the heap of distinct due times; earliest first.
struct Due(f64);

impl PartialEq for Due {
    fn eq(&self, other: &Due) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Due {}
impl PartialOrd for Due {
    fn partial_cmp(&self, other: &Due) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Due {
    fn cmp(&self, other: &Due) -> Ordering {
        // Reversed: BinaryHeap is a max-heap and we want the earliest first.
        other.0.total_cmp(&self.0)
    }
}

/// Hashes a number (a due time's bits, an object's identity) with one
/// multiplication. For maps whose keys are only looked up, never iterated,
/// so the order of the map cannot leak into a run.
#[derive(Default)]
pub(crate) struct BitsHasher(u64);

/// A map keyed by numbers, hashed by [`BitsHasher`].
pub(crate) type BitsMap<K, V> = HashMap<K, V, BuildHasherDefault<BitsHasher>>;

impl std::hash::Hasher for BitsHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = (x ^ (x >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// A timer as the heap keeps it: its cancelled flag and what it runs. A
/// sleep's timer (nearly every timer) is a few numbers, with no callback
/// and no reference to its task to copy or count: the heap moves each timer
/// in and out, and a fan-out program has a timer per task pending.
pub(crate) struct Timer {
    pub(crate) flag: TimerRef,
    pub(crate) what: TimerWhat,
}

pub(crate) enum TimerWhat {
    /// `sleep`'s `_set_result_unless_cancelled` for the task numbered `task`
    /// (its index in `Vm::tasks`), waiting at `line`: `Ready::SleepTimer`
    /// once it fires.
    Sleep { task: u32, line: u32 },
    /// Any other callback (`call_later`, the timeouts): few, kept boxed.
    Other(Box<Callback>),
}

impl Timer {
    #[inline(always)]
    pub(crate) fn is_cancelled(&self, flags: &TimerFlags) -> bool {
        flags.get(self.flag)
    }
}

/// Timers by (due, scheduling order), as CPython's heap with the oracle's
/// tie-break. Timers due at the very same instant (the usual case: many
/// tasks sleeping the same delay in the same pass) share a FIFO bucket, so
/// the heap holds each distinct due time once and stays small. Cancelled
/// timers stay until they reach the front, as in CPython.
///
/// The earliest bucket is kept apart (`head`), out of the map: each pass
/// looks at and pops the front timer several times, and the timers of one
/// due time are popped one after another, so only moving on to the next due
/// time looks it up in the map. The other buckets are in `slots`, found by
/// due time through `index`, and the few due times pushed to last are
/// remembered with their slots (`recent`): a pass of sleeps of a few
/// delays pushes its timers to a few due times, found there with no hash.
pub(crate) struct TimerHeap {
    /// The earliest due time and its timers (never empty); `None` only when
    /// there are no timers at all.
    head: Option<(f64, VecDeque<Timer>)>,
    /// The other due times, each later than `head`'s.
    dues: BinaryHeap<Due>,
    /// The slot in `slots` of each due time in `dues` (by its bits).
    index: BitsMap<u64, u32>,
    /// The timers of each due time in `dues`, in scheduling order; a slot
    /// whose due time moved to `head` is empty and listed in `free`.
    slots: Vec<VecDeque<Timer>>,
    free: Vec<u32>,
    /// Due times (bits) in `dues` pushed to lately, with their slots;
    /// `NO_DUE` where none (no due time has a NaN's bits).
    recent: [(u64, u32); RECENT],
    /// The entry of `recent` to replace next.
    replace: usize,
    /// Emptied buckets, kept for reuse.
    spare: Vec<VecDeque<Timer>>,
}

/// How many due times `TimerHeap::recent` remembers.
const RECENT: usize = 8;

/// An empty entry of `TimerHeap::recent`: a NaN's bits, which no due time
/// has (a NaN due time is kept as minus infinity).
const NO_DUE: (u64, u32) = (0x7ff8_0000_0000_0000, 0);

impl Default for TimerHeap {
    fn default() -> TimerHeap {
        TimerHeap {
            head: None,
            dues: BinaryHeap::new(),
            index: BitsMap::default(),
            slots: Vec::new(),
            free: Vec::new(),
            recent: [NO_DUE; RECENT],
            replace: 0,
            spare: Vec::new(),
        }
    }
}

impl TimerHeap {
    pub(crate) fn push(&mut self, due: f64, timer: Timer) {
        // A NaN due time is never `>=` the end of a pass in CPython: it fires at once.
        let due = if due.is_nan() { f64::NEG_INFINITY } else { due };
        let bits = due.to_bits();
        // A due time pushed to lately: in `dues`, later than the head's.
        if let Some(&(_, slot)) = self.recent.iter().find(|&&(b, _)| b == bits) {
            if let Some(bucket) = self.slots.get_mut(slot as usize) {
                bucket.push_back(timer);
                return;
            }
        }
        let order = match &self.head {
            Some((first, _)) => due.total_cmp(first),
            None => Ordering::Less,
        };
        match order {
            Ordering::Equal => {
                if let Some((_, bucket)) = &mut self.head {
                    bucket.push_back(timer);
                }
            }
            Ordering::Less => {
                // A new earliest due time: the old head goes back among the others.
                let mut bucket = self.spare.pop().unwrap_or_default();
                bucket.push_back(timer);
                if let Some((first, old)) = self.head.replace((due, bucket)) {
                    self.add_due(first, old);
                }
            }
            Ordering::Greater => match self.index.get(&bits) {
                Some(&slot) => {
                    if let Some(bucket) = self.slots.get_mut(slot as usize) {
                        bucket.push_back(timer);
                    }
                    self.remember(bits, slot);
                }
                None => {
                    let mut bucket = self.spare.pop().unwrap_or_default();
                    bucket.push_back(timer);
                    let slot = self.add_due(due, bucket);
                    self.remember(bits, slot);
                }
            },
        }
    }

    /// Put a due time later than the head's, with its bucket, among the
    /// others; its slot.
    fn add_due(&mut self, due: f64, bucket: VecDeque<Timer>) -> u32 {
        let slot = match self.free.pop() {
            Some(slot) => {
                if let Some(s) = self.slots.get_mut(slot as usize) {
                    *s = bucket;
                }
                slot
            }
            None => {
                self.slots.push(bucket);
                self.slots.len() as u32 - 1
            }
        };
        self.index.insert(due.to_bits(), slot);
        self.dues.push(Due(due));
        slot
    }

    /// Remember that the due time `bits` is in `slot`.
    fn remember(&mut self, bits: u64, slot: u32) {
        if let Some(r) = self.recent.get_mut(self.replace) {
            *r = (bits, slot);
        }
        self.replace = (self.replace + 1) % RECENT;
    }

    /// The earliest timer.
    #[inline(always)]
    fn front(&self) -> Option<(f64, &Timer)> {
        let (due, bucket) = self.head.as_ref()?;
        Some((*due, bucket.front()?))
    }

    /// Remove the earliest timer. Inlined, for the usual case of a bucket
    /// with more timers left; moving on to the next due time is apart.
    #[inline(always)]
    fn pop_front(&mut self) -> Option<Timer> {
        let (_, bucket) = self.head.as_mut()?;
        let h = bucket.pop_front();
        if bucket.is_empty() {
            self.next_bucket();
        }
        h
    }

    /// The head's bucket is empty: the next due time becomes the head.
    fn next_bucket(&mut self) {
        let next = self.dues.pop().and_then(|Due(due)| {
            let bits = due.to_bits();
            let slot = self.index.remove(&bits)?;
            let bucket = std::mem::take(self.slots.get_mut(slot as usize)?);
            self.free.push(slot);
            for r in &mut self.recent {
                if r.0 == bits {
                    *r = NO_DUE;
                }
            }
            Some((due, bucket))
        });
        if let Some((_, empty)) = std::mem::replace(&mut self.head, next) {
            self.spare.push(empty);
        }
    }

    /// Drop cancelled timers from the front; then the earliest live due time.
    #[inline]
    pub(crate) fn next_due(&mut self, flags: &TimerFlags) -> Option<f64> {
        while self.front().is_some_and(|(_, h)| h.is_cancelled(flags)) {
            self.pop_front();
        }
        self.front().map(|(due, _)| due)
    }

    /// Pop the earliest timer if it is due before `end` (`now + clock resolution`).
    pub(crate) fn pop_due(&mut self, end: f64) -> Option<Timer> {
        if self.front().is_some_and(|(due, _)| due < end) {
            self.pop_front()
        } else {
            None
        }
    }

    pub(crate) fn clear(&mut self) {
        *self = TimerHeap::default();
    }
}

/// A ready-queue entry: the callbacks nearly every await queues (a task's
/// step or wake-up, a sleep's timer, a gather child's end), each in a few
/// words, and any other [`Handle`] boxed. A whole Handle is 72 bytes, moved
/// in and out of the queue twice per await; an entry is 24.
pub(crate) enum Ready {
    /// `Callback::TaskStep` (its number and line served the Ready event).
    Step {
        task: FutRef,
        exc: Option<ExcRef>,
    },
    /// `Callback::TaskWakeup`, a done callback of `fut`.
    Wakeup {
        task: FutRef,
        fut: FutRef,
    },
    /// `futures._set_result_unless_cancelled(fut, result)`, the timer of
    /// `sleep`, for the future kept in the task numbered `id` (its index in
    /// `Vm::tasks`; `Waiter::Sleep` with this timer), with the timer's
    /// cancelled flag; `line` for the Ready event of the wake-up it queues.
    SleepTimer {
        id: u32,
        line: u32,
        flag: TimerRef,
    },
    /// `Callback::SleepWakeup` (a sleep's or a queue wait's wake-up).
    SleepWakeup {
        task: FutRef,
    },
    /// `Callback::GatherChildDone`, a done callback of `fut`.
    GatherChildDone {
        state: Rc<GatherState>,
        fut: FutRef,
    },
    Other(Box<Handle>),
}

/// A program's own function to call back, with its arguments (`Callback::User`).
#[derive(Clone)]
pub(crate) struct UserCallback {
    pub(crate) func: Value,
    pub(crate) args: Vec<Value>,
}

impl Ready {
    pub(crate) fn is_cancelled(&self, flags: &TimerFlags) -> bool {
        match self {
            Ready::SleepTimer { flag, .. } => flags.get(*flag),
            Ready::Other(h) => h.is_cancelled(flags),
            _ => false,
        }
    }
}

impl From<Handle> for Ready {
    fn from(h: Handle) -> Ready {
        match h {
            Handle {
                cb: Callback::TaskStep { task, exc, .. },
                arg: None,
                cancelled: None,
            } => Ready::Step { task, exc },
            Handle {
                cb: Callback::TaskWakeup { task, .. },
                arg: Some(fut),
                cancelled: None,
            } => Ready::Wakeup { task, fut },
            Handle {
                cb: Callback::SleepWakeup { task, .. },
                arg: None,
                cancelled: None,
            } => Ready::SleepWakeup { task },
            Handle {
                cb: Callback::GatherChildDone { state },
                arg: Some(fut),
                cancelled: None,
            } => Ready::GatherChildDone { state, fut },
            h => Ready::Other(Box::new(h)),
        }
    }
}

/// The FIFO of callbacks ready to run.
#[derive(Default)]
pub(crate) struct ReadyQueue {
    pub(crate) queue: VecDeque<Ready>,
}

impl ReadyQueue {
    pub(crate) fn push(&mut self, h: Handle) {
        self.queue.push_back(Ready::from(h));
    }

    pub(crate) fn push_ready(&mut self, r: Ready) {
        self.queue.push_back(r);
    }

    /// The first `n` entries go behind the others, in their order.
    pub(crate) fn move_front_to_back(&mut self, n: usize) {
        self.queue.rotate_left(n);
    }

    pub(crate) fn pop(&mut self) -> Option<Ready> {
        self.queue.pop_front()
    }

    pub(crate) fn len(&self) -> usize {
        self.queue.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }
}

/// A task step paused part-way, to go on with: its task and trace id, and the
/// task that was current before the step (the step's own stays current).
pub(crate) struct PausedStep {
    pub(crate) task: FutRef,
    pub(crate) id: u32,
    pub(crate) prev: Option<FutRef>,
    /// The future it awaits and the line, if its frames suspended already:
    /// a worker's Python paused in the threads' settling after the step
    /// (`Vm::settle_after_step`), and the rest of the step comes after it.
    pub(crate) waits_on: Option<(FutRef, u32)>,
}

/// Where the loop thread's wait at the start of a pass was when a worker's
/// Python paused (`Vm::loop_wait_for_event`).
#[derive(Clone, Copy)]
pub(crate) enum LoopWait {
    /// Waiting for a timer due then (if any) or a thread's completion.
    Event(Option<f64>),
    /// Woken, waiting for the GIL.
    Gil,
}

/// The loop's own state: the clock, the queues and the pass counter.
#[derive(Default)]
pub(crate) struct EventLoop {
    pub(crate) now: f64,
    pub(crate) ready: ReadyQueue,
    pub(crate) timers: TimerHeap,
    pub(crate) cancelled: TimerFlags,
    pub(crate) iteration: u32,
    /// Callbacks of the current pass not run yet (a session may pause
    /// between two of them).
    pub(crate) pass_left: usize,
    /// A task step paused part-way (a long stretch of Python): it goes on
    /// before anything else, so the run is the same as without the pause.
    pub(crate) paused: Option<PausedStep>,
    /// The wait at the start of a pass, left when a worker's Python paused
    /// in it: the next pass goes on with it instead of starting.
    pub(crate) wait: Option<LoopWait>,
    pub(crate) stopping: bool,
    pub(crate) running: bool,
    /// Blank futures nothing refers to any more, for `Vm::new_future`.
    pub(crate) spare_futures: Vec<FutRef>,
}

/// `BaseEventLoop._clock_resolution` as the oracle sets it.
pub(crate) const CLOCK_RESOLUTION: f64 = 1e-9;

#[cfg(test)]
mod tests {
    use super::*;

    /// A timer with the flag `flag`.
    fn timer(flag: TimerRef) -> Timer {
        Timer {
            flag,
            what: TimerWhat::Other(Box::new(Callback::StopLoop)),
        }
    }

    /// A timer that carries `id` (as its timer record) to tell it apart.
    fn marked(id: u32) -> Timer {
        timer(TimerFlags::default().new_flag(id))
    }

    #[test]
    fn timers_pop_by_due_time_then_scheduling_order() {
        let mut h = TimerHeap::default();
        h.push(0.3, marked(1));
        h.push(0.1 + 0.1 + 0.1, marked(2)); // 0.30000000000000004: later than 0.3
        h.push(0.3, marked(3));
        h.push(0.1, marked(4));
        let mut order = Vec::new();
        while let Some(t) = h.pop_due(f64::INFINITY) {
            order.push(t.flag.record);
        }
        assert_eq!(order, vec![4, 1, 3, 2]);
        // Emptied buckets are reused: nothing grows with timers that came and went.
        assert_eq!(h.spare.len(), 3);
        h.push(1.0, marked(5));
        assert_eq!(h.spare.len(), 2);
        assert_eq!(h.pop_due(2.0).map(|t| t.flag.record), Some(5));
        assert!(h.head.is_none() && h.index.is_empty() && h.dues.is_empty());
    }

    /// Passes that each pop the due timers and push new ones a few delays
    /// ahead (more due times in flight than `recent` holds, some pushed to
    /// the head's due time or before it) pop in (due, scheduling) order,
    /// as a sorted list of every timer pushed says.
    #[test]
    fn many_passes_of_few_delays_pop_in_order() {
        let mut h = TimerHeap::default();
        let mut model: Vec<(f64, u32)> = Vec::new();
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let mut now = 0.0f64;
        let mut record = 0;
        for _ in 0..300 {
            for _ in 0..next(20) {
                // Delays of 1 to 12 ms (12 due times in flight), now and then 0.
                let due = now + 0.001 * next(13) as f64;
                h.push(due, marked(record));
                model.push((due, record));
                record += 1;
            }
            let Some(earliest) = model.iter().map(|&(d, _)| d).min_by(f64::total_cmp) else {
                continue;
            };
            now = earliest;
            // The model: earliest due first, then scheduling order (stable sort).
            model.sort_by(|a, b| a.0.total_cmp(&b.0));
            let due_now = model.iter().take_while(|&&(d, _)| d < now + 1e-9).count();
            let want: Vec<u32> = model.drain(..due_now).map(|(_, r)| r).collect();
            let mut got = Vec::new();
            while let Some(t) = h.pop_due(now + 1e-9) {
                got.push(t.flag.record);
            }
            assert_eq!(got, want, "at {now}");
        }
        assert!(record > 2000);
    }

    #[test]
    fn timers_pushed_at_or_before_the_earliest_due_time_keep_the_order() {
        let mut h = TimerHeap::default();
        h.push(1.0, marked(1));
        h.push(2.0, marked(2));
        let record = |t: Option<Timer>| t.map(|t| t.flag.record);
        assert_eq!(record(h.pop_due(f64::INFINITY)), Some(1));
        // 2.0 is the earliest now: a timer joins its bucket, an earlier one goes first.
        h.push(2.0, marked(3));
        h.push(0.5, marked(4));
        h.push(2.0, marked(5));
        h.push(f64::NAN, marked(6));
        let mut order = Vec::new();
        while let Some(r) = record(h.pop_due(f64::INFINITY)) {
            order.push(r);
        }
        assert_eq!(order, vec![6, 4, 2, 3, 5]);
    }

    #[test]
    fn only_timers_due_before_the_end_pop_and_cancelled_ones_are_skipped_at_the_top() {
        let mut h = TimerHeap::default();
        let mut flags = TimerFlags::default();
        // Flags in more than one word, each on its own.
        let others: Vec<TimerRef> = (0..70).map(|_| flags.new_flag(NO_RECORD)).collect();
        let flag = flags.new_flag(NO_RECORD);
        assert!(!flags.get(flag));
        assert!(flags.set_cancelled(flag));
        assert!(!flags.set_cancelled(flag));
        assert!(flags.get(flag));
        assert!(others.iter().all(|&o| !flags.get(o)));
        h.push(1.0, timer(flag));
        h.push(2.0, timer(flags.new_flag(NO_RECORD)));
        assert_eq!(h.next_due(&flags), Some(2.0));
        assert!(h.pop_due(2.0).is_none());
        assert!(h.pop_due(2.0 + CLOCK_RESOLUTION).is_some());
        assert_eq!(h.next_due(&flags), None);
    }
}
