"""A crawl frontier shared through Redis, so that several crawler processes split one crawl.

With ``REDIS_URL`` set, every ``tracker crawl`` or ``tracker nightly`` started against the
same Redis server takes its requests from one queue and checks them against one duplicate
filter (scrapy-redis), so no page is fetched by two processes.

The crawl lasts until its queue is empty and every worker is idle. Workers sign in to a
Redis sorted set and renew their entry while they work; a worker that runs out of requests
marks itself idle and waits while any other worker is busy (it may yet queue more pages); a
worker that stops renewing (killed) is dropped after ``STALE_SECONDS``. The first worker to
join clears what an earlier crawl left, and the last one out clears the frontier, so that
the next night fetches feeds and listing pages again.
"""
import time
import uuid
import warnings

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, ScrapyDeprecationWarning
from scrapy_redis.scheduler import Scheduler

# scrapy-redis 0.9 still calls two Scrapy APIs deprecated since; the warnings are its to fix
# and would otherwise fill every nightly log.
for deprecated in ("Passing a 'spider' argument to StatsCollector", r"Spider\.log\(\) is deprecated"):
    warnings.filterwarnings("ignore", message=deprecated, category=ScrapyDeprecationWarning)

STALE_SECONDS = 120  # a worker silent this long was killed; several idle checks (5 s apart) fit in it
RENEW_SECONDS = 10

# KEYS: workers (sorted set: worker -> last sign of life), queue, seen, idle (set of workers).
# ARGV: this worker, now, the staleness cut-off.
JOIN = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[2], KEYS[3], KEYS[4]) end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return redis.call('ZCARD', KEYS[1])
"""
RENEW = """
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
return redis.call('ZCARD', KEYS[1])
"""
IDLE = """
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
redis.call('SADD', KEYS[4], ARGV[1])
if redis.call('ZCARD', KEYS[2]) > 0 then return 0 end
for _, worker in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if redis.call('SISMEMBER', KEYS[4], worker) == 0 then return 0 end
end
return 1
"""
LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4]) end
return redis.call('ZCARD', KEYS[1])
"""


def shared_frontier_settings(redis_url: str) -> dict:
    """The Scrapy settings that put the crawl's queue and duplicate filter in Redis at ``redis_url``."""
    return {
        "REDIS_URL": redis_url,
        "SCHEDULER": "crawler.shared_frontier.SharedScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",  # a sorted set, which IDLE counts
        "SCHEDULER_QUEUE_KEY": "tracker:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": "tracker:%(spider)s:seen",
        "SCHEDULER_PERSIST": True,  # one worker finishing must not empty the others' queue
    }


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler, with workers that wait for each other and a last one that cleans up."""

    worker = ""
    keys: tuple[str, ...] = ()
    renewed = 0.0
    marked_idle = False

    @classmethod
    def from_crawler(cls, crawler):
        """Also listen for the spider running out of requests."""
        scheduler = super().from_crawler(crawler)
        crawler.signals.connect(scheduler.idle, signal=signals.spider_idle)
        return scheduler

    def _run(self, script: str) -> int:
        now = time.time()
        return self.server.eval(script, len(self.keys), *self.keys, self.worker, now, now - STALE_SECONDS)

    def open(self, spider):
        """Join the shared crawl, starting it afresh when no other worker is in it."""
        super().open(spider)
        self.worker = uuid.uuid4().hex
        self.keys = (f"tracker:{spider.name}:workers", self.queue.key, self.df.key, f"tracker:{spider.name}:idle")
        workers = self._run(JOIN)
        self.renewed = time.monotonic()
        spider.logger.info("joined the shared crawl as worker %d", workers)

    def next_request(self):
        """The next request from the shared queue; a worker that gets one is busy, and says so now and then."""
        request = super().next_request()
        if request is not None and (self.marked_idle or time.monotonic() - self.renewed > RENEW_SECONDS):
            self._run(RENEW)
            self.renewed, self.marked_idle = time.monotonic(), False
        return request

    def idle(self, spider):
        """Close only once the queue is empty and every worker is idle: a busy one may queue more pages."""
        self.marked_idle = True
        self.renewed = time.monotonic()
        if not self._run(IDLE):
            raise DontCloseSpider("other workers are still crawling")

    def close(self, reason):
        """Leave the shared crawl; the last worker out clears its queue and duplicate filter."""
        remaining = self._run(LEAVE)
        self.spider.logger.info("left the shared crawl; %d workers still in it", remaining)
