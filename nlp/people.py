"""People in an analysed Doc: PERSON entities, titles handled, surnames linked, roles attached."""
import re

from spacy.tokens import Doc

from nlp.doc_text import text_of
from nlp.misspellings import one_slip_apart
from nlp.names import TITLES, organisation_key, person_key
from nlp.results import Mention, OrganisationResult, PersonResult
from nlp.organisations import clean_org_text, full_name, is_organisation_name, kind_from_name
from nlp.roles import COUNCIL_ROLES, REFERENCE_WORDS, RoleFinder, resolve_reference

TITLE_PATTERN = re.compile(r"^(?:(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?\s+)+", re.IGNORECASE)


def strip_title(name: str) -> str:
    """The name without leading titles ("Dr", "Cllr", "Dame"...) or a possessive."""
    name = TITLE_PATTERN.sub("", name.strip())
    return re.sub(r"[’']s?$", "", name).strip(" ,.;:-")


BYLINE = re.compile(r"(?:^|\n)[ \t]*(?:by|words by|written by|reporting by)[ \t]+$", re.IGNORECASE)


def is_byline(text: str, start: int) -> bool:
    """True for a name that opens a byline ("By Jane Smith, health correspondent"): the writer, never a
    stakeholder or a speaker."""
    return BYLINE.search(text[max(0, start - 40) : start]) is not None


def is_person_name(name: str) -> bool:
    """False for things NER mistakes for people: all-caps labels, dates, single lower-case words."""
    if not name or name.isupper() or any(ch.isdigit() for ch in name):
        return False
    return all(part[:1].isupper() for part in name.split())


def initials(name: str) -> set[str]:
    """The acronyms a name may be written as: the initials of its words, with and without "NHS"
    ("Cornwall Partnership NHS Foundation Trust": CPNFT, CPFT)."""
    significant = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return {"".join(w[0] for w in significant).upper(), "".join(w[0] for w in significant if w != "NHS").upper()}


def organisation_with_short_form(text: str, organisations: list[OrganisationResult]) -> str | None:
    """The one organisation of the article that ``text`` is a short form of: its words written together
    inside the organisation's name ("Mersey Care", "Surrey Heartlands"), or its initials ("CPFT"); None when
    no organisation, or more than one, fits."""
    key = organisation_key(text)
    if not key:
        return None
    fitting = {org.name for org in organisations
               if f" {key} " in f" {organisation_key(org.name)} " or (text.isupper() and text in initials(org.name))}
    return fitting.pop() if len(fitting) == 1 else None


def _organisation_name(span, doc: Doc, organisations: list[OrganisationResult], role: str | None = None,
                       proposals: frozenset[str] = frozenset()) -> str | None:
    """The canonical name of the organisation mentioned (or referred to) at ``span``.

    A name that no organisation mention covers was found by the role pattern itself
    ("chairman of Shropshire Defend Our NHS"): it is added to ``organisations``, taking over
    any shorter mention NER made inside it.
    """
    for org in organisations:
        if any(m.start == span[0] and m.end == span[1] for m in org.mentions):
            return org.name
    text = text_of(doc)[span[0] : span[1]]
    if not text[:1].isupper() or text.split()[-1].lower() in REFERENCE_WORDS or text.lower() in ("its", "their"):
        named = [(m.start, org.name) for org in organisations for m in org.mentions]
        return resolve_reference(text, span[0], named)
    place = organisation_key(text)  # "Telford & Wrekin’s cabinet lead": the organisation named after the place
    starting = [org for org in organisations if organisation_key(org.name).startswith(place + " ")]
    if len(starting) > 1 and role and COUNCIL_ROLES.search(role):
        starting = [org for org in starting if org.kind == "council"]
    if len(starting) == 1:
        return starting[0].name
    if starting or text_of(doc)[span[1] : span[1] + 2] in ("’s", "'s"):
        return None  # a place's possessive that does not single out one of its organisations
    name = clean_org_text(text)
    if not is_organisation_name(name, proposals):
        return None
    sentence = doc.char_span(span[0], span[1], alignment_mode="expand").sent.text.strip()
    for org in list(organisations):
        org.mentions = [m for m in org.mentions if not (span[0] <= m.start and m.end <= span[1])]
        if not org.mentions:
            organisations.remove(org)
    organisations.append(OrganisationResult(name=full_name(name), kind=kind_from_name(name), written=name,
                                            mentions=[Mention(text, span[0], span[1], sentence)]))
    return organisations[-1].name


