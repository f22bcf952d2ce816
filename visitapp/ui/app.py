"""Build and run the application: database, services, translators, main window.

Fast start (issue 10): :func:`run` shows the main window without its parts first ("Opening…" where the
visit list goes), then the DB worker imports SQLAlchemy, the services and pydantic and opens the database
while the window is painted; the window's parts are built once the database is open.  So this module, like
the main window's, imports only Qt and light modules at its top.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from visitapp.errors import UserError
from visitapp.ui import settings as s
from visitapp.ui.main_window import MainWindow
from visitapp.ui.safe_text import plain_message
from visitapp.ui.settings import AppSettings
from visitapp.ui.translation import LANGUAGES, Translations, system_language
from visitapp.ui.worker import DbWorker

if TYPE_CHECKING:  # imported on the DB worker while the window is painted (fast start)
    from visitapp.db import Database
    from visitapp.services import Services


def create_demo_if_missing(path: Path) -> None:
    """A first start on the default path opens the demo series instead of an empty window."""
    if path.exists():
        return
    from visitapp.db import Database
    from visitapp.demo import create_demo, demo_identity
    from visitapp.services import Services

    path.parent.mkdir(parents=True, exist_ok=True)
    with Database.open(path, create=True) as db:
        create_demo(Services(db, demo_identity()))


class GuiCalls(QObject):
    """Lets the DB worker run a function on the GUI thread and wait for its answer (the passphrase dialog)."""

    _run = Signal(object)
    finished = Signal()  # the work on the DB worker is over

    def __init__(self) -> None:
        super().__init__()
        self._run.connect(lambda job: job(), Qt.ConnectionType.BlockingQueuedConnection)

    def call(self, fn: Callable[[], Any]) -> Any:
        box: dict[str, Any] = {}

        def job() -> None:
            try:
                box["value"] = fn()
            except BaseException as err:  # raised again on the calling thread
                box["error"] = err

        if QThread.currentThread() == self.thread():
            job()
        else:
            self._run.emit(job)  # blocks this (worker) thread until the GUI thread ran it
        if "error" in box:
            raise box["error"]
        return box.get("value")


def open_on_worker(worker: DbWorker, target: Path | str | None, *, demo: bool = False,
                   setup: Callable[[], None] | None = None) -> tuple[Path | str, Database]:
    """Open, create and migrate the database on the DB worker: the GUI thread never writes, not even at start.

    The GUI thread turns its event loop meanwhile (the window is painted; a
    passphrase dialog is shown there when the file is encrypted); this returns
    the database's path or URL and the open database, or raises the core's one
    sentence.  ``target`` is what the user gave (None: ``$VISITAPP_DB`` or the
    default file), resolved here, so that SQLAlchemy, the services and pydantic
    are imported on the worker, not before the window.  With ``demo``, a first
    start on a missing file creates the demo series there first (on the worker too).  ``setup`` runs
    first, on the worker (the command line's key sources: they import SQLAlchemy).
    """

    def work() -> tuple[Path | str, Database]:
        if setup is not None:
            setup()
        importlib.import_module("visitapp.services")  # so the GUI thread finds them imported (fast start)
        from visitapp.db.database import analysis_deferred, default_db_path
        from visitapp.db.engines import as_target
        from visitapp.ui.protect_dialog import open_database

        where = as_target(target) if target is not None else default_db_path()
        if demo and isinstance(where, Path):
            create_demo_if_missing(where)
        with analysis_deferred():  # the window first; the search backlog after it, on this worker
            return where, open_database(where, on_gui=calls.call)

    calls = GuiCalls()
    loop = QEventLoop()
    calls.finished.connect(loop.quit)
    future = worker.submit(work, on_error=lambda _err: None)
    future.add_done_callback(lambda _f: calls.finished.emit())
    if not future.done():
        loop.exec()
    return future.result()


class Application:
    """One open database with its services, the DB worker, settings, translators and the main window."""

    def __init__(self, qapp: QApplication, db_path: Path | str | None, settings: AppSettings, *,
                 demo: bool = False, translations: Translations | None = None, window_first: bool = False,
                 db_setup: Callable[[], None] | None = None) -> None:
        """Open ``db_path`` (None: ``$VISITAPP_DB`` or the default file) and build the main window.

        With ``window_first`` (the real start) the window is shown before the database is opened, with
        "Opening…" where the visit list goes, and gets its parts once the database is open."""
        self.qapp, self.settings = qapp, settings
        self.translations = translations or Translations(qapp)  # the first-run wizard's, carried on
        self.translations.apply(settings.get(s.LANGUAGE))
        self.worker = DbWorker()
        self.replacing = False
        if window_first:
            self.window = MainWindow(self, ready=False)
            first_paint = FirstPaint(self.window)  # (before the report: its filter then runs after the report's)
            if os.environ.get("VISITAPP_REPORT_PAINTED"):
                ShownReport(self.window, Path(os.environ["VISITAPP_REPORT_PAINTED"]))
            self.window.show()
        self.imported_at_show = _imported()  # before the DB worker imports anything (the startup test reads it)
        if window_first:
            first_paint.wait()  # the worker's imports would take the interpreter from the window's first paint
        try:  # migrations write: on the DB worker (an encrypted file: its key from the keyring, else asked for)
            # A database URL stays text (Path() would fold its '//' and make it a folder name).
            self.db_path, self.db = open_on_worker(self.worker, db_path, demo=demo, setup=db_setup)
        except BaseException:
            if window_first:
                self.replacing = True
                self.window.close()
            self.worker.shutdown()
            raise
        from visitapp.services import Services
        from visitapp.ui.analyse_progress import BacklogAnalysis, SearchProgress

        self._svc = Services(self.db, settings.identity())
        if window_first:
            from visitapp.ui.visit_list import VisitListPanel

            VisitListPanel.fill_after_first_paint = True  # the list once its part of the window is painted
            try:
                self.window.complete()
            finally:
                VisitListPanel.fill_after_first_paint = False  # not a window rebuilt for another language
        else:
            self.window = MainWindow(self)
        self.analysis = BacklogAnalysis(self.worker, lambda: self.db)  # an upgrade's search backlog (issue 15)
        self.analysis.start_after_first_paint(self.window)
        SearchProgress(self.analysis, self.window)

    def services(self) -> Services:
        return self._svc

    def settings_changed(self) -> None:
        """Apply new settings: identity at once; a new language rebuilds the window in place."""
        from visitapp.services import Services

        self._svc = Services(self.db, self.settings.identity())
        lang = self.settings.get(s.LANGUAGE)
        if (lang if lang in LANGUAGES else system_language()) != self.translations.language:
            self.set_language(lang)
        self.window.update_identity()

    def set_language(self, lang: str) -> None:
        old = self.window
        visit = old.capture.visit.id if old.capture.visit else None
        old.capture.flush()
        self.translations.apply(lang)
        self.replacing = True
        old.close()
        self.replacing = False
        self.window = MainWindow(self)
        from visitapp.ui.analyse_progress import SearchProgress

        SearchProgress(self.analysis, self.window)
        if visit:
            self.window.open_visit(visit)
        self.window.show()
        old.deleteLater()

    def shutdown(self) -> None:
        self.analysis.stop()  # after the batch under way; the rest at the next start
        self.worker.shutdown()
        self.db.close()


QT_PROBE = ("QLineEdit", "Select All")


class FirstPaint(QObject):
    """Waits (turning the event loop) until a window's first paint is done, for at most ``timeout_ms``."""

    def __init__(self, window: QWidget, timeout_ms: int = 2000) -> None:
        super().__init__(window)
        self.window, self.timeout_ms = window, timeout_ms
        self.loop = QEventLoop(self)
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            self.done = True
            QTimer.singleShot(0, self.loop.quit)  # once this paint is on the screen
        return False

    def wait(self) -> None:
        if not self.done:
            QTimer.singleShot(self.timeout_ms, self.loop.quit)  # a window never exposed (minimised) waits no longer
            self.loop.exec()
        self.window.removeEventFilter(self)


def _imported() -> list[str]:
    """Our modules and the top-level packages imported so far."""
    return sorted(name for name in sys.modules if name.startswith("visitapp.") or "." not in name)


class ShownReport(QObject):
    """Test hook: with ``VISITAPP_REPORT_SHOWN=FILE``, once the window is painted with its parts (after the
    start's visit was opened), write what it shows (title, database, open visit, capture box text) to FILE as
    JSON, readable by its owner only.  With ``VISITAPP_REPORT_PAINTED=FILE``, the same at the window's very
    first paint, before its parts exist (fast start: what was imported by then, and the CPU time spent).

    A process test waits for this file instead of sleeping, and so knows the window really appeared.
    """

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self.window, self.path = window, path
        window.installEventFilter(self)
        window.update()  # shown already (with no parts yet): painted again now that they exist

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.write)  # after this first paint is done
        return False

    def write(self) -> None:
        w = self.window
        handle = w.windowHandle()
        ready = w.ready
        report = {"title": w.windowTitle(), "visible": w.isVisible(), "exposed": bool(handle and handle.isExposed()),
                  "ready": ready, "cpu": time.process_time(),  # this process's CPU seconds since it started
                  "db": str(w.app.db_path) if ready else None,
                  "visit": w.capture.visit.id if ready and w.capture.visit else None,
                  "capture": w.capture.box.text() if ready else None,
                  # Qt's own catalogue (qtbase_pl.qm) is loaded when this reads "Zaznacz wszystko"; not literals,
                  # so that lupdate never copies the string into our catalogue (which would hide a missing qtbase)
                  "qt_select_all": QCoreApplication.translate(*QT_PROBE),
                  # what was imported to show the window (the startup test: no Alembic, signing, PDF, registry)
                  "modules": _imported(), "modules_at_show": w.app.imported_at_show}
        tmp = self.path.with_name(self.path.name + ".part")
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            json.dump(report, f)
        os.replace(tmp, self.path)  # the reader never sees half a file


