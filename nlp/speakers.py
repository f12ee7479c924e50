"""Who said something: the attribution words before or after a quote resolved to a person or an organisation.

Pure functions over the article text and its people and organisations: names, pronouns
("he", "it", "they"), referring nouns ("the trust"), roles ("the chief executive"),
spokespeople and documents ("the report", which speaks for the body that issued it).
"""
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from nlp.names import TITLES, organisation_key
from nlp.quote_marks import QuoteSpan, find_quote_spans
from nlp.roles import load_role_heads
from nlp.vocabulary import VOCABULARY

POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
SCENE_SETTING = re.compile(r"^(?:(?:[^,]*?\s)?(?:(?:in|at|on|according\s+to|speaking|writing|responding|yesterday|today)\b[^,]*"
                           r"|however|but|meanwhile),\s+)+", re.IGNORECASE)  # "But, …" and "However, …" only with their comma
PRONOUNS = {"he", "she", "him", "her"}
ROLE_HEADS = load_role_heads()
SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+|\n+")
TRAILING_ADVERBS = re.compile(r"(?:\s+(?:also|previously|later|today|yesterday|now|then|again|recently|earlier|"
                              r"subsequently|further|already|once|last\s+week|this\s+week))+$", re.IGNORECASE)
_DOCUMENT = rf"(?:{'|'.join(VOCABULARY.documents)})"
# "The statement said:", "The report sets out …:": a document that speaks for the body that issued it.
DOCUMENTS = re.compile(rf"^the\s+(?P<document>{_DOCUMENT})\b", re.IGNORECASE)
# "a statement from the GP federation", "a report by Healthwatch": the body that issued a document
DOCUMENT_SOURCE = re.compile(rf"\b{_DOCUMENT}\s+(?:from|by|issued\s+by|published\s+by|on\s+behalf\s+of)\s+"
                             r"(?P<source>[^,.;:“”\"]+)", re.IGNORECASE)
MAX_SOURCE_WORDS = 6
# "The federation", "The local GP federation": a referring noun phrase opening a sentence
REFERENCE_OPENING = re.compile(rf"\s*the\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(VOCABULARY.references)})\b(?![’'])",
                               re.IGNORECASE)
# "a report to the committee", "a letter sent to the trust": the organisation after "to" receives a document
RECIPIENT = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
# "A CCG paper on the plans says", "the DH report states": a document that names the body it speaks for.
NAMED_DOCUMENTS = re.compile(rf"^(?P<issuer>(?:[\w’'&-]+\s+){{1,3}}?){_DOCUMENT}\b", re.IGNORECASE)
_SPOKESPERSON = r"(?:spokes(?:person|man|woman)|representative)"
ORGANISATION_SPEAKERS = re.compile(rf"(?:a\s+)?(?:{_SPOKESPERSON}|statement)\s+(?:for|from)\s+(?P<org>.+)$", re.IGNORECASE)
# "A CCG spokeswoman", "an NHS England spokesperson": the body is named before the spokesperson.
SPOKESPERSON_OF = re.compile(rf"^(?:an?|the)\s+(?P<org>.+?)\s+{_SPOKESPERSON}$", re.IGNORECASE)
# "A spokesman said" with no body named: the body the article was just speaking of.
BARE_SPOKESPERSON = re.compile(rf"^(?:an?|the|its|their)\s+{_SPOKESPERSON}$", re.IGNORECASE)
# "The CCG’s clinical chair said", with nobody named: the words belong to the body.
POSSESSOR = re.compile(r"^(?P<org>[^’']+?)[’']s?\s+\w")


@dataclass(frozen=True)
class Speaker:
    """Who said something: a canonical name and whether it is a person or an organisation."""

    name: str
    kind: str  # "person" or "organisation"


