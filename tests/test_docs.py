"""The README documents every command and every canned query, so users can find them."""
import re
from pathlib import Path


from tracker.cli import build_parser
from db.publication import load_metadata, publication

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_tracker_command_is_documented():
    commands = build_parser()._subparsers._group_actions[0].choices
    missing = [name for name in commands if f"`tracker {name}" not in README]
    assert missing == []


def test_every_canned_query_is_documented():
    queries = load_metadata()["databases"]["tracker"]["queries"]
    missing = [name for name in queries if f"/tracker/{name}" not in README]
    assert missing == []


def test_the_two_commands_come_first():
    first_block = README.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block


async def test_the_readme_examples_answer_on_the_sample_data(analysed_db):
    """Each example request in the README works against the analysed sample site."""
    examples = re.findall(r"curl '(http://127\.0\.0\.1:8001(/tracker/[^']+))'", README)
    assert len(examples) >= 10
    empty = []
    for _, path in examples:
        response = await publication(analysed_db).client.get(path)
        assert response.status_code == 200, path
        if path.split("?")[0].endswith(".json") and response.json() == []:
            empty.append(path.split("?")[0])
    assert empty == ["/tracker/stance_changes_by_topic.json"]  # the sample articles hold no change of side
