"""The registry of canonical organisations that ships with the tracker (``nlp/data/organisations.jsonl``)."""
import json
import re
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path

from nlp.names import near_copy, organisation_key
from nlp.vocabulary import VOCABULARY

DEFAULT_REGISTRY = Path(__file__).parent / "data" / "organisations.jsonl"


@dataclass(frozen=True)
class Organisation:
    """A canonical organisation: its full name, kind and every other form of its name."""

    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    acronym: str | None = None
    ods_code: str | None = None
    predecessors: tuple[str, ...] = ()
    successor: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        """The canonical name followed by its aliases."""
        return (self.name, *self.aliases)


@dataclass
class Registry:
    """Canonical organisations, looked up by any form of their name."""

    organisations: list[Organisation] = field(default_factory=list)

    def __post_init__(self):
        self._by_key = {}
        self._by_acronym = {}
        self._keyed = [(organisation_key(name), org) for org in self.organisations for name in org.all_names]
        self._exact = {exact_form(name): org for org in self.organisations for name in org.all_names}
        self._written = {_without_the(name) for org in self.organisations for name in org.all_names}
        for key, org in self._keyed:
            self._by_key.setdefault(key, org)
        for org in self.organisations:
            if org.acronym:
                self._by_acronym[org.acronym] = org

    def lookup(self, name: str) -> Organisation | None:
        """The organisation one of whose names has the same key as ``name``; acronyms match exactly.

        A name without any organisation word ("Black Country", "Health") matches only a form the
        registry lists exactly: the key drops "NHS", "Trust" and "Foundation", and a bare place
        or word left over is not the body ("NHS Black Country", "The Health Foundation").
        """
        if name.strip() in self._by_acronym:
            return self._by_acronym[name.strip()]
        found = self._by_key.get(organisation_key(name))
        if found and not VOCABULARY.organisation_word_pattern.search(name):
            return self._exact.get(exact_form(name))
        return found

    def lists(self, name: str) -> bool:
        """True when ``name`` is written exactly as one of the registry's forms (a leading "The" aside)."""
        return _without_the(name) in self._written

    def is_area(self, place: str) -> bool:
        """True when ``place`` begins a listed name with more words after it: an area with bodies
        of its own ("Staffordshire and Stoke-on-Trent" in "Staffordshire and Stoke-on-Trent ICS")."""
        prefix = exact_form(place) + " "
        return any(form.startswith(prefix) for form in self._exact)

    def near(self, name: str) -> Organisation | None:
        """The organisation one of whose names ``name`` nearly copies (a word missing, a typing slip)."""
        key = organisation_key(name)
        return next((org for other, org in self._keyed if near_copy(key, other)), None)

    def phrases(self) -> list[str]:
        """Every name and alias, for recognising registry organisations in text."""
        return sorted({name for org in self.organisations for name in org.all_names})


def _without_the(name: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", name)


def exact_form(name: str) -> str:
    """A name as written, up to case, a leading "the", "&" for "and" and the kind of apostrophe."""
    text = " ".join(name.lower().replace("’", "'").replace("&", "and").split())
    return text.removeprefix("the ")


@lru_cache(maxsize=4)
def load_registry(path: str | Path = DEFAULT_REGISTRY) -> Registry:
    """Read the registry JSONL file: one organisation per line (read once per path)."""
    organisations = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                organisations.append(
                    Organisation(
                        name=row["name"],
                        kind=row.get("kind"),
                        aliases=tuple(row.get("aliases", ())),
                        acronym=row.get("acronym"),
                        ods_code=row.get("ods_code"),
                        predecessors=tuple(row.get("predecessors", ())),
                        successor=row.get("successor"),
                    )
                )
            except (ValueError, KeyError) as error:
                raise ValueError(f"{path}:{number}: invalid registry line: {error}") from error
    return Registry(organisations)