@dataclass
class Stakeholders:
    """The article's people and organisations, as quote attribution needs them."""

    people: list  # PersonResult
    organisations: list  # OrganisationResult
    text: str = ""  # the article, for finding the sentence before a position

    def person_named_in(self, words: str):
        """The person whose full name or surname is written first in ``words`` ("Jane Smith, who succeeded Tom Hill")."""
        named = [(found.start(), index, person) for index, person in enumerate(self.people)
                 for form in {person.name, person.name.split()[-1], *(m.text for m in person.mentions)} if form
                 for found in [re.search(rf"\b{re.escape(form)}\b", words)] if found]
        return min(named)[2] if named else None

    def organisation_named_in(self, words: str):
        """The organisation one of whose forms appears first in ``words``, or whose name they begin
        ("a spokeswoman for South Staffordshire and Shropshire")."""
        named = [(found.start(), -len(org.name), index, org) for index, org in enumerate(self.organisations)
                 for form in (org.name, *org.aliases) if form
                 for found in [re.search(rf"\b{re.escape(form)}\b", words)] if found]
        if named:  # the one written first ("X and Y said": X), the longest of those starting there
            return min(named)[3]
        key = organisation_key(words)
        starting = [org for org in self.organisations if key and len(key.split()) >= 2
                    and any(organisation_key(n).startswith(key) for n in (org.name, *org.aliases))]
        return starting[0] if len(starting) == 1 else None

    def last_person_before(self, position: int):
        """The person mentioned last before ``position``."""
        mentions = [(m.start, p) for p in self.people for m in p.mentions if m.start < position]
        return max(mentions, key=lambda pair: pair[0])[1] if mentions else None

    def last_named_before(self, position: int, people: bool = True, recipients: bool = True) -> "Speaker | None":
        """The organisation, or with ``people`` the person or organisation, mentioned last before ``position``;
        without ``recipients``, never one written after "to" ("wrote to NHS England")."""
        mentions = [(m.start, Speaker(p.name, "person")) for p in self.people for m in p.mentions if m.start < position] if people else []
        mentions += [(m.start, Speaker(o.name, "organisation")) for o in self.organisations for m in o.mentions if m.start < position
                     and (recipients or not self.written_to(m.start))]
        return max(mentions, key=lambda pair: pair[0])[1] if mentions else None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [0] + [m.end() for m in SENTENCE_END.finditer(self.text)]

    def previous_sentence(self, position: int) -> tuple[int, int] | None:
        """The start and end of the sentence before the one at ``position``."""
        current = bisect_right(self._sentence_starts, position) - 1  # the sentence ``position`` is in
        return (self._sentence_starts[current - 1], self._sentence_starts[current]) if current >= 1 else None

    def person_opening_previous_sentence(self, position: int) -> "Speaker | None":
        """The person whose name opens the sentence before the one at ``position``: the subject a quote standing
        on its own after it goes on with."""
        previous = self.previous_sentence(position)
        if previous is None:
            return None
        begin, end = previous
        found = [p for p in self.people for m in p.mentions if begin <= m.start < end
                 and self.text[begin : m.start].strip().lower().rstrip(".") in TITLES | {""}]
        return Speaker(found[0].name, "person") if found else None

    def first_of_previous_sentence(self, position: int, kind: str) -> "Speaker | None":
        """The person or organisation (``kind``) named first in the sentence before the one at ``position``:
        a pronoun opening a sentence most often stands for the previous sentence's subject, which English puts first."""
        previous = self.previous_sentence(position)
        if previous is None:
            return None
        begin, end = previous
        named = self.people if kind == "person" else self.organisations
        found = [(m.start, found.name) for found in named for m in found.mentions if begin <= m.start < end]
        return Speaker(min(found)[1], kind) if found else None

    def sentences_mentioning(self, document: str, position: int) -> list[tuple[int, int]]:
        """The start and end of each sentence before the one at ``position`` that mentions ``document`` ("report"),
        nearest first."""
        current = bisect_right(self._sentence_starts, position) - 1
        noun = re.compile(rf"\b{re.escape(document)}\b", re.IGNORECASE)
        earlier = zip(self._sentence_starts[:current], self._sentence_starts[1 : current + 1])
        return [(begin, end) for begin, end in reversed(list(earlier)) if noun.search(self.text, begin, end)]

    def author_in(self, begin: int, end: int) -> "Speaker | None":
        """The first organisation named between ``begin`` and ``end``, outside quotes and other than as a document's
        recipient ("a report to the committee")."""
        named = sorted((m.start, org.name) for org in self.organisations for m in org.mentions if begin <= m.start < end
                       and not self.written_to(m.start)
                       and not any(quote.start <= m.start < quote.end for quote in self._quote_spans))
        return Speaker(named[0][1], "organisation") if named else None

    def written_to(self, position: int) -> bool:
        """True when the name at ``position`` follows "to": the one a document was sent to ("a report to the committee")."""
        return RECIPIENT.search(self.text[max(0, position - 12) : position]) is not None

    @cached_property
    def _quote_spans(self) -> list[QuoteSpan]:
        return find_quote_spans(self.text)

    def person_with_role(self, words: str):
        """The one person whose role the words name: "the chief executive said", or its head word alone
        ("the chair" for a clinical chair)."""
        lowered = words.lower()
        matching = [p for p in self.people if p.role and re.search(rf"\b{re.escape(p.role)}\b", lowered)]
        if not matching and re.fullmatch(r"(?:the|its|their)\s+[\w-]+", lowered):
            matching = [p for p in self.people if p.role and p.role.split()[-1] == lowered.split()[-1]]
        return matching[0] if len(matching) == 1 else None


