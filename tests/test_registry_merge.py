"""Merging verified visit records into a registry (the logic under the signed-PDF path)."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_mod
from pathlib import Path

import pytest
from registry_helpers import ANNA, PIOTR, WARSAW, Official, source_of
from sqlalchemy import func, select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.registry.merge import merge_record
from visitapp.services import Identity, Services


@pytest.fixture
def registry(registry_target):
    db = Database.open(registry_target)
    yield db
    db.close()


@pytest.fixture
def officials(tmp_path):
    visit_uuid = str(uuid_mod.uuid4())
    anna = Official(tmp_path / "anna.db", ANNA, visit_uuid)
    piotr = Official(tmp_path / "piotr.db", PIOTR, visit_uuid, org_name="HITACHI VANTARA")
    yield anna, piotr
    anna.close()
    piotr.close()


def _notes(db, visit_uuid, *, deleted=False):
    with db.read() as s:
        rows = s.execute(select(m.Note.text, m.Note.author).join(m.Visit)
                         .where(m.Visit.uuid == visit_uuid, m.Note.deleted.is_(deleted))).all()
    return sorted(rows)


def _count(db, model):
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_two_officials_notes_are_combined_with_their_authors(registry, officials):
    anna, piotr = officials
    anna.note("Firma planuje 200 nowych miejsc pracy.", section="profile", tags=["inwestycje"])
    a_action_note = anna.note("Przesłać listę techników.", section="follow_ups", kind="commitment")
    anna.svc.actions.from_note(a_action_note, owner="GUP", due_date="2026-04-30")
    piotr.note("Brakuje inżynierów chmury.", section="labour_market")
    r1 = merge_record(registry, anna.finalise(), source_of(anna.finalise()))
    assert r1.status == "accepted" and r1.changes["visits_added"] == 1 and r1.changes["notes_added"] == 2
    r2 = merge_record(registry, piotr.finalise(), source_of(piotr.finalise()))
    assert r2.status == "accepted" and "visits_added" not in r2.changes and r2.disagreements == 0
    assert _notes(registry, anna.visit_id) == [
        ("Brakuje inżynierów chmury.", "Piotr Wiśniewski"),
        ("Firma planuje 200 nowych miejsc pracy.", "Anna Nowak"),
        ("Przesłać listę techników.", "Anna Nowak"),
    ]
    # One organisation (same NIP, different spelling), one visit, people matched by e-mail / name.
    assert _count(registry, m.Organisation) == 1
    assert _count(registry, m.Visit) == 1
    with registry.read() as s:
        names = sorted(s.scalars(select(m.Person.name)))
        assert names == ["Anna Nowak", "Paweł Łukasik", "Piotr Wiśniewski"]
        action = s.scalar(select(m.ActionItem))
        assert action.owner == "GUP" and action.due_date == dt.date(2026, 4, 30)
        assert action.note.text == "Przesłać listę techników."
        prov = s.scalar(select(m.Provenance).where(m.Provenance.item_kind == "action"))
        assert prov.merged_file.author == "Anna Nowak" and prov.merged_file.sha256 == r1.sha256
    svc = Services(registry, Identity("K"))
    assert any("inżynierów" in h.snippet for h in svc.search.search("inzynierow"))


def test_the_same_record_twice_changes_nothing(registry, officials, tmp_path):
    anna, _ = officials
    anna.note("Pierwsza notatka.")
    record = anna.finalise()
    assert merge_record(registry, record, source_of(record)).status == "accepted"
    from registry_helpers import dump

    before = dump(registry)
    again = merge_record(registry, record, source_of(record))
    assert again.status == "unchanged"
    assert dump(registry) == before


def test_a_newer_version_supersedes_the_older_which_stays_in_history(registry, officials):
    anna, _ = officials
    keep = anna.note("Zostaje.")
    gone = anna.note("Do usunięcia.")
    v1 = anna.finalise()
    merge_record(registry, v1, source_of(v1))
    anna.svc.notes.edit(keep, text="Zostaje, poprawione.")
    anna.svc.notes.delete(gone)
    anna.note("Nowa w wersji 2.")
    v2 = anna.finalise()
    assert v2.version == 2
    result = merge_record(registry, v2, source_of(v2))
    assert result.status == "accepted" and "Supersedes version 1" in result.reason
    assert _notes(registry, anna.visit_id) == [("Nowa w wersji 2.", "Anna Nowak"),
                                               ("Zostaje, poprawione.", "Anna Nowak")]
    assert _notes(registry, anna.visit_id, deleted=True) == [("Do usunięcia.", "Anna Nowak")]
    with registry.read() as s:
        files = s.scalars(select(m.MergedFile).order_by(m.MergedFile.id)).all()
        assert [f.version for f in files] == [1, 2]
        assert files[0].superseded_by_id == files[1].id and files[1].superseded_by_id is None
        assert [n["text"] for n in files[0].record["notes"]] == ["Zostaje.", "Do usunięcia."]
    # The old version arriving late (another copy of the file) changes no note.
    late = v1.model_copy(update={"exported_at": v1.exported_at})
    src = source_of(late, "copy-of-v1.pdf")
    src = type(src)(**{**{k: getattr(src, k) for k in src.__slots__}, "sha256": "0" * 64})
    again = merge_record(registry, late, src)
    assert again.status == "unchanged" and "kept in the history" in again.reason
    assert _notes(registry, anna.visit_id)[1] == ("Zostaje, poprawione.", "Anna Nowak")


def test_disagreement_on_visit_facts_keeps_both_and_flags(registry, tmp_path):
    visit_uuid = str(uuid_mod.uuid4())
    anna = Official(tmp_path / "a.db", ANNA, visit_uuid, place="Biuro firmy")
    piotr = Official(tmp_path / "p.db", PIOTR, visit_uuid, place="Urząd Miasta",
                     starts_at=dt.datetime(2026, 3, 18, 10, tzinfo=WARSAW))
    try:
        a, p = anna.finalise(), piotr.finalise()
        merge_record(registry, a, source_of(a))
        result = merge_record(registry, p, source_of(p))
        assert result.status == "accepted" and result.disagreements == 2
        with registry.read() as s:
            visit = s.scalar(select(m.Visit))
            assert visit.place == "Biuro firmy"  # nothing silently overwritten
            rows = s.scalars(select(m.Disagreement).order_by(m.Disagreement.field)).all()
            assert [(d.field, d.current_value, d.other_value, d.other_author) for d in rows][1] == (
                "starts_at", "2026-03-17T09:00:00+00:00", "2026-03-18T09:00:00+00:00", "Piotr Wiśniewski")
            assert (rows[0].field, rows[0].current_value, rows[0].other_value) == (
                "place", "Biuro firmy", "Urząd Miasta")
        # The same author's correction of their own facts is applied, not flagged.
    finally:
        anna.close()
        piotr.close()


def test_sole_author_correction_is_applied(registry, officials):
    anna, _ = officials
    v1 = anna.finalise()
    merge_record(registry, v1, source_of(v1))
    anna.svc.visits.update(anna.visit_id, place="Nowe biuro, Kraków")
    v2 = anna.finalise()
    result = merge_record(registry, v2, source_of(v2))
    assert result.changes.get("visit_facts_updated") == 1 and result.disagreements == 0
    with registry.read() as s:
        assert s.scalar(select(m.Visit.place)) == "Nowe biuro, Kraków"


def test_coordinator_follow_up_is_not_undone_by_an_old_file(registry, officials):
    anna, piotr = officials
    note = anna.note("Zorganizować spotkanie z uczelniami.", kind="commitment", section="follow_ups")
    action = anna.svc.actions.from_note(note, owner="CWI")
    v1 = anna.finalise()
    merge_record(registry, v1, source_of(v1))
    Services(registry, Identity("K")).actions.update(action.id, status="done")
    piotr.note("Inna notatka.")
    p1 = piotr.finalise()
    merge_record(registry, p1, source_of(p1))
    with registry.read() as s:
        assert s.scalar(select(m.ActionItem.status)) == m.ActionStatus.DONE


def test_answers_lists_are_united_and_numbers_disagree(registry, officials):
    anna, piotr = officials
    anna.svc.answers.set(anna.visit_id, "skills_in_demand", ["chmura", "dane"])
    anna.svc.answers.set(anna.visit_id, "planned_hires", 50)
    piotr.svc.answers.set(piotr.visit_id, "skills_in_demand", ["dane", "cyberbezpieczeństwo"])
    piotr.svc.answers.set(piotr.visit_id, "planned_hires", 80)
    for o in (anna, piotr):
        r = o.finalise()
        merge_record(registry, r, source_of(r))
    with registry.read() as s:
        answers = {a.field: a.value for a in s.scalars(select(m.Answer))}
        assert answers["skills_in_demand"] == ["chmura", "dane", "cyberbezpieczeństwo"]
        assert answers["planned_hires"] == 50
        d = s.scalar(select(m.Disagreement))
        assert (d.field, d.current_value, d.other_value) == ("answer:planned_hires", 50, 80)


def test_organisation_matched_by_name_without_nip(registry, tmp_path):
    a = Official(tmp_path / "a.db", ANNA, nip=None, org_name="Comarch S.A.")
    p = Official(tmp_path / "p.db", PIOTR, nip=None, org_name="COMARCH")
    try:
        for o in (a, p):
            r = o.finalise()
            merge_record(registry, r, source_of(r))
        assert _count(registry, m.Organisation) == 1
        assert _count(registry, m.Visit) == 2
    finally:
        a.close()
        p.close()


def test_one_record_naming_a_person_twice_adds_them_once(registry, officials):
    """Participants are matched against the people this same record just added (by e-mail here)."""
    anna, _piotr = officials
    record = anna.finalise()
    data = record.model_dump(mode="json", by_alias=True)

    def participant(name):
        person = {"id": str(uuid_mod.uuid4()), "name": name, "email": "j.kowalski@example.com",
                  "institution": "HITACHI"}
        return {"id": str(uuid_mod.uuid4()), "person": person, "side": "company"}

    data["participants"] = [participant("Jan Kowalski"), participant("J. Kowalski")]
    record = type(record).model_validate(data)
    result = merge_record(registry, record, source_of(record))
    assert result.status == "accepted" and result.changes["people_added"] == 1
    assert result.changes["participants_added"] == 1
    assert _count(registry, m.Person) == 1 and _count(registry, m.Participant) == 1


def test_a_repeated_disagreeing_answer_is_recorded_once(registry, officials):
    """Disagreements this same file already raised count, though they are not flushed yet."""
    anna, piotr = officials
    first = anna.finalise()
    merge_record(registry, first, source_of(first))
    record = piotr.finalise()
    data = record.model_dump(mode="json", by_alias=True)
    answer = {"field": "employees", "value": 999, "author": "Piotr Wiśniewski",
              "updated_at": dt.datetime(2026, 3, 1, tzinfo=dt.UTC).isoformat()}
    data["answers"] = [answer, {**answer, "value": 998}, dict(answer)]
    with registry.write() as s:
        visit = s.scalar(select(m.Visit).where(m.Visit.uuid == anna.visit_id))
        s.add(m.Answer(visit=visit, field="employees", value=5, author="Anna Nowak",
                       updated_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    record = type(record).model_validate(data)
    result = merge_record(registry, record, source_of(record))
    assert result.disagreements == 2
    assert _count(registry, m.Disagreement) == 2


def test_a_batch_is_verified_ahead_in_the_worker_in_order(tmp_path):
    """Verification runs ahead in a worker process; results come in the files' order, one per file."""
    import shutil

    from visitapp.registry.merge import Merger

    signed = _signed_batch(tmp_path, count=6)
    broken = tmp_path / "in" / "zz-broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    shutil.copy(signed[0], tmp_path / "in" / "zz-again.pdf")
    db = Database.open(tmp_path / "registry.db")
    seen = []
    got = Merger(db, [tmp_path / "anna.pem"]).merge_all([tmp_path / "in"], progress=lambda i, n, r: seen.append((i, n)))
    db.close()
    names = [Path(r.file).name for r in got]
    assert names == sorted(p.name for p in (tmp_path / "in").iterdir())
    assert seen == [(i, len(got)) for i in range(1, len(got) + 1)]
    statuses = {Path(r.file).name: r.status for r in got}
    assert statuses["zz-broken.pdf"] == "rejected" and statuses["zz-again.pdf"] == "unchanged"
    assert sum(1 for r in got if r.status == "accepted") == 6


def _signed_batch(tmp_path, count):
    """``count`` signed minutes of different visits by one official, in ``tmp_path/in``."""
    from registry_helpers import keys, sign_record

    (tmp_path / "in").mkdir()
    p12, _pem = keys(tmp_path, "anna", ANNA)
    made = []
    for i in range(count):
        official = Official(tmp_path / f"official-{i}.db", ANNA)
        official.note(f"Notatka z wizyty numer {i}")
        made.append(sign_record(official.finalise(), tmp_path / "in" / f"minutes-{i}.pdf", p12))
        official.close()
    return made
