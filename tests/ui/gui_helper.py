"""Run the real GUI in this process and type into the capture box (for the SIGKILL test).

    python tests/ui/gui_helper.py DB VISIT SETTINGS type TEXT   # types, prints TYPED, keeps running
    python tests/ui/gui_helper.py DB VISIT SETTINGS show        # prints the capture box's text, exits
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from visitapp.ui.app import Application
from visitapp.ui.settings import AppSettings


def main() -> None:
    db, visit, settings, mode = sys.argv[1:5]
    qapp = QApplication([])
    app = Application(qapp, Path(db), AppSettings(Path(settings)))
    app.window.show()
    app.window.open_visit(visit)
    box = app.window.capture.box.editor

    def act() -> None:
        if mode == "type":
            QTest.keyClicks(box, sys.argv[5])
            print("TYPED", flush=True)
        else:
            print("TEXT:" + app.window.capture.box.text(), flush=True)
            qapp.quit()

    QTimer.singleShot(100, act)
    qapp.exec()
    app.shutdown()


if __name__ == "__main__":
    main()
