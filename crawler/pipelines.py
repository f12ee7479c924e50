"""Item pipelines: validate each article, then store it (or record why it was not)."""
import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.health import MIN_ARTICLES, degradation_warnings, missing_shares
from crawler.items import ArticleItem, CrawlErrorItem, KnownAddressItem, NotModifiedItem
from db.connect import open_db
from db.crawl_store import (
    FetchedPage, earlier_missing_shares, finish_run, mark_seen, record_error, run_article_fields, run_error_counts,
    save_addresses, save_article, start_run,
)


logger = logging.getLogger("tracker.crawl")
COUNTERS = {"duplicate": "duplicates"}  # the run record counts copies of stored stories as "duplicates"


class ValidatePipeline:
    """Turn articles that are empty, too short or not in English into recorded errors."""

    def __init__(self, min_words: int):
        self.min_words = min_words

    @classmethod
    def from_crawler(cls, crawler):
        """Read the minimum body length from the settings."""
        return cls(crawler.settings.getint("TRACKER_MIN_WORDS", 40))

    def process_item(self, item):
        """Pass a valid article on; replace an invalid one with a CrawlErrorItem."""
        if not isinstance(item, ArticleItem):
            return item
        article = item.article
        if article.word_count == 0:
            return CrawlErrorItem(item.source, item.url, "empty body", "no article text found on the page")
        if article.language and article.language != "en":
            return CrawlErrorItem(item.source, item.url, "not English", f"page language is {article.language!r}")
        if article.word_count < self.min_words and not article.paywalled:
            return CrawlErrorItem(item.source, item.url, "body too short", f"{article.word_count} words")
        return item


class StorePipeline:
    """Write articles and errors to the tracker database and keep the crawl's run record."""

    def __init__(self, db_path: str, stats):
        self.db_path = db_path
        self.stats = stats
        self.db = None
        self.run_id = None

    @classmethod
    def from_crawler(cls, crawler):
        """Read the database path from the TRACKER_DB setting."""
        db_path = crawler.settings.get("TRACKER_DB")
        if not db_path:
            raise NotConfigured("TRACKER_DB is not set")
        pipeline = cls(db_path, crawler.stats)
        # The run is finished on spider_closed rather than in close_spider, because only
        # that signal carries the reason the crawl ended.
        crawler.signals.connect(pipeline.finish, signal=signals.spider_closed)
        return pipeline

    def open_spider(self, spider=None):
        """Open the database and start the run record."""
        self.db = open_db(self.db_path)
        self.run_id = start_run(self.db, "crawl")

    def finish(self, spider, reason):
        """Finish the run record with the counts and durations per source, extraction health
        and how the crawl ended; close the database."""
        per_source: dict = {}
        for key, number in sorted(self.stats.get_stats().items()):
            if key.startswith("tracker/"):
                _, source, what = key.split("/", 2)
                per_source.setdefault(source, {})[what] = number
        for counts in per_source.values():
            first, last = counts.pop("first_response", None), counts.pop("last_response", None)
            if first is not None:
                counts["seconds"] = round(last - first, 1)
        warnings = self._check_health(per_source)
        outcome = "ok" if reason == "finished" else "failed"
        message = "; ".join([f"finish reason: {reason}", *warnings])
        finish_run(self.db, self.run_id, outcome, {"sources": per_source, "warnings": warnings}, message)
        self.db.close()

    def _check_health(self, per_source: dict) -> list[str]:
        """Record each source's missing-field shares; warn where they jumped against earlier runs."""
        empty = run_error_counts(self.db, self.run_id, "empty body")
        warnings = []
        for source, (dates, authors) in run_article_fields(self.db, self.run_id).items():
            shares = missing_shares(dates, authors, empty.get(source, 0))
            if len(dates) >= MIN_ARTICLES:
                per_source.setdefault(source, {})["missing"] = {field: round(share, 3) for field, share in shares.items()}
            warnings += degradation_warnings(source, shares, len(dates), earlier_missing_shares(self.db, source, self.run_id))
        for warning in warnings:
            logger.warning(warning)
        return warnings

    def process_item(self, item):
        """Store an article (one transaction with its raw page), note an unchanged one, record another
        address of a stored one, or record an error."""
        if isinstance(item, CrawlErrorItem):
            record_error(self.db, self.run_id, item.source, item.url, item.reason, item.detail)
            self.stats.inc_value(f"tracker/{item.source or 'unknown'}/errors")
            return item
        if isinstance(item, NotModifiedItem):
            mark_seen(self.db, item.url)
            self.stats.inc_value(f"tracker/{item.source}/unchanged")
            return item
        if isinstance(item, KnownAddressItem):
            save_addresses(self.db, [item.url], item.target)
            return item
        page = FetchedPage(
            url=item.url,
            source=item.source,
            status=item.status,
            html=item.html,
            content_type=item.content_type,
            etag=item.etag,
            last_modified=item.last_modified,
        )
        outcome = save_article(self.db, page, {**item.article.as_row(), "source": item.source}, self.run_id,
                               item.redirected_from)
        self.stats.inc_value(f"tracker/{item.source}/{COUNTERS.get(outcome, outcome)}")
        return item
