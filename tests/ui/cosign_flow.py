"""The co-signing flow the Co-sign dialog's tests share (tests/ui/test_cosign_dialog.py with a PKCS#12 file,
tests/ui/test_cosign_token.py with a SoftHSM2 token): a wrong password or PIN is one sentence and writes nothing;
the right one writes the file, forgets the secret, and both signatures hold for pyHanko and for poppler's pdfsig.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.minutes_sample import require_tool

WAIT_MS = 60000  # the co-signature is made off the GUI thread


def _sign(qtbot, dialog, secret: str) -> bool:
    dialog.certificate.secret.setText(secret)
    with qtbot.waitSignal(dialog.signed, timeout=WAIT_MS) as blocker:
        dialog.sign_button.click()
    return blocker.args[0]


def wrong_then_right(qtbot, dialog, settings, out: Path, *, wrong: str, right: str, refused: str,
                     pems: list[Path]) -> None:
    """Co-sign the file ``dialog`` checked into ``out``: first with the ``wrong`` secret (``refused`` is the whole
    status line, nothing is written, the button stays for another try), then with the ``right`` one. The signer
    was set up by the caller (the certificate the dialog remembered); ``pems`` are both signers' certificates."""
    from visitapp.signing.verify import load_trust_roots, verify_pdf

    dialog.out.setText(str(out))
    assert _sign(qtbot, dialog, wrong) is False
    assert dialog.status.text() == refused
    assert not out.exists()
    assert dialog.sign_button.isEnabled()  # the person types it again

    assert _sign(qtbot, dialog, right) is True, dialog.status.text()
    assert dialog.status.text() == f"Wrote {out}, co-signed by Piotr Wiśniewski."
    assert dialog.certificate.secret.text() == ""
    report = verify_pdf(out.read_bytes(), load_trust_roots(pems))
    assert [s.signer for s in report.signatures] == ["Zofia Łęcka", "Piotr Wiśniewski"]
    assert report.ok, report.all_problems()
    pdfsig = require_tool("pdfsig")
    text = subprocess.run([pdfsig, str(out)], capture_output=True, text=True, timeout=60).stdout
    assert text.count("Signature Validation: Signature is Valid.") == 2, text
    settings.sync()  # what is stored on disk never holds the secret
    assert right.encode() not in Path(settings.qs.fileName()).read_bytes()
