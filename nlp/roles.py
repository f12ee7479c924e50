"""A person's role and organisation as the sentence around their name states them: pure functions over a Doc.

Patterns, as UK news writes them:
- after the name: "Paula Clark, chief executive of UHNM"; "Neil Carr, who is CEO of both
  organisations"; "Andrew Morgan, who chairs the trust";
- before the name: "UHNM medical director Dr John Oxtoby"; "the federation’s governance lead,
  Dr Paul Roberts"; "Its chief executive Sir Leonard Fenwick"; "accountable officer David Stout".
Organisations are ORG entities, or references back to one: "the council", "the trust", "its".
"""
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from nlp.names import TITLES
from nlp.vocabulary import VOCABULARY

ROLE_WORDS_FILE = Path(__file__).parent / "data" / "roles.txt"
ROLE_VERBS = {"chairs": "chair", "leads": "lead", "heads": "head", "runs": "head", "manages": "manager"}
# "The new board will be chaired by Name": the role a passive verb gives the person after "by".
PASSIVE_ROLE_VERBS = {"chaired": "chair", "led": "lead", "headed": "head"}
# Titles that are offices: "Cllr Name" is a councillor when the sentence gives no other role.
OFFICE_TITLES = {"cllr": "councillor", "councillor": "councillor"}
# Lower-case words that can stand before a role head: "acting chair", "integration director".
ROLE_MODIFIER_POS = {"NOUN", "ADJ", "VERB", "PROPN"}
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP"}  # "she met health secretary X", "had met …": no part of the role ("acting" is)
# Words between a name and its role that are not part of the role: "Name, who is currently the …".
SKIPPED_BEFORE_ROLE = {"is", "was", "has", "been", "currently", "also", "now", "previously", "formerly", "then",
                       "the", "a", "an", "both", "appointed", "named", "as", "its", "new"}
# Words right after a name that open its role without a comma: "Name is …", "Name has been appointed interim CEO".
# (Not "will become": a role still to come is not the one the person holds.)
ROLE_AFTER_NAME_VERBS = {"is", "was", "has", "becomes", "became"}
# Roles written after a name with no comma.
POSTNOMINAL_ROLES = {"MP", "MEP", "MSP"}
# Endings of words for professions: "paediatrician", "scientist", "psychiatrist", "specialist" (not "checklist").
PROFESSION = re.compile(r"[a-z]{3,}(?:ician|iatrist|ologist|(?<!l)ist|alist)$")
NOT_ROLE_MODIFIERS = {"with", "and", "the", "a", "an", "its", "their", "his", "her", "said", "says", "told", "by",
                      "as", "former", "including", "like", "such"}
# Roles that only exist in local government: without a stated organisation, they belong to a council.
COUNCIL_ROLES = re.compile(r"\b(cabinet member|cabinet lead|portfolio holder|councillor|leader|deputy leader|"
                           r"director of (adult|children)|mayor)\b")
# "the council" refers back to the nearest organisation whose name contains one of these words.
REFERENCE_WORDS = VOCABULARY.references


def is_of_kind(name: str, word: str) -> bool:
    """True when the organisation ``name`` is one that ``word`` ("trust", "ccg", "council") can refer to."""
    lowered = name.lower()
    return any(re.search(rf"\b{re.escape(cue)}s?\b", lowered) for cue in REFERENCE_WORDS.get(word, ()))


@dataclass(frozen=True)
class RoleFinding:
    """What the text says of one person mention: a role, and the organisation (as a character span)."""

    role: str | None
    organisation_span: tuple[int, int] | None
    # The span is only the capitalised words written before the role ("Mersey Care chief executive"):
    # a short form of an organisation the article names, never a new organisation.
    short_form: bool = False


