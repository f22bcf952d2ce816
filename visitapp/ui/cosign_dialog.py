"""File → Co-sign minutes…: a second attendee adds their signature to signed minutes (``visitapp cosign``).

The received file is held to the limits and verified first, in the capped worker
process (:func:`visitapp.signing.sandbox.verify_bytes_capped`), as ``cosign`` does;
only a file whose signatures still hold is drawn (pdftoppm) and may be signed.
Signing is the core's :func:`visitapp.signing.sign.cosign_pdf` (which checks the
same bytes again) and the copy is written whole (:func:`visitapp.files.write_atomic`).
All of it runs on the dialog's own worker thread; the certificate or token is the
one remembered by the signing dialog (never its password or PIN).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from visitapp.errors import UserError
from visitapp.ui.labels import fmt_datetime
from visitapp.ui.page_preview import PagePreview
from visitapp.ui.safe_text import plain
from visitapp.ui.settings import AppSettings, Setting
from visitapp.ui.signing import certificate_box as cb
from visitapp.ui.signing.job import JobWorker

FOLDER = Setting("cosign/folder", str, "")  # where the last minutes to co-sign came from
ERROR_STYLE = "QLabel { color: #b00020; font-weight: bold; }"
DONE_STYLE = "QLabel { color: #1b5e20; font-weight: bold; }"


@dataclass(frozen=True)
class Checked:
    """A received file that may be co-signed: its bytes, its verification report and its pages."""

    path: Path
    data: bytes
    report: Any  # visitapp.signing.verify.VerificationReport
    pages: list[bytes] | None  # PNG per page, or None without pdftoppm
    texts: list[str] | None


def check_received(path: Path) -> Checked:
    """Read within the limits, verify in the capped worker, then draw the pages (job worker thread)."""
    from visitapp.minutes.preview import page_images, page_texts
    from visitapp.signing.sandbox import verify_bytes_capped
    from visitapp.signing.sign import check_cosignable
    from visitapp.signing.verify import read_received

    data = read_received(path)
    report = verify_bytes_capped(data, [], str(path))
    if report.integrity_problems() or not report.signatures:
        check_cosignable(data)  # the same sentence as `visitapp cosign` (raises)
        raise UserError(report.integrity_problems()[0] if report.integrity_problems() else "")
    pages = page_images(data)  # only a file whose signatures hold is handed to a renderer
    return Checked(path, data, report, pages, None if pages else page_texts(data))


def cosign_and_write(checked: Checked, source: Any, reason: str | None, out: Path) -> Any:
    """The core's co-signing of the bytes that were checked and shown, written whole to ``out``."""
    from visitapp.files import check_writable, write_atomic
    from visitapp.signing.sign import cosign_pdf

    check_writable(out)
    result = cosign_pdf(checked.data, source, reason=reason)
    write_atomic(out, result.pdf)
    return result


