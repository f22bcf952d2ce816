"""Finalise and sign: preview the minutes, choose language, copy and signing source, sign off the GUI thread.

The steps are those of :func:`visitapp.publish.finalise_and_export`, the
``export`` command's: :class:`~visitapp.ui.signing.job.SignJob` opens the
certificate and renders and signs on a worker of this dialog, and finalises
(a write) on the application's one DB worker through the OpRunner, after
every note typed before the dialog opened.  The certificate is opened before
finalising: a wrong password or PIN leaves no new version and no file.
Cancel stops between two steps (opening the certificate, finalising,
rendering, signing, writing); a step already running finishes first.

Remembered in QSettings: the signing source, the certificate file, the
PKCS#11 module, token and key labels (:mod:`.certificate_box`), the output
folder.  Never the password or the PIN.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from visitapp.clock import in_zone
from visitapp.domain import CopyKind
from visitapp.errors import UserError
from visitapp.publish import STEPS, ExportCancelled, FinalisedExport
from visitapp.services import Services
from visitapp.ui.labels import COPIES, copy_label, visit_time
from visitapp.ui.ops_runner import OpRunner
from visitapp.ui.safe_text import plain, plain_question
from visitapp.ui.settings import AppSettings, Setting
from visitapp.ui.signing import certificate_box as cb
from visitapp.ui.signing.certificate_box import CertificateBox, MissingField, buddy
from visitapp.ui.signing.job import JobWorker, SignJob
from visitapp.ui.signing.preview_pane import PreviewPane
from visitapp.ui.worker import DbWorker

log = logging.getLogger(__name__)

FOLDER = Setting("signing/folder", str, "")
REMEMBERED = (*cb.REMEMBERED, FOLDER)

ERROR_STYLE = "QLabel { color: #b00020; font-weight: bold; }"
DONE_STYLE = "QLabel { color: #1b5e20; font-weight: bold; }"


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")[:40] or "visit"


# The copy in a suggested file name, in the minutes' language ("…-kopia-dla-firmy.pdf"); files are not translated
# by Qt: the name follows the PDF's language, not the window's.
_COPY_SUFFIX = {
    (CopyKind.COMPANY, "pl"): "-kopia-dla-firmy", (CopyKind.COMPANY, "en"): "-company",
    (CopyKind.PARTNERS, "pl"): "-kopia-dla-partnerow", (CopyKind.PARTNERS, "en"): "-partners",
}


class SignDialog(QDialog):
    """Finalise the visit and write its minutes as a (signed) PDF; ``self.result_export`` after success."""

    def __init__(self, svc: Services, visit_id: str, worker: DbWorker | None = None,
                 settings: AppSettings | None = None, parent: QWidget | None = None, *,
                 runner: OpRunner | None = None) -> None:
        super().__init__(parent)
        app = getattr(parent, "app", None)
        self.svc, self.visit_id = svc, visit_id
        self.worker = worker or getattr(app, "worker", None) or DbWorker(self)
        self.settings = settings or getattr(app, "settings", None) or AppSettings()
        self.runner = runner or getattr(parent, "runner", None) or OpRunner(self.worker, lambda: svc.history, self)
        self.job_worker = JobWorker()  # no parent: it outlives the dialog until its last job reports
        self.visit = svc.visits.get(visit_id)
        self.result_export: FinalisedExport | None = None
        self.job: SignJob | None = None
        self.setWindowTitle(self.tr("Finalise and sign: %1").replace("%1", self.visit.organisation.name))

        self.preview_pane = PreviewPane(svc, visit_id, self.worker, self.job_worker, self)
        self.preview = self.preview_pane.preview
        self.preview_caption = self.preview_pane.caption
        self.open_preview_button = self.preview_pane.open_button
        self.certificate = CertificateBox(self)
        c = self.certificate
        self.source, self.p12_path, self.module, self.token, self.key = c.source, c.p12_path, c.module, c.token, c.key
        self.secret, self.reason = c.secret, c.reason

        # The choices scroll on a small or scaled screen (1366x768 at 150 %), so the buttons below stay in view.
        self.choices = choices = QWidget(self)
        column = QVBoxLayout(choices)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._minutes_box())
        column.addWidget(self.certificate)
        column.addStretch(1)
        for combo in choices.findChildren(QComboBox):  # a long choice (a copy, a token's name) is cut, not widening
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.choices_scroll = QScrollArea(self)
        self.choices_scroll.setWidget(choices)
        self.choices_scroll.setWidgetResizable(True)
        self.choices_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.choices_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right = QVBoxLayout()
        right.addWidget(self.choices_scroll, 1)
        self.status = plain(QLabel(self))  # signer and file names, errors: plain text
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        right.addWidget(self.status)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, len(STEPS))
        self.progress.setTextVisible(False)
        self.progress.hide()
        right.addWidget(self.progress)

        self.sign_button = QPushButton(self)
        self.sign_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("&Open PDF"), self)
        self.folder_button = QPushButton(self.tr("Show fol&der"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAutoDefault(False)
        for button in (self.open_button, self.folder_button):
            button.setAutoDefault(False)
            button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        for button in (self.sign_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)

        columns = QHBoxLayout()
        columns.addWidget(self.preview_pane, 5)
        columns.addLayout(right, 4)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addLayout(buttons)

        self.language.currentIndexChanged.connect(self._options_changed)
        self.copy.currentIndexChanged.connect(self._options_changed)
        self.encrypt.toggled.connect(self._options_changed)
        self.certificate.changed.connect(self._source_changed)
        self.sign_button.clicked.connect(self.sign)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_pdf)
        self.folder_button.clicked.connect(self.show_folder)
        self.close_button.clicked.connect(self.reject)

        self._restore()
        self._source_changed()
        self._options_changed()
        # As large as the screen allows, up to what the preview and the choices use; the preview takes what is cut.
        available = self.screen().availableGeometry()
        self.resize(min(1120, available.width() - 40), min(760, available.height() - 40))

    # layout ------------------------------------------------------------------
    def _minutes_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Minutes"), self)
        form = QFormLayout(box)
        when = visit_time(self.visit.starts_at, self.visit.time_zone) if self.visit.starts_at else ""  # its clock
        about = QLabel(f"{self.visit.organisation.name}\n{when} · {self.visit.place}"
                       .strip(" ·"), box)
        plain(about).setWordWrap(True)  # names from the visit: plain text
        self.visit_label = about
        form.addRow(self.tr("Visit:"), about)
        versions = self.svc.records.versions(self.visit_id)
        self.version_label = QLabel(box)
        self.version_label.setWordWrap(True)
        self.version_label.setToolTip(self.tr("Finalising freezes the visit as it is now. Changes after that make a "
                                              "new version; without changes the same version is exported again."))
        self._show_version(versions[-1].number if versions else None)
        form.addRow(self.tr("Version:"), self.version_label)
        self.language = QComboBox(box)
        self.language.setAccessibleName(self.tr("Language of the minutes"))
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.visit.language)))
        form.addRow(self.tr("&Language:"), self.language)
        self.copy = QComboBox(box)
        self.copy.setAccessibleName(self.tr("Copy"))
        for copy in COPIES:
            self.copy.addItem(copy_label(copy), copy)
        form.addRow(self.tr("Cop&y:"), self.copy)
        # A visit from a plan that carries the coordinator's certificate: offered encrypted for them, checked.
        from visitapp.registry.plan_recipients import recipients_for_visit

        self.recipients = recipients_for_visit(self.svc.db, self.visit_id)
        self.encrypt = QCheckBox(self.tr("Encrypted for the coordinator (.p7m)"), box)
        self.encrypt.setAccessibleName(self.tr("Encrypt the signed minutes for the coordinator of the plan"))
        self.encrypt.setChecked(bool(self.recipients))
        self.encrypt.setVisible(bool(self.recipients))
        form.addRow("", self.encrypt)
        self.out = QLineEdit(box)
        self.out.setAccessibleName(self.tr("PDF file to write"))
        self.browse_out = QPushButton(self.tr("&Browse…"), box)
        self.browse_out.setAutoDefault(False)
        self.browse_out.clicked.connect(self._browse_out)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(self.browse_out)
        form.addRow(buddy(self.tr("&Save as:"), self.out, box), row)
        return box

    def _fit_choices(self) -> None:
        """The choices' column as wide as they need (no horizontal scrolling), the vertical bar included."""
        self.certificate.updateGeometry()  # its rows just hidden or shown count now, not at the next layout pass
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.choices_scroll.setMinimumWidth(self.choices.minimumSizeHint().width() + bar + 4)

    def _show_version(self, last: int | None) -> None:
        self.version_label.setText(self.tr("not finalised yet") if last is None else
                                   self.tr("%1 finalised; a change since makes a new one").replace("%1", str(last)))

    # remembered choices ----------------------------------------------------------
    def _restore(self) -> None:
        self.certificate.restore(self.settings)
        folder = self.settings.get(FOLDER)
        self._folder = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        self.out.setText(str(self._folder / self._file_name()))

    def _remember(self) -> None:
        self.certificate.remember(self.settings)
        self.settings.set(FOLDER, str(Path(self.out.text().strip()).expanduser().parent))
        self.settings.sync()

    def _file_name(self) -> str:
        date = in_zone(self.visit.starts_at, self.visit.time_zone).strftime("%Y-%m-%d") if self.visit.starts_at \
            else "visit"  # the visit's own date, as the minutes say
        copy = _COPY_SUFFIX.get((self.copy.currentData(), self.language.currentData()), "")  # in its language
        sealed = ".p7m" if self.encrypting else ""
        return f"{date}-{_slug(self.visit.organisation.name)}-{self.language.currentData()}{copy}.pdf{sealed}"

    @property
    def encrypting(self) -> bool:
        return bool(self.recipients) and self.encrypt.isChecked()

    # choices -----------------------------------------------------------------
    def _source_changed(self) -> None:
        signing = self.certificate.signing
        self.sign_button.setText(self.tr("&Finalise and sign") if signing else self.tr("&Finalise and export"))
        self._fit_choices()  # a token's fields can ask for more room than a file's
        self._clear_status()

    def _options_changed(self) -> None:
        self.certificate.set_language(self.language.currentData())
        out = Path(self.out.text().strip()) if self.out.text().strip() else self._folder / "x.pdf"
        if re.fullmatch(r"(\d{4}-\d\d-\d\d|visit)-.*-(pl|en)(-company|-partners|-kopia-dla-firmy|-kopia-dla-partnerow)?"
                        r"\.pdf(\.p7m)?", out.name):
            self.out.setText(str(out.with_name(self._file_name())))  # our own suggestion follows the choices
        self._clear_status()
        self.preview_pane.request(self.language.currentData(), self.copy.currentData())

    def _browse_out(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the minutes as"), self.out.text(),
                                                    self.tr("PDF files (*.pdf)"))
        if path:
            self.out.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def open_preview(self) -> None:
        self.preview_pane.open_preview(self._file_name())

    # signing ---------------------------------------------------------------------
    def sign(self) -> None:
        if self.job is not None:
            return
        text = self.out.text().strip()
        if not text:
            self._show_error(self.tr("Choose where to save the PDF."))
            self.out.setFocus()
            return
        out = Path(text).expanduser()
        try:
            source = self.certificate.signer_source()
        except MissingField as missing:
            self._show_error(missing.message)
            missing.field.setFocus()
            return
        if self.encrypting and source is None:
            self._show_error(self.tr("Encrypted minutes must be signed: choose a certificate, or untick the "
                                     "encryption."))
            return
        written_here = self.result_export is not None and out == self.result_export.export.path
        if out.exists() and not written_here and not plain_question(
                self, self.windowTitle(), self.tr("%1 already exists. Replace it?").replace("%1", str(out))):
            return
        self._remember()
        self.job = SignJob(self.runner, self.job_worker, self.visit_id, out, lang=self.language.currentData(),
                           copy=self.copy.currentData(), source=source, reason=self.certificate.reason_text(),
                           identity=self.svc.identity, signer_is_author=not self.settings.identity_set(), parent=self,
                           encrypt_to=self.recipients if self.encrypting else None)
        self.job.stepped.connect(self._step)
        self.job.succeeded.connect(self._signed)
        self.job.failed.connect(self._sign_failed)
        self._set_busy(True)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Cancelling after the current step…"))

    def _step(self, name: str) -> None:
        if self.job is None:
            return
        labels = {
            "signer": self.tr("Opening the certificate…") if self.source.currentData() != "pkcs11"
            else self.tr("Opening the token…"),
            "finalise": self.tr("Finalising the visit…"),
            "render": self.tr("Drawing the minutes…"),
            "sign": self.tr("Signing…"),
            "write": self.tr("Writing the file…"),
        }
        self.progress.setValue(STEPS.index(name))
        if not self.job.cancelled:
            self.status.setStyleSheet("")
            self.status.setText(labels.get(name, name))

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self.job = None
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(busy)
        self.sign_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        for widget in (self.language, self.copy, self.encrypt, self.out, self.browse_out):
            widget.setEnabled(not busy)
        self.certificate.set_busy(busy)
        if busy:
            self.open_button.hide()
            self.folder_button.hide()
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Starting…"))

    def _signed(self, done: FinalisedExport) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self.result_export = done
        self.secret.clear()
        exported = done.export
        state = self.tr("new version") if done.created else self.tr("unchanged since that version")
        lines = [self.tr("Finalised version %1 (%2).").replace("%1", str(done.version)).replace("%2", state)]
        if exported.signed:
            lines.append(self.tr("Wrote %1, signed by %2.").replace("%1", exported.path.name)
                         .replace("%2", exported.signed.signer))
            if not exported.signed.visible:
                lines.append(self.tr("No free signature box was left: the signature is invisible."))
        else:
            lines.append(self.tr("Wrote %1, not signed.").replace("%1", exported.path.name))
        if self.encrypting:
            lines.append(self.tr("Encrypted for the coordinator: only their key opens it."))
        self.status.setStyleSheet(DONE_STYLE)
        self.status.setText("\n".join(lines))
        self._show_version(done.version)
        self.open_button.setVisible(not self.encrypting)  # a .p7m opens only with the coordinator's key
        self.folder_button.show()
        default = self.folder_button if self.encrypting else self.open_button
        default.setDefault(True)
        default.setFocus()

    def _sign_failed(self, err: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        if isinstance(err, ExportCancelled):
            message = self.tr("Cancelled: no PDF was written.")
            if err.version is not None:
                message += " " + self.tr("The visit stays finalised as version %1.").replace("%1", str(err.version))
            self.status.setStyleSheet("")
            self.status.setText(message)
            return
        if isinstance(err, UserError):
            self._show_error(str(err))
        else:  # a bug: keep its traceback in the log, say it plainly
            log.error("finalise and sign failed", exc_info=err)
            self._show_error(self.tr("Something went wrong and no PDF was written: %1").replace(
                "%1", f"{type(err).__name__}: {err}"))
        if self.certificate.signing:
            self.secret.setFocus()
            self.secret.selectAll()

    def _show_error(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    def _clear_status(self) -> None:
        if self.job is None and hasattr(self, "status"):
            self.status.setStyleSheet("")
            self.status.setText("")

    # after ---------------------------------------------------------------------
    def open_pdf(self) -> None:
        if self.result_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_export.export.path.resolve())))

    def show_folder(self) -> None:
        if self.result_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_export.export.path.resolve().parent)))

    @property
    def busy(self) -> bool:
        return self.job is not None or self.preview_pane.busy

    def reject(self) -> None:
        # Esc or the window's close button while signing: cancel, stay open to say how it ended
        if self.job is not None:
            self.cancel()
            return
        super().reject()

    def done(self, code: int) -> None:
        self.preview_pane.close_pane()  # previews still queued are skipped
        super().done(code)
        self.job_worker.shutdown()


__all__ = ["FOLDER", "REMEMBERED", "SignDialog"]
