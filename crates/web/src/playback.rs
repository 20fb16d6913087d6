//! Playback: one `requestAnimationFrame` loop that only moves the cursor, released when paused.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{Model, Speed};
use crate::shared::effect;

/// Events shown per real second while the clock stands still (same-instant
/// steps), per unit of speed; one event per beat is `BEAT_RATE`.
const EVENTS_PER_SECOND: f64 = 6.0;
const BEAT_RATE: f64 = 1.5;

type FrameFn = Closure<dyn FnMut(f64)>;

fn request_frame(f: &FrameFn) -> Option<i32> {
    web_sys::window()?
        .request_animation_frame(f.as_ref().unchecked_ref())
        .ok()
}

/// Advance the cursor by `dt` real seconds.
fn advance(model: Model, dt: f64, budget: &mut f64) {
    let run = model.run.get_untracked();
    let total = run.total_steps();
    let mut step = model.step.get_untracked();
    let mut t = model.playhead.get_untracked();
    let (rate, film) = match Speed::of(model.speed.get_untracked()) {
        Speed::Film(s) => ((EVENTS_PER_SECOND * s.max(1.0)).min(240.0), Some(s)),
        Speed::Beat => (BEAT_RATE, None),
    };
    *budget = (*budget + dt * rate).min(rate.max(4.0));
    loop {
        if step >= total {
            model.playing.set(false);
            break;
        }
        let next_t = run.trace.events.get(step as usize).map_or(t, |e| e.t);
        if next_t <= t + 1e-12 || film.is_none() {
            // The next event happens now: show it if the budget allows.
            if *budget < 1.0 {
                break;
            }
            *budget -= 1.0;
            step += 1;
            t = t.max(next_t);
            if film.is_none() {
                break;
            }
            continue;
        }
        // Nothing until next_t: let virtual time flow.
        let s = film.unwrap_or(1.0);
        t = (t + dt * s).min(next_t);
        if t < next_t {
            break;
        }
    }
    // Only what changed is set: a frame in which nothing happens renders nothing.
    if step != model.step.get_untracked() {
        model.step.set(step);
    }
    if t != model.playhead.get_untracked() {
        model.playhead.set(t);
    }
}

/// Start the animation loop whenever `playing` turns on; it stops itself when paused.
pub(crate) fn install(model: Model) {
    let frame: Rc<RefCell<Option<FrameFn>>> = Rc::new(RefCell::new(None));
    let last = Rc::new(RefCell::new(None::<f64>));
    let budget = Rc::new(RefCell::new(0.0f64));
    let f2 = frame.clone();
    *frame.borrow_mut() = Some(Closure::new(move |now: f64| {
        // After a panic the state (and these cells) may be mid-update: stop.
        if crate::panic::happened() || !model.playing.get_untracked() {
            *last.borrow_mut() = None;
            return;
        }
        let dt = match last.borrow_mut().replace(now) {
            Some(prev) => ((now - prev) / 1000.0).clamp(0.0, 0.1),
            None => 0.0,
        };
        advance(model, dt, &mut budget.borrow_mut());
        if let Some(f) = f2.borrow().as_ref() {
            let _ = request_frame(f);
        }
    }));
    let frame_for_effect = frame.clone();
    effect(move || {
        if model.playing.get() {
            if let Some(f) = frame_for_effect.borrow().as_ref() {
                let _ = request_frame(f);
            }
        }
    });
    // The frame closure lives as long as the page; pausing ends the loop.
    std::mem::forget(frame);
}
