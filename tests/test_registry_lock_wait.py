"""A merge that finds the PostgreSQL registry busy waits for it (issue 14: "no error surfacing to the user").

Another writer holds the registry's write lock far longer than the lock
timeout (set to 300 ms here instead of 5 s): the merge's transaction times
out, is rolled back and runs again, until the other writer lets go; then the
file is accepted and nothing reaches the coordinator.  Only past the merge's
whole waiting time (10 minutes; 3 s here) is the file refused, in one
sentence, with nothing of it imported.  A real server, real signed files, a
real ``visitapp merge`` process, and the lock held by a real connection.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from registry_helpers import ANNA, PIOTR, Official, keys, sign_record
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from tests.conftest import ROOT
from visitapp.db import Database, database
from visitapp.db import models as m
from visitapp.db.engines.postgresql import WRITE_LOCK
from visitapp.registry.merge import Merger

DEADLINE_S = 120  # bounds every wait below; a hang fails, later

_MERGE_WITH_SHORT_LOCK_TIMEOUT = """
import sys
from visitapp.db import database
database.BUSY_TIMEOUT_MS = 300  # each lock wait gives up after 300 ms (5 s in the product)
from visitapp.cli import main
sys.exit(main(sys.argv[1:]))
"""


# A coordinator's merge that stops inside its transaction (holding its visit's keys) until the test says go.
_MERGE_PAUSED_UNTIL_GO = """
import sys, time
from pathlib import Path
from visitapp.db import Database
from visitapp.registry.merge import Merger

registry, pem, go, pdf = sys.argv[1:]
db = Database.open(registry)

def pause(_source):
    print("inside", flush=True)
    while not Path(go).exists():
        time.sleep(0.01)  # polling the file the test writes

[result] = Merger(db, [Path(pem)], before_commit=pause).merge_all([Path(pdf)])
db.close()
print(result.status, result.reason, flush=True)
"""


@pytest.fixture(scope="module")
def signed(tmp_path_factory) -> dict[str, Path]:
    """Anna's minutes of a visit, and Piotr's of the same visit (the same visit, organisation and people)."""
    import uuid

    folder = tmp_path_factory.mktemp("lock-wait")
    visit = str(uuid.uuid4())
    out: dict[str, Path] = {}
    for who, identity in (("anna", ANNA), ("piotr", PIOTR)):
        p12, out[f"{who}-pem"] = keys(folder, who, identity)
        official = Official(folder / f"{who}.db", identity, visit)
        official.note(f"{identity.name}: firma szuka spawaczy z certyfikatem; rozmowa z technikum.")
        out[who] = sign_record(official.finalise(), folder / f"{who}.pdf", p12)
        official.close()
    out["pdf"], out["pem"] = out["anna"], out["anna-pem"]
    return out


def _libpq(url: str) -> str:
    u = make_url(url)
    return f"host={u.query['host']} dbname={u.database} user={u.username}"


def _holding_the_write_lock(url: str) -> psycopg.Connection:
    """A connection holding the registry's write lock (as a trust change or an erasure does) until it commits."""
    conn = psycopg.connect(_libpq(url))
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    return conn


def _waiting_transactions(conn: psycopg.Connection) -> set[object]:
    """When each transaction now waiting for an advisory lock began (a retry is a new transaction)."""
    with psycopg.connect(conn.info.dsn, autocommit=True) as probe:
        return {row[0] for row in probe.execute(
            "SELECT xact_start FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' "
            "AND pid <> %s", (conn.info.backend_pid,))}


def _merged_files(url: str) -> int:
    with Database.open(url) as db, db.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.MergedFile)) or 0)


def _read_all(fd: int) -> str:
    """What a process wrote to the terminal whose master end is ``fd`` (it has exited)."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other end is closed and everything was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_a_merge_waits_out_a_lock_held_past_the_lock_timeout_and_is_accepted(signed, pg_url):
    """Its stderr a terminal, as a coordinator's: told that it waits, never that the registry is busy."""
    import pty

    Database.open(pg_url).close()  # the schema, so the merge below waits only for the lock
    holder = _holding_the_write_lock(pg_url)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en"}
    terminal, terminal_end = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", _MERGE_WITH_SHORT_LOCK_TIMEOUT, "merge", "--into", pg_url, "--trust",
         str(signed["pem"]), "--json", str(signed["pdf"])],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=terminal_end, text=True)
    os.close(terminal_end)
    try:
        # Hold the lock until the merge has timed out on it and tried again twice (three transactions seen
        # waiting): over 600 ms, twice the lock timeout.  Before, the first time-out was the file's end.
        attempts: set[object] = set()
        deadline = time.monotonic() + DEADLINE_S
        while len(attempts) < 3:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, attempts
            attempts |= _waiting_transactions(holder)
            time.sleep(0.02)  # polling the server's view of who waits, bounded by the deadline
        assert _merged_files(pg_url) == 0  # still waiting: nothing merged past the lock
    finally:
        holder.commit()  # the other writer is done
        holder.close()
    out, _err = proc.communicate(timeout=DEADLINE_S)
    shown = _read_all(terminal)
    os.close(terminal)
    assert proc.returncode == 0, shown + out
    # One line (a wait under 30 s), no "busy" or other error reached the coordinator.
    assert shown.startswith("Waiting for other coordinators' work on the registry (") and shown.count("\n") == 1
    assert shown.rstrip().endswith(f"s so far): {signed['pdf']}"), shown
    assert [f["status"] for f in json.loads(out)["files"]] == ["accepted"]
    assert _merged_files(pg_url) == 1


