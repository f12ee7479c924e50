"""Shared fixtures: the sample site on loopback, a crawled and analysed database, the spaCy pipeline."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from crawler.sample_site.server import SampleSite
from nlp.pipeline import build_pipeline
from nlp.registry import load_registry
from tracker.demo import sample_sources

# On CI the property-based tests run a fixed set of examples, so a red run can be repeated;
# on a developer's machine they explore new examples each time.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Politeness delays are for real sites; the loopback sample site needs none.
FAST_CRAWL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]


def run_tracker(*arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run the ``tracker`` command in a child process, as a user would."""
    result = subprocess.run([sys.executable, "-m", "tracker", *arguments], capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise AssertionError(f"tracker {arguments[0]} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


@pytest.fixture(scope="session")
def sample_site():
    """The bundled sample site, served on 127.0.0.1 for the whole test session."""
    with SampleSite(port=0) as site:
        yield site


@pytest.fixture(scope="session")
def sample_sources_file(sample_site, tmp_path_factory) -> Path:
    """The shipped sources file, pointed at the test session's sample site."""
    path = tmp_path_factory.mktemp("config") / "sources.toml"
    path.write_text(sample_sources(sample_site.base_url), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def analysed_db(sample_site, sample_sources_file, tmp_path_factory) -> Path:
    """A database holding the sample site, crawled and analysed by the real commands."""
    db_path = tmp_path_factory.mktemp("db") / "tracker.db"
    run_tracker("crawl", "--db", str(db_path), "--sources", str(sample_sources_file), *FAST_CRAWL)
    run_tracker("analyse", "--db", str(db_path))
    return db_path


@pytest.fixture(scope="session")
def registry():
    """The shipped organisation registry."""
    return load_registry()


@pytest.fixture(scope="session")
def nlp(registry):
    """The full spaCy pipeline, loaded once per test session."""
    return build_pipeline(registry)
