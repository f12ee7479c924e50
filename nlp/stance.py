"""Who stands where on the tracked topics: pure functions over a parsed Doc and what the other steps found.

A sentence that names a topic ("the merger", "a single provider", "the MCP") is read
through its dependency parse: from the topic word up to the words that show a position
("backs", "opposed to", "voted in favour of"), negation turning support into opposition;
each position belongs to that word's subject (or the agent of a passive, or, inside a
quote, its speaker). Every other stakeholder named in a sentence about a topic, and every
stakeholder in a sentence that names no topic, is a candidate too. Each candidate carries
its cue words, how the stakeholder is tied to them and the features a learned combiner
(``nlp.stance_model``) weighs to decide each (stakeholder, topic); without a combiner the
rules' own votes decide. Topic words are found by ``nlp.topic_mentions``, the stakeholders
a subject names by ``nlp.stance_holders``, the lexicon is ``nlp.stance_cues``.
"""
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from nlp.speakers import Speaker
from nlp.results import StanceResult
from nlp.sentiment import sentiment
from nlp.stance_cues import Cues, after_negation, negated
from nlp.stance_features import candidate_features, with_pair_features
from nlp.stance_model import StanceModel
from nlp.stance_holders import SUBJECTS, Holder, holders_of, subject_candidates
from nlp.topic_mentions import TopicMention, find_topic_mentions, topic_references
from nlp.topics import Topic
from nlp.votes import ballot_side

# The rule reader's named rules, each switchable (``tracker evaluate --without RULE``) and kept only while
# switching it off lowers the out-of-fold score (README, "Stances"). Retired that way: crediting a quote's
# speaker with a cue that has no subject, "doing the topic is backing it", backing one option "instead of"
# another as opposing the other, members sharing an unnamed alliance's stance, a spokesperson's stance as
# their organisation's, and the owner of a plan backing it ("X's merger plans"): with the learned combiner,
# none of them raised the out-of-fold score.
RULES = frozenset({
    "vote count",  # a sentence counting votes on both sides shows the side with more
    "main topic",  # a sentence naming stakeholders but no topic is evidence on the article's main topic
})


def _names_an_idea(verb: Token, cues: Cues) -> bool:
    """True for a topic verb in a clause that spells out a plan or idea ("the proposal that the CCGs merge"):
    the position is taken on the idea, not shown by the clause's subject."""
    return verb.pos_ == "VERB" and verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in cues.topic_references


def _embedded_question(token: Token) -> bool:
    """True for the verb of a clause that asks who or what ("who will benefit from mergers"), not a relative clause."""
    return token.dep_ != "relcl" and any(c.dep_ in SUBJECTS and c.tag_ == "WP" for c in token.children)


def governing_cues(topic_token: Token, cues: Cues):
    """The cues on the way from the topic word up the parse, nearest first, each with its polarity
    after negation ("does not support" opposes); a participle on the topic with its agent comes first."""
    if _names_an_idea(topic_token, cues):  # "the idea that hospitals can take over practices is a bad one"
        topic_token = topic_token.head
    elif topic_token.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in topic_token.children):
        # "X and Y are set to merge", "the trust has taken over the practice": doing it is backing it
        yield topic_token, after_negation("support", topic_token, cues)
    for participle in (c for c in topic_token.children if c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children)):
        polarity = cues.polarity(participle)  # "the merger proposed by the CCGs", "the contract developed by NHS England"
        if polarity:
            yield participle, "oppose" if polarity == "support" and negated(participle, cues) else polarity
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
            if predicate is not None:  # "there is no benefit in merging": the predicate's own negation counts
                polarity = after_negation(cues.polarity(predicate), predicate, cues)
        if polarity:
            polarity = after_negation(polarity, token, cues)
            if polarity:
                yield token, polarity
        if token.head.i == token.i or _embedded_question(token):
            return  # "quantification of who will benefit from mergers": the topic is inside a question, no one's stance
        came_from, token = token, token.head


def _after_contrast(sentence: Span, mention: TopicMention, mentions: list[TopicMention], cues: Cues) -> bool:
    """True when a contrast marker stands between an earlier mention of another topic and this one ("an MCP
    instead of a merger"): the words around the first topic are not a position on this one."""
    text = sentence.text.lower()
    return any(marker in text[m.token.idx - sentence.start_char : mention.token.idx - sentence.start_char]
               for m in mentions if m.token.i < mention.token.i and m.topic != mention.topic for marker in cues.contrast)


