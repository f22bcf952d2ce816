"""Merging minutes encrypted for a coordinator whose key is on a token (SoftHSM2 stands in for a smart card)."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest
from conftest import softhsm_lib
from cryptography.hazmat.primitives import serialization
from minutes_sample import softhsm_module

from tests.registry_helpers import ANNA, Official, keys, sign_record
from visitapp.cli import main
from visitapp.signing import envelope
from visitapp.signing.keys import certificate_pem, make_certificate

TOKEN = "visitapp-coordinator"
PIN = "2468"


@pytest.fixture(scope="module")
def token(tmp_path_factory):
    module = softhsm_module()
    folder = tmp_path_factory.mktemp("softhsm-coordinator")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    saved = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    try:
        subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", "1234", "--pin", PIN],
                       check=True, capture_output=True)
        key, cert = make_certificate("Koordynator Serii", "Urząd Miasta Krakowa")
        path = folder / "key.pem"
        path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
        subprocess.run(["softhsm2-util", "--import", str(path), "--token", TOKEN, "--label", "coord", "--id", "01",
                        "--pin", PIN], check=True, capture_output=True)
        path.unlink()
        from pkcs11 import Attribute, CertificateType, ObjectClass

        with softhsm_lib(module).get_token(token_label=TOKEN).open(rw=True, user_pin=PIN) as session:
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True, Attribute.LABEL: "coord", Attribute.ID: b"\x01",
                Attribute.SUBJECT: cert.subject.public_bytes(),
                Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
            })
        pem = folder / "coord.pem"
        pem.write_bytes(certificate_pem(cert))
        yield module, pem
    finally:
        if saved is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = saved


def test_merge_decrypts_on_the_token(token, tmp_path, monkeypatch, capsys):
    module, coord_pem = token
    official = Official(tmp_path / "anna.db", ANNA)
    official.note("Szkolenia spawaczy w technikum od września.")
    p12, pem = keys(tmp_path, "anna", ANNA)
    pdf = sign_record(official.finalise(), tmp_path / "m.pdf", p12)
    official.close()
    sealed = tmp_path / "m.pdf.p7m"
    sealed.write_bytes(envelope.encrypt_for(pdf.read_bytes(), envelope.load_recipients([coord_pem])))
    pdf.unlink()
    registry = tmp_path / "registry.db"
    monkeypatch.setenv("TOKEN_PIN", PIN)
    base = ["merge", "--into", str(registry), "--trust", str(pem), "--pkcs11", module, "--token", TOKEN]
    monkeypatch.setenv("BAD_PIN", "0000")
    assert main([*base, "--key-label", "coord", "--pin-env", "BAD_PIN", str(sealed)]) == 1
    assert "PIN" in capsys.readouterr().err
    assert main([*base, "--key-label", "coord", "--pin-env", "TOKEN_PIN", str(sealed)]) == 0, capsys.readouterr()
    with sqlite3.connect(registry) as conn:
        assert [r[0] for r in conn.execute("SELECT text FROM notes")] == ["Szkolenia spawaczy w technikum od września."]
    conn.close()
