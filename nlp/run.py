"""Run the NLP stage over the database: analyse the articles that need it and store the results."""
import logging
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from sqlite_utils import Database

from db.analysis_store import (
    article_texts, articles_to_analyse, record_analysis_failure, save_analysis, save_topics, seed_registry,
)
from db.summaries import refresh_summaries
from nlp.analysis import Analyser
from nlp.pipeline import PIPELINE_VERSION, build_pipeline
from nlp.records import analysis_record, registry_records
from nlp.stance_model import load_model
from nlp.registry import DEFAULT_REGISTRY, load_registry
from nlp.results import ArticleAnalysis
from nlp.topics import DEFAULT_TOPICS, load_topics

BATCH = 32  # articles read and analysed together; bounded so memory stays flat
# Ten times a long feature article. Longer bodies are pages gone wrong (a whole archive in
# one page); spaCy itself refuses texts over 1,000,000 characters.
MAX_ANALYSED_CHARS = 100_000

logger = logging.getLogger("tracker.analyse")


@dataclass
class AnalyseCounts:
    """What one analyse run did."""

    analysed: int = 0
    organisations: int = 0
    people: int = 0
    quotes: int = 0
    stances: int = 0
    failed: int = 0
    truncated: int = 0


def analyse_database(
    db: Database, topics_path: str | Path = DEFAULT_TOPICS, registry_path: str | Path = DEFAULT_REGISTRY,
    limit: int | None = None, progress=None,
) -> AnalyseCounts:
    """Analyse every article that is new, changed or analysed by an older pipeline version, then
    refresh the summary tables. ``progress`` (see ``tracker.progress``) is told of each article."""
    topics = load_topics(topics_path)
    registry = load_registry(registry_path)
    seed_registry(db, registry_records(registry))
    save_topics(db, [{"id": t.id, "label": t.label, "description": t.description, "terms": list(t.terms)} for t in topics])
    pending = articles_to_analyse(db, PIPELINE_VERSION, limit)
    counts = AnalyseCounts()
    if pending:
        analyse_articles(db, pending, registry, topics, counts, progress)
    refresh_summaries(db)
    return counts


def with_standfirst(lead: str, body: str) -> str:
    """The text an article is analysed as: its standfirst then its body, unless the body already holds the
    standfirst (often as its first paragraph; a standfirst cut short with "…" counts as held)."""
    standfirst = " ".join(lead.split()).rstrip(" .…")
    if not standfirst or standfirst in " ".join(body.split()):
        return body
    return f"{lead.strip()}\n\n{body}"


def analysable_text(body: str) -> tuple[str, str | None]:
    """The part of ``body`` to analyse, and a note when it had to be cut to MAX_ANALYSED_CHARS."""
    if len(body) <= MAX_ANALYSED_CHARS:
        return body, None
    return body[:MAX_ANALYSED_CHARS], f"text cut from {len(body):,} to {MAX_ANALYSED_CHARS:,} characters"


def analyse_batch(analyser: Analyser, nlp: Language, texts: list[str]) -> list[ArticleAnalysis | Exception]:
    """Analyse ``texts`` together; if that fails, one by one, so that a text that breaks the
    pipeline fails alone and the error is returned in its place."""
    try:
        return list(analyser.analyse_texts(nlp, texts))
    except Exception:  # any failure inside spaCy or our components; retried text by text below
        logger.warning("a batch of %d articles failed; analysing them one by one", len(texts))
    results: list[ArticleAnalysis | Exception] = []
    for text in texts:
        try:
            results.append(analyser.analyse_doc(nlp(text)))
        except Exception as error:  # recorded against its article; the run goes on
            logger.exception("analysis failed")
            results.append(error)
    return results


def analyse_articles(
    db: Database, pending: list[int], registry, topics, counts: AnalyseCounts, progress=None, nlp: Language | None = None,
) -> None:
    """Analyse the articles ``pending`` in batches, storing each article's results in its own transaction.

    An article whose analysis fails is recorded as failed, keeping its earlier results, and
    is not retried until its text or the pipeline version changes.
    """
    nlp = nlp or build_pipeline(registry)
    analyser = Analyser(registry, topics, load_model())
    for offset in range(0, len(pending), BATCH):
        ids = pending[offset : offset + BATCH]
        rows = article_texts(db, ids)
        texts = [analysable_text(with_standfirst(lead, body)) for _, lead, body, _ in rows]
        results = analyse_batch(analyser, nlp, [text for text, _ in texts])
        for (article_id, _, _, content_hash), (_, note), analysis in zip(rows, texts, results):
            if isinstance(analysis, Exception):
                reason = f"{type(analysis).__name__}: {analysis}"
                record_analysis_failure(db, article_id, content_hash, PIPELINE_VERSION, reason)
                counts.failed += 1
                continue
            save_analysis(db, article_id, content_hash, analysis_record(analysis), PIPELINE_VERSION, note)
            counts.analysed += 1
            counts.truncated += note is not None
            counts.organisations += len(analysis.organisations)
            counts.people += len(analysis.people)
            counts.quotes += len(analysis.quotes)
            counts.stances += len(analysis.stances)
        if progress is not None:
            detail = f"{counts.quotes} quotes, {counts.stances} stances, {counts.failed} failed"
            progress.update("analyse", counts.analysed + counts.failed, len(pending), detail)
    if progress is not None:
        progress.finish("analyse")
