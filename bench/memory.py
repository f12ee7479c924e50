"""Peak memory of analysing many articles, measured in a fresh child process.

The articles are the seed articles repeated (``bench.nlp.benchmark_texts``), stored in a
new database, and analysed by the same function ``tracker analyse`` runs.
"""
import multiprocessing
import time
from pathlib import Path

from bench.nlp import benchmark_texts
from db.connect import open_db


def write_articles(path: Path, count: int) -> None:
    """A database holding ``count`` unanalysed articles."""
    path.unlink(missing_ok=True)
    db = open_db(path)
    db["articles"].insert_all(
        ({"id": index + 1, "canonical_url": f"https://news.example/{index + 1}", "url": f"https://news.example/{index + 1}",
          "source": "bench", "title": f"Article {index + 1}", "published": "2025-01-01T09:00:00+00:00", "body": body,
          "word_count": len(body.split()), "content_hash": str(index), "extractor_version": "bench",
          "first_seen": "2025-01-01T09:00:00+00:00", "last_seen": "2025-01-01T09:00:00+00:00"}
         for index, body in enumerate(benchmark_texts(count))), batch_size=1_000)
    db.conn.close()


def peak_rss_bytes() -> int:
    """This process's peak resident memory since it started its program (VmHWM).

    Not ``getrusage``: on Linux its ``ru_maxrss`` survives exec, so a child spawned by a
    big parent would report the parent's size.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024


def analyse_and_report(path: Path) -> tuple[int, float, int]:
    """Analyse every article at ``path``; return (articles analysed, seconds, peak RSS in bytes) of this process."""
    from nlp.run import analyse_database

    started = time.perf_counter()
    counts = analyse_database(open_db(path))
    seconds = time.perf_counter() - started
    return counts.analysed, seconds, peak_rss_bytes()


def measure(article_count: int, work: Path) -> dict:
    """Peak RSS of analysing ``article_count`` articles in a child process that does nothing else."""
    path = work / "memory.db"
    write_articles(path, article_count)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        analysed, seconds, peak = pool.apply(analyse_and_report, (path,))
    return {"articles": analysed, "seconds": seconds, "peak_rss_mb": peak / 2**20}
