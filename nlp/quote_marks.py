"""Quote marks in an article: where each direct quote starts and ends.

Quote marks are read per paragraph: double (straight or curly) and UK single quotes,
told apart from apostrophes by what stands either side. A quote left open at the end of
a paragraph continues only when the next paragraph opens with a quote mark (the press
convention for a quote over several paragraphs); otherwise it ends with its paragraph,
so an unbalanced mark never swallows the rest of the article.
"""
import re
from dataclasses import dataclass

OPENING = {"“": "”", '"': '"', "‘": "’", "'": "'", "’": "’"}
# Writers (and their software) mix curly and straight marks: either closes a quote.
CLOSINGS = {"“": "”\"", '"': '"”', "‘": "’'", "'": "'’", "’": "’'"}


@dataclass(frozen=True)
class QuoteSpan:
    """A run of quoted text: its character span (inside the marks) and the paragraph it belongs to."""

    start: int
    end: int
    continues_previous: bool = False


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "’":  # a closing mark set as an opening one: only before a capital ("’We will …’"), not "’90s"
        return (before.isspace() or before in "(:") and after.isupper()
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _could_close(text: str, i: int) -> bool:
    """A single mark that is not an apostrophe inside a word ("don’t")."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum() and i > 0 and not text[i - 1].isspace()


def _closing_at(text: str, i: int, marks: str) -> bool:
    mark = text[i]
    if mark not in marks:
        return False
    if mark in "’'":
        if not _could_close(text, i):
            return False
        # a plural possessive ("the trusts’ finances") when the sentence goes on in lower case and a later mark can close
        possessive = text[i - 1] == "s" and re.match(r"\s+[a-z]", text[i + 1 :])
        return not (possessive and any(text[j] in marks and _could_close(text, j) for j in range(i + 1, len(text))))
    return True


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted passage in ``text``, paragraph by paragraph."""
    spans: list[QuoteSpan] = []
    open_across = None  # the mark of a quote left open at the end of the previous paragraph
    for paragraph in re.finditer(r"[^\n]+", text):
        p_start, p_text = paragraph.start(), paragraph.group(0)
        i = 0
        stripped = len(p_text) - len(p_text.lstrip())
        if open_across and p_text[stripped:stripped + 1] not in OPENING:
            open_across = None
        while i < len(p_text):
            ch = p_text[i]
            if ch in OPENING and _is_opening(p_text, i):
                continues = open_across is not None and i == stripped
                closing = CLOSINGS[ch]
                j = i + 1
                while j < len(p_text) and not _closing_at(p_text, j, closing):
                    j += 1
                spans.append(QuoteSpan(p_start + i + 1, p_start + j, continues))
                if j >= len(p_text):  # no closing mark in this paragraph
                    open_across = ch
                    break
                open_across = None
                i = j + 1
                continue
            i += 1
        else:
            open_across = None
    return [s for s in spans if text[s.start : s.end].strip()]
