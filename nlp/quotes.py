"""Direct quotes and who said them: pure functions over the article text and its people and organisations.

Quote marks are read per paragraph: double (straight or curly) and UK single quotes,
told apart from apostrophes by what stands either side. A quote left open at the end of
a paragraph continues only when the next paragraph opens with a quote mark (the press
convention for a quote over several paragraphs); otherwise it ends with its paragraph,
so an unbalanced mark never swallows the rest of the article.
"""
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import NamedTuple
from functools import cached_property

from nlp.doc_text import text_of
from nlp.names import TITLES, organisation_key
from nlp.results import QuoteResult
from nlp.roles import load_role_heads
from nlp.vocabulary import VOCABULARY

OPENING = {"“": "”", '"': '"', "‘": "’", "'": "'", "’": "’"}
# Writers (and their software) mix curly and straight marks: either closes a quote.
CLOSINGS = {"“": "”\"", '"': '"”', "‘": "’'", "'": "'’", "’": "’'"}
SPEECH_VERBS = VOCABULARY.speech_verb_forms
MIN_WORDS = 4  # shorter quoted phrases are scare quotes or titles, not quotations
# Words a title leaves in lower case: "Next Steps on the Forward View"
TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def is_title(quoted: str) -> bool:
    """True for quoted words that name something rather than say it: every word capitalised but the small ones
    ("the ‘Five Year Forward View’", "the “Save Our Local Hospital” campaign")."""
    words = re.findall(r"[^\W\d_][\w’'-]*", quoted)
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
MAX_ATTRIBUTION_CHARS = 80  # between two quotes in one paragraph, room for "said the trust’s chief executive, Jo Bloggs."


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


ACCORDING_TO = re.compile(r"[Aa]ccording\s+to\s+(?P<speaker>[^,.;:]{2,80})")
SPEECH_CLAUSE = re.compile(rf"(?P<speaker>[^.;:“”\"‘!?]{{1,160}}?)\s+(?:has\s+|have\s+|had\s+|to\s+)?(?:{SPEECH_VERBS})\b")
ATTRIBUTION_AFTER = re.compile(
    rf"^\s*[,.]?\s*(?:(?P<verb_first>{SPEECH_VERBS}|according\s+to)\s+(?P<speaker_late>[^.,;:“”\"]{{2,100}})|"
    rf"(?P<speaker>[^.,;:“”\"]{{2,100}}?)\s+(?:has\s+|have\s+)?(?:{SPEECH_VERBS})\b|"
    # a whole clause between two parts of a quote: "“…,” the trust’s chairman, Sir Tom Reid, said, “…”"
    rf"(?P<speaker_clause>[^.;:“”\"]{{2,100}}?)\s+(?:{SPEECH_VERBS})\s*[,.]\s*(?:[“\"‘]|$)|"
    # a name after a dash, as under a pull quote: "“…” – Jo Bloggs, chair of X"
    rf"[–—]\s*(?P<speaker_dash>[A-Z][^.;:“”\"]{{2,100}})\.?\s*$)"
)
ENDS_WITH_SPEECH_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\s*$")
BULLETS = " \t•·*–-"  # a quote opening a bullet point opens its paragraph
# A line that introduces what follows with a colon and no speech verb: its words name the speaker.
INTRODUCTION = re.compile(r"^(?P<speaker>[A-Z][^:;“”\"]{2,200}):\s*$")
CAPTION = re.compile(r"(?:^|[.!?]\s+)(?P<speaker>[A-Z][^.;:“”\"‘]{2,80}):\s*$")
NOT_A_SPEAKER = re.compile(r"^(?:and|but|or|so|then|also|he\s+also|she\s+also)?$", re.IGNORECASE)


class Attribution(NamedTuple):
    """Words that may name a quote's speaker, and where a pronoun or reference among them is to be read from."""

    words: str
    position: int


