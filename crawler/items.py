"""What the spider yields: an article page with its extracted fields, or a failure to record."""
from dataclasses import dataclass

from crawler.extract import ExtractedArticle


@dataclass
class ArticleItem:
    """An article page as downloaded, with the fields extracted from it."""

    source: str
    url: str
    status: int
    html: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    article: ExtractedArticle
    redirected_from: tuple[str, ...] = ()  # the addresses asked for before redirects led here


@dataclass
class KnownAddressItem:
    """An address that redirects to an article already stored, so that it is not asked for again."""

    source: str
    url: str
    target: str


@dataclass
class CrawlErrorItem:
    """A URL that could not be collected, and why."""

    source: str | None
    url: str
    reason: str
    detail: str = ""


@dataclass
class NotModifiedItem:
    """A stored article fetched again under a recrawl window, which the server said has not changed (304)."""

    source: str
    url: str
