"""A qualified-card-like key on SoftHSM2 (issue 13): CKA_ALWAYS_AUTHENTICATE and the chain from the token.

The key pair is generated on the token with CKA_ALWAYS_AUTHENTICATE; its
certificate (issued by the test CA of tests/pki_world.py) and the issuing CA's
certificate are stored on the token, as on a qualified signature card.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli
from tests.minutes_sample import sample_record
from tests.pki_world import Pki, _name
from tests.softhsm import softhsm_token
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.sign import Pkcs11Source, cosign_pdf, sign_pdf

TOKEN = "karta-kwalifikowana"
PIN = "24680"


@pytest.fixture(scope="module")
def card(tmp_path_factory):
    from cryptography.hazmat.primitives.asymmetric import rsa
    from pkcs11 import Attribute, KeyType

    folder = tmp_path_factory.mktemp("card")
    with softhsm_token(folder, TOKEN, PIN) as token:
        pki = Pki(folder)
        try:
            with token.session() as session:
                public, _private = session.generate_keypair(
                    KeyType.RSA, 2048, store=True, label="podpis",
                    public_template={Attribute.ID: b"\x01"},
                    private_template={Attribute.ID: b"\x01", Attribute.ALWAYS_AUTHENTICATE: True,
                                      Attribute.SIGN: True})
                key = rsa.RSAPublicNumbers(int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
                                           int.from_bytes(public[Attribute.MODULUS], "big")).public_key()
                issued = pki._issue(pki.issuing, _name("Zofia Łęcka", "Urząd Miasta Krakowa", "PNOPL-75030312345"),
                                    days=700, key=_PublicOnly(key))
                for label, cert, ident in (("podpis", issued.cert, b"\x01"), ("CA", pki.issuing.cert, b"\x09")):
                    token.put_certificate(label, ident, cert, session)
            pki.root_pem = pki.write("root.pem", pki.root)
            yield token.module, token.lib, pki
        finally:
            pki.stop()


class _PublicOnly:
    """A stand-in "key" for Pki._issue: the token keeps the private key, the builder needs the public one."""

    def __init__(self, public) -> None:
        self._public = public

    def public_key(self):
        return self._public


def test_softhsm_honours_always_authenticate(card):
    """Without the context-specific login SoftHSM2 refuses to sign: the attribute is really enforced."""
    import pkcs11
    from pkcs11 import Attribute, Mechanism, ObjectClass

    _module, lib, _pki = card
    with lib.get_token(token_label=TOKEN).open(user_pin=PIN) as session:
        key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label="podpis")
        assert key[Attribute.ALWAYS_AUTHENTICATE] is True
        with pytest.raises(pkcs11.PKCS11Error):
            key.sign(b"data", mechanism=Mechanism.SHA256_RSA_PKCS)
        assert len(key.sign(b"data", mechanism=Mechanism.SHA256_RSA_PKCS, pin=PIN)) == 256


def test_signing_and_co_signing_with_an_always_authenticate_key(card, tmp_path):
    module, _lib, pki = card
    source = Pkcs11Source(module, TOKEN, "podpis", PIN)
    signed = sign_pdf(minutes_pdf(sample_record()), source)
    assert signed.signer == "Zofia Łęcka"
    cosigned = cosign_pdf(signed.pdf, source)  # the co-signature also logs in again after C_SignInit
    path = tmp_path / "card.pdf"
    path.write_bytes(cosigned.pdf)
    # Only the root is given: the issuing CA comes from the token, embedded at signing.
    done = run_cli("verify", str(path), "--anchor", str(pki.root_pem), "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 0, report["problems"]
    assert [s["identity"] for s in report["signatures"]] == ["serialNumber=PNOPL-75030312345"] * 2
