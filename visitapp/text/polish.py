"""Polish lemmas with Morfeusz 2, for the search index, search queries and report themes.

Everything here is folded the way the search index folds text: lower case,
diacritics removed, ``ł`` → ``l`` (see :func:`fold`), so ``Kraków`` and
``krakow`` are one key.

* :func:`doc_lemmas` is what the search index stores beside a document's text:
  every reading of every word (an ambiguous form keeps all its lemmas),
  unknown words (names, brands, ``SEP``) as themselves.  Visits in English get
  their plain folded words: no Polish analysis mangles them.
* :func:`query_lemmas` is what one query word may match in that column: its
  lemmas and itself.  A word typed without diacritics (``spolki``, ``lodzi``)
  is also tried with up to two diacritics restored (``spółki``, ``łodzi``),
  and every known reading found that way counts.
* :func:`theme_key` and :func:`key_phrases` count lemmas for the reports.

Analysis is per word and cached: Morfeusz costs about 100 µs a call, a cache
hit well under a microsecond, and notes reuse a small vocabulary.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
import unicodedata
from collections.abc import Iterable

WORD = re.compile(r"\w+", re.UNICODE)
#: Tags of readings that carry no lemma of their own (the ``-em`` of ``zrobiłem``).
_SKIP_TAGS = ("aglt",)
#: Parts of speech that make a key phrase (nouns, adjectives, gerunds, participles).
_CONTENT = ("subst", "depr", "adj", "ger", "ppas", "pact")
_NOUN = ("subst", "depr", "ger")
_RESTORE = {"a": "ą", "c": "ć", "e": "ę", "l": "ł", "n": "ń", "o": "ó", "s": "ś", "z": "żź"}
_MAX_RESTORED = 2
_MAX_CANDIDATES = 200
_MAX_WORD = 64
_MAX_RESTORED_LENGTH = 30  # longer words are not Polish words missing their diacritics

_lock = threading.Lock()
_morfeusz = None


def _analyser():
    global _morfeusz
    if _morfeusz is None:
        import morfeusz2

        _morfeusz = morfeusz2.Morfeusz(expand_tags=False)
    return _morfeusz


def fold(text: str) -> str:
    """Lower case without diacritics, ``ł`` as ``l``: how the index and every lemma key are folded."""
    text = text.lower().replace("ł", "l")
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _lemma(raw: str) -> str:
    """``Hut:Sm1`` → ``Hut``: Morfeusz's homonym marks are not part of the word."""
    return raw.split(":", 1)[0] if ":" in raw[1:] else raw


@functools.lru_cache(maxsize=200_000)
def readings(word: str) -> tuple[tuple[str, str], ...]:
    """``(lemma as Morfeusz writes it, part of speech)`` for each reading of ``word``; ``()`` when unknown."""
    if len(word) > _MAX_WORD:
        return ()  # no Polish word is this long: not worth Morfeusz's time (it grows with the length)
    with _lock:  # a Morfeusz object is not thread-safe
        result = _analyser().analyse(word)
    out: list[tuple[str, str]] = []
    for _start, _end, (_orth, lemma, tag, _names, _quals) in result:
        pos = tag.split(":", 1)[0]
        if pos in _SKIP_TAGS or pos == "ign":
            continue
        item = (_lemma(lemma), pos)
        if item not in out:
            out.append(item)
    return tuple(out)


@functools.lru_cache(maxsize=200_000)
def word_lemmas(word: str) -> tuple[str, ...]:
    """The folded lemmas of every reading of ``word``; the folded word itself when Morfeusz does not know it."""
    if word.isascii() and word.isdigit():
        return (word,)  # a number is its own lemma (Morfeusz: 'dig'); new numbers are typed all the time
    found: list[str] = []
    for lemma, _pos in readings(word):
        for part in WORD.findall(fold(lemma)):
            if part not in found:
                found.append(part)
    return tuple(found) or (fold(word),)


