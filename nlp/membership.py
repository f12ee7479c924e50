"""Unnamed groups and their members: "X, Y and Z have all joined the alliance to back an MCP".

A stance taken by "the alliance" (a group the article does not name) is shared by every
stakeholder the article says joined it; the group itself is not a stakeholder to report.
"""
from dataclasses import replace

from spacy.tokens import Span

from nlp.results import StanceResult
from nlp.stance_holders import Holder, holders_of, subject_candidates, unnamed_group

JOINING_VERBS = {"join", "form", "found", "launch"}
MEMBER_CONFIDENCE = 0.6  # a member shares the group's position; saying so itself would count for more


def members_joining(sentences: list[Span], holders: list[Holder], groups: frozenset[str]) -> dict[str, list[Holder]]:
    """For each unnamed group ("the alliance"), the stakeholders said to have joined or formed it."""
    members: dict[str, list[Holder]] = {}
    for sentence in sentences:
        inside = [h for h in holders if sentence.start_char <= h.start < sentence.end_char]
        for verb in (t for t in sentence if t.lemma_.lower() in JOINING_VERBS and t.pos_ == "VERB"):
            for group in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in groups):
                joiners = next(iter(subject_candidates(verb)), [])
                found = [h for h in holders_of(joiners, inside, None) if h.kind != "group"]
                members.setdefault(unnamed_group(group).name, []).extend(found)
    return members


def credit_members(stances: list[StanceResult], members: dict[str, list[Holder]]) -> list[StanceResult]:
    """The stances with each unnamed group's positions handed to its members, and the groups themselves left out."""
    credited = [s for s in stances if s.stakeholder_type != "group"]
    for stance in (s for s in stances if s.stakeholder_type == "group" and s.stance != "neutral"):
        for member in {m.name: m for m in members.get(stance.stakeholder, [])}.values():
            credited.append(replace(stance, stakeholder=member.name, stakeholder_type=member.kind, confidence=MEMBER_CONFIDENCE,
                                    method=f"{stance.method}, as a member of {stance.stakeholder}",
                                    link=f"member of {stance.stakeholder}", features=stance.features + ("via_membership",)))
    return credited
