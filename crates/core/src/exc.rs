//! Python exceptions as values: the builtin class hierarchy and exception objects.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::{repr, to_str, Value};

/// The exception classes programs can raise and catch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum ExcType {
    BaseException,
    Exception,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    LookupError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    RuntimeError,
    RecursionError,
    NotImplementedError,
    NameError,
    UnboundLocalError,
    AttributeError,
    AssertionError,
    StopIteration,
    OSError,
    TimeoutError,
    KeyboardInterrupt,
    SystemExit,
    GeneratorExit,
    BaseExceptionGroup,
    ExceptionGroup,
    CancelledError,
    InvalidStateError,
    QueueEmpty,
    QueueFull,
    ImportError,
    ModuleNotFoundError,
    ConnectionError,
    BrokenPipeError,
    ConnectionAbortedError,
    ConnectionRefusedError,
    ConnectionResetError,
    FileNotFoundError,
    FileExistsError,
    PermissionError,
    InterruptedError,
    IsADirectoryError,
    NotADirectoryError,
    ProcessLookupError,
    ChildProcessError,
    BlockingIOError,
    UnicodeError,
    MemoryError,
    BufferError,
    EOFError,
    ReferenceError,
    SystemError,
    FloatingPointError,
    StopAsyncIteration,
    SyntaxError,
    Warning,
    UserWarning,
    DeprecationWarning,
    RuntimeWarning,
}

pub(crate) const ALL_EXC_TYPES: &[ExcType] = &[
    ExcType::BaseException,
    ExcType::Exception,
    ExcType::ArithmeticError,
    ExcType::ZeroDivisionError,
    ExcType::OverflowError,
    ExcType::LookupError,
    ExcType::KeyError,
    ExcType::IndexError,
    ExcType::ValueError,
    ExcType::TypeError,
    ExcType::RuntimeError,
    ExcType::RecursionError,
    ExcType::NotImplementedError,
    ExcType::NameError,
    ExcType::UnboundLocalError,
    ExcType::AttributeError,
    ExcType::AssertionError,
    ExcType::StopIteration,
    ExcType::OSError,
    ExcType::TimeoutError,
    ExcType::KeyboardInterrupt,
    ExcType::SystemExit,
    ExcType::GeneratorExit,
    ExcType::BaseExceptionGroup,
    ExcType::ExceptionGroup,
    ExcType::ImportError,
    ExcType::ModuleNotFoundError,
    ExcType::ConnectionError,
    ExcType::BrokenPipeError,
    ExcType::ConnectionAbortedError,
    ExcType::ConnectionRefusedError,
    ExcType::ConnectionResetError,
    ExcType::FileNotFoundError,
    ExcType::FileExistsError,
    ExcType::PermissionError,
    ExcType::InterruptedError,
    ExcType::IsADirectoryError,
    ExcType::NotADirectoryError,
    ExcType::ProcessLookupError,
    ExcType::ChildProcessError,
    ExcType::BlockingIOError,
    ExcType::UnicodeError,
    ExcType::MemoryError,
    ExcType::BufferError,
    ExcType::EOFError,
    ExcType::ReferenceError,
    ExcType::SystemError,
    ExcType::FloatingPointError,
    ExcType::StopAsyncIteration,
    ExcType::SyntaxError,
    ExcType::Warning,
    ExcType::UserWarning,
    ExcType::DeprecationWarning,
    ExcType::RuntimeWarning,
];

