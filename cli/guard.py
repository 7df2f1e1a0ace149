"""What the command does when its run is cut short: standard output that cannot be written (a full disk,
a closed descriptor, a reader that went away) and termination signals (SIGTERM from `kill`, `timeout`,
systemd or `docker stop`; SIGINT from Ctrl-C).

Both end the run through Python's exception unwinding, so every `with` block on the way out runs: the
scratch directory of `--format jsonl` is removed and the worker pool is shut down, exactly as on an
error. `cli.main.run` turns them into one line on standard error and an exit code.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Iterable
from typing import Any

# 128 + the signal's number: what a shell reports for a process a signal ended, and what `timeout` and
# service managers expect from a program that cleaned up and exited because of one.
EXIT_SIGINT = 128 + signal.SIGINT
EXIT_SIGTERM = 128 + signal.SIGTERM


class OutputError(Exception):
    """Standard output could not be written (full disk, closed or read-only descriptor)."""


class ReaderGone(Exception):
    """The reader of standard output went away (`newsline ... | head`): not an error of ours.

    Not an OSError on purpose: Rich answers a BrokenPipeError itself with exit code 1, and the other
    formats must not be told apart from the table."""


class Terminated(BaseException):
    """SIGTERM or SIGINT arrived (`signum`). A BaseException, like KeyboardInterrupt, so that no `except
    Exception` of a worker-error handler takes it for a failed article; not a KeyboardInterrupt, which
    Typer would turn into a silent exit."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


class GuardedOutput:
    """Standard output for the command: writes that fail raise `OutputError` (or `ReaderGone` for a
    broken pipe) instead of an OSError traceback; `target` None is a closed descriptor (`>&-`), which
    Python shows as `sys.stdout is None`."""

    def __init__(self, target: Any) -> None:
        self._target = target

    def _call(self, name: str, *args: Any) -> Any:
        if self._target is None:
            raise OutputError("standard output is closed")
        try:
            return getattr(self._target, name)(*args)
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if exc.errno == errno.EBADF:
                reason = "standard output is closed or not open for writing"
            raise OutputError(reason) from None

    def write(self, text: str) -> int:
        return self._call("write", text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._call("flush")

    def isatty(self) -> bool:
        return self._target is not None and self._target.isatty()

    def __getattr__(self, name: str) -> Any:
        # encoding, fileno, errors and the like, which Rich reads; a closed output has none of them.
        if self._target is None:
            raise AttributeError(name)
        return getattr(self._target, name)


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that what is still buffered for standard output when the
    interpreter exits is dropped quietly instead of failing again (the advice of Python's signal docs for
    a broken pipe)."""
    # The interpreter flushes sys.stdout once more at exit: let it find nothing to fail on.
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (open until the process ends)
    out = sys.__stdout__
    if out is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


_MAIN_PID = os.getpid()
_RECEIVED: list[int] = []


def received() -> int | None:
    """The signal that arrived, if one did. An exception raised by a signal handler is lost when the
    signal lands while Python runs a finaliser (`__del__`, a weakref callback), whose exceptions are only
    printed: the caller checks this too, so that such a run still ends as stopped by the signal."""
    return _RECEIVED[0] if _RECEIVED else None


def _on_signal(signum: int, frame: object) -> None:
    if os.getpid() != _MAIN_PID:
        # A forked worker inherits this handler: it ends as the signal's default action would, quietly;
        # the main process reports.
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    _RECEIVED.append(signum)
    # Workers first: the pool's shutdown on the way out would otherwise wait for the chunks they are
    # parsing (minutes for a long article), and a worker left behind waits for work for ever.
    # (multiprocessing is looked up, not imported: without it loaded no worker was started, and importing
    # it costs every command's cold start 11 ms.)
    mp = sys.modules.get("multiprocessing")
    for child in mp.active_children() if mp is not None else []:
        child.terminate()
    raise Terminated(signum)


def end_after_signal(code: int) -> None:
    """End the process with `code` once a signal's run has cleaned up and said so: reap the workers the
    handler stopped (killing any that outlived a grace period) and exit without the interpreter's exit
    handlers. Those join the worker pool's queues and processes, which the signal has already torn down;
    once, in CI, they waited for ever after the message was printed (stop 23). What they would also do,
    remove the scratch files, the `with` blocks on the way out have done."""
    # A second Ctrl-C meanwhile ends the process at once, without a traceback from a handler's exception.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    mp = sys.modules.get("multiprocessing")
    for child in mp.active_children() if mp is not None else []:
        child.join(2.0)
        if child.is_alive():
            child.kill()
            child.join(2.0)
    for stream in (sys.stderr, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def install_signal_handlers() -> None:
    """SIGTERM and SIGINT end the run by an exception in the main process (cleanup runs on the way out)
    after stopping any worker processes; call once, in the main process, before any worker starts."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    previous = sys.unraisablehook

    def quiet(unraisable: Any) -> None:
        # A Terminated raised in a finaliser is lost there ("Exception ignored in ..."): not printed, since
        # `received()` ends the run as stopped by the signal all the same.
        if not isinstance(unraisable.exc_value, Terminated):
            previous(unraisable)

    sys.unraisablehook = quiet
