"""Render the sample site's pages: pure functions from articles to HTML and XML text.

The markup imitates a trade-press site on purpose: navigation, a cookie banner, a
"most read" sidebar, share buttons, related stories and a footer surround each article,
so the extractor has the boilerplate a real site has to cut away.
"""
import json
import re
from datetime import datetime
from email.utils import format_datetime
from html import escape

from crawler.sample_site.content import SampleArticle

SITE_NAME = "Health Policy Journal"
PAGE_SIZE = 2


def _frame(title: str, main: str, sidebar: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{escape(title)} | {SITE_NAME}</title>
<link rel="alternate" type="application/rss+xml" href="/feed.rss" title="Latest news">
</head>
<body>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience.
 <button>Accept all cookies</button> <a href="/cookies">Manage cookie settings</a></div>
<header class="site-header"><a class="logo" href="/">{SITE_NAME}</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/news?section=primary-care">Primary care</a></li>
<li><a href="/news?section=commissioning">Commissioning</a></li><li><a href="/about">About us</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main>{main}</main>
<aside class="sidebar">{sidebar}</aside>
<footer class="site-footer"><p>&copy; {SITE_NAME}. All rights reserved.</p>
<ul><li><a href="/about">About</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body>
</html>
"""


def _most_read(articles: list[SampleArticle]) -> str:
    items = "".join(f'<li><a href="{a.path}">{escape(a.headline)}</a></li>' for a in articles[:4])
    return f'<div class="most-read"><h3>Most read</h3><ol>{items}</ol></div>'


def _long_date(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%-d %B %Y")


def article_page(article: SampleArticle, all_articles: list[SampleArticle], redesigned: bool = False) -> str:
    """The HTML page of one article, with JSON-LD ``NewsArticle`` metadata; ``redesigned`` pages
    lose the JSON-LD and the byline, as after a site redesign that breaks extraction."""
    json_ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.standfirst,
        "datePublished": article.published,
        "dateModified": article.modified or article.published,
        "author": [{"@type": "Person", "name": article.author}],
        "publisher": {"@type": "Organization", "name": SITE_NAME},
        "articleSection": article.section,
        "keywords": ", ".join(article.tags),
        "mainEntityOfPage": article.path,
    }
    body = "\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    related = "".join(
        f'<li><a href="{a.path}">{escape(a.headline)}</a></li>' for a in all_articles if a is not article
    )[:2000]
    main = f"""<script type="application/ld+json">{json.dumps(json_ld)}</script>
<article class="story">
<p class="section-label">{escape(article.section)}</p>
<h1 class="headline">{escape(article.headline)}</h1>
<p class="standfirst">{escape(article.standfirst)}</p>
<div class="byline">By <a class="author" href="/authors/{article.author.lower().replace(' ', '-')}">{escape(article.author)}</a>
 <a class="email-author" href="mailto:newsdesk@example.org">Email the author</a>
 <time datetime="{article.published}">{_long_date(article.published)}</time></div>
<div class="share"><a href="#">Share on X</a> <a href="#">Share on LinkedIn</a> <a href="#">Email this story</a></div>
<div class="article-body">
{body}
</div>
<div class="tags">{" ".join(f'<a href="/tags/{escape(t)}">{escape(t)}</a>' for t in article.tags)}</div>
</article>
<section class="related"><h3>Related stories</h3><ul>{related}</ul></section>
<section class="comments"><h3>Comments</h3><p>Only subscribers can comment on this story.</p></section>"""
    if redesigned:
        main = re.sub(r'<script type="application/ld\+json">.*?</script>|<div class="byline">.*?</div>', "", main, flags=re.S)
    head_extra = f'<link rel="canonical" href="{article.path}">'
    page = _frame(article.headline, main, _most_read(all_articles))
    return page.replace("</head>", f"{head_extra}\n</head>", 1)


def listing_page(articles: list[SampleArticle], page: int) -> str | None:
    """Page ``page`` (from 1) of the news listing, or None when there is no such page."""
    pages = max(1, -(-len(articles) // PAGE_SIZE))
    if not 1 <= page <= pages:
        return None
    shown = articles[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    items = "".join(
        f'<li class="teaser"><h2><a href="{a.path}">{escape(a.headline)}</a></h2>'
        f"<p>{escape(a.standfirst)}</p><time>{_long_date(a.published)}</time></li>"
        for a in shown
    )
    nav = []
    if page > 1:
        nav.append(f'<a rel="prev" href="/news?page={page - 1}">Previous</a>')
    if page < pages:
        nav.append(f'<a rel="next" href="/news?page={page + 1}">Next</a>')
    main = f'<h1>Latest news</h1><ul class="teasers">{items}</ul><nav class="pagination">{" ".join(nav)}</nav>'
    return _frame("Latest news", main, _most_read(articles))


def rss_feed(articles: list[SampleArticle], base_url: str) -> str:
    """An RSS 2.0 feed of the newest articles."""
    items = "".join(
        f"<item><title>{escape(a.headline)}</title><link>{base_url}{a.path}</link>"
        f"<guid>{base_url}{a.path}</guid>"
        f"<pubDate>{format_datetime(datetime.fromisoformat(a.published))}</pubDate>"
        f"<description>{escape(a.standfirst)}</description></item>"
        for a in articles[:3]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{SITE_NAME}</title><link>{base_url}/news</link><description>Latest news</description>"
        f"{items}</channel></rss>\n"
    )


def atom_feed(articles: list[SampleArticle], base_url: str) -> str:
    """An Atom feed of the newest articles (each entry with an alternate and a self-less link)."""
    entries = "".join(
        f"<entry><title>{escape(a.headline)}</title><id>{base_url}{a.path}</id>"
        f'<link rel="alternate" type="text/html" href="{base_url}{a.path}"/>'
        f'<link rel="related" href="{base_url}/news"/>'
        f"<updated>{a.modified or a.published}</updated><summary>{escape(a.standfirst)}</summary></entry>"
        for a in articles[:3]
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{SITE_NAME}</title><id>{base_url}/</id><updated>{articles[0].published if articles else ''}</updated>"
        f"{entries}</feed>\n"
    )


def sitemap_index(base_url: str) -> str:
    """A sitemap index pointing at the news sitemap."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base_url}/sitemap-news.xml</loc></sitemap></sitemapindex>\n"
    )


def news_sitemap(articles: list[SampleArticle], base_url: str) -> str:
    """A Google News sitemap of every article."""
    urls = "".join(
        f"<url><loc>{base_url}{a.path}</loc><lastmod>{a.modified or a.published}</lastmod>"
        f"<news:news><news:publication><news:name>{SITE_NAME}</news:name><news:language>en</news:language>"
        f"</news:publication><news:publication_date>{a.published}</news:publication_date>"
        f"<news:title>{escape(a.headline)}</news:title></news:news></url>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>\n"
    )


def robots_txt(base_url: str, crawl_delay: float | None = None) -> str:
    """robots.txt: everything allowed but the search pages; the sitemap index announced; a
    Crawl-delay when one is given."""
    delay = f"Crawl-delay: {crawl_delay}\n" if crawl_delay else ""
    return f"User-agent: *\nDisallow: /search\n{delay}Sitemap: {base_url}/sitemap.xml\n"
