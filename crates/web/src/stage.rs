//! The stage: one lane per state (running, ready, waiting, done), task cards moving between them.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use loopscope_core::{
    waits_on_label, BlockKind, Lane, Outcome, Snapshot, TaskState, ThreadSpot, ThreadState, Trace,
    WaitOn,
};
use wasm_bindgen::JsCast;

use crate::model::{Model, RunView};

/// Cards shown per lane before "+N more" (the page stays fast with thousands of tasks).
const MAX_CARDS: usize = 80;

#[derive(Clone, PartialEq)]
struct Card {
    id: u32,
    name: String,
    label: String,
    state: &'static str,
    detail: String,
    line: u32,
    blocking: bool,
    starving: bool,
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
                format!("sleep until {until:.3} · overdue by {:.3}s", now - until)
            }
            Some(WaitOn::Sleep { until }) => {
                format!("sleep until {until:.3} · in {:.3}s", (until - now).max(0.0))
            }
            Some(on) => waits_on_label(trace, &on),
            None => String::new(),
        },
        Lane::Running => match s.blocking {
            Some((BlockKind::Sleep, until)) => format!("blocking: time.sleep until {until:.3}"),
            Some((BlockKind::Cpu, until)) => format!("blocking: cpu() until {until:.3}"),
            None => "running Python".into(),
        },
        Lane::Done => match (
            s.outcome,
            trace.tasks.get(id as usize).and_then(|t| t.result.as_ref()),
        ) {
            (Some(Outcome::Cancelled), _) => "cancelled".into(),
            (Some(Outcome::Raised), Some((_, r))) => format!("raised {r}"),
            (_, Some((_, r))) => format!("returned {r}"),
            _ => "done".into(),
        },
        _ => String::new(),
    }
}

