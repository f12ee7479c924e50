"""Extraction on the sample site's article template: every field exact."""
from crawler.extract import body_paragraphs, clean_author, extract_article, iso_datetime
from crawler.sample_site import pages
from crawler.sample_site.content import load_articles

BASE = "http://127.0.0.1:8765"


def test_sample_article_page_yields_its_fields():
    articles = load_articles()
    article = next(a for a in articles if a.number == 1002)
    found = extract_article(pages.article_page(article, articles), BASE + article.path)
    assert found.title == article.headline
    assert found.lead == article.standfirst
    assert found.author == article.author
    assert found.published == article.published
    assert found.updated == article.modified
    assert found.section == article.section
    assert found.tags == ", ".join(article.tags)
    assert found.language == "en"
    assert found.canonical_url == BASE + article.path
    assert found.body.split("\n\n") == list(article.paragraphs)
    assert found.word_count == sum(len(p.split()) for p in article.paragraphs)
    assert found.paywalled is False


def test_repeated_paragraphs_and_the_headline_are_dropped_from_the_body():
    text = "Headline\nFirst paragraph.\nSecond paragraph.\nFirst paragraph.\n"
    assert body_paragraphs(text, "Headline", None) == ["First paragraph.", "Second paragraph."]


def test_email_the_author_is_not_an_author():
    assert clean_author(["Email the author", "Ben Clover", "Ben Clover"]) == "Ben Clover"
    assert clean_author(["Email the author"]) is None


def test_dates_are_normalised_to_iso_8601():
    assert iso_datetime("2017-06-14T07:00:00Z") == "2017-06-14T07:00:00+00:00"
    assert iso_datetime("2017-06-14 07:00") == "2017-06-14T07:00:00+00:00"
    assert iso_datetime("2017-06-14T07:00:00+0100") == "2017-06-14T07:00:00+01:00"
    assert iso_datetime("2017-06-14") == "2017-06-14"
    assert iso_datetime("June 2017") is None
