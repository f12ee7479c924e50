"""Incremental crawling: stored articles are not fetched again, except inside a source's
recrawl window, where they are asked for only if changed (ETag) and a change is kept."""
import dataclasses
import json

from sqlite_utils import Database

from crawler.sample_site.content import load_articles
from crawler.sample_site.server import SampleSite
from tests.conftest import FAST_CRAWL, run_tracker
from tracker.demo import sample_sources


def crawl(db_path, sources) -> dict:
    run_tracker("crawl", "--db", str(db_path), "--sources", str(sources), *FAST_CRAWL)
    runs = list(Database(db_path)["crawl_runs"].rows_where("command = 'crawl'", order_by="id desc", limit=1))
    return json.loads(runs[0]["stats"])["sources"]["sample"]


def test_inside_a_recrawl_window_only_changed_articles_are_downloaded_again(tmp_path):
    with SampleSite(port=0, articles=load_articles()) as site:
        sources = tmp_path / "sources.toml"
        text = sample_sources(site.base_url).replace('name = "sample"', 'name = "sample"\nrecrawl_days = 36500')
        sources.write_text(text, encoding="utf-8")
        db_path = tmp_path / "tracker.db"
        first = crawl(db_path, sources)
        assert first["new"] == 5

        changed = site.articles[0]
        site.articles[0] = dataclasses.replace(changed, paragraphs=changed.paragraphs + ("The board later delayed the vote.",))
        second = crawl(db_path, sources)

    assert (second["recrawled"], second["unchanged"], second["updated"]) == (5, 4, 1)
    assert len(site.not_modified) == 4  # the unchanged four were answered 304, with no body
    db = Database(db_path)
    (history,) = db["article_history"].rows
    assert "The board later delayed the vote." not in history["body"]
    assert db["articles"].get(history["article_id"])["body"].endswith("The board later delayed the vote.")
    assert db["articles"].count == 5


def test_outside_a_recrawl_window_a_second_crawl_downloads_no_article(analysed_db, sample_site, sample_sources_file, tmp_path):
    db_path = tmp_path / "copy.db"
    run_tracker("backup", "--db", str(analysed_db), str(db_path))
    served = len(sample_site.requests)
    second = crawl(db_path, sample_sources_file)
    again = sample_site.requests[served:]
    assert second["skipped_known"] == 5 and "fetched" not in second
    assert not [path for path in again if path.startswith("/news/")]
    assert {"/feed.rss", "/sitemap.xml", "/sitemap-news.xml"} <= set(again)


def test_requests_carry_the_identifying_user_agent_with_the_operators_contact(tmp_path):
    with SampleSite(port=0) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(sample_sources(site.base_url), encoding="utf-8")
        run_tracker("crawl", "--db", str(tmp_path / "t.db"), "--sources", str(sources), *FAST_CRAWL,
                    "-s", "TRACKER_CONTACT=mailto:policy-ops@example.org")
    assert site.user_agents == {"nhs-stakeholder-tracker/0.1 (+mailto:policy-ops@example.org)"}
