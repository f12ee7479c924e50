"""What the front page and the debate pages show: for each tracked topic, who backs it, who opposes it,
who is reported without a side, why, and the latest articles.

Every function takes a Datasette ``Database`` and returns plain dictionaries for the templates
in ``db/templates``. Reads go to the summary tables (``stakeholder_positions``,
``topic_timeline``) and to indexed columns only, so the pages stay fast on a large archive.
"""
import json

from db.charts import SIDES
from db.profiles import rows, topic_chart

SIDE_HEADINGS = {"support": "Backs", "oppose": "Opposes", "neutral": "Reported without a side"}
FRONT_PAGE_NAMES = 5  # stakeholders named per side on the front page
DEBATE_PAGE_NAMES = 30  # per side on a debate page showing every side
ONE_SIDE_NAMES = 200  # on a debate page showing one side; the stakeholder_positions table has the rest
LATEST_ARTICLES = 10

TOPICS = """
SELECT id, label, description, terms FROM topics
UNION
SELECT DISTINCT topic, topic, NULL, '[]' FROM stakeholder_positions WHERE topic NOT IN (SELECT id FROM topics)
ORDER BY 1
"""

SIDE_COUNTS = "SELECT latest_stance, count(*) FROM stakeholder_positions WHERE topic = :topic GROUP BY latest_stance"

POSITIONS = """
SELECT stakeholder_positions.*, articles.url AS latest_url, articles.source AS latest_source
FROM stakeholder_positions LEFT JOIN articles ON articles.id = stakeholder_positions.latest_article_id
WHERE topic = :topic AND latest_stance = :side
ORDER BY articles DESC, stakeholder LIMIT :limit
"""

TOPIC_ARTICLES = """
SELECT articles.id, articles.title, articles.source, articles.published, articles.url,
  (SELECT group_concat(stakeholder || ' ' || CASE stance WHEN 'support' THEN 'backs it' ELSE 'opposes it' END, '; ')
   FROM stances WHERE stances.article_id = articles.id AND stances.topic = :topic AND stances.stance != 'neutral') AS sides
FROM articles
WHERE EXISTS (SELECT 1 FROM stances WHERE stances.article_id = articles.id AND stances.topic = :topic)
ORDER BY articles.published DESC LIMIT :limit
"""

LATEST_ARTICLES_SQL = """
SELECT id, title, source, published, url FROM articles ORDER BY published DESC LIMIT :limit
"""


async def topics(database) -> list[dict]:
    """Every tracked topic (from the topics table, and any topic older stances still name)."""
    found = await rows(database, TOPICS, {})
    for topic in found:
        topic["terms"] = json.loads(topic["terms"] or "[]")
    return found


def find_topic(all_topics: list[dict], wanted: str) -> dict | None:
    """The topic whose id or label is ``wanted``, in any case; None when there is none."""
    wanted = " ".join(wanted.lower().split())
    return next((t for t in all_topics if wanted in (t["id"].lower(), (t["label"] or "").lower())), None)


async def side_counts(database, topic_id: str) -> dict[str, int]:
    """How many stakeholders stand on each side of ``topic_id``."""
    result = await database.execute(SIDE_COUNTS, {"topic": topic_id})
    counts = dict.fromkeys(SIDES, 0)
    counts.update({side: count for side, count in result.rows})
    return counts


async def side_positions(database, topic_id: str, side: str, limit: int) -> list[dict]:
    """The stakeholders whose latest side on ``topic_id`` is ``side``, most often reported first."""
    return await rows(database, POSITIONS, {"topic": topic_id, "side": side, "limit": limit})


async def topic_summary(database, topic: dict, names_per_side: int) -> dict:
    """A topic with its stakeholders grouped by side: the count on each side and the first ``names_per_side``."""
    counts = await side_counts(database, topic["id"])
    return {
        **topic,
        "sides": [{"side": side, "heading": SIDE_HEADINGS[side], "count": counts[side],
                   "positions": await side_positions(database, topic["id"], side, names_per_side)}
                  for side in SIDES],
    }


async def front_page(database) -> dict:
    """Every topic's summary, the most debated first, and the latest articles."""
    summaries = [await topic_summary(database, topic, FRONT_PAGE_NAMES) for topic in await topics(database)]
    return {
        "topics": sorted(summaries, key=lambda topic: -sum(group["count"] for group in topic["sides"])),
        "latest": await rows(database, LATEST_ARTICLES_SQL, {"limit": LATEST_ARTICLES}),
    }


async def debate_page(database, wanted_topic: str, wanted_side: str) -> dict:
    """The debate page of a topic given by id or label, showing every side or one; ``topic`` is None when
    no topic has that name (the page then lists the topics there are)."""
    all_topics = await topics(database)
    topic = find_topic(all_topics, wanted_topic)
    side = wanted_side if wanted_side in SIDES else ""
    page = {"topics": all_topics, "topic": None, "side": side, "sides": SIDE_HEADINGS, "wanted_topic": wanted_topic,
            "unknown_side": wanted_side if wanted_side and not side else ""}
    if topic is None:
        return page
    summary = await topic_summary(database, topic, ONE_SIDE_NAMES if side else DEBATE_PAGE_NAMES)
    if side:
        summary["sides"] = [group for group in summary["sides"] if group["side"] == side]
    return {
        **page,
        "topic": summary,
        "chart": await topic_chart(database, topic["id"], topic["label"]),
        "articles": await rows(database, TOPIC_ARTICLES, {"topic": topic["id"], "limit": LATEST_ARTICLES}),
    }
