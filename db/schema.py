"""The schema, declared once and applied idempotently as numbered migrations.

Each migration runs in its own transaction with the record of it being applied
(``_sqlite_migrations``), so the schema version of a database is the list of migrations
recorded there. Add a new function to change the schema; never edit an applied one.
"""
from sqlite_utils import Database, Migrations

from db.fingerprint import bands, simhash, to_signed

migrations = Migrations("tracker")

# An index under every facet and filter of the publication (db/metadata.yml) that lacks one.
PUBLICATION_INDEXES = [
    ("articles", ("section",)), ("articles", ("first_seen",)),
    ("organisations", ("origin",)),
    ("people", ("name",)),
    ("roles", ("role",)), ("roles", ("seen",)),
    ("quotes", ("speaker_type",)), ("quotes", ("direct",)),
    ("stances", ("stance",)), ("stances", ("stakeholder_type",)),
    # Covers the usual filter (topic and stance) together with the third facet, so no row is read.
    ("stances", ("topic", "stance", "stakeholder_type")),
    ("stakeholder_positions", ("stakeholder_type",)), ("stakeholder_positions", ("last_seen",)),
    ("stakeholder_positions", ("latest_stance",)),
    ("stance_changes", ("to_stance",)), ("stance_changes", ("changed_on",)),
    ("stance_timeline", ("topic", "month")), ("stance_timeline", ("month",)),
    ("stance_timeline", ("stakeholder_type",)), ("stance_timeline", ("organisation_id", "topic", "month")),
    ("stance_timeline", ("person_id", "topic", "month")), ("topic_timeline", ("month",)),
    ("crawl_runs", ("command",)), ("crawl_runs", ("outcome",)), ("crawl_runs", ("started",)),
    ("crawl_errors", ("reason",)), ("crawl_errors", ("source",)), ("crawl_errors", ("occurred",)),
]

SCHEMA_V1 = """
CREATE TABLE crawl_runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    outcome TEXT NOT NULL DEFAULT 'running',
    stats TEXT,
    message TEXT
);
CREATE TABLE pages (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    fetched TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    etag TEXT,
    last_modified TEXT,
    html_sha256 TEXT NOT NULL,
    html_gzip BLOB NOT NULL,
    run_id INTEGER REFERENCES crawl_runs(id)
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    canonical_url TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    source TEXT NOT NULL,
    title TEXT,
    lead TEXT,
    author TEXT,
    published TEXT,
    updated TEXT,
    section TEXT,
    tags TEXT,
    language TEXT,
    body TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    paywalled INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL,
    story_id INTEGER,
    extractor_version TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source_published ON articles(source, published);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_url ON articles(url);
CREATE TABLE crawl_errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER REFERENCES crawl_runs(id),
    source TEXT,
    url TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    occurred TEXT NOT NULL
);
CREATE INDEX crawl_errors_run ON crawl_errors(run_id);
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT,
    acronym TEXT,
    ods_code TEXT,
    origin TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
CREATE INDEX organisations_kind ON organisations(kind);
CREATE TABLE organisation_aliases (
    alias_key TEXT PRIMARY KEY,
    alias TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id)
);
CREATE INDEX organisation_aliases_organisation ON organisation_aliases(organisation_id);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    first_seen TEXT NOT NULL
);
CREATE TABLE roles (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    role TEXT,
    organisation_id INTEGER REFERENCES organisations(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    seen TEXT
);
CREATE INDEX roles_person ON roles(person_id);
CREATE INDEX roles_organisation ON roles(organisation_id);
CREATE INDEX roles_article ON roles(article_id);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    organisation_id INTEGER REFERENCES organisations(id),
    person_id INTEGER REFERENCES people(id),
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    CHECK ((organisation_id IS NULL) <> (person_id IS NULL))
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_organisation ON mentions(organisation_id);
CREATE INDEX mentions_person ON mentions(person_id);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    speaker TEXT,
    speaker_type TEXT,
    person_id INTEGER REFERENCES people(id),
    organisation_id INTEGER REFERENCES organisations(id),
    text TEXT NOT NULL,
    direct INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_person ON quotes(person_id);
CREATE INDEX quotes_organisation ON quotes(organisation_id);
CREATE TABLE stances (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    stakeholder TEXT NOT NULL,
    stakeholder_type TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id),
    organisation_id INTEGER REFERENCES organisations(id),
    topic TEXT NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('support', 'oppose', 'neutral')),
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,
    method TEXT NOT NULL
);
CREATE INDEX stances_article ON stances(article_id);
CREATE INDEX stances_topic_stance ON stances(topic, stance);
CREATE INDEX stances_organisation ON stances(organisation_id);
CREATE INDEX stances_person ON stances(person_id);
CREATE TABLE analyses (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    pipeline_version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    analysed TEXT NOT NULL
);
"""


