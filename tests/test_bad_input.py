"""Bad input never crashes a stage: property-based tests through extraction, validation and NLP.

Hypothesis generates malformed HTML, binary bodies, unbalanced quotation marks, empty and
non-English text. Each example either comes out as a result or as a recorded failure with a
reason; none raises. Example counts are bounded so the suite stays quick.
"""
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy.http import HtmlResponse
from spacy.language import Language

from crawler.extract import extract_article
from crawler.items import ArticleItem, CrawlErrorItem
from crawler.pipelines import ValidatePipeline
from db.connect import open_db
from db.crawl_store import FetchedPage, save_article
from nlp.analysis import Analyser
from nlp.pipeline import build_pipeline
from nlp.run import MAX_ANALYSED_CHARS, AnalyseCounts, analyse_articles, with_standfirst
from nlp.topics import load_topics

URL = "https://news.example/news/1-a-story"
# HYPOTHESIS_EXAMPLES=1000 explores further than the suite's default.
BOUNDED = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "60")), deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])

words = st.sampled_from(["trust", "merger", "MCP", "Stoke", "said", "the", "board", "opposes", "Ms Clark", "Größe",
                         "医院", "سلام", "NHS", "“", "”", '"', "'", "‘", "’", "&amp;", "&#0;", "\x00", "\u202e"])
text = st.lists(st.one_of(words, st.text(max_size=12)), max_size=60).map(" ".join)
open_tags = st.sampled_from(["<p>", "<div class='article-body'>", "<article>", "<h1>", "<script>", "<nav>", "<table><tr><td>",
                             "<!--", "<![CDATA[", "<meta property='og:title' content='", "<a href='/news/2-x'>",
                             '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "',
                             "<html lang='de'>", "<?xml version='1.0'?>", "<body"])
close_tags = st.sampled_from(["</p>", "</div>", "</article>", "</h1>", "</script>", "-->", "]]>", "'>", "</a>", "</html>", ""])
malformed_html = st.lists(st.one_of(open_tags, close_tags, text), max_size=80).map("".join)


def check_extracted(html: str | bytes) -> None:
    """Extraction gives an article whose fields hold together, and validation passes it on or names the fault."""
    article = extract_article(html, URL)
    assert article.word_count == len(article.body.split())
    assert article.canonical_url.startswith("http")
    item = ArticleItem("test", URL, 200, html if isinstance(html, bytes) else html.encode("utf-8", "replace"),
                       "text/html", None, None, article)
    outcome = ValidatePipeline(min_words=40).process_item(item)
    assert outcome is item or (isinstance(outcome, CrawlErrorItem) and outcome.reason)


@BOUNDED
@given(malformed_html)
def test_malformed_html_is_extracted_or_refused_with_a_reason(html):
    check_extracted(html)


@BOUNDED
@given(st.binary(max_size=5000), st.sampled_from(["text/html", "text/html; charset=windows-1252", "text/html; charset=bogus"]))
def test_binary_bodies_in_any_declared_charset_never_crash_extraction(body, content_type):
    response = HtmlResponse(URL, body=body, headers={"Content-Type": content_type})
    check_extracted(response.text)


def test_a_huge_page_is_extracted():
    sentences = "The trust board backed the merger of the two hospitals. " * 20
    paragraphs = "".join(f"<p>{number}. {sentences}</p>" for number in range(3000))
    html = f"<html><body><article><h1>Big</h1>{paragraphs}</article></body></html>"  # about 3.5 MB
    article = extract_article(html, URL)
    assert article.title == "Big" and article.word_count > 100_000


@pytest.fixture(scope="module")
def analyser(registry):
    return Analyser(registry, load_topics())


@BOUNDED
@given(text)
def test_any_text_goes_through_the_nlp_pipeline(nlp, analyser, article):
    (analysis,) = analyser.analyse_texts(nlp, [article])
    for quote in analysis.quotes:  # quotes are stored with their spacing tidied
        assert quote.text and " ".join(quote.text.split()) in " ".join(article.split())
    assert {stance.stance for stance in analysis.stances} <= {"support", "oppose", "neutral"}


