//! The page's state: the scenario, the run it produces, and the cursor. Signals hold the
//! scenario and the cursor; everything the stage shows is derived from the run's trace.

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_core::{run, CompileError, Settings, Snapshot, Trace};

use crate::share::Scenario;

/// One simulation of the current program.
pub(crate) struct RunView {
    pub(crate) trace: Trace,
    pub(crate) errors: Vec<CompileError>,
    pub(crate) stderr: Vec<String>,
}

impl RunView {
    pub(crate) fn total_steps(&self) -> u32 {
        self.trace.events.len() as u32
    }

    /// The number of events that happened at or before virtual time `t`.
    pub(crate) fn step_for_time(&self, t: f64) -> u32 {
        self.trace.events.count_until_time(t) as u32
    }

    pub(crate) fn time_of_step(&self, step: u32) -> f64 {
        match step
            .checked_sub(1)
            .and_then(|i| self.trace.events.get(i as usize))
        {
            Some(e) => e.t,
            None => 0.0,
        }
    }
}

pub(crate) fn simulate(s: &Scenario) -> RunView {
    let settings = Settings {
        cores: s.cores,
        gil: s.gil,
        ..Settings::default()
    };
    let r = run(&s.code, &settings);
    RunView {
        trace: r.trace,
        errors: r.compile_errors,
        stderr: r.stderr,
    }
}

/// How playback advances.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Speed {
    /// Virtual seconds per real second.
    Film(f64),
    /// One event per beat, whatever the virtual time between them.
    Beat,
}

#[derive(Clone, Copy)]
pub(crate) struct Model {
    pub(crate) scenario: RwSignal<Scenario>,
    /// The last run that compiled; the stage keeps showing it while the program has errors.
    pub(crate) run: RwSignal<Arc<RunView>>,
    /// Compile errors of the current text (empty when it compiles).
    pub(crate) errors: RwSignal<Vec<CompileError>>,
    /// Events applied: 0 is the start, `total_steps()` the end.
    pub(crate) step: RwSignal<u32>,
    /// Virtual time of the playhead (between events while playing).
    pub(crate) playhead: RwSignal<f64>,
    pub(crate) playing: RwSignal<bool>,
    pub(crate) speed: RwSignal<Speed>,
    /// The banner: a broken link, a limit reached, a copied link.
    pub(crate) message: RwSignal<Option<String>>,
    /// The sample the scenario came from, while it is unedited.
    pub(crate) sample: RwSignal<Option<&'static str>>,
    /// Bumped when the program text is replaced from outside the editor.
    pub(crate) loads: RwSignal<u64>,
    pub(crate) snapshot: Memo<Arc<Snapshot>>,
}

impl Model {
    pub(crate) fn new(initial: Scenario, sample: Option<&'static str>) -> Model {
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

    /// Where "the start" is: after the first event (asyncio.run creating main),
    /// so the stage shows the program's first task ready to run.
    pub(crate) fn first_step(&self) -> u32 {
        self.run.with_untracked(|r| r.total_steps().min(1))
    }

    /// Move the cursor to a step (clamped), stopping at its time.
    pub(crate) fn seek(&self, step: u32) {
        let r = self.run.get_untracked();
        let step = step.min(r.total_steps());
        self.step.set(step);
        self.playhead.set(r.time_of_step(step));
    }

    /// Re-simulate after an edit; the playhead stays at the same virtual time if it still exists.
    pub(crate) fn resimulate(&self) {
        let s = self.scenario.get_untracked();
        let view = simulate(&s);
        self.errors.set(view.errors.clone());
        if !view.errors.is_empty() {
            return;
        }
        let t = self.playhead.get_untracked();
        let at_start = self.step.get_untracked() <= 1;
        let step = if at_start {
            view.total_steps().min(1)
        } else {
            view.step_for_time(t)
        };
        self.run.set(Arc::new(view));
        self.seek(step);
    }

    /// Load a whole new scenario (a sample, a link): back to the start.
    pub(crate) fn load(&self, s: Scenario, sample: Option<&'static str>) {
        self.playing.set(false);
        let step = s.step;
        self.scenario.set(s);
        self.sample.set(sample);
        let view = simulate(&self.scenario.get_untracked());
        self.errors.set(view.errors.clone());
        self.run.set(Arc::new(view));
        self.seek(step.unwrap_or_else(|| self.first_step()));
        self.loads.update(|n| *n += 1);
    }
}
