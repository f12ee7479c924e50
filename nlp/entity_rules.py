"""Pure rules that correct the statistical NER's organisation and person entities."""
from pathlib import Path

from spacy.tokens import Span

from nlp.names import TITLES
from nlp.org_patterns import SENTENCE_STARTERS
from nlp.vocabulary import VOCABULARY

FIRST_NAMES_FILE = Path(__file__).parent / "data" / "first_names.txt"
# Leading words a name cannot start with. Capitalised words tagged VERB or ADV stay: in a
# name they are more often mis-tagged places ("Leeds", "Reading") than real verbs.
NOT_NAME_START_POS = {"ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SPACE"}
ORGANISATION_WORDS = VOCABULARY.organisation_word_pattern


def load_first_names(path: Path = FIRST_NAMES_FILE) -> frozenset[str]:
    """The given-names gazetteer, one name per line (``#`` starts a comment)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _opens_a_name(span: Span, start: int) -> bool:
    """A word that may open a name though it cannot start most: a short number ("999 Call for the NHS"), or "Our"/"Your"."""
    token = span.doc[start]
    if token.is_digit and len(token) <= 3 and span.end - start >= 3 and span.doc[start + 1].text[:1].isupper():
        return True
    return _opens_with_our(span, start)


def _opens_with_our(span: Span, start: int) -> bool:
    """A capital "Our" or "Your" inside a sentence opens a name of three words or more ("backed by Our NHS Our Hospital");
    opening a sentence it is only the possessive ("Our Primary Care Network will …")."""
    doc = span.doc
    if doc[start].text not in ("Our", "Your") or span.end - start < 3 or not doc[start + 1].text[:1].isupper():
        return False
    sentence_start = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    return not all(t.is_punct or t.is_space for t in doc[sentence_start:start])  # first word after “ opens it too


def trim_name_span(span: Span) -> Span | None:
    """``span`` without leading words that cannot start a name, or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and not _opens_a_name(span, start) and (
        doc[start].pos_ in NOT_NAME_START_POS and doc[start].text not in ("The", "NHS")
        or doc[start].is_sent_start and doc[start].lower_ in SENTENCE_STARTERS
        or not doc[start].text[:1].isupper()
    ):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return Span(doc, start, end, label=span.label) if end > start else None


def looks_like_person(span: Span, first_names: frozenset[str]) -> bool:
    """True for a two- or three-word name starting with a known given name and no organisation word."""
    words = [t.text for t in span if t.text not in ("’s", "'s")]
    if not 2 <= len(words) <= 3 or ORGANISATION_WORDS.search(span.text):
        return False
    return words[0] in first_names and all(w[:1].isupper() and not w.isupper() for w in words)


def with_title(span: Span) -> Span:
    """A PERSON span widened left over the titles before it ("Dr", "Cllr", "Professor")."""
    start = span.start
    while start > 0 and span.doc[start - 1].lower_.rstrip(".") in TITLES:
        start -= 1
    return Span(span.doc, start, span.end, label=span.label) if start != span.start else span


def without_group_words(span: Span) -> Span | None:
    """A PERSON span without the plural for a group of people in front, and any words before it ("Local MPs Jo Bloggs")."""
    groups = [t.i for t in span[:3] if t.lower_ in VOCABULARY.people_groups]
    start = groups[-1] + 1 if groups else span.start
    return Span(span.doc, start, span.end, label=span.label) if start < span.end else None


def without_role_word(span: Span, role_words: frozenset[str]) -> Span:
    """A span without a job title NER took into a name: "Chair Ann Lee" is Ann Lee."""
    if len(span) > 2 and span[0].lower_ in role_words and span[1].text[:1].isupper():
        return Span(span.doc, span.start + 1, span.end, label=span.label)
    return span


def is_false_person(span: Span, organisation_texts: list[str]) -> bool:
    """True for PERSON entities that are labels, acronyms, addresses, parties or places inside an organisation's name."""
    words = span.text.split()
    if any(w.isupper() and len(w) > 1 for w in words) or any(c.isdigit() for c in span.text):
        return True
    if len(words) > 1 and (words[-1].lower() in VOCABULARY.place_words or words[0].lower() in VOCABULARY.parties):
        return True
    if words[0] in ("The", "St", "St.", "Saint") or _place_named_after(span):  # "St Helier", "the Mary Seacole ward"
        return True
    return any(span.text in org and span.text != org for org in organisation_texts)


def _place_named_after(span: Span) -> bool:
    """True when a lower-case place word ends the phrase the name opens: "the Nye Bevan unit", "Queen Mary’s hospitals".
    A place word that only describes a later noun leaves a person ("Jeremy Hunt’s hospital plans")."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    if i >= len(doc) or not doc[i].text.islower() or doc[i].lower_ not in VOCABULARY.place_nouns:
        return False
    return i + 1 >= len(doc) or doc[i + 1].pos_ not in ("NOUN", "PROPN")


def judges(doc) -> list[Span]:
    """PERSON spans for judges, whose title takes "Justice" after it: "Mr Justice Green", "Lady Justice Hale"."""
    found = []
    for token in doc[:-2]:
        if token.lower_ in ("mr", "mrs", "ms", "lord", "lady") and doc[token.i + 1].text == "Justice":
            end = token.i + 2
            while end < len(doc) and end - token.i <= 4 and doc[end].text[:1].isupper() and doc[end].is_alpha:
                end += 1
            if end > token.i + 2:
                found.append(Span(doc, token.i, end, label="PERSON"))
    return found


def names_after_labels(doc, entities: list[Span], first_names: frozenset[str],
                       labels: frozenset[str] = VOCABULARY.parties) -> list[Span]:
    """PERSON spans for names NER missed after a party label or a job title (``labels``, lower case):
    "Conservative Alistair Burt", "Campaigner Bill Hart". The name starts with a known given name and is
    one or two capitalised words more, with no organisation or place word after it ("Grace Road",
    "Florence Nightingale Hospital" are no people)."""
    covered = {i for e in entities for i in range(e.start, e.end)}
    found = []
    for token in doc[1:]:
        if token.text not in first_names or token.i in covered or doc[token.i - 1].lower_ not in labels:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i < 3 and doc[end].is_title and doc[end].is_alpha and end not in covered:
            end += 1
        after = doc[end].text if end < len(doc) else ""
        names_a_place = ORGANISATION_WORDS.search(doc[token.i:end].text + " " + after) or after.lower() in VOCABULARY.place_words
        if end > token.i + 1 and not names_a_place:
            found.append(Span(doc, token.i, end, label="PERSON"))
    return found


def titled_names(doc, entities: list[Span]) -> list[Span]:
    """PERSON spans for names NER missed after a title: "Councillor Christine Martin", "Dr Ruth Evans"."""
    covered = {i for e in entities for i in range(e.start, e.end)}
    found = []
    for token in doc:
        if token.lower_.rstrip(".") not in TITLES or not token.text[:1].isupper() or token.i in covered:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and doc[end].text[:1].isupper() and doc[end].is_alpha \
                and not doc[end].text.isupper() and end not in covered:
            end += 1
        if end > token.i + 1:
            found.append(Span(doc, token.i, end, label="PERSON"))
    return found
