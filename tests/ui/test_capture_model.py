"""The capture view never stalls: writes go to the DB worker, the notes model changes row by row.

Real widgets offscreen over a real SQLite file; the DB worker is held back with a real event where a
test needs to see the window before the commit.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from visitapp.ui.capture.notes_model import ID_ROLE, PENDING_ROLE, TEXT_COLUMN


def _settled(qtbot, app):
    qtbot.waitUntil(lambda: not app.worker.busy and not app.window.runner.pending)


def _type(qtbot, app, text):
    box = app.window.capture.box.editor
    box.setFocus()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _rows(model):
    """The notes as the view shows them: (section, [texts])."""
    out = []
    for s in range(model.rowCount()):
        section = model.index(s, 0)
        out.append((model.section_keys()[s], [model.index(r, TEXT_COLUMN, section).data()
                                                for r in range(model.rowCount(section))]))
    return out


def _stored_rows(svc, visit_id, model):
    by_section = {key: [] for key in model.section_keys()}
    for note in svc.notes.list(visit_id):
        by_section[note.section].append(note.text)
    return list(by_section.items())


class Signals:
    """Counts what the model emits."""

    NAMES = ("modelReset", "layoutChanged", "rowsInserted", "rowsRemoved", "rowsMoved", "dataChanged")

    def __init__(self, model):
        self.counts = dict.fromkeys(self.NAMES, 0)
        for name in self.NAMES:
            getattr(model, name).connect(lambda *_a, n=name: self._count(n))

    def _count(self, name):
        self.counts[name] += 1

    def take(self):
        counts, self.counts = self.counts, dict.fromkeys(self.NAMES, 0)
        return counts


@pytest.fixture
def held(opened):
    """Hold the DB worker until the test lets it go (a real wait on the worker thread)."""
    gate = threading.Event()
    opened.worker.submit(gate.wait)
    yield gate
    gate.set()


def test_ctrl_enter_shows_the_note_at_once_and_stored_only_after_the_commit(opened, qtbot, svc, demo, held):
    capture, window = opened.window.capture, opened.window
    model = capture.tree.notes_model
    window.saved_label.clear()
    _type(qtbot, opened, "Firma otwiera biuro w Nowej Hucie")
    # Shown at once, while the worker has not committed anything yet:
    index = capture.tree.currentIndex()
    assert index.siblingAtColumn(TEXT_COLUMN).data() == "Firma otwiera biuro w Nowej Hucie"
    assert index.data(PENDING_ROLE) is True
    assert capture.box.text() == ""
    assert "stored" not in window.saved_label.text()
    assert "Firma otwiera biuro w Nowej Hucie" not in [n.text for n in svc.notes.list(demo[0])]

    held.set()
    qtbot.waitUntil(lambda: "stored" in window.saved_label.text())
    _settled(qtbot, opened)
    stored = next(n for n in svc.notes.list(demo[0]) if n.text == "Firma otwiera biuro w Nowej Hucie")
    index = model.note_index(stored.id)
    assert index.isValid() and index.data(ID_ROLE) == stored.id and index.data(PENDING_ROLE) is False
    assert capture.tree.current_note_id() == stored.id
    assert _rows(model) == _stored_rows(svc, demo[0], model)


def test_add_edit_move_delete_change_rows_never_reset(opened, qtbot, svc, demo):
    capture = opened.window.capture
    model = capture.tree.notes_model
    signals = Signals(model)

    _type(qtbot, opened, "Pierwsza notatka")
    _settled(qtbot, opened)
    counts = signals.take()
    assert counts["rowsInserted"] == 1 and counts["modelReset"] == counts["layoutChanged"] == 0
    assert counts["rowsRemoved"] == 0
    note = next(n for n in svc.notes.list(demo[0]) if n.text == "Pierwsza notatka")

    capture.edit_note(note.id, "Poprawiona notatka")
    _settled(qtbot, opened)
    counts = signals.take()
    assert counts["dataChanged"] >= 1
    assert counts["rowsInserted"] == counts["rowsRemoved"] == counts["modelReset"] == counts["layoutChanged"] == 0
    assert svc.notes.get(note.id).text == "Poprawiona notatka"
    assert model.note_index(note.id).data() == "Poprawiona notatka"

    capture.tree.setFocus()
    capture.tree.select_note(note.id)
    qtbot.keyClick(capture.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # one up in its section
    _settled(qtbot, opened)
    counts = signals.take()
    assert counts["rowsMoved"] >= 1 and counts["modelReset"] == counts["rowsRemoved"] == 0
    section = svc.notes.get(note.id).section
    assert svc.notes.index_of(note.id) == len([n for n in svc.notes.list(demo[0]) if n.section == section]) - 2
    assert _rows(model) == _stored_rows(svc, demo[0], model)

    mods = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(capture.tree, Qt.Key.Key_Down, mods)  # to the next section
    _settled(qtbot, opened)
    counts = signals.take()
    # The sections' row counts change: one row out of one section, one into the other; never a reset.
    assert counts["rowsRemoved"] == counts["rowsInserted"] == 1
    assert counts["modelReset"] == counts["layoutChanged"] == 0
    assert svc.notes.get(note.id).section != section
    assert capture.tree.current_note_id() == note.id  # the selection follows the note
    assert _rows(model) == _stored_rows(svc, demo[0], model)

    qtbot.keyClick(capture.tree, Qt.Key.Key_Delete)
    _settled(qtbot, opened)
    counts = signals.take()
    assert counts["rowsRemoved"] == 1 and counts["modelReset"] == counts["rowsInserted"] == 0
    assert svc.notes.get(note.id).deleted and not model.note_index(note.id).isValid()
    assert _rows(model) == _stored_rows(svc, demo[0], model)


def test_undo_and_redo_from_the_capture_view(opened, qtbot, svc, demo):
    capture, window = opened.window.capture, opened.window
    model = capture.tree.notes_model
    signals = Signals(model)
    _type(qtbot, opened, "Notatka do cofniecia")
    _settled(qtbot, opened)
    note = next(n for n in svc.notes.list(demo[0]) if n.text == "Notatka do cofniecia")
    capture.tree.setFocus()
    capture.tree.select_note(note.id)
    qtbot.keyClick(capture.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    _settled(qtbot, opened)
    moved = _rows(model)
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    signals.take()

    qtbot.keyClick(capture.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the move
    _settled(qtbot, opened)
    assert svc.notes.index_of(note.id) == len([n for n in svc.notes.list(demo[0]) if n.section == note.section]) - 1
    assert _rows(model) == _stored_rows(svc, demo[0], model) != moved
    qtbot.keyClick(capture.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the add
    _settled(qtbot, opened)
    assert note.id not in [n.id for n in svc.notes.list(demo[0])]
    assert not model.note_index(note.id).isValid()
    assert window.redo_action.isEnabled()

    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(capture.tree, Qt.Key.Key_Z, redo)  # the note comes back
    _settled(qtbot, opened)
    assert model.note_index(note.id).data() == "Notatka do cofniecia"
    qtbot.keyClick(capture.tree, Qt.Key.Key_Z, redo)  # and moves up again
    _settled(qtbot, opened)
    assert _rows(model) == _stored_rows(svc, demo[0], model) == moved
    assert signals.take()["modelReset"] == 0


def test_visit_list_updates_only_the_changed_row(gui, qtbot, svc, demo):
    panel = gui.window.list_panel
    gui.window.open_visit(demo[2])  # planned, no notes yet
    rows = {panel.visits.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): panel.visits.topLevelItem(i)
            for i in range(panel.visits.topLevelItemCount())}
    assert rows[demo[2]].text(2) == "Planned"
    _type(qtbot, gui, "Pierwsza notatka planowanej wizyty")
    _settled(qtbot, gui)
    assert svc.visits.get(demo[2]).status == "in_progress"
    qtbot.waitUntil(lambda: rows[demo[2]].text(2) == "In progress")
    # The same items: the row was updated in place, the list was not read again.
    assert [panel.visits.topLevelItem(i) for i in range(panel.visits.topLevelItemCount())] == list(rows.values())


def test_a_change_to_a_note_on_its_way_is_applied_once_it_is_stored(opened, qtbot, svc, demo, held):
    capture = opened.window.capture
    _type(qtbot, opened, "Notatka w drodze")
    pending = capture.tree.current_note_id()
    assert pending and capture.tree.currentIndex().data(PENDING_ROLE) is True
    capture.edit_note(pending, "Notatka poprawiona w drodze")  # before the add is committed
    assert "Notatka w drodze" not in [n.text for n in svc.notes.list(demo[0])]
    held.set()
    _settled(qtbot, opened)
    texts = [n.text for n in svc.notes.list(demo[0])]
    assert "Notatka poprawiona w drodze" in texts and "Notatka w drodze" not in texts
    stored = next(n for n in svc.notes.list(demo[0]) if n.text == "Notatka poprawiona w drodze")
    assert capture.tree.notes_model.note_index(stored.id).data() == "Notatka poprawiona w drodze"


def test_a_refused_note_gives_its_text_back(opened, qtbot, svc, demo, held):
    capture, window = opened.window.capture, opened.window
    before = capture.tree.notes_model.note_count()
    _type(qtbot, opened, "Notatka, ktora zostanie zapisana")
    assert capture.tree.notes_model.note_count() == before + 1
    # The core refuses the next one (a section its template does not have), after the view showed it.
    capture.section = "no_such_section"
    _type(qtbot, opened, "Druga notatka")
    capture.section = capture.template.section_keys[0]
    held.set()
    _settled(qtbot, opened)
    assert capture.tree.notes_model.note_count() == before + 1  # the refused one is gone from the view
    assert "Druga notatka" not in [n.text for n in svc.notes.list(demo[0])]
    assert capture.box.text() == "Druga notatka"  # given back, to be added again
    assert capture.warning.isVisibleTo(capture) and capture.warning.text()
    assert window.saved_label.text() == "Not stored!"


def test_undoing_a_field_answer_shows_the_value_before(opened, qtbot, svc, demo):
    capture, window = opened.window.capture, opened.window
    before = svc.answers.list(demo[0]).get("planned_hires")
    edit = capture.fields.editor("planned_hires")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "42")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    _settled(qtbot, opened)
    assert svc.answers.list(demo[0])["planned_hires"].value == 42
    window.undo_action.trigger()
    _settled(qtbot, opened)
    after = svc.answers.list(demo[0]).get("planned_hires")
    assert (after.value if after else None) == (before.value if before else None)
    shown = capture.fields.editor("planned_hires")
    assert shown.text() == ("" if before is None else str(before.value))


def test_a_note_refused_after_another_visit_was_opened_is_kept_as_its_draft(opened, qtbot, svc, demo, held):
    capture = opened.window.capture
    capture.section = "no_such_section"  # the core will refuse this note
    _type(qtbot, opened, "Notatka odrzucona po zmianie wizyty")
    opened.window.open_visit(demo[2])  # while the add waits for the worker
    held.set()
    _settled(qtbot, opened)
    assert capture.visit.id == demo[2] and capture.box.text() == ""
    assert "Notatka odrzucona po zmianie wizyty" not in [n.text for n in capture.notes]  # not shown in this visit
    assert svc.drafts.list(demo[0])["capture"].text == "Notatka odrzucona po zmianie wizyty"


def test_a_long_note_takes_one_line_and_its_whole_text_is_the_tooltip(opened, qtbot, svc, demo):
    """Rows of one height: a change never measures the visible rows' wrapped text again (issue 9, speed)."""
    capture = opened.window.capture
    tree, model = capture.tree, capture.tree.notes_model
    long_text = " ".join(["Firma szuka spawaczy z certyfikatem i pyta o klasy patronackie."] * 12)  # ASCII: keyClicks
    _type(qtbot, opened, "Krotka")
    _type(qtbot, opened, long_text)
    _settled(qtbot, opened)
    short_id = next(n.id for n in svc.notes.list(demo[0]) if n.text == "Krotka")
    long_id = next(n.id for n in svc.notes.list(demo[0]) if n.text == long_text)
    tree.scrollTo(model.note_index(long_id))
    qtbot.waitUntil(lambda: tree.visualRect(model.note_index(long_id)).isValid())
    short_rect = tree.visualRect(model.note_index(short_id))
    long_rect = tree.visualRect(model.note_index(long_id))
    assert long_rect.height() == short_rect.height() <= 2 * tree.fontMetrics().height()
    assert long_text in model.note_index(long_id).data(Qt.ItemDataRole.ToolTipRole)
    assert tree.uniformRowHeights()
    # the row as drawn: every cell from the per-note cache, the text whole (elided only when painted)
    cells = model.row_cells(model.note_index(long_id))[0]
    assert cells[TEXT_COLUMN] == long_text


def test_a_stored_note_changes_its_row_once(opened, qtbot, svc, demo, held):
    """The commit's result and the row it names arrive together: the row is not changed twice (issue 9)."""
    capture = opened.window.capture
    model = capture.tree.notes_model
    _type(qtbot, opened, "Notatka zapisana raz")
    pending = capture.tree.current_note_id()
    signals = Signals(model)
    held.set()
    _settled(qtbot, opened)
    stored = next(n for n in svc.notes.list(demo[0]) if n.text == "Notatka zapisana raz")
    assert capture.tree.current_note_id() == stored.id != pending
    counts = signals.take()
    assert counts["dataChanged"] == 1  # pending -> stored, that row only
    assert counts["rowsInserted"] == counts["rowsRemoved"] == counts["rowsMoved"] == counts["modelReset"] == 0
