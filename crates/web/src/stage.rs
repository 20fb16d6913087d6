//! The stage: one lane per state (running, ready, waiting, done), task cards moving between them.
//!
//! A frame must stay cheap with hundreds of tasks: each lane shows only the cards that fit
//! (a few rows of its width) and says "+N more" for the rest; a card is keyed by its task
//! and updates its text in place; and the slide of a card to its new place (FLIP) measures
//! only the cards that moved, and not at all while a film is too fast to follow card by card.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::html::{Li, Ol, Section};
use leptos::prelude::*;
use loopscope_core::{
    format_time, waits_on_label, BlockKind, Lane, Outcome, Snapshot, TaskState, ThreadSpot,
    ThreadState, Trace, WaitOn,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{Model, RunView, Speed};
use crate::shared::{effect, item, js_once, shared};

/// The lanes with cards, top to bottom.
const LANES: [Lane; 4] = [Lane::Running, Lane::Ready, Lane::Waiting, Lane::Done];

/// Rows of cards a lane shows: its visible area (the columns follow its width). The loop
/// runs one task at a time; the queue and the waiting tasks are what a run is about.
fn rows(lane: Lane) -> usize {
    match lane {
        Lane::Running => 1,
        Lane::Ready | Lane::Done => 3,
        Lane::Waiting => 4,
        Lane::Unborn => 0,
    }
}

/// Columns of cards until the lanes have been measured (a laptop's stage).
const DEFAULT_COLUMNS: u32 = 3;
/// While playing faster than this (virtual seconds per real second), cards move without
/// sliding: a film that fast cannot be followed card by card.
const SLIDE_MAX_SPEED: f64 = 2.0;
/// More cards than this changing lane in one update move without sliding too (a seek).
const SLIDE_MAX_LANE_CHANGES: usize = 16;
/// On a stage with at most this many cards every card is measured after an update, so
/// that cards pushed along by a lane growing above them slide too.
const SMALL_STAGE: usize = 16;
const SLIDE_MS: i32 = 280;

#[derive(Clone, Default, PartialEq)]
struct Card {
    id: u32,
    name: String,
    label: String,
    detail: String,
    line: u32,
    blocking: bool,
    starving: bool,
}

/// The cards a lane shows, and how many tasks it holds.
#[derive(Clone, Default, PartialEq)]
struct LaneCards {
    cards: Vec<Card>,
    total: usize,
}

impl LaneCards {
    fn hidden(&self) -> usize {
        self.total.saturating_sub(self.cards.len())
    }
}

fn lane_name(l: Lane) -> &'static str {
    match l {
        Lane::Running => "running",
        Lane::Ready => "ready",
        Lane::Waiting => "waiting",
        Lane::Done => "done",
        Lane::Unborn => "unborn",
    }
}

fn detail(trace: &Trace, s: &TaskState, now: f64, id: u32) -> String {
    match s.lane {
        Lane::Waiting => match s.waits_on {
            Some(WaitOn::Sleep { until }) if until < now - 1e-9 => {
                format!(
                    "sleep until {} · overdue by {}s",
                    format_time(until),
                    format_time(now - until)
                )
            }
            Some(WaitOn::Sleep { until }) => {
                format!(
                    "sleep until {} · in {}s",
                    format_time(until),
                    format_time((until - now).max(0.0))
                )
            }
            Some(on) => waits_on_label(trace, &on),
            None => String::new(),
        },
        Lane::Running => match s.blocking {
            Some((BlockKind::Sleep, until)) => {
                format!("blocking: time.sleep until {}", format_time(until))
            }
            Some((BlockKind::Cpu, until)) => {
                format!("blocking: cpu() until {}", format_time(until))
            }
            None => "running Python".into(),
        },
        Lane::Done => match (
            s.outcome,
            trace.tasks.get(id as usize).and_then(|t| t.result()),
        ) {
            (Some(Outcome::Cancelled), _) => "cancelled".into(),
            (Some(Outcome::Raised), Some((_, r))) => format!("raised {r}"),
            (_, Some((_, r))) => format!("returned {r}"),
            _ => "done".into(),
        },
        _ => String::new(),
    }
}

