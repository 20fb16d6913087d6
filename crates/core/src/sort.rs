//! CPython 3.11's list sort, written for loopscope: timsort (runs found with
//! `count_run`, short runs extended by binary insertion, merges that gallop)
//! with the powersort merge policy that 3.11 adopted. It makes the very
//! comparisons CPython makes, in the same order, so a comparison that raises
//! stops the sort where CPython's stops and leaves the items as CPython leaves
//! them, and an inconsistent order (`nan` among numbers) sorts the same way.
//!
//! It sorts a list of indices with a comparison on indices (`lt(a, b)`: item
//! `a` < item `b`), not generically: one copy of the algorithm serves every
//! sort in the crate and the page, instead of one copy of std's sort per item
//! type and comparison (7 of them, ~25 KB of wasm before gzip).

use std::cmp::Ordering;

/// CPython's `MIN_GALLOP`: how many wins in a row switch a merge to galloping.
const MIN_GALLOP: usize = 7;

/// `lt(a, b)`: whether item `a` sorts before item `b`; `None` if comparing
/// them raised, which stops the sort.
pub(crate) type Less<'a> = dyn FnMut(usize, usize) -> Option<bool> + 'a;

/// A comparison that raised: the sort stops, leaving the items as they are.
struct Raised;

type Step<T> = Result<T, Raised>;

fn less(lt: &mut Less<'_>, a: usize, b: usize) -> Step<bool> {
    lt(a, b).ok_or(Raised)
}

