"""Find organisation names by the way NHS and public bodies are named: pure functions over text.

A name is a run of capitalised words (with "and", "&", "of", "upon", "on" and commas
between them, as in "Shropshire, Telford and Wrekin") that ends in a head word
("… NHS Foundation Trust", "… CCG", "… Local Medical Committee", "… Council"), or that
starts with a head ("Healthwatch …", "Royal College of …", "NHS …").
"""
import re

from nlp.vocabulary import VOCABULARY

_CALENDAR = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
             r"July|August|September|October|November|December)\b")
_CAPITALISED = rf"(?!{_CALENDAR})(?:[A-Z][\w’'&]*(?:-[A-Za-z][\w’']*)*|[A-Z]{{2,}}s?)"
_JOINER = r"(?:and|&|of|upon|on|for|the)"
_GAP = r"[ \t]+"  # a name never runs over a line break: a headline or a bullet ends where its line does
_BODY = rf"{_CAPITALISED}(?:,?{_GAP}(?:{_JOINER}{_GAP})*{_CAPITALISED})*"

# Heads that end a name. A head that can also occur inside a longer name ("Partnership"
# in "… Partnership NHS Trust") is listed too: the regex is greedy and keeps the longest.
SUFFIX_HEADS = [
    r"(?:NHS\s+)?Foundation\s+Trusts?", r"NHS\s+Trusts?", r"Trusts?", r"FTs?",
    r"Clinical\s+Commissioning\s+Groups?", r"[Cc]linical\s+[Cc]ommissioning\s+[Gg]roups?", r"CCGs?",
    r"[Ii]ntegrated\s+[Cc]are\s+[Bb]oards?", r"ICBs?", r"[Ii]ntegrated\s+[Cc]are\s+(?:[Ss]ystems?|[Pp]artnerships?)", r"ICSs?",
    r"[Ss]ustainability\s+and\s+[Tt]ransformation\s+(?:[Pp]artnerships?|[Pp]lans?)", r"STPs?",
    r"[Hh]ealth\s+and\s+[Ww]ellbeing\s+[Bb]oards?", r"[Ll]ocal\s+[Mm]edical\s+[Cc]ommittees?",
    r"GP\s+[Ff]ederation", r"Federations?", r"federation", r"Local\s+Medical\s+Committees?", r"LMCs?",
    r"(?:City|County|Borough|District|Metropolitan\s+Borough|Town|Parish)\s+Council", r"Council",
    r"(?:city|county|borough|district|metropolitan\s+borough)\s+council",  # "Dudley metropolitan borough council"
    r"Care\s+Group", r"Consortium", r"Alliance", r"Forum", r"Commission", r"Committee", r"Authority", r"Collaborative",
    r"Agency", r"Association", r"Society", r"Panel", r"Institute", r"Confederation", r"Partnership", r"Network",
    r"Ltd", r"Limited", r"plc", r"LLP", r"Medical\s+Centre", r"Health\s+Centre", r"Medical\s+Practice", r"Surgery",
    r"Hospitals?", r"Court", r"Office", r"Campaign", r"Branch", r"LBC", r"Healthcare", r"UK",
    r"(?:[Dd]istrict\s+|[Bb]orough\s+|[Cc]ounty\s+)?councils", r"for\s+(?:the\s+)?NHS(?!\s+[A-Z])",  # not "… for NHS England"
]
PREFIX_HEADS = [
    r"Healthwatch", r"NHS", r"Royal\s+College\s+of", r"(?:Department|Ministry)\s+(?:of|for)",
    r"Institute\s+(?:of|for)", r"University\s+Hospitals?\s+of",
    r"(?:Keep|Save|Defend|Protect|Support)\s+Our", r"Our\s+NHS", r"Save", r"Hands\s+Off",
]
_PREFIX = rf"(?:{'|'.join(PREFIX_HEADS)})"
# A name may open with a short number ("999 Call for the NHS"); a year never opens one ("In 2019 Leeds City Council").
_SUFFIX_NAME = re.compile(rf"\b(?:\d{{1,3}}{_GAP})?{_BODY}{_GAP}(?P<head>{'|'.join(SUFFIX_HEADS)})\b")
_PREFIX_NAME = re.compile(rf"\b{_PREFIX}{_GAP}{_BODY}")
_AND = r"(?:,?\s+(?:and|&)\s+|,\s+)"
# Where one complete name ends and the next begins: "X CCG and Y CCG", "X Council, and Y Council",
# "NHS Confederation and the King's Fund", "Healthwatch X and Healthwatch Y".
_NAME_BOUNDARY = re.compile(
    rf"\b(?P<head>Trust|FT|CCG|Group|Board|ICB|Council|Committee|LMC|Federation|Confederation)(?={_AND}[A-Z])"
    rf"|\S(?={_AND}(?:the\s+|{_PREFIX}\s))"
)
# Plural heads shared by a list: "Shropshire and Telford & Wrekin CCGs" names two CCGs.
_PLURAL_HEADS = VOCABULARY.plural_heads
_PLURAL_HEADS_LONGEST_FIRST = sorted(_PLURAL_HEADS, key=len, reverse=True)  # "district councils" before "councils"
# Collective phrases that come before "of" in front of a name: "Governing Bodies of X CCG", "Councillors on X Council".
_GROUPS = "|".join(sorted(word.capitalize() for word in VOCABULARY.people_groups))
_LEADING_COLLECTIVES = re.compile(
    rf"^(?:(?:The\s+)?(?:Governing\s+Bod(?:y|ies)|Boards?|Governors|Chairs?|{_GROUPS})\s+(?:of|on|at|from)\s+(?:the\s+)?)")