/// The first `shown` cards of a lane (the ready lane in queue order, the others by task).
fn lane_cards(run: &RunView, snap: &Snapshot, lane: Lane, shown: usize) -> LaneCards {
    let trace = &run.trace;
    let blocking = snap
        .tasks
        .iter()
        .any(|t| t.lane == Lane::Running && t.blocking.is_some());
    let mut total = 0;
    let mut ids = Vec::with_capacity(shown.min(64));
    let mut take = |id: u32| {
        total += 1;
        if ids.len() < shown {
            ids.push(id);
        }
    };
    if lane == Lane::Ready {
        snap.ready.iter().for_each(|&id| take(id));
    } else {
        for (i, s) in snap.tasks.iter().enumerate() {
            if s.lane == lane {
                take(i as u32);
            }
        }
    }
    let cards = ids
        .into_iter()
        .filter_map(|id| {
            let s = snap.tasks.get(id as usize)?;
            let info = trace.tasks.get(id as usize)?;
            Some(Card {
                id,
                name: info.name().to_string(),
                label: info.label(),
                detail: detail(trace, s, snap.t, id),
                line: s.line,
                blocking: s.blocking.is_some(),
                // Ready steps, and timers already due, wait for a blocked loop thread.
                starving: blocking
                    && (lane == Lane::Ready
                        || matches!(s.waits_on, Some(WaitOn::Sleep { until }) if until < snap.t - 1e-9)),
            })
        })
        .collect();
    LaneCards { cards, total }
}

/// The card element of each task on the stage, by (lane index, task id), for measuring.
type Registry = StoredValue<HashMap<(usize, u32), NodeRef<Li>>, LocalStorage>;

/// One task's card. It stays the same element while its task stays in the lane; its text
/// and classes follow the lane's cards.
#[component]
fn TaskCard(id: u32, lane: Lane, cards: Memo<LaneCards>, registry: Registry) -> impl IntoView {
    let card = Memo::new(move |prev: Option<&Card>| {
        cards
            .with(|d| d.cards.iter().find(|c| c.id == id).cloned())
            // Leaving the lane: keep the last text until the card is removed.
            .or_else(|| prev.cloned())
            .unwrap_or_default()
    });
    let node = NodeRef::<Li>::new();
    let slot = (lane_index(lane), id);
    registry.try_update_value(|m| m.insert(slot, node));
    // (lane, task) is one card at a time: the lane's list is keyed by task.
    on_cleanup(move || {
        registry.try_update_value(|m| m.remove(&slot));
    });
    let text = move |f: fn(&Card) -> String| shared(move || card.with(f));
    view! {
        <li
            node_ref=node
            class=format!("card c{} state-{}", id % 12, lane_name(lane))
            class:blocking=shared(move || card.with(|c| c.blocking))
            class:starving=shared(move || card.with(|c| c.starving))
            data-testid="task-card"
            data-task=text(|c| c.name.clone())
            data-state=lane_name(lane)
            title=text(|c| c.label.clone())
        >
            <span class="card-label">{text(|c| c.label.clone())}</span>
            <span class="card-line">
                {text(|c| if c.line > 0 { format!("line {}", c.line) } else { String::new() })}
            </span>
            <span class="card-detail">{text(|c| c.detail.clone())}</span>
        </li>
    }
}

#[component]
fn LaneView(
    lane: Lane,
    title: &'static str,
    hint: &'static str,
    cards: Memo<LaneCards>,
    node: NodeRef<Section>,
    list: NodeRef<Ol>,
    registry: Registry,
) -> impl IntoView {
    let testid = format!("lane-{}", lane_name(lane));
    view! {
        <section node_ref=node class=format!("lane lane-{}", lane_name(lane)) aria-label=title>
            <h3 class="lane-title">
                {title}
                <span class="lane-count">{shared(move || cards.with(|d| if d.total == 0 { String::new() } else { d.total.to_string() }))}</span>
                {(lane == Lane::Ready).then(|| view! {
                    <span class="lane-queue" class:hidden=shared(move || cards.with(|d| d.total == 0))>"queue →"</span>
                })}
            </h3>
            <ol node_ref=list class="lane-cards" data-testid=testid>
                <For each=move || cards.with(|d| d.cards.iter().map(|c| c.id).collect::<Vec<_>>()) key=|id| *id let:id>
                    <TaskCard id lane cards registry/>
                </For>
            </ol>
            <p class="lane-empty" class:hidden=shared(move || cards.with(|d| d.total > 0))>{hint}</p>
            <p class="lane-more" class:hidden=shared(move || cards.with(|d| d.hidden() == 0))>
                {shared(move || cards.with(|d| format!("+{} more", d.hidden())))}
            </p>
        </section>
    }
}

