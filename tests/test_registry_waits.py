"""Every coordinator's write waits for other coordinators' locks, as a merge does (issue 14: "no error surfacing").

Another writer holds the registry's write lock (a real second connection: SQLite's ``BEGIN EXCLUSIVE`` on the
file, PostgreSQL's write lock on the server) far past the lock timeout (300 ms here instead of 5 s).  A trust
change, a person's erasure, an action item's status and a settled disagreement time out on it, are rolled back
and run again; the holder lets go when it is told of the second retry, and the write is done, once.  With the
lock never released and the whole wait lowered (60 s in the product, under a second here), the same one sentence
as before reaches the coordinator and nothing is changed.  On both engines; the command line's wait line with a
real ``visitapp`` process on a terminal.
"""

from __future__ import annotations

import os
import select
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from registry_helpers import ANNA, dump, keys, merge_disagreeing
from test_registry_lock_wait import _MERGE_WITH_SHORT_LOCK_TIMEOUT as CLI_WITH_SHORT_LOCK_TIMEOUT
from test_registry_lock_wait import _libpq, _read_all

from tests.conftest import ROOT
from visitapp.db import Database, database
from visitapp.db.engines.postgresql import WRITE_LOCK
from visitapp.errors import DatabaseLocked
from visitapp.ops.history import history_for
from visitapp.registry import waiting
from visitapp.registry.persons import erase_person
from visitapp.registry.review import disagreements, resolve
from visitapp.registry.trust import TrustStore, load_certificate_file
from visitapp.services import Services

DEADLINE_S = 120  # bounds every wait below; a hang fails, later


class Holder:
    """Another coordinator's transaction holding the registry's write lock until :meth:`release`."""

    def __init__(self, target: Any) -> None:
        self.conn: Any
        if isinstance(target, Path):
            self.conn = sqlite3.connect(target, isolation_level=None)
            self.conn.execute("BEGIN EXCLUSIVE")
        else:
            self.conn = psycopg.connect(_libpq(target))
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        self.held = True

    def release(self) -> None:
        if self.held:
            self.held = False
            self.conn.rollback()  # the other coordinator is done (it wrote nothing)
            self.conn.close()


