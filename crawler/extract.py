"""Turn one article page into article fields: a pure function of HTML and URL.

Metadata comes first from the page's JSON-LD (what publishers give search engines), then
from meta tags, then from htmldate and trafilatura's heuristics; the body is trafilatura's
main text, split into paragraphs with repeats removed.
"""
import json
import re
from dataclasses import asdict, dataclass, replace
from urllib.parse import urljoin

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html
from parsel import Selector

EXTRACTOR_VERSION = "extract-2"
# The fields a source's `selectors` may set, for sites the generic extractor gets wrong.
SELECTABLE_FIELDS = ("title", "lead", "author", "published", "updated", "section", "tags", "body")
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle"}
# Bylines carry job titles and links that are not names ("Health Correspondent", "Email the author").
NOT_AN_AUTHOR = re.compile(
    r"email the author|^by$|^admin$|\b(correspondent|reporter|editor|journalist|writer|staff|newsdesk|team)\b",
    re.IGNORECASE)
# Short lines that trafilatura keeps but are page furniture, not story: paywall prompts, share
# and related-story labels, bylines, and date stamps ("Published: 7 May 2024").
FURNITURE_LINE = re.compile(
    r"^(subscribe\b|already a subscriber|sign in\b|log in\b|get unlimited access|share (this|on|by)\b|read more$"
    r"|related( stories| articles)?$|advertisement$"
    r"|(?-i:By (?:[A-Z][\w'-]+ ?)+(?:(?:,| and) (?:[A-Z][\w'-]+ ?)+)*$)"
    r"|(published|posted|updated|last updated|page last reviewed|next review due)\b[^.]{0,40}\d{4}$)",
    re.IGNORECASE)
FURNITURE_MAX_WORDS = 15
# Where a press release's story ends and its boilerplate for journalists begins.
END_OF_STORY = re.compile(r"^(notes? (to|for) editors?|-*\s*ends\s*-*)$", re.IGNORECASE)


@dataclass(frozen=True)
class ExtractedArticle:
    """The fields of an article page that the ``articles`` table stores."""

    url: str
    canonical_url: str
    title: str | None
    lead: str | None
    author: str | None
    published: str | None
    updated: str | None
    section: str | None
    tags: str | None
    language: str | None
    body: str
    word_count: int
    paywalled: bool
    extractor_version: str = EXTRACTOR_VERSION

    def as_row(self) -> dict:
        """The fields as a row for the ``articles`` table."""
        row = asdict(self)
        row["paywalled"] = int(self.paywalled)
        return row


def _json_ld_article(tree) -> dict:
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


def _meta(tree, *names: str) -> str | None:
    for name in names:
        values = tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
        if values and values[0].strip():
            return values[0].strip()
    return None


def _names(value) -> list[str]:
    """Author names from a JSON-LD author value (a string, an object or a list of either)."""
    items = value if isinstance(value, list) else [value]
    names = [item.get("name") if isinstance(item, dict) else item for item in items]
    return [n.strip() for n in names if isinstance(n, str) and n.strip()]


def clean_author(candidates: list[str]) -> str | None:
    """The author names worth keeping, joined with "; ", or None."""
    names = [name.strip() for candidate in candidates for name in candidate.split(";")]
    kept = [name for name in names if name and not NOT_AN_AUTHOR.search(name)]
    return "; ".join(dict.fromkeys(kept)) or None


def iso_datetime(value: str | None) -> str | None:
    """A date or date-time string normalised to ISO 8601 (date only when no time is given)."""
    if not value:
        return None
    value = value.strip()
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?", value)
    if not match:
        return None
    day, time, _, zone = match.groups()
    if not time:
        return day
    if len(time) == 5:
        time += ":00"
    zone = "+00:00" if zone in (None, "Z") else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
    return f"{day}T{time}{zone}"


def is_furniture(paragraph: str) -> bool:
    """True for a short line of page furniture (a paywall prompt, a byline, a date stamp...)."""
    return len(paragraph.split()) <= FURNITURE_MAX_WORDS and bool(FURNITURE_LINE.match(paragraph))