def test_past_the_whole_wait_the_file_is_refused_in_one_sentence_with_nothing_imported(signed, pg_url,
                                                                                      monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    db = Database.open(pg_url)
    told: list[tuple[str, int, float]] = []
    holder = _holding_the_write_lock(pg_url)
    try:
        merger = Merger(db, [signed["pem"]], wait_s=3.0, waiting=lambda *a: told.append(a))
        started = time.monotonic()
        [result] = merger.merge_all([signed["pdf"]])
        took = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    try:
        assert result.status == "rejected"
        assert result.reason.startswith("The registry stayed busy with other coordinators' work for ")
        assert result.reason.endswith("; nothing of this file was imported, merge it again later.")
        assert "\n" not in result.reason
        assert told, result.reason
        assert [t[1] for t in told] == list(range(1, len(told) + 1))  # each retry was told
        assert all(name == str(signed["pdf"]) for name, _n, _s in told)
        assert took < 30  # bounded: 3 s of waiting, then the answer
        assert _merged_files(pg_url) == 0
        # Once the other writer is gone, the same file merges.
        [again] = Merger(db, [signed["pem"]], wait_s=1.0).merge_all([signed["pdf"]])
        assert again.status == "accepted" and _merged_files(pg_url) == 1
    finally:
        db.close()


def test_a_merge_of_the_same_visit_waits_for_a_neighbours_merge_and_both_are_accepted(signed, pg_url, tmp_path):
    """Two real coordinators' processes: the first holds its visit's keys inside its transaction for longer than
    the second's lock timeout; the second waits (its transaction runs again) and merges once the first commits."""
    Database.open(pg_url).close()
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en"}
    first = subprocess.Popen([sys.executable, "-c", _MERGE_PAUSED_UNTIL_GO, pg_url, str(signed["anna-pem"]), str(go),
                              str(signed["anna"])], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    second = None
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "inside", first.communicate()
        second = subprocess.Popen(
            [sys.executable, "-c", _MERGE_WITH_SHORT_LOCK_TIMEOUT, "merge", "--into", pg_url, "--trust",
             str(signed["piotr-pem"]), "--json", str(signed["piotr"])],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        attempts: set[object] = set()
        deadline = time.monotonic() + DEADLINE_S
        with psycopg.connect(_libpq(pg_url)) as probe:
            while len(attempts) < 3:  # the second merge timed out on the first's keys twice, and tried again
                assert second.poll() is None, second.communicate()
                assert time.monotonic() < deadline, attempts
                attempts |= _waiting_transactions(probe)
                time.sleep(0.02)  # polling the server's view of who waits, bounded by the deadline
        go.touch()  # the first coordinator's merge commits
        out, err = second.communicate(timeout=DEADLINE_S)
        assert second.returncode == 0 and err.strip() == "", err + out
        assert [f["status"] for f in json.loads(out)["files"]] == ["accepted"]
        first_out, first_err = first.communicate(timeout=DEADLINE_S)
        assert first.returncode == 0 and first_out.strip() == "accepted", first_out + first_err
    finally:
        go.touch()
        for proc in (first, second):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.communicate()
    with Database.open(pg_url) as db, db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.MergedFile)) == 2
        assert s.scalar(select(func.count()).select_from(m.Visit)) == 1  # one visit, both officials' minutes
        assert s.scalar(select(func.count()).select_from(m.Note)) == 2


def test_on_sqlite_too_a_merge_waits_for_another_program_holding_the_file(signed, tmp_path, monkeypatch):
    """The same retry on an SQLite registry: another program holds the file locked past the busy timeout; it lets
    go when told of the merge's second retry, and the file is accepted."""
    import sqlite3

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    registry = tmp_path / "registry.db"
    db = Database.open(registry)
    holder = sqlite3.connect(registry, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    told: list[int] = []

    def waiting(_name: str, attempt: int, _waited: float) -> None:
        told.append(attempt)
        if attempt == 2 and holder.in_transaction:
            holder.execute("ROLLBACK")  # the other program is done

    try:
        [result] = Merger(db, [signed["pem"]], waiting=waiting).merge_all([signed["pdf"]])
        assert (result.status, told) == ("accepted", [1, 2]), result.reason
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(m.MergedFile)) == 1
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
        db.close()
