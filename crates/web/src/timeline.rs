//! The timeline: a Gantt chart painted on a canvas (a row per task, then threads and cores, coloured by state over virtual time), with an SVG overlay for the cursor and tooltips.

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_core::{explain, format_f64, format_fixed, format_time, Lane, Trace};
use wasm_bindgen::JsCast;

use crate::model::{now_ms, Model, RunView};
use crate::shared::{effect, shared};

mod rows;

use rows::{Row, RowsBuilder, Segment, Tip, MAX_ROWS, WIDTH};

const ROW_H: f64 = 18.0;

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
        Tip::Thread(word) => format!(
            "{}: {word} {}–{} s",
            row.label,
            format_time(s.t0),
            format_time(s.t1)
        ),
        Tip::Cores(busy) => format!(
            "{busy} of {} cores busy {}–{} s",
            trace.cores,
            format_time(s.t0),
            format_time(s.t1)
        ),
        Tip::Event { ev, changes } => {
            let more = match changes {
                1 => String::new(),
                n => format!(" (and {} more changes within this pixel)", n - 1),
            };
            format!(
                "{}: {} {}–{} s — {}{more}",
                row.label,
                lane_word(s.lane, s.blocking),
                format_time(s.t0),
                format_time(s.t1),
                explain(trace, *ev)
            )
        }
    })
}

/// A long run's chart is built in slices of about this many milliseconds
/// (the last one also paints it), with the browser free in between.
const BUILD_MS: f64 = 15.0;
/// Events read between two looks at the clock.
const BUILD_EVENTS: usize = 20_000;

/// What the chart draws: the rows, the run's length (the time axis) and how
/// many tasks it has.
type ChartData = (Vec<Row>, f64, usize);

fn chart_data(trace: &Trace, rows: Vec<Row>) -> ChartData {
    (rows, trace.end_time.max(1e-9), trace.tasks.len())
}

/// The chart on screen and the building of the next one.
#[derive(Clone, Copy)]
struct Chart {
    /// The run the chart shows (its tooltips explain this run's events).
    shown: RwSignal<Arc<RunView>>,
    data: RwSignal<ChartData>,
    /// Set from when a run lands until its chart is shown.
    building: RwSignal<bool>,
    /// The number of the latest build: the slices of an older one stop.
    builds: StoredValue<u64>,
}

impl Chart {
    /// The chart of `run`, built now.
    fn new(run: Arc<RunView>) -> Chart {
        let data = chart_data(&run.trace, RowsBuilder::build(&run.trace));
        Chart {
            shown: RwSignal::new(run),
            data: RwSignal::new(data),
            building: RwSignal::new(false),
            builds: StoredValue::new(0),
        }
    }

    /// Build `run`'s chart (dropping any build under way) from the next task
    /// on, so that it is not added to the task that shows the stage.
    fn build(self, run: Arc<RunView>) {
        let id = self.builds.get_value() + 1;
        self.builds.set_value(id);
        self.building.set(true);
        let rows = RowsBuilder::new(&run.trace);
        set_timeout(
            move || self.slice(id, run, rows),
            std::time::Duration::from_millis(0),
        );
    }

    /// One slice of build `id`; then the next one after the browser had its
    /// turn, or the chart is shown.
    fn slice(self, id: u64, run: Arc<RunView>, mut rows: RowsBuilder) {
        if crate::panic::happened() || self.builds.get_value() != id {
            return;
        }
        let deadline = now_ms() + BUILD_MS;
        while !rows.read(&run.trace, BUILD_EVENTS) {
            if now_ms() >= deadline {
                set_timeout(
                    move || self.slice(id, run, rows),
                    std::time::Duration::from_millis(0),
                );
                return;
            }
        }
        let data = chart_data(&run.trace, rows.finish(&run.trace));
        self.shown.set(run);
        // As a memo would: an unchanged chart (an edit of a comment) is not
        // laid out and painted again.
        if self.data.with_untracked(|d| *d != data) {
            self.data.set(data);
        }
        self.building.set(false);
    }
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
    format!("{}s", format_fixed(t, decimals))
}

