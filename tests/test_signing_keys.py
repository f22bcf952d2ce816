"""Personal keys and certificate files: what keygen writes, and each bad certificate in one sentence."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from visitapp.errors import InvalidInput, UserError
from visitapp.signing.errors import CertificateNotValid, KeyMismatch, WrongPassword
from visitapp.signing.keys import keygen, load_pkcs12, make_certificate, name_of, pkcs12_bytes


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keys")
    p12, pem, cert = keygen("Zofia Łęcka-Żółtowska", "Urząd Miasta Krakowa", folder / "me.p12", "hasło-ąę")
    return p12, pem, cert


def test_keygen_writes_private_p12_and_public_pem(keys):
    p12, pem, cert = keys
    assert sys.platform == "win32" or p12.stat().st_mode & 0o077 == 0  # POSIX modes
    assert pem.name == "me.pem"
    loaded = x509.load_pem_x509_certificate(pem.read_bytes())
    assert loaded == cert
    assert name_of(cert) == ("Zofia Łęcka-Żółtowska", "Urząd Miasta Krakowa")
    assert isinstance(cert.public_key(), rsa.RSAPublicKey) and cert.public_key().key_size == 3072
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    years = (cert.not_valid_after_utc - cert.not_valid_before_utc).days / 365
    assert 2.9 < years < 3.1


def test_load_with_the_right_password(keys):
    p12, _pem, cert = keys
    ident = load_pkcs12(p12, "hasło-ąę")
    assert ident.certificate == cert


def test_wrong_password_is_one_sentence(keys):
    p12, _pem, _cert = keys
    with pytest.raises(WrongPassword, match=r"^The password for .*me\.p12 is wrong\.$"):
        load_pkcs12(p12, "wrong")


def test_not_a_pkcs12_file(tmp_path):
    bad = tmp_path / "x.p12"
    bad.write_bytes(b"not a certificate")
    with pytest.raises(InvalidInput, match="is not a PKCS#12 certificate file"):
        load_pkcs12(bad, "x")
    with pytest.raises(InvalidInput, match="does not exist"):
        load_pkcs12(tmp_path / "missing.p12", "x")


def _write(tmp_path: Path, key, cert, name: str = "c.p12") -> Path:
    path = tmp_path / name
    path.write_bytes(pkcs12_bytes(key, cert, "pw"))
    return path


def test_expired_certificate(tmp_path):
    key, cert = make_certificate("Stary Żbik", "UMK", not_before=dt.datetime(2020, 1, 1, tzinfo=dt.UTC), days=30)
    with pytest.raises(CertificateNotValid, match=r"^The certificate of Stary Żbik expired on 2020-01-31\.$"):
        load_pkcs12(_write(tmp_path, key, cert), "pw")


def test_not_yet_valid_certificate(tmp_path):
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=10)
    key, cert = make_certificate("Przyszła Łucja", "UMK", not_before=later)
    with pytest.raises(CertificateNotValid, match="is not valid before"):
        load_pkcs12(_write(tmp_path, key, cert), "pw")


def test_key_not_matching_certificate(tmp_path):
    _key, cert = make_certificate("Anna Ćma", "UMK")
    other = ec.generate_private_key(ec.SECP256R1())
    # A file whose key and certificate are not paired (cryptography refuses to pair them itself).
    data = pkcs12.serialize_key_and_certificates(
        b"x", other, None, [cert], serialization.BestAvailableEncryption(b"pw"))
    path = tmp_path / "mismatch.p12"
    path.write_bytes(data)
    with pytest.raises(KeyMismatch, match="does not belong to its certificate"):
        load_pkcs12(path, "pw")


def test_keygen_refuses_unwritable_output_and_leaves_nothing(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        keygen("A", "B", tmp_path / "no-such-folder" / "me.p12", "pw")
    (tmp_path / "dir.p12").mkdir()
    with pytest.raises(UserError, match="is a folder"):
        keygen("A", "B", tmp_path / "dir.p12", "pw")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.p12"]


def test_keygen_needs_a_name_and_a_password(tmp_path):
    with pytest.raises(InvalidInput):
        keygen("  ", "B", tmp_path / "me.p12", "pw")
    with pytest.raises(InvalidInput, match="must not be empty"):
        keygen("A", "B", tmp_path / "me.p12", "")
    assert list(tmp_path.iterdir()) == []


def test_keygen_never_overwrites_a_key(keys):
    p12, pem, _cert = keys
    before = p12.read_bytes()
    with pytest.raises(InvalidInput, match="already exists"):
        keygen("Someone Else", "", p12, "pw")
    assert p12.read_bytes() == before and pem.exists()
