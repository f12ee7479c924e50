"""Positions over time and stance changes, rebuilt from stored stances."""
from db.summaries import monthly_counts, summarise, topic_totals


def stance(stance, day, article, evidence="e"):
    return {"stakeholder": "Leeds CCG", "stakeholder_type": "organisation", "organisation_id": 1, "person_id": None,
            "topic": "merger", "stance": stance, "evidence": evidence, "article_id": article, "published": day}


def test_a_position_counts_each_side_and_keeps_the_latest_side_taken():
    position, changes = summarise([stance("support", "2024-01-01", 1), stance("oppose", "2024-02-01", 2, "we now oppose it"),
                                   stance("neutral", "2024-03-01", 3)])
    assert (position["support"], position["oppose"], position["neutral"], position["articles"]) == (1, 1, 1, 3)
    assert (position["latest_stance"], position["latest_date"], position["latest_evidence"]) == ("oppose", "2024-02-01", "we now oppose it")
    assert (position["first_seen"], position["last_seen"]) == ("2024-01-01", "2024-03-01")
    assert [(c["from_stance"], c["to_stance"], c["changed_on"]) for c in changes] == [("support", "oppose", "2024-02-01")]


def test_neutral_reports_are_not_changes_of_side():
    _, changes = summarise([stance("support", "2024-01-01", 1), stance("neutral", "2024-02-01", 2), stance("support", "2024-03-01", 3)])
    assert changes == []


def test_stances_are_counted_per_month_for_the_charts():
    months = monthly_counts([stance("support", "2024-01-05T09:00:00+00:00", 1), stance("oppose", "2024-01-20", 2),
                             stance("support", "2024-03-01", 3), stance("neutral", None, 4)])
    assert [(m["month"], m["support"], m["oppose"], m["neutral"]) for m in months] == [
        ("2024-01", 1, 1, 0), ("2024-03", 1, 0, 0)]
    assert all(m["stakeholder"] == "Leeds CCG" and m["topic"] == "merger" for m in months)


def test_topic_totals_add_up_every_stakeholder_per_month():
    timeline = [
        {"topic": "merger", "month": "2024-01", "support": 1, "oppose": 0, "neutral": 0},
        {"topic": "merger", "month": "2024-01", "support": 0, "oppose": 2, "neutral": 1},
        {"topic": "mcp", "month": "2024-01", "support": 1, "oppose": 0, "neutral": 0}]
    totals = {(t["topic"], t["month"]): (t["support"], t["oppose"], t["neutral"], t["stakeholders"]) for t in topic_totals(timeline)}
    assert totals == {("merger", "2024-01"): (1, 2, 1, 2), ("mcp", "2024-01"): (1, 0, 0, 1)}