impl ExcType {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ExcType::BaseException => "BaseException",
            ExcType::Exception => "Exception",
            ExcType::ArithmeticError => "ArithmeticError",
            ExcType::ZeroDivisionError => "ZeroDivisionError",
            ExcType::OverflowError => "OverflowError",
            ExcType::LookupError => "LookupError",
            ExcType::KeyError => "KeyError",
            ExcType::IndexError => "IndexError",
            ExcType::ValueError => "ValueError",
            ExcType::TypeError => "TypeError",
            ExcType::RuntimeError => "RuntimeError",
            ExcType::RecursionError => "RecursionError",
            ExcType::NotImplementedError => "NotImplementedError",
            ExcType::NameError => "NameError",
            ExcType::UnboundLocalError => "UnboundLocalError",
            ExcType::AttributeError => "AttributeError",
            ExcType::AssertionError => "AssertionError",
            ExcType::StopIteration => "StopIteration",
            ExcType::OSError => "OSError",
            ExcType::TimeoutError => "TimeoutError",
            ExcType::KeyboardInterrupt => "KeyboardInterrupt",
            ExcType::SystemExit => "SystemExit",
            ExcType::GeneratorExit => "GeneratorExit",
            ExcType::BaseExceptionGroup => "BaseExceptionGroup",
            ExcType::ExceptionGroup => "ExceptionGroup",
            ExcType::CancelledError => "CancelledError",
            ExcType::InvalidStateError => "InvalidStateError",
            ExcType::QueueEmpty => "QueueEmpty",
            ExcType::QueueFull => "QueueFull",
            ExcType::ImportError => "ImportError",
            ExcType::ModuleNotFoundError => "ModuleNotFoundError",
            ExcType::ConnectionError => "ConnectionError",
            ExcType::BrokenPipeError => "BrokenPipeError",
            ExcType::ConnectionAbortedError => "ConnectionAbortedError",
            ExcType::ConnectionRefusedError => "ConnectionRefusedError",
            ExcType::ConnectionResetError => "ConnectionResetError",
            ExcType::FileNotFoundError => "FileNotFoundError",
            ExcType::FileExistsError => "FileExistsError",
            ExcType::PermissionError => "PermissionError",
            ExcType::InterruptedError => "InterruptedError",
            ExcType::IsADirectoryError => "IsADirectoryError",
            ExcType::NotADirectoryError => "NotADirectoryError",
            ExcType::ProcessLookupError => "ProcessLookupError",
            ExcType::ChildProcessError => "ChildProcessError",
            ExcType::BlockingIOError => "BlockingIOError",
            ExcType::UnicodeError => "UnicodeError",
            ExcType::MemoryError => "MemoryError",
            ExcType::BufferError => "BufferError",
            ExcType::EOFError => "EOFError",
            ExcType::ReferenceError => "ReferenceError",
            ExcType::SystemError => "SystemError",
            ExcType::FloatingPointError => "FloatingPointError",
            ExcType::StopAsyncIteration => "StopAsyncIteration",
            ExcType::SyntaxError => "SyntaxError",
            ExcType::Warning => "Warning",
            ExcType::UserWarning => "UserWarning",
            ExcType::DeprecationWarning => "DeprecationWarning",
            ExcType::RuntimeWarning => "RuntimeWarning",
        }
    }

    /// The name as `repr(type)` shows it (`asyncio.exceptions.CancelledError`).
    pub(crate) fn qualified_name(self) -> String {
        match self {
            ExcType::CancelledError | ExcType::InvalidStateError => {
                format!("asyncio.exceptions.{}", self.name())
            }
            ExcType::QueueEmpty | ExcType::QueueFull => format!("asyncio.queues.{}", self.name()),
            _ => self.name().to_string(),
        }
    }

    pub(crate) fn parent(self) -> Option<ExcType> {
        use ExcType::*;
        Some(match self {
            BaseException => return None,
            Exception | KeyboardInterrupt | SystemExit | GeneratorExit | BaseExceptionGroup
            | CancelledError => BaseException,
            ArithmeticError | LookupError | ValueError | TypeError | RuntimeError | NameError
            | AttributeError | AssertionError | StopIteration | OSError | InvalidStateError
            | QueueEmpty | QueueFull | ImportError => Exception,
            ModuleNotFoundError => ImportError,
            ZeroDivisionError | OverflowError => ArithmeticError,
            KeyError | IndexError => LookupError,
            RecursionError | NotImplementedError => RuntimeError,
            UnboundLocalError => NameError,
            TimeoutError => OSError,
            ExceptionGroup => BaseExceptionGroup,
            ConnectionError | FileNotFoundError | FileExistsError | PermissionError
            | InterruptedError | IsADirectoryError | NotADirectoryError | ProcessLookupError
            | ChildProcessError | BlockingIOError => OSError,
            BrokenPipeError
            | ConnectionAbortedError
            | ConnectionRefusedError
            | ConnectionResetError => ConnectionError,
            UnicodeError => ValueError,
            MemoryError | BufferError | EOFError | ReferenceError | SystemError
            | StopAsyncIteration | SyntaxError | Warning => Exception,
            FloatingPointError => ArithmeticError,
            UserWarning | DeprecationWarning | RuntimeWarning => Warning,
        })
    }

    pub(crate) fn is_subclass_of(self, other: ExcType) -> bool {
        let mut t = Some(self);
        while let Some(c) = t {
            if c == other {
                return true;
            }
            // ExceptionGroup is also an Exception.
            if c == ExcType::ExceptionGroup && other == ExcType::Exception {
                return true;
            }
            t = c.parent();
        }
        false
    }
}

