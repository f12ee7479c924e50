"""The classes of organisation and person errors seen on unseen articles, each on hand-written sentences.

Every sentence here is written for the test; each checks one general mechanism, not a name.
"""
import pytest

from nlp.analysis import Analyser
from nlp.entity_rules import load_first_names, names_after_labels
from nlp.topics import Topic


TOPICS = [Topic("aco", "Accountable care", ("accountable care organisation", "ACO", "ACOs")),
          Topic("merger", "Merger", ("merger", "merge"))]


def analyse(nlp, registry, text):
    return Analyser(registry, TOPICS).analyse_doc(nlp(text))


def organisations(nlp, registry, text):
    return sorted(o.to_json()["name"] for o in analyse(nlp, registry, text).organisations)


def people(nlp, registry, text):
    return sorted(p.name for p in analyse(nlp, registry, text).people)


def test_extract_names_an_organisation_as_the_article_writes_it(nlp, registry):
    result = analyse(nlp, registry, "The BMA GP committee met on Monday. The BMA GP committee said the plans were rushed.")
    [found] = result.to_json("x")["organisations"]
    assert found["name"] == "BMA GP committee"
    assert found["canonical"] == "General Practitioners Committee"


def test_the_usual_written_form_beats_a_single_longer_one(nlp, registry):
    text = ("The Royal College of GPs said the plan would go ahead. The Royal College of General Practitioners published "
            "guidance. A spokeswoman for the Royal College of GPs said more would follow.")
    assert organisations(nlp, registry, text) == ["Royal College of GPs"]


def test_a_joint_name_of_two_bodies_is_both_bodies(nlp, registry):
    text = "The process is administered by NHS England and NHS Improvement, which published guidance."
    assert organisations(nlp, registry, text) == ["NHS England", "NHS Improvement"]


def test_speakers_and_stakeholders_are_reported_as_written(nlp, registry):
    result = analyse(nlp, registry, "The BMA GP committee said: “We oppose the merger of the two practices outright.”")
    line = result.to_json("x")
    assert {q["speaker"] for q in line["quotes"]} == {"BMA GP committee"}


@pytest.mark.parametrize("text", [
    "Leaders across the Black Country met on Tuesday to discuss waiting lists.",  # a place, not "NHS Black Country"
    "Health and care leaders met on Tuesday.",  # a word, not "The Health Foundation"
])
def test_a_bare_place_or_word_is_not_a_registry_body(nlp, registry, text):
    assert organisations(nlp, registry, text) == []


def test_a_name_missing_a_place_word_is_another_body(nlp, registry):
    found = analyse(nlp, registry, "East CCG and West CCG agreed to work together on urgent care.").organisations
    assert "East Staffordshire Clinical Commissioning Group" not in {o.name for o in found}


@pytest.mark.parametrize("text", [
    # a lone capitalised word
    "Patients in Wirral and Medway waited longer than anywhere else.",
    "The Future of the service was discussed, and the State must act, said the report.",
    # a committee named only by its kind
    "The report went to the Select Committee, and the Scrutiny Committee will discuss it in May.",
    "The Steering Group asked the Authority to wait for the Advisory Panel.",
    # party labels on people, not a party's name
    "The plans were announced by the Labour Health Secretary, with the support of Independent and Conservative colleagues.",
])
def test_words_that_name_no_body(nlp, registry, text):
    assert organisations(nlp, registry, text) == []


def test_a_listed_name_made_of_kind_words_is_kept(nlp, registry):
    assert organisations(nlp, registry, "NHS Providers said trusts needed more money.") == ["NHS Providers"]


@pytest.mark.parametrize("text, expected", [
    ("The Leader of Thurrock Council, Jane Hollis, said no.", ["Thurrock Council"]),
    ("Moira Bell, Deputy Chief Executive of Stockport NHS Foundation Trust, said so.", ["Stockport NHS Foundation Trust"]),
    ("She joined the ex-Cabinet Office team last year.", ["Cabinet Office"]),
    ("Members of the STP Leicester City Council group voted.", ["Leicester City Council"]),
    ("Leeds City Council’s Health Scrutiny Committee met in public.", ["Leeds City Council"]),
    ("An Accountable Care Organisation would hold the contract.", []),
])
def test_words_around_a_name_are_cut_off(nlp, registry, text, expected):
    assert organisations(nlp, registry, text) == expected


def test_two_names_joined_by_and_are_two_bodies(nlp, registry):
    text = "The University of Leicester and Leicester City Council signed the agreement."
    assert organisations(nlp, registry, text) == ["Leicester City Council", "University of Leicester"]


