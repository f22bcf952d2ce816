"""Attacks on what a signature proves, built as an attacker would build them (issue: verification holes).

Each hostile file is refused in one sentence by ``verify``, ``merge`` and
``cosign``, with nothing imported, and never stops a batch.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import resource
import subprocess
import sys

import pytest
from conftest import ROOT, run_cli
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from hostile_files import (
    appended_revision,
    decompression_bomb,
    deeply_nested_json,
    deeply_nested_pdf,
    forged_record_tail,
    signed_by_anyone,
)
from minutes_sample import sample_record
from registry_helpers import ANNA, KEY_PASSWORD, PIOTR, dump, keys, sign_record

from visitapp.db import Database
from visitapp.errors import InvalidInput
from visitapp.exchange.record import parse_record, record_bytes
from visitapp.signing.sandbox import CappedWorker
from visitapp.signing.verify import verify_pdf, verify_pdf_record

ENV = {"PW": KEY_PASSWORD}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Anna's key and certificate, a record and her signed minutes of it, and the forgeries of that file."""
    folder = tmp_path_factory.mktemp("holes")
    p12, pem = keys(folder, "anna", ANNA)
    record = sample_record()
    signed = sign_record(record, folder / "signed.pdf", p12)
    forged = json.loads(record_bytes(record))
    forged["version"] = 51
    for note in forged["notes"]:
        note["text"] = "FORGED " + note["text"]
    (folder / "forged.pdf").write_bytes(forged_record_tail(signed.read_bytes(), forged))
    (folder / "appended.pdf").write_bytes(appended_revision(signed.read_bytes(), forged))
    return {"folder": folder, "p12": p12, "pem": pem, "record": record, "signed": signed}


def _anna_roots(world):
    from visitapp.signing.verify import load_trust_roots

    return load_trust_roots([world["pem"]])


# -- 1. one parser decides what was signed -----------------------------------------------------


def test_the_forged_tail_is_what_a_second_parser_would_read(world):
    """The attack itself works on a reader that takes the last startxref (qpdf): the test is real."""
    from visitapp.minutes.embed import extract_record

    forged = (world["folder"] / "forged.pdf").read_bytes()
    assert extract_record(forged).version == 51  # what the old verification believed
    assert extract_record(world["signed"].read_bytes()).version == 1


def test_verify_refuses_the_parser_differential_forgery(world):
    forged = world["folder"] / "forged.pdf"
    done = run_cli("verify", str(forged), "--trust", str(world["pem"]))
    assert done.returncode == 1
    assert done.stderr == (f"visitapp: {forged}: The file has bytes after its last revision that no revision "
                           "accounts for; it was changed after it was written.\n")
    assert "version 51" not in done.stdout


def test_merge_and_cosign_refuse_the_forgery_and_import_nothing(world, tmp_path):
    registry = tmp_path / "registry.db"
    Database.open(registry).close()
    before = dump(registry)
    done = run_cli("merge", "--into", str(registry), "--trust", str(world["pem"]), str(world["folder"] / "forged.pdf"))
    assert done.returncode == 1
    assert "rejected" in done.stdout and "no revision accounts for" in done.stdout
    assert dump(registry) == before
    out = tmp_path / "cosigned.pdf"
    done = run_cli("cosign", str(world["folder"] / "forged.pdf"), "--out", str(out), "--sign", str(world["p12"]),
                   "--pass-env", "PW", env=ENV)
    assert done.returncode == 1
    assert done.stderr.startswith("visitapp: The file has bytes after its last revision")
    assert not out.exists()


def test_a_later_revision_that_is_not_a_signature_is_refused(world, tmp_path):
    """pdfsig's 'Not total document signed': the record a reader sees last is not the one signed."""
    data = (world["folder"] / "appended.pdf").read_bytes()
    report, record = verify_pdf_record(data, _anna_roots(world))
    assert record is None and not report.ok
    assert not report.signatures[0].covers_document
    assert "The visit record was changed after the first signature." in report.all_problems()
    out = tmp_path / "c.pdf"
    done = run_cli("cosign", str(world["folder"] / "appended.pdf"), "--out", str(out), "--sign", str(world["p12"]),
                   "--pass-env", "PW", env=ENV)
    assert done.returncode == 1 and not out.exists()


def test_the_record_merged_is_the_one_the_first_signature_covers(world, tmp_path):
    """A co-signed file is fine; the record comes from the first signature's revision, byte for byte."""
    from visitapp.signing.sign import Pkcs12Source, cosign_pdf

    p12b, _pem = keys(tmp_path, "piotr", PIOTR)
    cosigned = cosign_pdf(world["signed"].read_bytes(), Pkcs12Source(p12b, KEY_PASSWORD)).pdf
    report, record = verify_pdf_record(cosigned, _anna_roots(world))
    assert [s.covers_document for s in report.signatures] == [True, True]
    assert record is not None and record_bytes(record) == record_bytes(world["record"])


