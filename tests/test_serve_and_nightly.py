"""`tracker serve` as a real server, and `tracker nightly` as the scheduled job runs it."""
import json
import urllib.request

from sqlite_utils import Database

from tests.conftest import FAST_CRAWL, run_tracker
from tests.servers import tracker_server


def get_json(url: str):
    """GET ``url`` as JSON."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_serve_publishes_the_database_over_http(analysed_db):
    with tracker_server(analysed_db) as base_url:
        titles = {row["title"] for row in get_json(f"{base_url}/tracker/search.json?q=merger&_shape=array")}
        assert "GP alliance to bid for MCP contract as alternative to STP plan" in titles
        metadata = get_json(f"{base_url}/-/metadata.json")
        assert metadata["title"] == "NHS stakeholder tracker"


def test_nightly_crawls_analyses_and_records_the_run_then_redoes_nothing(sample_sources_file, tmp_path):
    db_path = tmp_path / "tracker.db"
    first = run_tracker("nightly", "--db", str(db_path), "--sources", str(sample_sources_file), *FAST_CRAWL)
    assert "5 new articles, 5 analysed" in first.stdout
    second = run_tracker("nightly", "--db", str(db_path), "--sources", str(sample_sources_file), *FAST_CRAWL)
    assert "0 new articles, 0 analysed" in second.stdout
    db = Database(db_path)
    nightly = list(db["crawl_runs"].rows_where("command = 'nightly'", order_by="id"))
    assert [run["outcome"] for run in nightly] == ["ok", "ok"]
    record = json.loads(nightly[0]["stats"])
    assert record["analysed"] == 5 and record["crawl"]["sample"]["new"] == 5
    assert record["crawl_seconds"] > 0 and record["analyse_seconds"] > 0
    crawls = [json.loads(run["stats"])["sources"]["sample"] for run in db["crawl_runs"].rows_where("command = 'crawl'", order_by="id")]
    assert crawls[0]["new"] == 5
    assert crawls[1].get("fetched", 0) == 0 and crawls[1]["skipped_known"] == 5
