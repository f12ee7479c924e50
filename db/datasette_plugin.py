"""Datasette hooks of the publication (registered as the ``nhs_tracker`` Datasette plugin).

- Tables marked ``hidden`` in the metadata cannot be read through SQL either: an SQLite
  authorizer denies reading their columns. Counting their rows and reading their foreign
  keys stay allowed, because Datasette counts every table and, on a row page, counts the
  rows of other tables that link to it.
  Their pages answer 403 rather than failing on the first column read.
- The pages a policy lead starts from: the front page (``/``, every debate in brief), a debate
  page per topic (``/topics/<id>``), one search over everything (``/search``); the article,
  organisation and person row pages get their profiles, the positions query its chart.
- ``/robots.txt`` keeps crawlers away from query pages, exports and canned queries.
- The organisations table opens on the organisations some article names.
- Query results link article, organisation and person ids to their pages, and show the
  highlighted words of search snippets as bold while escaping everything else; confidences
  are rounded; bookkeeping columns (hashes, versions, ids) are hidden from the HTML views but
  stay in JSON and CSV.
- The SQL functions of ``db.sql_functions`` are on every connection, so canned queries never
  fail on an empty or odd parameter.
"""
import sqlite3
from urllib.parse import quote, unquote
from weakref import WeakKeyDictionary

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from db import profiles
from db.article_page import article_profile
from db.debates import debate_page, find_topic, front_page, topics
from db.formatting import FILTERS, highlighted_snippet
from db.publication import DATABASE_NAME
from db.search import search_everything
from db.sql_functions import date_problem, register_functions

LINKED_IDS = {
    "article_id": "articles", "latest_article_id": "articles", "from_article_id": "articles",
    "to_article_id": "articles", "organisation_id": "organisations", "person_id": "people",
}
SNIPPET_COLUMNS = {"snippet"}
ROUNDED_COLUMNS = {"confidence", "probability", "latest_confidence", "sentiment"}
# Hidden from the HTML of table and row pages; JSON and CSV keep them.
BOOKKEEPING_COLUMNS = ("content_hash", "simhash", "extractor_version", "story_id", "name_key", "alias_key", "pid")
# Query results also hide the ids that their named columns already link to.
QUERY_ID_COLUMNS = ("article_id", "organisation_id", "person_id", "latest_article_id", "from_article_id", "to_article_id")
# Table pages that open filtered when no filter is given, and the filter they open with.
DEFAULT_FILTERS = {f"/{DATABASE_NAME}/organisations": "articles__gt=0"}


def hidden_tables(metadata: dict) -> frozenset[str]:
    """The names of the tables a database's metadata marks as hidden."""
    return frozenset(name for name, table in (metadata.get("tables") or {}).items() if table.get("hidden"))


_HIDDEN: WeakKeyDictionary = WeakKeyDictionary()


def published_hidden_tables(datasette, database: str) -> frozenset[str]:
    """The hidden tables of ``database``, read from the metadata once per Datasette instance: Datasette asks
    whether each table may be viewed on every page, and assembling its metadata each time is slow."""
    per_database = _HIDDEN.setdefault(datasette, {})
    if database not in per_database:
        per_database[database] = hidden_tables(datasette.metadata(database=database) or {})
    return per_database[database]


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


@hookimpl
def prepare_connection(conn, database, datasette):
    """Add the tracker's SQL functions, and deny reads of hidden tables, on every connection Datasette opens."""
    register_functions(conn)
    hidden = published_hidden_tables(datasette, database)
    if hidden:
        conn.set_authorizer(hidden_table_guard(hidden, foreign_key_columns(conn, hidden)))


@hookimpl
def permission_allowed(datasette, action, resource):
    """Hidden tables have no page: asking for one is forbidden."""
    if action == "view-table" and isinstance(resource, tuple):
        database, table = resource
        if table in published_hidden_tables(datasette, database):
            return False
    return None


@hookimpl
def prepare_jinja2_environment(env):
    """The filters the tracker's templates write dates, confidences and reasons with."""
    env.filters.update(FILTERS)


@hookimpl
def asgi_wrapper():
    """Open the table pages of ``DEFAULT_FILTERS`` with their filter when none is given."""
    def wrap(app):
        async def with_default_filters(scope, receive, send):
            if scope["type"] == "http" and not scope.get("query_string") and scope["path"] in DEFAULT_FILTERS:
                await Response.redirect(f"{scope['path']}?{DEFAULT_FILTERS[scope['path']]}").asgi_send(send)
                return
            await app(scope, receive, send)
        return with_default_filters
    return wrap


