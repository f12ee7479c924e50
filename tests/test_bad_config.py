"""Bad configuration: every command stops with status 2 and a message naming the file and line."""
import pytest
from sqlite_utils import Database

from tests.conftest import run_tracker

GOOD_SOURCE = """[[source]]
name = "local"
article_pattern = "/news/\\\\d+"
start_urls = ["http://127.0.0.1:9/news"]
"""
GOOD_TOPICS = """[[topic]]
id = "merger"
label = "Merger"
terms = ["merger"]
"""

SOURCE_MISTAKES = [
    ("invalid TOML", GOOD_SOURCE + 'feeds = [\n', "sources.toml:5: invalid TOML"),
    ("unknown key", GOOD_SOURCE.replace('name = "local"\n', 'name = "local"\ncolour = "red"\n'),
     "sources.toml:3: [[source]] #1: unknown key(s) colour"),
    ("invalid regex", GOOD_SOURCE.replace("/news/\\\\d+", "/news/(\\\\d+"),
     "sources.toml:3: [[source]] #1: article_pattern is not a valid regular expression"),
    ("second source", GOOD_SOURCE + "\n" + GOOD_SOURCE.replace('"/news/', '"/(news/'),
     "sources.toml:8: [[source]] #2: article_pattern is not a valid regular expression"),
]


@pytest.mark.parametrize("command", ["crawl", "nightly", "status"])
@pytest.mark.parametrize("case, text, message", SOURCE_MISTAKES, ids=[case for case, _, _ in SOURCE_MISTAKES])
def test_a_bad_sources_file_exits_2_naming_file_and_line(tmp_path, command, case, text, message):
    sources = tmp_path / "sources.toml"
    sources.write_text(text, encoding="utf-8")
    result = run_tracker(command, "--db", str(tmp_path / "t.db"), "--sources", str(sources), check=False)
    assert result.returncode == 2, result.stderr
    assert f"tracker {command}: {tmp_path}/{message}" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["analyse", "nightly"])
def test_a_bad_topics_file_exits_2_before_anything_runs(tmp_path, command):
    topics = tmp_path / "topics.toml"
    topics.write_text(GOOD_TOPICS + '\n[[topic]]\nid = "mcp"\nlabel = "MCP"\nterm = ["mcp"]\n', encoding="utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(GOOD_SOURCE, encoding="utf-8")
    db_path = tmp_path / "t.db"
    extra = ["--sources", str(sources)] if command == "nightly" else []
    result = run_tracker(command, "--db", str(db_path), "--topics", str(topics), *extra, check=False)
    assert result.returncode == 2
    assert f"{topics}:9: [[topic]] #2: unknown key(s) term" in result.stderr
    assert not db_path.exists() or Database(db_path)["crawl_runs"].count == 0  # failed before crawling


@pytest.mark.parametrize("command", ["crawl", "analyse", "nightly", "status"])
def test_a_database_path_that_cannot_be_written_exits_2(tmp_path, command):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run_tracker(command, "--db", str(blocker / "t.db"), check=False)
    assert result.returncode == 2
    assert f"cannot open database {blocker / 't.db'}" in result.stderr


def test_a_malformed_setting_override_exits_2(tmp_path):
    result = run_tracker("crawl", "--db", str(tmp_path / "t.db"), "-s", "DOWNLOAD_DELAY", check=False)
    assert result.returncode == 2
    assert "-s DOWNLOAD_DELAY: expected NAME=VALUE" in result.stderr