def resolve_db(db: Path | str | None, settings: AppSettings) -> Path | str:
    """The database to open: a Path, or a database URL kept as text (nothing is created here)."""
    from visitapp.db import default_db_path
    from visitapp.db.engines import as_target

    if db is not None:
        return as_target(db)
    chosen = settings.get(s.DATA_FILE)
    if chosen:
        return as_target(chosen)
    return default_db_path()


def chosen_db(db: Path | str | None, settings: AppSettings) -> Path | str | None:
    """What the user chose (``--db``, else Settings' data file), unresolved; None: ``$VISITAPP_DB`` or the
    default file (:func:`open_on_worker` resolves it on the DB worker, as :func:`resolve_db` would)."""
    return db if db is not None else settings.get(s.DATA_FILE) or None


def wants_demo(db: Path | str | None, settings: AppSettings) -> bool:
    """A first start on the default path opens the demo series ($VISITAPP_DB may be a URL: no demo then)."""
    if db is not None or settings.get(s.DATA_FILE):
        return False  # (decided without importing the database layer: the usual start)
    from visitapp.db import default_db_path

    return isinstance(default_db_path(), Path)


def needs_first_run(settings: AppSettings, db: Path | str | None) -> bool:
    """The first-run wizard is for a person's first start: no settings yet, no --db and no $VISITAPP_DB."""
    return db is None and not settings.qs.allKeys() and not os.environ.get("VISITAPP_DB")


