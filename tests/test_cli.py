"""The tracker command as users and other tools call it."""
import json

from tests.conftest import run_tracker
from tracker.lock import AlreadyRunning, exclusive_run

ARTICLES = [
    {"id": "a1", "title": "Trust chief backs merger",
     "text": "Paula Clark, chief executive of University Hospitals of North Midlands NHS Trust, spoke to governors. "
             "Ms Clark said the board would meet in March."},
    {"id": "a2", "text": "Staffordshire County Council has published its budget."},
]


def test_extract_prints_one_contract_line_per_article(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    result = run_tracker("extract", str(source))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a1", "a2"]
    for line in lines:
        assert set(line) == {"id", "organisations", "people", "quotes", "stances", "outlets"}
    first = lines[0]
    assert {"name": "University Hospitals of North Midlands NHS Trust", "aliases": [], "kind": "trust",
            "canonical": "University Hospitals of North Midlands NHS Trust"} in first["organisations"]
    assert [p["name"] for p in first["people"]] == ["Paula Clark"]
    assert {"Staffordshire County Council"} == {o["name"] for o in lines[1]["organisations"]}


def test_extract_reports_a_bad_line_and_still_analyses_the_rest(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(ARTICLES[1]) + "\n{not json\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    result = run_tracker("extract", str(source), check=False)
    assert result.returncode == 1
    assert "in.jsonl:2: skipped" in result.stderr and "in.jsonl:3: skipped" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a2"]


def test_only_one_run_holds_the_lock_at_a_time(tmp_path):
    db_path = tmp_path / "t.db"
    with exclusive_run(db_path):
        try:
            with exclusive_run(db_path):
                raise AssertionError("a second run got the lock")
        except AlreadyRunning as error:
            assert "holds" in str(error)
    with exclusive_run(db_path):
        pass  # released when the first run ended
