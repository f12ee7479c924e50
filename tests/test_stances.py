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
        ("Leeds CCG wants an MCP instead of a merger with the larger trust.", "Leeds Clinical Commissioning Group", "mcp", "support"),
        ("Bristol Local Medical Committee, Bradford City Council and Healthwatch Bristol have all joined the alliance to back an MCP.",
         "Bradford City Council", "mcp", "support"),
        ("Walsall Healthcare NHS Trust is in discussions over possible mergers, but no final decisions have been made.",
         "Walsall Healthcare NHS Trust", "merger", "neutral"),
    ],
)
def test_stance_constructions(stances, text, stakeholder, topic, stance):
    assert stances(text).get((stakeholder, topic)) == stance


@pytest.mark.parametrize(
    "sentence, stance",
    [
        ("Walsall Healthcare NHS Trust welcomed the merger.", "support"),
        ("Walsall Healthcare NHS Trust supports the merger.", "support"),
        ("Walsall Healthcare NHS Trust approved the merger.", "support"),
        ("Walsall Healthcare NHS Trust voted for the merger.", "support"),
        ("Walsall Healthcare NHS Trust has proposed the merger.", "support"),
        ("Walsall Healthcare NHS Trust opposes the merger.", "oppose"),
        ("Walsall Healthcare NHS Trust rejected the merger.", "oppose"),
        ("Walsall Healthcare NHS Trust tried to block the merger.", "oppose"),
        ("Walsall Healthcare NHS Trust is campaigning against the merger.", "oppose"),
        ("Walsall Healthcare NHS Trust has gone to court against the merger.", "oppose"),
        ("Walsall Healthcare NHS Trust warned against the merger.", "oppose"),
        ("Walsall Healthcare NHS Trust raised concerns about the merger.", "oppose"),
        ("Walsall Healthcare NHS Trust does not back the merger.", "oppose"),
    ],
)
def test_each_stance_verb_and_noun(stances, sentence, stance):
    assert stances(sentence).get(("Walsall Healthcare NHS Trust", "merger")) == stance


def test_not_opposing_is_not_support(stances):
    found = stances("Walsall Healthcare NHS Trust did not oppose the merger.")
    assert found.get(("Walsall Healthcare NHS Trust", "merger")) in (None, "neutral")


