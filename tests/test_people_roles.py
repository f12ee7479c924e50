"""People, roles and affiliations on hand-written sentences, with the real model (loaded once)."""
import pytest

from nlp.analysis import Analyser


@pytest.fixture(scope="module")
def analyse(nlp, registry):
    analyser = Analyser(registry, [])
    return lambda text: analyser.analyse_doc(nlp(text))


def person(result, name):
    return next(p for p in result.people if p.name == name)


@pytest.mark.parametrize(
    "text, name, role, organisation",
    [
        ("Paula Clark, chief executive at University Hospitals of North Midlands NHS Trust, said the board would meet.",
         "Paula Clark", "chief executive", "University Hospitals of North Midlands NHS Trust"),
        ("UHNM medical director Dr John Oxtoby said the plans were safe.",
         "John Oxtoby", "medical director", "University Hospitals of North Midlands NHS Trust"),
        ("Dr Chandra Kanneganti, chair of North Staffs GP Federation, said talks had begun.",
         "Chandra Kanneganti", "chair", "North Staffordshire GP Federation"),
        ("North Staffordshire GP Federation met on Monday. The federation’s governance lead, Dr Paul Roberts, said it would bid.",
         "Paul Roberts", "governance lead", "North Staffordshire GP Federation"),
        ("Staffordshire County Council met. Tom Baker, deputy leader of the council, said the plan was a cut.",
         "Tom Baker", "deputy leader", "Staffordshire County Council"),
        ("Anna Patel, who chairs Shropshire Community Health NHS Trust, will step down.",
         "Anna Patel", "chair", "Shropshire Community Health NHS Trust"),
        ("Last month Mark Hughes stepped down as chief executive of Walsall Healthcare NHS Trust to join a charity.",
         "Mark Hughes", "chief executive", "Walsall Healthcare NHS Trust"),
        ("Dr Ruth Evans is Leeds Teaching Hospitals NHS Foundation Trust clinical director.",
         "Ruth Evans", "clinical director", "Leeds Teaching Hospitals NHS Foundation Trust"),
        ("The chief executive of Walsall Healthcare NHS Trust is Mary Jones.",
         "Mary Jones", "chief executive", "Walsall Healthcare NHS Trust"),
        ("Jane Smith, chairman of Shropshire Save Our Hospitals, said decisions would be taken remotely.",
         "Jane Smith", "chairman", "Shropshire Save Our Hospitals"),
        ("Bristol City Council agreed the plan. Cllr Sam Reed, the city council’s cabinet member for adult social care, said it was fair.",
         "Sam Reed", "cabinet member for adult social care", "Bristol City Council"),
        # a role "of" an organisation, then a comma, before the name
        ("Leader of Derby City Council, Jo Hart, said the plan was rushed.", "Jo Hart", "leader", "Derby City Council"),
        ("The incoming interim Chief Executive of Walsall Healthcare NHS Trust, Sean Ward, wrote to staff.",
         "Sean Ward", "incoming interim chief executive", "Walsall Healthcare NHS Trust"),
        # a role with its domain before the name, the organisation as a possessive
        ("The letter went to NHS England’s acting director of primary care Asha Rao last week.",
         "Asha Rao", "acting director of primary care", "NHS England"),
        # a role's field, capitalised after "for", or a gerund
        ("Amy Ross, Secretary of State for Health, said the plan would go ahead.", "Amy Ross", "secretary of state for health", None),
        ("Ian Dale, national director for commissioning strategy, spoke to the board.", "Ian Dale", "national director for commissioning strategy", None),
        # a capitalised modifier opening the sentence
        ("Acting chief executive Dr Ben Ward said the wards would stay open.", "Ben Ward", "acting chief executive", None),
        # job titles beyond boards: organisers, inspectors, nurses
        ("Unison regional organiser Kate Lowe said the ballot would open.", "Kate Lowe", "regional organiser", "Unison"),
        ("Professor Sir Mike Richards, the chief inspector of hospitals, said the ward was unsafe.",
         "Mike Richards", "chief inspector of hospitals", None),
        ("Jo Bloggs, a senior nurse at Walsall Healthcare NHS Trust, spoke to governors.",
         "Jo Bloggs", "senior nurse", "Walsall Healthcare NHS Trust"),
        # a party label in front of a role, and a seat after it, which is no organisation
        ("Jo Bloggs, Conservative parliamentary candidate for Stafford, spoke against the plan.",
         "Jo Bloggs", "conservative parliamentary candidate", None),
        # a job title NER ran into the name
        ("Campaigner Bill Hart said the ward must stay open.", "Bill Hart", "campaigner", None),
        # an appointment: the new role is the one held
        ("Mark Reed, who ran the finance team for a decade, left in May. Mark Reed has been appointed interim CEO.",
         "Mark Reed", "interim ceo", None),
        # a role still to come is not the one held
        ("The chief executive of NHS Wessex, Adam Doyle, will become chief executive of NHS Mercia.",
         "Adam Doyle", "chief executive", "NHS Wessex"),
        # professions named by their ending, and two roles joined by "and"
        ("Campaigners including scientist Professor Stephen Hawking have won permission to challenge the plans.",
         "Stephen Hawking", "scientist", None),
        ("Cancer specialist Dr Amy Fox said the unit must stay.", "Amy Fox", "cancer specialist", None),
        ("Dr Tony Marsh, retired paediatrician and co-chair of the campaign, gave evidence.",
         "Tony Marsh", "retired paediatrician and co-chair", None),
        # the field of a role ends at a comma before the verb
        ("Frank Dale, Secretary of State for Health, has said he expects more mergers.",
         "Frank Dale", "secretary of state for health", None),
        # an MP: after the name, or for a seat before it
        ("Jeremy Lefroy MP said the plan was wrong.", "Jeremy Lefroy", "mp", None),
        ("The MP for Stafford, Jeremy Lefroy, said the plan was wrong.", "Jeremy Lefroy", "mp", None),
        # a government portfolio in capitals, a capitalised role word opening the sentence
        ("Shadow Health Secretary Jon Ashworth said the plan was wrong.", "Jon Ashworth", "shadow health secretary", None),
        ("Deputy city mayor Ann Lee said the plan was wrong.", "Ann Lee", "deputy city mayor", None),
        # a role in brackets or between dashes
        ("Ann Lee (chief executive, Walsall Healthcare NHS Trust) said so.", "Ann Lee", "chief executive",
         "Walsall Healthcare NHS Trust"),
        ("Ann Lee – chief executive of Walsall Healthcare NHS Trust – said so.", "Ann Lee", "chief executive",
         "Walsall Healthcare NHS Trust"),
        # a job title NER took into the name; a kind of body in front of the role; two roles, the second with a modifier
        ("Chair Ann Lee said the board would meet.", "Ann Lee", "chair", None),
        ("Ann Lee, CCG clinical chair, said so.", "Ann Lee", "ccg clinical chair", None),
        ("Dr Ann Lee, GP and clinical chair of Leeds North CCG, said so.", "Ann Lee", "gp and clinical chair",
         "Leeds North Clinical Commissioning Group"),
        # a finite verb before the role is not part of it
        ("Sarah Green said she had met Health Secretary Wes Streeting twice.", "Wes Streeting", "health secretary", None),
        # a passive role verb
        ("The new Leeds Integrated Care Board will be chaired by Owen Price from April.",
         "Owen Price", "chair", "Leeds Integrated Care Board"),
    ],
)
def test_role_and_affiliation_patterns(analyse, text, name, role, organisation):
    found = person(analyse(text), name)
    assert (found.role, found.organisation) == (role, organisation)


