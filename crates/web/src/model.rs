//! The page's state: the scenario, the run it produces, and the cursor. Signals hold the
//! scenario and the cursor; everything the stage shows is derived from the run's trace.

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_core::{CompileError, RunResult, Session, Settings, Snapshot, Trace};

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

impl RunView {
    /// Nothing run yet (the stage before the first simulation lands).
    fn empty() -> RunView {
        RunView {
            trace: Trace::default(),
            errors: Vec::new(),
            stderr: Vec::new(),
        }
    }

    fn of(r: RunResult) -> RunView {
        RunView {
            trace: r.trace,
            errors: r.compile_errors,
            stderr: r.stderr,
        }
    }
}

fn session_for(s: &Scenario) -> Session {
    let settings = Settings {
        cores: s.cores,
        gil: s.gil,
        ..Settings::default()
    };
    Session::new(&s.code, &settings)
}

/// A long run is simulated in slices of about this many milliseconds with the
/// browser free in between (to paint the progress bar, take clicks and keys),
/// so the tab never freezes; a short run finishes within the first slice.
const SLICE_MS: f64 = 20.0;
/// Events per `Session::advance` inside a slice (the clock is read between them).
const SLICE_EVENTS: usize = 5_000;
/// A run simulated within this many milliseconds lands in the task that
/// simulated it (a small program's edit shows at once); one that took longer
/// is finished and shown in tasks of their own, as a long run is, so that no
/// task is much longer than a slice.
const LAND_AT_ONCE_MS: f64 = SLICE_MS / 2.0;

/// The page's clock (for slices of work), milliseconds.
pub(crate) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// What the progress bar says of a simulation under way: events so far, the virtual
/// time reached, and the Python steps run (which move when Python computes without
/// making events, a CPU-bound loop).
fn progress(events: usize, t: f64, steps: u64) -> String {
    format!(
        "Simulating… {} events, {} s of virtual time, {} Python steps",
        group_thousands(events),
        loopscope_core::format_time(t),
        group_thousands(usize::try_from(steps).unwrap_or(usize::MAX))
    )
}

/// Where the cursor goes when a simulation lands.
#[derive(Clone, Copy)]
enum Target {
    /// After an edit: the same virtual time (or the start); a run with
    /// compile errors only updates the errors, the stage keeps the last run.
    SameTime,
    /// A new scenario: this step, or the start.
    Step(Option<u32>),
}

/// How playback advances.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Speed {
    /// Virtual seconds per real second.
    Film(f64),
    /// One event per beat, whatever the virtual time between them.
    Beat,
}

impl Speed {
    /// The speed that `Model::speed` holds.
    pub(crate) fn of(speed: f64) -> Speed {
        if speed > 0.0 {
            Speed::Film(speed)
        } else {
            Speed::Beat
        }
    }
}

#[derive(Clone, Copy)]
pub(crate) struct Model {
    pub(crate) scenario: RwSignal<Scenario>,
    /// The last run that compiled; the stage keeps showing it while the program has errors.
    pub(crate) run: RwSignal<Arc<RunView>>,
    /// The latest simulation, compile errors and all: its `errors` are the current text's
    /// (empty when it compiles). The same signal type as `run`, which shares leptos' code.
    pub(crate) latest: RwSignal<Arc<RunView>>,
    /// Events applied: 0 is the start, `total_steps()` the end.
    pub(crate) step: RwSignal<u32>,
    /// Virtual time of the playhead (between events while playing).
    pub(crate) playhead: RwSignal<f64>,
    pub(crate) playing: RwSignal<bool>,
    /// Virtual seconds per real second; 0 for one event per beat (see [`Speed::of`]).
    /// A number, so that the signal shares its type (and leptos' code) with the playhead.
    pub(crate) speed: RwSignal<f64>,
    /// The banner: a broken link, a limit reached, a copied link.
    pub(crate) message: RwSignal<Option<String>>,
    /// The sample the scenario came from, while it is unedited.
    pub(crate) sample: RwSignal<Option<String>>,
    /// Bumped when the program text is replaced from outside the editor.
    pub(crate) loads: RwSignal<u32>,
    pub(crate) snapshot: Memo<Arc<Snapshot>>,
    /// Set while a long run is being simulated in slices: how far it got (a text, so that
    /// the signal shares its type, and leptos' code for it, with the banner's message).
    pub(crate) simulating: RwSignal<Option<String>>,
    /// The simulation under way, if any.
    job: StoredValue<Option<Session>, LocalStorage>,
    /// The number of the latest simulation: the slices (and the landing) of
    /// an older one see it and stop.
    jobs: StoredValue<u64>,
}

