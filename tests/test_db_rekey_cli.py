"""`visitapp db rekey` asks for the database's present key before changing it (issue 12).

The present passphrase comes from ``--pass-env VAR`` (or ``--db-pass-env VAR``), else the key kept in the
keyring, else a prompt on the terminal; the new one from ``--new-pass-env VAR`` (or a prompt, twice), or
``--keyring`` for a new random key.  A wrong present passphrase is one sentence, exit 1, and nothing changes:
neither the file nor the keyring.  Real processes (one on a real pseudo-terminal), real SQLCipher files.
"""

from __future__ import annotations

import os
import pty
import select
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from visitapp.db import Database, convert
from visitapp.db.engines import sqlcipher
from visitapp.db.engines.sqlcipher import DbKey, WrongKey

OLD = "obecne hasło bazy"
NEW = "zupełnie nowe hasło"
ENV = {"P_OLD": OLD, "P_NEW": NEW, "P_BAD": OLD + "!"}


@pytest.fixture(autouse=True)
def _file_keyring(monkeypatch, tmp_path):
    """A real keyring backend (a plaintext file in this test's folder), here and in the subprocesses."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rekey") / "notatki.db"
    Database.open(path, key=DbKey(passphrase=OLD)).close()
    return path


@pytest.fixture
def enc_db(tmp_path, template) -> Path:
    path = tmp_path / "notatki.db"
    path.write_bytes(template.read_bytes())
    path.chmod(0o600)
    return path


def _opens_with(path: Path, key: DbKey) -> None:
    Database.open(path, create=False, key=key).close()


def _refused(r, path: Path) -> None:
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
    said = f"visitapp: The passphrase or key does not open the database {path}; it was not changed.\n"
    assert r.stderr == said, r.stderr


def test_a_wrong_present_passphrase_is_one_sentence_and_nothing_changes(enc_db):
    before = enc_db.read_bytes()
    for present, new in (("--pass-env", ["--new-pass-env", "P_NEW"]), ("--db-pass-env", ["--keyring"])):
        r = run_cli("db", "rekey", "--db", str(enc_db), present, "P_BAD", *new, env=ENV)
        _refused(r, enc_db)
        assert enc_db.read_bytes() == before
        assert sqlcipher.keyring_key(enc_db) is None  # a new random key is not left behind
    assert sorted(p.name for p in enc_db.parent.iterdir() if p.name != "xdg-data") == ["notatki.db"]
    _opens_with(enc_db, DbKey(passphrase=OLD))
    r = run_cli("db", "rekey", "--db", str(enc_db), "--pass-env", "P_OLD", "--new-pass-env", "P_NEW", env=ENV)
    assert r.returncode == 0, r.stderr
    with pytest.raises(WrongKey):
        _opens_with(enc_db, DbKey(passphrase=OLD))
    _opens_with(enc_db, DbKey(passphrase=NEW))


def test_a_key_kept_in_the_keyring_is_the_present_key_and_a_passphrase_does_not_replace_it(enc_db):
    kept = DbKey.new_raw()
    sqlcipher.store_keyring_key(enc_db, kept)
    convert.rekey(enc_db, DbKey(passphrase=OLD), kept)
    before = enc_db.read_bytes()
    r = run_cli("db", "rekey", "--db", str(enc_db), "--pass-env", "P_OLD", "--new-pass-env", "P_NEW", env=ENV)
    _refused(r, enc_db)  # a passphrase named where the key is in the keyring: refused, keyring kept
    assert enc_db.read_bytes() == before and sqlcipher.keyring_key(enc_db) == kept
    r = run_cli("db", "rekey", "--db", str(enc_db), "--new-pass-env", "P_NEW", env=ENV)  # the keyring's key
    assert r.returncode == 0, r.stderr
    assert sqlcipher.keyring_key(enc_db) is None
    _opens_with(enc_db, DbKey(passphrase=NEW))


def _on_a_terminal(args: list[str], answers: list[tuple[bytes, str]], timeout: float = 60) -> tuple[int, str]:
    """Run ``python -m visitapp ARGS`` on a new pseudo-terminal; type each answer after its prompt appears."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", **ENV}
    pid, fd = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pty, as a user's shell would give it
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "visitapp", *args], env)
    seen = b""
    pending = list(answers)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _w, _x = select.select([fd], [], [], deadline - time.monotonic())
            if not ready:
                break
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child ended: the terminal is closed
                break
            if not chunk:
                break
            seen += chunk
            if pending and pending[0][0] in seen.rsplit(b"\n", 1)[-1]:
                os.write(fd, pending.pop(0)[1].encode("utf-8") + b"\n")
        _pid, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert not pending, seen
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


def test_on_a_terminal_the_present_passphrase_is_asked_and_a_wrong_one_changes_nothing(enc_db):
    before = enc_db.read_bytes()
    code, out = _on_a_terminal(["db", "rekey", "--db", str(enc_db), "--new-pass-env", "P_NEW"],
                               [(b"Passphrase of the database", "nie to hasło")])
    assert code == 1, out
    assert out.rstrip().endswith(f"does not open the database {enc_db}; it was not changed."), out
    assert "Traceback" not in out and "nie to hasło" not in out  # not echoed
    assert "New passphrase" not in out  # refused before the new one is asked
    assert enc_db.read_bytes() == before
    code, out = _on_a_terminal(["db", "rekey", "--db", str(enc_db)],
                               [(b"Passphrase of the database", OLD), (b"New passphrase", NEW), (b"Repeat", NEW)])
    assert code == 0, out
    assert "has a new passphrase" in out
    _opens_with(enc_db, DbKey(passphrase=NEW))
