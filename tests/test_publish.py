"""visitapp.publish: finalise (a core operation) -> render -> attach -> sign -> write, on real files.

A real SQLite file, a PKCS#12 key made here, real signatures checked by the verifier.
"""

from __future__ import annotations

import sqlite3

import pytest

from visitapp import publish
from visitapp.errors import UserError
from visitapp.ops import history_for
from visitapp.signing.keys import keygen
from visitapp.signing.sign import Pkcs12Source
from visitapp.signing.verify import load_trust_roots, verify_file

PASSWORD = "tajne hasło 7"


def _dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "search_docs" not in line and "search_fts" not in line]
    finally:
        conn.close()


@pytest.fixture
def key(tmp_path):
    p12, pem, _cert = keygen("Zofia Łęcka", "Wydział Przedsiębiorczości i Innowacji", tmp_path / "z.p12", PASSWORD)
    return p12, pem


def test_finalise_and_export_signs_the_finalised_version(svc, demo, key, tmp_path):
    p12, pem = key
    visit = demo[0]
    out = tmp_path / "m.pdf"
    done = publish.finalise_and_export(svc, visit, out, lang="pl", source=Pkcs12Source(p12, PASSWORD),
                                       signer_is_author=True)
    assert done.created and done.export.path == out and done.export.signed is not None
    report = verify_file(out, load_trust_roots([pem]))
    assert report.ok, report.all_problems()
    assert report.record.version == done.version == svc.records.versions(visit)[-1].number
    assert svc.visits.get(visit).status == "finalised"
    # Finalising is an operation of the core that cannot be undone (the version may be signed and sent).
    assert history_for(svc.db, svc.identity).undo_label is None

    again = publish.finalise_and_export(svc, visit, tmp_path / "again.pdf")  # nothing changed: same version
    assert not again.created and again.version == done.version


def test_a_finalisation_cannot_be_undone_and_starts_the_history_anew(svc, demo, db_path):
    """A finalised version may already be signed and sent: its number must never go to other content."""
    visit = demo[0]
    history = history_for(svc.db, svc.identity)
    svc.notes.add(visit, "Notatka przed zatwierdzeniem")
    assert history.can_undo
    done = publish.finalise(history, visit, copy="company")
    assert done.created and done.record.copy_kind == "company"
    assert all(n.visibility == "company" for n in done.record.notes)
    assert not history.can_undo and not history.can_redo
    after = _dump(db_path)
    with pytest.raises(UserError, match="nothing to undo"):
        history.undo()
    assert _dump(db_path) == after
    svc.notes.add(visit, "Dopisek po zatwierdzeniu")  # later changes are undoable again
    assert history.can_undo


def test_a_wrong_password_or_a_cancel_leaves_no_version_and_no_file(svc, demo, key, tmp_path):
    p12, _pem = key
    visit = demo[0]
    before = svc.records.versions(visit)
    out = tmp_path / "m.pdf"
    from visitapp.signing.errors import WrongPassword

    with pytest.raises(WrongPassword):
        publish.finalise_and_export(svc, visit, out, source=Pkcs12Source(p12, "not it"))
    assert svc.records.versions(visit) == before and not out.exists()

    steps: list[str] = []
    with pytest.raises(publish.ExportCancelled) as stopped:
        publish.finalise_and_export(svc, visit, out, step=steps.append, cancelled=lambda: "render" in steps)
    assert stopped.value.version is not None  # finalised, then stopped before anything was written
    assert steps == ["finalise", "render"] and not out.exists() and list(tmp_path.glob(".m.pdf.*")) == []
