"""Reordering notes with the mouse (issue 10): a dragged note lands where it is dropped, stored as one undo step.

Real widgets offscreen over a real SQLite file; the drag's move and drop events are real Qt events sent to the
tree's viewport (a synthetic drag cannot run QDrag's own event loop offscreen).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from visitapp.ui.capture.notes_model import NOTE_MIME, TEXT_COLUMN


def _settled(qtbot, app):
    qtbot.waitUntil(lambda: not app.worker.busy and not app.window.runner.pending)


def _add(qtbot, app, text):
    box = app.window.capture.box.editor
    box.setFocus()
    box.setPlainText(text)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _texts(model, section_key):
    section = model.section_index(section_key)
    return [model.index(r, TEXT_COLUMN, section).data() for r in range(model.rowCount(section))]


def _stored(svc, visit_id, section_key):
    return [n.text for n in svc.notes.list(visit_id) if n.section == section_key]


def _drop(tree, data: QMimeData, pos: QPoint) -> None:
    viewport = tree.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, Qt.DropAction.MoveAction, data, buttons, mods)
    QApplication.sendEvent(viewport, enter)  # makes the viewport the drag's target, as a real drag does
    move = QDragMoveEvent(pos, Qt.DropAction.MoveAction, data, buttons, mods)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(pos), Qt.DropAction.MoveAction, data, buttons, mods)
    QApplication.sendEvent(viewport, drop)


def _note_mime(tree, note_id):
    return tree.notes_model.mimeData([tree.notes_model.note_index(note_id)])


def _upper_half(tree, index) -> QPoint:
    rect = tree.visualRect(index)
    return QPoint(rect.center().x(), rect.top() + 2)


def test_a_note_dragged_above_another_is_stored_there_and_undone_in_one_step(opened, qtbot, svc, demo):
    capture, window = opened.window.capture, opened.window
    tree, model = capture.tree, capture.tree.notes_model
    for text in ("Pierwsza", "Druga", "Trzecia"):
        _add(qtbot, opened, text)
    _settled(qtbot, opened)
    section = capture.section
    before = _stored(svc, demo[0], section)
    assert before[-3:] == ["Pierwsza", "Druga", "Trzecia"]
    third = next(n for n in svc.notes.list(demo[0]) if n.text == "Trzecia")
    first = next(n for n in svc.notes.list(demo[0]) if n.text == "Pierwsza")

    tree.scrollTo(model.note_index(first.id))
    _drop(tree, _note_mime(tree, third.id), _upper_half(tree, model.note_index(first.id)))
    # Shown at once, and the dropped note is the current one:
    assert _texts(model, section)[-3:] == ["Trzecia", "Pierwsza", "Druga"]
    assert tree.current_note_id() == third.id
    _settled(qtbot, opened)
    assert _stored(svc, demo[0], section)[-3:] == ["Trzecia", "Pierwsza", "Druga"]
    assert _texts(model, section) == _stored(svc, demo[0], section)

    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step undoes the drop
    _settled(qtbot, opened)
    assert _stored(svc, demo[0], section) == before
    assert _texts(model, section) == before
    assert window.redo_action.isEnabled()


def test_a_note_dropped_on_a_section_title_goes_first_in_that_section(opened, qtbot, svc, demo):
    capture = opened.window.capture
    tree, model = capture.tree, capture.tree.notes_model
    _add(qtbot, opened, "Do przeniesienia")
    _settled(qtbot, opened)
    note = next(n for n in svc.notes.list(demo[0]) if n.text == "Do przeniesienia")
    other = next(k for k in model.section_keys() if k != note.section)
    title = model.section_index(other)
    tree.scrollTo(title)

    _drop(tree, _note_mime(tree, note.id), tree.visualRect(title).center())
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).section == other
    assert _stored(svc, demo[0], other)[0] == "Do przeniesienia"
    assert _texts(model, other) == _stored(svc, demo[0], other)
    assert _texts(model, note.section) == _stored(svc, demo[0], note.section)


def test_a_foreign_drop_changes_nothing(opened, qtbot, svc, demo):
    capture = opened.window.capture
    tree, model = capture.tree, capture.tree.notes_model
    _add(qtbot, opened, "Zostaje")
    _settled(qtbot, opened)
    before = [(n.id, n.section, n.position) for n in svc.notes.list(demo[0])]
    shown = [_texts(model, k) for k in model.section_keys()]
    target = model.section_index(model.section_keys()[0])

    text = QMimeData()
    text.setText("Zostaje")  # text dragged in from another program
    _drop(tree, text, tree.visualRect(target).center())
    forged = QMimeData()
    forged.setData(NOTE_MIME, b"no-such-note")  # a note id this visit does not hold
    _drop(tree, forged, tree.visualRect(target).center())
    _settled(qtbot, opened)
    assert [(n.id, n.section, n.position) for n in svc.notes.list(demo[0])] == before
    assert [_texts(model, k) for k in model.section_keys()] == shown
    assert not opened.window.runner.pending
