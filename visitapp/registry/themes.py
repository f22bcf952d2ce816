"""Themes of the series report counted by lemma, and the key phrases of the notes (issue 15).

"kompetencje" and "kompetencji" are one theme: each item (a tag, a skill, a
certification need) is counted under :func:`visitapp.text.polish.theme_key`
and shown in the form people typed most often.  Key phrases are pairs of
neighbouring content words in the notes of Polish visits ("analiza danych",
"język angielski"), counted by their lemmas across the series, with the
visits they come from.  No Qt, no database: the report collects the rows.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from visitapp.text.polish import _BREAK, WORD, _canonical, _is_content, theme_key

#: Words and punctuation of a note, in order: a pair of words is neighbours only with no punctuation between.
_TOKEN = re.compile(rf"\w+|{_BREAK.pattern}")

#: A phrase must come from at least this many notes to be a key phrase.
MIN_NOTES = 2
BATCH = 50_000


def merge_forms(groups: Iterable[Iterable[str]]) -> Counter:
    """Count items by lemma, once per group (a note's tags, a visit's answers), under their most typed form."""
    counts: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    key_of: dict[str, str] = {}  # the same few tags come back in thousands of notes: each analysed once
    batch: list[str] = []  # keys counted in bulk: one Counter.update a group costs more than its counting
    for group in groups:
        keys: set[str] = set()
        for item in group:
            text = str(item).strip()
            if not text:
                continue
            key = key_of.get(text)
            if key is None:
                key = key_of[text] = theme_key(text)
            forms[key][text] += 1
            keys.add(key)
        batch.extend(keys)
    counts.update(batch)
    # most_common keeps first-seen order among equals, so a tie shows the form met first
    return Counter({forms[key].most_common(1)[0][0]: n for key, n in counts.items()})


@dataclass
class KeyPhrase:
    phrase: str  # as typed most often, lower case
    notes: int  # how many notes use it
    visits: list[str] = field(default_factory=list)  # uuids of the visits it comes from, in series order


class _Words(dict):
    """A word -> its number, given on first sight; ``None`` for a word that cannot be in a phrase."""

    def __init__(self) -> None:
        super().__init__()
        self.lower: list[str] = []  # by number: the word in lower case
        self.lemma: dict[int | None, int | None] = {None: None}  # by number: the number of its lemma
        self.lemmas: dict[str, int] = {}  # lemma -> its number

    def __missing__(self, word: str) -> int | None:
        number = None
        if len(word) >= 3 and WORD.fullmatch(word) is not None and _is_content(word):
            number = len(self.lower)
            self.lower.append(word.lower())
            self.lemma[number] = self.lemmas.setdefault(_canonical(word), len(self.lemmas))
        self[word] = number
        return number


def key_phrases(notes: Iterable[tuple[str, str]], *, top: int = 15) -> list[KeyPhrase]:
    """The ``top`` most used lemma pairs in ``notes`` ((visit label, text), in series order).

    The pairs of :func:`visitapp.text.polish.phrase_pairs`, counted in bulk: a note becomes one list of
    word numbers (punctuation a gap), each distinct word analysed once, and its neighbouring pairs are
    counted by ``Counter`` without a Python step per word; a visit's phrases are kept once per visit.
    """
    words = _Words()
    occurrences: Counter = Counter()  # (word number, word number) -> times used, in first-seen order
    notes_of: Counter = Counter()  # (lemma number, lemma number) -> notes using it
    blocks: list[tuple[str, set]] = []  # (visit label, lemma pairs of its notes), in series order
    by_label: dict[str, set] = {}  # lemma pairs per label (a label may come back after another visit)
    label_now: str | None = None
    used: list[tuple[int | None, int | None]] = []  # counted in bulk, every BATCH pairs
    in_notes: list[tuple[int | None, int | None]] = []
    for label, text in notes:
        numbers = list(map(words.__getitem__, _TOKEN.findall(text)))
        pairs = set(itertools.pairwise(map(words.lemma.__getitem__, numbers)))
        used.extend(itertools.pairwise(numbers))
        in_notes.extend(pairs)
        if len(used) > BATCH:
            occurrences.update(used)
            notes_of.update(in_notes)
            used, in_notes = [], []
        if label != label_now:
            label_now = label
            blocks.append((label, set()))
            by_label[label] = blocks[-1][1] if label not in by_label else set(by_label[label])
        blocks[-1][1].update(pairs)
        if by_label[label] is not blocks[-1][1]:
            by_label[label].update(pairs)
    occurrences.update(used)
    notes_of.update(in_notes)
    visits_of: Counter = Counter()
    for pairs in by_label.values():
        visits_of.update(pairs)
    forms: dict[tuple[int | None, int | None], Counter] = defaultdict(Counter)
    for (a, b), n in occurrences.items():
        if a is not None and b is not None:
            forms[(words.lemma[a], words.lemma[b])][f"{words.lower[a]} {words.lower[b]}"] += n
    lemma = {n: w for w, n in words.lemmas.items()}
    keys = {pair: f"{lemma[pair[0]]} {lemma[pair[1]]}"
            for pair, n in notes_of.items() if None not in pair and n >= MIN_NOTES}
    ranked = sorted(keys, key=lambda k: (-visits_of[k], -notes_of[k], keys[k]))[:top]
    return [KeyPhrase(forms[k].most_common(1)[0][0], notes_of[k], _labels_with(k, blocks)) for k in ranked]


def _labels_with(pair: tuple[int | None, int | None], blocks: list[tuple[str, set]]) -> list[str]:
    return list(dict.fromkeys(label for label, pairs in blocks if pair in pairs))


def nice_axis(most: int, ticks: int = 5) -> tuple[int, int]:
    """A step of 1, 2 or 5 times a power of ten giving at most ``ticks`` steps, and the axis's end: the
    first multiple of the step at or above ``most`` (177 -> step 50, end 200), so every bar ends under a tick."""
    most = max(1, most)
    step = 1
    while True:
        for factor in (1, 2, 5):
            if -(-most // (step * factor)) <= ticks:
                found = step * factor
                return found, -(-most // found) * found
        step *= 10


def chart(items: list[tuple[str, int]], font: str, width: float):
    """A horizontal bar chart of ``(label, count)`` (the report passes the same top items as its table)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    rows = items[::-1]
    height = 18 * len(rows) + 30
    drawing = Drawing(width, height, initialFontName=font)  # else the renderer names Helvetica, unembedded
    bars = HorizontalBarChart()
    bars.x, bars.y = 150, 15
    bars.width, bars.height = width - 170, height - 25
    bars.data = [[n for _label, n in rows]]
    bars.categoryAxis.categoryNames = [label if len(label) <= 28 else label[:27] + "…" for label, _n in rows]
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 8
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 7
    step, end = nice_axis(max(n for _l, n in rows))
    bars.valueAxis.valueMin, bars.valueAxis.valueMax, bars.valueAxis.valueStep = 0, end, step
    bars.bars[0].fillColor = colors.HexColor("#2f6690")
    drawing.add(bars)
    return drawing
