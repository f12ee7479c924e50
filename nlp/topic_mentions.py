"""Where a sentence names a tracked topic: its terms (with inflections, inserted words and variants)
and the words that refer back to one ("the proposal", "the model", "this is …" in a quote)."""
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from nlp.stance_cues import Cues
from nlp.topics import Topic

MAX_INSERTED_WORDS = 4  # "a single community and mental health provider" is a "single provider"


@dataclass(frozen=True)
class TopicMention:
    """Where a sentence names a topic: the topic and its head token."""

    topic: str
    token: Token


def term_words(term: str) -> list[str]:
    """The lower-case words of a topic term ("multi-specialty" counts as two)."""
    return [w.lower() for w in re.split(r"[\s-]+", term) if w]


def _forms(token: Token, variant_of: dict[str, set[str]]) -> set[str]:
    """Every term word ``token`` can stand for: its lemma, its text, its text without a plural "s", and the
    words it is a variant of ("one" for "single")."""
    text, lemma = token.lower_, token.lemma_.lower()
    return {lemma, text, text[:-1] if text.endswith("s") else text} | variant_of.get(lemma, set())


def find_topic_mentions(sentence: Span, topics: list[Topic], excluded: list[tuple[int, int]], cues: Cues) -> list[TopicMention]:
    """The topics a sentence names, matched on lemmas with up to four inserted words.

    Words inside an organisation's name ("Combined Healthcare") do not count, nor a merger
    of things that are not organisations ("merge their back office functions").
    """
    found = []
    inside = [(s, e) for s, e in excluded if s < sentence.end_char and sentence.start_char < e]  # this sentence's names
    tokens = [t for t in sentence if not any(s <= t.idx < e for s, e in inside)]
    variant_of: dict[str, set[str]] = {}
    for word, variants in cues.term_variants.items():
        for variant in variants:
            variant_of.setdefault(variant, set()).add(word)
    forms = [_forms(t, variant_of) for t in tokens]  # worked out once per token, not once per term
    for topic in topics:
        for term in topic.terms:
            words = term_words(term)
            for i, token in enumerate(tokens):
                if words[0] not in forms[i]:
                    continue
                position, matched = i, [token]
                for word in words[1:]:
                    following = forms[position + 1 : position + 2 + MAX_INSERTED_WORDS]
                    match = next((j for j, f in enumerate(following) if word in f), None)
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
        using = {topic.id for topic in topics for term in topic.terms if lemma in term_words(term)}
        found.append(TopicMention(using.pop() if len(using) == 1 else last_topic, token))
    return found
