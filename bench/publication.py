"""Latency of the publication's canned queries and main pages on a big database, against a trivial query.

Requests go through Datasette's own ASGI client in this process, so the figures include
routing, SQL, rendering and plugins, but not the network.
"""
import asyncio
import statistics
import time
from pathlib import Path

from db.publication import publication

BASELINE = "/tracker.json?sql=select+1&_shape=array"


def requests_to_time(organisation: str, person: str) -> dict[str, str]:
    """The requests measured: every canned query with typical parameters, and the pages people open first."""
    return {
        "search": "/tracker/search.json?q=merger+consultation&_shape=array",
        "quote_search": "/tracker/quote_search.json?q=funding&_shape=array",
        "positions": "/tracker/positions.json?topic=merger&_shape=array",
        "stances_over_time": "/tracker/stances_over_time.json?topic=merger&_shape=array",
        "organisation_profile": f"/tracker/organisation_profile.json?organisation={organisation}&_shape=array",
        "person_profile": f"/tracker/person_profile.json?person={person}&_shape=array",
        "new_since": "/tracker/new_since.json?since=2025-12-01&_shape=array",
        "stance_changes_by_topic": "/tracker/stance_changes_by_topic.json?topic=merger&_shape=array",
        "stance_feed (atom)": "/tracker/stance_feed.atom?topic=merger&stakeholder=",
        "page: front (every debate)": "/",
        "page: debate": "/topics/merger",
        "page: debate, one side": "/topics/merger?side=oppose",
        "page: article": "/tracker/articles/17",
        "page: one search": "/search?q=merger+consultation",
        "page: one search, empty": "/search",
        "page: one search, a name": "/search?q=person+17",
        "page: database": "/tracker",
        "page: articles": "/tracker/articles",
        "page: articles by source": "/tracker/articles?source=pulse",
        "page: search (html)": "/tracker/search?q=merger",
        "page: positions (html, chart)": "/tracker/positions?topic=merger",
        "page: organisations (named in articles)": "/tracker/organisations?articles__gt=0",
        "page: organisation": "/tracker/organisations/17",
        "page: person": "/tracker/people/17",
        "page: opposing stances": "/tracker/stances?topic=merger&stance=oppose",
        "page: mentions": "/tracker/mentions",
    }


async def time_requests(db_path: Path, paths: dict[str, str], repeats: int) -> dict[str, dict]:
    """p50 and p95 milliseconds of each request over ``repeats`` runs after one warm-up."""
    client = publication(db_path).client
    results = {}
    for name, path in {"baseline: select 1": BASELINE, **paths}.items():
        response = await client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}: {response.text[:200]}")
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            await client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results[name] = {"path": path, "p50_ms": statistics.median(timings),
                         "p95_ms": timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]}
    return results


def measure(db_path: Path, repeats: int = 20) -> dict:
    """The latency of each request, and its p95 as a multiple of the trivial query's p50."""
    results = asyncio.run(time_requests(db_path, requests_to_time("ORG17", "Person+17"), repeats))
    baseline = results["baseline: select 1"]["p50_ms"]
    for figures in results.values():
        figures["p95_over_baseline"] = figures["p95_ms"] / baseline
    return results
