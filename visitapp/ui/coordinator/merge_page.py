"""Merge: drop signed PDFs or folders (or choose them), merge off the GUI thread, see each file's result."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.errors import UserError
from visitapp.registry.merge import FileResult, Merger, collect_files
from visitapp.registry.trust import fingerprint, load_certificate_file, load_certificates
from visitapp.signing.envelope import is_envelope_name
from visitapp.ui.coordinator.common import Fit, ServicesRef, current, message_of, table, warn
from visitapp.ui.coordinator.key_dialog import ask_key
from visitapp.ui.coordinator.models import GREEN, GREY, RED, Column, RowsModel
from visitapp.ui.coordinator.tasks import Task
from visitapp.ui.coordinator.writes import Writes
from visitapp.ui.safe_text import plain_tooltip

TIP_WIDTH = 90  # characters a line of a long tooltip holds (a plain-text tooltip is never wrapped by Qt)

if TYPE_CHECKING:
    from visitapp.ui.coordinator.trust_page import TrustPage


def _same_file(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return path


def _local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class DropZone(QFrame):
    """The visible target; the whole page accepts drops, this says so."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setMinimumHeight(84)
        self.setStyleSheet("QFrame#dropZone { border: 2px dashed #8a8f98; border-radius: 8px; background: #f6f8fa; }"
                           "QFrame#dropZone[hover=\"true\"] { border-color: #1a73e8; background: #e8f0fe; }")
        self.label = QLabel(text, self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("QLabel { border: none; background: transparent; color: #3c4043; }")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def set_hover(self, on: bool) -> None:
        self.setProperty("hover", on)
        self.style().unpolish(self)
        self.style().polish(self)


class MergePage(QWidget):
    """Merging signed minutes into the registry that the services point at."""

    merged = Signal(list)  # the FileResults of one run, when it ends (cancelled or not)
    waiting = Signal(str, float)  # a file whose merge waits for other coordinators' work (from the batch's thread)

    def __init__(self, services: ServicesRef, parent: QWidget | None = None, *, writes: Writes | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.writes = writes  # each file's merge operation runs on its DB worker
        self.task: Task | None = None
        self.pending: list[Path] = []
        self.files: list[Path] = []  # of the run in progress
        self.trust_page: TrustPage | None = None  # the view's: confirms and stores a signer trusted from a row
        self.once_paths: list[Path] = []  # certificates trusted for the next merges only (nothing stored)
        self.setAcceptDrops(True)

        self.zone = DropZone(self.tr("Drop signed minutes (PDF files, or .p7m encrypted for you) or whole folders "
                                     "here.\nEach file is verified, then merged into the registry."), self)
        self.zone.setAccessibleName(self.tr("Drop area for signed minutes"))
        self.choose_files = QPushButton(self.tr("Choose f&iles…"), self)
        self.choose_files.setAccessibleName(self.tr("Choose PDF files to merge"))
        self.choose_folder = QPushButton(self.tr("Choose f&older…"), self)
        self.choose_folder.setAccessibleName(self.tr("Choose a folder of PDF files to merge"))
        self.cancel_button = QPushButton(self.tr("&Cancel merge"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the merge after the current file"))
        self.cancel_button.setEnabled(False)
        self.clear_button = QPushButton(self.tr("Clear res&ults"), self)
        self.clear_button.setAccessibleName(self.tr("Clear the table of results"))
        self.trust_again_button = QPushButton(self.tr("&Trust this signer and merge again…"), self)
        self.trust_again_button.setAccessibleName(
            self.tr("Trust the signer of the selected rejected file, after confirming the fingerprint, and merge "
                    "it again"))
        self.trust_again_button.setEnabled(False)
        self.trust_once = QCheckBox(self.tr("Also trust for this merge &only:"), self)
        self.trust_once.setAccessibleName(self.tr("Trust the chosen certificates for the merges of this window "
                                                  "only; nothing is stored"))
        self.trust_once_button = QPushButton(self.tr("Certificates…"), self)
        self.trust_once_button.setAccessibleName(self.tr("Choose the certificates to trust for this merge only"))
        self.trust_once_label = QLabel(self.tr("no certificate chosen"), self)
        self.trust_once_label.setTextFormat(Qt.TextFormat.PlainText)  # names from certificates

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Merge progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %n file(s)", "", 1))  # "0 z 1 pliku": Qt's plural forms
        self.status = QLabel(self.tr("No files merged yet."), self)
        self.status.setAccessibleName(self.tr("Merge status"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # file names, errors
        self.waiting.connect(self._waiting)

        self.model = RowsModel([
            Column("file", self.tr("File"), lambda r: Path(r.file).name or r.file, tip=lambda r: r.file),
            Column("status", self.tr("Result"), self.status_label, color=self._status_color,
                   bold=lambda r: r.status == "rejected"),
            Column("visit", self.tr("Visit"), lambda r: r.organisation,
                   tip=lambda r: r.visit_id or ""),
            Column("author", self.tr("Author"), lambda r: r.author),
            Column("signature", self.tr("Signature"), self._signature, tip=lambda r: r.signature.get("identity", "")),
            Column("timestamp", self.tr("Timestamp"), self.timestamp_label),
            Column("reason", self.tr("Reason"), self._reason,  # the whole reason, in lines a screen holds
                   tip=lambda r: textwrap.fill(self._reason(r), TIP_WIDTH)),
        ], self)
        # Each column as wide as its text: file, visit and author within a share of the table, narrowed to 80 px
        # before a scroll bar (whole in their tooltips); result, signature and timestamp never cut; the reason takes
        # the rest, at least 200 px (cut in the middle, whole in its tooltip).
        self.table = table(self, self.tr("Results of the merge, one row per file"), self.model, stretch=6,
                           minimum=200, fits={0: Fit(share=0.2, floor=80), 2: Fit(share=0.2, floor=80),
                                              3: Fit(share=0.15, floor=80)})
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a cut reason keeps its end (what to do)

        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_files)
        buttons.addWidget(self.choose_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.clear_button)
        once = QHBoxLayout()
        once.addWidget(self.trust_once)
        once.addWidget(self.trust_once_button)
        once.addWidget(self.trust_once_label, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.zone)
        layout.addLayout(buttons)
        layout.addLayout(once)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        rows = QHBoxLayout()
        rows.addWidget(self.trust_again_button)
        rows.addStretch(1)
        layout.addLayout(rows)

        self.choose_files.clicked.connect(self.ask_files)
        self.choose_folder.clicked.connect(self.ask_folder)
        self.cancel_button.clicked.connect(self.cancel)
        self.clear_button.clicked.connect(lambda: self.model.reset([]))
        self.trust_again_button.clicked.connect(self.trust_selected_and_merge)
        self.trust_once_button.clicked.connect(self.ask_once_certificates)
        self.trust_once.toggled.connect(self._once_toggled)
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.model.modelReset.connect(self._selection)
        self.model.dataChanged.connect(self._selection)

    # texts ---------------------------------------------------------------------
    def status_label(self, r: FileResult) -> str:
        return {"accepted": self.tr("accepted"), "unchanged": self.tr("unchanged"), "rejected": self.tr("rejected"),
                "skipped": self.tr("not merged")}.get(r.status, r.status)

    def _changes(self, r: FileResult) -> str:
        """What an accepted file brought, in a few words."""
        c = r.changes
        parts = []
        if c.get("visits_added"):
            parts.append(self.tr("new visit"))
        for key, text in (("notes_added", self.tr("%n note(s) added", "", c.get("notes_added", 0))),
                          ("notes_updated", self.tr("%n note(s) updated", "", c.get("notes_updated", 0))),
                          ("notes_removed", self.tr("%n note(s) removed", "", c.get("notes_removed", 0))),
                          ("actions_added", self.tr("%n action item(s) added", "", c.get("actions_added", 0))),
                          ("actions_updated", self.tr("%n action item(s) updated", "", c.get("actions_updated", 0)))):
            if c.get(key):
                parts.append(text)
        return ", ".join(parts)

    def _signature(self, r: FileResult) -> str:
        """Qualification and revocation status of the author's signature, in a few words."""
        sig = r.signature
        if not sig:
            return ""
        levels = {"qualified": self.tr("qualified"), "advanced": self.tr("advanced"),
                  "self-signed": self.tr("self-signed"), "pinned": self.tr("by fingerprint")}
        level = levels.get(sig.get("level", ""), "")
        revocation = {"good": self.tr("not revoked"), "revoked": self.tr("revoked"),
                      "unknown": self.tr("revocation unknown"),
                      "not_checked": self.tr("revocation not checked")}.get(sig.get("revocation", ""), "")
        return ", ".join(p for p in (level, revocation) if p)

    def timestamp_label(self, r: FileResult) -> str:
        """The standing of the author's signature's timestamp as verify judged it (``visitapp verify`` and the check
        dialog say the same): a qualified timestamp when a loaded trusted list names its authority a qualified
        timestamp service, else not qualified; its authority not trusted; or none."""
        sig = r.signature
        if not sig:
            return ""
        if not sig.get("timestamp"):
            return self.tr("no timestamp")
        if sig.get("timestamp_qualified"):
            return self.tr("qualified timestamp")
        if not sig.get("timestamp_trusted"):
            return self.tr("timestamp (authority not trusted)")
        return self.tr("timestamp (not qualified)")

    def _reason(self, r: FileResult) -> str:
        text = r.reason
        if r.status == "accepted":
            changes = self._changes(r)
            if changes:
                text = f"{text} {changes[:1].upper()}{changes[1:]}.".strip()
        if r.disagreements:
            more = self.tr("%n disagreement(s) to settle on the Disagreements page.", "", r.disagreements)
            text = f"{text} {more}".strip()
        return text

    @staticmethod
    def _status_color(r: FileResult):
        return {"accepted": GREEN, "rejected": RED}.get(r.status, GREY)

    # choosing and dropping -----------------------------------------------------
    def ask_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Signed minutes to merge"), "", self.tr("Signed minutes (*.pdf *.p7m);;All files (*)"))
        if names:
            self.add_paths(names)

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A folder of signed minutes to merge"))
        if folder:
            self.add_paths([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event):
            event.acceptProposedAction()
            self.zone.set_hover(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self.zone.set_hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.zone.set_hover(False)
        paths = _local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # trusting a signer --------------------------------------------------------------
    def _selected(self) -> FileResult | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.rows[index.row()]

    def _selection(self, *_args: object) -> None:
        row = self._selected()
        self.trust_again_button.setEnabled(
            self.trust_page is not None and row is not None and row.status == "rejected"
            and bool(row.untrusted_certificate))

    def trust_selected_and_merge(self) -> int | None:
        """The selected file was rejected only because its signer is not trusted: show the signer's fingerprint,
        and once confirmed trust them (an undoable step) and merge the file again (its row is replaced)."""
        row = self._selected()
        if row is None or not row.untrusted_certificate or self.trust_page is None:
            return None
        try:  # the same checks as a certificate file given to the Trusted signers page
            certs = load_certificates(row.untrusted_certificate, Path(row.file).name)
        except UserError as err:
            warn(self, self.tr("Trust a signer"), str(err))
            return None
        if not self.trust_page.confirm_certificates(certs):
            return None
        self.trust_again_button.setEnabled(False)
        return self.trust_page.trust_certificates(certs, on_done=lambda: self.add_paths([row.file]))

    def ask_once_certificates(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Certificates to trust for this merge only"), "",
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if names:
            self.set_once_certificates([Path(n) for n in names])
        elif not self.once_paths:
            self.trust_once.setChecked(False)

    def set_once_certificates(self, paths: Sequence[Path]) -> bool:
        """Trust the signers of these certificate files for the merges started from now on, storing nothing;
        False (and none chosen) when a file is refused."""
        shown, tips = [], []
        for path in paths:
            try:
                certs = load_certificate_file(path)
            except UserError as err:
                warn(self, self.tr("Trust for this merge only"), str(err))
                self.once_paths = []
                self.trust_once_label.setText(self.tr("no certificate chosen"))
                self.trust_once.setChecked(False)
                return False
            from visitapp.signing.keys import name_of

            for cert in certs:
                name = ", ".join(x for x in name_of(cert) if x) or "?"
                shown.append(name)
                tips.append(f"{name}\nSHA-256: {fingerprint(cert)}")
        self.once_paths = list(paths)
        self.trust_once_label.setText("; ".join(shown))
        self.trust_once_label.setToolTip(plain_tooltip("\n\n".join(tips)))
        self.trust_once.setChecked(True)
        return True

    def _once_toggled(self, on: bool) -> None:
        if on and not self.once_paths:
            self.ask_once_certificates()

    def once_trust(self) -> list[Path]:
        """The certificate files trusted for the merge about to start (none unless the box is ticked)."""
        return list(self.once_paths) if self.trust_once.isChecked() else []

    # merging ---------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        """Merge these files and folders (what a drop and the file dialogs call); queued while a merge runs."""
        self.pending.extend(Path(p) for p in paths)
        if not self.busy:
            self._start()

    def _start(self) -> None:
        items, self.pending = self.pending, []
        if not items:
            return
        files = collect_files(items)
        if not files:
            self.status.setText(self.tr("There is no PDF file in what was dropped."))
            return
        self.files = files
        db = current(self.services).db
        self.progress.setRange(0, len(files))
        self.progress.setFormat(self.tr("%v of %n file(s)", "", len(files)))
        self.progress.setValue(0)
        self.status.setText(self.tr("Verifying and merging %n file(s)…", "", len(files)))
        self.cancel_button.setEnabled(True)

        encrypted = [f for f in files if is_envelope_name(f)]
        key = ask_key(self, len(encrypted)) if encrypted else None  # once per run; None leaves them rejected

        worker = self.writes.runner.worker if self.writes is not None else None
        extra = self.once_trust()  # read now: a change of the box during the run applies to the next one

        def through(call):  # on the batch's thread: it waits while the DB worker merges
            if worker is None:
                return call()
            return worker.submit(call, on_error=lambda _err: None).result()

        def work(progress, cancelled):  # on the batch's thread: verification in the capped worker
            # worker process, each file's merge operation on the DB worker)
            def told(file: str, _attempt: int, waited: float) -> None:
                self.waiting.emit(file, waited)  # queued to the GUI thread

            merger = (Merger(db, extra_trust=extra, key=key, through=through, waiting=told) if key is not None
                      else Merger(db, extra_trust=extra, through=through, waiting=told))
            return merger.merge_all(files, progress=progress, cancelled=cancelled)

        self.results: list[FileResult] = []
        self.task = Task(work)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.start()

    def show_result(self, result: FileResult) -> None:
        """A file merged again replaces its earlier row (the same file, by its resolved path); else a new row."""
        key = _same_file(result.file)
        for i, row in enumerate(self.model.rows):
            if _same_file(row.file) == key:
                self.model.replace(i, result)
                return
        self.model.append(result)

    def _progressed(self, done: int, total: int, result: FileResult) -> None:
        self.results.append(result)
        self.show_result(result)
        self.table.scrollToBottom()
        self.progress.setValue(done)
        self.status.setText(self.tr("Merged %1 of %2: %3").replace("%1", str(done)).replace("%2", str(total))
                            .replace("%3", Path(result.file).name))

    def _waiting(self, file: str, waited: float) -> None:
        """A merge waits for other coordinators (a server registry): said in the status line, not as an error."""
        self.status.setText(self.tr("Waiting for other coordinators' work on the registry (%1 s so far): %2")
                            .replace("%1", str(round(waited))).replace("%2", Path(file).name))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.pending.clear()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling after the current file…"))

    def _done(self, results: list[FileResult]) -> None:
        cancelled = self.task is not None and self.task.cancelled
        for path in self.files[len(results):]:  # what a cancel left out
            row = FileResult(str(path), "skipped", self.tr("The merge was cancelled before this file."))
            self.show_result(row)
        counts = {k: sum(1 for r in results if r.status == k) for k in ("accepted", "unchanged", "rejected")}
        summary = (self.tr("%1 accepted, %2 unchanged, %3 rejected.")
                   .replace("%1", str(counts["accepted"])).replace("%2", str(counts["unchanged"]))
                   .replace("%3", str(counts["rejected"])))
        if cancelled:
            summary = self.tr("Cancelled: %1 of %2 files merged.").replace("%1", str(len(results))).replace(
                "%2", str(len(self.files))) + " " + summary
        self.status.setText(summary)
        self._finish(results)

    def _failed(self, err: BaseException) -> None:
        self.status.setText(self.tr("The merge stopped: %1").replace("%1", message_of(err)))
        warn(self, self.tr("Merge"), message_of(err))
        self._finish(self.results)

    def _finish(self, results: list[FileResult]) -> None:
        self.task = None
        if self.writes is not None:
            self.writes.history_changed()  # a merge is no undoable step: the Edit menu starts anew
        self.cancel_button.setEnabled(False)
        self.progress.setValue(len(results))
        self.merged.emit(list(results))
        if self.pending:
            self._start()

    def shutdown(self) -> None:
        """Stop after the current file and wait (before the database closes)."""
        if self.task is not None:
            task = self.task
            task.cancel()
            task.wait()
