"""Reports and plans: the series report (PDF and CSV), plan files out to officials and in from a coordinator."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.domain import VisitStatus
from visitapp.errors import UserError
from visitapp.i18n import current_language
from visitapp.ops import registry as registry_ops
from visitapp.registry import plan_sign
from visitapp.registry.plan_sign import PlanSigner
from visitapp.registry.plans import (
    Plan,
    PlanImportResult,
    PlanPreview,
    build_plan,
    export_plan,
    preview_plan,
    read_plan,
)
from visitapp.registry.reports import build_report
from visitapp.ui.coordinator.common import ServicesRef, current, message_of, warn
from visitapp.ui.coordinator.tasks import Task
from visitapp.ui.coordinator.writes import Writes
from visitapp.ui.labels import status_label, visit_time

if TYPE_CHECKING:
    from visitapp.signing.sign import SignerSource

MAX_LISTED = 25  # changes listed in the question itself; all of them in its details
PLAN_LISTED = 8  # visits listed before a plan export (a question that fits a laptop at 150 %); all in its details


def _grouped(fingerprint: str) -> str:
    """``ab12cd…`` as ``AB:12:CD:…`` in lines of 16 bytes, as certificate viewers show it."""
    pairs = [fingerprint[i:i + 2].upper() for i in range(0, len(fingerprint), 2)]
    return "\n".join(":".join(pairs[i:i + 16]) for i in range(0, len(pairs), 16))


def csv_dir_for(pdf: Path) -> Path:
    """``report.pdf`` -> ``report-csv/`` beside it."""
    return pdf.with_name(f"{pdf.stem}-csv")


class ReportsPage(QWidget):
    changed = Signal()  # a plan was imported
    imported = Signal(object)  # its PlanImportResult, once stored

    def __init__(self, services: ServicesRef, parent: QWidget | None = None, *, writes: Writes) -> None:
        super().__init__(parent)
        self.services = services
        self.writes = writes  # importing a plan: one operation on the DB worker
        self.last_import: PlanImportResult | None = None
        self.task: Task | None = None
        self.plan_question: QMessageBox | None = None  # the open question of a plan import, if any

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
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # paths, errors naming a plan's contents
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
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Write the series report"), self.tr("report.pdf"),
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

        def work(_progress, _cancelled):  # on the worker thread
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
    def export_question(self) -> tuple[int, str, str]:
        """Before anything is written: how many visits the plan will hold and which (count, text, details).

        The list is the plan itself (:func:`build_plan` with the page's series and box), one line a visit:
        its time on its own clock, organisation and title, and its state when it is no longer planned.
        """
        services = current(self.services)
        plan = build_plan(services.db, series=self.series.currentData(), include_all=self.include_all.isChecked())
        known = {v.id: v for v in services.visits.list()}
        lines = []
        for v in plan.visits:
            summary = known.get(v.id)
            line = "• " + " — ".join(part for part in (visit_time(v.starts_at, summary.time_zone if summary else None),
                                                       v.organisation.name, v.title) if part)
            if summary is not None and summary.status != VisitStatus.PLANNED:
                state = status_label(summary.status)
                line += " (" + state[:1].lower() + state[1:] + ")"
            lines.append(line)
        count = len(lines)
        if not count:
            return 0, (self.tr("There are no visits to export.") if self.include_all.isChecked() else
                       self.tr("There are no planned visits to export. Tick “Include visits that are no longer "
                               "planned” to export the others.")), ""
        shown = lines[:PLAN_LISTED]
        text = self.tr("The plan will hold %n visit(s):", "", count) + "\n\n" + "\n".join(shown)
        if len(lines) > len(shown):
            text += "\n" + self.tr("… and %1 more (see the details).").replace("%1", str(len(lines) - len(shown)))
        text += "\n\n" + self.tr("Choose the file and sign the plan?")
        return count, text, "\n".join(lines) if len(lines) > len(shown) else ""

    def confirm_export(self) -> bool:
        """Show which visits the plan will hold; True when the coordinator goes on (Yes, the default)."""
        try:
            count, text, details = self.export_question()
        except UserError as err:
            warn(self, self.tr("Export the plan"), str(err))
            return False
        if not count:
            warn(self, self.tr("Export the plan"), text)
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export the plan"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # titles and names come from minutes and plans
        box.setDefaultButton(QMessageBox.StandardButton.Yes)  # nothing is written yet: the file dialog comes next
        if details:
            box.setDetailedText(details)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_export(self) -> None:
        if not self.confirm_export():
            return
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the plan of visits"), "plan.json.p7m",
                                                    self.tr("Signed plan files (*.p7m)"))
        if not name:
            return
        p12, _filter = QFileDialog.getOpenFileName(self, self.tr("Sign the plan with your certificate file"), "",
                                                   self.tr("Certificate files (*.p12 *.pfx)"))
        if not p12:
            return
        password, ok = QInputDialog.getText(self, self.tr("Sign the plan"),
                                            self.tr("Password of the certificate file:"),
                                            QLineEdit.EchoMode.Password)
        if ok:
            from visitapp.signing.sign import Pkcs12Source  # pyHanko loads only when signing

            self.export_plan_to(Path(name), source=Pkcs12Source(Path(p12), password))

    def export_plan_to(self, out: Path, *, source: SignerSource | None = None) -> int | None:
        """Write the plan, signed when ``source`` is given (plain JSON without: for tests and tools)."""
        try:
            count = export_plan(current(self.services).db, Path(out), series=self.series.currentData(),
                                include_all=self.include_all.isChecked(), source=source)
        except UserError as err:
            warn(self, self.tr("Export the plan"), str(err))
            return None
        self.status.setText(self.tr("%n planned visit(s) written to %1.", "", count).replace("%1", str(out)))
        return count

    def ask_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Import a plan of visits"), "",
                                                    self.tr("Plan files (*.p7m *.json);;All files (*)"))
        if name:
            self.import_plan_from(Path(name))

    def import_plan_from(self, path: Path, *, allow_unsigned: bool = False):
        """Verify a plan file, ask what needs a person's yes, then import.

        Only a plan signed by a signer this database trusts is read (a plain
        JSON plan only with ``allow_unsigned``, for tests).  An unknown signer
        is shown by name and fingerprint and trusted only on Yes; changes to
        visits this database has are listed and applied only on Yes.  The
        import itself (with trusting that signer) is one operation on the DB
        worker: :attr:`imported` gives its result (also :attr:`last_import`).
        Returns the ticket of that write when nothing had to be asked, else
        None (the answer to :attr:`plan_question` finishes the import).
        """
        self._drop_question()
        db = current(self.services).db
        try:
            plan, signer = read_plan(Path(path), allow_unsigned=allow_unsigned)
            if signer is not None:
                plan_sign.check_trusted(db, signer)
        except plan_sign.UntrustedSigner as err:
            who = err.signer
            text = (self.tr("This plan is signed by %1 (%2), whom this database does not trust yet.")
                    .replace("%1", who.name or "?").replace("%2", who.organisation or "-")
                    + "\n\n" + self.tr("SHA-256 fingerprint:") + "\n" + _grouped(who.fingerprint) + "\n\n"
                    + self.tr("Trust this signer only if the coordinator confirms this fingerprint to you, for "
                              "example by phone. Trust the signer and go on?"))
            self._ask(self.tr("Trust the signer of this plan?"), text, "", lambda: self._preview(plan, who))
            return None
        except UserError as err:
            return self._import_failed(err)
        return self._preview(plan, None)

    def _preview(self, plan: Plan, new_signer: PlanSigner | None):
        try:
            preview = preview_plan(current(self.services).db, plan)
        except UserError as err:
            return self._import_failed(err)
        if not preview.changes:
            return self._apply(plan, preview, new_signer)
        lines = preview.lines()
        shown = lines[:MAX_LISTED]
        text = self.tr("The plan changes visits you already have:") + "\n\n" + "\n".join(shown)
        if len(lines) > len(shown):
            text += "\n" + self.tr("… and %1 more (see the details).").replace("%1", str(len(lines) - len(shown)))
        if preview.added:
            text += "\n\n" + self.tr("New visits in the plan: %1.").replace("%1", str(len(preview.added)))
        text += "\n\n" + self.tr("Apply these changes?")
        details = "\n".join(lines) if len(lines) > len(shown) else ""
        self._ask(self.tr("Changes to your visits"), text, details, lambda: self._apply(plan, preview, new_signer))
        return None

    def _apply(self, plan: Plan, preview: PlanPreview, new_signer: PlanSigner | None) -> int:
        trust = new_signer.certificate if new_signer is not None else None
        return self.writes.submit(registry_ops.import_plan, plan, confirmed=preview, trust_certificate=trust,
                                  on_done=self._imported, on_error=self._import_refused)

    def _imported(self, result: PlanImportResult) -> None:
        text = (self.tr("Visits from the plan: %1 added, %2 updated, %3 unchanged.")
                .replace("%1", str(len(result.added))).replace("%2", str(len(result.updated)))
                .replace("%3", str(len(result.unchanged))))
        self.status.setText(text)
        self.reload()
        self.last_import = result
        self.changed.emit()
        self.imported.emit(result)

    def _import_failed(self, err: UserError) -> None:
        self._import_refused(str(err))

    def _import_refused(self, sentence: str) -> None:
        warn(self, self.tr("Import a plan"), sentence)
        self.status.setText(sentence)

    def _ask(self, title: str, text: str, details: str, on_yes) -> None:
        """A Yes/No question in plain text (its text comes from a file), answered without blocking."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        if details:
            box.setDetailedText(details)  # always plain text
        box.finished.connect(lambda _code: self._answered(box, on_yes))
        self.plan_question = box
        box.open()

    def _answered(self, box: QMessageBox, on_yes) -> None:
        if self.plan_question is box:
            self.plan_question = None
        box.deleteLater()
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            on_yes()
        else:
            self.status.setText(self.tr("The plan was not imported."))

    def _drop_question(self) -> None:
        if self.plan_question is not None:
            box, self.plan_question = self.plan_question, None
            box.finished.disconnect()
            box.close()
            box.deleteLater()

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.wait()
