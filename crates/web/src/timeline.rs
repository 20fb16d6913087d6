//! The timeline: an SVG Gantt chart, a row per task coloured by state over virtual time, with a cursor.

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_core::{explain, BlockKind, EventKind, Lane, ThreadState, Trace};
use wasm_bindgen::JsCast;

use crate::model::{Model, RunView};

/// Rows drawn before "+N more tasks" (the chart stays light with thousands of tasks).
const MAX_ROWS: usize = 60;
const ROW_H: f64 = 18.0;
const WIDTH: f64 = 1000.0;

#[derive(Clone, PartialEq)]
struct Segment {
    t0: f64,
    t1: f64,
    lane: Lane,
    blocking: bool,
    tip: Tip,
    /// The CSS class for thread and core rows (task rows use the lane).
    class: Option<&'static str>,
}

/// A segment's tooltip, made when the pointer is over it (a long run's chart
/// has tens of thousands of segments: explaining each up front would cost
/// more than drawing them).
#[derive(Clone, PartialEq)]
enum Tip {
    /// A task's segment: the event that began it (the running step if the
    /// segment stands for several changes within a pixel) and how many
    /// changes it stands for.
    Event { ev: usize, changes: u32 },
    /// A thread's segment: what it was doing.
    Thread(&'static str),
    /// The cores row: how many cores were busy.
    Cores(i32),
}

#[derive(Clone, PartialEq)]
struct Row {
    label: String,
    segments: Vec<Segment>,
}

fn lane_word(l: Lane, blocking: bool) -> &'static str {
    match (l, blocking) {
        (Lane::Running, true) => "blocking",
        (Lane::Running, false) => "running",
        (Lane::Ready, _) => "ready",
        (Lane::Waiting, _) => "waiting",
        (Lane::Done, _) => "done",
        (Lane::Unborn, _) => "",
    }
}

fn rows(trace: &Trace) -> Vec<Row> {
    let n = trace.tasks.len().min(MAX_ROWS);
    // State changes closer than a pixel are drawn as one segment, so a row
    // never holds more segments than the chart has pixels (a million-event
    // run would otherwise make millions of SVG rectangles).
    let pixel = trace.end_time.max(1e-9) / WIDTH;
    let mut rows: Vec<Row> = trace
        .tasks
        .iter()
        .take(n)
        .map(|t| Row {
            label: t.label(),
            segments: Vec::new(),
        })
        .collect();
    // Per task: current lane, since when, whether blocking, and the event that started it.
    let mut open: Vec<Option<(Lane, f64, bool, usize)>> = vec![None; n];
    let close = |rows: &mut Vec<Row>, i: usize, o: (Lane, f64, bool, usize), t1: f64| {
        let (lane, t0, blocking, ev) = o;
        if let Some(last) = rows[i].segments.last_mut() {
            if let (true, Tip::Event { ev: first, changes }) = (t1 - last.t0 < pixel, &mut last.tip)
            {
                // Within a pixel of where the last segment started: one
                // segment, shown (and explained) as running if the task ran.
                last.t1 = t1;
                *changes += 1;
                if lane == Lane::Running && last.lane != Lane::Running {
                    last.lane = Lane::Running;
                    last.blocking = blocking;
                    *first = ev;
                }
                return;
            }
        }
        rows[i].segments.push(Segment {
            t0,
            t1,
            lane,
            blocking,
            tip: Tip::Event { ev, changes: 1 },
            class: None,
        });
    };
    for (k, e) in trace.events.iter().enumerate() {
        let i = e.task as usize;
        if i >= n {
            continue;
        }
        let (lane, blocking) = match e.kind {
            EventKind::Created { .. } | EventKind::Ready => (Lane::Ready, false),
            EventKind::Running => (Lane::Running, false),
            EventKind::Waiting { .. } => (Lane::Waiting, false),
            EventKind::Blocking { .. } => (Lane::Running, true),
            EventKind::Done { .. } => (Lane::Done, false),
            _ => continue,
        };
        if let Some(o) = open[i].take() {
            close(&mut rows, i, o, e.t);
        }
        if lane != Lane::Done {
            open[i] = Some((lane, e.t, blocking, k));
        }
    }
    for (i, o) in open.into_iter().enumerate() {
        if let Some(o) = o {
            close(&mut rows, i, o, trace.end_time);
        }
    }
    rows
}

/// The cores row's shades: up to a quarter, a half, three quarters, all busy.
const CORE_CLASSES: [&str; 4] = ["seg-cores-1", "seg-cores-2", "seg-cores-3", "seg-cores-4"];

