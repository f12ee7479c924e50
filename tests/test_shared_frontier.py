"""Several crawler processes sharing one frontier through a real Redis server on 127.0.0.1."""
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter

import pytest
import redis
from sqlite_utils import Database

from crawler.sample_site.content import generated_articles
from crawler.sample_site.server import SampleSite
from db.connect import open_db
from tests.conftest import FAST_CRAWL
from tests.servers import free_port
from tracker.demo import sample_sources

ARTICLES = 40


@pytest.fixture
def redis_url(tmp_path):
    """A private redis-server (Debian's, installed by ``make test``) on a free loopback port."""
    executable = shutil.which("redis-server") or "/usr/bin/redis-server"
    port = free_port()
    server = subprocess.Popen([executable, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
                               "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


def crawlers(count: int, db_path, sources_path, redis_url) -> list[subprocess.Popen]:
    """``count`` crawler processes sharing ``redis_url``. Each holds at most two requests at a
    time, so that the rest wait in the shared queue and this short crawl splits visibly."""
    environment = {**os.environ, "REDIS_URL": redis_url}
    return [subprocess.Popen([sys.executable, "-m", "tracker", "crawl", "--db", str(db_path), "--sources", str(sources_path),
                              *FAST_CRAWL, "-s", "CONCURRENT_REQUESTS=2"],
                             env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(count)]


def finish(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors[-3000:]


def test_two_crawlers_split_the_site_and_fetch_no_article_twice(redis_url, tmp_path):
    with SampleSite(port=0, articles=generated_articles(ARTICLES), article_delay=0.5) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sample_sources(site.base_url), encoding="utf-8")
        db_path = tmp_path / "tracker.db"
        open_db(db_path).close()

        finish(crawlers(2, db_path, sources, redis_url))

        article_paths = {article.path for article in site.articles}
        fetched = Counter(path for path in site.requests if path in article_paths)
        assert set(fetched) == article_paths  # every article fetched...
        assert max(fetched.values()) == 1  # ...by exactly one of the two processes
        db = Database(db_path)
        assert db["articles"].count == ARTICLES
        runs = [json.loads(run["stats"])["sources"].get("sample", {}) for run in db["crawl_runs"].rows_where("command = 'crawl'")]
        assert len(runs) == 2 and all(run.get("fetched", 0) > 0 for run in runs)  # both did part of the work
        assert sum(run["fetched"] for run in runs) == ARTICLES
        assert redis.Redis.from_url(redis_url).keys("tracker:*") == []  # the last worker out cleared the frontier

        served = len(site.requests)
        finish(crawlers(1, db_path, sources, redis_url))  # the next night starts afresh
        again = site.requests[served:]
        assert "/feed.rss" in again and not set(again) & article_paths
