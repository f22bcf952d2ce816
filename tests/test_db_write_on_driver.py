"""The note save's transaction on the SQLite driver itself (``visitapp/db/engines/sqlite_write.py``).

SQLAlchemy's begin, commit and event dispatch cost a quarter of what the operation layer adds to
a save on a large file, so ``Database.core_write`` begins and commits on the driver. What must
hold: the save is still one transaction that takes the write lock first; its lemmas are written
before COMMIT; listeners of the engine's begin and commit events (the GUI's thread guard, tests)
still hear every save; a statement through SQLAlchemy joins the transaction and is committed or
rolled back with it; a transaction ended under it stores nothing and says so; an error rolls
back everything.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest
from sqlalchemy import event, exc, select, text

from tests.test_ops_undo import dump
from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import DatabaseLocked, InvalidInput
from visitapp.ops import edit_note, history_for
from visitapp.services import Identity, Services


@pytest.fixture
def saved(tmp_path):
    db = Database.open(tmp_path / "d.db")
    svc = Services(db, Identity("Ewa"))
    org = svc.organisations.create("Spawalnia Nowa Huta")
    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC))
    note = svc.notes.add(visit.id, "Pierwsza wersja").id
    yield db, svc, note, tmp_path / "d.db"
    db.close()


def _text(path, uuid: str) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT text FROM notes WHERE uuid = ?", (uuid,)).fetchone()[0]


def test_the_transaction_is_the_drivers_and_holds_the_write_lock_from_its_start(saved):
    db, _svc, _note, path = saved
    with db.core_write() as conn:
        driver = conn.connection.dbapi_connection
        assert driver.in_transaction and not conn.in_transaction()  # begun on the driver, not by SQLAlchemy
        other = sqlite3.connect(path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")  # BEGIN IMMEDIATE: the write lock is taken at once
        finally:
            other.close()
    assert not driver.in_transaction


def test_a_save_is_heard_by_listeners_of_begin_and_commit_and_writes_its_lemmas_first(saved):
    db, svc, note, _path = saved
    heard: list[str] = []
    pending_at_commit: list[int] = []

    def on_commit(conn) -> None:
        heard.append("commit")
        pending_at_commit.append(conn.connection.dbapi_connection.execute(
            "SELECT count(*) FROM search_docs WHERE lemmas IS NULL").fetchone()[0])

    event.listen(db.engine, "begin", lambda conn: heard.append("begin"))
    event.listen(db.engine, "commit", on_commit)
    edit_note(history_for(db, svc.identity), note, text="Brakuje spawaczy i elektryków")
    assert heard == ["begin", "commit"]
    assert pending_at_commit == [0]  # analysed before the listeners' turn, as the engine's hook runs first
    assert [h.ref_id for h in svc.search.search("elektryk")] == [note]


def test_a_statement_through_sqlalchemy_joins_and_is_committed_with_the_save(saved):
    db, _svc, note, path = saved
    with db.core_write() as conn:
        conn.connection.dbapi_connection.execute("UPDATE notes SET text = 'z bazy' WHERE uuid = ?", (note,))
        conn.execute(text("UPDATE organisations SET name = 'Huta' WHERE 1"))  # SQLAlchemy begins: it joins
        assert conn.in_transaction()
    assert _text(path, note) == "z bazy"
    with db.read() as s:
        assert s.scalar(select(m.Organisation.name)) == "Huta"


def test_an_error_rolls_back_what_the_driver_and_sqlalchemy_wrote(saved):
    db, _svc, note, path = saved
    before = dump(path)
    with pytest.raises(ValueError, match="stop"), db.core_write() as conn:
        conn.connection.dbapi_connection.execute("UPDATE notes SET text = 'nie' WHERE uuid = ?", (note,))
        conn.execute(text("UPDATE organisations SET name = 'Nie' WHERE 1"))
        raise ValueError("stop")
    assert dump(path) == before
    with db.core_write() as conn:  # the kept connection is usable again
        conn.connection.dbapi_connection.execute("UPDATE notes SET text = 'tak' WHERE uuid = ?", (note,))
    assert _text(path, note) == "tak"


def test_a_transaction_ended_under_the_save_stores_nothing_and_says_so(saved):
    """A Session bound to the connection rolls back at close what it began: loud, never half stored."""
    from sqlalchemy.orm import Session

    db, _svc, note, path = saved
    with pytest.raises(RuntimeError, match="ended inside it"), db.core_write() as conn:
        conn.connection.dbapi_connection.execute("UPDATE notes SET text = 'zgubione' WHERE uuid = ?", (note,))
        with Session(bind=conn) as s:
            s.execute(text("SELECT 1"))
    assert _text(path, note) == "Pierwsza wersja"


def test_a_held_lock_is_one_sentence_and_the_next_save_works(saved, monkeypatch):
    db, svc, note, path = saved
    monkeypatch.setattr(db.backend, "lock_timeout_ms", 100)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLocked):
            svc.notes.edit(note, text="Podczas blokady")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert svc.notes.edit(note, text="Po blokadzie").text == "Po blokadzie"
    assert _text(path, note) == "Po blokadzie"


def test_a_short_id_is_found_inside_the_saves_own_transaction(saved):
    db, svc, note, path = saved
    edit_note(history_for(db, svc.identity), note[:8], text="Po krótkim id")
    assert _text(path, note) == "Po krótkim id"
    with pytest.raises(InvalidInput, match="at least 4"):
        svc.notes.edit(note[:2], text="za krótko")


def test_saves_on_two_threads_each_commit_their_own(saved):
    db, svc, note, path = saved
    history = history_for(db, svc.identity)
    errors: list[BaseException] = []

    def save(i: int) -> None:
        try:
            edit_note(history, note, text=f"Wersja z wątku {i}")
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert _text(path, note).startswith("Wersja z wątku ")


def test_a_write_inside_a_write_on_one_thread_is_refused_and_the_outer_one_stands(saved):
    db, _svc, note, path = saved
    with db.core_write() as conn:
        conn.connection.dbapi_connection.execute("UPDATE notes SET text = 'zewnętrzna' WHERE uuid = ?", (note,))
        with pytest.raises(exc.InvalidRequestError, match="already open"), db.core_write():
            pass
        assert conn.connection.dbapi_connection.in_transaction  # the outer transaction is still open
    assert _text(path, note) == "zewnętrzna"


def test_an_error_from_a_begin_listener_rolls_back_and_frees_the_write_lock(saved):
    db, svc, note, path = saved

    def refuse(_conn) -> None:
        raise ValueError("no")

    event.listen(db.engine, "begin", refuse)
    try:
        with pytest.raises(ValueError, match="no"):
            svc.notes.edit(note, text="nie")
    finally:
        event.remove(db.engine, "begin", refuse)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # the write lock was given back
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert svc.notes.edit(note, text="tak").text == "tak"


def test_listeners_are_counted_as_sqlalchemy_counts_them_wherever_they_listen(saved):
    """The save's own count of begin and commit listeners agrees with len() on every level one may listen on."""
    from sqlalchemy import Connection, Engine

    from visitapp.db.engines.sqlite_write import listeners

    db, svc, note, _path = saved

    def heard(_conn):
        return None

    with db.core_write() as conn:
        for name in ("begin", "commit"):
            for target in (db.engine, db._write_engine, conn, Engine, Connection):
                counts = [listeners(getattr(conn.dispatch, name))]
                event.listen(target, name, heard)
                counts.append(listeners(getattr(conn.dispatch, name)))
                assert counts[-1] == len(getattr(conn.dispatch, name))
                event.remove(target, name, heard)
                counts.append(listeners(getattr(conn.dispatch, name)))
                assert counts == [1, 2, 1], (name, target)
    # And a save then dispatches to a listener on the engine (the count said "more than ours").
    seen: list[str] = []
    event.listen(db.engine, "commit", lambda _conn: seen.append("commit"))
    edit_note(history_for(db, svc.identity), note, text="Druga wersja")
    assert seen == ["commit"]