pub(crate) type ExcRef = Rc<ExcObj>;

/// A raised (or raisable) exception object.
pub(crate) struct ExcObj {
    pub(crate) typ: ExcType,
    pub(crate) args: Vec<Value>,
    /// For exception groups: the exceptions inside.
    pub(crate) group: Vec<Value>,
    /// Line where it was raised (0 before it is raised).
    pub(crate) line: RefCell<u32>,
    /// The exception this one was raised from (`__cause__`).
    pub(crate) cause: RefCell<Option<ExcRef>>,
    /// The exception being handled when this one was raised (`__context__`).
    pub(crate) context: RefCell<Option<ExcRef>>,
    /// `raise ... from ...` was used (`__suppress_context__`).
    pub(crate) suppress_context: std::cell::Cell<bool>,
}

impl ExcObj {
    pub(crate) fn new(typ: ExcType, args: Vec<Value>) -> ExcRef {
        Rc::new(ExcObj {
            typ,
            args,
            group: Vec::new(),
            line: RefCell::new(0),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: std::cell::Cell::new(false),
        })
    }

    pub(crate) fn msg(typ: ExcType, msg: impl Into<String>) -> ExcRef {
        let msg: String = msg.into();
        ExcObj::new(typ, vec![Value::str(&msg)])
    }

    pub(crate) fn bare(typ: ExcType) -> ExcRef {
        ExcObj::new(typ, Vec::new())
    }

    pub(crate) fn group(typ: ExcType, msg: &str, excs: Vec<Value>) -> ExcRef {
        Rc::new(ExcObj {
            typ,
            args: vec![Value::str(msg), Value::list(excs.clone())],
            group: excs,
            line: RefCell::new(0),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: std::cell::Cell::new(false),
        })
    }

    pub(crate) fn is(&self, typ: ExcType) -> bool {
        self.typ.is_subclass_of(typ)
    }

    /// `str(exc)`.
    pub(crate) fn message(&self) -> String {
        if matches!(
            self.typ,
            ExcType::ExceptionGroup | ExcType::BaseExceptionGroup
        ) {
            let n = self.group.len();
            let m = self.args.first().map(to_str).unwrap_or_default();
            return format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" });
        }
        match self.args.as_slice() {
            [] => String::new(),
            [one] if self.typ == ExcType::KeyError => repr(one),
            [one] => to_str(one),
            many => repr(&Value::tuple(many.to_vec())),
        }
    }

    /// `repr(exc)`: `ValueError('bad')`.
    pub(crate) fn repr(&self) -> String {
        let mut out = String::new();
        crate::value::write_exc(&mut out, self, &mut Vec::new());
        out
    }

    /// The last line CPython prints for an uncaught exception: `Name: message`.
    pub(crate) fn traceback_line(&self) -> String {
        let m = self.message();
        let name = self.typ.name();
        if m.is_empty() && self.args.is_empty() {
            // CPython prints "TimeoutError" alone for a bare exception class, but the
            // oracle writes `{type}: {str}`, which keeps the trailing space.
            format!("{name}: ")
        } else {
            format!("{name}: {m}")
        }
    }
}
