"""The ``tracker`` command: crawl, analyse, reextract, nightly, status, backup, serve, extract, demo.

Every command takes ``--db PATH`` (default ``data/tracker.db``). Exit statuses: 0 done;
1 failed (one line on stderr says why; the log file has the detail); 2 a configuration
error (a bad sources or topics file, an unwritable database), named with its file and line;
75 another run holds the lock (try again later).
"""
import argparse
import json
import logging
import sys
from pathlib import Path

from crawler.sources import DEFAULT_SOURCES
from db.connect import DEFAULT_DB, DatabaseUnwritable, open_db
from db.tomlfile import ConfigError
from nlp.stance_model import MODEL_FILE
from nlp.topics import DEFAULT_TOPICS

CONFIG_ERROR = 2
ALREADY_RUNNING = 75  # EX_TEMPFAIL: a scheduler may simply try again later
CRAWL_COLUMNS = ["discovered", "fetched", "new", "duplicates", "updated", "unchanged", "skipped_known", "errors"]
logger = logging.getLogger("tracker.cli")


def _overrides(pairs: list[str]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError(f"-s {pair}: expected NAME=VALUE")
        settings[name] = value
    return settings


def crawl_table(sources: dict) -> str:
    """The crawl's counts, a row per source."""
    from tracker.report import format_table

    rows = [[name, *(counts.get(column, 0) for column in CRAWL_COLUMNS)] for name, counts in sorted(sources.items())]
    return format_table(["source", *CRAWL_COLUMNS], rows) if rows else "nothing collected"


def _log(args, console=None) -> None:
    from tracker.logs import configure_logging, default_log_file

    configure_logging(args.log_file or default_log_file(args.db), console)


def _progress(args):
    """Bars when stderr is a terminal, log lines otherwise; the log file is set up to match."""
    from tracker.progress import BarProgress, PlainProgress

    progress = BarProgress() if sys.stderr.isatty() else PlainProgress()
    _log(args, getattr(progress, "console", None))
    return progress


def command_crawl(args) -> int:
    """Crawl the configured sources into the database."""
    from tracker.crawling import run_crawl
    from tracker.nightly import last_crawl

    overrides = _overrides(args.set)
    open_db(args.db).close()  # fail fast, with a clear message, on an unwritable path
    with _progress(args) as progress:
        run_crawl(args.db, args.sources, overrides, progress)
    db = open_db(args.db)
    crawl = last_crawl(db)
    db.close()
    print(crawl_table(crawl.sources))
    return 0 if crawl.outcome == "ok" else 1


def command_analyse(args) -> int:
    """Analyse articles not yet analysed by the current pipeline version."""
    from nlp.run import analyse_database

    db = open_db(args.db)
    with _progress(args) as progress:
        counts = analyse_database(db, args.topics, limit=args.limit, progress=progress)
    db.close()
    print(f"analysed {counts.analysed} articles: {counts.organisations} organisations, {counts.people} people, "
          f"{counts.quotes} quotes, {counts.stances} stances"
          + (f"; {counts.failed} failed (see the log)" if counts.failed else "")
          + (f"; {counts.truncated} cut to length" if counts.truncated else ""))
    return 1 if counts.failed else 0


def command_reextract(args) -> int:
    """Extract stored articles again from their raw pages with the current extractor."""
    from tracker.reextracting import reextract

    with _progress(args) as progress:
        counts = reextract(args.db, args.sources, args.source, args.all, progress)
    print(counts.summary())
    return 1 if counts.failed else 0


def command_serve(args) -> int:
    """Serve the database read-only with Datasette."""
    from tracker.publishing import serve

    open_db(args.db).close()  # make sure the schema exists before Datasette reads it
    serve(args.db, host=args.host, port=args.port)
    return 0


def command_nightly(args) -> int:
    """Crawl, then analyse what changed; one run at a time."""
    from tracker.nightly import run_nightly

    overrides = _overrides(args.set)
    open_db(args.db).close()
    with _progress(args) as progress:
        result = run_nightly(args.db, args.sources, args.topics, overrides, progress)
    print(crawl_table(result.crawl.sources))
    print(result.message)
    if not result.ok:
        print(f"tracker nightly: failed: {result.message}", file=sys.stderr)
    return 0 if result.ok else 1


def command_status(args) -> int:
    """Print the last runs and each source's health; exit 1 when the newest run failed."""
    from crawler.sources import load_sources
    from tracker.status import healthy, recent_runs, render_status, source_health, status_json

    configured = [source.name for source in load_sources(args.sources)]
    db = open_db(args.db)
    runs, sources = recent_runs(db, args.runs), source_health(db, configured)
    db.close()
    print(status_json(runs, sources) if args.json else render_status(runs, sources))
    return 0 if healthy(runs) else 1


def command_backup(args) -> int:
    """Copy the database to PATH while it stays in use."""
    from tracker.backup import backup_database

    _log(args)
    size = backup_database(args.db, args.path)
    logger.info("backed up %s to %s (%d bytes)", args.db, args.path, size)
    print(f"backed up {args.db} to {args.path} ({size:,} bytes, integrity ok)")
    return 0


def command_extract(args) -> int:
    """NLP only: read JSON lines {id, title?, text} and print one result line per article."""
    from nlp.analysis import Analyser
    from nlp.pipeline import build_pipeline
    from nlp.registry import load_registry
    from nlp.stance_model import load_model
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
    results = Analyser(registry, topics, load_model()).analyse_texts(nlp, (text for _, text in articles))
    for (article_id, _), analysis in zip(articles, results):
        print(json.dumps(analysis.to_json(article_id, reported_speech=args.reported_speech), ensure_ascii=False))
    return 1 if failures else 0


def command_train_stance(args) -> int:
    """Fit the learned stance combiner to gold articles and write its weights."""
    from tracker.stance_commands import train_stance

    train_stance(args.gold, args.topics, args.out)
    return 0


def command_evaluate(args) -> int:
    """Out-of-fold stance scores, whole outlets held out, beside the rules' own."""
    from tracker.stance_commands import evaluate

    evaluate(args.gold, args.topics, args.folds, args.predictions, frozenset(args.without))
    return 0


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
        add_log_option(sub)

    def add_log_option(sub):
        sub.add_argument("--log-file", type=Path, help="rotating log file (default: logs/tracker.log beside the database)")

    crawl = add("crawl", command_crawl, "Crawl the configured news sources into the database.")
    add_crawl_options(crawl)
    analyse = add("analyse", command_analyse, "Analyse new and changed articles and refresh the results.")
    analyse.add_argument("--topics", type=Path, default=DEFAULT_TOPICS, help="topics file (TOML)")
    analyse.add_argument("--limit", type=int, help="analyse at most this many articles")
    add_log_option(analyse)
    reextract = add("reextract", command_reextract,
                    "Extract stored articles again from their kept raw pages, with the current extractor.")
    reextract.add_argument("--source", help="only the articles of this source (its name in the sources file)")
    reextract.add_argument("--all", action="store_true",
                           help="every article, not only those extracted by an older extractor version")
    reextract.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="sources file, for per-source selectors")
    add_log_option(reextract)
    serve = add("serve", command_serve, "Serve the database read-only with Datasette.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    nightly = add("nightly", command_nightly, "Crawl, analyse and refresh: the job to schedule.")
    add_crawl_options(nightly)
    nightly.add_argument("--topics", type=Path, default=DEFAULT_TOPICS, help="topics file (TOML)")
    status = add("status", command_status, "The last runs and, per source, the last clean crawl and newest article.")
    status.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="sources file (TOML)")
    status.add_argument("--runs", type=int, default=10, help="how many runs to list (default 10)")
    status.add_argument("--json", action="store_true", help="print JSON for monitoring tools")
    backup = add("backup", command_backup, "Copy the database to PATH with SQLite's online backup, while it is in use.")
    backup.add_argument("path", type=Path, help="where to write the copy (replaced only once the copy checks out)")
    add_log_option(backup)
    extract = add("extract", command_extract, "NLP only: JSON lines in, one JSON result line per article out.")
    extract.add_argument("--topics", type=Path, default=DEFAULT_TOPICS, help="topics file (TOML)")
    extract.add_argument("--reported-speech", action="store_true",
                         help="also print reported speech (quotes with direct: false); by default only direct quotes")
    extract.add_argument("input", type=Path, help="JSON lines with id, text and optionally title")
    train_stance = add("train-stance", command_train_stance, "Fit the stance combiner to gold-annotated articles.")
    train_stance.add_argument("gold", type=Path, nargs="+", help="gold JSON lines files")
    train_stance.add_argument("--topics", type=Path, default=DEFAULT_TOPICS, help="topics file the gold uses (TOML)")
    train_stance.add_argument("--out", type=Path, default=MODEL_FILE, help=f"where to write the weights (default {MODEL_FILE})")
    evaluate = add("evaluate", command_evaluate, "Cross-validated stance scores, whole outlets held out.")
    evaluate.add_argument("gold", type=Path, nargs="+", help="gold JSON lines files")
    evaluate.add_argument("--topics", type=Path, default=DEFAULT_TOPICS, help="topics file the gold uses (TOML)")
    evaluate.add_argument("--folds", type=int, default=5, help="outlet groups (default 5)")
    evaluate.add_argument("--predictions", type=Path, help="also write the out-of-fold stances here, as extract lines")
    evaluate.add_argument("--without", action="append", default=[], metavar="RULE",
                          help="switch a named rule of the stance reader off (repeatable), to see what it earns")
    demo = add("demo", command_demo, "Crawl the bundled sample site, analyse it and serve the result.")
    demo.add_argument("--port", type=int, default=8001, help="Datasette port")
    demo.add_argument("--site-port", type=int, default=8765, help="sample site port")
    return parser


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``tracker`` console script."""
    from tracker.backup import BackupFailed
    from tracker.lock import AlreadyRunning
    from tracker.nightly import one_line

    args = build_parser().parse_args(argv)
    try:
        status = args.function(args)
    except (ConfigError, DatabaseUnwritable, FileNotFoundError) as error:
        print(f"tracker {args.command}: {error}", file=sys.stderr)
        status = CONFIG_ERROR
    except AlreadyRunning as error:
        print(f"tracker {args.command}: {error}", file=sys.stderr)
        status = ALREADY_RUNNING
    except BackupFailed as error:
        print(f"tracker {args.command}: {error}", file=sys.stderr)
        status = 1
    except Exception as error:  # the last line of defence: one line for cron, the traceback for the log
        logger.exception("tracker %s failed", args.command)
        print(f"tracker {args.command}: failed: {one_line(error)}", file=sys.stderr)
        status = 1
    sys.exit(status)
