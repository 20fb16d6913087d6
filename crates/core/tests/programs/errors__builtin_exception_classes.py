names = []
classes = [Exception, BaseException, ArithmeticError, LookupError, ValueError, TypeError, KeyError, IndexError,
           ZeroDivisionError, AttributeError, NameError, UnboundLocalError, RuntimeError, NotImplementedError,
           RecursionError, AssertionError, OSError, ConnectionError, TimeoutError, OverflowError, StopIteration,
           KeyboardInterrupt, SystemExit, ExceptionGroup, BaseExceptionGroup, PermissionError, FileNotFoundError,
           ConnectionResetError, ConnectionRefusedError, BrokenPipeError, InterruptedError, UnicodeError,
           MemoryError, BufferError, EOFError, ImportError, ModuleNotFoundError, GeneratorExit, StopAsyncIteration]
for c in classes:
    try:
        raise c("m") if c not in (ExceptionGroup, BaseExceptionGroup) else c("m", [ValueError()])
    except BaseException as e:
        names.append(type(e).__name__)
print(names)
print(isinstance(ConnectionResetError(), ConnectionError), isinstance(ConnectionError(), OSError), isinstance(TimeoutError(), OSError))
print(isinstance(FileNotFoundError(), OSError), isinstance(RecursionError(), RuntimeError), isinstance(NotImplementedError(), RuntimeError))
