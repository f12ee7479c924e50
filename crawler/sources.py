"""The sources file: which news sites to crawl and how to recognise their articles."""
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tracker.tomlfile import ConfigError, check_keys, read_toml

DEFAULT_SOURCES = Path(__file__).with_name("sources.toml")

REQUIRED_KEYS = {"name", "article_pattern"}
OPTIONAL_KEYS = {"label", "start_urls", "feeds", "sitemaps", "follow_pattern", "allowed_domains", "enabled", "notes"}


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


def _compile(path: Path, where: str, key: str, pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise ConfigError(f"{path}: {where}: {key} is not a valid regular expression: {error}") from error


def _url_list(path: Path, where: str, table: dict, key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(u, str) and u.startswith(("http://", "https://")) for u in value):
        raise ConfigError(f"{path}: {where}: {key} must be a list of http(s) URLs")
    return tuple(value)


def parse_source(path: Path, index: int, table: dict) -> Source:
    """Validate one ``[[source]]`` table and build a Source from it."""
    where = f"[[source]] #{index + 1} ({table.get('name', 'unnamed')})"
    check_keys(path, table, REQUIRED_KEYS | OPTIONAL_KEYS, REQUIRED_KEYS, where)
    urls = {key: _url_list(path, where, table, key) for key in ("start_urls", "feeds", "sitemaps")}
    if not any(urls.values()):
        raise ConfigError(f"{path}: {where}: needs at least one of start_urls, feeds, sitemaps")
    domains = table.get("allowed_domains") or sorted(
        {urlsplit(u).hostname for group in urls.values() for u in group if urlsplit(u).hostname}
    )
    follow = table.get("follow_pattern")
    return Source(
        name=table["name"],
        label=table.get("label", table["name"]),
        article_pattern=_compile(path, where, "article_pattern", table["article_pattern"]),
        follow_pattern=_compile(path, where, "follow_pattern", follow) if follow else None,
        allowed_domains=tuple(d.lower() for d in domains),
        **urls,
    )


def load_sources(path: str | Path = DEFAULT_SOURCES) -> list[Source]:
    """Read and validate the sources file; disabled sources (``enabled = false``) are left out."""
    path = Path(path)
    data = read_toml(path)
    check_keys(path, data, {"source"}, {"source"}, "top level")
    tables = data["source"]
    if not isinstance(tables, list):
        raise ConfigError(f"{path}: 'source' must be an array of tables ([[source]])")
    sources = [parse_source(path, i, t) for i, t in enumerate(tables) if t.get("enabled", True)]
    names = [s.name for s in sources]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise ConfigError(f"{path}: source name(s) used twice: {', '.join(duplicated)}")
    return sources
