"""The PostgreSQL engine on a real throwaway server (tests/pg_cluster.py): URLs, errors, migrations, roles, the CLI.

A registry merged on PostgreSQL must read exactly as the same merge into SQLite
through the real CLI (``visits``, ``show``, ``actions`` with ``--json``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid as uuid_mod
from pathlib import Path

import pg_cluster
import psycopg
import pytest
from registry_helpers import ANNA, PIOTR, Official, dump, keys, sign_record
from sqlalchemy import text

from tests.conftest import ROOT, run_cli
from visitapp.db import Database
from visitapp.db.database import head_revision
from visitapp.db.engines import backend_for
from visitapp.db.engines.postgresql import PostgreSQLBackend, set_password_source
from visitapp.errors import DatabaseError, InvalidInput


def _one_sentence(message: str) -> None:
    assert "\n" not in message.strip() and "Traceback" not in message and message.strip().endswith(".")


def _revision(url: str) -> list[str]:
    with psycopg.connect(_libpq(url)) as conn:
        return [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]


def _libpq(url: str) -> str:
    """The libpq connection string of a test URL (postgresql+psycopg://user@/name?host=/sock)."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return f"host={u.query['host']} dbname={u.database} user={u.username}"


# -- URLs -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["postgresql+psycopg", "postgresql", "postgres"])
def test_every_spelling_of_the_url_opens_through_psycopg_3(pg_url, scheme):
    url = pg_url.replace("postgresql+psycopg://", f"{scheme}://")
    with Database.open(url) as db:
        assert isinstance(db.backend, PostgreSQLBackend) and db.path is None
        assert db.engine.dialect.driver == "psycopg"
        with db.read() as s:
            assert s.execute(text("SELECT current_database()")).scalar() == pg_url.split("@/", 1)[1].split("?")[0]
    assert _revision(pg_url) == [head_revision()]


def test_another_driver_is_refused_and_a_password_is_never_shown(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InvalidInput) as err:
        backend_for("postgresql+psycopg2://koord:Tajne-Haslo-1@db.example/registry", lock_timeout_ms=100)
    _one_sentence(str(err.value))
    assert "psycopg 3" in str(err.value) and "Tajne-Haslo-1" not in str(err.value)
    backend = backend_for("postgres://koord:Tajne-Haslo-1@db.example:5433/registry?sslmode=verify-full",
                          lock_timeout_ms=100)
    assert backend.describe() == "postgresql+psycopg://koord:***@db.example:5433/registry?sslmode=verify-full"
    assert list(tmp_path.iterdir()) == []  # a URL is never a path: nothing created


def test_a_password_from_the_named_variable_goes_into_the_url_object_only():
    backend = backend_for("postgresql+psycopg://koord@db.example/registry?sslmode=require", lock_timeout_ms=100)
    assert isinstance(backend, PostgreSQLBackend)
    set_password_source(lambda: "Tajne-Haslo-2")
    try:
        url = backend._connect_url()
    finally:
        set_password_source(None)
    assert url.password == "Tajne-Haslo-2" and url.query["sslmode"] == "require"
    assert "Tajne-Haslo-2" not in backend.describe() and "Tajne-Haslo-2" not in str(url)


# -- errors: one sentence, nothing changed ----------------------------------------------------------------------------

def test_unreachable_server_missing_database_and_unknown_role_are_one_sentence_each(pg_socket, tmp_path):
    cases = {
        f"postgresql+psycopg://postgres@/x?host={tmp_path}": "cannot be reached",
        pg_cluster.url(pg_socket, "no_such_registry"): "no database at",
        pg_cluster.url(pg_socket, "postgres", user="nobody_here"): "refused the user name or password",
    }
    for url, words in cases.items():
        with pytest.raises(DatabaseError) as err:
            Database.open(url)
        _one_sentence(str(err.value))
        assert words in str(err.value), str(err.value)
    result = run_cli("visits", "--db", pg_cluster.url(pg_socket, "no_such_registry"))
    assert result.returncode == 1 and "no database at" in result.stderr and "Traceback" not in result.stderr


def test_a_newer_schema_is_refused_and_left_as_it_was(pg_url):
    Database.open(pg_url).close()
    with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = dump(pg_url)
    with pytest.raises(DatabaseError, match="newer version of visitapp") as err:
        Database.open(pg_url)
    _one_sentence(str(err.value))
    assert dump(pg_url) == before


def test_a_foreign_database_is_refused(pg_url):
    with psycopg.connect(_libpq(pg_url), autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(DatabaseError, match="is not a visitapp database"):
        Database.open(pg_url)
    assert _tables(pg_url) == {"invoices"}


def _tables(url: str) -> set[str]:
    with psycopg.connect(_libpq(url)) as conn:
        return {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}


# -- migrations -------------------------------------------------------------------------------------------------------

def test_an_old_schema_is_upgraded_in_place_by_the_same_migrations(pg_url):
    """0002 built by Alembic, a merged file whose signer the trust list knows, then opened: 0003.. run on PostgreSQL."""
    from alembic import command
    from sqlalchemy import create_engine

    from visitapp.db.database import alembic_config

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(text("INSERT INTO trusted_certificates (fingerprint, subject, organisation, pem, added_at) "
                          "VALUES ('ab', 'Anna Nowak', 'GUP', 'pem', now())"))
        conn.execute(text(
            "INSERT INTO merged_files (sha256, file_name, merged_at, signer, signer_organisation, signer_fingerprint, "
            "visit_uuid, author, content_hash, record) VALUES ('f', 'a.pdf', now(), 'Anna Nowak, Jan', 'GUP', 'ab', "
            "'v', 'Anna Nowak', 'h', '{}')"))
    engine.dispose()
    with Database.open(pg_url) as db, db.read() as s:
        assert s.execute(text("SELECT signer_name FROM merged_files")).scalar() == "Anna Nowak"  # 0003's UPDATE
        assert s.execute(text("SELECT signer_key FROM trusted_certificates")).scalar() == "ab"  # 0004's batch op
        assert s.execute(text("SELECT verbatim FROM visits")).all() == []  # 0006: a real boolean column
    assert _revision(pg_url) == [head_revision()]


_OPEN_AT_ONCE = """
import sys, time
from pathlib import Path
from visitapp.db import Database
import visitapp.db.engines.postgresql, alembic.command  # imported before the start line, so both start together
Path(sys.argv[3]).touch()
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.002)
Database.open(sys.argv[1]).close()
print("opened")
"""


def test_two_processes_opening_an_empty_database_at_once_build_the_schema_once(pg_url, tmp_path):
    """Without the migration lock one of them fails on a table the other just created (tried: 3 times in 3)."""
    import time

    go = tmp_path / "go"
    ready = [tmp_path / f"ready-{i}" for i in range(2)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _OPEN_AT_ONCE, pg_url, str(go), str(r)], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for r in ready]
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        time.sleep(0.01)  # polling for the files the processes write when ready
    go.touch()
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all(out.strip() == "opened" for out, _err in outs)
    assert _revision(pg_url) == [head_revision()]
    assert {"visits", "notes", "merged_files", "alembic_version"} <= _tables(pg_url)


def test_a_server_database_is_not_copied_by_visitapp(pg_url):
    with Database.open(pg_url) as db, pytest.raises(DatabaseError, match="pg_dump") as err:
        db.backup(Path("/nonexistent/copy.db"))
    _one_sentence(str(err.value))


# -- a registry merged on both engines, read through the CLI ----------------------------------------------------------

@pytest.fixture(scope="module")
def merged(tmp_path_factory, pg_socket):
    """The same signed minutes merged into an SQLite file and into a PostgreSQL database by the real CLI."""
    work = tmp_path_factory.mktemp("pg-merged")
    visit_uuid = str(uuid_mod.uuid4())
    p12_a, pem_a = keys(work, "anna", ANNA)
    p12_p, pem_p = keys(work, "piotr", PIOTR)
    anna = Official(work / "anna.db", ANNA, visit_uuid)
    piotr = Official(work / "piotr.db", PIOTR, visit_uuid, place="Urząd Miasta")
    anna.note("Firma planuje 200 nowych miejsc pracy w Krakowie.", tags=["zatrudnienie", "IT"])
    commitment = anna.note("Przesłać listę techników do 30 kwietnia.", kind="commitment")
    anna.svc.actions.from_note(commitment, owner="GUP", due_date="2026-04-30")
    piotr.note("Brakuje inżynierów chmury; łódzkie uczelnie pomogą.", tags=["kompetencje"])
    files = [sign_record(anna.finalise(), work / "anna-v1.pdf", p12_a),
             sign_record(piotr.finalise(), work / "piotr-v1.pdf", p12_p)]
    anna.note("Dopisane po wizycie.")
    files.append(sign_record(anna.finalise(), work / "anna-v2.pdf", p12_a))
    anna.close()
    piotr.close()
    other = Official(work / "other.db", ANNA)
    other.note("Inna wizyta, nie scalona.")
    sign_record(other.finalise(), work / "not-merged.pdf", p12_a)
    other.close()
    name = "merged_" + uuid_mod.uuid4().hex[:8]
    targets = {"sqlite": str(work / "registry.db"), "postgresql": pg_cluster.create_database(pg_socket, name)}
    for target in targets.values():
        result = run_cli("merge", "--into", target, "--trust", str(pem_a), "--trust", str(pem_p), "--json",
                         *map(str, files))
        assert result.returncode == 0, result.stderr
        assert [f["status"] for f in json.loads(result.stdout)["files"]] == ["accepted"] * 3
    yield {"targets": targets, "visit": visit_uuid, "work": work, "socket": pg_socket, "name": name}
    pg_cluster.drop_database(pg_socket, name)


def _json(*args: str) -> object:
    result = run_cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_visits_show_and_actions_read_the_same_on_both_engines(merged):
    sqlite, pg = merged["targets"]["sqlite"], merged["targets"]["postgresql"]
    for command in (["visits"], ["show", "--visit", merged["visit"]], ["actions"]):
        on_sqlite, on_pg = _json(*command, "--db", sqlite), _json(*command, "--db", pg)
        if command[0] == "show":  # the record printed says when it was printed
            assert isinstance(on_sqlite, dict) and isinstance(on_pg, dict)
            on_sqlite.pop("exported_at"), on_pg.pop("exported_at")
        assert on_pg == on_sqlite, command
    assert [a["owner"] for a in _json("actions", "--db", pg)] == ["GUP"]


def test_a_read_only_role_reports_and_searches_but_cannot_merge(merged, tmp_path):
    sock, name = merged["socket"], merged["name"]
    role = "reader_" + uuid_mod.uuid4().hex[:6]
    pg_cluster.admin(sock, f"CREATE ROLE {role} LOGIN")
    pg_cluster.admin(sock, f"GRANT CONNECT ON DATABASE {name} TO {role}", f"GRANT USAGE ON SCHEMA public TO {role}",
                     f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", dbname=name)
    reader = pg_cluster.url(sock, name, user=role)
    before = dump(merged["targets"]["postgresql"])
    assert [v["id"] for v in _json("visits", "--db", reader)] == [merged["visit"]]
    hits = _json("search", "--db", reader, "lodzkie")  # diacritics and inflection: "łódzkie"
    assert any("łódzkie" in h["snippet"] for h in hits)
    out = run_cli("report", "--db", reader, "--out", str(tmp_path / "r.pdf"), "--csv-dir", str(tmp_path / "csv"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF") and any((tmp_path / "csv").iterdir())
    again = run_cli("merge", "--into", reader, "--trust", str(merged["work"] / "anna.pem"),
                    str(merged["work"] / "not-merged.pdf"))
    assert again.returncode == 1, again.stdout + again.stderr
    assert "read-only rights" in again.stdout + again.stderr and "Traceback" not in again.stderr
    assert dump(merged["targets"]["postgresql"]) == before


def test_a_password_from_db_pass_env_logs_in_and_is_never_shown(merged, tmp_path):
    """A role with a password (scram over the socket): refused without it, in with --db-pass-env; never printed."""
    sock, name = merged["socket"], merged["name"]
    role, secret = "koord_" + uuid_mod.uuid4().hex[:6], "Tajne-" + uuid_mod.uuid4().hex[:8]
    pg_cluster.admin(sock, f"CREATE ROLE {role} LOGIN PASSWORD '{secret}'")
    pg_cluster.admin(sock, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", dbname=name)
    hba = sock.parent / "data" / "pg_hba.conf"
    hba.write_text(f"local all {role} scram-sha-256\n" + hba.read_text())
    pg_cluster.admin(sock, "SELECT pg_reload_conf()")
    url = pg_cluster.url(sock, name, user=role)
    refused = run_cli("visits", "--db", url, env={"PGPASSFILE": str(tmp_path / "none")})
    assert refused.returncode == 1 and "refused the user name or password" in refused.stderr, refused.stderr
    ok = run_cli("visits", "--db", url, "--db-pass-env", "KOORD_PW", "--json",
                 env={"KOORD_PW": secret, "PGPASSFILE": str(tmp_path / "none")})
    assert ok.returncode == 0, ok.stderr
    assert [v["id"] for v in json.loads(ok.stdout)] == [merged["visit"]]
    assert secret not in ok.stdout + ok.stderr + refused.stdout + refused.stderr


_KILLED_WRITER = """
import sys, time, multiprocessing
from sqlalchemy import text
from visitapp.db import Database
db = Database.open(sys.argv[1])
with db.write() as s:
    s.execute(text("UPDATE alembic_version SET version_num = version_num"))
    # As a merge forks its verification worker while it holds a transaction.
    worker = multiprocessing.get_context("fork").Process(target=time.sleep, args=(30,), daemon=True)
    worker.start()
    print(worker.pid, flush=True)
    time.sleep(60)
"""


def test_a_killed_writer_releases_its_locks_though_its_forked_worker_lives_on(pg_url):
    """The worker inherited the connection's socket; it must not keep the killed transaction open on the server."""
    import signal

    Database.open(pg_url).close()
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, pg_url], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None
    worker = int(proc.stdout.readline())
    proc.kill()
    proc.wait(timeout=30)
    try:
        os.kill(worker, 0)  # still alive, holding its copy of the socket
        with Database.open(pg_url) as db, db.write() as s:  # waits at most the lock timeout (5 s), else "busy"
            s.execute(text("UPDATE alembic_version SET version_num = version_num"))
    finally:
        os.kill(worker, signal.SIGKILL)


def test_a_service_file_names_the_server_and_database(pg_url, tmp_path, monkeypatch):
    """libpq's own means: ``?service=NAME`` and $PGSERVICEFILE give host, database and user (a password too)."""
    from sqlalchemy.engine import make_url

    u = make_url(pg_url)
    (tmp_path / "services.conf").write_text(f"[registry]\nhost={u.query['host']}\ndbname={u.database}\nuser=postgres\n")
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "services.conf"))
    with Database.open("postgresql://?service=registry") as db, db.read() as s:
        assert s.execute(text("SELECT current_database()")).scalar() == u.database
    assert _revision(pg_url) == [head_revision()]


def test_a_tls_failure_is_one_sentence(tmp_path):
    """A real libpq TLS negotiation against a server that has no TLS (it answers 'N' to the SSLRequest)."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        with listener:
            conn, _addr = listener.accept()
            with conn:
                conn.recv(8)  # the SSLRequest
                conn.sendall(b"N")  # no TLS here

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    with pytest.raises(DatabaseError) as err:
        Database.open(f"postgresql+psycopg://koord@127.0.0.1:{port}/registry?sslmode=require")
    thread.join(timeout=10)
    _one_sentence(str(err.value))
    assert "secure (TLS) connection" in str(err.value) and "sslmode" in str(err.value)
