"""A progress bar on standard error for long runs, only when standard error is a terminal.

It appears once a run has lasted a second (NEWSLINE_PROGRESS_DELAY sets another number of seconds), so
short runs do not flash one.
Rich is imported only once a bar is shown, so runs into a pipe (and the cold start) never pay for it.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any


class ProgressBar:
    """Call it with (done, total) after each article; `close()` at the end. Nothing is drawn unless
    standard error is a terminal, the run has more than one article, and it has lasted `delay` seconds."""

    def __init__(self, label: str = "parsing", delay: float | None = None, stream: Any = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.delay = delay if delay is not None else _delay_from_env()
        self.enabled = _is_terminal(self.stream)
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 2:
            return
        if self._bar is None:
            if done >= total or time.monotonic() - self.started < self.delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("articles"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=total)
        self._bar.update(self._task, completed=done, refresh=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def _delay_from_env() -> float:
    try:
        return max(0.0, float(os.environ.get("NEWSLINE_PROGRESS_DELAY", "1")))
    except ValueError:
        return 1.0
