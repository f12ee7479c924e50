"""The Datasette publication: metadata, templates, settings, and the database published as "tracker".

``publication(db_path)`` builds the Datasette instance that ``tracker serve`` runs and the
tests query in-process, so both see exactly the same site. The database is always
published under the name "tracker", whatever its file is called, because the metadata,
canned queries and templates address it by that name.
"""
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
METADATA = HERE / "metadata.yml"
TEMPLATES = HERE / "templates"
DATABASE_NAME = "tracker"

SETTINGS = {
    # A runaway query must not hold the server; canned queries answer far below this.
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "default_page_size": 50,
    # Table pages show the start of long texts (article bodies), not pages of them; the row page has the whole.
    "truncate_cells_html": 240,
    # Suggesting facets runs a query per column on every table page: too slow on a big archive.
    "suggest_facets": False,
}


def load_metadata() -> dict:
    """The publication's metadata (``db/metadata.yml``) as a dictionary."""
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


# How long the row counts of the database page are reused: the data changes once a night.
TABLE_COUNTS_SECONDS = 300


def publication(db_path: str | Path):
    """A read-only Datasette over ``db_path`` with the tracker's metadata, templates and settings."""
    # Imported here: loading Datasette loads its plugins, and ours imports this module.
    from datasette.app import Datasette
    from datasette.database import Database

    class NightlyDatabase(Database):
        """A database whose table row counts (counted afresh, table by table, on every database page) are
        reused for a few minutes: counting a million-row table on each visit costs more than the page."""

        _counts: tuple[float, int, dict] | None = None

        async def table_counts(self, limit=10):
            """The row count of every table, counted at most once every ``TABLE_COUNTS_SECONDS``."""
            if self._counts and self._counts[1] == limit and time.monotonic() - self._counts[0] < TABLE_COUNTS_SECONDS:
                return self._counts[2]
            counts = await super().table_counts(limit)
            self._counts = (time.monotonic(), limit, counts)
            return counts

    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such database; run `tracker crawl` first")
    datasette = Datasette([], metadata=load_metadata(), template_dir=str(TEMPLATES), settings=SETTINGS)
    datasette.remove_database("_memory")
    datasette.add_database(NightlyDatabase(datasette, path=str(path), is_mutable=True), name=DATABASE_NAME)
    return datasette
