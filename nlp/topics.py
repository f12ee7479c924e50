"""The topics file: the debates whose stances are tracked (``[[topic]]`` with id, label and terms)."""
from dataclasses import dataclass
from pathlib import Path

from tracker.tomlfile import ConfigError, check_keys, read_toml

DEFAULT_TOPICS = Path(__file__).with_name("topics.toml")
TOPIC_KEYS = {"id", "label", "terms", "description"}


@dataclass(frozen=True)
class Topic:
    """A tracked debate and the words that name it."""

    id: str
    label: str
    terms: tuple[str, ...]
    description: str = ""


def load_topics(path: str | Path = DEFAULT_TOPICS) -> list[Topic]:
    """Read and validate the topics file."""
    path = Path(path)
    data = read_toml(path)
    tables = data.get("topic")
    if not isinstance(tables, list) or not tables:
        raise ConfigError(f"{path}: needs at least one [[topic]] table")
    topics = []
    for index, table in enumerate(tables):
        where = f"[[topic]] #{index + 1} ({table.get('id', 'no id')})"
        check_keys(path, table, TOPIC_KEYS, {"id", "label", "terms"}, where)
        terms = table["terms"]
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            raise ConfigError(f"{path}: {where}: terms must be a non-empty list of strings")
        topics.append(
            Topic(
                id=table["id"],
                label=table["label"],
                terms=tuple(terms),
                description=table.get("description", ""),
            )
        )
    return topics
