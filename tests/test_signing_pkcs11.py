"""Signing from a PKCS#11 token: a SoftHSM2 token made here stands in for a smart card.

The key is made with ``cryptography`` and imported with ``softhsm2-util``; its
certificate is stored on the token with python-pkcs11 (softhsm2-util cannot).
A second key without a matching certificate checks the mismatch sentence.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import softhsm_lib
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from minutes_sample import require_tool, sample_record, softhsm_module

from visitapp.minutes.export import minutes_pdf
from visitapp.signing.errors import KeyMismatch, TokenError, WrongPassword
from visitapp.signing.keys import certificate_pem, make_certificate
from visitapp.signing.sign import Pkcs11Source, sign_pdf
from visitapp.signing.verify import load_trust_roots, verify_pdf

TOKEN = "visitapp-test"
PIN = "5678"


def _import_key(util: str, folder, key, label: str, key_id: str) -> None:
    path = folder / f"{label}.pem"
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    subprocess.run([util, "--import", str(path), "--token", TOKEN, "--label", label, "--id", key_id, "--pin", PIN],
                   check=True, capture_output=True)
    path.unlink()


@pytest.fixture(scope="module")
def token(tmp_path_factory):
    module = softhsm_module()
    util = "softhsm2-util"
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    saved = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    try:
        subprocess.run([util, "--init-token", "--free", "--label", TOKEN, "--so-pin", "1234", "--pin", PIN],
                       check=True, capture_output=True)
        key, cert = make_certificate("Jędrzej Łoś", "Urząd Miasta Krakowa")
        _import_key(util, folder, key, "zofia", "01")
        _import_key(util, folder, rsa.generate_private_key(public_exponent=65537, key_size=2048), "stray", "02")

        from pkcs11 import Attribute, CertificateType, ObjectClass

        lib = softhsm_lib(module)
        with lib.get_token(token_label=TOKEN).open(rw=True, user_pin=PIN) as session:
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: "zofia",
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: cert.subject.public_bytes(),
                Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
            })
        pem = folder / "token-cert.pem"
        pem.write_bytes(certificate_pem(cert))
        yield module, pem
    finally:
        if saved is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = saved


@pytest.fixture(scope="module")
def unsigned() -> bytes:
    return minutes_pdf(sample_record("pl"))


def test_sign_with_token_and_verify(token, unsigned, tmp_path):
    module, pem = token
    result = sign_pdf(unsigned, Pkcs11Source(module, TOKEN, "zofia", PIN))
    assert result.signer == "Jędrzej Łoś"
    report = verify_pdf(result.pdf, load_trust_roots([pem]))
    assert report.ok, report.all_problems()
    assert report.signatures[0].institution == "Urząd Miasta Krakowa"
    pdfsig = require_tool("pdfsig")
    path = tmp_path / "token.pdf"
    path.write_bytes(result.pdf)
    out = subprocess.run([pdfsig, str(path)], capture_output=True, text=True).stdout
    assert "Signature Validation: Signature is Valid." in out, out
    assert "Signer Certificate Common Name: Jędrzej Łoś" in out


def test_wrong_pin(token, unsigned):
    module, _ = token
    with pytest.raises(WrongPassword, match=f"^The PIN for token {TOKEN} is wrong.$"):
        sign_pdf(unsigned, Pkcs11Source(module, TOKEN, "zofia", "0000"))


def test_missing_token(token, unsigned):
    module, _ = token
    with pytest.raises(TokenError, match=r"No token labelled no-such-card was found; is the card inserted\?"):
        sign_pdf(unsigned, Pkcs11Source(module, "no-such-card", "zofia", PIN))


def test_missing_module(unsigned, tmp_path):
    with pytest.raises(TokenError, match="does not exist"):
        sign_pdf(unsigned, Pkcs11Source(tmp_path / "libnothing.so", TOKEN, "zofia", PIN))


def test_key_not_matching_certificate(token, unsigned):
    module, _ = token
    with pytest.raises(KeyMismatch, match="does not belong to the certificate"):
        sign_pdf(unsigned, Pkcs11Source(module, TOKEN, "stray", PIN, cert="zofia"))


def test_missing_certificate_label(token, unsigned):
    module, _ = token
    with pytest.raises(TokenError, match="has no certificate labelled stray"):
        sign_pdf(unsigned, Pkcs11Source(module, TOKEN, "stray", PIN))
