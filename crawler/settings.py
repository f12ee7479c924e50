"""Scrapy settings: only the deviations from Scrapy's defaults, each with its reason."""
BOT_NAME = "nhs-stakeholder-tracker"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Identify ourselves so site owners can reach us: the User-Agent is built from
# TRACKER_CONTACT when the crawl starts (-s TRACKER_CONTACT=mailto:you@example.org).
TRACKER_CONTACT = "https://github.com/nhs-stakeholder-tracker"
USER_AGENT_TEMPLATE = "nhs-stakeholder-tracker/0.1 (+{contact})"
USER_AGENT = USER_AGENT_TEMPLATE.format(contact=TRACKER_CONTACT)

ROBOTSTXT_OBEY = True  # default False in Scrapy's code (True only in the project template)
# The first applies robots.txt to every request and honours its Crawl-delay (see its module);
# the other two see responses before Scrapy's RedirectMiddleware (600): one records loops, the
# other stops a redirect to an article already stored (see crawler/redirects.py).
DOWNLOADER_MIDDLEWARES = {"crawler.politeness.RobotsRulesMiddleware": 150, "crawler.redirects.RedirectLoopMiddleware": 650,
                          "crawler.redirects.StoredTargetMiddleware": 660}

# Politeness: news sites are crawled nightly, so there is no hurry.
CONCURRENT_REQUESTS_PER_DOMAIN = 2  # default 8
DOWNLOAD_DELAY = 1.0  # default 0
AUTOTHROTTLE_ENABLED = True  # default False
AUTOTHROTTLE_START_DELAY = 1.0  # default 5.0; DOWNLOAD_DELAY already sets the floor
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0  # default 1.0, stated because it is the point

# Safety: no request may hang the nightly run or fill the disk.
DOWNLOAD_TIMEOUT = 30  # default 180
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024  # default 1 GiB
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024  # default 32 MiB
REDIRECT_MAX_TIMES = 5  # default 20

TELNETCONSOLE_ENABLED = False  # default True; nothing should listen on a port during a crawl
REMOTE_CONTROL_ENABLED = False  # default True, for the same reason
LOG_LEVEL = "INFO"  # default DEBUG

EXTENSIONS = {"crawler.progress.CrawlProgress": 500}  # progress bars or lines for the tracker command

ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.StorePipeline": 900,
}

# The tracker's own settings: where articles go and which sites to crawl.
TRACKER_DB = "data/tracker.db"
TRACKER_SOURCES = None  # None: crawler/sources.toml
TRACKER_MIN_WORDS = 40  # shorter bodies are teasers or broken pages, recorded as errors
