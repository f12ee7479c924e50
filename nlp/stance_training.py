"""Training and honest evaluation of the learned stance combiner on gold-annotated articles.

Gold lines follow the gold format (``id``, ``source``, ``text``, ``organisations``,
``people``, ``stances``, ``ignore_stances``, ``evaluate``). Each candidate the rule reader
proposes is labelled with the gold stance of its (stakeholder, topic) pair, neutral when
the gold lists none. Evaluation is grouped cross-validation: whole outlets are held out
together, so no score is taken on an outlet the model was trained on.
"""
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from nlp.analysis import Analyser
from nlp.names import organisation_key, person_key
from nlp.results import StanceResult
from nlp.stance import RULES, combine, combine_learned
from nlp.stance_model import LABELS, StanceModel, fit

SIDES = ("support", "oppose")


def read_gold(paths) -> list[dict]:
    """The gold articles of every file in ``paths``, in order."""
    return [json.loads(line) for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def outlet(article: dict) -> str:
    """The outlet an article comes from: its ``source`` without bracketed detail, lower case."""
    name = re.sub(r"\(.*?\)", "", article.get("source") or "unknown").lower()
    return " ".join(re.sub(r"[^\w\s]", " ", name).split()) or "unknown"


def outlet_folds(articles: list[dict], folds: int) -> list[list[dict]]:
    """Articles split into ``folds`` groups with no outlet in two: biggest outlets first, each to the
    smallest group so far; the same split on every run."""
    by_outlet: dict[str, list[dict]] = {}
    for article in articles:
        by_outlet.setdefault(outlet(article), []).append(article)
    order = sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), hashlib.sha256(o.encode()).hexdigest()))
    parts: list[list[dict]] = [[] for _ in range(folds)]
    for name in order:
        min(parts, key=len).extend(by_outlet[name])
    return parts


class GoldStakeholders:
    """The stakeholders of one gold article, to tell which gold stance a predicted name speaks of."""

    def __init__(self, article: dict):
        self.keys: list[set[str]] = []
        for org in article.get("organisations", []):
            self.keys.append({organisation_key(n) for n in [org["name"], *org.get("aliases", [])]} - {""})
        for person in article.get("people", []):
            self.keys.append({person_key(person["name"])})

    def keys_of(self, name: str) -> set[str]:
        """Every key of the gold entity ``name`` belongs to, or just its own keys when it is none."""
        own = {organisation_key(name), person_key(name)} - {""}
        found = [keys for keys in self.keys if keys & own]
        return set().union(own, *found)


def gold_labels(article: dict, candidates: list[StanceResult]) -> list[str | None]:
    """The gold side of each candidate's (stakeholder, topic) pair: support, oppose, neutral when the gold
    lists none, None when the pair is too ambiguous to learn from (``ignore_stances``)."""
    stakeholders = GoldStakeholders(article)
    pairs = [(s["topic"], set().union(*(stakeholders.keys_of(n) for n in [s["stakeholder"], *s.get("also", [])])), s["stance"])
             for s in article.get("stances", [])]
    ignored = [(s["topic"], stakeholders.keys_of(s["stakeholder"])) for s in article.get("ignore_stances", [])]
    labels = []
    for candidate in candidates:
        keys = stakeholders.keys_of(candidate.stakeholder)
        if any(topic == candidate.topic and keys & names for topic, names in ignored):
            labels.append(None)
            continue
        sides = [side for topic, names, side in pairs if topic == candidate.topic and keys & names]
        labels.append(sides[0] if sides else "neutral")
    return labels


@dataclass
class ArticleCandidates:
    """One gold article with the rule reader's candidates and their gold labels."""

    article: dict
    candidates: list[StanceResult]
    labels: list[str | None]


