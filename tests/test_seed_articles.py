"""The entity layer on the five seed articles bundled as sample data, with the real model."""
from pathlib import Path

import pytest

from nlp.analysis import Analyser

SEEDS = Path(__file__).resolve().parent.parent / "crawler" / "sample_site" / "articles"


@pytest.fixture(scope="module")
def seeds(nlp, registry):
    analyser = Analyser(registry, [])
    return {path.name[:3]: analyser.analyse_doc(nlp(path.read_text(encoding="utf-8"))) for path in sorted(SEEDS.glob("*.txt"))}


def org_names(result):
    return {o.name for o in result.organisations}


def test_uhnm_is_one_organisation_under_every_form_of_its_name(seeds):
    org = next(o for o in seeds["000"].organisations if o.name == "University Hospitals of North Midlands NHS Trust")
    assert {"University of North Midlands Trust", "University Hospitals of North Midlands Trust", "UHNM"} <= set(org.aliases)


def test_long_trust_names_are_not_cut_short(seeds):
    assert "South Staffordshire and Shropshire Healthcare NHS Foundation Trust" in org_names(seeds["001"])
    assert not any(name.startswith("Shropshire Healthcare") for name in org_names(seeds["001"]))


def test_people_and_topic_acronyms_are_not_organisations(seeds):
    names = set().union(*(org_names(r) for r in seeds.values()))
    assert not {"Stuart Poynor", "MCP", "STP", "GP", "CCG"} & names
    assert "Stuart Poynor" in {p.name for p in seeds["001"].people}


def test_section_labels_are_not_people(seeds):
    assert "STRUCTURE" not in {p.name for p in seeds["000"].people}


def test_seed_people_have_their_roles_and_organisations(seeds):
    people = {p.name: (p.role, p.organisation) for p in seeds["001"].people}
    assert people["Paula Clark"] == ("chief executive", "University Hospitals of North Midlands NHS Trust")
    assert people["Marcus Warnes"][0] == "accountable officer"
