"""The generic news spider: discovers articles through feeds, sitemaps and listing pages.

Every source in the sources file is crawled the same way; what differs between sites is
data (start URLs, feeds, sitemaps and URL patterns), not code.
"""
import time
from datetime import datetime, timedelta, timezone

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError, DownloadTimeoutError, IgnoreRequest,
)
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap
from twisted.internet.error import DNSLookupError, TCPTimedOutError, TimeoutError

from crawler.extract import extract_article
from crawler.items import ArticleItem, CrawlErrorItem, KnownAddressItem, NotModifiedItem
from crawler.redirects import RedirectsToStored
from crawler.sources import DEFAULT_SOURCES, Source, load_sources
from db.clock import now_iso
from db.connect import open_db
from db.crawl_store import StoredArticle, stored_articles


def failure_reason(failure) -> tuple[str, str]:
    """A short reason and a detail line for a failed request."""
    if failure.check(HttpError):
        status = failure.value.response.status
        return f"HTTP {status}", f"the server answered {status}"
    if failure.check(TimeoutError, TCPTimedOutError, DownloadTimeoutError):
        return "timeout", str(failure.value)
    if failure.check(DNSLookupError, CannotResolveHostError):
        return "DNS lookup failed", str(failure.value)
    if failure.check(DownloadConnectionRefusedError):
        return "connection refused", str(failure.value)
    if failure.check(DownloadCancelledError) and "max size" in str(failure.value):
        return "too large", str(failure.value)
    if failure.check(IgnoreRequest) and "robots.txt" in str(failure.value):
        return "disallowed by robots.txt", str(failure.value)
    if failure.check(IgnoreRequest) and str(failure.value).startswith("redirect loop"):
        return "redirect loop", str(failure.value)
    if failure.check(IgnoreRequest) and "max redirections" in str(failure.value):
        return "too many redirects", str(failure.value)
    return type(failure.value).__name__, str(failure.value)


HTML_TYPES = ("text/html", "application/xhtml+xml")


def in_recrawl_window(stored: StoredArticle, recrawl_days: int, now: str) -> bool:
    """True when a stored article is young enough (by its date) to be fetched again for updates."""
    if recrawl_days <= 0 or not stored.dated:
        return False
    dated = datetime.fromisoformat(stored.dated if "T" in stored.dated else f"{stored.dated}T00:00:00+00:00")
    if dated.tzinfo is None:
        dated = dated.replace(tzinfo=timezone.utc)
    return datetime.fromisoformat(now) - dated <= timedelta(days=recrawl_days)


def is_html(content_type: str) -> bool:
    """True for an HTML content type, or none at all (many servers send none)."""
    media_type = content_type.split(";")[0].strip().lower()
    return not media_type or media_type in HTML_TYPES


