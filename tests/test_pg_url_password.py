"""A password typed inside a PostgreSQL URL on the command line is refused (issue 14): a process list shows it.

Every option that takes a database (``--db``, ``--into``, ``registry copy
--from``/``--to``) refuses ``postgresql://user:SECRET@host/db`` and
``?password=SECRET`` as wrong usage (exit 2), in one sentence naming the safe
ways, before anything connects (a listening socket here is never called) and
without repeating the secret.  ``--db-pass-env``'s password goes only to the
database the command names.
"""

from __future__ import annotations

import socket

import pytest

from visitapp.cli import main
from visitapp.db.engines import backend_for
from visitapp.db.engines.postgresql import PostgreSQLBackend, password_in_url, set_password_source

SECRET = "Tajne-Haslo-9"


@pytest.fixture
def listener():
    """A TCP port that records whether anything connected to it."""
    server = socket.create_server(("127.0.0.1", 0))
    server.setblocking(False)
    yield server
    server.close()


def _connected(server: socket.socket) -> bool:
    try:
        conn, _addr = server.accept()
    except BlockingIOError:
        return False
    conn.close()
    return True


def _commands(url: str) -> list[list[str]]:
    return [
        ["visits", "--db", url],
        ["gui", "--db", url],
        ["merge", "--into", url, "minutes.pdf"],
        ["registry", "copy", "--from", url, "--to", "copy.db"],
        ["registry", "copy", "--from", "registry.db", "--to", url],
    ]


@pytest.mark.parametrize("how", ["userinfo", "query"])
def test_a_password_in_a_url_is_wrong_usage_before_any_connection(listener, capsys, how, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    port = listener.getsockname()[1]
    url = (f"postgresql+psycopg://koord:{SECRET}@127.0.0.1:{port}/registry" if how == "userinfo"
           else f"postgres://koord@127.0.0.1:{port}/registry?sslmode=require&password={SECRET}")
    for argv in _commands(url):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2, argv
        out, err = capsys.readouterr()
        assert SECRET not in out + err, argv
        line = err.strip().splitlines()[-1]
        assert line.endswith("A password inside the database URL would be seen by anyone who lists this "
                             "computer's processes; remove it from the URL and give it with PGPASSWORD, "
                             "~/.pgpass, a service file (?service=NAME) or --db-pass-env VAR."), (argv, err)
        assert "Traceback" not in err
    assert not _connected(listener)  # refused before connecting
    assert list(tmp_path.iterdir()) == []  # and nothing created


def test_only_a_real_password_counts():
    assert password_in_url(f"postgresql://koord:{SECRET}@db.example/registry")
    assert password_in_url(f"postgresql+psycopg://koord@/registry?host=/run/postgresql&PASSWORD={SECRET}")
    assert not password_in_url("postgresql+psycopg://koord@db.example/registry?sslmode=verify-full")
    assert not password_in_url("postgresql://koord:@db.example/registry")  # an empty one: nothing to see
    assert not password_in_url(f"sqlite+pysqlcipher://:{SECRET}@/wizyty.db")  # not PostgreSQL's concern


def test_the_db_pass_env_password_goes_only_to_the_database_named():
    named = "postgres://koord@db.example:5433/registry?sslmode=verify-full"
    set_password_source(lambda: SECRET, only_for=[named])
    try:
        same = backend_for("postgresql+psycopg://koord@db.example:5433/registry?sslmode=verify-full",
                           lock_timeout_ms=100)
        other_db = backend_for("postgresql+psycopg://koord@db.example:5433/archive?sslmode=verify-full",
                               lock_timeout_ms=100)
        other_host = backend_for("postgresql+psycopg://koord@evil.example:5433/registry?sslmode=verify-full",
                                 lock_timeout_ms=100)
        assert isinstance(same, PostgreSQLBackend) and isinstance(other_db, PostgreSQLBackend)
        assert isinstance(other_host, PostgreSQLBackend)
        assert same._connect_url().password == SECRET
        assert other_db._connect_url().password is None
        assert other_host._connect_url().password is None
    finally:
        set_password_source(None)
