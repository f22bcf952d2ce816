"""Capture latency: GUI-thread time per note added, edited, moved or deleted, driving the real widgets offscreen.

    QT_QPA_PLATFORM=offscreen python benchmarks/capture.py [--sizes 20,300,1000] [--notes N] [--profile]

A quick run: ``--sizes 300 --notes 5``.

For a visit of each size, the real main window is opened on a real SQLite file and
notes are typed into the capture box and added with Ctrl+Enter.  For each note we
count the time the GUI thread is busy: the Ctrl+Enter key event until control
returns to the event loop, plus every event the loop then handles until the
database worker has delivered the commit's result and the view is idle (the
row-update slot, the visit list, layout and painting).  Time the GUI thread
spends waiting in the event loop is not counted.

Then each added note is edited in place (Return, its new text, Return), moved one up in
its section (Alt+Up) and deleted (Delete) by keyboard in the notes list, counted the same
way from the key that makes the change.

The baseline, measured in the same run, is a bare ``QTreeView`` over a bare
``QStandardItemModel`` of the same size (sections with their notes as children)
inserting one row, counted the same way (the figure every change is compared with).

Both clocks are counted in the same run and printed one under the other, with the load
average: wall time, and the GUI thread's CPU time (``time.thread_time``), which on a machine
shared with other work does not include the moments the scheduler ran someone else.
``--profile`` prints where the GUI thread's Python time went (cProfile over the measured
notes; the time spent in Qt's C++ shows under ``processEvents`` and ``keyClick``).

Target (issue 9): at most 16 ms (one frame) per note, whatever the visit's size.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeView

from benchmarks._util import row
from visitapp.db import Database
from visitapp.services import Identity, Services
from visitapp.templates import get_template

TEXT = "Firma planuje zatrudnić czterdziestu spawaczy i szuka szkół, które przygotują ich do certyfikacji."
PROFILE: cProfile.Profile | None = None  # --profile: on while the GUI thread handles a measured note
SETTLE_S = 0.03  # after the result is in: keep handling events this long (delayed layouts, paints)


def build(path: Path, size: int) -> str:
    """A visit with ``size`` notes spread over its template's sections."""
    with Database.open(path, create=True) as db:
        svc = Services(db, Identity("Ewa Kowalczyk"))
        org = svc.organisations.create("Spawex sp. z o.o.")
        visit = svc.visits.create(org.id, dt.datetime(2026, 5, 4, 10, tzinfo=dt.UTC), title="Wizyta referencyjna")
        keys = get_template(visit.template_key).section_keys
        for i in range(size):
            svc.notes.add(visit.id, f"{TEXT} ({i})", section=keys[i % len(keys)], tags=["kadry"])
        return visit.id


