"""A news site on 127.0.0.1 whose article pages fail in every way a server can, beside good ones.

Each route is ``/news/<number>-<what>``: the sample site's article pattern, so the crawler
treats every one as an article and has to cope with what it gets.
"""
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawler.sample_site import pages
from crawler.sample_site.content import generated_articles

HUGE_BYTES = 6 * 1024 * 1024  # over the crawler's 5 MB DOWNLOAD_MAXSIZE
SLOW_SECONDS = 4  # over the 2 s DOWNLOAD_TIMEOUT the fault tests set


@dataclass(frozen=True)
class Answer:
    """What one route answers."""

    status: int
    content_type: str
    body: bytes
    delay: float = 0.0
    location: str | None = None
    listed: bool = True  # linked from the listing page


def _good_pages() -> dict[str, bytes]:
    articles = generated_articles(4)
    return {article.path: pages.article_page(article, articles).encode("utf-8") for article in articles}


def fault_routes() -> dict[str, Answer]:
    """Every path of the site and its answer: four good articles (one in windows-1252, one cut
    off mid-page, one with no charset in its Content-Type) and one page per fault."""
    good, cp1252, truncated, no_charset = _good_pages().items()
    html = "text/html; charset=utf-8"
    german = b"<html lang='de'><body><article><h1>Fusion</h1><p>" + b"Die Fusion der Krankenhauser wurde abgelehnt. " * 30 + b"</p></article></body></html>"
    routes = {
        good[0]: Answer(200, html, good[1]),
        cp1252[0]: Answer(200, "text/html; charset=windows-1252", cp1252[1].decode("utf-8").encode("cp1252")),
        truncated[0]: Answer(200, html, truncated[1][: len(truncated[1]) * 2 // 3]),
        no_charset[0]: Answer(200, "text/html", no_charset[1]),
        "/news/2001-missing": Answer(404, html, b"<h1>Not found</h1>"),
        "/news/2002-gone": Answer(410, html, b"<h1>Gone</h1>"),
        "/news/2003-server-error": Answer(500, html, b"<h1>Internal error</h1>"),
        "/news/2004-slow": Answer(200, html, good[1], delay=SLOW_SECONDS),
        "/news/2005-huge": Answer(200, html, b"<html><body><p>" + b"x" * HUGE_BYTES + b"</p></body></html>"),
        "/news/2006-pdf": Answer(200, "application/pdf", b"%PDF-1.4 not a web page"),
        "/news/2007-empty": Answer(200, html, b""),
        "/news/2008-tiny": Answer(200, html, b"<html><body><article><p>Coming soon.</p></article></body></html>"),
        "/news/2009-german": Answer(200, html, german),
        "/news/2010-malformed": Answer(200, html, b"<html><body><<<p>>> </div></div><article><p>half a tag <b"),
        "/news/2011-loop": Answer(302, html, b"", location="/news/2012-loop-back"),
        "/news/2012-loop-back": Answer(302, html, b"", location="/news/2011-loop", listed=False),
        "/news/2013-moved": Answer(301, html, b"", location=good[0]),  # a redirect to a good article
    }
    listing = "".join(f'<a href="{path}">{path}</a>' for path, answer in routes.items() if answer.listed)
    routes["/news"] = Answer(200, html, f"<html><body>{listing}</body></html>".encode())
    routes["/robots.txt"] = Answer(200, "text/plain", b"User-agent: *\nDisallow:\n")
    return routes


class FaultSite:
    """The fault site (or other ``routes``) served from a background thread; use as a context manager."""

    def __init__(self, routes: dict[str, Answer] | None = None):
        self.routes = fault_routes() if routes is None else routes
        self.requests: list[str] = []
        self._server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        """The site's root URL."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> "FaultSite":
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                site.requests.append(self.path)
                answer = site.routes.get(self.path, Answer(404, "text/html", b"<h1>Not found</h1>"))
                time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    if answer.location:
                        self.send_header("Location", answer.location)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the crawler gave up on this page, as it should

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