# A titled person "of" the body in front of its name: "Cllr Jo Bloggs of Trafford Council".
_TITLES = "|".join(sorted((t.capitalize() for t in VOCABULARY.titles), key=len, reverse=True))
_LEADING_TITLED_PERSON = re.compile(rf"^(?:{_TITLES})\.?\s+(?:[A-Z][\w’'-]+\s+){{1,3}}(?:of|from|at)\s+(?:the\s+)?")
# Words up to a comma that no "and" follows are not part of the name the head ends: "John Smith, University Hospitals".
_BEFORE_DANGLING_COMMA = re.compile(r"^.*,\s+(?!(?:.*\s)?(?:and|&)\s)")
_POSSESSIVE_WORD = re.compile(r"[’']s\b")
# Capitalised words that start sentences, not names: "Both X and Y CCGs", "Yesterday X Trust".
SENTENCE_STARTERS = {
    "yesterday", "today", "earlier", "later", "meanwhile", "however", "now", "last", "next", "both", "new",
    "former", "local", "senior", "all", "some", "many", "several", "while", "when", "if", "as", "after",
    "before", "since", "under", "plans", "proposals", "elsewhere", "but", "and", "also", "in", "at", "for",
    "proposed", "planned", "draft",
}
_LEADING_STARTERS = re.compile(rf"^(?:(?:{'|'.join(sorted(SENTENCE_STARTERS))})\s+)+", re.IGNORECASE)


def split_joined_names(start: int, text: str) -> list[tuple[int, int]]:
    """Split a match such as "North Staffordshire CCG and Stoke CCG" into its names."""
    spans, offset = [], 0
    for boundary in _NAME_BOUNDARY.finditer(text):
        left_words = {word.removesuffix("s") for word in text[offset : boundary.end()].split()}
        if not boundary.group("head") and not left_words & VOCABULARY.organisation_words:
            continue  # "Barts and the London NHS Trust": a left part with no word of a name is part of one name
        spans.append((start + offset, start + boundary.end()))
        offset = boundary.end() + re.match(_AND, text[boundary.end() :]).end()
    spans.append((start + offset, start + len(text)))
    spans = [(s + 4, e) if text[s - start : s - start + 4].lower() == "the " else (s, e) for s, e in spans]
    return [(s, e) for s, e in spans if e > s]


def _segmentations(words: list[str]):
    """Every way of cutting ``words`` into pieces at "and", "&" and commas, the cut words left out."""
    if not words:
        yield []
        return
    for i in range(1, len(words) + 1):
        if i < len(words) and words[i].lower() not in ("and", "&", ","):
            continue
        rest = words[i + 1 :] if i < len(words) else []
        if i < len(words) and not rest:
            continue
        for tail in _segmentations(rest):
            yield [" ".join(words[:i])] + tail


