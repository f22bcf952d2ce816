"""Who may supersede or remove whose minutes: the signer's certificate decides, not the name typed in the record.

Real signed PDFs (made as an official's export makes them), verified and
merged through :class:`~visitapp.registry.merge.Merger` into a real SQLite
registry.
"""

from __future__ import annotations

import hashlib
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


def fingerprint(pem) -> str:  # noqa: ANN001
    from cryptography.hazmat.primitives import serialization

    cert = x509.load_pem_x509_certificate(pem.read_bytes())
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


@pytest.fixture
def world(tmp_path):
    """An official's visit, two signers' keys (A: the official's, B: another trusted official's), a registry."""
    folder = tmp_path / "w"
    folder.mkdir()
    a_p12, a_pem = keys(folder, "a", JAN)
    b_p12, b_pem = keys(folder, "b", INTRUDER)
    jan = Official(tmp_path / "jan.db", JAN, str(uuid_mod.uuid4()))
    registry = Database.open(tmp_path / "registry.db")
    merger = Merger(registry, [a_pem, b_pem])
    yield {"dir": folder, "jan": jan, "registry": registry, "merger": merger,
           "a": a_p12, "b": b_p12, "a_fp": fingerprint(a_pem), "b_fp": fingerprint(b_pem)}
    jan.close()
    registry.close()


def _notes(db, *, deleted: bool) -> list[str]:  # noqa: ANN001
    with db.read() as s:
        return sorted(s.scalars(select(m.Note.text).where(m.Note.deleted.is_(deleted))))


def _actions(db, *, deleted: bool) -> list[str]:  # noqa: ANN001
    with db.read() as s:
        return sorted(s.scalars(select(m.ActionItem.description).where(m.ActionItem.deleted.is_(deleted))))


def _files(db) -> list[tuple[int | None, str, bool]]:  # noqa: ANN001
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
    assert result.status == "accepted" and result.reason == "Supersedes version 1 by jkowalski."
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
    before = dump(registry.path)
    result = merger.merge_file(sign_record(copy, d / "company-v2.pdf", world["a"]))
    assert result.status == "rejected"
    assert result.reason == "This is the company's copy of the minutes; merge the internal minutes instead."
    assert dump(registry.path) == before
    assert _notes(registry, deleted=False) == ["Dla firmy.", "Tylko dla urzędu."]


def test_company_copy_rejected_in_the_merge_summary(world, tmp_path):
    """Through the command line: listed as rejected with its reason, exit status 1."""
    import json

    from tests.conftest import run_cli

    jan, d = world["jan"], world["dir"]
    jan.note("Dla firmy.", visibility="company")
    pdf = sign_record(company_copy(jan.finalise()), d / "company.pdf", world["a"])
    out = run_cli("merge", "--into", str(tmp_path / "r2.db"), "--trust", str(d / "a.pem"), "--json", str(pdf))
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



def _answer(db, field):  # noqa: ANN001
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
