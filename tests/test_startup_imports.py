"""Fast start (issue 10): what a fresh process imports for ``--version``, ``--help``, a listing and the window.

Each check is a real process; ``python -X importtime`` lists every module it imported (on stderr), and the
window's first-paint report (``VISITAPP_REPORT_SHOWN``) lists what the GUI had imported once it was shown.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from gui_process import gui_env, start_visitapp, stop, wait_for_window

from visitapp.cli import COMMAND_MODULES, COMMANDS, build_parser
from visitapp.db import database

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("alembic", "pyhanko", "reportlab", "pikepdf")


def run_importtime(*args: str, tmp_path: Path, env: dict[str, str] | None = None
                   ) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """``python -X importtime -m visitapp ARGS``: the finished process and the modules it imported."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "HOME": str(tmp_path), **(env or {})}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "visitapp", *args], env=full_env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    names = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "visitapp" in names  # the report was read
    done.stderr = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("import time:"))
    return done, names


def imported(*args: str, tmp_path: Path, env: dict[str, str] | None = None) -> set[str]:
    """The modules ``python -m visitapp ARGS`` imports, as ``-X importtime`` reports them."""
    done, names = run_importtime(*args, tmp_path=tmp_path, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return names


def tops(names: set[str]) -> set[str]:
    return {name.split(".")[0] for name in names}


def test_version_and_help_import_almost_nothing(tmp_path: Path) -> None:
    for args in (["--version"], ["--help"]):
        names = imported(*args, tmp_path=tmp_path)
        assert not tops(names) & {"sqlalchemy", "pydantic", "PySide6", "cryptography", "multiprocessing", *HEAVY}, \
            (args, names)
        ours = {n for n in names if n.startswith("visitapp.")}
        assert ours <= {"visitapp.cli", "visitapp.cli.argparse_i18n", "visitapp.cli.streams", "visitapp.errors",
                        "visitapp.i18n", "visitapp.resources"}, (args, ours)


# What `visits` starts without (issue 10: within 1.5x of a bare SQLAlchemy script): it reads with SQLAlchemy
# Core (visitapp/db/visit_list.py), so neither the ORM and its models, nor pydantic (the exchange record, the
# templates), nor the services and operations are imported.
NOT_FOR_VISITS = ("sqlalchemy.orm", "pydantic", "pydantic_core", "alembic", "visitapp.db.models",
                  "visitapp.services", "visitapp.ops", "visitapp.exchange", "visitapp.templates")


def loaded(names: set[str], packages: tuple[str, ...]) -> list[str]:
    """Which of ``names`` are one of ``packages`` or inside one."""
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in packages))


def _demo(db: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "visitapp", "demo", "--db", str(db)], cwd=ROOT, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.fixture(scope="module")
def listing_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A demo database made once for the listing tests (they only read it, or copy it), and its visits' ids."""
    db = tmp_path_factory.mktemp("listing") / "demo.db"
    return db, _demo(db)


def test_a_listing_on_a_current_database_imports_no_alembic_signing_or_pdf(
        listing_db: tuple[Path, list[str]], tmp_path: Path) -> None:
    names = imported("visits", "--db", str(listing_db[0]), tmp_path=tmp_path)
    assert not tops(names) & {"PySide6", *HEAVY}, names
    assert "sqlalchemy" in tops(names)  # it did open the database
    assert "visitapp.db.visit_list" in names  # the Core listing ran
    assert not loaded(names, NOT_FOR_VISITS), loaded(names, NOT_FOR_VISITS)


