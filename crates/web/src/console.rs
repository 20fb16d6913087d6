//! The console (printed lines with their virtual times), the current step's explanation,
//! warnings and lints, and the run's summary figures.

use leptos::prelude::*;
use loopscope_core::{explain, format_seconds, RunEnd, Summary};

use crate::model::{Model, RunView};
use crate::shared::{item, shared};

#[component]
pub(crate) fn Explanation(model: Model) -> impl IntoView {
    let text = move || {
        let step = model.step.get();
        let simulating = model.simulating.with(Option::is_some);
        model.run.with(|r| match step {
            0 if simulating && r.trace.events.is_empty() => {
                "Simulating the program: the stage shows it as soon as the run is ready.".into()
            }
            0 => "The program is about to start. Press Play (or Space) to watch the event loop run it, or step with →.".into(),
            1 => format!("{}. Press Play (or Space) to watch it run, or step with →.", explain(&r.trace, 0)),
            n => explain(&r.trace, (n - 1) as usize),
        })
    };
    view! { <p class="explanation" data-testid="explanation" aria-live="polite">{shared(text)}</p> }
}

/// What the console says after the last line of a run that did not end normally.
fn end_note(r: &RunView) -> Option<String> {
    match &r.trace.end {
        RunEnd::Ok => None,
        RunEnd::Exit { code } => Some(format!(
            "The program exited with status {code} (SystemExit)."
        )),
        RunEnd::Exception { message, line } => {
            Some(format!("Uncaught exception at line {line}: {message}"))
        }
        RunEnd::Deadlock { .. } => Some(
            r.stderr
                .iter()
                .filter(|l| l.starts_with("deadlock"))
                .cloned()
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        RunEnd::Limit { message } => Some(format!("Stopped: {message}")),
    }
}

#[component]
pub(crate) fn Console(model: Model) -> impl IntoView {
    let lines = Memo::new(move |_| {
        let n = model.snapshot.with(|s| s.output_len) as usize;
        model.run.with(|r| {
            r.trace
                .output
                .iter()
                .take(n)
                .map(|l| (format_seconds(l.t), l.t, l.text.clone()))
                .collect::<Vec<_>>()
        })
    });
    let at_end = move || model.step.get() >= model.run.with(|r| r.total_steps());
    let ending = move || model.run.with(|r| end_note(r));
    view! {
        <section class="console-pane" aria-label="Console">
            <h3>"Console"</h3>
            <ol class="console" data-testid="console">
                // Lines are only ever added at the end while the cursor moves: the list is
                // updated in place, line by line.
                {shared(move || lines.get().into_iter().map(|(t, secs, text)| {
                    let ts = format!("{:>8}", loopscope_core::format_time(secs));
                    item(Some("console-line"), Some("console-line"), Some((t, ts)), text)
                }).collect_view())}
            </ol>
            <p class="console-empty" class:hidden=shared(move || !lines.with(|l| l.is_empty()))>"Nothing printed yet."</p>
            <p class="console-end" class:hidden=shared(move || !(at_end() && ending().is_some()))>{shared(move || ending().unwrap_or_default())}</p>
            <ul class="warnings" class:hidden=shared(move || model.run.with(|r| r.trace.warnings.is_empty()))>
                {shared(move || model.run.with(|r| {
                    r.trace.warnings.iter().map(|w| item(Some("warning"), None, None, format!("⚠ line {}: {}", w.line, w.message))).collect_view()
                }))}
            </ul>
        </section>
    }
}

#[component]
pub(crate) fn SummaryPane(model: Model) -> impl IntoView {
    // The run's figures: static markup, each figure a text of its own.
    let figure =
        move |f: fn(&Summary) -> String| shared(move || model.run.with(|r| f(&r.trace.summary)));
    view! {
        <section class="summary" aria-label="Summary">
            <h3>"Summary"</h3>
            <dl class="figures">
                <div><dt>"total time"</dt><dd>{figure(|s| format!("{} s", loopscope_core::format_time(s.total)))}</dd></div>
                <div><dt>"loop thread busy"</dt><dd>{figure(|s| format!("{}%", loopscope_core::format_fixed(s.loop_busy_share * 100.0, 0)))}</dd></div>
                <div><dt>"the same work, one after another"</dt><dd>{figure(|s| format!("{} s", loopscope_core::format_time(s.sequential)))}</dd></div>
                <div><dt>"events"</dt><dd>{figure(|s| s.events.to_string())}</dd></div>
            </dl>
            <table class="task-times">
                <thead><tr><th scope="col">"task"</th><th scope="col">"running s"</th><th scope="col">"ready s"</th><th scope="col">"waiting s"</th></tr></thead>
                <tbody>
                    {shared(move || model.run.with(|r| {
                        r.trace.tasks.iter().zip(r.trace.summary.tasks.iter()).take(30).map(|(t, tt)| view! {
                            <tr>
                                <th scope="row">{t.label()}</th>
                                <td>{loopscope_core::format_time(tt.running)}</td>
                                <td>{loopscope_core::format_time(tt.ready)}</td>
                                <td>{loopscope_core::format_time(tt.waiting)}</td>
                            </tr>
                        }).collect_view()
                    }))}
                </tbody>
            </table>
        </section>
    }
}