def attribution_candidates(text: str, quote: QuoteSpan) -> list[Attribution]:
    """Words that may name a quote's speaker, best first: right after the quote ("…,” said X), then
    the speech-verb clauses before it in its paragraph, nearest first ("X said the trust had “…”"), then
    those of the paragraph before. Words in the quote's own paragraph are read from the quote; those of
    the paragraph before from where they stand, so "they said:" there looks back from that sentence."""
    paragraph_start = text.rfind("\n", 0, quote.start) + 1
    paragraph_end = text.find("\n", quote.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    candidates = []
    after = ATTRIBUTION_AFTER.match(text[quote.end + 1 : paragraph_end])
    introduces_next = after and re.match(r"\s*:", text[quote.end + 1 + after.end() : paragraph_end])
    if after and not introduces_next:  # "X said:" after a quote introduces the next one
        candidates.append(next(group for group in after.group("speaker_late", "speaker", "speaker_clause", "speaker_dash") if group).strip())
    before = _without_quotes(text[paragraph_start : max(paragraph_start, quote.start - 1)])
    caption = CAPTION.search(before)  # "Dr Maureen Baker: ‘…’" ("X said:" is a speech clause, read below)
    if caption and not ENDS_WITH_SPEECH_VERB.search(caption.group("speaker")):
        candidates.append(caption.group("speaker").strip())
    clauses = [m.group("speaker") for m in ACCORDING_TO.finditer(before)] + [m.group("speaker") for m in SPEECH_CLAUSE.finditer(before)]
    candidates += [c.strip() for c in reversed(clauses)]
    found = [Attribution(words, quote.start) for words in candidates]
    if not before.strip(BULLETS) and paragraph_start > 1:  # a quote opening the paragraph after "X said the plans…" or "X said:"
        previous_start = _previous_paragraph_start(text, paragraph_start)
        previous = _without_quotes(text[previous_start:paragraph_start].rstrip())
        if not re.search(r"[”\"’']\s*$", text[previous_start:paragraph_start].strip()):
            found += [Attribution(m.group("speaker").strip(), previous_start + m.start("speaker"))
                      for m in reversed(list(SPEECH_CLAUSE.finditer(previous)))]
            introduction = INTRODUCTION.search(previous)  # "X set out the benefits:" before a list of quotes
            if introduction:
                found.append(Attribution(introduction.group("speaker").strip(), previous_start + introduction.start("speaker")))
    return [attribution for attribution in found if not NOT_A_SPEAKER.match(attribution.words)]


def _previous_paragraph_start(text: str, paragraph_start: int) -> int:
    """Where the last paragraph with words in it before the one starting at ``paragraph_start`` starts (blank lines
    skipped)."""
    before = text[:paragraph_start].rstrip()
    return before.rfind("\n") + 1


def _without_quotes(text: str) -> str:
    """Quoted passages blanked out, so words inside an earlier quote are never taken for a speaker."""
    return re.sub(r"[“\"][^”\"]*[”\"]", lambda m: " " * len(m.group(0)), text)


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
        """The person whose full name or surname appears in ``words``."""
        for person in self.people:
            names = {person.name, person.name.split()[-1], *(m.text for m in person.mentions)}
            if any(re.search(rf"\b{re.escape(n)}\b", words) for n in names if n):
                return person
        return None

    def organisation_named_in(self, words: str):
        """The organisation one of whose forms appears in ``words``, or whose name they begin
        ("a spokeswoman for South Staffordshire and Shropshire")."""
        for org in sorted(self.organisations, key=lambda o: -len(o.name)):
            if any(re.search(rf"\b{re.escape(n)}\b", words) for n in (org.name, *org.aliases) if n):
                return org
        key = organisation_key(words)
        starting = [org for org in self.organisations if key and len(key.split()) >= 2
                    and any(organisation_key(n).startswith(key) for n in (org.name, *org.aliases))]
        return starting[0] if len(starting) == 1 else None

    def last_person_before(self, position: int):
        """The person mentioned last before ``position``."""
        mentions = [(m.start, p) for p in self.people for m in p.mentions if m.start < position]
        return max(mentions, key=lambda pair: pair[0])[1] if mentions else None

    def last_named_before(self, position: int, people: bool = True) -> "Speaker | None":
        """The organisation, or with ``people`` the person or organisation, mentioned last before ``position``."""
        mentions = [(m.start, Speaker(p.name, "person")) for p in self.people for m in p.mentions if m.start < position] if people else []
        mentions += [(m.start, Speaker(o.name, "organisation")) for o in self.organisations for m in o.mentions if m.start < position]
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
                       and not RECIPIENT.search(self.text[max(begin, m.start - 12) : m.start])
                       and not any(quote.start <= m.start < quote.end for quote in self._quote_spans))
        return Speaker(named[0][1], "organisation") if named else None

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
    return None if mentions else stakeholders.last_named_before(position, people=False)


def _opens_sentence(text: str, quote: QuoteSpan) -> bool:
    """True when the quote is a sentence of its own: a capital right after its mark, after a full stop or a paragraph break."""
    return text[quote.start : quote.start + 1].isupper() and re.search(r"(?:^|[.!?]\s|\n)\s*$", text[: quote.start - 1]) is not None


def _starts_paragraph(text: str, quote: QuoteSpan) -> bool:
    paragraph_start = text.rfind("\n", 0, quote.start) + 1
    return not text[paragraph_start : quote.start - 1].strip(BULLETS)


