"""`tracker serve` as a real server, and `tracker nightly` as the scheduled job runs it."""
import json
import socket
import subprocess
import sys
import time
import urllib.request

from sqlite_utils import Database

from tests.conftest import FAST_CRAWL, run_tracker


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str, timeout_seconds: float = 30.0):
    """GET ``url`` as JSON, waiting for the server to come up."""
    deadline = time.monotonic() + timeout_seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_publishes_the_database_over_http(analysed_db):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "tracker", "serve", "--db", str(analysed_db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/tracker"
        titles = {row["title"] for row in get_json(f"{base}/search.json?q=merger&_shape=array")}
        assert "GP alliance to bid for MCP contract as alternative to STP plan" in titles
        metadata = get_json(f"http://127.0.0.1:{port}/-/metadata.json")
        assert metadata["title"] == "NHS stakeholder tracker"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_nightly_crawls_analyses_and_records_the_run_then_redoes_nothing(sample_sources_file, tmp_path):
    db_path = tmp_path / "tracker.db"
    first = run_tracker("nightly", "--db", str(db_path), "--sources", str(sample_sources_file), *FAST_CRAWL)
    assert "analysed 5 articles" in first.stdout
    second = run_tracker("nightly", "--db", str(db_path), "--sources", str(sample_sources_file), *FAST_CRAWL)
    assert "analysed 0 articles" in second.stdout
    db = Database(db_path)
    nightly = list(db["crawl_runs"].rows_where("command = 'nightly'", order_by="id"))
    assert [run["outcome"] for run in nightly] == ["ok", "ok"]
    crawls = [json.loads(run["stats"])["sources"]["sample"] for run in db["crawl_runs"].rows_where("command = 'crawl'", order_by="id")]
    assert crawls[0]["new"] == 5
    assert crawls[1].get("fetched", 0) == 0 and crawls[1]["skipped_known"] == 5
