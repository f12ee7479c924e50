"""What the learned stance combiner sees of one piece of evidence: pure functions from tokens to feature names.

A candidate is one stakeholder and one topic mention in one sentence, with what the rule
reader made of it. Its features are strings ("cue=back", "holder_dep=nsubj"), so the
model is a readable table of weights; every feature says something general about the
sentence's grammar or words, never an article's names.
"""
from dataclasses import replace

from spacy.tokens import Span, Token

from nlp.results import StanceResult
from nlp.stance_cues import Cues, negated

CONTENT_POS = {"VERB", "ADJ"}  # the sentence's words that can carry a position; nouns mostly name things
HEDGES = {"could", "might", "may", "would", "should", "consider", "explore"}
MAX_PATH = 4  # dependency steps from a word up towards the sentence root that are named as features


def _lemma(token: Token) -> str:
    """A word's lemma, or its part of speech for a name: features never carry an article's names."""
    return token.pos_ if token.pos_ in ("PROPN", "NUM") or not token.is_alpha else token.lemma_.lower()


def _path_up(token: Token) -> list[str]:
    """The dependency labels and head lemmas from ``token`` up to the root, at most MAX_PATH steps."""
    steps = []
    while token.head.i != token.i and len(steps) < MAX_PATH:
        steps.append(f"{token.dep_}>{_lemma(token.head)}")
        token = token.head
    return steps


def _distance_bucket(a: Token, b: Token) -> str:
    gap = abs(a.i - b.i)
    return "near" if gap <= 3 else "mid" if gap <= 10 else "far"


def candidate_features(sentence: Span, holder: Token | None, topic: Token, cue: Token | None, rule: str,
                       link: str, in_quote: bool, cues: Cues, headline_topics: frozenset[str], topic_id: str) -> list[str]:
    """The features of one (stakeholder, topic mention) candidate in ``sentence``.

    ``holder`` is the stakeholder's head token (None for a quote's speaker outside the sentence),
    ``cue`` the word the rule reader took the position from, ``rule`` its vote (support, oppose
    or neutral) and ``link`` how the stakeholder was tied to it.
    """
    features = [f"rule={rule}", f"link={link}", f"rule={rule}|link={link}", f"topic={topic_id}"]
    if link != "article's main topic":  # the topic is named: where it stands in the sentence
        features += [f"topic_dep={topic.dep_}", f"topic_head={_lemma(topic.head)}"]
        features += [f"topic_path={step}" for step in _path_up(topic)]
    if cue is not None:
        lemma = cue.lemma_.lower()
        polarity = cues.polarity(cue) or "none"
        features += [f"cue={lemma}", f"cue={lemma}|{rule}", f"cue_polarity={polarity}", f"cue_dep={cue.dep_}"]
        # the cue's argument frame: "campaign for" / "campaign against", "call for", "challenge to"
        features += [f"cue_frame={lemma}+{c.lower_}" for c in cue.children if c.dep_ in ("prep", "prt", "agent")]
        if holder is not None and holder.head.i == cue.i:
            features.append(f"holder_is_{holder.dep_}_of_cue")
        if negated(cue, cues):
            features += ["cue_negated", f"cue={lemma}|negated"]
    if holder is not None:
        features += [f"holder_dep={holder.dep_}", f"holder_head={_lemma(holder.head)}",
                     f"distance={_distance_bucket(holder, topic)}", "holder_first" if holder.i < topic.i else "topic_first"]
        features += [f"holder_path={step}" for step in _path_up(holder)[:2]]
    words = {t.lemma_.lower() for t in sentence if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha}
    features += [f"word={w}" for w in sorted(words)]
    text = sentence.text.lower()
    if any(t.lower_ in cues.negators for t in sentence):
        features.append("sentence_negated")
    if any(t.lemma_.lower() in HEDGES for t in sentence):
        features.append("hedged")
    if any(marker in text for marker in cues.contrast):
        features.append("contrast")
    if in_quote:
        features.append("in_quote")
    if topic_id in headline_topics:
        features.append("topic_in_headline")
    return features


def _sentiment_bucket(score: float) -> str:
    return "negative" if score <= -0.3 else "positive" if score >= 0.3 else "flat"


def with_pair_features(candidates: list[StanceResult], kinds: dict[str, str], sentiment_of) -> list[StanceResult]:
    """The candidates with what only the whole article shows about each: the stakeholder's kind of body
    (``kinds``: name → kind, "person" for people; a union or campaign group takes sides differently from a
    trust), whether the rule reader's votes for the same (stakeholder, topic) agree, and the evidence
    sentence's sentiment (``sentiment_of(text)``, -1 to 1) beside the rule's vote."""
    votes: dict[tuple[str, str], set[str]] = {}
    for candidate in candidates:
        votes.setdefault((candidate.stakeholder, candidate.topic), set()).add(candidate.stance)
    extended = []
    for candidate in candidates:
        kind = (kinds.get(candidate.stakeholder) or candidate.stakeholder_type).lower()  # "ccg": a kind, not a name
        sides = votes[(candidate.stakeholder, candidate.topic)] - {"neutral"}
        agreement = "none" if not sides else "mixed" if len(sides) > 1 else next(iter(sides))
        mood = _sentiment_bucket(sentiment_of(candidate.evidence))
        extra = (f"kind={kind}", f"kind={kind}|topic={candidate.topic}", f"pair_votes={agreement}",
                 f"sentiment={mood}", f"sentiment={mood}|rule={candidate.stance}")
        extended.append(replace(candidate, features=candidate.features + extra))
    return extended
