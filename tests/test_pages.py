"""The pages a policy lead reads, in-process: the debates, an article, one search, and no error for odd parameters."""
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from db.connect import open_db
from db.publication import load_metadata, publication
from tests.datasette_client import datasette_get, datasette_page
from tests.publication_fixture import SCRIPT, write_stakeholder_database

ATOM = "{http://www.w3.org/2005/Atom}"
QUERIES = load_metadata()["databases"]["tracker"]["queries"]
ODD_VALUES = ["", " ", '"', "'", "Merger", "yesterday", "bananas", "2024-13-45", "%", "<b>", "a" * 300]


@pytest.fixture(scope="module")
def publication_db(tmp_path_factory) -> Path:
    return write_stakeholder_database(tmp_path_factory.mktemp("pages") / "stakeholders.db")


def section(html: str, start: str, end: str = "</section>") -> str:
    """The part of ``html`` from ``start`` to the next ``end``."""
    return html.split(start, 1)[1].split(end, 1)[0]


# The front page and the debate pages.

async def test_the_front_page_shows_who_backs_and_who_opposes_each_debate(publication_db):
    html = await datasette_page(publication_db, "/")
    merger = section(html, '<section class="topic-summary" data-topic="merger">')
    assert 'href="/topics/merger">Merger of NHS organisations</a>' in merger
    assert "Opposes (2)" in merger and "Backs (0)" in merger
    assert 'href="/tracker/organisations/1">Leeds Teaching Hospitals NHS Trust</a>' in merger
    assert "read from “opposes” · subject of the cue · 90% sure" in merger
    mcp = section(html, '<section class="topic-summary" data-topic="mcp">')
    assert "Backs (1)" in mcp and "Leeds City Council" in mcp and "85% sure" in mcp
    assert 'action="/search"' in html
    assert "Council backs the MCP" in section(html, "<h2>Latest articles</h2>", "</ul>")


async def test_a_debate_page_groups_stakeholders_by_side_with_evidence_why_and_the_article(publication_db):
    html = await datasette_page(publication_db, "/topics/merger")
    opposes = section(html, '<section class="side-group side-oppose" data-side="oppose">')
    assert opposes.index("Leeds Teaching Hospitals NHS Trust") < opposes.index("Unite")  # most reported first
    assert "2 articles" in opposes and "1 backing, 1 opposing" in opposes
    assert "The trust now opposes the merger." in opposes and "read from “opposes” · subject of the cue · 90% sure" in opposes
    assert 'href="https://news.example/2" rel="noopener noreferrer">Trust turns against merger</a>' in opposes
    assert 'href="/tracker/articles/2"' in opposes
    assert "Nobody yet." in section(html, '<section class="side-group side-support" data-side="support">')
    assert '<svg class="stance-chart"' in html
    assert '<option value="mcp">Multispecialty community provider (MCP)</option>' in html  # topics from the data
    assert '<option value="oppose">Opposes</option>' in html


async def test_a_debate_is_found_by_its_label_in_any_case_and_can_show_one_side(publication_db):
    html = await datasette_page(publication_db, "/topics/MERGER%20of%20nhs%20organisations?side=support")
    assert "<h1>Merger of NHS organisations</h1>" in html
    assert 'data-side="support"' in html and 'data-side="oppose"' not in html
    response = await publication(publication_db).client.get("/topics?topic=mcp&side=oppose")
    assert response.status_code == 302 and response.headers["location"] == "/topics/mcp?side=oppose"


async def test_an_unknown_debate_or_side_is_explained_not_failed(publication_db):
    html = await datasette_page(publication_db, "/topics/nothing-like-it")
    assert "No debate is called “nothing-like-it”" in html and 'href="/topics/merger"' in html
    html = await datasette_page(publication_db, "/topics/merger?side=sideways")
    assert "“sideways” is not a side: showing every side." in html and 'data-side="oppose"' in html
    assert 'href="/topics/mcp"' in await datasette_page(publication_db, "/topics")


# The article page.

async def test_the_article_page_shows_the_text_as_paragraphs_with_its_findings_and_evidence_marked(publication_db):
    html = await datasette_page(publication_db, "/tracker/articles/4")
    text = section(html, '<article class="article-text">', "</article>")
    assert "<p>Leeds councillors met on Tuesday.</p>" in text
    assert '<mark class="evidence evidence-support" title="Leeds City Council: support (mcp)">The council backs the MCP.</mark>' in text
    assert '<mark class="quote" title="quote: Leeds City Council">A better service,</mark>' in text
    findings = section(html, '<aside class="article-findings">', "</aside>")
    assert "Leeds City Council</a> <span class=\"stance-support\">backs</span>" in findings
    assert 'href="/topics/mcp">Multispecialty community provider (MCP)</a>' in findings
    assert "read from “backs” · subject of the cue · 85% sure" in findings
    assert 'class="original" href="https://news.example/4"' in html and "2024-04-02" in html


async def test_the_article_page_hides_bookkeeping_and_links_to_no_hidden_table(publication_db):
    html = await datasette_page(publication_db, "/tracker/articles/2")
    assert 'class="col-content_hash' not in html and 'class="col-extractor_version' not in html  # no record table
    assert "/tracker/analyses" not in html
    assert (await publication(publication_db).client.get("/tracker/analyses?article_id=2")).status_code == 403
    row = await datasette_get(publication_db, "/tracker/articles/2.json?_shape=array")
    assert row[0]["content_hash"] == "2"  # still in the JSON


# One search.