def collect_quotes(text: str, stakeholders: Stakeholders, resolve_reference, subject_before=lambda position: None) -> list[QuoteResult]:
    """The article's direct quotes of four words or more whose speaker the text gives.

    A quote with no attribution of its own goes on in the previous speaker's voice when it
    opens a paragraph right after another quote, or follows one in the same paragraph with
    only its attribution between them ("“…,” said Smith. “…”"). A quote set inside a sentence
    with no speech verb ("The CCG will “allow for growth”") is its subject's words, when the
    subject is a stakeholder: ``subject_before(position)`` gives the subject of the sentence that
    the quote at ``position`` stands in, when the quote comes after it.
    """
    quotes: list[QuoteResult] = []
    previous: tuple[QuoteSpan, Speaker | None] | None = None
    for span in find_quote_spans(text):
        quoted = " ".join(text[span.start : span.end].split()).strip(" ,")
        if span.continues_previous and quotes and previous and previous[0].end >= quotes[-1].end:
            merged = quotes[-1]  # the next paragraph of a quote that runs over several
            merged.text, merged.end = f"{merged.text} {quoted}", span.end
            previous = (span, previous[1])
            continue
        speaker = None
        for words, position in attribution_candidates(text, span):
            speaker = resolve_speaker(words, position, stakeholders, resolve_reference)
            if speaker:
                break
        between = text[previous[0].end : span.start] if previous else ""
        follows_quote = previous is not None and between.count("\n") <= 2
        same_paragraph = previous is not None and "\n" not in between and len(between) <= MAX_ATTRIBUTION_CHARS
        if speaker is None and previous and (_starts_paragraph(text, span) and follows_quote or same_paragraph):
            speaker = previous[1]
        subject = subject_before(span.start) if speaker is None else None
        if subject:
            speaker = resolve_speaker(subject, span.start, stakeholders, resolve_reference)
        if speaker is None and _opens_sentence(text, span):  # "Tom Hill is not convinced. “We have been here before.”"
            speaker = stakeholders.person_opening_previous_sentence(span.start)
        previous = (span, speaker)
        if len(quoted.split()) < MIN_WORDS or speaker is None or is_title(quoted):
            continue  # a short phrase or a title in quote marks, or words the text does not attribute to anyone
        quotes.append(QuoteResult(speaker=speaker.name if speaker else None, speaker_type=speaker.kind if speaker else None,
                                  text=quoted, direct=True, start=span.start, end=span.end))
    return _first_of_each(quotes)


def _first_of_each(quotes: list[QuoteResult]) -> list[QuoteResult]:
    """The quotes without a repeat of the same words (a standfirst or bullet quoting the body): one quote, kept
    where it first stands, credited to a person when either telling names one ("NHS England adviser says “…”"
    above "Sir Stephen Bubb said “…”")."""
    best: dict[str, QuoteResult] = {}
    for quote in quotes:
        key = " ".join(re.findall(r"\w+", quote.text.lower()))
        first = best.get(key)
        if first is None:
            best[key] = quote
        elif first.speaker_type != "person" and quote.speaker_type == "person":
            best[key] = replace(quote, start=first.start, end=first.end)
    return sorted(best.values(), key=lambda q: q.start)


REPORTING_VERBS = frozenset(VOCABULARY.speech_verbs)


def subject_before(doc, position: int, text: str) -> str | None:
    """The words of the subject of the sentence around character ``position``, when the subject comes
    before it ("The CCG" in "The CCG will “allow for growth …”"), or after it in a sentence a participle of
    saying opens ("Insisting “…”, Jo Bloggs said"). ``text`` is ``doc.text``."""
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    subject = next((t for t in sentence.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    # "Insisting “…”, Cllr Moore said …": a participle of saying opens the sentence, its speaker comes after the quote
    opened_by_saying = sentence[0].tag_ == "VBG" and sentence[0].lemma_.lower() in REPORTING_VERBS
    if subject is None or subject.right_edge.idx >= position and not opened_by_saying \
            or subject.lower_ in ("they", "we", "this", "that"):
        return None  # whom "they" stands for is too loose to credit a quote to
    return text[subject.left_edge.idx : subject.right_edge.idx + len(subject.right_edge.text)]


def collect_reported_speech(doc, direct: list[QuoteResult], stakeholders: Stakeholders, resolve_reference) -> list[QuoteResult]:
    """Reported speech: a clause under a speech verb ("The trust said it would bid"), kept with direct=False.

    Sentences already carrying a direct quote are left to it.
    """
    reported, whole = [], text_of(doc)
    for sentence in doc.sents:
        if any(q.start < sentence.end_char and sentence.start_char < q.end for q in direct):
            continue
        for verb in sentence:
            if verb.lemma_.lower() not in REPORTING_VERBS or verb.pos_ != "VERB":
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if clause is None or subject is None:
                continue
            subject_text = whole[min(t.idx for t in subject.subtree) : max(t.idx + len(t.text) for t in subject.subtree)]
            speaker = resolve_speaker(subject_text, subject.idx, stakeholders, resolve_reference)
            tokens = [t for t in clause.subtree if not (t.i == clause.left_edge.i and t.lower_ == "that")]
            text = whole[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)] if tokens else ""
            if speaker and len(text.split()) >= MIN_WORDS:
                reported.append(QuoteResult(speaker.name, speaker.kind, " ".join(text.split()), False,
                                            tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
                break
    return reported
