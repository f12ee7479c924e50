"""``tracker reextract``: stored raw pages extracted again, the old text kept, changed articles left for analysis."""
import json

import pytest
from sqlite_utils import Database

from crawler.extract import EXTRACTOR_VERSION
from db.analysis_store import articles_to_analyse
from db.connect import open_db
from db.crawl_store import start_run
from nlp.pipeline import PIPELINE_VERSION
from tests.conftest import run_tracker

OLD = "extract-0"


@pytest.fixture
def old_extraction(analysed_db, tmp_path):
    """A copy of the analysed sample database as an older extractor left it: every article marked with an old
    version, and the first article missing its first paragraph."""
    db_path = tmp_path / "tracker.db"
    run_tracker("backup", "--db", str(analysed_db), str(db_path))
    db = Database(db_path)
    db.execute("UPDATE articles SET extractor_version = ?", [OLD])
    body = db["articles"].get(1)["body"]
    db["articles"].update(1, {"body": body.split("\n\n", 1)[1], "content_hash": "old"})
    db.execute("UPDATE analyses SET content_hash = 'old' WHERE article_id = 1")  # analysed as the old text
    db.conn.commit()
    return db_path, body


def test_articles_of_an_older_extractor_are_extracted_again_and_the_old_text_kept(old_extraction):
    db_path, full_body = old_extraction
    result = run_tracker("reextract", "--db", str(db_path))
    assert "re-extracted 5 articles with" in result.stdout and "1 changed" in result.stdout
    db = Database(db_path)
    assert {row["extractor_version"] for row in db["articles"].rows} == {EXTRACTOR_VERSION}
    assert db["articles"].get(1)["body"] == full_body
    (history,) = db["article_history"].rows_where("article_id = 1")
    assert history["body"] == full_body.split("\n\n", 1)[1] and history["extractor_version"] == OLD
    assert articles_to_analyse(db, PIPELINE_VERSION) == [1]  # only the changed article waits for analysis
    run = next(db["crawl_runs"].rows_where("command = 'reextract'"))
    assert run["outcome"] == "ok" and json.loads(run["stats"])["changed"] == 1
    assert "re-extracted 0 articles" in run_tracker("reextract", "--db", str(db_path)).stdout  # nothing left to do


def test_a_source_can_be_chosen_and_all_articles_redone(old_extraction):
    db_path, _ = old_extraction
    assert "re-extracted 0 articles" in run_tracker("reextract", "--db", str(db_path), "--source", "elsewhere").stdout
    run_tracker("reextract", "--db", str(db_path), "--source", "sample")
    again = run_tracker("reextract", "--db", str(db_path), "--all")
    assert "re-extracted 5 articles" in again.stdout and "0 changed" in again.stdout
    assert Database(db_path)["article_history"].count == 1


def test_a_stopped_run_resumes_after_the_last_article_it_finished(old_extraction):
    db_path, _ = old_extraction
    db = open_db(db_path)
    stopped = start_run(db, "reextract")
    options = {"source": None, "all": False, "version": EXTRACTOR_VERSION}
    db["crawl_runs"].update(stopped, {"outcome": "interrupted", "stats": json.dumps({"options": options, "last_article_id": 3})})
    db.close()
    result = run_tracker("reextract", "--db", str(db_path))
    assert "re-extracted 2 articles" in result.stdout  # articles 4 and 5
    versions = {row["id"]: row["extractor_version"] for row in Database(db_path)["articles"].rows}
    assert versions == {1: OLD, 2: OLD, 3: OLD, 4: EXTRACTOR_VERSION, 5: EXTRACTOR_VERSION}


def test_an_article_without_a_stored_page_is_counted_and_left_alone(old_extraction):
    db_path, _ = old_extraction
    db = Database(db_path)
    db.execute("DELETE FROM pages WHERE url = (SELECT url FROM articles WHERE id = 2)")
    db.conn.commit()
    result = run_tracker("reextract", "--db", str(db_path), "--log-file", str(db_path.parent / "re.log"))
    assert "1 without a stored page" in result.stdout
    assert Database(db_path)["articles"].get(2)["extractor_version"] == OLD
    assert "reextract: 5/5" in (db_path.parent / "re.log").read_text()  # progress is shown as it goes