def load_role_heads(path: Path = ROLE_WORDS_FILE) -> frozenset[str]:
    """The role-head lexicon, one head per line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


class RoleFinder:
    """Find roles and affiliations around person mentions, given the article's organisation mentions."""

    def __init__(self, role_heads: frozenset[str]):
        self.role_heads = role_heads
        self.max_head_words = max(len(h.split()) for h in role_heads)

    def _is_head(self, tokens) -> bool:
        """A role head: listed, or one word naming a profession ("paediatrician", "scientist")."""
        if " ".join(t.lower_ for t in tokens).replace(" - ", "-") in self.role_heads:  # "co-chair" is three tokens
            return True
        return len(tokens) == 1 and tokens[0].pos_ == "NOUN" and bool(PROFESSION.fullmatch(tokens[0].lower_))

    def _head_ending_at(self, doc: Doc, end: int) -> int | None:
        """Start index of a role head ending at token ``end`` (exclusive), longest first."""
        for size in range(self.max_head_words, 0, -1):
            start = end - size
            if start >= 0 and self._is_head(doc[start:end]):
                return start
        return None

    def _head_starting_at(self, doc: Doc, start: int) -> int | None:
        """End index (exclusive) of a role head starting at token ``start``, longest first."""
        for size in range(self.max_head_words, 0, -1):
            end = start + size
            if end <= len(doc) and self._is_head(doc[start:end]):
                return end
        return None

    def _modifiers_before(self, doc: Doc, start: int, limit: int) -> int:
        """Extend a role leftwards over modifiers ("acting", "integration", "executive team")."""
        while start > limit and start - 1 >= 0:
            token = doc[start - 1]
            # "Acting chief executive" opening a sentence; "Northgate chief executive" names a body, not a kind of role
            lower_case = token.text.islower() or token.is_sent_start and token.text[1:].islower() and token.lower_ not in REFERENCE_WORDS
            verb_form = token.tag_ in FINITE_VERB_TAGS or token.i > 0 and token.nbor(-1).pos_ == "AUX"  # "had met"
            is_modifier = (token.pos_ in ROLE_MODIFIER_POS and lower_case and token.lower_ not in NOT_ROLE_MODIFIERS
                           and not verb_form
                           or token.lower_ in VOCABULARY.parties)  # "Labour MP", "Conservative councillor"
            if not (is_modifier or token.lower_ in self.role_heads or token.text == "-"):
                break
            start -= 1
        return start

    def _domain_after(self, doc: Doc, end: int, limit: int) -> int:
        """Extend a role rightwards over "of/for/on" and the words of its field ("director of adult social care",
        "national director for commissioning strategy", "Secretary of State for Health"); a name (an entity) is
        not a field but the organisation."""
        if not (end + 1 < limit and doc[end].lower_ in ("of", "for", "on")) or doc[end + 1].lower_ in ("the", "both", "a", "its"):
            return end
        cursor = end + 1
        while cursor < limit and _in_field(doc[cursor]):
            cursor += 1
        while cursor > end + 1 and doc[cursor - 1].text == ",":
            cursor -= 1
        return cursor if cursor > end + 1 else end

    def _head_before_domain(self, doc: Doc, end: int, limit: int) -> int | None:
        """Start of a role head followed by "of/for" and lower-case words up to ``end``: "director of primary care"."""
        j = end - 1
        while j > limit and doc[j].text.islower() and doc[j].lower_ not in ("of", "for") and end - j <= 5:
            j -= 1
        if j <= limit or j >= end - 1 or doc[j].lower_ not in ("of", "for"):
            return None
        return self._head_ending_at(doc, j)

    def _head_soon_after(self, doc: Doc, i: int, sentence_end: int) -> bool:
        """A role head at ``i`` or after at most two lower-case modifiers ("clinical chair")."""
        for j in range(i, min(i + 3, sentence_end)):
            if self._head_starting_at(doc, j):
                return True
            if not (doc[j].text.islower() and doc[j].pos_ in ROLE_MODIFIER_POS):
                return False
        return False

    def _role_from(self, doc: Doc, i: int, sentence_end: int) -> tuple[int, int] | None:
        """The role phrase starting at token ``i``, up to its last role head: (start, end) token indices.

        "GP clinical director", "GP and chief executive", "director of adult social care".
        """
        start, last_head_end = i, None
        while i < sentence_end:
            head_end = self._head_starting_at(doc, i)
            if head_end:
                last_head_end = i = head_end
                continue
            token = doc[i]
            joins_roles = token.lower_ == "and" and self._head_soon_after(doc, i + 1, sentence_end)  # "GP and clinical chair"
            # "Conservative MP for Stafford", "CCG clinical chair"
            kind_in_front = i == start and (token.lower_ in VOCABULARY.parties or token.text in VOCABULARY.kind_acronyms)
            if not (joins_roles or kind_in_front or (token.text.islower() and token.pos_ in ROLE_MODIFIER_POS
                                             and token.lower_ not in NOT_ROLE_MODIFIERS) or token.text == "-"):
                break
            i += 1
        if last_head_end is None:
            return None
        return start, self._domain_after(doc, last_head_end, sentence_end)

    def _organisation_after_role(self, doc: Doc, start: int, end: int, sentence_end: int,
                                 organisations) -> tuple[int, int] | None:
        """The organisation after the role ``doc[start:end]``: "chief executive of/at ORG"; but "MP for X" names
        the place the MP sits for."""
        if end >= sentence_end or doc[end].lower_ not in ("of", "at", "for", "with", "from", "in"):
            return None
        role = doc[start:end].text.lower()
        if doc[end].lower_ == "for" and any(role == r or role.endswith(" " + r) for r in VOCABULARY.constituency_roles):
            return None  # "Conservative MP for X", "parliamentary candidate for X": a seat
        return _organisation_at(doc, end + 1, organisations)

    def after(self, person: Span, organisations: list[tuple[int, int]]) -> RoleFinding | None:
        """ "Name, [who is] [the] [ORG’s] ROLE [of|at|for ORG]", "Name, ORG ROLE", "Name, who chairs ORG"."""
        doc, sentence_end = person.doc, person.sent.end
        i = person.end
        if i < sentence_end and doc[i].text in POSTNOMINAL_ROLES:  # "Jeremy Lefroy MP"
            return RoleFinding(doc[i].text.lower(), None)
        if i >= sentence_end or doc[i].text not in (",", "(", "–", "—") and doc[i].lower_ not in ROLE_AFTER_NAME_VERBS:
            return None
        i += 1
        if i < sentence_end and doc[i].lower_ == "who":
            i += 1
            if i < sentence_end and doc[i].lower_ in ROLE_VERBS:
                return RoleFinding(ROLE_VERBS[doc[i].lower_], _organisation_at(doc, i + 1, organisations))
        while i < sentence_end and doc[i].lower_ in SKIPPED_BEFORE_ROLE:
            i += 1
        organisation = None
        named_first = [span for span in organisations if span[0] == doc[i].idx] if i < sentence_end else []
        if named_first:  # "Name, UHNM medical director" / "Name, NHS Improvement’s regional director"
            organisation = named_first[0]
            while i < sentence_end and doc[i].idx < organisation[1]:
                i += 1
            i = _skip_bracket_and_possessive(doc, i, sentence_end)
        else:
            possessive = _possessive_reference(doc, i, sentence_end)
            if possessive:  # "the federation’s governance lead", "the city council’s cabinet member"
                organisation, i = possessive
        phrase = self._role_from(doc, i, sentence_end)
        if phrase is None:
            return None
        start, end = phrase
        organisation = organisation or self._organisation_after_role(doc, start, end, sentence_end, organisations)
        if organisation is None and end < sentence_end:  # "chief officer of patient advocate Healthwatch Shropshire"
            organisation = next((span for span in organisations if span[0] == doc[end].idx), None)
        if organisation is None and end + 1 < sentence_end and doc[person.end].text == "(" and doc[end].text == ",":
            organisation = next((span for span in organisations if span[0] == doc[end + 1].idx), None)  # "(ROLE, ORG)"
        return RoleFinding(doc[start:end].text.lower(), organisation)

    def as_role(self, person: Span, organisations: list[tuple[int, int]]) -> RoleFinding | None:
        """ "Name stepped down as chief executive of ORG": the first "as ROLE" after the name in its clause."""
        doc, sentence_end = person.doc, person.sent.end
        for i in range(person.end, min(sentence_end, person.end + 8)):
            if doc[i].text in (",", ";", ":") or doc[i].ent_type_ == "PERSON":
                return None
            if doc[i].lower_ == "as":
                j = i + 1
                while j < sentence_end and doc[j].lower_ in SKIPPED_BEFORE_ROLE:
                    j += 1
                phrase = self._role_from(doc, j, sentence_end)
                if phrase is None:
                    return None
                start, end = phrase
                return RoleFinding(doc[start:end].text.lower(), self._organisation_after_role(doc, start, end, sentence_end, organisations))
        return None

    def _seat_before(self, doc: Doc, comma: int, sentence_start: int) -> RoleFinding | None:
        """ "The MP for Stafford, Name": a role held for a place, ending at the ``comma`` before the name."""
        j = comma
        while j > sentence_start and (doc[j - 1].text[:1].isupper() or doc[j - 1].text == "-"):
            j -= 1
        if j == comma or j - 1 <= sentence_start or doc[j - 1].lower_ != "for":
            return None
        head_start = self._head_ending_at(doc, j - 1)
        role = doc[head_start : j - 1].text.lower() if head_start is not None else ""
        return RoleFinding(role, None) if role in VOCABULARY.constituency_roles else None

    def _inverted(self, doc: Doc, copula: int, sentence_start: int, organisations) -> RoleFinding | None:
        """ "The chief executive of X is Name": the role and organisation before the copula at ``copula``."""
        organisation = _ends_at(organisations, doc[copula - 1]) if copula > sentence_start else None
        if organisation is None:
            return None
        j = copula - 1
        while j > sentence_start and doc[j - 1].idx >= organisation[0]:
            j -= 1
        if j - 1 <= sentence_start or doc[j - 1].lower_ not in ("of", "at", "for"):
            return None
        head_start = self._head_ending_at(doc, j - 1)
        if head_start is None:
            return None
        start = self._modifiers_before(doc, head_start, sentence_start)
        return RoleFinding(doc[start : j - 1].text.lower(), organisation)

    def find(self, person: Span, organisations: list[tuple[int, int]]) -> RoleFinding | None:
        """The role and organisation the sentence gives this mention, trying each pattern in turn."""
        return _first_finding(self.after(person, organisations), self.as_role(person, organisations),
                              self.before(person, organisations), self.passive(person, organisations),
                              self.plural_before_list(person), _office_title(person))

    def passive(self, person: Span, organisations: list[tuple[int, int]]) -> RoleFinding | None:
        """ "X will be chaired by Name": the role the verb names, at the passive subject's organisation."""
        doc, i = person.doc, person.start
        if i < 2 or doc[i - 1].lower_ != "by" or doc[i - 2].lower_ not in PASSIVE_ROLE_VERBS:
            return None
        subject = next((c for c in doc[i - 2].children if c.dep_ == "nsubjpass"), None)
        organisation = next((span for span in organisations if subject is not None and span[0] <= subject.idx < span[1]), None)
        return RoleFinding(PASSIVE_ROLE_VERBS[doc[i - 2].lower_], organisation)

    def plural_before_list(self, person: Span) -> RoleFinding | None:
        """ "MPs Jo Smith, Ann Lee and Tom Ray": each name in a list after a plural role holds the singular role."""
        doc, start, i = person.doc, person.sent.start, person.start
        while i > start and (doc[i - 1].text in (",", "and", "&") or doc[i - 1].ent_type_ == "PERSON"):
            i -= 1
        plural = doc[i - 1].lower_ if i > start else ""
        return RoleFinding(plural[:-1], None) if plural.endswith("s") and plural[:-1] in self.role_heads else None

    def before(self, person: Span, organisations: list[tuple[int, int]]) -> RoleFinding | None:
        """ "[ORG[’s]] ROLE[,] [Title] Name"."""
        doc, sentence_start = person.doc, person.sent.start
        i = person.start
        while i > sentence_start and doc[i - 1].lower_.rstrip(".") in TITLES:
            i -= 1
        if i > sentence_start and doc[i - 1].text == ",":
            i -= 1
            inverted = self._inverted(doc, i, sentence_start, organisations)  # "Leader of X Council, Name"
            if inverted:
                return inverted
            seat = self._seat_before(doc, i, sentence_start)  # "The MP for Stafford, Name"
            if seat:
                return seat
        if i > sentence_start and doc[i - 1].lower_ in ("is", "was"):
            inverted = self._inverted(doc, i - 1, sentence_start, organisations)
            if inverted:
                return inverted
        head_start = self._head_ending_at(doc, i)
        if head_start is None:  # "acting director of primary care Name"
            head_start = self._head_before_domain(doc, i, sentence_start)
        if head_start is None or head_start < sentence_start:
            return None
        start = self._modifiers_before(doc, head_start, sentence_start)
        while start < head_start and not doc[start].text.islower() and doc[start].lower_ not in self.role_heads \
                and (doc[start].pos_ == "PROPN" or _in_a_name(doc[start], organisations)):
            start += 1  # capitalised words before the role name its body ("Deputy" is the role's; "Northgate" a body's)
        start = _portfolio_before(doc, start, sentence_start, i)
        role = doc[start:i].text.strip(" ,").lower()
        if not role or role in TITLES:
            return None
        organisation = None
        j = start
        if j > sentence_start and doc[j - 1].text in ("’s", "'s"):
            j -= 1
        if j > sentence_start:
            organisation = _ends_at(organisations, doc[j - 1])
            if organisation is None and (doc[j - 1].lower_ in REFERENCE_WORDS or doc[j - 1].lower_ in ("its", "their")):
                organisation = (doc[j - 1].idx, doc[j - 1].idx + len(doc[j - 1].text))
        if organisation:  # "X LMC chief executive and GPC member Dr Name": the role named first comes first
            k = j
            while k > sentence_start and doc[k - 1].idx >= organisation[0]:
                k -= 1
            if k > sentence_start and doc[k - 1].lower_ == "and":
                earlier = self._role_ending_at(doc, k - 1, sentence_start, organisations)
                if earlier and earlier.organisation_span:
                    return earlier
        if organisation is None:  # "Mersey Care chief executive Name", "former CPFT CEO Name", "Northgate’s chief executive"
            words = _capitalised_words_before(doc, j, sentence_start)
            if words is not None:
                return RoleFinding(role, (words.start_char, words.end_char), short_form=True)
        return RoleFinding(role, organisation)

    def _role_ending_at(self, doc: Doc, i: int, sentence_start: int, organisations) -> RoleFinding | None:
        """ "ORG ROLE" ending just before token ``i``."""
        head_start = self._head_ending_at(doc, i)
        if head_start is None or head_start < sentence_start:
            return None
        start = self._modifiers_before(doc, head_start, sentence_start)
        organisation = _ends_at(organisations, doc[start - 1]) if start > sentence_start else None
        return RoleFinding(doc[start:i].text.lower(), organisation)


