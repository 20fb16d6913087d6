//! The chart's rows: for each task (then each thread, then the cores) the
//! segments of virtual time it spent in each state. Built by reading the run's
//! events a range at a time, so that a million-event run's chart can be built
//! in slices with the browser free in between (one pass over the events takes
//! tens of milliseconds).

use loopscope_core::{EventKind, Lane, ThreadState, Trace};

/// Rows drawn before "+N more tasks" (the chart stays light with thousands of tasks).
pub(super) const MAX_ROWS: usize = 60;
/// The chart's width in the overlay's units; a pixel is a thousandth of the run.
pub(super) const WIDTH: f64 = 1000.0;

#[derive(Clone, PartialEq)]
pub(super) struct Segment {
    pub(super) t0: f64,
    pub(super) t1: f64,
    pub(super) lane: Lane,
    pub(super) blocking: bool,
    pub(super) tip: Tip,
    /// The CSS class for thread and core rows (task rows use the lane).
    pub(super) class: Option<&'static str>,
}

/// A segment's tooltip, made when the pointer is over it (a long run's chart
/// has tens of thousands of segments: explaining each up front would cost
/// more than drawing them).
#[derive(Clone, PartialEq)]
pub(super) enum Tip {
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
pub(super) struct Row {
    pub(super) label: String,
    pub(super) segments: Vec<Segment>,
}

/// A task row's open segment: its lane, since when, whether blocking, and
/// the event that began it.
type Open = (Lane, f64, bool, usize);

/// The rows of a run, part built: the events before `next` are read.
pub(super) struct RowsBuilder {
    next: usize,
    /// State changes closer than a pixel are drawn as one segment, so a row
    /// never holds more segments than the chart has pixels (a million-event
    /// run would otherwise make millions of rectangles).
    pixel: f64,
    tasks: Vec<Row>,
    open: Vec<Option<Open>>,
    /// Thread and cores rows, once threads exist.
    machine: Option<MachineRows>,
}

impl RowsBuilder {
    pub(super) fn new(trace: &Trace) -> RowsBuilder {
        let n = trace.tasks.len().min(MAX_ROWS);
        RowsBuilder {
            next: 0,
            pixel: trace.end_time.max(1e-9) / WIDTH,
            tasks: trace
                .tasks
                .iter()
                .take(n)
                .map(|t| Row {
                    label: t.label(),
                    segments: Vec::new(),
                })
                .collect(),
            open: vec![None; n],
            machine: MachineRows::new(trace),
        }
    }

    /// The whole run's rows at once (a short run's).
    pub(super) fn build(trace: &Trace) -> Vec<Row> {
        let mut b = RowsBuilder::new(trace);
        b.read(trace, usize::MAX);
        b.finish(trace)
    }

    /// Read up to `events` more events. Returns true when every event has
    /// been read.
    pub(super) fn read(&mut self, trace: &Trace, events: usize) -> bool {
        let from = self.next;
        let end = from.saturating_add(events).min(trace.events.len());
        for (k, e) in (from..end).zip(trace.events.iter_from(from)) {
            self.task_event(k, e.task, &e.kind, e.t);
            if let Some(m) = &mut self.machine {
                m.event(&e.kind, e.t, self.pixel);
            }
        }
        self.next = end.max(from);
        self.next >= trace.events.len()
    }

    fn task_event(&mut self, k: usize, task: u32, kind: &EventKind, t: f64) {
        let i = task as usize;
        if i >= self.tasks.len() {
            return;
        }
        let (lane, blocking) = match kind {
            EventKind::Created { .. } | EventKind::Ready => (Lane::Ready, false),
            EventKind::Running => (Lane::Running, false),
            EventKind::Waiting { .. } => (Lane::Waiting, false),
            EventKind::Blocking { .. } => (Lane::Running, true),
            EventKind::Done { .. } => (Lane::Done, false),
            _ => return,
        };
        if let Some(o) = self.open[i].take() {
            close_task(&mut self.tasks[i], o, t, self.pixel);
        }
        if lane != Lane::Done {
            self.open[i] = Some((lane, t, blocking, k));
        }
    }

