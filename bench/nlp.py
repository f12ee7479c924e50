"""Words per second of the tracker's full analysis against plain en_core_web_sm on the same texts.

The texts are the five bundled seed articles, repeated to the asked length, so every run
analyses the same real trade-press prose. Model loading is timed apart from analysis.
"""
import multiprocessing
import time

import spacy

from crawler.sample_site.content import load_articles
from nlp.analysis import Analyser
from nlp.pipeline import MODEL_PACKAGE, build_pipeline
from nlp.registry import load_registry
from nlp.stance_model import load_model
from nlp.topics import load_topics


def benchmark_texts(count: int) -> list[str]:
    """``count`` article bodies, cycling through the seed articles."""
    seeds = ["\n\n".join(article.paragraphs) for article in load_articles()]
    return [seeds[index % len(seeds)] for index in range(count)]


def word_count(texts: list[str]) -> int:
    """Whitespace-separated words in ``texts``."""
    return sum(len(text.split()) for text in texts)


def plain_model_seconds(texts: list[str]) -> float:
    """Seconds for plain en_core_web_sm ``nlp.pipe`` over ``texts`` (after loading and one warm-up text)."""
    nlp = spacy.load(MODEL_PACKAGE)
    list(nlp.pipe(texts[:1]))
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - started


def full_analysis_seconds(texts: list[str]) -> float:
    """Seconds for the tracker's whole analysis (pipeline, organisations, people, quotes, stances, sentiment)."""
    registry = load_registry()
    nlp = build_pipeline(registry)
    analyser = Analyser(registry, load_topics(), load_model())
    list(analyser.analyse_texts(nlp, texts[:1]))
    started = time.perf_counter()
    for _ in analyser.analyse_texts(nlp, texts):
        pass
    return time.perf_counter() - started


def in_processes(texts: list[str], processes: int) -> float:
    """Seconds for the full analysis split over ``processes`` worker processes: the slowest worker's time."""
    shares = [texts[index::processes] for index in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        return max(pool.map(full_analysis_seconds, shares))


def measure(article_count: int = 200) -> dict:
    """Words per second of the plain model, of our analysis, and of our analysis in two processes."""
    texts = benchmark_texts(article_count)
    words = word_count(texts)
    plain = words / plain_model_seconds(texts)
    ours = words / full_analysis_seconds(texts)
    two = words / in_processes(texts, 2)
    return {"articles": article_count, "words": words, "plain_model_words_per_second": plain,
            "full_analysis_words_per_second": ours, "full_analysis_two_processes_words_per_second": two,
            "full_over_plain": ours / plain, "two_processes_over_plain": two / plain}
