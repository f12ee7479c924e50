"""The benchmark's own code, run small, so that `make bench` keeps working."""
from bench import publication, synthetic


def test_the_synthetic_database_has_the_asked_shape_and_every_measured_request_answers(tmp_path):
    size = synthetic.Size(articles=300, organisations=40, people=200)
    counts = synthetic.build(tmp_path / "synthetic.db", size)
    assert counts["articles"] == 300 and counts["mentions"] == 3000
    assert counts["stances"] == 600 and counts["quotes"] == 600 and counts["stakeholder_positions"] > 0
    results = publication.measure(tmp_path / "synthetic.db", repeats=2)  # raises if any request fails
    assert set(results) == {"baseline: select 1", *publication.requests_to_time("ORG17", "Person+17")}
    assert all(0 < figures["p50_ms"] <= figures["p95_ms"] for figures in results.values())
