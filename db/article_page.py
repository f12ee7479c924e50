"""What an article's page shows: the article as paragraphs with its evidence and quotes highlighted,
and beside it the organisations, people, quotes and stances found in it.

Highlighting is done here, on text: every part of the body is escaped, and only the ``<mark>``
elements this module writes are markup, so nothing in an article can reach the page as HTML.
"""
from dataclasses import dataclass

from markupsafe import Markup, escape

from db.profiles import rows

ARTICLE = """
SELECT id, title, source, author, published, updated, url, canonical_url, lead, body, section, word_count, paywalled
FROM articles WHERE id = :id
"""

ORGANISATIONS = """
SELECT organisations.id, organisations.name, organisations.kind, count(*) AS mentions
FROM mentions JOIN organisations ON organisations.id = mentions.organisation_id
WHERE mentions.article_id = :id GROUP BY organisations.id ORDER BY min(mentions.start)
"""

PEOPLE = """
SELECT people.id, people.name, roles.role, roles.organisation_id, organisations.name AS organisation
FROM (SELECT DISTINCT person_id, min(start) AS first FROM mentions WHERE article_id = :id AND person_id IS NOT NULL
      GROUP BY person_id) AS named
JOIN people ON people.id = named.person_id
LEFT JOIN roles ON roles.person_id = people.id AND roles.article_id = :id
LEFT JOIN organisations ON organisations.id = roles.organisation_id
GROUP BY people.id ORDER BY named.first
"""

QUOTES = """
SELECT speaker, speaker_type, person_id, organisation_id, text, direct FROM quotes WHERE article_id = :id ORDER BY id
"""

STANCES = """
SELECT stakeholder, stakeholder_type, person_id, organisation_id, topic, topics.label AS topic_label, stance,
  confidence, evidence, cues, link, method
FROM stances LEFT JOIN topics ON topics.id = stances.topic
WHERE article_id = :id ORDER BY CASE stance WHEN 'neutral' THEN 1 ELSE 0 END, topic, stakeholder
"""


@dataclass(frozen=True)
class Mark:
    """A passage to highlight: its words, the CSS class of the highlight, and a tooltip saying why."""
    words: str
    css_class: str
    title: str


def squeeze(text: str) -> str:
    """``text`` with every run of white space made one space."""
    return " ".join(text.split())


def paragraphs(body: str) -> list[str]:
    """The paragraphs of a stored body (one per line), white space squeezed, empty lines left out."""
    return [squeeze(line) for line in body.splitlines() if line.strip()]


def marked_spans(text: str, marks: list[Mark]) -> list[tuple[int, int, Mark]]:
    """Where each mark's words occur in ``text``, earliest first; a mark overlapping an earlier one is left out."""
    found = []
    for mark in marks:
        words = squeeze(mark.words)
        start = text.find(words) if words else -1
        while start != -1:
            found.append((start, start + len(words), mark))
            start = text.find(words, start + len(words))
    found.sort(key=lambda span: (span[0], -span[1]))
    kept, covered = [], 0
    for start, end, mark in found:
        if start >= covered:
            kept.append((start, end, mark))
            covered = end
    return kept


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with every passage of ``marks`` wrapped in ``<mark>``."""
    parts, position = [], 0
    for start, end, mark in marked_spans(text, marks):
        parts.append(escape(text[position:start]))
        parts.append(Markup('<mark class="{}" title="{}">{}</mark>').format(mark.css_class, mark.title, text[start:end]))
        position = end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def article_marks(stances: list[dict], quotes: list[dict]) -> list[Mark]:
    """The passages of an article to highlight: the evidence of each stance, then each quote."""
    marks = [Mark(s["evidence"], f"evidence evidence-{s['stance']}", f"{s['stakeholder']}: {s['stance']} ({s['topic']})")
             for s in stances if s["evidence"]]
    marks += [Mark(q["text"], "quote", f"quote: {q['speaker'] or 'unattributed'}") for q in quotes if q["text"]]
    return marks


async def article_profile(database, article_id: int) -> dict | None:
    """Everything the article page shows, or None when there is no such article."""
    params = {"id": article_id}
    found = await rows(database, ARTICLE, params)
    if not found:
        return None
    article = found[0]
    quotes = await rows(database, QUOTES, params)
    stances = await rows(database, STANCES, params)
    marks = article_marks(stances, quotes)
    body = paragraphs(article["body"] or "")
    lead = squeeze(article["lead"] or "")
    return {
        **article,
        # The standfirst is shown apart unless the body already opens with it.
        "lead": lead if lead and not (body and body[0].startswith(lead)) else "",
        "paragraphs": [highlight(paragraph, marks) for paragraph in body],
        "organisations": await rows(database, ORGANISATIONS, params),
        "people": await rows(database, PEOPLE, params),
        "quotes": quotes,
        "stances": stances,
    }
