"""robots.txt, enforced for every request, and its ``Crawl-delay`` honoured.

Scrapy's RobotsTxtMiddleware fetches each site's robots.txt, but in Scrapy 2.19 only the
first requests waiting for it are checked against it: a request that waits on the same
pending download behind two others gets no parser and goes through (a tracker test caught
a disallowed page fetched this way). Scrapy also ignores ``Crawl-delay``. This middleware
reads each robots.txt as it comes in and, before every later request to that site, refuses
what it disallows and raises the download slot's delay to its Crawl-delay (AutoThrottle may
lower the delay between requests, never below this), without the jitter that could halve it.
"""
from urllib.parse import urlsplit

from protego import Protego
from scrapy.exceptions import IgnoreRequest


class RobotsRulesMiddleware:
    """Apply each site's robots.txt rules and Crawl-delay to every request after it was read."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT", "")
        self.rules: dict[str, Protego] = {}  # host:port -> its robots.txt

    @classmethod
    def from_crawler(cls, crawler):
        """The middleware, with the crawler whose download slots it adjusts."""
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        """Read a robots.txt as it comes in."""
        parts = urlsplit(response.url)
        if parts.path == "/robots.txt" and response.status == 200 and hasattr(response, "text"):
            rules = self.rules[parts.netloc] = Protego.parse(response.text)
            delay = rules.crawl_delay(self.user_agent)
            if delay:
                self.crawler.spider.logger.info("honouring Crawl-delay %s s for %s", delay, parts.netloc)
        return response

    def process_request(self, request, spider=None):
        """Refuse a disallowed request; keep an allowed one at least the Crawl-delay after the last."""
        rules = self.rules.get(urlsplit(request.url).netloc)
        if rules is None or request.meta.get("dont_obey_robotstxt"):
            return None
        if not rules.can_fetch(request.url, self.user_agent):
            raise IgnoreRequest("Forbidden by robots.txt")
        delay = rules.crawl_delay(self.user_agent)
        if delay:
            downloader = self.crawler.engine.downloader
            slot = downloader.slots.get(downloader.get_slot_key(request))
            if slot is not None and (slot.delay < delay or slot.jitter):
                slot.delay, slot.jitter = max(slot.delay, float(delay)), 0.0
        return None
