"""The note save's connection: ``Database.core_write`` keeps one per writing thread (SQLite engines).

Taking a connection from the pool and giving it back cost about a tenth of a
note save (benchmarks/storage.py). These tests hold the promises that come
with keeping it: one connection for a thread's saves, none left behind by a
thread that has ended or by a closed database, a fresh one after a driver error.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import event

from visitapp.db import Database, database
from visitapp.errors import DatabaseLocked, NotFound
from visitapp.services import Identity, Services


def _one_note(svc: Services) -> str:
    org = svc.organisations.create("Hitachi Energy")
    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC))
    return svc.notes.add(visit.id, "Pierwsza wersja").id


@pytest.fixture
def note(svc) -> str:
    return _one_note(svc)


def _checkouts(db: Database) -> list[int]:
    seen: list[int] = []
    event.listen(db.engine.pool, "checkout", lambda dbapi_conn, _rec, _proxy: seen.append(id(dbapi_conn)))
    return seen


def test_a_threads_saves_share_one_connection_taken_once(db, svc, note):
    checkouts = _checkouts(db)
    for i in range(5):
        svc.notes.edit(note, text=f"Wersja {i}")
    assert len(checkouts) == 1  # the pool was asked once, for the first save
    assert svc.notes.get(note).text == "Wersja 4"


def test_the_connection_of_an_ended_thread_goes_back_when_another_thread_writes(db, svc, note):
    worker = threading.Thread(target=lambda: svc.notes.edit(note, text="Z wątku"))
    worker.start()
    worker.join()
    assert db.engine.pool.checkedout() == 1  # the worker's, kept while nobody else writes
    svc.notes.edit(note, text="Z głównego wątku")
    assert db.engine.pool.checkedout() == 1  # the main thread's only: the ended thread's went back
    assert svc.notes.get(note).text == "Z głównego wątku"


def test_close_gives_every_kept_connection_back_and_the_log_is_folded_in(db_path):
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    note = _one_note(svc)
    svc.notes.edit(note, text="Poprawiona")
    assert db.engine.pool.checkedout() == 1
    db.close()
    assert db.engine.pool.checkedout() == 0
    # The last connection to close checkpoints the write-ahead log into the file and removes it.
    assert not Path(f"{db_path}-wal").exists()
    with sqlite3.connect(db_path) as plain:
        assert plain.execute("SELECT text FROM notes WHERE uuid = ?", (note,)).fetchone() == ("Poprawiona",)


def test_a_refused_operation_keeps_the_connection(db, svc, note):
    checkouts = _checkouts(db)
    svc.notes.edit(note, text="Raz")
    with pytest.raises(NotFound):
        svc.notes.edit("00000000-0000-4000-8000-000000000000", text="Nie ma takiej")
    svc.notes.edit(note, text="Dwa")
    assert len(checkouts) == 1


def test_after_a_lock_error_the_next_save_starts_on_a_fresh_connection_and_is_stored(db_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    note = _one_note(svc)
    svc.notes.edit(note, text="Przed blokadą")
    checkouts = _checkouts(db)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked, match="in use by another program"):
            svc.notes.edit(note, text="W czasie blokady")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    svc.notes.edit(note, text="Po blokadzie")
    assert len(checkouts) == 1  # the failed save's connection was dropped; the next one came from the pool
    assert svc.notes.get(note).text == "Po blokadzie"
    db.close()


def test_a_write_running_while_the_database_closes_gives_its_connection_back_after(db_path):
    """A save still in its transaction when the database is closed keeps its connection until it ends;
    the thread's next write does not use it again (it would keep the closed database's file open)."""
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    note = _one_note(svc)
    inside, go_on = threading.Event(), threading.Event()
    seen: list[object] = []

    def slow_save() -> None:
        with db.core_write() as conn:
            seen.append(conn)
            inside.set()
            assert go_on.wait(30)
        with db.core_write() as conn:  # after the close: a fresh connection, the old one given back
            seen.append(conn)

    worker = threading.Thread(target=slow_save)
    worker.start()
    assert inside.wait(30)
    db.close()
    go_on.set()
    worker.join(30)
    assert not worker.is_alive()
    first, second = seen
    assert first is not second and getattr(first, "closed", False)
    assert svc.notes.get(note).text == "Pierwsza wersja"
    db.close()


def test_an_engine_transaction_that_fails_to_begin_frees_the_thread_and_the_next_save_works(db, svc, note, monkeypatch):
    """Whatever fails as the transaction begins (here the engine's own begin, a driver error) leaves no
    mark that this thread is writing: the next save on it is not refused as a write inside a write."""
    from sqlalchemy import exc

    begin = type(db.backend).write_transaction

    def failing(backend, conn):
        raise exc.OperationalError("BEGIN IMMEDIATE", (), sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(type(db.backend), "write_transaction", failing)
    with pytest.raises(DatabaseLocked):
        svc.notes.edit(note, text="Nie zapisze się")
    assert db._busy == set()
    monkeypatch.setattr(type(db.backend), "write_transaction", begin)
    svc.notes.edit(note, text="Zapisana")
    assert svc.notes.get(note).text == "Zapisana"
