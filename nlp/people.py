"""People in an analysed Doc: PERSON entities, titles handled, surnames linked to full names."""
import re

from spacy.tokens import Doc

from nlp.names import TITLES, person_key
from nlp.results import Mention, PersonResult

TITLE_PATTERN = re.compile(r"^(?:(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?\s+)+", re.IGNORECASE)


def strip_title(name: str) -> str:
    """The name without leading titles ("Dr", "Cllr", "Dame"...) or a possessive."""
    name = TITLE_PATTERN.sub("", name.strip())
    return re.sub(r"[’']s?$", "", name).strip(" ,.;:-")


def is_person_name(name: str) -> bool:
    """False for things NER mistakes for people: all-caps labels, dates, single lower-case words."""
    if not name or name.isupper() or any(ch.isdigit() for ch in name):
        return False
    return all(part[:1].isupper() for part in name.split())


def collect_people(doc: Doc) -> list[PersonResult]:
    """The people named in ``doc``; a surname alone joins the full name it belongs to."""
    spans = [(ent, strip_title(ent.text)) for ent in doc.ents if ent.label_ == "PERSON"]
    spans = [(ent, name) for ent, name in spans if is_person_name(name)]
    full = {person_key(name): PersonResult(name=name) for _, name in spans if len(name.split()) > 1}
    by_surname = {}
    for key, person in full.items():
        by_surname.setdefault(key.split()[-1], []).append(person)
    for ent, name in spans:
        key = person_key(name)
        person = full.get(key)
        if person is None:
            candidates = by_surname.get(key, [])
            if len(candidates) != 1:
                continue  # a surname with no (or an ambiguous) full name in the article
            person = candidates[0]
        person.mentions.append(Mention(text=name, start=ent.start_char, end=ent.end_char, sentence=ent.sent.text.strip()))
    return list(full.values())
