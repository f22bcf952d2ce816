"""Issue 11, one language: labels that read as Polish, not as markup or a stutter."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel

from visitapp.ui.capture.action_dialog import ActionDialog


def test_the_data_file_label_has_a_buddy_so_its_ampersand_is_a_mnemonic(qtbot, settings, tmp_path):
    from visitapp.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, str(tmp_path / "x.db"))
    qtbot.addWidget(dialog)
    (label,) = [w for w in dialog.findChildren(QLabel) if w.text() == "&Data file:"]
    assert label.buddy() is dialog.data_file  # without one, Qt prints "Plik &danych:" as it is


def test_the_due_date_row_says_due_once(qtbot):
    dialog = ActionDialog("Przygotować listę kursów", [])
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    labels = [form.itemAt(i, QFormLayout.ItemRole.LabelRole) for i in range(form.rowCount())]
    texts = [item.widget().text() for item in labels if item is not None and isinstance(item.widget(), QLabel)]
    assert "Due:" not in texts  # "Termin: ☑ Termin" was the label and the check box saying the same
    due_row = [item.widget() for item in labels if item is not None and isinstance(item.widget(), QCheckBox)]
    assert due_row == [dialog.has_due]


def test_suggested_file_names_follow_the_minutes_language(gui, qtbot, demo):
    from visitapp.domain import CopyKind
    from visitapp.ui.signing.dialog import SignDialog

    dialog = SignDialog(gui.services(), demo[0], gui.worker, gui.settings, gui.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    dialog.language.setCurrentIndex(dialog.language.findData("pl"))
    dialog.copy.setCurrentIndex(dialog.copy.findData(CopyKind.COMPANY.value))
    assert dialog.out.text().endswith("-pl-kopia-dla-firmy.pdf")
    dialog.copy.setCurrentIndex(dialog.copy.findData(CopyKind.PARTNERS.value))
    assert dialog.out.text().endswith("-pl-kopia-dla-partnerow.pdf")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.out.text().endswith("-en-partners.pdf")
    dialog.copy.setCurrentIndex(dialog.copy.findData(CopyKind.INTERNAL.value))
    assert dialog.out.text().endswith("-en.pdf")
