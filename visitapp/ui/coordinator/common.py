"""Small helpers shared by the coordinator's pages (no translatable text here)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from visitapp.errors import UserError
from visitapp.services import Services
from visitapp.ui.coordinator.models import RowsModel
from visitapp.ui.safe_text import plain_warning

ServicesRef = Services | Callable[[], Services]


def current(services: ServicesRef) -> Services:
    """The services now in use: the main window hands a getter (the identity can change), tests an instance."""
    return services() if callable(services) else services


def message_of(err: BaseException) -> str:
    """The core's one clear sentence; anything else is a bug, said as plainly as possible."""
    if isinstance(err, UserError):
        return str(err)
    return f"{type(err).__name__}: {err}"


def warn(parent: QWidget, title: str, text: str) -> None:
    plain_warning(parent, title, text)  # the text often holds a file's or a signer's name


@dataclass(frozen=True)
class Fit:
    """How one column of a fitted table is sized: as wide as its header and cells, within limits.

    ``share``: at most this part of the table's width (a long name is cut with "…", whole in its tooltip);
    ``floor``: the width it may shrink to when the row is short of room (None: never narrower than its text,
    for dates, states and numbers, which mean nothing cut).
    """

    share: float = 1.0
    floor: int | None = None


class _Fitter(QObject):
    """Sizes a table's columns to their text and gives the stretched one the room left, never less than its minimum.

    Qt's own modes cannot say "as wide as its text, but at most a fifth of the table": a column sized to its
    contents can push the stretched one (the one that matters, e.g. an action item's text) to a few pixels at
    150 %.  This sizes every listed column to its header and cells, caps it, gives the stretched column what is
    left, and when that is less than its minimum, narrows the columns that may shrink (in proportion to what
    each can give) before a horizontal scroll bar is the last resort.  It runs again when the table's width or
    rows change; a column the user resized by hand keeps its width.
    """

    def __init__(self, view: QTableView, stretch: int, minimum: int, fits: Mapping[int, Fit]) -> None:
        super().__init__(view)
        self.view, self.stretch, self.minimum, self.fits = view, stretch, minimum, dict(fits)
        self.by_hand: set[int] = set()
        self.fitting = False
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged, model.dataChanged):
            signal.connect(self.fit)
        view.horizontalHeader().sectionResized.connect(self._resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self.fitting and column != self.stretch and QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self.by_hand.add(column)  # the user dragged its edge: theirs from now on

    def natural(self, column: int) -> int:
        """The width of the column's header and of its widest cell (the rows Qt measures)."""
        return max(self.view.horizontalHeader().sectionSizeHint(column), self.view.sizeHintForColumn(column))

    def widths(self, room: int) -> dict[int, int]:
        """Each column's width for a viewport ``room`` pixels wide."""
        out: dict[int, int] = {}
        floors: dict[int, int] = {}
        header = self.view.horizontalHeader()
        for column in range(header.count()):
            if column == self.stretch or header.isSectionHidden(column):
                continue
            if column in self.by_hand:
                out[column] = floors[column] = header.sectionSize(column)
                continue
            fit = self.fits.get(column, Fit())
            width = min(self.natural(column), max(int(room * fit.share), fit.floor or 0))
            out[column] = width
            floors[column] = width if fit.floor is None else min(width, fit.floor)
        minimum = self.minimum if self.minimum >= 0 else self.natural(self.stretch)
        short = sum(out.values()) + minimum - room
        give = sum(out[c] - floors[c] for c in out)
        if short > 0 and give > 0:
            ratio = min(1.0, short / give)
            for c in out:
                out[c] = max(floors[c], out[c] - math.ceil((out[c] - floors[c]) * ratio))
        out[self.stretch] = max(minimum, room - sum(out.values()))
        return out

    def fit(self, *_args: Any) -> None:
        if self.fitting:
            return
        self.fitting = True
        try:
            for column, width in self.widths(self.view.viewport().width()).items():
                self.view.setColumnWidth(column, width)
            self._header_height()
        finally:
            self.fitting = False

    def _header_height(self) -> None:
        """Tall enough for a title wrapped into its narrowed column (Qt sizes the header for one line)."""
        header = self.view.horizontalHeader()
        model = self.view.model()
        metrics = header.fontMetrics()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        lines = 1
        for column in range(header.count()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            room = max(1, header.sectionSize(column) - 2 * margin)
            rect = metrics.boundingRect(0, 0, room, 10_000, int(Qt.TextFlag.TextWordWrap), title)
            lines = max(lines, -(-rect.height() // max(1, metrics.lineSpacing())))
        header.setMinimumHeight(metrics.lineSpacing() * (lines - 1) + header.sizeHint().height() if lines > 1
                                else 0)


def table(parent: QWidget, name: str, model: Any, *, stretch: int = -1, fits: Mapping[int, Fit] | None = None,
          minimum: int = 0) -> QTableView:
    """A read-by-row table: whole rows selected, sortable later by the page, last column stretched.

    With ``fits``, the columns are sized by :class:`_Fitter`: each to its text within its :class:`Fit`
    (columns not listed: to their text), and ``stretch`` takes the room left, at least ``minimum`` pixels
    (a negative ``minimum``: never narrower than its own text, for a column that means nothing cut).
    """
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if fits is not None:
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # A header narrower than its title takes a second line rather than losing both ends of it.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        _Fitter(view, stretch if stretch >= 0 else model.columnCount() - 1, minimum, fits)
    elif stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


def selected_row(view: QTableView) -> Any:
    index = view.currentIndex()
    selection = view.selectionModel()
    if not index.isValid() or selection is None or not selection.isRowSelected(index.row(), index.parent()):
        return None
    model = view.model()
    assert isinstance(model, RowsModel)  # every coordinator table shows a RowsModel
    return model.row_at(index)
