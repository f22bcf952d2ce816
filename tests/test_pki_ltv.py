"""Long-term validity (issue 13): augment adds DSS and a document timestamp; verify offline, later, co-sign after.

A real PKI on 127.0.0.1 (tests/pki_world.py): OCSP responder and RFC 3161 timestamp authority.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from conftest import require_tool, run_cli
from minutes_sample import sample_record
from pki_world import PASSWORD, Pki

from visitapp.minutes.export import minutes_pdf
from visitapp.signing.sign import Pkcs12Source, sign_pdf

ENV = {"PW": PASSWORD}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ltv")
    pki = Pki(folder)
    # A certificate that expires in two days: --at a week later it is no longer valid.
    pki.short = pki.official("short", "Jan Kowalski", "PNOPL-70010112345", days=3,
                             not_before=dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    pki.cosigner = pki.official("cosigner", "Ewa Zielińska", "PNOPL-80010154321")
    pki.root_pem = pki.write("root.pem", pki.root)
    signed = folder / "signed.pdf"
    signed.write_bytes(sign_pdf(minutes_pdf(sample_record()), Pkcs12Source(pki.short[0], PASSWORD)).pdf)
    augmented = folder / "augmented.pdf"
    done = run_cli("augment", str(signed), "--out", str(augmented), "--timestamp-url", pki.url("tsa"),
                   "--anchor", str(pki.root_pem), "--online")
    assert done.returncode == 0, done.stderr
    pki.signed, pki.augmented = signed, augmented
    pki.stop()  # every later check runs with the servers stopped
    yield pki
    pki.stop()


def _verify(world, path, *extra):
    done = run_cli("verify", str(path), "--anchor", str(world.root_pem), "--json", *extra)
    return done, json.loads(done.stdout)


def test_augment_adds_revocation_data_and_a_document_timestamp(world):
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(world.augmented.read_bytes()))
    assert len(reader.embedded_timestamp_signatures) == 1
    assert "/DSS" in reader.root
    assert world.augmented.read_bytes().startswith(world.signed.read_bytes())  # incremental: nothing rewritten


def test_an_augmented_file_verifies_offline_with_every_server_stopped(world):
    done, report = _verify(world, world.augmented, "--revocation", "hard")
    assert done.returncode == 0, report["problems"]
    sig = report["signatures"][0]
    assert (sig["revocation"], sig["revocation_source"]) == ("good", "embedded")
    assert sig["timestamp"] is not None and sig["timestamp_trusted"]
    assert sig["modification"] == "lta_updates"
    # The file as signed (B-B) has no revocation data: hard refuses it offline.
    done, report = _verify(world, world.signed, "--revocation", "hard")
    assert done.returncode == 1


def test_verify_after_the_certificate_expired(world):
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%S")
    done, report = _verify(world, world.signed, "--at", later)
    assert done.returncode == 1
    assert "not valid at this time" in report["signatures"][0]["trust_problem"]
    done, report = _verify(world, world.augmented, "--at", later)
    assert done.returncode == 0, report["problems"]
    assert report["signatures"][0]["judged_at_timestamp"]


def test_co_signing_after_augment_keeps_both_valid(world, tmp_path):
    out = tmp_path / "cosigned.pdf"
    done = run_cli("cosign", str(world.augmented), "--out", str(out), "--sign", str(world.cosigner[0]),
                   "--pass-env", "PW", env=ENV)
    assert done.returncode == 0, done.stderr
    done, report = _verify(world, out)
    assert done.returncode == 0, report["problems"]
    assert [s["ok"] for s in report["signatures"]] == [True, True]


def test_pdfa_3b_and_pdfsig_still_hold_after_augment(world):
    import subprocess

    import pikepdf
    import pikepdf.pdfa

    with pikepdf.open(world.augmented) as pdf:
        assert pdf.pdf_version < "2.0" and str(pdf.Root.get("/Version", "/1.7")) != "/2.0"
        assert pdf.open_metadata()["pdfaid:part"] == "3"
    report = pikepdf.pdfa.validate_written(str(world.augmented), "3b")
    # As for signed minutes (tests/test_signing_sign.py): pikepdf does not judge signature forms, embedded
    # files nor the DSS (it calls them "unsupported"); nothing it does judge may fail.
    assert [f for f in report.findings if f.kind != "unsupported"] == []
    pdfsig = require_tool("pdfsig")
    out = subprocess.run([pdfsig, str(world.augmented)], capture_output=True, text=True, timeout=60).stdout
    first = out.split("Signature #2")[0]
    assert "Signature #1" in first and "Signature Validation: Signature is Valid." in first


def test_augment_again_renews_the_archive_timestamp(tmp_path):
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.pdf_utils.reader import PdfFileReader

    from visitapp.signing.assess import TrustPolicy
    from visitapp.signing.ltv import augment_pdf
    from visitapp.signing.verify import verify_pdf

    pki = Pki(tmp_path)
    try:
        p12, _pem, _issued = pki.official("anna", "Anna Nowak", "PNOPL-85010112345")
        root = asn1_x509.Certificate.load(pki.root.cert.public_bytes(Encoding.DER))
        signed = sign_pdf(minutes_pdf(sample_record()), Pkcs12Source(p12, PASSWORD)).pdf
        once = augment_pdf(signed, timestamp_url=pki.url("tsa"), anchors=[root], online=True)
        twice = augment_pdf(once, timestamp_url=pki.url("tsa"), anchors=[root], online=True)
    finally:
        pki.stop()
    assert twice.startswith(once) and once.startswith(signed)
    assert len(PdfFileReader(io.BytesIO(twice)).embedded_timestamp_signatures) == 2
    report = verify_pdf(twice, TrustPolicy(anchors=(root.dump(),), revocation="hard"))
    assert report.ok, report.all_problems()
    assert report.signatures[0].revocation_source == "embedded"


def test_export_with_a_timestamp_server_signs_b_t_and_without_an_answer_b_b(tmp_path):
    pki = Pki(tmp_path)
    db = tmp_path / "mine.db"
    try:
        p12, _pem, _issued = pki.official("anna", "Anna Nowak", "PNOPL-85010112345")
        root = pki.write("root.pem", pki.root)
        assert run_cli("demo", "--db", str(db)).returncode == 0
        visit = json.loads(run_cli("visits", "--db", str(db), "--json").stdout)[0]["id"]
        out = tmp_path / "bt.pdf"
        done = run_cli("export", "--db", str(db), "--visit", visit, "--out", str(out), "--sign", str(p12),
                       "--pass-env", "PW", "--timestamp-url", pki.url("tsa"), env=ENV)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        tsa_url = pki.url("tsa")
    finally:
        pki.stop()
    done, report = _verify_with(root, out)
    assert done.returncode == 0, report["problems"]
    assert report["signatures"][0]["timestamp"] is not None and report["signatures"][0]["timestamp_trusted"]
    # The server is gone: the minutes are still signed (B-B), and the official is told.
    offline = tmp_path / "bb.pdf"
    done = run_cli("cosign", str(out), "--out", str(offline), "--sign", str(p12), "--pass-env", "PW",
                   "--timestamp-url", tsa_url, env=ENV)
    assert done.returncode == 0, done.stderr
    assert "the timestamp server did not answer" in done.stderr
    done, report = _verify_with(root, offline)
    assert [s["timestamp"] is not None for s in report["signatures"]] == [True, False]


def _verify_with(root, path):
    done = run_cli("verify", str(path), "--anchor", str(root), "--json")
    return done, json.loads(done.stdout)