def _ends_at(organisations: list[tuple[int, int]], token) -> tuple[int, int] | None:
    """The organisation mention ending at ``token``."""
    return next((span for span in organisations if span[1] == token.idx + len(token.text)), None)


def _capitalised_words_before(doc: Doc, end: int, limit: int) -> Span | None:
    """The run of capitalised proper nouns (no person's name) just before token ``end``, if any."""
    start = end
    while start > limit and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].is_sent_start) \
            and doc[start - 1].text[:1].isupper() and doc[start - 1].ent_type_ != "PERSON":  # a sentence's first word may be tagged NOUN
        start -= 1
    return doc[start:end] if start < end else None


def _in_field(token) -> bool:
    """A word of a role's field: lower case or a capitalised common word, never a name, a verb of saying or "who"."""
    if token.text in ("’s", "'s", ","):
        return True
    starts_a_name = token.ent_type_ == "PERSON" or token.ent_iob_ == "B"  # "State for Health" inside a role is no name
    if starts_a_name or token.lower_ in ("at", "who", "said", "says") or token.pos_ == "VERB" and token.tag_ != "VBG":
        return False
    if token.pos_ in ("AUX", "PRON", "ADV", "SCONJ"):  # "Secretary of State for Health, has said"
        return False
    return token.text.islower() or token.is_title and token.pos_ in ("NOUN", "PROPN") and token.i > 0 and token.nbor(-1).lower_ == "for"