def test_validation_data_after_the_last_signature_is_allowed(world):
    """A DSS-only incremental update (what LTV adds later) keeps the signature covering the file."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    data = world["signed"].read_bytes()
    sig = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    out = io.BytesIO(data)
    DocumentSecurityStore.add_dss(out, sig.pkcs7_content, certs=[sig.signer_cert], force_write=True)
    updated = out.getvalue()
    assert len(updated) > len(data)
    report, record = verify_pdf_record(updated, _anna_roots(world))
    assert report.ok, report.all_problems()
    assert report.signatures[0].modification == "lta_updates"
    assert record is not None and record.version == 1


# -- 2. trust pins end certificates --------------------------------------------------------


def _minted_by(issuer_p12, name: str, folder):
    """A certificate for ``name`` issued with an official's own (end-entity) key, as a PKCS#12 file."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    key, issuer_cert, _more = pkcs12.load_key_and_certificates(issuer_p12.read_bytes(), KEY_PASSWORD.encode())
    new_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(issuer_cert.subject)
            .public_key(new_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365))
            .sign(key, hashes.SHA256()))
    p12 = folder / "minted.p12"
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"minted", new_key, cert, [issuer_cert],
        serialization.BestAvailableEncryption(KEY_PASSWORD.encode())))
    return p12


def test_an_end_entity_certificate_never_issues_a_trusted_signer(world, tmp_path):
    from visitapp.minutes.export import minutes_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    minted = _minted_by(world["p12"], "Prezydent Miasta", tmp_path)
    pdf = sign_pdf(minutes_pdf(sample_record()), Pkcs12Source(minted, KEY_PASSWORD)).pdf
    report = verify_pdf(pdf, _anna_roots(world))
    assert report.signatures[0].signer == "Prezydent Miasta"
    assert report.signatures[0].intact and not report.signatures[0].trusted
    assert not report.ok
    path = tmp_path / "president.pdf"
    path.write_bytes(pdf)
    done = run_cli("verify", str(path), "--trust", str(world["pem"]))
    assert done.returncode == 1 and "trusted signer: no" in done.stdout


def _ca_pem(folder):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Some CA")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=9))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    path = folder / "ca.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def test_trust_add_takes_one_signer_certificate_only(world, tmp_path):
    registry = str(tmp_path / "r.db")
    _p12, piotr_pem = keys(tmp_path, "piotr", PIOTR)
    both = tmp_path / "both.pem"
    both.write_bytes(world["pem"].read_bytes() + piotr_pem.read_bytes())
    done = run_cli("trust", "add", "--db", registry, str(both))
    assert done.returncode == 1
    assert done.stderr == (f"visitapp: {both} holds 2 certificates; give a file with only the signer's own "
                           "certificate (the .pem that visitapp keygen wrote beside their key).\n")
    ca = _ca_pem(tmp_path)
    done = run_cli("trust", "add", "--db", registry, str(ca))
    assert done.returncode == 1
    assert done.stderr == (f"visitapp: {ca} is a certificate authority's certificate, which would trust everyone "
                           "it certified; give the signer's own certificate instead.\n")
    assert not (tmp_path / "r.db").exists()  # refused before the registry was even opened
    done = run_cli("verify", str(world["signed"]), "--trust", str(both))
    assert done.returncode == 1 and "holds 2 certificates" in done.stderr


# -- 3. every file judged on its own, within limits ----------------------------------------------


def _record_pdf_signed(record_json: bytes, p12, folder) -> bytes:
    """Real minutes whose attached record is replaced by ``record_json``, then signed with ``p12`` (pyHanko)."""
    import pikepdf
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from visitapp.minutes.export import minutes_pdf

    with pikepdf.Pdf.open(io.BytesIO(minutes_pdf(sample_record()))) as pdf:
        stream = pdf.attachments["visit-record.json"].obj.EF.F
        stream.write(record_json)
        out = io.BytesIO()
        pdf.save(out)
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=KEY_PASSWORD.encode())
    writer = IncrementalPdfFileWriter(io.BytesIO(out.getvalue()), strict=False)
    return signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Signature1"), signer=signer).getvalue()


def test_a_twenty_thousand_deep_record_is_one_sentence():
    with pytest.raises(InvalidInput, match="nested deeper than visitapp accepts"):
        parse_record(deeply_nested_json(20_000))


