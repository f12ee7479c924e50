"""Open the tracker database with the settings every stage relies on."""
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from db.schema import apply_migrations

DEFAULT_DB = Path("data/tracker.db")


class DatabaseUnwritable(Exception):
    """The database path cannot be created, opened or written."""


def open_db(path: str | Path = DEFAULT_DB) -> Database:
    """Open (creating if needed) the database at ``path`` with WAL, foreign keys and the current schema."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        # A busy timeout lets a reader or a second writer wait for the lock instead of
        # failing at once; WAL lets Datasette read while a nightly run writes.
        db.execute("PRAGMA busy_timeout = 30000")
        db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        apply_migrations(db)
    except (OSError, sqlite3.OperationalError, sqlite3.DatabaseError) as error:
        raise DatabaseUnwritable(f"cannot open database {path}: {error}") from error
    return db