def list_items(text: str) -> list[str]:
    """The items of an English list: "A, B and C", "A, B, and C" (the serial comma), "A and B".

    Commas separate items; the last "and" (or, without one, "&") separates the last two unless a serial
    comma already did, so an item may hold its own "and": "Gateshead, Newcastle North and
    East, and Newcastle West" is three items.
    """
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    if not pieces:
        return []
    last = re.match(r"(?:and|&)\s+(.*)", pieces[-1])
    if last and len(pieces) > 1:
        return pieces[:-1] + [last.group(1)]
    # "&" binds tighter than "and" in place names: "Shropshire and Telford & Wrekin" is two items
    joiner = r"\s+and\s+(?!.*\sand\s)" if re.search(r"\sand\s", pieces[-1]) else r"\s+&\s+(?!.*\s&\s)"
    return pieces[:-1] + re.split(joiner, pieces[-1], maxsplit=1)


COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central", "mid", "north-east", "north-west", "south-east",
                           "south-west", "northern", "southern", "eastern", "western"})


def with_shared_place(items: list[str]) -> list[str]:
    """List items that are only compass words take the place the last item names: "North West and North Central
    London" is North West London and North Central London; "East and West Sussex" is East Sussex and West Sussex."""
    last_words = items[-1].split() if items else []
    compass = next((i for i, word in enumerate(last_words) if word.lower() not in COMPASS_WORDS), 0)
    if not compass:  # the last item does not open with compass words before its place
        return items
    place = " ".join(last_words[compass:])
    return [f"{item} {place}" if all(w.lower() in COMPASS_WORDS for w in item.split()) else item for item in items]


def distribute_plural_head(text: str, head: str, is_known, is_area=lambda place: False) -> list[str] | None:
    """The names a list under a plural head stands for: "X, Y and Z CCGs" as "X CCG", "Y CCG", "Z CCG".

    Any list of places is shared out. Two places joined by "and" are one collective name
    where they name one area (``is_area``) and are not both known (``is_known``):
    "Staffordshire and Stoke-on-Trent CCGs" is then one name, and None is returned. One
    place under a plural head ("Leeds CCGs") is a group of unnamed bodies: no name at all.
    """
    singular = _PLURAL_HEADS[head]
    body = text[: len(text) - len(head)].strip()
    words = re.findall(r"[^\s,]+|,", body)
    for segmentation in _segmentations(words):
        names = [f"{piece.replace(' ,', ',')} {singular}" for piece in segmentation]
        if len(names) >= 2 and all(is_known(n) for n in names):
            return names
    items = with_shared_place(list_items(body))
    if len(items) == 1:
        return None if is_known(text) or is_known(f"{body} {singular}") else []
    if len(items) == 2 and (is_area(body) or is_known(f"{body} {singular}")):
        return None
    return [f"{item} {singular}" for item in items]


# A plural head followed by the places it stands for: "the six CCGs that proposed to merge include North
# Staffordshire, Stoke-on-Trent and Cannock Chase", "the CCGs – including Cannock Chase, Stafford, and …".
_HEAD_THEN_LIST = re.compile(
    rf"\b(?P<head>{'|'.join(_PLURAL_HEADS_LONGEST_FIRST)})\b[^.;:]{{0,60}}?"
    rf"(?:\s+(?:include|includes|included|including|are|were)\b|\s*[:–—])\s+(?P<list>{_BODY})"
)


def _piece_spans(text: str, start: int, pieces: list[str]) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for piece in pieces:
        found = text.index(piece, offset)
        spans.append((start + found, start + found + len(piece)))
        offset = found + len(piece)
    return spans


def places_listed_after_head(text: str, is_known) -> list[tuple[int, int, str]]:
    """The organisations a plural head introduces as a list of bare places.

    Each is ``(start, end, name)``: the place's span and its name with the singular head
    ("North Staffordshire" → "North Staffordshire CCG"). A reading in which every place is
    known comes first; otherwise every place of a list of two or more counts, but not an
    item that is a name of its own ("including NHS England and …").
    """
    found = []
    for match in _HEAD_THEN_LIST.finditer(text):
        singular, listed = _PLURAL_HEADS[match.group("head")], match.group("list")
        words = re.findall(r"[^\s,]+|,", listed)
        pieces = next((p for p in _segmentations(words) if len(p) >= 2 and all(is_known(f"{x} {singular}") for x in p)), None)
        if pieces is None:
            pieces = list_items(listed)
            pieces = [p for p in pieces if not VOCABULARY.organisation_word_pattern.search(p)] if len(pieces) >= 2 else []
        pieces = [p.replace(" ,", ",") for p in pieces]
        spans = _piece_spans(listed, match.start("list"), pieces)
        found += [(s, e, f"{piece} {singular}") for (s, e), piece in zip(spans, pieces)]
    return found


