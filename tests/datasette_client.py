"""Query a tracker database through Datasette in-process, with the tracker's metadata."""
from pathlib import Path

import yaml
from datasette.app import Datasette

from tracker.publishing import METADATA


def tracker_datasette(db_path: Path) -> Datasette:
    """A Datasette instance configured as ``tracker serve`` configures it."""
    return Datasette([str(db_path)], metadata=yaml.safe_load(METADATA.read_text(encoding="utf-8")))


async def datasette_get(db_path: Path, path: str, status: int = 200):
    """GET ``path`` and return the decoded JSON, checking the status code."""
    response = await tracker_datasette(db_path).client.get(path)
    assert response.status_code == status, response.text[:500]
    return response.json()