VENUE_AFTER = re.compile(r"\s+(?:event|conference|meeting|summit|debate|webinar|seminar|session)s?\b", re.IGNORECASE)


def organisation_for_bare_role(person, role: str, organisations: list[OrganisationResult]) -> str | None:
    """For a role stated without its organisation: a council role belongs to the council the article
    names most; any other role to the organisation named last before it in the same sentence
    ("Cannock Chase Council raised concerns, with deputy leader Gordon Alcott calling it…")."""
    text = text_of(person.doc)
    mentions = [(m.start, org) for org in organisations for m in org.mentions if m.end <= person.start_char
                and not VENUE_AFTER.match(text, m.end)]  # "speaking at a Westminster Health Forum event"
    if COUNCIL_ROLES.search(role):
        councils = [org for org in organisations if org.kind == "council"]
        return max(councils, key=lambda org: len(org.mentions)).name if councils else None
    same_sentence = [(start, org) for start, org in mentions if start >= person.sent.start_char]
    return max(same_sentence, key=lambda pair: pair[0])[1].name if same_sentence else None


MIN_SLIPPED_SURNAME = 4  # "Lee" and "Lees" are too often two names


def _surnames_one_slip_from(surname: str, by_surname: dict[str, list[PersonResult]]) -> list[PersonResult]:
    """The people whose surname ``surname`` misspells by one slip: "Cllr Moor" after "Shane Moore"."""
    if len(surname) < MIN_SLIPPED_SURNAME or " " in surname:
        return []
    return [person for known, people in by_surname.items() if one_slip_apart(surname, known) for person in people]


def collect_people(doc: Doc, organisations: list[OrganisationResult], role_finder: RoleFinder,
                   proposals: frozenset[str] = frozenset()) -> list[PersonResult]:
    """The people named in ``doc`` with their roles; a surname alone joins the full name it belongs to.

    A title with a surname and no full name anywhere ("Lord Darzi") is kept as written.
    """
    spans = [(ent, strip_title(ent.text)) for ent in doc.ents if ent.label_ == "PERSON"]
    text = text_of(doc)
    spans = [(ent, name) for ent, name in spans if is_person_name(name) and not is_byline(text, ent.start_char)]
    full = {person_key(name): PersonResult(name=name) for _, name in spans if len(name.split()) > 1}
    by_surname: dict[str, list[PersonResult]] = {}
    for key, person in full.items():
        by_surname.setdefault(person_key(person.name.split()[-1]), []).append(person)  # "o brien" for O’Brien
    org_spans = [(m.start, m.end) for org in organisations for m in org.mentions]
    for ent, name in spans:
        key = person_key(name)
        person = full.get(key)
        if person is None:
            candidates = by_surname.get(key, [])
            if len(candidates) > 1:
                continue  # a surname shared by two people in the article
            titled = TITLE_PATTERN.match(ent.text)
            if titled and not candidates:  # "Cllr Moor" after "Shane Moore": one known surname, misspelt
                slipped = _surnames_one_slip_from(key, by_surname)
                candidates = slipped if len(slipped) == 1 else []
            if candidates:
                person = candidates[0]
            elif titled:  # a title and a surname: "Lord Darzi", "Cllr Bowden"
                person = full[key] = PersonResult(name=" ".join(ent.text.split()))
            else:
                continue
        person.mentions.append(Mention(text=name, start=ent.start_char, end=ent.end_char, sentence=ent.sent.text.strip()))
        if person.role and person.organisation:
            continue
        finding = role_finder.find(ent, org_spans)
        if finding is None:
            continue
        if finding.short_form:  # else as if no organisation were written before the role
            organisation = (organisation_with_short_form(text[slice(*finding.organisation_span)], organisations)
                            or organisation_for_bare_role(ent, finding.role, organisations))
        elif finding.organisation_span:
            organisation = _organisation_name(finding.organisation_span, doc, organisations, finding.role, proposals)
        else:
            organisation = organisation_for_bare_role(ent, finding.role, organisations)
        if organisation or not person.role:  # a later mention may add the organisation the first one lacked
            person.role, person.organisation = finding.role or person.role, organisation or person.organisation
    return list(full.values())
