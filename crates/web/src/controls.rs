//! Transport controls: play/pause, step, jump, speed, the scrubber and the clock.

use leptos::prelude::*;

use crate::icons::{labelled, Icon, IconSvg};
use crate::model::Model;
use crate::shared::{handler, option, shared};

/// The speed menu: option value, label, and the speed `Model::speed` holds
/// (virtual seconds per real second; 0: one event per beat). The value is
/// looked up, not parsed: std's float parser stays out of the wasm.
const SPEEDS: &[(&str, &str, f64)] = &[
    ("0.1", "0.1×", 0.1),
    ("0.25", "0.25×", 0.25),
    ("0.5", "0.5×", 0.5),
    ("1", "1×", 1.0),
    ("2", "2×", 2.0),
    ("5", "5×", 5.0),
    ("10", "10×", 10.0),
    ("beat", "one event per beat", 0.0),
];

#[component]
pub(crate) fn Controls(model: Model) -> impl IntoView {
    let total = move || model.run.with(|r| r.total_steps());
    let at_start = shared(move || model.step.get() == 0);
    let at_end = shared(move || model.step.get() >= total());
    // The transport buttons: stop playing, then go to the step `to` names.
    let jump = move |to: fn(Model) -> u32| {
        handler(move |_: web_sys::MouseEvent| {
            model.playing.set(false);
            model.seek(to(model))
        })
    };
    let help_open = RwSignal::new(false);
    view! {
        <div class="controls" role="toolbar" aria-label="Playback">
            <button data-testid="to-start" title="Jump to start (Home)" aria-label="Jump to start" on:click=jump(|m| m.first_step()) disabled=shared(move || model.step.get() <= model.first_step())>{view! { <IconSvg icon=Icon::ToStart/> }}</button>
            <button data-testid="step-back" title="Step back one event (←)" aria-label="Step back" on:click=jump(|m| m.step.get_untracked().saturating_sub(1)) disabled=at_start>{view! { <IconSvg icon=Icon::StepBack/> }}</button>
            <button data-testid="play" class="play" title="Play or pause (Space)" aria-label=shared(move || if model.playing.get() { "Pause" } else { "Play" }.to_string()) on:click=handler(move |_| toggle_play(model))>
                {shared(move || if model.playing.get() { labelled(Icon::Pause, "Pause") } else { labelled(Icon::Play, "Play") })}
            </button>
            <button data-testid="step-forward" title="Step forward one event (→)" aria-label="Step forward" on:click=jump(|m| m.step.get_untracked() + 1) disabled=at_end.clone()>{view! { <IconSvg icon=Icon::StepForward/> }}</button>
            <button data-testid="to-end" title="Jump to end (End)" aria-label="Jump to end" on:click=jump(|_| u32::MAX) disabled=at_end>{view! { <IconSvg icon=Icon::ToEnd/> }}</button>
            <label class="speed">
                <span class="visually-hidden">"Speed"</span>
                <select aria-label="Speed: virtual seconds per real second" on:change=handler(move |ev| {
                    let v = event_target_value(&ev);
                    model.speed.set(SPEEDS.iter().find(|s| s.0 == v).map_or(1.0, |s| s.2));
                })>
                    {SPEEDS.iter().map(|&(v, label, _)| option(v.to_string(), label.to_string(), v == "1")).collect_view()}
                </select>
            </label>
            <span class="clock" aria-live="off" title="Virtual time">
                <span class="clock-t" data-testid="clock">{shared(move || loopscope_core::format_time(model.playhead.get()))}</span>
                <span class="clock-unit">" s"</span>
            </span>
            <span class="step-count">{shared(move || format!("event {} / {}", model.step.get(), total()))}</span>
            <div class="help">
                <button class="help-button" aria-expanded=shared(move || help_open.get().to_string()) aria-label="Keyboard shortcuts" on:click=handler(move |_| help_open.update(|o| *o = !*o))>"?"</button>
                <div class="help-popover" role="dialog" aria-label="Keyboard shortcuts" class:hidden=shared(move || !help_open.get())>
                    <h4>"Keyboard"</h4>
                    <dl>
                        <dt><kbd>"Space"</kbd></dt><dd>"play / pause"</dd>
                        <dt><kbd>"←"</kbd>" "<kbd>"→"</kbd></dt><dd>"step back / forward one event"</dd>
                        <dt><kbd>"Home"</kbd>" "<kbd>"End"</kbd></dt><dd>"jump to start / end"</dd>
                    </dl>
                    <p>"Shortcuts work when the editor does not have focus (press Esc, then Tab away)."</p>
                </div>
            </div>
            <input
                class="scrubber"
                data-testid="scrubber"
                type="range"
                min="0"
                aria-label="Scrub through the run"
                prop:max=shared(move || total().to_string())
                prop:value=shared(move || model.step.get().to_string())
                on:input=handler(move |ev| {
                    model.playing.set(false);
                    if let Ok(v) = event_target_value(&ev).parse::<u32>() {
                        model.seek(v);
                    }
                })
            />
        </div>
    }
}

pub(crate) fn toggle_play(model: Model) {
    if model.playing.get_untracked() {
        model.playing.set(false);
        return;
    }
    let total = model.run.with_untracked(|r| r.total_steps());
    if model.step.get_untracked() >= total {
        model.seek(model.first_step());
    }
    model.playing.set(true);
}