def test_a_role_without_an_organisation_stays_without_one(analyse):
    found = person(analyse("In a statement, chief executive Neil Davies said the trust was ready."), "Neil Davies")
    assert (found.role, found.organisation) == ("chief executive", None)


def test_the_host_of_an_event_is_not_the_speakers_organisation(analyse):
    found = person(analyse("Speaking at a King’s Fund Forum event last week, review chair Dr Ann Lee said the plan was wrong."),
                   "Ann Lee")
    assert found.organisation is None


def test_a_surname_joins_the_full_name_in_the_same_article(analyse):
    result = analyse("Dr Chandra Kanneganti joined the board in May. Dr Kanneganti said talks had begun.")
    assert [p.name for p in result.people] == ["Chandra Kanneganti"]
    assert len(result.people[0].mentions) == 2


def test_a_titled_surname_misspelt_by_one_letter_joins_the_one_person_it_fits(analyse):
    result = analyse("Council leader Shane Moore spoke first. Speaking afterwards, Cllr Moor said the plans were wrong.")
    assert [p.name for p in result.people] == ["Shane Moore"]
    assert len(result.people[0].mentions) == 2


def test_a_title_and_surname_alone_are_kept_as_written(analyse):
    assert "Lord Darzi" in [p.name for p in analyse("The review by Lord Darzi was published in 2008.").people]