@dataclass
class SentenceContext:
    """What the stance reader needs to know about one sentence."""

    sentence: Span
    holders: list[Holder]
    quotes: list = field(default_factory=list)  # QuoteResult: the quotes overlapping this sentence
    mentions: list[TopicMention] = field(default_factory=list)
    earlier: list[Holder] = field(default_factory=list)  # stakeholders named up to the end of this sentence
    headline_topics: frozenset[str] = frozenset()  # the topics the article's first sentence names
    rules: frozenset[str] = frozenset()  # the named rules switched on (RULES)

    def speaker_at(self, position: int) -> Speaker | None:
        """The speaker of the quote that contains ``position``, if any."""
        quote = next((q for q in self.quotes if q.start <= position < q.end and q.speaker), None)
        return Speaker(quote.speaker, quote.speaker_type) if quote else None


def _holders_doing(verb: Token, topic: Token | None, context: "SentenceContext", speaker: Speaker | None) -> list[Holder]:
    """The stakeholders who do ``verb``: the first of its subject candidates that names any."""
    for tokens in subject_candidates(verb, topic):
        holders = holders_of(tokens, context.holders, speaker, context.earlier)
        if holders:
            return holders
    return []


@dataclass(frozen=True)
class Position:
    """What the rule reader read for one stakeholder: the side, the word it came from and how the stakeholder is tied to it."""

    side: str | None
    cue: Token | None
    link: str


def _candidate(context: SentenceContext, holder: Holder, mention: TopicMention, position: Position, method: str,
               cues: Cues) -> StanceResult:
    """One piece of evidence for (``holder``, topic): the rule reader's reading with the features the combiner weighs."""
    sentence = context.sentence
    span = sentence.doc.char_span(holder.start, holder.end, alignment_mode="expand") if holder.end > holder.start else None
    in_quote = any(q.start <= mention.token.idx < q.end for q in context.quotes)
    side = position.side or "neutral"
    features = candidate_features(sentence, span.root if span is not None else None, mention.token, position.cue, side,
                                  position.link, in_quote, cues, context.headline_topics, mention.topic)
    cue_words = position.cue.text if position.cue is not None else ""
    return StanceResult(holder.name, holder.kind, mention.topic, side, 0.8 if position.side else 0.5,
                        " ".join(sentence.text.split()), method, cue_words, position.link, None, tuple(features))


def _nearest_cue(token: Token, cues: Cues) -> Token | None:
    """The first word up ``token``'s parse that shows a position, if any: the verb a stakeholder does."""
    while token.head.i != token.i:
        token = token.head
        if cues.polarity(token):
            return token
    return None


def implicit_stances(context: SentenceContext, topic: str, cues: Cues) -> list[StanceResult]:
    """Evidence on the article's main ``topic`` from a sentence that names no topic but names stakeholders:
    each stakeholder with the cue it does, if any. The rules take no side on these; the learned combiner
    may, from the cue and the sentence ("The trust launched a consultation on Monday")."""
    results, seen = [], set()
    for holder in context.holders:
        span = context.sentence.doc.char_span(holder.start, holder.end, alignment_mode="expand")
        if holder.name in seen or span is None:
            continue
        seen.add(holder.name)
        cue = _nearest_cue(span.root, cues)
        mention = TopicMention(topic, context.sentence.root)
        results.append(_candidate(context, holder, mention, Position(None, cue, "article's main topic"), "main topic", cues))
    return results


def sentence_stances(context: SentenceContext, cues: Cues) -> list[StanceResult]:
    """The positions one sentence shows, and neutral reports for the rest of its stakeholders: one
    explained candidate per (stakeholder, topic) named in the sentence."""
    sentence, results = context.sentence, []
    ballot = ballot_side(sentence.text)
    for mention in context.mentions:
        if _after_contrast(sentence, mention, context.mentions, cues):
            continue  # "an MCP instead of a merger": the words around the MCP are not a position on the merger
        speaker = context.speaker_at(mention.token.idx)
        positions: dict[Holder, Position] = {}  # each stakeholder up the sentence, with its nearest cue
        for verb, polarity in governing_cues(mention.token, cues):
            for holder in _holders_doing(verb, mention.token, context, speaker):
                link = "speaker of the quote" if speaker and holder.name == speaker.name else "subject of the cue"
                positions.setdefault(holder, Position(polarity, verb, link))  # "X announced that Y would become an ACS": both back it
        method = "dependency cue"
        if positions and ballot and "vote count" in context.rules:  # "seven votes in support and four against": the count decides
            positions, method = {holder: Position(ballot, p.cue, "vote count") for holder, p in positions.items()}, "vote count"
        for holder, position in positions.items():
            results.append(_candidate(context, holder, mention, position, method, cues))
    taken = {(r.stakeholder, r.topic) for r in results}
    speakers = [Holder(q.speaker, q.speaker_type, q.start, q.start) for q in context.quotes if q.speaker]
    for mention in context.mentions:
        for holder in context.holders + speakers:
            if (holder.name, mention.topic) not in taken:
                taken.add((holder.name, mention.topic))
                results.append(_candidate(context, holder, mention, Position(None, None, "named in the sentence"),
                                          "co-occurrence", cues))
    return results


