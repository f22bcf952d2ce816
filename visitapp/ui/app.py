"""Build and run the application: database, services, translators, main window."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from visitapp.db import Database, default_db_path
from visitapp.db.database import analysis_deferred
from visitapp.db.engines import as_target
from visitapp.errors import UserError
from visitapp.services import Services
from visitapp.ui import settings as s
from visitapp.ui.analyse_progress import BacklogAnalysis, SearchProgress
from visitapp.ui.main_window import MainWindow
from visitapp.ui.protect_dialog import offer_protection, open_database
from visitapp.ui.safe_text import plain_message
from visitapp.ui.settings import AppSettings
from visitapp.ui.translation import LANGUAGES, Translations, system_language
from visitapp.ui.worker import DbWorker


def create_demo_if_missing(path: Path) -> None:
    """A first start on the default path opens the demo series instead of an empty window."""
    if path.exists():
        return
    from visitapp.demo import create_demo, demo_identity

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


def open_on_worker(worker: DbWorker, target: Path | str, *, demo: bool = False) -> Database:
    """Open, create and migrate the database on the DB worker: the GUI thread never writes, not even at start.

    The GUI thread turns its event loop meanwhile (a passphrase dialog is shown
    there when the file is encrypted); this returns the open database or raises
    the core's one sentence.  With ``demo``, a first start on a missing file
    creates the demo series there first (on the worker too).
    """

    def work() -> Database:
        if demo and isinstance(target, Path):
            create_demo_if_missing(target)
        with analysis_deferred():  # the window first; the search backlog after it, on this worker
            return open_database(target, on_gui=calls.call)

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

    def __init__(self, qapp: QApplication, db_path: Path | str, settings: AppSettings, *, demo: bool = False,
                 translations: Translations | None = None) -> None:
        # A database URL stays text (Path() would fold its '//' and make it a folder name).
        self.qapp, self.db_path, self.settings = qapp, as_target(db_path), settings
        self.translations = translations or Translations(qapp)  # the first-run wizard's, carried on
        self.translations.apply(settings.get(s.LANGUAGE))
        self.worker = DbWorker()
        try:  # migrations write: on the DB worker (an encrypted file: its key from the keyring, else asked for)
            self.db = open_on_worker(self.worker, self.db_path, demo=demo)
        except BaseException:
            self.worker.shutdown()
            raise
        self._svc = Services(self.db, settings.identity())
        self.replacing = False
        self.window = MainWindow(self)
        self.analysis = BacklogAnalysis(self.worker, lambda: self.db)  # an upgrade's search backlog (issue 15)
        self.analysis.start_after_first_paint(self.window)
        SearchProgress(self.analysis, self.window)

    def services(self) -> Services:
        return self._svc

    def settings_changed(self) -> None:
        """Apply new settings: identity at once; a new language rebuilds the window in place."""
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


class ShownReport(QObject):
    """Test hook: with ``VISITAPP_REPORT_SHOWN=FILE``, once the window is first painted, write what it shows
    (title, database, open visit, capture box text) to FILE as JSON, readable by its owner only.

    A process test waits for this file instead of sleeping, and so knows the window really appeared.
    """

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self.window, self.path = window, path
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.write)  # after this first paint is done
        return False

    def write(self) -> None:
        w = self.window
        handle = w.windowHandle()
        report = {"title": w.windowTitle(), "visible": w.isVisible(), "exposed": bool(handle and handle.isExposed()),
                  "db": str(w.app.db_path), "visit": w.capture.visit.id if w.capture.visit else None,
                  "capture": w.capture.box.text(),
                  # Qt's own catalogue (qtbase_pl.qm) is loaded when this reads "Zaznacz wszystko"; not literals,
                  # so that lupdate never copies the string into our catalogue (which would hide a missing qtbase)
                  "qt_select_all": QCoreApplication.translate(*QT_PROBE),
                  # what was imported to show the window (the startup test: no Alembic, signing, PDF, registry)
                  "modules": sorted(name for name in sys.modules if name.startswith("visitapp.")
                                    or "." not in name)}
        tmp = self.path.with_name(self.path.name + ".part")
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            json.dump(report, f)
        os.replace(tmp, self.path)  # the reader never sees half a file


def resolve_db(db: Path | str | None, settings: AppSettings) -> Path | str:
    """The database to open: a Path, or a database URL kept as text (nothing is created here)."""
    if db is not None:
        return as_target(db)
    chosen = settings.get(s.DATA_FILE)
    if chosen:
        return as_target(chosen)
    return default_db_path()


def wants_demo(db: Path | str | None, settings: AppSettings) -> bool:
    """A first start on the default path opens the demo series ($VISITAPP_DB may be a URL: no demo then)."""
    return db is None and not settings.get(s.DATA_FILE) and isinstance(default_db_path(), Path)


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
        argv: list[str] | None = None) -> int:
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
    from visitapp.ui.visit_list import VisitListPanel

    VisitListPanel.fill_after_first_paint = True  # the window first, the list once it is painted (fast start)
    try:
        app = Application(qapp, resolve_db(db, settings), settings, demo=demo, translations=translations)
    except UserError as err:
        sys.stderr.write(f"visitapp: {err}\n")
        if qapp.platformName() != "offscreen":
            plain_message(None, QMessageBox.Icon.Critical, "visitapp", str(err))  # it names a path
        return 1
    finally:
        VisitListPanel.fill_after_first_paint = False  # only this start's window (a language change rebuilds it)
    if os.environ.get("VISITAPP_REPORT_SHOWN"):
        ShownReport(app.window, Path(os.environ["VISITAPP_REPORT_SHOWN"]))
    app.window.show()
    journal_warning = getattr(app.db.backend, "journal_warning", None)
    if journal_warning:  # on a network share or a synced folder: no WAL; said once, after the window is up
        QTimer.singleShot(0, lambda: plain_message(app.window, QMessageBox.Icon.Warning, "visitapp",
                                                   journal_warning))
    offer_protection(app, first_start=first_start)  # encrypt the database? (not blocking the window)
    visit_id = visit_id or last_visit(app)
    if visit_id:
        app.window.open_visit(visit_id)
    qapp.lastWindowClosed.connect(qapp.quit)
    code = qapp.exec()
    app.shutdown()
    return code
