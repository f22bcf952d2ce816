"""A CA-issued certificate pinned by fingerprint before its CA became an anchor (issue 13 leftover).

What a coordinator expects: once the CA is trusted, the official is one signer, the person under the anchor, as if
the anchor had come first; `trust list` says so; the minutes merged under the old pin and those signed with a renewed
certificate are one author's, so the renewal's version supersedes; undoing the anchor puts everything back.
Real PKI (tests/pki_world.py), real signed PDFs, real registry files; the merge runs as in production.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from tests.minutes_sample import sample_record
from tests.pki_world import PASSWORD, Pki
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.sign import Pkcs12Source, sign_pdf


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    world = Pki(tmp_path_factory.mktemp("pinned"))
    world.anna1 = world.official("anna1", "Anna Nowak", "PNOPL-85010112345", with_ocsp=False)
    world.anna2 = world.official("anna2", "Anna Nowak", "PNOPL-85010112345", with_ocsp=False)  # her renewal
    world.issuing_pem = world.write("issuing.pem", world.issuing)
    world.stop()  # all offline
    yield world


def _signed(pki, who, path, version: int = 1, text: str = ""):
    """Minutes version ``version`` signed with ``who``'s certificate (as tests/test_pki_trust.py signs them)."""
    record = sample_record(version=version)
    if text:
        record.notes[0].text = text
        record.notes[0].updated_at = record.notes[0].updated_at + dt.timedelta(days=version)
    path.write_bytes(sign_pdf(minutes_pdf(record), Pkcs12Source(getattr(pki, who)[0], PASSWORD)).pdf)
    return path


def _merged(reg):
    with sqlite3.connect(reg) as conn:
        rows = conn.execute("SELECT version, signer_fingerprint, superseded_by_id FROM merged_files ORDER BY id")
        out = rows.fetchall()
    conn.close()
    return out


def test_a_pinned_official_becomes_the_person_when_their_ca_is_trusted(pki, tmp_path, capsys):
    from visitapp.cli import main
    from visitapp.db import Database
    from visitapp.ops.history import history_for
    from visitapp.registry.trust import TrustStore, fingerprint, load_anchor_file, load_certificate_file

    reg = tmp_path / "r.db"
    v1 = _signed(pki, "anna1", tmp_path / "v1.pdf", 1)
    v2 = _signed(pki, "anna2", tmp_path / "v2.pdf", 2, text="Poprawiona notatka po odnowieniu certyfikatu.")
    [pinned_cert] = load_certificate_file(pki.anna1[1])
    pin = fingerprint(pinned_cert)
    assert main(["trust", "add", "--db", str(reg), str(pki.anna1[1])]) == 0  # no anchor yet: pinned
    assert main(["merge", "--into", str(reg), "--json", str(v1)]) == 0
    assert _merged(reg) == [(1, pin, None)]
    capsys.readouterr()
    assert main(["trust", "list", "--db", str(reg)]) == 0
    assert "Anna Nowak (Urząd Miasta Krakowa)  by fingerprint" in capsys.readouterr().out

    database = Database.open(reg)
    try:
        TrustStore(database).add_anchor(load_anchor_file(pki.issuing_pem))  # one operation, as the GUI runs it
        [row] = TrustStore(database).list()
        assert (row.fingerprint, row.identity) == (pin, "serialNumber=PNOPL-85010112345") and row.anchor
        [(_v, key, _s)] = _merged(reg)
        assert key != pin and len(key) == 64  # the file merged under the pin: now the person's
        history_for(database).undo()  # undo the anchor: pinned again, the file under the fingerprint again
        [row] = TrustStore(database).list()
        assert (row.identity, row.anchor) == ("", "")
        assert _merged(reg) == [(1, pin, None)]
        history_for(database).redo()
    finally:
        database.close()

    assert main(["trust", "list", "--db", str(reg)]) == 0
    assert "the person serialNumber=PNOPL-85010112345 under an anchor" in capsys.readouterr().out
    # Her renewed certificate is the same signer: trusted without adding it, and its version supersedes.
    assert main(["merge", "--into", str(reg), "--json", str(v2)]) == 0
    [entry] = json.loads(capsys.readouterr().out)["files"]
    assert entry["status"] == "accepted" and entry["reason"].startswith("Supersedes version 1"), entry
    rows = _merged(reg)
    assert [r[0] for r in rows] == [1, 2] and rows[0][1] == rows[1][1] == key
    assert rows[0][2] is not None and rows[1][2] is None