def resolve_speaker(words: str, position: int, stakeholders: Stakeholders, resolve_reference) -> Speaker | None:
    """The speaker that the attribution ``words`` (found before ``position``) names.

    ``resolve_reference(text, position)`` turns "the trust" into the organisation meant.
    """
    # scene-setting clauses before the speaker: "In an email to members, the LMC said", "However, at the meeting, …";
    # never an appositive after the speaker's name ("Tom Hill, a GP in Walsall, is not convinced")
    words = SCENE_SETTING.sub("", words.strip())
    words = re.sub(r"^(?:and|but|while|as|also)\s+", "", words, flags=re.IGNORECASE)
    # "I raised the merger with the ICB, and he": the clause's own subject is the pronoun after the last joint
    words = re.sub(r"^.*(?:,|\band\b|\bbut\b|\bwhile\b)\s+(?=(?:he|she|it)$)", "", words, flags=re.IGNORECASE)
    words = TRAILING_ADVERBS.sub("", words)  # "The CCG also suggested", "Mr Hill previously said"
    words = re.sub(r",?\s+(?:which|who)$", "", words, flags=re.IGNORECASE)  # "The trust, which said …"
    person = stakeholders.person_named_in(words)
    if person:
        return Speaker(person.name, "person")
    if words.lower() in PRONOUNS:
        found = stakeholders.first_of_previous_sentence(position, "person")
        person = None if found else stakeholders.last_person_before(position)
        return found or (Speaker(person.name, "person") if person else None)
    if words.lower() == "it":
        return (_reference_opening_previous_sentence(position, stakeholders, resolve_reference)
                or stakeholders.first_of_previous_sentence(position, "organisation")
                or stakeholders.last_named_before(position, people=False))
    if words.lower() == "they":  # a plural stands for a body only when the sentence before names one
        return stakeholders.first_of_previous_sentence(position, "organisation")
    document = DOCUMENTS.match(words)
    if document:  # a document speaks for the body that issued it, named where the document was first spoken of
        return _document_author(document.group("document"), position, stakeholders, resolve_reference)
    named_document = NAMED_DOCUMENTS.match(words)
    if named_document:  # "A CCG paper says", "a statement issued by the trust", "a trust statement"
        written = re.sub(r"\s+to\s.*$", "", words)  # not "a report to X"
        organisation = stakeholders.organisation_named_in(written)
        if organisation:
            return Speaker(organisation.name, "organisation")
        source = DOCUMENT_SOURCE.search(written)
        issuer = re.sub(r"^(?:an?|the)\s+|[’']s?$", "", named_document.group("issuer").strip(), flags=re.IGNORECASE)
        if issuer.lower() in POSSESSIVE_PRONOUNS:  # "His letter warns", "Its report says"
            return resolve_speaker(POSSESSIVE_PRONOUNS[issuer.lower()], position, stakeholders, resolve_reference)
        return (_source_speaker(source, stakeholders, resolve_reference) if source
                else _organisation_referred_to(issuer, position, resolve_reference) if issuer else None)
    if BARE_SPOKESPERSON.match(words):
        return stakeholders.last_named_before(position, people=False)
    spokesperson = ORGANISATION_SPEAKERS.search(words) or SPOKESPERSON_OF.match(words)
    target = spokesperson.group("org") if spokesperson else words
    organisation = stakeholders.organisation_named_in(target)
    if organisation:
        return Speaker(organisation.name, "organisation")
    person = stakeholders.person_with_role(words)
    if person:
        return Speaker(person.name, "person")
    possessor = None if spokesperson else POSSESSOR.match(words)
    if possessor:  # "the trust’s chief executive": a role at the body, its holder not named
        return resolve_speaker(possessor.group("org"), position, stakeholders, resolve_reference)
    own_role = re.fullmatch(r"its\s+(?P<role>[\w\s-]+)", words, re.IGNORECASE)
    if own_role and own_role.group("role").lower() in ROLE_HEADS:  # "Its chairman said": the body "it" stands for
        return resolve_speaker("it", position, stakeholders, resolve_reference)
    return _organisation_referred_to(target, position, resolve_reference)


