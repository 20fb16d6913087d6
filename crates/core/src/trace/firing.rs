//! Timers in firing order: by due time, then by scheduling order (the number
//! of their record), as the loop's heap pops them. Checkpoints and seeks put
//! the timers pending at a step in that order; they sort keys (due time,
//! number) rather than numbers, so a comparison reads no table and calls no
//! closure (`crate::sort::timsort` through a closure cost several times more).

use super::TimerRecord;

/// A timer's place in firing order: its due time's bits, ordered as
/// `f64::total_cmp` orders the times, then its number. Keys of different
/// timers differ.
pub(super) type Key = (u64, u32);

/// Timer `t`'s key (a timer not in the table sorts last).
pub(super) fn key(timers: &[TimerRecord], t: u32) -> Key {
    let due = timers.get(t as usize).map_or(f64::INFINITY, |r| r.due);
    let bits = due.to_bits();
    // As `total_cmp`: negative times (sign bit set) order in reverse of their
    // bits, and all of them before the positive ones.
    let ordered = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    (ordered, t)
}

/// The timer a key is for.
pub(super) fn timer(k: &Key) -> u32 {
    k.1
}

/// Short runs are sorted by insertion before merging.
const RUN: usize = 8;

/// Sort keys ascending: runs of `RUN` by insertion, then merged pairwise.
pub(super) fn sort(keys: &mut Vec<Key>) {
    for run in keys.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && run[j] < run[j - 1] {
                run.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut width = RUN;
    if width >= keys.len() {
        return;
    }
    let mut from = std::mem::take(keys);
    let mut to = Vec::with_capacity(from.len());
    while width < from.len() {
        to.clear();
        for pair in from.chunks(2 * width) {
            let (a, b) = pair.split_at(width.min(pair.len()));
            merge_into(a, b, &mut to);
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    *keys = from;
}

/// Two sorted lists of keys, merged.
pub(super) fn merge(a: &[Key], b: &[Key]) -> Vec<Key> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    merge_into(a, b, &mut out);
    out
}

fn merge_into(a: &[Key], b: &[Key], out: &mut Vec<Key>) {
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x <= y {
            out.push(x);
            i += 1;
        } else {
            out.push(y);
            j += 1;
        }
    }
    out.extend_from_slice(a.get(i..).unwrap_or_default());
    out.extend_from_slice(b.get(j..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Rng;
    use crate::trace::{TimerKind, NO_TASK};

    impl Rng {
        /// A number in `0..n`.
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// The keys sort timers as comparing their due times with `total_cmp`
    /// (numbers breaking ties) does, special values and ties included, at
    /// every length around the run and merge boundaries.
    #[test]
    fn keys_sort_timers_by_due_time_then_number() {
        let specials = [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            1e300,
            -1e300,
        ];
        let mut rng = Rng(7);
        for n in [0usize, 1, 2, 7, 8, 9, 15, 16, 17, 100, 1000, 4099] {
            let timers: Vec<TimerRecord> = (0..n)
                .map(|i| TimerRecord {
                    due: match rng.below(4) {
                        0 => specials[rng.below(specials.len() as u64) as usize],
                        // Few distinct times: many ties.
                        1 => rng.below(5) as f64 * 0.5,
                        _ => (rng.below(1 << 20) as f64 - 1000.0) / 7.0,
                    },
                    added: i as u32,
                    ended: u32::MAX,
                    task: NO_TASK,
                    kind: TimerKind::Sleep,
                })
                .collect();
            let mut want: Vec<u32> = (0..n as u32).collect();
            want.sort_by(|&a, &b| {
                let (x, y) = (&timers[a as usize], &timers[b as usize]);
                x.due.total_cmp(&y.due).then(a.cmp(&b))
            });
            // Shuffled, so the input order does not help.
            let mut ids: Vec<u32> = (0..n as u32).collect();
            for i in (1..n).rev() {
                ids.swap(i, rng.below(i as u64 + 1) as usize);
            }
            let mut keys: Vec<Key> = ids.iter().map(|&t| key(&timers, t)).collect();
            sort(&mut keys);
            let got: Vec<u32> = keys.iter().map(timer).collect();
            assert_eq!(got, want, "{n} timers");
            // Merging two sorted halves (split by parity) gives the whole.
            let (even, odd): (Vec<Key>, Vec<Key>) = keys.iter().partition(|k| k.1 % 2 == 0);
            assert_eq!(merge(&even, &odd), keys, "{n} timers");
        }
    }
}
