"""The signing dialog offers the PKCS#11 modules installed in the usual places (issue 13)."""

from __future__ import annotations

from tests.minutes_sample import softhsm_module
from visitapp.signing.tokens import find_modules
from visitapp.ui.signing.certificate_box import PKCS11_MODULE, CertificateBox


def test_installed_modules_are_found_and_offered(qtbot, tmp_path):
    installed = softhsm_module()  # SoftHSM2 stands in for a card's middleware on this machine
    certum = tmp_path / "libcryptoCertum3PKCS.so"
    certum.write_bytes(b"\x7fELF")
    assert find_modules((str(certum), str(tmp_path / "missing-opensc-pkcs11.so"), installed)) == [
        str(certum), installed]
    assert installed in find_modules()
    box = CertificateBox()
    qtbot.addWidget(box)
    offered = box.module.completer().model()
    rows = [offered.index(i, 0).data() for i in range(offered.rowCount())]
    assert installed in rows


def test_the_first_module_found_fills_an_empty_choice(qtbot, tmp_path):
    from visitapp.ui.settings import AppSettings

    settings = AppSettings(tmp_path / "settings.ini")
    box = CertificateBox()
    qtbot.addWidget(box)
    box.restore(settings)
    assert box.module.text() == box.found_modules[0]
    settings.set(PKCS11_MODULE, "/opt/karta/libinna.so")
    box.restore(settings)
    assert box.module.text() == "/opt/karta/libinna.so"  # a remembered choice wins
