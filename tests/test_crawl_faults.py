"""A crawl of a site with every fault type ends with each fault recorded and every good article stored."""
import pytest
from sqlite_utils import Database

from tests.conftest import FAST_CRAWL, run_tracker
from tests.fault_site import FaultSite


@pytest.fixture(scope="module")
def fault_crawl(tmp_path_factory):
    """The fault site crawled once; yields the database and the site."""
    work = tmp_path_factory.mktemp("faults")
    with FaultSite() as site:
        sources = work / "sources.toml"
        sources.write_text(f"""[[source]]
name = "faulty"
start_urls = ["{site.base_url}/news"]
article_pattern = "/news/\\\\d+-[a-z0-9-]+$"
""", encoding="utf-8")
        result = run_tracker("crawl", "--db", str(work / "tracker.db"), "--sources", str(sources), *FAST_CRAWL,
                             "-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_ENABLED=False")
        yield Database(work / "tracker.db"), site, result


def test_every_good_article_is_stored_whatever_its_charset_or_state(fault_crawl):
    db, site, _ = fault_crawl
    stored = {row["url"].removeprefix(site.base_url): row for row in db["articles"].rows}
    good = [path for path in site.routes if path.startswith("/news/1")]
    assert sorted(stored) == sorted(good)  # the article behind a 301 too, stored once
    cp1252 = stored[good[1]]
    assert "’" in cp1252["body"] and "\ufffd" not in cp1252["body"]  # windows-1252 curly quotes decoded
    assert not any("\ufffd" in row["body"] or "â€" in row["body"] for row in stored.values())  # nor mangled elsewhere
    assert all(row["word_count"] >= 40 for row in stored.values())


@pytest.mark.parametrize("path, reason", [
    ("/news/2001-missing", "HTTP 404"),
    ("/news/2002-gone", "HTTP 410"),
    ("/news/2003-server-error", "HTTP 500"),
    ("/news/2004-slow", "timeout"),
    ("/news/2005-huge", "too large"),
    ("/news/2006-pdf", "not HTML"),
    ("/news/2007-empty", "empty body"),
    ("/news/2008-tiny", "body too short"),
    ("/news/2009-german", "not English"),
    ("/news/2010-malformed", "body too short"),
    ("/news/2011-loop", "redirect loop"),
])
def test_each_fault_is_recorded_with_its_reason(fault_crawl, path, reason):
    db, site, _ = fault_crawl
    rows = list(db["crawl_errors"].rows_where("url = ?", [site.base_url + path]))
    assert [row["reason"] for row in rows] == [reason]
    assert rows[0]["source"] == "faulty" and rows[0]["detail"]


def test_the_crawl_finishes_and_its_summary_counts_the_errors(fault_crawl):
    db, _, result = fault_crawl
    (run,) = db["crawl_runs"].rows
    assert run["outcome"] == "ok"
    row = next(line for line in result.stdout.splitlines() if line.startswith("faulty"))
    assert row.split()[-1] == "11"  # errors column