def test_a_list_after_a_plural_head_splits_at_the(nlp, registry):
    text = "The merger is supported by the area’s Clinical Commissioning Groups, the University of Leeds and Leeds City Council."
    assert {"University of Leeds", "Leeds City Council"} <= set(organisations(nlp, registry, text))


def test_one_name_with_and_inside_stays_whole(nlp, registry):
    assert organisations(nlp, registry, "The Health and Social Care Committee published its report.") == \
        ["Health and Social Care Committee"]


def test_places_after_a_plural_head_are_each_a_body(nlp, registry):
    text = "The five CCGs – Brent, Ealing, Harrow, Hillingdon and Hounslow – will merge next year."
    assert organisations(nlp, registry, text) == ["Brent CCG", "Ealing CCG", "Harrow CCG", "Hillingdon CCG", "Hounslow CCG"]


def test_a_person_cut_off_an_organisation_span_is_still_a_person(nlp, registry):
    text = "The decision was welcomed by Maurice Atkins of the Kendal Residents Association."
    assert "Maurice Atkins" in people(nlp, registry, text)
    assert "Kendal Residents Association" in organisations(nlp, registry, text)


def test_judges_are_one_person(nlp, registry):
    # stored without the courtesy title, as every titled name is; "Justice" stays, as it is part of a judge's name
    assert people(nlp, registry, "In the High Court, Mr Justice Harding said the case raised serious questions.") == \
        ["Justice Harding"]


@pytest.mark.parametrize("text, expected", [
    ("Local MPs Harriet Cole and Nigel Marsh wrote to the trust.", ["Harriet Cole", "Nigel Marsh"]),
    ("The clinic moved to Victoria House on Southampton Row.", []),
    # places named after people: a place word after the name, "St" in front, "the" opening it
    ("Services at the Mary Seacole ward and the Nye Bevan unit will close.", []),
    ("The St Helier and Queen Mary’s hospitals are run by one trust.", []),
    ("Staff at Leighton Hospital and Victoria Infirmary will vote next week.", []),
    # a place word that only describes a later noun leaves the person
    ("Jeremy Hunt’s hospital plans were published.", ["Jeremy Hunt"]),
])
def test_group_words_and_addresses_are_not_people(nlp, registry, text, expected):
    assert people(nlp, registry, text) == expected


def test_a_surname_with_an_apostrophe_joins_its_full_name(nlp, registry):
    text = "Dr Sean O’Hara, from the CCG, spoke first. Dr O’Hara said the savings were real."
    assert people(nlp, registry, text) == ["Sean O’Hara"]


def test_a_byline_is_never_a_person_or_a_speaker(nlp, registry):
    text = "By Rachel Moore, health correspondent\n\nWalsall Healthcare NHS Trust said: “We are reviewing the plans now.”"
    result = analyse(nlp, registry, text)
    assert [p.name for p in result.people] == []
    assert [q.speaker for q in result.quotes] == ["Walsall Healthcare NHS Trust"]


@pytest.mark.parametrize("words, pos, expected", [
    (["of", "Health", "Trust"], ["ADP", "PROPN", "PROPN"], ["Health Trust"]),
    (["Leader", "of", "Derby", "Council"], ["PROPN", "ADP", "PROPN", "PROPN"], ["Derby Council"]),
    (["ex", "-", "Cabinet", "Office"], ["X", "PUNCT", "PROPN", "PROPN"], ["Cabinet Office"]),
    (["STP", "Derby", "Council"], ["PROPN", "PROPN", "PROPN"], ["Derby Council"]),
    (["the", "and"], ["DET", "CCONJ"], []),
    (["Consultant", "Eye", "Surgeon"], ["PROPN", "PROPN", "PROPN"], []),  # a job title in capitals
])
def test_tidying_a_span_on_a_hand_built_doc(words, pos, expected):
    import spacy
    from spacy.tokens import Doc, Span

    from nlp.org_spans import tidy_organisation_span

    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    spans = tidy_organisation_span(Span(doc, 0, len(doc), label="ORG"), frozenset({"leader"}), frozenset(), frozenset({"surgeon"}))
    assert [s.text for s in spans] == expected


def test_a_possessive_place_is_not_a_person(nlp, registry):
    assert people(nlp, registry, "Staffordshire’s hospitals are full, the report found.") == []


