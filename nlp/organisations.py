"""Organisations in an analysed Doc: filter the ORG entities and resolve their forms to one name each.

Resolution, in order: a name (or acronym) in the registry is that organisation; an
acronym defined in the article is its long form; otherwise names meet on their
normalised key, and a name whose key is a near-copy of a known one (one word missing,
or a typing slip) joins it.
"""
import re
from collections import Counter

from spacy.tokens import Doc, Span

from nlp.doc_text import text_of
from nlp.entity_rules import ORGANISATION_WORDS
from nlp.names import TITLES, near_copy, organisation_key
from nlp.registry import Registry
from nlp.results import Mention, OrganisationResult
from nlp.vocabulary import VOCABULARY

NOT_ORGANISATIONS = re.compile(
    r"\b(act|bill|white paper|green paper|forward view|long term plan|business case|plan|strategy|review|"
    r"contract|framework|programme|board meeting|secretary of state|state for health|briefing|process)\b",
    re.IGNORECASE,
)
OUTLET_NAMES = ("HSJ", "Health Service Journal", "Pulse", "GPonline", "Healthcare Leader", "BBC", "The Guardian",
                "The Times", "Nursing Times", "Local Democracy Reporting Service", "The Sentinel", "Shropshire Star")
OUTLETS = {name.lower() for name in OUTLET_NAMES}
OUTLET_PATTERN = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(OUTLET_NAMES, key=len, reverse=True)))})\b")


