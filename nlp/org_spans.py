"""Where an organisation's name begins and ends: pure rules over an ORG span's tokens.

The statistical NER, and our own naming patterns, often take in words around a name:
a person and their role ("James Sumner, Deputy Chief Executive of Stockport NHS Foundation
Trust"), a hyphenated prefix ("ex-Cabinet Office"), an acronym of another kind of body
("STP Leicester City Council"), a headline's last words ("… and ACOs The Health and Social
Care Committee"), a possessor's body ("… City Council’s Health Overview and Scrutiny
Committee"), or two names joined by "and". Each rule here cuts the span back to one name.
"""
from spacy.tokens import Span

from nlp.entity_rules import ORGANISATION_WORDS, looks_like_person, trim_name_span
from nlp.vocabulary import VOCABULARY


def _is_name_word(token) -> bool:
    """A token that makes a phrase a name by itself: an organisation word or an acronym ("NHFT")."""
    return bool(ORGANISATION_WORDS.fullmatch(token.text)) or (token.is_upper and len(token.text) >= 3 and token.is_alpha)


def _after_inner_the(span: Span) -> int:
    """A capitalised "The" inside a span starts a new phrase (a headline ran into the text)."""
    inner = [t.i for t in span[1:] if t.text == "The"]
    return inner[-1] if inner else span.start


def _after_role_of(span: Span, role_words: frozenset[str], first_names: frozenset[str]) -> int:
    """After "<role> of" or "<person> of" at the front: "Leader of Thurrock Council", "CEOs of X", "Maurice Smith of X"."""
    of = [t.i for t in span[1:] if t.lower_ == "of"]
    if not of:
        return span.start
    before = span.doc[span.start : of[-1]]
    if any(t.lower_ in role_words or t.lower_.removesuffix("s") in role_words for t in before) or before[0].text in first_names:
        return of[-1] + 1
    return span.start


def _after_prefix(span: Span) -> int:
    """Past a hyphenated prefix ("ex-", "non-") or another kind of body's acronym ("STP", "MCP") in front."""
    doc, start = span.doc, span.start
    if span.end - start > 2 and doc[start].lower_ in VOCABULARY.name_prefixes and doc[start + 1].text == "-":
        return start + 2
    if span.end - start > 1 and doc[start].text in VOCABULARY.kind_acronyms and doc[start + 1].text[:1].isupper():
        return start + 1
    return start


def _side_of_dangling_comma(span: Span) -> tuple[int, int]:
    """A comma with no "and" after it separates the name from other words: the name is the side
    with a word that makes a name ("NHS Sussex, Stephen Lightfoot"; "John Smith, University Hospitals")."""
    commas = [t.i for t in span if t.text == ","]
    if not commas or any(t.lower_ in ("and", "&") for t in span.doc[commas[0] : span.end]):
        return span.start, span.end
    right = span.doc[commas[-1] + 1 : span.end]
    if any(_is_name_word(t) for t in right) and not any(_is_name_word(t) for t in span.doc[span.start : commas[0]]):
        return right.start, right.end
    return span.start, commas[0]


def _before_possessive(span: Span) -> int:
    """A name followed by "’s" belongs to the body before it: "X City Council’s Scrutiny Committee"."""
    for token in span[1:-1]:
        if token.tag_ == "POS" and _is_name_word(token.doc[token.i - 1]):
            return token.i
    return span.end


def _split_at_and(span: Span) -> list[Span]:
    """Two names joined by "and", each with a word of its own that makes it a name
    ("University of Liverpool and Liverpool City Council", "Call for the NHS and Our NHS Our Hospital"); one name
    otherwise ("Health and Social Care Committee", "NHS Harrogate and Rural District CCG": an "NHS" in front belongs
    to the whole name)."""
    for token in span[1:-1]:
        if token.lower_ in ("and", "&"):
            left, right = span.doc[span.start : token.i], span.doc[token.i + 1 : span.end]
            left_named = any(_is_name_word(t) and not (t.text == "NHS" and t.i == left.start) for t in left)
            if left_named and any(_is_name_word(t) for t in right) and right[0].text[:1].isupper():
                return [Span(span.doc, left.start, left.end, label=span.label), Span(span.doc, right.start, right.end, label=span.label)]
    return [span]


def _person_in(doc, start: int, end: int, first_names: frozenset[str]) -> list[Span]:
    """A person's name among words cut off an organisation span ("Maurice Smith" of "Maurice Smith of X")."""
    while start < end and not doc[start].text[:1].isupper():
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ == "of"):
        end -= 1
    person = Span(doc, start, end, label="PERSON") if end > start else None
    return [person] if person is not None and looks_like_person(person, first_names) else []


def tidy_organisation_span(span: Span, role_words: frozenset[str], first_names: frozenset[str],
                           job_titles: frozenset[str] = frozenset()) -> list[Span]:
    """The organisation names an ORG span really holds, cut back to their own words (none when nothing is
    left, or only a job title ending in one of ``job_titles``), and the person named in the words cut off,
    if any, as a PERSON span."""
    doc = span.doc
    start = _after_inner_the(span)
    after_role = _after_role_of(doc[start : span.end], role_words, first_names)
    people = _person_in(doc, start, after_role, first_names)
    trimmed = trim_name_span(Span(doc, after_role, span.end, label=span.label)) if after_role < span.end else None
    if trimmed is None:
        return people
    start = _after_prefix(trimmed)
    trimmed = trim_name_span(Span(doc, start, trimmed.end, label=span.label)) if start < trimmed.end else None
    if trimmed is None:
        return people
    if trimmed[-1].lower_ in job_titles and not any(_is_name_word(t) for t in trimmed):
        return people  # a job title in capitals ("Consultant Eye Surgeon"), not a body
    start, end = _side_of_dangling_comma(trimmed)
    people += _person_in(doc, end, trimmed.end, first_names) + _person_in(doc, trimmed.start, start, first_names)
    end = min(end, _before_possessive(trimmed))
    trimmed = trim_name_span(Span(doc, start, end, label=span.label)) if end > start else None
    return people + (_split_at_and(trimmed) if trimmed is not None else [])