    /// The rows, once every event is read: tasks', then threads' and the cores'.
    pub(super) fn finish(mut self, trace: &Trace) -> Vec<Row> {
        for (row, o) in self.tasks.iter_mut().zip(self.open) {
            if let Some(o) = o {
                close_task(row, o, trace.end_time, self.pixel);
            }
        }
        let mut rows = self.tasks;
        if let Some(m) = self.machine {
            rows.extend(m.finish(trace, self.pixel));
        }
        rows
    }
}

/// End a task row's open segment at `t1`.
fn close_task(row: &mut Row, (lane, t0, blocking, ev): Open, t1: f64, pixel: f64) {
    if let Some(last) = row.segments.last_mut() {
        if let (true, Tip::Event { ev: first, changes }) = (t1 - last.t0 < pixel, &mut last.tip) {
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
    row.segments.push(Segment {
        t0,
        t1,
        lane,
        blocking,
        tip: Tip::Event { ev, changes: 1 },
        class: None,
    });
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

/// A row per thread and a row of busy cores, part built.
struct MachineRows {
    rows: Vec<Row>,
    /// Per thread: its state and since when.
    open: Vec<(ThreadState, f64)>,
    /// When a core was taken (+1) or given back (-1).
    busy_changes: Vec<(f64, i32)>,
}

impl MachineRows {
    /// None for a run without threads: it has no machine rows.
    fn new(trace: &Trace) -> Option<MachineRows> {
        if trace.threads.is_empty() {
            return None;
        }
        Some(MachineRows {
            rows: trace
                .threads
                .iter()
                .map(|t| Row {
                    label: format!("⚙ {}", t.name),
                    segments: Vec::new(),
                })
                .collect(),
            open: vec![(ThreadState::Idle, 0.0); trace.threads.len()],
            busy_changes: Vec::new(),
        })
    }

    fn event(&mut self, kind: &EventKind, t: f64, pixel: f64) {
        let EventKind::Thread { thread, state, .. } = kind else {
            return;
        };
        let i = *thread as usize;
        let Some((old, t0)) = self.open.get(i).copied() else {
            return;
        };
        close_thread(&mut self.rows[i], &old, t0, t, pixel);
        let was = matches!(old, ThreadState::Cpu { on_core: true, .. });
        let is = matches!(state, ThreadState::Cpu { on_core: true, .. });
        if was != is {
            self.busy_changes.push((t, if is { 1 } else { -1 }));
        }
        self.open[i] = (*state, t);
    }

    fn finish(mut self, trace: &Trace, pixel: f64) -> Vec<Row> {
        for (row, (st, t0)) in self.rows.iter_mut().zip(&self.open) {
            close_thread(row, st, *t0, trace.end_time, pixel);
        }
        // Cores in use over time.
        loopscope_core::sort_by(&mut self.busy_changes, |a, b| a.0.total_cmp(&b.0).is_lt());
        let cores = trace.cores.max(1) as f64;
        let mut cores_row = Row {
            label: format!("cores ({})", trace.cores),
            segments: Vec::new(),
        };
        let (mut busy, mut since) = (0i32, 0.0f64);
        for (t, d) in self
            .busy_changes
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
        self.rows.push(cores_row);
        self.rows
    }
}

/// End a thread row's segment in state `st` from `t0` to `t1`.
fn close_thread(row: &mut Row, st: &ThreadState, t0: f64, t1: f64, pixel: f64) {
    let Some((class, word)) = thread_class(st) else {
        return;
    };
    if t1 <= t0 && !matches!(st, ThreadState::Python) {
        return;
    }
    if let Some(last) = row.segments.last_mut() {
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
    row.segments.push(Segment {
        t0,
        t1,
        lane: Lane::Running,
        blocking: false,
        tip: Tip::Thread(word),
        class: Some(class),
    });
}

#[cfg(test)]
mod tests;