async def test_one_search_finds_organisations_people_articles_and_quotes(publication_db):
    html = await datasette_page(publication_db, "/search?q=leeds")
    organisations = section(html, '<ul class="plain-list search-organisations">', "</ul>")
    assert organisations.index("Leeds Teaching Hospitals NHS Trust") < organisations.index("Leeds City Council")
    assert "named in 2 articles" in organisations
    html = await datasette_page(publication_db, "/search?q=merger")
    assert "<b>merger</b>" in section(html, '<ul class="plain-list search-articles">', "</ul>")
    html = await datasette_page(publication_db, "/search?q=jane")
    assert 'href="/tracker/people/1">Jane Doe</a>' in html and "chief executive at Leeds Teaching Hospitals NHS Trust" in html
    html = await datasette_page(publication_db, "/search?q=service")
    assert "<b>service</b>" in section(html, '<ul class="plain-list search-quotes">', "</ul>")


@pytest.mark.parametrize("query", ["", "q=", "q=%22", "q=%20%20", "q=NEAR(", "q=*"])
async def test_an_empty_or_odd_search_shows_the_form_and_the_newest_items(publication_db, query):
    html = await datasette_page(publication_db, f"/search?{query}")
    assert 'name="q"' in html
    if query in ("", "q=", "q=%22", "q=%20%20"):
        assert "the newest articles and quotes" in html and "Council backs the MCP" in html


async def test_a_search_date_that_is_not_one_says_so(publication_db):
    html = await datasette_page(publication_db, "/search?q=merger&since=bananas")
    assert "“bananas” is not a date" in html and "<b>merger</b>" in html
    html = await datasette_page(publication_db, "/search?q=merger&since=2024-03")
    articles = section(html, '<ul class="plain-list search-articles">', "</ul>")
    assert "Trust turns against merger" in articles and "Trust backs merger" not in articles


# No page or canned query fails on a missing or odd parameter.

@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_no_canned_query_fails_on_missing_or_odd_parameters(publication_db, name):
    parameters = sorted(set(re.findall(r":(\w+)", QUERIES[name]["sql"])))
    client = publication(publication_db).client
    for value in ODD_VALUES:
        query = urllib.parse.urlencode(dict.fromkeys(parameters, value))
        for extension in (".json", ""):
            response = await client.get(f"/tracker/{name}{extension}?{query}")
            assert response.status_code == 200, (name, value, extension, response.text[:300])
    assert (await client.get(f"/tracker/{name}")).status_code == 200  # no parameters at all


async def test_a_date_that_is_not_one_is_explained_on_the_what_is_new_page(publication_db):
    html = await datasette_page(publication_db, "/tracker/new_since?since=bananas")
    assert "“bananas” is not a date: give a date such as 2024-03-05" in html
    assert await datasette_get(publication_db, "/tracker/new_since.json?since=bananas&_shape=array") == []


@pytest.mark.parametrize("path", ["/", "/topics", "/topics/merger?side=x", "/topics/%22%3Cb%3E", "/search?q=%22&since=%", "/tracker/articles/4",
                                  "/tracker/positions?topic=%3Cb%3E&stance=%22", "/tracker/stances"])
async def test_pages_answer_odd_parameters_without_an_error(publication_db, path):
    assert (await publication(publication_db).client.get(path)).status_code == 200


# The feed, browse views and bookkeeping.

async def test_an_article_dated_without_a_time_gives_a_valid_feed(publication_db):
    response = await publication(publication_db).client.get("/tracker/stance_feed.atom?topic=mcp&stakeholder=")
    assert response.status_code == 200, response.text[:300]
    feed = ElementTree.fromstring(response.content)
    updated = {entry.find(f"{ATOM}title").text: entry.find(f"{ATOM}updated").text for entry in feed.iter(f"{ATOM}entry")}
    assert updated["Leeds City Council supports mcp"] == "2024-04-02T00:00:00+00:00"


async def test_the_organisations_page_opens_on_those_some_article_names(publication_db):
    client = publication(publication_db).client
    response = await client.get("/tracker/organisations")
    assert response.status_code == 302 and response.headers["location"] == "/tracker/organisations?articles__gt=0"
    rows = await datasette_get(publication_db, "/tracker/organisations.json?articles__gt=0&_shape=array")
    assert [row["name"] for row in rows] == ["Leeds Teaching Hospitals NHS Trust", "Leeds City Council", "Unite"]
    everything = await datasette_get(publication_db, "/tracker/organisations.json?_shape=array")
    assert "Nowhere NHS Trust" in {row["name"] for row in everything}


async def test_tables_hide_bookkeeping_columns_and_round_confidences_but_json_keeps_them(publication_db):
    html = await datasette_page(publication_db, "/tracker/articles")
    assert re.search(r"\.col-content_hash, \.col-simhash, \.col-extractor_version[^{]*\{ display: none; \}", html)
    stances = await datasette_page(publication_db, "/tracker/stances")
    assert "0.8500000000000001" not in stances and ">0.85<" in stances
    rows = await datasette_get(publication_db, "/tracker/stances.json?_shape=array&organisation_id=4")
    assert rows[0]["confidence"] == 0.8500000000000001


async def test_hostile_html_in_an_article_is_shown_as_text_on_every_new_page(publication_db):
    for path in ("/", "/topics/merger", "/topics/mcp", "/search?q=statement", "/search", "/tracker/articles/3"):
        html = await datasette_page(publication_db, path)
        assert SCRIPT not in html and "<img src=x" not in html, path


async def test_an_empty_database_answers_every_page_with_what_to_do(tmp_path):
    empty = tmp_path / "empty.db"
    open_db(empty).close()
    assert "run <code>tracker crawl</code>" in await datasette_page(empty, "/")
    for path in ("/topics", "/topics/merger", "/search", "/search?q=merger", "/tracker/positions", "/tracker/new_since"):
        assert (await publication(empty).client.get(path)).status_code == 200, path
