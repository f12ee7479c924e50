"""Serve the database with Datasette and the tracker's metadata."""
from pathlib import Path

METADATA = Path(__file__).resolve().parent.parent / "db" / "metadata.yml"
TEMPLATES = METADATA.parent / "templates"


def datasette_arguments(db_path: str | Path, host: str, port: int) -> list[str]:
    """The ``datasette serve`` arguments for a read-only publication of ``db_path``."""
    return [
        "serve", str(db_path),
        "--metadata", str(METADATA),
        "--host", host,
        "--port", str(port),
        "--setting", "sql_time_limit_ms", "3000",
        "--setting", "facet_time_limit_ms", "500",
        "--setting", "default_page_size", "50",
    ]


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette in the foreground until interrupted."""
    from datasette.cli import cli

    cli.main(args=datasette_arguments(db_path, host, port), prog_name="datasette", standalone_mode=True)
