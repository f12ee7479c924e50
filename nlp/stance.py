"""Who stands where on the tracked topics: pure functions over a parsed Doc and what the other steps found.

A sentence that names a topic ("the merger", "a single provider", "the MCP") is read
through its dependency parse: from the topic word up to the first word that shows a
position ("backs", "opposed to", "voted in favour of"), negation turning support into
opposition; the position belongs to that word's subject (or the agent of a passive, or,
inside a quote, its speaker). Backing one topic "instead of" or "as an alternative to"
another opposes the other. Every other stakeholder named in a sentence about a topic is
reported as neutral on it.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from nlp.misspellings import read_through_slip, slip_index
from nlp.quotes import Speaker
from nlp.results import StanceResult
from nlp.roles import REFERENCE_WORDS, is_of_kind
from nlp.topics import Topic
from tracker.tomlfile import read_toml

CUES_FILE = Path(__file__).parent / "data" / "stance_cues.toml"
MAX_INSERTED_WORDS = 4  # "a single community and mental health provider" is a "single provider"
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
FIRST_PERSON = {"we", "us", "our", "i", "my"}


@dataclass(frozen=True)
class Cues:
    """The stance lexicon: cue lemmas (single words and phrases), negators, contrast markers."""

    support: frozenset[str]
    oppose: frozenset[str]
    negators: frozenset[str]
    contrast: tuple[str, ...]
    not_organisational: frozenset[str]
    topic_references: frozenset[str]
    becoming: frozenset[str] = frozenset()  # "X will become an ACO": to become the topic is to back it
    effects: dict[str, str] = field(default_factory=dict)  # "the merger will improve care": what it does, judged
    term_variants: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "one organisation" is a "single organisation"
    misspelt: dict[str, str] = field(default_factory=dict)  # one-slip misspellings of long cues: "oppostion"

    def polarity(self, token: Token) -> str | None:
        """ "support" or "oppose" when ``token`` (alone or with the next word) is a cue.

        Nouns that name a topic ("the plan", "the proposal") are not cues on their own.
        """
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in self.topic_references:
            return None
        pair = f"{lemma} {token.nbor().lemma_.lower()}" if token.i + 1 < len(token.doc) else ""
        for label, words in (("support", self.support), ("oppose", self.oppose)):
            if lemma in words or token.lower_ in words or pair in words:
                return label
        if token.is_alpha:
            return read_through_slip(token.text, self.polarities, self.misspelt)
        return None

    @property
    def polarities(self) -> dict[str, str]:
        """Every cue with its polarity."""
        return {**{w: "support" for w in self.support}, **{w: "oppose" for w in self.oppose}}


def load_cues(path: Path = CUES_FILE) -> Cues:
    """Read the stance lexicon."""
    data = read_toml(path)
    cues = Cues(
        support=frozenset(data["support"]), oppose=frozenset(data["oppose"]), negators=frozenset(data["negators"]),
        contrast=tuple(data["contrast"]), not_organisational=frozenset(data["not_organisational"]),
        topic_references=frozenset(data["topic_references"]),
        becoming=frozenset(data["becoming"]),
        effects={**{w: "support" for w in data["effects"]["support"]}, **{w: "oppose" for w in data["effects"]["oppose"]}},
        term_variants={word: tuple(variants) for word, variants in data["term_variants"].items()},
    )
    cues.misspelt.update(slip_index(cues.polarities))
    return cues


@dataclass(frozen=True)
class TopicMention:
    """Where a sentence names a topic: the topic and its head token."""

    topic: str
    token: Token


@dataclass(frozen=True)
class Holder:
    """A stakeholder mentioned in the text: canonical name, kind and where."""

    name: str
    kind: str  # "organisation" or "person"
    start: int
    end: int


def _term_words(term: str) -> list[str]:
    return [w.lower() for w in re.split(r"[\s-]+", term) if w]


def _word_matches(token: Token, word: str, cues: Cues) -> bool:
    text, lemma = token.lower_, token.lemma_.lower()
    return word in (lemma, text, text[:-1] if text.endswith("s") else text) or lemma in cues.term_variants.get(word, ())


def find_topic_mentions(sentence: Span, topics: list[Topic], excluded: list[tuple[int, int]], cues: Cues) -> list[TopicMention]:
    """The topics a sentence names, matched on lemmas with up to four inserted words.

    Words inside an organisation's name ("Combined Healthcare") do not count, nor a merger
    of things that are not organisations ("merge their back office functions").
    """
    found = []
    tokens = [t for t in sentence if not any(s <= t.idx < e for s, e in excluded)]
    for topic in topics:
        for term in topic.terms:
            words = _term_words(term)
            for i, token in enumerate(tokens):
                if not _word_matches(token, words[0], cues):
                    continue
                position, matched = i, [token]
                for word in words[1:]:
                    following = tokens[position + 1 : position + 2 + MAX_INSERTED_WORDS]
                    match = next((j for j, t in enumerate(following) if _word_matches(t, word, cues)), None)
                    if match is None:
                        break
                    position += match + 1
                    matched.append(tokens[position])
                else:
                    head = _phrase_head(matched)
                    if not _about_other_things(head, cues):
                        found.append(TopicMention(topic.id, head))
    unique = {(m.topic, m.token.i): m for m in found}
    return list(unique.values())


def _phrase_head(tokens: list[Token]) -> Token:
    """The word of a matched term that the rest hang on: "taken" in "taken over", "provider" in "single provider"."""
    first, last = tokens[0].i, tokens[-1].i  # inserted words belong to the phrase: "single community … provider"
    outside = [t for t in tokens if not first <= t.head.i <= last or t.head.i == t.i]
    return outside[-1] if outside else tokens[-1]


def _about_other_things(token: Token, cues: Cues) -> bool:
    """True when what is merged is not organisations: "merge the majority of practices’ back office functions"."""
    todo = [c for c in token.children if c.dep_ in ("dobj", "pobj", "prep") and c.lower_ != "into"]
    while todo:
        phrase = todo.pop()
        if phrase.lemma_.lower() in cues.not_organisational:
            return True
        todo += [c for c in phrase.children if c.dep_ in ("prep", "pobj", "appos", "conj")]
    return False


def _negated(token: Token, cues: Cues) -> bool:
    if any(child.dep_ == "neg" or child.lower_ in cues.negators for child in token.children):
        return True
    window = token.doc[max(token.sent.start, token.i - 3) : token.i]
    return any(t.lower_ in cues.negators for t in window)


def _names_an_idea(verb: Token, cues: Cues) -> bool:
    """True for a topic verb in a clause that spells out a plan or idea ("the proposal that the CCGs merge"):
    the position is taken on the idea, not shown by the clause's subject."""
    return verb.pos_ == "VERB" and verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in cues.topic_references


