"""The engine seam: a path or a database URL opens the right engine or fails in one sentence, with nothing
created on disk; the open-time checks read the right file whatever the folder's name; search and JSON arrays
through the engine's interface."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.conftest import ROOT
from visitapp.db import Database, database
from visitapp.db import models as m
from visitapp.db.engines import SearchTerm, as_target, is_url
from visitapp.db.engines.sqlite import read_only_uri
from visitapp.errors import DatabaseError, DatabaseLocked, InvalidInput
from visitapp.services import Identity, Services

SUPPORTED = "visitapp opens SQLite files, given as a path or as sqlite:///path/to/file.db."


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def one_sentence(message: str) -> str:
    assert "\n" not in message and "Traceback" not in message and message.endswith("."), message
    return message


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m visitapp ARGS`` in a real subprocess, run from ``cwd``, with its temporary files in cwd/../tmp."""
    tmp = cwd.parent / "tmp"
    tmp.mkdir(exist_ok=True)
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "TMPDIR": str(tmp), **(env or {})}
    return subprocess.run([sys.executable, "-m", "visitapp", *args], capture_output=True, text=True, env=full_env,
                          cwd=cwd, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def cwd(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


# -- a URL is never a path --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "sqlite:///x.db", "sqlite:////abs/x.db", "postgresql+psycopg://u@h/db", "sqlite+pysqlcipher://:k@/x.db",
    "mysql://h/db", "weird+://x",
])
def test_a_scheme_makes_a_url(text):
    assert is_url(text)
    assert as_target(text) == text  # stays text: Path() would fold its slashes


@pytest.mark.parametrize("text", ["x.db", "C:\\Wizyty\\x.db", "c:/x.db", "./sqlite:/x.db", "dir/sqlite://x"])
def test_a_path_stays_a_path(text):
    assert not is_url(text)
    assert as_target(text) == Path(text)


@pytest.mark.parametrize(("url", "expected"), [
    ("postgresql+psycopg2://ewa:tajne@db.example/registry",
     "visitapp opens PostgreSQL through psycopg 3 only; write the URL as postgresql+psycopg://… "
     "(postgresql+psycopg2://ewa:***@db.example/registry)."),
    ("postgres://ewa:tajne@db.example/",
     "postgresql+psycopg://ewa:***@db.example/ names no database; give one as "
     "postgresql+psycopg://user@host/DATABASE."),
    ("sqlite+pysqlcipher://:tajne@/wizyty.db?cipher=aes-128-cbc",
     "A SQLCipher URL takes no host, user or options here (sqlite+pysqlcipher://:***@/wizyty.db?cipher=aes-128-cbc); "
     "give only the passphrase and the file, as sqlite+pysqlcipher://:PASSPHRASE@/path/to/file.db."),
    ("sqlite+pysqlcipher://:tajne@/", "sqlite+pysqlcipher://:***@/ names no database file; give one as "
                                      "sqlite+pysqlcipher://:PASSPHRASE@/path/to/file.db."),
    ("mysql://ewa:tajne@db.example/registry",
     "mysql databases are not supported (mysql://ewa:***@db.example/registry); " + SUPPORTED),
    ("postgresql+psycopg://ewa:tajne@db.example:port/registry",
     "The database URL starting with postgresql+psycopg:// is malformed; give a file path or a URL such as "
     "sqlite:///path/to/file.db."),
    ("sqlite://", "sqlite:// names no database file; give one as sqlite:///relative/path.db or "
                  "sqlite:////absolute/path.db."),
    ("sqlite:///wizyty.db?mode=ro", "A SQLite URL takes no host, user or options here "
                                    "(sqlite:///wizyty.db?mode=ro); give only the file, as sqlite:///path/to/file.db."),
])
def test_a_url_visitapp_cannot_open_is_one_sentence_and_creates_nothing(url, expected, cwd, tmp_path):
    before = tree(tmp_path)
    with pytest.raises(InvalidInput) as err:
        Database.open(url, create=True)
    assert one_sentence(str(err.value)) == expected
    assert "tajne" not in str(err.value)  # a password never reaches a message
    assert tree(tmp_path) == before == ["cwd"]


