"""Crawl speed against ``scrapy bench``, and what a second nightly run over an unchanged site costs.

The site is the bundled sample site grown to thousands of articles (the seed articles
under new numbers, headlines and dates), served on 127.0.0.1 by this process. Both the
tracker and ``scrapy bench`` run as child processes, so their start-up counts for both.
"""
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crawler.sample_site.content import generated_articles
from crawler.sample_site.server import SampleSite
from tracker.demo import sample_sources

# The politeness delays are switched off and per-domain concurrency raised to Scrapy's
# default, so that the comparison with `scrapy bench` measures work, not waiting.
UNTHROTTLED = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def run_tracker(*arguments: str) -> float:
    """Run ``tracker`` with ``arguments`` and return its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tracker", *arguments], check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def scrapy_bench_pages_per_second(seconds: int = 10) -> float:
    """Pages per second of ``scrapy bench`` (Scrapy's own local site and spider) with Scrapy's defaults."""
    with tempfile.TemporaryDirectory() as outside_project:  # so our scrapy.cfg settings do not apply
        result = subprocess.run([sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"],
                                cwd=outside_project, check=True, capture_output=True, text=True)
    responses = int(re.search(r"'downloader/response_count': (\d+)", result.stderr).group(1))
    elapsed = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", result.stderr).group(1))
    return responses / elapsed


def article_requests(site: SampleSite) -> int:
    """How many article pages the site has served so far."""
    paths = {article.path for article in site.articles}
    return sum(request.split("?")[0] in paths for request in site.requests)


def measure(article_count: int, work: Path) -> dict:
    """Our crawl's pages per second against scrapy bench's, and the second nightly run against the first."""
    with SampleSite(articles=generated_articles(article_count)) as site:
        sources = work / "bench-sources.toml"
        sources.write_text(sample_sources(site.base_url), encoding="utf-8")
        crawl_db = work / "crawl.db"
        crawl_db.unlink(missing_ok=True)
        crawl_seconds = run_tracker("crawl", "--db", str(crawl_db), "--sources", str(sources), *UNTHROTTLED)
        crawl_pages = len(site.requests)
        scrapy_rate = scrapy_bench_pages_per_second()

        nightly_db = work / "nightly.db"
        nightly_db.unlink(missing_ok=True)
        site.requests.clear()
        first = run_tracker("nightly", "--db", str(nightly_db), "--sources", str(sources), *UNTHROTTLED)
        first_articles = article_requests(site)
        site.requests.clear()
        second = run_tracker("nightly", "--db", str(nightly_db), "--sources", str(sources), *UNTHROTTLED)
        return {
            "articles": article_count,
            "crawl_pages": crawl_pages, "crawl_seconds": crawl_seconds,
            "crawl_pages_per_second": crawl_pages / crawl_seconds,
            "scrapy_bench_pages_per_second": scrapy_rate,
            "crawl_over_scrapy_bench": crawl_pages / crawl_seconds / scrapy_rate,
            "first_nightly_seconds": first, "first_nightly_article_pages": first_articles,
            "second_nightly_seconds": second, "second_nightly_pages": len(site.requests),
            "second_nightly_article_pages": article_requests(site),
            "second_over_first": second / first,
        }