impl Model {
    /// The page's model; its first simulation starts at once (and lands at
    /// once unless the run is long), the cursor at the scenario's step.
    pub(crate) fn new(initial: Scenario, sample: Option<&'static str>) -> Model {
        let run = RwSignal::new(Arc::new(RunView::empty()));
        let step = RwSignal::new(0u32);
        let snapshot = Memo::new(move |_| {
            let r = run.get();
            Arc::new(r.trace.state_at(step.get()))
        });
        let target = Target::Step(initial.step);
        let model = Model {
            scenario: RwSignal::new(initial),
            run,
            latest: RwSignal::new(Arc::new(RunView::empty())),
            step,
            playhead: RwSignal::new(0.0),
            playing: RwSignal::new(false),
            speed: RwSignal::new(1.0),
            message: RwSignal::new(None),
            sample: RwSignal::new(sample.map(str::to_string)),
            loads: RwSignal::new(0),
            snapshot,
            simulating: RwSignal::new(None),
            job: StoredValue::new_local(None),
            jobs: StoredValue::new(0),
        };
        model.simulate(target);
        model
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
        self.simulate(Target::SameTime);
    }

    /// Stop the simulation under way: it lands with what ran so far (and
    /// says it was stopped).
    pub(crate) fn stop_simulation(&self) {
        self.job.update_value(|job| {
            if let Some(session) = job {
                session.stop();
            }
        });
    }

    /// Start simulating the current scenario (dropping any simulation under
    /// way first: one session at a time) and run its first slice now.
    fn simulate(self, target: Target) {
        self.job.set_value(None);
        let session = session_for(&self.scenario.get_untracked());
        let id = self.jobs.get_value() + 1;
        self.jobs.set_value(id);
        self.job.set_value(Some(session));
        self.slice(id, target, true);
    }

    /// One slice of simulation `id`; then the next one after the browser
    /// had its turn, or the run lands (at once if the whole run was a short
    /// first slice).
    fn slice(self, id: u64, target: Target, first: bool) {
        // After a panic the state may be half-updated: let the run go.
        if crate::panic::happened() {
            return;
        }
        let start = now_ms();
        let deadline = start + SLICE_MS;
        let current = self.jobs.get_value() == id;
        let over = self.job.try_update_value(|job| match job {
            Some(session) if current => loop {
                if session.advance(SLICE_EVENTS) {
                    break Some(true);
                }
                if now_ms() >= deadline {
                    let (events, t) = session.progress();
                    let steps = session.steps();
                    // The progress bar (and what it dims and says) is
                    // redrawn in a task of its own: a slice that ran long
                    // (one Python statement making 10,000 tasks) leaves no
                    // room for it.
                    set_timeout(
                        move || {
                            if !crate::panic::happened() && self.jobs.get_value() == id {
                                self.simulating.set(Some(progress(events, t, steps)));
                            }
                        },
                        std::time::Duration::from_millis(0),
                    );
                    break Some(false);
                }
            },
            _ => None,
        });
        match over.flatten() {
            Some(true) if first && now_ms() - start < LAND_AT_ONCE_MS => {
                if let Some(session) = self.job.try_update_value(Option::take).flatten() {
                    self.simulating.set(None);
                    self.land(RunView::of(session.finish()), target);
                }
            }
            Some(true) => {
                // Finishing (the last checkpoints, the summary) and showing
                // the run each get a task of their own: after a long run,
                // each is tens of milliseconds.
                set_timeout(
                    move || {
                        // A newer simulation started meanwhile: its session
                        // is not this one to take.
                        if crate::panic::happened() || self.jobs.get_value() != id {
                            return;
                        }
                        let Some(session) = self.job.try_update_value(Option::take).flatten()
                        else {
                            return;
                        };
                        let view = RunView::of(session.finish());
                        set_timeout(
                            move || {
                                if !crate::panic::happened() && self.jobs.get_value() == id {
                                    self.simulating.set(None);
                                    self.land(view, target);
                                }
                            },
                            std::time::Duration::from_millis(0),
                        );
                    },
                    std::time::Duration::from_millis(0),
                );
            }
            Some(false) => set_timeout(
                move || self.slice(id, target, false),
                std::time::Duration::from_millis(0),
            ),
            None => {}
        }
    }

    /// Show a finished run.
    fn land(&self, view: RunView, target: Target) {
        let view = Arc::new(view);
        self.latest.set(Arc::clone(&view));
        match target {
            Target::SameTime => {
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
                self.run.set(view);
                self.seek(step);
            }
            Target::Step(step) => {
                let past_end = step
                    .filter(|&s| view.errors.is_empty() && s > view.total_steps())
                    .map(|s| past_end_message(s, view.total_steps()));
                self.run.set(view);
                self.seek(step.unwrap_or_else(|| self.first_step()));
                if past_end.is_some() {
                    self.message.set(past_end);
                }
            }
        }
    }

    /// Load a whole new scenario (a sample, a link): back to the start.
    pub(crate) fn load(&self, s: Scenario, sample: Option<&'static str>) {
        self.playing.set(false);
        let step = s.step;
        self.scenario.set(s);
        self.sample.set(sample.map(str::to_string));
        self.simulate(Target::Step(step));
        self.loads.update(|n| *n = n.wrapping_add(1));
    }
}

/// A link's step past the end of its run: the program is still the person's,
/// so it is shown at its last step (rather than replaced by the default
/// sample, as a link that cannot be read at all is), and this says so.
fn past_end_message(step: u32, total: u32) -> String {
    format!(
        "This link asks for step {}, but its run has {} steps: it is shown at the last one.",
        group_thousands(step as usize),
        group_thousands(total as usize)
    )
}

/// `1234567` as `1,234,567`.
pub(crate) fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