def _reference_opening_previous_sentence(position: int, stakeholders: Stakeholders, resolve_reference) -> Speaker | None:
    """The body a referring noun opening the sentence before ``position`` stands for: "The federation said …
    It added: “…”" — that subject, not a body the sentence names later."""
    previous = stakeholders.previous_sentence(position)
    opening = previous and REFERENCE_OPENING.match(stakeholders.text, previous[0], previous[1])
    return _organisation_referred_to(opening.group(0), previous[0], resolve_reference) if opening else None


def _organisation_referred_to(words: str, position: int, resolve_reference) -> Speaker | None:
    """The organisation a referring noun stands for: "the trust", "a trust"."""
    name = resolve_reference(re.sub(r"^an?\s+", "", words, flags=re.IGNORECASE), position)
    return Speaker(name, "organisation") if name else None


def _source_speaker(source: re.Match, stakeholders: Stakeholders, resolve_reference) -> Speaker | None:
    """The body a DOCUMENT_SOURCE match names: the longest start of its words that resolves to one
    ("the college published later today" → "the college")."""
    words = source.group("source").split()[:MAX_SOURCE_WORDS]
    for length in range(len(words), 0, -1):
        author = resolve_speaker(" ".join(words[:length]), source.start("source"), stakeholders, resolve_reference)
        if author:
            return author
    return None


def _document_author(document: str, position: int, stakeholders: Stakeholders, resolve_reference) -> Speaker | None:
    """Who issued "the report" (``document``) quoted at ``position``: the body named where the article spoke of the
    report before ("a statement from the local GP federation", "new NHS England guidance"), nearest first.
    None when those sentences name no author ("In a statement, the trusts said": several bodies; "A report to
    the committee said": only its recipient); the body named last before the quote when the article never
    spoke of the report before."""
    mentions = stakeholders.sentences_mentioning(document, position)
    for begin, end in mentions:
        source = DOCUMENT_SOURCE.search(stakeholders.text, begin, end)
        author = (source and _source_speaker(source, stakeholders, resolve_reference)) or stakeholders.author_in(begin, end)
        if author:
            return author
    return None if mentions else stakeholders.last_named_before(position, people=False, recipients=False)
