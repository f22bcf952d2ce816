"""Signers under a certificate authority (issue 13): anchors, identities, renewal, namesakes, revocation.

A real PKI built here (tests/pki_world.py): a root CA, an issuing CA, officials
with a serialNumber and an OCSP address, and an OCSP responder on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3

import pytest
from conftest import run_cli
from minutes_sample import sample_record
from pki_world import PASSWORD, Pki

from visitapp.minutes.export import minutes_pdf
from visitapp.signing.sign import Pkcs12Source, sign_pdf

ENV = {"PW": PASSWORD}


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    world = Pki(tmp_path_factory.mktemp("pki"))
    world.anna1 = world.official("anna1", "Anna Nowak", "PNOPL-85010112345")
    # Her renewed certificate: a new key, same person (same serialNumber).
    world.anna2 = world.official("anna2", "Anna Nowak", "PNOPL-85010112345")
    # A namesake: same name, another person.
    world.namesake = world.official("namesake", "Anna Nowak", "PNOPL-90020254321")
    world.root_pem = world.write("root.pem", world.root)
    world.issuing_pem = world.write("issuing.pem", world.issuing)
    yield world
    world.stop()


def _signed(pki, who, path, version: int = 1, text: str = ""):
    record = sample_record(version=version)
    if text:
        record.notes[0].text = text
        record.notes[0].updated_at = record.notes[0].updated_at + dt.timedelta(days=version)
    p12 = getattr(pki, who)[0]
    path.write_bytes(sign_pdf(minutes_pdf(record), Pkcs12Source(p12, PASSWORD)).pdf)
    return path


def test_an_anchor_must_be_a_real_certificate_authority(pki, tmp_path):
    reg = str(tmp_path / "r.db")
    end = pki.anna1[1]
    done = run_cli("trust", "anchor", "add", "--db", reg, str(end))
    assert done.returncode == 1
    assert done.stderr == (f"visitapp: {end} is not a certificate authority's certificate (it lacks CA=true or the "
                           "right to sign certificates), so it cannot be an anchor.\n")
    assert not (tmp_path / "r.db").exists()
    added = run_cli("trust", "anchor", "add", "--db", reg, str(pki.root_pem))
    assert added.returncode == 0, added.stderr
    listed = json.loads(run_cli("trust", "anchor", "list", "--db", reg, "--json").stdout)
    assert [a["subject"] for a in listed] == [pki.root.cert.subject.rfc4514_string()]
    assert listed[0]["kind"] == "ca"
    # A certificate under the anchor is trusted as a person: its serialNumber under that anchor. Only the
    # root is an anchor, so the file carries the issuing CA after the signer's certificate.
    trusted = run_cli("trust", "add", "--db", reg, str(pki.write("anna-chain.pem", pki.anna1[2], pki.issuing)))
    assert trusted.returncode == 0, trusted.stderr
    rows = json.loads(run_cli("trust", "list", "--db", reg, "--json").stdout)
    assert rows[0]["identity"] == "serialNumber=PNOPL-85010112345"
    assert rows[0]["anchor"] == listed[0]["fingerprint"]
    assert run_cli("trust", "anchor", "remove", "--db", reg, listed[0]["fingerprint"][:12]).returncode == 0
    assert json.loads(run_cli("trust", "anchor", "list", "--db", reg, "--json").stdout) == []


def test_verify_with_an_anchor_reports_the_chain_identity_and_level(pki, tmp_path):
    pdf = _signed(pki, "anna1", tmp_path / "a.pdf")
    done = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    sig = json.loads(done.stdout)["signatures"][0]
    assert sig["trusted"] and sig["ok"]
    assert sig["anchor"] == pki.root.cert.subject.rfc4514_string()
    assert sig["identity"] == "serialNumber=PNOPL-85010112345"
    assert sig["level"] == "advanced"
    assert sig["revocation"] == "not_checked"  # offline by default: nothing was fetched
    assert pki.requests("ocsp") == 0
    text = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem))
    assert "chain to: " in text.stdout and "revocation: not checked (offline)" in text.stdout
    assert "warning: Signature 1 (Anna Nowak): revocation was not checked" in text.stderr
    # The chain is embedded at signing: the issuing CA is in the file, only the root was given.
    without = run_cli("verify", str(pdf))
    assert without.returncode == 1 and "trusted signer: no" in without.stdout


def test_an_end_certificate_under_the_anchor_never_issues_a_trusted_signer(pki, tmp_path):
    """Anna's own (end) key mints a certificate for "Prezydent Miasta"; the chain to the root is refused."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    anna = pki.anna1[2]
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Prezydent Miasta"),
                                     x509.NameAttribute(NameOID.SERIAL_NUMBER, "PNOPL-85010112345")]))
            .issuer_name(anna.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .sign(anna.key, hashes.SHA256()))
    p12 = tmp_path / "minted.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"m", key, cert, [anna.cert, pki.issuing.cert, pki.root.cert],
        serialization.BestAvailableEncryption(PASSWORD.encode())))
    pdf = tmp_path / "minted.pdf"
    pdf.write_bytes(sign_pdf(minutes_pdf(sample_record()), Pkcs12Source(p12, PASSWORD)).pdf)
    done = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem), "--json")
    assert done.returncode == 1
    sig = json.loads(done.stdout)["signatures"][0]
    assert sig["intact"] and not sig["trusted"] and sig["anchor"] == ""


def _merge(reg, *files, extra=()):
    done = run_cli("merge", "--into", str(reg), "--json", *extra, *map(str, files))
    return done, json.loads(done.stdout)["files"] if done.stdout.strip() else []


