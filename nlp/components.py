"""The tracker's spaCy components: thin wrappers that apply the pure rules to a Doc.

- ``nhs_organisation_names`` (before ``ner``): names built the NHS way become ORG entities,
  so the statistical NER works around them instead of cutting them short.
- ``full_stops`` (before ``parser``): a line break, or a full stop standing alone before a
  capitalised word, ends a sentence, which the parser otherwise misses after a headline or
  a name ending in capitals ("… Midlands Partnership FT. South Staffordshire …").
- ``entity_corrections`` (after ``ner``): acronyms defined in the text become ORG
  wherever they recur; people NER took for organisations become PERSON; labels, acronyms
  and place names inside organisation names stop being people.
"""
import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.acronyms import find_definitions
from nlp.doc_text import text_of
from nlp.entity_rules import (
    ORGANISATION_WORDS, is_false_person, judges, load_first_names, looks_like_person, names_after_labels, titled_names,
    trim_name_span, with_title, without_group_words, without_role_word,
)
from nlp.names import TITLES
from nlp.org_patterns import find_organisation_names, names_after_type_nouns
from nlp.org_spans import tidy_organisation_span
from nlp.registry import DEFAULT_REGISTRY, Registry, load_registry
from nlp.roles import load_role_heads
from nlp.vocabulary import VOCABULARY

REGISTRY_ID = "registry"  # the entity id of the names the registry ruler tags: their spans are exact

if not Doc.has_extension("acronyms"):
    Doc.set_extension("acronyms", default={})
if not Doc.has_extension("listed_organisations"):
    # {(start_char, end_char): [names]} for ORG entities that list several organisations
    Doc.set_extension("listed_organisations", default={})


@Language.factory(
    "nhs_organisation_names",
    default_config={"registry_path": str(DEFAULT_REGISTRY)},
    assigns=["doc.ents", "doc._.listed_organisations"],
    requires=["token.pos"],
)
def make_nhs_organisation_names(nlp: Language, name: str, registry_path: str):
    """Factory for the NHS naming-pattern recogniser."""
    return NhsOrganisationNames(load_registry(registry_path))