@pytest.mark.parametrize("article", [
    "",
    "   \n\n  ",
    '"The merger is wrong," said Ms Clark. "It will harm patients, and',  # a quote never closed
    "“We back the MCP,” said Dr Jones. ” Stray closing mark. “ And an opening one",
    "Die Fusion der Krankenhäuser wurde vom Vorstand abgelehnt, sagte die Geschäftsführerin.",
    "医院合并计划遭到反对。",
    "\x00\x01\x02 control characters \u202e reversed",
])
def test_edge_case_texts_are_analysed_without_error(nlp, analyser, article):
    (analysis,) = analyser.analyse_texts(nlp, [article])
    assert all(" ".join(quote.text.split()) in " ".join(article.split()) for quote in analysis.quotes)


@pytest.fixture
def store(tmp_path):
    db = open_db(tmp_path / "t.db")
    yield db
    db.close()


def add_article(db, number: int, body: str, lead: str | None = None) -> int:
    page = FetchedPage(url=f"https://news.example/news/{number}", source="test", status=200, html=b"<html></html>")
    row = {"url": page.url, "canonical_url": page.url, "source": "test", "title": f"Story {number}", "body": body,
           "lead": lead, "word_count": len(body.split()), "paywalled": 0, "extractor_version": "test"}
    save_article(db, page, row)
    return db.execute("SELECT id FROM articles WHERE url = ?", [page.url]).fetchone()[0]


SENTENCE = "Paula Clark, chief executive of University Hospitals of North Midlands NHS Trust, said the merger would help. "


def test_a_huge_article_is_analysed_cut_to_length_and_the_cut_recorded(store, registry, nlp):
    article_id = add_article(store, 1, SENTENCE * (3 * MAX_ANALYSED_CHARS // len(SENTENCE)))
    counts = AnalyseCounts()
    analyse_articles(store, [article_id], registry, load_topics(), counts, nlp=nlp)
    assert counts.analysed == 1 and counts.truncated == 1
    note = store["analyses"].get(article_id)["note"]
    assert note.startswith("text cut from ") and note.endswith(f"to {MAX_ANALYSED_CHARS:,} characters")
    assert store.execute("SELECT count(*) FROM mentions WHERE article_id = ?", [article_id]).fetchone()[0] > 0


def test_the_standfirst_is_analysed_unless_the_body_already_holds_it():
    assert with_standfirst("Unite opposes the merger.", "The board met.") == "Unite opposes the merger.\n\nThe board met."
    assert with_standfirst("Unite opposes the merger.", "Unite opposes  the merger.\n\nThe board met.") == (
        "Unite opposes  the merger.\n\nThe board met.")
    assert with_standfirst("Unite opposes the merger of the two…", "Unite opposes the merger of the two trusts.") == (
        "Unite opposes the merger of the two trusts.")
    assert with_standfirst("", "The board met.") == "The board met."


def test_a_stakeholder_named_only_in_the_standfirst_is_found(store, registry, nlp):
    article_id = add_article(store, 1, "The board met on Tuesday to discuss the plans.", lead=SENTENCE)
    analyse_articles(store, [article_id], registry, load_topics(), AnalyseCounts(), nlp=nlp)
    names = {row[0] for row in store.execute(
        "SELECT people.name FROM mentions JOIN people ON people.id = mentions.person_id WHERE article_id = ?", [article_id])}
    assert "Paula Clark" in names


@Language.component("test_fail_on_marker")
def fail_on_marker(doc):
    """Break on one marked text, as a pipeline bug on a strange article would."""
    if "EXPLODE" in doc.text:
        raise ValueError("cannot handle this text")
    return doc


def test_an_article_that_breaks_the_pipeline_fails_alone_with_its_reason(store, registry):
    good = add_article(store, 1, SENTENCE * 3)
    bad = add_article(store, 2, SENTENCE + "EXPLODE")
    analyse_articles(store, [good, bad], registry, load_topics(), AnalyseCounts())  # a first, working analysis
    breaking = build_pipeline(registry)
    breaking.add_pipe("test_fail_on_marker", first=True)
    counts = AnalyseCounts()

    analyse_articles(store, [good, bad], registry, load_topics(), counts, nlp=breaking)

    assert (counts.analysed, counts.failed) == (1, 1)
    assert store["analyses"].get(bad)["note"] == "failed: ValueError: cannot handle this text"
    assert store["analyses"].get(good)["note"] is None
    kept = store.execute("SELECT count(*) FROM mentions WHERE article_id = ?", [bad]).fetchone()[0]
    assert kept > 0  # the earlier results of the failed article are kept
