"""Shared fixtures: a fresh real SQLite file per test, services over it, the CLI in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from visitapp.db import Database
from visitapp.services import Identity, Services

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user's data folder and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("VISITAPP_DB", raising=False)
    monkeypatch.delenv("VISITAPP_AUTHOR", raising=False)
    monkeypatch.setenv("VISITAPP_LANG", "en")


@pytest.fixture(autouse=True)
def _cli_process_settings_reset():
    """After each test: the process-wide settings a command installs (``visitapp.cli.common``) are the defaults again.

    A test that runs the CLI in this process (``main([... "--db-pass-env", "P"])``) leaves the PostgreSQL
    password source, the SQLCipher key sources and the progress reporter installed; every later test in the
    same process then reads ``$P`` on each connection. Which tests come later depends on how pytest-xdist
    shares the files out among its workers, so without this the suite passed or failed by the distribution.
    """
    yield
    if "visitapp.db.engines.postgresql" in sys.modules:
        sys.modules["visitapp.db.engines.postgresql"].set_password_source(None)
    if "visitapp.db.engines.sqlcipher" in sys.modules:
        sqlcipher = sys.modules["visitapp.db.engines.sqlcipher"]
        sqlcipher.set_default_key_source(None)
        sqlcipher.set_new_file_key(None)
    if "visitapp.db.database" in sys.modules:
        sys.modules["visitapp.db.database"].set_default_progress(None)
    if "visitapp.registry.waiting" in sys.modules:  # a registry write's wait line (install_registry_waiting)
        sys.modules["visitapp.registry.waiting"].set_default_waiting(None)


def softhsm_lib(module: str | None = None) -> Any:
    """The SoftHSM2 library, re-initialised when ``SOFTHSM2_CONF`` changed since it was last initialised.

    SoftHSM2 reads ``SOFTHSM2_CONF`` once, at ``C_Initialize``, and python-pkcs11
    keeps one library per process; each test module that makes a token has a
    token folder of its own, so without this only the tokens of the module that
    loaded the library first are visible to the rest of the run.
    """
    from tests.softhsm import softhsm_lib as shared  # one record of the conf, kept on the pkcs11 module

    return shared(module)


@pytest.fixture(autouse=True)
def _softhsm_reads_the_current_conf():
    """Before each test: the library sees the token folder this test's fixtures set up."""
    if os.environ.get("SOFTHSM2_CONF") and "pkcs11" in sys.modules:
        softhsm_lib()
    yield


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "visits.db"


@pytest.fixture
def db(db_path):
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def svc(db) -> Services:
    return Services(db, Identity("Ewa Kowalczyk", "Centrum Wspierania Inwestorów", "ekspertka"))


@pytest.fixture
def demo(svc) -> list[str]:
    from visitapp.demo import create_demo

    return create_demo(svc)


def require_tool(name: str) -> str:
    """The path of a system tool; a missing tool fails the test under CI and skips it elsewhere."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is required in CI but is not installed")
        pytest.skip(f"{name} is not installed")
    return path


def run_cli(*args: str, env: dict[str, str] | None = None, input: str | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``python -m visitapp ARGS`` in a real subprocess."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "visitapp", *args], capture_output=True, text=True, env=full_env,
        input=input, timeout=timeout, cwd=ROOT,
    )


def require_postgresql() -> None:
    """A throwaway PostgreSQL cluster can be started here; else fail under CI and skip elsewhere (as require_tool)."""
    from pg_cluster import missing_reason

    reason = missing_reason()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_socket():
    """One throwaway PostgreSQL cluster for the whole run (tests/pg_cluster.py); yields its socket folder."""
    require_postgresql()
    import pg_cluster

    with pg_cluster.running() as sock:
        yield sock


@pytest.fixture
def pg_url(pg_socket, request) -> Any:
    """A fresh, empty PostgreSQL database for this test: ``postgresql+psycopg://postgres@/NAME?host=SOCK``."""
    import uuid

    import pg_cluster

    name = "t_" + uuid.uuid4().hex[:16]
    url = pg_cluster.create_database(pg_socket, name)
    yield url
    pg_cluster.drop_database(pg_socket, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def registry_target(request, tmp_path) -> Any:
    """Where a registry test's registry lives, once per engine: an SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "registry.db"
    return request.getfixturevalue("pg_url")
