"""An upgraded database's search backlog and the desktop window (issue 15).

    python benchmarks/analyse_window.py --db BIG.db [--work DIR] [--saves N]

``BIG.db`` (e.g. from ``benchmarks/storage.py --keep FILE``) is never changed: it is copied into
``--work`` once, brought to this version's schema there, and its lemmas cleared, as an upgrade
leaves them.  Each figure then runs on a fresh copy of that:

* the real app (``python -m visitapp gui``, offscreen) timed from its start to its window's first
  paint (``VISITAPP_REPORT_SHOWN``), with how many texts were still unanalysed at that moment
  (before issue 15 the window came only after all of them);
* notes saved while the backlog is analysed on the DB worker, from the request to the stored
  report (a note waits for the batch under way), beside the same saves with the analysis stopped;
* the backlog's whole analysis behind the window.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def pending(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM search_docs WHERE lemmas IS NULL").fetchone()[0])
    finally:
        conn.close()


def prepare(source: Path, work: Path) -> Path:
    """A copy of ``source`` at this schema with every lemma cleared (made once)."""
    from visitapp.db import Database

    base = work / "backlog.db"
    if not base.exists():
        tmp = work / "backlog.part.db"
        shutil.copy(source, tmp)
        Database.open(tmp, analyse=False, backup_dir=work / "backups").close()
        conn = sqlite3.connect(tmp)
        with conn:
            conn.execute("UPDATE search_docs SET lemmas = NULL")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        shutil.rmtree(work / "backups", ignore_errors=True)
        tmp.rename(base)
    return base


def fresh(base: Path, name: str) -> Path:
    path = base.with_name(name)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(base, path)
    return path


def first_window(base: Path, work: Path) -> None:
    from gui_process import gui_env, start_visitapp, stop, wait_for_window

    db = fresh(base, "window.db")
    report = work / "shown.json"
    report.unlink(missing_ok=True)
    start = time.monotonic()
    proc = start_visitapp("gui", "--db", str(db), env=gui_env(work, report))
    try:
        wait_for_window(proc, report, timeout=1800)
        shown = time.monotonic() - start
        left = pending(db)
        print(f"first window: {shown:.1f} s after start; {left:,} texts still to analyse then", flush=True)
        while pending(db):
            time.sleep(0.5)  # polling another process's file, bounded by the backlog itself
        print(f"backlog analysed behind the window: {time.monotonic() - start:.1f} s after start", flush=True)
    finally:
        stop(proc)


def saves(base: Path, work: Path, count: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from visitapp import ops
    from visitapp.ui.app import Application
    from visitapp.ui.settings import AppSettings

    db = fresh(base, "saves.db")
    conn = sqlite3.connect(db)
    visit = conn.execute("SELECT uuid FROM visits ORDER BY id DESC LIMIT 1").fetchone()[0]
    conn.close()
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    app = Application(qapp, db, AppSettings(work / "settings.ini"))
    app.window.show()

    def wait(signal, ms: int = 0) -> None:
        loop = QEventLoop()
        if ms:
            QTimer.singleShot(ms, loop.quit)
        else:
            signal.connect(loop.quit)
        loop.exec()
        if not ms:
            signal.disconnect(loop.quit)

    def run(label: str) -> None:
        waits = []
        for i in range(count):
            wait(None, 700)  # a note now and then, as typed
            start = time.monotonic()
            app.window.runner.submit(ops.add_note, visit, f"Notatka {label} {i}")
            wait(app.window.runner.finished)
            waits.append(time.monotonic() - start)
        waits.sort()
        print(f"note saves {label}: median {waits[len(waits) // 2] * 1000:.0f} ms, max {waits[-1] * 1000:.0f} ms",
              flush=True)

    wait(app.analysis.progressed)
    run("during the analysis")
    app.analysis.stop()
    if app.analysis.running:
        wait(app.analysis.finished)
    run("with the analysis stopped")
    app.worker.wait()
    app.replacing = True
    app.window.close()
    app.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a large database (copied, never changed)")
    parser.add_argument("--work", type=Path, default=Path("build/bench-analyse"))
    parser.add_argument("--saves", type=int, default=15)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    base = prepare(args.db, args.work)
    print(f"{pending(base):,} texts to analyse", flush=True)
    first_window(base, args.work)
    saves(base, args.work, args.saves)


if __name__ == "__main__":
    main()
