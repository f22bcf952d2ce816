"""The visit list: filters by status, series and date; full-text search with highlighted snippets."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitapp.services.search import MARK_END, MARK_START
from visitapp.ui.labels import STATUSES, fmt_date, status_label, visit_time
from visitapp.ui.safe_text import plain_tooltip

VISIT_ROLE = Qt.ItemDataRole.UserRole
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
NO_DATE = QDate(2000, 1, 1)
Index = QModelIndex | QPersistentModelIndex


def snippet_html(snippet: str) -> str:
    """A search snippet with its matches in bold on a highlight (the text itself escaped)."""
    escaped = html.escape(snippet)
    return escaped.replace(MARK_START, "<b style='background:#ffe066;color:#000'>").replace(MARK_END, "</b>")


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's text as rich text (search hits with highlighted matches)."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(Qt.ItemDataRole.DisplayRole) or "")
        doc.setTextWidth(max(100, option.rect.width() - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(option.rect.topLeft().x() + 4, option.rect.topLeft().y() + 2)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 8, option.rect.height() - 4))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)


class VisitListPanel(QWidget):
    openRequested = Signal(str, object)  # visit id, note id or None
    #: Set by ``visitapp.ui.app.run`` (the real start): fill the list once the window has been painted.
    fill_after_first_paint = False

    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search all visits (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        layout.addWidget(self.search)
        self.exact = QCheckBox(self.tr("E&xact forms"), self)
        self.exact.setToolTip(self.tr("Find words only in the form typed; otherwise a word finds all its forms"))
        self.exact.toggled.connect(self.run_search)
        layout.addWidget(self.exact)

        grid = QGridLayout()
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status.addItem(status_label(status), status)
        self.series = QComboBox(self)
        self.series.setAccessibleName(self.tr("Series"))
        for combo in (self.status, self.series):  # a long series name must not widen the whole panel (issue 11)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for edit, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("any date"))
            edit.setDate(NO_DATE)
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.reload)
        label_from, label_to = QLabel(self.tr("&From:"), self), QLabel(self.tr("&To:"), self)
        label_from.setBuddy(self.date_from)
        label_to.setBuddy(self.date_to)
        grid.addWidget(self.status, 0, 0, 1, 2)
        grid.addWidget(self.series, 0, 2, 1, 2)
        grid.addWidget(label_from, 1, 0)
        grid.addWidget(self.date_from, 1, 1)
        grid.addWidget(label_to, 1, 2)
        grid.addWidget(self.date_to, 1, 3)
        layout.addLayout(grid)

        self.stack = QStackedWidget(self)
        self.visits = QTreeWidget(self)
        self.visits.setRootIsDecorated(False)
        self.visits.setHeaderLabels([self.tr("Date"), self.tr("Organisation"), self.tr("Status")])
        header = self.visits.header()  # date and status keep their room; a long organisation name is elided
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.visits.setAccessibleName(self.tr("Visits"))
        self.visits.itemActivated.connect(lambda item, _c: self.openRequested.emit(item.data(0, VISIT_ROLE), None))
        self.hits = QListWidget(self)
        self.hits.setAccessibleName(self.tr("Search results"))
        self.hits.setItemDelegate(HtmlDelegate(self.hits))
        self.hits.setWordWrap(True)
        self.hits.itemActivated.connect(self._open_hit)
        self.stack.addWidget(self.visits)
        self.stack.addWidget(self.hits)
        layout.addWidget(self.stack, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.search.installEventFilter(self)
        self.status.currentIndexChanged.connect(self.reload)
        self.series.currentIndexChanged.connect(self.reload)
        # At start-up the list is filled after the first paint (issue 10, fast start): a process's first query
        # configures SQLAlchemy's mappers, about half a second that the window need not wait for. A visit
        # selected meanwhile is selected once the rows are there.
        self._loaded, self._wanted = False, ""
        if VisitListPanel.fill_after_first_paint:
            self.visits.viewport().installEventFilter(self)
        else:
            self.reload_series()

    def ensure_loaded(self) -> None:
        """Fill the list now if its first paint has not done it yet (and select the visit asked for meanwhile)."""
        if not self._loaded:
            self._loaded = True
            self.visits.viewport().removeEventFilter(self)
            self.reload_series()
            if self._wanted:
                self.select_visit(self._wanted)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # Down in the search box goes to the results
        if obj is self.visits.viewport() and event.type() == QEvent.Type.Paint and not self._loaded:
            QTimer.singleShot(0, self.ensure_loaded)  # once this first paint is on the screen
        if (obj is self.search and event.type() == event.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._timer.stop()
            self.run_search()
            view = self.stack.currentWidget()
            if view is not None:
                view.setFocus()
            if isinstance(view, QListWidget) and view.count() and view.currentRow() < 0:
                view.setCurrentRow(0)
            return True
        return super().eventFilter(obj, event)

    def reload_series(self) -> None:
        self._loaded = True
        self.series.blockSignals(True)
        current = self.series.currentData()
        self.series.clear()
        self.series.addItem(self.tr("All series"), None)
        for series in self.services().series.list():
            self.series.addItem(series.name, series.id)
        self.series.setCurrentIndex(max(0, self.series.findData(current)))
        self.series.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        date_from = self.date_from.date().toPython() if self.date_from.date() != NO_DATE else None
        date_to = self.date_to.date().toPython() if self.date_to.date() != NO_DATE else None
        visits = self.services().visits.list(status=self.status.currentData(), series_id=self.series.currentData(),
                                             date_from=date_from, date_to=date_to)
        selected = self.visits.currentItem()
        current = selected.data(0, VISIT_ROLE) if selected is not None else None
        self.visits.clear()
        for v in visits:
            item = QTreeWidgetItem(self.visits, [visit_time(v.starts_at, v.time_zone), v.organisation,
                                                 status_label(v.status)])
            item.setToolTip(1, plain_tooltip(f"{v.organisation}\n{v.title}\n{v.place}\n{v.series or ''}".strip()))
            item.setData(0, VISIT_ROLE, v.id)
            if v.id == current:
                self.visits.setCurrentItem(item)
        if not self.search.text().strip():
            self.count.setText(self.tr("%n visit(s)", "", len(visits)))

    def run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            self.stack.setCurrentWidget(self.visits)
            self.reload()
            return
        hits = self.services().search.search(query, limit=100, exact=self.exact.isChecked())
        self.hits.clear()
        for hit in hits:
            when = html.escape(fmt_date(hit.starts_at.date()))
            head = f"<span style='color:gray'>{when} · {html.escape(hit.organisation)}</span><br>"
            item = QListWidgetItem(head + snippet_html(hit.snippet))
            item.setData(VISIT_ROLE, hit.visit_id)
            item.setData(NOTE_ROLE, hit.ref_id if hit.kind == "note" else None)
            self.hits.addItem(item)
        self.stack.setCurrentWidget(self.hits)
        self.count.setText(self.tr("%n hit(s)", "", len(hits)))

    def _open_hit(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(item.data(VISIT_ROLE), item.data(NOTE_ROLE))

    def update_visit(self, info) -> None:  # info: visitapp.services.dto.VisitInfo
        """One visit changed (a note was added…): update its row only, with no database read.

        Its status is the one thing a change made in the capture view alters of what this list shows;
        a visit the status filter no longer admits leaves the list.
        """
        if not self._loaded:
            return  # its row is read as it is now when the list is filled
        for i in range(self.visits.topLevelItemCount()):
            item = self.visits.topLevelItem(i)
            if item is None or item.data(0, VISIT_ROLE) != info.id:
                continue
            wanted = self.status.currentData()
            if wanted and info.status != wanted:
                self.visits.takeTopLevelItem(i)
                if not self.search.text().strip():
                    self.count.setText(self.tr("%n visit(s)", "", self.visits.topLevelItemCount()))
            elif item.text(2) != status_label(info.status):
                item.setText(2, status_label(info.status))
            return

    def select_visit(self, visit_id: str) -> None:
        if not self._loaded:
            self._wanted = visit_id  # selected once the list is filled
            return
        for i in range(self.visits.topLevelItemCount()):
            item = self.visits.topLevelItem(i)
            if item is not None and item.data(0, VISIT_ROLE) == visit_id:
                self.visits.setCurrentItem(item)


