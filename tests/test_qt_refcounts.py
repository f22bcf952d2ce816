"""The Qt binding must not lose references to None or True (PySide6 6.12.0 did: Python aborted).

Every Qt call that returns nothing and every Signal.emit() ran on the GUI's hot
paths; with 6.12.0 on CPython 3.11 a long capture session died with
"deallocating None/True". Run in a subprocess: a broken binding aborts the process.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
class Emitter(QObject):
    fired = Signal()
emitter, label = Emitter(), QLabel()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(5000):
    label.setText("x")
    emitter.fired.emit()
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_qt_calls_and_signals_keep_none_and_true_alive():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    lost_none, lost_true = (int(x) for x in done.stdout.split())
    assert lost_none > -100 and lost_true > -100, done.stdout
