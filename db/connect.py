"""Open the tracker database with the settings every stage relies on."""
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """A transaction that takes SQLite's write lock as it begins (``BEGIN IMMEDIATE``).

    In WAL mode, a plain (deferred) transaction that reads before it writes fails at once
    with "database is locked" if another process wrote in between, whatever the busy
    timeout; one that takes the lock first waits its turn instead. Several crawler
    processes, or a crawl and an analysis, can then write to one database. Inside another
    transaction this is a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
