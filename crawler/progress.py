"""A Scrapy extension reporting the crawl's progress to the spider's ``progress`` reporter.

The reporter (see ``tracker.progress``) is passed as a spider argument, because Scrapy
deep-copies its settings and a live progress display cannot be copied.
"""
from scrapy import signals

from crawler.items import ArticleItem, CrawlErrorItem


class CrawlProgress:
    """Count pages fetched and articles stored, and report them as they come."""

    def __init__(self, stats):
        self.stats = stats
        self.reporter = None
        self.pages = 0
        self.articles = 0
        self.errors = 0

    @classmethod
    def from_crawler(cls, crawler):
        """Listen to the signals that mark progress."""
        extension = cls(crawler.stats)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.response_received, signal=signals.response_received)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def opened(self, spider):
        """Take the spider's reporter, if it was given one."""
        self.reporter = getattr(spider, "progress", None)

    def response_received(self, response, request, spider):
        """One more page downloaded."""
        self.pages += 1
        self._report()

    def item_scraped(self, item, response, spider):
        """One more article stored, or one more error recorded."""
        if isinstance(item, ArticleItem):
            self.articles += 1
        elif isinstance(item, CrawlErrorItem):
            self.errors += 1
        self._report()

    def closed(self, spider, reason):
        """Report the final counts."""
        self._report()
        if self.reporter is not None:
            self.reporter.finish("crawl")

    def _report(self) -> None:
        if self.reporter is not None:
            pending = self.stats.get_value("scheduler/enqueued", 0) - self.stats.get_value("scheduler/dequeued", 0)
            detail = f"{self.articles} articles stored, {self.errors} errors, {pending} pages queued"
            self.reporter.update("crawl", self.pages, None, detail)
