"""The whole pipeline on the sample site: crawl over loopback, analyse, publish with Datasette."""
import json

from sqlite_utils import Database

from crawler.extract import is_furniture
from crawler.sample_site.content import load_articles
from tests.datasette_client import datasette_get


def test_crawl_stores_the_five_sample_articles_with_title_date_and_body(analysed_db):
    db = Database(analysed_db)
    stored = {row["title"]: row for row in db["articles"].rows}
    expected = load_articles()
    assert sorted(stored) == sorted(a.headline for a in expected)
    for article in expected:
        row = stored[article.headline]
        assert row["published"] == article.published
        assert row["author"] == article.author
        assert row["source"] == "sample"
        assert row["body"].startswith(article.paragraphs[0])
        story = [p for p in article.paragraphs if not is_furniture(p)]  # one seed text carries "Read More" links
        assert story[-1] in row["body"]
        assert "Most read" not in row["body"] and "cookies" not in row["body"]


def test_crawl_records_its_run(analysed_db):
    runs = list(Database(analysed_db)["crawl_runs"].rows_where("command = 'crawl'"))
    assert len(runs) == 1
    assert runs[0]["outcome"] == "ok"
    assert json.loads(runs[0]["stats"])["sources"]["sample"]["new"] == 5


def test_analysis_finds_uhnm_once_under_its_full_name(analysed_db):
    db = Database(analysed_db)
    rows = db.execute(
        """select organisations.name, count(mentions.id) from organisations
           join mentions on mentions.organisation_id = organisations.id
           where organisations.name like 'University Hospitals of North Midlands%' group by organisations.id"""
    ).fetchall()
    assert rows == [("University Hospitals of North Midlands NHS Trust", rows[0][1])]
    assert rows[0][1] >= 2


def test_analysis_stores_people_with_their_mentions(analysed_db):
    db = Database(analysed_db)
    names = {row[0] for row in db.execute("select distinct people.name from people join mentions on mentions.person_id = people.id")}
    assert {"Chandra Kanneganti", "Paula Clark"} <= names


def test_every_article_is_marked_analysed(analysed_db):
    db = Database(analysed_db)
    assert db["analyses"].count == db["articles"].count == 5


async def test_datasette_search_for_merger_finds_the_merger_articles(analysed_db):
    rows = await datasette_get(analysed_db, "/tracker/search.json?q=merger&_shape=array")
    titles = {row["title"] for row in rows}
    assert titles == {
        "North Staffordshire GPs reject countywide provider plan and call for an MCP",
        "GP alliance to bid for MCP contract as alternative to STP plan",
    }
    assert all("<b>merger" in row["snippet"].lower() for row in rows)


async def test_datasette_lists_articles_newest_first(analysed_db):
    rows = await datasette_get(analysed_db, "/tracker/articles.json?_shape=array")
    assert [row["published"] for row in rows] == sorted((row["published"] for row in rows), reverse=True)
    assert len(rows) == 5


def test_analysis_stores_quotes_stances_and_positions(analysed_db):
    db = Database(analysed_db)
    quote = db.execute("select speaker, sentiment from quotes where text like 'We would like to reiterate our support%'").fetchone()
    assert quote[0] == "Marcus Warnes" and quote[1] > 0
    position = db.execute(
        "select latest_stance, latest_evidence from stakeholder_positions where stakeholder = ? and topic = 'mcp'",
        ["North Staffordshire GP Federation"]).fetchone()
    assert position[0] == "support" and "MCP" in position[1]
    assert db.execute("select count(*) from stances where stance = 'oppose' and topic = 'merger'").fetchone()[0] >= 1