def _office_title(person: Span) -> RoleFinding | None:
    """ "Cllr Name": a councillor, with no organisation stated."""
    title = person[0].lower_.rstrip(".")
    return RoleFinding(OFFICE_TITLES[title], None) if title in OFFICE_TITLES else None


def _in_a_name(token: Token, organisations: list[tuple[int, int]]) -> bool:
    """True when ``token``'s word is one of the words of an organisation the article names ("Northgate")."""
    doc = token.doc
    return any(token.text == t.text for s, e in organisations for t in doc.char_span(s, e, alignment_mode="expand") or ())


def _portfolio_before(doc: Doc, start: int, limit: int, end: int) -> int:
    """Extend a government title leftwards over its capitalised portfolio: "Shadow Health Secretary"."""
    if doc[end - 1].lower_ not in VOCABULARY.portfolio_heads:
        return start
    while start > limit and doc[start - 1].lower_ in VOCABULARY.portfolio_words and not doc[start - 1].ent_type_:
        start -= 1
    while start < end - 1 and doc[start].lower_ == "and":
        start += 1
    return start


def _first_finding(*findings: RoleFinding | None) -> RoleFinding | None:
    """The first finding that names a role (with its own organisation, if any)."""
    return next((f for f in findings if f is not None and f.role), None)


