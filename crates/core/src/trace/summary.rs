//! Summary figures of a run: total time, loop-thread busy share, per-task time in each lane.

use serde::{Deserialize, Serialize};

use super::{BlockKind, EventKind, Lane, Trace, WaitOn};

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

impl Summary {
    pub(crate) fn compute(trace: &Trace) -> Summary {
        let n = trace.tasks.len();
        let mut lane = vec![Lane::Unborn; n];
        let mut since = vec![0.0f64; n];
        let mut times = vec![TaskTimes::default(); n];
        let mut busy = 0.0;
        let mut sequential = 0.0;
        let add = |times: &mut Vec<TaskTimes>, i: usize, l: Lane, dt: f64| match l {
            Lane::Running => times[i].running += dt,
            Lane::Ready => times[i].ready += dt,
            Lane::Waiting => times[i].waiting += dt,
            _ => {}
        };
        for e in trace.events.iter() {
            let i = e.task as usize;
            if let EventKind::Blocking { what, until } = e.kind {
                let _ = what == BlockKind::Cpu;
                busy += until - e.t;
                sequential += until - e.t;
            }
            if let EventKind::Waiting {
                on: WaitOn::Sleep { until },
            } = e.kind
            {
                sequential += (until - e.t).max(0.0);
            }
            if i >= n {
                continue;
            }
            let new_lane = match e.kind {
                EventKind::Created { .. } | EventKind::Ready => Lane::Ready,
                EventKind::Running => Lane::Running,
                EventKind::Waiting { .. } => Lane::Waiting,
                EventKind::Done { .. } => Lane::Done,
                _ => continue,
            };
            add(&mut times, i, lane[i], e.t - since[i]);
            lane[i] = new_lane;
            since[i] = e.t;
        }
        let total = trace.end_time;
        for i in 0..n {
            add(&mut times, i, lane[i], total - since[i]);
        }
        Summary {
            total,
            loop_busy: busy,
            loop_busy_share: if total > 0.0 { busy / total } else { 0.0 },
            sequential,
            tasks: times,
            events: trace.events.len() as u32,
            iterations: trace.events.last().map_or(0, |e| e.iter),
        }
    }
}
