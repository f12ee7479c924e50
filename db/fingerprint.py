"""SimHash fingerprints, to link copies of one story syndicated under several URLs.

Two texts that share most of their word sequences get fingerprints a few bits apart, however
their headlines, furniture or a few edited words differ. A fingerprint is cut into eight
8-bit bands: two fingerprints within seven bits of each other agree on at least one band
(pigeonhole), so candidates can be found by an indexed lookup of equal bands.
"""
import hashlib
import re

BITS = 64
BANDS = 8
BAND_BITS = BITS // BANDS
SHINGLE_WORDS = 3
# Bits. On the sample articles, a copy with a paragraph dropped or a few words and a footer
# changed is 5-7 bits away; different stories on the same topics are 27 or more.
MAX_DISTANCE = BANDS - 1

WORD = re.compile(r"\w+")


def _feature_hash(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def simhash(text: str) -> int:
    """The 64-bit SimHash of ``text``'s word 3-grams (unsigned); 0 for a text of under three words."""
    words = WORD.findall(text.lower())
    weights = [0] * BITS
    for start in range(len(words) - SHINGLE_WORDS + 1):
        feature = _feature_hash(" ".join(words[start : start + SHINGLE_WORDS]))
        for bit in range(BITS):
            weights[bit] += 1 if feature >> bit & 1 else -1
    return sum(1 << bit for bit, weight in enumerate(weights) if weight > 0)


def distance(first: int, second: int) -> int:
    """How many bits two fingerprints differ in."""
    return bin(first ^ second).count("1")


def bands(fingerprint: int) -> list[int]:
    """The fingerprint's eight 8-bit bands, lowest first."""
    mask = (1 << BAND_BITS) - 1
    return [fingerprint >> (band * BAND_BITS) & mask for band in range(BANDS)]


def to_signed(fingerprint: int) -> int:
    """The fingerprint as SQLite's signed 64-bit INTEGER."""
    return fingerprint - (1 << BITS) if fingerprint >= 1 << (BITS - 1) else fingerprint


def from_signed(stored: int) -> int:
    """The unsigned fingerprint of a stored signed one."""
    return stored + (1 << BITS) if stored < 0 else stored
