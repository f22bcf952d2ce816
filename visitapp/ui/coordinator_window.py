"""The coordinator's window: the :class:`CoordinatorView` beside the official's main window.

A window of its own (File → Coordinator…), so that its tabs and shortcuts never
fight with the capture view's, and a coordinator can keep both open.

The window says which database it works on (its title), and File → New registry…,
Open registry… and the recent registries switch it to a registry of its own (a
database file like any other, with a DB worker and an undo history of its own), so
that a coordinator never merges into the official's notes without choosing to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from visitapp.db.engines import as_target, is_url
from visitapp.errors import UserError
from visitapp.ui.coordinator import CoordinatorView
from visitapp.ui.coordinator.common import current
from visitapp.ui.safe_text import plain_tooltip
from visitapp.ui.settings import Setting

#: The registries opened last, newest first (one path a line).
RECENT = Setting("coordinator/recent", str, "")
RECENT_MAX = 6


class CoordinatorWindow(QMainWindow):
    def __init__(self, services, parent: QWidget | None = None, *, runner=None) -> None:
        # services: callable giving Services; runner: the main window's OpRunner (its one DB worker and history)
        super().__init__(parent)
        self.setObjectName("coordinatorWindow")
        self._own_db: Any = None  # a registry this window opened (closed when another is chosen)
        self.view = CoordinatorView(services, self, runner=runner)
        self.setCentralWidget(self.view)
        self.resize(1100, 700)
        file = self.menuBar().addMenu(self.tr("&File"))
        new = file.addAction(self.tr("&New registry…"))
        new.setObjectName("newRegistry")
        new.triggered.connect(self._ask_new)
        opener = file.addAction(self.tr("&Open registry…"))
        opener.setObjectName("openRegistry")
        opener.triggered.connect(self._ask_open)
        server = file.addAction(self.tr("Open &server registry…"))
        server.setObjectName("openServerRegistry")
        server.triggered.connect(self._ask_server)
        self.recent_menu = QMenu(self.tr("&Recent registries"), self)
        self.recent_menu.setObjectName("recentRegistries")
        file.addMenu(self.recent_menu)
        file.addSeparator()
        protect = file.addAction(self.tr("&Encrypt this database…"))
        protect.setObjectName("encryptDatabase")
        protect.triggered.connect(self._protect)
        from visitapp.ui.rekey_dialog import DatabaseMenu  # Change password, Remove protection beside it

        self.database_menu = DatabaseMenu(
            file, lambda window: getattr(window.parent(), "app", None) if window._own_db is None else None, self,
            protect)
        self._fill_recent()
        self._title()

    # which registry ------------------------------------------------------------------
    @property
    def database_path(self) -> Path | None:
        path = getattr(current(self.view.services).db, "path", None)
        return Path(path) if path is not None else None

    def _title(self) -> None:
        path = self.database_path
        backend = getattr(current(self.view.services).db, "backend", None)  # a server registry: its URL, no password
        shown = path.name if path else (backend.describe() if backend is not None else "?")
        self.setWindowTitle(self.tr("visitapp — coordinator — %1").replace("%1", shown))
        self.setWindowFilePath(str(path) if path else "")

    def _settings(self) -> Any:  # the app's AppSettings, or None without the app
        app = getattr(self.parent(), "app", None)
        return getattr(app, "settings", None)

    def recent(self) -> list[str]:
        settings = self._settings()
        if settings is None:
            return []
        return [p for p in settings.get(RECENT).splitlines() if p.strip()]

    def _remember(self, path: Path | str) -> None:
        settings = self._settings()
        if settings is None:
            return
        if isinstance(path, str):  # a server registry's URL, kept without any password (never in settings)
            from sqlalchemy.engine import URL, make_url

            u = make_url(path)  # (URL.set ignores None: rebuild it without the password)
            path = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query).render_as_string(
                hide_password=False)
        paths = [str(path)] + [p for p in self.recent() if p != str(path)]
        settings.set(RECENT, "\n".join(paths[:RECENT_MAX]))
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.recent()
        for path in paths:
            action = QAction(path if is_url(path) else Path(path).name, self.recent_menu)
            action.setToolTip(plain_tooltip(path))
            action.setStatusTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_registry(as_target(p)))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(paths))

    def _ask_new(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("New registry"), self.tr("registry.db"),
                                                    self.tr("visitapp databases (*.db)"))
        if path:
            self.open_registry(Path(path), create=True)

    def _ask_open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Open registry"), "",
                                                    self.tr("visitapp databases (*.db);;All files (*)"))
        if path:
            self.open_registry(Path(path))

    def _ask_server(self) -> None:
        """A registry on a database server, by its URL (the password from libpq: ~/.pgpass, PGPASSWORD)."""
        from PySide6.QtWidgets import QInputDialog

        url, ok = QInputDialog.getText(
            self, self.tr("Open server registry"),
            self.tr("Database URL, e.g. postgresql+psycopg://user@host/registry (the password comes from "
                    "~/.pgpass or PGPASSWORD):"))
        if ok and url.strip():
            self.open_registry(url.strip())

    def open_registry(self, path: Path | str, *, create: bool = False) -> bool:
        """Work on the registry in ``path`` (``create``: a new file; an existing one is refused), or at a URL."""
        from visitapp.services import Identity, Services
        from visitapp.ui.safe_text import plain_message

        path = as_target(path)
        title = self.tr("New registry") if create else self.tr("Open registry")
        if isinstance(path, str):  # a database URL: the server says whether it is there
            from visitapp.db.engines.postgresql import password_in_url

            if password_in_url(path):  # refused before connecting; the URL (and its password) is not repeated
                plain_message(self, QMessageBox.Icon.Warning, title, self.tr(
                    "A password typed into the URL would be shown on screen and could be kept among the recent "
                    "registries; remove it from the URL and keep it in ~/.pgpass, PGPASSWORD or a service file "
                    "(?service=NAME)."))
                return False
        elif create and path.exists():
            plain_message(self, QMessageBox.Icon.Warning, title,
                          self.tr("%1 already exists; choose a new file name.").replace("%1", str(path)))
            return False
        elif not create and not path.is_file():
            plain_message(self, QMessageBox.Icon.Warning, title,
                          self.tr("%1 does not exist.").replace("%1", str(path)))
            return False
        if self.view.busy:
            plain_message(self, QMessageBox.Icon.Warning, title,
                          self.tr("Wait until the merge has finished, then choose the registry."))
            return False
        try:
            # A server database is made by its administrator, empty: the first visitapp to open it builds the schema.
            db = self._open_on_worker(path, create or isinstance(path, str))
        except UserError as err:  # locked, damaged, a newer schema, not a database: one sentence
            plain_message(self, QMessageBox.Icon.Warning, title, str(err))
            return False
        settings = self._settings()
        identity = settings.identity() if settings is not None else Identity.system()
        view = CoordinatorView(Services(db, identity), self)  # a DB worker and a history of its own
        old, old_db = self.view, self._own_db
        old.shutdown()
        self.view, self._own_db = view, db
        self.setCentralWidget(view)  # the old view is deleted with it
        if old_db is not None:
            old_db.close()
        self._remember(path)
        self._title()
        return True

    def _open_on_worker(self, path: Path | str, create: bool) -> Any:
        """Open (create, migrate) the registry on a DB worker: the GUI thread never writes; a passphrase
        dialog for an encrypted file is shown on the GUI thread meanwhile."""
        from PySide6.QtCore import QEventLoop

        from visitapp.ui.app import GuiCalls
        from visitapp.ui.protect_dialog import open_database
        from visitapp.ui.worker import DbWorker

        app = getattr(self.parent(), "app", None)
        existing = getattr(app, "worker", None)
        worker = existing if existing is not None else DbWorker()
        temporary = existing is None
        try:
            calls = GuiCalls()
            loop = QEventLoop()
            calls.finished.connect(loop.quit)
            future = worker.submit(lambda: open_database(path, create=create, parent=self, on_gui=calls.call),
                                   on_error=lambda _err: None)
            future.add_done_callback(lambda _f: calls.finished.emit())
            if not future.done():
                loop.exec()
            return future.result()
        finally:
            if temporary:
                worker.shutdown()

    def _protect(self) -> None:
        """Encrypt the registry (the app's database) like the official's: see visitapp/ui/protect_dialog.py."""
        from visitapp.ui.protect_dialog import ask_to_protect
        from visitapp.ui.safe_text import plain_message

        if self._own_db is not None:
            plain_message(self, QMessageBox.Icon.Information, self.tr("Encrypt this database"),
                          self.tr("Encrypt this registry from the command line: visitapp db encrypt --db FILE."))
            return
        app = getattr(self.parent(), "app", None)
        if app is None or ask_to_protect(app) is None:
            plain_message(self, QMessageBox.Icon.Information, self.tr("Encrypt this database"),
                          self.tr("This database is already encrypted."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._own_db is not None:  # a registry of its own: its worker stops, its file closes
            self.view.shutdown()
            self._own_db.close()
            self._own_db = None
        elif self.view.busy:
            self.view.shutdown()  # a running merge stops after its current file
        event.accept()
