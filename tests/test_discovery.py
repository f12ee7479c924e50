"""Every discovery route on its own finds the articles it lists: RSS, Atom, sitemap index to
Google News sitemap, and listing pages followed through their pagination."""
import pytest
from sqlite_utils import Database

from crawler.sample_site.content import load_articles
from tests.conftest import FAST_CRAWL, run_tracker

ARTICLES = load_articles()
NEWEST_THREE = {a.path for a in ARTICLES[:3]}
ALL = {a.path for a in ARTICLES}


@pytest.mark.parametrize("route, expected", [
    ('feeds = ["{base}/feed.rss"]', NEWEST_THREE),
    ('feeds = ["{base}/feed.atom"]', NEWEST_THREE),
    ('sitemaps = ["{base}/sitemap.xml"]', ALL),
    ('start_urls = ["{base}/news"]\nfollow_pattern = "/news(\\\\?page=\\\\d+)?$"', ALL),
], ids=["rss", "atom", "sitemap-index", "listing-pagination"])
def test_each_discovery_route_alone_finds_its_articles(sample_site, tmp_path, route, expected):
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nname = "one-route"\narticle_pattern = "/news/\\\\d+-[a-z0-9-]+$"\n'
                       + route.replace("{base}", sample_site.base_url) + "\n", encoding="utf-8")
    run_tracker("crawl", "--db", str(tmp_path / "t.db"), "--sources", str(sources), *FAST_CRAWL)
    stored = {row["url"].removeprefix(sample_site.base_url) for row in Database(tmp_path / "t.db")["articles"].rows}
    assert stored == expected
