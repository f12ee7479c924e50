"""Sentence-level sentiment with VADER (a maintained lexicon): reported beside quotes and mentions, and one feature
of the stance combiner (never a stance by itself)."""
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=4096)  # a sentence is scored once, however many mentions, quotes and stance candidates it holds
def sentiment(text: str) -> float:
    """VADER's compound polarity of ``text``, from -1 (negative) to +1 (positive)."""
    return round(_analyzer().polarity_scores(text)["compound"], 3)