class Busy:
    """Wall and CPU seconds of the GUI thread, added up over the calls it makes."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def run(self, fn, *args, **kwargs):
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            self.wall += time.perf_counter() - wall
            self.cpu += time.thread_time() - cpu


def busy_until(qapp: QApplication, done, settle: float = SETTLE_S, timeout: float = 30.0, drain=None,
               busy: Busy | None = None, profile: bool = False) -> Busy:
    """The time the GUI thread spent handling events until ``done()`` and then ``settle`` seconds more.

    ``drain()`` (not counted) blocks until the DB worker has finished what it was given, as the
    event loop would sit idle meanwhile: polling instead would count the waits for the GIL that
    the worker's Python holds.
    """
    busy = busy or Busy()
    deadline = time.perf_counter() + timeout
    settle_end = None
    while time.perf_counter() < deadline:
        if drain is not None:
            drain()
        busy.run(_profiled if profile else _plain, qapp.processEvents)
        if settle_end is None and done():
            settle_end = time.perf_counter() + settle
        if settle_end is not None and time.perf_counter() >= settle_end:
            return busy
        time.sleep(0.0005)
    raise TimeoutError("the change was not delivered in time")


def _plain(fn, *args):
    return fn(*args)


def _profiled(fn, *args):
    if PROFILE is None:
        return fn(*args)
    PROFILE.enable()
    try:
        return fn(*args)
    finally:
        PROFILE.disable()


def ours(qapp: QApplication, folder: Path, size: int, notes: int) -> dict[str, list[Busy]]:
    """Per change (add, edit, move, delete): the GUI thread's time for each measured note."""
    from visitapp.ui import settings as s
    from visitapp.ui.app import Application
    from visitapp.ui.settings import AppSettings

    db_path = folder / f"capture-{size}.db"
    visit_id = build(db_path, size)
    settings = AppSettings(folder / f"settings-{size}.ini")
    settings.set(s.LANGUAGE, "en")
    app = Application(qapp, db_path, settings)
    window = app.window
    window.resize(1366, 768)
    window.show()
    window.open_visit(visit_id)
    busy_until(qapp, lambda: not app.worker.busy, settle=0.2)
    editor = window.capture.box.editor
    stored = []
    window.capture.stored.connect(stored.append)  # "stored" in the status bar: the commit was reported
    times: dict[str, list[Busy]] = {"add": [], "edit": [], "move": [], "delete": []}
    runner, tree = window.runner, window.capture.tree

    def measure(change: str, target, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier, measured=True) -> None:
        stored.clear()
        busy = Busy()
        busy.run(_profiled if measured else _plain, QTest.keyClick, target, key, mods)
        busy_until(qapp, lambda: not app.worker.busy and not runner.pending and bool(stored), drain=app.worker.wait,
                   busy=busy, profile=measured)
        if "stored" not in window.saved_label.text():
            raise RuntimeError(f"{change}: the change was not stored")
        if measured:
            times[change].append(busy)

    for i in range(notes + 3):  # three unmeasured warm-up notes
        editor.setFocus()
        editor.setPlainText(f"Nowa notatka numer {i}: {TEXT}")
        busy_until(qapp, lambda: True, settle=0.01)
        stored.clear()
        busy, measured = Busy(), i >= 3
        busy.run(_profiled if measured else _plain, QTest.keyClick, editor, Qt.Key.Key_Return,
                 Qt.KeyboardModifier.ControlModifier)
        busy_until(qapp, lambda: not app.worker.busy and bool(stored), drain=app.worker.wait, busy=busy,
                   profile=measured)
        if editor.toPlainText() or "stored" not in window.saved_label.text():
            raise RuntimeError("Ctrl+Enter did not store the note")
        if i >= 3:
            times["add"].append(busy)
    # The notes just added, by keyboard in the notes list: edit in place (Return, type, Return), one up
    # in its section (Alt+Up), delete (Delete).
    added = [n.id for n in window.capture.notes if n.text.startswith("Nowa notatka numer")]
    for i, note_id in enumerate(added):
        measured = i >= 3
        tree.setFocus()
        tree.select_note(note_id)
        QTest.keyClick(tree, Qt.Key.Key_Return)  # opens the editor (not measured: the typing is the user's)
        line = qapp.focusWidget()
        line.setText(f"Poprawiona notatka {i}: {TEXT}")
        busy_until(qapp, lambda: True, settle=0.01)
        measure("edit", line, Qt.Key.Key_Return, measured=measured)
        tree.select_note(note_id)
        measure("move", tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier, measured=measured)
        tree.select_note(note_id)
        measure("delete", tree, Qt.Key.Key_Delete, measured=measured)
    app.replacing = True
    window.close()
    app.shutdown()
    window.deleteLater()
    busy_until(qapp, lambda: True, settle=0.05)
    return times


def baseline(qapp: QApplication, size: int, notes: int) -> list[Busy]:
    """A bare QTreeView over a bare QStandardItemModel: sections, notes as children, one row inserted."""
    sections = 9
    model = QStandardItemModel(0, 5)
    tops = [QStandardItem(f"{s + 1}. Section") for s in range(sections)]
    for top in tops:
        model.appendRow(top)
    for i in range(size):
        tops[i % sections].appendRow([QStandardItem(x) for x in ("10:00", "Note", f"{TEXT} ({i})", "kadry", "Ewa")])
    view = QTreeView()
    view.setModel(model)
    view.setWordWrap(True)
    view.resize(1000, 600)
    view.expandAll()
    view.show()
    busy_until(qapp, lambda: True, settle=0.2)
    times = []
    def insert(i: int) -> None:
        items = [QStandardItem(x) for x in ("10:00", "Note", f"Nowa notatka numer {i}: {TEXT}", "", "Ewa")]
        tops[0].appendRow(items)
        view.setCurrentIndex(items[2].index())
        view.scrollTo(items[2].index())

    for i in range(notes + 3):
        busy = Busy()
        busy.run(insert, i)
        busy_until(qapp, lambda: True, busy=busy)
        if i >= 3:
            times.append(busy)
    view.close()
    view.deleteLater()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20,300,1000")
    parser.add_argument("--notes", type=int, default=15, help="notes added and measured per visit size")
    parser.add_argument("--cpu", action="store_true", help="kept for old scripts: CPU time is always printed")
    parser.add_argument("--profile", action="store_true", help="where the GUI thread's Python time went")
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"GUI-thread time per note added (Ctrl+Enter), edited, moved and deleted ({args.notes} notes per size, "
          f"offscreen), wall and CPU; target: at most 16 ms, whatever the size; load average {_load()}")
    global PROFILE
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            base = baseline(qapp, size, args.notes)
            PROFILE = cProfile.Profile() if args.profile else PROFILE
            for change, mine in ours(qapp, Path(tmp), size, args.notes).items():
                for clock in ("wall", "cpu"):
                    label = f"{change} note, {size} notes, {'CPU' if clock == 'cpu' else clock}"
                    print(row(label, [getattr(b, clock) for b in mine], [getattr(b, clock) for b in base]), flush=True)
    print(f"load average after: {_load()}")
    if PROFILE is not None:
        pstats.Stats(PROFILE).sort_stats("cumulative").print_stats(30)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
