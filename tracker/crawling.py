"""Run the news spider in this process with the tracker's settings."""
import os
from pathlib import Path

from crawler.sources import DEFAULT_SOURCES, load_sources


def crawl_settings(db_path: str | Path, sources_path: str | Path, overrides: dict[str, str]):
    """The Scrapy project settings with the database, the sources file, a shared frontier when
    ``REDIS_URL`` is set (see ``crawler.shared_frontier``), and any -s overrides."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.set("TRACKER_DB", str(db_path), priority="cmdline")
    settings.set("TRACKER_SOURCES", str(sources_path), priority="cmdline")
    if os.environ.get("REDIS_URL"):
        from crawler.shared_frontier import shared_frontier_settings

        settings.setdict(shared_frontier_settings(os.environ["REDIS_URL"]), priority="cmdline")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    if "USER_AGENT" not in overrides:
        contact = settings.get("TRACKER_CONTACT")
        settings.set("USER_AGENT", settings.get("USER_AGENT_TEMPLATE").format(contact=contact), priority="cmdline")
    return settings


def run_crawl(
    db_path: str | Path, sources_path: str | Path = DEFAULT_SOURCES, overrides: dict[str, str] | None = None,
    progress=None,
) -> None:
    """Crawl every enabled source into the database; returns when the crawl has finished.

    The sources file is validated first, so a bad file fails before any request is made.
    ``progress`` (see ``tracker.progress``) is told how the crawl goes. Scrapy logs through
    the handlers the tracker set up. Twisted's reactor cannot be restarted, so call this at
    most once per process.
    """
    load_sources(sources_path)
    from scrapy.crawler import CrawlerProcess

    settings = crawl_settings(db_path, sources_path, overrides or {})
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # the tracker's own handlers stay
    process = CrawlerProcess(settings)
    process.crawl("news", sources=str(sources_path), progress=progress)
    process.start()
