"""Stances on hand-written sentences for every construction, with the real model and the default topics."""
import pytest

from nlp.analysis import Analyser
from nlp.topics import load_topics


@pytest.fixture(scope="module")
def stances(nlp, registry):
    analyser = Analyser(registry, load_topics())
    return lambda text: {(s.stakeholder, s.topic): s.stance for s in analyser.analyse_doc(nlp(text)).stances}


@pytest.mark.parametrize(
    "text, stakeholder, topic, stance",
    [
        ("Walsall Healthcare NHS Trust backs the merger.", "Walsall Healthcare NHS Trust", "merger", "support"),
        ("Walsall Healthcare NHS Trust has said it does not support the merger.", "Walsall Healthcare NHS Trust", "merger", "oppose"),
        ("Bristol City Council, Healthwatch Bristol and local MPs have also voiced their opposition to the merger plans.",
         "Healthwatch Bristol", "merger", "oppose"),
        ("Bristol City Council, Healthwatch Bristol and local MPs have also voiced their opposition to the merger plans.",
         "Bristol City Council", "merger", "oppose"),
        ("Leeds CCG said it was committed to supporting GP providers to develop a multispecialty community provider.",
         "Leeds Clinical Commissioning Group", "mcp", "support"),
        ("Leeds CCG and Bradford CCG are set to merge next April.", "Leeds Clinical Commissioning Group", "merger", "support"),
        ("Walsall Healthcare NHS Trust voted against the merger.", "Walsall Healthcare NHS Trust", "merger", "oppose"),
        ("Walsall Healthcare NHS Trust has proposed a merger with its neighbour.", "Walsall Healthcare NHS Trust", "merger", "support"),
        ("The merger was approved by NHS Improvement.", "NHS Improvement", "merger", "support"),
        ("The six CCGs proposed a merger. Leeds CCG voted against the proposal.", "Leeds Clinical Commissioning Group", "merger", "oppose"),
        ("Leeds CCG wants an MCP instead of a merger with the larger trust.", "Leeds Clinical Commissioning Group", "merger", "oppose"),
        ("Leeds CCG wants an MCP instead of a merger with the larger trust.", "Leeds Clinical Commissioning Group", "mcp", "support"),
        ("Bristol Local Medical Committee, Bradford City Council and Healthwatch Bristol have all joined the alliance to back an MCP.",
         "Bradford City Council", "mcp", "support"),
        ("Walsall Healthcare NHS Trust is in discussions over possible mergers, but no final decisions have been made.",
         "Walsall Healthcare NHS Trust", "merger", "neutral"),
    ],
)
def test_stance_constructions(stances, text, stakeholder, topic, stance):
    assert stances(text).get((stakeholder, topic)) == stance


def test_a_quoted_stance_belongs_to_the_speaker_and_their_organisation(stances):
    found = stances("Paula Clark, chief executive of Walsall Healthcare NHS Trust, said: “We strongly oppose the merger.”")
    assert found[("Paula Clark", "merger")] == "oppose"
    assert found[("Walsall Healthcare NHS Trust", "merger")] == "oppose"


def test_practices_merging_back_office_functions_is_not_an_nhs_merger(stances):
    found = stances("Leeds GP Federation intends to merge the practices’ back office functions and IT systems.")
    assert ("Leeds GP Federation", "merger") not in found


def test_praise_for_federations_is_not_support_for_an_mcp(stances):
    found = stances("Leeds CCG praised GP federations for their work. An MCP is one model being considered.")
    assert found.get(("Leeds Clinical Commissioning Group", "mcp")) in (None, "neutral")


def test_a_new_topic_needs_no_code(nlp, registry, tmp_path):
    topics_file = tmp_path / "topics.toml"
    topics_file.write_text('[[topic]]\nid = "closure"\nlabel = "Closure"\nterms = ["closure", "close"]\n', encoding="utf-8")
    analyser = Analyser(registry, load_topics(topics_file))
    result = analyser.analyse_doc(nlp("Walsall Healthcare NHS Trust opposes the closure of the ward."))
    assert [(s.stakeholder, s.topic, s.stance) for s in result.stances] == [("Walsall Healthcare NHS Trust", "closure", "oppose")]
