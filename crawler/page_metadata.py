"""An article page's metadata: headline, standfirst, authors, dates, section, tags and language.

Each field is read from the sources publishers fill for search engines and share buttons,
best first: the page's JSON-LD article, then meta tags (OpenGraph, ``article:*``,
``itemprop``, parse.ly, Dublin Core), then the visible page (the byline, ``<time>``
elements, the ``<h1>``). ``read_page`` reads the page's JSON-LD and meta tags once; every
other function takes the ``Page`` it returns and reads it without changing it.
"""
import json
import re
from dataclasses import dataclass

ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle"}

# Dates. Meta tags that hold the publication time (or the update time), best first.
PUBLISHED_META = ("article:published_time", "og:published_time", "datePublished", "parsely-pub-date", "pubdate",
                  "publishdate", "publish-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date")
UPDATED_META = ("article:modified_time", "og:updated_time", "dateModified", "dcterms.modified")
ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")

# Authors. What a byline says around the names: prefixes, job titles, outlets, credentials.
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:analysis|opinion|words|written|reporting|interview|posted|story|text|report)\s+)?by\s+", re.IGNORECASE)
NOT_A_NAME = re.compile(
    r"email the author|^admin$|\b(correspondent|reporter|editor|editors|journalist|writer|staff|newsdesk|team|desk"
    r"|contributor|columnist|producer|analyst|press|news|media|agency|newsroom|online|magazine|times|journal"
    r"|associated|reuters|bureau|wire|service|services|group|limited|ltd|nhs)\b",
    re.IGNORECASE)
CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?D\.?|M\.?D\.?|MSc|BSc|DPhil|FRCP|FRCGP|MRCGP)$")
NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|Mc[A-Z][\w'-]*|O['’][A-Z][\w'-]*)$")
BYLINE_PATHS = ('//*[@rel="author"]', '//*[@itemprop="author"]', '//*[contains(concat(" ", normalize-space(@class), " "), " byline ")]',
                '//*[contains(@class, "author-name") or contains(@class, "article-author") or contains(@class, "post-author")]')
MAX_BYLINE_WORDS = 12


def json_ld_article(tree) -> dict:
    """The first JSON-LD object on the page whose @type is an article type, or {}."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        candidates = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in candidates:
            types = item.get("@type") if isinstance(item, dict) else None
            types = {types} if isinstance(types, str) else set(types or [])
            if types & ARTICLE_TYPES:
                return item
    return {}


@dataclass(frozen=True)
class Page:
    """A parsed article page (an lxml tree), with its JSON-LD article and its meta tags read once."""

    tree: object
    ld: dict
    tags: dict[str, str]


def read_page(tree) -> Page:
    """The page ``tree`` with its JSON-LD article and meta tags."""
    return Page(tree, json_ld_article(tree), meta_tags(tree))


def meta_tags(tree) -> dict[str, str]:
    """Every filled meta tag of the page by its property, name or itemprop in lower case (the first of each)."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        for key in ("property", "name", "itemprop"):
            name = (element.get(key) or "").strip().lower()
            if name and content:
                found.setdefault(name, content)
    return found


def meta(page: Page, *names: str) -> str | None:
    """The content of the first of the meta tags ``names`` (by property, name or itemprop, any case) the page fills."""
    return next((page.tags[name.lower()] for name in names if name.lower() in page.tags), None)


def text_value(value) -> str | None:
    """A metadata value as text: a string stripped, a list of strings joined with ", ", anything else None."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return ", ".join(v.strip() for v in value if isinstance(v, str) and v.strip()) or None
    return None


# Dates.

def iso_datetime(value: str | None) -> str | None:
    """A date or date-time string normalised to ISO 8601 (date only when no time is given)."""
    if not value:
        return None
    match = ISO_DATE.match(value.strip())
    if not match:
        return None
    day, time, _, zone = match.groups()
    if not time:
        return day
    if len(time) == 5:
        time += ":00"
    zone = "+00:00" if zone in (None, "Z") else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{time}{zone}"


def parsely_date(page: Page) -> str | None:
    """The publication time of parse.ly's ``parsely-page`` JSON meta tag, if the page has one."""
    raw = meta(page, "parsely-page")
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return None
    return text_value(data.get("pub_date")) if isinstance(data, dict) else None


def element_dates(tree, itemprop: str) -> list[str]:
    """The machine-readable dates of the visible page: elements marked ``itemprop`` first, then ``<time>``
    elements that say what they date (for the publication: ``pubdate``, a "published" or "posted" class,
    else the first ``<time>`` of the article, else of the page; for the update: an "updated" class)."""
    found = tree.xpath(f'//*[@itemprop="{itemprop}"]/@datetime | //*[@itemprop="{itemprop}"]/@content')
    if itemprop == "datePublished":
        found += tree.xpath('//time[@pubdate]/@datetime | //time[contains(@class, "publish") or contains(@class, "posted")'
                            ' or contains(@class, "entry-date")]/@datetime')
        found += tree.xpath("(//article//time/@datetime)[1]") + tree.xpath("(//time/@datetime)[1]")
    else:
        found += tree.xpath('//time[contains(@class, "updated") or contains(@class, "modified")]/@datetime')
    return found


def published_date(page: Page) -> str | None:
    """The article's publication date, with its time of day wherever a source gives one. A date-only source
    is taken only when no source gives a time for the same day."""
    candidates = [text_value(page.ld.get("datePublished")), *(page.tags.get(name.lower()) for name in PUBLISHED_META),
                  parsely_date(page), *element_dates(page.tree, "datePublished")]
    dates = [date for date in (iso_datetime(c) for c in candidates) if date]
    if not dates:
        return None
    with_time = [date for date in dates if "T" in date and date[:10] == dates[0][:10]]
    return with_time[0] if with_time else dates[0]


def updated_date(page: Page) -> str | None:
    """When the publisher last changed the article, if the page says."""
    candidates = [text_value(page.ld.get("dateModified")), meta(page, *UPDATED_META),
                  *element_dates(page.tree, "dateModified")]
    return next((date for date in (iso_datetime(c) for c in candidates) if date), None)


# Authors.

def person_name(part: str) -> str | None:
    """``part`` of a byline as a person's name, or None when it is a job title, an outlet, a credential or initials.
    A name written in capitals ("TOM KRISHER") is given in title case."""
    name = " ".join(BYLINE_PREFIX.sub("", part).split()).strip(" .,:|-–")
    words = name.split()
    if not 2 <= len(words) <= 5 or NOT_A_NAME.search(name) or any(ch.isdigit() for ch in name):
        return None
    if name.isupper():
        name = name.title()
        words = name.split()
    if not all(NAME_WORD.match(word) for word in words) or all(CREDENTIAL.match(word) for word in words):
        return None
    return name


def clean_author(candidates: list[str]) -> str | None:
    """The people named by bylines ``candidates``, joined with "; ", or None. Prefixes ("By", "Analysis by"),
    job titles, outlets, credentials and initials are dropped; several names may be separated by ";", ",", "|"
    or "and"."""
    names = []
    for candidate in candidates:
        for part in re.split(r"\s*(?:;|,|\||\band\b|&|\n)\s*", candidate or ""):
            name = person_name(part)
            if name:
                names.append(name)
    return "; ".join(dict.fromkeys(names)) or None


def json_ld_names(value) -> list[str]:
    """Author names from a JSON-LD author value (a string, an object or a list of either)."""
    items = value if isinstance(value, list) else [value]
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return [n.strip() for n in names if isinstance(n, str) and n.strip()]


def visible_byline(tree) -> list[str]:
    """The texts of the page's visible byline elements (``rel=author``, ``itemprop=author``, ``.byline``…)."""
    texts = []
    for path in BYLINE_PATHS:
        for element in tree.xpath(path):
            text = " ".join(" ".join(element.itertext()).split())
            if text and len(text.split()) <= MAX_BYLINE_WORDS:
                texts.append(text)
        if texts:
            break
    return texts


def authors(page: Page) -> str | None:
    """The article's authors: from the JSON-LD, else the author meta tags, else the visible byline."""
    for candidates in (json_ld_names(page.ld.get("author")), [meta(page, "author", "article:author", "parsely-author") or ""],
                       visible_byline(page.tree)):
        found = clean_author(candidates)
        if found:
            return found
    return None


# The other fields.

def headline(page: Page) -> str | None:
    """The headline: JSON-LD, OpenGraph, the first ``<h1>``, or the page title."""
    h1 = page.tree.xpath("(//h1)[1]")
    return (text_value(page.ld.get("headline")) or meta(page, "og:title", "twitter:title")
            or (" ".join(" ".join(h1[0].itertext()).split()) if h1 else None)
            or text_value((page.tree.xpath("//title/text()") or [None])[0]) or None)


def standfirst(page: Page) -> str | None:
    """The standfirst or summary the page gives."""
    return text_value(page.ld.get("description")) or meta(page, "description", "og:description")


def section(page: Page) -> str | None:
    """The site's section for the article."""
    return text_value(page.ld.get("articleSection")) or meta(page, "article:section", "parsely-section")


def tags(page: Page) -> str | None:
    """The site's tags or keywords, joined with ", ": from the JSON-LD, ``article:tag`` meta tags, the page's
    ``rel="tag"`` links, or the keywords meta tag."""
    if keywords := text_value(page.ld.get("keywords")):
        return keywords
    rel = 'concat(" ", normalize-space(@rel), " ")'
    for found in (page.tree.xpath('//meta[@property="article:tag"]/@content'),
                  page.tree.xpath(f'//a[contains({rel}, " tag ") and not(contains({rel}, " category "))]//text()')):
        names = [value.strip() for value in found if value.strip()]
        if names:
            return ", ".join(dict.fromkeys(names))
    return meta(page, "keywords", "news_keywords")


def language(page: Page) -> str | None:
    """The page's language code ("en")."""
    code = text_value((page.tree.xpath("/html/@lang") or [None])[0]) or meta(page, "og:locale", "content-language")
    return code.replace("_", "-").split("-")[0].lower() if code else None


def accessible_for_free(page: Page) -> bool | None:
    """What the JSON-LD says of the article being free to read; None when it says nothing."""
    value = page.ld.get("isAccessibleForFree")
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None
