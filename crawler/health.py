"""Extraction health: notice when a source's pages stop yielding dates, authors or bodies.

A site redesign rarely breaks a crawl outright; it quietly turns articles into ones
without a date or byline, or pages with no body at all. Each crawl records, per source, the
share of its articles missing each field; a share that jumps against the source's earlier
runs raises a warning kept in the run record.
"""
from statistics import mean

FIELDS = ("published", "author", "body")
MIN_ARTICLES = 3  # fewer articles in a run say too little to compare
JUMP = 0.5  # a rise of this much in a share (50 percentage points) is a degradation
HISTORY_RUNS = 5


def missing_shares(published: list, authors: list, empty_bodies: int) -> dict[str, float]:
    """The share of a run's articles of one source (their dates and authors) without a date, without
    an author, and without a body (pages refused for an empty body, against all that reached extraction)."""
    stored = len(published)
    return {
        "published": sum(value is None for value in published) / stored if stored else 0.0,
        "author": sum(value is None for value in authors) / stored if stored else 0.0,
        "body": empty_bodies / (stored + empty_bodies) if stored + empty_bodies else 0.0,
    }


def degradation_warnings(source: str, shares: dict[str, float], articles: int, earlier: list[dict[str, float]]) -> list[str]:
    """One line per field whose missing share jumped against the mean of the source's earlier runs."""
    if articles < MIN_ARTICLES or not earlier:
        return []
    warnings = []
    for field in FIELDS:
        before = mean(run.get(field, 0.0) for run in earlier[-HISTORY_RUNS:])
        if shares[field] - before >= JUMP:
            warnings.append(f"{source}: extraction degraded: {shares[field]:.0%} of articles without {field} "
                            f"(earlier runs: {before:.0%}); has the site changed its layout?")
    return warnings
