"""The encrypted database (SQLCipher 4): nothing readable on disk, wrong keys refused, conversions safe (issue 12)."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from visitapp.db import Database, convert
from visitapp.db.engines import sqlcipher
from visitapp.db.engines.sqlcipher import DbKey, KeyMissing, WrongKey
from visitapp.errors import DatabaseLocked
from visitapp.services import Identity, Services

SECRET = "Zakład planuje zatrudnić 37 spawaczy w Niepołomicach – poufne"
SECRET_BYTES = SECRET.encode("utf-8")
PASS = "Kraków zażółć 'gęślą' jaźń"
SQLITE_MAGIC = b"SQLite format 3\x00"


@pytest.fixture(autouse=True)
def _file_keyring(monkeypatch, tmp_path):
    """A real keyring backend (keyrings.alt's plaintext file) in this test's own data folder,
    here and in subprocesses."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    yield
    keyring.set_keyring(previous)
    sqlcipher.set_default_key_source(None)


def _visit(svc: Services) -> str:
    org = svc.organisations.create("Hitachi Energy")
    return svc.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC)).id


def _files(path: Path) -> list[Path]:
    return [p for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")) if p.exists()]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_encrypted_files_hold_no_header_and_no_note_text(tmp_path):
    # The same notes in a plain database are found by the scan: it is a real check.
    plain = tmp_path / "plain.db"
    with Database.open(plain) as db:
        svc = Services(db, Identity("t"))
        svc.notes.add(_visit(svc), SECRET)
        assert any(SECRET_BYTES in p.read_bytes() for p in _files(plain))

    path = tmp_path / "enc.db"
    db = Database.open(path, key=DbKey(passphrase=PASS))
    svc = Services(db, Identity("t"))
    visit = _visit(svc)
    note = svc.notes.add(visit, SECRET, tags=["poufne"])
    for i in range(50):  # enough writes that the WAL and the shared memory file hold pages
        svc.notes.edit(note.id, text=f"{SECRET} {i}")
    backup = db.backup(tmp_path / "backup.db")
    live = _files(path)
    assert {p.name for p in live} == {"enc.db", "enc.db-wal", "enc.db-shm"}, "scanned while open, WAL included"
    for p in [*live, backup]:
        data = p.read_bytes()
        assert not data.startswith(SQLITE_MAGIC), p
        assert SECRET_BYTES not in data, p
        assert "Niepołomicach".encode() not in data, p
    assert svc.search.search("spawaczy"), "the search index works on the encrypted file"
    db.close()
    for p in _files(path):
        assert SECRET_BYTES not in p.read_bytes()


def test_missing_and_wrong_key_refused_in_one_sentence_file_untouched(tmp_path):
    path = tmp_path / "enc.db"
    with Database.open(path, key=DbKey(passphrase=PASS)) as db:
        svc = Services(db, Identity("t"))
        svc.notes.add(_visit(svc), SECRET)
    before = _snapshot(tmp_path)

    with pytest.raises(KeyMissing) as missing:
        Database.open(path)
    assert "is encrypted; give its passphrase with --db-pass-env VAR" in str(missing.value)
    with pytest.raises(WrongKey) as wrong:
        Database.open(path, key=DbKey(passphrase=PASS + "x"))
    assert str(wrong.value).endswith("; it was not changed.") and "\n" not in str(wrong.value)
    with pytest.raises(WrongKey):
        Database.open(path, key=DbKey.new_raw())
    assert _snapshot(tmp_path) == before, "a refused key changes no byte and leaves no file behind"

    with Database.open(path, key=DbKey(passphrase=PASS)) as db:
        assert [n.text for v in Services(db, Identity("t")).visits.list() for n in
                Services(db, Identity("t")).notes.list(v.id)] == [SECRET]


def test_a_plain_database_opens_as_before_even_with_a_key(db_path):
    with Database.open(db_path) as db:
        Services(db, Identity("t")).organisations.create("Comarch")
    with Database.open(db_path, key=DbKey(passphrase=PASS)) as db:
        assert type(db.backend).__name__ == "SQLiteBackend"
    assert db_path.read_bytes().startswith(SQLITE_MAGIC)


def test_url_with_passphrase(tmp_path):
    path = tmp_path / "url.db"
    url = f"sqlite+pysqlcipher://:{'s3cret'}@/{path}"
    with Database.open(url) as db:
        Services(db, Identity("t")).organisations.create("Comarch")
    assert not path.read_bytes().startswith(SQLITE_MAGIC)
    with Database.open(path, key=DbKey(passphrase="s3cret")) as db:
        assert [o.name for o in Services(db, Identity("t")).organisations.find()] == ["Comarch"]


def _search_view(db: Database) -> tuple[list, list]:
    svc = Services(db, Identity("t"))
    notes = sorted((n.id, n.text) for v in svc.visits.list() for n in svc.notes.list(v.id))
    hits = sorted(h.ref_id for h in svc.search.search("spawacz*", limit=1000))
    return notes, hits


def test_encrypt_decrypt_round_trip_keeps_data_and_search(db_path):
    from visitapp.demo import create_demo

    with Database.open(db_path) as db:
        create_demo(Services(db, Identity("t")))
        expected = _search_view(db)
    assert expected[0] and expected[1]
    key = DbKey(passphrase=PASS)
    convert.encrypt(db_path, key)
    assert not db_path.read_bytes().startswith(SQLITE_MAGIC)
    assert [p.name for p in db_path.parent.iterdir() if p.name.startswith(".")] == [], "no temporary file left"
    with Database.open(db_path, key=key) as db:
        assert _search_view(db) == expected
    new = DbKey.new_raw()
    convert.rekey(db_path, key, new)
    with pytest.raises(WrongKey):
        Database.open(db_path, key=key)
    convert.decrypt(db_path, new)
    assert db_path.read_bytes().startswith(SQLITE_MAGIC)
    with Database.open(db_path) as db:
        assert _search_view(db) == expected


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM organisations").fetchall()
print("holding", flush=True)
sys.stdin.readline()
"""


def test_a_failed_conversion_leaves_the_original_untouched(db_path):
    with Database.open(db_path) as db:
        Services(db, Identity("t")).organisations.create("Comarch")
    # Another program (another visitapp) has the file open, inside a read.
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        before = _snapshot(db_path.parent)
        with pytest.raises(DatabaseLocked):
            convert.encrypt(db_path, DbKey(passphrase=PASS))
        assert _snapshot(db_path.parent) == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    copy = _encrypted_copy(db_path)
    before = copy.read_bytes()
    with pytest.raises(WrongKey):
        convert.decrypt(copy, DbKey(passphrase="wrong"))
    assert copy.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["copy.db", "visits.db"]


def _encrypted_copy(db_path: Path) -> Path:
    path = db_path.with_name("copy.db")
    path.write_bytes(db_path.read_bytes())
    convert.encrypt(path, DbKey(passphrase=PASS))
    return path


def test_backup_stays_encrypted(tmp_path):
    path = tmp_path / "enc.db"
    key = DbKey(passphrase=PASS)
    with Database.open(path, key=key) as db:
        svc = Services(db, Identity("t"))
        svc.notes.add(_visit(svc), SECRET)
        backup = db.backup(tmp_path / "b" / "backup.db")
    assert not backup.read_bytes().startswith(SQLITE_MAGIC)
    assert SECRET_BYTES not in backup.read_bytes()
    with pytest.raises(KeyMissing):
        Database.open(backup)
    with pytest.raises(WrongKey):
        Database.open(backup, key=DbKey(passphrase="nope"))
    with Database.open(backup, key=key) as db:
        svc = Services(db, Identity("t"))
        assert [n.text for v in svc.visits.list() for n in svc.notes.list(v.id)] == [SECRET]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_every_database_file_is_0600_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "enc.db"
        db = Database.open(path, key=DbKey(passphrase=PASS))
        svc = Services(db, Identity("t"))
        svc.notes.add(_visit(svc), SECRET)
        backup = db.backup(tmp_path / "backup.db")
        files = [*_files(path), backup]
        assert len(files) == 4
        for p in files:  # while open: the -wal and -shm go away at close
            assert sys.platform == "win32" or (p.stat().st_mode & 0o777) == 0o600, p  # POSIX modes
        db.close()
        files = [path, backup]
        plain = tmp_path / "plain.db"
        with Database.open(plain) as db2:
            Services(db2, Identity("t")).organisations.create("Comarch")
        convert.encrypt(plain, DbKey(passphrase=PASS))
        files.append(plain)
        for p in files:
            assert sys.platform == "win32" or (p.stat().st_mode & 0o777) == 0o600, p  # POSIX modes
    finally:
        os.umask(old)


def test_key_in_the_keyring_opens_without_asking(db_path):
    with Database.open(db_path) as db:
        svc = Services(db, Identity("t"))
        svc.notes.add(_visit(svc), SECRET)
    result = run_cli("db", "encrypt", "--db", str(db_path), "--keyring")
    assert result.returncode == 0, result.stderr
    assert not db_path.read_bytes().startswith(SQLITE_MAGIC)
    stored = sqlcipher.keyring_key(db_path)
    assert stored is not None and stored.raw is not None
    with Database.open(db_path) as db:  # the default key source is the keyring
        svc = Services(db, Identity("t"))
        assert [n.text for v in svc.visits.list() for n in svc.notes.list(v.id)] == [SECRET]
    result = run_cli("search", "--db", str(db_path), "spawaczy")
    assert result.returncode == 0 and "Niepołomicach" in result.stdout, result.stderr
    sqlcipher.forget_keyring_key(db_path)
    with pytest.raises(KeyMissing):
        Database.open(db_path)


def test_cli_encrypt_open_rekey_backup_decrypt(db_path, tmp_path, capsys):
    from visitapp.cli import main
    from visitapp.demo import create_demo

    with Database.open(db_path) as db:
        visit_ids = create_demo(Services(db, Identity("t")))
    env = {"P_OLD": PASS, "P_NEW": "nowe hasło", "P_BAD": "zle"}

    r = run_cli("db", "encrypt", "--db", str(db_path), "--pass-env", "P_OLD", env=env)
    assert r.returncode == 0, r.stderr
    assert not db_path.read_bytes().startswith(SQLITE_MAGIC)
    r = run_cli("visits", "--db", str(db_path), env=env)  # no key, no terminal: one sentence
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "is encrypted" in r.stderr and "Traceback" not in r.stderr
    before = db_path.read_bytes()
    r = run_cli("visits", "--db", str(db_path), "--db-pass-env", "P_BAD", env=env)
    assert r.returncode == 1 and "does not open" in r.stderr and r.stderr.count("\n") == 1
    assert db_path.read_bytes() == before
    r = run_cli("visits", "--db", str(db_path), "--db-pass-env", "P_OLD", env=env)
    assert r.returncode == 0 and sorted(line.split()[0] for line in r.stdout.splitlines()) == sorted(visit_ids)

    r = run_cli("db", "rekey", "--db", str(db_path), "--pass-env", "P_OLD", "--new-pass-env", "P_NEW", env=env)
    assert r.returncode == 0, r.stderr
    with pytest.raises(WrongKey):
        Database.open(db_path, key=DbKey(passphrase=PASS))
    backup = tmp_path / "kopia.db"
    r = run_cli("db", "backup", "--db", str(db_path), "--out", str(backup), "--db-pass-env", "P_NEW", env=env)
    assert r.returncode == 0, r.stderr
    assert not backup.read_bytes().startswith(SQLITE_MAGIC)
    with pytest.raises(KeyMissing):
        Database.open(backup)
    with Database.open(backup, key=DbKey(passphrase="nowe hasło")) as db:
        assert sorted(v.id for v in Services(db, Identity("t")).visits.list()) == sorted(visit_ids)
    os.environ["P_NEW"] = "nowe hasło"
    try:
        assert main(["db", "backup", "--db", str(db_path), "--out", str(backup), "--db-pass-env", "P_NEW"]) == 1
        assert "already exists" in capsys.readouterr().err
    finally:
        del os.environ["P_NEW"]

    r = run_cli("db", "decrypt", "--db", str(db_path), "--pass-env", "P_NEW", env=env)
    assert r.returncode == 0, r.stderr
    assert db_path.read_bytes().startswith(SQLITE_MAGIC)
    assert main(["db", "decrypt", "--db", str(db_path)]) == 1
    assert "not encrypted" in capsys.readouterr().err
    with Database.open(db_path) as db:
        assert sorted(v.id for v in Services(db, Identity("t")).visits.list()) == sorted(visit_ids)


WRITER = """
import sys
from visitapp.db import Database
from visitapp.db.engines.sqlcipher import DbKey
from visitapp.services import Identity, Services
svc = Services(Database.open(sys.argv[1], key=DbKey(passphrase=sys.argv[3])), Identity("crash test"))
i = 0
while True:
    note = svc.notes.add(sys.argv[2], f"notatka numer {i} – zażółć gęślą jaźń", tags=["crash"])
    if i % 5 == 0:
        svc.notes.edit(note.id, text=f"notatka numer {i} – poprawiona")
    print(note.id, flush=True)  # reported only after the commit returned
    i += 1
"""


def test_sigkill_on_an_encrypted_database_loses_no_reported_note(tmp_path):
    path = tmp_path / "enc.db"
    key = DbKey(passphrase=PASS)
    with Database.open(path, key=key) as db:
        visit = _visit(Services(db, Identity("t")))
    rng = random.Random()
    for _round in range(2):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), visit, PASS],
            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        reported: list[str] = []
        wanted = rng.randint(20, 100)
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

        conn = sqlcipher.connect(path, key)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            stored = {row[0] for row in conn.execute("SELECT uuid FROM notes")}
        finally:
            conn.close()
        assert set(reported) <= stored
        assert not path.read_bytes().startswith(SQLITE_MAGIC)

    with Database.open(path, key=key) as db:
        svc = Services(db, Identity("t"))
        notes = svc.notes.list(visit)
        assert len(svc.search.search("notatka", limit=10_000)) == len(notes)


def test_any_sqlcipher_4_opens_a_passphrase_file_with_pragma_key(tmp_path):
    """The file is plain SQLCipher 4: a bare connection with only ``PRAGMA key`` and the v4 defaults reads it."""
    from sqlcipher3 import dbapi2

    path = tmp_path / "enc.db"
    with Database.open(path, key=DbKey(passphrase="it's a secret")) as db:
        svc = Services(db, Identity("t"))
        svc.notes.add(_visit(svc), SECRET)
    conn = dbapi2.connect(str(path))
    try:
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA key = 'it''s a secret'")
        assert conn.execute("SELECT text FROM notes").fetchall() == [(SECRET,)]
    finally:
        conn.close()


def test_an_encrypted_database_keeps_64_mb_of_decrypted_pages_per_connection(tmp_path):
    """Pages read again come from the connection's cache, not decrypted again (search p95: storage_encrypted.py)."""
    from sqlalchemy import text

    with Database.open(tmp_path / "enc.db", key=DbKey(passphrase=PASS)) as db:
        with db.read() as s:
            assert s.execute(text("PRAGMA cache_size")).scalar_one() == -sqlcipher.CACHE_KIB == -65_536
        with db.core_write() as conn:
            assert conn.execute(text("PRAGMA cache_size")).scalar_one() == -65_536
