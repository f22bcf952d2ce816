"""Who may supersede or remove whose minutes: the signer's certificate decides, not the name typed in the record.

Real signed PDFs (made as an official's export makes them), verified and
merged through :class:`~visitapp.registry.merge.Merger` into a real SQLite
registry.
"""

from __future__ import annotations

import hashlib
import re
import uuid as uuid_mod

import pytest
from cryptography import x509
from registry_helpers import Official, dump, keys, sign_record
from sqlalchemy import select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.registry.merge import Merger
from visitapp.services import Identity, Services
from visitapp.services.records import company_copy

JAN = Identity("Jan", "Wydział ds. Przedsiębiorczości i Innowacji", "inspektor")
INTRUDER = Identity("Bogdan Zły", "Inna Instytucja", "referent")


def fingerprint(pem) -> str:
    from cryptography.hazmat.primitives import serialization

    cert = x509.load_pem_x509_certificate(pem.read_bytes())
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


@pytest.fixture
def world(tmp_path, registry_target):
    """An official's visit, two signers' keys (A: the official's, B: another trusted official's), a registry."""
    folder = tmp_path / "w"
    folder.mkdir()
    a_p12, a_pem = keys(folder, "a", JAN)
    b_p12, b_pem = keys(folder, "b", INTRUDER)
    jan = Official(tmp_path / "jan.db", JAN, str(uuid_mod.uuid4()))
    registry = Database.open(registry_target)
    merger = Merger(registry, [a_pem, b_pem])
    yield {"dir": folder, "jan": jan, "registry": registry, "merger": merger, "target": str(registry_target),
           "a": a_p12, "b": b_p12, "a_fp": fingerprint(a_pem), "b_fp": fingerprint(b_pem)}
    jan.close()
    registry.close()


def _notes(db, *, deleted: bool) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(m.Note.text).where(m.Note.deleted.is_(deleted))))


def _actions(db, *, deleted: bool) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(m.ActionItem.description).where(m.ActionItem.deleted.is_(deleted))))


def _files(db) -> list[tuple[int | None, str, bool]]:
    with db.read() as s:
        rows = s.scalars(select(m.MergedFile).order_by(m.MergedFile.id)).all()
        return [(f.version, f.signer_fingerprint, f.superseded_by_id is not None) for f in rows]


def test_another_signer_claiming_the_authors_name_supersedes_nothing(world):
    jan, registry, merger, d = world["jan"], world["registry"], world["merger"], world["dir"]
    jan.note("Notatka Jana.")
    gone = jan.note("Zobowiązanie Jana.", kind="commitment", section="follow_ups")
    jan.svc.actions.from_note(gone, owner="CWI")
    v1 = jan.finalise()
    assert merger.merge_file(sign_record(v1, d / "jan-v1.pdf", world["a"])).status == "accepted"

    jan.svc.notes.delete(gone)
    v2 = jan.finalise()
    assert (v2.version, v2.author.name) == (2, "Jan")
    forged = merger.merge_file(sign_record(v2, d / "forged-v2.pdf", world["b"]))
    assert forged.status != "rejected"
    assert "Supersedes" not in forged.reason
    # Jan's minutes stay current and whole; the other signer's file is only logged as theirs.
    assert _files(registry) == [(1, world["a_fp"], False), (2, world["b_fp"], False)]
    assert _notes(registry, deleted=True) == []
    assert _actions(registry, deleted=True) == []
    assert _notes(registry, deleted=False) == ["Notatka Jana.", "Zobowiązanie Jana."]


def test_the_same_signer_under_another_name_supersedes(world):
    """One person exports once as "Jan" and once under the system user's name: still one author."""
    jan, registry, merger, d = world["jan"], world["registry"], world["merger"], world["dir"]
    keep = jan.note("Zostaje.")
    gone = jan.note("Do usunięcia.")
    v1 = jan.finalise()
    merger.merge_file(sign_record(v1, d / "v1.pdf", world["a"]))
    jan.svc = Services(jan.db, Identity("jkowalski"))
    jan.svc.notes.delete(gone)
    jan.svc.notes.edit(keep, text="Zostaje, poprawione.")
    v2 = jan.finalise()
    assert v2.author.name == "jkowalski"
    result = merger.merge_file(sign_record(v2, d / "v2.pdf", world["a"]))
    # Named by the certificate; what was typed only beside it.
    assert result.status == "accepted" and result.reason == "Supersedes version 1 by Jan (typed: jkowalski)."
    assert (result.author, result.typed_author) == ("Jan (typed: jkowalski)", "jkowalski")
    assert _files(registry) == [(1, world["a_fp"], True), (2, world["a_fp"], False)]
    assert _notes(registry, deleted=False) == ["Zostaje, poprawione."]
    assert _notes(registry, deleted=True) == ["Do usunięcia."]


