"""A small tracker database written directly: a change of side, a person speaking for a trust, an article dated
without a time, a registry entry no article names, and HTML that must never run."""
from pathlib import Path

from db.connect import open_db
from db.summaries import refresh_summaries

SCRIPT = "<script>alert(1)</script>"


def add_article(db, article_id: int, published: str, title: str, body: str) -> None:
    db["articles"].insert({
        "id": article_id, "canonical_url": f"https://news.example/{article_id}", "url": f"https://news.example/{article_id}",
        "source": "example", "title": title, "published": published, "body": body, "word_count": len(body.split()),
        "content_hash": str(article_id), "extractor_version": "test", "first_seen": published, "last_seen": published})


def add_stance(db, article_id: int, stakeholder: str, stance: str, topic: str, evidence: str,
               organisation_id: int | None = None, person_id: int | None = None, confidence: float = 0.9) -> None:
    db["stances"].insert({
        "article_id": article_id, "stakeholder": stakeholder, "stakeholder_type": "person" if person_id else "organisation",
        "organisation_id": organisation_id, "person_id": person_id, "topic": topic, "stance": stance,
        "confidence": confidence, "evidence": evidence, "method": "test",
        "cues": {"support": "backs", "oppose": "opposes"}.get(stance), "link": "subject of the cue"})


def add_mentions(db, article_id: int, organisation_ids: tuple[int, ...] = (), person_ids: tuple[int, ...] = ()) -> None:
    db["mentions"].insert_all(
        [{"article_id": article_id, "organisation_id": o, "person_id": None, "text": "named", "sentence": "", "start": i,
          "end": i + 5} for i, o in enumerate(organisation_ids)]
        + [{"article_id": article_id, "organisation_id": None, "person_id": p, "text": "named", "sentence": "", "start": 50 + i,
            "end": 55 + i} for i, p in enumerate(person_ids)])


def write_stakeholder_database(path: Path) -> Path:
    """A trust that backs a merger and then opposes it, its chief executive, a union, and an article carrying HTML."""
    db = open_db(path)
    db["organisations"].insert_all([
        {"id": 1, "name": "Leeds Teaching Hospitals NHS Trust", "kind": "trust", "acronym": "LTHT", "origin": "registry",
         "first_seen": "2024-01-01"},
        {"id": 2, "name": "Unite", "kind": "union", "origin": "discovered", "first_seen": "2024-01-01"},
        {"id": 3, "name": "Nowhere NHS Trust", "kind": "trust", "origin": "registry", "first_seen": "2024-01-01"},
        {"id": 4, "name": "Leeds City Council", "kind": "council", "origin": "discovered", "first_seen": "2024-01-01"}])
    db["topics"].insert_all([
        {"id": "merger", "label": "Merger of NHS organisations", "description": "Mergers of NHS bodies.", "terms": '["merger"]'},
        {"id": "mcp", "label": "Multispecialty community provider (MCP)", "description": "", "terms": '["MCP"]'}])
    db["organisation_aliases"].insert_all([
        {"alias_key": "leeds teaching hospitals", "alias": "Leeds Teaching Hospitals", "organisation_id": 1}])
    db["people"].insert({"id": 1, "name": "Jane Doe", "name_key": "jane doe", "first_seen": "2024-01-01"})
    add_article(db, 1, "2024-01-10T09:00:00+00:00", "Trust backs merger", "The trust backs the merger of the two trusts.")
    add_article(db, 2, "2024-03-05T09:00:00+00:00", "Trust turns against merger", "The trust now opposes the merger.")
    add_article(db, 3, "2024-03-20T09:00:00+00:00", f"{SCRIPT} Trust statement", f"A statement {SCRIPT} about the merger.")
    add_article(db, 4, "2024-04-02", "Council backs the MCP",
                "Leeds councillors met on Tuesday.\nThe council backs the MCP. It said so plainly.\n\n“A better service,” said the leader.")
    db["roles"].insert_all([
        {"person_id": 1, "role": "chief executive", "organisation_id": 1, "article_id": 1, "seen": "2024-01-10T09:00:00+00:00"},
        {"person_id": 1, "role": "chief executive", "organisation_id": 1, "article_id": 3, "seen": "2024-03-20T09:00:00+00:00"}])
    db["quotes"].insert_all([
        {"article_id": 1, "speaker": "Jane Doe", "speaker_type": "person", "person_id": 1, "text": "We back the merger.", "direct": 1},
        {"article_id": 3, "speaker": "Jane Doe", "speaker_type": "person", "person_id": 1, "text": f"Merger talk {SCRIPT}", "direct": 1}])
    add_stance(db, 1, "Leeds Teaching Hospitals NHS Trust", "support", "merger", "The trust backs the merger.", organisation_id=1)
    add_stance(db, 2, "Leeds Teaching Hospitals NHS Trust", "oppose", "merger", "The trust now opposes the merger.", organisation_id=1)
    add_stance(db, 2, "Unite", "oppose", "merger", "Unite opposes the merger too.", organisation_id=2)
    add_stance(db, 3, "Jane Doe", "neutral", "mcp", "<img src=x onerror=alert(2)> says Jane Doe.", person_id=1)
    add_stance(db, 4, "Leeds City Council", "support", "mcp", "The council backs the MCP.", organisation_id=4,
               confidence=0.8500000000000001)
    db["quotes"].insert({"article_id": 4, "speaker": "Leeds City Council", "speaker_type": "organisation", "organisation_id": 4,
                         "text": "A better service,", "direct": 1})
    add_mentions(db, 1, (1,), (1,))
    add_mentions(db, 2, (1, 2))
    add_mentions(db, 3, (), (1,))
    add_mentions(db, 4, (4,))
    refresh_summaries(db)
    db.conn.close()
    return path
