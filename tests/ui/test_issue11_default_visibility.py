"""Issue 11: a visit can say what its new notes start as (internal unless chosen otherwise), set in the prepare
dialog and with ``visitapp visit edit --default-visibility``; a note added without a visibility takes it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import run_cli
from visitapp.errors import InvalidInput
from visitapp.ui.prepare import PrepareDialog


def test_prepare_sets_the_visits_default_visibility(gui, qtbot, svc, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.org_name, "Nowa Fabryka")
    assert dialog.default_visibility.currentData() == "internal"  # the safe default
    assert [dialog.default_visibility.itemText(i) for i in range(3)] == [
        "Internal", "Partner institutions", "Company copy"]
    dialog.default_visibility.setCurrentIndex(dialog.default_visibility.findData("company"))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1)
    visit = svc.visits.get(dialog.visit_id)
    assert visit.default_visibility == "company"
    note = svc.notes.add(dialog.visit_id, "Firma zaprasza uczniów na praktyki.")  # no visibility given
    assert note.visibility == "company"
    assert svc.notes.add(dialog.visit_id, "Uwaga wewnętrzna.", visibility="internal").visibility == "internal"

    again = PrepareDialog(gui.services(), dialog.visit_id, gui.window)  # editing shows what was stored
    qtbot.addWidget(again)
    assert again.default_visibility.currentData() == "company"


def test_a_visit_starts_internal_and_refuses_an_unknown_visibility(svc, demo):
    visit = svc.visits.get(demo[0])
    assert visit.default_visibility == "internal"
    assert svc.notes.add(demo[0], "Notatka.").visibility == "internal"
    with pytest.raises(InvalidInput, match="visibility must be one of"):
        svc.visits.update(demo[0], default_visibility="everyone")
    assert svc.visits.get(demo[0]).default_visibility == "internal"


def test_visit_edit_default_visibility_on_the_command_line(db_path, svc, demo):
    edited = run_cli("visit", "edit", "--visit", demo[0], "--db", str(db_path), "--default-visibility", "partners",
                     "--json")
    assert edited.returncode == 0, edited.stderr
    assert json.loads(edited.stdout)["default_visibility"] == "partners"
    added = run_cli("note", "--db", str(db_path), "--visit", demo[0], "Zaproszenie", "dla", "partnerów")
    assert added.returncode == 0, added.stderr
    note = svc.notes.get(added.stdout.strip())
    assert (note.text, note.visibility) == ("Zaproszenie dla partnerów", "partners")
    wrong = run_cli("visit", "edit", "--visit", demo[0], "--db", str(db_path), "--default-visibility", "everyone")
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr
