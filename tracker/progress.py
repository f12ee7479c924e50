"""Progress of a long stage: bars in a terminal, plain log lines in cron mail and log files.

Stages report ``update(task, done, total, detail)`` as often as they like; the reporter
decides what to show. ``total`` is None while it is unknown (a crawl discovers its pages as
it goes).
"""
import logging
import time

logger = logging.getLogger("tracker.progress")


class PlainProgress:
    """Log one line per task at most every ``interval`` seconds, and always its last state."""

    def __init__(self, interval: float = 30.0):
        self.interval = interval
        self._last_logged: dict[str, float] = {}
        self._last_state: dict[str, tuple[int, int | None, str]] = {}

    def update(self, task: str, done: int, total: int | None = None, detail: str = "") -> None:
        """Record the task's state; log it when the last line is older than the interval."""
        self._last_state[task] = (done, total, detail)
        now = time.monotonic()
        if now - self._last_logged.get(task, float("-inf")) >= self.interval:
            self._log(task)
            self._last_logged[task] = now

    def finish(self, task: str) -> None:
        """Log the task's final state."""
        if task in self._last_state:
            self._log(task)

    def _log(self, task: str) -> None:
        done, total, detail = self._last_state[task]
        count = f"{done}/{total}" if total is not None else str(done)
        logger.info("%s: %s%s", task, count, f" ({detail})" if detail else "")

    def __enter__(self) -> "PlainProgress":
        return self

    def __exit__(self, *exc) -> None:
        """Nothing to release: every line has been logged as it came."""


class BarProgress:
    """Live progress bars on the terminal (rich), one per task."""

    def __init__(self, console=None):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bars = Progress(
            TextColumn("[bold]{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=console, transient=False,
        )
        self._tasks: dict[str, int] = {}

    @property
    def console(self):
        """The rich console the bars draw on; log lines go through it so they print above the bars."""
        return self._bars.console

    def update(self, task: str, done: int, total: int | None = None, detail: str = "") -> None:
        """Move the task's bar; a task seen for the first time gets a bar of its own."""
        if task not in self._tasks:
            self._tasks[task] = self._bars.add_task(task, total=total, detail=detail)
        self._bars.update(self._tasks[task], completed=done, total=total, detail=detail)

    def finish(self, task: str) -> None:
        """Stop the task's clock; a task whose total was unknown ends as a full bar."""
        if task in self._tasks:
            bar = self._bars.tasks[self._tasks[task]]
            self._bars.update(self._tasks[task], total=bar.completed)
            self._bars.stop_task(self._tasks[task])

    def __enter__(self) -> "BarProgress":
        self._bars.start()
        return self

    def __exit__(self, *exc) -> None:
        self._bars.stop()
