//! The page's state: the scenario, the run it produces, and the cursor. Signals hold the
//! scenario and the cursor; everything the stage shows is derived from the run's trace.

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_core::{run, CompileError, Settings, Snapshot, Status, Trace};

use crate::share::Scenario;

/// One simulation of the current program.
pub struct RunView {
    pub trace: Trace,
    pub status: Status,
    pub errors: Vec<CompileError>,
    pub stderr: Vec<String>,
    pub code: String,
}

impl RunView {
    pub fn total_steps(&self) -> u32 {
        self.trace.events.len() as u32
    }

    /// The number of events that happened at or before virtual time `t`.
    pub fn step_for_time(&self, t: f64) -> u32 {
        self.trace.events.partition_point(|e| e.t <= t) as u32
    }

    pub fn time_of_step(&self, step: u32) -> f64 {
        match step
            .checked_sub(1)
            .and_then(|i| self.trace.events.get(i as usize))
        {
            Some(e) => e.t,
            None => 0.0,
        }
    }
}

pub fn simulate(s: &Scenario) -> RunView {
    let settings = Settings {
        cores: s.cores,
        gil: s.gil,
        ..Settings::default()
    };
    let r = run(&s.code, &settings);
    RunView {
        trace: r.trace,
        status: r.status,
        errors: r.compile_errors,
        stderr: r.stderr,
        code: s.code.clone(),
    }
}

/// How playback advances.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Speed {
    /// Virtual seconds per real second.
    Film(f64),
    /// One event per beat, whatever the virtual time between them.
    Beat,
}

#[derive(Clone, Copy)]
pub struct Model {
    pub scenario: RwSignal<Scenario>,
    /// The last run that compiled; the stage keeps showing it while the program has errors.
    pub run: RwSignal<Arc<RunView>>,
    /// Compile errors of the current text (empty when it compiles).
    pub errors: RwSignal<Vec<CompileError>>,
    /// Events applied: 0 is the start, `total_steps()` the end.
    pub step: RwSignal<u32>,
    /// Virtual time of the playhead (between events while playing).
    pub playhead: RwSignal<f64>,
    pub playing: RwSignal<bool>,
    pub speed: RwSignal<Speed>,
    /// The banner: a broken link, a limit reached, a copied link.
    pub message: RwSignal<Option<String>>,
    /// The sample the scenario came from, while it is unedited.
    pub sample: RwSignal<Option<&'static str>>,
    /// Bumped when the program text is replaced from outside the editor.
    pub loads: RwSignal<u64>,
    pub snapshot: Memo<Arc<Snapshot>>,
}

impl Model {
    pub fn new(initial: Scenario, sample: Option<&'static str>) -> Model {
        let first = simulate(&initial);
        let errors = RwSignal::new(first.errors.clone());
        let run = RwSignal::new(Arc::new(first));
        let step = RwSignal::new(0u32);
        let snapshot = Memo::new(move |_| {
            let r = run.get();
            Arc::new(r.trace.state_at(step.get()))
        });
        Model {
            scenario: RwSignal::new(initial),
            run,
            errors,
            step,
            playhead: RwSignal::new(0.0),
            playing: RwSignal::new(false),
            speed: RwSignal::new(Speed::Film(1.0)),
            message: RwSignal::new(None),
            sample: RwSignal::new(sample),
            loads: RwSignal::new(0),
            snapshot,
        }
    }

    /// Move the cursor to a step (clamped), stopping at its time.
    pub fn seek(&self, step: u32) {
        let r = self.run.get_untracked();
        let step = step.min(r.total_steps());
        self.step.set(step);
        self.playhead.set(r.time_of_step(step));
    }

    /// Re-simulate after an edit; the playhead stays at the same virtual time if it still exists.
    pub fn resimulate(&self) {
        let s = self.scenario.get_untracked();
        let view = simulate(&s);
        self.errors.set(view.errors.clone());
        if !view.errors.is_empty() {
            return;
        }
        let t = self.playhead.get_untracked();
        let at_start = self.step.get_untracked() == 0;
        let step = if at_start { 0 } else { view.step_for_time(t) };
        self.run.set(Arc::new(view));
        self.seek(step);
    }

    /// Load a whole new scenario (a sample, a link): back to the start.
    pub fn load(&self, s: Scenario, sample: Option<&'static str>) {
        self.playing.set(false);
        let step = s.step;
        self.scenario.set(s);
        self.sample.set(sample);
        let view = simulate(&self.scenario.get_untracked());
        self.errors.set(view.errors.clone());
        self.run.set(Arc::new(view));
        self.seek(step.unwrap_or(0));
        self.loads.update(|n| *n += 1);
    }
}
