"""Run the publication (``db/publication.py``) as a web server."""
from pathlib import Path

from db.publication import publication


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve Datasette over ``db_path`` in the foreground until interrupted."""
    import uvicorn

    datasette = publication(db_path)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
