"""Extraction regression: page templates written for these tests, one per kind of site or failure seen, each extracted exactly."""
import json
import sys
from pathlib import Path

import pytest

from crawler.extract import extract_article

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FIXTURES = Path(__file__).parent / "fixtures" / "extraction"
CASES = tomllib.loads((FIXTURES / "cases.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_each_template_is_extracted_exactly(case):
    html = (FIXTURES / f"{case['name']}.html").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{case['name']}.json").read_text(encoding="utf-8"))
    assert extract_article(html, case["url"], case.get("selectors")).as_row() == expected


def test_the_fixtures_cover_the_four_kinds_of_page():
    expected = {case["name"]: json.loads((FIXTURES / f"{case['name']}.json").read_text(encoding="utf-8")) for case in CASES}
    assert expected["paywalled_teaser"]["paywalled"] == 1 and expected["paywalled_teaser"]["word_count"] < 40
    assert expected["trade_press_jsonld"]["updated"] > expected["trade_press_jsonld"]["published"]
    assert "Correspondent" not in expected["wordpress_local_paper"]["author"]
    for name, row in expected.items():  # no page furniture in any body
        for furniture in ("Share this", "Subscribe", "Related", "thoughts on", "Notes to editors", "Published:", "By Owen"):
            assert furniture not in row["body"], (name, furniture)


def test_the_cases_keep_every_paragraph_and_every_field_a_reader_needs():
    expected = {case["name"]: json.loads((FIXTURES / f"{case['name']}.json").read_text(encoding="utf-8")) for case in CASES}
    council = expected["council_news_description_first"]
    paragraphs = council["body"].split("\n\n")
    assert paragraphs[0] == council["lead"]  # the first paragraph, though the page's description repeats it
    assert paragraphs.count("Saturday 8am to 12 noon.") == 3  # repeated content is content
    assert paragraphs.count('"People have told us for years that they cannot get an appointment outside working hours."') == 1
    assert "ten-year community services contract" in expected["script_rendered_jsonld_body"]["body"]
    assert "Kingsmead Hospitals NHS Trust will take over" in expected["reprint_notice_layout_sidebar"]["body"]
    wire = expected["wire_byline_capitals"]
    assert wire["author"] == "Tom Krisher" and wire["published"] == "2024-11-05T07:45:00+00:00"
    assert not any(label in wire["body"] for label in ("Read more", "Related:", "See also"))
    assert expected["visible_byline_only"]["author"] == "Megan Lloyd"
    assert expected["visible_byline_only"]["published"] == "2024-02-14T12:05:00+00:00"
    assert expected["time_element_and_other_dates"]["published"] == "2024-04-25T18:20:00+01:00"
    for name, row in expected.items():
        assert "reproduced with the permission" not in row["body"] and "Most read" not in row["body"], name


def test_a_selector_override_wins_only_where_it_matches():
    html = (FIXTURES / "press_release.html").read_text(encoding="utf-8")
    url = CASES[2]["url"]
    generic = extract_article(html, url)
    assert generic.section is None
    assert extract_article(html, url, {"section": "nav.nhsuk-breadcrumb li:last-child a::text"}).section == "News"
    assert extract_article(html, url, {"section": "div.no-such-thing::text"}).section is None
    body_only = extract_article(html, url, {"body": "div.nhsuk-grid-column-two-thirds > p:first-child"})
    assert body_only.body.startswith("A new urgent treatment centre") and body_only.word_count == len(body_only.body.split())
