"""A synthetic tracker database of realistic shape and size, for measuring the publication.

Rows are made from a fixed random seed, so every run builds the same database: articles
whose words follow Zipf's law over a 6,000-word vocabulary, with health-policy terms in
about one sentence in ten (so a search term matches a realistic share of articles, not
all of them); organisations, people with roles, mentions, quotes (a fifth of them
statements by organisations) and stances (three in ten by people) spread over ten years;
then the summary tables rebuilt exactly as ``tracker analyse`` rebuilds them.
"""
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

from db.analysis_store import save_topics
from db.connect import open_db
from db.summaries import refresh_summaries

POLICY_TERMS = (
    "trust merger countywide provider community care GP federation practices patients hospital services board "
    "commissioning group plan proposal consultation funding budget deficit staff nurses doctors integrated "
    "multispecialty MCP STP ICB council social care primary accountable system partnership reorganisation "
    "support oppose concern welcome evidence outcomes waiting lists beds emergency acute mental health"
).split()
SYLLABLES = ("ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to", "vu", "wa", "yo", "ze")
COMMON_WORDS = ["".join(parts) for parts in itertools.product(SYLLABLES, repeat=3)][:6000]
ZIPF_WEIGHTS = list(itertools.accumulate(1 / rank for rank in range(1, len(COMMON_WORDS) + 1)))
SOURCES = ("hsj", "pulse", "gponline", "healthcare-leader", "nhs-confed", "sentinel")
KINDS = ("trust", "ccg", "icb", "council", "federation", "union", "national body")
TOPICS = ("mcp", "merger")
STANCES = ("support", "oppose", "neutral")
ROLES = ("chief executive", "chair", "medical director", "accountable officer", "council leader", "GP")


@dataclass(frozen=True)
class Size:
    """How big the synthetic database is."""
    articles: int = 100_000
    mentions_per_article: int = 10
    organisations: int = 2_000
    people: int = 20_000
    stances_per_article: int = 2
    quotes_per_article: int = 2


def sentence(rng: random.Random, words: int) -> str:
    """A sentence of ``words`` words, one in ten sentences holding a health-policy term."""
    chosen = rng.choices(COMMON_WORDS, cum_weights=ZIPF_WEIGHTS, k=words)
    if rng.random() < 0.1:
        chosen[rng.randrange(words)] = rng.choice(POLICY_TERMS)
    return " ".join(chosen).capitalize() + "."


def published(rng: random.Random) -> str:
    """A publication time within 2016–2025, ISO 8601 with time zone."""
    return (f"{rng.randint(2016, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            f"T{rng.randint(6, 20):02d}:00:00+00:00")


def build(path: Path, size: Size = Size(), seed: int = 2026) -> dict:
    """Write the synthetic database at ``path`` (replacing it) and return its row counts."""
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    db = open_db(path)
    with db.atomic():
        db["organisations"].insert_all(
            ({"id": i, "name": stakeholder(i)["speaker"], "kind": KINDS[i % len(KINDS)],
              "acronym": f"ORG{i}", "origin": "registry", "first_seen": "2016-01-01T00:00:00+00:00"}
             for i in range(1, size.organisations + 1)), batch_size=5_000)
        db["people"].insert_all(
            ({"id": i, "name": f"Person {i}", "name_key": f"person {i}", "first_seen": "2016-01-01T00:00:00+00:00"}
             for i in range(1, size.people + 1)), batch_size=5_000)
        articles, mentions, roles, quotes, stances = [], [], [], [], []
        for article_id in range(1, size.articles + 1):
            when = published(rng)
            body = " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(12))
            articles.append({
                "id": article_id, "canonical_url": f"https://news.example/{article_id}",
                "url": f"https://news.example/{article_id}", "source": rng.choice(SOURCES),
                "title": sentence(rng, 8), "published": when, "body": body, "word_count": len(body.split()),
                "content_hash": f"{article_id:x}", "story_id": article_id, "extractor_version": "synthetic",
                "first_seen": when, "last_seen": when})
            for _ in range(size.mentions_per_article):
                as_person = rng.random() < 0.3
                mentions.append({
                    "article_id": article_id, "organisation_id": None if as_person else rng.randint(1, size.organisations),
                    "person_id": rng.randint(1, size.people) if as_person else None, "text": "named",
                    "sentence": sentence(rng, 12), "start": 0, "end": 5, "sentiment": rng.uniform(-1, 1)})
            person_id = rng.randint(1, size.people)
            organisation_id = rng.randint(1, size.organisations)
            roles.append({"person_id": person_id, "role": rng.choice(ROLES), "organisation_id": organisation_id,
                          "article_id": article_id, "seen": when})
            for _ in range(size.quotes_per_article):
                by_organisation = rng.random() < 0.2
                quotes.append({"article_id": article_id, "text": sentence(rng, 15), "direct": 1,
                               "sentiment": rng.uniform(-1, 1),
                               **(stakeholder(organisation_id) if by_organisation else stakeholder(None, person_id))})
            for _ in range(size.stances_per_article):
                by_person = rng.random() < 0.3
                who = stakeholder(None, person_id) if by_person else stakeholder(rng.randint(1, size.organisations))
                stances.append({"article_id": article_id, "stakeholder": who["speaker"], "stakeholder_type": who["speaker_type"],
                                "organisation_id": who["organisation_id"], "person_id": who["person_id"],
                                "topic": rng.choice(TOPICS), "stance": rng.choice(STANCES),
                                "confidence": 0.8, "evidence": sentence(rng, 14), "method": "synthetic"})
            if len(articles) == 5_000:
                write_batch(db, articles, mentions, roles, quotes, stances)
        write_batch(db, articles, mentions, roles, quotes, stances)
    save_topics(db, [{"id": topic, "label": topic.upper(), "description": "", "terms": [topic]} for topic in TOPICS])
    refresh_summaries(db)
    db.execute("ANALYZE")
    counts = {table: db[table].count for table in ("articles", "mentions", "quotes", "stances", "stakeholder_positions")}
    db.conn.close()
    return counts


def stakeholder(organisation_id: int | None, person_id: int | None = None) -> dict:
    """The speaker columns for an organisation or, when ``organisation_id`` is None, a person."""
    if organisation_id is not None:
        return {"speaker": f"Organisation {organisation_id} NHS {KINDS[organisation_id % len(KINDS)].title()}",
                "speaker_type": "organisation", "organisation_id": organisation_id, "person_id": None}
    return {"speaker": f"Person {person_id}", "speaker_type": "person", "organisation_id": None, "person_id": person_id}


def write_batch(db, *batches: list[dict]) -> None:
    """Insert the pending rows of each table and empty the lists."""
    for table, rows in zip(("articles", "mentions", "roles", "quotes", "stances"), batches):
        db[table].insert_all(rows, batch_size=5_000)
        rows.clear()
