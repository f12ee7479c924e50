"""Write functions for the analysis stage: canonical organisations and people, and per-article results.

An article's analysis replaces its previous one in a single transaction, so a crash never
leaves an article half analysed and re-running is always safe.

The records are plain dicts (built by ``nlp.records``); every name comes with the key
under which its forms meet, so this layer needs nothing from the analysis:
- an organisation: ``{"name", "kind", "forms": [{"alias", "key"}], "mentions": [mention]}``,
  from the registry also ``"acronym"``, ``"ods_code"`` and ``"successor"``;
- a person: ``{"name", "key", "role", "organisation", "mentions": [mention]}``;
- a mention: ``{"text", "start", "end", "sentence", "sentiment"}``;
- a quote: ``{"speaker", "speaker_type", "text", "direct", "sentiment"}``;
- a stance: ``{"stakeholder", "stakeholder_type", "topic", "stance", "confidence", "evidence", "method", "cues",
  "link", "probability"}``;
- an analysis: ``{"organisations", "people", "quotes", "stances", "outlets": [str]}``;
- a topic: ``{"id", "label", "description", "terms": [str]}``.
"""
import json

from sqlite_utils import Database

from db.clock import now_iso
from db.connect import writing

ARTICLE_RESULT_TABLES = ("mentions", "roles", "quotes", "stances", "article_outlets")


def _add_aliases(db: Database, organisation_id: int, forms: list[dict]) -> None:
    rows = [{"alias_key": f["key"], "alias": f["alias"], "organisation_id": organisation_id} for f in forms]
    db["organisation_aliases"].insert_all([r for r in rows if r["alias_key"]], pk="alias_key", ignore=True)


def seed_registry(db: Database, organisations: list[dict]) -> None:
    """Add the shipped registry's organisations and aliases; existing records are kept."""
    now = now_iso()
    with writing(db):
        for org in organisations:
            existing = db.execute("SELECT id FROM organisations WHERE name = ?", [org["name"]]).fetchone()
            details = {"kind": org["kind"], "acronym": org["acronym"], "ods_code": org["ods_code"]}
            if existing:
                organisation_id = existing[0]
                db["organisations"].update(organisation_id, details)
            else:
                organisation_id = db["organisations"].insert(
                    {"name": org["name"], **details, "origin": "registry", "first_seen": now}
                ).last_pk
            _add_aliases(db, organisation_id, org["forms"])
        for org in organisations:
            if org["successor"]:
                db.execute(
                    "UPDATE organisations SET successor_id = (SELECT id FROM organisations WHERE name = ?) WHERE name = ?",
                    [org["successor"], org["name"]],
                )


def save_topics(db: Database, topics: list[dict]) -> None:
    """Record the tracked topics (the topics file the analysis runs with), replacing those of an earlier run
    but keeping topics that older stances still refer to."""
    with writing(db):
        db["topics"].upsert_all(
            [{**topic, "terms": json.dumps(topic["terms"], ensure_ascii=False)} for topic in topics], pk="id")


def resolve_organisation(db: Database, found: dict) -> int:
    """The id of the organisation ``found`` refers to, creating it (with its aliases) when new."""
    for form in found["forms"]:
        row = db.execute("SELECT organisation_id FROM organisation_aliases WHERE alias_key = ?", [form["key"]]).fetchone()
        if row:
            organisation_id = row[0]
            break
    else:
        existing = db.execute("SELECT id FROM organisations WHERE name = ?", [found["name"]]).fetchone()
        organisation_id = existing[0] if existing else db["organisations"].insert(
            {"name": found["name"], "kind": found["kind"], "origin": "discovered", "first_seen": now_iso()}
        ).last_pk
    _add_aliases(db, organisation_id, found["forms"])
    return organisation_id


def resolve_person(db: Database, name: str, key: str, organisation_id: int | None = None) -> int:
    """The id of the person called ``name`` (whose forms meet on ``key``), creating the record when new.

    People are one record per name. Where several people share a name, their records
    carry keys "name", "name#2", …; the one with a role at ``organisation_id`` is chosen.
    """
    ids = [row[0] for row in db.execute(
        "SELECT id FROM people WHERE name_key = ? OR name_key LIKE ? ORDER BY id", [key, key + "#%"])]
    if not ids:
        return db["people"].insert({"name": name, "name_key": key, "first_seen": now_iso()}).last_pk
    if len(ids) > 1 and organisation_id is not None:
        placeholders = ",".join("?" * len(ids))
        row = db.execute(f"SELECT person_id FROM roles WHERE organisation_id = ? AND person_id IN ({placeholders}) LIMIT 1",
                         [organisation_id, *ids]).fetchone()
        if row:
            return row[0]
    return ids[0]


