"""Minutes encrypted for the coordinator (.p7m): openssl opens them, merge needs the right key (issue 12)."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest

from tests.conftest import require_tool, run_cli
from tests.registry_helpers import ANNA, KEY_PASSWORD, Official, keys
from visitapp.errors import InvalidInput
from visitapp.signing import envelope

ENV = {"KP": KEY_PASSWORD, "VISITAPP_AUTHOR": ""}


@pytest.fixture
def exported(tmp_path):
    """An official's visit exported signed and encrypted for the coordinator by the real CLI."""
    official = Official(tmp_path / "anna.db", ANNA)
    official.note("Firma planuje zatrudnić 40 spawaczy w 2027 roku.")
    visit = official.visit_id
    official.close()
    anna_p12, anna_pem = keys(tmp_path, "anna", ANNA)
    coord_p12, coord_pem = keys(tmp_path, "coord", ANNA.__class__("Koordynator Serii", "UMK", ""))
    out = tmp_path / "minutes.pdf.p7m"
    done = run_cli("export", "--db", str(tmp_path / "anna.db"), "--visit", visit, "--out", str(out),
                   "--sign", str(anna_p12), "--pass-env", "KP", "--encrypt-to", str(coord_pem), env=ENV)
    assert done.returncode == 0, done.stderr
    return {"out": out, "anna_pem": anna_pem, "coord_p12": coord_p12, "coord_pem": coord_pem, "visit": visit,
            "tmp": tmp_path}


def _notes(registry):
    if not registry.exists():
        return []
    with sqlite3.connect(registry) as conn:
        return [r[0] for r in conn.execute("SELECT text FROM notes")]


def test_openssl_decrypts_the_p7m_to_a_pdf_whose_signature_pdfsig_accepts(exported):
    openssl = require_tool("openssl")
    pdfsig = require_tool("pdfsig")
    tmp = exported["tmp"]
    data = exported["out"].read_bytes()
    assert not data.startswith(b"%PDF") and b"spawaczy" not in data
    key_pem = tmp / "coord-key.pem"
    subprocess.run([openssl, "pkcs12", "-in", str(exported["coord_p12"]), "-passin", "env:KP", "-nodes",
                    "-out", str(key_pem)], check=True, env={**os.environ, **ENV}, capture_output=True)
    plain = tmp / "plain.pdf"
    info = subprocess.run([openssl, "cms", "-cmsout", "-print", "-inform", "DER", "-in", str(exported["out"])],
                          check=True, capture_output=True, text=True).stdout
    assert "aes-256-cbc" in info and "rsaEncryption" in info
    subprocess.run([openssl, "cms", "-decrypt", "-inform", "DER", "-in", str(exported["out"]), "-inkey",
                    str(key_pem), "-out", str(plain)], check=True, capture_output=True)
    assert plain.read_bytes().startswith(b"%PDF")
    checked = subprocess.run([pdfsig, str(plain)], check=False, capture_output=True, text=True)
    assert "Signature is Valid" in checked.stdout, checked.stdout
    # The decrypted file is the signed PDF that visitapp itself verifies.
    verified = run_cli("verify", str(plain), "--trust", str(exported["anna_pem"]), env=ENV)
    assert verified.returncode == 0, verified.stderr


def test_merge_needs_the_coordinators_key(exported):
    tmp = exported["tmp"]
    registry = tmp / "registry.db"
    trust = ["--trust", str(exported["anna_pem"])]
    # Without a key: refused with its reason, nothing imported.
    done = run_cli("merge", "--into", str(registry), *trust, str(exported["out"]), env=ENV)
    assert done.returncode == 1
    assert "encrypted" in done.stdout and "--key" in done.stdout
    assert _notes(registry) == []
    # With another coordinator's key: refused, nothing imported.
    other_p12, _pem = keys(tmp, "other", ANNA.__class__("Inny Koordynator", "UMK", ""))
    done = run_cli("merge", "--into", str(registry), *trust, "--key", str(other_p12), "--key-pass-env", "KP",
                   str(exported["out"]), env=ENV)
    assert done.returncode == 1
    assert "encrypted for someone else" in done.stdout
    assert _notes(registry) == []
    # With the right key: decrypted in memory, verified, merged.
    done = run_cli("merge", "--into", str(registry), *trust, "--key", str(exported["coord_p12"]),
                   "--key-pass-env", "KP", "--json", str(tmp), env=ENV)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Firma planuje zatrudnić 40 spawaczy w 2027 roku." in _notes(registry)
    # No decrypted copy was left beside the file.
    assert sorted(p.name for p in tmp.glob("*.pdf")) == []


