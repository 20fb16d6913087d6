//! CPython's asyncio, reproduced to the callback: futures and tasks, the event loop, primitives and combinators.

pub(crate) mod combinators;
pub(crate) mod event_loop;
pub(crate) mod native;
pub(crate) mod objects;
pub(crate) mod task;
