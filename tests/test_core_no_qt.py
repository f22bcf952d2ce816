"""The core imports no Qt: only visitapp/ui may, so every workflow runs where PySide6 is missing.

This file imports nothing from Qt itself (it sits outside tests/ui, whose conftest does).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "visitapp"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
# The one sanctioned way from the core into the GUI: `visitapp gui` imports visitapp.ui inside its handler.
LAZY_UI_IMPORTS = {"visitapp/cli/gui.py"}


def core_files(package: Path = PACKAGE) -> list[Path]:
    return sorted(f for f in package.rglob("*.py") if f.relative_to(package).parts[0] != "ui")


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_core_files_are_found():
    names = {module_name(f) for f in core_files()}
    assert {"visitapp", "visitapp.cli", "visitapp.cli.gui", "visitapp.db.models"} <= names
    assert not any(n.startswith("visitapp.ui") for n in names)


# Imported by Alembic when a database is opened, not as modules of the package.
_ALEMBIC_SCRIPTS = "/db/migrations/"

IMPORT_ALL = r"""
import importlib, sys, tempfile, pathlib
QT = {qt!r}
def qt_loaded():
    return sorted(set(n.split('.')[0] for n in sys.modules if n.split('.')[0] in QT))
assert not qt_loaded(), qt_loaded()
for name in {names!r}:
    importlib.import_module(name)
    if qt_loaded():
        print('importing ' + name + ' loaded ' + ', '.join(qt_loaded()))
        sys.exit(1)
from visitapp.db import Database  # runs the Alembic environment and every migration script
from visitapp.cli import build_parser
build_parser().parse_args(['visits'])
with tempfile.TemporaryDirectory() as tmp:
    Database.open(pathlib.Path(tmp) / 'x.db', create=True).close()
if qt_loaded():
    print('opening a database loaded ' + ', '.join(qt_loaded()))
    sys.exit(1)
print('imported', len({names!r}), 'modules without Qt')
"""


def test_importing_every_core_module_loads_no_qt(tmp_path):
    names = [module_name(f) for f in core_files() if _ALEMBIC_SCRIPTS not in f.as_posix()]
    assert len(names) > 30
    code = IMPORT_ALL.format(qt=QT, names=names)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"imported {len(names)} modules without Qt" in proc.stdout


def _imports(path: Path, root: Path) -> list[tuple[str, int, bool]]:
    """(absolute module name, line, at module level?) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = module_name(path, root).split(".")
    package = name if path.name == "__init__.py" else name[:-1]
    top = {id(n) for node in tree.body if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
           for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            found.append((module, node.lineno, id(node) in top))
            found += [(f"{module}.{alias.name}", node.lineno, id(node) in top) for alias in node.names]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__", "find_spec"):
                found.append((node.args[0].value, node.lineno, id(node) in top))
    return found


def violations(root: Path = ROOT, package: Path = PACKAGE) -> list[str]:
    """Every import of Qt outside visitapp/ui, and of visitapp.ui except the one lazy entry of `visitapp gui`."""
    bad = []
    for path in core_files(package):
        rel = path.relative_to(root).as_posix()
        for module, line, at_top in _imports(path, root):
            if module.split(".")[0] in QT or ((module == "visitapp.ui" or module.startswith("visitapp.ui.")) and (
                    at_top or rel not in LAZY_UI_IMPORTS)):
                bad.append(f"{rel}:{line} imports {module}")
    return bad


def test_no_core_module_imports_qt_or_the_gui():
    assert violations() == []


def test_the_static_check_sees_every_way_of_importing(tmp_path):
    """The checker itself: each spelling of a Qt or GUI import in a core module is caught, and only those."""
    fake = tmp_path / "visitapp"
    for folder in ("registry", "cli", "ui"):
        (fake / folder).mkdir(parents=True)
    samples = {
        "registry/a.py": "import PySide6.QtCore\n",
        "registry/b.py": "def f():\n    from PySide6 import QtWidgets\n",
        "registry/c.py": "from ..ui import app\n",
        "registry/d.py": "import importlib\nimportlib.import_module('shiboken6')\n",
        "registry/e.py": "try:\n    from visitapp.ui.labels import KINDS\nexcept ImportError:\n    pass\n",
        "registry/f.py": "def g():\n    from visitapp.ui.app import run\n",  # lazy, but not the sanctioned module
        "cli/gui.py": "from visitapp.ui.app import run\n",  # the sanctioned module, but at import time
        "registry/fine.py": "import json\nfrom . import trust\nfrom ..db import Database\n",
        "ui/window.py": "from PySide6.QtWidgets import QWidget\n",  # the GUI may
    }
    for rel, text in samples.items():
        (fake / rel).write_text(text)
    found = violations(tmp_path, fake)
    assert sorted({line.split(":")[0] for line in found}) == [
        "visitapp/cli/gui.py", "visitapp/registry/a.py", "visitapp/registry/b.py", "visitapp/registry/c.py",
        "visitapp/registry/d.py", "visitapp/registry/e.py", "visitapp/registry/f.py"]
    (fake / "cli/gui.py").write_text("def cmd_gui():\n    from visitapp.ui.app import run\n")
    assert "visitapp/cli/gui.py" not in {line.split(":")[0] for line in violations(tmp_path, fake)}
