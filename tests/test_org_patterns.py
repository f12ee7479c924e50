"""NHS naming patterns and acronym definitions: pure functions, no model."""
import pytest

from nlp.acronyms import find_definitions, long_form_matches
from nlp.org_patterns import find_organisation_names, list_items, names_after_type_nouns

KNOWN = {"North Staffordshire CCG", "Stoke-on-Trent CCG", "Shropshire CCG", "Telford & Wrekin CCG"}


def names(text, known=KNOWN):
    return [name for _, _, name in find_organisation_names(text, lambda n: n in known)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Governors of Walsall Healthcare NHS Trust met.", ["Walsall Healthcare NHS Trust"]),
        ("Leeds Teaching Hospitals NHS Foundation Trust said", ["Leeds Teaching Hospitals NHS Foundation Trust"]),
        ("The plan from NHS South Cheshire Clinical Commissioning Group", ["NHS South Cheshire Clinical Commissioning Group"]),
        ("Dorset Integrated Care Board agreed", ["Dorset Integrated Care Board"]),
        ("the Leeds Local Medical Committee voted", ["Leeds Local Medical Committee"]),
        ("Derby City Council and Healthwatch Derby", ["Derby City Council", "Healthwatch Derby"]),
        ("a letter from the Royal College of Surgeons", ["Royal College of Surgeons"]),
        ("South Staffordshire and Shropshire Healthcare Foundation Trust", ["South Staffordshire and Shropshire Healthcare Foundation Trust"]),
        ("NHS Shropshire, Telford and Wrekin Integrated Care Board", ["NHS Shropshire, Telford and Wrekin Integrated Care Board"]),
        ("Newcastle upon Tyne Hospitals NHS Foundation Trust", ["Newcastle upon Tyne Hospitals NHS Foundation Trust"]),
        # an official head in lower case after a place
        ("in partnership with Walsall metropolitan borough council", ["Walsall metropolitan borough council"]),
        ("practices joined the Leeds GP federation", ["Leeds GP federation"]),
        ("the Mercia and Wessex Provider Collaborative said", ["Mercia and Wessex Provider Collaborative"]),
        # "for the NHS" ends a campaign's name, not a body's "for NHS England"
        ("the report was written by Mercia CCG for NHS England", ["Mercia CCG", "NHS England"]),
        # campaigns named "Save …" or "Hands Off …"
        ("The Save Kingsbridge A&E campaign and Hands Off Wessex Hospitals marched", ["Save Kingsbridge A&E", "Hands Off Wessex Hospitals"]),
        # companies and charities named "… Healthcare" or "… UK"
        ("the contract went to Larkspur Healthcare, not Fenwick Care UK", ["Larkspur Healthcare", "Fenwick Care UK"]),
        # "and the" splits only after a part that is a name by itself
        ("Kingsbury and the Weald NHS Trust", ["Kingsbury and the Weald NHS Trust"]),
    ],
)
def test_names_built_the_nhs_way_are_found_whole(text, expected):
    assert sorted(names(text)) == sorted(expected)


def test_names_joined_by_and_are_two_organisations():
    assert names("Bristol CCG and Bath CCG agreed") == ["Bristol CCG", "Bath CCG"]
    assert names("Salisbury FT, and Yeovil FT") == ["Salisbury FT", "Yeovil FT"]
    assert names("NHS Providers and the Patients Association") == ["NHS Providers", "Patients Association"]


def test_a_list_of_three_under_a_plural_head_is_three_organisations():
    assert sorted(names("Leeds, Bradford and Wakefield CCGs will merge")) == ["Bradford CCG", "Leeds CCG", "Wakefield CCG"]
    # "NHS" in front of the list is not a fourth, longer name
    assert sorted(names("NHS Leeds, Bradford and Wakefield CCGs will merge")) == ["Bradford CCG", "NHS Leeds CCG", "Wakefield CCG"]


