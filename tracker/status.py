"""`tracker status`: how the last runs went, and per source when it last worked."""
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlite_utils import Database

from tracker.report import format_table

FAILED_OUTCOMES = ("failed", "interrupted")


@dataclass(frozen=True)
class RunSummary:
    """One row of ``crawl_runs``, as an operator reads it."""

    id: int
    command: str
    started: str
    seconds: float | None
    outcome: str
    message: str | None


@dataclass(frozen=True)
class SourceHealth:
    """When a source last crawled cleanly and last gave a new article."""

    source: str
    articles: int
    last_successful_crawl: str | None
    last_new_article: str | None


def _seconds(started: str, finished: str | None) -> float | None:
    if not finished:
        return None
    return (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds()


def recent_runs(db: Database, limit: int = 10) -> list[RunSummary]:
    """The newest ``limit`` runs, newest first."""
    rows = db.execute(
        "SELECT id, command, started, finished, outcome, message FROM crawl_runs ORDER BY id DESC LIMIT ?", [limit]
    ).fetchall()
    return [RunSummary(id, command, started, _seconds(started, finished), outcome, message)
            for id, command, started, finished, outcome, message in rows]


def source_health(db: Database, configured: list[str]) -> list[SourceHealth]:
    """Per source (configured or met in the database): article count, last clean crawl, last new article."""
    articles = {source: (count, newest) for source, count, newest in db.execute(
        "SELECT source, count(*), max(first_seen) FROM articles GROUP BY source")}
    last_ok: dict[str, str] = {}
    for finished, stats in db.execute(
        "SELECT finished, stats FROM crawl_runs WHERE command = 'crawl' AND outcome = 'ok' ORDER BY id DESC"
    ):
        for source in json.loads(stats or "{}").get("sources", {}):
            last_ok.setdefault(source, finished)
    names = list(dict.fromkeys([*configured, *sorted(articles), *sorted(last_ok)]))
    health = []
    for name in names:
        count, newest = articles.get(name, (0, None))
        health.append(SourceHealth(name, count, last_ok.get(name), newest))
    return health


def healthy(runs: list[RunSummary]) -> bool:
    """False when the newest run failed or was interrupted."""
    return not runs or runs[0].outcome not in FAILED_OUTCOMES


def render_status(runs: list[RunSummary], sources: list[SourceHealth]) -> str:
    """Both tables as plain text."""
    run_rows = [[r.id, r.command, r.started, "" if r.seconds is None else f"{r.seconds:.0f}s", r.outcome, r.message or ""]
                for r in runs]
    source_rows = [[s.source, s.articles, s.last_successful_crawl or "never", s.last_new_article or "never"] for s in sources]
    return "\n\n".join([
        "Last runs\n" + format_table(["run", "command", "started", "took", "outcome", "message"], run_rows),
        "Sources\n" + format_table(["source", "articles", "last successful crawl", "last new article"], source_rows),
    ])


def status_json(runs: list[RunSummary], sources: list[SourceHealth]) -> str:
    """Both lists as one JSON object, for monitoring tools."""
    return json.dumps({"healthy": healthy(runs), "runs": [asdict(r) for r in runs], "sources": [asdict(s) for s in sources]},
                      indent=2)