fn cards(run: &RunView, snap: &Snapshot, lane: Lane) -> (Vec<Card>, usize) {
    let trace = &run.trace;
    let blocking = snap
        .tasks
        .iter()
        .any(|t| t.lane == Lane::Running && t.blocking.is_some());
    let ids: Vec<u32> = if lane == Lane::Ready {
        snap.ready.clone()
    } else {
        snap.tasks
            .iter()
            .enumerate()
            .filter(|(_, s)| s.lane == lane)
            .map(|(i, _)| i as u32)
            .collect()
    };
    let total = ids.len();
    let list = ids
        .into_iter()
        .take(MAX_CARDS)
        .filter_map(|id| {
            let s = snap.tasks.get(id as usize)?;
            let info = trace.tasks.get(id as usize)?;
            Some(Card {
                id,
                name: info.name.clone(),
                label: info.label(),
                state: lane_name(lane),
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
    (list, total)
}

#[component]
fn TaskCard(card: Card) -> impl IntoView {
    let class = format!(
        "card c{} state-{}{}{}",
        card.id % 12,
        card.state,
        if card.blocking { " blocking" } else { "" },
        if card.starving { " starving" } else { "" }
    );
    let line = if card.line > 0 {
        format!("line {}", card.line)
    } else {
        String::new()
    };
    let title = card.label.clone();
    view! {
        <li class=class data-testid="task-card" data-task=card.name.clone() data-state=card.state title=title>
            <span class="card-label">{card.label}</span>
            <span class="card-line">{line}</span>
            <span class="card-detail">{card.detail}</span>
        </li>
    }
}

#[component]
fn LaneView(model: Model, lane: Lane, title: &'static str, hint: &'static str) -> impl IntoView {
    let data = Memo::new(move |_| {
        let run = model.run.get();
        let snap = model.snapshot.get();
        cards(&run, &snap, lane)
    });
    let testid = format!("lane-{}", lane_name(lane));
    view! {
        <section class=format!("lane lane-{}", lane_name(lane)) aria-label=title>
            <h3 class="lane-title">
                {title}
                <span class="lane-count">{move || data.with(|d| if d.1 == 0 { String::new() } else { d.1.to_string() })}</span>
            </h3>
            <ol class="lane-cards" data-testid=testid>
                <For each=move || data.get().0 key=|c| (c.id, c.detail.clone(), c.line, c.starving) let:card>
                    <TaskCard card=card/>
                </For>
            </ol>
            <p class="lane-empty" class:hidden=move || data.with(|d| d.1 > 0)>{hint}</p>
            <p class="lane-more" class:hidden=move || data.with(|d| d.1 <= MAX_CARDS)>
                {move || data.with(|d| format!("+{} more", d.1.saturating_sub(MAX_CARDS)))}
            </p>
        </section>
    }
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

/// FLIP: cards that changed lane slide from where they were to where they are.
fn animate_cards(prev: &mut HashMap<String, (f64, f64)>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all("[data-testid=task-card]") else {
        return;
    };
    let animate = !reduced_motion();
    let mut next = HashMap::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(key) = el.get_attribute("data-task") else {
            continue;
        };
        let r = el.get_bounding_client_rect();
        if animate {
            if let Some(&(x, y)) = prev.get(&key) {
                let (dx, dy) = (x - r.left(), y - r.top());
                if dx.abs() > 1.0 || dy.abs() > 1.0 {
                    let frames = js_sys::Array::new();
                    let from = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(
                        &from,
                        &"transform".into(),
                        &format!("translate({dx}px, {dy}px)").into(),
                    );
                    let to = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&to, &"transform".into(), &"none".into());
                    frames.push(&from);
                    frames.push(&to);
                    let opts = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&opts, &"duration".into(), &280.into());
                    let _ = js_sys::Reflect::set(
                        &opts,
                        &"easing".into(),
                        &"cubic-bezier(.2,.8,.2,1)".into(),
                    );
                    if let Ok(f) = js_sys::Reflect::get(&el, &"animate".into()) {
                        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                            let _ = f.call2(&el, &frames, &opts);
                        }
                    }
                }
            }
        }
        next.insert(key, (r.left(), r.top()));
    }
    *prev = next;
}

#[derive(Clone, PartialEq)]
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
                    format!("computing on a core · {remaining:.3}s left"),
                    gil && main_gil,
                    false,
                ),
                ThreadState::Cpu {
                    remaining,
                    on_core: false,
                    gil,
                } if main_gil && !gil => (
                    "waitgil",
                    format!("waiting for the GIL · {remaining:.3}s of work left"),
                    false,
                    true,
                ),
                ThreadState::Cpu {
                    remaining,
                    on_core: false,
                    gil,
                } => (
                    "waitcore",
                    format!("waiting for a free core · {remaining:.3}s left"),
                    gil && main_gil,
                    false,
                ),
                ThreadState::Sleep { until } => (
                    "sleep",
                    format!("blocked in time.sleep until {until:.3}"),
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

#[component]
fn Threads(model: Model) -> impl IntoView {
    let data = Memo::new(move |_| {
        let run = model.run.get();
        let snap = model.snapshot.get();
        thread_rows(&run, &snap)
    });
    view! {
        <section class="threads" aria-label="Threads" class:hidden=move || data.with(|d| d.0.is_empty())>
            <h3 class="lane-title">"Threads"</h3>
            <ol class="thread-list" data-testid="threads">
                <For each=move || data.get().0 key=|r| (r.name.clone(), r.text.clone(), r.gil) let:row>
                    <li class=format!("thread-card thread-{}", row.state) data-testid="thread" data-thread=row.name.clone() data-state=row.state>
                        <span class="thread-label">
                            {row.name.clone()}
                            {(row.process > 0).then(|| view! { <span class="process-tag">{format!("process {}", row.process)}</span> })}
                            {row.gil.then(|| view! { <span class="gil-badge" data-testid="gil-badge" title="holds the GIL">"GIL"</span> })}
                            {row.wants_gil.then(|| view! { <span class="gil-wait" title="waits for the GIL">"waiting for GIL"</span> })}
                        </span>
                        <span class="card-line">{spot_label(&row.spot)}</span>
                        <span class="card-detail">{row.text.clone()}</span>
                    </li>
                </For>
            </ol>
            <ul class="pool-queues" class:hidden=move || data.with(|d| d.1.is_empty())>
                {move || data.get().1.into_iter().map(|(name, n)| view! {
                    <li data-testid="pool-queue">{format!("{name}: {n} work item{} queued", if n == 1 { "" } else { "s" })}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub(crate) fn Stage(model: Model) -> impl IntoView {
    let positions = StoredValue::new_local(HashMap::<String, (f64, f64)>::new());
    Effect::new(move |_| {
        model.snapshot.track();
        positions.update_value(animate_cards);
    });
    let blocking = Memo::new(move |_| {
        model.snapshot.with(|s| {
            s.tasks
                .iter()
                .any(|t| t.lane == Lane::Running && t.blocking.is_some())
        })
    });
    let idle = Memo::new(move |_| {
        model
            .snapshot
            .with(|s: &Arc<Snapshot>| !s.tasks.iter().any(|t| t.lane == Lane::Running))
    });
    view! {
        <div class="stage" class:loop-blocked=move || blocking.get()>
            <div class="thread-row">
                <span class="thread-name">"loop thread"</span>
                <span class="thread-state">
                    {move || if blocking.get() { "blocked: nothing else can run" } else if idle.get() { "idle: waiting for the next event" } else { "running a task's step" }}
                </span>
            </div>
            <div class="lanes">
                <LaneView model lane=Lane::Running title="Running" hint="The loop thread is between steps."/>
                <Threads model/>
                <LaneView model lane=Lane::Ready title="Ready" hint="No step queued."/>
                <LaneView model lane=Lane::Waiting title="Waiting" hint="Nothing is waiting."/>
                <LaneView model lane=Lane::Done title="Done" hint="No task has finished yet."/>
            </div>
        </div>
    }
}
