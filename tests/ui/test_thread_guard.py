"""The thread guard catches a write on the GUI thread, and lets the DB worker's and the test's own writes pass."""

from __future__ import annotations

import pytest

from tests.ui.thread_guard import guard_fixture, gui_thread


def _gui_write(svc, visit_id: str) -> None:
    """A real GUI path that writes, the draft store of visitapp.ui.drafts, run on this (the GUI) thread."""
    from visitapp.ui.drafts import DraftKeeper
    from visitapp.ui.worker import DbWorker

    worker = DbWorker()
    try:
        keeper = DraftKeeper(worker, lambda: svc, visit_id, "capture", lambda: "tekst")
        worker.submit = lambda fn, *_a, **_k: fn()  # the defect the guard exists for: the write runs right here
        keeper.changed()
        keeper.flush()
    finally:
        worker.shutdown()


@pytest.mark.allow_gui_commit("the guard must see this write; the marker keeps it from failing this test")
def test_guard_sees_a_write_on_the_gui_thread(qapp, svc, demo, _thread_guard):
    assert gui_thread()
    _gui_write(svc, demo[0])
    assert svc.drafts.list(demo[0])["capture"].text == "tekst"
    assert _thread_guard.violations, "a draft stored on the GUI thread went unnoticed"
    statement, where = _thread_guard.violations[0]
    assert statement.upper().startswith(("BEGIN IMMEDIATE", "INSERT", "UPDATE")), statement
    assert "drafts.py" in where


def test_guard_allows_the_db_worker_and_the_tests_own_set_up(qapp, svc, demo, qtbot, _thread_guard):
    from visitapp.ui.drafts import DraftKeeper
    from visitapp.ui.worker import DbWorker

    svc.notes.add(demo[0], "Notatka z testu")  # the test's own set-up: no GUI code on the stack
    worker = DbWorker()
    try:
        keeper = DraftKeeper(worker, lambda: svc, demo[0], "capture", lambda: "tekst")
        stored = []
        keeper.stored.connect(stored.append)
        keeper.changed()
        keeper.flush()  # on the DB worker
        qtbot.waitUntil(lambda: bool(stored))
    finally:
        worker.shutdown()
    assert svc.drafts.list(demo[0])["capture"].text == "tekst"
    assert _thread_guard.violations == []


class _Node:
    def get_closest_marker(self, _name):
        return None  # an unmarked test


class _Request:
    node = _Node()


@pytest.mark.allow_gui_commit("runs the guard of an unmarked test inside this one")
def test_an_unmarked_test_fails_on_a_gui_write(qapp, svc, demo):
    guard = guard_fixture(_Request())
    next(guard)
    fresh = type(svc)(type(svc.db).open(svc.db.path), svc.identity)  # connections opened under this guard
    try:
        _gui_write(fresh, demo[0])
    finally:
        fresh.close()
    with pytest.raises(pytest.fail.Exception, match="written on the Qt GUI thread"):
        next(guard)
