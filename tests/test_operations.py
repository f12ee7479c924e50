"""What the operator of the nightly job relies on: status, backup, the lock, logs, progress, exit codes."""
import json
import logging
import os
import pty
import signal
import sqlite3
import subprocess
import sys
import threading
import time

from sqlite_utils import Database

from db.connect import open_db
from db.crawl_store import finish_run, start_run
from tests.conftest import FAST_CRAWL, run_tracker
from tracker.lock import exclusive_run
from tracker.logs import configure_logging


def child(code: str) -> subprocess.Popen:
    """A Python child process running ``code``, with this checkout importable."""
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)


def test_status_lists_the_runs_and_each_sources_health(analysed_db, sample_sources_file):
    result = run_tracker("status", "--db", str(analysed_db), "--sources", str(sample_sources_file))
    assert "Last runs" in result.stdout and "Sources" in result.stdout
    crawl_line = next(line for line in result.stdout.splitlines() if " crawl " in line)
    assert " ok " in crawl_line and "finish reason: finished" in crawl_line
    report = json.loads(run_tracker("status", "--db", str(analysed_db), "--sources", str(sample_sources_file), "--json").stdout)
    assert report["healthy"] is True
    (sample,) = report["sources"]
    assert sample["source"] == "sample" and sample["articles"] == 5
    assert sample["last_successful_crawl"] and sample["last_new_article"]
    assert [run["command"] for run in report["runs"]][-1] == "crawl"


def test_status_exits_1_when_the_last_run_failed_and_names_a_source_never_crawled(tmp_path, sample_sources_file):
    db_path = tmp_path / "t.db"
    db = open_db(db_path)
    finish_run(db, start_run(db, "nightly"), "failed", {}, "OperationalError: disk I/O error")
    db.close()
    result = run_tracker("status", "--db", str(db_path), "--sources", str(sample_sources_file), check=False)
    assert result.returncode == 1
    assert "disk I/O error" in result.stdout
    assert "sample         0  never" in result.stdout


def test_backup_copies_the_database_while_it_is_written(analysed_db, tmp_path):
    live = tmp_path / "live.db"
    run_tracker("backup", "--db", str(analysed_db), str(live))  # a private copy to write into
    stop = threading.Event()

    def write_errors():
        db = open_db(live)
        while not stop.is_set():
            with db.atomic():
                db["crawl_errors"].insert({"url": "http://127.0.0.1/x", "reason": "test", "occurred": "2026-01-01"})
        db.close()

    writer = threading.Thread(target=write_errors)
    writer.start()
    try:
        time.sleep(0.2)
        result = run_tracker("backup", "--db", str(live), str(tmp_path / "backups" / "copy.db"))
    finally:
        stop.set()
        writer.join()
    assert "integrity ok" in result.stdout
    copy = sqlite3.connect(tmp_path / "backups" / "copy.db")
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    assert 0 < copy.execute("SELECT count(*) FROM crawl_errors WHERE reason = 'test'").fetchone()[0]
    assert not (tmp_path / "backups" / "copy.db.partial").exists()


def test_a_failed_backup_exits_1_and_keeps_the_previous_copy(analysed_db, tmp_path):
    target = tmp_path / "copy.db"
    target.write_bytes(b"previous backup")
    blocker = tmp_path / "copy.db.partial"
    blocker.mkdir()  # the partial file cannot be written
    result = run_tracker("backup", "--db", str(analysed_db), str(target), check=False)
    assert result.returncode == 1
    assert f"cannot back up {analysed_db} to {target}" in result.stderr
    assert target.read_bytes() == b"previous backup"


def test_a_second_nightly_waits_its_turn_with_status_75(tmp_path, sample_sources_file):
    db_path = tmp_path / "t.db"
    with exclusive_run(db_path):
        result = run_tracker("nightly", "--db", str(db_path), "--sources", str(sample_sources_file), check=False)
    assert result.returncode == 75
    assert result.stderr.strip() == f"tracker nightly: another run (pid {os.getpid()}) holds {db_path}.lock"


