"""A processed article's text, joined from its tokens once.

spaCy rebuilds ``Doc.text`` from the tokens on every access; reading it in each step of
the analysis cost more than the steps themselves. The text never changes once the
pipeline has run, so it is kept in the Doc's ``user_data``.
"""
from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built on the first call and kept with the Doc."""
    text = doc.user_data.get("tracker.text")
    if text is None:
        text = doc.user_data["tracker.text"] = doc.text
    return text
