"""File → Check signed minutes…: the official's view of ``visitapp verify``.

For each signature: who signed and their institution (from the certificate),
when, whether it is intact and covers the file, whether the signer is trusted
(under which anchor, or pinned by fingerprint, or not), its PAdES level
(B-B/B-T/B-LT/B-LTA), its qualification, revocation and timestamp; then the
record's visit and version. A file that fails gets one sentence in red.

The verification is the core's (:func:`visitapp.signing.levels.check_received`
in the capped worker of :mod:`visitapp.signing.sandbox`, spawned because this
process runs Qt threads), run from a :class:`~visitapp.ui.coordinator.tasks.Task`
so the window stays responsive. Every text from the file is set as plain text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitapp.errors import UserError
from visitapp.ui.coordinator.tasks import Task
from visitapp.ui.safe_text import plain, plain_tooltip

PolicySource = Callable[[], Any]  # returns a visitapp.signing.assess.TrustPolicy (read on the task's thread)

STOP_WAIT_MS = 10000  # a cancelled check ends within 0.1 s of the worker's poll; this bounds a stuck database read
OK_STYLE = "color: #1b5e20; font-weight: bold;"
BAD_STYLE = "color: #b00020; font-weight: bold;"
WRAP_AT = 64  # characters of a value's line: the result column of the dialog at its first size holds them


def run_check(path: str, policy: Any, cancelled: Callable[[], bool] | None = None) -> tuple[Any, list[str]] | None:
    """The check itself, off the GUI thread: the report and the levels from the capped worker.

    ``cancelled`` is asked while the worker runs; when it says so, the worker process is stopped at once and
    None comes back (the dialog was closed, or the app quits).
    """
    from visitapp.signing.levels import check_received
    from visitapp.signing.sandbox import CappedWorker
    from visitapp.signing.verify import VerificationReport

    with CappedWorker() as worker:
        outcome = worker.call(check_received, path, policy, cancelled=cancelled)
    if cancelled is not None and cancelled():
        return None
    if outcome.refused is not None:
        return VerificationReport(path=path, problems=[outcome.refused]), []
    return outcome.value


def extra_trust(paths: list[Path]) -> tuple[list[bytes], list[bytes]]:
    """Certificates chosen for this check: (pinned end certificates, anchors) as DER; one sentence for a bad file."""
    from visitapp.cli.verify_cmd import load_anchor_files
    from visitapp.signing.verify import is_ca_certificate, signer_certificate

    pinned: list[bytes] = []
    anchors: list[bytes] = []
    for path in paths:
        from asn1crypto import pem
        from asn1crypto import x509 as asn1_x509

        try:
            data = path.read_bytes()
        except OSError as err:
            from visitapp.errors import InvalidInput
            from visitapp.i18n import _

            raise InvalidInput(_("Cannot read the certificate file {path}.").format(path=path)) from err
        try:
            first = asn1_x509.Certificate.load(next(d for k, _h, d in pem.unarmor(data, multiple=True)
                                                    if k == "CERTIFICATE") if pem.detect(data) else data)
            is_ca = is_ca_certificate(first)
        except (ValueError, TypeError, KeyError, StopIteration):
            is_ca = False  # signer_certificate says what is wrong in one sentence
        if is_ca:
            anchors.extend(c.dump() for c in load_anchor_files([path]))
        else:
            pinned.append(signer_certificate(data, str(path)).dump())
    return pinned, anchors


class CheckDialog(QDialog):
    """Check one signed PDF: the report of every signature and of the record."""

    checked = Signal(object)  # the VerificationReport shown (tests, and whoever wants to know)

    def __init__(self, policy: PolicySource, parent: QWidget | None = None, path: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check signed minutes"))
        self._policy = policy
        self.trusted_files: list[Path] = []
        self.task: Task | None = None
        self.report: Any = None
        self.levels: list[str] = []
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        self.file = QLineEdit(path, self)
        self.file.setAccessibleName(self.tr("Signed minutes file"))
        self.file.setPlaceholderText(self.tr("a signed PDF"))
        label = QLabel(self.tr("&File:"), self)
        label.setBuddy(self.file)
        choose = QPushButton(self.tr("C&hoose…"), self)
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_file)
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.start)
        row.addWidget(label)
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        row.addWidget(self.check_button)
        layout.addLayout(row)

        trust_row = QHBoxLayout()
        self.trust_label = plain(QLabel(self.tr("Trusted: the signers and certificate authorities of this "
                                                "database."), self))
        self.trust_label.setWordWrap(True)
        add = QPushButton(self.tr("Also &trust a certificate…"), self)
        add.setAutoDefault(False)
        add.setToolTip(self.tr("A signer's own certificate, or a certificate authority's, for this check only"))
        add.clicked.connect(self.choose_trusted)
        trust_row.addWidget(self.trust_label, 1)
        trust_row.addWidget(add)
        layout.addLayout(trust_row)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: one file, no steps to count
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.summary = plain(QLabel(self))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.details = QTreeWidget(self)
        self.details.setColumnCount(2)
        self.details.setHeaderLabels([self.tr("What"), self.tr("Result")])
        self.details.setAccessibleName(self.tr("Signatures and record"))
        self.details.setRootIsDecorated(True)
        self.details.setUniformRowHeights(False)  # long values are wrapped in lines (WRAP_AT); rows grow
        self.details.header().setStretchLastSection(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)
        app = QCoreApplication.instance()
        if app is not None:  # the app quitting with this dialog open: the check stops before the thread is destroyed
            app.aboutToQuit.connect(self.stop_check)

    # choosing --------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Check signed minutes"), self.file.text(),
                                                    self.tr("Signed minutes (*.pdf);;All files (*)"))
        if path:
            self.file.setText(path)
            self.start()

    def choose_trusted(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Also trust a certificate"), "",
                                                    self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if path:
            self.add_trusted(Path(path))

    def add_trusted(self, path: Path) -> None:
        self.trusted_files.append(path)
        names = ", ".join(p.name for p in self.trusted_files)
        self.trust_label.setText(self.tr("Trusted: the signers and certificate authorities of this database, "
                                         "and %1.").replace("%1", names))

    # checking --------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self) -> None:
        text = self.file.text().strip()
        if not text:
            self._show_problem(self.tr("Choose the signed minutes to check."))
            return
        if self.task is not None:
            return
        path, base, files = str(Path(text).expanduser()), self._policy, list(self.trusted_files)

        def work(_progress, cancelled):  # on the task's thread: the database read, then the worker process
            pinned, anchors = extra_trust(files)
            policy = base()
            policy = dataclasses.replace(policy, pinned=policy.pinned + tuple(pinned),
                                         anchors=policy.anchors + tuple(anchors), require_identity=False)
            return None if cancelled() else run_check(path, policy, cancelled)

        self.details.clear()
        self.summary.setText(self.tr("Checking %1…").replace("%1", Path(path).name))
        self.summary.setStyleSheet("")
        self.progress.setVisible(True)
        self.check_button.setEnabled(False)
        self.task = Task(work)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _finish(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.check_button.setEnabled(True)

    def _failed(self, err: BaseException) -> None:
        self._finish()
        if isinstance(err, UserError | OSError):
            self._show_problem(str(err))
        else:  # a defect: still one sentence here, the details go to the log
            import logging

            logging.getLogger(__name__).error("check failed", exc_info=err)
            self._show_problem(self.tr("The file could not be checked (%1).").replace("%1", type(err).__name__))

    def _show_problem(self, sentence: str) -> None:
        self.summary.setText(sentence)
        self.summary.setStyleSheet(BAD_STYLE)

    def _done(self, result: tuple[Any, list[str]] | None) -> None:
        self._finish()
        if result is None:  # cancelled
            return
        self.report, self.levels = result
        self.show_report(self.report, self.levels)
        self.checked.emit(self.report)

    def show_report(self, report: Any, levels: list[str]) -> None:
        from visitapp.signing.assess import changed_after_signing, not_checked_text

        problems = report.all_problems()
        broken = changed_after_signing(report)  # then trust, qualification and the record are not judged
        if report.ok:
            self.summary.setText(self.tr("All signatures are intact and trusted, and the record is valid."))
            self.summary.setStyleSheet(OK_STYLE)
        else:
            self._show_problem(problems[0] if problems else self.tr("The minutes are not valid."))
        self.details.clear()
        for i, sig in enumerate(report.signatures):
            item = QTreeWidgetItem(self.details, [sig.label, self._verdict(sig)])
            for what, value, tip in self._rows(sig, levels[i] if i < len(levels) else "", report.clock()):
                shown = value if "\n" in value else textwrap.fill(value, WRAP_AT)  # rows grow; the whole as tooltip
                _tipped(QTreeWidgetItem(item, [what, shown]), tip or value)
            item.setExpanded(True)
        if report.signatures:
            rec = report.record
            state = not_checked_text() if broken else self.tr("valid") if rec.valid else self.tr("not valid")
            item = QTreeWidgetItem(self.details, [self.tr("Record"), state])
            if rec.valid and not broken:  # the record is not believed once its signature does not hold
                QTreeWidgetItem(item, [self.tr("Visit"), str(rec.visit_id)])
                QTreeWidgetItem(item, [self.tr("Version"), str(rec.version) if rec.version is not None else "-"])
                if rec.organisation:
                    QTreeWidgetItem(item, [self.tr("Organisation"), rec.organisation])
            elif rec.problem and not broken:
                QTreeWidgetItem(item, [self.tr("Problem"), rec.problem])
            item.setExpanded(True)
        for sentence in problems[1:]:
            QTreeWidgetItem(self.details, [self.tr("Problem"), sentence])
        for sig in report.signatures:
            for warning in sig.warnings:
                QTreeWidgetItem(self.details, [self.tr("Warning"), warning])
        for n in range(self.details.topLevelItemCount()):
            top = self.details.topLevelItem(n)
            if top is None:
                continue
            _tipped(top)
            children = (top.child(c) for c in range(top.childCount()))
            for child in children:
                if child is not None and not child.toolTip(1):
                    _tipped(child)
        self.details.resizeColumnToContents(0)

    def _verdict(self, sig: Any) -> str:
        if sig.ok:
            return self.tr("valid")
        if not sig.intact:
            return self.tr("broken")
        return self.tr("not trusted") if sig.trust_problem else self.tr("not valid")

    def _rows(self, sig: Any, level: str, clock: str = "UTC") -> list[tuple[str, str, str]]:
        """(what, value, tooltip: the whole or raw value, "" for the value itself)."""
        from visitapp.cli.verify_cmd import level_text, revocation_text
        from visitapp.signing.assess import not_checked_text
        from visitapp.signing.names import readable_identity, readable_name
        from visitapp.ui.coordinator.trust_page import grouped

        yes, no = self.tr("yes"), self.tr("no")
        rows = [(self.tr("Signer"), sig.signer or "-", "")]
        if sig.institution:
            rows.append((self.tr("Institution"), sig.institution, ""))
        rows.append((self.tr("Signed at"), _when(sig.signed_at, clock), ""))
        rows.append((self.tr("Intact"), yes if sig.intact else no, ""))
        rows.append((self.tr("Covers the whole file"), yes if sig.covers_document else no, ""))
        if not sig.intact:  # nothing after the signed bytes changed is believed: trust and grade are not judged
            rows.append((self.tr("Trusted"), not_checked_text(), ""))
            rows.append((self.tr("Qualification"), not_checked_text(), ""))
        else:
            if sig.trusted and sig.anchor:
                rows.append((self.tr("Trusted"), self.tr("yes, under %1").replace("%1", readable_name(sig.anchor)),
                             sig.anchor))
            else:
                rows.append((self.tr("Trusted"), self.tr("yes, pinned by its fingerprint") if sig.trusted else no, ""))
            if sig.identity:
                rows.append((self.tr("Signer identity"), readable_identity(sig.identity), sig.identity))
            if sig.level:
                rows.append((self.tr("Qualification"), level_text(sig.level), ""))
        if level:
            rows.append((self.tr("Level"), level, ""))
        if sig.revocation and sig.intact:
            rows.append((self.tr("Revocation"), revocation_text(sig), ""))
        if sig.timestamp is not None:
            stamp = _when(sig.timestamp, clock)
            if not sig.timestamp_trusted:
                stamp = self.tr("%1 (authority not trusted)").replace("%1", stamp)
            elif getattr(sig, "timestamp_qualified", False):
                stamp = self.tr("%1, qualified (its authority is a qualified timestamp service of the trusted "
                                "list)").replace("%1", stamp)
            else:
                stamp = self.tr("%1 (not qualified)").replace("%1", stamp)
            rows.append((self.tr("Timestamp"), stamp, ""))
        else:
            rows.append((self.tr("Timestamp"), self.tr("none (the signing time is the signer's claim)"), ""))
        shown = grouped(sig.fingerprint)  # as the trust page shows fingerprints; two lines, whole in the tooltip
        half = len(sig.fingerprint) // 4 * 3  # after the middle byte's colon
        rows.append((self.tr("Certificate fingerprint (SHA-256)"),
                     shown[:half - 1] + "\n" + shown[half:] if half > 24 else shown, shown))
        return rows

    def stop_check(self) -> None:
        """Stop a running check and wait for its thread (its worker process is killed within 0.1 s): closing
        the dialog or quitting the app never leaves a thread running or a worker process behind."""
        task, self.task = self.task, None
        if task is None:
            return
        task.succeeded.disconnect(self._done)
        task.failed.disconnect(self._failed)
        task.cancel()
        task.wait(STOP_WAIT_MS)
        self.progress.setVisible(False)
        self.check_button.setEnabled(True)

    def done(self, result: int) -> None:
        self.stop_check()
        app = QCoreApplication.instance()
        if app is not None:
            try:
                app.aboutToQuit.disconnect(self.stop_check)
            except (RuntimeError, TypeError):
                pass  # not connected (already closed once)
        super().done(result)


def _tipped(item: QTreeWidgetItem, tip: str = "") -> QTreeWidgetItem:
    """The value's whole text (or ``tip``: the raw name, the fingerprint on one line) as its tooltip, plain."""
    text = tip or item.text(1)
    if text:
        item.setToolTip(1, plain_tooltip(text))
    return item


def _when(moment: dt.datetime | None, zone_name: str) -> str:
    """A time on the clock of ``zone_name`` (the report's: the visit's, as the signature stamps show it, else UTC)
    in the app's format, with seconds and the zone always named ("01.12.2026 19:02:13 CET"), as ``verify`` says it."""
    if moment is None:
        return "?"
    from visitapp.clock import in_zone
    from visitapp.ui.labels import fmt_date, wall_time

    wall = in_zone(moment, zone_name)
    return f"{fmt_date(wall.date())} {wall_time(moment, zone_name, seconds=True)} {wall.tzname() or ''}".strip()
