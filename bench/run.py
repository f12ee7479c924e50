"""``make bench``: build the synthetic database, measure, and write bench/reports/latest.{md,json}."""
import argparse
import json
import platform
import time
from pathlib import Path

from bench import publication, synthetic

REPORTS = Path(__file__).resolve().parent / "reports"
AIM_P95_MS = 100


def markdown(report: dict) -> str:
    """The report as a Markdown page."""
    counts = ", ".join(f"{count:,} {table}" for table, count in report["database"].items())
    lines = [
        "# Benchmark report", "",
        f"Machine: {report['machine']}. Built in {report['build_seconds']:.0f} s: {counts}.", "",
        "## Publication latency", "",
        f"In-process Datasette requests, {report['repeats']} runs each after a warm-up. "
        f"Aim: p95 under {AIM_P95_MS} ms.", "",
        "| request | p50 ms | p95 ms | p95 / trivial query p50 | aim met |",
        "|---|---:|---:|---:|---|",
    ]
    for name, figures in report["publication"].items():
        met = "yes" if figures["p95_ms"] < AIM_P95_MS else "**no**"
        lines.append(f"| {name} | {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} | "
                     f"{figures['p95_over_baseline']:.1f}× | {met} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run the benchmark and write its reports."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=synthetic.Size.articles)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--work", type=Path, default=REPORTS / "work", help="where the synthetic database is built")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    db_path = args.work / "synthetic.db"
    started = time.perf_counter()
    counts = synthetic.build(db_path, synthetic.Size(articles=args.articles))
    report = {
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "build_seconds": time.perf_counter() - started,
        "database": counts,
        "repeats": args.repeats,
        "publication": publication.measure(db_path, args.repeats),
    }
    (REPORTS / "latest.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    (REPORTS / "latest.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))


if __name__ == "__main__":
    main()
