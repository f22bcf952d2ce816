"""Undo then redo of every operation leaves the database exactly as before, then as after.

The comparison is a full ``iterdump`` of the real SQLite file, every data table
row by row, except the search index: ``search_docs`` and the FTS5 shadow tables
``search_fts_*`` are derived by triggers, and a re-indexed row legitimately gets
a new rowid and a new FTS segment layout. For those the dump holds the index's
content instead (kind, record, visit and text of every entry, rowids left out)
and FTS5's own integrity check must pass after every step.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from visitapp import ops
from visitapp.demo import create_demo
from visitapp.ops import Changes, history_for
from visitapp.services import Services


def dump(path) -> tuple[list[str], list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        lines = [line for line in conn.iterdump() if "search_docs" not in line and "search_fts" not in line]
        index = sorted(conn.execute("SELECT kind, ref_id, visit_id, body FROM search_docs"))
        conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")  # raises when out of step
        conn.rollback()
        return lines, index
    finally:
        conn.close()


@pytest.fixture
def world(svc, db_path):
    ids = create_demo(svc)
    history = history_for(svc.db, svc.identity)
    history.clear()
    return svc, history, ids, db_path


def _note(svc: Services, visit: str, n: int = 0, section: str | None = None):
    notes = [x for x in svc.notes.list(visit) if section is None or x.section == section]
    return notes[n]


def _commitment_with_action(svc: Services, visit: str):
    linked = {a.note_id for a in svc.actions.list(visit_id=visit) if a.note_id}
    return next(n for n in svc.notes.list(visit) if n.id in linked)


# Each case: (setup run before the measured step, returning the step to measure, which runs one operation).
Case = Callable[[Services, Any, list[str]], Callable[[], Changes]]

CASES: dict[str, Case] = {
    "add_note": lambda s, h, v: lambda: ops.add_note(h, v[0], "Firma planuje nowy dział", section="barriers",
                                                     kind="risk", tags=["kadry"]),
    "add_note_to_finalised_visit": lambda s, h, v: lambda: ops.add_note(h, v[1], "Dopisek po wizycie"),
    "edit_note_text": lambda s, h, v: (lambda n=_note(s, v[0]): lambda: ops.edit_note(h, n.id, text="Nowa treść"))(),
    "edit_note_kind_tags": lambda s, h, v: (lambda n=_note(s, v[0], 1): lambda: ops.edit_note(
        h, n.id, kind="decision", tags=["a", "b"]))(),
    "edit_note_of_finalised_visit": lambda s, h, v: (lambda n=_note(s, v[1]): lambda: ops.edit_note(
        h, n.id, text="Poprawka"))(),
    "set_note_visibility": lambda s, h, v: (lambda n=_note(s, v[0]): lambda: ops.set_note_visibility(
        h, n.id, "company"))(),
    "move_note": lambda s, h, v: (lambda n=_note(s, v[0]): lambda: ops.move_note(h, n.id, "requests", 0))(),
    "reorder_note": lambda s, h, v: (lambda n=_note(s, v[0], 0, "profile"): lambda: ops.reorder_note(h, n.id, 1))(),
    "delete_note_with_action": lambda s, h, v: (lambda n=_commitment_with_action(s, v[0]): lambda: ops.delete_note(
        h, n.id))(),
    "undelete_note": lambda s, h, v: (lambda n=_commitment_with_action(s, v[0]): (
        s.notes.delete(n.id), lambda: ops.undelete_note(h, n.id))[1])(),
    "make_action_new": lambda s, h, v: (lambda n=_note(s, v[0], 0): lambda: ops.make_action(
        h, n.id, owner="Urząd Pracy", due_date=dt.date(2026, 9, 1)))(),
    "make_action_existing": lambda s, h, v: (lambda n=_commitment_with_action(s, v[0]): lambda: ops.make_action(
        h, n.id, owner="GUP", due_date="2026-10-01"))(),
    "add_action": lambda s, h, v: lambda: ops.add_action(h, v[0], "Wysłać ofertę staży", owner="UMK"),
    "edit_action": lambda s, h, v: (lambda a=s.actions.list(visit_id=v[0])[0]: lambda: ops.edit_action(
        h, a.id, owner="Ktoś inny", due_date=None, description="Nowy opis"))(),
    "set_action_status": lambda s, h, v: (lambda a=s.actions.list(visit_id=v[0])[0]: lambda: ops.set_action_status(
        h, a.id, "done"))(),
    "delete_action": lambda s, h, v: (lambda a=s.actions.list(visit_id=v[0])[0]: lambda: ops.delete_action(
        h, a.id))(),
    "undelete_action": lambda s, h, v: (lambda a=s.actions.list(visit_id=v[0])[0]: (
        s.actions.delete(a.id), lambda: ops.undelete_action(h, a.id))[1])(),
    "set_answer_new": lambda s, h, v: lambda: ops.set_answer(h, v[1], "employees_now", 120),
    "set_answer_change": lambda s, h, v: lambda: ops.set_answer(h, v[0], "employees_now", 4321),
    "set_answer_clear": lambda s, h, v: lambda: ops.set_answer(h, v[0], "planned_hires", None),
    "create_visit": lambda s, h, v: (lambda o=s.organisations.find("")[0]: lambda: ops.create_visit(
        h, o.id, dt.datetime(2026, 6, 1, 10, tzinfo=dt.UTC), title="Druga wizyta", agenda=["Plany"]))(),
    "edit_visit": lambda s, h, v: lambda: ops.edit_visit(h, v[0], title="Nowy tytuł", place="Hala B",
                                                         agenda=["Jedno", "Dwa"]),
    "edit_finalised_visit": lambda s, h, v: lambda: ops.edit_visit(h, v[1], place="Sala 2"),
    "set_visit_status": lambda s, h, v: lambda: ops.set_visit_status(h, v[2], "in_progress"),
    "start_visit": lambda s, h, v: lambda: ops.start_visit(h, v[2]),
    "add_participant": lambda s, h, v: (lambda p=s.people.create("Zofia Nowa", institution="UMK"): (
        lambda: ops.add_participant(h, v[0], p.id, side="city", role="obserwatorka")))(),
    "edit_participant": lambda s, h, v: (lambda p=s.visits.get(v[0]).participants[0]: lambda: ops.edit_participant(
        h, p.id, side="other", role="gość"))(),
    "remove_participant": lambda s, h, v: (lambda p=s.visits.get(v[0]).participants[1]: (
        lambda: ops.remove_participant(h, p.id)))(),
    "create_organisation": lambda s, h, v: lambda: ops.create_organisation(h, "Nowa Fabryka", nip="5260001246"),
    "edit_organisation": lambda s, h, v: (lambda o=s.organisations.find("")[0]: lambda: ops.edit_organisation(
        h, o.id, name="Zmieniona nazwa", sector="IT"))(),
    "create_person": lambda s, h, v: lambda: ops.create_person(h, "Jan Nowy", email="jan@example.org"),
    "edit_person": lambda s, h, v: (lambda p=s.people.find("")[0]: lambda: ops.edit_person(
        h, p.id, name="Inne Nazwisko", role="dyrektor"))(),
    "create_series": lambda s, h, v: lambda: ops.create_series(h, "Cykl jesienny", "opis"),
    "prepare_new_visit": lambda s, h, v: (lambda known=s.people.find("")[0]: lambda: ops.prepare_visit(
        h,
        organisation={"name": "Nowa Fabryka", "nip": "5260001246", "sector": "produkcja"},
        visit={"starts_at": dt.datetime(2026, 7, 1, 9, tzinfo=dt.UTC), "title": "Wizyta", "place": "Hala",
               "agenda": ["Plany"]},
        participants=[{"name": known.name, "person_id": known.id, "side": "city", "role": ""},
                      {"name": "Jan Nowy", "institution": "Nowa Fabryka", "role": "prezes", "side": "company"}],
    ))(),
    "prepare_existing_visit": lambda s, h, v: (lambda vi=s.visits.get(v[0]): lambda: ops.prepare_visit(
        h, visit_id=vi.id,
        organisation={"id": vi.organisation.id, "name": "Inna firma"},  # a new name makes a new organisation
        visit={"title": "Zmieniony", "place": vi.place},
        participants=[{"participant_id": vi.participants[0].id, "person_id": vi.participants[0].person.id,
                       "name": vi.participants[0].person.name, "side": vi.participants[0].side},
                      {"name": "Ktoś Nowy", "institution": "GUP", "role": "doradca", "side": "city"}],
    ))(),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_undo_then_redo_restores_the_database_exactly(world, name):
    svc, history, ids, path = world
    step = CASES[name](svc, history, ids)
    history.clear()
    before = dump(path)
    changes = step()
    after = dump(path)
    assert after != before, "the operation changed nothing"
    assert not changes.empty and changes.kind == "do"
    assert history.undo_label == changes.label and history.redo_label is None

    undone = history.undo()
    assert dump(path) == before
    assert undone.kind == "undo" and undone.label == changes.label
    assert history.undo_label is None and history.redo_label == changes.label

    redone = history.redo()
    assert dump(path) == after
    assert redone.kind == "redo" and redone.label == changes.label
    for kind in ("notes", "visits", "actions", "answers", "participants", "organisations", "people", "series"):
        assert getattr(redone, kind).all == getattr(changes, kind).all, kind
    history.undo()
    assert dump(path) == before


def test_a_chain_of_operations_undoes_back_to_the_start_and_redoes_to_the_end(world):
    _svc, history, ids, path = world
    start = dump(path)
    note = ops.add_note(history, ids[0], "Pierwsza wersja", section="requests").result
    ops.edit_note(history, note.id, text="Druga wersja")
    ops.make_action(history, note.id, owner="UMK")
    ops.move_note(history, note.id, "follow_ups", 0)
    ops.delete_note(history, note.id)
    end = dump(path)
    for _ in range(5):
        history.undo()
    assert dump(path) == start and not history.can_undo
    for _ in range(5):
        history.redo()
    assert dump(path) == end and not history.can_redo
