"""Query a tracker database through Datasette in-process, configured exactly as ``tracker serve`` is."""
from pathlib import Path

from db.publication import publication


async def datasette_get(db_path: Path, path: str, status: int = 200):
    """GET ``path`` and return the decoded JSON, checking the status code."""
    response = await publication(db_path).client.get(path)
    assert response.status_code == status, response.text[:500]
    return response.json()


async def datasette_page(db_path: Path, path: str, status: int = 200) -> str:
    """GET ``path`` and return the HTML, checking the status code."""
    response = await publication(db_path).client.get(path)
    assert response.status_code == status, response.text[:500]
    return response.text
