"""Storage for re-extraction: the stored raw pages of articles, and their new fields written back.

Each article is re-extracted in its own transaction, which also records how far the run has
gone (``crawl_runs.stats``), so a run that is killed leaves every article either done or
untouched, and the next run takes up where it stopped.
"""
import gzip
import json

from sqlite_utils import Database

from db.clock import now_iso
from db.connect import writing
from db.crawl_store import HISTORY_FIELDS, content_hash, store_fingerprint
from db.fingerprint import simhash, to_signed

# The fields re-extraction may change: the article's identity (its addresses, source, id) stays.
EXTRACTED_FIELDS = ("title", "lead", "author", "published", "updated", "section", "tags", "language", "body",
                    "word_count", "paywalled", "extractor_version")


def articles_to_reextract(db: Database, version: str, source: str | None = None, everything: bool = False,
                          after_id: int = 0) -> list[int]:
    """Ids of the articles (of ``source``, if given) extracted by another version than ``version``, or every one
    with ``everything``; only those after ``after_id``, in id order."""
    where = ["articles.id > ?"]
    params: list = [after_id]
    if not everything:
        where.append("articles.extractor_version != ?")
        params.append(version)
    if source:
        where.append("articles.source = ?")
        params.append(source)
    sql = f"SELECT id FROM articles WHERE {' AND '.join(where)} ORDER BY id"
    return [row[0] for row in db.execute(sql, params).fetchall()]


def stored_page(db: Database, article_id: int) -> tuple[str, str, bytes] | None:
    """``(url, source, html)`` of the raw page the article was extracted from; None when none is kept."""
    row = db.execute("""SELECT articles.url, articles.source, pages.html_gzip FROM articles
                        JOIN pages ON pages.url = articles.url WHERE articles.id = ?""", [article_id]).fetchone()
    return (row[0], row[1], gzip.decompress(row[2])) if row else None


def interrupted_position(db: Database, options: dict, before_run: int) -> int:
    """The last article done by the re-extraction run before ``before_run``, if that run had these ``options``
    and did not finish; else 0."""
    row = db.execute("SELECT outcome, stats FROM crawl_runs WHERE command = 'reextract' AND id < ? ORDER BY id DESC LIMIT 1",
                     [before_run]).fetchone()
    if not row or row[0] == "ok" or not row[1]:
        return 0
    stats = json.loads(row[1])
    return stats.get("last_article_id", 0) if stats.get("options") == options else 0


def save_reextraction(db: Database, article_id: int, fields: dict, run_id: int, stats: dict) -> str:
    """Write the re-extracted ``fields`` of one article, keeping the version they replace in ``article_history``,
    and record ``stats`` (with this article as the last done) on run ``run_id``; one transaction.
    Returns ``"changed"`` when the text or its dates changed (the next analysis will redo the article),
    else ``"unchanged"``."""
    fields = {name: fields[name] for name in EXTRACTED_FIELDS}
    with writing(db):
        row = db.execute(f"SELECT {', '.join(HISTORY_FIELDS)} FROM articles WHERE id = ?", [article_id]).fetchone()
        previous = dict(zip(HISTORY_FIELDS, row))
        digest = content_hash(fields["body"])
        changed = any(previous[name] != fields[name] for name in ("title", "lead", "body", "published", "updated"))
        if changed:
            db["article_history"].insert({"article_id": article_id, "replaced": now_iso(), **previous})
        update = {**fields, "content_hash": digest}
        if digest != previous["content_hash"]:
            fingerprint = simhash(fields["body"])
            update["simhash"] = to_signed(fingerprint)
            store_fingerprint(db, article_id, fingerprint)
        db["articles"].update(article_id, update)
        db["crawl_runs"].update(run_id, {"stats": json.dumps({**stats, "last_article_id": article_id}, sort_keys=True)})
    return "changed" if changed else "unchanged"