def test_visits_json_of_a_status_reads_with_sqlalchemy_core_alone(
        listing_db: tuple[Path, list[str]], tmp_path: Path) -> None:
    db, ids = listing_db
    done, names = run_importtime("visits", "--db", str(db), "--json", "--status", "finalised", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert len(listed) == 1 and listed[0]["id"] in ids and listed[0]["status"] == "finalised"
    assert not loaded(names, NOT_FOR_VISITS), loaded(names, NOT_FOR_VISITS)


def test_visits_opens_an_encrypted_database_with_its_key_without_the_orm(
        listing_db: tuple[Path, list[str]], tmp_path: Path) -> None:
    db, env = tmp_path / "secret.db", {"VISITAPP_TEST_PASS": "hasło bazy"}
    shutil.copyfile(listing_db[0], db)
    ids = listing_db[1]
    encrypted = subprocess.run([sys.executable, "-m", "visitapp", "db", "encrypt", "--db", str(db), "--pass-env",
                                "VISITAPP_TEST_PASS"], cwd=ROOT, text=True, capture_output=True, timeout=120,
                               env={**os.environ, "PYTHONPATH": str(ROOT), **env})
    assert encrypted.returncode == 0, encrypted.stderr
    assert not db.read_bytes().startswith(b"SQLite format 3")  # it is encrypted
    done, names = run_importtime("visits", "--db", str(db), "--db-pass-env", "VISITAPP_TEST_PASS", "--json",
                                 tmp_path=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert sorted(v["id"] for v in json.loads(done.stdout)) == sorted(ids)
    assert not loaded(names, NOT_FOR_VISITS), loaded(names, NOT_FOR_VISITS)


def test_visits_still_upgrades_an_older_database_and_refuses_a_newer_one(
        listing_db: tuple[Path, list[str]], tmp_path: Path) -> None:
    """The schema check runs on the Core path: an older file is upgraded (Alembic and the ORM imported then,
    and only then), a newer one is refused in one sentence and left as it was."""
    old = tmp_path / "old.db"
    shutil.copyfile(ROOT / "tests" / "fixtures" / f"visitapp-{database.REVISIONS[-2]}.db", old)
    done, names = run_importtime("visits", "--db", str(old), "--json", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert {"alembic", "visitapp.db.visit_list"} <= names
    with contextlib.closing(sqlite3.connect(old)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(database.HEAD_REVISION,)]
        stored = {row[0] for row in conn.execute("SELECT uuid FROM visits")}
    assert stored and {v["id"] for v in json.loads(done.stdout)} == stored

    newer = tmp_path / "newer.db"
    shutil.copyfile(listing_db[0], newer)  # (the demo's file is closed: WAL checkpointed into it)
    with contextlib.closing(sqlite3.connect(newer)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = newer.read_bytes()
    done, names = run_importtime("visits", "--db", str(newer), tmp_path=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert "newer version of visitapp" in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert newer.read_bytes() == before
    assert not loaded(names, NOT_FOR_VISITS), loaded(names, NOT_FOR_VISITS)


def test_the_window_is_shown_before_the_database_layer_is_imported(tmp_path: Path) -> None:
    """The window's first paint comes before SQLAlchemy, pydantic and the services are imported (they load on
    the DB worker meanwhile); once the database is open, the window gets its parts, still without Alembic,
    signing or PDF modules."""
    db = tmp_path / "demo.db"
    subprocess.run([sys.executable, "-m", "visitapp", "demo", "--db", str(db)], check=True, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=120)
    report, painted = tmp_path / "shown.json", tmp_path / "painted.json"
    proc = start_visitapp("gui", "--db", str(db), env=gui_env(tmp_path, report, VISITAPP_REPORT_PAINTED=str(painted)))
    try:
        shown = wait_for_window(proc, report)
        first = wait_for_window(proc, painted)
    finally:
        stop(proc)
    assert first["visible"] and not first["ready"]  # painted without its parts: "Opening…" where the list goes
    at_show = set(first["modules_at_show"])  # imported when the window was shown, before the DB worker began
    assert "visitapp.ui.main_window" in at_show
    assert not tops(at_show) & {"sqlalchemy", "pydantic", "pydantic_core", *HEAVY}, sorted(tops(at_show))
    assert not {m for m in at_show if m.startswith(("visitapp.db", "visitapp.services", "visitapp.ops",
                                                     "visitapp.exchange", "visitapp.ui.capture"))}, sorted(at_show)
    assert shown["ready"] and shown["visible"] and shown["db"] == str(db)
    modules = set(shown["modules"])
    assert {"visitapp.ui.main_window", "visitapp.ui.capture.view", "visitapp.services"} <= modules
    assert not tops(modules) & set(HEAVY), sorted(tops(modules) & set(HEAVY))
    assert not {m for m in modules if m.startswith(("visitapp.minutes", "visitapp.publish"))}
    assert first["cpu"] <= shown["cpu"]


def test_the_head_revision_constant_is_the_scripts_head() -> None:
    script = database._scripts()
    chain = [rev.revision for rev in script.walk_revisions()][::-1]  # walk_revisions goes newest first
    assert tuple(chain) == database.REVISIONS
    assert script.get_current_head() == database.HEAD_REVISION == database.head_revision()


def test_the_command_table_is_what_the_modules_register() -> None:
    full = build_parser()  # every module imported
    sub = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    registered = {choice.dest: choice.help for choice in sub._choices_actions}
    assert registered == {name: help_line() for name, (_module, help_line) in COMMANDS.items()}
    assert {module for module, _help in COMMANDS.values()} == set(COMMAND_MODULES)
    for name in COMMANDS:  # each command gets its whole parser from its own module alone
        lazy = build_parser(name)
        lazy_sub = next(a for a in lazy._actions if isinstance(a, argparse._SubParsersAction))
        assert lazy_sub.choices[name].format_help() == sub.choices[name].format_help()


def test_the_benchmarks_bare_window_reports_its_first_paint(tmp_path: Path) -> None:
    """The baseline of benchmarks/startup.py (also frozen by packaging/bare_window.spec) reports as our window does."""
    report = tmp_path / "bare.json"
    proc = subprocess.Popen([sys.executable, str(ROOT / "packaging" / "bare_window.py")], cwd=ROOT, text=True,
                            env=gui_env(tmp_path, report), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        shown = wait_for_window(proc, report)
    finally:
        stop(proc)
    assert 0 < shown["cpu"] < 60
