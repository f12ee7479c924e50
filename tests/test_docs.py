"""The README documents every command and every canned query, so users can find them."""
from pathlib import Path

import yaml

from tracker.cli import build_parser
from db.publication import METADATA

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_tracker_command_is_documented():
    commands = build_parser()._subparsers._group_actions[0].choices
    missing = [name for name in commands if f"`tracker {name}" not in README]
    assert missing == []


def test_every_canned_query_is_documented():
    queries = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["tracker"]["queries"]
    missing = [name for name in queries if f"/tracker/{name}" not in README]
    assert missing == []


def test_the_two_commands_come_first():
    first_block = README.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block
