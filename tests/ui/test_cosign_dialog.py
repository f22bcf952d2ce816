"""File → Co-sign minutes… (issue 10) on real signed files: verified first in the capped worker, drawn, co-signed
with the remembered certificate through the core's cosign, written whole; pdfsig checks both signatures (the
wrong-then-right flow is tests/ui/cosign_flow.py's, shared with the token's test)."""

from __future__ import annotations

import pytest

from tests.minutes_sample import sample_record
from tests.ui.cosign_flow import wrong_then_right
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
    folder, piotr, pems = files
    dialog, ok = _open(gui, qtbot, files, "signed.pdf")
    assert ok, dialog.check.text()
    assert dialog.check.text().startswith("Signed by Zofia Łęcka (Urząd Miasta Krakowa) on ")
    assert dialog.preview.page_count() >= 1  # the pages of the checked file
    assert dialog.out.text() == str(folder / "signed-co-signed.pdf")
    wrong_then_right(qtbot, dialog, gui.settings, tmp_path / "wspolpodpisany.pdf", wrong="wrong", right=SECOND,
                     refused=f"The password for {piotr} is wrong.", pems=pems)
    dialog.close()


def test_a_tampered_file_is_one_sentence_and_cannot_be_signed(gui, qtbot, files):
    dialog, ok = _open(gui, qtbot, files, "tampered.pdf")
    assert not ok
    assert dialog.check.text() == ("Signature 1 (Zofia Łęcka) no longer holds: the file was changed after it was "
                                   "signed, so it must not be co-signed.")
    assert not dialog.sign_button.isEnabled()
    assert dialog.preview.page_count() == 0  # a file that failed is never handed to a renderer
    dialog.close()
