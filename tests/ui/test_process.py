"""Real processes: a SIGKILL loses nothing typed a second before it; `visitapp gui --visit` shows that visit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.gui_process import gui_env, start_visitapp, stop, stored_draft, wait_for_window

ROOT = Path(__file__).resolve().parents[2]
HELPER = Path(__file__).with_name("gui_helper.py")
TYPED = "Company plans a second building"


def wait_for_draft(proc: subprocess.Popen[str], db_path: Path, visit_id: str, text: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    seen = None
    while time.monotonic() < deadline:
        seen = stored_draft(db_path, visit_id)
        if seen == text:
            return
        assert proc.poll() is None, "the GUI exited before storing the draft"
        time.sleep(0.05)  # polling the database file, bounded by the deadline
    raise AssertionError(f"the draft was not stored within {timeout} s (last seen: {seen!r})")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_after_autosave_keeps_the_draft(tmp_path, db_path, demo):
    visit = demo[0]
    report = tmp_path / "shown.json"
    env = gui_env(tmp_path, report)
    assert stored_draft(db_path, visit) is None
    typing = subprocess.Popen([sys.executable, str(HELPER), str(db_path), visit, str(tmp_path / "gui.ini"), "type",
                               TYPED], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = typing.stdout.readline()
        assert line.strip() == "TYPED", line
        wait_for_draft(typing, db_path, visit, TYPED)  # stored by the running app, not at quit
        typing.send_signal(signal.SIGKILL)
        assert typing.wait(timeout=15) == -signal.SIGKILL
    finally:
        if typing.poll() is None:
            typing.kill()
            typing.wait()
        typing.stdout.close()

    again = start_visitapp("gui", "--db", str(db_path), "--visit", visit, env=env)
    try:
        shown = wait_for_window(again, report)
    finally:
        stop(again)
    assert shown["visit"] == visit
    assert shown["capture"] == TYPED  # the restarted window gives the text back in the capture box


def test_gui_command_opens_visit_and_quits(tmp_path, db_path, demo):
    """`python -m visitapp gui --db F --visit ID` shows that visit; a fatal problem with the file is one sentence."""
    report = tmp_path / "shown.json"
    env = gui_env(tmp_path, report)
    bad = tmp_path / "not-a-db.db"
    bad.write_text("hello")
    proc = subprocess.run([sys.executable, "-m", "visitapp", "gui", "--db", str(bad)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 1 and "not a visitapp database" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and not report.exists()
    proc = start_visitapp("gui", "--db", str(db_path), "--visit", demo[0][:8], env=env)
    try:
        shown = wait_for_window(proc, report)
        assert proc.poll() is None  # still running once shown
    finally:
        stop(proc)
    assert shown["visible"] and shown["exposed"]
    assert shown["visit"] == demo[0]  # the short id opened the whole visit
    assert shown["db"] == str(db_path)
    if os.name == "posix":
        assert report.stat().st_mode & 0o077 == 0  # it holds typed text: the owner's only
