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


@pytest.fixture(scope="module")
def sample_server(analysed_db):
    with tracker_server(analysed_db) as base_url:
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


def test_a_script_in_an_article_never_runs(page, tmp_path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with tracker_server(write_stakeholder_database(tmp_path / "hostile.db")) as base_url:
        for path in ("/tracker/articles/3", "/tracker/people/1", "/tracker/search?q=statement"):
            page.goto(base_url + path)
            expect(page.locator("body")).to_contain_text("alert(")
        screenshot(page, "escaped-script")
    assert dialogs == []
