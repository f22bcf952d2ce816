"""The coordinator's window: the :class:`CoordinatorView` beside the official's main window.

A window of its own (File → Coordinator…), so that its tabs and shortcuts never
fight with the capture view's, and a coordinator can keep both open.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from visitapp.ui.coordinator import CoordinatorView


class CoordinatorWindow(QMainWindow):
    def __init__(self, services, parent: QWidget | None = None, *, runner=None) -> None:
        # services: callable giving Services; runner: the main window's OpRunner (its one DB worker and history)
        super().__init__(parent)
        self.setObjectName("coordinatorWindow")
        self.setWindowTitle(self.tr("visitapp — coordinator"))
        self.view = CoordinatorView(services, self, runner=runner)
        self.setCentralWidget(self.view)
        self.resize(1100, 700)
        file = self.menuBar().addMenu(self.tr("&File"))
        protect = file.addAction(self.tr("&Encrypt this database…"))
        protect.setObjectName("encryptDatabase")
        protect.triggered.connect(self._protect)

    def _protect(self) -> None:
        """Encrypt the registry (the app's database) like the official's: see visitapp/ui/protect_dialog.py."""
        from PySide6.QtWidgets import QMessageBox

        from visitapp.ui.protect_dialog import ask_to_protect
        from visitapp.ui.safe_text import plain_message

        app = getattr(self.parent(), "app", None)
        if app is None or ask_to_protect(app) is None:
            plain_message(self, QMessageBox.Icon.Information, self.tr("Encrypt this database"),
                          self.tr("This database is already encrypted."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.view.busy:
            self.view.shutdown()  # a running merge stops after its current file
        event.accept()
