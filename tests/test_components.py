"""The tracker's spaCy components on a blank pipeline: registered by name, usable on their own."""
import spacy
from spacy.tokens import Span


def test_components_are_found_by_name_through_the_entry_point():
    nlp = spacy.blank("en")
    nlp.add_pipe("nhs_organisation_names")
    doc = nlp("Yesterday Leeds and Bradford CCGs met Walsall Healthcare NHS Trust.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Leeds and Bradford CCGs", "ORG"), ("Walsall Healthcare NHS Trust", "ORG")]


def test_entity_corrections_turn_a_named_person_tagged_org_into_a_person():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_corrections")
    doc = nlp.make_doc("Stuart Poynor stepped down.")
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    doc = nlp.get_pipe("entity_corrections")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Stuart Poynor", "PERSON")]


def test_acronyms_defined_in_the_text_become_organisations_where_they_recur():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_corrections")
    doc = nlp.make_doc("Leeds Teaching Hospitals ( LTH ) said . LTH will bid .")
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    doc = nlp.get_pipe("entity_corrections")(doc)
    assert doc._.acronyms == {"LTH": "Leeds Teaching Hospitals"}
    assert [e.text for e in doc.ents] == ["Leeds Teaching Hospitals", "LTH"]


def test_line_breaks_and_lone_full_stops_start_sentences_before_the_parser(nlp):
    assert nlp.pipe_names.index("full_stops") < nlp.pipe_names.index("parser")
    doc = nlp("GPs vote on merger plans\nThe new trust will be called Leeds Partnership FT. Bradford Trust agreed, "
              "Dr. Smith said.")
    assert [s.text.strip() for s in doc.sents] == [
        "GPs vote on merger plans", "The new trust will be called Leeds Partnership FT.", "Bradford Trust agreed, Dr. Smith said."]
