"""The learned stance combiner: multinomial logistic regression over candidate features, kept as a readable table.

Why this and not a trained spaCy component or a neural model: the gold data holds a few
hundred stance pairs, far too few for a network to learn English stance; what they can
teach is how much to trust each of the rule reader's cues, links and contexts. A linear
model over named features does exactly that, trains in seconds with numpy alone (no
scikit-learn, nothing random: weights start at zero and full-batch gradient descent
gives the same weights every run), and its weights are a JSON table a reviewer can read:
which feature pushes towards support, oppose or neutral, and by how much.
"""
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ("neutral", "support", "oppose")
MODEL_FILE = Path(__file__).parent / "data" / "stance_model.json"
MIN_FEATURE_COUNT = 2  # a feature seen once in training is noise: it gets no weight
KEPT_WEIGHT = 0.01  # a feature whose weights are all smaller is dropped from the file: it changes no decision
# Chosen by outlet-grouped cross-validation on the gold articles (README: "How the stance combiner is trained").
L2 = 3.0
THRESHOLD = 0.45


@dataclass(frozen=True)
class StanceModel:
    """Weights per label and feature, a bias per label, and the decision threshold for a side."""

    weights: dict[str, dict[str, float]]  # label → feature → weight
    bias: dict[str, float]
    threshold: float = THRESHOLD  # the least probability of support or oppose that takes a side

    def probabilities(self, features: list[str]) -> dict[str, float]:
        """P(label | features) for each label."""
        scores = {label: self.bias[label] + sum(self.weights[label].get(f, 0.0) for f in set(features)) for label in LABELS}
        top = max(scores.values())
        exps = {label: math.exp(score - top) for label, score in scores.items()}
        total = sum(exps.values())
        return {label: value / total for label, value in exps.items()}

    def save(self, path: Path) -> None:
        """Write the model to ``path`` as JSON: one line per feature with its weight for each label, in
        ``labels`` order, features sorted, so that a retrained model reads as a small diff."""
        features = sorted({f for label in LABELS for f in self.weights[label]})
        rows = [f"  {json.dumps(f, ensure_ascii=False)}: {json.dumps([self.weights[label].get(f, 0.0) for label in LABELS])}"
                for f in features]
        head = {"labels": list(LABELS), "threshold": self.threshold, "bias": [self.bias[label] for label in LABELS]}
        Path(path).write_text(json.dumps(head)[:-1] + ', "weights": {\n' + ",\n".join(rows) + "\n}}\n", encoding="utf-8")


def load_model(path: Path = MODEL_FILE) -> StanceModel:
    """Read a model written by ``StanceModel.save``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    order = data["labels"]
    weights = {label: {f: values[order.index(label)] for f, values in data["weights"].items() if values[order.index(label)]}
               for label in LABELS}
    return StanceModel(weights=weights, bias={label: float(data["bias"][order.index(label)]) for label in LABELS},
                       threshold=float(data["threshold"]))


def fit(examples: list[tuple[list[str], str]], l2: float = L2, steps: int = 400, rate: float = 0.5,
        threshold: float = THRESHOLD) -> StanceModel:
    """Train on ``(features, label)`` examples: L2-regularised softmax regression by full-batch gradient descent.

    Classes are weighted by the inverse of their frequency, so that the many neutral
    candidates do not drown the few that take a side.
    """
    counts: dict[str, int] = {}
    for features, _ in examples:
        for feature in set(features):
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    x = np.zeros((len(examples), len(vocabulary)))
    for row, (features, _) in enumerate(examples):
        for feature in set(features):
            if feature in index:
                x[row, index[feature]] = 1.0
    y = np.zeros((len(examples), len(LABELS)))
    for row, (_, label) in enumerate(examples):
        y[row, LABELS.index(label)] = 1.0
    class_weight = y.sum(axis=0)
    class_weight = np.where(class_weight > 0, len(examples) / (len(LABELS) * np.maximum(class_weight, 1)), 0.0)
    sample_weight = (y * class_weight).sum(axis=1, keepdims=True)
    w = np.zeros((len(vocabulary), len(LABELS)))
    b = np.zeros(len(LABELS))
    n = max(len(examples), 1)
    for _ in range(steps):
        scores = x @ w + b
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        error = (p - y) * sample_weight
        w -= rate * (x.T @ error / n + l2 * w / n)
        b -= rate * error.sum(axis=0) / n
    kept = {f: i for f, i in index.items() if abs(w[i]).max() >= KEPT_WEIGHT}
    weights = {label: {f: round(float(w[i, j]), 4) for f, i in kept.items()} for j, label in enumerate(LABELS)}
    return StanceModel(weights=weights, bias={label: round(float(b[j]), 4) for j, label in enumerate(LABELS)},
                       threshold=threshold)