def doc_lemmas(text: str, lang: str | None = "pl") -> str:
    """The lemma string the search index stores for ``text``: for English, its plain folded words.

    English is never analysed as Polish ("managers" stays "managers"); a
    Polish query word finds an English one only where one of its lemmas is
    that very word ("plany" finds "plan").
    """
    if lang == "en":
        return " ".join(fold(w) for w in WORD.findall(text))
    joined = _JOINED
    return " ".join([joined.get(w) or _joined(w) for w in WORD.findall(text)])


# word -> its lemmas joined by spaces: the index build's inner loop, a plain dict
# (faster than an lru_cache call); bounded by clearing it when full.
_JOINED: dict[str, str] = {}


def _joined(word: str) -> str:
    if len(_JOINED) >= 200_000:
        _JOINED.clear()
    value = _JOINED[word] = " ".join(word_lemmas(word))
    return value


def _restorations(word: str) -> list[str]:
    """``word`` with one or two plain letters replaced by their Polish diacritic letters."""
    low = word.lower()
    spots = [i for i, c in enumerate(low) if c in _RESTORE]
    out: list[str] = []
    for n in range(1, _MAX_RESTORED + 1):
        for where in itertools.combinations(spots, n):
            for letters in itertools.product(*(_RESTORE[low[i]] for i in where)):
                chars = list(low)
                for i, c in zip(where, letters, strict=True):
                    chars[i] = c
                out.append("".join(chars))
                if len(out) >= _MAX_CANDIDATES:
                    return out
    return out


@functools.lru_cache(maxsize=4096)
def query_lemmas(word: str) -> frozenset[str]:
    """Every folded lemma a query word stands for, and the folded word itself."""
    found = {fold(word)}
    if readings(word):
        found.update(word_lemmas(word))
    # Typed without diacritics, a word may be another one with them ("lodzi": lodzić, and Łódź).
    if word.isascii() and word.isalpha() and len(word) <= _MAX_RESTORED_LENGTH:
        candidates = _restorations(word)
        if candidates:
            with _lock:
                result = _analyser().analyse(" ".join(candidates))
            wanted = set(candidates)
            for _start, _end, (orth, lemma, tag, _names, _quals) in result:
                pos = tag.split(":", 1)[0]
                if orth.lower() in wanted and pos not in _SKIP_TAGS and pos != "ign":
                    found.update(WORD.findall(fold(_lemma(lemma))))
    return frozenset(found)


def theme_key(text: str) -> str:
    """One key for all inflected forms of a short phrase (a tag, a skill): its words' canonical lemmas."""
    return " ".join(_canonical(w) for w in WORD.findall(text)) or fold(text.strip())


@functools.lru_cache(maxsize=200_000)
def _canonical(word: str) -> str:
    """One lemma per word, the same for all its forms: a noun reading first, then the alphabetically first."""
    reads = readings(word)
    if not reads:
        return fold(word)
    nouns = sorted(fold(lemma) for lemma, pos in reads if pos in _NOUN)
    return nouns[0] if nouns else min(fold(lemma) for lemma, _pos in reads)


@functools.lru_cache(maxsize=200_000)
def _is_content(word: str) -> bool:
    reads = readings(word)
    if not reads:  # unknown: a name or an abbreviation counts if it is a real word, not a number
        return word.isalpha() and len(word) > 1
    return any(pos in _CONTENT for _lemma, pos in reads)


_BREAK = re.compile(r"[^\w\s]")


def phrase_pairs(text: str) -> Iterable[tuple[str, str]]:
    """``(lemma key, as typed)`` for each pair of neighbouring content words (not across punctuation)."""
    words = list(WORD.finditer(text))
    for a, b in itertools.pairwise(words):
        if _BREAK.search(text, a.end(), b.start()):
            continue
        wa, wb = a.group(), b.group()
        if len(wa) < 3 or len(wb) < 3 or not (_is_content(wa) and _is_content(wb)):
            continue
        yield f"{_canonical(wa)} {_canonical(wb)}", f"{wa} {wb}".lower()
