"""Settings: who the user is, the language, the data file, how minutes are signed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from visitapp.ui import settings as s
from visitapp.ui.settings import AppSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, current_db: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        note = QLabel(
            self.tr("Notes are signed with this name. Until you set it, your system user name is used."), self)
        note.setWordWrap(True)
        form.addRow(note)
        self.name = QLineEdit(settings.get(s.NAME), self)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setPlaceholderText(settings.identity().name)
        form.addRow(self.tr("Your &name:"), self.name)
        self.institution = QLineEdit(settings.get(s.INSTITUTION), self)
        self.institution.setAccessibleName(self.tr("Institution"))
        form.addRow(self.tr("&Institution:"), self.institution)
        self.role = QLineEdit(settings.get(s.ROLE), self)
        self.role.setAccessibleName(self.tr("Role"))
        form.addRow(self.tr("&Role:"), self.role)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System default"), "")
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(s.LANGUAGE))))
        form.addRow(self.tr("&Language:"), self.language)
        self.due_days = QSpinBox(self)
        self.due_days.setRange(0, 365)
        self.due_days.setValue(settings.get(s.DUE_DAYS))
        self.due_days.setSuffix(self.tr(" days from today"))
        self.due_days.setAccessibleName(self.tr("Default due date of an action item"))
        form.addRow(self.tr("Action items &due:"), self.due_days)
        row = QHBoxLayout()
        self.data_file = QLineEdit(settings.get(s.DATA_FILE) or current_db, self)
        self.data_file.setAccessibleName(self.tr("Data file"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.data_file, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&Data file:"), self)
        label.setBuddy(self.data_file)  # a row that is a layout gets a label without a buddy: "Plik &danych:" shown
        form.addRow(label, row)
        form.addRow(QLabel(self.tr("A new data file is used from the next start."), self))
        form.addRow(self._signing_box())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._db = current_db
        self.setMinimumWidth(480)  # room for a data file's path

    def _signing_box(self) -> QWidget:
        """How minutes are signed (the sign dialog's own choice, without its password) and "Create my certificate…"."""
        from visitapp.ui.signing.certificate_box import CertificateBox

        box = self.signing = CertificateBox(self)
        box.restore(self.settings)
        box.changed.connect(self._hide_secret)
        self._hide_secret()
        self.create_certificate = QPushButton(self.tr("Create &my certificate…"), box)
        self.create_certificate.setAutoDefault(False)
        self.create_certificate.clicked.connect(self.new_certificate)
        box.form.addRow(self.create_certificate)
        return box

    def _hide_secret(self) -> None:
        """The password or PIN is typed when signing, never here; the reason is chosen per signature."""
        box = self.signing
        for widget in (box.secret_label, box.secret, box.reason, box.form.labelForField(box.reason)):
            widget.setVisible(False)

    def new_certificate(self) -> None:
        """Make a personal certificate now (the core's keygen, off the GUI thread) and sign with it from now on."""
        from visitapp.ui.new_certificate import NewCertificateDialog

        dialog = NewCertificateDialog(self.name.text().strip() or self.settings.identity().name,
                                      self.institution.text().strip(), self)
        self.certificate_dialog = dialog  # tests answer it
        dialog.exec()
        made = dialog.result_certificate
        if made is not None:
            box = self.signing
            box.source.setCurrentIndex(box.source.findData("pkcs12"))
            box.p12_path.setText(str(made.key_file))
        dialog.deleteLater()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Data file"), self.data_file.text(),
                                                    self.tr("visitapp databases (*.db);;All files (*)"),
                                                    options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.data_file.setText(path)

    def store(self) -> None:
        st = self.settings
        st.set(s.NAME, self.name.text().strip())
        st.set(s.INSTITUTION, self.institution.text().strip())
        st.set(s.ROLE, self.role.text().strip())
        st.set(s.LANGUAGE, self.language.currentData())
        st.set(s.DUE_DAYS, self.due_days.value())
        data_file = self.data_file.text().strip()
        st.set(s.DATA_FILE, "" if data_file == self._db and not st.get(s.DATA_FILE) else data_file)
        self.signing.remember(st)  # never a password: this dialog has no field for one
        st.sync()
