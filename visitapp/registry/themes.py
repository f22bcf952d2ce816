"""Themes of the series report counted by lemma, and the key phrases of the notes (issue 15).

"kompetencje" and "kompetencji" are one theme: each item (a tag, a skill, a
certification need) is counted under :func:`visitapp.text.polish.theme_key`
and shown in the form people typed most often.  Key phrases are pairs of
neighbouring content words in the notes of Polish visits ("analiza danych",
"język angielski"), counted by their lemmas across the series, with the
visits they come from.  No Qt, no database: the report collects the rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from visitapp.text.polish import phrase_pairs, theme_key

#: A phrase must come from at least this many notes to be a key phrase.
MIN_NOTES = 2


def merge_forms(groups: Iterable[Iterable[str]]) -> Counter:
    """Count items by lemma, once per group (a note's tags, a visit's answers), under their most typed form."""
    counts: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    for group in groups:
        keys: set[str] = set()
        for item in group:
            text = str(item).strip()
            if not text:
                continue
            key = theme_key(text)
            forms[key][text] += 1
            keys.add(key)
        counts.update(keys)
    # most_common keeps first-seen order among equals, so a tie shows the form met first
    return Counter({forms[key].most_common(1)[0][0]: n for key, n in counts.items()})


@dataclass
class KeyPhrase:
    phrase: str  # as typed most often, lower case
    notes: int  # how many notes use it
    visits: list[str] = field(default_factory=list)  # labels of the visits it comes from, in series order


def key_phrases(notes: Iterable[tuple[str, str]], *, top: int = 15) -> list[KeyPhrase]:
    """The ``top`` most used lemma pairs in ``notes`` ((visit label, text), in series order)."""
    count: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    visits: dict[str, dict[str, None]] = defaultdict(dict)
    for label, text in notes:
        seen: set[str] = set()
        for key, typed in phrase_pairs(text):
            forms[key][typed] += 1
            visits[key][label] = None
            seen.add(key)
        count.update(seen)
    ranked = sorted((k for k, n in count.items() if n >= MIN_NOTES),
                    key=lambda k: (-len(visits[k]), -count[k], k))
    return [KeyPhrase(forms[k].most_common(1)[0][0], count[k], list(visits[k])) for k in ranked[:top]]


def chart(items: list[tuple[str, int]], font: str, width: float):
    """A horizontal bar chart of the first ten ``(label, count)``, for the report's themes."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    rows = items[:10][::-1]
    height = 18 * len(rows) + 30
    drawing = Drawing(width, height)
    bars = HorizontalBarChart()
    bars.x, bars.y = 150, 15
    bars.width, bars.height = width - 170, height - 25
    bars.data = [[n for _label, n in rows]]
    bars.categoryAxis.categoryNames = [label if len(label) <= 28 else label[:27] + "…" for label, _n in rows]
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 8
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    most = max(n for _l, n in rows)
    bars.valueAxis.valueStep = max(1, (most + 4) // 5)
    bars.bars[0].fillColor = colors.HexColor("#2f6690")
    drawing.add(bars)
    return drawing
