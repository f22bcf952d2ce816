"""OpRunner: core operations on the one DB worker, results and refusals back on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event

from visitapp import ops
from visitapp.ops import history_for
from visitapp.ui.ops_runner import OpRunner
from visitapp.ui.worker import DbWorker, WriteOnGuiThread, forbid_writes_here


@pytest.fixture
def runner(qtbot, svc, demo):
    worker = DbWorker()
    history = history_for(svc.db, svc.identity)
    history.clear()
    commits: list[str] = []

    def on_commit(conn) -> None:  # write transactions only (reads end with a commit too)
        if conn.get_execution_options().get("visitapp_write"):
            commits.append(threading.current_thread().name)

    event.listen(svc.db.engine, "commit", on_commit)
    allow = forbid_writes_here(svc.db)  # this (GUI) thread must not commit a write
    yield OpRunner(worker, history), commits
    allow()
    event.remove(svc.db.engine, "commit", on_commit)
    worker.shutdown()


def test_operations_undo_and_redo_commit_on_the_worker_and_report_on_the_gui_thread(qtbot, runner, svc, demo):
    runner, commits = runner
    seen: list[tuple[str, str]] = []
    runner.finished.connect(lambda changes: seen.append((changes.kind, threading.current_thread().name)))
    labels: list[tuple[str, str]] = []
    runner.historyChanged.connect(lambda u, r: labels.append((u, r)))

    with qtbot.waitSignal(runner.finished) as blocker:
        ticket = runner.submit(ops.add_note, demo[0], "Z kolejki", section="barriers")
        assert runner.pending == 1  # submit returned before the write
    changes = blocker.args[0]
    assert changes.ticket == ticket and changes.result.text == "Z kolejki"
    assert changes.notes.added == {changes.result.id}
    assert labels[-1] == ("Add note", "")

    with qtbot.waitSignal(runner.finished) as blocker:
        runner.undo()
    assert blocker.args[0].kind == "undo" and blocker.args[0].notes.removed == {changes.result.id}
    assert changes.result.id not in {n.id for n in svc.notes.list(demo[0])}
    assert labels[-1] == ("", "Add note")

    with qtbot.waitSignal(runner.finished) as blocker:
        runner.redo()
    assert blocker.args[0].kind == "redo" and svc.notes.get(changes.result.id).text == "Z kolejki"
    assert runner.pending == 0 and runner.undo_label == "Add note"

    main = threading.main_thread().name
    assert [thread for _, thread in seen] == [main, main, main]
    assert commits and main not in commits and all(name.startswith("visitapp-db") for name in commits)


def test_a_refused_operation_reports_one_sentence_with_its_ticket(qtbot, runner, demo):
    runner, _ = runner
    with qtbot.waitSignal(runner.failed) as blocker:
        ticket = runner.submit(ops.add_note, demo[0], "   ")
    assert blocker.args == [ticket, "A note cannot be empty."]
    with qtbot.waitSignal(runner.failed) as blocker:
        runner.undo()
    assert blocker.args[1] == "There is nothing to undo."


def test_operations_run_in_the_order_they_were_submitted(qtbot, runner, svc, demo):
    runner, _ = runner
    results = []
    runner.finished.connect(lambda changes: results.append(changes.ticket))
    tickets = [runner.submit(ops.add_note, demo[0], f"Notatka {i}", section="requests") for i in range(5)]
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == tickets
    texts = [n.text for n in svc.notes.list(demo[0]) if n.section == "requests"][-5:]
    assert texts == [f"Notatka {i}" for i in range(5)]


def test_undo_and_redo_actions_call_the_core_history(qtbot, runner, svc, demo):
    from PySide6.QtGui import QAction

    from visitapp.ui import undo

    runner, _ = runner
    undo_action, redo_action = QAction("Undo"), QAction("Redo")
    undo.bind(runner, undo_action, redo_action)
    assert not undo_action.isEnabled() and not redo_action.isEnabled()
    with qtbot.waitSignal(runner.finished) as blocker:
        runner.submit(ops.add_note, demo[0], "Do cofnięcia")
    note = blocker.args[0].result
    assert undo_action.isEnabled() and undo_action.toolTip() == "Add note" and not redo_action.isEnabled()
    with qtbot.waitSignal(runner.finished):
        undo_action.trigger()
    assert note.id not in {n.id for n in svc.notes.list(demo[0])}
    assert not undo_action.isEnabled() and redo_action.toolTip() == "Add note"
    with qtbot.waitSignal(runner.finished):
        redo_action.trigger()
    assert svc.notes.get(note.id).text == "Do cofnięcia" and undo_action.isEnabled()


def test_the_guard_refuses_a_write_committed_on_the_gui_thread(qtbot, runner, svc, demo):
    runner, _commits = runner
    before = len(svc.notes.list(demo[0]))
    with pytest.raises(WriteOnGuiThread):
        svc.notes.add(demo[0], "Zapis na wątku GUI")
    assert len(svc.notes.list(demo[0])) == before and not svc.history.can_undo  # rolled back, no step
