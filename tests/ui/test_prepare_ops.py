"""The prepare dialog stores a visit, its organisation, people and participants as one undoable operation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from visitapp.ui.prepare import PrepareDialog
from visitapp.ui.worker import forbid_writes_here


def test_changing_a_visits_participants_is_one_step_that_undo_reverts(gui, qtbot, svc, demo):
    allow = forbid_writes_here(gui.db)  # the dialog never writes on the GUI thread
    try:
        before = svc.visits.get(demo[0])
        dialog = PrepareDialog(gui.services(), demo[0], gui.window)
        qtbot.addWidget(dialog)
        dialog.participants.setCurrentRow(0)
        qtbot.keyClick(dialog.participants, Qt.Key.Key_Delete)  # the first participant leaves
        qtbot.keyClicks(dialog.person, "Zofia Nowakowska")
        dialog.institution.setText("Urząd Miasta")  # QTest types Latin-1 only
        qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
        dialog.place.setText("Sala konferencyjna")
        with qtbot.waitSignal(gui.window.runner.finished) as blocker:
            qtbot.keyClick(dialog.agenda, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert dialog.result() == 1 and dialog.visit_id == demo[0]
        changes = blocker.args[0]
        assert changes.label == "Prepare visit" and changes.participants.removed == {before.participants[0].id}
        after = svc.visits.get(demo[0])
        names = [p.person.name for p in after.participants]
        assert names == [p.person.name for p in before.participants[1:]] + ["Zofia Nowakowska"]
        assert after.place == "Sala konferencyjna"

        with qtbot.waitSignal(gui.window.runner.finished) as blocker:
            gui.window.runner.undo()
        assert blocker.args[0].kind == "undo"
        restored = svc.visits.get(demo[0])
        assert restored.participants == before.participants and restored.place == before.place
        assert not svc.people.find("Zofia Nowakowska")
    finally:
        allow()