@pytest.fixture
def registry(registry_target, tmp_path, monkeypatch) -> Iterator[dict[str, Any]]:
    """A registry with a person, an open disagreement (two officials' places of one visit) and a certificate to
    trust; each lock wait gives up after 300 ms."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    db = Database.open(registry_target)
    visit = merge_disagreeing(db, tmp_path)
    person = Services(db, ANNA).people.create("Jan Kowalski", email="jan.kowalski@example.org")
    action = Services(db, ANNA).actions.add(visit, "Przesłać listę kursów spawania", owner="GUP")
    (disagreement,) = disagreements(db)
    _p12, pem = keys(tmp_path, "anna", ANNA)
    try:
        yield {"db": db, "target": registry_target, "person": person.id, "disagreement": disagreement.id,
               "visit": visit, "action": action.id, "certs": load_certificate_file(pem), "pem": pem}
    finally:
        db.close()


@pytest.fixture
def told(monkeypatch) -> list[tuple[str, int, float]]:
    """Every retry a write waiting for other coordinators announced (the CLI prints them on a terminal)."""
    seen: list[tuple[str, int, float]] = []
    previous = waiting.set_default_waiting(lambda *a: seen.append(a))
    yield seen
    waiting.set_default_waiting(previous)


def _released_at_second_retry(holder: Holder, told: list[tuple[str, int, float]]) -> None:
    """The holder lets go when the waiting write announces its second retry (it timed out on the lock twice)."""

    def tell(*announced: Any) -> None:
        told.append(announced)
        if announced[1] == 2:
            holder.release()

    waiting.set_default_waiting(tell)


def _writes(reg: dict[str, Any]) -> list[tuple[str, Callable[[], Any]]]:
    db = reg["db"]
    return [
        ("trust add", lambda: TrustStore(db).add(reg["certs"])),
        ("person erase", lambda: erase_person(db, reg["person"])),
        ("action status", lambda: Services(db, ANNA).actions.update(reg["action"], status="done")),
        ("review decision", lambda: resolve(db, reg["disagreement"], "other")),
    ]


def test_each_write_waits_out_another_coordinators_lock_and_is_done_once(registry, told):
    db = registry["db"]
    results = {}
    for name, write in _writes(registry):
        told.clear()
        holder = Holder(registry["target"])
        try:
            _released_at_second_retry(holder, told)
            results[name] = write()
        finally:
            holder.release()
        assert [t[1] for t in told] == [1, 2], name  # timed out twice on the lock, then went through
    assert [t.fingerprint for t in TrustStore(db).list()] == [results["trust add"][0].fingerprint]
    assert results["person erase"].person_id == registry["person"]
    assert results["review decision"].resolved
    assert results["action status"].status == "done"
    assert Services(db, ANNA).actions.get(registry["action"]).status == "done"
    person = Services(db, ANNA).people.get(registry["person"])
    assert person.name.startswith("Erased person ") and person.email == ""
    assert disagreements(db) == []
    assert Services(db, ANNA).visits.get(registry["visit"]).place == "Zakład w Niepołomicach"
    # The settled disagreement is one undo step (the busy attempts left none), and undoing it reopens it.
    history = history_for(db)
    assert history.undo_label == "Settle a disagreement"
    history.undo()
    assert [d.id for d in disagreements(db)] == [registry["disagreement"]]


def test_past_the_whole_wait_the_same_sentence_as_before_and_nothing_changed(registry, told, monkeypatch):
    monkeypatch.setattr(waiting, "REGISTRY_WAIT_S", 0.8)
    db = registry["db"]
    busy = ("is busy with another coordinator's work; try again in a moment." if isinstance(registry["target"], str)
            else "is in use by another program (perhaps another copy of visitapp); close it and try again.")
    for name, write in _writes(registry):
        told.clear()
        before = dump(db)
        holder = Holder(registry["target"])
        try:
            started = time.monotonic()
            with pytest.raises(DatabaseLocked) as refused:
                write()
            took = time.monotonic() - started
        finally:
            holder.release()
        assert str(refused.value).startswith("The database ") and str(refused.value).endswith(busy), name
        assert told, name  # it did wait and run again before giving up
        assert 0.6 < took < 10, (name, took)  # bounded by the lowered wait, not by a single lock timeout
        assert dump(db) == before, name
    assert TrustStore(db).list() == []
    assert Services(db, ANNA).people.get(registry["person"]).name == "Jan Kowalski"
    assert [d.id for d in disagreements(db)] == [registry["disagreement"]]
    assert Services(db, ANNA).actions.get(registry["action"]).status == "open"


def _line_from(fd: int, proc: subprocess.Popen[str]) -> str:
    """The first line a process writes to the terminal whose master end is ``fd`` (waiting for it, bounded)."""
    got = b""
    deadline = time.monotonic() + DEADLINE_S
    while b"\n" not in got:
        left = deadline - time.monotonic()
        assert left > 0 and proc.poll() is None, (got, proc.communicate())
        ready, _w, _x = select.select([fd], [], [], min(left, 1.0))
        if ready:
            got += os.read(fd, 4096)
    return got.decode("utf-8").replace("\r\n", "\n")


def test_the_command_line_says_it_waits_on_its_terminal_then_trusts(registry):
    """A real ``visitapp trust add`` (its stderr a terminal): one translated line that it waits for other
    coordinators; the test lets go of the lock when that line arrives, and the signer is trusted."""
    import pty

    holder = Holder(registry["target"])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "pl"}
    terminal, terminal_end = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI_WITH_SHORT_LOCK_TIMEOUT, "trust", "add", "--db", str(registry["target"]),
         str(registry["pem"])], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=terminal_end, text=True)
    os.close(terminal_end)
    try:
        first = _line_from(terminal, proc)
        assert TrustStore(registry["db"]).list() == []  # still waiting
    finally:
        holder.release()
    out, _err = proc.communicate(timeout=DEADLINE_S)
    shown = first + _read_all(terminal)
    os.close(terminal)
    assert proc.returncode == 0, shown + out
    assert shown.startswith("Czekam, aż inni koordynatorzy skończą pracę w rejestrze (dotąd ")
    assert shown.count("\n") == 1, shown  # one line: no "busy", no traceback
    assert out.startswith("Zaufano: Anna Nowak ("), out
    assert [t.subject for t in TrustStore(registry["db"]).list()] == ["Anna Nowak"]