def clean_org_text(text: str) -> str:
    """The name without a leading "the", a possessive or trailing punctuation."""
    text = re.sub(r"^(the)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    text = re.sub(r"[’']s?$", "", text)
    return text.strip(" ,.;:-")


FULL_HEADS = [(rf"\b{short}$", full) for short, full in VOCABULARY.short_heads.items()] + [(r"(?<!NHS)\s+FT$", " NHS Foundation Trust")]


def full_name(name: str) -> str:
    """A name with its short head written out: "Wolverhampton LMC" is "Wolverhampton Local Medical Committee"."""
    for short, full in FULL_HEADS:
        if re.search(short, name):
            return re.sub(short, full, name)
    return name


def kind_from_name(name: str) -> str | None:
    """The kind of body a name's head word says it is ("… CCG" is a CCG), if any."""
    return VOCABULARY.kind_of(name)


DANGLING_WORDS = {"of", "on", "at", "for", "and", "&", "the", "to", "in", "from", "with"}


PARTY_LABEL_WORDS = VOCABULARY.parties | VOCABULARY.portfolio_words | {"and"}


def is_organisation_name(text: str, proposals: frozenset[str] = frozenset()) -> bool:
    """False for generic words, outlets, documents, people's titles and all-lower-case phrases, and for
    names that are one of the ``proposals`` (topic terms and acronyms), or end in one ("Northern Staffordshire MCP" is a plan, not a body)."""
    lowered = text.lower()
    if lowered in VOCABULARY.generic_names or lowered in OUTLETS or not any(c.isupper() for c in text):
        return False
    fragment_of_nhs = lowered.endswith(" nhs") and len(lowered.split()) <= 2  # "Shropshire NHS", "Wrekin’s NHS"
    if "\n" in text or "•" in text or fragment_of_nhs or lowered.split()[0].rstrip(".") in TITLES:
        return False
    if lowered in proposals or lowered.split()[-1] in proposals:
        return False
    if lowered.split()[-1] in VOCABULARY.people_groups or lowered.split()[-1] in DANGLING_WORDS:
        return False  # "Leeds GPs", or a fragment cut before its name: "Councillors on"
    if all(word in VOCABULARY.descriptor_words or word.isdigit() for word in lowered.split()):  # "GP Federations", "12 NHS Trusts"
        return False
    if all(word in PARTY_LABEL_WORDS for word in lowered.split()):  # "Independent and Conservative", "Labour Health"
        return False  # party labels on people ("the Labour Health Secretary"), not a party's name
    return not NOT_ORGANISATIONS.search(text)


def usual_form(forms: Counter, registry: Registry) -> str:
    """The form of a name the article uses: spelt out rather than an acronym, then a form the
    registry lists over a slip of the pen, then the most frequent, then the longest ("Royal College
    of GPs" written twice over a single "Royal College of General Practitioners")."""
    return max(forms, key=lambda form: (not form.isupper(), registry.lists(form), forms[form], len(form)))


def is_lone_word(name: str) -> bool:
    """True for one capitalised word with no organisation word in it ("Wirral", "Future"): far more
    often a place or a common noun than a body, unless the registry lists it."""
    return len(name.split()) == 1 and name[1:].islower() and not ORGANISATION_WORDS.search(name)


class OrganisationIndex:
    """The organisations found so far in one article, keyed by normalised name."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.by_key: dict[str, OrganisationResult] = {}
        self.forms: dict[str, Counter] = {}

    def add(self, name: str, mention: Mention, also_called: str | None = None) -> None:
        """Record ``name`` mentioned at ``mention`` (written ``also_called``, an acronym, if given)."""
        known = self.registry.lookup(name) or self.registry.near(name)
        key = organisation_key(known.name if known else name)
        if not key:
            return
        if key not in self.by_key and not known:
            key = next((k for k in self.by_key if near_copy(key, k) or near_copy(k, key)), key)
        result = self.by_key.get(key)
        if result is None:
            result = self.by_key[key] = OrganisationResult(
                name=known.name if known else full_name(name), kind=known.kind if known else kind_from_name(name),
                in_registry=bool(known),
            )
        self.forms.setdefault(key, Counter())[name] += 1
        if not known and len(full_name(name)) > len(result.name):
            result.aliases.append(result.name)
            result.name, result.kind = full_name(name), kind_from_name(name) or result.kind
        for alias in (name, also_called):
            if alias and alias != result.name and alias not in result.aliases:
                result.aliases.append(alias)
        result.mentions.append(mention)

    def results(self) -> list[OrganisationResult]:
        """The organisations found, each named by the form the article usually writes."""
        for key, result in self.by_key.items():
            result.written = usual_form(self.forms[key], self.registry)
        return list(self.by_key.values())


# A name followed by one of these is a place: "GPs in the Stafford area".
PLACE_AFTER = re.compile(r"\s+(?:area|areas|region|patch|footprint|locality|localities)\b")


def _is_a_kind(ent: Span) -> bool:
    """"a Super Trust", "an Integrated Care Board": a capitalised kind after "a", not one named body. When a noun
    follows, the name only describes it and is a body ("a Unison spokesman")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return ent.start > 0 and doc[ent.start - 1].lower_ in ("a", "an") and not (after is not None and after.pos_ in ("NOUN", "PROPN"))


def _names_of(ent: Span) -> list[str]:
    doc = ent.doc
    listed = doc._.listed_organisations.get((ent.start_char, ent.end_char))
    if listed:
        return listed
    text = clean_org_text(ent.text)
    return [doc._.acronyms.get(text, text)] if text in doc._.acronyms else [text]


def _is_place_inside_a_name(text: str, ent: Span, longer_names: list[str], registry: Registry) -> bool:
    """Words NER took for an organisation that are only a place in the article's longer names.

    "Stoke on Trent" beside "Stoke on Trent CCG", "Telford" beside "Telford & Wrekin Council";
    an unknown lone acronym ("CHESHIRE", "TLA") goes too.
    """
    listed = (ent.start_char, ent.end_char) in ent.doc._.listed_organisations  # a place standing for "North Staffordshire CCG"
    if listed or registry.lookup(text) or text in ent.doc._.acronyms or ORGANISATION_WORDS.search(text):
        return False
    if len(text.split()) == 1 and text.isupper():
        return True
    return any(name != text and re.search(rf"\b{re.escape(text)}\b", name) for name in longer_names)


def collect_organisations(doc: Doc, registry: Registry, proposals: frozenset[str] = frozenset()) -> list[OrganisationResult]:
    """The organisations named in ``doc``, each once, under its canonical (or longest) name; names
    that are or end in one of the ``proposals`` (topic terms and acronyms) are left out."""
    org_ents = [e for e in doc.ents if e.label_ == "ORG"]
    longer_names = [e.text for e in org_ents if len(e.text.split()) > 1]
    index = OrganisationIndex(registry)
    text = text_of(doc)
    for ent in org_ents:
        written = clean_org_text(ent.text)
        if _is_place_inside_a_name(written, ent, longer_names, registry) or PLACE_AFTER.match(text, ent.end_char) or _is_a_kind(ent):
            continue
        mention = Mention(text=written, start=ent.start_char, end=ent.end_char, sentence=ent.sent.text.strip())
        acronym = written if written in doc._.acronyms else None
        vouched = (ent.start_char, ent.end_char) in doc._.listed_organisations  # the text says it is a body
        for name in _names_of(ent):
            if registry.lists(name) or is_organisation_name(name, proposals) and (vouched or not is_lone_word(name)):
                index.add(name, mention, also_called=acronym)
    return index.results()


def collect_outlets(doc: Doc) -> list[str]:
    """The news outlets the article names as its source ("HSJ understands", "told Pulse"), kept apart
    from the stakeholders. Outlets are a known list, matched by name rather than left to NER."""
    named = set(OUTLET_PATTERN.findall(text_of(doc)))
    return [name for name in OUTLET_NAMES if name in named]
