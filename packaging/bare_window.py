"""The startup benchmark's baseline: a bare PySide6 QMainWindow, reporting its first paint.

Run as a script (``python packaging/bare_window.py``) and frozen with the app's PyInstaller options
(``packaging/bare_window.spec``, built by ``benchmarks/startup.py`` only, never by ``make package``).
Once the window's first paint is done it writes ``{"cpu": CPU seconds of the process so far}`` to the
file named by ``VISITAPP_REPORT_SHOWN``, as visitapp's own window does.
"""

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Shown(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.write)
        return False

    def write(self) -> None:
        path = os.environ["VISITAPP_REPORT_SHOWN"]
        with open(path + ".part", "w", encoding="utf-8") as f:
            f.write(json.dumps({"cpu": time.process_time()}))
        os.replace(path + ".part", path)  # the reader never sees half a file


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.setWindowTitle("bare")
    w.resize(1100, 700)
    shown = Shown(w)
    w.show()
    app.exec()