# A kind of body in lower case, then its name: "the union GMB", "hedge funds Toscafund and Penta Capital".
_TYPE_NOUN_THEN_NAME = re.compile(
    rf"(?<![\w-])(?P<noun>{'|'.join(sorted(map(re.escape, VOCABULARY.type_nouns), key=len, reverse=True))})"
    rf"{_GAP}(?P<name>{_BODY})")


def names_after_type_nouns(text: str, is_role) -> list[tuple[int, int, str]]:
    """The bodies named right after a lower-case noun saying what kind of body they are; after a plural noun,
    each body of the list. A name that opens with a role ("the union Chief Executive") is no body."""
    found = []
    for match in _TYPE_NOUN_THEN_NAME.finditer(text):
        name, start = match.group("name"), match.start("name")
        if match.group("noun").endswith("s") and match.group("noun") not in ("corporation",):
            pieces = list_items(name)
        else:
            pieces = [re.split(r",?\s+(?:and|&)\s+", name)[0]]
        pieces = [p.strip(" ,") for p in pieces if p.strip(" ,") and not is_role(p.split()[0])]
        found += [(s, e, text[s:e]) for s, e in _piece_spans(name, start, pieces)]
    return found


def find_organisation_names(text: str, is_known=lambda name: False, is_area=lambda place: False) -> list[tuple[int, int, str]]:
    """Organisation names written the way NHS and public bodies are named.

    Each is ``(start, end, name)``: the span in ``text`` and the name it stands for. A list
    under a plural head ("X and Y CCGs") gives one entry per organisation, all with the
    list's span; ``is_known`` tells which names are known organisations, ``is_area`` which
    places are one area with several bodies ("Staffordshire and Stoke-on-Trent").
    """
    found = []
    for match in _SUFFIX_NAME.finditer(text):
        start, name = match.start(), match.group(0)
        for leading_words in (_LEADING_STARTERS, _LEADING_TITLED_PERSON, _LEADING_COLLECTIVES, _BEFORE_DANGLING_COMMA):
            leading = leading_words.match(name)
            if leading:
                start, name = start + leading.end(), name[leading.end() :]
        for s, e in split_joined_names(start, name):
            piece = text[s:e]
            head = _plural_head_of(piece)
            names = distribute_plural_head(piece, head, is_known, is_area) if head else None
            found.extend((s, e, name) for name in ([piece] if names is None else names))
    suffix_names = list(found)
    for match in _PREFIX_NAME.finditer(text):
        if any(s < match.start() < e or s == match.start() and match.end() <= e for s, e, _ in suffix_names):
            continue  # "NHS Foundation Trust Chairman …" starting inside "Barnsley Hospital NHS Foundation Trust"; a list read already
        name = match.group(0)
        possessive = _POSSESSIVE_WORD.search(name)
        if possessive:  # "NHS England’s MCP plans": the name ends at the possessive
            name = name[: possessive.start()]
        pieces = split_joined_names(match.start(), name)
        found.extend((s, e, _singular_head(text[s:e]) if len(pieces) > 1 else text[s:e])
                     for s, e in pieces if re.match(_PREFIX, text[s:e]))
    found += [entry for entry in places_listed_after_head(text, is_known)
              if not any(s < entry[1] and entry[0] < e for s, e, _ in found)]
    return [entry for entry in sorted(set(found)) if not _inside_another(entry, found)]


def _plural_head_of(name: str) -> str | None:
    """The plural head a name ends in ("CCGs" in "Leeds and Bradford CCGs"), if any."""
    return next((h for h in _PLURAL_HEADS_LONGEST_FIRST if name.endswith(" " + h)), None)


def _singular_head(name: str) -> str:
    """A name from a joined pair with the pair's plural head made singular: "NHS Surrey Heartlands ICBs" (after
    "NHS Sussex and") is NHS Surrey Heartlands ICB."""
    head = _plural_head_of(name)
    return f"{name[: -len(head)]}{_PLURAL_HEADS[head]}" if head else name


def _inside_another(entry: tuple[int, int, str], found: list[tuple[int, int, str]]) -> bool:
    """True for a span strictly inside a longer one ("NHS Foundation Trust" inside "Leeds … NHS Foundation Trust")."""
    start, end, _ = entry
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in found)
