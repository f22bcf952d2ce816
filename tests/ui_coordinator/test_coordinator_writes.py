"""The coordinator view writes through the window's OpRunner (the one DB worker and undo history), never on the GUI
thread; an undo through that history puts the registry back exactly and the pages show it."""

from __future__ import annotations

import threading

from coordinator_helpers import settle
from sqlalchemy import event
from test_ops_undo import dump

from visitapp.registry.trust import TrustStore

WAIT_MS = 30000


def test_trust_through_the_windows_runner_then_undo(qtbot, svc, signed, db_path):
    from visitapp.ui.coordinator import CoordinatorView
    from visitapp.ui.ops_runner import OpRunner
    from visitapp.ui.worker import DbWorker

    worker = DbWorker()
    runner = OpRunner(worker, lambda: svc.history)
    view = CoordinatorView(svc, runner=runner)
    qtbot.addWidget(view)
    committed_on: list[str] = []

    def seen(conn) -> None:  # write transactions only, as visitapp.ui.worker.forbid_writes_here
        if conn.get_execution_options().get("visitapp_write"):
            committed_on.append(threading.current_thread().name)

    event.listen(svc.db.engine, "commit", seen)
    try:
        before = dump(db_path)
        with qtbot.waitSignal(runner.historyChanged, timeout=WAIT_MS) as labels:
            assert view.trust.add_file(signed.anna_pem)
        assert labels.args == ["Trust a signer", ""]  # the Edit menu of the main window follows
        settle(qtbot, view)
        assert view.trust.model.rowCount() == 1
        assert committed_on and all(name.startswith("visitapp-db") for name in committed_on)  # the one DB worker

        with qtbot.waitSignal(runner.finished, timeout=WAIT_MS):
            runner.undo()
        assert dump(db_path) == before
        assert TrustStore(svc.db).list() == []
        qtbot.waitUntil(lambda: view.trust.model.rowCount() == 0, timeout=WAIT_MS)  # the page read it again
    finally:
        event.remove(svc.db.engine, "commit", seen)
        view.shutdown()
        worker.shutdown()


def test_each_files_merge_is_an_operation_on_the_db_worker(qtbot, svc, signed):
    """Verification runs in the capped worker process, the batch on its own thread, each file's merge operation on
    the one DB worker; a merge is no undoable step, so the Edit menu has nothing to undo after it."""
    from visitapp.ui.coordinator import CoordinatorView
    from visitapp.ui.ops_runner import OpRunner
    from visitapp.ui.worker import DbWorker

    worker = DbWorker()
    runner = OpRunner(worker, lambda: svc.history)
    view = CoordinatorView(svc, runner=runner)
    qtbot.addWidget(view)
    committed_on: list[str] = []

    def seen(conn) -> None:
        if conn.get_execution_options().get("visitapp_write"):
            committed_on.append(threading.current_thread().name)

    try:
        view.trust.add_file(signed.anna_pem)
        settle(qtbot, view)
        assert runner.undo_label == "Trust a signer"
        event.listen(svc.db.engine, "commit", seen)
        view.merge.add_paths([signed.anna_pdf])
        qtbot.waitUntil(lambda: not view.merge.busy, timeout=WAIT_MS)
        assert [r.status for r in view.merge.model.rows] == ["accepted"]
        assert len(svc.notes.list(signed.visit_id)) == 1
        assert committed_on and all(name.startswith("visitapp-db") for name in committed_on)
        assert runner.undo_label == "" and not svc.history.can_undo
    finally:
        event.remove(svc.db.engine, "commit", seen)
        view.shutdown()
        worker.shutdown()
