"""The learned stance combiner: training, its explanations, and honest (outlet-grouped) evaluation."""
import json
import re
from pathlib import Path

import pytest

from nlp.analysis import Analyser
from nlp.results import StanceResult
from nlp.stance import combine_learned
from nlp.stance_features import with_pair_features
from nlp.stance_model import LABELS, StanceModel, fit, load_model
from nlp.stance_training import gold_labels, outlet, outlet_folds, read_gold
from nlp.topics import Topic
from tests.conftest import run_tracker

GOLD = Path(__file__).parent / "fixtures" / "stance" / "gold.jsonl"
TOPICS = [Topic("merger", "Merger", ("merger", "merge")), Topic("mcp", "MCP", ("MCP", "MCPs", "MCP contract"))]
EXAMPLES = [(["cue=back", "link=subject"], "support"), (["cue=back", "link=speaker"], "support"),
            (["cue=oppose", "link=subject"], "oppose"), (["cue=oppose", "link=speaker"], "oppose"),
            (["link=subject"], "neutral"), (["link=speaker"], "neutral")]


def candidate(name, side, features, evidence="e"):
    return StanceResult(name, "organisation", "merger", side, 0.8, evidence, "dependency cue", "backs", "subject of the cue",
                        None, tuple(features))


def test_training_twice_gives_the_same_weights():
    assert fit(EXAMPLES).weights == fit(EXAMPLES).weights


def test_a_feature_pushes_towards_the_label_it_came_with():
    model = fit(EXAMPLES)
    backing, opposing = model.probabilities(["cue=back"]), model.probabilities(["cue=oppose"])
    assert max(backing, key=backing.get) == "support" and max(opposing, key=opposing.get) == "oppose"
    assert abs(sum(backing.values()) - 1) < 1e-9


def test_a_saved_model_loads_back_the_same(tmp_path):
    model = fit(EXAMPLES)
    model.save(tmp_path / "model.json")
    loaded = load_model(tmp_path / "model.json")
    assert loaded.probabilities(["cue=back", "link=subject"]) == pytest.approx(model.probabilities(["cue=back", "link=subject"]))
    assert loaded.threshold == model.threshold


def test_the_shipped_model_loads_and_names_no_article():
    model = load_model()
    features = {f for label in LABELS for f in model.weights[label]}
    tags = {"PROPN", "NUM", "ROOT", "VERB", "ADJ", "NOUN", "X", "PUNCT", "ADP", "PRON", "DET", "AUX", "CCONJ", "SCONJ", "ADV"}
    parts = {part for f in features for part in re.split(r"[=|>]", f) if part}
    assert len(features) > 100
    assert not [part for part in parts if part != part.lower() and part not in tags]  # names stand as PROPN


def test_the_combiner_takes_a_side_only_above_its_threshold_and_says_why():
    model = StanceModel(weights={"neutral": {}, "support": {"cue=back": 3.0}, "oppose": {}}, bias={l: 0.0 for l in LABELS},
                        threshold=0.5)
    [decided] = combine_learned([candidate("X", "support", ["cue=back"], "X backs the merger.")], model)
    assert (decided.stance, decided.evidence, decided.cues, decided.link) == ("support", "X backs the merger.", "backs", "subject of the cue")
    assert decided.probability > 0.5 and decided.to_json()["probability"] == round(decided.probability, 2)
    [undecided] = combine_learned([candidate("Y", "neutral", ["cue=other"])], model)
    assert undecided.stance == "neutral"


def test_candidates_are_labelled_with_the_gold_side_of_their_pair():
    article = read_gold([GOLD])[0]
    labels = gold_labels(article, [candidate("Walsall Healthcare NHS Trust", "support", []),
                                   candidate("Unison", "neutral", []), candidate("Someone Else", "neutral", [])])
    assert labels == ["support", "oppose", "neutral"]


