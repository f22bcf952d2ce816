"""The coordinator's window: the :class:`CoordinatorView` beside the official's main window.

A window of its own (File → Coordinator…), so that its tabs and shortcuts never
fight with the capture view's, and a coordinator can keep both open.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from visitapp.ui.coordinator import CoordinatorView


class CoordinatorWindow(QMainWindow):
    def __init__(self, services, parent: QWidget | None = None) -> None:  # services: callable giving Services
        super().__init__(parent)
        self.setObjectName("coordinatorWindow")
        self.setWindowTitle(self.tr("visitapp — coordinator"))
        self.view = CoordinatorView(services, self)
        self.setCentralWidget(self.view)
        self.resize(1100, 700)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.view.busy:
            self.view.shutdown()  # a running merge stops after its current file
        event.accept()