def _embedded_question(token: Token) -> bool:
    """True for the verb of a clause that asks who or what ("who will benefit from mergers"), not a relative clause."""
    return token.dep_ != "relcl" and any(c.dep_ in SUBJECTS and c.tag_ == "WP" for c in token.children)


def governing_cues(topic_token: Token, cues: Cues):
    """The cues on the way from the topic word up the parse, nearest first, each with its polarity
    after negation ("does not support" opposes)."""
    if _names_an_idea(topic_token, cues):  # "the idea that hospitals can take over practices is a bad one"
        topic_token = topic_token.head
    elif topic_token.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in topic_token.children):
        # "X and Y are set to merge", "the trust has taken over the practice": doing it is backing it
        yield topic_token, "oppose" if _negated(topic_token, cues) else "support"
    token, came_from = topic_token, None
    while True:
        in_topic_phrase = came_from is not None and came_from.dep_ in ("compound", "amod", "nmod")  # "merger plans"
        if came_from is not None and came_from.dep_ in ("nsubj", "csubj"):
            polarity = cues.effects.get(token.lemma_.lower())  # what the topic does judges it only by its effects
        elif came_from is not None and came_from.dep_ in ("attr", "oprd") and token.lemma_.lower() in cues.becoming:
            polarity = "support"  # "the STP would become an accountable care system"
        else:
            polarity = cues.polarity(token) if token.i != topic_token.i and not in_topic_phrase else None
        if polarity is None and token.pos_ in ("VERB", "AUX"):  # "… the merger plan … are minuscule"
            predicates = [c for c in token.children if c.dep_ in ("acomp", "attr", "oprd")]
            if came_from is not None and came_from.dep_ == "prep":  # "voiced their opposition to the merger"
                predicates += [c for c in token.children if c.dep_ == "dobj"]
            predicates += [g for c in predicates for p in c.children if p.dep_ == "prep"  # "akin to a land grab"
                           for g in p.children if g.dep_ == "pobj"]
            predicates += [m for c in predicates for m in c.children if m.dep_ in ("amod", "compound")]  # "a bad idea"
            predicate = next((c for c in predicates if cues.polarity(c)), None)
            polarity = cues.polarity(predicate) if predicate is not None else None
            if polarity and _negated(predicate, cues):  # "there is no benefit in merging"
                polarity = "oppose" if polarity == "support" else None
        if polarity:
            if _negated(token, cues):
                polarity = "oppose" if polarity == "support" else None
            if polarity:
                yield token, polarity
        if token.head.i == token.i or _embedded_question(token):
            return  # "quantification of who will benefit from mergers": the topic is inside a question, no one's stance
        came_from, token = token, token.head


