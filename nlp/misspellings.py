"""Tolerance for the commonest typing slips in news text ("oppostion", "suppport", "merger palns").

A long word with one letter dropped, one letter doubled or added, or two neighbouring
letters swapped still reads as the word meant. Substituted letters are not forgiven:
they too often make another real word ("concern" and "concert").
"""
MIN_LENGTH = 7  # shorter words have too many real-word neighbours one slip away


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _transpositions(word: str) -> set[str]:
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]}


def slip_index(words: dict[str, str]) -> dict[str, str]:
    """Map each one-slip misspelling (a dropped letter or swapped neighbours) of the long ``words`` to their value.

    ``words`` maps a correctly spelt word to what it stands for (a cue's polarity, say).
    A misspelling that two words share with different values is left out as ambiguous.
    """
    index: dict[str, str] = {}
    clashes: set[str] = set()
    for word, value in words.items():
        if len(word) < MIN_LENGTH or " " in word:
            continue
        for variant in (_deletions(word) | _transpositions(word)) - {word}:
            if index.get(variant, value) != value:
                clashes.add(variant)
            index[variant] = value
    return {variant: value for variant, value in index.items() if variant not in clashes and variant not in words}


def read_through_slip(token_text: str, words: dict[str, str], index: dict[str, str]) -> str | None:
    """The value of the word ``token_text`` misspells by one slip, or None when it is not one.

    ``index`` is ``slip_index(words)``; an added letter is found by deleting each of the token's letters.
    """
    text = token_text.lower()
    if len(text) < MIN_LENGTH - 1 or text in words:
        return None
    if text in index:
        return index[text]
    added = {words[d] for d in _deletions(text) if d in words and len(d) >= MIN_LENGTH}
    return added.pop() if len(added) == 1 else None


def one_slip_apart(written: str, meant: str) -> bool:
    """True when ``written`` is ``meant`` with one letter dropped, one added or two neighbours swapped
    ("Moor" for "Moore"); case is ignored, and equal words are no slip."""
    written, meant = written.lower(), meant.lower()
    return written != meant and (written in _deletions(meant) | _transpositions(meant) or meant in _deletions(written))