def test_a_name_ner_took_for_an_organisation_is_a_person(analyse):
    result = analyse("Earlier this month, Stuart Poynor stepped down as chief executive of Walsall Healthcare NHS Trust.")
    assert "Stuart Poynor" in [p.name for p in result.people]
    assert "Stuart Poynor" not in [o.name for o in result.organisations]


def test_section_labels_and_places_inside_organisation_names_are_not_people(analyse):
    result = analyse("STRUCTURE: Cannock Chase Council met. Cannock Chase will lose its hospital beds.")
    assert result.people == []


def test_names_listed_after_a_plural_role_each_hold_it(analyse):
    result = analyse("MPs Jo Stevens, Tom Harris and Amy Cole wrote to the health secretary.")
    assert {p.name: p.role for p in result.people} == {"Jo Stevens": "mp", "Tom Harris": "mp", "Amy Cole": "mp"}


def test_a_councillors_title_is_their_role_when_nothing_else_is_said(analyse):
    assert person(analyse("Cllr Ruth Dale told the meeting it was a bad day."), "Ruth Dale").role == "councillor"


@pytest.mark.parametrize("text, name, organisation", [
    ("Kingsmead Community NHS Trust runs the unit. Kingsmead Community chief executive Ann Lowe said talks had begun.",
     "Ann Lowe", "Kingsmead Community NHS Trust"),
    ("Fenland Partnership NHS Foundation Trust confirmed that former FPFT chief executive Tom Hale had left.",
     "Tom Hale", "Fenland Partnership NHS Foundation Trust"),
    ("NHS Ashby Vale Integrated Care Board met. Ashby Vale chair Priya Shah said the merger would save money.",
     "Priya Shah", "NHS Ashby Vale Integrated Care Board"),
    # a possessive short form, and a short form opening the sentence
    ("Northgate University Hospitals NHS Foundation Trust will take over. The move, approved by NHS Improvement, will see "
     "Northgate’s chief executive, Dame Julia Price, take charge.", "Julia Price", "Northgate University Hospitals NHS Foundation Trust"),
    ("Northgate University Hospitals NHS Foundation Trust will take over. Northgate chief executive Dame Julia Price will "
     "take charge.", "Julia Price", "Northgate University Hospitals NHS Foundation Trust"),
])
def test_a_short_form_written_before_the_role_names_the_organisation(analyse, text, name, organisation):
    assert person(analyse(text), name).organisation == organisation


def test_a_short_form_that_fits_two_organisations_names_neither(analyse):
    text = ("Ashby Hospitals NHS Trust and Ashby Community NHS Trust met. "
            "Ashby chief executive Ann Lowe said talks had begun.")
    assert person(analyse(text), "Ann Lowe").organisation is None
