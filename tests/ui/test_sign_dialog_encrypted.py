"""Finalise and sign a visit from a plan that carries the coordinator's certificate: offered encrypted, checked."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from visitapp.signing import envelope
from visitapp.signing.keys import keygen
from visitapp.signing.verify import load_trust_roots, verify_pdf
from visitapp.ui.signing.dialog import SignDialog

PASSWORD = "hasło 7"


@pytest.fixture
def keys(tmp_path):
    official = keygen("Zofia Łęcka", "Wydział Przedsiębiorczości i Innowacji", tmp_path / "zofia.p12", PASSWORD)
    coordinator = keygen("Koordynator Serii", "UMK", tmp_path / "coord.p12", PASSWORD)
    return official, coordinator


def _dialog(gui, qtbot, visit_id: str) -> SignDialog:
    dialog = SignDialog(gui.services(), visit_id, gui.worker, gui.settings, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    return dialog


def test_a_visit_from_such_a_plan_is_offered_encrypted_and_written_as_p7m(gui, qtbot, demo, keys, tmp_path,
                                                                         db_path, monkeypatch):
    (p12, pem, _cert), (coord_p12, coord_pem, _c) = keys
    # As a plan import leaves it (test setup, not the GUI: plain sqlite3 beside the app's connections).
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO plan_recipients (visit_uuid, certificate, added_at) VALUES (?, ?, "
                     "'2026-12-01 10:00:00')", (demo[0], coord_pem.read_text()))
    conn.close()

    plain = _dialog(gui, qtbot, demo[1])  # a visit from no such plan: nothing offered
    assert not plain.encrypt.isVisibleTo(plain) and not plain.encrypting
    plain.close()

    dialog = _dialog(gui, qtbot, demo[0])
    assert dialog.encrypt.isVisibleTo(dialog) and dialog.encrypt.isChecked()
    # The preview opened in the PDF viewer is private too (0600 under umask 022).
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    qtbot.waitUntil(lambda: dialog.preview_pane.pdf is not None, timeout=20000)
    old = os.umask(0o022)
    try:
        dialog.open_preview()
    finally:
        os.umask(old)
    assert opened and (sys.platform == "win32" or stat.S_IMODE(os.stat(opened[-1]).st_mode) == 0o600)  # POSIX modes
    assert dialog.out.text().endswith(".pdf.p7m")
    dialog.encrypt.setChecked(False)
    assert dialog.out.text().endswith(".pdf")
    dialog.encrypt.setChecked(True)
    # Without a certificate to sign with: one sentence, nothing written.
    out = tmp_path / "minutes.pdf.p7m"
    dialog.source.setCurrentIndex(dialog.source.findData("none"))
    dialog.out.setText(str(out))
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "must be signed" in dialog.status.text() and dialog.job is None
    assert not out.exists()
    dialog.source.setCurrentIndex(dialog.source.findData("pkcs12"))
    dialog.p12_path.setText(str(p12))
    dialog.secret.setFocus()
    dialog.secret.insert(PASSWORD)
    dialog.out.setText(str(out))
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_export is not None or not dialog.busy, timeout=20000)
    assert dialog.result_export is not None, dialog.status.text()
    assert "Encrypted for the coordinator" in dialog.status.text()
    assert not dialog.open_button.isVisible()

    data = out.read_bytes()
    assert not data.startswith(b"%PDF")
    pdf = envelope.decrypt(data, envelope.load_pkcs12_key(coord_p12, PASSWORD))
    report = verify_pdf(pdf, load_trust_roots([pem]))
    assert report.ok, report.all_problems()
    assert report.record.visit_id == demo[0]