class NewsSpider(scrapy.Spider):
    """Crawl every configured source; yield new articles and the failures met on the way."""

    name = "news"

    def __init__(self, sources: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.sources_path = sources

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        """Load the sources and the URLs of articles already stored."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = spider.sources_path or crawler.settings.get("TRACKER_SOURCES") or DEFAULT_SOURCES
        spider.sources = load_sources(path)
        spider.allowed_domains = sorted({d for s in spider.sources for d in s.allowed_domains})
        db = open_db(crawler.settings.get("TRACKER_DB"))
        try:
            spider.stored = stored_articles(db)
        finally:
            db.close()
        spider.requested_articles = set()
        return spider

    async def start(self):
        """The feeds, sitemaps and listing pages of every source."""
        for source in self.sources:
            for url in source.feeds:
                yield self._request(url, self.parse_feed, source)
            for url in source.sitemaps:
                yield self._request(url, self.parse_sitemap, source)
            for url in source.start_urls:
                yield self._request(url, self.parse_listing, source)

    def _request(self, url: str, callback, source: Source) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.failed, cb_kwargs={"source": source})

    def _count(self, source: Source, what: str) -> None:
        self.crawler.stats.inc_value(f"tracker/{source.name}/{what}")

    def _answered(self, source: Source) -> None:
        """Note when the source's first and last responses came, for its crawl duration."""
        now = time.monotonic()
        self.crawler.stats.min_value(f"tracker/{source.name}/first_response", now)
        self.crawler.stats.max_value(f"tracker/{source.name}/last_response", now)

    def _article_request(self, url: str, source: Source):
        """A request for an article page; None when the article is stored and outside its
        source's recrawl window. A stored article inside the window is asked for only if it
        changed (If-None-Match / If-Modified-Since), where the server gave validators."""
        if url in self.requested_articles:
            return None  # the same article linked again from another listing, feed or sitemap
        self.requested_articles.add(url)
        stored = self.stored.get(url)
        if stored is None:
            self._count(source, "discovered")
            return self._request(url, self.parse_article, source)
        if not in_recrawl_window(stored, source.recrawl_days, now_iso()):
            self._count(source, "skipped_known")
            return None
        self._count(source, "recrawled")
        request = self._request(url, self.parse_article, source)
        request.meta["handle_httpstatus_list"] = [304]
        for header, value in (("If-None-Match", stored.etag), ("If-Modified-Since", stored.last_modified)):
            if value:
                request.headers[header] = value
        return request

    def _links(self, urls, source: Source, follow_listings: bool):
        for url in urls:
            if source.is_article(url):
                request = self._article_request(url, source)
                if request:
                    yield request
            elif follow_listings and source.is_listing(url):
                yield self._request(url, self.parse_listing, source)

    def parse_listing(self, response, source: Source):
        """Follow a listing page's article links and its further listing pages."""
        self._answered(source)
        if not hasattr(response, "css"):
            yield CrawlErrorItem(source.name, response.url, "not HTML", response.headers.get("Content-Type", b"").decode())
            return
        urls = (response.urljoin(href) for href in response.css("a::attr(href)").getall())
        yield from self._links(urls, source, follow_listings=True)

    def parse_feed(self, response, source: Source):
        """Follow the article links of an RSS or Atom feed."""
        self._answered(source)
        response.selector.remove_namespaces()
        links = response.xpath("//item/link/text() | //entry/link[not(@rel) or @rel='alternate']/@href").getall()
        yield from self._links((response.urljoin(link.strip()) for link in links), source, follow_listings=False)

    def parse_sitemap(self, response, source: Source):
        """Follow a sitemap index to its sitemaps, and a sitemap to its articles."""
        self._answered(source)
        try:
            sitemap = Sitemap(response.body)
        except Exception as error:  # lxml raises several types for a body that is not XML
            yield CrawlErrorItem(source.name, response.url, "bad sitemap", str(error))
            return
        locations = [entry["loc"] for entry in sitemap if "loc" in entry]
        if sitemap.type == "sitemapindex":
            for url in locations:
                yield self._request(url, self.parse_sitemap, source)
        else:
            yield from self._links(locations, source, follow_listings=False)

    def parse_article(self, response, source: Source):
        """Extract an article page into an ArticleItem (or note that a recrawled one has not changed)."""
        self._answered(source)
        if response.status == 304:
            yield NotModifiedItem(source.name, response.url)
            return
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if not hasattr(response, "text") or not is_html(content_type):
            yield CrawlErrorItem(source.name, response.url, "not HTML", content_type or "no content type")
            return
        self._count(source, "fetched")
        yield ArticleItem(
            source=source.name,
            url=response.url,
            status=response.status,
            html=response.body,
            content_type=content_type or None,
            etag=(response.headers.get("ETag") or b"").decode("latin-1") or None,
            last_modified=(response.headers.get("Last-Modified") or b"").decode("latin-1") or None,
            article=extract_article(response.text, response.url, dict(source.selectors)),
            redirected_from=tuple(response.meta.get("redirect_urls", ())),
        )

    def failed(self, failure):
        """Record a request that failed (HTTP error, timeout, refused connection...) under the
        address the crawler asked for, before any redirect; an address that redirects to a stored article
        is recorded as that article's instead."""
        request = failure.request
        source = request.cb_kwargs.get("source")
        asked_for = (request.meta.get("redirect_urls") or [request.url])[0]
        if failure.check(RedirectsToStored) and source:
            self._count(source, "skipped_known")
            yield KnownAddressItem(source.name, asked_for, failure.value.target)
            return
        reason, detail = failure_reason(failure)
        yield CrawlErrorItem(source.name if source else None, asked_for, reason, detail)
