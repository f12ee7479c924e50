"""Load the sample site's articles: texts from ``articles/`` and metadata from ``articles.toml``."""
import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from db.tomlfile import read_toml

HERE = Path(__file__).parent
FIRST_ARTICLE_NUMBER = 1001


@dataclass(frozen=True)
class SampleArticle:
    """One article of the sample site."""

    number: int
    slug: str
    headline: str
    standfirst: str
    published: str
    modified: str | None
    author: str
    section: str
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        """The article's URL path on the site."""
        return f"/news/{self.number}-{self.slug}"


def load_articles(directory: Path = HERE) -> list[SampleArticle]:
    """The sample articles, newest first, numbered in the order of the metadata file."""
    entries = read_toml(directory / "articles.toml")["article"]
    articles = []
    for offset, entry in enumerate(entries):
        text = (directory / "articles" / entry["file"]).read_text(encoding="utf-8")
        articles.append(
            SampleArticle(
                number=FIRST_ARTICLE_NUMBER + offset,
                slug=entry["slug"],
                headline=entry["headline"],
                standfirst=entry["standfirst"],
                published=entry["published"],
                modified=entry.get("modified"),
                author=entry["author"],
                section=entry["section"],
                tags=tuple(entry.get("tags", [])),
                paragraphs=tuple(line.strip() for line in text.splitlines() if line.strip()),
            )
        )
    return sorted(articles, key=lambda a: a.published, reverse=True)


def generated_articles(count: int) -> list[SampleArticle]:
    """``count`` articles made from the seed articles, one hour apart, newest first."""
    seeds = load_articles()
    newest = datetime(2025, 6, 30, 9, tzinfo=timezone.utc)
    return [
        dataclasses.replace(
            seeds[index % len(seeds)], number=1001 + index, slug=f"{seeds[index % len(seeds)].slug}-{index}",
            headline=f"{seeds[index % len(seeds)].headline} ({index})", modified=None,
            published=(newest - timedelta(hours=index)).isoformat())
        for index in range(count)
    ]
