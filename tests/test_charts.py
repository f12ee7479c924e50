"""The stance charts: inline SVG, gaps filled, labels escaped."""
import re
import xml.etree.ElementTree as ElementTree

import pytest

from db.charts import MonthCounts, fill_gaps, months_between, stance_chart, time_axis

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg: str) -> dict[str, list[float]]:
    """The heights of the bars of each side, in drawing order."""
    root = ElementTree.fromstring(svg)
    heights: dict[str, list[float]] = {}
    for rect in root.iter(f"{SVG}rect"):
        side = rect.get("class", "")
        if side.startswith("bar-"):
            heights.setdefault(side[4:], []).append(float(rect.get("height")))
    return heights


def test_months_run_across_the_turn_of_the_year():
    assert months_between("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]


def test_missing_months_become_empty_bars():
    filled = fill_gaps([MonthCounts("2024-03", support=1), MonthCounts("2024-01", oppose=2)])
    assert [(m.month, m.total()) for m in filled] == [("2024-01", 2), ("2024-02", 0), ("2024-03", 1)]


def test_bars_are_stacked_in_proportion_to_the_counts():
    heights = bars(stance_chart([MonthCounts("2024-01", support=4, oppose=2), MonthCounts("2024-02", neutral=1)], "Merger"))
    assert set(heights) == {"support", "oppose", "neutral"}
    support, oppose, neutral = heights["support"][0], heights["oppose"][0], heights["neutral"][0]
    assert support == pytest.approx(2 * oppose, abs=0.2) and support == pytest.approx(4 * neutral, abs=0.2)


def test_every_bar_says_what_it_counts():
    svg = stance_chart([MonthCounts("2024-01", support=3)], "MCP")
    assert "<title>2024-01: 3 support</title>" in svg


def test_labels_cannot_inject_markup():
    svg = stance_chart([MonthCounts("2024-01", support=1)], 'Trust "A" <script>alert(1)</script>')
    ElementTree.fromstring(svg)  # still well-formed XML
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_nothing_to_draw_gives_a_note_instead_of_an_empty_chart():
    note = stance_chart([], "merger <b>")
    assert note.startswith("<p") and "No stances on merger &lt;b&gt; yet." in note
    assert not re.search(r"<svg", note)


def test_one_month_is_one_narrow_bar_on_a_year_long_axis():
    svg = stance_chart([MonthCounts("2024-03", support=2)], "Merger")
    root = ElementTree.fromstring(svg)
    drawn = [rect for rect in root.iter(f"{SVG}rect") if rect.get("class", "").startswith("bar-")]
    assert len(drawn) == 1 and float(drawn[0].get("width")) <= 24
    labels = [text.text for text in root.iter(f"{SVG}text")]
    assert "2023-04" in labels  # the axis reaches back a year, empty months included
    assert float(drawn[0].get("x")) > 500  # March 2024 is the last month, at the right


def test_the_axis_keeps_every_month_when_there_are_more_than_a_year():
    months = time_axis([MonthCounts("2022-01", oppose=1), MonthCounts("2024-06", support=1)])
    assert len(months) == 30 and months[0].month == "2022-01" and months[-1].month == "2024-06"
