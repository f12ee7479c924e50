"""The sources file: which news sites to crawl and how to recognise their articles."""
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from cssselect import SelectorSyntaxError
from parsel import Selector

from crawler.extract import SELECTABLE_FIELDS
from db.tomlfile import ConfigFile

DEFAULT_SOURCES = Path(__file__).with_name("sources.toml")

REQUIRED_KEYS = {"name", "article_pattern"}
OPTIONAL_KEYS = {
    "label", "start_urls", "feeds", "sitemaps", "follow_pattern", "allowed_domains", "enabled", "notes", "selectors",
    "recrawl_days",
}


@dataclass(frozen=True)
class Source:
    """One configured news site."""

    name: str
    label: str
    article_pattern: re.Pattern
    follow_pattern: re.Pattern | None
    start_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    allowed_domains: tuple[str, ...] = field(default=())
    selectors: tuple[tuple[str, str], ...] = ()  # (field, CSS) pairs overriding generic extraction
    recrawl_days: int = 0  # stored articles this young are fetched again, to catch updates

    def is_article(self, url: str) -> bool:
        """True when ``url`` is one of this source's article pages."""
        return bool(self.article_pattern.search(url)) and self.owns(url)

    def is_listing(self, url: str) -> bool:
        """True when ``url`` is a listing page of this source worth following."""
        return self.follow_pattern is not None and bool(self.follow_pattern.search(url)) and self.owns(url)

    def owns(self, url: str) -> bool:
        """True when ``url`` is on one of this source's domains."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)


def _compile(config: ConfigFile, index: int, key: str, pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise config.error(f"[[source]] #{index + 1}: {key} is not a valid regular expression: {error}", "source", index, key) from error


def _url_list(config: ConfigFile, index: int, table: dict, key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(u, str) and u.startswith(("http://", "https://")) for u in value):
        raise config.error(f"[[source]] #{index + 1}: {key} must be a list of http(s) URLs", "source", index, key)
    return tuple(value)


def _recrawl_days(config: ConfigFile, index: int, table: dict) -> int:
    value = table.get("recrawl_days", 0)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise config.error(f"[[source]] #{index + 1}: recrawl_days must be a whole number of days (0 or more)",
                           "source", index, "recrawl_days")
    return value


def _selectors(config: ConfigFile, index: int, table: dict) -> tuple[tuple[str, str], ...]:
    value = table.get("selectors", {})
    where = f"[[source]] #{index + 1}: selectors"
    if not isinstance(value, dict):
        raise config.error(f"{where} must be a table of field = \"CSS selector\"", "source", index, "selectors")
    unknown = sorted(set(value) - set(SELECTABLE_FIELDS))
    if unknown:
        raise config.error(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {', '.join(SELECTABLE_FIELDS)}",
                           "source", index, "selectors")
    for name, css in value.items():
        try:
            Selector(text="<html></html>").css(css)
        except (SelectorSyntaxError, ValueError, TypeError) as error:
            raise config.error(f"{where}: {name} is not a valid CSS selector: {error}", "source", index, "selectors") from error
    return tuple(value.items())


def parse_source(config: ConfigFile, index: int, table: dict) -> Source:
    """Validate the ``index``-th ``[[source]]`` table of ``config`` and build a Source from it."""
    config.check_keys(table, REQUIRED_KEYS | OPTIONAL_KEYS, REQUIRED_KEYS, "source", index)
    urls = {key: _url_list(config, index, table, key) for key in ("start_urls", "feeds", "sitemaps")}
    if not any(urls.values()):
        raise config.error(f"[[source]] #{index + 1}: needs at least one of start_urls, feeds, sitemaps", "source", index)
    domains = table.get("allowed_domains") or sorted(
        {urlsplit(u).hostname for group in urls.values() for u in group if urlsplit(u).hostname}
    )
    follow = table.get("follow_pattern")
    return Source(
        name=table["name"],
        label=table.get("label", table["name"]),
        article_pattern=_compile(config, index, "article_pattern", table["article_pattern"]),
        follow_pattern=_compile(config, index, "follow_pattern", follow) if follow else None,
        allowed_domains=tuple(d.lower() for d in domains),
        selectors=_selectors(config, index, table),
        recrawl_days=_recrawl_days(config, index, table),
        **urls,
    )


def load_sources(path: str | Path = DEFAULT_SOURCES) -> list[Source]:
    """Read and validate the sources file; disabled sources (``enabled = false``) are left out."""
    config = ConfigFile(path)
    unknown = sorted(set(config.data) - {"source"})
    if unknown:
        raise config.error(f"top level: unknown key(s) {', '.join(unknown)}; only [[source]] tables belong here")
    tables = config.data.get("source")
    if not isinstance(tables, list) or not tables or not all(isinstance(t, dict) for t in tables):
        raise config.error("needs at least one [[source]] table")
    sources: list[Source] = []
    for index, table in enumerate(tables):
        if not table.get("enabled", True):
            continue
        source = parse_source(config, index, table)
        if source.name in {s.name for s in sources}:
            raise config.error(f"[[source]] #{index + 1}: the name {source.name!r} is used twice", "source", index, "name")
        sources.append(source)
    return sources
