"""`tracker train-stance` and `tracker evaluate`: fit the stance combiner to gold articles, and score it honestly."""
import json
import sys
from pathlib import Path

from nlp.stance import RULES
from nlp.stance_model import StanceModel


def _gold_candidates(gold_paths: list[Path], topics_path: Path, without: frozenset[str] = frozenset()):
    from nlp.analysis import Analyser
    from nlp.pipeline import build_pipeline
    from nlp.registry import load_registry
    from nlp.stance_training import article_candidates, read_gold
    from nlp.topics import load_topics

    registry = load_registry()
    analyser = Analyser(registry, load_topics(topics_path))
    return article_candidates(read_gold(gold_paths), build_pipeline(registry), analyser, RULES - without)


def train_stance(gold_paths: list[Path], topics_path: Path, out: Path) -> StanceModel:
    """Fit the combiner to every labelled candidate of the gold articles and write it to ``out``."""
    from nlp.stance_training import train

    found = _gold_candidates(gold_paths, topics_path)
    model = train(found)
    model.save(out)
    features = len({f for label in model.weights.values() for f in label})
    print(f"trained on {sum(len(i.candidates) for i in found)} candidates from {len(found)} articles; "
          f"{features} features with weights; written to {out}", file=sys.stderr)
    return model


def evaluate(gold_paths: list[Path], topics_path: Path, folds: int, predictions: Path | None,
             without: frozenset[str] = frozenset()) -> dict:
    """Out-of-fold stance scores with whole outlets held out, beside the rules' own; print them as JSON.

    ``without`` names rules of the reader to switch off (``nlp.stance.RULES``). With
    ``predictions``, the out-of-fold stances are written there as ``tracker extract`` lines
    (stances only), for an outside scorer.
    """
    from nlp.stance_training import cross_validate

    unknown = without - RULES
    if unknown:
        raise ValueError(f"no such stance rule: {', '.join(sorted(unknown))} (rules: {', '.join(sorted(RULES))})")
    found = _gold_candidates(gold_paths, topics_path, without)
    result = cross_validate(found, folds)
    if predictions is not None:
        with open(predictions, "w", encoding="utf-8") as out:
            for article_id, stances in result["decisions"].items():
                out.write(json.dumps({"id": article_id, "stances": [s.to_json() for s in stances]}, ensure_ascii=False) + "\n")
    report = {key: result[key] for key in ("out_of_fold", "rules_only", "folds")}
    print(json.dumps(report, indent=1))
    return report