fn thread_class(s: &ThreadState) -> Option<(&'static str, &'static str)> {
    match s {
        ThreadState::Python | ThreadState::Cpu { on_core: true, .. } => {
            Some(("seg-thread-running", "running"))
        }
        ThreadState::WaitGil | ThreadState::Cpu { on_core: false, .. } => {
            Some(("seg-thread-waiting", "waiting for the GIL or a core"))
        }
        ThreadState::Sleep { .. } => Some(("seg-thread-sleep", "in time.sleep")),
        ThreadState::Idle => None,
    }
}

/// A row per thread (once threads exist) and a row of busy cores.
fn machine_rows(trace: &Trace) -> Vec<Row> {
    if trace.threads.is_empty() {
        return Vec::new();
    }
    let n = trace.threads.len();
    let mut rows: Vec<Row> = trace
        .threads
        .iter()
        .map(|t| Row {
            label: format!("⚙ {}", t.name),
            segments: Vec::new(),
        })
        .collect();
    let mut open: Vec<(ThreadState, f64)> = vec![(ThreadState::Idle, 0.0); n];
    let mut busy_changes: Vec<(f64, i32)> = Vec::new();
    let pixel = trace.end_time.max(1e-9) / WIDTH;
    let close = |rows: &mut Vec<Row>, i: usize, st: &ThreadState, t0: f64, t1: f64| {
        let Some((class, word)) = thread_class(st) else {
            return;
        };
        if t1 <= t0 && !matches!(st, ThreadState::Python) {
            return;
        }
        if let Some(last) = rows[i].segments.last_mut() {
            if t1 - last.t0 < pixel && last.t1 >= t0 - pixel {
                // Changes within a pixel (a GIL hand-over every 5 ms seen
                // from far away): one segment, running if it ran at all.
                last.t1 = t1;
                if class == "seg-thread-running" {
                    last.class = Some(class);
                    last.tip = Tip::Thread(word);
                }
                return;
            }
        }
        rows[i].segments.push(Segment {
            t0,
            t1,
            lane: Lane::Running,
            blocking: false,
            tip: Tip::Thread(word),
            class: Some(class),
        });
    };
    for e in trace.events.iter() {
        match e.kind {
            EventKind::Thread { thread, state, .. } => {
                let i = thread as usize;
                if i >= n {
                    continue;
                }
                let (old, t0) = open[i];
                close(&mut rows, i, &old, t0, e.t);
                let was = matches!(old, ThreadState::Cpu { on_core: true, .. });
                let is = matches!(state, ThreadState::Cpu { on_core: true, .. });
                if was != is {
                    busy_changes.push((e.t, if is { 1 } else { -1 }));
                }
                open[i] = (state, e.t);
            }
            EventKind::Blocking {
                what: BlockKind::Cpu,
                until,
            } if trace.threads.is_empty() => {
                busy_changes.push((e.t, 1));
                busy_changes.push((until, -1));
            }
            _ => {}
        }
    }
    for (i, (st, t0)) in open.iter().enumerate() {
        close(&mut rows, i, st, *t0, trace.end_time);
    }
    // Cores in use over time.
    busy_changes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let cores = trace.cores.max(1) as f64;
    let mut cores_row = Row {
        label: format!("cores ({})", trace.cores),
        segments: Vec::new(),
    };
    let (mut busy, mut since) = (0i32, 0.0f64);
    for (t, d) in busy_changes
        .into_iter()
        .chain(std::iter::once((trace.end_time, 0)))
    {
        if t > since && busy > 0 {
            let q = ((busy as f64 / cores) * 4.0).ceil().clamp(1.0, 4.0) as usize;
            cores_row.segments.push(Segment {
                t0: since,
                t1: t,
                lane: Lane::Running,
                blocking: false,
                tip: Tip::Cores(busy),
                class: Some(CORE_CLASSES[q - 1]),
            });
        }
        since = t;
        busy += d;
    }
    rows.push(cores_row);
    rows
}

/// Where a pointer event is on the chart: the fraction of the time axis and
/// the row.
fn pointer_at(ev: &web_sys::PointerEvent) -> Option<(f64, usize)> {
    let el = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())?;
    let r = el.get_bounding_client_rect();
    if r.width() <= 0.0 {
        return None;
    }
    let frac = ((ev.client_x() as f64 - r.left()) / r.width()).clamp(0.0, 1.0);
    let row = ((ev.client_y() as f64 - r.top()) / ROW_H).floor().max(0.0) as usize;
    Some((frac, row))
}