@migrations()
def m001_initial_schema(db: Database) -> None:
    """Create the tables of the architecture contract."""
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations()
def m002_article_search(db: Database) -> None:
    """Full-text search over article title and body, kept in sync by triggers."""
    db["articles"].enable_fts(["title", "body"], create_triggers=True, tokenize="porter")


@migrations()
def m003_organisation_successors(db: Database) -> None:
    """Which organisation took over from which (mergers, renamings, CCGs into ICBs)."""
    db.execute("ALTER TABLE organisations ADD COLUMN successor_id INTEGER REFERENCES organisations(id)")
    db.execute("CREATE INDEX organisations_successor ON organisations(successor_id)")


@migrations()
def m004_sentiment_and_summaries(db: Database) -> None:
    """Sentence sentiment on quotes and mentions; positions and stance changes summarised per stakeholder."""
    db.execute("ALTER TABLE quotes ADD COLUMN sentiment REAL")
    db.execute("ALTER TABLE mentions ADD COLUMN sentiment REAL")
    db.execute("""CREATE TABLE stakeholder_positions (
        stakeholder TEXT NOT NULL, stakeholder_type TEXT NOT NULL,
        organisation_id INTEGER REFERENCES organisations(id), person_id INTEGER REFERENCES people(id),
        topic TEXT NOT NULL, articles INTEGER NOT NULL,
        support INTEGER NOT NULL, oppose INTEGER NOT NULL, neutral INTEGER NOT NULL,
        latest_stance TEXT NOT NULL, latest_date TEXT, latest_evidence TEXT, latest_article_id INTEGER REFERENCES articles(id),
        first_seen TEXT, last_seen TEXT, changes INTEGER NOT NULL,
        PRIMARY KEY (stakeholder, topic))""")
    db.execute("CREATE INDEX stakeholder_positions_topic ON stakeholder_positions(topic, latest_stance)")
    db.execute("CREATE INDEX stakeholder_positions_organisation ON stakeholder_positions(organisation_id)")
    db.execute("CREATE INDEX stakeholder_positions_person ON stakeholder_positions(person_id)")
    db.execute("""CREATE TABLE stance_changes (
        id INTEGER PRIMARY KEY, stakeholder TEXT NOT NULL, topic TEXT NOT NULL,
        from_stance TEXT NOT NULL, to_stance TEXT NOT NULL, changed_on TEXT,
        from_article_id INTEGER REFERENCES articles(id), to_article_id INTEGER REFERENCES articles(id), evidence TEXT)""")
    db.execute("CREATE INDEX stance_changes_topic ON stance_changes(topic, changed_on)")
    db.execute("CREATE INDEX stances_stakeholder_topic ON stances(stakeholder, topic)")


@migrations()
def m005_article_outlets(db: Database) -> None:
    """The news outlets an article cites as its source ("HSJ understands"), kept apart from stakeholders."""
    db.execute("""CREATE TABLE article_outlets (
        article_id INTEGER NOT NULL REFERENCES articles(id), outlet TEXT NOT NULL, PRIMARY KEY (article_id, outlet))""")
    db.execute("CREATE INDEX article_outlets_outlet ON article_outlets(outlet)")


@migrations()
def m006_publication(db: Database) -> None:
    """What the publication needs to stay fast: quote search, stance timelines, and an index under every facet."""
    db["quotes"].enable_fts(["text", "speaker"], create_triggers=True, tokenize="porter")
    db.execute("""CREATE TABLE stance_timeline (
        stakeholder TEXT NOT NULL, stakeholder_type TEXT NOT NULL,
        organisation_id INTEGER REFERENCES organisations(id), person_id INTEGER REFERENCES people(id),
        topic TEXT NOT NULL, month TEXT NOT NULL,
        support INTEGER NOT NULL, oppose INTEGER NOT NULL, neutral INTEGER NOT NULL,
        PRIMARY KEY (stakeholder, topic, month))""")
    db.execute("""CREATE TABLE topic_timeline (
        topic TEXT NOT NULL, month TEXT NOT NULL,
        support INTEGER NOT NULL, oppose INTEGER NOT NULL, neutral INTEGER NOT NULL, stakeholders INTEGER NOT NULL,
        PRIMARY KEY (topic, month))""")
    db.execute("DROP INDEX stances_topic_stance")  # a prefix of the covering index below
    for table, columns in PUBLICATION_INDEXES:
        db.execute(f"CREATE INDEX {table}_{'_'.join(columns)} ON {table}({', '.join(columns)})")


