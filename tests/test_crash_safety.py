"""kill -9 in the middle of a crawl or an analysis, and readers during a nightly run.

Each test drives the real ``tracker`` command against a generated sample site on 127.0.0.1
whose article pages answer slowly, so that the run can be caught half-way.
"""
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.sample_site.content import generated_articles
from crawler.sample_site.server import SampleSite
from tests.conftest import FAST_CRAWL, run_tracker
from tests.servers import tracker_server
from tracker.demo import sample_sources

ARTICLES = 30
RESULT_TABLES = ("mentions", "roles", "quotes", "stances", "article_outlets")


@pytest.fixture(scope="module")
def slow_site():
    """Thirty articles, each answered after 0.1 s."""
    with SampleSite(port=0, articles=generated_articles(ARTICLES), article_delay=0.1) as site:
        yield site


@pytest.fixture(scope="module")
def slow_sources(slow_site, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("slow") / "sources.toml"
    path.write_text(sample_sources(slow_site.base_url), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def crawled_db(slow_sources, tmp_path_factory) -> Path:
    """The slow site crawled but not analysed."""
    db_path = tmp_path_factory.mktemp("crawled") / "tracker.db"
    run_tracker("crawl", "--db", str(db_path), "--sources", str(slow_sources), *FAST_CRAWL)
    return db_path


def tracker_process(*arguments: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker", *arguments],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def count(db_path: Path, sql: str) -> int:
    """One number from a read-only connection, as another process sees the database."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute(sql).fetchone()[0]


def kill_when(process: subprocess.Popen, db_path: Path, sql: str, at_least: int, timeout: float = 120) -> int:
    """SIGKILL ``process`` as soon as ``sql`` counts ``at_least`` rows; return the count seen then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the run ended (status {process.returncode}) before it could be killed")
        if db_path.exists():
            try:
                seen = count(db_path, sql)
            except sqlite3.OperationalError:  # the schema is not there yet
                seen = 0
            if seen >= at_least:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return seen
        time.sleep(0.02)
    process.kill()
    raise AssertionError(f"{sql} never reached {at_least}")


def assert_consistent(db_path: Path) -> None:
    """The file, its full-text indexes and every article's raw page are intact."""
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        connection.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
        assert connection.execute("SELECT count(*) FROM articles WHERE url NOT IN (SELECT url FROM pages)").fetchone() == (0,)


def test_a_nightly_killed_mid_crawl_resumes_and_loses_nothing(slow_site, slow_sources, tmp_path):
    db_path = tmp_path / "tracker.db"
    common = ["--db", str(db_path), "--sources", str(slow_sources), *FAST_CRAWL]
    stored = kill_when(tracker_process("nightly", *common), db_path, "SELECT count(*) FROM articles", 5)
    assert stored < ARTICLES
    assert_consistent(db_path)
    with sqlite3.connect(db_path) as connection:
        before = connection.execute("SELECT canonical_url, content_hash, first_seen FROM articles").fetchall()
        requests_before = len(slow_site.requests)

    run_tracker("nightly", *common)

    assert_consistent(db_path)
    with sqlite3.connect(db_path) as connection:
        after = connection.execute("SELECT canonical_url, content_hash, first_seen FROM articles").fetchall()
        assert set(before) <= set(after)  # nothing stored before was lost or rewritten
        assert len(after) == len({url for url, _, _ in after}) == ARTICLES
        assert connection.execute("SELECT count(*) FROM analyses").fetchone() == (ARTICLES,)
        outcomes = connection.execute("SELECT command, outcome FROM crawl_runs ORDER BY id").fetchall()
    assert outcomes == [("nightly", "interrupted"), ("crawl", "interrupted"), ("nightly", "ok"), ("crawl", "ok")]
    stored_paths = {urlsplit(url).path for url, _, _ in before}
    assert not set(slow_site.requests[requests_before:]) & stored_paths  # stored articles were not downloaded again


def test_an_analysis_killed_mid_way_leaves_no_half_written_article(crawled_db, tmp_path):
    killed, reference = tmp_path / "killed.db", tmp_path / "reference.db"
    shutil.copy(crawled_db, killed)
    shutil.copy(crawled_db, reference)
    run_tracker("analyse", "--db", str(reference))

    analysed = kill_when(tracker_process("analyse", "--db", str(killed)), killed, "SELECT count(*) FROM analyses", 1)
    assert analysed < ARTICLES
    assert_consistent(killed)
    with sqlite3.connect(killed) as connection:
        for table in RESULT_TABLES:  # results only for articles whose analysis was committed whole
            orphans = connection.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT article_id FROM analyses)").fetchone()
            assert orphans == (0,), table

    run_tracker("analyse", "--db", str(killed))

    assert_consistent(killed)
    with sqlite3.connect(killed) as resumed, sqlite3.connect(reference) as whole:
        for table in (*RESULT_TABLES, "analyses", "organisations", "people", "stakeholder_positions"):
            sql = f"SELECT count(*) FROM {table}"
            assert resumed.execute(sql).fetchone() == whole.execute(sql).fetchone(), table


def test_datasette_answers_every_reader_while_a_nightly_run_writes(slow_sources, tmp_path):
    db_path = tmp_path / "tracker.db"
    run_tracker("status", "--db", str(db_path), "--sources", str(slow_sources))  # creates the schema
    paths = ["/tracker/articles.json?_shape=array", "/tracker/search.json?q=merger&_shape=array",
             "/tracker/positions.json?topic=merger&stance=&_shape=array", "/tracker/stances.json", "/tracker"]
    answers: list[int | str] = []
    with tracker_server(db_path) as base_url:
        nightly = tracker_process("nightly", "--db", str(db_path), "--sources", str(slow_sources), *FAST_CRAWL)
        deadline = time.monotonic() + 180

        def read():
            number = 0
            while nightly.poll() is None and time.monotonic() < deadline and number < 2000:
                try:
                    with urllib.request.urlopen(base_url + paths[number % len(paths)], timeout=30) as response:
                        answers.append(response.status)
                except (urllib.error.URLError, OSError) as error:
                    answers.append(f"{paths[number % len(paths)]}: {error}")
                number += 1

        readers = [threading.Thread(target=read) for _ in range(4)]
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join()
        assert nightly.wait(timeout=60) == 0
    assert count(db_path, "SELECT count(*) FROM analyses") == ARTICLES
    failures = [answer for answer in answers if answer != 200]
    assert failures == []
    assert len(answers) >= 50  # the readers really read throughout the run
