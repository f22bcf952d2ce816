"""A merge asks the database little (issue 14): on PostgreSQL every statement is a round trip to the server.

Counted with SQLAlchemy's own statement events on a real registry of each engine; the budget is what the merge
of a new visit needs (locks, the file's and the author's earlier versions, one probe of what exists, the inserts),
so a look-up per row, a per-table read of undo images or a second transaction per file shows as a failure.
"""

from __future__ import annotations

import contextlib
import uuid as uuid_mod
from collections.abc import Iterator

import pytest
from registry_helpers import ANNA, PIOTR, Official, source_of
from sqlalchemy import event, func, select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.ops.history import history_for
from visitapp.registry.merge import merge_record
from visitapp.services import Identity, Services

#: Statements for a new visit with two participants (five each: look-ups by id, e-mail and name, inserts),
#: four notes and an action item: 24 on SQLite (a note an INSERT), 23 on PostgreSQL (locks; notes in one
#: INSERT); 36 and 35 before the probe, the single merged-files query and the untracked undo images.
BUDGET = 26


@pytest.fixture
def registry(registry_target):
    db = Database.open(registry_target)
    yield db
    db.close()


@contextlib.contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    sent: list[str] = []

    def seen(_conn, _cursor, statement, _params, _context, _many) -> None:
        sent.append(" ".join(statement.split())[:100])

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)


def _official(tmp_path, identity, visit_uuid: str) -> Official:
    official = Official(tmp_path / f"{identity.name.split()[0]}.db", identity, visit_uuid)
    for n in range(3):
        official.note(f"Notatka {n} o kompetencjach przyszłości.", tags=["kompetencje"])
    commitment = official.note("Przesłać listę techników.", section="follow_ups", kind="commitment")
    official.svc.actions.from_note(commitment, owner="GUP", due_date="2026-04-30")
    return official


def test_merging_a_new_visit_takes_few_statements(registry, tmp_path):
    anna = _official(tmp_path, ANNA, str(uuid_mod.uuid4()))
    record = anna.finalise()
    anna.close()
    with statements(registry) as sent:
        result = merge_record(registry, record, source_of(record))
    assert result.status == "accepted", result.reason
    assert result.changes["visits_added"] == 1 and result.changes["notes_added"] == 4
    assert result.changes["actions_added"] == 1 and result.changes["people_added"] == 2
    assert len(sent) <= BUDGET, "\n".join(sent)
    with registry.read() as s:  # what the skipped look-ups would have found is all there
        assert s.scalar(select(func.count()).select_from(m.Provenance)) == 5
        assert s.scalar(select(func.count()).select_from(m.Organisation)) == 1

    with statements(registry) as again:  # the same file: "unchanged" after one look-up of its hash
        assert merge_record(registry, record, source_of(record)).status == "unchanged"
    assert len(again) <= 6, "\n".join(again)


def test_a_merge_still_finds_what_exists_and_clears_the_undo_history(registry, tmp_path):
    visit_uuid = str(uuid_mod.uuid4())
    anna, piotr = _official(tmp_path, ANNA, visit_uuid), _official(tmp_path, PIOTR, visit_uuid)
    first, second = anna.finalise(), piotr.finalise()
    merge_record(registry, first, source_of(first))
    history = history_for(registry)
    Services(registry, Identity("Koordynator")).notes.add(visit_uuid, "Uwaga koordynatora.")
    assert history.can_undo
    assert merge_record(registry, first, source_of(first)).status == "unchanged"
    assert history.can_undo  # a merge that wrote nothing leaves the history as it was

    result = merge_record(registry, second, source_of(second))  # the same visit, organisation and people
    assert result.status == "accepted" and result.changes == {
        "notes_added": 4, "actions_added": 1, "people_added": 1, "participants_added": 1}  # Piotr himself
    assert not history.can_undo  # not undoable: the history starts anew after it
    with registry.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Visit)) == 1
        assert s.scalar(select(func.count()).select_from(m.Person)) == 3
    anna.close()
    piotr.close()