@migrations()
def m007_operations(db: Database) -> None:
    """Which process a run belongs to (to tell a killed run from a running one), and why an analysis was cut short or failed."""
    db.execute("ALTER TABLE crawl_runs ADD COLUMN pid INTEGER")
    db.execute("ALTER TABLE analyses ADD COLUMN note TEXT")


@migrations()
def m008_story_fingerprints_and_history(db: Database) -> None:
    """SimHash fingerprints to link syndicated copies of a story, and the earlier versions of changed articles."""
    db.execute("ALTER TABLE articles ADD COLUMN simhash INTEGER")
    db.execute("""CREATE TABLE article_fingerprint_bands (
        article_id INTEGER NOT NULL REFERENCES articles(id), band INTEGER NOT NULL, value INTEGER NOT NULL,
        PRIMARY KEY (article_id, band))""")
    db.execute("CREATE INDEX article_fingerprint_bands_band_value ON article_fingerprint_bands(band, value)")
    db.execute("""CREATE TABLE article_history (
        id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), replaced TEXT NOT NULL,
        title TEXT, lead TEXT, body TEXT, published TEXT, updated TEXT, content_hash TEXT NOT NULL,
        extractor_version TEXT)""")
    db.execute("CREATE INDEX article_history_article_id ON article_history(article_id)")
    db.execute("CREATE INDEX article_history_replaced ON article_history(replaced)")
    for article_id, body in db.execute("SELECT id, body FROM articles").fetchall():
        fingerprint = simhash(body or "")
        db.execute("UPDATE articles SET simhash = ? WHERE id = ?", [to_signed(fingerprint), article_id])
        db.conn.executemany("INSERT INTO article_fingerprint_bands VALUES (?, ?, ?)",
                       [(article_id, band, value) for band, value in enumerate(bands(fingerprint))])


@migrations()
def m009_stance_explanations(db: Database) -> None:
    """Why each stance was taken: the cue words, how the stakeholder was tied to them, the combiner's probability."""
    db.execute("ALTER TABLE stances ADD COLUMN cues TEXT")
    db.execute("ALTER TABLE stances ADD COLUMN link TEXT")
    db.execute("ALTER TABLE stances ADD COLUMN probability REAL")


@migrations()
def m010_publication_pages(db: Database) -> None:
    """What the debate, article and browse pages read: the tracked topics, how many articles name each
    organisation and person, and why each stakeholder's latest position was taken."""
    db.execute("""CREATE TABLE topics (
        id TEXT PRIMARY KEY, label TEXT NOT NULL, description TEXT, terms TEXT NOT NULL)""")
    for table in ("organisations", "people"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN articles INTEGER NOT NULL DEFAULT 0")
        db.execute(f"CREATE INDEX {table}_articles ON {table}(articles)")
    for column, kind in (("latest_title", "TEXT"), ("latest_cues", "TEXT"), ("latest_link", "TEXT"),
                         ("latest_confidence", "REAL")):
        db.execute(f"ALTER TABLE stakeholder_positions ADD COLUMN {column} {kind}")
    db.execute("DROP INDEX stakeholder_positions_topic")  # a prefix of the index below
    db.execute("CREATE INDEX stakeholder_positions_topic_side ON stakeholder_positions(topic, latest_stance, articles)")


@migrations()
def m011_article_addresses(db: Database) -> None:
    """Other addresses of stored articles (old addresses that redirect to them), so the crawler knows them too."""
    db.execute("""CREATE TABLE article_addresses (
        url TEXT PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id), seen TEXT NOT NULL)""")
    db.execute("CREATE INDEX article_addresses_article_id ON article_addresses(article_id)")


def apply_migrations(db: Database) -> None:
    """Bring ``db`` up to the current schema; a no-op when it is already current."""
    migrations.apply(db)


def schema_version(db: Database) -> list[str]:
    """The names of the migrations applied to ``db``, oldest first."""
    return [m.name for m in migrations.applied(db)]
