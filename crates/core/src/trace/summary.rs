//! Summary figures of a run: total time, loop-thread busy share, per-task time in each lane.

use serde::{Deserialize, Serialize};

use super::{log, EventLog, Lane, Trace};

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
    /// When each task entered the lane it is in.
    since: Vec<f64>,
    times: Vec<TaskTimes>,
    busy: f64,
    sequential: f64,
}

fn add(times: &mut [TaskTimes], i: usize, l: Lane, dt: f64) {
    if let Some(t) = times.get_mut(i) {
        match l {
            Lane::Running => t.running += dt,
            Lane::Ready => t.ready += dt,
            Lane::Waiting => t.waiting += dt,
            _ => {}
        }
    }
}

impl SummaryBuilder {
    /// Make room for the tasks the trace has now.
    pub(crate) fn grow(&mut self, tasks: usize) {
        self.since.resize(tasks, 0.0);
        self.times.resize(tasks, TaskTimes::default());
    }

    /// Count the event `p` at time `t`, its task being in `lane` before it
    /// (`None`: no task, or one the trace does not list).
    #[inline]
    pub(crate) fn apply(&mut self, lane: Option<Lane>, p: &log::Packed, t: f64, events: &EventLog) {
        match p.kind {
            log::BLOCKING => {
                let until = events.real(p.a);
                self.busy += until - t;
                self.sequential += until - t;
            }
            log::WAITING if p.sub == log::SLEEP_CODE => {
                self.sequential += (events.real(p.a) - t).max(0.0);
            }
            _ => {}
        }
        let Some(lane) = lane else { return };
        if !matches!(
            p.kind,
            log::CREATED | log::READY | log::RUNNING | log::WAITING | log::DONE
        ) {
            return;
        }
        let i = p.task as usize;
        if let Some(since) = self.since.get_mut(i) {
            add(&mut self.times, i, lane, t - *since);
            *since = t;
        }
    }

    /// The summary once every event is applied; `lanes` are the tasks' lanes
    /// at the end.
    pub(crate) fn summary(&self, trace: &Trace, lanes: impl Iterator<Item = Lane>) -> Summary {
        let total = trace.end_time;
        let mut times = self.times.clone();
        for (i, (lane, &since)) in lanes.zip(&self.since).enumerate() {
            add(&mut times, i, lane, total - since);
        }
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
