"""`tracker backup PATH`: a consistent copy of the database, taken while it is in use."""
import sqlite3
from pathlib import Path

PAGES_PER_STEP = 1024  # copy 4 MB at a time, so writers wait at most one step


class BackupFailed(Exception):
    """The copy could not be written or did not check out."""


def backup_database(source: str | Path, target: str | Path) -> int:
    """Copy ``source`` to ``target`` with SQLite's online backup API and check the copy.

    The copy is written beside ``target`` and renamed into place only once its integrity
    check passes, so an existing backup is never replaced by a broken one. Returns the
    copy's size in bytes.
    """
    source, target = Path(source), Path(target)
    if not source.is_file():
        raise FileNotFoundError(f"{source}: no such database")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reader, sqlite3.connect(partial) as copy:
            reader.backup(copy, pages=PAGES_PER_STEP)
            copy.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        reader.close()
        copy.close()
        if verdict != "ok":
            raise BackupFailed(f"{partial}: integrity check failed: {verdict}")
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        if partial.is_file():
            partial.unlink()
        raise BackupFailed(f"cannot back up {source} to {target}: {error}") from error
    return target.stat().st_size
