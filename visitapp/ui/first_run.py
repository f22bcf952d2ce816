"""The first start: a short wizard instead of a terminal (issue 10).

Language (the system's by default), who the user is (the notes' author and the
signature stamp), where the data file goes, and how they sign: a personal
certificate made now (the core's keygen, off the GUI thread), a smart card or
token (PKCS#11: a module found on the system or chosen, its token and key), or
later.  The example data is offered only as a try: it opens a separate demo
file, never the official's own.  Everything is stored in the settings at the
end, and everything can be changed in Settings; the password never is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from visitapp.db import default_db_path
from visitapp.ui import settings as s
from visitapp.ui.new_certificate import CertificateForm, NewCertificate, default_key_file, ready_text, show_folder
from visitapp.ui.safe_text import plain
from visitapp.ui.settings import AppSettings
from visitapp.ui.signing import certificate_box as cb
from visitapp.ui.token_page import TokenPage
from visitapp.ui.translation import Translations, system_language

DEMO_FILE = "visitapp-demo.db"  # beside the default data file, never the official's own
RELAUNCH = 2  # the wizard's result when the language changed: asked again in that language
PAGE_WELCOME, PAGE_IDENTITY, PAGE_DATA, PAGE_SIGNING, PAGE_CERTIFICATE, PAGE_TOKEN, PAGE_DONE = range(7)


@dataclass(frozen=True)
class FirstRunResult:
    data_file: Path  # the official's own data file (stored in the settings)
    demo: bool  # open the example data for now instead (a separate file)

    @property
    def open_now(self) -> Path:
        return self.data_file.with_name(DEMO_FILE) if self.demo else self.data_file


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None, language: str = "") -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to visitapp"))
        self.setSubTitle(self.tr("A few questions before your first visit. Every answer can be changed later "
                                 "in Settings."))
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language or system_language())))
        form.addRow(self.tr("&Language:"), self.language)
        self.language.currentIndexChanged.connect(self._language_chosen)

    def _language_chosen(self) -> None:
        """The wizard speaks the chosen language at once: it is asked again in that language, from this page."""
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            wizard.relaunch_language = self.language.currentData()
            wizard.done(RELAUNCH)


class IdentityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who you are"))
        self.setSubTitle(self.tr("Your notes carry your name, and your signature stamp says it with your "
                                 "institution and role."))
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setPlaceholderText(self.tr("e.g. Anna Nowak"))
        form.addRow(self.tr("Your &name:"), self.name)
        self.institution = QLineEdit(self)
        self.institution.setAccessibleName(self.tr("Institution"))
        form.addRow(self.tr("&Institution:"), self.institution)
        self.role = QLineEdit(self)
        self.role.setAccessibleName(self.tr("Role"))
        form.addRow(self.tr("&Role:"), self.role)
        self.registerField("name*", self.name)  # Next stays disabled until a name is typed


class DataPage(QWizardPage):
    def __init__(self, default: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your data file"))
        self.setSubTitle(self.tr("Your visits and notes are kept in one file on this computer."))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.data_file = QLineEdit(str(default), self)
        self.data_file.setAccessibleName(self.tr("Data file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.data_file, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&Data file:"), self)
        label.setBuddy(self.data_file)
        form.addRow(label, row)
        layout.addLayout(form)
        self.demo = QCheckBox(self.tr("&Try visitapp with example data first"), self)
        layout.addWidget(self.demo)
        note = QLabel(self.tr("The example data is a separate file: your own data file stays empty and is "
                              "opened from the next start (or choose it in Settings)."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Data file"), self.data_file.text(),
                                                    self.tr("visitapp databases (*.db);;All files (*)"),
                                                    options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.data_file.setText(path)

    def validatePage(self) -> bool:
        return bool(self.data_file.text().strip())


class SigningPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("How you sign minutes"))
        self.setSubTitle(self.tr("Signed minutes show the coordinator that they come from you, unchanged."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.new_key = QRadioButton(self.tr("&Create a personal certificate now"), self)
        self.card = QRadioButton(self.tr("Use a &smart card or token (PKCS#11)"), self)
        self.later = QRadioButton(self.tr("&Later"), self)
        for n, button in enumerate((self.new_key, self.card, self.later)):
            self.group.addButton(button, n)
            layout.addWidget(button)
        self.new_key.setChecked(True)
        layout.addStretch(1)

    @property
    def choice(self) -> str:
        return "create" if self.new_key.isChecked() else "token" if self.card.isChecked() else "later"

    def nextId(self) -> int:
        return {"create": PAGE_CERTIFICATE, "token": PAGE_TOKEN}.get(self.choice, PAGE_DONE)


class CertificatePage(QWizardPage):
    """The password twice and the key file; Next makes the key (off the GUI thread), then moves on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your personal certificate"))
        self.setSubTitle(self.tr("Choose a password for your key. It is asked each time you sign and is never "
                                 "stored; nobody can recover it."))
        layout = QVBoxLayout(self)
        self.form = CertificateForm(default_key_file(""), self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.form.created.connect(self._created)
        self.form.failed.connect(self._failed)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        if self.form.result is None:
            self.form.key_file.setText(str(default_key_file(wizard.identity.name.text())))

    def validatePage(self) -> bool:
        if self.form.result is not None:
            return True
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        if self.form.start(wizard.identity.name.text().strip(), wizard.identity.institution.text().strip()):
            wizard.set_busy(True)
        return False  # the wizard moves on when the key is written

    def _created(self, _made: NewCertificate) -> None:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            wizard.set_busy(False)
            wizard.next()

    def _failed(self, _message: str) -> None:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            wizard.set_busy(False)  # the sentence is shown; the person can change the file or the password

    def cleanupPage(self) -> None:  # Back: keep what was typed (and a key already made)
        pass

    def nextId(self) -> int:
        return PAGE_DONE


class DonePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("You can change all of this later in Settings."))
        layout = QVBoxLayout(self)
        self.summary = plain(QLabel(self))  # names and paths typed by the user
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.made: NewCertificate | None = None
        self.folder = QPushButton(self.tr("Show the certificate's &folder"), self)
        self.folder.clicked.connect(self._show_folder)
        self.folder.hide()
        layout.addWidget(self.folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def _show_folder(self) -> None:
        if self.made is not None:
            show_folder(self.made.pem)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        lines = [self.tr("Notes by: %1").replace("%1", wizard.identity.name.text().strip())]
        choice = wizard.signing.choice
        made = wizard.certificate.form.result
        if choice == "create" and made is not None:
            lines.append(ready_text(self, made))
            self.made = made
            self.folder.show()
        elif choice == "token":
            lines.append(self.tr("You sign with token %1, key %2.")
                         .replace("%1", wizard.token.token.currentText()).replace("%2", wizard.token.key.currentText()))
            if wizard.token.signer:
                lines.append(self.tr("The PIN was right and the key signed as %1.").replace("%1", wizard.token.signer))
            self.folder.hide()
        else:
            lines.append(self.tr("You can create a certificate or choose a card later in Settings."))
            self.folder.hide()
        if wizard.data.demo.isChecked():
            lines.append(self.tr("The example data opens now; your own data file from the next start."))
        self.summary.setText("\n\n".join(lines))


class FirstRunWizard(QWizard):
    """The first start's questions; :meth:`store` writes the answers (never a password) to the settings."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, data_file: Path | None = None,
                 language: str = "") -> None:
        super().__init__(parent)
        self.settings = settings
        self.relaunch_language = ""  # set when the language changed: ask again in it
        self.setWindowTitle(self.tr("visitapp: first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        default = data_file or default_db_path()
        assert isinstance(default, Path), "the wizard is shown only for a data file on this computer"
        self.welcome = WelcomePage(self, language)
        self.identity = IdentityPage(self)
        self.data = DataPage(default, self)
        self.signing = SigningPage(self)
        self.certificate = CertificatePage(self)
        self.token = TokenPage(PAGE_DONE, self)
        self.token.busy.connect(self.set_busy)
        self.done_page = DonePage(self)
        for page_id, page in ((PAGE_WELCOME, self.welcome), (PAGE_IDENTITY, self.identity), (PAGE_DATA, self.data),
                              (PAGE_SIGNING, self.signing), (PAGE_CERTIFICATE, self.certificate),
                              (PAGE_TOKEN, self.token), (PAGE_DONE, self.done_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_WELCOME)
        self.certificate.setCommitPage(False)
        self.resize(640, 480)

    def set_busy(self, busy: bool) -> None:
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)

    def reject(self) -> None:
        if self.certificate.form.busy:  # the key is being written: let it finish
            return
        super().reject()

    def done(self, code: int) -> None:
        self.certificate.form.shutdown()
        self.token.worker.shutdown()
        super().done(code)

    def result_choice(self) -> FirstRunResult:
        return FirstRunResult(Path(self.data.data_file.text().strip()).expanduser(), self.data.demo.isChecked())

    def store(self) -> FirstRunResult:
        st = self.settings
        st.set(s.LANGUAGE, self.welcome.language.currentData())
        st.set(s.NAME, self.identity.name.text().strip())
        st.set(s.INSTITUTION, self.identity.institution.text().strip())
        st.set(s.ROLE, self.identity.role.text().strip())
        chosen = self.result_choice()
        st.set(s.DATA_FILE, str(chosen.data_file))
        choice = self.signing.choice
        made = self.certificate.form.result
        if choice == "create" and made is not None:
            st.set(cb.SOURCE, "pkcs12")
            st.set(cb.PKCS12_FILE, str(made.key_file))
        elif choice == "token":
            st.set(cb.SOURCE, "pkcs11")
            st.set(cb.PKCS11_MODULE, self.token.module_path())
            st.set(cb.TOKEN, self.token.token.currentText().strip())
            st.set(cb.KEY, self.token.key.currentText().strip())
        else:
            st.set(cb.SOURCE, "none")
        st.sync()
        return chosen


def first_start(settings: AppSettings, translations: Translations | None = None) -> FirstRunResult | None:
    """Ask the questions (modal); the answers stored, or None when the user cancelled (nothing stored).

    Choosing another language on the first page asks again in that language (``translations`` swapped)."""
    language = ""
    while True:
        wizard = FirstRunWizard(settings, language=language)
        try:
            code = wizard.exec()
            if code == RELAUNCH and wizard.relaunch_language:
                language = translations.apply(wizard.relaunch_language) if translations else wizard.relaunch_language
                continue
            if not code:
                return None
            return wizard.store()
        finally:
            wizard.deleteLater()