class CosignDialog(QDialog):
    verified = Signal(bool)  # the opened file was checked: may it be co-signed?
    signed = Signal(bool)  # the co-signed copy was written (False: the one sentence is shown)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.worker = JobWorker("visitapp-cosign", self)
        self.checked: Checked | None = None
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Co-sign minutes"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.input = QLineEdit(self)
        self.input.setReadOnly(True)
        self.input.setAccessibleName(self.tr("Signed minutes to co-sign"))
        self.open_button = QPushButton(self.tr("&Open signed minutes…"), self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.choose_file)
        row.addWidget(self.input, 1)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.check = plain(QLabel(self.tr("Open the signed minutes you were asked to co-sign."), self))
        self.check.setWordWrap(True)  # signers' names come from the file: plain text
        layout.addWidget(self.check)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.preview = PagePreview(splitter)
        side = QWidget(splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.certificate = cb.CertificateBox(side)
        self.certificate.source.removeItem(self.certificate.source.findData("none"))  # co-signing signs
        self.certificate.restore(settings)
        self.certificate.reason.setPlaceholderText(self.tr("Co-signing the minutes of the visit"))
        side_layout.addWidget(self.certificate)
        out_form = QFormLayout()
        out_row = QHBoxLayout()
        self.out = QLineEdit(side)
        self.out.setAccessibleName(self.tr("Co-signed copy"))
        browse = QPushButton(self.tr("&Browse…"), side)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse_out)
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        out_label = QLabel(self.tr("&Save as:"), side)
        out_label.setBuddy(self.out)
        out_form.addRow(out_label, out_row)
        side_layout.addLayout(out_form)
        self.status = plain(QLabel(side))
        self.status.setWordWrap(True)
        side_layout.addWidget(self.status)
        side_layout.addStretch(1)
        splitter.addWidget(self.preview)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([560, 440])  # the pages get room from the start
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(self)
        self.sign_button = buttons.addButton(self.tr("&Co-sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setEnabled(False)
        self.sign_button.clicked.connect(self.sign)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 700)

    # the received file ------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Signed minutes"), self.settings.get(FOLDER),
                                                    self.tr("PDF files (*.pdf);;All files (*)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Verify ``path`` (off the GUI thread), then show its signers and pages."""
        self.checked = None
        self.sign_button.setEnabled(False)
        self.input.setText(str(path))
        self.check.setStyleSheet("")
        self.check.setText(self.tr("Checking the signatures…"))
        self.status.clear()
        self.preview.show_message("")
        self.settings.set(FOLDER, str(path.parent))
        self.worker.submit(lambda: check_received(path), self._checked, self._refused)

    def _checked(self, checked: Checked) -> None:
        if Path(self.input.text()) != checked.path:
            return  # another file was opened meanwhile
        self.checked = checked
        report = checked.report
        lines = [self.tr("Signed by %1 (%2) on %3; intact.")
                 .replace("%1", sig.signer or "?").replace("%2", sig.institution or "-")
                 .replace("%3", fmt_datetime(sig.signed_at) if sig.signed_at else "?") for sig in report.signatures]
        if report.record.valid:
            lines.append(self.tr("Minutes of %1, version %2.").replace("%1", report.record.organisation or "?")
                         .replace("%2", str(report.record.version or "?")))
        self.check.setStyleSheet(DONE_STYLE)
        self.check.setText("\n".join(lines))
        if checked.pages:
            self.preview.show_images(checked.pages)
        elif checked.texts:
            self.preview.show_texts(checked.texts, self.tr("The pages' text (install poppler-utils to see them)."))
        if not self.out.text().strip() or self.written is not None:
            self.out.setText(str(checked.path.with_name(checked.path.stem + self.tr("-co-signed") + ".pdf")))
        self.written = None
        self.sign_button.setEnabled(True)
        self.verified.emit(True)

    def _refused(self, err: BaseException) -> None:
        self.check.setStyleSheet(ERROR_STYLE)
        self.check.setText(str(err) if isinstance(err, UserError) and str(err) else
                           self.tr("This file cannot be co-signed."))
        self.preview.show_message("")
        self.verified.emit(False)

    # signing ------------------------------------------------------------------------
    def _browse_out(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Co-signed copy"), self.out.text(),
                                                    self.tr("PDF files (*.pdf);;All files (*)"))
        if path:
            self.out.setText(path)

    def sign(self) -> None:
        if self.checked is None:
            return
        try:
            source = self.certificate.signer_source()
        except cb.MissingField as missing:
            self._error(missing.message)
            missing.field.setFocus()
            return
        out_text = self.out.text().strip()
        if not out_text:
            self._error(self.tr("Choose where the co-signed copy goes."))
            self.out.setFocus()
            return
        out = Path(out_text).expanduser()
        checked, reason = self.checked, self.certificate.reason_text()
        self._busy(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Signing…"))
        self.worker.submit(lambda: cosign_and_write(checked, source, reason, out),
                           lambda result: self._signed(out, result), self._failed)

    def _signed(self, out: Path, result: Any) -> None:
        self._busy(False)
        self.certificate.secret.clear()
        self.certificate.remember(self.settings)  # never the password or PIN
        self.settings.sync()
        self.written = out
        self.status.setStyleSheet(DONE_STYLE)
        self.status.setText(self.tr("Wrote %1, co-signed by %2.").replace("%1", str(out))
                            .replace("%2", result.signer))
        self.signed.emit(True)

    def _failed(self, err: BaseException) -> None:
        self._busy(False)
        self._error(str(err) if isinstance(err, UserError) else
                    self.tr("The minutes could not be co-signed: %1.").replace("%1", type(err).__name__))
        self.signed.emit(False)

    def _error(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    def _busy(self, busy: bool) -> None:
        self.certificate.set_busy(busy)
        for widget in (self.sign_button, self.open_button, self.close_button, self.out):
            widget.setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return self.worker.busy

    def reject(self) -> None:
        if self.busy and not self.close_button.isEnabled():
            return  # signing: the copy is being written
        super().reject()

    def done(self, code: int) -> None:
        self.worker.shutdown()
        super().done(code)
