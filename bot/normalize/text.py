"""Length-preserving text normalisation.

Every function here maps a string to one of the same length, character for
character, so entity offsets computed on the normalised text are valid on the
original text the worker typed.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Punctuation that NFKC leaves alone but that means the same as ASCII.
_PUNCT = str.maketrans({"。": ".", "、": ",", "～": "~", "〜": "~", "—": "-", "－": "-",
                        "“": '"', "”": '"', "‘": "'", "’": "'", "\u3000": " ", "\t": " ",
                        "\n": " ", "\r": " "})


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # opencc-python-reimplemented: pure Python, ships its tables

    return opencc.OpenCC("t2s")


def _char_nfkc(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Traditional → simplified; falls back char by char if a phrase changes length."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := _t2s().convert(ch)) == 1 else ch for ch in text)


def normalize_text(text: str) -> str:
    """Full-width → half-width, traditional → simplified, unify punctuation and spaces."""
    if not text:
        return text
    text = "".join(_char_nfkc(ch) for ch in text).translate(_PUNCT)
    return to_simplified(text)
