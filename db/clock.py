"""The one place the tracker reads the clock, so every stored time has the same format."""
from datetime import datetime, timezone


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds, e.g. ``2026-11-23T06:15:00+00:00``."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
