"""Real processes: a SIGKILL loses nothing typed a second before it; the core never imports Qt."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELPER = Path(__file__).with_name("gui_helper.py")


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "VISITAPP_LANG": "en",
            "XDG_CONFIG_HOME": str(tmp_path / "config")}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_after_autosave_keeps_the_draft(tmp_path, db_path, demo, svc):
    env = _env(tmp_path)
    settings = str(tmp_path / "gui.ini")
    proc = subprocess.Popen([sys.executable, str(HELPER), str(db_path), demo[0], settings, "type",
                             "Company plans a second building"], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "TYPED", line
        time.sleep(1.5)  # past the autosave delay (under a second after the last keystroke)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert svc.drafts.list(demo[0])["capture"].text == "Company plans a second building"
    again = subprocess.run([sys.executable, str(HELPER), str(db_path), demo[0], settings, "show"],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert "TEXT:Company plans a second building" in again.stdout, again.stderr


def test_gui_command_opens_visit_and_quits(tmp_path, db_path, demo):
    """`python -m visitapp gui --db F --visit ID` starts; a fatal problem with the file is one sentence."""
    env = _env(tmp_path)
    bad = tmp_path / "not-a-db.db"
    bad.write_text("hello")
    proc = subprocess.run([sys.executable, "-m", "visitapp", "gui", "--db", str(bad)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 1 and "not a visitapp database" in proc.stderr, proc.stderr
    proc = subprocess.Popen([sys.executable, "-m", "visitapp", "gui", "--db", str(db_path), "--visit", demo[0][:8]],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.5)
    assert proc.poll() is None, proc.communicate()
    proc.terminate()
    proc.wait(timeout=10)


def test_only_visitapp_ui_imports_qt():
    code = (
        "import importlib, pathlib, sys, visitapp\n"
        "root = pathlib.Path(visitapp.__file__).parent\n"
        "for f in sorted(root.rglob('*.py')):\n"
        "    parts = f.relative_to(root.parent).with_suffix('').parts\n"
        "    if parts[1:2] == ('ui',) or 'migrations' in parts or parts[-1] == '__main__': continue\n"
        "    importlib.import_module('.'.join(parts[:-1] if parts[-1] == '__init__' else parts))\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
