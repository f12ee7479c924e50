"""Body extraction quality and speed, against trafilatura's default call on the same pages.

The pages are those whose true body is known without running any extractor: the
regression pages under ``tests/fixtures/extraction`` (hand-checked bodies) and the sample
site's article template in both its designs, filled with the seed articles (the body is
the article's own paragraphs). Scores are word-level, as in the public article-extraction
benchmarks: precision and recall of the words of the extracted body (as a multiset) against
the true body's, and their F1, averaged over pages.
"""
import json
import re
import time
from collections import Counter
from pathlib import Path

import trafilatura

from crawler.extract import extract_article
from crawler.sample_site import pages
from crawler.sample_site.content import generated_articles
from db.tomlfile import read_toml

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "extraction"
WORD = re.compile(r"\w+")


def words(text: str | None) -> Counter:
    """The words of ``text``, lower-cased, with their counts."""
    return Counter(WORD.findall((text or "").lower()))


def body_scores(extracted: str | None, truth: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the words of ``extracted`` against those of ``truth``."""
    got, want = words(extracted), words(truth)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if overlap else 0.0)


def benchmark_pages(sample_articles: int = 20) -> list[tuple[str, str, str]]:
    """``(url, html, true body)`` of every page measured."""
    found = []
    for case in read_toml(FIXTURES / "cases.toml")["case"]:
        truth = json.loads((FIXTURES / f"{case['name']}.json").read_text(encoding="utf-8"))["body"]
        found.append((case["url"], (FIXTURES / f"{case['name']}.html").read_text(encoding="utf-8"), truth))
    articles = generated_articles(sample_articles)
    for index, article in enumerate(articles):
        html = pages.article_page(article, articles, redesigned=index % 2 == 1)
        found.append((f"http://127.0.0.1:8765{article.path}", html, "\n\n".join(article.paragraphs)))
    return found


def timed(extract, pages_measured, repeats: int) -> tuple[list[str | None], float]:
    """The bodies ``extract(html, url)`` gives for every page, and its mean seconds per page."""
    bodies = [extract(html, url) for url, html, _ in pages_measured]  # warm-up, and the bodies scored
    started = time.perf_counter()
    for _ in range(repeats):
        for url, html, _ in pages_measured:
            extract(html, url)
    return bodies, (time.perf_counter() - started) / (repeats * len(pages_measured))


def mean_scores(bodies: list[str | None], pages_measured) -> dict:
    """Mean precision, recall and F1 of ``bodies`` over the pages, and the worst page's F1."""
    scores = [body_scores(body, truth) for body, (_, _, truth) in zip(bodies, pages_measured)]
    return {"precision": sum(s[0] for s in scores) / len(scores), "recall": sum(s[1] for s in scores) / len(scores),
            "f1": sum(s[2] for s in scores) / len(scores), "worst_f1": min(s[2] for s in scores)}


def measure(repeats: int = 5, sample_articles: int = 20) -> dict:
    """Our extractor's body scores and time per page beside trafilatura's default ``extract`` call."""
    measured = benchmark_pages(sample_articles)
    ours, our_seconds = timed(lambda html, url: extract_article(html, url).body, measured, repeats)
    theirs, their_seconds = timed(lambda html, url: trafilatura.extract(html, url=url), measured, repeats)
    return {
        "pages": len(measured),
        "ours": {**mean_scores(ours, measured), "ms_per_page": our_seconds * 1000},
        "trafilatura_default": {**mean_scores(theirs, measured), "ms_per_page": their_seconds * 1000},
        "time_over_trafilatura": our_seconds / their_seconds,
    }
