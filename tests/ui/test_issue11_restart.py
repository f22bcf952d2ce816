"""Issue 11: a restart (after a crash too) reopens the visit that was open, with its draft (real processes)."""

from __future__ import annotations

from tests.gui_process import gui_env, start_visitapp, stop, wait_for_window


def test_restart_reopens_the_visit_that_was_open(tmp_path, db_path, demo, svc):
    visit = demo[1]
    first = start_visitapp("gui", "--db", str(db_path), "--visit", visit, env=gui_env(tmp_path, tmp_path / "1.json"))
    try:
        assert wait_for_window(first, tmp_path / "1.json")["visit"] == visit
    finally:
        stop(first)  # SIGTERM: no orderly close, as after a crash or a power cut
    svc.drafts.save(visit, "capture", "Tekst sprzed restartu", {})
    again = start_visitapp("gui", "--db", str(db_path), env=gui_env(tmp_path, tmp_path / "2.json"))
    try:
        shown = wait_for_window(again, tmp_path / "2.json")
    finally:
        stop(again)
    assert shown["visit"] == visit and shown["capture"] == "Tekst sprzed restartu"


def test_a_visit_removed_since_is_not_reopened(tmp_path, db_path, demo):
    from visitapp.ui import settings as s
    from visitapp.ui.settings import AppSettings

    env = gui_env(tmp_path, tmp_path / "shown.json")
    st = AppSettings(tmp_path / "home" / "config" / "visitapp" / "visitapp.conf")
    st.set(s.LAST_VISIT, "00000000-0000-0000-0000-000000000000")
    st.sync()
    proc = start_visitapp("gui", "--db", str(db_path), env=env)
    try:
        shown = wait_for_window(proc, tmp_path / "shown.json")
    finally:
        stop(proc)
    assert shown["visit"] is None