def prepare_start(qapp: QApplication, db: Path | str | None, settings: AppSettings
                  ) -> tuple[Path | str | None, bool, Translations | None] | None:
    """(database, demo, translators) to start with: on a person's first start, after the first-run wizard
    (None when it was cancelled); otherwise at once, nothing shown."""
    if not needs_first_run(settings, db):
        return db, wants_demo(db, settings), None
    from visitapp.ui.first_run import first_start  # signing is imported only for the wizard

    translations = Translations(qapp)
    translations.apply("")  # the wizard speaks the system's language
    chosen = first_start(settings, translations)
    if chosen is None:
        return None
    return chosen.open_now, chosen.demo, translations


def last_visit(app: Application) -> str | None:
    """The visit that was open when the app last ran (closed or not), if it is still in the database."""
    visit_id = app.settings.get(s.LAST_VISIT)
    if not visit_id:
        return None
    try:
        return app.services().visits.get(visit_id).id
    except UserError:  # removed since (or another database): start on the list
        return None


def run(db: Path | str | None = None, visit_id: str | None = None, settings_file: Path | None = None,
        argv: list[str] | None = None, db_setup: Callable[[], None] | None = None) -> int:
    """The desktop window until it is closed; ``db_setup`` runs on the DB worker before the database opens."""
    existing = QApplication.instance()
    assert existing is None or isinstance(existing, QApplication), "the GUI needs a QApplication, not a core one"
    qapp = existing or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("visitapp")
    QCoreApplication.setApplicationName("visitapp")
    settings = AppSettings(settings_file)
    first_start = not settings.qs.allKeys()
    start = prepare_start(qapp, db, settings)
    if start is None:
        return 0  # the first-run wizard was cancelled: nothing stored, asked again at the next start
    db, demo, translations = start
    try:  # the window first ("Opening…"), then the database and the window's parts (fast start)
        app = Application(qapp, chosen_db(db, settings), settings, demo=demo, translations=translations,
                          window_first=True, db_setup=db_setup)
    except UserError as err:
        sys.stderr.write(f"visitapp: {err}\n")
        if qapp.platformName() != "offscreen":
            plain_message(None, QMessageBox.Icon.Critical, "visitapp", str(err))  # it names a path
        return 1
    if not app.window.isVisible():  # closed while the database was opening: nothing to show any more
        app.replacing = True
        app.window.close()
        app.shutdown()
        return 0
    journal_warning = getattr(app.db.backend, "journal_warning", None)
    if journal_warning:  # on a network share or a synced folder: no WAL; said once, after the window is up
        QTimer.singleShot(0, lambda: plain_message(app.window, QMessageBox.Icon.Warning, "visitapp",
                                                   journal_warning))
    from visitapp.ui.protect_dialog import offer_protection

    offer_protection(app, first_start=first_start)  # encrypt the database? (not blocking the window)
    visit_id = visit_id or last_visit(app)
    if visit_id:
        app.window.open_visit(visit_id)
    if os.environ.get("VISITAPP_REPORT_SHOWN"):  # once the window is painted with its parts and this visit
        ShownReport(app.window, Path(os.environ["VISITAPP_REPORT_SHOWN"]))
    qapp.lastWindowClosed.connect(qapp.quit)
    code = qapp.exec()
    app.shutdown()
    return code
