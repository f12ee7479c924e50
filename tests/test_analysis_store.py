"""Storing analyses: canonical organisations across articles, successors, people, one transaction per article."""
import pytest

from db.analysis_store import articles_to_analyse, resolve_organisation, resolve_person, save_analysis, seed_registry
from db.connect import open_db
from db.crawl_store import FetchedPage, save_article
from nlp.names import person_key
from nlp.records import analysis_record, organisation_record, registry_records
from nlp.registry import load_registry
from nlp.results import ArticleAnalysis, Mention, OrganisationResult, PersonResult


def organisation(name, aliases=()):
    return organisation_record(OrganisationResult(name=name, kind=None, aliases=list(aliases)))


def person(db, name, organisation_id=None):
    return resolve_person(db, name, person_key(name), organisation_id)


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "tracker.db")
    seed_registry(database, registry_records(load_registry()))
    yield database
    database.close()


def add_article(db, number):
    page = FetchedPage(url=f"https://news.example/{number}", source="example", status=200, html=b"<p>x</p>")
    save_article(db, page, {"url": page.url, "canonical_url": page.url, "source": "example", "title": "t",
                            "body": f"body {number}", "word_count": 2, "published": "2024-01-02", "extractor_version": "t"})
    return db.execute("select id, content_hash from articles where url = ?", [page.url]).fetchone()


def test_the_forms_of_a_registry_name_resolve_to_one_record(db):
    ids = {resolve_organisation(db, organisation(name))
           for name in ("UHNM", "University Hospitals of North Midlands Trust", "University Hospitals of North Midlands NHS Trust")}
    assert len(ids) == 1


def test_an_organisation_first_met_in_an_article_is_added_with_its_aliases_and_found_again(db):
    first = resolve_organisation(db, organisation("Leeds Teaching Hospitals NHS Foundation Trust", ["LTHT"]))
    assert db["organisations"].get(first)["origin"] == "discovered"
    assert resolve_organisation(db, organisation("LTHT")) == first
    assert resolve_organisation(db, organisation("Leeds Teaching Hospitals Trust")) == first


def test_registry_successors_are_stored(db):
    row = db.execute("""select successor.name from organisations join organisations successor
                        on successor.id = organisations.successor_id where organisations.name = ?""",
                     ["Stoke-on-Trent Clinical Commissioning Group"]).fetchone()
    assert row == ("NHS Staffordshire and Stoke-on-Trent Integrated Care Board",)


def test_people_sharing_a_name_are_told_apart_by_organisation(db):
    article_id, _ = add_article(db, 1)
    first = person(db, "John Smith")
    second = db["people"].insert({"name": "John Smith", "name_key": "john smith#2", "first_seen": "2024"}).last_pk
    trust = resolve_organisation(db, organisation("Walsall Healthcare NHS Trust"))
    db["roles"].insert({"person_id": second, "role": "chair", "organisation_id": trust, "article_id": article_id})
    assert person(db, "Dr John Smith", trust) == second
    assert person(db, "John Smith") == first


def test_an_analysis_is_stored_whole_and_replaces_the_previous_one(db):
    article_id, digest = add_article(db, 1)
    mention = Mention("UHNM", 0, 4, "UHNM said.")
    analysis = ArticleAnalysis(
        organisations=[OrganisationResult(name="University Hospitals of North Midlands NHS Trust", kind="trust", mentions=[mention])],
        people=[PersonResult(name="Paula Clark", role="chief executive",
                             organisation="University Hospitals of North Midlands NHS Trust", mentions=[mention])],
    )
    save_analysis(db, article_id, digest, analysis_record(analysis), "v1")
    save_analysis(db, article_id, digest, analysis_record(analysis), "v1")
    assert db["mentions"].count == 2 and db["roles"].count == 1
    role = db.execute("select role, seen from roles").fetchone()
    assert role == ("chief executive", "2024-01-02")
    assert articles_to_analyse(db, "v1") == [] and articles_to_analyse(db, "v2") == [article_id]


def test_a_failing_analysis_write_leaves_the_previous_one(db):
    article_id, digest = add_article(db, 1)
    good = ArticleAnalysis(people=[PersonResult(name="Paula Clark", mentions=[Mention("Paula Clark", 0, 11, "s")])])
    save_analysis(db, article_id, digest, analysis_record(good), "v1")
    bad = ArticleAnalysis(people=[PersonResult(name="Paula Clark", mentions=[Mention(None, 0, 11, "s")])])
    with pytest.raises(Exception):
        save_analysis(db, article_id, digest, analysis_record(bad), "v2")
    assert db["mentions"].count == 1
    assert db.execute("select pipeline_version from analyses").fetchone() == ("v1",)


def imported_packages(folder: str) -> dict[str, set[str]]:
    """The top-level packages each module of ``folder`` imports."""
    import ast
    from pathlib import Path

    found = {}
    for path in (Path(__file__).parents[1] / folder).rglob("*.py"):
        tree = ast.parse(path.read_text())
        modules = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0]
        modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        found[str(path)] = {m.split(".")[0] for m in modules if m}
    return found


def test_the_storage_layer_imports_nothing_from_the_stages_above_it():
    for path, packages in imported_packages("db").items():
        assert not packages & {"nlp", "crawler", "tracker"}, path


def test_the_crawler_and_the_analysis_import_nothing_from_the_command():
    for folder, above in (("crawler", {"nlp", "tracker"}), ("nlp", {"crawler", "tracker"})):
        for path, packages in imported_packages(folder).items():
            assert not packages & above, path
