"""Two officials' minutes of one visit whose notes share their ids (one database copied from the other, as a
colleague who starts from a copy of the first official's file) merge into one note each, in either order.

Review 5 saw "each note and action item twice" after such a merge; the registry had two different visits
(the same notes filled into a Polish and an English visit), not one visit twice. This pins the merge rule.
"""

from __future__ import annotations

import shutil
import uuid as uuid_mod

import pytest
from registry_helpers import ANNA, PIOTR, Official, source_of
from sqlalchemy import func, select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.registry.merge import merge_record
from visitapp.services import Services


@pytest.fixture
def records(tmp_path):
    """Anna's version 1, then Piotr's version 2 made in a copy of her database (the same note and action ids)."""
    anna = Official(tmp_path / "anna.db", ANNA, str(uuid_mod.uuid4()))
    note = anna.note("Firma szuka spawaczy z certyfikatem.", section="future_skills")
    anna.svc.actions.from_note(note, owner="Grodzki Urząd Pracy")
    anna.svc.answers.set(anna.visit_id, "employees_now", 420)
    first = anna.finalise()
    anna.close()
    shutil.copy(tmp_path / "anna.db", tmp_path / "piotr.db")
    with Database.open(tmp_path / "piotr.db") as db:
        piotr = Services(db, PIOTR)
        piotr.notes.add(first.visit.id, "Brak mieszkań dla inżynierów.", section="barriers")
        piotr.answers.set(first.visit.id, "employees_now", 450)
        second = piotr.records.finalise(first.visit.id).record
    assert {n.id for n in first.notes} < {n.id for n in second.notes}  # the copy kept Anna's note ids
    return first, second


@pytest.mark.parametrize("order", ["anna first", "piotr first"])
def test_shared_ids_merge_into_one_note_and_one_action_each(records, db, order):
    first, second = records
    for record in (records if order == "anna first" else (second, first)):
        merge_record(db, record, source_of(record))
    with db.read() as s:
        notes = s.execute(select(m.Note.uuid, func.count()).group_by(m.Note.uuid)).all()
        actions = s.scalar(select(func.count()).select_from(m.ActionItem))
        visits = s.scalar(select(func.count()).select_from(m.Visit))
    assert visits == 1
    assert sorted(count for _uuid, count in notes) == [1, 1]  # Anna's note and Piotr's, each once
    assert actions == 1
