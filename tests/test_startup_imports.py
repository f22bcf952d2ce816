"""Fast start (issue 10): what a fresh process imports for ``--version``, ``--help``, a listing and the window.

Each check is a real process; ``python -X importtime`` lists every module it imported (on stderr), and the
window's first-paint report (``VISITAPP_REPORT_SHOWN``) lists what the GUI had imported once it was shown.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from gui_process import gui_env, start_visitapp, stop, wait_for_window

from visitapp.cli import COMMAND_MODULES, COMMANDS, build_parser
from visitapp.db import database

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("alembic", "pyhanko", "reportlab", "pikepdf")


def imported(*args: str, tmp_path: Path) -> set[str]:
    """The modules ``python -m visitapp ARGS`` imports, as ``-X importtime`` reports them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "visitapp", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    names = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "visitapp" in names  # the report was read
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


def test_a_listing_on_a_current_database_imports_no_alembic_signing_or_pdf(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    subprocess.run([sys.executable, "-m", "visitapp", "demo", "--db", str(db)], check=True, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=120)
    names = imported("visits", "--db", str(db), tmp_path=tmp_path)
    assert not tops(names) & {"PySide6", *HEAVY}, names
    assert "sqlalchemy" in tops(names)  # it did open the database


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
