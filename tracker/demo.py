"""``tracker demo``: serve the sample site, crawl and analyse it, then publish it with Datasette."""
import subprocess
import sys
from pathlib import Path

from crawler.sample_site.server import SampleSite
from crawler.sources import DEFAULT_SOURCES
from tracker.publishing import serve

SHIPPED_SAMPLE_URL = "http://127.0.0.1:8765"  # where crawler/sources.toml expects the sample site


def sample_sources(base_url: str) -> str:
    """The shipped sources file with the sample site's address replaced by ``base_url``."""
    return DEFAULT_SOURCES.read_text(encoding="utf-8").replace(SHIPPED_SAMPLE_URL, base_url)


def _stage(*arguments: str) -> None:
    """Run one tracker stage as a child process (Scrapy's reactor runs once per process)."""
    result = subprocess.run([sys.executable, "-m", "tracker", *arguments])
    if result.returncode:
        raise SystemExit(f"tracker {arguments[0]} failed with status {result.returncode}")


def run_demo(db_path: Path, site_port: int, web_port: int) -> None:
    """The whole pipeline on the bundled sample site; Ctrl-C stops everything it started."""
    with SampleSite(site_port) as site:
        print(f"Sample site:  {site.base_url}/news", flush=True)
        sources = db_path.parent / "demo_sources.toml"
        sources.parent.mkdir(parents=True, exist_ok=True)
        sources.write_text(sample_sources(site.base_url), encoding="utf-8")
        _stage("crawl", "--db", str(db_path), "--sources", str(sources))
        _stage("analyse", "--db", str(db_path))
        print(f"Tracker:      http://127.0.0.1:{web_port}/", flush=True)
        print(f"Articles:     http://127.0.0.1:{web_port}/tracker/articles", flush=True)
        print(f"Search:       http://127.0.0.1:{web_port}/tracker/search?q=merger", flush=True)
        print(f"Positions:    http://127.0.0.1:{web_port}/tracker/positions?topic=merger", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        try:
            serve(db_path, port=web_port)
        except KeyboardInterrupt:
            pass