def test_a_co_signer_does_not_change_the_author(world):
    """The first signature names the author: a co-signed version 2 supersedes the author's version 1."""
    from registry_helpers import KEY_PASSWORD

    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    jan, registry, merger, d = world["jan"], world["registry"], world["merger"], world["dir"]
    gone = jan.note("Do usunięcia.")
    merger.merge_file(sign_record(jan.finalise(), d / "v1.pdf", world["a"]))
    jan.svc.notes.delete(gone)
    signed = sign_record(jan.finalise(), d / "v2.pdf", world["a"])
    cosigned = d / "v2-cosigned.pdf"
    cosigned.write_bytes(sign_pdf(signed.read_bytes(), Pkcs12Source(world["b"], KEY_PASSWORD)).pdf)
    result = merger.merge_file(cosigned)
    assert result.status == "accepted" and result.reason.startswith("Supersedes version 1")
    # Named by the first signature's certificate, never the co-signer's (both stay in ``signer``).
    assert (result.author, result.signer) == ("Jan", "Jan, Bogdan Zły")
    with registry.read() as s:
        assert s.scalars(select(m.MergedFile.signer_name).order_by(m.MergedFile.id)).all() == ["Jan", "Jan"]
    assert _files(registry) == [(1, world["a_fp"], True), (2, world["a_fp"], False)]
    assert _notes(registry, deleted=True) == ["Do usunięcia."]


def test_a_signer_removes_neither_notes_nor_action_items_of_another(world):
    """Signer B merges a copy of Jan's minutes, then a version without Jan's note and action item: both stay."""
    jan, registry, merger, d = world["jan"], world["registry"], world["merger"], world["dir"]
    note = jan.note("Przesłać listę techników.", kind="commitment", section="follow_ups")
    jan.svc.actions.from_note(note, owner="GUP")
    v1 = jan.finalise()
    merger.merge_file(sign_record(v1, d / "a-v1.pdf", world["a"]))
    merger.merge_file(sign_record(v1, d / "b-v1.pdf", world["b"]))  # B's own lineage now holds Jan's ids
    jan.svc.notes.delete(note)
    jan.note("Inna notatka.")
    v2 = jan.finalise()
    merger.merge_file(sign_record(v2, d / "b-v2.pdf", world["b"]))
    assert _notes(registry, deleted=True) == []
    assert _actions(registry, deleted=True) == []
    assert _actions(registry, deleted=False) == ["Przesłać listę techników."]
    # Jan's own version 2 removes them.
    result = merger.merge_file(sign_record(v2, d / "a-v2.pdf", world["a"]))
    assert result.changes.get("notes_removed") == 1 and result.changes.get("actions_removed") == 1
    assert _notes(registry, deleted=True) == ["Przesłać listę techników."]
    assert _actions(registry, deleted=True) == ["Przesłać listę techników."]


def test_the_company_copy_is_rejected_and_keeps_the_internal_notes(world):
    jan, registry, merger, d = world["jan"], world["registry"], world["merger"], world["dir"]
    jan.note("Tylko dla urzędu.", visibility="internal")
    jan.note("Dla firmy.", visibility="company")
    merger.merge_file(sign_record(jan.finalise(), d / "internal-v1.pdf", world["a"]))
    jan.note("Druga wersja, dla firmy.", visibility="company")
    v2 = jan.finalise()
    copy = company_copy(v2)
    assert copy.copy_kind == "company" and copy.version == 2
    before = dump(registry)
    result = merger.merge_file(sign_record(copy, d / "company-v2.pdf", world["a"]))
    assert result.status == "rejected"
    assert result.reason == "This is the company's copy of the minutes; merge the internal minutes instead."
    assert dump(registry) == before
    assert _notes(registry, deleted=False) == ["Dla firmy.", "Tylko dla urzędu."]


