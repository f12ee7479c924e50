"""Serve the sample site on loopback: ``python -m crawler.sample_site.server --port 8765``."""
import argparse
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from crawler.sample_site import pages
from crawler.sample_site.content import load_articles

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"


def route(path_and_query: str, base_url: str, articles, crawl_delay: float | None = None,
          redesigned: bool = False) -> tuple[int, str, str]:
    """Answer one request path: (status, content type, body)."""
    parts = urlsplit(path_and_query)
    path = parts.path.rstrip("/") or "/"
    if path in ("/", "/news"):
        page = parse_qs(parts.query).get("page", ["1"])[0]
        html = pages.listing_page(articles, int(page)) if page.isdigit() else None
        return (200, HTML, html) if html else (404, HTML, "<h1>Not found</h1>")
    if path == "/feed.rss":
        return 200, "application/rss+xml; charset=utf-8", pages.rss_feed(articles, base_url)
    if path == "/feed.atom":
        return 200, "application/atom+xml; charset=utf-8", pages.atom_feed(articles, base_url)
    if path == "/sitemap.xml":
        return 200, XML, pages.sitemap_index(base_url)
    if path == "/sitemap-news.xml":
        return 200, XML, pages.news_sitemap(articles, base_url)
    if path == "/robots.txt":
        return 200, "text/plain; charset=utf-8", pages.robots_txt(base_url, crawl_delay)
    for article in articles:
        if path == article.path:
            return 200, HTML, pages.article_page(article, articles, redesigned)
    return 404, HTML, "<h1>Not found</h1>"


class SampleSite:
    """The sample site served on 127.0.0.1 from a background thread; use as a context manager."""

    def __init__(self, port: int = 0, articles: list | None = None, article_delay: float = 0.0,
                 crawl_delay: float | None = None, redesigned: bool = False):
        """``article_delay`` seconds pass before each article page is answered, as on a slow server;
        ``crawl_delay`` is announced in robots.txt; ``redesigned`` article pages lack their metadata."""
        self.port = port
        self.redesigned = redesigned
        self.crawl_delay = crawl_delay
        self.request_times: list[float] = []
        self.articles = articles if articles is not None else load_articles()
        self.article_delay = article_delay
        self._server: ThreadingHTTPServer | None = None
        self.requests: list[str] = []
        self.not_modified: list[str] = []  # article paths answered 304 to a conditional request
        self.user_agents: set[str] = set()

    @property
    def base_url(self) -> str:
        """The site's root URL, e.g. ``http://127.0.0.1:8765``."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "SampleSite":
        """Bind the port and serve in a daemon thread."""
        site, articles = self, self.articles

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                site.requests.append(self.path)
                site.request_times.append(time.monotonic())
                site.user_agents.add(self.headers.get("User-Agent", ""))
                if site.article_delay and self.path.startswith("/news/"):
                    time.sleep(site.article_delay)
                status, content_type, body = route(self.path, site.base_url, articles, site.crawl_delay, site.redesigned)
                data = body.encode("utf-8")
                etag = f'"{hashlib.sha1(data).hexdigest()}"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    site.not_modified.append(self.path)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "SampleSite":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main() -> None:
    """Serve the sample site until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    with SampleSite(args.port) as site:
        print(f"Sample site at {site.base_url}/news (Ctrl-C to stop)", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