def articles_to_analyse(db: Database, pipeline_version: str, limit: int | None = None) -> list[int]:
    """Ids of articles never analysed, changed since, or analysed by another pipeline version."""
    sql = """
        SELECT articles.id FROM articles LEFT JOIN analyses ON analyses.article_id = articles.id
        WHERE analyses.article_id IS NULL OR analyses.pipeline_version != ? OR analyses.content_hash != articles.content_hash
        ORDER BY articles.id
    """
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [row[0] for row in db.execute(sql, [pipeline_version]).fetchall()]


def article_texts(db: Database, ids: list[int]) -> list[tuple[int, str, str, str]]:
    """``(id, lead, body, content_hash)`` of the articles ``ids``, in id order; a missing lead or body is ""."""
    placeholders = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT id, lead, body, content_hash FROM articles WHERE id IN ({placeholders}) ORDER BY id", ids)
    return [(article_id, lead or "", body or "", content_hash) for article_id, lead, body, content_hash in rows.fetchall()]


def save_analysis(
    db: Database, article_id: int, content_hash: str, analysis: dict, pipeline_version: str, note: str | None = None,
) -> None:
    """Replace the stored analysis of one article with ``analysis``, in one transaction; ``note``
    says what was unusual (a text cut to length)."""
    with writing(db):
        for table in ARTICLE_RESULT_TABLES:
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        published = db.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        organisation_ids = {}
        for org in analysis["organisations"]:
            organisation_id = resolve_organisation(db, org)
            organisation_ids.update({form["alias"]: organisation_id for form in org["forms"]})
            organisation_ids[org["name"]] = organisation_id
            _save_mentions(db, article_id, "organisation_id", organisation_id, org["mentions"])
        person_ids = {}
        for person in analysis["people"]:
            person_id = person_ids[person["name"]] = resolve_person(
                db, person["name"], person["key"], organisation_ids.get(person["organisation"]))
            _save_mentions(db, article_id, "person_id", person_id, person["mentions"])
            if person["role"] or person["organisation"]:
                db["roles"].insert(
                    {"person_id": person_id, "role": person["role"], "organisation_id": organisation_ids.get(person["organisation"]),
                     "article_id": article_id, "seen": published}
                )
        for quote in analysis["quotes"]:
            db["quotes"].insert(
                {"article_id": article_id, **quote, "direct": int(quote["direct"]),
                 "person_id": person_ids.get(quote["speaker"]), "organisation_id": organisation_ids.get(quote["speaker"])}
            )
        for stance in analysis["stances"]:
            db["stances"].insert(
                {"article_id": article_id, **stance,
                 "person_id": person_ids.get(stance["stakeholder"]), "organisation_id": organisation_ids.get(stance["stakeholder"])}
            )
        db["article_outlets"].insert_all({"article_id": article_id, "outlet": outlet} for outlet in analysis["outlets"])
        _record_analysis(db, article_id, content_hash, pipeline_version, note)


def _save_mentions(db: Database, article_id: int, column: str, owner_id: int, mentions: list[dict]) -> None:
    db["mentions"].insert_all(
        {"article_id": article_id, column: owner_id, "text": m["text"], "sentence": m["sentence"], "start": m["start"],
         "end": m["end"], "sentiment": m["sentiment"]}
        for m in mentions
    )


def _record_analysis(db: Database, article_id: int, content_hash: str, pipeline_version: str, note: str | None) -> None:
    db["analyses"].upsert(
        {"article_id": article_id, "pipeline_version": pipeline_version, "content_hash": content_hash,
         "analysed": now_iso(), "note": note},
        pk="article_id",
    )


def record_analysis_failure(db: Database, article_id: int, content_hash: str, pipeline_version: str, reason: str) -> None:
    """Record that this version of the pipeline failed on this text, keeping the article's earlier results."""
    with writing(db):
        _record_analysis(db, article_id, content_hash, pipeline_version, f"failed: {reason}"[:2000])
