"""The database layer: migrations, WAL, foreign keys, full-text search and one transaction per article."""
import pytest

from db.connect import DatabaseUnwritable, open_db
from db.crawl_store import FetchedPage, save_article, stored_articles
from db.schema import migrations, schema_version


def article_row(**changes) -> dict:
    row = {
        "url": "https://news.example/a/1?utm=x",
        "canonical_url": "https://news.example/a/1",
        "source": "example",
        "title": "Trusts consider merger",
        "body": "The two trusts will consider a merger of their back offices next year.",
        "word_count": 12,
        "published": "2024-01-02",
        "paywalled": 0,
        "extractor_version": "test",
    }
    return {**row, **changes}


PAGE = FetchedPage(url="https://news.example/a/1?utm=x", source="example", status=200, html=b"<html>...</html>")


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "tracker.db")
    yield database
    database.close()


def test_schema_is_applied_once_and_its_version_recorded(tmp_path):
    path = tmp_path / "tracker.db"
    open_db(path).close()
    db = open_db(path)
    assert schema_version(db) == [m.name for m in migrations._migrations]
    assert db.execute("select count(*) from _sqlite_migrations").fetchone()[0] == len(schema_version(db))
    assert {"articles", "crawl_runs", "crawl_errors", "organisations", "people", "quotes", "stances"} <= set(db.table_names())


def test_database_uses_wal_and_enforces_foreign_keys(db):
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    with pytest.raises(Exception, match="FOREIGN KEY"):
        db.execute("insert into mentions (article_id, person_id, text, sentence, start, end) values (999, 999, 'x', 'x', 0, 1)")


def test_full_text_index_follows_inserts_updates_and_deletes(db):
    save_article(db, PAGE, article_row())
    search = "select count(*) from articles_fts where articles_fts match ?"
    assert db.execute(search, ["body: merger"]).fetchone()[0] == 1
    save_article(db, PAGE, article_row(body="The trusts now plan a partnership instead of anything bigger."))
    assert db.execute(search, ["body: merger"]).fetchone()[0] == 0
    assert db.execute(search, ["partnership"]).fetchone()[0] == 1
    for table in ("article_fingerprint_bands", "article_history", "articles"):  # children first
        db.execute(f"delete from {table}")
    assert db.execute(search, ["partnership"]).fetchone()[0] == 0


def test_save_article_reports_new_unchanged_and_updated(db):
    assert save_article(db, PAGE, article_row()) == "new"
    assert save_article(db, PAGE, article_row()) == "unchanged"
    assert save_article(db, PAGE, article_row(body="A different text about a merger.")) == "updated"
    assert db["articles"].count == 1
    assert set(stored_articles(db)) == {"https://news.example/a/1?utm=x", "https://news.example/a/1"}


def test_a_failed_article_write_leaves_nothing_behind(db):
    with pytest.raises(Exception):
        save_article(db, PAGE, article_row(no_such_column="x"))
    assert db["pages"].count == 0
    assert db["articles"].count == 0


def test_an_unwritable_database_path_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(DatabaseUnwritable, match="cannot open database"):
        open_db(blocker / "tracker.db")


def test_a_syndicated_copy_is_stored_and_linked_to_its_story(db):
    story = " ".join(f"Sentence {n} of the story says the trusts will merge next spring." for n in range(30))
    first = save_article(db, PAGE, article_row(body=story))
    copy_page = FetchedPage(url="https://other.example/x", source="other", status=200, html=b"<html></html>")
    edited = story.replace("Sentence 3 ", "Line 3 ") + " This story first appeared in the News Example."
    copy = save_article(db, copy_page, article_row(url=copy_page.url, canonical_url=copy_page.url, body=edited))
    other_page = FetchedPage(url="https://other.example/y", source="other", status=200, html=b"<html></html>")
    unrelated = " ".join(f"Point {n}: the council agreed its budget for libraries and parks." for n in range(30))
    other = save_article(db, other_page, article_row(url=other_page.url, canonical_url=other_page.url, body=unrelated))
    assert (first, copy, other) == ("new", "duplicate", "new")
    stories = [row["story_id"] for row in db["articles"].rows_where(order_by="id")]
    assert stories[0] == stories[1] != stories[2]


def test_a_changed_article_keeps_its_previous_version(db):
    save_article(db, PAGE, article_row(body="The first version of the story about a merger."))
    save_article(db, PAGE, article_row(body="The second version, after the board met."))
    (history,) = db["article_history"].rows
    assert history["body"] == "The first version of the story about a merger."
    assert db["articles"].get(history["article_id"])["body"] == "The second version, after the board met."