def test_a_sqlite_url_opens_that_file(cwd, tmp_path):
    target = tmp_path / "a%41b" / "wizyty.db"
    # %25 is a percent sign in a URL: this URL names the folder "a%41b" itself.
    with Database.open("sqlite:///" + str(tmp_path / "a%2541b" / "wizyty.db")) as db:
        assert db.path == target
        Services(db, Identity("Ewa")).organisations.create("Mostostal")
    assert tree(tmp_path) == ["a%41b", "a%41b/wizyty.db", "cwd"]
    with Database.open(target) as db, db.read() as s:
        assert s.scalars(select(m.Organisation.name)).all() == ["Mostostal"]
    with Database.open("sqlite:///rel.db") as db:  # relative to the current folder, as SQLAlchemy reads it
        assert db.path is not None and db.path.resolve() == cwd / "rel.db"
    assert sorted(p.name for p in cwd.iterdir()) == ["rel.db"]


def test_merge_into_a_postgresql_url_creates_nothing(tmp_path):
    cwd, files = tmp_path / "cwd", tmp_path / "files"
    cwd.mkdir()
    files.mkdir()
    (files / "x.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
    # A server that is not there (a socket folder without a server): one sentence, nothing on disk.
    result = cli("merge", "--into", f"postgresql+psycopg://u@/db?host={tmp_path}", str(files / "x.pdf"), cwd=cwd)
    assert result.returncode == 1, result.stderr
    assert one_sentence(result.stderr.strip()) == (
        "visitapp: The database server of postgresql+psycopg://u@/db?host=" + str(tmp_path).replace("/", "%2F")
        + " cannot be reached; check the host, the port and that the server is running.")
    assert tree(cwd) == [] and tree(tmp_path / "tmp") == []
    assert tree(files) == ["x.pdf"]


def test_visits_through_a_sqlite_url_and_visitapp_db(tmp_path, svc, db_path):
    org = svc.organisations.create("Mostostal")
    visit = svc.visits.create(org.id, dt.datetime(2026, 4, 20, 9, tzinfo=dt.UTC))
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    url = "sqlite:///" + str(db_path)  # absolute: sqlite:////tmp/…
    assert url.startswith("sqlite:////")
    for result in (cli("visits", "--db", url, cwd=cwd), cli("visits", cwd=cwd, env={"VISITAPP_DB": url})):
        assert result.returncode == 0, result.stderr
        assert visit.id in result.stdout and "Mostostal" in result.stdout
    assert tree(cwd) == [] and tree(tmp_path / "tmp") == []
    refused = cli("visits", "--db", "postgresql+psycopg2://u@h/db", cwd=cwd)
    assert refused.returncode == 1 and refused.stdout == ""
    assert one_sentence(refused.stderr.strip()).startswith("visitapp: visitapp opens PostgreSQL through psycopg 3")
    assert tree(cwd) == []


# -- the open-time checks read the file that is opened ----------------------------------------------------------


def _foreign(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
        conn.execute("INSERT INTO accounts (owner) VALUES ('someone else')")
    conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("folder", "decoy"), [
    # A hand-built "file:{path}?mode=ro" ends the path at '#' ("Wizyty "), and reads %41 as 'A'.
    ("Wizyty #1", "Wizyty "),
    ("a%41b", "aAb/x.db"),
])
def test_the_checks_read_the_file_in_a_folder_named_with_hash_or_percent(tmp_path, folder, decoy):
    # A good visitapp database where a wrongly built URI would lead the checks...
    decoy_path = tmp_path / decoy
    decoy_path.parent.mkdir(parents=True, exist_ok=True)
    Database.open(decoy_path).close()
    # ...and a foreign file where the user pointed: it must be refused, untouched.
    target = tmp_path / folder / "x.db"
    digest = _foreign(target)
    with pytest.raises(DatabaseError) as err:
        Database.open(target)
    assert one_sentence(str(err.value)) == f"{target} is not a visitapp database."
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("folder", ["Wizyty #1", "a%41b", "50% ?x"])
def test_a_database_in_such_a_folder_opens_again(tmp_path, folder):
    target = tmp_path / folder / "x.db"
    with Database.open(target) as db:
        Services(db, Identity("Ewa")).organisations.create("Mostostal")
    assert read_only_uri(target).endswith("?mode=ro")
    with Database.open(target, create=False) as db, db.read() as s:
        assert s.scalars(select(m.Organisation.name)).all() == ["Mostostal"]
    assert sorted(p.name for p in (tmp_path / folder).iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["x.db"]
    assert [p.name for p in tmp_path.iterdir()] == [folder]  # no stray file where a cut path would lead


# -- search and JSON arrays through the engine's interface -----------------------------------------------------


@pytest.fixture
def visit(svc):
    org = svc.organisations.create("Zakłady Łódzkie")
    return svc.visits.create(org.id, dt.datetime(2026, 4, 20, 9, tzinfo=dt.UTC), agenda=["kadry", "staże"])


def test_search_through_the_engine(db, svc, visit):
    welders = svc.notes.add(visit.id, "Brakuje spawaczy w Łodzi")
    svc.notes.add(visit.id, "Szkoły kształcą elektryków")
    with db.read() as s:
        note_pk = s.scalar(select(m.Note.id).where(m.Note.uuid == welders.id))
        rows = db.backend.search(s, [SearchTerm(("spawacz",), prefix=True), SearchTerm(("lodzi",))], limit=10,
                                 visit_pk=None, window=100, marks=("<", ">"))
        assert [(r.kind, r.ref_id) for r in rows] == [("note", note_pk)]
        assert rows[0].snippet == "Brakuje <spawaczy> w <Łodzi>"
        phrase = db.backend.search(s, [SearchTerm(("w", "łodzi"))], limit=10, visit_pk=None, window=100,
                                   marks=("[", "]"))
        assert [r.ref_id for r in phrase] == [note_pk]
        # Words that are FTS5 syntax, or hold a quote, are only words.
        assert db.backend.search(s, [SearchTerm(('a"b',)), SearchTerm(("NEAR",))], limit=10, visit_pk=None,
                                 window=100, marks=("[", "]")) == []
        assert db.backend.search(s, [], limit=10, visit_pk=None, window=100, marks=("[", "]")) == []


def test_json_array_membership_through_the_engine(db, svc, visit):
    a = svc.notes.add(visit.id, "pierwsza", tags=["szkoły", "50%_off"])
    b = svc.notes.add(visit.id, "druga", tags=["szkoły"])
    svc.notes.add(visit.id, "trzecia", tags=["GUP"])
    svc.notes.add(visit.id, "bez tagów")
    contains = db.backend.json_array_contains
    with db.read() as s:
        def having(tag: str) -> set[str]:
            return set(s.scalars(select(m.Note.uuid).where(contains(m.Note.tags, tag))))

        assert having("szkoły") == {a.id, b.id}
        assert having("50%_off") == {a.id}
        assert having("50") == set() and having("szkoł") == set()  # whole elements, not substrings
        agenda = db.backend.json_array_values(m.Visit.agenda)
        assert s.scalars(select(agenda.c.value).select_from(m.Visit).join(agenda, agenda.c.value.isnot(None))
                         .where(m.Visit.uuid == visit.id)).all() == ["kadry", "staże"]
    assert svc.notes.tags() == ["szkoły", "50%_off", "GUP"]
    assert svc.notes.tags("50%") == ["50%_off"] and svc.notes.tags("5_") == []


# -- the fast write path -----------------------------------------------------------------------------------


def test_core_write_commits_rolls_back_and_takes_the_write_lock_first(db, svc, visit, monkeypatch):
    note = svc.notes.add(visit.id, "przed")
    notes = m.Note.__table__
    with db.core_write() as conn:
        conn.execute(update(notes).where(notes.c.uuid == note.id).values(text="po"))
    assert svc.notes.list(visit.id)[0].text == "po"
    with pytest.raises(RuntimeError), db.core_write() as conn:
        conn.execute(update(notes).where(notes.c.uuid == note.id).values(text="nie"))
        raise RuntimeError("rolled back")
    assert svc.notes.list(visit.id)[0].text == "po"

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    other = Database.open(db.path)  # a second copy of visitapp, waiting at most 200 ms
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    reached = []
    try:
        with pytest.raises(DatabaseLocked) as err, other.core_write() as conn:
            reached.append(True)  # a deferred BEGIN would get here and fail only at the write
            conn.execute(select(notes.c.text))
        assert one_sentence(str(err.value)).startswith(f"The database {db.path} is in use by another program")
        assert reached == []
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        other.close()
