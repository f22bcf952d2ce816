"""A process killed at a random moment loses nothing it had reported stored."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time

from tests.conftest import ROOT
from visitapp.db import Database
from visitapp.services import Identity, Services

WRITER = """
import sys, datetime as dt
from visitapp.db import Database
from visitapp.services import Identity, Services
svc = Services(Database.open(sys.argv[1]), Identity("crash test"))
visit = sys.argv[2]
i = 0
while True:
    note = svc.notes.add(visit, f"notatka numer {i} – zażółć gęślą jaźń", tags=["crash"])
    if i % 5 == 0:
        svc.notes.edit(note.id, text=f"notatka numer {i} – poprawiona")
    print(note.id, flush=True)  # reported only after the commit returned
    i += 1
"""


def test_sigkill_while_writing_loses_no_reported_note(db_path):
    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    import datetime as dt

    org = svc.organisations.create("Hitachi Energy")
    visit = svc.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC))
    db.close()

    rng = random.Random()
    for _round in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), visit.id],
            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        reported: list[str] = []
        wanted = rng.randint(20, 150)
        deadline = time.monotonic() + 60
        while len(reported) < wanted and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            reported.append(line.strip())
        time.sleep(rng.random() * 0.05)  # land somewhere inside the next write
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
        proc.wait()
        proc.stdout.close()
        assert len(reported) >= 20, "the writer did not get going"

        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            stored = {row[0] for row in conn.execute("SELECT uuid FROM notes")}
        finally:
            conn.close()
        assert set(reported) <= stored

    db = Database.open(db_path)
    svc = Services(db, Identity("t"))
    notes = svc.notes.list(visit.id)
    # The index survived the kills too: every stored note is found.
    assert len(svc.search.search("notatka", limit=10_000)) == len(notes)
    db.close()
