"""The jieba user dictionary: domain terms plus every place and employer we know.

jieba's dictionary is process-wide, so every component that segments text
(our tokenizer and spaCy's jieba segmenter) loads the same words through
:func:`load_into_jieba`, and gets the same segmentation.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.nlu import gazetteer

DICTIONARY_DIR = Path(__file__).parent / "dictionary"
# Place and employer names outweigh jieba's own entries so they stay one token.
_GAZETTEER_FREQ = 80000
_loaded: set[str] = set()


def dictionary_lines(dictionary_dir: Path = DICTIONARY_DIR) -> list[str]:
    """All user-dictionary lines: the hand-kept domain files plus the gazetteer."""
    lines: list[str] = []
    for path in sorted(dictionary_dir.glob("*.txt")):
        lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    for term in gazetteer.all_terms():
        lines.append(f"{term} {_GAZETTEER_FREQ} nz")
    return [ln for ln in lines if ln and not ln.startswith("#")]


def fingerprint(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


def load_into_jieba(lines: list[str]) -> None:
    """Adds the words to jieba's global dictionary (once per distinct word list)."""
    import jieba

    key = fingerprint(lines)
    if key in _loaded:
        return
    jieba.setLogLevel(60)  # jieba prints its cache chatter at INFO
    for line in lines:
        word, *rest = line.split()
        freq = int(rest[0]) if rest and rest[0].isdigit() else None
        tag = rest[1] if len(rest) > 1 else None
        jieba.add_word(word, freq, tag)
    _loaded.add(key)
