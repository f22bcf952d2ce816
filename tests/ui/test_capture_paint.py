"""How the notes tree paints its rows (issue 9): each cell's text laid out once, not on every paint;
plain text on one line.  Real widgets offscreen over a real SQLite file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor

from visitapp.ui.capture.notes_model import COLUMNS, TEXT_COLUMN


def _settled(qtbot, app):
    qtbot.waitUntil(lambda: not app.worker.busy and not app.window.runner.pending)


def _add(qtbot, app, text):
    box = app.window.capture.box.editor
    box.setFocus()
    box.setPlainText(text)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, app)


def test_a_repaint_lays_out_only_the_text_that_changed(opened, qtbot):
    tree = opened.window.capture.tree
    rows = tree.row_painter
    opened.window.resize(1366, 600)  # more rows than fit: the scroll bar is there from the start
    # A first note of this visit's official (the demo's notes are by another author): the author column
    # comes, and with it new widths for every column; the one after it changes no width.
    _add(qtbot, opened, "Firma otwiera drugie biuro w Krakowie")
    qtbot.waitUntil(lambda: tree.verticalScrollBar().isVisible())
    tree.viewport().repaint()
    first = rows.laid_out
    assert first >= 20  # a screenful of sections and notes, cell by cell
    tree.viewport().repaint()
    assert rows.laid_out == first  # painted again from what was laid out
    _add(qtbot, opened, "Firma otwiera trzecie biuro w Krakowie")
    tree.viewport().repaint()  # every row below the new one moved: all are painted again
    new = rows.laid_out - first
    # the new row (pending, then stored: its time may differ by a second) and its section's count
    assert 0 < new <= 2 * COLUMNS + 1


def test_a_note_is_painted_as_plain_text_on_one_line(opened, qtbot, svc, demo):
    capture = opened.window.capture
    tree, model = capture.tree, capture.tree.notes_model
    opened.window.resize(1366, 768)
    typed = "<b>Gruby</b> tekst\ndruga linia"
    _add(qtbot, opened, typed)
    note = next(n for n in svc.notes.list(demo[0]) if n.text == typed)
    index = model.note_index(note.id, TEXT_COLUMN)
    tree.clearSelection()
    tree.setCurrentIndex(model.index(0, 0))  # the note's row unselected: its text on the base colour
    tree.scrollTo(index)
    qtbot.waitUntil(lambda: tree.visualRect(index).isValid())
    cell = tree.visualRect(index)
    image = tree.viewport().grab().toImage()
    background = QColor(image.pixel(cell.left() + 1, cell.top() + 1))
    ink = [(x, y) for x in range(cell.left(), cell.right()) for y in range(cell.top(), cell.bottom())
           if QColor(image.pixel(x, y)) != background]
    assert ink
    shown = "<b>Gruby</b> tekst druga linia"  # the tags as typed, the lines joined
    width = tree.fontMetrics().horizontalAdvance(shown)
    assert width < cell.width() - 10  # it fits: not elided
    left, right = min(x for x, _ in ink), max(x for x, _ in ink)
    assert abs((right - left) - width) <= 8  # as wide as the literal text: no bold "Gruby" without its tags
    height = max(y for _, y in ink) - min(y for _, y in ink)
    assert height <= tree.fontMetrics().height()  # one line


class _LayoutRequests(QObject):
    """Counts the layout requests a widget receives (a real event filter)."""

    def __init__(self, widget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_a_new_note_changes_the_number_of_notes_without_laying_out_the_screen_again(opened, qtbot, svc, demo):
    capture = opened.window.capture
    header = capture.header
    before = len(svc.notes.list(demo[0]))
    _add(qtbot, opened, "Jeszcze jedna notatka")
    qtbot.waitUntil(lambda: header.count.text() == f"{before + 1} notes")  # the add shows the new number
    assert f"{before + 1} notes" in header.text()
    header.show_count("888 notes")  # room for any narrower number: a wider one may lay the header out once
    _settled(qtbot, opened)
    pending = _LayoutRequests(capture)
    for _ in range(20):  # deliver what the add posted, and what delivering it posted, until a pass brings none
        pending.count = 0
        QCoreApplication.sendPostedEvents()
        if pending.count == 0:
            break
    assert pending.count == 0, "the screen kept asking for layouts"
    # The number's own path, alone (the add also stores the note and refreshes other parts of the screen, which
    # may lay themselves out for their own reasons): a new number that fits the room asks for no layout.
    requests = _LayoutRequests(capture)
    header.show_count(f"{before + 2} notes")
    QCoreApplication.sendPostedEvents()  # a layout request posted meanwhile is delivered now
    assert header.count.text() == f"{before + 2} notes"
    assert requests.count == 0