def _skip_bracket_and_possessive(doc: Doc, i: int, limit: int) -> int:
    """Skip "(UHNM)" and "’s" after an organisation's name."""
    if i < limit and doc[i].text == "(":
        while i < limit and doc[i].text != ")":
            i += 1
        i += 1
    if i < limit and doc[i].text in ("’s", "'s", "’", "'"):
        i += 1
    return i


def _possessive_reference(doc: Doc, i: int, limit: int) -> tuple[tuple[int, int], int] | None:
    """ "the federation’s", "the city council’s", "its": the reference's span and the index after it."""
    if i < limit and doc[i].lower_ in ("its", "their"):
        return (doc[i].idx, doc[i].idx + len(doc[i].text)), i + 1
    start = i + 1 if i < limit and doc[i].lower_ == "the" else i
    for end in range(start + 1, min(start + 5, limit)):
        if doc[end].text in ("’s", "'s"):
            named = all(t.text[:1].isupper() or t.text in ("&", "and") for t in doc[start:end])
            if doc[end - 1].lower_ in REFERENCE_WORDS or named:
                return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)), end + 1
            return None
    return None


def _organisation_at(doc: Doc, index: int, organisations: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The organisation mention, or reference ("the council", "the Birmingham trust"), starting at token ``index``."""
    while index < len(doc):
        exact = [span for span in organisations if span[0] == doc[index].idx]
        if exact:
            return exact[0]
        if doc[index].lower_ not in ("the", "both"):
            break
        index += 1
    if index >= len(doc):
        return None
    for size in (1, 2, 3):  # a reference word after up to two modifiers: "city council", "Birmingham trust"
        last = index + size - 1
        if last < len(doc) and doc[last].lower_ in REFERENCE_WORDS and doc[last].text.islower():
            return (doc[index].idx, doc[last].idx + len(doc[last].text))
    return _capitalised_name_at(doc, index)


def _capitalised_name_at(doc: Doc, index: int) -> tuple[int, int] | None:
    """A capitalised name NER missed, right after "ROLE of/at": "chairman of Shropshire Defend Our NHS"."""
    if not doc[index].text[:1].isupper() or doc[index].ent_type_ in ("PERSON", "DATE"):
        return None
    end = index
    while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ in ("and", "&", "of", "upon", "on", "for")):
        end += 1
    while end > index and not doc[end - 1].text[:1].isupper():
        end -= 1
    if end - index < 2 and not doc[index].text.isupper():
        return None  # one capitalised word is more often a place than an organisation
    return (doc[index].idx, doc[end - 1].idx + len(doc[end - 1].text))


DETERMINERS = frozenset({"the", "a", "an", "this", "that"})


def resolve_reference(text: str, position: int, named: list[tuple[int, str]]) -> str | None:
    """The organisation a reference such as "the council" or "its" at ``position`` points back to.

    ``named`` holds (position, canonical name) of every organisation mention in the article.
    """
    words = text.lower().split()
    # "Cabinet members at the city council": the reference is the noun phrase its last determiner opens
    words = words[max((i for i, w in enumerate(words) if w in DETERMINERS), default=0) :]
    word, hints = words[-1], [w for w in words[:-1] if w not in DETERMINERS and w not in VOCABULARY.reference_modifiers]
    earlier = [name for where, name in sorted(named) if where < position]
    if word in ("its", "their"):
        return earlier[-1] if earlier else None
    matching = [name for name in earlier if is_of_kind(name, word) and all(hint in name.lower() for hint in hints)]
    if matching:
        return matching[-1]
    of_kind = {name for name in earlier if is_of_kind(name, word)}
    if hints and len(of_kind) == 1:  # "the hospital trust" when the article names one trust, whatever its name says
        return of_kind.pop()
    later = [name for where, name in sorted(named) if where > position and is_of_kind(name, word)]
    return later[0] if later else None
