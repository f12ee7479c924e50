"""The Datasette publication, in-process: canned queries, pages, feeds, charts, and what must stay private or escaped."""
import sqlite3
import urllib.parse
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from db.publication import load_metadata, publication
from tests.datasette_client import datasette_get, datasette_page
from tests.publication_fixture import SCRIPT, write_stakeholder_database

ATOM = "{http://www.w3.org/2005/Atom}"
TRACKER = load_metadata()["databases"]["tracker"]
QUERIES = TRACKER["queries"]
TABLES = TRACKER["tables"]
EXAMPLE_PARAMETERS = {"q": "merger", "topic": "merger", "organisation": "LTHT", "person": "Jane Doe",
                      "since": "2024-01-01", "stakeholder": ""}


@pytest.fixture(scope="module")
def publication_db(tmp_path_factory) -> Path:
    return write_stakeholder_database(tmp_path_factory.mktemp("publication") / "stakeholders.db")


def query_url(name: str, extension: str = ".json", **parameters) -> str:
    return f"/tracker/{name}{extension}?" + urllib.parse.urlencode({**parameters, **({"_shape": "array"} if extension == ".json" else {})})


# Canned queries, as other tools call them.

async def test_every_canned_query_has_a_title_a_description_and_answers_as_a_json_array(publication_db):
    for name, query in QUERIES.items():
        assert query.get("title") and query.get("description"), name
        parameters = {key: value for key, value in EXAMPLE_PARAMETERS.items() if f":{key}" in query["sql"]}
        rows = await datasette_get(publication_db, query_url(name, **parameters))
        assert isinstance(rows, list) and rows, f"{name} returned nothing for {parameters}"


async def test_search_ranks_articles_and_marks_the_matching_words(publication_db):
    rows = await datasette_get(publication_db, query_url("search", q="opposes"))
    assert [row["article_id"] for row in rows] == [2]
    assert "<b>opposes</b>" in rows[0]["snippet"]


async def test_positions_count_each_side_and_show_the_latest_with_its_evidence(publication_db):
    rows = await datasette_get(publication_db, query_url("positions", topic="merger"))
    trust = next(row for row in rows if row["stakeholder"] == "Leeds Teaching Hospitals NHS Trust")
    assert (trust["support"], trust["oppose"], trust["neutral"], trust["latest_stance"]) == (1, 1, 0, "oppose")
    assert (trust["latest_date"], trust["latest_article_id"]) == ("2024-03-05", 2)
    assert trust["latest_evidence"] == "The trust now opposes the merger."
    assert (trust["latest_cues"], trust["latest_link"], trust["latest_title"]) == (
        "opposes", "subject of the cue", "Trust turns against merger")
    assert [row["stakeholder"] for row in rows] == ["Leeds Teaching Hospitals NHS Trust", "Unite"]  # most linked first
    opponents = await datasette_get(publication_db, query_url("positions", topic="merger", stance="oppose"))
    assert [row["stakeholder"] for row in opponents] == ["Leeds Teaching Hospitals NHS Trust", "Unite"]
    # A stance filter finds everyone who ever took that side, not only those whose latest side it is.
    backers = await datasette_get(publication_db, query_url("positions", topic="Merger", stance="Support"))
    assert [row["stakeholder"] for row in backers] == ["Leeds Teaching Hospitals NHS Trust"]


async def test_positions_group_stakeholders_by_side_and_accept_a_topic_by_label(publication_db):
    rows = await datasette_get(publication_db, query_url("positions", topic="multispecialty community provider (mcp)"))
    assert [(row["stakeholder"], row["latest_stance"]) for row in rows] == [
        ("Leeds City Council", "support"), ("Jane Doe", "neutral")]
    assert rows[0]["latest_confidence"] == 0.85
    every_topic = await datasette_get(publication_db, query_url("positions", topic="", stance=""))
    assert {row["topic"] for row in every_topic} == {"merger", "mcp"}


async def test_stances_over_time_are_counted_per_month(publication_db):
    rows = await datasette_get(publication_db, query_url("stances_over_time", topic="merger"))
    assert [(r["month"], r["support"], r["oppose"], r["neutral"]) for r in rows] == [("2024-01", 1, 0, 0), ("2024-03", 0, 2, 0)]


@pytest.mark.parametrize("name", ["LTHT", "leeds teaching hospitals", "Leeds Teaching Hospitals NHS Trust", "1"])
async def test_an_organisation_profile_is_found_by_any_form_of_its_name(publication_db, name):
    rows = await datasette_get(publication_db, query_url("organisation_profile", organisation=name))
    assert {row["organisation"] for row in rows} == {"Leeds Teaching Hospitals NHS Trust"}
    kinds = [(row["kind"], row["date"]) for row in rows]
    assert kinds[0] == ("quote", "2024-03-20") and ("stance", "2024-03-05") in kinds and ("role", "2024-01-10") in kinds
    quote = next(row for row in rows if row["kind"] == "quote" and row["date"] == "2024-01-10")
    assert (quote["person"], quote["role"], quote["text"]) == ("Jane Doe", "chief executive", "We back the merger.")


