"""The coordinator's trust page manages certificate authorities (anchors) too (issue 13);
signers show their identity."""

from __future__ import annotations

from pki_world import Pki
from PySide6.QtCore import Qt

from visitapp.registry.trust import TrustStore


def cell(model, row: int, key: str) -> str:
    return model.index(row, model.column_of(key)).data()


def test_anchor_add_refuse_and_remove(qtbot, view, svc, signed, messages, tmp_path):
    pki = Pki(tmp_path)
    try:
        _p12, anna_pem, _issued = pki.official("anna", "Anna Nowak", "PNOPL-85010112345")
    finally:
        pki.stop()  # only certificates are needed here
    issuing = pki.write("issuing.pem", pki.issuing)
    page = view.trust
    view.tabs.setCurrentWidget(page)
    assert page.anchor_model.rowCount() == 0

    page.add_anchor_file(anna_pem)  # an end certificate is no anchor
    assert messages and "cannot be an anchor" in messages[-1][1]
    assert TrustStore(svc.db).anchors() == []

    page.add_anchor_file(issuing)  # written on the DB worker where the page has one: wait for the table
    qtbot.waitUntil(lambda: page.anchor_model.rowCount() == 1, timeout=30000)
    # Readable (CN, O, C), the raw name in the tooltip.
    assert cell(page.anchor_model, 0, "authority") == "Testowe CC Kwalifikowane 2026, Test PKI, PL"
    index = page.anchor_model.index(0, page.anchor_model.column_of("authority"))
    assert index.data(Qt.ItemDataRole.ToolTipRole) == pki.issuing.cert.subject.rfc4514_string()
    page.add_file(anna_pem)  # under the anchor: trusted as the person
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=30000)
    page.add_file(signed.piotr_pem)  # self-signed: by fingerprint
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=30000)
    identities = {cell(page.model, r, "name"): cell(page.model, r, "identity") for r in range(page.model.rowCount())}
    assert identities == {"Anna Nowak": "PESEL 85010112345", "Piotr Wiśniewski": "by fingerprint"}
    anna = next(r for r in range(2) if cell(page.model, r, "name") == "Anna Nowak")
    identity = page.model.index(anna, page.model.column_of("identity"))
    assert identity.data(Qt.ItemDataRole.ToolTipRole) == "serialNumber=PNOPL-85010112345"  # the raw identity

    page.anchor_table.selectRow(0)
    assert page.remove_anchor_button.isEnabled()
    qtbot.mouseClick(page.remove_anchor_button, Qt.MouseButton.LeftButton)  # the question is answered Yes
    qtbot.waitUntil(lambda: page.anchor_model.rowCount() == 0, timeout=30000)
    assert TrustStore(svc.db).anchors() == []
    assert page.anchor_model.rowCount() == 0 and not page.remove_anchor_button.isEnabled()


def test_the_merge_table_shows_the_signature_level_revocation_and_timestamp(qtbot, view, svc, tmp_path):
    """A file signed under the anchor: advanced, revocation not checked (offline merge), no timestamp."""
    from minutes_sample import sample_record
    from pki_world import PASSWORD

    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    pki = Pki(tmp_path)
    try:
        p12, anna_pem, _issued = pki.official("anna", "Anna Nowak", "PNOPL-85010112345")
    finally:
        pki.stop()
    store = TrustStore(svc.db)
    store.add_anchor(pki.issuing.cert)
    store.add_file(anna_pem)
    pdf = tmp_path / "anna.pdf"
    pdf.write_bytes(sign_pdf(minutes_pdf(sample_record()), Pkcs12Source(p12, PASSWORD)).pdf)
    view.tabs.setCurrentWidget(view.merge)
    view.merge.add_paths([pdf])
    qtbot.waitUntil(lambda: not view.merge.busy, timeout=30000)
    model = view.merge.model
    assert cell(model, 0, "status") == "accepted", cell(model, 0, "reason")
    assert cell(model, 0, "signature") == "advanced, revocation not checked"
    assert cell(model, 0, "timestamp") == "no timestamp"
    column = model.column_of("signature")
    assert model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) == "serialNumber=PNOPL-85010112345"
