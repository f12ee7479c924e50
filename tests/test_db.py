"""The database layer: migrations, WAL, foreign keys, full-text search and one transaction per article."""
import pytest

from db.connect import DatabaseUnwritable, open_db
from db.crawl_store import FetchedPage, known_article_urls, save_article
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
    db.execute("delete from articles")
    assert db.execute(search, ["partnership"]).fetchone()[0] == 0


def test_save_article_reports_new_unchanged_and_updated(db):
    assert save_article(db, PAGE, article_row()) == "new"
    assert save_article(db, PAGE, article_row()) == "unchanged"
    assert save_article(db, PAGE, article_row(body="A different text about a merger.")) == "updated"
    assert db["articles"].count == 1
    assert known_article_urls(db) == {"https://news.example/a/1?utm=x", "https://news.example/a/1"}


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
