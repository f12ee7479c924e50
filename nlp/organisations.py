"""Organisations in an analysed Doc: filter the ORG entities and resolve their forms to one name each."""
import re

from spacy.tokens import Doc, Span

from nlp.names import organisation_key
from nlp.registry import Registry
from nlp.results import Mention, OrganisationResult

# Words that name a kind of body, a document or a topic, never one organisation on their own.
GENERIC_NAMES = {
    "nhs", "gp", "gps", "ccg", "ccgs", "icb", "icbs", "ics", "stp", "stps", "lmc", "lmcs", "pct", "pcts",
    "pcn", "pcns", "mcp", "mcps", "aco", "acos", "cep", "ceps", "gms", "pms", "apms", "qof", "copd", "a&e",
    "council", "trust", "federation", "healthcare", "clinical commissioning groups", "the governing bodies",
}
NOT_ORGANISATIONS = re.compile(
    r"\b(act|bill|white paper|green paper|forward view|long term plan|business case|plan|strategy|review|"
    r"contract|framework|programme|board meeting)\b",
    re.IGNORECASE,
)
OUTLETS = {"hsj", "pulse", "gponline", "healthcare leader", "bbc", "the guardian", "the times", "nursing times", "health service journal"}


def clean_org_text(text: str) -> str:
    """The name without a leading "the", a possessive or trailing punctuation."""
    text = re.sub(r"^(the)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"[’']s?$", "", text)
    return text.strip(" ,.;:-")


def is_organisation_name(text: str) -> bool:
    """False for generic words, outlets, documents and all-lower-case phrases."""
    lowered = text.lower()
    if lowered in GENERIC_NAMES or lowered in OUTLETS or not any(c.isupper() for c in text):
        return False
    return not NOT_ORGANISATIONS.search(text)


def _mention(span: Span, text: str) -> Mention:
    return Mention(text=text, start=span.start_char, end=span.end_char, sentence=span.sent.text.strip())


def collect_organisations(doc: Doc, registry: Registry) -> list[OrganisationResult]:
    """The organisations named in ``doc``, each once, under its canonical (or longest) name."""
    by_key: dict[str, OrganisationResult] = {}
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        text = clean_org_text(ent.text)
        if not is_organisation_name(text):
            continue
        known = registry.lookup(text)
        key = organisation_key(known.name if known else text)
        if not key:
            continue
        result = by_key.get(key)
        if result is None:
            result = by_key[key] = OrganisationResult(
                name=known.name if known else text, kind=known.kind if known else None, in_registry=bool(known)
            )
        if not known and len(text) > len(result.name):
            result.aliases.append(result.name)
            result.name = text
        elif text != result.name and text not in result.aliases:
            result.aliases.append(text)
        result.mentions.append(_mention(ent, text))
    return list(by_key.values())
