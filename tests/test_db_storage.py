"""The SQLite file: pragmas, and every way a file can be unusable (never modified, one sentence)."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import event, text

from visitapp.db import Database, database
from visitapp.errors import DatabaseError, DatabaseLocked, StorageFull
from visitapp.services import Identity, Services


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_wal_with_full_sync_and_foreign_keys(db):
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == database.head_revision()


def test_a_text_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("shopping list: milk, bread\n")
    before = digest(path)
    with pytest.raises(DatabaseError, match="is not a visitapp database"):
        Database.open(path)
    assert digest(path) == before


def test_a_foreign_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers(name) VALUES ('Zażółć')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseError, match="is not a visitapp database"):
        Database.open(path)
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def _close_cleanly(db: Database) -> None:
    raw = db.engine.raw_connection()
    raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    db.close()


def test_a_damaged_database_gets_one_sentence_and_is_not_modified(db_path):
    db = Database.open(db_path)
    Services(db, Identity("t")).organisations.create("Hitachi Energy")
    _close_cleanly(db)
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        Database.open(db_path)
    assert digest(db_path) == before


def test_a_database_from_a_newer_visitapp_is_refused_untouched(db_path):
    Database.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="newer version of visitapp"):
        Database.open(db_path)
    assert digest(db_path) == before


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseError, match="folder"):
        Database.open(tmp_path)


def test_a_locked_database_is_a_bounded_wait_then_one_sentence(db_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    org = svc.organisations.create("Hitachi Vantara")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked, match="in use by another program"):
            svc.organisations.update(org.id, sector="IT")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Once the other program lets go, work goes on and nothing was lost.
    assert svc.organisations.update(org.id, sector="IT").sector == "IT"
    db.close()


def test_two_writers_on_one_file_wait_for_each_other(db_path):
    """Two copies writing the same file: every note of both is stored."""
    first = Database.open(db_path)
    second = Database.open(db_path)
    a, b = Services(first, Identity("a")), Services(second, Identity("b"))
    org = a.organisations.create("Hitachi Energy")
    import datetime as dt

    visit = a.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC))
    errors: list[BaseException] = []

    def write(svc: Services, who: str) -> None:
        try:
            for i in range(40):
                svc.notes.add(visit.id, f"{who} {i}")
        except BaseException as err:  # collected for the assertion
            errors.append(err)

    threads = [threading.Thread(target=write, args=(s, n)) for s, n in ((a, "a"), (b, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(a.notes.list(visit.id)) == 80
    first.close()
    second.close()


def test_a_full_disk_is_one_sentence_and_keeps_what_was_stored(db_path):
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    org = svc.organisations.create("Hitachi Vantara")
    import datetime as dt

    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC))
    kept = svc.notes.add(visit.id, "stored before the disk filled up")
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def _tiny_disk(dbapi_conn, _record):  # the file may not grow any more: SQLITE_FULL
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(StorageFull, match="full"):
        svc.notes.add(visit.id, "x" * 200_000)
    assert [n.text for n in svc.notes.list(visit.id)] == [kept.text]
    db.close()


def test_backup_copies_a_live_wal_database(db, svc, tmp_path):
    svc.organisations.create("Hitachi Energy")
    copy = db.backup(tmp_path / "copy.db")
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT name FROM organisations").fetchall() == [("Hitachi Energy",)]
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_opening_a_database_another_program_holds_is_one_sentence(db_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    Database.open(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")  # an exclusive lock then blocks readers too
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO series(uuid, name, description, created_at, updated_at) "
                   "VALUES ('00000000-0000-0000-0000-000000000001', 'x', '', '2026-01-01', '2026-01-01')")
    try:
        with pytest.raises(DatabaseLocked, match="in use by another program"):
            Database.open(db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    Database.open(db_path).close()


def test_damage_outside_the_schema_is_found_before_anything_is_written(db_path):
    """A damaged data page: opening refuses, so no write can land in the damaged file."""
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    org = svc.organisations.create("Hitachi Energy")
    import datetime as dt

    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC))
    for i in range(300):
        svc.notes.add(visit.id, f"notatka {i} " + "tekst " * 40)
    _close_cleanly(db)
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'notes'").fetchone()[0]
    conn.close()
    data = bytearray(db_path.read_bytes())
    start = (root - 1) * page_size
    data[start:start + page_size] = b"\x00" * page_size  # the notes table's root page
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        Database.open(db_path)
    assert digest(db_path) == before