/// The stylesheet's class for a segment (its colour), "" for none.
fn seg_class(s: &Segment) -> &'static str {
    match (s.class, s.lane, s.blocking) {
        (Some(c), _, _) => c,
        (None, Lane::Running, true) => "seg-blocking",
        (None, Lane::Running, false) => "seg-running",
        (None, Lane::Ready, _) => "seg-ready",
        (None, Lane::Waiting, _) => "seg-waiting",
        (None, Lane::Done | Lane::Unborn, _) => "",
    }
}

/// Every class a segment can have: the hidden swatches carry them, so the
/// canvas paints in the stylesheet's colours (and themes).
const SEG_CLASSES: [&str; 11] = [
    "seg-waiting",
    "seg-ready",
    "seg-running",
    "seg-blocking",
    "seg-thread-running",
    "seg-thread-waiting",
    "seg-thread-sleep",
    "seg-cores-1",
    "seg-cores-2",
    "seg-cores-3",
    "seg-cores-4",
];

/// Paint the rows on the canvas, a class (colour) at a time. A canvas keeps a
/// chart of tens of thousands of segments cheap to draw and to lay out.
fn paint(canvas: &web_sys::HtmlCanvasElement, rows: &[Row], total: f64) {
    let Some(win) = web_sys::window() else {
        return;
    };
    let ratio = win.device_pixel_ratio().max(1.0);
    let width = f64::from(canvas.client_width().max(1));
    let height = (rows.len().max(1) as f64) * ROW_H;
    canvas.set_width((width * ratio).round() as u32);
    canvas.set_height((height * ratio).round() as u32);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = ctx.scale(ratio, ratio);
    let swatches = canvas
        .parent_element()
        .and_then(|p| p.query_selector_all(".timeline-swatches rect").ok());
    let Some(swatches) = swatches else { return };
    for k in 0..swatches.length() {
        let Some(rect) = swatches
            .item(k)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(class) = rect.get_attribute("data-class") else {
            continue;
        };
        let Some(colour) = win
            .get_computed_style(&rect)
            .ok()
            .flatten()
            .and_then(|st| st.get_property_value("fill").ok())
        else {
            continue;
        };
        ctx.set_fill_style_str(&colour);
        for (i, r) in rows.iter().enumerate() {
            let y = i as f64 * ROW_H + 3.0;
            for s in r.segments.iter().filter(|s| seg_class(s) == class) {
                let x0 = s.t0 / total * width;
                let min = if s.lane == Lane::Running { 2.0 } else { 0.0 };
                let w = (s.t1 / total * width - x0).max(min);
                if w > 0.0 {
                    ctx.fill_rect(x0, y, w, ROW_H - 6.0);
                }
            }
        }
    }
}

/// The tooltip of the segment of `row` at time `t`, if any.
fn tip_at(trace: &Trace, row: &Row, t: f64) -> Option<String> {
    let i = row.segments.partition_point(|s| s.t0 <= t).checked_sub(1)?;
    let s = &row.segments[i];
    if t > s.t1 + trace.end_time.max(1e-9) / WIDTH {
        return None;
    }
    Some(match &s.tip {
        Tip::Thread(word) => format!("{}: {word} {:.3}–{:.3} s", row.label, s.t0, s.t1),
        Tip::Cores(busy) => format!(
            "{busy} of {} cores busy {:.3}–{:.3} s",
            trace.cores, s.t0, s.t1
        ),
        Tip::Event { ev, changes } => {
            let more = match changes {
                1 => String::new(),
                n => format!(" (and {} more changes within this pixel)", n - 1),
            };
            format!(
                "{}: {} {:.3}–{:.3} s — {}{more}",
                row.label,
                lane_word(s.lane, s.blocking),
                s.t0,
                s.t1,
                explain(trace, *ev)
            )
        }
    })
}

/// "Nice" tick spacing for an axis of length `span`: 1, 2 or 5 × 10^k, about 8 ticks.
pub(crate) fn tick_step(span: f64) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / 8.0;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm < 1.5 {
        1.0
    } else if norm < 3.5 {
        2.0
    } else if norm < 7.5 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

fn fmt_tick(t: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
    };
    format!("{t:.decimals$}s")
}

