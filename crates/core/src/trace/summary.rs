//! Summary figures of a run: total time, loop-thread busy share, per-task time in each lane.

use serde::{Deserialize, Serialize};

use super::{log, Trace, LANE_DONE, LANE_READY, LANE_RUNNING, LANE_UNBORN, LANE_WAITING};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskTimes {
    pub running: f64,
    pub ready: f64,
    pub waiting: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Virtual time when the run ended.
    pub total: f64,
    /// Time the loop thread spent blocked in `time.sleep` or computing in `cpu`.
    pub loop_busy: f64,
    /// `loop_busy / total` (0 when total is 0).
    pub loop_busy_share: f64,
    /// The same waits and work done one after another: every awaited sleep plus all blocking time.
    pub sequential: f64,
    pub tasks: Vec<TaskTimes>,
    pub events: u32,
    pub iterations: u32,
}

/// A summary built event by event as the trace is indexed (so the end of a
/// long run does not go over all its events once more): the loop's figures
/// here, each task's in its `TaskClock`, which the indexer keeps beside the
/// task's replayed state (`IndexedTask`).
#[derive(Clone, Debug, Default)]
pub(crate) struct SummaryBuilder {
    pub(super) busy: f64,
    pub(super) sequential: f64,
}

/// A task's times so far and when it entered the lane it is in.
#[derive(Clone, Copy, Debug)]
pub(super) struct TaskClock {
    since: f64,
    /// Time in the running, ready and waiting lanes (codes 1, 2, 3), at
    /// index `code - 1`; the unborn and done lanes (0 and 4) count nowhere.
    /// Three and not four: the indexer's `IndexedTask` is then 60 bytes, one
    /// cache line each (`align(64)`), where 72 bytes straddled two lines in
    /// five cases out of eight.
    in_lane: [f64; 3],
}

const _: () = assert!(
    LANE_RUNNING == 1
        && LANE_READY == 2
        && LANE_WAITING == 3
        && LANE_UNBORN & 3 == 0
        && LANE_DONE & 3 == 0
);

impl TaskClock {
    pub(super) const ZERO: TaskClock = TaskClock {
        since: 0.0,
        in_lane: [0.0; 3],
    };

    /// Count the time from `since` to `t` in the lane of code `lane`, and
    /// start again at `t`.
    #[inline]
    pub(super) fn lap(&mut self, lane: u8, t: f64) {
        let d = t - self.since;
        if let Some(slot) = self.in_lane.get_mut(usize::from(lane & 3).wrapping_sub(1)) {
            *slot += d;
        }
        self.since = t;
    }

    fn times(&self) -> TaskTimes {
        let [running, ready, waiting] = self.in_lane;
        TaskTimes {
            running,
            ready,
            waiting,
        }
    }
}

impl SummaryBuilder {
    /// Count a waiting record (at time `t`): a sleep adds its length.
    #[inline]
    pub(super) fn waiting(&mut self, p: &log::Packed, t: f64) {
        if p.sub() == log::SLEEP_CODE {
            self.sequential += (p.time() - t).max(0.0);
        }
    }

    /// Count a blocking record (at time `t`): the loop thread is busy until its end.
    pub(super) fn blocking(&mut self, p: &log::Packed, t: f64) {
        let until = p.time();
        self.busy += until - t;
        self.sequential += until - t;
    }

    /// The summary once every event is applied, from each task's clock and
    /// the code of the lane it is in at the end.
    pub(crate) fn summary<'a>(
        &self,
        trace: &Trace,
        tasks: impl Iterator<Item = (&'a TaskClock, u8)>,
    ) -> Summary {
        let total = trace.end_time;
        let times = tasks
            .map(|(c, lane)| {
                let mut c = *c;
                c.lap(lane, total);
                c.times()
            })
            .collect();
        Summary {
            total,
            loop_busy: self.busy,
            loop_busy_share: if total > 0.0 { self.busy / total } else { 0.0 },
            sequential: self.sequential,
            tasks: times,
            events: trace.events.len() as u32,
            iterations: trace.events.last().map_or(0, |e| e.iter),
        }
    }
}
