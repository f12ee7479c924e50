"""Stop a redirect loop at its first repeat, and a redirect to an article already stored.

Scrapy's own redirect handling drops a redirect back to an address it has already
requested as a duplicate, silently; ``RedirectLoopMiddleware`` turns it into a recorded
failure ("redirect loop") naming the chain. ``StoredTargetMiddleware`` stops a redirect whose
target is a stored article before the article is downloaded again: the spider records the
old address as the article's, so later runs do not ask for it at all.
"""
from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest

REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class RedirectLoopMiddleware:
    """Fail a request whose redirect points back into its own chain of redirects."""

    def process_response(self, request, response, spider=None):
        """Raise IgnoreRequest (which reaches the request's errback) on a redirect back to a visited address."""
        location = response.headers.get("Location")
        if response.status not in REDIRECT_STATUSES or not location:
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise IgnoreRequest("redirect loop: " + " -> ".join([*chain, target]))
        return response


class RedirectsToStored(IgnoreRequest):
    """A redirect whose target is an article already stored."""

    def __init__(self, target: str):
        super().__init__(f"redirects to a stored article: {target}")
        self.target = target


class StoredTargetMiddleware:
    """Stop a redirect to an article the spider already holds (its ``stored`` URLs)."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        """The middleware, with the crawler whose spider knows the stored articles."""
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        """Raise RedirectsToStored (which reaches the request's errback) on a redirect to a stored article."""
        location = response.headers.get("Location")
        if response.status not in REDIRECT_STATUSES or not location:
            return response
        target = urljoin(request.url, location.decode("latin-1"))
        if target in getattr(self.crawler.spider, "stored", {}):
            raise RedirectsToStored(target)
        return response
