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


def test_a_surname_joins_the_full_name_and_titles_are_dropped(nlp, registry):
    result = analyse(nlp, registry,
                     "Dr Chandra Kanneganti stepped down from the board in May. Dr Kanneganti said talks had begun.")
    assert [p.name for p in result.people] == ["Chandra Kanneganti"]
    assert len(result.people[0].mentions) == 2
