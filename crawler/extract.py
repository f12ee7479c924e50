"""Turn one article page into article fields: a pure function of HTML and URL.

Metadata comes from ``crawler.page_metadata`` (JSON-LD, meta tags, the visible byline and
``<time>`` elements). The body is trafilatura's main text read for precision; when that is
much shorter than the page's JSON-LD ``articleBody`` or than trafilatura's default reading of
the same page, the fuller text is taken instead (precision-first settings sometimes keep only
a reprint notice or a sidebar). Paragraphs are then cleared of page furniture: paywall
prompts, share labels, bylines, date stamps, inline "Read more:" links, a press release's
notes to editors, and a paragraph repeated right after itself. Content that repeats further
apart (a list of sites, a table) is kept.
"""
import re
from dataclasses import asdict, dataclass, replace
from urllib.parse import urljoin

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html
from parsel import Selector

from crawler import page_metadata as metadata
from crawler.page_metadata import clean_author, iso_datetime

EXTRACTOR_VERSION = "extract-3"
# The fields a source's `selectors` may set, for sites the generic extractor gets wrong.
SELECTABLE_FIELDS = ("title", "lead", "author", "published", "updated", "section", "tags", "body")
# Short lines that trafilatura keeps but are page furniture, not story: paywall prompts, share
# and related-story labels and links, reprint notices, bylines, and date stamps ("Published: 7 May 2024").
FURNITURE_LINE = re.compile(
    r"^(subscribe\b|already a subscriber|sign in\b|log in\b|get unlimited access|share (this|on|by)\b|read more$"
    r"|(read more|related|related stories|related articles|see also|also read|read also|more on this( story)?|recommended)"
    r"\s*[:|>»–-]"
    r"|related( stories| articles)?$|advertisement$"
    r"|this (article|story) (is|was) (reproduced|republished|reprinted)|this (article|story) first appeared"
    r"|(?-i:By (?:[A-Z][\w'-]+ ?)+(?:(?:,| and) (?:[A-Z][\w'-]+ ?)+)*$)"
    r"|(published|posted|updated|last updated|page last reviewed|next review due)\b[^.]{0,40}\d{4}$)",
    re.IGNORECASE)
FURNITURE_MAX_WORDS = 20
# Where a press release's story ends and its boilerplate for journalists begins.
END_OF_STORY = re.compile(r"^(notes? (to|for) editors?|-*\s*ends\s*-*)$", re.IGNORECASE)
# The precision-first text is replaced by a fuller one when it has less than this share of its words.
FULLER_TEXT_SHARE = 0.6
# Below this many words, the precision-first text is checked against trafilatura's default reading
# (a precision reading that kept only a notice or a sidebar is far shorter than any article).
CHECK_BELOW_WORDS = 120


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


def is_furniture(paragraph: str) -> bool:
    """True for a short line of page furniture (a paywall prompt, a byline, a date stamp...)."""
    return len(paragraph.split()) <= FURNITURE_MAX_WORDS and bool(FURNITURE_LINE.match(paragraph))


def body_paragraphs(text: str, title: str | None, lead: str | None) -> list[str]:
    """Main-text paragraphs without page furniture, the headline, a paragraph repeating the one before it,
    or a press release's notes to editors. A paragraph equal to the standfirst is kept when the body opens
    with it (sites often use the first paragraph as the description, and it is often the one that says who
    backs what); elsewhere it is the standfirst shown again, which the ``lead`` field already holds."""
    headline = (title or "").strip().casefold()
    standfirst = " ".join((lead or "").split()).casefold()
    paragraphs: list[str] = []
    for line in text.splitlines():
        paragraph = " ".join(line.split())
        if END_OF_STORY.match(paragraph):
            break
        key = paragraph.casefold()
        if not key or key == headline or is_furniture(paragraph) or (paragraphs and key == standfirst):
            continue
        if paragraphs and paragraphs[-1].casefold() == key:
            continue  # a pull quote or a template repeating the paragraph it follows
        paragraphs.append(paragraph)
    return paragraphs


def word_total(text: str | None) -> int:
    """How many words ``text`` has."""
    return len((text or "").split())


def main_text(html: str, url: str, ld: dict) -> str:
    """The article's main text: trafilatura's precision-first reading, unless the page's JSON-LD
    ``articleBody`` or (for a short reading) trafilatura's default reading is much fuller."""
    precise = trafilatura.bare_extraction(html, url=url, favor_precision=True, fast=True, with_metadata=False)
    text = (precise.text if precise is not None else "") or ""
    declared = metadata.text_value(ld.get("articleBody"))
    if declared and word_total(text) < FULLER_TEXT_SHARE * word_total(declared):
        return declared
    if word_total(text) < CHECK_BELOW_WORDS:
        default = trafilatura.extract(html, url=url) or ""
        if word_total(text) < FULLER_TEXT_SHARE * word_total(default):
            return default
    return text


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


def extract_article(html: str | bytes, url: str, selectors: dict[str, str] | None = None) -> ExtractedArticle:
    """Extract the article fields of the page ``html`` fetched from ``url``; ``selectors``
    (field → CSS) override the generic extraction where they match."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    tree = parse_html(html)
    page = metadata.read_page(tree)
    canonical = tree.xpath('//link[@rel="canonical"]/@href') or [metadata.meta(page, "og:url") or url]
    title = metadata.headline(page)
    lead = metadata.standfirst(page)
    published = metadata.published_date(page) or iso_datetime(find_date(html, url=url, original_date=True))
    body = "\n\n".join(body_paragraphs(main_text(html, url, page.ld), title, lead))
    article = ExtractedArticle(
        url=url,
        canonical_url=_absolute(url, canonical[0]),
        title=title,
        lead=lead,
        author=metadata.authors(page),
        published=published,
        updated=metadata.updated_date(page),
        section=metadata.section(page),
        tags=metadata.tags(page),
        language=metadata.language(page),
        body=body,
        word_count=len(body.split()),
        paywalled=metadata.accessible_for_free(page) is False,
    )
    return apply_selectors(article, tree, selectors) if selectors else article
