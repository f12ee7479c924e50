"""One nightly run at a time: an exclusive lock on a file beside the database.

The lock is an ``flock`` held by the running process, so the kernel releases it when the
process ends however it ends (even ``kill -9``): a stale lock file cannot block the next run.
The file holds the holder's pid while it runs; a pid left in it means the last run was
killed, which the next run logs when it takes the lock over.
"""
import fcntl
import logging
import os
from contextlib import contextmanager
from pathlib import Path


logger = logging.getLogger("tracker.lock")


class AlreadyRunning(Exception):
    """Another run holds the lock."""


@contextmanager
def exclusive_run(db_path: str | Path):
    """Hold ``<db>.lock`` for the duration of the block, or raise AlreadyRunning."""
    lock_path = Path(f"{db_path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise AlreadyRunning(f"another run (pid {holder}) holds {lock_path}") from None
        handle.seek(0)
        left_behind = handle.read().strip()
        if left_behind:
            logger.warning("recovered the lock %s left by process %s, which ended without releasing it", lock_path, left_behind)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