def _done_by_its_subject(token: Token) -> bool:
    """A topic verb stated as something its subject does or will do, not might do ("could merge")."""
    if token.pos_ != "VERB":
        return False
    hedges = {"could", "might", "may", "would"}
    chain = [token, *token.ancestors][:4]
    return not any(c.lower_ in hedges for t in chain for c in t.children if c.dep_ == "aux")


def _subject_candidates(verb: Token, topic: Token | None = None):
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
                yield _listed_with(token)
            continue
        if chosen:
            yield [t for s in chosen for t in _listed_with(s)]
            return
        if token.head.i == token.i:
            return
        token = token.head


def _listed_with(token: Token) -> list[Token]:
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
    return [h for s in subjects for h in _holders_at(s, earlier) or _counted_reference(s, earlier) if h.kind == kind]


NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "both": 2}


def _counted_reference(token: Token, earlier: list[Holder]) -> list[Holder]:
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


def _holders_of(tokens: list[Token], holders: list[Holder], speaker: Speaker | None,
                earlier: list[Holder] = ()) -> list[Holder]:
    found = []
    for token in tokens:
        counted = _counted_reference(token, list(earlier))
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
        else:
            found += _holders_at(token, holders) or _named_earlier(token, earlier)
    return found


def _named_earlier(token: Token, earlier: list[Holder]) -> list[Holder]:
    """The person a surname refers back to ("Davies said"), when the article has named exactly one person so."""
    if token.pos_ != "PROPN":
        return []
    people = {h.name: h for h in earlier if h.kind == "person" and h.name.split()[-1] == token.text}
    return list(people.values()) if len(people) == 1 else []


def _contrasted(sentence: Span, first: TopicMention, mentions: list[TopicMention], cues: Cues) -> list[str]:
    """Topics set against ``first`` in the sentence: "an MCP instead of the larger organisation"."""
    text = sentence.text.lower()
    rivals = []
    for other in mentions:
        if other.topic == first.topic or other.token.i < first.token.i:
            continue
        between = text[first.token.idx - sentence.start_char : other.token.idx - sentence.start_char]
        if any(marker in between for marker in cues.contrast):
            rivals.append(other.topic)
    return rivals


def _after_contrast(sentence: Span, mention: TopicMention, mentions: list[TopicMention], cues: Cues) -> bool:
    """True when a contrast marker stands between an earlier topic mention and this one."""
    earlier = [m for m in mentions if m.token.i < mention.token.i and m.topic != mention.topic]
    return any(mention.topic in _contrasted(sentence, m, mentions, cues) for m in earlier)