fn lane_index(l: Lane) -> usize {
    LANES.iter().position(|&x| x == l).unwrap_or(0)
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Run `f` once the DOM updates of the current reactive tick are done (they run as one
/// batch of tasks; a microtask queued from inside it runs after them, before paint).
fn after_render(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let task = js_once(Box::new(f));
    if let Ok(q) = js_sys::Reflect::get(&w, &"queueMicrotask".into()) {
        if let Some(q) = q.dyn_ref::<js_sys::Function>() {
            let _ = q.call1(&w, &task);
        }
    }
}

/// The number of columns of a grid as laid out (its resolved `grid-template-columns`).
fn grid_columns(el: &web_sys::Element) -> Option<u32> {
    let style = web_sys::window()?.get_computed_style(el).ok()??;
    let tracks = style.get_property_value("grid-template-columns").ok()?;
    let n = tracks.split_whitespace().count() as u32;
    (n > 0 && tracks != "none").then_some(n)
}

/// Where a card was drawn after an update: its lane, its place in the lane, and its
/// offset in the lane's box (layout pixels, unaffected by running slides), if measured.
#[derive(Clone, Copy)]
struct Spot {
    lane: usize,
    index: usize,
    at: Option<(f64, f64)>,
}

/// FLIP: cards that moved slide from where they were to where they are.
#[derive(Default)]
struct Slides {
    /// The run and the lane geometry the spots belong to.
    run: usize,
    geometry: (u32, u32),
    cards: HashMap<u32, Spot>,
    /// Each lane's offset in the stage when last measured.
    lanes: [(f64, f64); 4],
    /// Counts updates: a deferred measurement is for one update only.
    generation: u64,
}

/// A card's or a lane's offset in its positioned parent, in layout pixels.
fn offset(el: &web_sys::HtmlElement) -> (f64, f64) {
    (el.offset_left() as f64, el.offset_top() as f64)
}

fn lane_offsets(sections: &[NodeRef<Section>; 4], mut lanes: [(f64, f64); 4]) -> [(f64, f64); 4] {
    for (at, node) in lanes.iter_mut().zip(sections) {
        if let Some(el) = node.get_untracked() {
            *at = offset(&el);
        }
    }
    lanes
}

fn card_element(registry: Registry, lane: usize, id: u32) -> Option<web_sys::HtmlElement> {
    let node = registry.with_value(|m| m.get(&(lane, id)).copied())?;
    node.get_untracked().map(Into::into)
}

impl Slides {
    /// After an update that shows the cards `now` ((task, lane, index in the lane)): read
    /// the places of the cards that moved, all at once, then start their slides. When no
    /// card can slide (no earlier place known: a new run, the first update after a fast
    /// film) nothing is read now; the generation returned asks for [`Slides::refresh`] at
    /// the next frame, when the layout is clean and reading it costs nothing.
    fn update(
        &mut self,
        now: &[(u32, usize, usize)],
        (run, geometry): (usize, (u32, u32)),
        slide: bool,
        sections: &[NodeRef<Section>; 4],
        registry: Registry,
    ) -> Option<u64> {
        self.generation += 1;
        if run != self.run || geometry != self.geometry {
            self.cards.clear();
            self.run = run;
            self.geometry = geometry;
        }
        let lane_changes = now
            .iter()
            .filter(|(id, lane, _)| self.cards.get(id).is_some_and(|s| s.lane != *lane))
            .count();
        let slide = slide && lane_changes <= SLIDE_MAX_LANE_CHANGES;
        let small = now.len() <= SMALL_STAGE;
        let mut next = HashMap::with_capacity(now.len());
        let mut measure = Vec::new();
        for &(id, lane, index) in now {
            let prev = self.cards.get(&id).copied();
            let moved = prev.is_none_or(|p| p.lane != lane || p.index != index || p.at.is_none());
            if slide && (small || moved) {
                measure.push((id, lane, prev.and_then(|p| Some((p.lane, p.at?)))));
            }
            // A card that did not move keeps its offset; the others are measured below,
            // or stay unmeasured (no slide) until the next update that slides.
            let at = prev.filter(|_| slide && !moved).and_then(|p| p.at);
            next.insert(id, Spot { lane, index, at });
        }
        self.cards = next;
        if measure.iter().all(|(.., from)| from.is_none()) {
            return (slide && !measure.is_empty()).then_some(self.generation);
        }
        // Reads: one layout for all of them.
        let lanes = lane_offsets(sections, self.lanes);
        let mut slides = Vec::new();
        for (id, lane, from) in measure {
            let Some(el) = card_element(registry, lane, id) else {
                continue;
            };
            let (x, y) = offset(&el);
            if let Some(spot) = self.cards.get_mut(&id) {
                spot.at = Some((x, y));
            }
            let Some((p, (px, py))) = from else { continue };
            if let (Some(&(fx, fy)), Some(&(tx, ty))) = (self.lanes.get(p), lanes.get(lane)) {
                let (dx, dy) = (fx + px - tx - x, fy + py - ty - y);
                if dx.abs() > 1.0 || dy.abs() > 1.0 {
                    slides.push((el, dx, dy));
                }
            }
        }
        self.lanes = lanes;
        // Writes.
        for (el, dx, dy) in slides {
            slide_from(&el, dx, dy);
        }
        None
    }

    /// Measure the cards whose place is unknown, if nothing changed since update `generation`.
    fn refresh(&mut self, generation: u64, sections: &[NodeRef<Section>; 4], registry: Registry) {
        if generation != self.generation {
            return;
        }
        self.lanes = lane_offsets(sections, self.lanes);
        for (&id, spot) in self.cards.iter_mut().filter(|(_, s)| s.at.is_none()) {
            spot.at = card_element(registry, spot.lane, id).map(|el| offset(&el));
        }
    }
}

/// Run `f` at the start of the next frame.
fn next_frame(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let f = js_once(Box::new(f));
    let _ = w.request_animation_frame(f.unchecked_ref());
}

fn slide_from(el: &web_sys::HtmlElement, dx: f64, dy: f64) {
    let set = |o: &js_sys::Object, k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(o, &k.into(), &v);
    };
    let from = js_sys::Object::new();
    set(
        &from,
        "transform",
        format!(
            "translate({}px, {}px)",
            loopscope_core::format_f64(dx),
            loopscope_core::format_f64(dy)
        )
        .into(),
    );
    let to = js_sys::Object::new();
    set(&to, "transform", "none".into());
    let frames = js_sys::Array::of2(&from, &to);
    let opts = js_sys::Object::new();
    set(&opts, "duration", SLIDE_MS.into());
    set(&opts, "easing", "cubic-bezier(.2,.8,.2,1)".into());
    if let Ok(f) = js_sys::Reflect::get(el, &"animate".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call2(el, &frames, &opts);
        }
    }
}