def test_compass_words_in_a_list_take_the_place_the_last_item_names():
    assert sorted(names("The North West and North Central London ICBs will merge.")) == [
        "North Central London ICB", "North West London ICB"]
    assert sorted(names("East and West Sussex CCGs will merge.")) == ["East Sussex CCG", "West Sussex CCG"]


def test_the_second_of_a_joined_pair_loses_the_plural_of_their_shared_head():
    assert names("The merger across the NHS Sussex and NHS Surrey Heartlands ICBs has concluded.") == [
        "NHS Sussex", "NHS Surrey Heartlands ICB"]


def test_places_listed_after_a_plural_head_are_its_known_organisations():
    text = "The four CCGs that backed the plan include North Staffordshire, Stoke-on-Trent, Shropshire and Telford & Wrekin."
    found = find_organisation_names(text, lambda n: n in KNOWN)
    assert [(text[s:e], name) for s, e, name in found] == [
        ("North Staffordshire", "North Staffordshire CCG"), ("Stoke-on-Trent", "Stoke-on-Trent CCG"),
        ("Shropshire", "Shropshire CCG"), ("Telford & Wrekin", "Telford & Wrekin CCG")]


def test_any_list_of_places_after_a_plural_head_names_its_bodies():
    assert names("merging the CCGs – including Shropshire, Ludlow, and Stoke-on-Trent – together") == \
        ["Shropshire CCG", "Ludlow CCG", "Stoke-on-Trent CCG"]
    assert names("the eight CCGs – Brent, Ealing, Harrow and Hillingdon – agreed") == \
        ["Brent CCG", "Ealing CCG", "Harrow CCG", "Hillingdon CCG"]
    assert names("the two CCGs were Ludlow and Bridgnorth") == ["Ludlow CCG", "Bridgnorth CCG"]


def test_a_name_in_a_list_after_a_plural_head_is_not_a_place():
    assert names("the CCGs: Leeds City Council and Bradford") == ["Leeds City Council", "Bradford CCG"]


def test_a_lower_case_plural_head_shares_out_too():
    assert sorted(names("a meeting of NHS Leeds, Bradford and Wakefield clinical commissioning groups")) == \
        ["Bradford CCG", "NHS Leeds CCG", "Wakefield CCG"]
    assert sorted(names("Christchurch, Purbeck and East Dorset councils objected")) == \
        ["Christchurch Council", "East Dorset Council", "Purbeck Council"]
    assert sorted(names("Purbeck and Weymouth district councils objected")) == ["Purbeck District Council", "Weymouth District Council"]


def test_two_places_under_a_plural_head_are_two_bodies_unless_they_name_one_area():
    assert sorted(names("Stoke-on-Trent and North Staffordshire CCGs have merged")) == ["North Staffordshire CCG", "Stoke-on-Trent CCG"]
    assert sorted(names("Shropshire and Telford & Wrekin CCGs")) == ["Shropshire CCG", "Telford & Wrekin CCG"]
    assert sorted(names("Harrow and Brent CCGs have merged")) == ["Brent CCG", "Harrow CCG"]
    one_area = lambda place: place == "Staffordshire and Stoke-on-Trent"  # noqa: E731
    assert [n for _, _, n in find_organisation_names("Staffordshire and Stoke-on-Trent CCGs have merged", lambda n: False, one_area)] \
        == ["Staffordshire and Stoke-on-Trent CCGs"]


def test_one_place_under_a_plural_head_is_a_group_not_a_name():
    assert names("Leeds CCGs have merged") == []
    assert names("Londonwide LMCs said", known={"Londonwide LMCs"}) == ["Londonwide LMCs"]


def test_a_serial_comma_keeps_an_and_inside_a_listed_place():
    assert list_items("Gateshead, Newcastle North and East, and Newcastle West") == ["Gateshead", "Newcastle North and East", "Newcastle West"]
    assert list_items("Leeds, Bradford and Wakefield") == ["Leeds", "Bradford", "Wakefield"]
    assert list_items("Shropshire and Telford & Wrekin") == ["Shropshire", "Telford & Wrekin"]


