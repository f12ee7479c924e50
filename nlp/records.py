"""The analysis's results as the plain records the storage layer takes (``db.analysis_store``).

The dependency runs one way: ``nlp`` knows ``db``'s record shapes, ``db`` knows nothing of
``nlp``. Each name carries the key under which its forms meet (``nlp.names``), so the
database resolves organisations and people without the analysis's normalising rules.
"""
from dataclasses import asdict

from nlp.names import organisation_key, person_key
from nlp.registry import Registry
from nlp.results import ArticleAnalysis, OrganisationResult


def name_forms(names) -> list[dict]:
    """``[{"alias", "key"}]`` for each name with a non-empty key, in order, once each."""
    forms = {name: organisation_key(name) for name in names if name}
    return [{"alias": name, "key": key} for name, key in forms.items() if key]


def organisation_record(found: OrganisationResult) -> dict:
    """An organisation found in an article: name, kind, its forms with their keys, and its mentions."""
    return {"name": found.name, "kind": found.kind, "forms": name_forms([found.name, *found.aliases]),
            "mentions": [asdict(m) for m in found.mentions]}


def analysis_record(analysis: ArticleAnalysis) -> dict:
    """One article's analysis in the shape ``db.analysis_store.save_analysis`` takes."""
    return {
        "organisations": [organisation_record(o) for o in analysis.organisations],
        "people": [{"name": p.name, "key": person_key(p.name), "role": p.role, "organisation": p.organisation,
                    "mentions": [asdict(m) for m in p.mentions]} for p in analysis.people],
        "quotes": [{"speaker": q.speaker, "speaker_type": q.speaker_type, "text": q.text, "direct": q.direct,
                    "sentiment": q.sentiment} for q in analysis.quotes],
        "stances": [{"stakeholder": s.stakeholder, "stakeholder_type": s.stakeholder_type, "topic": s.topic,
                     "stance": s.stance, "confidence": s.confidence, "evidence": s.evidence, "method": s.method,
                     "cues": s.cues, "link": s.link, "probability": s.probability}
                    for s in analysis.stances],
        "outlets": list(analysis.outlets),
    }


def registry_records(registry: Registry) -> list[dict]:
    """The registry's organisations in the shape ``db.analysis_store.seed_registry`` takes."""
    return [{"name": org.name, "kind": org.kind, "acronym": org.acronym, "ods_code": org.ods_code,
             "successor": org.successor, "forms": name_forms(org.all_names)} for org in registry.organisations]
