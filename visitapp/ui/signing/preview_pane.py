"""The pages of the minutes as they will be finalised, drawn off the GUI thread.

The record is built on the DB worker (a read queued after every note typed
before, so the preview shows them); the pages are rendered and drawn on the
dialog's own :class:`~visitapp.ui.signing.job.JobWorker`.  A newer choice of
language or copy makes older requests moot: only the latest is shown.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from visitapp.domain import CopyKind
from visitapp.errors import UserError
from visitapp.minutes.preview import PREVIEW_FOLDER_PREFIX, page_images, page_texts, sweep_stale_previews
from visitapp.minutes.render import render_pdf
from visitapp.services import Services
from visitapp.ui.page_preview import PagePreview
from visitapp.ui.signing.job import JobWorker
from visitapp.ui.worker import DbWorker

log = logging.getLogger(__name__)


class PreviewPane(QWidget):
    """The page images (or texts), a caption and a button to open the preview in a PDF viewer."""

    def __init__(self, svc: Services, visit_id: str, db_worker: DbWorker, job_worker: JobWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.svc, self.visit_id = svc, visit_id
        self.db_worker, self.job_worker = db_worker, job_worker
        self.pdf: bytes | None = None
        self.generation = 0
        self.pending = 0
        self.rendered_on: str | None = None  # the thread that drew the latest pages (tests)
        self.notes_out: int | None = None  # how many notes the copy shown holds
        self.notes_line = ""  # says so, for a copy that leaves notes out
        # Copies an earlier session could not delete (a crash; Windows while a viewer still held one) go first.
        sweep_stale_previews()
        self._temp = tempfile.TemporaryDirectory(prefix=PREVIEW_FOLDER_PREFIX, ignore_cleanup_errors=True)

        self.preview = PagePreview(self)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open preview in PDF &viewer"), self)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.open_preview())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addWidget(self.caption, 1)
        row.addWidget(self.open_button)
        layout.addLayout(row)

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def request(self, lang: str, copy: str) -> None:
        """Draw the pages for this language and copy (older requests still queued are skipped)."""
        self.generation += 1
        generation = self.generation
        svc, visit_id = self.svc, self.visit_id
        self.preview.show_message(self.tr("Drawing the pages…"))
        self.caption.setText("")
        self.open_button.setEnabled(False)

        def build():
            if generation != self.generation:
                return None  # a newer choice is already queued
            from visitapp.services.records import copy_of

            full = svc.records.build(visit_id)
            record = copy_of(full, copy)
            return record, len(record.notes), len(full.notes)

        def built(result) -> None:
            if not shiboken6.isValid(self) or result is None or generation != self.generation:
                self._finished()
                return
            record, self.notes_out, notes_all = result
            self.notes_line = "" if copy == CopyKind.INTERNAL else self.tr(
                "This copy holds %1 of the visit's %2 notes; the others stay out of it.").replace(
                "%1", str(self.notes_out)).replace("%2", str(notes_all))
            self.job_worker.submit(lambda: self._draw(generation, record, lang),
                                   lambda result: self._done(generation, result),
                                   lambda err: self._failed(generation, err))

        self.pending += 1
        self.db_worker.submit(build, built, lambda err: self._failed(generation, err))

    def _draw(self, generation: int, record, lang: str):
        import threading

        if generation != self.generation:
            return None
        self.rendered_on = threading.current_thread().name
        pdf = render_pdf(record, lang)
        images = page_images(pdf)
        return pdf, images, None if images else page_texts(pdf)

    def _finished(self) -> None:
        if shiboken6.isValid(self):
            self.pending -= 1

    def _done(self, generation: int, result) -> None:
        if not shiboken6.isValid(self):
            return
        self.pending -= 1
        if result is None or generation != self.generation:
            return
        pdf, images, texts = result
        self.pdf = pdf
        self.open_button.setEnabled(True)
        if images:
            self.preview.show_images(images)
            caption = self.tr("%n page(s), as they will be finalised (the signature stamp is added on signing).",
                              "", len(images))
        elif texts:
            self.preview.show_texts(texts, self.tr(
                "Page images need poppler's pdftoppm, which is not installed; this is the text of each page."))
            caption = self.tr("%n page(s); open the preview in your PDF viewer to see them as printed.",
                              "", len(texts))
        else:
            self.preview.show_message(self.tr(
                "This computer cannot draw the pages here (poppler's pdftoppm is not installed). "
                "Open the preview in your PDF viewer to see them."))
            caption = ""
        self.caption.setText(f"{self.notes_line} {caption}".strip())

    def _failed(self, generation: int, err: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.pending -= 1
        if generation != self.generation:
            return
        if not isinstance(err, UserError):
            log.error("preview failed", exc_info=err)
        self.preview.show_message(self.tr("The preview could not be drawn: %1").replace("%1", str(err)))

    def open_preview(self, file_name: str = "preview.pdf") -> None:
        if self.pdf is None:
            return
        path = Path(self._temp.name) / f"preview-{self.generation}-{file_name}"
        # Private (0600) whatever the umask, in the pane's own private folder, removed when the dialog closes.
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
            fh.write(self.pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def close_pane(self) -> None:
        """The dialog is done: skip what is still queued, remove the preview files."""
        self.generation += 1
        self._temp.cleanup()
