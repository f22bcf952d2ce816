"""Merging minutes encrypted for a coordinator whose key is on a token (SoftHSM2 stands in for a smart card)."""

from __future__ import annotations

import sqlite3

import pytest

from tests.registry_helpers import ANNA, Official, keys, sign_record
from tests.softhsm import softhsm_token
from visitapp.cli import main
from visitapp.signing import envelope
from visitapp.signing.keys import certificate_pem, make_certificate

TOKEN = "visitapp-coordinator"
PIN = "2468"


@pytest.fixture(scope="module")
def token(tmp_path_factory):
    with softhsm_token(tmp_path_factory.mktemp("softhsm-coordinator"), TOKEN, PIN) as card:
        key, cert = make_certificate("Koordynator Serii", "Urząd Miasta Krakowa")
        card.put_key("coord", "01", key, cert)
        pem = card.folder / "coord.pem"
        pem.write_bytes(certificate_pem(cert))
        yield card.module, pem


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
