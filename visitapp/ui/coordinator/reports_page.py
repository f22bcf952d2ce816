"""Reports and plans: the series report (PDF and CSV), plan files out to officials and in from a coordinator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from visitapp.errors import UserError
from visitapp.i18n import current_language
from visitapp.registry.plans import export_plan, import_plan, read_plan
from visitapp.registry.reports import build_report
from visitapp.ui.coordinator.common import ServicesRef, current, message_of, warn
from visitapp.ui.coordinator.tasks import Task


def csv_dir_for(pdf: Path) -> Path:
    """``report.pdf`` -> ``report-csv/`` beside it."""
    return pdf.with_name(f"{pdf.stem}-csv")


class ReportsPage(QWidget):
    changed = Signal()  # a plan was imported

    def __init__(self, services: ServicesRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.task: Task | None = None

        self.series = QComboBox(self)
        self.series.setAccessibleName(self.tr("Series to report on or plan"))
        self.series.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.series.setMinimumWidth(260)
        series_label = QLabel(self.tr("&Series:"), self)
        series_label.setBuddy(self.series)

        report_box = QGroupBox(self.tr("Series report"), self)
        self.language = QComboBox(report_box)
        self.language.setAccessibleName(self.tr("Language of the report"))
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.with_csv = QCheckBox(self.tr("Also write &CSV files (visits, notes, action items) for spreadsheets"),
                                  report_box)
        self.with_csv.setChecked(True)
        self.report_button = QPushButton(self.tr("Write the &report…"), report_box)
        self.report_button.setAccessibleName(self.tr("Write the series report as a PDF file"))
        form = QFormLayout(report_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.with_csv)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_button)
        report_row.addStretch(1)
        form.addRow(report_row)
        report_note = QLabel(self.tr("Overview of visits, organisations and people; action items by owner and "
                                     "status with overdue ones marked; themes across visits; a page per "
                                     "organisation."), report_box)
        report_note.setWordWrap(True)
        report_note.setStyleSheet("QLabel { color: #5f6368; }")
        form.addRow(report_note)

        plan_box = QGroupBox(self.tr("Plan of visits"), self)
        self.include_all = QCheckBox(self.tr("Include visits that are no longer &planned"), plan_box)
        self.export_button = QPushButton(self.tr("E&xport plan…"), plan_box)
        self.export_button.setAccessibleName(self.tr("Write the planned visits to a plan file for officials"))
        self.import_button = QPushButton(self.tr("&Import plan…"), plan_box)
        self.import_button.setAccessibleName(self.tr("Add the visits of a plan file to this database"))
        plan_note = QLabel(self.tr("Officials who import the plan start from the same visits, so every note "
                                   "on one visit shares its identity when it comes back to be merged."), plan_box)
        plan_note.setWordWrap(True)
        plan_note.setStyleSheet("QLabel { color: #5f6368; }")
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.export_button)
        plan_buttons.addWidget(self.import_button)
        plan_buttons.addStretch(1)
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(self.include_all)
        plan_layout.addLayout(plan_buttons)
        plan_layout.addWidget(plan_note)

        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Result of the last report or plan"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(series_label)
        top.addWidget(self.series)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(report_box)
        layout.addWidget(plan_box)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.report_button.clicked.connect(self.ask_report)
        self.export_button.clicked.connect(self.ask_export)
        self.import_button.clicked.connect(self.ask_import)
        self.reload()

    def reload(self) -> None:
        chosen = self.series.currentData()
        self.series.blockSignals(True)
        self.series.clear()
        self.series.addItem(self.tr("All series"), None)
        for s in current(self.services).series.list():
            self.series.addItem(s.name, s.name)
        self.series.setCurrentIndex(max(0, self.series.findData(chosen)))
        self.series.blockSignals(False)

    @property
    def busy(self) -> bool:
        return self.task is not None

    # report ------------------------------------------------------------------------
    def ask_report(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Write the series report"), "report.pdf",
                                                    self.tr("PDF files (*.pdf)"))
        if name:
            path = Path(name)
            self.write_report(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def write_report(self, out: Path) -> None:
        """Write the report (and CSV files beside it) off the GUI thread."""
        if self.task is not None:
            return
        out = Path(out)
        db = current(self.services).db
        series, lang = self.series.currentData(), self.language.currentData()
        csv_dir = csv_dir_for(out) if self.with_csv.isChecked() else None

        def work(_progress, _cancelled):  # noqa: ANN001, ANN202 (on the worker thread)
            if csv_dir is not None:
                csv_dir.mkdir(exist_ok=True)
            return build_report(db, out, series=series, csv_dir=csv_dir, lang=lang)

        self.report_button.setEnabled(False)
        self.status.setText(self.tr("Writing the report…"))
        self.task = Task(work)
        self.task.succeeded.connect(self._report_written)
        self.task.failed.connect(self._report_failed)
        self.task.start()

    def _report_written(self, paths: list[Path]) -> None:
        self.task = None
        self.report_button.setEnabled(True)
        pdf, csvs = paths[0], paths[1:]
        text = self.tr("Report written to %1.").replace("%1", str(pdf))
        if csvs:
            text += " " + self.tr("%n CSV file(s) in %1.", "", len(csvs)).replace("%1", str(csvs[0].parent))
        self.status.setText(text)

    def _report_failed(self, err: BaseException) -> None:
        self.task = None
        self.report_button.setEnabled(True)
        self.status.setText(message_of(err))
        warn(self, self.tr("Series report"), message_of(err))

    # plans ---------------------------------------------------------------------------
    def ask_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the plan of visits"), "plan.json",
                                                    self.tr("Plan files (*.json)"))
        if name:
            self.export_plan_to(Path(name))

    def export_plan_to(self, out: Path) -> int | None:
        try:
            count = export_plan(current(self.services).db, Path(out), series=self.series.currentData(),
                                include_all=self.include_all.isChecked())
        except UserError as err:
            warn(self, self.tr("Export the plan"), str(err))
            return None
        self.status.setText(self.tr("%n planned visit(s) written to %1.", "", count).replace("%1", str(out)))
        return count

    def ask_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Import a plan of visits"), "",
                                                    self.tr("Plan files (*.json);;All files (*)"))
        if name:
            self.import_plan_from(Path(name))

    def import_plan_from(self, path: Path):  # noqa: ANN201
        try:
            plan = read_plan(Path(path))  # a malformed file is refused here, before the database is touched
            result = import_plan(current(self.services).db, plan)
        except UserError as err:
            warn(self, self.tr("Import a plan"), str(err))
            self.status.setText(str(err))
            return None
        text = (self.tr("Visits from the plan: %1 added, %2 updated, %3 unchanged.")
                .replace("%1", str(len(result.added))).replace("%2", str(len(result.updated)))
                .replace("%3", str(len(result.unchanged))))
        self.status.setText(text)
        self.reload()
        self.changed.emit()
        return result

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.wait()
