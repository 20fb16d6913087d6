//! The app: the model above the components, the layout, and the page-level wiring
//! (links and history, saving on every edit, keyboard, debounced re-simulation).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::console::{Console, Explanation, SummaryPane};
use crate::controls::{toggle_play, Controls};
use crate::editor::Editor;
use crate::icons::{labelled, Icon};
use crate::model::Model;
use crate::persist::{location_hash, set_hash};
use crate::samples;
use crate::share::{self, Link, Scenario};
use crate::shared::{handler, item, option, shared};
use crate::stage::Stage;
use crate::timeline::Timeline;

/// Milliseconds after the last keystroke before re-simulating.
const DEBOUNCE_MS: u64 = 250;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The fragment for the current scenario: a sample's short name while unedited.
fn fragment_for(model: Model) -> String {
    let s = model.scenario.get_untracked();
    match model.sample.get_untracked() {
        Some(name) => share::encode_example(&name, s.cores, s.gil, None),
        None => share::encode(&Scenario { step: None, ..s }),
    }
}

/// The sample an `#example/NAME` link names, with the link's step and
/// settings; else the message that there is no such sample.
fn example_scenario(
    name: &str,
    step: Option<u32>,
    cores: u32,
    gil: bool,
) -> Result<(Scenario, &'static str), String> {
    match samples::find(name) {
        Some(sample) => Ok((
            Scenario {
                step,
                cores,
                gil,
                ..Scenario::new(sample.code.to_string())
            },
            sample.name,
        )),
        None => Err(format!(
            "There is no sample called '{}'.",
            name.chars().take(40).collect::<String>()
        )),
    }
}

/// What a link opens: its scenario (and the sample it names), or why it
/// cannot be opened, said so that the default sample can follow.
fn scenario_of(link: Result<Link, String>) -> Result<(Scenario, Option<&'static str>), String> {
    match link {
        Ok(Link::Code(s)) => Ok((s, None)),
        Ok(Link::Example {
            name,
            step,
            cores,
            gil,
        }) => example_scenario(&name, step, cores, gil)
            .map(|(s, name)| (s, Some(name)))
            .map_err(|m| format!("{m} Here is the default one.")),
        // Callers look at the empty link before.
        Ok(Link::Empty) => Err(String::new()),
        // The decoder's messages about the link's data say so already.
        Err(m) if m.ends_with("shown instead.") => Err(m),
        Err(m) => Err(format!("{m} The default sample is shown instead.")),
    }
}

/// The default sample, unedited.
fn default_scenario() -> (Scenario, Option<&'static str>) {
    let d = samples::default_sample();
    (Scenario::new(d.code.to_string()), Some(d.name))
}

/// What to show first: the link, else the last scenario of this browser, else the default sample.
/// A link that cannot be opened gives the default sample and a message, and leaves the
/// saved scenario alone (nothing is saved until the person edits).
fn initial() -> (Scenario, Option<&'static str>, Option<String>) {
    let link = share::decode(&location_hash());
    if link == Ok(Link::Empty) {
        let saved = crate::persist::saved().map(|saved| share::decode(&saved));
        let (s, name) = default_scenario();
        return match saved {
            Some(Ok(Link::Code(saved))) => (saved, None, None),
            Some(Err(_)) => (
                s,
                name,
                Some("The program saved in this browser could not be read. The default sample is shown instead.".into()),
            ),
            _ => (s, name, None),
        };
    }
    match scenario_of(link) {
        Ok((s, name)) => (s, name, None),
        Err(m) => {
            let (s, name) = default_scenario();
            (s, name, Some(m))
        }
    }
}

/// Keep the scenario as it is now: in the URL, and once edited (not a
/// sample) in localStorage too; a failure to save is said once.
fn keep(model: Model) {
    let frag = fragment_for(model);
    if model.sample.get_untracked().is_some() {
        set_hash(&frag, false);
    } else if let Some(m) = crate::persist::save_edit(&frag) {
        model.message.set(Some(m.to_string()));
    }
}