def _by_pair(stances: list[StanceResult]) -> list[list[StanceResult]]:
    grouped: dict[tuple[str, str], list[StanceResult]] = {}
    for stance in stances:
        grouped.setdefault((stance.stakeholder, stance.topic), []).append(stance)
    return list(grouped.values())


def combine_learned(stances: list[StanceResult], model: StanceModel) -> list[StanceResult]:
    """One stance per (stakeholder, topic), decided by the learned combiner: the side whose most
    probable candidate reaches the model's threshold, explained by that candidate; neutral otherwise."""
    combined = []
    for items in _by_pair(stances):
        scored = [(model.probabilities(list(item.features)), item) for item in items]
        best = {side: max(scored, key=lambda pair: pair[0][side]) for side in ("support", "oppose")}
        side = max(best, key=lambda s: best[s][0][s])
        probability, item = best[side][0][side], best[side][1]
        if probability < model.threshold:
            side, item = "neutral", next((i for i in items if i.stance == "neutral"), items[0])
            probability = max(p["neutral"] for p, _ in scored)
        combined.append(replace(item, stance=side, confidence=probability, probability=probability,
                                method=f"{item.method}, learned combiner"))
    return combined


def combine(stances: list[StanceResult]) -> list[StanceResult]:
    """One stance per (stakeholder, topic) by the rules alone: the side with the most weight, neutral when the sides tie."""
    combined = []
    for items in _by_pair(stances):
        weight = {"support": 0.0, "oppose": 0.0}
        for item in items:
            if item.stance in weight:
                weight[item.stance] += item.confidence
        if weight["support"] == weight["oppose"]:
            chosen = next(i for i in items if i.stance == "neutral") if weight["support"] == 0 else \
                replace(items[0], stance="neutral", confidence=0.4, method="conflicting cues")
        else:
            side = max(weight, key=weight.get)
            best = max((i for i in items if i.stance == side), key=lambda i: i.confidence)
            share = weight[side] / (weight["support"] + weight["oppose"])
            chosen = replace(best, confidence=min(0.95, best.confidence * share + 0.05 * (len(items) - 1)))
        combined.append(chosen)
    return combined


def stance_candidates(doc: Doc, topics: list[Topic], organisations: list, people: list, quotes: list,
                      cues: Cues, rules: frozenset[str] = RULES) -> list[StanceResult]:
    """Every piece of evidence for every (stakeholder, topic) the article ties together, as the rule reader
    reads it with the named ``rules`` switched on (see RULES)."""
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
    headline_topics = frozenset(m.topic for m in found[0]) if found else frozenset()
    stances, last_topic = [], main_topic
    for sentence, mentions in zip(sentences, found):
        overlapping = [q for q in quotes if q.start < sentence.end_char and sentence.start_char < q.end]
        if not mentions and last_topic:
            mentions = topic_references(sentence, topics, last_topic, cues, [(q.start, q.end) for q in overlapping])
        last_topic = max(mentions, key=lambda m: m.token.i).topic if mentions else last_topic
        inside = [h for h in holders if sentence.start_char <= h.start < sentence.end_char]
        earlier = [h for h in holders if h.start < sentence.end_char]
        context = SentenceContext(sentence, inside, overlapping, mentions, earlier, headline_topics, rules)
        if mentions:
            stances += sentence_stances(context, cues)
        elif main_topic and "main topic" in rules:
            stances += implicit_stances(context, main_topic, cues)
    kinds = {o.name: o.kind or "organisation" for o in organisations} | {p.name: "person" for p in people}
    return with_pair_features(stances, kinds, sentiment)