/// A run waiting to be merged: where it starts, its length, and its
/// powersort "power" (the depth of the node between it and the next run).
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct Merge<'v, 'f> {
    v: &'v mut [usize],
    lt: &'v mut Less<'f>,
    tmp: Vec<usize>,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// How a merge ends (CPython's labels in `merge_lo` / `merge_hi`).
enum End {
    Succeed,
    Fail,
    /// One item of the run not in `tmp` is left, and belongs at the far end.
    CopyOther,
}

/// Sort `v` (indices of items) by `lt`, stably, as CPython's `list.sort`
/// sorts its items. Returns false if a comparison raised: `v` is then still a
/// permutation of its items, in the order CPython's list would be left in.
pub(crate) fn timsort(v: &mut [usize], lt: &mut Less<'_>) -> bool {
    if v.len() < 2 {
        return true;
    }
    let mut m = Merge {
        v,
        lt,
        tmp: Vec::new(),
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    m.sort().is_ok()
}

/// A stable sort of `v` by `lt` (`lt(a, b)`: `a` sorts before `b`).
pub fn sort_by<T>(v: &mut Vec<T>, mut lt: impl FnMut(&T, &T) -> bool) {
    let mut perm: Vec<usize> = (0..v.len()).collect();
    timsort(&mut perm, &mut |a, b| Some(lt(&v[a], &v[b])));
    *v = permuted(std::mem::take(v), &perm);
}

/// `items` in the order `order` gives (a permutation of their indices, as
/// `timsort` leaves it).
pub(crate) fn permuted<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// A stable sort of `v` by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)) == Ordering::Less);
}

/// CPython's `merge_compute_minrun`: the six leading bits of `n`, plus one if
/// any of the rest are set.
fn min_run(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// CPython's `powerloop`: the powersort power of the boundary between the
/// run `s1..s1 + n1` and the `n2` items after it, in a list of `n`.
fn power(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    let mut result = 0;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// CPython's `gallop_left`: where `key` belongs in the sorted `a`, to the
/// left of any equal items, searching outwards from `hint`.
fn gallop_left(lt: &mut Less<'_>, key: usize, a: &[usize], hint: usize) -> Step<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let at = |i: isize| a[i as usize];
    let (mut lastofs, mut ofs) = (0isize, 1isize);
    if less(lt, at(hint), key)? {
        let maxofs = n - hint;
        while ofs < maxofs {
            if !less(lt, at(hint + ofs), key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    } else {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if less(lt, at(hint - ofs), key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        (lastofs, ofs) = (hint - ofs, hint - lastofs);
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if less(lt, at(m), key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// CPython's `gallop_right`: where `key` belongs in the sorted `a`, to the
/// right of any equal items, searching outwards from `hint`.
fn gallop_right(lt: &mut Less<'_>, key: usize, a: &[usize], hint: usize) -> Step<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let at = |i: isize| a[i as usize];
    let (mut lastofs, mut ofs) = (0isize, 1isize);
    if less(lt, key, at(hint))? {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if !less(lt, key, at(hint - ofs))? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        (lastofs, ofs) = (hint - ofs, hint - lastofs);
    } else {
        let maxofs = n - hint;
        while ofs < maxofs {
            if less(lt, key, at(hint + ofs))? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if less(lt, key, at(m))? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

impl Merge<'_, '_> {
    fn sort(&mut self) -> Step<()> {
        let n = self.v.len();
        let minrun = min_run(n);
        let mut lo = 0;
        while lo < n {
            let (mut len, descending) = self.count_run(lo, n)?;
            if descending {
                self.v[lo..lo + len].reverse();
            }
            if len < minrun {
                let force = (n - lo).min(minrun);
                self.binary_sort(lo, lo + force, lo + len)?;
                len = force;
            }
            self.found_new_run(len)?;
            self.pending.push(Run {
                base: lo,
                len,
                power: 0,
            });
            lo += len;
        }
        self.force_collapse()
    }

    /// CPython's `count_run`: the length of the run starting at `lo`, and
    /// whether it is strictly descending.
    fn count_run(&mut self, lo: usize, hi: usize) -> Step<(usize, bool)> {
        let v = &*self.v;
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let descending = less(self.lt, v[lo + 1], v[lo])?;
        let mut i = lo + 2;
        while i < hi && less(self.lt, v[i], v[i - 1])? == descending {
            i += 1;
        }
        Ok((i - lo, descending))
    }

    /// CPython's `binarysort`: `lo..start` is sorted; insert the items of
    /// `start..hi` one by one, after any equal ones.
    fn binary_sort(&mut self, lo: usize, hi: usize, start: usize) -> Step<()> {
        let mut start = if start == lo { start + 1 } else { start };
        while start < hi {
            let pivot = self.v[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if less(self.lt, pivot, self.v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.v.copy_within(l..start, l + 1);
            self.v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// CPython's `found_new_run`: before a run of `n2` items is pushed, merge
    /// the pending runs whose power is greater than its boundary's.
    fn found_new_run(&mut self, n2: usize) -> Step<()> {
        let Some(&last) = self.pending.last() else {
            return Ok(());
        };
        let p = power(last.base, last.len, n2, self.v.len());
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > p {
            self.merge_at(self.pending.len() - 2)?;
        }
        if let Some(last) = self.pending.last_mut() {
            last.power = p;
        }
        Ok(())
    }

    /// CPython's `merge_force_collapse`: merge what is left, at the end.
    fn force_collapse(&mut self) -> Step<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }

    /// CPython's `merge_at`: merge pending runs `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> Step<()> {
        let (a, b) = (self.pending[i], self.pending[i + 1]);
        self.pending[i].len = a.len + b.len;
        self.pending.remove(i + 1);
        // Items of a before where b's first belongs are already in place.
        let k = gallop_right(self.lt, self.v[b.base], &self.v[a.base..a.base + a.len], 0)?;
        let (sa, na) = (a.base + k, a.len - k);
        if na == 0 {
            return Ok(());
        }
        // So are items of b after where a's last belongs.
        let key = self.v[sa + na - 1];
        let nb = gallop_left(self.lt, key, &self.v[b.base..b.base + b.len], b.len - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(sa, na, b.base, nb)
        } else {
            self.merge_hi(sa, na, b.base, nb)
        }
    }

    /// CPython's `merge_lo`: merge `sa..sa + na` and `sb..sb + nb` (adjacent,
    /// `na <= nb`), copying the first run aside and filling from the left.
    fn merge_lo(&mut self, sa: usize, na: usize, sb: usize, nb: usize) -> Step<()> {
        let Merge {
            v,
            lt,
            tmp,
            min_gallop,
            ..
        } = self;
        tmp.clear();
        tmp.extend_from_slice(&v[sa..sa + na]);
        let (mut na, mut nb) = (na, nb);
        let (mut d, mut ia, mut ib) = (sa, 0, sb);
        v[d] = v[ib];
        d += 1;
        ib += 1;
        nb -= 1;
        let end = 'merge: {
            if nb == 0 {
                break 'merge End::Succeed;
            }
            if na == 1 {
                break 'merge End::CopyOther;
            }
            let mut mg = *min_gallop;
            loop {
                let (mut acount, mut bcount) = (0, 0);
                loop {
                    let Ok(b_first) = less(*lt, v[ib], tmp[ia]) else {
                        break 'merge End::Fail;
                    };
                    if b_first {
                        v[d] = v[ib];
                        d += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'merge End::Succeed;
                        }
                        if bcount >= mg {
                            break;
                        }
                    } else {
                        v[d] = tmp[ia];
                        d += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            break 'merge End::CopyOther;
                        }
                        if acount >= mg {
                            break;
                        }
                    }
                }
                mg += 1;
                loop {
                    mg -= usize::from(mg > 1);
                    *min_gallop = mg;
                    let Ok(k) = gallop_right(*lt, v[ib], &tmp[ia..ia + na], 0) else {
                        break 'merge End::Fail;
                    };
                    acount = k;
                    if k > 0 {
                        v[d..d + k].copy_from_slice(&tmp[ia..ia + k]);
                        d += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            break 'merge End::CopyOther;
                        }
                        // Impossible with a consistent order, but not assumed.
                        if na == 0 {
                            break 'merge End::Succeed;
                        }
                    }
                    v[d] = v[ib];
                    d += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge End::Succeed;
                    }
                    let Ok(k) = gallop_left(*lt, tmp[ia], &v[ib..ib + nb], 0) else {
                        break 'merge End::Fail;
                    };
                    bcount = k;
                    if k > 0 {
                        v.copy_within(ib..ib + k, d);
                        d += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge End::Succeed;
                        }
                    }
                    v[d] = tmp[ia];
                    d += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        break 'merge End::CopyOther;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                mg += 1;
                *min_gallop = mg;
            }
        };
        match end {
            End::CopyOther => {
                // The last item of the first run belongs at the end.
                v.copy_within(ib..ib + nb, d);
                v[d + nb] = tmp[ia];
                Ok(())
            }
            End::Succeed | End::Fail => {
                v[d..d + na].copy_from_slice(&tmp[ia..ia + na]);
                match end {
                    End::Fail => Err(Raised),
                    _ => Ok(()),
                }
            }
        }
    }

    /// CPython's `merge_hi`: merge `sa..sa + na` and `sb..sb + nb` (adjacent,
    /// `na > nb`), copying the second run aside and filling from the right.
    /// Positions are signed: a run's cursor ends one before its start.
    fn merge_hi(&mut self, sa: usize, na: usize, sb: usize, nb: usize) -> Step<()> {
        let Merge {
            v,
            lt,
            tmp,
            min_gallop,
            ..
        } = self;
        tmp.clear();
        tmp.extend_from_slice(&v[sb..sb + nb]);
        let u = |i: isize| i as usize;
        let (mut na, mut nb) = (na as isize, nb as isize);
        // The last slot to fill, the last item of a (in v), of b (in tmp).
        let (mut d, mut ia, mut ib) = (sb as isize + nb - 1, sa as isize + na - 1, nb - 1);
        let base_a = sa;
        v[u(d)] = v[u(ia)];
        d -= 1;
        ia -= 1;
        na -= 1;
        let end = 'merge: {
            if na == 0 {
                break 'merge End::Succeed;
            }
            if nb == 1 {
                break 'merge End::CopyOther;
            }
            let mut mg = *min_gallop;
            loop {
                let (mut acount, mut bcount) = (0, 0);
                loop {
                    let Ok(b_first) = less(*lt, tmp[u(ib)], v[u(ia)]) else {
                        break 'merge End::Fail;
                    };
                    if b_first {
                        v[u(d)] = v[u(ia)];
                        d -= 1;
                        ia -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'merge End::Succeed;
                        }
                        if acount >= mg {
                            break;
                        }
                    } else {
                        v[u(d)] = tmp[u(ib)];
                        d -= 1;
                        ib -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            break 'merge End::CopyOther;
                        }
                        if bcount >= mg {
                            break;
                        }
                    }
                }
                mg += 1;
                loop {
                    mg -= usize::from(mg > 1);
                    *min_gallop = mg;
                    let a = &v[base_a..base_a + u(na)];
                    let Ok(k) = gallop_right(*lt, tmp[u(ib)], a, u(na) - 1) else {
                        break 'merge End::Fail;
                    };
                    let k = na - k as isize;
                    acount = u(k);
                    if k > 0 {
                        d -= k;
                        ia -= k;
                        v.copy_within(u(ia + 1)..u(ia + 1 + k), u(d + 1));
                        na -= k;
                        if na == 0 {
                            break 'merge End::Succeed;
                        }
                    }
                    v[u(d)] = tmp[u(ib)];
                    d -= 1;
                    ib -= 1;
                    nb -= 1;
                    if nb == 1 {
                        break 'merge End::CopyOther;
                    }
                    let Ok(k) = gallop_left(*lt, v[u(ia)], &tmp[..u(nb)], u(nb) - 1) else {
                        break 'merge End::Fail;
                    };
                    let k = nb - k as isize;
                    bcount = u(k);
                    if k > 0 {
                        d -= k;
                        ib -= k;
                        v[u(d + 1)..u(d + 1 + k)].copy_from_slice(&tmp[u(ib + 1)..u(ib + 1 + k)]);
                        nb -= k;
                        if nb == 1 {
                            break 'merge End::CopyOther;
                        }
                        // Impossible with a consistent order, but not assumed.
                        if nb == 0 {
                            break 'merge End::Succeed;
                        }
                    }
                    v[u(d)] = v[u(ia)];
                    d -= 1;
                    ia -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'merge End::Succeed;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                mg += 1;
                *min_gallop = mg;
            }
        };
        match end {
            End::CopyOther => {
                // The first item of the second run belongs at the front.
                v.copy_within(u(ia + 1 - na)..u(ia + 1), u(d + 1 - na));
                d -= na;
                v[u(d)] = tmp[u(ib)];
                Ok(())
            }
            End::Succeed | End::Fail => {
                if nb > 0 {
                    v[u(d + 1 - nb)..u(d + 1)].copy_from_slice(&tmp[..u(nb)]);
                }
                match end {
                    End::Fail => Err(Raised),
                    _ => Ok(()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Rng;

    /// Against std's stable sort (an independent reference): with a
    /// consistent order, a stable sort's result is unique.
    #[test]
    fn sorts_stably_like_std() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..3000 {
            let n = match round % 4 {
                0 => (rng.next() % 8) as usize,
                1 => (rng.next() % 100) as usize,
                2 => (rng.next() % 3000) as usize,
                _ => 64 + (rng.next() % 200) as usize,
            };
            let spread = 1 + rng.next() % if round % 3 == 0 { 4 } else { 1000 };
            // Mixtures of runs, reversed runs and noise exercise the merges
            // and their galloping.
            let mut keys: Vec<(u64, usize)> = Vec::with_capacity(n);
            let mut x = 0u64;
            for i in 0..n {
                x = match rng.next() % 6 {
                    0 => rng.next() % spread,
                    1 | 2 => x.saturating_add(rng.next() % 3),
                    3 => x.saturating_sub(rng.next() % 3),
                    _ => x,
                };
                keys.push((x, i));
            }
            let mut want = keys.clone();
            want.sort_by_key(|k| k.0);
            let mut got = keys.clone();
            sort_by(&mut got, |a, b| a.0 < b.0);
            assert_eq!(got, want, "round {round}, n {n}");
        }
    }

    #[test]
    fn a_raising_comparison_stops_and_leaves_a_permutation() {
        let mut rng = Rng(12345);
        for stop_after in [0usize, 1, 5, 70, 300, 1000] {
            let keys: Vec<u64> = (0..500).map(|_| rng.next() % 50).collect();
            let mut v: Vec<usize> = (0..keys.len()).collect();
            let mut calls = 0;
            let done = timsort(&mut v, &mut |a, b| {
                calls += 1;
                (calls <= stop_after).then(|| keys[a] < keys[b])
            });
            assert!(!done);
            assert_eq!(calls, stop_after + 1);
            let mut seen = v.clone();
            seen.sort_unstable();
            assert_eq!(seen, (0..keys.len()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn min_run_and_power_as_cpython_defines_them() {
        // merge_compute_minrun: n < 64 is itself; else 32..=64.
        assert_eq!(min_run(63), 63);
        assert_eq!(min_run(64), 32);
        assert_eq!(min_run(65), 33);
        assert_eq!(min_run(2112), 33);
        assert_eq!(min_run(2048), 32);
        // Two halves of 100: the boundary at 1/2 is the root, power 1; runs
        // at 0..25 | 25..50 of 100: boundary at 1/4, power 2.
        assert_eq!(power(0, 50, 50, 100), 1);
        assert_eq!(power(0, 25, 25, 100), 2);
    }
}
