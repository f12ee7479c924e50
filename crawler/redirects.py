"""Stop a redirect loop at its first repeat, and say so.

Scrapy's own redirect handling drops a redirect back to an address it has already
requested as a duplicate, silently; this middleware turns it into a recorded failure
("redirect loop") naming the chain.
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
