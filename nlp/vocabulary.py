"""The domain vocabulary (``nlp/data/vocabulary.toml``), read once and shared by every module that needs it.

NHS body heads and their short forms, plural heads, referring nouns, kinds of body,
titles, groups of people, speech verbs and number words live in the data file, so that a
word is added in one place and every rule that reads it sees the change.
"""
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from db.tomlfile import read_toml

VOCABULARY_FILE = Path(__file__).parent / "data" / "vocabulary.toml"


@dataclass(frozen=True)
class Vocabulary:
    """The words of the domain, grouped by what the rules use them for."""

    short_heads: dict[str, str]  # "CCG" → "Clinical Commissioning Group"
    plural_heads: dict[str, str]  # "CCGs" → "CCG"
    organisation_words: frozenset[str]  # capitalised words that make a phrase a body's name
    kind_words: frozenset[str]  # lower-case words that only say what kind of body something is
    generic_names: frozenset[str]  # lower-case names of a kind of body, a document or a topic ("ccgs", "a&e")
    descriptor_words: frozenset[str]  # lower-case words whose absence leaves a name the same body
    type_nouns: frozenset[str]  # "union" in "the union GMB": the kind of the body named next
    name_prefixes: frozenset[str]  # "ex" in "ex-Cabinet Office"
    kind_acronyms: frozenset[str]  # "STP", "CCG": another kind of body's acronym in front of a name
    kinds: tuple[tuple[str, str], ...]  # (pattern on the lower-case name, kind), first match wins
    references: dict[str, tuple[str, ...]]  # "council" → name words it can stand for
    reference_modifiers: frozenset[str]  # "local" in "the local trust": says nothing of which trust
    titles: frozenset[str]
    people_groups: frozenset[str]
    place_words: frozenset[str]  # "House" in "Victoria House": a place, not a person
    place_nouns: frozenset[str]  # "unit" in "the Nye Bevan unit": a place named after a person
    parties: frozenset[str]
    portfolio_words: frozenset[str]  # "Health" in "Shadow Health Secretary"
    portfolio_heads: frozenset[str]  # "secretary", "minister": heads that take a portfolio in front
    constituency_roles: frozenset[str]  # "mp": a role held for a place ("MP for X"), not at a body
    body_endings: frozenset[str]  # "Health" in "Operose Health": a body, not a person
    speech_verbs: dict[str, tuple[str, ...]]  # lemma → written forms
    numbers: dict[str, int]
    documents: tuple[str, ...]  # "report", "board papers": texts that say things for a body

    @property
    def organisation_word_pattern(self) -> re.Pattern:
        """A regex finding any organisation word in a text."""
        return _word_pattern(self.organisation_words)

    @property
    def speech_verb_forms(self) -> str:
        """Every written form of every speech verb, as a regex alternation (longest first)."""
        forms = {form for written in self.speech_verbs.values() for form in written}
        return "|".join(re.escape(f).replace(r"\ ", " ") for f in sorted(forms, key=lambda f: (-len(f), f)))

    def kind_of(self, name: str) -> str | None:
        """The kind of body a name's head word says it is ("… CCG" is a CCG), if any."""
        lowered = name.lower()
        return next((kind for pattern, kind in self.kinds if re.search(pattern, lowered)), None)


@lru_cache(maxsize=8)
def _word_pattern(words: frozenset[str]) -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, words)))})\b")


@lru_cache(maxsize=2)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read the vocabulary file (once per path)."""
    data = read_toml(path)
    heads, people = data["heads"], data["people"]
    return Vocabulary(
        short_heads=dict(heads["short"]),
        plural_heads=dict(heads["plural"]),
        organisation_words=frozenset(heads["organisation_words"]),
        kind_words=frozenset(heads["kind_words"]),
        generic_names=frozenset(heads["generic_names"]),
        descriptor_words=frozenset(heads["descriptor_words"]) | frozenset(heads["kind_words"]),
        type_nouns=frozenset(heads["type_nouns"]),
        name_prefixes=frozenset(heads["name_prefixes"]),
        kind_acronyms=frozenset(heads["kind_acronyms"]),
        kinds=tuple((entry["pattern"], entry["kind"]) for entry in data["kind"]),
        references={word: tuple(stands_for) for word, stands_for in data["references"].items()},
        reference_modifiers=frozenset(data["reference_modifiers"]["words"]),
        titles=frozenset(people["titles"]),
        people_groups=frozenset(people["groups"]),
        place_words=frozenset(people["place_words"]),
        place_nouns=frozenset(people["place_words"]) | frozenset(people["place_nouns"]),
        parties=frozenset(people["parties"]),
        portfolio_words=frozenset(people["portfolio_words"]),
        portfolio_heads=frozenset(people["portfolio_heads"]),
        constituency_roles=frozenset(people["constituency_roles"]),
        body_endings=frozenset(people["body_endings"]),
        speech_verbs={lemma: tuple(forms) for lemma, forms in data["speech"].items()},
        numbers=dict(data["numbers"]),
        documents=tuple(data["texts"]["documents"]),
    )


VOCABULARY = load_vocabulary()
