"""Normalised keys for organisation and person names, used to resolve the forms of a name to one record."""
import re

# Words that vary between the forms of one organisation's name ("X NHS Foundation Trust",
# "X FT", "the X Trust") and so carry no identity.
ORGANISATION_NOISE = {"the", "nhs", "foundation", "ft", "trust", "plc", "ltd", "limited"}
# Short forms that stand for the same words inside a name.
ORGANISATION_SHORT_FORMS = {
    "ccg": "clinical commissioning group",
    "ccgs": "clinical commissioning groups",
    "icb": "integrated care board",
    "ics": "integrated care system",
    "lmc": "local medical committee",
    "lmcs": "local medical committees",
    "staffs": "staffordshire",
    "gps": "general practitioners",
}
TITLES = {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "baroness", "cllr", "councillor", "rev"}


def words(text: str) -> list[str]:
    """Lower-case words of ``text``: "&" read as "and", hyphens and apostrophes as spaces."""
    text = (text or "").lower().replace("&", " and ")
    text = re.sub(r"[’'`\-–]", " ", text)
    return re.sub(r"[^\w\s]", " ", text).split()


def organisation_key(name: str) -> str:
    """The key under which all forms of an organisation's name meet.

    >>> organisation_key("University Hospitals of North Midlands NHS Trust") == organisation_key("University Hospitals of North Midlands Trust")
    True
    """
    expanded = " ".join(ORGANISATION_SHORT_FORMS.get(w, w) for w in words(name)).split()
    return " ".join(w for w in expanded if w not in ORGANISATION_NOISE)


def person_key(name: str) -> str:
    """The key of a person's name: titles dropped, lower case."""
    return " ".join(w for w in words(name) if w not in TITLES)