def test_a_tampered_p7m_is_refused_in_one_sentence(exported, tmp_path):
    data = bytearray(exported["out"].read_bytes())
    data[len(data) // 2] ^= 0xFF
    key = envelope.load_pkcs12_key(exported["coord_p12"], KEY_PASSWORD)
    with pytest.raises(InvalidInput) as err:
        # Either the padding breaks or the PDF inside does; flipping a byte in the middle of the
        # ciphertext garbles a block, which the verification then refuses.
        plain = envelope.decrypt(bytes(data), key)
        from visitapp.signing.verify import verify_pdf

        report = verify_pdf(plain, [])
        assert not report.ok
        raise InvalidInput(report.all_problems()[0])
    assert "\n" not in str(err.value)


def test_encrypting_needs_a_signature_and_an_rsa_certificate(exported, tmp_path):
    done = run_cli("export", "--db", str(tmp_path / "anna.db"), "--visit", exported["visit"], "--out",
                   str(tmp_path / "x.p7m"), "--encrypt-to", str(exported["coord_pem"]), env=ENV)
    assert done.returncode == 1 and "signed" in done.stderr
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate")
    with pytest.raises(InvalidInput):
        envelope.load_recipients([bad])


def test_a_plan_carries_the_coordinators_certificate_and_export_encrypts_for_it(tmp_path, monkeypatch, capsys):
    import datetime as dt

    from tests.registry_helpers import WARSAW
    from visitapp.cli import main
    from visitapp.db import Database
    from visitapp.services import Identity, Services

    monkeypatch.setenv("KP", KEY_PASSWORD)
    monkeypatch.setenv("VISITAPP_AUTHOR", "")
    coord = ANNA.__class__("Koordynator Serii", "UMK", "")
    coord_p12, coord_pem = keys(tmp_path, "coord", coord)
    anna_p12, _anna_pem = keys(tmp_path, "anna", ANNA)
    registry = tmp_path / "registry.db"
    with Database.open(registry) as db:
        svc = Services(db, Identity("Koordynator Serii"))
        org = svc.organisations.create("Comarch S.A.", nip="6770065406")
        visit = svc.visits.create(org.id, dt.datetime(2026, 5, 5, 9, tzinfo=WARSAW), place="Kampus").id
    plan = tmp_path / "plan.json.p7m"
    assert main(["plan", "export", "--db", str(registry), "--out", str(plan), "--sign", str(coord_p12),
                 "--pass-env", "KP", "--encrypt-to-me", str(coord_pem)]) == 0
    mine = tmp_path / "anna.db"
    assert main(["trust", "add", "--db", str(mine), str(coord_pem)]) == 0
    assert main(["plan", "import", "--db", str(mine), str(plan)]) == 0
    out = tmp_path / "m.p7m"
    assert main(["export", "--db", str(mine), "--visit", visit, "--out", str(out), "--sign", str(anna_p12),
                 "--pass-env", "KP", "--encrypt-for-plan"]) == 0
    key = envelope.load_pkcs12_key(coord_p12, KEY_PASSWORD)
    assert envelope.decrypt(out.read_bytes(), key).startswith(b"%PDF")
    # Without the option nothing is encrypted: the CLI never encrypts unasked.
    plain = tmp_path / "m.pdf"
    assert main(["export", "--db", str(mine), "--visit", visit, "--out", str(plain), "--sign", str(anna_p12),
                 "--pass-env", "KP"]) == 0
    assert plain.read_bytes().startswith(b"%PDF")
    # A visit from no such plan: one sentence.
    capsys.readouterr()
    with Database.open(mine) as db:
        svc = Services(db, Identity("Anna Nowak"))
        other = svc.visits.create(svc.organisations.create("Inna sp. z o.o.").id,
                                  dt.datetime(2026, 6, 1, 9, tzinfo=WARSAW)).id
    assert main(["export", "--db", str(mine), "--visit", other, "--out", str(tmp_path / "o.p7m"), "--sign",
                 str(anna_p12), "--pass-env", "KP", "--encrypt-for-plan"]) == 1
    assert "--encrypt-to" in capsys.readouterr().err


def test_a_plan_with_a_bad_certificate_is_refused_in_one_sentence():
    import json

    from visitapp.registry.plans import parse_plan

    plan = {"format": "visitapp.plan/1", "exported_at": "2026-05-01T10:00:00+00:00", "visits": [],
            "encrypt_to": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}
    with pytest.raises(InvalidInput):
        parse_plan(json.dumps(plan))
