"""What a policy lead does in a browser: Debian's Chromium, driven by Playwright, against `tracker serve` on 127.0.0.1.

Screenshots of each step are saved in ``test-artifacts/`` at the top of the checkout.
"""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.publication_fixture import write_stakeholder_database
from tests.servers import tracker_server

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
# Without these, Chromium keeps trying to reach Google's services, which this closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="module")
def sample_server(analysed_db):
    with tracker_server(analysed_db) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def stakeholder_server(tmp_path_factory):
    """The small hand-made database: a change of side, a date-only article, hostile HTML."""
    with tracker_server(write_stakeholder_database(tmp_path_factory.mktemp("browser") / "stakeholders.db")) as base_url:
        yield base_url


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_search_for_merger_lists_the_merger_articles_with_highlights(page, sample_server):
    page.goto(f"{sample_server}/tracker/search")
    page.fill("input[name=q]", "merger")
    page.click("input[type=submit]")
    results = page.locator("table.rows-and-columns")
    expect(results).to_contain_text("GP alliance to bid for MCP contract as alternative to STP plan")
    expect(results.locator("td.col-snippet b").first).to_have_text(re.compile(r"^merger", re.IGNORECASE))  # stemmed
    screenshot(page, "search-merger")


def test_an_organisation_page_shows_its_stance_table_and_chart(page, sample_server):
    page.goto(f"{sample_server}/tracker/organisations?_search=&acronym=UHNM")
    page.locator("table.rows-and-columns td.col-id a").first.click()
    expect(page.locator("h1")).to_have_text("University Hospitals of North Midlands NHS Trust")
    positions = page.locator("table.positions")
    expect(positions).to_contain_text("mcp")
    expect(positions.locator("td.stance-support").first).to_have_text("support")
    expect(page.locator("svg.stance-chart").first).to_be_visible()
    expect(page.locator("table.quotes")).to_contain_text("supportive of the Northern Staffordshire MCP")
    screenshot(page, "organisation-uhnm")


def test_the_positions_page_charts_a_topic(page, sample_server):
    page.goto(f"{sample_server}/tracker/positions?topic=mcp")
    expect(page.locator("svg.stance-chart")).to_be_visible()
    expect(page.locator("svg.stance-chart rect.bar-support").first).to_be_visible()
    expect(page.locator("table.rows-and-columns")).to_contain_text("University Hospitals of North Midlands NHS Trust")
    screenshot(page, "positions-mcp")


def test_a_script_in_an_article_never_runs(page, stakeholder_server):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("/tracker/articles/3", "/tracker/people/1", "/tracker/search?q=statement", "/", "/topics/mcp",
                 "/search?q=statement"):
        page.goto(stakeholder_server + path)
        expect(page.locator("body")).to_contain_text("alert(")
        page.mouse.move(200, 300)  # hover handlers, had any been injected, would fire now
    screenshot(page, "escaped-script")
    assert dialogs == []


def test_from_the_front_page_who_opposes_why_and_the_article_in_two_clicks(page, stakeholder_server):
    page.goto(stakeholder_server + "/")
    page.get_by_role("link", name="Merger of NHS organisations").first.click()
    opposes = page.locator("section.side-oppose")
    expect(opposes.locator("h2")).to_have_text("Opposes (2)")
    first = opposes.locator("tbody tr").first
    expect(first.locator("td.stakeholder")).to_have_text("Leeds Teaching Hospitals NHS Trust")
    expect(first.locator("td.evidence")).to_contain_text("The trust now opposes the merger.")
    expect(first.locator("td.evidence .why")).to_have_text("read from “opposes” · subject of the cue · 90% sure")
    expect(first.locator("a.publisher-link")).to_have_attribute("href", "https://news.example/2")
    screenshot(page, "debate-merger")
    first.locator("a.tracker-link").click()
    expect(page.locator("h1")).to_have_text("Trust turns against merger")
    expect(page.locator("mark.evidence-oppose").first).to_be_visible()
    expect(page.locator("aside.article-findings")).to_contain_text("opposes")
    screenshot(page, "article-page")


def test_the_debate_form_lists_topics_and_sides_from_the_data(page, stakeholder_server):
    page.goto(stakeholder_server + "/topics/merger")
    page.select_option("select[name=topic]", "mcp")
    page.select_option("select[name=side]", "support")
    page.click("form.topic-choice input[type=submit]")
    expect(page.locator("h1")).to_have_text("Multispecialty community provider (MCP)")
    expect(page.locator("section.side-group")).to_have_count(1)
    expect(page.locator("section.side-support tbody tr")).to_contain_text("Leeds City Council")


def test_an_empty_search_shows_the_form_and_the_newest_items(page, stakeholder_server):
    page.goto(stakeholder_server + "/")
    page.click("form.tracker-search input[type=submit]")
    expect(page.locator("input[name=q]")).to_be_visible()
    expect(page.locator("body")).to_contain_text("the newest articles and quotes")
    expect(page.locator("ul.search-articles")).to_contain_text("Council backs the MCP")
    page.fill("input[name=q]", "leeds")
    page.click("form.tracker-search input[type=submit]")
    expect(page.locator("ul.search-organisations li").first).to_contain_text("Leeds Teaching Hospitals NHS Trust")
    for path in ("/tracker/search?q=", '/tracker/search?q="', "/tracker/quote_search?q="):
        assert page.goto(stakeholder_server + path).status == 200
        expect(page.locator(".message-error")).to_have_count(0)
    screenshot(page, "search-empty")


def test_a_date_only_article_appears_in_the_feed(page, stakeholder_server):
    response = page.goto(stakeholder_server + "/tracker/stance_feed.atom?topic=mcp&stakeholder=")
    assert response.status == 200
    assert "<updated>2024-04-02T00:00:00+00:00</updated>" in response.text()


@pytest.mark.parametrize("path", ["/", "/topics/merger", "/tracker/articles/4", "/search?q=leeds", "/tracker/organisations/1",
                                  "/tracker/people/1"])
def test_every_page_reads_on_a_phone_without_sideways_scrolling(phone, stakeholder_server, path):
    phone.goto(stakeholder_server + path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    expect(phone.locator("h1").first).to_be_visible()
    screenshot(phone, "phone" + path.replace("/", "-").replace("?", "-").replace("=", "-"))
