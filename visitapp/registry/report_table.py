"""A plain-text grid table for the series report, drawn far faster than reportlab's ``Table``.

A report over 10,000 visits holds about 100,000 table cells.  reportlab's ``Table``
lays out and draws each cell on its own (a text object per cell, a ``Paragraph``
wherever text has to wrap) and splits a long table by measuring it again for every
page: most of the report's time went there.  :class:`GridTable` takes plain text
only (no markup: a name is drawn as typed, never read as tags), wraps each cell
once at its column's width, draws a page of cells in one text object, and splits
at a page by looking up the rows' running heights.  It looks like the table it
replaces: a bold header on a light band, repeated on every page, a thin grid, 8 pt
text in cells padded 6 pt left and right, 3 pt above and below.

No Qt: the core draws the report.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable

from visitapp.minutes.labels import LOCAL_ZONE
from visitapp.registry.outputs import polish_date, polish_time

PAD_X, PAD_Y = 6.0, 3.0
SIZE, LEADING = 8.0, 10.0
GRID = colors.HexColor("#b0b8c0")
BAND = colors.HexColor("#e8eef3")
#: Lines of one cell in one row; a longer cell goes on in the rows below, so no row is taller than a page.
MAX_LINES = 50
SIZE_TF = f"{fp_str(SIZE)} Tf {fp_str(LEADING)} TL"


class Wrapper:
    """Splits text into lines that fit a width, remembering each text it has wrapped (cells repeat a lot)."""

    def __init__(self, font: str, size: float = SIZE) -> None:
        self.font, self.size = font, size
        self._lines: dict[tuple[str, float, bool], list[str]] = {}
        self._widths: dict[str, float] = {}

    def width(self, text: str) -> float:
        found = self._widths.get(text)
        if found is None:
            found = self._widths[text] = stringWidth(text, self.font, self.size)
        return found

    def lines(self, text: str, width: float, *, break_words: bool = True) -> list[str]:
        key = (text, width, break_words)
        found = self._lines.get(key)
        if found is None:
            found = self._lines[key] = [line for para in text.split("\n")
                                        for line in self._wrap(para, width, break_words)]
        return found

    def _wrap(self, text: str, width: float, break_words: bool) -> list[str]:
        text = " ".join(text.split())
        if stringWidth(text, self.font, self.size) <= width:
            return [text]
        space = self.width(" ")
        lines: list[str] = []
        line, used = "", 0.0
        for word in text.split(" "):
            w = self.width(word)
            if line and used + space + w <= width:
                line, used = f"{line} {word}", used + space + w
                continue
            if line:
                lines.append(line)
            if w > width and break_words:  # a word wider than the column is cut, never drawn over the next one
                pieces = self._cut(word, width)
                lines.extend(pieces[:-1])
                word = pieces[-1]
                w = self.width(word)
            line, used = word, w
        lines.append(line)
        return lines

    def _cut(self, word: str, width: float) -> list[str]:
        pieces, start = [], 0
        for end in range(1, len(word) + 1):
            if end - start > 1 and stringWidth(word[start:end], self.font, self.size) > width:
                pieces.append(word[start:end - 1])
                start = end - 1
        pieces.append(word[start:])
        return pieces


def fit_widths(header: Sequence[str], widths: Sequence[float], bold: str, size: float = SIZE) -> list[float]:
    """Column widths of the same total in which every header word fits on a line of its column.

    A column narrower than its longest header word ("Participants", "Uczestnicy") gets that width;
    the others give up what it takes, in proportion to the width each has above its own need.
    """
    total = sum(widths)
    need = [max((stringWidth(word, bold, size) for word in str(h).split()), default=0.0) + 2 * PAD_X + 1
            for h in header]
    fitted = [max(w, n) for w, n in zip(widths, need, strict=True)]
    extra = sum(fitted) - total
    if extra <= 0:
        return fitted
    spare = [f - n for f, n in zip(fitted, need, strict=True)]
    room = sum(spare)
    if room <= extra:  # the headers alone are wider than the table: each column its need, scaled down
        return [n * total / sum(need) for n in need]
    return [f - extra * s / room for f, s in zip(fitted, spare, strict=True)]


class GridTable(Flowable):
    """Rows of text under a header, in columns of the given widths; splits between rows at a page's end."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
                 font: str, bold: str, wrapper: Wrapper | None = None) -> None:
        super().__init__()
        self.hAlign = "CENTER"  # as reportlab's Table
        self.font, self.bold, self.widths = font, bold, list(widths)
        plain = wrapper if wrapper is not None and wrapper.font == font else Wrapper(font)
        heavy = Wrapper(bold)
        inner = [w - 2 * PAD_X for w in self.widths]
        # a header never breaks inside a word ("Uczestn-icy"): whole words only
        self.head = [heavy.lines(str(h), w, break_words=False) for h, w in zip(header, inner, strict=True)]
        cells: list[list[list[str]]] = []
        for row in rows:
            wrapped = [plain.lines("" if c is None else str(c), w) for c, w in zip(row, inner, strict=True)]
            tall = max(map(len, wrapped))
            if tall <= MAX_LINES:
                cells.append(wrapped)
                continue
            for start in range(0, tall, MAX_LINES):  # a very long cell goes on in the next rows
                cells.append([lines[start:start + MAX_LINES] for lines in wrapped])
        self.cells = cells
        self.head_h = max(map(len, self.head)) * LEADING + 2 * PAD_Y
        # running heights: the rows from i to j take tops[j] - tops[i]
        self.tops = [0.0, *itertools.accumulate(max(map(len, r)) * LEADING + 2 * PAD_Y for r in cells)]
        self.first, self.last = 0, len(cells)

    def _part(self, first: int, last: int) -> GridTable:
        part = GridTable.__new__(GridTable)
        Flowable.__init__(part)
        part.hAlign = self.hAlign
        part.font, part.bold, part.widths = self.font, self.bold, self.widths
        part.head, part.cells = self.head, self.cells
        part.head_h, part.tops, part.first, part.last = self.head_h, self.tops, first, last
        return part

    @property
    def height_needed(self) -> float:
        return self.head_h + self.tops[self.last] - self.tops[self.first]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = sum(self.widths), self.height_needed
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self.head_h
        # the last row whose bottom is within the room
        end = bisect.bisect_right(self.tops, self.tops[self.first] + room, self.first, self.last + 1) - 1
        if end <= self.first:
            return []  # not one row fits here: the whole table starts on the next page
        if end >= self.last:
            return [self]
        return [self._part(self.first, end), self._part(end, self.last)]

    def draw(self) -> None:
        canv = self.canv
        width = sum(self.widths)
        height = self.height_needed
        lefts = [0.0, *itertools.accumulate(self.widths)]
        canv.saveState()
        canv.setFillColor(BAND)
        canv.rect(0, height - self.head_h, width, self.head_h, stroke=0, fill=1)
        canv.setFillColor(colors.black)
        code = ["BT"]
        writer = _TextCode(canv, code)
        writer.font = self.bold
        self._cells(writer, [self.head], height, lefts)
        writer.font = self.font
        bottoms = self._cells(writer, self.cells[self.first:self.last], height - self.head_h, lefts)
        code.append("ET")
        canv.addLiteral(" ".join(code))
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.25)
        ys = [height, height - self.head_h, *bottoms]
        canv.lines([(0, y, width, y) for y in ys] + [(x, 0, x, height) for x in lefts])
        canv.restoreState()

    def _cells(self, writer: _TextCode, rows: list[list[list[str]]], top: float, lefts: list[float]) -> list[float]:
        """Write every line of ``rows`` (from ``top`` down); returns each row's bottom."""
        bottoms = []
        xs = [fp_str(left + PAD_X) for left in lefts]
        for row in rows:
            first = top - PAD_Y - SIZE
            for lines, x in zip(row, xs, strict=False):
                y = first
                for line in lines:
                    if line:
                        writer.line(x, y, line)
                    y -= LEADING
            top -= max(map(len, row)) * LEADING + 2 * PAD_Y
            bottoms.append(top)
        return bottoms


