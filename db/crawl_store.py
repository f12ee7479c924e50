"""Write functions for the crawl stage: runs, errors, raw pages and articles.

Each article is saved with its raw page in one transaction, so a crash between two
articles never leaves one half-written.
"""
import gzip
import hashlib
import json
import os
from dataclasses import dataclass

from sqlite_utils import Database

from db.clock import now_iso
from db.connect import writing
from db.fingerprint import MAX_DISTANCE, bands, distance, from_signed, simhash, to_signed


@dataclass(frozen=True)
class FetchedPage:
    """A downloaded HTML page as the crawler received it."""

    url: str
    source: str
    status: int
    html: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def process_alive(pid: int | None) -> bool:
    """True when a process with this id exists on this machine."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def mark_interrupted_runs(db: Database) -> list[int]:
    """Mark the runs still 'running' whose process is gone (killed, crashed) as 'interrupted'; return their ids."""
    stale = [run_id for run_id, pid in db.execute("SELECT id, pid FROM crawl_runs WHERE outcome = 'running'") if not process_alive(pid)]
    for run_id in stale:
        db["crawl_runs"].update(
            run_id, {"outcome": "interrupted", "message": "the process ended without finishing the run (killed or crashed)"}
        )
    return stale


def start_run(db: Database, command: str) -> int:
    """Record the start of a run of ``command`` by this process and return its id.

    Runs left 'running' by a process that no longer exists are marked 'interrupted' first.
    """
    with writing(db):
        mark_interrupted_runs(db)
        return db["crawl_runs"].insert(
            {"command": command, "started": now_iso(), "outcome": "running", "pid": os.getpid()}
        ).last_pk


def finish_run(db: Database, run_id: int, outcome: str, stats: dict, message: str | None = None) -> None:
    """Record how run ``run_id`` ended: its outcome (``ok``/``failed``), counts and a one-line message."""
    with writing(db):
        db["crawl_runs"].update(
            run_id,
            {"finished": now_iso(), "outcome": outcome, "stats": json.dumps(stats, sort_keys=True), "message": message},
        )


def record_error(db: Database, run_id: int | None, source: str | None, url: str, reason: str, detail: str = "") -> None:
    """Record that ``url`` could not be collected, with a short reason and the detail."""
    with writing(db):
        db["crawl_errors"].insert(
            {"run_id": run_id, "source": source, "url": url, "reason": reason, "detail": detail[:2000], "occurred": now_iso()}
        )


@dataclass(frozen=True)
class StoredArticle:
    """What the crawler needs to know of an article it already holds: its date and its page's validators."""

    dated: str  # publication date, or when first seen when the page gave none (ISO 8601)
    etag: str | None
    last_modified: str | None


def stored_articles(db: Database) -> dict[str, StoredArticle]:
    """Every stored article by URL (as fetched, canonical, and any address known to redirect to it), with its
    date and ETag/Last-Modified."""
    rows = db.execute(
        """SELECT articles.id, articles.url, articles.canonical_url, coalesce(articles.published, articles.first_seen),
                  pages.etag, pages.last_modified
           FROM articles LEFT JOIN pages ON pages.url = articles.url""").fetchall()
    by_id = {article_id: StoredArticle(dated, etag, modified) for article_id, _, _, dated, etag, modified in rows}
    stored = {url: by_id[article_id] for article_id, fetched, canonical, *_ in rows for url in (fetched, canonical)}
    for url, article_id in db.execute("SELECT url, article_id FROM article_addresses").fetchall():
        stored.setdefault(url, by_id[article_id])
    return stored


def save_addresses(db: Database, urls: list[str], target: str) -> int:
    """Record ``urls`` as other addresses of the stored article at ``target`` (its URL or canonical URL);
    returns how many were recorded (none when no article is stored there)."""
    with writing(db):
        row = db.execute("SELECT id, url, canonical_url FROM articles WHERE url = ? OR canonical_url = ? LIMIT 1",
                         [target, target]).fetchone()
        if row is None:
            return 0
        return _record_addresses(db, urls, row[0], row[1:])


def _record_addresses(db: Database, urls, article_id: int, own: tuple[str, ...]) -> int:
    """Record ``urls`` other than the article's ``own`` addresses as addresses of ``article_id``; returns how many."""
    others = [url for url in dict.fromkeys(urls) if url not in own]
    db["article_addresses"].upsert_all([{"url": url, "article_id": article_id, "seen": now_iso()} for url in others], pk="url")
    return len(others)


def mark_seen(db: Database, url: str) -> None:
    """Record that the stored article at ``url`` was seen again, unchanged."""
    with writing(db):
        db.execute("UPDATE articles SET last_seen = ? WHERE url = ? OR canonical_url = ?", [now_iso(), url, url])


