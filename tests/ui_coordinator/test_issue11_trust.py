"""Issue 11: trusting a certificate from the coordinator window shows its SHA-256 fingerprint and asks to
confirm it; "No" trusts nothing."""

from __future__ import annotations

from coordinator_helpers import settle
from cryptography import x509
from PySide6.QtWidgets import QFileDialog, QMessageBox

from visitapp.registry.trust import TrustStore, fingerprint
from visitapp.ui.coordinator.trust_page import grouped


def test_trust_asks_to_confirm_the_fingerprint(qtbot, view, svc, signed, monkeypatch):
    cert = x509.load_pem_x509_certificate(signed.anna_pem.read_bytes())
    asked: list[str] = []
    answers: list[QMessageBox.StandardButton] = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:  # the real box, built but not shown
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(signed.anna_pem), ""))
    page = view.trust
    page.ask_add()  # answered No
    settle(qtbot, view)
    assert TrustStore(svc.db).list() == []
    assert grouped(fingerprint(cert)) in asked[0] and "SHA-256" in asked[0]
    page.ask_add()  # answered Yes
    qtbot.waitUntil(lambda: len(TrustStore(svc.db).list()) == 1, timeout=30000)
    assert len(asked) == 2
