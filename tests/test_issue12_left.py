"""Issue 12, what was left: `gui --db-pass-env`, new databases created encrypted from the command line,
and no upgrade backup keeping an erased person's name.  Real processes, real files, real SQLCipher."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.gui_process import gui_env, start_visitapp, stop, wait_for_window
from visitapp.db import Database
from visitapp.db.engines.sqlcipher import DbKey, KeyMissing, WrongKey, keyring_only
from visitapp.registry.persons import list_people, upgrade_backups
from visitapp.services import Identity, Services

SQLITE_MAGIC = b"SQLite format 3\x00"
PASS = "tajne hasło rejestru"
FIXTURES = Path(__file__).parent / "fixtures"
WINDOW_S = 60  # a dialog asking for the passphrase would keep the window from ever being painted


def _encrypted_with(path: Path, passphrase: str) -> int:
    """Assert ``path`` is a SQLCipher file that only ``passphrase`` opens; its number of visits."""
    assert path.read_bytes()[:16] != SQLITE_MAGIC
    with pytest.raises(WrongKey):
        Database.open(path, create=False, key=DbKey(passphrase=passphrase + "x"))
    with pytest.raises(KeyMissing):  # no key kept for it in the keyring either
        Database.open(path, create=False, key=keyring_only)
    with Database.open(path, create=False, key=DbKey(passphrase=passphrase)) as db:
        return len(Services(db, Identity("t")).visits.list())


# -- 1. the desktop window honours --db-pass-env ----------------------------------------------------


def test_gui_creates_and_then_opens_an_encrypted_database_from_db_pass_env_without_asking(tmp_path):
    path = tmp_path / "nowa.db"
    for run in (1, 2):  # created encrypted by the first start, opened by the second, with no dialog either time
        report = tmp_path / f"shown-{run}.json"
        proc = start_visitapp("gui", "--db", str(path), "--db-pass-env", "VISITAPP_TEST_DB_PASS",
                              env=gui_env(tmp_path, report, VISITAPP_TEST_DB_PASS=PASS))
        try:
            shown = wait_for_window(proc, report, timeout=WINDOW_S)
        finally:
            stop(proc)
        assert shown["db"] == str(path) and shown["visible"]
        assert _encrypted_with(path, PASS) == 0


def test_gui_with_a_wrong_db_pass_env_is_one_sentence_and_the_file_untouched(tmp_path):
    path = tmp_path / "zaszyfrowana.db"
    Database.open(path, key=DbKey(passphrase=PASS)).close()
    before = path.read_bytes()
    report = tmp_path / "shown.json"
    proc = start_visitapp("gui", "--db", str(path), "--db-pass-env", "VISITAPP_TEST_DB_PASS",
                          env=gui_env(tmp_path, report, VISITAPP_TEST_DB_PASS="złe hasło"))
    _out, err = proc.communicate(timeout=WINDOW_S)
    assert proc.returncode == 1 and not report.exists()
    # The window is shown before the database is opened (fast start); Qt's offscreen plugin, used by the
    # tests only, says so on stderr when a window is shown.  What visitapp says is the one sentence.
    said = [line for line in err.strip().splitlines() if line != "This plugin does not support propagateSizeHints()"]
    assert said == [f"visitapp: The passphrase or key does not open the database {path}; it was not changed."]
    assert path.read_bytes() == before


# -- 2. a new database from the command line is created encrypted -----------------------------------


@pytest.fixture
def cli(monkeypatch, capsys):
    """``visitapp`` in this process (``main``); the key choices it installs are undone afterwards."""
    from visitapp.cli import main
    from visitapp.db.engines import sqlcipher

    monkeypatch.setenv("P", PASS)
    yield lambda *args: (main(list(args)), capsys.readouterr())
    sqlcipher.set_new_file_key(None)
    sqlcipher.set_default_key_source(None)


def test_demo_on_a_new_path_with_db_pass_env_creates_an_encrypted_file(tmp_path, cli):
    path = tmp_path / "demo.db"
    code, out = cli("demo", "--db", str(path), "--db-pass-env", "P")
    assert code == 0, out.err
    assert _encrypted_with(path, PASS) == len(out.out.split())
    other = tmp_path / "other.db"  # a database the command does not name is not encrypted by it
    Database.open(other).close()
    assert other.read_bytes()[:16] == SQLITE_MAGIC


def test_merge_into_a_new_registry_with_db_pass_env_creates_it_encrypted(tmp_path, cli):
    junk = tmp_path / "not-minutes.pdf"
    junk.write_bytes(b"%PDF-1.7\nnot really\n")
    registry = tmp_path / "rejestr.db"
    _code, out = cli("merge", "--into", str(registry), "--db-pass-env", "P", str(junk))
    assert "rejected" in out.out, out.err  # the file is refused; the registry exists all the same
    assert _encrypted_with(registry, PASS) == 0


def test_db_keyring_creates_a_new_database_with_a_random_key_kept_in_the_keyring(tmp_path, monkeypatch):
    pytest.importorskip("keyrings.alt")
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    from visitapp.db.engines.sqlcipher import keyring_key

    env = {"PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring", "XDG_DATA_HOME": str(tmp_path / "xdg")}
    path = tmp_path / "klucz.db"
    r = run_cli("demo", "--db", str(path), "--db-keyring", env=env)
    assert r.returncode == 0, r.stderr
    created = len(r.stdout.split())
    assert path.read_bytes()[:16] != SQLITE_MAGIC
    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    try:
        key = keyring_key(path)
        assert key is not None and key.raw is not None and len(key.raw) == 32
        with Database.open(path, create=False, key=key) as db:
            assert len(Services(db, Identity("t")).visits.list()) == created
    finally:
        keyring.set_keyring(previous)
    r = run_cli("visits", "--db", str(path), "--json", env=env)  # later commands find the key themselves
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) == created


# -- 4. an erasure leaves no name in the backups made before upgrades -------------------------------

NAME = "Paweł Łukasik"  # the company's director in the demo series of the 0001 fixture
NEEDLES = [b"\xc5\x81ukasik", "Paweł".encode(), b"\\u0141ukasik", b"Pawe\\u0142", b"ukasik", b"lukasik",
           b"pawel", "Pawł".encode()]


def _traces(folder: Path) -> list[str]:
    return [f"{p.name}: {needle!r}" for p in sorted(folder.rglob("*")) if p.is_file()
            for needle in NEEDLES if needle.lower() in p.read_bytes().lower()]


def test_erasing_a_person_deletes_the_upgrade_backups_that_still_name_them(tmp_path, cli):
    folder = tmp_path / "dane"
    folder.mkdir()
    path = folder / "visitapp.db"
    shutil.copyfile(FIXTURES / "visitapp-0001.db", path)
    Database.open(path, create=False).close()  # the upgrade to the head revision copies the file first
    backups = sorted(folder.glob("visitapp.before-upgrade-*.db"))
    assert len(backups) == 1 and _traces(folder)  # the backup (and the database) hold the name
    with Database.open(path, create=False) as db:
        person = next(p.id for p in list_people(db) if p.name == NAME)
    code, out = cli("person", "erase", "--db", str(path), "--person", person, "--redact-mentions", "--yes")
    assert code == 0, out.err
    assert "These backups, made before upgrades of the database, still held their data and were deleted:" in out.out
    assert str(backups[0]) in out.out
    assert not backups[0].exists()
    assert _traces(folder) == []  # no byte of the name in any file of the folder
    assert sorted(p.name for p in folder.iterdir()) == ["visitapp.db"]
    other = tmp_path / "other"  # a database of another name in the same folder keeps its backups
    other.mkdir()
    shutil.copyfile(FIXTURES / "visitapp-0001.db", other / "a.db")
    Database.open(other / "a.db", create=False).close()
    shutil.copyfile(other / "a.db", other / "b.db")  # at the head revision: no upgrade, no backup of its own
    assert [p.name for p in upgrade_backups(other / "b.db")] == []
    assert len(upgrade_backups(other / "a.db")) == 1