class NhsOrganisationNames:
    """Tag names such as "… NHS Foundation Trust" or "Healthwatch …" as ORG before NER runs."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.role_openers = frozenset(head.split()[0] for head in load_role_heads()) | TITLES

    def is_known(self, name: str) -> bool:
        """True for a name in the registry."""
        return self.registry.lookup(name) is not None

    def opens_a_role(self, word: str) -> bool:
        """True for a word a role or a title begins with ("Chief", "Dr")."""
        return word.lower().rstrip(".") in self.role_openers

    def __call__(self, doc: Doc) -> Doc:
        found, listed, text = [], {}, doc.text  # Doc.text is rebuilt on each access: read it once
        for start, end, name in find_organisation_names(text, self.is_known, self.registry.is_area):
            is_list_member = name != text[start:end]
            start = after_listed_registry_names(doc, start, end, text)
            span = doc.char_span(start, end, label="ORG", alignment_mode="expand")
            span = trim_name_span(span) if span is not None else None
            if span is None:
                continue
            found.append(span)
            if is_list_member:
                listed.setdefault((span.start_char, span.end_char), []).append(name)
        for start, end, _ in names_after_type_nouns(text, self.opens_a_role):  # "the union GMB": the text vouches for it
            span = doc.char_span(start, end, label="ORG", alignment_mode="expand")
            if span is not None:
                found.append(span)
                listed.setdefault((span.start_char, span.end_char), []).append(span.text)
        doc.ents = filter_spans(list(doc.ents) + found)
        doc._.listed_organisations = listed
        return doc


def after_listed_registry_names(doc: Doc, start: int, end: int, text: str) -> int:
    """Where a pattern match really starts when it begins with registry names in a list.

    In "University Hospitals of North Midlands, Stoke-on-Trent City Council" the registry
    has already tagged the first name; the match is only the name after the comma. ``text`` is ``doc.text``.
    """
    for ent in doc.ents:
        if start <= ent.start_char and ent.end_char < end and re.match(r",|\s+(?:and|&)\s", text[ent.end_char : end]):
            start = ent.end_char + re.match(r",?\s*(?:(?:and|&)\s+)?", text[ent.end_char : end]).end()
    return start


@Language.component("full_stops")
def full_stops(doc: Doc) -> Doc:
    """Start a sentence at each new paragraph, and after a full stop that stands alone before a capitalised word.

    Abbreviations keep their stop inside the token ("Dr.", "St."), so a stop standing alone ends a sentence;
    a headline has no stop at all, but its line break ends it.
    """
    text = doc.text  # built from the tokens on each access: read it once
    words = [t for t in doc if not t.is_space]
    for before, word in zip(words, words[1:]):
        gap = text[before.idx + len(before.text) : word.idx]
        if "\n" in gap or before.text == "." and gap and word.text[:1].isupper():
            word.is_sent_start = True
    return doc


@Language.factory("entity_corrections", assigns=["doc.ents", "doc._.acronyms"], requires=["doc.ents"])
def make_entity_corrections(nlp: Language, name: str):
    """Factory for the post-NER corrections."""
    return EntityCorrections(load_first_names(), load_role_heads())


class EntityCorrections:
    """Fix what the small statistical NER gets wrong about organisations and people."""

    def __init__(self, first_names: frozenset[str], role_heads: frozenset[str]):
        self.first_names = first_names
        self.role_words = frozenset(word for head in role_heads for word in head.split())  # "chief", "executive", "of"
        self.job_titles = frozenset(head for head in role_heads if " " not in head)  # "chair", "campaigner"

    def __call__(self, doc: Doc) -> Doc:
        entities = []
        for ent in self._tidied(self._relabelled(doc.ents)):
            trimmed = without_role_word(ent, self.job_titles)  # "Chair Ann Lee"; an "organisation" "Campaigner Bill Hart"
            if ent.label_ == "PERSON" or looks_like_person(trimmed, self.first_names):
                ent = trimmed
            if ent.label_ == "ORG" and looks_like_person(ent, self.first_names):
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            if ent.label_ == "PERSON":
                ent = without_group_words(with_title(ent))
            if ent is not None:
                entities.append(ent)
        entities = filter_spans(judges(doc) + filter_spans(entities + titled_names(doc, entities)
                                                           + names_after_labels(doc, entities, self.first_names,
                                                                                VOCABULARY.parties | self.job_titles)))
        organisation_texts = [e.text for e in entities if e.label_ == "ORG"]
        entities = [e for e in entities if e.label_ != "PERSON" or not is_false_person(e, organisation_texts)]
        text = text_of(doc)
        definitions = find_definitions(text, [(e.start_char, e.end_char) for e in entities if e.label_ == "ORG"])
        doc._.acronyms = {short: text[start:end] for short, (start, end) in definitions.items()}
        # every use of a defined acronym, but not the definition itself: "Name (ABC)"
        acronym_uses = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
                        if t.text in doc._.acronyms and not (t.i > 0 and doc[t.i - 1].text == "(")]
        doc.ents = filter_spans(acronym_uses + filter_spans(entities))
        return doc

    @staticmethod
    def _relabelled(entities) -> list[Span]:
        """A "person" with an organisation word, or ending as bodies' names do, is an organisation ("Hackney
        Healthwatch", "Operose Health"); an "organisation" that starts with a person's title is a person
        ("Mrs Justice Walker")."""
        relabelled = []
        for ent in entities:
            if ent.label_ == "PERSON" and (ORGANISATION_WORDS.search(ent.text) or ent[-1].lower_ in VOCABULARY.body_endings):
                ent = Span(ent.doc, ent.start, ent.end, label="ORG")
            elif ent.label_ == "ORG" and ent[0].lower_.rstrip(".") in TITLES and len(ent) > 1:
                ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
            relabelled.append(ent)
        return relabelled

    def _tidied(self, entities) -> list[Span]:
        """The entities with organisation spans cut back to their names; the registry's own matches and
        the lists our naming patterns read ("X, Y and Z CCGs") are exact."""
        tidied = []
        for ent in entities:
            listed = (ent.start_char, ent.end_char) in ent.doc._.listed_organisations
            if ent.label_ != "ORG" or ent.ent_id_ == REGISTRY_ID or listed:
                tidied.append(ent)
            else:
                tidied += tidy_organisation_span(ent, self.role_words, self.first_names, self.job_titles)
        return tidied