@pytest.mark.parametrize(
    "text, stakeholder, topic, stance",
    [
        # a term with words inserted, governed from far up the sentence
        ("Walsall Healthcare NHS Trust has said it does not support the plans, which it said are aimed at the "
         "creation of a single community and mental health provider.", "Walsall Healthcare NHS Trust", "merger", "oppose"),
        # a misspelt cue
        ("Bristol City Council has voiced its oppostion to the merger.", "Bristol City Council", "merger", "oppose"),
        # the topic spelt out in a clause under "idea", judged by the sentence
        ("‘The idea that trusts can take over GP practices is a terrible mistake,’ Dr Jane Smith said.",
         "Jane Smith", "merger", "oppose"),
        # a relative clause on a predicate noun: the stance is the copula's subject's
        ("The six CCGs proposed a merger. The vote showed Leeds CCG was the only body to vote for the changes.",
         "Leeds Clinical Commissioning Group", "merger", "support"),
        # a surname referring back to the one person named so
        ("Dr Jane Smith chairs Leeds Local Medical Committee. Smith said such a merger would be a disaster.",
         "Jane Smith", "merger", "oppose"),
        # "the model" refers to the topic whose terms use it, not to the topic named last
        ("Leeds CCG backs an MCP. Bradford CCG proposed a merger. Wakefield CCG advocated the model.",
         "Wakefield Clinical Commissioning Group", "mcp", "support"),
        # a negated predicate noun
        ("Leeds Local Medical Committee concluded that there is no benefit for patients to merge the CCGs.",
         "Leeds Local Medical Committee", "merger", "oppose"),
        # a variant of a term's word: "one organisation" is a "single organisation"
        ("Walsall Healthcare NHS Trust and Dudley Group NHS Foundation Trust have agreed to come together as one organisation.",
         "Dudley Group NHS Foundation Trust", "merger", "support"),
        # "the panel" and "it": the last panel named, the previous sentence's subject
        ("The Cooperation and Competition Panel reviewed the case last month. The panel found several problems. "
         "Despite this it decided to recommend the merger.", "Cooperation and Competition Panel", "merger", "support"),
        # inside a quote, "this is …" judges the topic named last
        ("The two trusts completed their merger on Monday. Paula Clark, chief executive of Walsall Healthcare NHS Trust, "
         "said: “This is a hugely exciting day for patients.”", "Paula Clark", "merger", "support"),
        ("Shropshire Council wants the two CCGs to merge. Cllr John Brown said: “This is simply akin to a land grab.”",
         "John Brown", "merger", "oppose"),
        ("Leeds CCG proposed a merger. Dr Ann Lee, chair of Leeds Local Medical Committee, said: “Our biggest concern "
         "is the loss of local funding.”", "Ann Lee", "merger", "oppose"),
        # the topic verb's own subject names no stakeholder: the cue above it decides
        ("Shropshire Council wants the two CCGs to merge.", "Shropshire Council", "merger", "support"),
        # what a merger does judges it only by its effects
        ("Leeds Local Medical Committee said a merger would harm patients.", "Leeds Local Medical Committee", "merger", "oppose"),
        ("Leeds Local Medical Committee said a merger would not create any disruption.",
         "Leeds Local Medical Committee", "merger", "neutral"),
        # becoming the topic backs it, and so does announcing that
        ("NHS England announced that Leeds CCG would become an accountable care system.",
         "Leeds Clinical Commissioning Group", "aco", "support"),
        ("NHS England announced that Leeds CCG would become an accountable care system.", "NHS England", "aco", "support"),
        # "it" in "it has been confirmed" is nobody
        ("Leeds CCG proposed a merger. Leeds CCG will no longer send the application to NHS England, it has been confirmed.",
         "NHS England", "merger", "neutral"),
        # a topic inside an embedded question is not what the verb above it is about
        ("Leeds CCG is concerned that the merger would harm patients. Leeds CCG expects figures on who will benefit "
         "from mergers.", "Leeds Clinical Commissioning Group", "merger", "oppose"),
        # a participle on the topic with its agent
        ("GPs are divided over the merger proposed by Leeds CCG.", "Leeds Clinical Commissioning Group", "merger", "support"),
        ("Leeds CCG backs an MCP. Practices may give up their old contracts in favour of the new contract being "
         "developed by NHS England.", "NHS England", "mcp", "support"),
        # a vote count outweighs the words around it
        ("Leeds CCG provided the most opposition to the merger, with seven votes in support of it and four against.",
         "Leeds Clinical Commissioning Group", "merger", "support"),
        # places listed after a plural head are the organisations that head names
        ("The four CCGs that proposed to merge are Shropshire, Telford and Wrekin, North Staffordshire and Stoke-on-Trent.",
         "Telford and Wrekin Clinical Commissioning Group", "merger", "support"),
    ],
)
def test_harder_stance_constructions(stances, text, stakeholder, topic, stance):
    assert stances(text).get((stakeholder, topic)) == stance


def test_a_quoted_stance_belongs_to_the_speaker(stances):
    found = stances("Paula Clark, chief executive of Walsall Healthcare NHS Trust, said: “We strongly oppose the merger.”")
    assert found[("Paula Clark", "merger")] == "oppose"


def test_backing_one_option_instead_of_another_is_no_position_read_on_the_other(stances):
    # The rule that read it as opposing the other option was retired: it did not raise the out-of-fold score.
    found = stances("Leeds CCG wants an MCP instead of a merger with the larger trust.")
    assert found[("Leeds Clinical Commissioning Group", "mcp")] == "support"
    assert found.get(("Leeds Clinical Commissioning Group", "merger")) in (None, "neutral")


def test_a_fellow_or_member_speaks_only_for_themselves(stances):
    found = stances("Dr Jane Smith, a senior fellow at the Nuffield Trust, warned against the merger.")
    assert found[("Jane Smith", "merger")] == "oppose"
    assert found.get(("Nuffield Trust", "merger")) in (None, "neutral")


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
