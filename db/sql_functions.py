"""SQL functions the publication's queries call, so that no parameter a reader types can break a query.

- ``fts_query(text)``: words typed into a search box as a full-text query that matches them
  as words; a query with no words ("", a lone quote mark) matches nothing instead of failing.
- ``since_date(text)``: a date typed by a reader ("2024-03-05", "2024-03", "yesterday",
  "3 days ago", "last week") as YYYY-MM-DD; nothing typed means the last week; anything
  else is NULL, which matches no row (the page says why, see ``date_problem``).
- ``stance_side(text)``: a side as typed ("Support", "backs", "opposes") as support, oppose or
  neutral; "" for every side; NULL when it is not a side.
- ``atom_time(text)``: any stored date, with or without a time or time zone, as the full
  timestamp with zone that an Atom feed needs; NULL when it is not a date.
"""
import re
from datetime import date, datetime, timedelta, timezone

from datasette.utils import escape_fts

NO_WORDS = '""'  # an empty phrase: valid FTS5, matches nothing
DEFAULT_SINCE_DAYS = 7
RELATIVE_DAYS = {"today": 0, "yesterday": 1, "last week": 7, "last month": 30, "last year": 365}
AGO = re.compile(r"^(\d{1,4})\s+(day|week|month|year)s?\s+ago$")
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
SIDE_WORDS = {
    "support": ("support", "supports", "backs", "back", "for"),
    "oppose": ("oppose", "opposes", "against"),
    "neutral": ("neutral", "without a side", "no side", "none"),
}
DATE_FORMAT_HINT = "a date such as 2024-03-05, 2024-03, today, yesterday, 3 days ago or last week"


def fts_query(text: str | None) -> str:
    """``text`` as an FTS5 query of quoted words; an empty phrase (matching nothing) when it has no words."""
    return escape_fts((text or "").strip()) or NO_WORDS


def since_date(text: str | None, today: date | None = None) -> str | None:
    """The date ``text`` means, as YYYY-MM-DD: a week ago when it is empty, None when it is not a date."""
    today = today or date.today()
    wanted = " ".join((text or "").lower().split())
    if not wanted:
        return (today - timedelta(days=DEFAULT_SINCE_DAYS)).isoformat()
    if wanted in RELATIVE_DAYS:
        return (today - timedelta(days=RELATIVE_DAYS[wanted])).isoformat()
    if match := AGO.match(wanted):
        return (today - timedelta(days=int(match[1]) * UNIT_DAYS[match[2]])).isoformat()
    if re.fullmatch(r"\d{4}-\d{2}", wanted):
        wanted += "-01"
    try:
        return datetime.fromisoformat(wanted.upper()).date().isoformat()
    except ValueError:
        return None


def date_problem(text: str | None) -> str | None:
    """What is wrong with a date a reader typed, in words for the page; None when it is a date (or empty)."""
    if since_date(text) is not None:
        return None
    return f"“{text}” is not a date: give {DATE_FORMAT_HINT}."


def stance_side(text: str | None) -> str | None:
    """The side ``text`` names (support, oppose or neutral), "" for any side, None when it names none."""
    wanted = " ".join((text or "").lower().split())
    if wanted in ("", "any", "all"):
        return ""
    return next((side for side, words in SIDE_WORDS.items() if wanted in words), None)


def atom_time(text: str | None) -> str | None:
    """A stored date or timestamp as ISO 8601 with seconds and zone (UTC when the page gave none)."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat(timespec="seconds")


def register_functions(conn) -> None:
    """Make the functions above callable from SQL on ``conn``.

    They are declared deterministic so SQLite computes them once per query when their argument
    is a parameter, rather than once per row.
    """
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.create_function("since_date", 1, since_date, deterministic=True)
    conn.create_function("stance_side", 1, stance_side, deterministic=True)
    conn.create_function("atom_time", 1, atom_time, deterministic=True)
