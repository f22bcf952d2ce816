"""The operations layer: what each operation reports, atomic composite steps, the edit path, the history's rules."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from tests.test_ops_undo import dump
from visitapp import ops
from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound, UserError
from visitapp.ops import HistoryConflict, history_for


@pytest.fixture
def world(svc, demo, db_path):
    history = history_for(svc.db, svc.identity)
    history.clear()
    return svc, history, demo, db_path


def _visit_row(path, visit_uuid: str) -> tuple[str, str]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT status, updated_at FROM visits WHERE uuid = ?", (visit_uuid,)).fetchone()
    finally:
        conn.close()


def test_editing_a_note_moves_the_visits_updated_at_also_when_already_in_progress(world):
    svc, history, ids, path = world
    note = svc.notes.list(ids[0])[0]
    status, stamp = _visit_row(path, ids[0])
    assert status == "in_progress"
    changes = ops.edit_note(history, note.id, text="Zmieniona treść")
    new_status, new_stamp = _visit_row(path, ids[0])
    assert new_status == "in_progress" and new_stamp > stamp
    assert changes.result.text == "Zmieniona treść" and changes.result.updated_at > note.updated_at
    assert changes.notes.updated == {note.id} and changes.visits.updated == {ids[0]}
    assert svc.notes.get(note.id).text == "Zmieniona treść"


def test_editing_a_note_of_a_finalised_visit_makes_it_in_progress_and_takes_a_short_id(world):
    svc, _history, ids, path = world
    note = svc.notes.list(ids[1])[0]
    assert _visit_row(path, ids[1])[0] == "finalised"
    result = svc.notes.edit(note.id[:8], kind="decision", tags=["#kadry", "kadry", "IT"], visibility="partners")
    assert (result.kind, result.tags, result.visibility) == ("decision", ("kadry", "IT"), "partners")
    assert result.id == note.id and result.text == note.text and result.visit_id == ids[1]
    assert _visit_row(path, ids[1])[0] == "in_progress"
    assert svc.notes.get(note.id) == result


def test_a_refused_edit_writes_nothing_and_adds_no_undo_step(world):
    svc, history, ids, path = world
    note = svc.notes.list(ids[0])[0]
    before = dump(path)
    with pytest.raises(InvalidInput):
        ops.edit_note(history, note.id, text="   ")
    with pytest.raises(NotFound):
        ops.edit_note(history, "0" * 8 + note.id[8:], text="x")
    assert dump(path) == before and not history.can_undo


def test_prepare_visit_is_atomic_a_failure_midway_leaves_nothing(world):
    svc, history, _ids, path = world
    before = dump(path)
    with pytest.raises(NotFound):
        ops.prepare_visit(
            history,
            organisation={"name": "Całkiem Nowa Firma", "sector": "IT"},
            visit={"starts_at": dt.datetime(2026, 8, 1, 9, tzinfo=dt.UTC), "title": "Wizyta"},
            participants=[{"name": "Nowa Osoba", "institution": "Firma", "side": "company"},
                          {"name": "Nie ma", "person_id": "ffffffff-ffff-4fff-8fff-ffffffffffff", "side": "city"}],
        )
    assert dump(path) == before and not history.can_undo
    assert not svc.organisations.find("Całkiem Nowa") and not svc.people.find("Nowa Osoba")


def test_prepare_visit_is_one_step_that_reports_everything_it_added(world):
    svc, history, _ids, _path = world
    changes = ops.prepare_visit(
        history,
        organisation={"name": "Całkiem Nowa Firma", "nip": "5260001246"},
        visit={"starts_at": dt.datetime(2026, 8, 1, 9, tzinfo=dt.UTC), "agenda": ["Plany", " "]},
        participants=[{"name": "Nowa Osoba", "institution": "Firma", "role": "prezes", "side": "company"}],
    )
    visit = changes.result
    assert visit.organisation.name == "Całkiem Nowa Firma" and visit.agenda == ("Plany",)
    assert [(p.person.name, p.side, p.role) for p in visit.participants] == [("Nowa Osoba", "company", "prezes")]
    assert changes.visits.added == {visit.id} and changes.organisations.added == {visit.organisation.id}
    assert changes.people.added == {visit.participants[0].person.id}
    assert changes.participants.added == {visit.participants[0].id}
    assert history.undo_label == ops.prepare_visit.label == "Prepare visit"
    history.undo()
    assert not svc.organisations.find("Całkiem Nowa") and not history.can_undo


def test_a_commitment_becomes_an_action_item_in_one_step(world):
    svc, history, ids, _path = world
    note = ops.add_note(history, ids[0], "Miasto przygotuje listę szkół", section="requests").result
    changes = ops.make_action(history, note.id, owner="GUP", due_date="2026-09-30")
    action = changes.result
    assert (action.note_id, action.owner, action.due_date) == (note.id, "GUP", dt.date(2026, 9, 30))
    assert svc.notes.get(note.id).kind == "commitment"
    assert changes.actions.added == {action.id} and changes.notes.updated == {note.id}
    history.undo()
    assert svc.notes.get(note.id).kind == "note"
    assert all(a.note_id != note.id for a in svc.actions.list(visit_id=ids[0]))


def test_deleting_a_note_reports_it_and_its_action_item_removed_and_undo_adds_them_back(world):
    svc, history, ids, _path = world
    action = next(a for a in svc.actions.list(visit_id=ids[0]) if a.note_id)
    changes = ops.delete_note(history, action.note_id)
    assert changes.notes.removed == {action.note_id} and changes.actions.removed == {action.id}
    assert action.note_id not in {n.id for n in svc.notes.list(ids[0])}
    undone = history.undo()
    assert undone.notes.added == {action.note_id} and undone.actions.added == {action.id}


def test_moving_a_note_renumbers_its_old_and_new_sections_in_one_step(world):
    svc, history, ids, _path = world
    profile = [n.id for n in svc.notes.list(ids[0]) if n.section == "profile"]
    changes = ops.move_note(history, profile[0], "barriers", 0)
    assert svc.notes.list(ids[0])[0].id == profile[1]
    barriers = [n.id for n in svc.notes.list(ids[0]) if n.section == "barriers"]
    assert barriers[0] == profile[0]
    assert profile[0] in changes.notes.updated
    history.undo()
    assert [n.id for n in svc.notes.list(ids[0]) if n.section == "profile"] == profile


def test_undo_refuses_when_the_data_changed_outside_the_history(world):
    svc, history, ids, path = world
    note = svc.notes.list(ids[0])[0]
    ops.edit_note(history, note.id, text="Nasza zmiana")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE notes SET text = 'Zmiana innej kopii aplikacji' WHERE uuid = ?", (note.id,))
    conn.commit()
    conn.close()
    before = dump(path)
    with pytest.raises(HistoryConflict, match="Edit note"):
        history.undo()
    assert dump(path) == before and history.undo_label == "Edit note"


def test_nothing_to_undo_or_redo_is_one_sentence_and_a_new_step_clears_redo(world):
    _svc, history, ids, _path = world
    with pytest.raises(UserError, match="nothing to undo"):
        history.undo()
    with pytest.raises(UserError, match="nothing to redo"):
        history.redo()
    ops.add_note(history, ids[0], "Jeden")
    history.undo()
    assert history.redo_label == "Add note"
    ops.add_note(history, ids[0], "Dwa")
    assert not history.can_redo and history.undo_label == "Add note"


def test_the_services_write_through_the_same_undoable_operations(world):
    svc, history, ids, path = world
    before = dump(path)
    note = svc.notes.add(ids[0], "Przez usługę", section="barriers")
    assert note.author == "Ewa Kowalczyk"
    assert history.undo_label == "Add note"
    history.undo()
    assert dump(path) == before


def test_an_operation_that_changes_nothing_is_no_undo_step(world):
    _svc, history, ids, _path = world
    changes = ops.start_visit(history, ids[0])  # already in progress
    assert changes.empty and not history.can_undo


def test_labels_follow_the_language(world, monkeypatch):
    from visitapp.i18n import set_language

    set_language("pl")
    try:
        assert ops.add_note.label == "Dodanie notatki"
        with pytest.raises(UserError, match="Nie ma niczego do cofnięcia"):
            world[1].undo()
    finally:
        set_language("en")


def test_visit_status_planned_and_in_progress_only(world):
    _svc, history, ids, _path = world
    with pytest.raises(InvalidInput):
        ops.set_visit_status(history, ids[2], "finalised")
    with pytest.raises(InvalidInput):
        ops.set_visit_status(history, ids[2], "done")
    assert ops.set_visit_status(history, ids[2], "in_progress").result.status == m.VisitStatus.IN_PROGRESS.value


def test_one_history_per_open_database_and_it_does_not_keep_a_closed_one_alive(tmp_path):
    import gc
    import weakref

    from visitapp.db import Database
    from visitapp.services import Services

    db = Database.open(tmp_path / "other.db")
    svc = Services(db)
    svc.series.create("Cykl")
    assert svc.history is history_for(db) and svc.history.undo_label == "Add series"
    with Database.open(tmp_path / "third.db") as third:
        assert history_for(third) is not svc.history and not history_for(third).can_undo
    gone = weakref.ref(db)
    db.close()
    del db, svc
    gc.collect()
    assert gone() is None


def test_an_operations_label_follows_the_language():
    from visitapp.i18n import current_language, set_language
    from visitapp.ops import edit_note

    before = current_language()
    try:
        set_language("en")
        assert edit_note.label == "Edit note"
        set_language("pl")
        assert edit_note.label != "Edit note" and edit_note.label
        set_language("en")
        assert edit_note.label == "Edit note"
    finally:
        set_language(before)
