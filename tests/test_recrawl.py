"""Incremental crawling: stored articles are not fetched again, except inside a source's
recrawl window, where they are asked for only if changed (ETag) and a change is kept."""
import dataclasses
import json

from sqlite_utils import Database

from crawler.sample_site.content import load_articles
from crawler.sample_site.server import SampleSite
from crawler.sample_site import pages
from crawler.sample_site.content import generated_articles
from tests.conftest import FAST_CRAWL, run_tracker
from tests.fault_site import Answer, FaultSite
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


def test_an_old_address_that_redirects_to_a_stored_article_is_known_and_not_downloaded_again(tmp_path):
    articles = generated_articles(2)
    html = "text/html; charset=utf-8"
    only_moved, also_linked = (article.path for article in articles)
    routes = {article.path: Answer(200, html, pages.article_page(article, articles).encode(), listed=False) for article in articles}
    routes["/news/3001-old-address"] = Answer(301, html, b"", location=only_moved)  # the article's only link
    routes["/news/3002-old-address"] = Answer(301, html, b"", location=also_linked)
    routes[also_linked] = Answer(200, html, routes[also_linked].body)  # linked directly too
    listing = "".join(f'<a href="{path}">{path}</a>' for path, answer in routes.items() if answer.listed)
    routes["/news"] = Answer(200, html, f"<html><body>{listing}</body></html>".encode())
    routes["/robots.txt"] = Answer(200, "text/plain", b"User-agent: *\nDisallow:\n")
    with FaultSite(routes) as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(f'''[[source]]
name = "sample"
start_urls = ["{site.base_url}/news"]
article_pattern = "/news/\\\\d+-[a-z0-9-]+$"
''', encoding="utf-8")
        db_path = tmp_path / "tracker.db"
        runs = []
        for _ in range(3):
            served = len(site.requests)
            crawl(db_path, sources)
            runs.append(site.requests[served:])
    assert Database(db_path)["articles"].count == 2
    for later in runs[1:]:
        assert not {only_moved, also_linked} & set(later), later  # no stored article is downloaded again
    assert "/news/3001-old-address" not in runs[1]  # known from the first run's redirect
    assert not {"/news/3001-old-address", "/news/3002-old-address"} & set(runs[2])
    addresses = {row["url"].removeprefix(site.base_url) for row in Database(db_path)["article_addresses"].rows}
    assert addresses == {"/news/3001-old-address", "/news/3002-old-address"}