def content_hash(body: str) -> str:
    """A stable fingerprint of an article's text, to tell a changed article from an unchanged one."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def store_fingerprint(db: Database, article_id: int, fingerprint: int) -> None:
    """Replace the SimHash bands of an article by those of ``fingerprint``."""
    db.execute("DELETE FROM article_fingerprint_bands WHERE article_id = ?", [article_id])
    db.conn.executemany("INSERT INTO article_fingerprint_bands (article_id, band, value) VALUES (?, ?, ?)",
                   [(article_id, band, value) for band, value in enumerate(bands(fingerprint))])


def story_of(db: Database, fingerprint: int) -> int | None:
    """The story id of the stored article nearest to ``fingerprint``, if one is a copy (within MAX_DISTANCE bits)."""
    if not fingerprint:
        return None  # too short to fingerprint
    pairs = list(enumerate(bands(fingerprint)))
    candidates = db.execute(
        f"""SELECT DISTINCT articles.simhash, articles.story_id FROM article_fingerprint_bands
            JOIN articles ON articles.id = article_fingerprint_bands.article_id
            WHERE (band, value) IN (VALUES {", ".join("(?, ?)" for _ in pairs)})""",
        [number for pair in pairs for number in pair],
    ).fetchall()
    scored = sorted((distance(fingerprint, from_signed(stored)), story) for stored, story in candidates if stored is not None)
    return scored[0][1] if scored and scored[0][0] <= MAX_DISTANCE else None


HISTORY_FIELDS = ("title", "lead", "body", "published", "updated", "content_hash", "extractor_version")


def save_article(db: Database, page: FetchedPage, article: dict, run_id: int | None = None,
                 redirected_from: tuple[str, ...] = ()) -> str:
    """Store ``page`` (compressed) and upsert ``article`` by canonical URL, in one transaction.

    ``article`` holds the fields of the ``articles`` table that extraction produces. A new
    article that is a copy of a stored story (SimHash within a few bits) is stored and linked
    to that story; a changed article keeps its previous version in ``article_history``. The
    addresses that redirected to the page (``redirected_from``) are recorded as the article's.
    Returns ``"new"``, ``"duplicate"``, ``"updated"`` or ``"unchanged"``.
    """
    now = now_iso()
    digest = content_hash(article["body"])
    with writing(db):
        db["pages"].upsert(
            {
                "url": page.url,
                "source": page.source,
                "fetched": now,
                "status": page.status,
                "content_type": page.content_type,
                "etag": page.etag,
                "last_modified": page.last_modified,
                "html_sha256": hashlib.sha256(page.html).hexdigest(),
                "html_gzip": gzip.compress(page.html),
                "run_id": run_id,
            },
            pk="url",
        )
        outcome, article_id = _upsert_article(db, article, digest, now)
        _record_addresses(db, redirected_from, article_id, (article["url"], article["canonical_url"]))
        return outcome


def _upsert_article(db: Database, article: dict, digest: str, now: str) -> tuple[str, int]:
    """Insert or update ``article`` (whose body hashes to ``digest``); returns the outcome and the article's id."""
    row = db.execute(
        f"SELECT id, {', '.join(HISTORY_FIELDS)} FROM articles WHERE canonical_url = ?", [article["canonical_url"]]
    ).fetchone()
    previous = dict(zip(("id", *HISTORY_FIELDS), row)) if row else None
    if previous is not None and previous["content_hash"] == digest:
        db["articles"].update(previous["id"], {"last_seen": now})
        return "unchanged", previous["id"]
    fingerprint = simhash(article["body"])  # only for a new or changed text
    if previous is None:
        story = story_of(db, fingerprint)
        new = {**article, "content_hash": digest, "simhash": to_signed(fingerprint), "first_seen": now, "last_seen": now}
        article_id = db["articles"].insert(new).last_pk
        db["articles"].update(article_id, {"story_id": story or article_id})
        store_fingerprint(db, article_id, fingerprint)
        return ("duplicate" if story else "new"), article_id
    article_id = previous.pop("id")
    db["article_history"].insert({"article_id": article_id, "replaced": now, **previous})
    db["articles"].update(article_id, {**article, "content_hash": digest, "simhash": to_signed(fingerprint), "last_seen": now})
    store_fingerprint(db, article_id, fingerprint)
    return "updated", article_id


def run_article_fields(db: Database, run_id: int) -> dict[str, tuple[list, list]]:
    """Per source, the dates and authors of the articles a crawl run stored."""
    fields: dict[str, tuple[list, list]] = {}
    for source, published, author in db.execute(
        "SELECT articles.source, articles.published, articles.author FROM articles "
        "JOIN pages ON pages.url = articles.url WHERE pages.run_id = ?", [run_id]
    ):
        dates, authors = fields.setdefault(source, ([], []))
        dates.append(published)
        authors.append(author)
    return fields


def run_error_counts(db: Database, run_id: int, reason: str) -> dict[str, int]:
    """Per source, how many errors with ``reason`` a crawl run recorded."""
    return dict(db.execute(
        "SELECT source, count(*) FROM crawl_errors WHERE run_id = ? AND reason = ? GROUP BY source", [run_id, reason]))


def earlier_missing_shares(db: Database, source: str, before_run: int) -> list[dict]:
    """The missing-field shares recorded for ``source`` by earlier successful crawls, oldest first."""
    shares = []
    for (stats,) in db.execute(
        "SELECT stats FROM crawl_runs WHERE command = 'crawl' AND outcome = 'ok' AND id < ? ORDER BY id", [before_run]
    ):
        missing = json.loads(stats or "{}").get("sources", {}).get(source, {}).get("missing")
        if missing:
            shares.append(missing)
    return shares
