"""Politeness on a real local site: robots.txt rules and Crawl-delay honoured, other sites left alone."""
from sqlite_utils import Database

from crawler.sample_site.server import SampleSite
from tests.conftest import FAST_CRAWL, run_tracker
from tracker.demo import sample_sources


def crawl_site(site: SampleSite, tmp_path, extra_source: str = "") -> Database:
    sources = tmp_path / "sources.toml"
    sources.write_text(sample_sources(site.base_url) + extra_source, encoding="utf-8")
    run_tracker("crawl", "--db", str(tmp_path / "t.db"), "--sources", str(sources), *FAST_CRAWL)
    return Database(tmp_path / "t.db")


def test_requests_to_a_site_are_spaced_by_its_crawl_delay(tmp_path):
    with SampleSite(port=0, crawl_delay=0.5) as site:
        db = crawl_site(site, tmp_path)
    assert db["articles"].count == 5
    times = [when for path, when in zip(site.requests, site.request_times) if path != "/robots.txt"]
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    assert len(gaps) >= 10 and min(gaps) >= 0.45  # DOWNLOAD_DELAY is 0 here: only Crawl-delay spaces them


def test_pages_robots_txt_disallows_are_not_fetched_and_are_recorded(tmp_path):
    search = '\n[[source]]\nname = "search"\nstart_urls = ["{base}/search?q=merger"]\narticle_pattern = "/news/\\\\d+"\n'
    with SampleSite(port=0) as site:
        db = crawl_site(site, tmp_path, search.replace("{base}", site.base_url))
    assert not [path for path in site.requests if path.startswith("/search")]
    (error,) = db["crawl_errors"].rows_where("source = 'search'")
    assert error["reason"] == "disallowed by robots.txt"


def test_links_to_other_sites_are_not_followed(tmp_path):
    outside = '\n[[source]]\nname = "outside"\nfeeds = ["{base}/feed.rss"]\narticle_pattern = "/news/\\\\d+"\nallowed_domains = ["elsewhere.example"]\n'
    with SampleSite(port=0) as site:
        db = crawl_site(site, tmp_path, outside.replace("{base}", site.base_url))
    # the "outside" source's feed lists 127.0.0.1 articles, which are not on its domain
    assert {row["source"] for row in db["articles"].rows} == {"sample"}
