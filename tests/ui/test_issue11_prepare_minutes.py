"""Issue 11: the case number (znak sprawy) and the approver are set when preparing a visit, and kept."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from visitapp.ui.prepare import PrepareDialog


def test_prepare_sets_the_case_number_and_approver(gui, qtbot, svc, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.org_name, "Nowa Fabryka")
    qtbot.keyClicks(dialog.case_number, "WPI-II.0012.5.2026")
    dialog.approver.setText("Anna Nowak, dyrektor Wydziału")  # keyClicks types ASCII only
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1)
    visit = svc.visits.get(dialog.visit_id)
    assert (visit.case_number, visit.approver) == ("WPI-II.0012.5.2026", "Anna Nowak, dyrektor Wydziału")
    record = svc.records.build(dialog.visit_id)
    assert record.visit.case_number == "WPI-II.0012.5.2026"

    again = PrepareDialog(gui.services(), dialog.visit_id, gui.window)  # editing shows what was stored
    qtbot.addWidget(again)
    assert again.case_number.text() == "WPI-II.0012.5.2026"
    assert again.approver.text() == "Anna Nowak, dyrektor Wydziału"
