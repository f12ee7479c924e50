"""The topics file: the debates whose stances are tracked (``[[topic]]`` with id, label and terms)."""
from dataclasses import dataclass, replace
from pathlib import Path

from db.tomlfile import ConfigFile

DEFAULT_TOPICS = Path(__file__).with_name("topics.toml")
TOPIC_KEYS = {"id", "label", "terms", "description"}


@dataclass(frozen=True)
class Topic:
    """A tracked debate and the words that name it."""

    id: str
    label: str
    terms: tuple[str, ...]
    description: str = ""


def topic_names(topics: list[Topic]) -> frozenset[str]:
    """What names a topic, in lower case with plurals: its terms, and the acronyms of terms of three
    words or more ("integrated care provider" → "icp"). A name that is one, or ends in an acronym of
    one ("Northern Staffordshire MCP"), is a proposal, not a body."""
    found = set()
    for term in (t for topic in topics for t in topic.terms):
        words = term.replace("-", " ").split()
        found.add(term.lower().removesuffix("s"))
        if len(words) >= 3 and term.islower():
            found.add("".join(word[0] for word in words))
    return frozenset(found | {name + "s" for name in found})


def with_paraphrases(topics: list[Topic], paraphrases: dict[str, tuple[str, ...]]) -> list[Topic]:
    """The topics with the paraphrases of their terms added as terms ("merger" also found as "come together"),
    so a topics file that lists only its own terms still finds the usual other names."""
    expanded = []
    for topic in topics:
        extra = [p for term in topic.terms for p in paraphrases.get(term.lower(), ()) if p not in topic.terms]
        expanded.append(replace(topic, terms=topic.terms + tuple(dict.fromkeys(extra))))
    return expanded


def load_topics(path: str | Path = DEFAULT_TOPICS) -> list[Topic]:
    """Read and validate the topics file."""
    config = ConfigFile(path)
    tables = config.data.get("topic")
    if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
        raise config.error("needs at least one [[topic]] table")
    topics = []
    for index, table in enumerate(tables):
        config.check_keys(table, TOPIC_KEYS, {"id", "label", "terms"}, "topic", index)
        terms = table["terms"]
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            raise config.error(f"[[topic]] #{index + 1}: terms must be a non-empty list of strings", "topic", index, "terms")
        topics.append(
            Topic(
                id=table["id"],
                label=table["label"],
                terms=tuple(terms),
                description=table.get("description", ""),
            )
        )
    return topics
