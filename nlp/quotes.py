"""Direct quotes and who said them: the words that attribute each quote, and the quotes an article keeps.

Where the quote marks are is ``nlp.quote_marks``; whom attribution words name is ``nlp.speakers``.
"""
import re
from dataclasses import replace
from typing import NamedTuple

from nlp.doc_text import text_of
from nlp.quote_marks import QuoteSpan, find_quote_spans
from nlp.results import QuoteResult
from nlp.speakers import Speaker, Stakeholders, resolve_speaker
from nlp.vocabulary import VOCABULARY

SPEECH_VERBS = VOCABULARY.speech_verb_forms
MIN_WORDS = 4  # shorter quoted phrases are scare quotes or titles, not quotations
MAX_ATTRIBUTION_CHARS = 80  # between two quotes in one paragraph, room for "said the trust’s chief executive, Jo Bloggs."
# Words a title leaves in lower case: "Next Steps on the Forward View"
TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})
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


def is_title(quoted: str) -> bool:
    """True for quoted words that name something rather than say it: every word capitalised but the small ones
    ("the ‘Five Year Forward View’", "the “Save Our Local Hospital” campaign")."""
    words = re.findall(r"[^\W\d_][\w’'-]*", quoted)
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


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
