"""Issue 11, the coordinator without a terminal: a disagreement names the template field's label in the
user's language, and settling it asks for confirmation and a reason (logged), then stays undoable."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from registry_helpers import merge_disagreeing

from visitapp.registry.review import disagreements

WAIT_MS = 30000


@pytest.fixture
def disputed_answer(db, tmp_path):
    """Two officials' records of one visit with different numbers of employees."""
    return merge_disagreeing(db, tmp_path, employees=(1200, 1350))


@pytest.fixture
def answers(monkeypatch):
    """The real reason dialog, built but not shown: records its text, types the queued answer."""
    seen: list[str] = []
    queue: list[str | None] = []

    def answer(dialog: QInputDialog) -> int:
        seen.append(dialog.labelText())
        reply = queue.pop(0)
        if reply is None:
            return QInputDialog.DialogCode.Rejected
        dialog.setTextValue(reply)
        return QInputDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "exec", answer)
    return seen, queue


def test_an_answer_is_named_by_its_label_and_settled_with_a_reason(qtbot, svc, disputed_answer, answers, messages,
                                                                    caplog):
    from visitapp.ui.coordinator import CoordinatorView

    seen, queue = answers
    view = CoordinatorView(svc)
    qtbot.addWidget(view)
    page = view.disagreements
    field = page.model.index(0, page.model.column_of("field")).data()
    assert field == "Employees in the city"  # the template's label, not "answer: employees now"
    page.table.selectRow(0)

    queue.append(None)  # cancelled: nothing changes
    page.settle_selected("other")
    assert len(disagreements(svc.db)) == 1 and page.take_other.isEnabled()
    queue.append("   ")  # no reason: one sentence, nothing changes
    page.settle_selected("other")
    assert messages and "Say why" in messages[-1][1]
    assert len(disagreements(svc.db)) == 1
    assert "Employees in the city: keep “1350”" in seen[0]

    queue.append("Dane z raportu rocznego firmy")
    with caplog.at_level(logging.INFO, logger="visitapp.ui.coordinator.disagreements_page"), \
            qtbot.waitSignal(view.registryChanged, timeout=WAIT_MS):
        qtbot.mouseClick(page.take_other, Qt.MouseButton.LeftButton)
    assert disagreements(svc.db) == []
    assert any("Dane z raportu rocznego firmy" in r.getMessage() for r in caplog.records)
    view.shutdown()


def test_the_label_follows_the_language():
    from visitapp.ui.coordinator.disagreements_page import template_field_label

    assert template_field_label("employees_now", "pl") == "Liczba pracowników w Krakowie"
    assert template_field_label("no_such_field", "pl") == ""