async def test_a_person_profile_gives_roles_quotes_and_stances(publication_db):
    rows = await datasette_get(publication_db, query_url("person_profile", person="jane doe"))
    assert {row["kind"] for row in rows} == {"role", "quote", "stance"}
    role = next(row for row in rows if row["kind"] == "role")
    assert (role["role"], role["organisation"]) == ("chief executive", "Leeds Teaching Hospitals NHS Trust")


async def test_what_is_new_since_a_date_lists_newer_articles_with_the_sides_taken(publication_db):
    rows = await datasette_get(publication_db, query_url("new_since", since="2024-03-01"))
    assert [row["article_id"] for row in rows] == [4, 3, 2]  # the date-only article among them
    assert set(rows[2]["stances"].split("; ")) == {"Leeds Teaching Hospitals NHS Trust opposes merger", "Unite opposes merger"}
    assert rows[1]["quotes"] == 1
    assert [row["article_id"] for row in await datasette_get(publication_db, query_url("new_since", since="2024-04"))] == [4]


async def test_stance_changes_list_each_switch_of_side(publication_db):
    for topic in ("merger", ""):
        rows = await datasette_get(publication_db, query_url("stance_changes_by_topic", topic=topic))
        assert [(r["stakeholder"], r["from_stance"], r["to_stance"], r["changed_on"]) for r in rows] == [
            ("Leeds Teaching Hospitals NHS Trust", "support", "oppose", "2024-03-05")]
    assert await datasette_get(publication_db, query_url("stance_changes_by_topic", topic="mcp")) == []


async def test_quote_search_finds_what_was_said_and_by_whom(publication_db):
    rows = await datasette_get(publication_db, query_url("quote_search", q="back"))
    assert [(row["speaker"], row["text"]) for row in rows] == [("Jane Doe", "We back the merger.")]
    assert "<b>back</b>" in rows[0]["snippet"]


# Atom feeds.

async def feed_entries(db_path: Path, **parameters) -> list[dict]:
    response = await publication(db_path).client.get(query_url("stance_feed", ".atom", **parameters))
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("application/xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "New stances"
    return [{"title": entry.find(f"{ATOM}title").text, "link": entry.find(f"{ATOM}link").get("href"),
             "content": entry.find(f"{ATOM}content").text} for entry in feed.iter(f"{ATOM}entry")]


async def test_the_feed_of_a_topic_lists_its_new_stances(publication_db):
    entries = await feed_entries(publication_db, topic="merger")
    assert sorted(entry["title"] for entry in entries) == [
        "Leeds Teaching Hospitals NHS Trust opposes merger", "Leeds Teaching Hospitals NHS Trust supports merger",
        "Unite opposes merger"]
    assert {entry["link"] for entry in entries} == {"https://news.example/1", "https://news.example/2"}


async def test_the_feed_of_a_stakeholder_lists_only_theirs(publication_db):
    entries = await feed_entries(publication_db, stakeholder="Unite")
    assert [(entry["title"], entry["content"]) for entry in entries] == [
        ("Unite opposes merger", "Unite opposes the merger too. (Trust turns against merger) "
                                 "Read from “opposes”. Subject of the cue. 90% sure.")]  # why, in the feed too


async def test_a_feed_with_nothing_to_report_says_so_instead_of_failing(publication_db):
    entries = await feed_entries(publication_db, topic="no such topic")
    assert [entry["title"] for entry in entries] == ["No stances to report yet"]


# Pages for people in a browser.

async def test_the_organisation_page_shows_positions_chart_quotes_and_people(publication_db):
    html = await datasette_page(publication_db, "/tracker/organisations/1")
    assert "<title>Leeds Teaching Hospitals NHS Trust</title>" in html
    assert "also written Leeds Teaching Hospitals" in html
    positions = html.split('class="tracker-table positions"')[1].split("</table>")[0]
    assert "<td>merger</td>" in positions and 'class="stance-oppose">oppose' in positions
    assert "read from “opposes” · subject of the cue · 90% sure" in positions  # why the side was read
    assert "The trust now opposes the merger." in positions and 'href="/tracker/articles/2"' in positions
    assert '<svg class="stance-chart"' in html and "2024-03: 1 oppose" in html
    assert "We back the merger." in html and 'href="/tracker/people/1">Jane Doe</a>' in html
    assert "chief executive" in html


async def test_the_person_page_shows_roles_positions_and_quotes(publication_db):
    html = await datasette_page(publication_db, "/tracker/people/1")
    assert "<title>Jane Doe</title>" in html
    assert 'href="/tracker/organisations/1">Leeds Teaching Hospitals NHS Trust</a>' in html
    assert "<td>mcp</td>" in html and '<svg class="stance-chart"' in html and "We back the merger." in html


async def test_the_positions_page_shows_the_topic_chart_above_the_table(publication_db):
    html = await datasette_page(publication_db, "/tracker/positions?topic=merger")
    assert "<title>Positions on a topic</title>" in html
    assert html.index("<h1") < html.index('<svg class="stance-chart"') < html.index('href="/tracker/organisations/1">Leeds')
    assert 'aria-label="Stances on Merger of NHS organisations by month"' in html
    assert 'href="/topics/merger"' in html
    assert '<a href="/tracker/articles/2">2</a>' in html  # evidence linked to its article


async def test_the_database_page_leads_to_the_debates_search_and_news(publication_db):
    html = await datasette_page(publication_db, "/tracker")
    for link in ('href="/"', 'href="/search"', 'href="/tracker/new_since"'):
        assert link in html


async def test_foreign_keys_are_labelled(publication_db):
    rows = await datasette_get(publication_db, "/tracker/roles.json?_labels=on&_shape=array")
    assert rows[0]["person_id"] == {"value": 1, "label": "Jane Doe"}
    assert rows[0]["organisation_id"] == {"value": 1, "label": "Leeds Teaching Hospitals NHS Trust"}


# Safety.

@pytest.mark.parametrize("path", [
    "/tracker/articles/3", "/tracker/organisations/1", "/tracker/people/1", "/tracker/search?q=statement",
    "/tracker/quote_search?q=talk", "/tracker/new_since?since=2024-03-01", "/tracker/articles",
    "/tracker/person_profile?person=Jane+Doe"])
async def test_html_in_articles_is_shown_as_text_never_run(publication_db, path):
    html = await datasette_page(publication_db, path)
    assert "alert(1)" in html or "alert(2)" in html, "the page should show the text"
    assert SCRIPT not in html and "<img src=x" not in html


@pytest.mark.parametrize("table", ["pages", "analyses", "_sqlite_migrations"])
async def test_hidden_tables_cannot_be_read_with_sql(publication_db, table):
    query = urllib.parse.quote(f"select * from {table}")
    refused = await datasette_get(publication_db, f"/tracker.json?sql={query}", status=400)
    assert "prohibited" in refused["error"]
    joined = urllib.parse.quote(f"select articles.id, {table}.* from articles join {table} on 1 = 1")
    assert "prohibited" in (await datasette_get(publication_db, f"/tracker.json?sql={joined}", status=400))["error"]
    response = await publication(publication_db).client.get(f"/tracker/{table}.json")
    assert response.status_code != 200


async def test_hidden_tables_are_not_listed(publication_db):
    tables = {table["name"] for table in (await datasette_get(publication_db, "/tracker.json"))["tables"] if not table["hidden"]}
    assert {"articles", "organisations", "stances", "stakeholder_positions"} <= tables
    assert not tables & {"pages", "analyses", "_sqlite_migrations", "articles_fts", "quotes_fts"}


async def test_robots_stay_out_of_query_pages(publication_db):
    response = await publication(publication_db).client.get("/robots.txt")
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /*?", "Disallow: /*.json"} <= set(lines)
    assert all(f"Disallow: /tracker/{name}" in lines for name in QUERIES)
    assert "Disallow: /" not in lines  # the front pages stay visible


async def test_queries_have_a_time_limit_and_none_can_write(publication_db):
    settings = await datasette_get(publication_db, "/-/settings.json")
    assert settings["sql_time_limit_ms"] == 3000
    assert not any(query.get("write") for query in QUERIES.values())
    query = urllib.parse.quote("delete from articles")
    await datasette_get(publication_db, f"/tracker.json?sql={query}", status=400)


# The metadata describes everything a user sees, and every facet and sort has an index.

def visible_tables(db_path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(db_path) as conn:
        names = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")]
        return {name: [column[1] for column in conn.execute(f"pragma table_info([{name}])")]
                for name in names if not (TABLES.get(name) or {}).get("hidden") and "_fts" not in name}


def test_every_visible_table_and_column_is_described(publication_db):
    tables = visible_tables(publication_db)
    undescribed = [name for name in tables if not (TABLES.get(name) or {}).get("description")]
    assert undescribed == []
    missing = [f"{table}.{column}" for table, columns in tables.items() for column in columns
               if column != "id" and column not in (TABLES[table].get("columns") or {})]
    assert missing == []


def test_every_facet_and_sort_column_has_an_index(publication_db):
    with sqlite3.connect(publication_db) as conn:
        def leading_columns(table):
            indexes = [row[1] for row in conn.execute(f"pragma index_list([{table}])")]
            return {conn.execute(f"pragma index_info([{index}])").fetchone()[2] for index in indexes}
        unindexed = [f"{table}.{column}" for table, settings in TABLES.items() if not settings.get("hidden")
                     for column in [*settings.get("facets", []), settings.get("sort"), settings.get("sort_desc")]
                     if column and column not in leading_columns(table) | {"id"}]
    assert unindexed == []


async def test_query_results_link_names_to_their_pages_and_highlight_matches(publication_db):
    html = await datasette_page(publication_db, "/tracker/search?q=opposes")
    assert '<a href="/tracker/articles/2">Trust turns against merger</a>' in html
    assert "<b>opposes</b>" in html
    html = await datasette_page(publication_db, "/tracker/quote_search?q=back")
    assert '<a href="/tracker/people/1">Jane Doe</a>' in html