def test_company_copy_rejected_in_the_merge_summary(world, tmp_path):
    """Through the command line: listed as rejected with its reason, exit status 1."""
    import json

    from tests.conftest import run_cli

    jan, d = world["jan"], world["dir"]
    jan.note("Dla firmy.", visibility="company")
    pdf = sign_record(company_copy(jan.finalise()), d / "company.pdf", world["a"])
    out = run_cli("merge", "--into", world["target"], "--trust", str(d / "a.pem"), "--json", str(pdf))
    assert out.returncode == 1, out.stderr
    (entry,) = json.loads(out.stdout)["files"]
    assert (entry["status"], entry["reason"]) == (
        "rejected", "This is the company's copy of the minutes; merge the internal minutes instead.")


def test_merged_files_keep_the_signers_fingerprint(world):
    jan, registry, merger, d = world["jan"], world["registry"], world["merger"], world["dir"]
    jan.note("Notatka.")
    merger.merge_file(sign_record(jan.finalise(), d / "v1.pdf", world["a"]))
    with registry.read() as s:
        assert s.scalar(select(m.MergedFile.signer_fingerprint)) == world["a_fp"]


def test_verify_reports_each_signers_fingerprint(world):
    from visitapp.signing.verify import load_trust_roots, verify_file

    jan, d = world["jan"], world["dir"]
    pdf = sign_record(jan.finalise(), d / "v1.pdf", world["a"])
    report = verify_file(pdf, load_trust_roots([d / "a.pem"]))
    assert report.ok and [s.fingerprint for s in report.signatures] == [world["a_fp"]]
    assert report.as_json()["signatures"][0]["fingerprint"] == world["a_fp"]



def _answer(db, field):
    with db.read() as s:
        return s.scalar(select(m.Answer.value).where(m.Answer.field == field))


def test_answers_follow_the_signer_not_the_name_typed(world):
    """Another signer claiming the author's name cannot overwrite an answer: it becomes a disagreement;
    the author, signing again, updates it."""
    jan, registry, merger, d = world["jan"], world["registry"], world["merger"], world["dir"]
    jan.svc.answers.set(jan.visit_id, "planned_hires", 50)
    v1 = jan.finalise()
    assert merger.merge_file(sign_record(v1, d / "jan-v1.pdf", world["a"])).status == "accepted"

    jan.svc.answers.set(jan.visit_id, "planned_hires", 80)
    v2 = jan.finalise()
    forged = merger.merge_file(sign_record(v2, d / "forged-v2.pdf", world["b"]))
    assert forged.status == "accepted" and forged.disagreements
    assert _answer(registry, "planned_hires") == 50
    with registry.read() as s:
        flagged = s.scalar(select(m.Disagreement).where(m.Disagreement.field == "answer:planned_hires"))
        assert (flagged.current_value, flagged.other_value) == (50, 80)

    genuine = merger.merge_file(sign_record(v2, d / "jan-v2.pdf", world["a"]))
    assert genuine.status == "accepted"
    assert _answer(registry, "planned_hires") == 80


# -- names shown to the coordinator come from the certificate ----------------------------------------------------


@pytest.fixture
def impostor(world, tmp_path):
    """Jan's minutes (signed with Jan's key, certificate "Jan") merged into the registry; then minutes of the
    same visit typed as "Jan" by someone else but signed with Bogdan Zły's key (another trusted official),
    with another place and an answer of their own: merged too."""
    jan, merger, d = world["jan"], world["merger"], world["dir"]
    jan.note("Notatka Jana.")
    jan.svc.answers.set(jan.visit_id, "planned_hires", 50)
    assert merger.merge_file(sign_record(jan.finalise(), d / "jan-v1.pdf", world["a"])).status == "accepted"
    other = Official(tmp_path / "other.db", JAN, jan.visit_id, place="Urząd Miasta")
    other.note("Notatka podpisana przez Bogdana.")
    other.svc.answers.set(other.visit_id, "planned_hires", 80)
    forged = merger.merge_file(sign_record(other.finalise(), d / "typed-as-jan.pdf", world["b"]))
    other.close()
    assert forged.status == "accepted"
    assert (forged.author, forged.typed_author) == ("Bogdan Zły (typed: Jan)", "Jan")
    return world


