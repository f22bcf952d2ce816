"""Issue 11 / issue 10, the coordinator without a terminal: a file rejected because its signer is not trusted
offers "Trust this signer and merge again" (fingerprint shown and confirmed); "Trust for this merge only"
trusts chosen certificates for the merges of the window and stores nothing. Real signed PDFs, real merges."""

from __future__ import annotations

from coordinator_helpers import settle
from cryptography import x509
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from visitapp.registry.trust import TrustStore, fingerprint
from visitapp.services import Services
from visitapp.ui.coordinator.trust_page import grouped

WAIT_MS = 30000


def results(view) -> list[tuple[str, str]]:
    model = view.merge.model
    return [(model.index(r, model.column_of("file")).data(), model.index(r, model.column_of("status")).data())
            for r in range(model.rowCount())]


def merge(qtbot, view, *paths) -> None:
    view.merge.add_paths(list(paths))
    qtbot.waitUntil(lambda: not view.merge.busy, timeout=WAIT_MS)


def notes_of(svc: Services, visit_id: str) -> list[str]:
    return [n.text for n in svc.notes.list(visit_id)]


def test_a_rejected_row_trusts_its_signer_and_merges_again(qtbot, view, svc, signed, monkeypatch):
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:  # the real plain-text box, built but not shown
        asked.append(box.text())
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    page = view.merge
    merge(qtbot, view, signed.anna_pdf, signed.tampered_pdf)
    assert results(view) == [("anna.pdf", "rejected"), ("tampered.pdf", "rejected")]
    page.table.selectRow(1)  # tampered: trusting its signer would not help, so nothing is offered
    assert not page.trust_again_button.isEnabled()
    page.table.selectRow(0)
    assert page.trust_again_button.isEnabled()

    page.trust_again_button.click()  # answered No: nothing trusted, nothing merged
    settle(qtbot, view)
    cert = x509.load_pem_x509_certificate(signed.anna_pem.read_bytes())
    assert grouped(fingerprint(cert)) in asked[0] and "Anna Nowak" in asked[0]
    assert TrustStore(svc.db).list() == [] and not page.busy

    with qtbot.waitSignal(view.registryChanged, timeout=WAIT_MS):
        qtbot.mouseClick(page.trust_again_button, Qt.MouseButton.LeftButton)  # Yes
        qtbot.waitUntil(lambda: results(view)[0][1] == "accepted", timeout=WAIT_MS)
    assert [t.fingerprint for t in TrustStore(svc.db).list()] == [fingerprint(cert)]
    assert results(view) == [("anna.pdf", "accepted"), ("tampered.pdf", "rejected")]  # the row replaced
    assert signed.anna_note in notes_of(svc, signed.visit_id)
    assert view.trust.model.rowCount() == 1  # the Trusted signers page shows it


def test_trust_for_this_merge_only_stores_nothing(qtbot, view, svc, signed, monkeypatch, messages):
    page = view.merge
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(signed.piotr_pem)], ""))
    page.trust_once.setChecked(True)  # ticking the box with none chosen asks for the certificates
    assert page.once_paths == [signed.piotr_pem] and "Piotr Wiśniewski" in page.trust_once_label.text()
    merge(qtbot, view, signed.piotr_pdf, signed.anna_pdf)
    assert results(view) == [("piotr.pdf", "accepted"), ("anna.pdf", "rejected")]
    assert signed.piotr_note in notes_of(svc, signed.visit_id)
    assert TrustStore(svc.db).list() == []  # trusted for that run only

    page.trust_once.setChecked(False)  # unticked: the next merge trusts only the registry's list
    page.model.reset([])
    other = signed.folder / "piotr-copy.pdf"
    other.write_bytes(signed.piotr_pdf.read_bytes() + b"\n")  # other bytes: not "merged before"
    merge(qtbot, view, other)
    assert results(view) == [("piotr-copy.pdf", "rejected")]


def test_a_chain_or_non_certificate_is_refused_for_this_merge(qtbot, view, signed, monkeypatch, messages):
    bad = signed.folder / "not-a-cert.pem"
    bad.write_text("hello")
    page = view.merge
    assert page.set_once_certificates([bad]) is False
    assert messages and "holds no certificate" in messages[-1][1]
    assert page.once_paths == [] and not page.trust_once.isChecked() and page.once_trust() == []
