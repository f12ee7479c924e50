"""The pure parts of the publication's pages: what readers type, how stances are explained, how evidence is marked."""
from datetime import date

import pytest

from db.article_page import Mark, highlight, marked_spans, paragraphs
from db.formatting import day, percent, stance_reason, why
from db.sql_functions import atom_time, date_problem, fts_query, since_date, stance_side

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("typed, query", [
    ("", '""'), ("   ", '""'), ('"', '""'), ("merger", '"merger"'), ('NEAR( "Leeds', '"NEAR(" "Leeds"'), ("*", '"*"')])
def test_anything_typed_in_a_search_box_becomes_a_valid_full_text_query(typed, query):
    assert fts_query(typed) == query


@pytest.mark.parametrize("typed, meant", [
    ("", "2026-11-21"), ("today", "2026-11-28"), ("Yesterday", "2026-11-27"), ("3 days ago", "2026-11-25"),
    ("2 weeks ago", "2026-11-14"), ("last week", "2026-11-21"), ("2024-03", "2024-03-01"), ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:00:00+01:00", "2024-03-05"), ("bananas", None), ("2024-13-01", None), ("05/03/2024", None)])
def test_dates_are_read_as_readers_write_them(typed, meant):
    assert since_date(typed, TODAY) == meant


def test_a_date_that_is_not_one_is_explained():
    assert date_problem("2024-03-05") is None and date_problem("") is None
    assert date_problem("bananas").startswith("“bananas” is not a date: give a date such as 2024-03-05")


@pytest.mark.parametrize("stored, timestamp", [
    ("2024-04-02", "2024-04-02T00:00:00+00:00"), ("2024-04-02T09:30:00", "2024-04-02T09:30:00+00:00"),
    ("2024-04-02T09:30:00Z", "2024-04-02T09:30:00+00:00"), ("2024-04-02T09:30:00+01:00", "2024-04-02T09:30:00+01:00"),
    ("last Tuesday", None), ("", None), (None, None)])
def test_any_stored_date_becomes_a_full_atom_timestamp(stored, timestamp):
    assert atom_time(stored) == timestamp


@pytest.mark.parametrize("typed, side", [
    ("", ""), ("all", ""), ("Support", "support"), ("backs", "support"), ("OPPOSES", "oppose"), ("neutral", "neutral"),
    ("maybe", None)])
def test_a_side_is_understood_in_any_case_and_usual_words(typed, side):
    assert stance_side(typed) == side


def test_a_stance_is_explained_by_its_cue_its_link_and_a_rounded_confidence():
    assert stance_reason("backs", "subject of the cue", 0.8500000000000001) == "read from “backs” · subject of the cue · 85% sure"
    assert stance_reason(None, "article's main topic", 0.6) == "article's main topic · 60% sure"
    assert why({"latest_cues": None, "latest_link": "member of the alliance", "latest_confidence": 0.7}) == \
        "member of the alliance · 70% sure"
    assert why({"cues": "opposed", "link": None, "confidence": None}) == "read from “opposed”"
    assert (day("2024-04-02T09:00:00+00:00"), day(None), percent(0.666), percent(None)) == ("2024-04-02", "", "67%", "")


def test_paragraphs_are_lines_with_their_white_space_squeezed():
    assert paragraphs("First  one.\n\n  Second\tone. \n") == ["First one.", "Second one."]


def test_evidence_is_marked_where_it_occurs_and_everything_else_is_escaped():
    text = "The trust <b>backs</b> it. The union opposes the merger. The union opposes the merger."
    marked = highlight(text, [Mark("The union opposes  the merger.", "evidence-oppose", "Unite: oppose")])
    assert str(marked).count('<mark class="evidence-oppose" title="Unite: oppose">') == 2
    assert "&lt;b&gt;backs&lt;/b&gt;" in marked and "<b>" not in marked


def test_overlapping_marks_keep_the_first_and_marks_cannot_inject_markup():
    text = "He said the merger was <script>alert(1)</script> welcome."
    marks = [Mark("the merger was <script>alert(1)</script>", "quote", 'x" onmouseover="alert(2)'), Mark("merger", "evidence", "")]
    assert [(start, end) for start, end, _ in marked_spans(text, marks)] == [(8, 48)]
    marked = str(highlight(text, marks))
    assert "<script>" not in marked and 'onmouseover="alert' not in marked and "&lt;script&gt;" in marked


def test_a_mark_with_no_words_marks_nothing():
    assert str(highlight("Plain text.", [Mark("", "quote", "")])) == "Plain text."