def test_disagreements_name_the_other_signer_by_certificate(impostor):
    from visitapp.registry.review import disagreements

    registry = impostor["registry"]
    rows = sorted(disagreements(registry), key=lambda d: d.field)
    assert [(d.field, d.other_author, d.other_signer, d.other_typed_author) for d in rows] == [
        ("answer:planned_hires", "Bogdan Zły (typed: Jan)", "Bogdan Zły", "Jan"),
        ("place", "Bogdan Zły (typed: Jan)", "Bogdan Zły", "Jan"),
    ]
    # The trust list's name for that certificate comes first, when the registry holds it.
    from visitapp.registry.trust import TrustStore, load_certificate_file

    TrustStore(registry).add(load_certificate_file(impostor["dir"] / "b.pem"))
    with registry.write() as s:
        s.get(m.TrustedCertificate, 1).subject = "Bogdan Zły, GUP"
    assert {d.other_author for d in disagreements(registry)} == {"Bogdan Zły, GUP (typed: Jan)"}


def test_disagreements_listing_names_the_signer(impostor):
    import json

    from tests.conftest import run_cli

    path = impostor["target"]
    listed = run_cli("disagreements", "--db", path)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count("(Bogdan Zły (typed: Jan))") == 2
    rows = json.loads(run_cli("disagreements", "--db", path, "--json").stdout)
    assert {(r["other_author"], r["other_signer"], r["other_typed_author"]) for r in rows} == {
        ("Bogdan Zły (typed: Jan)", "Bogdan Zły", "Jan")}


def test_show_names_note_authors_by_certificate(impostor):
    import json

    from tests.conftest import run_cli

    path, visit = impostor["target"], impostor["jan"].visit_id
    shown = run_cli("show", "--db", path, "--visit", visit)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    notes = [ln for ln in lines if re.match(r"  \d\d:\d\d  Notatka", ln)]  # not the provenance lines
    assert [ln.split("  ", 2)[-1] for ln in notes] == [
        "Notatka Jana.  (Jan)", "Notatka podpisana przez Bogdana.  (Bogdan Zły (typed: Jan))"]
    assert any(ln.endswith("50  (Jan)") for ln in lines)  # the answer the registry kept, by its signer
    # Provenance: the second file's author is the certificate's, what was typed beside it.
    assert any("typed-as-jan.pdf" in ln and "(Bogdan Zły (typed: Jan), version 1)" in ln for ln in lines)

    record = json.loads(run_cli("show", "--db", path, "--visit", visit, "--json").stdout)
    assert sorted((n["text"], n["author"], n.get("typed_author")) for n in record["notes"]) == [
        ("Notatka Jana.", "Jan", None), ("Notatka podpisana przez Bogdana.", "Bogdan Zły", "Jan")]
    assert [(a["field"], a["author"]) for a in record["answers"]] == [("planned_hires", "Jan")]


def test_report_and_csv_name_the_signer(impostor, tmp_path):
    import csv
    import io

    from pypdf import PdfReader

    from visitapp.registry.reports import build_report

    out, folder = tmp_path / "report.pdf", tmp_path / "csv"
    build_report(impostor["registry"], out, csv_dir=folder, lang="en")
    rows = list(csv.DictReader(io.StringIO((folder / "notes.csv").read_text("utf-8-sig"))))
    assert sorted((r["text"], r["author"], r["typed_author"]) for r in rows) == [
        ("Notatka Jana.", "Jan", ""), ("Notatka podpisana przez Bogdana.", "Bogdan Zły", "Jan")]
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages)
    assert "Minutes signed by" in text
    assert "Bogdan Zły (typed: Jan)" in text
    assert "Jan (typed" not in text  # Jan's own minutes: his name once, nothing beside it


def test_an_upgraded_registry_names_merged_files_by_their_trusted_certificate(tmp_path):
    """Schema 0003 records the first signer's certificate name; files merged before get the trust list's."""
    import shutil
    from pathlib import Path

    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "visitapp-0002.db", path)
    db = Database.open(path, backup_dir=tmp_path / "backups")
    try:
        with db.read() as s:
            files = s.execute(select(m.MergedFile.signer_fingerprint, m.MergedFile.signer_name)).all()
            trusted = dict(s.execute(select(m.TrustedCertificate.fingerprint, m.TrustedCertificate.subject)).all())
        assert files and all(name and name == trusted[fp] for fp, name in files)
    finally:
        db.close()