def test_a_lock_left_by_a_killed_run_is_taken_over(tmp_path, caplog):
    db_path = tmp_path / "t.db"
    holder = child(f"from tracker.lock import exclusive_run\nwith exclusive_run({str(db_path)!r}):\n"
                   "    print('locked', flush=True)\n    import time; time.sleep(60)")
    assert holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with caplog.at_level(logging.WARNING, logger="tracker.lock"), exclusive_run(db_path):
        pass
    assert f"left by process {holder.pid}" in caplog.text


def test_a_run_record_left_running_by_a_killed_process_is_marked_interrupted(tmp_path):
    db_path = tmp_path / "t.db"
    open_db(db_path).close()
    runner = child(f"from db.connect import open_db\nfrom db.crawl_store import start_run\n"
                   f"print(start_run(open_db({str(db_path)!r}), 'nightly'), flush=True)\nimport time; time.sleep(60)")
    killed_run = int(runner.stdout.readline())
    db = open_db(db_path)
    live_run = start_run(db, "crawl")  # the killed run's process is still alive: left alone
    assert db["crawl_runs"].get(killed_run)["outcome"] == "running"
    runner.send_signal(signal.SIGKILL)
    runner.wait()
    start_run(db, "crawl")
    assert db["crawl_runs"].get(killed_run)["outcome"] == "interrupted"
    assert db["crawl_runs"].get(live_run)["outcome"] == "running"  # this process is alive


def test_a_crawl_that_does_not_finish_fails_the_nightly_with_one_line(tmp_path, sample_sources_file):
    db_path = tmp_path / "t.db"
    result = run_tracker("nightly", "--db", str(db_path), "--sources", str(sample_sources_file), *FAST_CRAWL,
                         "-s", "CLOSESPIDER_PAGECOUNT=1", check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "tracker nightly: failed: the crawl failed: finish reason: closespider_pagecount")
    run = next(Database(db_path)["crawl_runs"].rows_where("command = 'nightly'"))
    assert run["outcome"] == "failed" and run["finished"]


def test_the_log_file_records_the_run_and_rotates(tmp_path, sample_sources_file):
    db_path = tmp_path / "t.db"
    run_tracker("nightly", "--db", str(db_path), "--sources", str(sample_sources_file), *FAST_CRAWL)
    log = (tmp_path / "logs" / "tracker.log").read_text(encoding="utf-8")
    assert "tracker.nightly: nightly run ok: 5 new articles, 5 analysed" in log
    assert "scrapy.core.engine" in log  # Scrapy's detail goes to the file, not to cron mail

    configure_logging(tmp_path / "small" / "tracker.log", max_bytes=2000)
    try:
        for number in range(100):
            logging.getLogger("tracker.test").info("line %d of a long night", number)
    finally:
        logging.getLogger().handlers.clear()
    assert (tmp_path / "small" / "tracker.log.1").is_file()
    assert "line 99 of a long night" in (tmp_path / "small" / "tracker.log").read_text(encoding="utf-8")


def test_progress_is_plain_lines_when_not_in_a_terminal(tmp_path, sample_sources_file):
    result = run_tracker("nightly", "--db", str(tmp_path / "t.db"), "--sources", str(sample_sources_file), *FAST_CRAWL)
    assert "tracker.progress: analyse: 5/5 (" in result.stderr
    assert "tracker.progress: crawl: " in result.stderr
    assert "━" not in result.stderr
    assert "scrapy.core.engine" not in result.stderr


def test_progress_is_bars_in_a_terminal(tmp_path, sample_sources_file):
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "nightly", "--db", str(tmp_path / "t.db"), "--sources", str(sample_sources_file),
         *FAST_CRAWL], stdin=terminal, stdout=terminal, stderr=terminal, env={**os.environ, "COLUMNS": "120"})
    os.close(terminal)
    screen = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    os.close(main)
    assert process.wait(timeout=120) == 0
    text = screen.decode("utf-8", "replace")
    assert "━" in text and "5/5" in text and "analyse" in text and "crawl" in text
    assert "tracker.progress:" not in text  # no plain lines when there are bars
