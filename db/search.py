"""One search over everything a policy lead looks for: organisations, people, articles and quotes.

Organisations and people are matched on their names (and, for organisations, acronyms and
other written forms), exact names first, then names that start with the words, then the
most often reported. Articles and quotes are matched by full-text search, best first, with
the matching passage. A search with no words shows the newest articles and quotes instead.
"""
from db.profiles import rows
from db.sql_functions import NO_WORDS, date_problem, fts_query, since_date

NAMES_SHOWN = 10
TEXTS_SHOWN = 20

ORGANISATIONS = """
SELECT organisations.id, organisations.name, organisations.kind, organisations.acronym, organisations.articles
FROM organisations
WHERE organisations.id IN (
  SELECT id FROM organisations WHERE instr(lower(name), :words) OR lower(acronym) = :words
  UNION SELECT organisation_id FROM organisation_aliases WHERE instr(lower(alias), :words))
ORDER BY lower(name) = :words OR ifnull(lower(acronym), '') = :words DESC, lower(name) LIKE :words || '%' DESC,
  organisations.articles DESC, organisations.name
LIMIT :limit
"""

PEOPLE = """
SELECT people.id, people.name, people.articles,
  (SELECT role || coalesce(' at ' || organisations.name, '') FROM roles
   LEFT JOIN organisations ON organisations.id = roles.organisation_id
   WHERE roles.person_id = people.id ORDER BY roles.seen DESC LIMIT 1) AS latest_role
FROM people WHERE instr(lower(name), :words)
ORDER BY lower(name) = :words DESC, lower(name) LIKE :words || '%' DESC, people.articles DESC, people.name
LIMIT :limit
"""

ARTICLES = """
SELECT articles.id, articles.title, articles.source, articles.published, articles.url,
  snippet(articles_fts, 1, '<b>', '</b>', '…', 24) AS snippet
FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid
WHERE articles_fts MATCH :query AND (articles.published >= :since OR :since = '')
ORDER BY articles_fts.rank LIMIT :limit
"""

QUOTES = """
SELECT quotes.speaker, quotes.person_id, quotes.organisation_id, quotes.article_id, quotes.direct,
  snippet(quotes_fts, 0, '<b>', '</b>', '…', 24) AS snippet, articles.title, articles.published
FROM quotes_fts JOIN quotes ON quotes.id = quotes_fts.rowid JOIN articles ON articles.id = quotes.article_id
WHERE quotes_fts MATCH :query AND (articles.published >= :since OR :since = '')
ORDER BY quotes_fts.rank LIMIT :limit
"""

RECENT_ARTICLES = """
SELECT id, title, source, published, url, substr(coalesce(lead, body), 1, 240) AS snippet
FROM articles WHERE published >= :since OR :since = '' ORDER BY published DESC LIMIT :limit
"""

RECENT_QUOTES = """
SELECT quotes.speaker, quotes.person_id, quotes.organisation_id, quotes.article_id, quotes.direct,
  quotes.text AS snippet, articles.title, articles.published
FROM quotes JOIN articles ON articles.id = quotes.article_id ORDER BY quotes.id DESC LIMIT :limit
"""


async def search_everything(database, words: str, since: str = "") -> dict:
    """What the search page shows for ``words`` (and, when given, articles published on or after ``since``).

    A ``since`` that is not a date is reported in ``problem`` and ignored."""
    words = " ".join(words.split())
    problem = date_problem(since)
    since_iso = since_date(since) if since.strip() and not problem else ""
    query = fts_query(words)
    found = {"words": words, "since": since, "problem": problem, "recent": query == NO_WORDS}
    if found["recent"]:
        return {**found, "organisations": [], "people": [],
                "articles": await rows(database, RECENT_ARTICLES, {"since": since_iso, "limit": TEXTS_SHOWN}),
                "quotes": await rows(database, RECENT_QUOTES, {"limit": TEXTS_SHOWN})}
    names = {"words": words.lower(), "limit": NAMES_SHOWN}
    texts = {"query": query, "since": since_iso, "limit": TEXTS_SHOWN}
    return {**found,
            "organisations": await rows(database, ORGANISATIONS, names),
            "people": await rows(database, PEOPLE, names),
            "articles": await rows(database, ARTICLES, texts),
            "quotes": await rows(database, QUOTES, texts)}
