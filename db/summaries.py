"""Summary tables rebuilt after each analysis: where each stakeholder stands on each topic, and when that changed.

``stakeholder_positions`` has one row per (stakeholder, topic): counts of support, oppose
and neutral articles, the latest stance with its date and evidence, first and last seen.
``stance_changes`` lists every switch between support and oppose from one article to the
next (neutral reports do not count as a change of side). ``stance_timeline`` counts each
stakeholder's support, oppose and neutral articles per topic and month, and
``topic_timeline`` adds them up per topic and month, for the charts. Each organisation and person
also gets the number of articles that name it, so browse pages can leave out the registry's
entries that no article mentions.
"""
from itertools import groupby

from sqlite_utils import Database

from db.connect import writing

POSITIONS_SQL = """
SELECT stances.stakeholder, stances.stakeholder_type, stances.organisation_id, stances.person_id, stances.topic,
       stances.stance, stances.evidence, stances.article_id, articles.published, articles.title, stances.cues,
       stances.link, stances.confidence
FROM stances JOIN articles ON articles.id = stances.article_id
ORDER BY stances.stakeholder, stances.topic, articles.published, stances.article_id
"""


def summarise(rows: list[dict]) -> tuple[dict, list[dict]]:
    """The position row and the stance changes of one stakeholder on one topic, from its stances in date order."""
    latest = rows[-1]
    sides = [row for row in rows if row["stance"] != "neutral"]
    changes = [
        {"stakeholder": after["stakeholder"], "topic": after["topic"], "from_stance": before["stance"],
         "to_stance": after["stance"], "changed_on": after["published"], "from_article_id": before["article_id"],
         "to_article_id": after["article_id"], "evidence": after["evidence"]}
        for before, after in zip(sides, sides[1:]) if before["stance"] != after["stance"]
    ]
    shown = sides[-1] if sides else latest
    position = {
        "stakeholder": latest["stakeholder"], "stakeholder_type": latest["stakeholder_type"],
        "organisation_id": latest["organisation_id"], "person_id": latest["person_id"], "topic": latest["topic"],
        "articles": len({row["article_id"] for row in rows}),
        **{side: sum(row["stance"] == side for row in rows) for side in ("support", "oppose", "neutral")},
        "latest_stance": shown["stance"], "latest_date": shown["published"], "latest_evidence": shown["evidence"],
        "latest_article_id": shown["article_id"], "latest_title": shown.get("title"),
        "latest_cues": shown.get("cues"), "latest_link": shown.get("link"), "latest_confidence": shown.get("confidence"), "first_seen": rows[0]["published"], "last_seen": latest["published"],
        "changes": len(changes),
    }
    return position, changes


def monthly_counts(rows: list[dict]) -> list[dict]:
    """One stakeholder's stances on one topic counted per month of publication (undated articles are left out)."""
    counts: dict[str, dict] = {}
    for row in rows:
        if not row["published"]:
            continue
        month = row["published"][:7]
        entry = counts.setdefault(month, {
            "stakeholder": row["stakeholder"], "stakeholder_type": row["stakeholder_type"],
            "organisation_id": row["organisation_id"], "person_id": row["person_id"], "topic": row["topic"],
            "month": month, "support": 0, "oppose": 0, "neutral": 0})
        entry[row["stance"]] += 1
    return list(counts.values())


def topic_totals(timeline: list[dict]) -> list[dict]:
    """The monthly counts of every stakeholder added up per topic and month, with how many stakeholders took part."""
    totals: dict[tuple[str, str], dict] = {}
    for row in timeline:
        total = totals.setdefault((row["topic"], row["month"]), {
            "topic": row["topic"], "month": row["month"], "support": 0, "oppose": 0, "neutral": 0, "stakeholders": 0})
        for side in ("support", "oppose", "neutral"):
            total[side] += row[side]
        total["stakeholders"] += 1
    return list(totals.values())


def refresh_summaries(db: Database) -> int:
    """Rebuild the summary tables and the article counts from the stances and mentions, in one transaction;
    returns the number of positions."""
    columns = ["stakeholder", "stakeholder_type", "organisation_id", "person_id", "topic", "stance", "evidence",
               "article_id", "published", "title", "cues", "link", "confidence"]
    rows = [dict(zip(columns, row)) for row in db.execute(POSITIONS_SQL).fetchall()]
    positions, changes, timeline = [], [], []
    for _, group in groupby(rows, key=lambda row: (row["stakeholder"], row["topic"])):
        group = list(group)
        position, changed = summarise(group)
        positions.append(position)
        changes.extend(changed)
        timeline.extend(monthly_counts(group))
    with writing(db):
        for table in ("stakeholder_positions", "stance_changes", "stance_timeline", "topic_timeline"):
            db.execute(f"DELETE FROM {table}")
        db["stakeholder_positions"].insert_all(positions)
        db["stance_changes"].insert_all(changes)
        db["stance_timeline"].insert_all(timeline)
        db["topic_timeline"].insert_all(topic_totals(timeline))
        for table, column in (("organisations", "organisation_id"), ("people", "person_id")):
            db.execute(f"UPDATE {table} SET articles = coalesce((SELECT count(DISTINCT article_id) FROM mentions "
                       f"WHERE mentions.{column} = {table}.id), 0)")
    return len(positions)