def test_courts_offices_hospitals_campaigns_and_parliament_are_named_bodies():
    assert names("the case went to the High Court") == ["High Court"]
    assert names("a letter to the Cabinet Office") == ["Cabinet Office"]
    assert names("Arrowe Park Hospital and the Countess of Chester Hospital") == ["Arrowe Park Hospital", "Countess of Chester Hospital"]
    assert names("the Save St Mary’s Campaign met") == ["Save St Mary’s Campaign"]
    assert names("Doctors for the NHS said") == ["Doctors for the NHS"]
    assert names("Keep Our NHS Public said") == ["Keep Our NHS Public"]
    assert names("Hammersmith and Fulham LBC said") == ["Hammersmith and Fulham LBC"]


def test_a_person_before_a_comma_is_not_part_of_a_name():
    assert names("Dr John Smith, Leeds Teaching Hospitals medical director, said") == ["Leeds Teaching Hospitals"]


def test_sentence_openers_dates_and_possessives_are_not_part_of_a_name():
    assert names("Yesterday Bristol CCG said") == ["Bristol CCG"]
    assert names("Both Bristol CCG and Bath CCG said") == ["Bristol CCG", "Bath CCG"]
    assert names("NHS England on Monday said") == ["NHS England"]
    assert names("NHS England’s new care models team") == ["NHS England"]
    assert names("The Governing Bodies of Bristol CCG met") == ["Bristol CCG"]


def test_schwartz_hearst_matches_acronyms_to_their_long_forms():
    assert long_form_matches("UHNM", "University Hospitals of North Midlands")
    assert long_form_matches("SaTH", "The Shrewsbury and Telford Hospital NHS Trust")
    assert not long_form_matches("XYZ", "University Hospitals of North Midlands")
    assert not long_form_matches("uhnm", "University Hospitals of North Midlands")


def test_an_acronym_is_defined_only_right_after_its_long_form():
    text = "Leeds Teaching Hospitals (LTH) said. Elsewhere (LTH) was blamed."
    assert find_definitions(text, [(0, 24)]) == {"LTH": (0, 24)}
    assert find_definitions(text, []) == {}


def test_official_heads_written_in_lower_case_still_name_a_body():
    assert names("staff moved to the West Yorkshire sustainability and transformation partnership") == \
        ["West Yorkshire sustainability and transformation partnership"]
    assert names("the Leeds health and wellbeing board met") == ["Leeds health and wellbeing board"]
    assert names("the local health and wellbeing board met") == []  # the place must be capitalised, the head need not
    assert names("chief officer for the Berkshire West CCGs federation") == ["Berkshire West CCGs federation"]


def test_a_place_after_in_is_not_part_of_the_name():
    assert names("the Department of Health in the West Midlands said") == ["Department of Health"]


def test_a_name_never_runs_over_a_line_break():
    assert names("Council threatens to withdraw officers from STP\n\nLeicester City Council has written") == ["Leicester City Council"]


@pytest.mark.parametrize("text, expected", [
    ("Members of the union GMB voted to strike.", ["GMB"]),
    ("It was bought by hedge funds Oakfield Capital and Brambling Partners last year.", ["Oakfield Capital", "Brambling Partners"]),
    ("The challenge was brought by campaign group Save Our Wards, backed by doctors.", ["Save Our Wards"]),
    ("The charity Carers Together and the trust agreed.", ["Carers Together"]),
    ("The union chief executive said no.", []),  # lower case: no name follows
    ("The union Chief Executive said no.", []),  # a role, not a name
    ("Reunion Dinner was held.", []),  # the noun must be a word of its own
])
def test_a_name_right_after_a_kind_of_body_is_that_body(text, expected):
    opens_a_role = lambda word: word.lower() in {"chief", "dr"}  # noqa: E731
    assert [name for _, _, name in names_after_type_nouns(text, opens_a_role)] == expected