@dataclass
class SentenceContext:
    """What the stance reader needs to know about one sentence."""

    sentence: Span
    holders: list[Holder]
    quotes: list = field(default_factory=list)  # QuoteResult: the quotes overlapping this sentence
    mentions: list[TopicMention] = field(default_factory=list)
    earlier: list[Holder] = field(default_factory=list)  # stakeholders named up to the end of this sentence

    def speaker_at(self, position: int) -> Speaker | None:
        """The speaker of the quote that contains ``position``, if any."""
        quote = next((q for q in self.quotes if q.start <= position < q.end and q.speaker), None)
        return Speaker(quote.speaker, quote.speaker_type) if quote else None


def _holders_doing(verb: Token, topic: Token | None, context: "SentenceContext", speaker: Speaker | None) -> list[Holder]:
    """The stakeholders who do ``verb``: the first of its subject candidates that names any."""
    for tokens in _subject_candidates(verb, topic):
        holders = _holders_of(tokens, context.holders, speaker, context.earlier)
        if holders:
            return holders
    return []


def sentence_stances(context: SentenceContext, cues: Cues) -> list[StanceResult]:
    """The positions one sentence shows, and neutral reports for the rest of its stakeholders."""
    sentence, results = context.sentence, []
    evidence = " ".join(sentence.text.split())
    for mention in context.mentions:
        if _after_contrast(sentence, mention, context.mentions, cues):
            continue  # "an MCP instead of a merger": the merger is the rival, handled with the MCP
        speaker = context.speaker_at(mention.token.idx)
        positions: dict[Holder, str] = {}  # each stakeholder up the sentence, with its nearest cue's polarity
        nearest = None
        for verb, polarity in governing_cues(mention.token, cues):
            nearest = nearest or polarity
            for holder in _holders_doing(verb, mention.token, context, speaker):
                positions.setdefault(holder, polarity)  # "X announced that Y would become an ACS": both back it
        if nearest and not positions and speaker:  # a position stated in a quote with no subject of its own
            positions[Holder(speaker.name, speaker.kind, sentence.start_char, sentence.start_char)] = nearest
        if not positions and _done_by_its_subject(mention.token):  # "the two CCGs are set to merge"
            done = "oppose" if _negated(mention.token, cues) else "support"
            positions = {holder: done for holder in _holders_doing(mention.token, None, context, None)}
        for holder, position in positions.items():
            results.append(StanceResult(holder.name, holder.kind, mention.topic, position, 0.8, evidence, "dependency cue"))
            if position == "support":
                for rival in _contrasted(sentence, mention, context.mentions, cues):
                    results.append(StanceResult(holder.name, holder.kind, rival, "oppose", 0.7, evidence, "rival option"))
    taken = {(r.stakeholder, r.topic) for r in results}
    speakers = [Holder(q.speaker, q.speaker_type, q.start, q.start) for q in context.quotes if q.speaker]
    for mention in context.mentions:
        for holder in context.holders + speakers:
            if (holder.name, mention.topic) not in taken:
                taken.add((holder.name, mention.topic))
                results.append(StanceResult(holder.name, holder.kind, mention.topic, "neutral", 0.5, evidence, "co-occurrence"))
    return results


def combine(stances: list[StanceResult]) -> list[StanceResult]:
    """One stance per (stakeholder, topic): the side with the most weight, neutral when the sides tie."""
    grouped: dict[tuple[str, str], list[StanceResult]] = {}
    for stance in stances:
        grouped.setdefault((stance.stakeholder, stance.topic), []).append(stance)
    combined = []
    for items in grouped.values():
        weight = {"support": 0.0, "oppose": 0.0}
        for item in items:
            if item.stance in weight:
                weight[item.stance] += item.confidence
        if weight["support"] == weight["oppose"]:
            chosen = next(i for i in items if i.stance == "neutral") if weight["support"] == 0 else \
                StanceResult(items[0].stakeholder, items[0].stakeholder_type, items[0].topic, "neutral", 0.4,
                             items[0].evidence, "conflicting cues")
        else:
            side = max(weight, key=weight.get)
            best = max((i for i in items if i.stance == side), key=lambda i: i.confidence)
            share = weight[side] / (weight["support"] + weight["oppose"])
            chosen = StanceResult(best.stakeholder, best.stakeholder_type, best.topic, side,
                                  min(0.95, best.confidence * share + 0.05 * (len(items) - 1)), best.evidence, best.method)
        combined.append(chosen)
    return combined


