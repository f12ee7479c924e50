"""Analyse one article: run the pipeline and collect what it found."""
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from nlp.doc_text import text_of
from nlp.organisations import collect_organisations, collect_outlets
from nlp.people import collect_people
from nlp.quotes import collect_quotes, collect_reported_speech, subject_before
from nlp.speakers import Stakeholders
from nlp.sentiment import sentiment
from nlp.registry import Registry
from nlp.results import ArticleAnalysis, StanceResult
from nlp.roles import RoleFinder, load_role_heads, resolve_reference
from nlp.stance import RULES
from nlp.stance_reader import StanceInputs, StanceReader
from nlp.stance_cues import load_cues
from nlp.stance_model import StanceModel
from nlp.topics import Topic, topic_names, with_paraphrases


class Analyser:
    """Turns processed Docs into ArticleAnalysis results; holds the lexicons, loaded once.

    ``stance_model`` is the learned stance combiner; without one, the rule reader's own votes decide.
    """

    def __init__(self, registry: Registry, topics: list[Topic], stance_model: StanceModel | None = None):
        self.registry = registry
        self.cues = load_cues()
        self.stance_reader = StanceReader(self.cues, stance_model)
        self.topics = with_paraphrases(topics, self.cues.paraphrases)
        self.proposals = topic_names(topics)
        self.role_finder = RoleFinder(load_role_heads())

    def _stakeholders_and_quotes(self, doc: Doc) -> tuple[list, list, list]:
        """The organisations, people and quotes (direct and reported) of one processed article."""
        organisations = collect_organisations(doc, self.registry, self.proposals)
        people = collect_people(doc, organisations, self.role_finder, self.proposals)
        named = [(m.start, org.name) for org in organisations for m in org.mentions]
        text = text_of(doc)
        stakeholders = Stakeholders(people, organisations, text)
        reference = lambda words, position: resolve_reference(words, position, named)  # noqa: E731
        quotes = collect_quotes(text, stakeholders, reference, lambda position: subject_before(doc, position, text))
        quotes = sorted(quotes + collect_reported_speech(doc, quotes, stakeholders, reference), key=lambda q: q.start)
        return organisations, people, quotes

    def _with_stance_inputs(self, doc: Doc) -> tuple[list, list, list]:
        organisations, people, quotes = self._stakeholders_and_quotes(doc)
        doc._.stance_inputs = StanceInputs(self.topics, organisations, people, [q for q in quotes if q.direct])
        return organisations, people, quotes

    def stance_candidates(self, doc: Doc, rules: frozenset[str] = RULES) -> list[StanceResult]:
        """Every piece of stance evidence the rule reader finds in one processed article, with the named
        ``rules`` switched on, before any combining."""
        self._with_stance_inputs(doc)
        return StanceReader(self.cues, None, rules).candidates(doc)

    def analyse_doc(self, doc: Doc) -> ArticleAnalysis:
        """Organisations, people, quotes and stances of one processed article."""
        organisations, people, quotes = self._with_stance_inputs(doc)
        stances = self.stance_reader(doc)._.stances
        for quote in quotes:
            quote.sentiment = sentiment(quote.text)
        for mention in (m for found in (*organisations, *people) for m in found.mentions):
            mention.sentiment = sentiment(mention.sentence)
        return ArticleAnalysis(organisations=organisations, people=people, quotes=quotes, stances=stances,
                               outlets=collect_outlets(doc))

    def analyse_texts(self, nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[ArticleAnalysis]:
        """Analyse many article texts, streaming through ``nlp.pipe``."""
        for doc in nlp.pipe(texts, batch_size=batch_size):
            yield self.analyse_doc(doc)
