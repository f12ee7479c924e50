"""The ``tracker`` command: crawl, analyse, serve, nightly, extract, demo.

Every command takes ``--db PATH`` (default ``data/tracker.db``). Configuration errors
(a bad sources or topics file, an unwritable database) exit with status 2 and one line
naming the file; other failures exit with status 1.
"""
import argparse
import json
import sys
from pathlib import Path

from crawler.sources import DEFAULT_SOURCES
from db.connect import DEFAULT_DB, DatabaseUnwritable, open_db
from nlp.topics import DEFAULT_TOPICS
from tracker.tomlfile import ConfigError

CONFIG_ERROR = 2


def _overrides(pairs: list[str]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError(f"-s {pair}: expected NAME=VALUE")
        settings[name] = value
    return settings


def _last_crawl_summary(db_path: Path) -> tuple[str, str]:
    db = open_db(db_path)
    row = db.execute("SELECT outcome, stats FROM crawl_runs WHERE command = 'crawl' ORDER BY id DESC LIMIT 1").fetchone()
    db.close()
    if row is None:
        return "failed", "no run was recorded"
    stats = json.loads(row[1] or "{}").get("sources", {})
    lines = [f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) for name, counts in sorted(stats.items())]
    return row[0], "\n".join(lines) or "nothing collected"


def command_crawl(args) -> int:
    """Crawl the configured sources into the database."""
    from tracker.crawling import run_crawl

    open_db(args.db).close()  # fail fast, with a clear message, on an unwritable path
    run_crawl(args.db, args.sources, _overrides(args.set))
    outcome, summary = _last_crawl_summary(args.db)
    print(summary)
    return 0 if outcome == "ok" else 1


def command_analyse(args) -> int:
    """Analyse articles not yet analysed by the current pipeline version."""
    from nlp.run import analyse_database

    db = open_db(args.db)
    counts = analyse_database(db, args.topics, limit=args.limit)
    db.close()
    print(f"analysed {counts.analysed} articles: {counts.organisations} organisations, {counts.people} people, "
          f"{counts.quotes} quotes, {counts.stances} stances")
    return 0


def command_serve(args) -> int:
    """Serve the database read-only with Datasette."""
    from tracker.publishing import serve

    open_db(args.db).close()  # make sure the schema exists before Datasette reads it
    serve(args.db, host=args.host, port=args.port)
    return 0


def command_nightly(args) -> int:
    """Crawl, then analyse what changed; one run at a time."""
    from db.crawl_store import finish_run, start_run
    from nlp.run import analyse_database
    from tracker.crawling import run_crawl
    from tracker.lock import AlreadyRunning, exclusive_run

    try:
        with exclusive_run(args.db):
            db = open_db(args.db)
            run_id = start_run(db, "nightly")
            try:
                run_crawl(args.db, args.sources, _overrides(args.set))
                crawl_outcome, summary = _last_crawl_summary(args.db)
                counts = analyse_database(db, args.topics)
            except Exception as error:
                finish_run(db, run_id, "failed", {}, f"{type(error).__name__}: {error}")
                raise
            outcome = "ok" if crawl_outcome == "ok" else "failed"
            finish_run(db, run_id, outcome, {"crawl": summary, "analysed": counts.analysed}, f"crawl {crawl_outcome}")
            db.close()
    except AlreadyRunning as error:
        print(f"tracker nightly: {error}", file=sys.stderr)
        return 1
    print(summary)
    print(f"analysed {counts.analysed} articles")
    return 0 if outcome == "ok" else 1


def command_extract(args) -> int:
    """NLP only: read JSON lines {id, title?, text} and print one result line per article."""
    from nlp.analysis import Analyser
    from nlp.pipeline import build_pipeline
    from nlp.registry import load_registry
    from nlp.topics import load_topics

    topics = load_topics(args.topics)
    registry = load_registry()
    articles, failures = [], 0
    with open(args.input, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                articles.append((row["id"], str(row["text"])))
            except (ValueError, KeyError, TypeError) as error:
                failures += 1
                print(f"{args.input}:{number}: skipped, not an article line: {error}", file=sys.stderr)
    nlp = build_pipeline(registry)
    results = Analyser(registry, topics).analyse_texts(nlp, (text for _, text in articles))
    for (article_id, _), analysis in zip(articles, results):
        print(json.dumps(analysis.to_json(article_id, reported_speech=args.reported_speech), ensure_ascii=False))
    return 1 if failures else 0


def command_demo(args) -> int:
    """Serve the sample site, crawl and analyse it, and publish it."""
    from tracker.demo import run_demo

    run_demo(Path(args.db), args.site_port, args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="tracker", description="Who is saying what about NHS reorganisations.")
    commands = parser.add_subparsers(dest="command", required=True)

    def add(name, function, help_text):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"SQLite database (default {DEFAULT_DB})")
        sub.set_defaults(function=function)
        return sub

    def add_crawl_options(sub):
        sub.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="sources file (TOML)")
        sub.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="override a Scrapy setting")

    crawl = add("crawl", command_crawl, "Crawl the configured news sources into the database.")
    add_crawl_options(crawl)
    analyse = add("analyse", command_analyse, "Analyse new and changed articles and refresh the results.")
    analyse.add_argument("--topics", type=Path, default=DEFAULT_TOPICS, help="topics file (TOML)")
    analyse.add_argument("--limit", type=int, help="analyse at most this many articles")
    serve = add("serve", command_serve, "Serve the database read-only with Datasette.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    nightly = add("nightly", command_nightly, "Crawl, analyse and refresh: the job to schedule.")
    add_crawl_options(nightly)
    nightly.add_argument("--topics", type=Path, default=DEFAULT_TOPICS, help="topics file (TOML)")
    extract = add("extract", command_extract, "NLP only: JSON lines in, one JSON result line per article out.")
    extract.add_argument("--topics", type=Path, default=DEFAULT_TOPICS, help="topics file (TOML)")
    extract.add_argument("--reported-speech", action="store_true",
                         help="also print reported speech (quotes with direct: false); by default only direct quotes")
    extract.add_argument("input", type=Path, help="JSON lines with id, text and optionally title")
    demo = add("demo", command_demo, "Crawl the bundled sample site, analyse it and serve the result.")
    demo.add_argument("--port", type=int, default=8001, help="Datasette port")
    demo.add_argument("--site-port", type=int, default=8765, help="sample site port")
    return parser


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``tracker`` console script."""
    args = build_parser().parse_args(argv)
    try:
        status = args.function(args)
    except (ConfigError, DatabaseUnwritable, FileNotFoundError) as error:
        print(f"tracker {args.command}: {error}", file=sys.stderr)
        status = CONFIG_ERROR
    sys.exit(status)
