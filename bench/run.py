"""``make bench``: measure crawl, extraction, NLP, incremental runs, publication and memory; write bench/reports/latest.{md,json}.

Every figure is also a ratio against a baseline measured in the same run, because
absolute times on shared machines are noisy.
"""
import argparse
import json
import platform
import time
from pathlib import Path

from bench import crawl, extraction, memory, nlp, publication, synthetic

REPORTS = Path(__file__).resolve().parent / "reports"

AIMS = {
    "crawl": ("crawl pages/s ≥ 0.7 × scrapy bench", lambda r: r["crawl"]["crawl_over_scrapy_bench"] >= 0.7),
    "extraction": ("body F1 ≥ 0.97, precision ≥ 0.95, time ≤ 1.5 × trafilatura's default call",
                   lambda r: r["extraction"]["ours"]["f1"] >= 0.97 and r["extraction"]["ours"]["precision"] >= 0.95
                   and r["extraction"]["time_over_trafilatura"] <= 1.5),
    "nlp": ("full analysis ≥ 1.0 × plain en_core_web_sm", lambda r: r["nlp"]["full_over_plain"] >= 1.0),
    "incremental": ("second nightly ≤ 0.1 × first, no article page fetched again",
                    lambda r: r["crawl"]["second_over_first"] <= 0.1 and r["crawl"]["second_nightly_article_pages"] == 0),
    "publication": ("every canned query and page p95 < 100 ms",
                    lambda r: all(f["p95_ms"] < 100 for f in r["publication"].values())),
    "memory": ("peak RSS < 1.5 GB", lambda r: r["memory"]["peak_rss_mb"] < 1536),
}


def summary_lines(report: dict) -> list[str]:
    """The headline figures, one line per aim."""
    c, n, m, x = report["crawl"], report["nlp"], report["memory"], report["extraction"]
    slowest = max(report["publication"].items(), key=lambda item: item[1]["p95_ms"])
    figures = {
        "crawl": f"{c['crawl_pages_per_second']:.0f} pages/s over {c['crawl_pages']:,} pages against scrapy bench's "
                 f"{c['scrapy_bench_pages_per_second']:.0f}: **{c['crawl_over_scrapy_bench']:.2f}×**",
        "extraction": f"F1 {x['ours']['f1']:.3f} (P {x['ours']['precision']:.3f}, R {x['ours']['recall']:.3f}, worst page "
                      f"{x['ours']['worst_f1']:.2f}) against trafilatura's {x['trafilatura_default']['f1']:.3f} "
                      f"(P {x['trafilatura_default']['precision']:.3f}) over {x['pages']} pages; "
                      f"{x['ours']['ms_per_page']:.1f} ms a page: **{x['time_over_trafilatura']:.2f}×**",
        "nlp": f"{n['full_analysis_words_per_second']:,.0f} words/s against the plain model's "
               f"{n['plain_model_words_per_second']:,.0f}: **{n['full_over_plain']:.2f}×**; two processes "
               f"{n['full_analysis_two_processes_words_per_second']:,.0f} words/s (**{n['two_processes_over_plain']:.2f}×**)",
        "incremental": f"first nightly {c['first_nightly_seconds']:.1f} s ({c['first_nightly_article_pages']:,} article pages), "
                       f"second {c['second_nightly_seconds']:.1f} s ({c['second_nightly_pages']} pages, "
                       f"{c['second_nightly_article_pages']} of them articles): **{c['second_over_first']:.3f}×**",
        "publication": f"slowest p95 {slowest[1]['p95_ms']:.0f} ms ({slowest[0]}); trivial query p50 "
                       f"{report['publication']['baseline: select 1']['p50_ms']:.1f} ms",
        "memory": f"**{m['peak_rss_mb']:,.0f} MB** peak RSS analysing {m['articles']:,} articles ({m['seconds']:.0f} s)",
    }
    return [f"| {name} | {AIMS[name][0]} | {figures[name]} | {'yes' if AIMS[name][1](report) else '**no**'} |"
            for name in AIMS]


def markdown(report: dict) -> str:
    """The report as a Markdown page."""
    counts = ", ".join(f"{count:,} {table}" for table, count in report["database"].items())
    lines = [
        "# Benchmark report", "",
        f"Machine: {report['machine']}; the whole run took {report['seconds'] / 60:.0f} min.", "",
        "| what | aim | measured | met |", "|---|---|---|---|", *summary_lines(report), "",
        "## Publication latency", "",
        f"Synthetic database ({counts}), built in {report['build_seconds']:.0f} s. In-process Datasette requests, "
        f"{report['repeats']} runs each after a warm-up.", "",
        "| request | p50 ms | p95 ms | p95 / trivial query p50 |", "|---|---:|---:|---:|",
    ]
    lines += [f"| {name} | {f['p50_ms']:.1f} | {f['p95_ms']:.1f} | {f['p95_over_baseline']:.1f}× |"
              for name, f in report["publication"].items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run the benchmark and write its reports."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=synthetic.Size.articles, help="synthetic database size")
    parser.add_argument("--crawl-articles", type=int, default=2_000, help="articles on the generated site")
    parser.add_argument("--nlp-articles", type=int, default=200, help="articles for the words-per-second figures")
    parser.add_argument("--memory-articles", type=int, default=10_000, help="articles analysed for peak memory")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--work", type=Path, default=REPORTS / "work", help="where the databases are built")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    report = {"machine": f"{platform.machine()}, Python {platform.python_version()}"}
    report["crawl"] = crawl.measure(args.crawl_articles, args.work)
    report["extraction"] = extraction.measure(args.repeats)
    report["nlp"] = nlp.measure(args.nlp_articles)
    db_path = args.work / "synthetic.db"
    built = time.perf_counter()
    report["database"] = synthetic.build(db_path, synthetic.Size(articles=args.articles))
    report["build_seconds"] = time.perf_counter() - built
    report["repeats"] = args.repeats
    report["publication"] = publication.measure(db_path, args.repeats)
    report["memory"] = memory.measure(args.memory_articles, args.work)
    report["seconds"] = time.perf_counter() - started
    (REPORTS / "latest.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    (REPORTS / "latest.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))


if __name__ == "__main__":
    main()
