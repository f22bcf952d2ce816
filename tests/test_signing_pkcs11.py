"""Signing from a PKCS#11 token: a SoftHSM2 token made here stands in for a smart card.

The token is the shared helper's (tests/softhsm.py): the key is made with ``cryptography`` and
imported with ``softhsm2-util``, its certificate stored on the token with python-pkcs11.
A second key without a matching certificate checks the mismatch sentence.
"""

from __future__ import annotations

import subprocess

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from minutes_sample import require_tool, sample_record

from tests.softhsm import softhsm_token
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.errors import KeyMismatch, TokenError, WrongPassword
from visitapp.signing.keys import certificate_pem, make_certificate
from visitapp.signing.sign import Pkcs11Source, sign_pdf
from visitapp.signing.verify import load_trust_roots, verify_pdf

TOKEN = "visitapp-test"
PIN = "5678"


@pytest.fixture(scope="module")
def token(tmp_path_factory):
    """A token with a key and its certificate ("zofia") and a key without one ("stray"): tests/softhsm.py."""
    with softhsm_token(tmp_path_factory.mktemp("softhsm"), TOKEN, PIN) as card:
        key, cert = make_certificate("Jędrzej Łoś", "Urząd Miasta Krakowa")
        card.put_key("zofia", "01", key, cert)
        card.put_key("stray", "02", rsa.generate_private_key(public_exponent=65537, key_size=2048))
        pem = card.folder / "token-cert.pem"
        pem.write_bytes(certificate_pem(cert))
        yield card.module, pem


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
