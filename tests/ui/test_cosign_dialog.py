"""File → Co-sign minutes… (issue 10) on real signed files: verified first in the capped worker, drawn, co-signed
with the remembered certificate through the core's cosign, written whole; pdfsig checks both signatures."""

from __future__ import annotations

import subprocess

import pytest

from tests.minutes_sample import require_tool, sample_record
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.keys import keygen
from visitapp.signing.sign import Pkcs12Source, sign_pdf
from visitapp.ui.signing import certificate_box as cb

WAIT_MS = 60000  # a spawned verification worker imports pyHanko first
FIRST, SECOND = "hasło-zofii", "hasło-piotra"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cosign")
    zofia, zofia_pem, _c = keygen("Zofia Łęcka", "Urząd Miasta Krakowa", folder / "zofia.p12", FIRST)
    piotr, piotr_pem, _c = keygen("Piotr Wiśniewski", "Miejski Urząd Pracy", folder / "piotr.p12", SECOND)
    signed = sign_pdf(minutes_pdf(sample_record("pl")), Pkcs12Source(zofia, FIRST)).pdf
    (folder / "signed.pdf").write_bytes(signed)
    broken = bytearray(signed)
    start = int(signed.split(b"/ByteRange")[1].split()[2])  # a byte in the middle of the first signed range
    broken[start // 2] ^= 0x01
    (folder / "tampered.pdf").write_bytes(bytes(broken))
    return folder, piotr, [zofia_pem, piotr_pem]


def _open(gui, qtbot, files, path):
    from visitapp.ui.cosign_dialog import CosignDialog

    folder, piotr, _pems = files
    gui.settings.set(cb.SOURCE, "pkcs12")  # what the signing dialog remembered
    gui.settings.set(cb.PKCS12_FILE, str(piotr))
    action = next(a for a in gui.window.findChildren(type(gui.window.sign_action))
                  if a.objectName() == "cosignMinutes")
    action.trigger()
    dialog = gui.window.findChild(CosignDialog, "cosignDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.certificate.kind == "pkcs12" and dialog.certificate.p12_path.text() == str(piotr)
    with qtbot.waitSignal(dialog.verified, timeout=WAIT_MS) as blocker:
        dialog.open_file(folder / path)
    return dialog, blocker.args[0]


def test_co_sign_a_signed_file_keeps_both_signatures_valid(gui, qtbot, files, tmp_path):
    from visitapp.signing.verify import load_trust_roots, verify_pdf

    folder, _piotr, pems = files
    dialog, ok = _open(gui, qtbot, files, "signed.pdf")
    assert ok, dialog.check.text()
    assert dialog.check.text().startswith("Signed by Zofia Łęcka (Urząd Miasta Krakowa) on ")
    assert dialog.preview.page_count() >= 1  # the pages of the checked file
    assert dialog.out.text() == str(folder / "signed-co-signed.pdf")
    out = tmp_path / "wspolpodpisany.pdf"
    dialog.out.setText(str(out))
    dialog.certificate.secret.setText("wrong")
    with qtbot.waitSignal(dialog.signed, timeout=WAIT_MS) as blocker:
        dialog.sign_button.click()
    assert blocker.args == [False]
    assert dialog.status.text() == f"The password for {_piotr} is wrong."
    assert not out.exists()

    dialog.certificate.secret.setText(SECOND)
    with qtbot.waitSignal(dialog.signed, timeout=WAIT_MS) as blocker:
        dialog.sign_button.click()
    assert blocker.args == [True], dialog.status.text()
    assert dialog.status.text() == f"Wrote {out}, co-signed by Piotr Wiśniewski."
    assert dialog.certificate.secret.text() == ""
    report = verify_pdf(out.read_bytes(), load_trust_roots(pems))
    assert [s.signer for s in report.signatures] == ["Zofia Łęcka", "Piotr Wiśniewski"]
    assert report.ok, report.all_problems()
    pdfsig = require_tool("pdfsig")
    text = subprocess.run([pdfsig, str(out)], capture_output=True, text=True, timeout=60).stdout
    assert text.count("Signature Validation: Signature is Valid.") == 2, text
    settings_file = gui.settings.qs.fileName()
    with open(settings_file, "rb") as stored:
        assert SECOND.encode() not in stored.read()
    dialog.close()


def test_a_tampered_file_is_one_sentence_and_cannot_be_signed(gui, qtbot, files):
    dialog, ok = _open(gui, qtbot, files, "tampered.pdf")
    assert not ok
    assert dialog.check.text() == ("Signature 1 (Zofia Łęcka) no longer holds: the file was changed after it was "
                                   "signed, so it must not be co-signed.")
    assert not dialog.sign_button.isEnabled()
    assert dialog.preview.page_count() == 0  # a file that failed is never handed to a renderer
    dialog.close()