#[component]
pub(crate) fn Timeline(model: Model) -> impl IntoView {
    // The chart follows the run: built a task after it lands (after a long
    // run, in slices of their own), while the stage already shows it.
    let chart = Chart::new(model.run.get_untracked());
    let Chart {
        shown,
        data,
        building,
        ..
    } = chart;
    effect(move || {
        let run = model.run.get();
        if !Arc::ptr_eq(&run, &shown.get_untracked()) {
            chart.build(run);
        }
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
    // The cursor's place on the overlay's axis.
    let x = shared(move || format_f64(model.playhead.get() / data.with(|d| d.1) * WIDTH));
    // The tooltip of the segment under the pointer.
    let hover = RwSignal::new(None::<String>);
    let point = move |ev: &web_sys::PointerEvent| {
        let Some((frac, row)) = pointer_at(ev) else {
            return;
        };
        let tip = shown.with_untracked(|run| {
            data.with_untracked(|(rows, total, _)| tip_at(&run.trace, rows.get(row)?, frac * total))
        });
        hover.set(tip);
    };
    // Paint when the run changes, and when the window (so the chart) resizes.
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let resized = RwSignal::new(0u32);
    let _resize = window_event_listener(leptos::ev::resize, move |_| {
        resized.update(|n| *n = n.wrapping_add(1))
    });
    effect(move || {
        resized.track();
        if let Some(c) = canvas.get() {
            data.with(|(rows, total, _)| paint(&c, rows, *total));
        }
    });
    view! {
        <div class="timeline" data-testid="timeline" aria-busy=shared(move || building.get().to_string())>
            <div class="timeline-labels" aria-hidden="true">
                {move || data.with(|d| d.0.iter().map(|r| view! { <div class="timeline-label" title=r.label.clone()>{r.label.clone()}</div> }).collect_view())}
            </div>
            <div class="timeline-chart">
                <div class="timeline-plot" style:height=move || data.with(|d| format!("{}px", format_f64((d.0.len().max(1) as f64) * ROW_H)))>
                    <canvas node_ref=canvas aria-hidden="true"></canvas>
                    <svg class="timeline-swatches" aria-hidden="true">
                        {SEG_CLASSES.map(|c| view! { <rect class=format!("seg {c}") data-class=c></rect> }).to_vec()}
                    </svg>
                    <svg
                        class="timeline-overlay"
                        role="img"
                        aria-label="Timeline of task states over virtual time; click or drag to seek"
                        viewBox=shared(move || data.with(|d| format!("0 0 {} {}", format_f64(WIDTH), format_f64((d.0.len().max(1) as f64) * ROW_H))))
                        preserveAspectRatio="none"
                        on:pointerdown=move |ev| { dragging.set(true); seek_to(&ev) }
                        on:pointermove=move |ev| if dragging.get_untracked() { seek_to(&ev) } else { point(&ev) }
                        on:pointerup=move |_| dragging.set(false)
                        on:pointerleave=move |_| dragging.set(false)
                    >
                        <title>{shared(move || hover.get().unwrap_or_default())}</title>
                        <line class="cursor" x1=x.clone() x2=x y1="0" y2=shared(move || data.with(|d| format_f64((d.0.len().max(1) as f64) * ROW_H)))></line>
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
                            let left = format!("{}%", format_f64(t / total * 100.0));
                            view! { <span class="tick" style:left=left>{fmt_tick(t, step)}</span> }
                        }).collect_view()
                    })}
                </div>
                <p class="timeline-more" class:hidden=shared(move || data.with(|d| d.2 <= MAX_ROWS))>
                    {shared(move || data.with(|d| format!("+{} more tasks not drawn", d.2.saturating_sub(MAX_ROWS))))}
                </p>
            </div>
        </div>
    }
}
