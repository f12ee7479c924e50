"""Normalised keys for organisation and person names, used to resolve the forms of a name to one record."""
import re
from difflib import SequenceMatcher

from nlp.vocabulary import VOCABULARY

# Words that vary between the forms of one organisation's name ("X NHS Foundation Trust",
# "X FT", "the X Trust") and so carry no identity.
ORGANISATION_NOISE = {"the", "nhs", "foundation", "ft", "trust", "plc", "ltd", "limited"}
# Short forms that stand for the same words inside a name (for matching, in lower case).
ORGANISATION_SHORT_FORMS = {
    **{short.lower(): full.lower() for short, full in VOCABULARY.short_heads.items()},
    **{short.lower() + "s": full.lower() + "s" for short, full in VOCABULARY.short_heads.items()},
    "staffs": "staffordshire",
    "gps": "general practitioners",
}
TITLES = VOCABULARY.titles


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


def _missing_word(shorter: list[str], longer: list[str]) -> str | None:
    """The one word of ``longer`` that ``shorter`` leaves out, keeping the order of the rest; else None."""
    for i, word in enumerate(longer):
        if longer[:i] + longer[i + 1 :] == shorter:
            return word
    return None


def near_copy(key: str, other: str) -> bool:
    """True when two organisation keys are the same body's name with a describing word missing
    ("University Hospitals of North Midlands" / "… of North Midlands Hospitals") or a typing slip.
    A missing place word makes another body: "East Staffordshire" is not "East"."""
    words_, other_words = key.split(), other.split()
    if len(words_) == len(other_words) and sum(a != b for a, b in zip(words_, other_words)) == 1 \
            and any(a + "s" == b or b + "s" == a for a, b in zip(words_, other_words)):
        return True  # "NHS Improvements" for "NHS Improvement"
    if not words_ or not other_words or words_[-1] != other_words[-1]:
        return False  # a different head word ("… Council", "… Group") is a different body
    if len(words_) >= 3 and len(other_words) - len(words_) == 1:
        missing = _missing_word(words_, other_words)
        if missing is not None:
            return missing in VOCABULARY.descriptor_words
    return len(key) >= 20 and SequenceMatcher(None, key, other).ratio() >= 0.95