class _TextCode:
    """PDF text operators for lines of a TrueType font, each distinct line encoded once per document.

    What ``textOut`` does for each line (``DynamicFont.splitString`` into the font's subsets, escaping),
    without measuring the line to move a cursor we never use: a report repeats the same few texts
    (a status, a place, a count) thousands of times.
    """

    def __init__(self, canv: Any, code: list[str]) -> None:
        self.doc, self.code = canv._doc, code  # the document the font's subsets belong to
        # kept on the canvas: encodings are only valid within its document
        self.cache: dict[tuple[str, str], list[tuple[str, str]]] = canv.__dict__.setdefault("_visitapp_text", {})
        self.font = ""
        self.subset = ""

    def line(self, x: str, y: float, text: str) -> None:
        key = (self.font, text)
        parts = self.cache.get(key)
        if parts is None:
            font = getFont(self.font)
            parts = self.cache[key] = [(font.getSubsetInternalName(subset, self.doc), escapePDF(chunk))
                                       for subset, chunk in font.splitString(text, self.doc)]
        code = self.code
        code.append(f"1 0 0 1 {x} {fp_str(y)} Tm")
        for subset, chunk in parts:
            if subset != self.subset:
                code.append(f"{subset} {SIZE_TF}")
                self.subset = subset
            code.append(f"({chunk}) Tj")


def kept(flowables: list[Any], width: float, rows: int = 3) -> list[Any]:
    """``flowables`` (a heading, its lines, then a table or a chart) behind a conditional page break: the
    heading starts a page's last part only if the first ``rows`` rows of its table (or all of a chart,
    which cannot split) fit under it, so no heading is left alone at the bottom of a page."""
    from reportlab.platypus import CondPageBreak, Table

    *head, last = flowables
    need = sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in head)
    if isinstance(last, GridTable):
        need += last.head_h + last.tops[min(rows, last.last)] - last.tops[last.first]
    elif isinstance(last, Table):  # the benchmark's baseline: its first rows, roughly
        need += min(last.wrap(width, 1e6)[1], 80.0)
    else:
        need += last.wrap(width, 1e6)[1] + last.getSpaceBefore()
    return [CondPageBreak(need), *flowables]


def dates(lang: str) -> Callable[[dt.datetime | dt.date | None], str]:
    """The report's date formatter: in the city's time (not the process's), as a Polish office writes it
    when the report is Polish ("01.12.2026 09:00"), else ISO; each value formatted once."""
    done: dict[tuple[Any, Any], str] = {}

    def date(value: dt.datetime | dt.date | None) -> str:
        if value is None:
            return "—"
        key = (value, getattr(value, "tzinfo", None))
        if key not in done:
            if isinstance(value, dt.datetime):
                local = value.astimezone(LOCAL_ZONE)
                done[key] = polish_time(local) if lang == "pl" else local.strftime("%Y-%m-%d %H:%M")
            else:
                done[key] = polish_date(value) if lang == "pl" else value.isoformat()
        return done[key]

    return date


def natural(text: str) -> list[tuple[int, int, str]]:
    """A sort key that reads numbers as numbers ("Firma 9" before "Firma 10"), case-insensitive."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text.casefold())
            if part]
