"""Analyse one article: run the pipeline and collect what it found."""
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from nlp.organisations import collect_organisations
from nlp.people import collect_people
from nlp.registry import Registry
from nlp.results import ArticleAnalysis
from nlp.topics import Topic


def analyse_doc(doc: Doc, registry: Registry, topics: list[Topic]) -> ArticleAnalysis:
    """Organisations, people, quotes and stances of one processed article."""
    return ArticleAnalysis(organisations=collect_organisations(doc, registry), people=collect_people(doc))


def analyse_texts(
    nlp: Language, texts: Iterable[str], registry: Registry, topics: list[Topic], batch_size: int = 16
) -> Iterator[ArticleAnalysis]:
    """Analyse many article texts, streaming through ``nlp.pipe``."""
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield analyse_doc(doc, registry, topics)