def _judging_this(token: Token) -> bool:
    """ "This" or "that" as a subject: "this is a hugely exciting day"."""
    return token.lemma_.lower() in ("this", "that") and token.tag_ == "DT" and token.dep_ == "nsubj"


def _own_feeling(token: Token, cues: Cues) -> bool:
    """ "Our" or "my" on a cue noun with no object of its own: "our biggest concerns were …"."""
    head = token.head
    return (token.lower_ in ("our", "my") and token.dep_ == "poss" and head.pos_ == "NOUN" and cues.polarity(head) is not None
            and not any(c.dep_ == "prep" for c in head.children))


def topic_references(sentence: Span, topics: list[Topic], last_topic: str, cues: Cues,
                     quoted: list[tuple[int, int]] = ()) -> list[TopicMention]:
    """Words that refer back to a topic: nouns ("voted against the proposal", "advocated the model"), taken as
    the topic whose terms use that noun ("MCP model") when only one does, else the topic named last; and,
    inside a quote, "this" or "that" judged by its verb ("this is a hugely exciting day") or a feeling the
    speaker owns ("our biggest concerns were …"), taken as the topic named last."""
    found = []
    for token in sentence:
        lemma = token.lemma_.lower()
        if any(s <= token.idx < e for s, e in quoted) and (_judging_this(token) or _own_feeling(token, cues)):
            found.append(TopicMention(last_topic, token))
            continue
        if token.pos_ != "NOUN" or lemma not in cues.topic_references or \
                not any(d.lower_ in ("the", "this", "these", "such", "its", "their") for d in token.children):
            continue
        if any(c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               or c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
            continue  # "the proposal to create a provider" says what it is: it does not refer back
        using = {topic.id for topic in topics for term in topic.terms if lemma in _term_words(term)}
        found.append(TopicMention(using.pop() if len(using) == 1 else last_topic, token))
    return found


def collect_stances(doc: Doc, topics: list[Topic], organisations: list, people: list, quotes: list, cues: Cues) -> list[StanceResult]:
    """Every stakeholder's stance on every topic the article ties them to, one per (stakeholder, topic).

    A person's stance is also credited to the organisation the article says they speak for.
    """
    holders = [Holder(o.name, "organisation", m.start, m.end) for o in organisations for m in o.mentions]
    holders += [Holder(p.name, "person", m.start, m.end) for p in people for m in p.mentions]
    names = [(m.start, m.end) for o in organisations for m in o.mentions]
    sentences = list(doc.sents)
    found = [find_topic_mentions(sentence, topics, names, cues) for sentence in sentences]
    counts: dict[str, int] = {}
    for mentions in found:
        for mention in mentions:
            counts[mention.topic] = counts.get(mention.topic, 0) + 1
    main_topic = max(counts, key=counts.get) if counts else None
    stances, last_topic = [], main_topic
    for sentence, mentions in zip(sentences, found):
        overlapping = [q for q in quotes if q.start < sentence.end_char and sentence.start_char < q.end]
        if not mentions and last_topic:
            mentions = topic_references(sentence, topics, last_topic, cues, [(q.start, q.end) for q in overlapping])
        last_topic = max(mentions, key=lambda m: m.token.i).topic if mentions else last_topic
        if not mentions:
            continue
        inside = [h for h in holders if sentence.start_char <= h.start < sentence.end_char]
        earlier = [h for h in holders if h.start < sentence.end_char]
        stances += sentence_stances(SentenceContext(sentence, inside, overlapping, mentions, earlier), cues)
    affiliation = {p.name: p.organisation for p in people if p.organisation}
    stances += [StanceResult(affiliation[s.stakeholder], "organisation", s.topic, s.stance, s.confidence * 0.9, s.evidence,
                             f"{s.method}, via spokesperson")
                for s in stances if s.stakeholder_type == "person" and s.stakeholder in affiliation and s.stance != "neutral"]
    return combine(stances)
