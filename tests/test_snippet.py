"""Snippets cut and marked in Python (visitapp.text.snippet): the window, and the per-word caches.

Real Morfeusz analysis throughout; the terms are what the search service parses.
"""

from __future__ import annotations

import random

from visitapp.services.search import parse_query
from visitapp.text import snippet
from visitapp.text.snippet import mark_matches, matched_words

MARKS = ("[", "]")


def test_a_long_text_is_cut_to_the_earliest_window_with_the_most_matches():
    filler = ["słowo"] * 40
    words = [*filler, "spawacz", "x", "spawaczy", *filler, "spawacze", "y", "spawaczom", *filler]
    text = " ".join(words)
    shown = mark_matches(text, parse_query("spawacz", exact=False), MARKS, window=5)
    # windows around either pair hold two matches: the earliest wins, cut with an ellipsis on both sides
    assert shown == "…słowo słowo [spawacz] x [spawaczy]…"
    assert mark_matches(text, parse_query("spawaczom", exact=True), MARKS, window=3) == "…spawacze y [spawaczom]…"
    assert mark_matches("Brak spawaczy", parse_query("brak", exact=False), MARKS) == "[Brak] spawaczy"


def test_the_window_is_chosen_in_one_pass_as_the_first_with_the_most_matches():
    # The count slides along the text (one pass, not a sum over every window again); it must
    # agree with the plain definition on long, uneven texts, ties included.
    rng = random.Random(7)
    for size, window in [(3000, 200), (500, 16), (40, 16), (17, 16), (16, 16)]:
        hit = [rng.random() < 0.05 or 1000 <= i < 1040 for i in range(size)]
        plain = max(range(size - window + 1), key=lambda i: (sum(hit[i:i + window]), -i))
        assert snippet._best_window(hit, window) == plain


def test_each_word_is_folded_once_across_snippets_and_searches():
    text = "Zażółć gęślą jaźń: Łódź, Łódź i znów Łódź"
    terms = parse_query("lodz", exact=False)
    first = matched_words(text, terms)
    assert [text[s:e] for s, e in first] == ["Łódź", "Łódź", "Łódź"]
    before = snippet._folded.cache_info()
    assert matched_words(text, terms) == first  # the same note in the next search
    after = snippet._folded.cache_info()
    assert after.misses == before.misses  # no word folded again
    assert after.hits > before.hits


def test_a_repeated_word_is_looked_up_once_per_snippet():
    from visitapp.text.polish import word_lemmas

    text = " ".join(["Łódź", "i", "Łodzi"] * 50)
    terms = parse_query("lodz", exact=False)
    before = word_lemmas.cache_info()
    assert mark_matches(text, terms, MARKS, window=3) == "[Łódź] i [Łodzi]…"
    after = word_lemmas.cache_info()
    assert (after.hits + after.misses) - (before.hits + before.misses) <= 3  # Łódź, i, Łodzi: not 150 calls