def test_a_person_ending_as_bodies_names_do_is_an_organisation():
    import spacy
    from spacy.tokens import Doc

    from nlp.components import EntityCorrections

    doc = Doc(spacy.blank("en").vocab, words=["Operose", "Health", "runs", "Jo", "Bloggs"],
              ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"])
    assert [(e.text, e.label_) for e in EntityCorrections._relabelled(doc.ents)] == \
        [("Operose Health", "ORG"), ("Jo Bloggs", "PERSON")]


def test_a_lone_name_the_text_calls_a_body_is_kept(nlp, registry):
    found = organisations(nlp, registry, "Staff joined the union Brightwork in 1993, and campaign group Holdfast backed them.")
    assert {"Brightwork", "Holdfast"} <= set(found)
    found = organisations(nlp, registry, "The case was brought by the group JR4NHS, whose members include retired doctors.")
    assert "JR4NHS" in found


def test_a_provider_or_contractor_named_after_its_kind_is_a_body(nlp, registry):
    found = organisations(nlp, registry, "Private provider Larkspur Care won the contract from contractor Fenwick Services.")
    assert {"Larkspur Care", "Fenwick Services"} <= set(found)


def test_a_campaign_name_opening_with_our_is_kept_whole_and_split_from_its_neighbour(nlp, registry):
    found = organisations(nlp, registry, "Campaigners from Hands Off the NHS and Our NHS Our Hospital joined the march.")
    assert "Our NHS Our Hospital" in found


def test_your_inside_a_sentence_opens_a_name_too(nlp, registry):
    assert "Your Health Partnership" in organisations(nlp, registry, "The contract was awarded to Your Health Partnership last year.")


def test_our_opening_a_sentence_is_a_possessive_not_a_name(nlp, registry):
    found = organisations(nlp, registry, "“Our Primary Care Leaders Network will speak for federations,” she said.")
    assert not any(name.startswith("Our ") for name in found)


def test_a_name_after_a_party_label_is_a_person_and_the_mps_seat_no_body(nlp, registry):
    result = analyse(nlp, registry, "Conservative Helen Marsh, MP for South Wessex, was more upbeat.\n\n"
                                    "She said: “The uncertainty has lasted too long, and we need more detail on the plan.”")
    [person] = [p for p in result.people if p.name == "Helen Marsh"]
    assert (person.role, person.organisation) == ("mp", None)
    assert [o.name for o in result.organisations] == []
    assert [q.speaker for q in result.quotes] == ["Helen Marsh"]


def test_a_party_label_before_a_place_named_after_a_person_makes_no_person(nlp, registry):
    assert "Florence Nightingale" not in people(nlp, registry, "Labour Florence Nightingale Hospital campaigners met.")


@pytest.mark.parametrize("text, found", [
    ("Conservative Alistair Burt, MP for the county, was upbeat.", ["Alistair Burt"]),
    ("Labour Grace Road Surgery closed.", []),  # a place word or an organisation word after the name
    ("Independent Helen Marsh Hospital trustees met.", []),
    ("The Conservative health plan was published.", []),  # no given name after the label
])
def test_names_ner_missed_after_a_party_label(nlp, text, found):
    doc = nlp.make_doc(text)
    assert [span.text for span in names_after_labels(doc, [], load_first_names())] == found


@pytest.mark.parametrize("text", [
    "The Community Provider will start work in April, the board heard.",
    "Patients at the University Hospitals will wait longer, the Royal College said of the General Practice plans.",
])
def test_a_name_made_only_of_describing_and_kind_words_is_no_body(nlp, registry, text):
    assert not {"Community Provider", "University Hospitals", "General Practice"} & set(organisations(nlp, registry, text))


def test_a_kind_after_a_is_no_body_but_a_body_describing_a_noun_is(nlp, registry):
    text = ("The plan would create an Accountable Care Partnership across the county. A Unison spokesman said staff were worried, "
            "and Unison will ballot members.")
    assert organisations(nlp, registry, text) == ["Unison"]


@pytest.mark.parametrize("text, expected", [
    # a name with a head word, then a title and a person: the name ends at its head
    ("Barnsley Hospital NHS Foundation Trust Chairman Stephen Houghton spoke.", ["Barnsley Hospital NHS Foundation Trust"]),
    # people before "on"/"of" a body are not part of its name, nor a body of their own
    ("Councillors on Stockport Council’s health scrutiny committee met.", ["Stockport Council"]),
    # a job title in capitals is no body; plural role words before "of" are cut off
    ("The CEOs of Wessex Healthcare NHS Trust and Mercia Hospitals NHS Trust met.",
     ["Mercia Hospitals NHS Trust", "Wessex Healthcare NHS Trust"]),
    # a titled person "of" a body
    ("Cllr Jo Bloggs of Trafford Council said so.", ["Trafford Council"]),
])
def test_a_name_is_cut_from_the_people_and_titles_around_it(nlp, registry, text, expected):
    assert organisations(nlp, registry, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A separate claim was brought by 111 Voices for the NHS last year.", ["111 Voices for the NHS"]),
    ("In 2019 Leeds City Council agreed the plan.", ["Leeds City Council"]),  # a year opens no name
])
def test_a_short_number_may_open_a_name(nlp, registry, text, expected):
    assert organisations(nlp, registry, text) == expected
