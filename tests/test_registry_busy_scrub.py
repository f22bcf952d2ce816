"""Waits that end in "busy" leave nothing half done (issue 14, a review of the retry loop).

* An erasure is committed, then another coordinator takes the write lock before the files' scrub (VACUUM):
  the scrub stays busy past the whole wait. The coordinator hears the busy sentence, and yet the upgrade
  backups that held the person's name are gone: they go with a committed erasure, whatever the scrub does.
* A thread marked impatient (the desktop's one DB worker) tries a registry write once and says busy at once,
  so no note saved behind it waits a minute; a call that names its own bound (a merge) still waits.
"""

from __future__ import annotations

import sqlite3
import threading

import pytest

from visitapp.db import Database, database
from visitapp.errors import DatabaseLocked
from visitapp.registry import persons, waiting
from visitapp.services import Identity, Services


def test_a_committed_erasure_removes_the_backups_even_when_the_scrub_stays_busy(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(waiting, "REGISTRY_WAIT_S", 0.5)
    path = tmp_path / "registry.db"
    db = Database.open(path)
    svc = Services(db, Identity("koordynatorka"))
    person = svc.people.create("Jan Kowalski", email="jan@example.org").id
    backup = tmp_path / "registry.before-upgrade-0007-20260101T000000Z.db"
    backup.write_bytes(b"SQLite format 3\x00 Jan Kowalski")  # what an upgrade's copy holds
    holder: list[sqlite3.Connection] = []
    erase = persons._erase_in_one_transaction

    def erase_then_another_coordinator_writes(*args):
        done = erase(*args)  # committed
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # a real second writer, holding the lock through the scrub
        holder.append(other)
        return done

    monkeypatch.setattr(persons, "_erase_in_one_transaction", erase_then_another_coordinator_writes)
    try:
        with pytest.raises(DatabaseLocked):
            persons.erase_person(db, person)
    finally:
        for other in holder:
            other.rollback()
            other.close()
    assert not backup.exists()
    assert svc.people.get(person).name.startswith("Erased person")
    db.close()


def _busy(attempts: list[int]):
    def call():
        attempts.append(1)
        raise DatabaseLocked("The registry is busy.")
    return call


def _on_a_thread(fn) -> BaseException | None:
    errors: list[BaseException] = []

    def run():
        try:
            fn()
        except BaseException as err:  # kept for the assertion
            errors.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    return errors[0] if errors else None


def test_an_impatient_thread_tries_a_registry_write_once(monkeypatch):
    monkeypatch.setattr(waiting, "FIRST_PAUSE_S", 0.01)
    attempts: list[int] = []

    def impatient():
        waiting.no_waiting_on_this_thread()
        waiting.patiently(_busy(attempts), what="trust add")

    assert isinstance(_on_a_thread(impatient), DatabaseLocked)
    assert len(attempts) == 1


def test_an_own_bound_still_waits_on_an_impatient_thread_and_other_threads_wait(monkeypatch):
    monkeypatch.setattr(waiting, "FIRST_PAUSE_S", 0.01)
    monkeypatch.setattr(waiting, "REGISTRY_WAIT_S", 0.2)
    merge_attempts: list[int] = []

    def merge_like():
        waiting.no_waiting_on_this_thread()
        waiting.patiently(_busy(merge_attempts), what="merge", wait_s=0.2)

    assert isinstance(_on_a_thread(merge_like), DatabaseLocked)
    assert len(merge_attempts) > 1
    other_attempts: list[int] = []
    assert isinstance(_on_a_thread(lambda: waiting.patiently(_busy(other_attempts), what="trust add")),
                      DatabaseLocked)
    assert len(other_attempts) > 1  # the mark is the marked thread's alone
