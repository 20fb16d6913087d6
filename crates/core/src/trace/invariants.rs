//! What every trace must satisfy, whatever the program: checked by the
//! property tests over the corpus and by the fuzzers on every run.

use super::{EventKind, Lane, Trace};

impl Trace {
    /// Check the trace's invariants: virtual time and loop passes never go
    /// back, every task moves between lanes only along the edges CPython's
    /// Task allows, one task runs at a time, output is stamped in order, and
    /// `state_at` agrees with a replay from the start at a spread of steps.
    /// The first broken one is described in the error.
    pub fn check_invariants(&self) -> Result<(), String> {
        self.check_moves()?;
        self.check_output()?;
        let n = self.events.len() as u32;
        for k in [0, 1, n / 3, n / 2, n.saturating_sub(1), n] {
            self.check_state_at(k)?;
        }
        Ok(())
    }

    fn check_moves(&self) -> Result<(), String> {
        let mut last = (0.0f64, 0);
        let mut lanes = vec![Lane::Unborn; self.tasks.len()];
        let mut running = None;
        for (i, e) in self.events.iter().enumerate() {
            // NaN fails this too.
            if e.t.partial_cmp(&last.0).is_none_or(|o| o.is_lt()) {
                return Err(format!("time went back at event {i}: {} < {}", e.t, last.0));
            }
            if e.iter < last.1 {
                return Err(format!("the loop pass went back at event {i}"));
            }
            last = (e.t, e.iter);
            let Some(lane) = lanes.get_mut(e.task as usize) else {
                continue;
            };
            let from = *lane;
            let bad = |what: &str| Err(format!("event {i}: task {} {what} from {from:?}", e.task));
            let to = match e.kind {
                EventKind::Created { .. } if from == Lane::Unborn => Lane::Ready,
                EventKind::Created { .. } => return bad("is created again"),
                EventKind::Ready if matches!(from, Lane::Waiting | Lane::Running) => Lane::Ready,
                EventKind::Ready => return bad("becomes ready"),
                EventKind::Running if from != Lane::Ready => return bad("runs"),
                EventKind::Running if running.is_some() => {
                    return Err(format!("event {i}: two tasks run at once"))
                }
                EventKind::Running => {
                    running = Some(e.task);
                    Lane::Running
                }
                EventKind::Waiting { .. } | EventKind::Done { .. } if from != Lane::Running => {
                    return bad("waits or finishes")
                }
                EventKind::Waiting { .. } => Lane::Waiting,
                EventKind::Done { .. } => Lane::Done,
                EventKind::Blocking { .. } if from != Lane::Running => return bad("blocks"),
                _ => from,
            };
            if from == Lane::Running && to != Lane::Running {
                running = None;
            }
            *lane = to;
        }
        Ok(())
    }

    fn check_output(&self) -> Result<(), String> {
        let n = self.events.len() as u32;
        let mut last = (0.0f64, 0);
        for (i, line) in self.output.iter().enumerate() {
            if line.t < last.0 || line.step < last.1 || line.step > n {
                return Err(format!("output line {i} is stamped out of order"));
            }
            last = (line.t, line.step);
        }
        Ok(())
    }

    fn check_state_at(&self, k: u32) -> Result<(), String> {
        let snap = self.state_at(k);
        let mut replay = vec![Lane::Unborn; self.tasks.len()];
        for e in self.events.iter().take(k as usize) {
            if let Some(l) = replay.get_mut(e.task as usize) {
                *l = match e.kind {
                    EventKind::Created { .. } | EventKind::Ready => Lane::Ready,
                    EventKind::Running => Lane::Running,
                    EventKind::Waiting { .. } => Lane::Waiting,
                    EventKind::Done { .. } => Lane::Done,
                    _ => *l,
                };
            }
        }
        let got: Vec<Lane> = snap.tasks.iter().map(|s| s.lane).collect();
        if got != replay {
            return Err(format!("state_at({k}) disagrees with a replay"));
        }
        let ready_ok = snap.ready.iter().all(|&t| {
            snap.tasks
                .get(t as usize)
                .is_some_and(|s| s.lane == Lane::Ready)
        });
        if !ready_ok {
            return Err(format!(
                "state_at({k}): a task in the ready queue is not ready"
            ));
        }
        Ok(())
    }
}
