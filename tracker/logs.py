"""Where the tracker's log lines go: a rotating file always, and the terminal or cron mail.

The file gets everything at INFO, Scrapy's detail included, so a failed night can be read
afterwards. The console gets the tracker's own INFO lines but only Scrapy's warnings, so
cron mail stays short; in a terminal, it prints through the progress bars' console.
"""
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 10 * 1024 * 1024
BACKUPS = 5  # tracker.log.1 … tracker.log.5: about two months of nightly runs


def default_log_file(db_path: str | Path) -> Path:
    """The log file beside the database: ``<db folder>/logs/tracker.log``."""
    return Path(db_path).parent / "logs" / "tracker.log"


class _QuietLibraries(logging.Filter):
    """Let through the tracker's own records, and only warnings and errors from libraries."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name.startswith("tracker") or record.levelno >= logging.WARNING


def configure_logging(log_file: str | Path, console=None, max_bytes: int = MAX_BYTES) -> None:
    """Send log records to ``log_file`` (rotated at ``max_bytes``, 5 kept) and to stderr or a rich ``console``."""
    log_file = Path(log_file)
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.INFO)
    to_file = RotatingFileHandler(log_file, maxBytes=max_bytes, backupCount=BACKUPS, encoding="utf-8")
    to_file.setFormatter(logging.Formatter(LOG_FORMAT))
    to_file.setLevel(logging.INFO)  # Scrapy sets its own loggers to DEBUG
    root.addHandler(to_file)
    if console is not None:
        from rich.logging import RichHandler

        to_console = RichHandler(console=console, show_path=False)
    else:
        to_console = logging.StreamHandler()
        to_console.setFormatter(logging.Formatter(LOG_FORMAT))
    to_console.addFilter(_QuietLibraries())
    root.addHandler(to_console)
