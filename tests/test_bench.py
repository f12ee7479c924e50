"""The benchmark's own code, run small, so that `make bench` keeps working."""
import os

from bench import extraction, publication, synthetic
from bench.crawl import generated_articles
from bench.memory import peak_rss_bytes
from bench.run import markdown


def test_the_synthetic_database_has_the_asked_shape_and_every_measured_request_answers(tmp_path):
    size = synthetic.Size(articles=300, organisations=40, people=200)
    counts = synthetic.build(tmp_path / "synthetic.db", size)
    assert counts["articles"] == 300 and counts["mentions"] == 3000
    assert counts["stances"] == 600 and counts["quotes"] == 600 and counts["stakeholder_positions"] > 0
    results = publication.measure(tmp_path / "synthetic.db", repeats=2)  # raises if any request fails
    assert set(results) == {"baseline: select 1", *publication.requests_to_time("ORG17", "Person+17")}
    assert all(0 < figures["p50_ms"] <= figures["p95_ms"] for figures in results.values())


def test_the_generated_site_has_distinct_articles_newest_first():
    articles = generated_articles(12)
    assert len({article.path for article in articles}) == 12
    assert [a.published for a in articles] == sorted((a.published for a in articles), reverse=True)
    assert articles[0].paragraphs == articles[5].paragraphs  # the five seed texts, cycled


def test_the_report_says_which_aims_are_met():
    report = {
        "machine": "x86_64", "seconds": 600, "database": {"articles": 10}, "build_seconds": 1, "repeats": 2,
        "crawl": {"crawl_pages_per_second": 80, "crawl_pages": 2500, "scrapy_bench_pages_per_second": 100,
                  "crawl_over_scrapy_bench": 0.8, "first_nightly_seconds": 100, "first_nightly_article_pages": 2000,
                  "second_nightly_seconds": 20, "second_nightly_pages": 40, "second_nightly_article_pages": 0,
                  "second_over_first": 0.2},
        "nlp": {"full_analysis_words_per_second": 1100, "plain_model_words_per_second": 1000, "full_over_plain": 1.1,
                "full_analysis_two_processes_words_per_second": 1700, "two_processes_over_plain": 1.7},
        "publication": {"baseline: select 1": {"p50_ms": 1, "p95_ms": 2, "p95_over_baseline": 2},
                        "search": {"p50_ms": 50, "p95_ms": 120, "p95_over_baseline": 120}},
        "memory": {"peak_rss_mb": 400, "seconds": 60, "articles": 10000},
        "extraction": {"pages": 30, "time_over_trafilatura": 1.7,
                       "ours": {"f1": 0.99, "precision": 0.99, "recall": 0.99, "worst_f1": 0.9, "ms_per_page": 4},
                       "trafilatura_default": {"f1": 0.96, "precision": 0.94, "recall": 1.0, "worst_f1": 0.7, "ms_per_page": 2}},
    }
    met = {line.split(" | ")[0].strip("| "): line.rstrip(" |").split(" | ")[-1] for line in markdown(report).splitlines()
           if line.startswith("| ") and line.count(" | ") == 3 and "aim" not in line}
    assert met["crawl"] == "yes" and met["nlp"] == "yes" and met["memory"] == "yes"
    assert met["incremental"] == "**no**" and met["publication"] == "**no**" and met["extraction"] == "**no**"


def test_peak_memory_is_this_process_own_and_at_least_its_current_size():
    with open("/proc/self/statm", encoding="ascii") as statm:
        resident = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    assert resident <= peak_rss_bytes() < 64 * 2**30


def test_body_scores_count_words_as_a_multiset():
    assert extraction.body_scores("a b b c", "a b c") == (0.75, 1.0, 2 * 0.75 / 1.75)
    assert extraction.body_scores("", "a b") == (0.0, 0.0, 0.0)


def test_the_extraction_benchmark_scores_every_page_against_its_true_body():
    report = extraction.measure(repeats=1, sample_articles=4)
    assert report["pages"] == len(extraction.benchmark_pages(4)) > 4
    for figures in (report["ours"], report["trafilatura_default"]):
        assert 0 <= figures["worst_f1"] <= figures["f1"] <= 1 and figures["ms_per_page"] > 0
    assert report["ours"]["f1"] > 0.9  # the regression pages' bodies are what extraction gives