def test_outlet_folds_never_split_an_outlet_and_are_the_same_every_time():
    articles = read_gold([GOLD])
    parts = outlet_folds(articles, 3)
    assert [[a["id"] for a in p] for p in parts] == [[a["id"] for a in p] for p in outlet_folds(articles, 3)]
    for part in parts:
        assert len({outlet(a) for a in part}) == 1


def test_pair_features_give_the_kind_of_body_whether_the_votes_agree_and_the_mood():
    candidates = [candidate("Unison", "oppose", ["cue=oppose"], "Unison fears the merger."),
                  candidate("Unison", "neutral", [], "Unison met the board."),
                  candidate("Leeds CCG", "support", ["cue=back"], "Leeds CCG backs the merger."),
                  candidate("Leeds CCG", "oppose", ["cue=oppose"], "Leeds CCG opposes one part of the merger.")]
    mood = {"Unison fears the merger.": -0.5, "Unison met the board.": 0.0}
    extended = with_pair_features(candidates, {"Unison": "union", "Leeds CCG": "CCG"}, lambda text: mood.get(text, 0.4))
    first, second, third, _ = (set(c.features) for c in extended)
    assert {"kind=union", "kind=union|topic=merger", "pair_votes=oppose", "sentiment=negative",
            "sentiment=negative|rule=oppose", "cue=oppose"} <= first
    assert {"pair_votes=oppose", "sentiment=flat"} <= second  # the pair's votes, seen from each of its candidates
    assert {"kind=ccg", "pair_votes=mixed", "sentiment=positive|rule=support"} <= third


def test_candidate_features_name_the_grammar_and_words_not_the_names(nlp, registry):
    doc = nlp("Walsall Healthcare NHS Trust strongly opposes the merger with Shropshire Council.")
    [found] = [c for c in Analyser(registry, TOPICS).stance_candidates(doc) if c.stakeholder == "Walsall Healthcare NHS Trust"]
    assert "rule=oppose" in found.features and "cue=oppose" in found.features and "link=subject of the cue" in found.features
    assert not [f for f in found.features if "walsall" in f.lower() or "shropshire" in f.lower()]


