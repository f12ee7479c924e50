"""Datasette hooks of the publication (registered as the ``nhs_tracker`` Datasette plugin).

- Tables marked ``hidden`` in the metadata cannot be read through SQL either: an SQLite
  authorizer denies reading their columns. Counting their rows and reading their foreign
  keys stay allowed, because Datasette counts every table and, on a row page, counts the
  rows of other tables that link to it.
- ``/robots.txt`` keeps crawlers away from query pages, exports and canned queries.
- Query results link article, organisation and person ids to their pages, and show the
  highlighted words of search snippets as bold while escaping everything else.
- The organisation, person and positions pages get their profiles and charts.
"""
import sqlite3

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from db import profiles
from db.publication import DATABASE_NAME

LINKED_IDS = {
    "article_id": "articles", "latest_article_id": "articles", "from_article_id": "articles",
    "to_article_id": "articles", "organisation_id": "organisations", "person_id": "people",
}
SNIPPET_COLUMNS = {"snippet"}


def hidden_tables(metadata: dict) -> frozenset[str]:
    """The names of the tables a database's metadata marks as hidden."""
    return frozenset(name for name, table in (metadata.get("tables") or {}).items() if table.get("hidden"))


def foreign_key_columns(conn, tables: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The (table, column) pairs of ``tables`` that are foreign keys."""
    return frozenset((table, row[3]) for table in tables for row in conn.execute(f"PRAGMA foreign_key_list([{table}])"))


def hidden_table_guard(hidden: frozenset[str], readable: frozenset[tuple[str, str]]):
    """An SQLite authorizer that refuses to read the columns of ``hidden`` tables, but for the ``readable`` ones."""
    def authorize(action, table, column, _database, _trigger):
        if action == sqlite3.SQLITE_READ and table in hidden and column and (table, column) not in readable:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK
    return authorize


def robots_txt(query_paths: list[str]) -> str:
    """A robots.txt that lets crawlers see the front pages but not queries, exports or canned queries."""
    lines = ["User-agent: *", "Disallow: /*?", "Disallow: /*.json", "Disallow: /*.csv", "Disallow: /-/"]
    lines += [f"Disallow: {path}" for path in query_paths]
    return "\n".join(lines) + "\n"


def highlighted_snippet(text: str) -> Markup:
    """A search snippet escaped, with only the ``<b>``…``</b>`` marks of ``snippet()`` kept as markup."""
    escaped = str(escape(text))
    return Markup(escaped.replace("&lt;b&gt;", "<b>").replace("&lt;/b&gt;", "</b>"))


@hookimpl
def prepare_connection(conn, database, datasette):
    """Deny reads of hidden tables on every connection Datasette opens to a published database."""
    hidden = hidden_tables(datasette.metadata(database=database) or {})
    if hidden:
        conn.set_authorizer(hidden_table_guard(hidden, foreign_key_columns(conn, hidden)))


@hookimpl
def register_routes():
    """Serve ``/robots.txt``."""
    return [(r"^/robots\.txt$", serve_robots_txt)]


async def serve_robots_txt(datasette):
    """The robots.txt response, listing every canned query of every database."""
    paths = []
    for name in datasette.databases:
        queries = await datasette.get_canned_queries(name, None)
        paths += [datasette.urls.database(name) + "/" + query for query in queries]
    return Response.text(robots_txt(paths))


def link(datasette, table: str, row_id: int, text) -> Markup:
    """A link to the page of row ``row_id`` of ``table``."""
    return Markup(f'<a href="{escape(datasette.urls.table(DATABASE_NAME, table))}/{row_id}">{escape(text)}</a>')


# Columns that name something, and the id columns that say which row's page they lead to.
NAME_LINKS = {
    "stakeholder": (("organisation_id", "organisations"), ("person_id", "people")),
    "organisation": (("organisation_id", "organisations"),),
    "person": (("person_id", "people"),),
    "speaker": (("person_id", "people"), ("organisation_id", "organisations")),
    "title": (("article_id", "articles"),),
    "article": (("article_id", "articles"),),
}


def name_link(datasette, row, column: str, name) -> Markup | None:
    """``name`` linked to the page of the organisation, person or article its row names by id, if any."""
    columns = row.keys()
    for id_column, table in NAME_LINKS[column]:
        if id_column in columns and isinstance(row[id_column], int):
            return link(datasette, table, row[id_column], name)
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Links and snippets in the results of the tracker's queries; every other cell as Datasette renders it."""
    if database != DATABASE_NAME or table is not None or value is None:
        return None
    if column in SNIPPET_COLUMNS and isinstance(value, str):
        return highlighted_snippet(value)
    if column in LINKED_IDS and isinstance(value, int):
        return link(datasette, LINKED_IDS[column], value, value)
    if column in NAME_LINKS:
        return name_link(datasette, row, column, value)
    return None


@hookimpl
def extra_template_vars(template, request, datasette):
    """The profile behind the organisation and person pages, and the chart above the positions query."""
    if template not in PAGE_DATA:
        return None

    async def page_data():
        return {"tracker": await PAGE_DATA[template](datasette.get_database(DATABASE_NAME), request)}
    return page_data


async def organisation_page(database, request):
    """The organisation shown on its row page."""
    return await profiles.organisation_profile(database, int(request.url_vars["pks"]))


async def person_page(database, request):
    """The person shown on their row page."""
    return await profiles.person_profile(database, int(request.url_vars["pks"]))


async def positions_page(database, request):
    """The chart of the topic asked for on the positions query page."""
    topic = request.args.get("topic", "")
    return {"topic": topic, "chart": await profiles.topic_chart(database, topic) if topic else None}


PAGE_DATA = {
    f"row-{DATABASE_NAME}-organisations.html": organisation_page,
    f"row-{DATABASE_NAME}-people.html": person_page,
    f"query-{DATABASE_NAME}-positions.html": positions_page,
}