#[derive(Clone, Default, PartialEq)]
struct ThreadRow {
    name: String,
    process: u32,
    state: &'static str,
    text: String,
    gil: bool,
    wants_gil: bool,
    spot: ThreadSpot,
}

/// "work() · line 4", "line 4" or nothing: where a worker thread is.
fn spot_label(spot: &ThreadSpot) -> Option<String> {
    match (&spot.function, spot.line) {
        (Some(f), 0) => Some(format!("{f}()")),
        (Some(f), l) => Some(format!("{f}() · line {l}")),
        (None, 0) => None,
        (None, l) => Some(format!("line {l}")),
    }
}

fn thread_rows(run: &RunView, snap: &Snapshot) -> (Vec<ThreadRow>, Vec<(String, u32)>) {
    let trace = &run.trace;
    let rows = snap
        .threads
        .iter()
        .zip(trace.threads.iter())
        .enumerate()
        .map(|(i, (st, info))| {
            let main_gil = trace.gil && info.process == 0;
            let (state, text, gil, wants) = match *st {
                ThreadState::Idle if info.id == 0 => (
                    "idle",
                    "waiting for the next event".to_string(),
                    false,
                    false,
                ),
                ThreadState::Idle => ("idle", "idle: no work".to_string(), false, false),
                ThreadState::WaitGil => ("waitgil", "waiting for the GIL".to_string(), false, true),
                ThreadState::Python => ("python", "running Python".to_string(), main_gil, false),
                ThreadState::Cpu {
                    remaining,
                    on_core: true,
                    gil,
                } => (
                    "cpu",
                    format!("computing on a core · {}s left", format_time(remaining)),
                    gil && main_gil,
                    false,
                ),
                ThreadState::Cpu {
                    remaining,
                    on_core: false,
                    gil,
                } if main_gil && !gil => (
                    "waitgil",
                    format!(
                        "waiting for the GIL · {}s of work left",
                        format_time(remaining)
                    ),
                    false,
                    true,
                ),
                ThreadState::Cpu {
                    remaining,
                    on_core: false,
                    gil,
                } => (
                    "waitcore",
                    format!("waiting for a free core · {}s left", format_time(remaining)),
                    gil && main_gil,
                    false,
                ),
                ThreadState::Sleep { until } => (
                    "sleep",
                    format!("blocked in time.sleep until {}", format_time(until)),
                    false,
                    false,
                ),
            };
            ThreadRow {
                name: info.name.clone(),
                process: info.process,
                state,
                text,
                gil,
                wants_gil: wants,
                spot: snap.thread_spots.get(i).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let queues = trace
        .pools
        .iter()
        .zip(snap.pool_queues.iter())
        .filter(|(_, q)| **q > 0)
        .map(|(n, q)| (n.clone(), *q))
        .collect();
    (rows, queues)
}

type ThreadData = Memo<(Vec<ThreadRow>, Vec<(String, u32)>)>;

/// A tag on a thread's card: "process 2", "GIL", "waiting for GIL". The three are one type
/// of view, so the code that shows and hides them is compiled once.
fn tag(
    class: &'static str,
    testid: Option<&'static str>,
    title: Option<&'static str>,
    text: String,
) -> impl IntoView {
    view! { <span class=class data-testid=testid title=title>{text}</span> }
}

/// One thread's card. The list is rebuilt in place on every update: threads are only
/// ever added at the end of a run's list, so a card stays the same element for the run.
fn thread_card(r: &ThreadRow) -> impl IntoView {
    let process = r.process;
    view! {
        <li class=format!("thread-card thread-{}", r.state) data-testid="thread" data-thread=r.name.clone() data-state=r.state>
            <span class="thread-label">
                {r.name.clone()}
                {(process > 0).then(|| tag("process-tag", None, None, format!("process {process}")))}
                {r.gil.then(|| tag("gil-badge", Some("gil-badge"), Some("holds the GIL"), "GIL".into()))}
                {r.wants_gil.then(|| tag("gil-wait", None, Some("waits for the GIL"), "waiting for GIL".into()))}
            </span>
            <span class="card-line">{spot_label(&r.spot)}</span>
            <span class="card-detail">{r.text.clone()}</span>
        </li>
    }
}

#[component]
fn Threads(model: Model) -> impl IntoView {
    let data: ThreadData = Memo::new(move |_| {
        model
            .run
            .with(|run| model.snapshot.with(|snap| thread_rows(run, snap)))
    });
    view! {
        <section class="threads" aria-label="Threads" class:hidden=shared(move || data.with(|d| d.0.is_empty()))>
            <h3 class="lane-title">"Threads"</h3>
            <ol class="thread-list" data-testid="threads">
                {shared(move || data.with(|d| d.0.iter().map(thread_card).collect_view()))}
            </ol>
            <ul class="pool-queues" class:hidden=shared(move || data.with(|d| d.1.is_empty()))>
                {shared(move || data.get().1.into_iter().map(|(name, n)| {
                    item(None, Some("pool-queue"), None, format!("{name}: {n} work item{} queued", if n == 1 { "" } else { "s" }))
                }).collect_view())}
            </ul>
        </section>
    }
}

#[component]
pub(crate) fn Stage(model: Model) -> impl IntoView {
    // The lanes' width decides how many cards a row holds; it changes with the window.
    let columns = RwSignal::new(DEFAULT_COLUMNS);
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    on_cleanup(move || listener.remove());
    let lists = LANES.map(|_| NodeRef::<Ol>::new());
    // Counted once mounted and after each resize (not per run: it costs a layout).
    effect(move || {
        resized.track();
        after_render(move || {
            // Every lane's list has the same width (an empty one too).
            let n = lists[0].get_untracked().and_then(|el| grid_columns(&el));
            if let Some(n) = n.filter(|&n| n != columns.get_untracked()) {
                columns.set(n);
            }
        });
    });

    let cards = LANES.map(|lane| {
        Memo::new(move |_| {
            let shown = columns.get().max(1) as usize * rows(lane);
            model.run.with(|run| {
                model
                    .snapshot
                    .with(|snap| lane_cards(run, snap, lane, shown))
            })
        })
    });
    let sections = LANES.map(|_| NodeRef::<Section>::new());
    let registry: Registry = StoredValue::new_local(HashMap::new());

    // Slide the cards that moved once the stage shows an update (every step: on a small
    // stage, cards pushed along by the thread lanes slide too).
    let slides = StoredValue::new_local(Slides::default());
    effect(move || {
        model.snapshot.track();
        let now: Vec<(u32, usize, usize)> = cards
            .iter()
            .enumerate()
            .flat_map(|(lane, cards)| {
                cards.with(|d| {
                    d.cards
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (c.id, lane, i))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let run = model.run.with(|r| Arc::as_ptr(r) as usize);
        let geometry = (resized.get(), columns.get());
        let fast = model.playing.get()
            && matches!(Speed::of(model.speed.get()), Speed::Film(s) if s > SLIDE_MAX_SPEED);
        after_render(move || {
            let slide = !fast && !reduced_motion();
            let refresh = slides
                .try_update_value(|s| s.update(&now, (run, geometry), slide, &sections, registry))
                .flatten();
            if let Some(generation) = refresh {
                next_frame(move || {
                    slides.try_update_value(|s| s.refresh(generation, &sections, registry));
                });
            }
        });
    });

    let blocking = move || {
        model.snapshot.with(|s| {
            s.tasks
                .iter()
                .any(|t| t.lane == Lane::Running && t.blocking.is_some())
        })
    };
    let idle = move || {
        model
            .snapshot
            .with(|s: &Arc<Snapshot>| !s.tasks.iter().any(|t| t.lane == Lane::Running))
    };
    let lane = move |l: Lane, title: &'static str, hint: &'static str| {
        let i = lane_index(l);
        view! { <LaneView lane=l title hint cards=cards[i] node=sections[i] list=lists[i] registry/> }
    };
    view! {
        <div class="stage" class:loop-blocked=shared(blocking)>
            <div class="thread-row">
                <span class="thread-name">"loop thread"</span>
                <span class="thread-state">
                    {shared(move || if blocking() { "blocked: nothing else can run" } else if idle() { "idle: waiting for the next event" } else { "running a task's step" }.to_string())}
                </span>
            </div>
            <div class="lanes">
                {lane(Lane::Running, "Running", "The loop thread is between steps.")}
                <Threads model/>
                {lane(Lane::Ready, "Ready", "No step queued.")}
                {lane(Lane::Waiting, "Waiting", "Nothing is waiting.")}
                {lane(Lane::Done, "Done", "No task has finished yet.")}
            </div>
        </div>
    }
}
