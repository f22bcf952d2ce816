"""The coordinator window: encrypted minutes ask for the key once per run; the People page's export and erase."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from coordinator_helpers import PASSWORD, keys, settle
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from registry_helpers import Identity

from visitapp.signing import envelope
from visitapp.ui.coordinator import key_dialog

WAIT_MS = 30000
NAME = "Paweł Łukasik"  # the company's director in every Official's visit


@pytest.fixture
def encrypted(signed, tmp_path):
    """Anna's and Piotr's signed minutes encrypted for a coordinator, and the coordinator's key file."""
    p12, pem = keys(tmp_path, "coord", Identity("Koordynator Serii", "UMK"))
    recipients = envelope.load_recipients([pem])
    out = []
    for pdf in (signed.anna_pdf, signed.piotr_pdf):
        target = tmp_path / (pdf.name + ".p7m")
        target.write_bytes(envelope.encrypt_for(pdf.read_bytes(), recipients))
        out.append(target)
    key_dialog.forget_key()
    yield p12, out
    key_dialog.forget_key()


def _answer_key_dialog(p12: Path, password: str, asked: list) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, key_dialog.KeyDialog):
            QTimer.singleShot(20, fill)
            return
        asked.append(dialog)
        dialog.path.setText(str(p12))
        dialog.password.setText(password)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():  # a wrong password keeps it open with its reason: cancel then
            asked.append(dialog.problem.text())
            dialog.reject()

    QTimer.singleShot(0, fill)


def _merge(qtbot, view, *paths) -> list[tuple[str, str]]:
    view.merge.add_paths(list(paths))
    qtbot.waitUntil(lambda: not view.merge.busy, timeout=WAIT_MS)
    model = view.merge.model
    return [tuple(model.index(r, model.column_of(c)).data() for c in ("status", "reason"))
            for r in range(model.rowCount())]


def test_encrypted_minutes_ask_for_the_key_once_and_the_people_page_exports_and_erases(
        qtbot, view, svc, signed, encrypted, tmp_path, db_path):
    p12, (anna_p7m, piotr_p7m) = encrypted
    view.trust.add_file(signed.anna_pem)
    view.trust.add_file(signed.piotr_pem)
    settle(qtbot, view)
    # A wrong password: the dialog says why; cancelled, the file is rejected with its reason, nothing imported.
    asked: list = []
    _answer_key_dialog(p12, "wrong", asked)
    rows = _merge(qtbot, view, anna_p7m)
    assert "wrong" in asked[1]
    assert rows[-1][0] == "rejected" and "--key" in rows[-1][1]
    assert svc.visits.list() == []
    # The right key: merged; a second file later in the run does not ask again.
    asked.clear()
    _answer_key_dialog(p12, PASSWORD, asked)
    assert _merge(qtbot, view, anna_p7m)[-1][0] == "accepted"
    assert len(asked) == 1
    assert _merge(qtbot, view, piotr_p7m)[-1][0] == "accepted"
    assert len(asked) == 1 and QApplication.activeModalWidget() is None

    page = view.people
    view.tabs.setCurrentWidget(page)
    page.reload()
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert NAME in names
    row = page.model.row_at(page.model.index(names.index(NAME), 0))
    out = tmp_path / "lukasik.json"
    assert page.export_to(row.id, out)
    assert json.loads(out.read_text("utf-8"))["person"]["name"] == NAME

    with qtbot.waitSignal(page.changed, timeout=WAIT_MS):
        page.erase(row.id, redact_mentions=True)
    assert "Erased" in page.status.text()
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert NAME not in names
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(db_path) + suffix)
        if path.exists():
            assert "Łukasik".encode() not in path.read_bytes()
