"""Coordinators merging at the same time into one PostgreSQL registry (issue 14).

Three real ``visitapp merge --into URL`` processes start together on an
empty database with overlapping signed files (the same files, and two
officials' minutes of the same visits, organisation and people): afterwards
every visit, organisation, person, note and merged file is there once, every
note keeps the provenance of the file that brought it, each file was accepted
by exactly one process and found "unchanged" by the others, and no process
reported an error.

Then, in one process: a merge paused inside its transaction holds only its
own keys, so a merge of an unrelated visit runs beside it while a merge of
the same visit waits for it (on PostgreSQL; SQLite runs writers one by one).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from registry_helpers import ANNA, PIOTR, Official, keys, sign_record, source_of
from sqlalchemy import func, select, text

from tests.conftest import ROOT
from visitapp.db import Database
from visitapp.db import models as m
from visitapp.exchange.record import VisitRecord
from visitapp.registry.apply import merge_record

VISITS = 3
NOTES = 3
ENGINE_WAIT_S = 60


def _official_records(folder: Path) -> list[tuple[str, VisitRecord]]:
    """Anna's and Piotr's minutes of the same VISITS visits (one organisation, the same company manager)."""
    import uuid

    out = []
    for n in range(VISITS):
        visit_uuid = str(uuid.uuid4())
        for who, identity in (("anna", ANNA), ("piotr", PIOTR)):
            official = Official(folder / f"{who}-{n}.db", identity, visit_uuid)
            for k in range(NOTES):
                official.note(f"{identity.name}, wizyta {n}, notatka {k}: łączność z uczelniami.")
            out.append((who, official.finalise()))
            official.close()
    return out


@pytest.fixture(scope="module")
def signed(tmp_path_factory) -> dict[str, list[Path]]:
    folder = tmp_path_factory.mktemp("concurrent")
    pems, p12s = {}, {}
    for who, identity in (("anna", ANNA), ("piotr", PIOTR)):
        p12s[who], pems[who] = keys(folder, who, identity)
    files = [sign_record(record, folder / f"{who}-{i}.pdf", p12s[who])
             for i, (who, record) in enumerate(_official_records(folder))]
    return {"files": files, "pems": list(pems.values())}


def _merge_process(url: str, pems: list[Path], files: list[Path]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en"}
    trust = [arg for pem in pems for arg in ("--trust", str(pem))]
    return subprocess.Popen([sys.executable, "-m", "visitapp", "merge", "--into", url, "--json", *trust,
                             *map(str, files)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)


def test_three_coordinators_merge_overlapping_files_at_once(signed, pg_url):
    files = signed["files"]
    anna, piotr = files[0::2], files[1::2]
    batches = [
        anna + piotr[:1],                 # one coordinator: Anna's minutes and Piotr's first
        list(reversed(piotr)) + anna[:1],  # another: Piotr's, from the last, and Anna's first
        files[::-1],                       # the third: everything, from the last
    ]
    procs = [_merge_process(pg_url, signed["pems"], batch) for batch in batches]
    outputs = []
    try:
        for proc in procs:
            out, err = proc.communicate(timeout=240)
            assert proc.returncode == 0, err + out
            assert err.strip() == ""  # no error reached the coordinator
            outputs.append(json.loads(out))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()

    statuses: dict[str, Counter[str]] = {str(f): Counter() for f in files}
    for out in outputs:
        for result in out["files"]:
            statuses[result["file"]][result["status"]] += 1
    for name, seen in statuses.items():
        assert seen["accepted"] == 1, (name, seen)  # merged by exactly one process …
        assert set(seen) <= {"accepted", "unchanged"}, (name, seen)  # … found merged by the others

    db = Database.open(pg_url)
    try:
        with db.read() as s:
            count = {model.__tablename__: s.scalar(select(func.count()).select_from(model)) for model in (
                m.Visit, m.Organisation, m.Person, m.Note, m.MergedFile, m.Participant)}
            assert count == {"visits": VISITS, "organisations": 1, "people": 3,  # Anna, Piotr, the manager
                             "notes": VISITS * 2 * NOTES, "merged_files": VISITS * 2, "participants": VISITS * 3}
            # Every note's provenance is the file that brought it, signed by its author.
            rows = s.execute(select(m.Note.text, m.MergedFile.signer_name).join(
                m.Provenance, (m.Provenance.item_kind == "note") & (m.Provenance.item_uuid == m.Note.uuid)).join(
                m.MergedFile, m.MergedFile.id == m.Provenance.merged_file_id)).all()
            assert len(rows) == VISITS * 2 * NOTES
            assert all(note.startswith(signer) for note, signer in rows)
            assert s.scalar(select(func.count()).select_from(m.Disagreement)) == 0
    finally:
        db.close()


@pytest.fixture
def paused_world(tmp_path, pg_url):
    """Three open views of one PostgreSQL registry (as three coordinators' processes have), and three records:
    two officials' minutes of one visit, and minutes of another visit at another company with no one in common."""
    import uuid

    from visitapp.exchange.record import dump_record

    shared = str(uuid.uuid4())
    records = []
    for name, identity, visit_uuid, nip, org in (
            ("first", ANNA, shared, "1260181594", "Hitachi Vantara"),
            ("same-visit", PIOTR, shared, "1260181594", "Hitachi Vantara"),
            ("elsewhere", PIOTR, str(uuid.uuid4()), "9301661310", "Comarch")):
        official = Official(tmp_path / f"{name}.db", identity, visit_uuid, nip=nip, org_name=org)
        official.note(f"{name}: kompetencje przyszłości.")
        records.append(official.finalise())
        official.close()
    data = dump_record(records[2])
    data["participants"] = []  # the helper's company manager takes part in every visit: not in this one
    records[2] = VisitRecord.model_validate(data)
    views = [Database.open(pg_url) for _ in records]
    yield views, records
    for db in views:
        db.close()


def _waiting_for_advisory_locks(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"))
                   .scalar_one())


def test_a_merge_holds_only_its_own_keys(paused_world):
    views, (first, same_visit, elsewhere) = paused_world
    inside, release = threading.Event(), threading.Event()
    status: dict[str, str] = {}

    def pause(_source) -> None:
        inside.set()
        assert release.wait(ENGINE_WAIT_S)

    def run(db: Database, name: str, record: VisitRecord, **kw) -> None:
        status[name] = merge_record(db, record, source_of(record), **kw).status

    held = threading.Thread(target=run, args=(views[0], "first", first), kwargs={"before_commit": pause})
    held.start()
    waiting = threading.Thread(target=run, args=(views[1], "same-visit", same_visit))
    try:
        assert inside.wait(ENGINE_WAIT_S)
        # Another visit, organisation and people: merged while the first merge is inside its transaction.
        run(views[2], "elsewhere", elsewhere)
        assert status["elsewhere"] == "accepted"
        # The same visit: waits on the first merge's keys until it commits.
        waiting.start()
        deadline = time.monotonic() + ENGINE_WAIT_S
        while _waiting_for_advisory_locks(views[2]) == 0:
            assert waiting.is_alive() and time.monotonic() < deadline
            time.sleep(0.01)
        assert "same-visit" not in status
    finally:
        release.set()
        held.join(ENGINE_WAIT_S)
    waiting.join(ENGINE_WAIT_S)
    assert status == {"first": "accepted", "elsewhere": "accepted", "same-visit": "accepted"}
    with views[2].read() as s:
        assert s.scalar(select(func.count()).select_from(m.Visit)) == 2
        assert s.scalar(select(func.count()).select_from(m.Organisation)) == 2
        assert s.scalar(select(func.count()).select_from(m.Person)) == 3  # Anna, Piotr, the company's manager
        assert s.scalar(select(func.count()).select_from(m.MergedFile)) == 3