def test_hostile_files_are_rejected_one_by_one_and_the_good_file_is_merged(world, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-deep-record.pdf").write_bytes(
        _record_pdf_signed(deeply_nested_json(20_000), world["p12"], tmp_path))
    (folder / "b-deep.pdf").write_bytes(deeply_nested_pdf(20_000))
    (folder / "c-bomb.pdf").write_bytes(decompression_bomb(2048))
    (folder / "d-bomb-signed.pdf").write_bytes(signed_by_anyone(decompression_bomb(2048), tmp_path))
    with open(folder / "e-huge.pdf", "wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(65 * (1 << 20))
    (folder / "f-forged.pdf").write_bytes((world["folder"] / "forged.pdf").read_bytes())
    (folder / "z-good.pdf").write_bytes(world["signed"].read_bytes())
    registry = tmp_path / "registry.db"
    code = (
        "import json, resource, sys\n"
        "from visitapp.db import Database\n"
        "from visitapp.registry.merge import Merger\n"
        "db = Database.open(sys.argv[1])\n"
        "results = Merger(db, [sys.argv[3]]).merge_all([sys.argv[2]])\n"
        "db.close()\n"
        "print(json.dumps([[r.file.rsplit('/', 1)[1], r.status, r.reason] for r in results]))\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-c", code, str(registry), str(folder), str(world["pem"])],
                          capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "PATH": "/usr/bin:/bin"})
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    results = {name: (status, reason) for name, status, reason in json.loads(done.stdout)}
    assert results["z-good.pdf"][0] == "accepted"
    assert results["a-deep-record.pdf"] == ("rejected", "The visit record is nested deeper than visitapp accepts "
                                                         "(32 levels).")
    assert results["b-deep.pdf"] == ("rejected", "The file is nested deeper than visitapp accepts (64 levels).")
    assert results["c-bomb.pdf"] == ("rejected", "This file is not signed.")  # nothing inside is read unsigned
    bomb = ("The file holds compressed data that unpacks to more than visitapp accepts; it is refused as a "
            "decompression bomb.")
    assert results["d-bomb-signed.pdf"][0] == "rejected" and bomb in results["d-bomb-signed.pdf"][1]
    assert results["e-huge.pdf"] == ("rejected", "The file is larger than visitapp accepts (65 MB over 64 MB).")
    assert results["f-forged.pdf"][0] == "rejected"
    # Bounded memory: the bombs inflate to 2 GiB each; the whole run (worker included) stays far below.
    assert max(before, peak_kib) < 1024 * 1024, f"peak {peak_kib} KiB"
    rows = dump(registry)
    assert sum(1 for r in rows if r.startswith('INSERT INTO "merged_files"')) == 1


def test_the_worker_caps_memory_and_time_and_goes_on(tmp_path):
    from hostile_files import hog_memory, sleep_for, square

    with CappedWorker(seconds=3, memory=256 << 20) as worker:
        hog = worker.call(hog_memory, 1024)
        assert hog.refused == "Checking this file needed more memory than visitapp allows; it is refused."
        slow = worker.call(sleep_for, 30)
        assert slow.refused == "Checking this file took longer than 3 seconds; it is refused."
        assert worker.call(square, 7).value == 49


def test_a_changed_file_judges_no_trust_grade_or_record_in_either_language(world):
    """A signature that no longer holds: trust, qualification and the record all say "not checked" (never
    "trusted by fingerprint" or "Record: valid" beside "is broken"), and the summary uses the rows' word."""
    data = bytearray(world["signed"].read_bytes())
    start = int(bytes(data).split(b"/ByteRange")[1].split()[2])
    data[start // 2] ^= 1  # inside the first signed range
    bad = world["folder"] / "changed.pdf"
    bad.write_bytes(bytes(data))
    done = run_cli("verify", str(bad), "--trust", str(world["pem"]))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert "  intact: no" in lines
    assert "  signature: not checked: the file was changed after signing" in lines
    assert "  trusted signer: not checked: the file was changed after signing" in lines
    assert "Record: not checked: the file was changed after signing." in lines
    assert "trusted by fingerprint" not in done.stdout and "Record: valid" not in done.stdout
    assert "is broken: the signed content was changed after signing." in done.stderr
    done = run_cli("verify", str(bad), "--trust", str(world["pem"]), env={"VISITAPP_LANG": "pl"})
    lines = done.stdout.splitlines()
    assert "  nienaruszony: nie" in lines
    assert "  podpis: nie sprawdzono: plik zmieniono po podpisaniu" in lines
    assert "  zaufany podpisujący: nie sprawdzono: plik zmieniono po podpisaniu" in lines
    assert "Zapis wizyty: nie sprawdzono: plik zmieniono po podpisaniu." in lines
    assert "zaufany po odcisku" not in done.stdout and "poprawny" not in done.stdout
    assert "jest naruszony: podpisana treść została zmieniona po podpisaniu." in done.stderr  # the rows' word
