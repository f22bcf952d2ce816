"""File → Co-sign minutes… with a key on a smart card (issue 10): a SoftHSM2 token stands in for the card.

The first signature is a PKCS#12 key's; the co-signature is made on the token through the dialog as the official
uses it (the token and key the signing dialog remembered, the PIN typed).  A wrong PIN is one sentence and writes
nothing; then both signatures are checked by pyHanko and by poppler's pdfsig (tests/ui/cosign_flow.py's flow,
shared with the PKCS#12 file's test)."""

from __future__ import annotations

import pytest

from tests.minutes_sample import sample_record
from tests.softhsm import softhsm_token
from tests.ui.cosign_flow import wrong_then_right
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.keys import certificate_pem, keygen, make_certificate
from visitapp.signing.sign import Pkcs12Source, sign_pdf
from visitapp.ui.settings import AppSettings
from visitapp.ui.signing import certificate_box as cb

WAIT_MS = 60000  # a spawned verification worker imports pyHanko first
TOKEN, PIN, FIRST = "karta-piotra", "13579", "hasło-zofii"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cosign-token")
    zofia, zofia_pem, _c = keygen("Zofia Łęcka", "Urząd Miasta Krakowa", folder / "zofia.p12", FIRST)
    (folder / "signed.pdf").write_bytes(sign_pdf(minutes_pdf(sample_record("pl")), Pkcs12Source(zofia, FIRST)).pdf)
    with softhsm_token(folder / "hsm", TOKEN, PIN) as card:
        key, cert = make_certificate("Piotr Wiśniewski", "Miejski Urząd Pracy")
        card.put_key("piotr", "01", key, cert)
        piotr_pem = folder / "piotr.pem"
        piotr_pem.write_bytes(certificate_pem(cert))
        yield folder, card, [zofia_pem, piotr_pem]


def test_co_sign_with_a_token_keeps_both_signatures_valid(qtbot, world, tmp_path):
    from visitapp.ui.cosign_dialog import CosignDialog

    folder, card, pems = world
    settings = AppSettings(tmp_path / "settings.ini")
    settings.set(cb.SOURCE, "pkcs11")  # what the signing dialog (or the first-run wizard) remembered
    settings.set(cb.PKCS11_MODULE, card.module)
    settings.set(cb.TOKEN, TOKEN)
    settings.set(cb.KEY, "piotr")
    dialog = CosignDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.certificate.kind == "pkcs11"
    assert (dialog.certificate.token.text(), dialog.certificate.key.text()) == (TOKEN, "piotr")
    with qtbot.waitSignal(dialog.verified, timeout=WAIT_MS) as blocker:
        dialog.open_file(folder / "signed.pdf")
    assert blocker.args == [True], dialog.check.text()
    wrong_then_right(qtbot, dialog, settings, tmp_path / "wspolpodpisany.pdf", wrong="00000", right=PIN,
                     refused=f"The PIN for token {TOKEN} is wrong.", pems=pems)
    assert settings.get(cb.SOURCE) == "pkcs11" and settings.get(cb.KEY) == "piotr"
    dialog.close()
