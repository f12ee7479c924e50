"""What the organisation, person and topic pages show, read from the published database.

Each ``*_profile`` function takes a Datasette ``Database`` and returns plain dictionaries
for the templates in ``db/templates``: positions with the evidence behind them, quotes,
people and their roles, and stance charts built from the ``stance_timeline`` summary.
"""
from itertools import groupby

from db.charts import MonthCounts, stance_chart

PROFILE_LIMIT = 200

ORGANISATION = """
SELECT organisations.id, organisations.name, organisations.kind, organisations.acronym,
       successor.id AS successor_id, successor.name AS successor
FROM organisations LEFT JOIN organisations AS successor ON successor.id = organisations.successor_id
WHERE organisations.id = :id
"""

ALIASES = "SELECT alias FROM organisation_aliases WHERE organisation_id = :id ORDER BY alias"

PREDECESSORS = "SELECT id, name FROM organisations WHERE successor_id = :id ORDER BY name"

POSITIONS = """
SELECT stakeholder_positions.*, articles.title AS latest_title
FROM stakeholder_positions LEFT JOIN articles ON articles.id = stakeholder_positions.latest_article_id
WHERE {who} = :id ORDER BY topic
"""

STANCES = """
SELECT articles.published, articles.title, stances.article_id, stances.topic, stances.stance,
       stances.stakeholder, stances.evidence, stances.confidence, stances.cues, stances.link
FROM stances JOIN articles ON articles.id = stances.article_id
WHERE stances.{who} = :id ORDER BY articles.published DESC, stances.id DESC LIMIT {limit}
"""

TIMELINE = "SELECT topic, month, sum(support), sum(oppose), sum(neutral) FROM stance_timeline WHERE {where} GROUP BY topic, month ORDER BY topic, month"

TOPIC_TIMELINE = "SELECT month, support, oppose, neutral FROM topic_timeline WHERE topic = :topic ORDER BY month"

ORGANISATION_QUOTES = """
SELECT * FROM (
  SELECT articles.published, articles.title, quotes.article_id, quotes.speaker, quotes.person_id, quotes.text, quotes.direct
  FROM quotes JOIN articles ON articles.id = quotes.article_id WHERE quotes.organisation_id = :id
  UNION
  SELECT articles.published, articles.title, quotes.article_id, quotes.speaker, quotes.person_id, quotes.text, quotes.direct
  FROM quotes JOIN roles ON roles.person_id = quotes.person_id AND roles.article_id = quotes.article_id
  JOIN articles ON articles.id = quotes.article_id WHERE roles.organisation_id = :id
) ORDER BY published DESC LIMIT {limit}
"""

ORGANISATION_PEOPLE = """
SELECT people.id, people.name, group_concat(DISTINCT roles.role) AS roles, min(roles.seen) AS first_seen,
       max(roles.seen) AS last_seen, count(DISTINCT roles.article_id) AS articles
FROM roles JOIN people ON people.id = roles.person_id
WHERE roles.organisation_id = :id GROUP BY people.id ORDER BY max(roles.seen) DESC, people.name
"""

PERSON = "SELECT id, name FROM people WHERE id = :id"

PERSON_ROLES = """
SELECT roles.role, roles.organisation_id, organisations.name AS organisation, roles.seen, roles.article_id,
       articles.title
FROM roles JOIN articles ON articles.id = roles.article_id
LEFT JOIN organisations ON organisations.id = roles.organisation_id
WHERE roles.person_id = :id ORDER BY roles.seen DESC
"""

PERSON_QUOTES = """
SELECT articles.published, articles.title, quotes.article_id, quotes.text, quotes.direct
FROM quotes JOIN articles ON articles.id = quotes.article_id
WHERE quotes.person_id = :id ORDER BY articles.published DESC LIMIT {limit}
"""


async def rows(database, sql: str, params: dict) -> list[dict]:
    """The result of ``sql`` as a list of dictionaries."""
    result = await database.execute(sql, params)
    return [dict(row) for row in result.rows]


def charts_by_topic(timeline: list[tuple], title: str) -> list[dict]:
    """One stance chart per topic from (topic, month, support, oppose, neutral) rows sorted by topic."""
    return [
        {"topic": topic,
         "svg": stance_chart([MonthCounts(*row[1:]) for row in group], f"{title}: stances on {topic} by month")}
        for topic, group in groupby(timeline, key=lambda row: row[0])
    ]


async def timeline_rows(database, where: str, params: dict) -> list[tuple]:
    """Monthly stance counts per topic from ``stance_timeline`` restricted by ``where``."""
    result = await database.execute(TIMELINE.format(where=where), params)
    return [tuple(row) for row in result.rows]


async def sides_taken(database, who: str, stakeholder_id: int, name: str) -> dict:
    """Positions, stances and charts of one stakeholder; ``who`` is its id column, organisation_id or person_id."""
    params = {"id": stakeholder_id}
    return {
        "positions": await rows(database, POSITIONS.format(who=who), params),
        "stances": await rows(database, STANCES.format(who=who, limit=PROFILE_LIMIT), params),
        "charts": charts_by_topic(await timeline_rows(database, f"{who} = :id", params), name),
    }


async def organisation_profile(database, organisation_id: int) -> dict | None:
    """Everything the organisation page shows, or None when there is no such organisation."""
    params = {"id": organisation_id}
    found = await rows(database, ORGANISATION, params)
    if not found:
        return None
    organisation = found[0]
    return {
        **organisation,
        **await sides_taken(database, "organisation_id", organisation_id, organisation["name"]),
        "aliases": [row["alias"] for row in await rows(database, ALIASES, params)
                    if row["alias"] not in (organisation["name"], organisation["acronym"])],
        "predecessors": await rows(database, PREDECESSORS, params),
        "quotes": await rows(database, ORGANISATION_QUOTES.format(limit=PROFILE_LIMIT), params),
        "people": await rows(database, ORGANISATION_PEOPLE, params),
    }


async def person_profile(database, person_id: int) -> dict | None:
    """Everything the person page shows, or None when there is no such person."""
    params = {"id": person_id}
    found = await rows(database, PERSON, params)
    if not found:
        return None
    return {
        **found[0],
        **await sides_taken(database, "person_id", person_id, found[0]["name"]),
        "roles": await rows(database, PERSON_ROLES, params),
        "quotes": await rows(database, PERSON_QUOTES.format(limit=PROFILE_LIMIT), params),
    }


async def topic_chart(database, topic: str, label: str | None = None) -> str:
    """The chart of every stakeholder's stances on ``topic`` (named ``label``) by month."""
    result = await database.execute(TOPIC_TIMELINE, {"topic": topic})
    return stance_chart([MonthCounts(*row) for row in result.rows], f"Stances on {label or topic} by month")
