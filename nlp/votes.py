"""Vote counts in a sentence: "seven votes in support … and four against", "voted 13 to one in favour".

When a sentence reports both sides of a ballot, the side with more votes is the position it
shows, whatever other words ("the highest proportion of opposition") say.
"""
import re

from nlp.vocabulary import VOCABULARY

NUMBER_WORDS = VOCABULARY.numbers
_NUMBER = rf"(\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})"
_FOR = r"(?:in favour|in favor|in support|for|yes)"
_AGAINST = r"(?:against|opposed|in opposition|no)"
# "13 to one in favour": the first number is the side named.
_SCORE = re.compile(rf"\b{_NUMBER}\s+to\s+{_NUMBER}\s+(?P<side>{_FOR}|{_AGAINST})\b", re.IGNORECASE)
# "seven votes in support", "24 for", "four ‘no’ votes": a number with up to two words before its side.
_COUNT = re.compile(rf"\b{_NUMBER}\s+(?:[‘'’\w]+\s+){{0,2}}?[‘'“\"]?(?P<side>{_FOR}|{_AGAINST})\b", re.IGNORECASE)


def _value(text: str) -> float:
    return float(text) if text[0].isdigit() else NUMBER_WORDS[text.lower()]


def _is_for(side: str) -> bool:
    return re.fullmatch(_FOR, side, re.IGNORECASE) is not None


def ballot_side(text: str) -> str | None:
    """ "support" or "oppose" when ``text`` counts votes on both sides and one side has more; else None."""
    score = _SCORE.search(text)
    if score:
        first, second = _value(score.group(1)), _value(score.group(2))
        if first == second:
            return None
        return "support" if (first > second) == _is_for(score.group("side")) else "oppose"
    totals = {"support": 0.0, "oppose": 0.0}
    for count in _COUNT.finditer(text):
        totals["support" if _is_for(count.group("side")) else "oppose"] += _value(count.group(1))
    if not all(totals.values()) or totals["support"] == totals["oppose"]:
        return None
    return max(totals, key=totals.get)
