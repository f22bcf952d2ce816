"""Snippets cut and marked in Python, for matches FTS5 cannot place (a word found through its lemmas).

The text is shown as typed; each word that matched a query term is wrapped
in ``marks``, and a long text is cut to the window of :data:`WINDOW` words
holding the most matches, with ``…`` where it was cut (like FTS5's
``snippet()``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Protocol

from visitapp.text.polish import WORD, fold, word_lemmas

WINDOW = 16
ELLIPSIS = "…"

#: A word's folded form, looked up once: a snippet's words come back in every hit and every search.
_folded = functools.lru_cache(maxsize=100_000)(fold)


class Term(Protocol):
    @property
    def words(self) -> tuple[str, ...]: ...
    @property
    def prefix(self) -> bool: ...
    @property
    def lemmas(self) -> tuple[str, ...]: ...


def _hits(words: list[str], terms: Sequence[Term]) -> list[bool]:
    """For each of ``words`` (as typed), whether a term matches it.

    A single word (with its lemmas, or as typed) is tested once per distinct
    word of the text, through caches kept across calls; only phrases and
    prefixes walk the text's folded words.
    """
    distinct = set(words)
    hit = [False] * len(words)
    folded: list[str] | None = None
    for term in terms:
        wanted = [_folded(w) for w in term.words]
        if not wanted:
            continue
        if len(wanted) == 1 and not term.prefix:
            lemmas = frozenset(term.lemmas)
            found = {w for w in distinct if _folded(w) == wanted[0]
                     or (lemmas and not lemmas.isdisjoint(word_lemmas(w)))}
            if found:
                hit = [h or w in found for h, w in zip(hit, words, strict=True)]
            continue
        if folded is None:
            folded = [_folded(w) for w in words]
        n = len(wanted)
        for i in range(len(words) - n + 1):
            head = all(folded[i + k] == wanted[k] for k in range(n - 1))
            last = folded[i + n - 1]
            if head and (last.startswith(wanted[-1]) if term.prefix else last == wanted[-1]):
                hit[i:i + n] = [True] * n
    return hit


def matched_words(text: str, terms: Sequence[Term]) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text`` that a term matches, in order."""
    found = list(WORD.finditer(text))
    hit = _hits([w.group() for w in found], terms)
    return [w.span() for w, h in zip(found, hit, strict=True) if h]


def _best_window(hit: list[bool], window: int) -> int:
    """The first word of the earliest run of ``window`` words holding the most matches (one pass)."""
    count = best_count = sum(hit[:window])
    best = 0
    for i in range(1, len(hit) - window + 1):
        count += hit[i + window - 1] - hit[i - 1]
        if count > best_count:
            best, best_count = i, count
    return best


def mark_matches(text: str, terms: Sequence[Term], marks: tuple[str, str], window: int = WINDOW) -> str:
    """``text`` (cut to ``window`` words around the most matches) with each matched word between ``marks``."""
    found = list(WORD.finditer(text))
    hit = _hits([w.group() for w in found], terms)
    first, last = 0, len(found)
    if last > window:
        first = _best_window(hit, window)
        last = first + window
    begin = 0 if first == 0 else found[first].start()
    end = len(text) if last == len(found) else found[last - 1].end()
    out: list[str] = [ELLIPSIS] if begin else []
    pos = begin
    for i in range(first, last):
        if hit[i]:
            s, e = found[i].span()
            out += [text[pos:s], marks[0], text[s:e], marks[1]]
            pos = e
    out.append(text[pos:end])
    if end < len(text):
        out.append(ELLIPSIS)
    return "".join(out)
