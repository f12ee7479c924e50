"""Extraction on the sample site's article template, and the rules for body, authors and dates one by one."""
from pathlib import Path

import pytest

from crawler.extract import body_paragraphs, clean_author, extract_article, iso_datetime, main_text, parse_html
from crawler.page_metadata import published_date, read_page
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


FIXTURES = Path(__file__).parent / "fixtures" / "extraction"


def test_only_a_paragraph_repeating_the_one_before_it_is_dropped():
    text = "Headline\nFirst paragraph.\nFirst paragraph.\nOpen until 8pm.\nSecond site.\nOpen until 8pm.\n"
    assert body_paragraphs(text, "Headline", None) == ["First paragraph.", "Open until 8pm.", "Second site.", "Open until 8pm."]


def test_the_standfirst_is_kept_as_the_first_paragraph_but_not_shown_again_later():
    assert body_paragraphs("Trusts back the plan.\nMore detail.", None, "Trusts back the plan.") == [
        "Trusts back the plan.", "More detail."]
    assert body_paragraphs("First.\nTrusts back the plan.\nMore.", None, "Trusts back the plan.") == ["First.", "More."]


@pytest.mark.parametrize("line", ["Read more: Ambulance response times at their worst", "Related: New chief executive named",
                                  "See also: What the merger means", "READ MORE » Waiting lists grow",
                                  "This article is reproduced with the permission of the Herald."])
def test_inline_related_links_and_reprint_notices_are_furniture(line):
    assert body_paragraphs(f"Story.\n{line}\nMore story.", None, None) == ["Story.", "More story."]


def test_a_read_more_sentence_inside_a_paragraph_is_story():
    paragraph = "Read more about the plans in the board papers, which set out three options for the two trusts over the next year."
    assert body_paragraphs(paragraph, None, None) == [paragraph]


@pytest.mark.parametrize("bylines, author", [
    (["Email the author", "Ben Clover", "Ben Clover"], "Ben Clover"),
    (["Email the author"], None),
    (["By TOM KRISHER, AP Auto Writer"], "Tom Krisher"),
    (["Analysis by Chris Cillizza"], "Chris Cillizza"),
    (["Jane Smith; MS; RDN"], "Jane Smith"),
    (["Jane Smith, MS, RDN"], "Jane Smith"),
    (["AS"], None),
    (["By Owen Pryce and Sarah Kaye | Health Service Weekly"], "Owen Pryce; Sarah Kaye"),
    (["Health Correspondent"], None),
    (["PA Media"], None),
    (["Words by Megan Lloyd"], "Megan Lloyd"),
    (["Catherine de Souza"], "Catherine de Souza"),
])
def test_bylines_give_names_without_prefixes_titles_outlets_credentials_or_initials(bylines, author):
    assert clean_author(bylines) == author


@pytest.mark.parametrize("head, published", [
    ('<meta itemprop="datePublished" content="2024-05-07T09:30:00+01:00">', "2024-05-07T09:30:00+01:00"),
    ('<meta name="parsely-pub-date" content="2024-05-07T08:30:00Z">', "2024-05-07T08:30:00+00:00"),
    ("""<meta name="parsely-page" content='{"title": "x", "pub_date": "2024-05-07T08:30:00Z"}'>""", "2024-05-07T08:30:00+00:00"),
    ('<meta property="article:published_time" content="2024-05-07"><meta name="parsely-pub-date" content="2024-05-07T08:30:00Z">',
     "2024-05-07T08:30:00+00:00"),  # the time of the same day, from another source
])
def test_the_publication_time_is_kept_from_any_usual_metadata_source(head, published):
    assert published_date(read_page(parse_html(f"<html><head>{head}</head><body><p>x</p></body></html>"))) == published


def test_the_published_time_element_is_preferred_over_other_dates_on_the_page():
    html = ('<html><body><header><time datetime="2024-04-30">today</time></header><article>'
            '<time class="updated" datetime="2024-04-26T08:00:00+01:00">u</time>'
            '<time class="published" datetime="2024-04-25T18:20:00+01:00">p</time></article></body></html>')
    assert published_date(read_page(parse_html(html))) == "2024-04-25T18:20:00+01:00"


def test_a_much_fuller_default_reading_replaces_a_precision_reading_that_kept_only_a_notice():
    html = (FIXTURES / "reprint_notice_layout_sidebar.html").read_text(encoding="utf-8")
    assert main_text(html, "https://example.org/a", {}).count("Kingsmead Hospitals NHS Trust") == 1


def test_a_default_reading_that_adds_only_comments_does_not_replace_the_precision_reading():
    html = (FIXTURES / "wordpress_local_paper.html").read_text(encoding="utf-8")
    text = main_text(html, "https://example.org/a", {})
    assert "Leaders of three hospital trusts" in text and "Bring back the cottage hospital" not in text


def test_a_much_longer_json_ld_article_body_replaces_the_page_text():
    ld = {"articleBody": "Line one of the story is here.\n" * 40}
    html = "<html><body><article><p>Please enable JavaScript to read this article.</p></article></body></html>"
    assert main_text(html, "https://example.org/a", ld) == ld["articleBody"].strip()


def test_dates_are_normalised_to_iso_8601():
    assert iso_datetime("2017-06-14T07:00:00Z") == "2017-06-14T07:00:00+00:00"
    assert iso_datetime("2017-06-14 07:00") == "2017-06-14T07:00:00+00:00"
    assert iso_datetime("2017-06-14T07:00:00+0100") == "2017-06-14T07:00:00+01:00"
    assert iso_datetime("2017-06-14") == "2017-06-14"
    assert iso_datetime("June 2017") is None
