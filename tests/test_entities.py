"""Organisations and people on hand-written sentences, with the real model (loaded once)."""
from nlp.analysis import Analyser
from nlp.names import organisation_key, person_key


def analyse(nlp, registry, text):
    return Analyser(registry, []).analyse_doc(nlp(text))


def test_name_keys_join_the_forms_of_one_name():
    assert organisation_key("University Hospitals of North Midlands NHS Trust") == organisation_key("the University Hospitals of North Midlands Trust")
    assert organisation_key("Stoke-on-Trent CCG") == organisation_key("Stoke on Trent Clinical Commissioning Group")
    assert organisation_key("Telford & Wrekin Council") == organisation_key("Telford and Wrekin Council")
    assert person_key("Dr Chandra Kanneganti") == person_key("Chandra Kanneganti") == "chandra kanneganti"


def test_registry_names_and_acronyms_resolve_to_one_organisation(nlp, registry):
    result = analyse(nlp, registry,
                     "Governors at University Hospitals of North Midlands Trust met on Monday. "
                     "A spokesman for UHNM said the plans were at an early stage.")
    names = [o.name for o in result.organisations]
    assert names == ["University Hospitals of North Midlands NHS Trust"]
    assert len(result.organisations[0].mentions) == 2


def test_long_registry_names_are_not_cut_short(nlp, registry):
    result = analyse(nlp, registry, "South Staffordshire and Shropshire Healthcare Foundation Trust runs mental health services.")
    assert [o.name for o in result.organisations] == ["South Staffordshire and Shropshire Healthcare NHS Foundation Trust"]


def test_generic_words_and_topic_acronyms_are_not_organisations(nlp, registry):
    result = analyse(nlp, registry, "The CCG said the MCP would be run by GPs, and the NHS would pay for it.")
    assert result.organisations == []


def test_groups_of_people_and_places_are_not_organisations(nlp, registry):
    result = analyse(nlp, registry, "GPs in the Harrogate area and North Yorkshire MPs backed Leeds City Council.")
    assert [o.name for o in result.organisations] == ["Leeds City Council"]


def test_a_surname_joins_the_full_name_and_titles_are_dropped(nlp, registry):
    result = analyse(nlp, registry,
                     "Dr Chandra Kanneganti stepped down from the board in May. Dr Kanneganti said talks had begun.")
    assert [p.name for p in result.people] == ["Chandra Kanneganti"]
    assert len(result.people[0].mentions) == 2


def test_a_misspelt_name_joins_the_registry_organisation(nlp, registry):
    result = analyse(nlp, registry, "The federation has met the chief executive of University of North Midlands Trust.")
    assert [o.name for o in result.organisations] == ["University Hospitals of North Midlands NHS Trust"]
    assert "University of North Midlands Trust" in result.organisations[0].aliases


def test_an_acronym_defined_in_the_text_is_the_same_organisation(nlp, registry):
    result = analyse(nlp, registry, "Leeds Teaching Hospitals NHS Foundation Trust (LTHT) said it would bid. LTHT has 20,000 staff.")
    (org,) = result.organisations
    assert org.name == "Leeds Teaching Hospitals NHS Foundation Trust" and "LTHT" in org.aliases
    assert org.kind == "foundation trust"
    assert len(org.mentions) == 2


def test_short_heads_are_written_out_in_canonical_names(nlp, registry):
    result = analyse(nlp, registry, "Wolverhampton LMC said the plan was flawed.")
    assert [(o.name, o.kind) for o in result.organisations] == [("Wolverhampton Local Medical Committee", "LMC")]


def test_news_outlets_are_kept_apart_from_stakeholders(nlp, registry):
    result = analyse(nlp, registry, "HSJ understands that Walsall Healthcare NHS Trust will bid. The trust told Pulse it was ready.")
    assert [o.name for o in result.organisations] == ["Walsall Healthcare NHS Trust"]
    assert result.outlets == ["HSJ", "Pulse"]
