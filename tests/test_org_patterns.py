"""NHS naming patterns and acronym definitions: pure functions, no model."""
import pytest

from nlp.acronyms import find_definitions, long_form_matches
from nlp.org_patterns import find_organisation_names

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


def test_places_listed_after_a_plural_head_are_its_known_organisations():
    text = "The four CCGs that backed the plan include North Staffordshire, Stoke-on-Trent, Shropshire and Telford & Wrekin."
    found = find_organisation_names(text, lambda n: n in KNOWN)
    assert [(text[s:e], name) for s, e, name in found] == [
        ("North Staffordshire", "North Staffordshire CCG"), ("Stoke-on-Trent", "Stoke-on-Trent CCG"),
        ("Shropshire", "Shropshire CCG"), ("Telford & Wrekin", "Telford & Wrekin CCG")]


def test_a_list_after_a_plural_head_keeps_only_the_places_known_as_organisations():
    assert names("merging the CCGs – including Shropshire, Ludlow, and Stoke-on-Trent – together") == \
        ["Shropshire CCG", "Stoke-on-Trent CCG"]
    assert names("the trusts were Ludlow and Bridgnorth") == []


def test_a_lower_case_plural_head_shares_out_too():
    assert sorted(names("a meeting of NHS Leeds, Bradford and Wakefield clinical commissioning groups")) == \
        ["Bradford CCG", "NHS Leeds CCG", "Wakefield CCG"]


def test_two_names_under_a_plural_head_split_only_when_both_are_known():
    assert sorted(names("Stoke-on-Trent and North Staffordshire CCGs have merged")) == ["North Staffordshire CCG", "Stoke-on-Trent CCG"]
    assert sorted(names("Shropshire and Telford & Wrekin CCGs")) == ["Shropshire CCG", "Telford & Wrekin CCG"]
    assert names("Staffordshire and Stoke-on-Trent CCGs have merged") == ["Staffordshire and Stoke-on-Trent CCGs"]


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
