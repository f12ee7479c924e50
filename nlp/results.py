"""What the analysis of one article produces: plain dataclasses, serialised to the contract JSON."""
from dataclasses import dataclass, field


@dataclass
class Mention:
    """Where a name occurs: character offsets in the text and the sentence around it."""

    text: str
    start: int
    end: int
    sentence: str
    sentiment: float | None = None  # polarity of the sentence around the mention


@dataclass
class OrganisationResult:
    """An organisation named in an article, resolved to one canonical name.

    ``name`` is the canonical record (the registry's name, or the fullest form the
    article gives); ``written`` is the form the article itself usually writes, which is
    what a reader of the article sees and what ``tracker extract`` reports.
    """

    name: str
    kind: str | None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    in_registry: bool = False
    written: str = ""

    def to_json(self) -> dict:
        """The contract form: the written name, its other forms, the canonical record and the kind."""
        written = self.written or self.name
        aliases = [a for a in dict.fromkeys([self.name, *self.aliases]) if a != written]
        return {"name": written, "aliases": aliases, "canonical": self.name, "kind": self.kind}


@dataclass
class PersonResult:
    """A person named in an article, with the role and organisation the text gives them."""

    name: str
    role: str | None = None
    organisation: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    def to_json(self) -> dict:
        """The contract form: name, role and organisation."""
        return {"name": self.name, "role": self.role, "organisation": self.organisation}


@dataclass
class QuoteResult:
    """Words attributed to a speaker."""

    speaker: str | None
    speaker_type: str | None
    text: str
    direct: bool
    start: int
    end: int
    sentiment: float | None = None

    def to_json(self) -> dict:
        """The contract form, with the quote's sentiment added."""
        return {"speaker": self.speaker, "speaker_type": self.speaker_type, "text": self.text, "direct": self.direct,
                "sentiment": self.sentiment}


@dataclass
class StanceResult:
    """A stakeholder's position on a topic in one article, with the sentence that shows it and why.

    ``cues`` are the words the position was read from, ``link`` how the stakeholder was tied
    to them ("subject of the cue", "speaker of the quote", "member of the alliance", …),
    ``probability`` the learned combiner's probability of the side taken (None without one).
    ``features`` are what the combiner saw; they are not part of the contract.
    """

    stakeholder: str
    stakeholder_type: str
    topic: str
    stance: str
    confidence: float
    evidence: str
    method: str
    cues: str = ""
    link: str = ""
    probability: float | None = None
    features: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def to_json(self) -> dict:
        """The contract form, with the explanation (cue words, link, probability) added."""
        return {
            "stakeholder": self.stakeholder,
            "stakeholder_type": self.stakeholder_type,
            "topic": self.topic,
            "stance": self.stance,
            "confidence": round(self.confidence, 2),
            "evidence": self.evidence,
            "method": self.method,
            "cues": self.cues,
            "link": self.link,
            "probability": None if self.probability is None else round(self.probability, 2),
        }


@dataclass
class ArticleAnalysis:
    """Everything the pipeline found in one article."""

    organisations: list[OrganisationResult] = field(default_factory=list)
    people: list[PersonResult] = field(default_factory=list)
    quotes: list[QuoteResult] = field(default_factory=list)
    stances: list[StanceResult] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # news outlets cited as sources, not stakeholders

    def to_json(self, article_id, reported_speech: bool = False) -> dict:
        """The line ``tracker extract`` prints for this article: direct quotes only, unless
        ``reported_speech`` (the gold format scores direct quotes).

        Organisations are named as the article writes them, wherever they appear (as
        stakeholders, speakers and affiliations); the canonical record is in ``canonical``.
        """
        written = {o.name: o.written or o.name for o in self.organisations}
        as_written = lambda name: written.get(name, name)  # noqa: E731
        people = [{**p.to_json(), "organisation": p.organisation and as_written(p.organisation)} for p in self.people]
        quotes = [{**q.to_json(), "speaker": as_written(q.speaker)} if q.speaker_type == "organisation" else q.to_json()
                  for q in self.quotes if q.direct or reported_speech]
        stances = [{**s.to_json(), "stakeholder": as_written(s.stakeholder)} if s.stakeholder_type == "organisation"
                   else s.to_json() for s in self.stances]
        return {
            "id": article_id,
            "organisations": [o.to_json() for o in self.organisations],
            "people": people,
            "quotes": quotes,
            "stances": stances,
            "outlets": self.outlets,
        }