def article_candidates(articles: list[dict], nlp, analyser: Analyser, rules: frozenset[str] = RULES) -> list[ArticleCandidates]:
    """The candidates of every article whose stances the gold scores, with the named ``rules`` switched on."""
    scored = [a for a in articles if "stances" in a.get("evaluate", ["stances"])]
    found = []
    for article, doc in zip(scored, nlp.pipe(a["text"] for a in scored)):
        candidates = analyser.stance_candidates(doc, rules)
        found.append(ArticleCandidates(article, candidates, gold_labels(article, candidates)))
    return found


def train(found: list[ArticleCandidates], **settings) -> StanceModel:
    """A combiner fitted to every labelled candidate of ``found``."""
    examples = [(list(c.features), label) for item in found for c, label in zip(item.candidates, item.labels) if label in LABELS]
    return fit(examples, **settings)


def decide(item: ArticleCandidates, model: StanceModel | None) -> list[StanceResult]:
    """The article's stances as the combiner (or, without one, the rules) decides them."""
    return combine_learned(item.candidates, model) if model is not None else combine(item.candidates)


def stance_scores(found: list[ArticleCandidates], decided: list[list[StanceResult]]) -> dict:
    """F1 of support and oppose over (article, stakeholder, topic) pairs, and their mean F_avg.

    A predicted side is right when the gold gives its pair that side; a neutral prediction
    is never wrong; each gold pair is found at most once.
    """
    counts = {side: [0, 0, 0] for side in SIDES}  # true positives, false positives, false negatives
    for item, stances in zip(found, decided):
        stakeholders = GoldStakeholders(item.article)
        gold = [(s["topic"], set().union(*(stakeholders.keys_of(n) for n in [s["stakeholder"], *s.get("also", [])])), s["stance"])
                for s in item.article.get("stances", []) if s["stance"] in SIDES]
        ignored = [(s["topic"], stakeholders.keys_of(s["stakeholder"])) for s in item.article.get("ignore_stances", [])]
        found_pairs = set()
        for stance in (s for s in stances if s.stance in SIDES):
            keys = stakeholders.keys_of(stance.stakeholder)
            if any(topic == stance.topic and keys & names for topic, names in ignored):
                continue
            match = next((i for i, (topic, names, side) in enumerate(gold)
                          if i not in found_pairs and topic == stance.topic and keys & names and side == stance.stance), None)
            if match is None:
                counts[stance.stance][1] += 1
            else:
                found_pairs.add(match)
                counts[stance.stance][0] += 1
        for i, (_, _, side) in enumerate(gold):
            if i not in found_pairs:
                counts[side][2] += 1
    scores = {side: _f1(*counts[side]) for side in SIDES}
    scores["f_avg"] = round((scores["support"]["f1"] + scores["oppose"]["f1"]) / 2, 3)
    return scores


def _f1(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": round(precision, 3), "r": round(recall, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def cross_validate(found: list[ArticleCandidates], folds: int, **settings) -> dict:
    """Out-of-fold stance scores: for each outlet group, a combiner trained on the others decides its articles.

    Returns the pooled out-of-fold scores, each fold's, the rules' own scores on the same
    articles, and the out-of-fold decisions (article id → stances) for writing predictions.
    """
    by_id = {item.article["id"]: item for item in found}
    parts = [[by_id[a["id"]] for a in part if a["id"] in by_id] for part in outlet_folds([i.article for i in found], folds)]
    out_of_fold: dict[str, list[StanceResult]] = {}
    per_fold = []
    for held_out in parts:
        training = [item for part in parts if part is not held_out for item in part]
        model = train(training, **settings)
        decided = [decide(item, model) for item in held_out]
        out_of_fold.update({item.article["id"]: stances for item, stances in zip(held_out, decided)})
        per_fold.append({"articles": len(held_out), "outlets": len({outlet(i.article) for i in held_out}),
                         **stance_scores(held_out, decided)})
    ordered = [item for part in parts for item in part]
    return {"out_of_fold": stance_scores(ordered, [out_of_fold[i.article["id"]] for i in ordered]),
            "rules_only": stance_scores(ordered, [decide(i, None) for i in ordered]),
            "folds": per_fold, "decisions": out_of_fold}
