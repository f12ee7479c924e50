"""The scheduled job: crawl, analyse what changed, refresh the summaries; one run at a time.

Every nightly run leaves a row in ``crawl_runs`` (command ``nightly``) with its timings,
counts and outcome, beside the row of the crawl it ran.
"""
import json
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from crawler.sources import load_sources
from db.connect import open_db
from db.crawl_store import finish_run, start_run
from nlp.run import analyse_database
from nlp.topics import load_topics
from tracker.crawling import run_crawl
from tracker.lock import exclusive_run

logger = logging.getLogger("tracker.nightly")


@dataclass(frozen=True)
class CrawlRecord:
    """How the last crawl ended (outcome and Scrapy's finish reason) and what it counted per source."""

    outcome: str
    message: str
    sources: dict


@dataclass(frozen=True)
class NightlyResult:
    """What a nightly run did: its outcome, one line on it, and the crawl's counts."""

    ok: bool
    message: str
    crawl: CrawlRecord


def last_crawl(db) -> CrawlRecord:
    """The outcome and per-source counts of the newest crawl run of this process (other
    processes may be crawling into the same database at the same time)."""
    row = db.execute(
        "SELECT outcome, message, stats FROM crawl_runs WHERE command = 'crawl' AND pid = ? ORDER BY id DESC LIMIT 1",
        [os.getpid()]).fetchone()
    if row is None:
        return CrawlRecord("failed", "no crawl was recorded", {})
    return CrawlRecord(row[0], row[1] or "", json.loads(row[2] or "{}").get("sources", {}))


def one_line(error: BaseException) -> str:
    """An exception as a single line: its type and the first line of its message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


def run_nightly(
    db_path: str | Path, sources_path: str | Path, topics_path: str | Path, overrides: dict[str, str], progress=None,
) -> NightlyResult:
    """Crawl, analyse and refresh under the run lock, keeping a run record.

    Both configuration files are read before anything starts, so a mistake in either fails
    at once (ConfigError) rather than after a long crawl. Raises AlreadyRunning when another
    run holds the lock; any other failure is recorded in the run record and raised again.
    """
    load_sources(sources_path)
    load_topics(topics_path)
    with exclusive_run(db_path):
        db = open_db(db_path)
        run_id = start_run(db, "nightly")
        stats: dict = {}
        try:
            started = time.monotonic()
            run_crawl(db_path, sources_path, overrides, progress)
            stats["crawl_seconds"] = round(time.monotonic() - started, 1)
            crawl = last_crawl(db)
            stats["crawl"] = crawl.sources
            started = time.monotonic()
            counts = analyse_database(db, topics_path, progress=progress)
            stats["analyse_seconds"] = round(time.monotonic() - started, 1)
            stats.update(analysed=counts.analysed, analysis_failed=counts.failed, quotes=counts.quotes, stances=counts.stances)
        except BaseException as error:  # KeyboardInterrupt too: the record must not say 'running'
            finish_run(db, run_id, "failed", stats, one_line(error))
            db.close()
            raise
        ok = crawl.outcome == "ok"
        new = sum(counts_of.get("new", 0) for counts_of in crawl.sources.values())
        message = (f"{new} new articles, {counts.analysed} analysed" if ok else f"the crawl {crawl.outcome}: {crawl.message}") + (
            f", {counts.failed} analyses failed" if counts.failed else "")
        finish_run(db, run_id, "ok" if ok else "failed", stats, message)
        db.close()
    logger.info("nightly run %s: %s", "ok" if ok else "failed", message)
    return NightlyResult(ok, message, crawl)
