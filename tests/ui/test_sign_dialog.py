"""Finalise and sign through the dialog: real widgets, a real SQLite file, a PKCS#12 made here, real signatures."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from tests.conftest import require_tool
from visitapp.signing.keys import keygen
from visitapp.signing.verify import load_trust_roots, verify_file
from visitapp.ui import sign_dialog as sd
from visitapp.ui.settings import AppSettings
from visitapp.ui.signing.dialog import SignDialog

PASSWORD = "hasło ąę 42"


@pytest.fixture(scope="module")
def key(tmp_path_factory):
    folder = tmp_path_factory.mktemp("key")
    p12, pem, _cert = keygen("Zofia Łęcka", "Wydział Przedsiębiorczości i Innowacji", folder / "zofia.p12", PASSWORD)
    return p12, pem


@pytest.fixture
def urls(monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(sd.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    return opened


def _dialog(gui, qtbot, visit_id: str) -> SignDialog:
    dialog = SignDialog(gui.services(), visit_id, gui.worker, gui.settings, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    return dialog


def _fill(dialog: SignDialog, qtbot, p12, password: str, out) -> None:
    dialog.source.setCurrentIndex(dialog.source.findData("pkcs12"))
    dialog.p12_path.setText(str(p12))
    dialog.secret.setFocus()
    dialog.secret.insert(password)  # QTest.keyClicks aborts on letters outside Latin-1
    dialog.out.setText(str(out))


def test_menu_action_opens_the_dialog_for_the_open_visit(opened, demo, monkeypatch):
    shown = []
    monkeypatch.setattr(SignDialog, "exec", lambda self: (shown.append(self), 0)[1])
    action = opened.window.sign_action
    assert action.isEnabled() and not action.toolTip().startswith("Signing is not installed")
    action.trigger()
    assert len(shown) == 1 and shown[0].visit_id == demo[0]
    assert shown[0].worker is opened.worker and shown[0].settings is opened.settings


def test_preview_then_sign_company_copy(gui, qtbot, demo, key, tmp_path, svc, urls):
    p12, pem = key
    dialog = _dialog(gui, qtbot, demo[0])
    require_tool("pdftoppm")  # pages are drawn as images with poppler (CI installs it)
    assert dialog.preview.page_count() >= 1 and "page" in dialog.preview_caption.text()
    # Drawn on the dialog's own worker, not on the DB worker (which only built the record).
    assert dialog.preview_pane.rendered_on.startswith("visitapp-publish")
    assert dialog.open_preview_button.isEnabled()
    dialog.open_preview()
    assert urls and urls[-1].endswith(".pdf")

    dialog.copy.setCurrentIndex(dialog.copy.findData("company"))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert dialog.secret.echoMode() == dialog.secret.EchoMode.Password
    out = tmp_path / "minutes.pdf"
    _fill(dialog, qtbot, p12, PASSWORD, out)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    job = dialog.job
    qtbot.waitUntil(lambda: dialog.result_export is not None or not dialog.busy, timeout=15000)
    assert dialog.result_export is not None, dialog.status.text()
    # Finalising (a write) ran on the one DB worker as a core operation; rendering and signing on the
    # dialog's own worker. Finalising cannot be undone: the Edit menu has no step left.
    assert job.finalised_on.startswith("visitapp-db") and job.published_on.startswith("visitapp-publish")
    assert gui.window.runner.undo_label == ""  # the runner's label when nothing can be undone

    assert out.is_file()
    report = verify_file(out, load_trust_roots([pem]))
    assert report.ok, report.all_problems()
    [sig] = report.signatures
    assert sig.intact and sig.trusted and sig.signer == "Zofia Łęcka"
    assert report.record.copy == "company" and report.record.visit_id == demo[0]
    versions = svc.records.versions(demo[0])
    assert versions and versions[-1].number == report.record.version == dialog.result_export.version
    assert svc.visits.get(demo[0]).status == "finalised"
    assert "signed by Zofia Łęcka" in dialog.status.text() and dialog.isVisible()

    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert urls[-2:] == [str(out.resolve()), str(out.resolve().parent)]
    assert dialog.secret.text() == ""  # the password does not linger in the widget

    # Remembered: the source and the certificate file; never the password.
    gui.settings.sync()
    again = AppSettings(tmp_path / "settings.ini")
    assert again.get(sd.SOURCE) == "pkcs12" and again.get(sd.PKCS12_FILE) == str(p12)
    assert again.get(sd.FOLDER) == str(tmp_path)
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert PASSWORD not in stored and "hasło" not in stored
    assert all(PASSWORD not in str(again.qs.value(k)) for k in again.qs.allKeys())

    # The next dialog starts with the remembered choice and an empty password.
    dialog.close()
    second = _dialog(gui, qtbot, demo[0])
    assert second.source.currentData() == "pkcs12" and second.p12_path.text() == str(p12)
    assert second.secret.text() == "" and second.out.text().startswith(str(tmp_path))


def test_wrong_password_says_so_and_writes_nothing(gui, qtbot, demo, key, tmp_path, svc):
    p12, _pem = key
    before = svc.records.versions(demo[1])
    dialog = _dialog(gui, qtbot, demo[1])
    out = tmp_path / "out" / "minutes.pdf"
    out.parent.mkdir()
    _fill(dialog, qtbot, p12, "not it", out)
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)  # Return signs (the default button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.status.text() != "", timeout=15000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)
    assert dialog.status.text() == f"The password for {p12} is wrong."
    assert dialog.isVisible() and dialog.result_export is None
    assert dialog.secret.hasFocus() and dialog.sign_button.isEnabled()
    assert list(out.parent.iterdir()) == []  # no PDF, no temporary file
    assert svc.records.versions(demo[1]) == before
    assert not dialog.open_button.isVisible()


def test_cancel_before_the_work_starts_writes_nothing(gui, qtbot, demo, key, tmp_path, svc):
    p12, _pem = key
    before = svc.records.versions(demo[1])
    dialog = _dialog(gui, qtbot, demo[1])
    out = tmp_path / "cancelled.pdf"
    _fill(dialog, qtbot, p12, PASSWORD, out)
    gate = threading.Event()
    gui.worker.submit(gate.wait)  # hold the worker so that the cancel surely comes first
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_button.isEnabled() and not dialog.sign_button.isEnabled()
    dialog.reject()  # Esc while signing cancels and keeps the dialog open
    assert dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=15000)
    assert dialog.status.text() == "Cancelled: no PDF was written."
    assert not out.exists() and svc.records.versions(demo[1]) == before
    assert dialog.isVisible() and dialog.sign_button.isEnabled()