def body_paragraphs(text: str, title: str | None, lead: str | None) -> list[str]:
    """Main-text paragraphs, without repeats, page furniture, the headline or standfirst, or
    a press release's notes to editors."""
    skip = {(title or "").strip().casefold(), (lead or "").strip().casefold(), ""}
    seen: set[str] = set()
    paragraphs = []
    for line in text.splitlines():
        paragraph = " ".join(line.split())
        key = paragraph.casefold()
        if END_OF_STORY.match(paragraph):
            break
        if key in skip or key in seen or is_furniture(paragraph):
            continue
        seen.add(key)
        paragraphs.append(paragraph)
    return paragraphs


def _text(value) -> str | None:
    """A metadata value as text: a string stripped, a list of strings joined with ", ", anything else None."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return ", ".join(v.strip() for v in value if isinstance(v, str) and v.strip()) or None
    return None


def parse_html(html: str):
    """The page as an lxml tree; a page with nothing parseable in it gives an empty document."""
    try:
        return lxml_html.document_fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return lxml_html.document_fromstring("<html></html>")


def _absolute(url: str, link: str) -> str:
    try:
        return urljoin(url, link.strip())
    except ValueError:  # e.g. a malformed IPv6 host in the page's canonical link
        return url


def selected_texts(page: Selector, css: str) -> list[str]:
    """The texts a CSS selector picks: strings as they are (``::text``, ``::attr(...)``), elements as their whole text."""
    texts = []
    for match in page.css(css):
        root = match.root
        text = " ".join(root.itertext()) if hasattr(root, "itertext") else str(root)
        if " ".join(text.split()):
            texts.append(" ".join(text.split()))
    return texts


def apply_selectors(article: ExtractedArticle, tree, selectors: dict[str, str]) -> ExtractedArticle:
    """``article`` with each field a source's selectors pick from the parsed page ``tree``
    replacing the generic extractor's."""
    page = Selector(root=tree)
    changes: dict = {}
    for field, css in selectors.items():
        texts = selected_texts(page, css)
        if not texts:
            continue  # the page lacks the element: keep the generic value rather than lose it
        if field == "body":
            body = "\n\n".join(body_paragraphs("\n".join(texts), article.title, article.lead))
            changes.update(body=body, word_count=len(body.split()))
        elif field == "author":
            changes["author"] = clean_author(texts)
        elif field in ("published", "updated"):
            changes[field] = iso_datetime(texts[0]) or getattr(article, field)
        elif field in ("section", "tags"):
            changes[field] = ", ".join(dict.fromkeys(texts))
        else:
            changes[field] = texts[0]
    return replace(article, **changes)


def _free(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def extract_article(html: str | bytes, url: str, selectors: dict[str, str] | None = None) -> ExtractedArticle:
    """Extract the article fields of the page ``html`` fetched from ``url``; ``selectors``
    (field → CSS) override the generic extraction where they match."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    tree = parse_html(html)
    ld = _json_ld_article(tree)
    main = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_precision=True)
    found = main.as_dict() if main is not None else {}

    canonical = tree.xpath('//link[@rel="canonical"]/@href') or [_meta(tree, "og:url") or url]
    title = _text(ld.get("headline")) or _meta(tree, "og:title") or _text(found.get("title"))
    lead = _text(ld.get("description")) or _meta(tree, "description", "og:description")
    published = iso_datetime(_text(ld.get("datePublished")) or _meta(tree, "article:published_time"))
    if not published:
        published = iso_datetime(find_date(html, url=url, original_date=True) or found.get("date"))
    paragraphs = body_paragraphs(found.get("text") or "", title, lead)
    body = "\n\n".join(paragraphs)
    tags = _text(ld.get("keywords")) or _text(found.get("tags"))
    section = _text(ld.get("articleSection")) or _meta(tree, "article:section") or _text(found.get("categories"))
    language = _text((tree.xpath("/html/@lang") or [found.get("language")])[0])
    article = ExtractedArticle(
        url=url,
        canonical_url=_absolute(url, canonical[0]),
        title=title,
        lead=lead,
        author=clean_author(_names(ld.get("author")) or [found.get("author") or ""]),
        published=published,
        updated=iso_datetime(_text(ld.get("dateModified")) or _meta(tree, "article:modified_time")),
        section=section,
        tags=tags,
        language=language.split("-")[0].lower() if language else None,
        body=body,
        word_count=len(body.split()),
        paywalled=_free(ld.get("isAccessibleForFree")) is False,
    )
    return apply_selectors(article, tree, selectors) if selectors else article
