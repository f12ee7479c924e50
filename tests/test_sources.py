"""The sources file: valid files load; every kind of mistake is named with its file and place."""
import pytest

from crawler.sources import DEFAULT_SOURCES, load_sources
from db.tomlfile import ConfigError

VALID = """
[[source]]
name = "local"
start_urls = ["https://news.example/health"]
feeds = ["https://news.example/feed"]
article_pattern = "/health/\\\\d+"
follow_pattern = "/health(\\\\?page=\\\\d+)?$"
"""


def write(tmp_path, text):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_sources_file_loads():
    assert [s.name for s in load_sources(DEFAULT_SOURCES)] == ["sample"]


def test_a_source_recognises_its_articles_and_listings(tmp_path):
    (source,) = load_sources(write(tmp_path, VALID))
    assert source.allowed_domains == ("news.example",)
    assert source.is_article("https://news.example/health/123")
    assert not source.is_article("https://elsewhere.example/health/123")
    assert source.is_listing("https://news.example/health?page=2")
    assert not source.is_listing("https://news.example/health/123")


def test_invalid_toml_names_the_file_and_line(tmp_path):
    path = write(tmp_path, VALID + "\nname = \n")
    with pytest.raises(ConfigError, match=r"sources\.toml:9: invalid TOML: .*line 9"):
        load_sources(path)


@pytest.mark.parametrize(
    "change, message",
    [
        (("feeds = [", "colour = \"red\"\nfeeds = ["), r":5: \[\[source\]\] #1: unknown key.*colour"),
        (("article_pattern = \"/health/\\\\d+\"", "article_pattern = \"/health/(\""), r":6: .*article_pattern is not a valid regular expression"),
        (("name = \"local\"\n", ""), r":2: .*missing key.*name"),
        (("feeds = [\"https://news.example/feed\"]", "feeds = [\"ftp://x\"]"), r":5: .*feeds must be a list of http"),
        ((VALID, VALID + VALID), r":10: .*the name 'local' is used twice"),
        (("feeds = [", 'selectors = { body = "div..p" }\nfeeds = ['), r":5: .*selectors: body is not a valid CSS selector"),
        (("feeds = [", 'selectors = { colour = "p" }\nfeeds = ['), r":5: .*selectors: unknown field\(s\) colour"),
        (("feeds = [", "recrawl_days = -1\nfeeds = ["), r":5: .*recrawl_days must be a whole number"),
    ],
)
def test_invalid_source_definitions_are_rejected_with_file_line_and_reason(tmp_path, change, message):
    old, new = change
    assert old in VALID
    with pytest.raises(ConfigError, match=r"sources\.toml" + message):
        load_sources(write(tmp_path, VALID.replace(old, new)))


def test_a_source_needs_a_way_in(tmp_path):
    text = VALID.replace('start_urls = ["https://news.example/health"]\n', "").replace('feeds = ["https://news.example/feed"]\n', "")
    with pytest.raises(ConfigError, match="needs at least one of start_urls, feeds, sitemaps"):
        load_sources(write(tmp_path, text))


def test_selectors_and_a_recrawl_window_are_read(tmp_path):
    text = VALID.replace("feeds = [", 'recrawl_days = 3\nselectors = { author = ".byline a::text" }\nfeeds = [')
    (source,) = load_sources(write(tmp_path, text))
    assert source.recrawl_days == 3 and dict(source.selectors) == {"author": ".byline a::text"}


def test_disabled_sources_are_left_out(tmp_path):
    assert load_sources(write(tmp_path, VALID.replace('name = "local"', 'name = "local"\nenabled = false'))) == []


def test_the_real_outlets_are_shipped_disabled_documented_as_untested_and_valid(tmp_path):
    text = DEFAULT_SOURCES.read_text(encoding="utf-8")
    outlets = {"hsj", "pulse", "gponline", "healthcare-leader", "nhs-confederation", "nhs-england", "kings-fund",
               "nuffield-trust", "stoke-sentinel"}
    assert text.count("\nenabled = false") == len(outlets) and "UNTESTED FROM HERE" in text
    enabled = load_sources(write(tmp_path, text.replace("\nenabled = false", "\nenabled = true")))
    assert {source.name for source in enabled} == outlets | {"sample"}
    for source in enabled:
        assert source.feeds or source.sitemaps or source.start_urls
