"""The stance lexicon (``nlp/data/stance_cues.toml``): cue words, negators, contrast markers and the
words that refer to or stand in for a topic."""
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from nlp.misspellings import read_through_slip, slip_index
from db.tomlfile import read_toml

CUES_FILE = Path(__file__).parent / "data" / "stance_cues.toml"


@dataclass(frozen=True)
class Cues:
    """The stance lexicon: cue lemmas (single words and phrases), negators, contrast markers."""

    polarities: dict[str, str]  # every cue, single word or phrase, with its polarity: "back" → "support"
    negators: frozenset[str]
    contrast: tuple[str, ...]
    not_organisational: frozenset[str]
    topic_references: frozenset[str]
    becoming: frozenset[str] = frozenset()  # "X will become an ACO": to become the topic is to back it
    effects: dict[str, str] = field(default_factory=dict)  # "the merger will improve care": what it does, judged
    term_variants: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "one organisation" is a "single organisation"
    paraphrases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "merger": "come together", "become part of", …
    misspelt: dict[str, str] = field(default_factory=dict)  # one-slip misspellings of long cues: "oppostion"

    def polarity(self, token: Token) -> str | None:
        """ "support" or "oppose" when ``token`` (alone or with the next word) is a cue.

        Nouns that name a topic ("the plan", "the proposal") are not cues on their own.
        """
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in self.topic_references:
            return None
        pair = f"{lemma} {token.nbor().lemma_.lower()}" if token.i + 1 < len(token.doc) else ""
        label = self.polarities.get(lemma) or self.polarities.get(token.lower_) or self.polarities.get(pair)
        if label:
            return label
        if token.is_alpha:
            return read_through_slip(token.text, self.polarities, self.misspelt)
        return None


def _by_polarity(table: dict) -> dict[str, str]:
    """Each word of a table's "support" and "oppose" lists, mapped to that polarity."""
    return {**{w: "support" for w in table["support"]}, **{w: "oppose" for w in table["oppose"]}}


def load_cues(path: Path = CUES_FILE) -> Cues:
    """Read the stance lexicon."""
    data = read_toml(path)
    polarities = _by_polarity(data)
    return Cues(
        polarities=polarities, negators=frozenset(data["negators"]),
        contrast=tuple(data["contrast"]), not_organisational=frozenset(data["not_organisational"]),
        topic_references=frozenset(data["topic_references"]),
        becoming=frozenset(data["becoming"]),
        effects=_by_polarity(data["effects"]),
        term_variants={word: tuple(variants) for word, variants in data["term_variants"].items()},
        paraphrases={term.lower(): tuple(others) for term, others in data["paraphrases"].items()},
        misspelt=slip_index(polarities),
    )


def after_negation(polarity: str, token: Token, cues: Cues) -> str | None:
    """``polarity`` as a negation on ``token`` leaves it: negated support opposes ("does not support"),
    negated opposition takes no side ("did not oppose")."""
    if not negated(token, cues):
        return polarity
    return "oppose" if polarity == "support" else None


def negated(token: Token, cues: Cues) -> bool:
    """True when ``token`` is negated: a "not" or "no" on it, or a negator just before it."""
    if any(child.dep_ == "neg" or child.lower_ in cues.negators for child in token.children):
        return True
    window = token.doc[max(token.sent.start, token.i - 3) : token.i]
    return any(t.lower_ in cues.negators for t in window)
