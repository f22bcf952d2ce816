"""Preparing search after an upgrade, with the window already open (issue 15).

An upgraded database (or one another program wrote) holds texts whose Polish
lemmas are not indexed yet.  The command line analyses them while it opens the
database; the desktop app opens it with the analysis deferred
(``visitapp.db.database.analysis_deferred``), shows its window, and then
:class:`BacklogAnalysis` runs ``Database.analyse_backlog`` on the app's one DB
worker one batch per job (each batch its own short transaction).  The next
batch is queued only after the previous one is reported, so whatever the
window asked for meanwhile (a note typed, a draft) runs between two batches:
a write waits for one batch at most.  Until the analysis is done, search finds
such texts by their words as typed (the index holds them), so the status bar
says so (:class:`SearchProgress`).  Quitting stops after the batch under way;
the rest is analysed at the next start.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QProgressBar, QWidget

from visitapp.ui.worker import DbWorker

if TYPE_CHECKING:  # SQLAlchemy is imported on the DB worker, after the window is shown (fast start)
    from visitapp.db import Database

log = logging.getLogger(__name__)


class _BatchDone(Exception):
    """Raised from the progress callback after a batch: the job ends and the queue moves on."""


class BacklogAnalysis(QObject):
    """The search index's backlog, analysed on the DB worker a batch at a time.

    ``progressed(done, total)`` follows each batch (texts analysed since the
    start, of how many), in order; ``finished(complete)`` comes once: True when
    nothing is left, False when it stopped early (quit, the database replaced
    or locked by another program, an error): the rest waits for the next start.
    """

    progressed = Signal(int, int)
    finished = Signal(bool)

    def __init__(self, worker: DbWorker, database: Callable[[], Database], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._database = database  # the app's database now (a conversion replaces it)
        self._db: Database | None = None
        self._stopping = threading.Event()
        self.running = False
        self.done = self.total = 0  # written on the DB worker only, between batches

    def start(self) -> None:
        if self.running or self._stopping.is_set():
            return
        self.running = True
        self._db = self._database()
        self._next()

    def stop(self) -> None:
        """Stop after the batch under way (at quit); nothing more is queued."""
        self._stopping.set()

    def start_after_first_paint(self, window: QWidget) -> None:
        """Start once ``window`` has been painted: the window first, then the analysis."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.start)  # once this first paint is on the screen
        return False

    def _next(self) -> None:
        if self._stopping.is_set() or self.worker.closed or self._database() is not self._db:
            self._end(False)
            return
        self.worker.submit(self._batch, self._batch_done, self._failed)

    def _batch(self) -> bool | None:
        """On the DB worker: one batch. True: more is left; False: nothing is; None: stopped early."""
        db = self._db
        if self._stopping.is_set() or db is None:
            return None

        def report(done: int, total: int) -> None:
            left = total - done  # what this job saw, minus its batch (writes meanwhile analyse some too)
            self.total = max(self.total, self.done + left) if self.total else total
            self.done = max(self.done, self.total - left)
            self.progressed.emit(self.done, self.total)  # queued to the GUI thread, in order
            if left > 0:
                raise _BatchDone

        try:
            db.analyse_backlog(report)
        except _BatchDone:
            return True
        # It returned by itself: nothing was left, or another program holds the write lock (left for later).
        return False if self.done >= self.total else None

    def _batch_done(self, more: bool | None) -> None:
        if more:
            self._next()
        else:
            self._end(more is False)

    def _failed(self, err: BaseException) -> None:
        # Not the official's problem now: search still finds the words as typed, and the next start goes on.
        log.warning("analysing the search index's backlog stopped", exc_info=err)
        self._end(False)

    def _end(self, complete: bool) -> None:
        if self.running:
            self.running = False
            self.finished.emit(complete)


class SearchProgress(QWidget):
    """The analysis in a main window's status bar: how far, and that search finds typed forms meanwhile."""

    def __init__(self, analysis: BacklogAnalysis, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("searchProgress")
        self.window_ = window
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Preparing search"))
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setToolTip(self.tr("Search is being prepared to find every form of a word. Until it is done, "
                                "older texts are found only by the word forms typed."))
        self.hide()
        window.statusBar().addWidget(self)
        analysis.progressed.connect(self.show_progress)
        analysis.finished.connect(self.show_end)
        if analysis.running and analysis.total:  # a rebuilt window (another language) picks up where it is
            self.show_progress(analysis.done, analysis.total)

    def show_progress(self, done: int, total: int) -> None:
        locale = QLocale()
        self.label.setText(self.tr("Preparing search: %1 of %2 texts; until then words are found only as typed")
                           .replace("%1", locale.toString(done)).replace("%2", locale.toString(total)))
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.show()

    def show_end(self, complete: bool) -> None:
        if not self.isVisible():
            return  # nothing was shown (no backlog): nothing to say
        self.hide()
        if complete:
            self.window_.statusBar().showMessage(self.tr("Search is ready: a word finds all its forms."), 10000)
        else:
            self.window_.statusBar().showMessage(
                self.tr("Search is not fully prepared; the rest is done at the next start."), 15000)
