"""Snippets cut and marked in Python, for matches FTS5 cannot place (a word found through its lemmas).

The text is shown as typed; each word that matched a query term is wrapped
in ``marks``, and a long text is cut to the window of :data:`WINDOW` words
holding the most matches, with ``…`` where it was cut (like FTS5's
``snippet()``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from visitapp.text.polish import WORD, fold, word_lemmas

WINDOW = 16
ELLIPSIS = "…"


class Term(Protocol):
    @property
    def words(self) -> tuple[str, ...]: ...
    @property
    def prefix(self) -> bool: ...
    @property
    def lemmas(self) -> tuple[str, ...]: ...


def matched_words(text: str, terms: Sequence[Term]) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text`` that a term matches, in order."""
    words = list(WORD.finditer(text))
    folded = [fold(w.group()) for w in words]
    hit = [False] * len(words)
    for term in terms:
        wanted = [fold(w) for w in term.words]
        if not wanted:
            continue
        if term.lemmas and len(wanted) == 1 and not term.prefix:
            lemmas = set(term.lemmas)
            for i, w in enumerate(words):
                if folded[i] == wanted[0] or lemmas.intersection(word_lemmas(w.group())):
                    hit[i] = True
            continue
        n = len(wanted)
        for i in range(len(words) - n + 1):
            head = all(folded[i + k] == wanted[k] for k in range(n - 1))
            last = folded[i + n - 1]
            if head and (last.startswith(wanted[-1]) if term.prefix else last == wanted[-1]):
                hit[i:i + n] = [True] * n
    return [(w.start(), w.end()) for w, h in zip(words, hit, strict=True) if h]


def mark_matches(text: str, terms: Sequence[Term], marks: tuple[str, str], window: int = WINDOW) -> str:
    """``text`` (cut to ``window`` words around the most matches) with each matched word between ``marks``."""
    words = [(w.start(), w.end()) for w in WORD.finditer(text)]
    spans = matched_words(text, terms)
    first, last = 0, len(words)
    if len(words) > window:
        starts = {s for s, _e in spans}
        flags = [s in starts for s, _e in words]
        best = max(range(len(words) - window + 1), key=lambda i: (sum(flags[i:i + window]), -i))
        first, last = best, best + window
    begin = 0 if first == 0 else words[first][0]
    end = len(text) if last == len(words) else words[last - 1][1]
    out: list[str] = [ELLIPSIS] if begin else []
    pos = begin
    for s, e in spans:
        if s < begin or e > end:
            continue
        out += [text[pos:s], marks[0], text[s:e], marks[1]]
        pos = e
    out.append(text[pos:end])
    if end < len(text):
        out.append(ELLIPSIS)
    return "".join(out)
