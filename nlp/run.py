"""Run the NLP stage over the database: analyse the articles that need it and store the results."""
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from db.analysis_store import articles_to_analyse, save_analysis, seed_registry
from db.summaries import refresh_summaries
from nlp.analysis import Analyser
from nlp.pipeline import PIPELINE_VERSION, build_pipeline
from nlp.registry import DEFAULT_REGISTRY, load_registry
from nlp.topics import DEFAULT_TOPICS, load_topics

BATCH = 32  # articles read and analysed together; bounded so memory stays flat


@dataclass
class AnalyseCounts:
    """What one analyse run did."""

    analysed: int = 0
    organisations: int = 0
    people: int = 0
    quotes: int = 0
    stances: int = 0


def analyse_database(
    db: Database, topics_path: str | Path = DEFAULT_TOPICS, registry_path: str | Path = DEFAULT_REGISTRY,
    limit: int | None = None,
) -> AnalyseCounts:
    """Analyse every article that is new, changed or analysed by an older pipeline version, then
    refresh the summary tables."""
    topics = load_topics(topics_path)
    registry = load_registry(registry_path)
    seed_registry(db, registry)
    pending = articles_to_analyse(db, PIPELINE_VERSION, limit)
    counts = AnalyseCounts()
    if pending:
        analyse_articles(db, pending, registry, topics, counts)
    refresh_summaries(db)
    return counts


def analyse_articles(db: Database, pending: list[int], registry, topics, counts: AnalyseCounts) -> None:
    """Analyse the articles ``pending`` in batches, storing each article's results in its own transaction."""
    nlp = build_pipeline(registry)
    analyser = Analyser(registry, topics)
    for offset in range(0, len(pending), BATCH):
        ids = pending[offset : offset + BATCH]
        placeholders = ",".join("?" * len(ids))
        rows = db.execute(f"SELECT id, body, content_hash FROM articles WHERE id IN ({placeholders}) ORDER BY id", ids).fetchall()
        for (article_id, _, content_hash), analysis in zip(rows, analyser.analyse_texts(nlp, (r[1] for r in rows))):
            save_analysis(db, article_id, content_hash, analysis, PIPELINE_VERSION)
            counts.analysed += 1
            counts.organisations += len(analysis.organisations)
            counts.people += len(analysis.people)
            counts.quotes += len(analysis.quotes)
            counts.stances += len(analysis.stances)