@hookimpl
def register_routes():
    """The front page, the debate pages, the search page and ``/robots.txt``."""
    return [
        (r"^/$", serve_front_page),
        (r"^/topics$", serve_topics),
        (r"^/topics/(?P<topic>[^/]+)$", serve_debate),
        (r"^/search$", serve_search),
        (r"^/robots\.txt$", serve_robots_txt),
    ]


async def render(datasette, request, template: str, data: dict) -> Response:
    """``template`` rendered with ``data`` as ``tracker``, and the site's metadata."""
    context = {"tracker": data, "metadata": datasette.metadata()}
    return Response.html(await datasette.render_template(template, context, request=request))


async def serve_front_page(datasette, request):
    """Every tracked debate in brief, and the latest articles."""
    return await render(datasette, request, "tracker_front.html", await front_page(datasette.get_database(DATABASE_NAME)))


async def serve_topics(datasette, request):
    """The debate chosen in the topic form, or the list of debates when none is chosen."""
    topic = request.args.get("topic", "").strip()
    if topic:
        side = request.args.get("side", "")
        return Response.redirect(datasette.urls.path(f"/topics/{quote(topic)}") + (f"?side={quote(side)}" if side else ""))
    return await render(datasette, request, "tracker_topic.html", await debate_page(datasette.get_database(DATABASE_NAME), "", ""))


async def serve_debate(datasette, request):
    """Who backs a topic, who opposes it and who is reported without a side, with why, a chart and the articles."""
    topic = unquote(request.url_vars["topic"])
    data = await debate_page(datasette.get_database(DATABASE_NAME), topic, request.args.get("side", ""))
    # An unknown topic is an odd parameter, not an error: the page says so and lists the debates there are.
    return await render(datasette, request, "tracker_topic.html", data)


async def serve_search(datasette, request):
    """Organisations, people, articles and quotes matching the words asked for; the newest when none are."""
    data = await search_everything(datasette.get_database(DATABASE_NAME), request.args.get("q", ""),
                                   request.args.get("since", ""))
    return await render(datasette, request, "tracker_search.html", data)


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
    "latest_title": (("latest_article_id", "articles"),),
    "to_article": (("to_article_id", "articles"),),
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
    """Rounded confidences everywhere; links and snippets in the results of the tracker's queries; every other
    cell as Datasette renders it."""
    if database != DATABASE_NAME or value is None:
        return None
    if column in ROUNDED_COLUMNS and isinstance(value, float):
        return f"{value:.2f}"
    if table is not None:
        return None
    if column in SNIPPET_COLUMNS and isinstance(value, str):
        return highlighted_snippet(value)
    if column in LINKED_IDS and isinstance(value, int):
        return link(datasette, LINKED_IDS[column], value, value)
    if column in NAME_LINKS:
        return name_link(datasette, row, column, value)
    return None


@hookimpl
def extra_template_vars(template, database, view_name, request, datasette):
    """The columns and tables each page hides, and the data behind the tracker's own row and query pages."""
    hidden_columns = BOOKKEEPING_COLUMNS + (QUERY_ID_COLUMNS if view_name == "database" else ())

    async def page_data():
        data = {"tracker_hidden_columns": hidden_columns,
                "tracker_hidden_tables": sorted(published_hidden_tables(datasette, DATABASE_NAME))}
        if database == DATABASE_NAME and template in PAGE_DATA:
            data["tracker"] = await PAGE_DATA[template](datasette.get_database(DATABASE_NAME), request)
        return data
    return page_data


async def organisation_page(database, request):
    """The organisation shown on its row page."""
    return await profiles.organisation_profile(database, int(request.url_vars["pks"]))


async def person_page(database, request):
    """The person shown on their row page."""
    return await profiles.person_profile(database, int(request.url_vars["pks"]))


async def article_page(database, request):
    """The article shown on its row page."""
    return await article_profile(database, int(request.url_vars["pks"]))


async def positions_page(database, request):
    """The chart of the topic asked for (by id or label, in any case) on the positions query page."""
    topic = find_topic(await topics(database), request.args.get("topic", ""))
    return {"topic": topic, "chart": await profiles.topic_chart(database, topic["id"], topic["label"]) if topic else None}


async def new_since_page(database, request):
    """What is wrong with the date asked for on the "what is new" query page, if anything."""
    return {"problem": date_problem(request.args.get("since", ""))}


PAGE_DATA = {
    f"row-{DATABASE_NAME}-organisations.html": organisation_page,
    f"row-{DATABASE_NAME}-people.html": person_page,
    f"row-{DATABASE_NAME}-articles.html": article_page,
    f"query-{DATABASE_NAME}-positions.html": positions_page,
    f"query-{DATABASE_NAME}-new_since.html": new_since_page,
}