def test_a_renewed_certificate_keeps_the_author_and_a_namesake_is_refused(pki, tmp_path):
    reg = tmp_path / "r.db"
    assert run_cli("trust", "anchor", "add", "--db", str(reg), str(pki.issuing_pem)).returncode == 0
    assert run_cli("trust", "add", "--db", str(reg), str(pki.anna1[1])).returncode == 0
    v1 = _signed(pki, "anna1", tmp_path / "v1.pdf", 1)
    v2 = _signed(pki, "anna2", tmp_path / "v2.pdf", 2, text="Poprawiona notatka po odnowieniu certyfikatu.")
    v3 = _signed(pki, "namesake", tmp_path / "v3.pdf", 3, text="Notatka imienniczki.")
    done, files = _merge(reg, v1)
    assert files[0]["status"] == "accepted", files
    done, files = _merge(reg, v2)
    assert files[0]["status"] == "accepted", files
    assert files[0]["reason"].startswith("Supersedes version 1")
    done, files = _merge(reg, v3)
    assert done.returncode == 1
    assert files[0]["status"] == "rejected"
    assert "does not trust its holder (serialNumber=PNOPL-90020254321)" in files[0]["reason"]
    with sqlite3.connect(reg) as conn:
        rows = conn.execute(
            "SELECT version, signer_fingerprint, superseded_by_id FROM merged_files ORDER BY id").fetchall()
        texts = [t for (t,) in conn.execute("SELECT text FROM notes WHERE text LIKE 'Poprawiona%' OR text LIKE "
                                            "'Notatka imienniczki%'")]
    conn.close()
    assert [r[0] for r in rows] == [1, 2]
    assert rows[0][1] == rows[1][1]  # one author: the person, not the certificate
    assert rows[0][2] is not None and rows[1][2] is None
    assert texts == ["Poprawiona notatka po odnowieniu certyfikatu."]


def test_revocation_online_soft_and_hard(pki, tmp_path):
    pdf = _signed(pki, "anna1", tmp_path / "a.pdf")
    before = pki.requests("ocsp")
    good = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem), "--online", "--json")
    assert good.returncode == 0, good.stdout
    sig = json.loads(good.stdout)["signatures"][0]
    assert (sig["revocation"], sig["revocation_source"]) == ("good", "ocsp")
    assert pki.requests("ocsp") == before + 1
    # Unknown to the responder: soft warns and accepts, hard refuses.
    serial = pki.anna1[2].cert.serial_number
    pki.unknown.add(serial)
    try:
        soft = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem), "--online")
        assert soft.returncode == 0, soft.stderr
        assert ("warning: Signature 1 (Anna Nowak): the revocation status of the signer's certificate is unknown"
                in soft.stderr)
        hard = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem), "--online", "--revocation", "hard")
        assert hard.returncode == 1 and "is unknown" in hard.stderr
    finally:
        pki.unknown.discard(serial)
    # Offline under hard: the status is not known, so it is refused.
    offline_hard = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem), "--revocation", "hard")
    assert offline_hard.returncode == 1 and "revocation was not checked" in offline_hard.stderr
    # Revoked (a stolen laptop): refused online, soft or hard.
    pki.revoked[serial] = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=1)
    try:
        for mode in ("soft", "hard"):
            done = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem), "--online", "--revocation", mode,
                           "--json")
            assert done.returncode == 1
            sig = json.loads(done.stdout)["signatures"][0]
            assert sig["revocation"] == "revoked" and not sig["trusted"]
            assert "the signer's certificate was revoked on" in sig["trust_problem"]
    finally:
        del pki.revoked[serial]


def test_merge_online_asks_once_per_certificate(pki, tmp_path):
    reg = tmp_path / "r.db"
    assert run_cli("trust", "anchor", "add", "--db", str(reg), str(pki.issuing_pem)).returncode == 0
    assert run_cli("trust", "add", "--db", str(reg), str(pki.anna1[1])).returncode == 0
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(1, 4):
        _signed(pki, "anna1", folder / f"a{i}.pdf", i, text=f"Wersja {i} od Anny.")
        _signed(pki, "anna2", folder / f"b{i}.pdf", i + 3, text=f"Wersja {i + 3} od Anny.")
    before = pki.requests("ocsp")
    done, files = _merge(reg, folder, extra=("--online",))
    assert done.returncode == 0, files
    assert [f["status"] for f in files] == ["accepted"] * 6
    assert pki.requests("ocsp") == before + 2  # two certificates, one answer each for the whole run


def test_merge_augment_adds_validation_data_to_each_accepted_file(pki, tmp_path):
    from pyhanko.pdf_utils.reader import PdfFileReader

    reg = tmp_path / "r.db"
    assert run_cli("trust", "anchor", "add", "--db", str(reg), str(pki.root_pem)).returncode == 0
    chain = pki.write("anna-chain-2.pem", pki.anna1[2], pki.issuing)
    assert run_cli("trust", "add", "--db", str(reg), str(chain)).returncode == 0
    pdf = _signed(pki, "anna1", tmp_path / "a.pdf")
    before = pdf.read_bytes()
    done, files = _merge(reg, pdf, extra=("--online", "--augment", "--timestamp-url", pki.url("tsa")))
    assert done.returncode == 0 and files[0]["status"] == "accepted", files
    after = pdf.read_bytes()
    assert after.startswith(before) and len(PdfFileReader(io.BytesIO(after)).embedded_timestamp_signatures) == 1
    done = run_cli("verify", str(pdf), "--anchor", str(pki.root_pem), "--revocation", "hard", "--json")
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout)["signatures"][0]["revocation_source"] == "embedded"
