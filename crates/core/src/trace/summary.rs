//! Summary figures of a run: total time, loop-thread busy share, per-task time in each lane.

use serde::{Deserialize, Serialize};

use super::{log, EventLog, Replayed, Trace, LANE_READY, LANE_RUNNING, LANE_WAITING};

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
/// long run does not go over all its events once more). The lane each task
/// is in comes from the indexer's replayed state.
#[derive(Clone, Debug, Default)]
pub(crate) struct SummaryBuilder {
    tasks: Vec<TaskClock>,
    busy: f64,
    sequential: f64,
}

/// A task's times so far and when it entered the lane it is in (together,
/// so the index pass finds both with one look-up).
#[derive(Clone, Debug, Default)]
struct TaskClock {
    since: f64,
    /// Time running, ready and waiting: the lanes of `PackedTask::lane`
    /// codes 1, 2 and 3, at index code − 1 (a table rather than a `match`:
    /// the index pass adds to it once an event).
    in_lane: [f64; 3],
}

const _: () = assert!(LANE_RUNNING == 1 && LANE_READY == 2 && LANE_WAITING == 3);

impl TaskClock {
    /// Count the time from `since` to `t` in the lane of code `lane` (none
    /// for the unborn and done lanes), and start again at `t`.
    #[inline]
    fn lap(&mut self, lane: u8, t: f64) {
        if let Some(x) = self.in_lane.get_mut(usize::from(lane).wrapping_sub(1)) {
            *x += t - self.since;
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
    /// Make room for the tasks the trace has now.
    pub(crate) fn grow(&mut self, tasks: usize) {
        self.tasks.resize(tasks, TaskClock::default());
    }

    /// Apply event number `step` (record `p`, at time `t`) to `state`
    /// (`Replayed::apply`) and count it: the task's state looked up once for
    /// both, and one `match` on the kind, whose arms each apply what they
    /// know the kind to be (this runs once an event: two matches, one for
    /// the state and one for the summary, cost a seventh more).
    #[inline]
    pub(super) fn apply(
        &mut self,
        state: &mut Replayed,
        step: u32,
        p: &log::Packed,
        t: f64,
        events: &EventLog,
    ) {
        let task = p.task as usize;
        let Some(s) = state.tasks.get_mut(task) else {
            return self.apply_loop(state, p, t, events);
        };
        match p.kind {
            // The kinds that move a task between lanes end its time in the
            // lane it was in.
            log::CREATED | log::READY | log::RUNNING | log::DONE => {
                if let Some(c) = self.tasks.get_mut(task) {
                    c.lap(s.lane, t);
                }
                s.apply(step, p);
            }
            log::WAITING => {
                if let Some(c) = self.tasks.get_mut(task) {
                    c.lap(s.lane, t);
                }
                s.apply(step, p);
                if p.sub == log::SLEEP_CODE {
                    self.sequential += (p.time() - t).max(0.0);
                }
            }
            _ => {
                s.apply(step, p);
                self.apply_loop(state, p, t, events);
            }
        }
    }

    /// What `apply` counts beyond the task's state (all of a record about no task).
    fn apply_loop(&mut self, state: &mut Replayed, p: &log::Packed, t: f64, events: &EventLog) {
        match p.kind {
            log::CREATED | log::READY | log::RUNNING | log::DONE => {}
            log::WAITING => {
                if p.sub == log::SLEEP_CODE {
                    self.sequential += (p.time() - t).max(0.0);
                }
            }
            log::BLOCKING => {
                let until = p.time();
                self.busy += until - t;
                self.sequential += until - t;
            }
            _ => state.apply_other(p, events),
        }
    }

    /// The summary once every event is applied; `lanes` are the codes of the
    /// tasks' lanes at the end.
    pub(crate) fn summary(&self, trace: &Trace, lanes: impl Iterator<Item = u8>) -> Summary {
        let total = trace.end_time;
        let mut lanes = lanes;
        let times = self
            .tasks
            .iter()
            .map(|c| {
                let mut c = c.clone();
                if let Some(lane) = lanes.next() {
                    c.lap(lane, total);
                }
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
