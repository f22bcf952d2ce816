"""``visitapp registry copy``: a whole registry between engines, in one verified transaction (issue 14).

The source is a real registry: the demo visits plus an official's signed
minutes merged in two versions (so a merged file is superseded by a later
one: a row referring to a row after it).  Everything goes through the real
command line, and what the coordinator sees (``visits``, ``show``,
``actions``, ``--json``) must be the same on the copy, on PostgreSQL and back.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from registry_helpers import ANNA, Official, keys, sign_record

from tests.conftest import run_cli
from visitapp.cli import main
from visitapp.db import Database
from visitapp.registry.copy import digest_of, tables


def cli(*args: str, ok: bool = True, env: dict[str, str] | None = None):
    """``visitapp ARGS`` in a real process."""
    result = run_cli(*args, timeout=120, env=env)
    if ok:
        assert result.returncode == 0, result.stderr + result.stdout
    return result


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys, monkeypatch):
    """``visitapp ARGS`` through the real command line in this process (each process start costs seconds)."""
    monkeypatch.setenv("VISITAPP_LANG", "en")

    def call(*args: str, ok: bool = True) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        if ok:
            assert code == 0, err + out
        return Ran(code, out, err)

    return call


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """A registry file: demo visits, and Anna's signed minutes merged as version 1, then version 2."""
    folder = tmp_path_factory.mktemp("copy-source")
    registry = folder / "registry.db"
    assert main(["demo", "--db", str(registry)]) == 0
    official = Official(folder / "anna.db", ANNA)
    official.note("Firma planuje zatrudnić 40 inżynierów; łączność z uczelniami.", tags=["kadry"])
    v1 = official.finalise()
    official.note("Wersja druga: spotkanie z technikum w maju.")
    v2 = official.finalise()
    official.close()
    p12, pem = keys(folder, "anna", ANNA)
    files = [sign_record(v1, folder / "anna-v1.pdf", p12), sign_record(v2, folder / "anna-v2.pdf", p12)]
    assert main(["merge", "--into", str(registry), "--trust", str(pem), *map(str, files)]) == 0  # both accepted
    return registry


def _shown(run, db: str, visit_id: str) -> dict[str, object]:
    record = json.loads(run("show", "--db", db, "--visit", visit_id, "--json").stdout)
    assert record.pop("exported_at")  # the time `show` ran
    return record


def seen(run, target: str | Path) -> dict[str, object]:
    """What the coordinator sees of a registry through the command line (every visit, the merged one and
    the first demo visit in full, every action item)."""
    db = str(target)
    visits = json.loads(run("visits", "--db", db, "--json").stdout)
    assert len(visits) >= 4
    merged = next(v["id"] for v in visits if v["place"] == "Biuro firmy, Kraków")  # Anna's merged minutes
    return {
        "visits": visits,
        "show": {v: _shown(run, db, v) for v in (merged, visits[0]["id"])},
        "actions": json.loads(run("actions", "--db", db, "--json").stdout),
    }


def copy(run, src: str | Path, dst: str | Path, *extra: str, ok: bool = True) -> Ran:
    return run("registry", "copy", "--from", str(src), "--to", str(dst), *extra, ok=ok)


def rows(target: str | Path) -> int:
    db = Database.open(target, create=False)
    try:
        with db.engine.connect() as conn:
            return sum(digest_of(conn, t).rows for t in tables())
    finally:
        db.close()


def test_sqlite_to_sqlite_copies_everything_verified(source, tmp_path, run):
    copied = json.loads(copy(run, source, tmp_path / "copy.db", "--json").stdout)
    assert copied["rows"] == rows(source) > 50
    assert copied["tables"]["merged_files"]["rows"] == 2 and copied["tables"]["provenance"]["rows"] >= 2
    assert seen(run, tmp_path / "copy.db") == seen(run, source)
    # The later version superseded the first: that reference survived (it points to a later row).
    conn = sqlite3.connect(tmp_path / "copy.db")
    try:
        assert conn.execute("SELECT count(*) FROM merged_files WHERE superseded_by_id > id").fetchone() == (1,)
    finally:
        conn.close()
    # The search index was built on the copy.
    assert "inżynierów" in run("search", "--db", str(tmp_path / "copy.db"), "--json", "inżynierów").stdout

    text = copy(run, source, tmp_path / "text.db").stdout
    assert "counts and checksums match" in text and "merged_files" in text


