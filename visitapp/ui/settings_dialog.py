"""Settings: who the user is, the language, the data file."""

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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._db = current_db

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
        st.sync()
