"""The town of the minutes' date line ("Kraków, 17 marca 2026 r.") from what the visit record holds.

The record has no field for it, so it is read from the visit's place and the
organisation's address, trusting a postal code most: "ul. Półłanki 18, 30-740
Kraków" names Kraków.  Without one, a comma-separated part that reads as a
town's name ("Kraków, ul. Półłanki 18, sala nr 2") is taken.  Parts in
brackets ("(budynek B, II piętro)"), streets, rooms and floors never are: when
nothing reads as a town, the date line holds the date alone.
"""

from __future__ import annotations

import re

#: A Polish postal code and what follows it up to a comma, a digit or a bracket: "30-740 Kraków".
_POSTAL_TOWN = re.compile(r"\b\d{2}-\d{3}\s+([^\d,;()\[\]]+)")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: Small words that stay lowercase inside a town's name ("Brzeg nad Odrą", "Frankfurt am Main").
_JOINERS = frozenset({"nad", "pod", "na", "w", "im.", "am", "an", "der", "upon", "on", "le", "la", "de", "sur"})
_MAX_WORDS = 4


def _looks_like_town(text: str) -> bool:
    """Whether ``text`` reads as a town's name: up to four words, each capitalised (a letter, then at
    least one lowercase letter: "II" or "B" are not) or a joiner, made of letters, hyphens and dots."""
    words = text.split()
    if not words or len(words) > _MAX_WORDS or words[0] in _JOINERS:
        return False
    for word in words:
        if word in _JOINERS:
            continue
        if not (word[0].isupper() and any(ch.islower() for ch in word[1:])):
            return False
        if not all(ch.isalpha() or ch in "-.'\u2019" for ch in word):
            return False
    return True


def _clean(text: str) -> str:
    """``text`` without its bracketed parts (and an unclosed bracket's tail)."""
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub(" ", text)
    return re.split(r"[(\[]", text, maxsplit=1)[0]


def town(place: str | None, address: str | None) -> str:
    """The town for the date line, or "" when neither the place nor the address names one clearly.

    In order: the town after a postal code in the place, then in the address; then a part of the
    place, then of the address, that reads as a town's name.
    """
    texts = [_clean(text) for text in (place, address) if text]
    for text in texts:
        for found in _POSTAL_TOWN.finditer(text):
            name = " ".join(found.group(1).split()).strip(" .-–")
            if _looks_like_town(name):
                return name
    for text in texts:
        parts = [" ".join(part.split()) for part in text.split(",")]
        if len(parts) < 2:  # one word alone ("Online", "Biuro") says nothing about where
            continue
        for part in parts:
            if _looks_like_town(part):
                return part
    return ""