def test_extract_explains_each_stance(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Walsall Healthcare NHS Trust backs the merger with its neighbour."}) + "\n")
    [line] = [json.loads(row) for row in run_tracker("extract", str(source)).stdout.splitlines()]
    [stance] = [s for s in line["stances"] if s["topic"] == "merger"]
    assert stance["cues"] and stance["link"] and 0 <= stance["probability"] <= 1


def test_train_stance_writes_a_model_that_loads(tmp_path):
    out = tmp_path / "model.json"
    run_tracker("train-stance", str(GOLD), "--out", str(out))
    again = tmp_path / "again.json"
    run_tracker("train-stance", str(GOLD), "--out", str(again))
    assert out.read_text() == again.read_text()
    assert load_model(out).weights["support"]


def test_evaluate_reports_out_of_fold_scores_beside_the_rules(tmp_path):
    predictions = tmp_path / "oof.jsonl"
    report = json.loads(run_tracker("evaluate", str(GOLD), "--folds", "3", "--predictions", str(predictions)).stdout)
    assert set(report) == {"out_of_fold", "rules_only", "folds"}
    assert len(report["folds"]) == 3 and all(fold["outlets"] == 1 for fold in report["folds"])
    assert 0 <= report["out_of_fold"]["f_avg"] <= 1
    rules = report["rules_only"]
    assert rules["support"]["tp"] + rules["oppose"]["tp"] >= 8  # the rules read these plain sentences right
    assert {json.loads(line)["id"] for line in predictions.read_text().splitlines()} == {a["id"] for a in read_gold([GOLD])}


def hand_built_doc():
    """ "Leeds Trust opposes the merger ." with its parse given, not predicted."""
    import spacy
    from spacy.tokens import Doc

    import nlp.stance_reader  # noqa: F401 - registers the component

    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Leeds", "Trust", "opposes", "the", "merger", "."],
              heads=[1, 2, 2, 4, 2, 2], deps=["compound", "nsubj", "ROOT", "det", "dobj", "punct"],
              lemmas=["Leeds", "Trust", "oppose", "the", "merger", "."], pos=["PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
              tags=["NNP", "NNP", "VBZ", "DT", "NN", "."])
    return spacy.blank("en"), doc


def stance_inputs():
    from nlp.results import Mention, OrganisationResult
    from nlp.stance_reader import StanceInputs

    leeds = OrganisationResult("Leeds Trust", "trust", mentions=[Mention("Leeds Trust", 0, 11, "Leeds Trust opposes the merger .")])
    return StanceInputs([Topic("merger", "Merger", ("merger",))], [leeds], [], [])


def test_the_stance_reader_component_on_a_hand_built_doc():
    pipeline, doc = hand_built_doc()
    reader = pipeline.add_pipe("stance_reader", config={"model_path": "", "rules": ["vote count"]})
    doc._.stance_inputs = stance_inputs()
    [stance] = reader(doc)._.stances
    assert (stance.stakeholder, stance.topic, stance.stance, stance.cues, stance.link) == \
        ("Leeds Trust", "merger", "oppose", "opposes", "subject of the cue")


def test_the_stance_reader_component_decides_with_its_model(tmp_path):
    model = StanceModel(weights={"neutral": {}, "support": {}, "oppose": {"cue=oppose": 4.0}}, bias={l: 0.0 for l in LABELS})
    model.save(tmp_path / "model.json")
    pipeline, doc = hand_built_doc()
    reader = pipeline.add_pipe("stance_reader", config={"model_path": str(tmp_path / "model.json")})
    doc._.stance_inputs = stance_inputs()
    [stance] = reader(doc)._.stances
    assert stance.stance == "oppose" and stance.probability > 0.9


def test_the_stance_reader_refuses_a_rule_it_does_not_have():
    pipeline, _ = hand_built_doc()
    with pytest.raises(ValueError, match="no such stance rule"):
        pipeline.add_pipe("stance_reader", config={"model_path": "", "rules": ["telepathy"]})


@pytest.mark.parametrize("sentence, feature", [
    # an actor's own step on the topic: the verb is there for the combiner to weigh
    ("Walsall Healthcare NHS Trust has launched a consultation on the merger.", "word=launch"),
    ("Walsall Healthcare NHS Trust has published its business case for the merger.", "word=publish"),
    # a cue's argument frame: "campaign for" and "campaign against" are told apart
    ("Leeds City Council is campaigning for the merger of the two trusts.", "cue_frame=campaign+for"),
    ("Leeds City Council is campaigning against the merger of the two trusts.", "cue=against"),
    # stopping it, and challenging it
    ("Walsall Healthcare NHS Trust has paused the merger.", "word=pause"),
    ("Walsall Healthcare NHS Trust has called off the merger.", "word=call"),
    ("Keep Our NHS Public is seeking a judicial review of the merger.", "word=judicial"),
    # negation on the cue
    ("Leeds City Council does not support the merger.", "cue_negated"),
    # a possessor holds the plan: "X's plans to create a single organisation"
    ("NHS England's plans to create a single organisation were announced.", "holder_dep=poss"),
    # a paraphrase of a topic term names the topic
    ("Walsall Healthcare NHS Trust will become part of Shropshire Community Health NHS Trust.", "topic=merger"),
    # a sentence with a stakeholder but no topic word is evidence on the article's main topic
    ("The merger was announced. Walsall Healthcare NHS Trust launched a consultation on Monday.", "link=article's main topic"),
])
def test_each_construction_reaches_the_combiner_as_a_feature(nlp, registry, sentence, feature):
    topics = [Topic("merger", "Merger", ("merger", "merge", "single organisation"))]
    found = Analyser(registry, topics).stance_candidates(nlp(sentence))
    assert any(feature in c.features for c in found), [c.features for c in found]