def test_into_a_new_encrypted_file(source, tmp_path, run, monkeypatch):
    monkeypatch.setenv("COPY_PASS", "tajne hasło")
    target = tmp_path / "secret.db"
    copy(run, source, target, "--to-pass-env", "COPY_PASS")
    assert not target.read_bytes().startswith(b"SQLite format 3")
    assert b"Wersja druga" not in target.read_bytes()
    shown = run("visits", "--db", str(target), "--db-pass-env", "COPY_PASS", "--json")
    assert json.loads(shown.stdout) == json.loads(run("visits", "--db", str(source), "--json").stdout)


def test_a_destination_holding_anything_is_refused(source, tmp_path):
    target = tmp_path / "busy.db"
    assert main(["demo", "--db", str(target)]) == 0
    before = target.read_bytes()
    refused = cli("registry", "copy", "--from", str(source), "--to", str(target), ok=False)  # a real process
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "already holds a registry" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert target.read_bytes() == before


def _with_trigger(path: Path, sql: str) -> None:
    Database.open(path).close()  # a new, empty registry (schema only)
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_row_refused_midway_leaves_the_destination_empty(source, tmp_path, run):
    target = tmp_path / "refusing.db"
    # The destination refuses one note (a real constraint of that database), after visits were written.
    _with_trigger(target, "CREATE TRIGGER refuse BEFORE INSERT ON notes WHEN NEW.text LIKE '%Wersja druga%' "
                          "BEGIN SELECT RAISE(ABORT, 'no second versions here'); END")
    refused = copy(run, source, target, ok=False)
    assert refused.returncode == 1
    assert "refused a row of table notes" in refused.stderr and "no second versions here" in refused.stderr
    assert rows(target) == 0


def test_a_copy_that_reads_back_differently_is_not_committed(source, tmp_path, run):
    target = tmp_path / "altering.db"
    # The destination changes what it was given: the checksums catch it before the commit.
    _with_trigger(target, "CREATE TRIGGER alter_name AFTER INSERT ON merged_files "
                          "BEGIN UPDATE merged_files SET file_name = 'x' || file_name WHERE id = NEW.id; END")
    refused = copy(run, source, target, ok=False)
    assert refused.returncode == 1
    assert "table merged_files read back" in refused.stderr and "differs from the source" in refused.stderr
    assert rows(target) == 0


def test_round_trip_through_postgresql(source, tmp_path, pg_url, run):
    there = json.loads(copy(run, source, pg_url, "--json").stdout)
    assert there["to"].startswith("postgresql+psycopg://")
    back = json.loads(copy(run, pg_url, tmp_path / "back.db", "--json").stdout)
    assert there["tables"] == back["tables"]  # the same checksums on SQLite, PostgreSQL and SQLite again
    expected = seen(run, source)
    assert seen(run, pg_url) == expected
    assert seen(run, tmp_path / "back.db") == expected

    # New rows on PostgreSQL take ids after the copied ones (its sequences were set past them).
    from visitapp.services import Identity, Services

    db = Database.open(pg_url)
    try:
        org = Services(db, Identity("Koordynatorka")).organisations.create("Nowa Firma Sp. z o.o.")
        assert org.name == "Nowa Firma Sp. z o.o."
    finally:
        db.close()
    refused = copy(run, source, pg_url, ok=False)
    assert refused.returncode == 1 and "already holds a registry" in refused.stderr


def test_a_row_postgresql_refuses_leaves_it_empty(tmp_path, pg_url, run):
    source = tmp_path / "nul.db"
    run("demo", "--db", str(source))
    conn = sqlite3.connect(source)  # SQLite keeps a NUL character in a text; PostgreSQL cannot
    conn.execute("UPDATE notes SET text = text || char(0) || 'x' WHERE id = (SELECT max(id) FROM notes)")
    conn.commit()
    conn.close()
    refused = copy(run, source, pg_url, ok=False)
    assert refused.returncode == 1
    assert "refused a row of table notes" in refused.stderr
    assert rows(pg_url) == 0


_PAUSED_COPY = """
import sys, time
from visitapp.db import Database
from visitapp.registry.copy import copy_registry

def pause(result):
    sys.stderr.write("copy: paused before commit after %d rows\\n" % result.rows)
    sys.stderr.flush()
    time.sleep(120)

copy_registry(Database.open(sys.argv[1], create=False), Database.open(sys.argv[2]), before_commit=pause)
"""


def test_a_copy_killed_before_its_commit_leaves_postgresql_empty_and_free(source, pg_url, run):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    proc = subprocess.Popen([sys.executable, "-c", _PAUSED_COPY, str(source), pg_url], stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        assert "paused before commit" in line, line
        proc.kill()  # inside the destination's transaction, every row written and checked
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert rows(pg_url) == 0
    # The server rolled it back and released its locks: the same copy goes through now.
    copied = json.loads(copy(run, source, pg_url, "--json").stdout)
    assert copied["rows"] == rows(source) == rows(pg_url)