#[component]
pub(crate) fn Timeline(model: Model) -> impl IntoView {
    // The chart follows the run a task later: after a long run, drawing it
    // is work of its own, best not added to the task that shows the stage.
    let shown = RwSignal::new(model.run.get_untracked());
    Effect::new(move |_| {
        let run = model.run.get();
        if !Arc::ptr_eq(&run, &shown.get_untracked()) {
            set_timeout(move || shown.set(run), std::time::Duration::from_millis(0));
        }
    });
    let data = Memo::new(move |_| {
        let run: Arc<RunView> = shown.get();
        let total = run.trace.end_time.max(1e-9);
        let mut all = rows(&run.trace);
        all.extend(machine_rows(&run.trace));
        (all, total, run.trace.tasks.len())
    });
    let dragging = RwSignal::new(false);
    let seek_to = move |ev: &web_sys::PointerEvent| {
        let Some((frac, _)) = pointer_at(ev) else {
            return;
        };
        let (total, step) = model.run.with_untracked(|run| {
            let total = run.trace.end_time;
            (total, run.step_for_time(frac * total))
        });
        model.playing.set(false);
        model.step.set(step);
        model.playhead.set(frac * total);
    };
    let x = move |t: f64, total: f64| t / total * WIDTH;
    // The tooltip of the segment under the pointer.
    let hover = RwSignal::new(String::new());
    let point = move |ev: &web_sys::PointerEvent| {
        let Some((frac, row)) = pointer_at(ev) else {
            return;
        };
        let tip = shown.with_untracked(|run| {
            data.with_untracked(|(rows, total, _)| tip_at(&run.trace, rows.get(row)?, frac * total))
        });
        hover.set(tip.unwrap_or_default());
    };
    // Paint when the run changes, and when the window (so the chart) resizes.
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let _resize = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    Effect::new(move |_| {
        resized.track();
        if let Some(c) = canvas.get() {
            data.with(|(rows, total, _)| paint(&c, rows, *total));
        }
    });
    view! {
        <div class="timeline" data-testid="timeline">
            <div class="timeline-labels" aria-hidden="true">
                {move || data.with(|d| d.0.iter().map(|r| view! { <div class="timeline-label" title=r.label.clone()>{r.label.clone()}</div> }).collect_view())}
            </div>
            <div class="timeline-chart">
                <div class="timeline-plot" style:height=move || data.with(|d| format!("{}px", (d.0.len().max(1) as f64) * ROW_H))>
                    <canvas node_ref=canvas aria-hidden="true"></canvas>
                    <svg class="timeline-swatches" aria-hidden="true">
                        {SEG_CLASSES.map(|c| view! { <rect class=format!("seg {c}") data-class=c></rect> }).to_vec()}
                    </svg>
                    <svg
                        class="timeline-overlay"
                        role="img"
                        aria-label="Timeline of task states over virtual time; click or drag to seek"
                        viewBox=move || data.with(|d| format!("0 0 {WIDTH} {}", (d.0.len().max(1) as f64) * ROW_H))
                        preserveAspectRatio="none"
                        on:pointerdown=move |ev| { dragging.set(true); seek_to(&ev) }
                        on:pointermove=move |ev| if dragging.get_untracked() { seek_to(&ev) } else { point(&ev) }
                        on:pointerup=move |_| dragging.set(false)
                        on:pointerleave=move |_| dragging.set(false)
                    >
                        <title>{move || hover.get()}</title>
                        <line class="cursor" x1=move || x(model.playhead.get(), data.with(|d| d.1)) x2=move || x(model.playhead.get(), data.with(|d| d.1)) y1="0" y2=move || data.with(|d| (d.0.len().max(1) as f64) * ROW_H)></line>
                    </svg>
                </div>
                <div class="timeline-axis" aria-hidden="true">
                    {move || data.with(|(_, total, _)| {
                        // A run that takes no virtual time (or none yet) has one tick: 0s.
                        let (end, step) = if *total < 1e-6 { (0.0, 1.0) } else { (*total, tick_step(*total)) };
                        let mut ticks = Vec::new();
                        let mut t = 0.0;
                        while t <= end + step * 1e-6 && ticks.len() < 40 {
                            ticks.push(t);
                            t += step;
                        }
                        ticks.into_iter().map(|t| {
                            let left = format!("{}%", t / total * 100.0);
                            view! { <span class="tick" style:left=left>{fmt_tick(t, step)}</span> }
                        }).collect_view()
                    })}
                </div>
                <p class="timeline-more" class:hidden=move || data.with(|d| d.2 <= MAX_ROWS)>
                    {move || data.with(|d| format!("+{} more tasks not drawn", d.2.saturating_sub(MAX_ROWS)))}
                </p>
            </div>
        </div>
    }
}
