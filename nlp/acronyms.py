"""Acronyms defined in the text, "University Hospitals of North Midlands (UHNM)": Schwartz and Hearst (2003).

The long form is accepted when every letter of the acronym can be found in it, in order,
right to left, the first letter of the acronym starting a word of the long form.
"""
import re

ACRONYM = re.compile(r"\(\s*(?:the\s+)?([A-Za-z][A-Za-z&]{1,9})\s*\)")


def long_form_matches(short: str, long: str) -> bool:
    """True when ``long`` can stand for ``short`` by the Schwartz–Hearst letter-matching rule."""
    short_letters = [c.lower() for c in short if c.isalnum()]
    if not short_letters or not any(c.isupper() for c in short):
        return False
    s, l = len(short_letters) - 1, len(long) - 1
    while s >= 0:
        wanted = short_letters[s]
        while l >= 0 and (long[l].lower() != wanted or (s == 0 and l > 0 and long[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return False
        s -= 1
        l -= 1
    return True


def find_definitions(text: str, candidates: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Acronyms defined right after one of the ``candidates`` spans: {acronym: (start, end) of the long form}.

    ``candidates`` are character spans of names (organisations) that may be followed by
    their acronym in brackets.
    """
    ends = {end: (start, end) for start, end in candidates}
    definitions = {}
    for match in ACRONYM.finditer(text):
        before = text[: match.start()].rstrip()
        span = ends.get(len(before))
        short = match.group(1)
        if span and long_form_matches(short, text[span[0] : span[1]]):
            definitions.setdefault(short, span)
    return definitions
