"""The real desktop app in a subprocess, and a bounded wait for its window (no Qt imported here).

``visitapp.ui.app.run`` writes a JSON report to ``$VISITAPP_REPORT_SHOWN`` once its main window
is first painted (title, visibility, database, open visit, capture box text); the tests poll
for that file with a deadline instead of sleeping and hoping.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP_S = 90  # a loaded CI machine can be slow to start Qt; a hang still fails, just later


def gui_env(tmp_path: Path, report: Path, **extra: str) -> dict[str, str]:
    """An environment that keeps the app off the user's own settings and data."""
    home = tmp_path / "home"
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "VISITAPP_LANG": "en",
            "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"), "VISITAPP_REPORT_SHOWN": str(report), **extra}


def start_visitapp(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    """``python -m visitapp ARGS`` as a user starts it."""
    return subprocess.Popen([sys.executable, "-m", "visitapp", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_window(proc: subprocess.Popen[str], report: Path, timeout: float = STARTUP_S) -> dict:
    """The report of the first painted window; fails at once if the process exits without one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if report.exists():
            return json.loads(report.read_text(encoding="utf-8"))
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"visitapp exited ({proc.returncode}) without showing a window:\n{out}\n{err}")
        time.sleep(0.05)  # polling the file, bounded by the deadline
    raise AssertionError(f"no window shown within {timeout} s")


def stop(proc: subprocess.Popen[str]) -> None:
    """End the app (SIGTERM, then SIGKILL if it hangs) and reap it."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
    proc.communicate()


def stored_draft(db_path: Path, visit_id: str, key: str = "capture") -> str | None:
    """A visit's draft as another process sees it on disk (a read-only connection of its own)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute("SELECT d.text FROM drafts d JOIN visits v ON v.id = d.visit_id "
                           "WHERE v.uuid = ? AND d.key = ?", (visit_id, key)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None
