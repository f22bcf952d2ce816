"""Every package and module of the core imports first, alone, in a fresh interpreter.

A circular import can hide behind the order in which the suite happens to import
things (``import visitapp.ops`` failed alone while everything passed); PyInstaller
and a script that imports one module first meet it.

One fresh interpreter per module took a minute (about 170 interpreters, each
importing Qt, SQLAlchemy and pyHanko anew).  A fresh driver interpreter instead
imports the third-party packages that visitapp's sources name, and no visitapp
module, then forks one child per module: each child starts with no visitapp module
loaded, so the order of visitapp's own imports is exactly that of a fresh start.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from conftest import ROOT

MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in (ROOT / "visitapp").rglob("*.py")
    if "migrations" not in path.parts and path.name != "__main__.py"
)


def _third_party() -> list[str]:
    """Absolute imports in visitapp's sources that are not visitapp itself."""
    names: set[str] = set()
    for path in (ROOT / "visitapp").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return sorted(n for n in names if n.split(".")[0] != "visitapp")


DRIVER = r"""
import importlib, os, sys, traceback
for name in sys.argv[2].split(","):
    try:
        importlib.import_module(name)
    except Exception:
        pass  # an optional package (e.g. a Windows one): the child meets the same absence
assert not [m for m in sys.modules if m.split(".")[0] == "visitapp"], "the driver loaded visitapp"
failed = 0
for name in sys.argv[1].split(","):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(name)
            code = 0
        except BaseException:
            os.write(write, (name + ": " + traceback.format_exc().strip().splitlines()[-1] + "\n").encode())
            code = 1
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    _pid, status = os.waitpid(pid, 0)
    if status != 0:
        failed += 1
        sys.stdout.write(message or f"{name}: exit status {status}\n")
sys.exit(1 if failed else 0)
"""


def test_each_module_imports_alone():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", DRIVER, ",".join(MODULES), ",".join(_third_party())],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
