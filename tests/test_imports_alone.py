"""Every package and module of the core imports first, alone, in a fresh interpreter.

A circular import can hide behind the order in which the suite happens to import
things (``import visitapp.ops`` failed alone while everything passed); PyInstaller
and a script that imports one module first meet it.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in (ROOT / "visitapp").rglob("*.py")
    if "migrations" not in path.parts and path.name != "__main__.py"
)


def test_each_module_imports_alone():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    failed = []
    for start in range(0, len(MODULES), 8):  # eight interpreters at a time, each importing one module first
        batch = MODULES[start:start + 8]
        procs = [(name, subprocess.Popen([sys.executable, "-c", f"import {name}"], cwd=ROOT, env=env,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True))
                 for name in batch]
        for name, proc in procs:
            _out, err = proc.communicate(timeout=120)
            if proc.returncode != 0:
                failed.append(f"{name}: {err.strip().splitlines()[-1] if err.strip() else proc.returncode}")
    assert failed == []
