"""The crawl's run record: per-source counts and durations, and a warning when extraction degrades."""
import json

from sqlite_utils import Database

from crawler.health import degradation_warnings, missing_shares
from crawler.sample_site.content import generated_articles
from crawler.sample_site.server import SampleSite
from tests.conftest import FAST_CRAWL, run_tracker
from tracker.demo import sample_sources


def crawl(site: SampleSite, tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(sample_sources(site.base_url), encoding="utf-8")
    return run_tracker("crawl", "--db", str(tmp_path / "t.db"), "--sources", str(sources), *FAST_CRAWL)


def test_a_redesign_that_loses_bylines_raises_a_warning_kept_in_the_run_record(tmp_path):
    articles = generated_articles(12)
    with SampleSite(port=0, articles=articles[:6]) as site:
        crawl(site, tmp_path)
    with SampleSite(port=0, articles=articles[6:], redesigned=True) as site:
        result = crawl(site, tmp_path)

    first, second = [json.loads(run["stats"]) for run in Database(tmp_path / "t.db")["crawl_runs"].rows_where(order_by="id")]
    assert first["sources"]["sample"]["missing"]["author"] == 0 and first["warnings"] == []
    assert second["sources"]["sample"]["missing"]["author"] == 1
    (warning,) = [w for w in second["warnings"] if "without author" in w]
    assert warning.startswith("sample: extraction degraded: 100% of articles without author (earlier runs: 0%)")
    assert "extraction degraded" in result.stderr  # also said as the crawl ends


def test_the_run_record_counts_each_outcome_and_times_each_source(tmp_path):
    with SampleSite(port=0, articles=generated_articles(7)) as site:
        result = crawl(site, tmp_path)
    (run,) = Database(tmp_path / "t.db")["crawl_runs"].rows
    counts = json.loads(run["stats"])["sources"]["sample"]
    assert (counts["discovered"], counts["fetched"], counts["new"], counts["duplicates"]) == (7, 7, 5, 2)
    assert counts["seconds"] >= 0
    header, _, row = result.stdout.splitlines()[:3]
    assert header.split() == ["source", "discovered", "fetched", "new", "duplicates", "updated", "unchanged",
                              "skipped_known", "errors"]
    assert row.split() == ["sample", "7", "7", "5", "2", "0", "0", "0", "0"]


def test_shares_and_warnings_as_pure_functions():
    shares = missing_shares([None, "2024-01-01", None, None], ["A", None, "B", "C"], empty_bodies=1)
    assert shares == {"published": 0.75, "author": 0.25, "body": 0.2}
    assert degradation_warnings("x", shares, 4, [{"published": 0.0, "author": 0.2, "body": 0.0}]) == [
        "x: extraction degraded: 75% of articles without published (earlier runs: 0%); has the site changed its layout?"]
    assert degradation_warnings("x", shares, 2, [{"published": 0.0}]) == []  # too few articles to judge
    assert degradation_warnings("x", shares, 4, []) == []  # nothing to compare with
