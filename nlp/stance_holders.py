"""Who a word stands for: the stakeholders a subject, pronoun, surname or reference ("the three trusts",
"the panel") names, found through the dependency parse and the article's earlier names."""
from dataclasses import dataclass

from spacy.tokens import Token

from nlp.speakers import Speaker
from nlp.roles import REFERENCE_WORDS, is_of_kind
from nlp.vocabulary import VOCABULARY

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
FIRST_PERSON = {"we", "us", "our", "i", "my"}


@dataclass(frozen=True)
class Holder:
    """A stakeholder mentioned in the text: canonical name, kind and where."""

    name: str
    kind: str  # "organisation" or "person"
    start: int
    end: int


def subject_candidates(verb: Token, topic: Token | None = None):
    """Who does ``verb``: its subject (with the words listed with it) or passive agent, climbing to a governing
    verb when it has none, or when its subject is the topic itself ("X said the merger would be a disaster").

    A relative clause's noun is offered first ("the six CCGs that proposed to merge"), then, should it name
    no stakeholder, the subject further up ("X said …, which a merger would not support").
    """
    token = verb
    while True:
        subjects = [c for c in token.children if c.dep_ in SUBJECTS
                    and not (topic is not None and c.left_edge.i <= topic.i <= c.right_edge.i)]
        agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        chosen = agents or [s for s in subjects if s.dep_ != "nsubjpass"] or subjects
        if token.dep_ == "relcl" and (not chosen or all(c.lower_ in ("that", "which", "who") for c in chosen)):
            token = token.head
            if not (token.dep_ == "attr" and token.pos_ in ("NOUN", "PROPN")):  # "X was the only body to vote for it"
                yield listed_with(token)
            continue
        if chosen:
            yield [t for s in chosen for t in listed_with(s)]
            return
        if token.head.i == token.i:
            return
        token = token.head


def listed_with(token: Token) -> list[Token]:
    """``token`` and the words listed with it, as conjuncts or appositions, however the parser nested the list
    ("X, Y and Z have voiced their opposition")."""
    found, todo = [], [token]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += [c for c in current.children if c.dep_ in ("conj", "appos")]
    return found


PRONOUN_KINDS = {"it": "organisation", "they": "organisation", "he": "person", "she": "person"}


def _own_span(token: Token) -> tuple[int, int]:
    """Character span of ``token``'s phrase without its conjuncts ("X" in "X, Y and Z")."""
    skipped = {t.i for child in token.children if child.dep_ in ("conj", "cc") for t in child.subtree}
    tokens = [t for t in token.subtree if t.i not in skipped and not (t.dep_ == "punct" and t.i > token.i)]
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def _holders_at(token: Token, holders: list[Holder]) -> list[Holder]:
    """The stakeholders ``token``'s phrase names: all of them for a plural ("X and Y CCGs"), else the nearest."""
    start, end = _own_span(token)
    inside = [h for h in holders if start <= h.start and h.end <= end or h.start <= token.idx < h.end]
    if not inside or token.tag_ in ("NNS", "NNPS"):
        return inside
    return [min(inside, key=lambda h: 0 if h.start <= token.idx < h.end else abs(h.start - token.idx) + 1)]


def _pronoun_holders(token: Token, holders: list[Holder]) -> list[Holder]:
    """Who "it", "they", "he" or "she" is: the subject of a verb further up ("Leeds CCG said it
    backed …"), else the nearest stakeholder of that kind named before it in the sentence."""
    verb = token.head
    while verb.head.i != verb.i:
        verb = verb.head
        for subject in (c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ not in PRONOUN_KINDS):
            found = _holders_at(subject, holders)
            if found:
                return found
    kind = PRONOUN_KINDS[token.lower_]
    before = [h for h in holders if h.kind == kind and h.end <= token.idx]
    return [max(before, key=lambda h: h.start)] if before else []


def _previous_subject(token: Token, earlier: list[Holder]) -> list[Holder]:
    """Who a pronoun opening its own clause refers back to: the stakeholder that was the subject of the
    previous sentence ("The panel delivered its verdict … It decided to recommend the merger")."""
    sentence = token.sent
    if sentence.start == 0 or any(h.start >= sentence.start_char and h.end <= token.idx for h in earlier):
        return []  # a stakeholder named earlier in this sentence is the nearer antecedent
    previous = token.doc[sentence.start - 1].sent
    kind = PRONOUN_KINDS[token.lower_]
    subjects = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [h for s in subjects for h in _holders_at(s, earlier) or counted_reference(s, earlier) if h.kind == kind]


NUMBERS = VOCABULARY.numbers


def counted_reference(token: Token, earlier: list[Holder]) -> list[Holder]:
    """ "the three trusts", "both CCGs", "the trusts": the article's organisations of that kind, when the count fits;
    "the trust": the last one named."""
    kind = token.lemma_.lower()
    count = next((NUMBERS.get(c.lower_) for c in token.children if c.dep_ in ("nummod", "det", "predet")
                  and c.lower_ in NUMBERS), None)
    definite = any(c.lower_ == "the" for c in token.children)
    if kind not in REFERENCE_WORDS or (count is None and not definite):
        return []
    names = {h.name: h for h in earlier if h.kind == "organisation" and is_of_kind(h.name, kind)}
    if token.tag_ == "NN":  # "the panel": the last one named
        last = max((h for h in earlier if h.name in names and h.end <= token.idx), key=lambda h: h.start, default=None)
        return [last] if last else []
    if count is None:  # "the trusts": all of them, when the article names at least two
        return list(names.values()) if len(names) >= 2 else []
    return list(names.values()) if len(names) == count else []


def holders_of(tokens: list[Token], holders: list[Holder], speaker: Speaker | None,
               earlier: list[Holder] = ()) -> list[Holder]:
    """The stakeholders ``tokens`` (a subject and the words listed with it) name: first-person words are the
    quote's speaker, pronouns and references are resolved, other words are the names they cover."""
    found = []
    for token in tokens:
        counted = counted_reference(token, list(earlier))
        if counted:
            found += counted
            continue
        if token.lower_ in FIRST_PERSON and speaker:
            found.append(Holder(speaker.name, speaker.kind, token.idx, token.idx))
        elif token.lower_ == "it" and token.dep_ in ("nsubjpass", "expl"):
            continue  # "it has been confirmed", "it was agreed": nobody in particular
        elif token.lower_ in PRONOUN_KINDS:
            found += (_pronoun_holders(token, holders) or _previous_subject(token, list(earlier))
                      or _pronoun_holders(token, list(earlier)))
        elif _describes_a_person(token, found):
            continue  # "Jane Smith, a senior fellow at the Nuffield Trust": her role, not a second stakeholder
        else:
            found += _holders_at(token, holders) or _named_earlier(token, earlier)
    return found


def _describes_a_person(token: Token, found: list[Holder]) -> bool:
    """True when ``token`` is in apposition to a word already resolved to a person: it gives their role, and
    the organisation it names is credited only as the one they speak for (see ``nlp.stance``)."""
    if token.dep_ != "appos":
        return False
    return any(h.kind == "person" and h.start <= token.head.idx < max(h.end, h.start + 1) for h in found)


def _named_earlier(token: Token, earlier: list[Holder]) -> list[Holder]:
    """The person a surname refers back to ("Davies said"), when the article has named exactly one person so."""
    if token.pos_ != "PROPN":
        return []
    people = {h.name: h for h in earlier if h.kind == "person" and h.name.split()[-1] == token.text}
    return list(people.values()) if len(people) == 1 else []
