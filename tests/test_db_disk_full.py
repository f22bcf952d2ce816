"""A full disk while a database is encrypted, decrypted, rekeyed or backed up (issue 12).

Real tiny file systems: a tmpfs of a few megabytes mounted for the test (the test runs as root, as
CI does), holding a real database of about a megabyte, so the converted copy or the backup cannot be
written whole.  Expected every time: one sentence, the original byte for byte as it was and still
opening with its key, no partial file left beside it.  Where the kernel refuses the mount (no root,
no CAP_SYS_ADMIN) the test skips with the kernel's reason (tests/tiny_fs.py).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import run_cli
from tests.tiny_fs import tiny_fs
from visitapp.db import Database, convert
from visitapp.db.engines import sqlcipher
from visitapp.db.engines.sqlcipher import DbKey
from visitapp.errors import UserError
from visitapp.services import Identity, Services

PASS = "hasło na pełny dysk"
NEW = "inne hasło, też długie"
DRAFTS = 1_800  # ~1.4 MB of drafts: the database fits the tiny disk once, not twice
TINY = "2m"


@pytest.fixture
def tiny(tmp_path) -> Iterator[Path]:
    with tiny_fs(tmp_path / "tiny", TINY) as folder:
        yield folder


@pytest.fixture(autouse=True)
def _file_keyring(monkeypatch, tmp_path):
    """A real keyring in a file of this test (never the desktop's)."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    yield
    keyring.set_keyring(previous)


def _fill(db: Database) -> None:
    svc = Services(db, Identity("t"))
    org = svc.organisations.create("Huta Pełnych Dysków")
    svc.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC))
    with db.core_write() as conn:
        visit = conn.execute(text("SELECT id FROM visits")).scalar_one()
        conn.execute(text(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
            "INSERT INTO drafts (visit_id, key, text, data, updated_at) "
            "SELECT :visit, 'note:' || i, hex(randomblob(250)), '{}', '2026-03-17 10:00:00' FROM n"),
            {"count": DRAFTS, "visit": visit})


@pytest.fixture(scope="module")
def templates(tmp_path_factory) -> dict[str, Path]:
    """The same data in a plain and in an encrypted file (closed cleanly: no -wal beside them), made once."""
    folder = tmp_path_factory.mktemp("full-disk")
    made = {}
    for kind, key in (("plain", None), ("encrypted", DbKey(passphrase=PASS))):
        path = folder / f"{kind}.db"
        with Database.open(path, key=key) as db:
            _fill(db)
        made[kind] = path
    return made


def _place(template: Path, folder: Path) -> Path:
    path = folder / "notatki.db"
    shutil.copyfile(template, path)
    path.chmod(0o600)
    free = shutil.disk_usage(folder).free
    size = path.stat().st_size
    assert free < size, (size, free)  # no second copy fits: the disk will be full
    return path


def _drafts(path: Path, key: DbKey | None) -> int:
    with Database.open(path, create=False, key=key) as db, db.read() as s:
        return s.execute(text("SELECT count(*) FROM drafts")).scalar_one()


def _one_sentence(err: BaseException) -> str:
    said = str(err)
    assert "\n" not in said and "Traceback" not in said, said
    return said


@pytest.mark.parametrize("conversion", ["encrypt", "decrypt", "rekey"])
def test_a_full_disk_during_a_conversion_leaves_the_original_as_it_was(tiny, templates, conversion):
    key = None if conversion == "encrypt" else DbKey(passphrase=PASS)
    path = _place(templates["plain" if key is None else "encrypted"], tiny)
    before = path.read_bytes()
    with pytest.raises(UserError) as caught:
        if conversion == "encrypt":
            convert.encrypt(path, DbKey(passphrase=NEW))
        elif conversion == "decrypt":
            convert.decrypt(path, DbKey(passphrase=PASS))
        else:
            convert.rekey(path, DbKey(passphrase=PASS), DbKey(passphrase=NEW))
    said = _one_sentence(caught.value)
    assert said == (f"The disk holding {path} is full: the converted copy needs as much free space as the database; "
                    "it was not changed."), said
    assert path.read_bytes() == before
    assert sorted(p.name for p in tiny.iterdir()) == ["notatki.db"]  # no partial copy, no -wal left
    assert _drafts(path, key) == DRAFTS  # still opens, with the key it had


def test_a_full_disk_during_a_rekey_to_the_keyring_keeps_the_keyring_as_it_was(tiny, templates):
    path = _place(templates["encrypted"], tiny)
    env = {"P_OLD": PASS}
    before = path.read_bytes()
    r = run_cli("db", "rekey", "--db", str(path), "--pass-env", "P_OLD", "--keyring", env=env)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
    assert f"The disk holding {path} is full" in r.stderr, r.stderr
    assert path.read_bytes() == before and sorted(p.name for p in tiny.iterdir()) == ["notatki.db"]
    assert sqlcipher.keyring_key(path) is None  # the new random key was taken out again
    assert _drafts(path, DbKey(passphrase=PASS)) == DRAFTS


@pytest.mark.parametrize("kind", ["plain", "encrypted"])
def test_a_full_disk_during_a_backup_leaves_no_partial_backup(tmp_path, templates, kind):
    """The database on a roomy disk, the backup aimed at a tiny one that it does not fit."""
    path = tmp_path / "notatki.db"
    shutil.copyfile(templates[kind], path)
    before = path.read_bytes()
    env = {"P_OLD": PASS}
    with tiny_fs(tmp_path / "stick", "512k") as stick:
        out = stick / "kopia.db"
        extra = ["--db-pass-env", "P_OLD"] if kind == "encrypted" else []
        r = run_cli("db", "backup", "--db", str(path), "--out", str(out), *extra, env=env)
        assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, r.stderr
        assert f"The disk holding {out} is full; the backup was not written" in r.stderr, r.stderr
        assert list(stick.iterdir()) == []  # no partial backup that looks like a good one
    assert path.read_bytes() == before
    assert _drafts(path, DbKey(passphrase=PASS) if kind == "encrypted" else None) == DRAFTS
    assert not os.path.exists(path.with_name(path.name + "-journal"))


def test_notes_typed_into_an_encrypted_database_on_a_full_disk_lose_nothing_stored(tiny):
    """The disk fills while notes are saved: the refused note is said in one sentence, every earlier one stays."""
    from visitapp.errors import StorageFull

    path = tiny / "notatki.db"
    stored = []
    with Database.open(path, key=DbKey(passphrase=PASS)) as db:
        svc = Services(db, Identity("t"))
        org = svc.organisations.create("Huta Pełnych Dysków")
        visit = svc.visits.create(org.id, dt.datetime(2026, 3, 24, 9, tzinfo=dt.UTC)).id
        with pytest.raises(StorageFull) as caught:
            for i in range(200):  # 200 x 24 kB (with the search index, more) cannot fit in 2 MB
                stored.append(svc.notes.add(visit, f"notatka {i} " + os.urandom(12_000).hex()).id)
        said = _one_sentence(caught.value)
        assert said.startswith(f"The disk holding {path} is full; the last change was not stored."), said
    assert stored, "some notes fit before the disk was full"
    assert not path.read_bytes().startswith(b"SQLite format 3\x00")
    with Database.open(path, create=False, key=DbKey(passphrase=PASS)) as db:
        svc = Services(db, Identity("t"))
        assert [n.id for n in svc.notes.list(visit)] == stored
