//! Summary figures of a run: total time, loop-thread busy share, per-task time in each lane.

use serde::{Deserialize, Serialize};

use super::{Event, EventKind, Lane, Trace, WaitOn};

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
/// long run does not go over all its events once more).
#[derive(Clone, Debug, Default)]
pub(crate) struct SummaryBuilder {
    lane: Vec<Lane>,
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
        self.lane.resize(tasks, Lane::Unborn);
        self.since.resize(tasks, 0.0);
        self.times.resize(tasks, TaskTimes::default());
    }

    pub(crate) fn apply(&mut self, e: &Event) {
        let i = e.task as usize;
        if let EventKind::Blocking { until, .. } = e.kind {
            self.busy += until - e.t;
            self.sequential += until - e.t;
        }
        if let EventKind::Waiting {
            on: WaitOn::Sleep { until },
        } = e.kind
        {
            self.sequential += (until - e.t).max(0.0);
        }
        if i >= self.lane.len() {
            return;
        }
        let new_lane = match e.kind {
            EventKind::Created { .. } | EventKind::Ready => Lane::Ready,
            EventKind::Running => Lane::Running,
            EventKind::Waiting { .. } => Lane::Waiting,
            EventKind::Done { .. } => Lane::Done,
            _ => return,
        };
        add(&mut self.times, i, self.lane[i], e.t - self.since[i]);
        self.lane[i] = new_lane;
        self.since[i] = e.t;
    }

    /// The summary once every event is applied.
    pub(crate) fn summary(&self, trace: &Trace) -> Summary {
        let total = trace.end_time;
        let mut times = self.times.clone();
        for (i, (&lane, &since)) in self.lane.iter().zip(&self.since).enumerate() {
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