fn on_key(model: Model, ev: web_sys::KeyboardEvent) {
    // Keys typed into the editor or a form control are theirs.
    if let Some(t) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        if t.closest(".cm-editor, input, select, textarea, [contenteditable=true]")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
    }
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let step = model.step.get_untracked();
    match ev.key().as_str() {
        " " => toggle_play(model),
        "ArrowRight" => {
            model.playing.set(false);
            model.seek(step + 1);
        }
        "ArrowLeft" => {
            model.playing.set(false);
            model.seek(step.saturating_sub(1));
        }
        "Home" => {
            model.playing.set(false);
            model.seek(model.first_step());
        }
        "End" => {
            model.playing.set(false);
            model.seek(u32::MAX);
        }
        _ => return,
    }
    ev.prevent_default();
}

#[component]
pub(crate) fn App() -> impl IntoView {
    let (scenario, sample, message) = initial();
    let model = Model::new(scenario, sample);
    // (The first run may have said something already: a step past its end.)
    if message.is_some() {
        model.message.set(message);
    }
    set_hash(&fragment_for(model), false);
    crate::playback::install(model);
    // A deliberate panic where it hurts most, inside a signal's update (its
    // lock is never released): the error panel and the editor must cope.
    crate::panic::install_debug(move || {
        model.scenario.update(|_| {
            panic!("loopscopeDebug.panic() was called: a deliberate panic, to test the error panel")
        })
    });

    // Every edit is saved at once (URL and localStorage, before anything is
    // simulated: a tab closed right after a keystroke loses nothing); the
    // re-simulation waits for a pause in the typing.
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let on_edit = Callback::new(move |code: String| {
        if model.scenario.with_untracked(|s| s.code == code) {
            return;
        }
        model.scenario.update(|s| s.code = code);
        model.sample.set(None);
        keep(model);
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(
            move || {
                if !crate::panic::happened() {
                    model.resimulate()
                }
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        )
        .ok();
        pending.set_value(h);
    });

    // Back/forward and hand-edited fragments load the scenario they name.
    // After a panic the model may be unusable: these leave it alone.
    let alive = || !crate::panic::happened();
    let _hash = window_event_listener(leptos::ev::hashchange, move |_| {
        if alive() {
            load_from_hash(model)
        }
    });
    let _pop = window_event_listener(leptos::ev::popstate, move |_| {
        if alive() {
            load_from_hash(model)
        }
    });
    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if alive() {
            on_key(model, ev)
        }
    });

    let copied = RwSignal::new(false);
    let copy_link = move |_| {
        let Some(w) = window() else { return };
        let href = w.location().href().unwrap_or_default();
        let step = model.step.get_untracked();
        let href = if step > 0 {
            format!("{href}&step={step}")
        } else {
            href
        };
        let _ = w.navigator().clipboard().write_text(&href);
        copied.set(true);
        set_timeout(
            move || copied.set(false),
            std::time::Duration::from_millis(1800),
        );
    };

    let choose_sample = move |ev: web_sys::Event| {
        let name = event_target_value(&ev);
        if let Some(s) = samples::find(&name) {
            model.message.set(None);
            let (cores, gil) = model.scenario.with_untracked(|sc| (sc.cores, sc.gil));
            model.load(
                Scenario {
                    cores,
                    gil,
                    ..Scenario::new(s.code.to_string())
                },
                Some(s.name),
            );
            set_hash(&share::encode_example(s.name, cores, gil, None), true);
        }
    };
    // The sample's title or its words about itself ("" for an edited program).
    let about = move |part: fn(samples::Sample) -> &'static str| {
        shared(move || {
            model
                .sample
                .with(|s| s.as_deref().and_then(samples::find))
                .map_or("", part)
                .to_string()
        })
    };
    let compile_banner = move || {
        model.latest.with(|r| {
            r.errors
                .first()
                .map(|e| format!("Line {}, column {}: {}", e.line, e.col, e.message))
        })
    };

    view! {
        <header class="topbar">
            <h1 class="brand"><span class="brand-mark" aria-hidden="true">"◔"</span>"loopscope"</h1>
            <p class="tagline">"watch asyncio schedule your coroutines"</p>
            <label class="samples-picker">
                <span>"Sample"</span>
                <select data-testid="samples" aria-label="Samples" on:change=handler(choose_sample) prop:value=shared(move || model.sample.get().unwrap_or_default())>
                    <option value="" disabled=true>"your program"</option>
                    {samples::all().map(|s| option(s.name.to_string(), s.title.to_string(), false)).collect_view()}
                </select>
            </label>
            <label class="setting">
                <span>"Cores"</span>
                <select data-testid="cores" aria-label="CPU cores of the simulated machine" on:change=handler(move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                        change_settings(model, Some(n), None);
                    }
                }) prop:value=shared(move || model.scenario.with(|s| s.cores.to_string()))>
                    {[1u32, 2, 4, 8, 16].into_iter().map(|n| option(n.to_string(), n.to_string(), false)).collect_view()}
                </select>
            </label>
            <label class="setting">
                <input type="checkbox" data-testid="gil" prop:checked=move || model.scenario.with(|s| s.gil) on:change=handler(move |ev| {
                    change_settings(model, None, Some(event_target_checked(&ev)));
                })/>
                <span>"GIL"</span>
            </label>
            <button class="copy-link" data-testid="copy-link" on:click=handler(copy_link)>
                {shared(move || if copied.get() { labelled(Icon::Check, "Link copied") } else { labelled(Icon::Link, "Copy link") })}
            </button>
        </header>
        <div class="banner" data-testid="message" role="status" class:hidden=shared(move || model.message.with(|m| m.is_none()) && model.latest.with(|r| r.errors.is_empty()))>
            <span>{shared(move || compile_banner().or_else(|| model.message.get()).unwrap_or_default())}</span>
            <button class="banner-close" aria-label="Dismiss message" class:hidden=shared(move || model.message.with(|m| m.is_none())) on:click=handler(move |_| model.message.set(None))>"×"</button>
        </div>
        <div class="simulating" data-testid="simulating" role="status" class:hidden=shared(move || model.simulating.with(|p| p.is_none()))>
            <progress aria-label="Simulating"></progress>
            <span>{shared(move || model.simulating.get().unwrap_or_default())}</span>
            <button class="stop-simulation" data-testid="stop-simulation" title="Stop here and show the run so far" on:click=handler(move |_| model.stop_simulation())>"Stop"</button>
        </div>
        <main class="layout">
            <section class="pane editor-pane" aria-label="Program">
                <div class="about" class:hidden=shared(move || model.sample.with(|s| s.as_deref().and_then(samples::find).is_none()))>
                    <h2>{about(|s| s.title)}</h2>
                    <p>{about(|s| s.about)}</p>
                </div>
                <Editor model on_edit/>
                <ul class="diagnostics" aria-label="Compile errors" class:hidden=shared(move || model.latest.with(|r| r.errors.is_empty()))>
                    {shared(move || model.latest.with(|r| r.errors.iter().take(5).map(|e| item(None, None, None, format!("{}:{} {}", e.line, e.col, e.message))).collect_view()))}
                </ul>
            </section>
            <section class="pane stage-pane" aria-label="Event loop">
                <Controls model/>
                <Explanation model/>
                <Stage model/>
            </section>
            <section class="pane timeline-pane" aria-label="Timeline">
                <h3>"Timeline"</h3>
                <Timeline model/>
            </section>
            <section class="pane bottom-pane">
                <Console model/>
                <SummaryPane model/>
            </section>
        </main>
    }
}

/// New machine settings: re-run at once, keep the playhead, update the URL.
fn change_settings(model: Model, cores: Option<u32>, gil: Option<bool>) {
    model.scenario.update(|s| {
        if let Some(c) = cores {
            s.cores = c;
        }
        if let Some(g) = gil {
            s.gil = g;
        }
    });
    model.resimulate();
    keep(model);
}

/// A fragment navigated to while the page is open (typed, pasted, back and
/// forward). One that cannot be opened shows the default sample and a message,
/// as on opening the page, and its address gives way to the sample's (so a
/// reload does not open it again); the saved scenario is left alone.
fn load_from_hash(model: Model) {
    let hash = location_hash();
    if hash == format!("#{}", fragment_for(model)) {
        return;
    }
    let link = share::decode(&hash);
    if link == Ok(Link::Empty) {
        return;
    }
    match scenario_of(link) {
        Ok((s, name)) => {
            model.message.set(None);
            model.load(s, name);
        }
        Err(m) => {
            let (s, name) = default_scenario();
            model.load(s, name);
            model.message.set(Some(m));
            set_hash(&fragment_for(model), false);
        }
    }
}
