"""The stance reader as a spaCy component: the rule reader's evidence, decided by the learned combiner.

Stances depend on what the other steps found (organisations, people, quotes), which the
``Analyser`` works out after the pipeline has run; it hands them to the component through
``doc._.stance_inputs`` and reads the result from ``doc._.stances``. The component is
configured like any spaCy component: which model file, which named rules::

    reader = nlp.add_pipe("stance_reader", config={"rules": ["main topic"]})
"""
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from nlp.stance import RULES, combine, combine_learned, stance_candidates
from nlp.stance_cues import Cues, load_cues
from nlp.stance_model import MODEL_FILE, StanceModel, load_model

if not Doc.has_extension("stance_inputs"):
    Doc.set_extension("stance_inputs", default=None)
if not Doc.has_extension("stances"):
    Doc.set_extension("stances", default=[])


@dataclass
class StanceInputs:
    """What the stance reader needs besides the parse: the topics and what the other steps found."""

    topics: list
    organisations: list
    people: list
    quotes: list  # direct quotes only


@Language.factory(
    "stance_reader",
    default_config={"model_path": str(MODEL_FILE), "rules": sorted(RULES)},
    assigns=["doc._.stances"],
    requires=["doc._.stance_inputs", "token.dep"],
)
def make_stance_reader(nlp: Language, name: str, model_path: str, rules: list[str]):
    """Factory for the stance reader; an empty ``model_path`` leaves the rules' own votes to decide."""
    return StanceReader(load_cues(), load_model(Path(model_path)) if model_path else None, frozenset(rules))


class StanceReader:
    """Proposes evidence with the rule reader and decides each (stakeholder, topic) with the combiner."""

    def __init__(self, cues: Cues, model: StanceModel | None, rules: frozenset[str] = RULES):
        unknown = rules - RULES
        if unknown:
            raise ValueError(f"no such stance rule: {', '.join(sorted(unknown))} (rules: {', '.join(sorted(RULES))})")
        self.cues, self.model, self.rules = cues, model, rules

    def candidates(self, doc: Doc, rules: frozenset[str] | None = None) -> list:
        """Every piece of evidence the rule reader finds (with its own rules, or ``rules``), before combining."""
        inputs: StanceInputs = doc._.stance_inputs
        return stance_candidates(doc, inputs.topics, inputs.organisations, inputs.people, inputs.quotes, self.cues,
                                 self.rules if rules is None else rules)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.stance_inputs is None:
            doc._.stances = []
        elif self.model is None:  # the rules alone take no side on a sentence that names no topic
            doc._.stances = combine(self.candidates(doc, self.rules - {"main topic"}))
        else:
            doc._.stances = combine_learned(self.candidates(doc), self.model)
        return doc
