"""How dates, confidences and the reasons for a stance are written on the publication's pages.

They are registered as Jinja filters (``day``, ``percent``, ``why``, ``snippet``), so every
page writes them the same way.
"""
from markupsafe import Markup, escape


def day(value) -> str:
    """The date part (YYYY-MM-DD) of a stored date or timestamp; "" when there is none."""
    return str(value)[:10] if value else ""


def percent(confidence) -> str:
    """A confidence from 0 to 1 as a whole percentage ("85%"); "" when there is none."""
    if confidence is None:
        return ""
    return f"{round(float(confidence) * 100)}%"


def stance_reason(cues: str | None, link: str | None, confidence) -> str:
    """Why a stance was read, in a line: the cue words, how the stakeholder was tied to them, how sure.

    >>> stance_reason("backs", "subject of the cue", 0.8500000000000001)
    'read from “backs” · subject of the cue · 85% sure'
    """
    parts = []
    if cues:
        parts.append(f"read from “{cues}”")
    if link:
        parts.append(link)
    if confidence is not None:
        parts.append(f"{percent(confidence)} sure")
    return " · ".join(parts)


def why(row: dict) -> str:
    """The reason for the stance of a ``stances`` row, or for the latest side of a ``stakeholder_positions`` row."""
    if "latest_link" in row:
        return stance_reason(row.get("latest_cues"), row.get("latest_link"), row.get("latest_confidence"))
    return stance_reason(row.get("cues"), row.get("link"), row.get("confidence"))


def highlighted_snippet(text: str) -> Markup:
    """A search snippet escaped, with only the ``<b>``…``</b>`` marks of SQLite's ``snippet()`` kept as markup."""
    escaped = str(escape(text))
    return Markup(escaped.replace("&lt;b&gt;", "<b>").replace("&lt;/b&gt;", "</b>"))


FILTERS = {"day": day, "percent": percent, "why": why, "snippet": highlighted_snippet}
