"""Finalise and sign: preview the minutes, choose language, copy and signing source, sign off the GUI thread.

The work is :func:`visitapp.minutes.export.finalise_and_export`, the same
function the ``export`` command runs.  It goes to the application's database
worker (one thread, in order), so every note typed before the dialog opened
is stored before the visit is finalised.  The certificate is opened before
finalising: a wrong password or PIN leaves no new version and no file.
Cancel stops between two steps (opening the certificate, finalising,
rendering, signing, writing); a step already running finishes first.

Remembered in QSettings: the signing source, the certificate file, the
PKCS#11 module, token and key labels, the output folder.  Never the password
or the PIN.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
import unicodedata
from pathlib import Path

import shiboken6
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from visitapp.errors import UserError
from visitapp.minutes.export import STEPS, ExportCancelled, FinalisedExport, finalise_and_export
from visitapp.minutes.preview import page_images, page_texts
from visitapp.minutes.render import render_pdf
from visitapp.services import Services
from visitapp.signing.sign import Pkcs11Source, Pkcs12Source, SignerSource, default_reason
from visitapp.ui.labels import fmt_datetime
from visitapp.ui.page_preview import PagePreview
from visitapp.ui.safe_text import plain, plain_question
from visitapp.ui.settings import AppSettings, Setting
from visitapp.ui.worker import DbWorker

log = logging.getLogger(__name__)

SOURCE = Setting("signing/source", str, "none")  # none | pkcs12 | pkcs11
PKCS12_FILE = Setting("signing/pkcs12", str, "")
PKCS11_MODULE = Setting("signing/pkcs11_module", str, "")
TOKEN = Setting("signing/token", str, "")
KEY = Setting("signing/key", str, "")
FOLDER = Setting("signing/folder", str, "")
REMEMBERED = (SOURCE, PKCS12_FILE, PKCS11_MODULE, TOKEN, KEY, FOLDER)

ERROR_STYLE = "QLabel { color: #b00020; font-weight: bold; }"
DONE_STYLE = "QLabel { color: #1b5e20; font-weight: bold; }"


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")[:40] or "visit"


class SignDialog(QDialog):
    """Finalise the visit and write its minutes as a (signed) PDF; ``self.result_export`` after success."""

    _stepped = Signal(str)  # emitted on the worker thread, delivered on the GUI thread

    def __init__(self, svc: Services, visit_id: str, worker: DbWorker | None = None,
                 settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        app = getattr(parent, "app", None)
        self.svc, self.visit_id = svc, visit_id
        self.worker = worker or getattr(app, "worker", None) or DbWorker(self)
        self.settings = settings or getattr(app, "settings", None) or AppSettings()
        self.visit = svc.visits.get(visit_id)
        self.result_export: FinalisedExport | None = None
        self._preview_pdf: bytes | None = None
        self._preview_generation = 0
        self._previewing = 0
        self._signing = False
        self._cancel = threading.Event()
        self._temp = tempfile.TemporaryDirectory(prefix="visitapp-sign-", ignore_cleanup_errors=True)
        self.setWindowTitle(self.tr("Finalise and sign: %1").replace("%1", self.visit.organisation.name))

        self.preview = PagePreview(self)
        self.preview_caption = QLabel(self)
        self.preview_caption.setWordWrap(True)
        self.open_preview_button = QPushButton(self.tr("Open preview in PDF &viewer"), self)
        self.open_preview_button.setEnabled(False)
        left = QVBoxLayout()
        left.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addWidget(self.preview_caption, 1)
        row.addWidget(self.open_preview_button)
        left.addLayout(row)

        right = QVBoxLayout()
        right.addWidget(self._minutes_box())
        right.addWidget(self._signing_box())
        right.addStretch(1)
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
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addLayout(buttons)

        self._stepped.connect(self._step)
        self.language.currentIndexChanged.connect(self._options_changed)
        self.copy.currentIndexChanged.connect(self._options_changed)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.open_preview_button.clicked.connect(self.open_preview)
        self.sign_button.clicked.connect(self.sign)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_pdf)
        self.folder_button.clicked.connect(self.show_folder)
        self.close_button.clicked.connect(self.reject)

        self._restore()
        self._source_changed()
        self._options_changed()
        self.resize(1120, 760)

    # layout ------------------------------------------------------------------
    @staticmethod
    def _buddy(text: str, field: QWidget, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setBuddy(field)
        return label

    def _minutes_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Minutes"), self)
        form = QFormLayout(box)
        about = QLabel(f"{self.visit.organisation.name}\n{fmt_datetime(self.visit.starts_at)} · {self.visit.place}"
                       .strip(" ·"), box)
        plain(about).setWordWrap(True)  # names from the visit: plain text
        form.addRow(self.tr("Visit:"), about)
        versions = self.svc.records.versions(self.visit_id)
        self.version_label = QLabel(box)
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
        self.copy.addItem(self.tr("Internal: every note"), "internal")
        self.copy.addItem(self.tr("Company copy: only notes marked for the company"), "company")
        form.addRow(self.tr("Cop&y:"), self.copy)
        self.out = QLineEdit(box)
        self.out.setAccessibleName(self.tr("PDF file to write"))
        self.browse_out = QPushButton(self.tr("&Browse…"), box)
        self.browse_out.setAutoDefault(False)
        self.browse_out.clicked.connect(self._browse_out)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(self.browse_out)
        form.addRow(self._buddy(self.tr("&Save as:"), self.out, box), row)
        return box

    def _signing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Signature"), self)
        form = QFormLayout(box)
        self.source = QComboBox(box)
        self.source.setAccessibleName(self.tr("How to sign"))
        self.source.addItem(self.tr("Do not sign"), "none")
        self.source.addItem(self.tr("Certificate file (PKCS#12)"), "pkcs12")
        self.source.addItem(self.tr("Smart card or token (PKCS#11)"), "pkcs11")
        form.addRow(self.tr("Si&gn with:"), self.source)

        self.source_pages = QWidget(box)
        pages = QVBoxLayout(self.source_pages)
        pages.setContentsMargins(0, 0, 0, 0)
        p12 = self.p12_page = QWidget(self.source_pages)
        p12_form = QFormLayout(p12)
        p12_form.setContentsMargins(0, 0, 0, 0)
        self.p12_path = QLineEdit(p12)
        self.p12_path.setAccessibleName(self.tr("Certificate file"))
        self.p12_path.setPlaceholderText(self.tr("a .p12 or .pfx file"))
        browse = QPushButton(self.tr("B&rowse…"), p12)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse_p12)
        row = QHBoxLayout()
        row.addWidget(self.p12_path, 1)
        row.addWidget(browse)
        p12_form.addRow(self._buddy(self.tr("Certificate f&ile:"), self.p12_path, p12), row)
        pages.addWidget(p12)

        p11 = self.p11_page = QWidget(self.source_pages)
        p11_form = QFormLayout(p11)
        p11_form.setContentsMargins(0, 0, 0, 0)
        self.module = QLineEdit(p11)
        self.module.setAccessibleName(self.tr("PKCS#11 module"))
        self.module.setPlaceholderText(self.tr("the card's driver library, e.g. opensc-pkcs11.so"))
        browse_module = QPushButton(self.tr("Bro&wse…"), p11)
        browse_module.setAutoDefault(False)
        browse_module.clicked.connect(self._browse_module)
        row = QHBoxLayout()
        row.addWidget(self.module, 1)
        row.addWidget(browse_module)
        p11_form.addRow(self._buddy(self.tr("&Module:"), self.module, p11), row)
        self.token = QLineEdit(p11)
        self.token.setAccessibleName(self.tr("Token label"))
        p11_form.addRow(self.tr("&Token label:"), self.token)
        self.key = QLineEdit(p11)
        self.key.setAccessibleName(self.tr("Key label"))
        p11_form.addRow(self.tr("&Key label:"), self.key)
        pages.addWidget(p11)
        form.addRow(self.source_pages)

        self.secret_label = QLabel(box)
        self.secret = QLineEdit(box)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label.setBuddy(self.secret)
        form.addRow(self.secret_label, self.secret)
        self.reason = QLineEdit(box)
        self.reason.setAccessibleName(self.tr("Reason for signing"))
        form.addRow(self.tr("R&eason:"), self.reason)
        self.signing_form = form
        return box

    def _show_version(self, last: int | None) -> None:
        self.version_label.setText(self.tr("not finalised yet") if last is None else
                                   self.tr("%1 finalised; a change since makes a new one").replace("%1", str(last)))

    # remembered choices ----------------------------------------------------------
    def _restore(self) -> None:
        st = self.settings
        self.source.setCurrentIndex(max(0, self.source.findData(st.get(SOURCE))))
        self.p12_path.setText(st.get(PKCS12_FILE))
        self.module.setText(st.get(PKCS11_MODULE))
        self.token.setText(st.get(TOKEN))
        self.key.setText(st.get(KEY))
        folder = st.get(FOLDER)
        self._folder = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        self.out.setText(str(self._folder / self._file_name()))

    def _remember(self) -> None:
        st = self.settings
        st.set(SOURCE, self.source.currentData())
        if self.source.currentData() == "pkcs12":
            st.set(PKCS12_FILE, self.p12_path.text().strip())
        elif self.source.currentData() == "pkcs11":
            st.set(PKCS11_MODULE, self.module.text().strip())
            st.set(TOKEN, self.token.text().strip())
            st.set(KEY, self.key.text().strip())
        st.set(FOLDER, str(Path(self.out.text().strip()).expanduser().parent))
        st.sync()

    def _file_name(self) -> str:
        date = self.visit.starts_at.astimezone().strftime("%Y-%m-%d") if self.visit.starts_at else "visit"
        copy = "-company" if self.copy.currentData() == "company" else ""
        return f"{date}-{_slug(self.visit.organisation.name)}-{self.language.currentData()}{copy}.pdf"

    # choices -----------------------------------------------------------------
    def _source_changed(self) -> None:
        kind = self.source.currentData()
        self.p12_page.setVisible(kind == "pkcs12")  # hidden ones take no room: the rows below move up
        self.p11_page.setVisible(kind == "pkcs11")
        self.source_pages.setVisible(kind != "none")
        signing = kind != "none"
        self.secret_label.setText(self.tr("&PIN:") if kind == "pkcs11" else self.tr("&Password:"))
        self.secret.setAccessibleName(self.tr("PIN of the token") if kind == "pkcs11" else
                                      self.tr("Password of the certificate file"))
        for widget in (self.secret_label, self.secret, self.reason, self.signing_form.labelForField(self.reason)):
            widget.setVisible(signing)
        self.secret.clear()
        self.sign_button.setText(self.tr("&Finalise and sign") if signing else self.tr("&Finalise and export"))
        self._clear_status()

    def _options_changed(self) -> None:
        lang = self.language.currentData()
        self.reason.setPlaceholderText(default_reason(lang, cosign=False))
        out = Path(self.out.text().strip()) if self.out.text().strip() else self._folder / "x.pdf"
        if re.fullmatch(r"(\d{4}-\d\d-\d\d|visit)-.*-(pl|en)(-company)?\.pdf", out.name):
            self.out.setText(str(out.with_name(self._file_name())))  # our own suggestion follows the choices
        self._clear_status()
        self._start_preview()

    def _browse_out(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the minutes as"), self.out.text(),
                                                    self.tr("PDF files (*.pdf)"))
        if path:
            self.out.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _browse_p12(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Certificate file"), self.p12_path.text(),
                                                    self.tr("Certificate files (*.p12 *.pfx);;All files (*)"))
        if path:
            self.p12_path.setText(path)

    def _browse_module(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("PKCS#11 module"), self.module.text(),
                                                    self.tr("Libraries (*.so *.dll *.dylib);;All files (*)"))
        if path:
            self.module.setText(path)

    # preview -------------------------------------------------------------------
    def _start_preview(self) -> None:
        self._preview_generation += 1
        generation = self._preview_generation
        lang, copy = self.language.currentData(), self.copy.currentData()
        svc, visit_id = self.svc, self.visit_id
        self.preview.show_message(self.tr("Drawing the pages…"))
        self.preview_caption.setText("")
        self.open_preview_button.setEnabled(False)

        def job():
            if generation != self._preview_generation:
                return None  # a newer choice is already queued
            pdf = render_pdf(svc.records.build(visit_id, copy=copy), lang)
            images = page_images(pdf)
            return pdf, images, None if images else page_texts(pdf)

        self._previewing += 1
        self.worker.submit(job, lambda result: self._preview_done(generation, result),
                           lambda err: self._preview_failed(generation, err))

    def _preview_done(self, generation: int, result) -> None:  # noqa: ANN001
        if not shiboken6.isValid(self):
            return
        self._previewing -= 1
        if result is None or generation != self._preview_generation:
            return
        pdf, images, texts = result
        self._preview_pdf = pdf
        self.open_preview_button.setEnabled(True)
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
        self.preview_caption.setText(caption)

    def _preview_failed(self, generation: int, err: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._previewing -= 1
        if generation != self._preview_generation:
            return
        if not isinstance(err, UserError):
            log.error("preview failed", exc_info=err)
        self.preview.show_message(self.tr("The preview could not be drawn: %1").replace("%1", str(err)))

    def open_preview(self) -> None:
        if self._preview_pdf is None:
            return
        path = Path(self._temp.name) / f"preview-{self._preview_generation}-{self._file_name()}"
        path.write_bytes(self._preview_pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # signing ---------------------------------------------------------------------
    def _signer_source(self) -> SignerSource | None:
        """The chosen source, or None for an unsigned export; a missing field is reported as UserError."""
        kind = self.source.currentData()
        if kind == "pkcs12":
            path = self.p12_path.text().strip()
            if not path:
                raise _Missing(self.tr("Choose your certificate file."), self.p12_path)
            if not self.secret.text():
                raise _Missing(self.tr("Type the password of your certificate file."), self.secret)
            return Pkcs12Source(Path(path).expanduser(), self.secret.text())
        if kind == "pkcs11":
            for field, message in ((self.module, self.tr("Choose the PKCS#11 module of your card or token.")),
                                   (self.token, self.tr("Type the label of your token.")),
                                   (self.key, self.tr("Type the label of your key on the token."))):
                if not field.text().strip():
                    raise _Missing(message, field)
            if not self.secret.text():
                raise _Missing(self.tr("Type the PIN of your token."), self.secret)
            return Pkcs11Source(Path(self.module.text().strip()).expanduser(), self.token.text().strip(),
                                self.key.text().strip(), self.secret.text())
        return None

    def sign(self) -> None:
        if self._signing:
            return
        text = self.out.text().strip()
        if not text:
            self._show_error(self.tr("Choose where to save the PDF."))
            self.out.setFocus()
            return
        out = Path(text).expanduser()
        try:
            source = self._signer_source()
        except _Missing as missing:
            self._show_error(missing.message)
            missing.field.setFocus()
            return
        written_here = self.result_export is not None and out == self.result_export.export.path
        if out.exists() and not written_here:
            if not plain_question(self, self.windowTitle(),
                                  self.tr("%1 already exists. Replace it?").replace("%1", str(out))):
                return
        self._remember()
        self._cancel.clear()
        self._set_busy(True)
        lang, copy = self.language.currentData(), self.copy.currentData()
        reason = self.reason.text().strip() or None
        signer_is_author = not self.settings.identity_set()
        svc, visit_id, cancel, stepped = self.svc, self.visit_id, self._cancel, self._stepped

        def job() -> FinalisedExport:
            return finalise_and_export(svc, visit_id, out, lang=lang, copy=copy, source=source, reason=reason,
                                       signer_is_author=signer_is_author, step=stepped.emit,
                                       cancelled=cancel.is_set)

        self.worker.submit(job, self._signed, self._sign_failed)

    def cancel(self) -> None:
        if self._signing:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Cancelling after the current step…"))

    def _step(self, name: str) -> None:
        if not self._signing:
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
        if not self._cancel.is_set():
            self.status.setStyleSheet("")
            self.status.setText(labels.get(name, name))

    def _set_busy(self, busy: bool) -> None:
        self._signing = busy
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(busy)
        self.sign_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        for widget in (self.language, self.copy, self.out, self.browse_out, self.source, self.source_pages, self.secret, self.reason):
            widget.setEnabled(not busy)
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
        self.status.setStyleSheet(DONE_STYLE)
        self.status.setText("\n".join(lines))
        self._show_version(done.version)
        self.open_button.show()
        self.folder_button.show()
        self.open_button.setDefault(True)
        self.open_button.setFocus()

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
        if self.source.currentData() != "none":
            self.secret.setFocus()
            self.secret.selectAll()

    def _show_error(self, message: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)

    def _clear_status(self) -> None:
        if not self._signing and hasattr(self, "status"):
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
        return self._signing or self._previewing > 0

    def reject(self) -> None:
        if self._signing:  # Esc or the window's close button while signing: cancel, stay open to say how it ended
            self.cancel()
            return
        super().reject()

    def done(self, code: int) -> None:  # noqa: D401
        self._preview_generation += 1  # previews still queued are skipped
        super().done(code)
        self._temp.cleanup()


class _Missing(Exception):  # noqa: N818
    def __init__(self, message: str, field: QWidget) -> None:
        super().__init__(message)
        self.message, self.field = message, field


__all__ = ["REMEMBERED", "SignDialog"]
