"""The thread guard of the GUI tests: nothing may write to the database on the Qt GUI thread.

In the GUI every write goes to the one DB worker; a write on the GUI thread stalls typing for as long
as the commit takes (an fsync, or a lock held by another writer). The guard watches every SQLite
connection the test opens (a SQLAlchemy pool event installs SQLite's statement trace on it), so the
ORM, Core statements and any raw sqlite3 path are all seen. A statement that writes (``BEGIN
IMMEDIATE``, ``INSERT``, ``UPDATE``, ``DELETE``…) counts when it runs on the GUI thread with GUI code
(``visitapp/ui/``) on the Python stack; the test's own set-up (the ``svc`` fixture writing demo data,
a test calling a service) is not GUI code and is allowed.

A test that still needs a GUI-thread write (code not moved to the worker yet) is marked
``@pytest.mark.allow_gui_commit("why")``: the guard then records but does not fail it.
"""

from __future__ import annotations

import sqlite3
import threading
import traceback
from dataclasses import dataclass, field

from sqlalchemy import event
from sqlalchemy.pool import Pool

MARKER = "allow_gui_commit"
WRITES = ("BEGIN IMMEDIATE", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
UI = "/visitapp/ui/"


def gui_thread() -> bool:
    """True on the thread that runs Qt's event loop (the test's main thread)."""
    from PySide6.QtCore import QCoreApplication, QThread

    app = QCoreApplication.instance()
    if app is not None:
        return QThread.currentThread() == app.thread()
    return threading.current_thread() is threading.main_thread()


@dataclass
class ThreadGuard:
    violations: list[tuple[str, str]] = field(default_factory=list)  # (statement, where in visitapp/ui)
    _connections: list[sqlite3.Connection] = field(default_factory=list)

    def install(self) -> None:
        event.listen(Pool, "connect", self._on_connect)

    def remove(self) -> None:
        event.remove(Pool, "connect", self._on_connect)
        for conn in self._connections:
            try:
                conn.set_trace_callback(None)
            except sqlite3.ProgrammingError:  # closed already
                pass
        self._connections.clear()

    def _on_connect(self, dbapi_conn, _record) -> None:  # SQLAlchemy's pool event
        if isinstance(dbapi_conn, sqlite3.Connection):
            dbapi_conn.set_trace_callback(self._trace)
            self._connections.append(dbapi_conn)

    def _trace(self, statement: str) -> None:
        if not statement.lstrip().upper().startswith(WRITES):
            return
        if threading.current_thread() is not threading.main_thread() or not gui_thread():
            return
        frames = [f for f in traceback.extract_stack() if UI in f.filename.replace("\\", "/")]
        if frames:
            where = " <- ".join(f"{f.filename.split(UI, 1)[1]}:{f.lineno} {f.name}" for f in reversed(frames))
            self.violations.append((statement.strip().splitlines()[0][:80], where))

    def report(self) -> str:
        seen: dict[str, str] = {}
        for statement, where in self.violations:
            seen.setdefault(where, statement)
        return "\n".join(f"  {statement}  at {where}" for where, statement in seen.items())


def guard_fixture(request):
    """The body of the autouse fixture of tests/ui and tests/ui_coordinator."""
    guard = ThreadGuard()
    guard.install()
    try:
        yield guard
    finally:
        guard.remove()
    if guard.violations and request.node.get_closest_marker(MARKER) is None:
        import pytest

        pytest.fail("the database was written on the Qt GUI thread (use the DB worker):\n" + guard.report(),
                    pytrace=False)


def register_marker(config) -> None:
    config.addinivalue_line(
        "markers", f"{MARKER}(reason): this test still writes to the database on the GUI thread (temporary)")
