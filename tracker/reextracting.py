"""``tracker reextract``: run the current extractor again over the raw pages kept in the database.

Articles extracted by an older extractor version (or every article, with ``--all``) are
extracted again from their stored page. A changed article keeps its previous version in
``article_history`` and gets a new content hash, so the next ``tracker analyse`` redoes it.
Each article is one transaction; a run that is stopped resumes where it stopped.
"""
from dataclasses import asdict, dataclass
from pathlib import Path

from crawler.extract import EXTRACTOR_VERSION, extract_article
from crawler.sources import load_sources
from db.connect import open_db
from db.crawl_store import finish_run, record_error, start_run
from db.reextract_store import articles_to_reextract, interrupted_position, save_reextraction, stored_page


@dataclass
class ReextractCounts:
    """What a re-extraction run did."""

    changed: int = 0
    unchanged: int = 0
    no_page: int = 0
    failed: int = 0

    def summary(self) -> str:
        """One line for the terminal and the log."""
        line = (f"re-extracted {self.changed + self.unchanged} articles with {EXTRACTOR_VERSION}: {self.changed} changed "
                f"(run `tracker analyse` to analyse them again), {self.unchanged} unchanged")
        if self.no_page:
            line += f"; {self.no_page} without a stored page"
        if self.failed:
            line += f"; {self.failed} failed (see crawl_errors)"
        return line


def reextract(db_path: str | Path, sources_path: str | Path, source: str | None = None, everything: bool = False,
              progress=None) -> ReextractCounts:
    """Re-extract the stored articles that need it; ``progress`` (see ``tracker.progress``) is told of each."""
    selectors = {configured.name: dict(configured.selectors) for configured in load_sources(sources_path)}
    db = open_db(db_path)
    options = {"source": source, "all": everything, "version": EXTRACTOR_VERSION}
    run_id = start_run(db, "reextract")
    counts = ReextractCounts()
    try:
        pending = articles_to_reextract(db, EXTRACTOR_VERSION, source, everything, interrupted_position(db, options, run_id))
        for done, article_id in enumerate(pending, 1):
            reextract_one(db, article_id, selectors, run_id, options, counts)
            if progress is not None:
                progress.update("reextract", done, len(pending), f"{counts.changed} changed, {counts.failed} failed")
        finish_run(db, run_id, "ok", {"options": options, **asdict(counts)}, counts.summary())
    except BaseException as error:
        finish_run(db, run_id, "failed", {"options": options, **asdict(counts)}, f"{type(error).__name__}: {error}")
        raise
    finally:
        db.close()
        if progress is not None:
            progress.finish("reextract")
    return counts


def reextract_one(db, article_id: int, selectors: dict, run_id: int, options: dict, counts: ReextractCounts) -> None:
    """Re-extract one article from its stored page and store the result, counting what happened."""
    page = stored_page(db, article_id)
    if page is None:
        counts.no_page += 1
        return
    url, source, html = page
    try:
        article = extract_article(html, url, selectors.get(source))
    except Exception as error:  # a page the new extractor cannot read: recorded, and the stored fields kept
        counts.failed += 1
        record_error(db, run_id, source, url, "re-extraction failed", f"{type(error).__name__}: {error}")
        return
    if article.word_count == 0:
        counts.failed += 1
        record_error(db, run_id, source, url, "empty body", "re-extraction found no article text; the stored text is kept")
        return
    outcome = save_reextraction(db, article_id, article.as_row(), run_id, {"options": options, **asdict(counts)})
    setattr(counts, outcome, getattr(counts, outcome) + 1)
