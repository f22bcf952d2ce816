"""Issue 14: the coordinator window opens a registry on a PostgreSQL server by its URL (File → Open server registry…).

The title shows the URL and the recent registries keep it, never a password. A password typed into the URL
is refused before connecting (libpq's ~/.pgpass, PGPASSWORD or a service file keep it instead), and
``gui --db URL --db-pass-env VAR`` logs in with the password from VAR, only on the server database named.
A real throwaway server (tests/pg_cluster.py), with a role that must give its password (scram over the socket).
"""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pg_cluster
import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy.engine import make_url

from tests.gui_process import gui_env, start_visitapp, stop, wait_for_window
from visitapp.db import Database
from visitapp.demo import create_demo
from visitapp.services import Identity, Services


def test_open_a_server_registry_by_its_url(gui, qtbot, pg_url, monkeypatch, settings):
    db = Database.open(pg_url)
    create_demo(Services(db, Identity("Ewa Kowalczyk")))
    db.close()
    asked: list[str] = []

    def answer(parent, title, label, *args, **kwargs):
        asked.append(label)
        return pg_url, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    gui.window.show_coordinator()
    window = gui.window.coordinator
    actions = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0])) if a.objectName()}
    actions["openServerRegistry"].trigger()
    assert asked and "postgresql+psycopg://" in asked[0]
    assert window.database_path is None and window.view.actions_page.model.rowCount() > 0  # the server's rows
    assert pg_url.split("@/", 1)[1].split("?", 1)[0] in window.windowTitle()
    (remembered,) = window.recent()
    assert make_url(remembered) == make_url(pg_url)
    assert [a.text() for a in window.recent_menu.actions()] == [remembered]
    window.recent_menu.actions()[0].trigger()  # opens again from Recent (libpq finds no password needed here)
    assert window.view.actions_page.model.rowCount() > 0
    window.close()


@pytest.fixture
def server(pg_socket, monkeypatch):
    """A role with a password, two databases it owns, the password in $KOORD_PW and nowhere else."""
    role, secret = "koord_" + uuid.uuid4().hex[:6], "Tajne-" + uuid.uuid4().hex[:8]
    names = ["reg_" + uuid.uuid4().hex[:8], "other_" + uuid.uuid4().hex[:8]]
    pg_cluster.admin(pg_socket, f"CREATE ROLE {role} LOGIN PASSWORD '{secret}'",
                     *(f'CREATE DATABASE "{n}" OWNER {role}' for n in names))
    hba = pg_socket.parent / "data" / "pg_hba.conf"
    hba.write_text(f"local all {role} scram-sha-256\n" + hba.read_text())
    pg_cluster.admin(pg_socket, "SELECT pg_reload_conf()")
    monkeypatch.setenv("KOORD_PW", secret)
    monkeypatch.setenv("PGPASSFILE", str(pg_socket.parent / "no-such-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    yield {"urls": [pg_cluster.url(pg_socket, n, user=role) for n in names], "secret": secret}
    for name in names:
        pg_cluster.drop_database(pg_socket, name)


def _as_gui_command_sets_up(*argv: str) -> None:
    """What ``visitapp gui ARGV`` installs before its window opens (visitapp.cli.main)."""
    from visitapp.cli import build_parser
    from visitapp.cli.common import install_db_key_source

    install_db_key_source(build_parser("gui").parse_args(["gui", *argv]))  # undone by tests/conftest.py


def test_the_coordinator_window_opens_the_server_registry_with_the_password_from_db_pass_env(
        gui, server, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)
    url, other = server["urls"]
    _as_gui_command_sets_up("--db", url, "--db-pass-env", "KOORD_PW")
    gui.window.show_coordinator()
    window = gui.window.coordinator
    assert window.open_registry(url), shown
    assert shown == [] and window.database_path is None
    name = make_url(url).database
    assert name is not None and name in window.windowTitle() and server["secret"] not in window.windowTitle()
    assert window.view.trust.model.rowCount() == 0  # an empty registry, built on the server by this open
    assert make_url(window.recent()[0]) == make_url(url)  # remembered, without any password

    # Another database on that server is not sent the password meant for the one named.
    assert not window.open_registry(other)
    assert len(shown) == 1 and "refused the user name or password" in shown[0]
    assert name in window.windowTitle()  # still on the registry it had
    assert all(server["secret"] not in text for text in shown)


def test_a_password_typed_into_the_server_url_is_refused_before_connecting(gui, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    typed = f"postgresql+psycopg://koord:Tajne-Haslo-7@127.0.0.1:{listener.getsockname()[1]}/registry"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (typed, True))
    gui.window.show_coordinator()
    window = gui.window.coordinator
    before = window.windowTitle()
    [action] = [a for a in window.menuBar().actions()[0].menu().actions() if a.objectName() == "openServerRegistry"]
    try:
        action.trigger()
        with pytest.raises(BlockingIOError):
            listener.accept()  # nothing connected
    finally:
        listener.close()
    assert shown == ["A password typed into the URL would be shown on screen and could be kept among the recent "
                     "registries; remove it from the URL and keep it in ~/.pgpass, PGPASSWORD or a service file "
                     "(?service=NAME)."]
    assert window.windowTitle() == before and all("Tajne-Haslo-7" not in r for r in window.recent())


def test_a_merge_in_the_window_waits_for_another_writer_and_says_so(gui, qtbot, pg_url, monkeypatch, tmp_path):
    """The registry's write lock held by another connection past the lock timeout (300 ms here): the merge page
    says it is waiting (not an error), and the file is accepted once the other writer is done."""
    import psycopg
    from registry_helpers import ANNA, Official, keys, sign_record

    from visitapp.db import database
    from visitapp.db.engines.postgresql import WRITE_LOCK
    from visitapp.registry.trust import TrustStore, load_certificate_file

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    p12, pem = keys(tmp_path, "anna", ANNA)
    official = Official(tmp_path / "anna.db", ANNA)
    official.note("Firma potrzebuje operatorów CNC.")
    pdf = sign_record(official.finalise(), tmp_path / "minutes-anna.pdf", p12)
    official.close()
    with Database.open(pg_url) as db:
        TrustStore(db).add(load_certificate_file(pem))
    gui.window.show_coordinator()
    window = gui.window.coordinator
    assert window.open_registry(pg_url)
    page = window.view.merge
    u = make_url(pg_url)
    holder = psycopg.connect(f"host={u.query['host']} dbname={u.database} user={u.username}")
    try:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        page.add_paths([pdf])
        qtbot.waitUntil(lambda: page.status.text().startswith(
            "Waiting for other coordinators' work on the registry ("), timeout=120_000)
        assert page.status.text().endswith("s so far): minutes-anna.pdf") and window.view.busy
    finally:
        holder.commit()  # the other writer is done
        holder.close()
    qtbot.waitUntil(lambda: not window.view.busy, timeout=120_000)
    assert [(r.status, r.reason) for r in page.results] == [("accepted", "")]
    assert page.status.text() == "1 accepted, 0 unchanged, 0 rejected."


def test_visitapp_gui_db_pass_env_opens_its_window_on_the_server_registry(server, tmp_path: Path):
    url = server["urls"][0]
    report = tmp_path / "shown.json"
    env = gui_env(tmp_path, report, KOORD_PW=server["secret"], PGPASSFILE=str(tmp_path / "none"))
    env.pop("PGPASSWORD", None)
    proc = start_visitapp("gui", "--db", url, "--db-pass-env", "KOORD_PW", env=env)
    try:
        shown = wait_for_window(proc, report)
    finally:
        stop(proc)
    assert shown["db"] == url and shown["visible"]
