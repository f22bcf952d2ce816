"""People and their personal data (GDPR art. 15 and 17): list, export all held about one, erase one.

The same three actions as ``visitapp person list|export|erase``. Erasing
rewrites the whole database file (so that no byte of the name is left), so it
runs on the DB worker (the one writer, after every write asked before it);
the page asks first (No is the default answer; the question names the person's
institution, their visits and whether mentions are replaced), and offers to
redact mentions of the name in note texts too: unticked, as the CLI's opt-in
``--redact-mentions``.  An erasure is no undoable operation by design; the undo history is
cleared after it, so that no earlier step can bring the name back.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.errors import UserError
from visitapp.ui.coordinator.common import (
    Fit,
    ServicesRef,
    current,
    message_of,
    selected_row,
    table,
    warn,
)
from visitapp.ui.coordinator.models import Column, RowsModel
from visitapp.ui.coordinator.writes import Writes
from visitapp.ui.safe_text import Button, plain_message


class PeoplePage(QWidget):
    """Every person in the database, with export and erase for the one selected."""

    changed = Signal()

    def __init__(self, services: ServicesRef, parent: QWidget | None = None, *, writes: Writes) -> None:
        super().__init__(parent)
        self.services = services
        self.writes = writes
        self.erasing = False
        self.model = RowsModel([
            Column("name", self.tr("Name"), lambda r: r.name),
            Column("institution", self.tr("Institution"), lambda r: r.institution),
            Column("email", self.tr("E-mail"), lambda r: r.email),
            Column("visits", self.tr("Visits"), lambda r: str(r.visits)),
            Column("erased", self.tr("Erased"), lambda r: self.tr("yes") if r.erased else ""),
        ], self)
        # Names and institutions whole (the coordinator chooses whom to erase from them), the institution takes
        # the room left; e-mail, visits and the erased mark as wide as their text.
        self.table = table(self, self.tr("People in the registry"), self.model, stretch=1, minimum=160,
                           fits={0: Fit(share=0.3, floor=140), 2: Fit(share=0.25, floor=100)})
        self.export_button = QPushButton(self.tr("E&xport their data…"), self)
        self.export_button.setAccessibleName(self.tr("Export everything held about the selected person"))
        self.export_button.clicked.connect(self.ask_export)
        self.redact = QCheckBox(self.tr("Also replace mentions of the name in note texts"), self)
        self.redact.setChecked(False)  # opt-in, as the CLI's --redact-mentions: the question says which applies
        self.erase_button = QPushButton(self.tr("&Erase…"), self)
        self.erase_button.setAccessibleName(self.tr("Erase the selected person's personal data"))
        self.erase_button.clicked.connect(self.ask_erase)
        self.status = QLabel("", self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names from files
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.redact)
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        from visitapp.registry.persons import list_people

        self.model.reset(list_people(current(self.services).db))

    @property
    def busy(self) -> bool:
        return self.erasing

    def _selected(self):
        row = selected_row(self.table)
        if row is None:
            warn(self, self.tr("People"), self.tr("Select a person first."))
        return row

    # -- export (art. 15) -----------------------------------------------------------------

    def ask_export(self) -> None:
        row = self._selected()
        if row is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export a person's data"), "person.json",
                                                    self.tr("JSON files (*.json)"))
        if path:
            self.export_to(row.id, Path(path))

    def export_to(self, person_id: str, out: Path) -> bool:
        from visitapp.minutes.output import write_atomic
        from visitapp.registry.persons import export_person

        try:
            data = export_person(current(self.services).db, person_id)
            write_atomic(out, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        except UserError as err:
            warn(self, self.tr("Export a person's data"), message_of(err))
            return False
        self.status.setText(self.tr("Wrote %1.").replace("%1", str(out)))
        return True

    # -- erase (art. 17) ------------------------------------------------------------------

    def ask_erase(self) -> None:
        row = self._selected()
        if row is None or self.busy:
            return
        redact = self.redact.isChecked()
        if plain_message(self, QMessageBox.Icon.Question, self.tr("Erase a person"), self.erase_question(row, redact),
                         Button.Yes | Button.No, default=Button.No) == Button.Yes:
            self.erase(row.id, redact_mentions=redact)

    def erase_question(self, row, redact: bool) -> str:
        """Whom exactly (name, institution, visits), what happens to them, and to mentions in note texts."""
        who = (self.tr("Erase %1 (%2)?").replace("%2", row.institution) if row.institution.strip()
               else self.tr("Erase %1?")).replace("%1", row.name)
        lines = [who + " " + self.tr("They appear in %n visit(s).", "", row.visits),
                 self.tr("Their name, e-mail and phone are replaced by a pseudonym everywhere in this database; "
                         "this cannot be undone.")]
        lines.append(self.tr("Mentions of the name in note texts are replaced by the pseudonym too.") if redact
                     else self.tr("Mentions of the name in note texts stay as they are (tick “Also replace mentions "
                                  "of the name in note texts” to replace them)."))
        if self._backups():
            lines.append(self.tr("The backups made before upgrades of this database also hold their data; "
                                 "they will be deleted: %1").replace("%1", ", ".join(p.name for p in self._backups())))
        return "\n\n".join(lines)

    def _backups(self) -> list[Path]:
        from visitapp.registry.persons import upgrade_backups

        path = current(self.services).db.path
        return upgrade_backups(path) if path is not None else []

    def erase(self, person_id: str, *, redact_mentions: bool) -> None:
        from visitapp.registry.persons import erase_person

        services = current(self.services)
        db, history = services.db, services.history

        def work():  # on the DB worker
            try:
                return erase_person(db, person_id, redact_mentions=redact_mentions)
            finally:
                history.clear()  # row images of older steps may hold the name: none may be undone now

        self.erase_button.setEnabled(False)
        self.status.setText(self.tr("Erasing and rewriting the database file…"))
        self.erasing = True
        self.writes.call(work, on_done=self._erased, on_error=self._failed)

    def _erased(self, result) -> None:
        self.erasing = False
        self.erase_button.setEnabled(True)
        text = self.tr("Erased: the person is now %1.").replace("%1", result.pseudonym)
        if result.files:
            text += " " + self.tr("These merged files (signed PDFs, not changed) still name them: %1").replace(
                "%1", ", ".join(Path(f["file"]).name for f in result.files))
        if result.backups_removed:
            text += " " + self.tr("Deleted the backups made before upgrades, which held their data: %1").replace(
                "%1", ", ".join(Path(p).name for p in result.backups_removed))
        if result.not_vacuumed:  # PostgreSQL: tables this role does not own keep their old rows until vacuumed
            text += " " + self.tr("These tables still hold the person's old rows in the server's files, because "
                                  "this account may not vacuum them; ask the owner of the database server to run "
                                  "VACUUM FULL on them: %1").replace("%1", ", ".join(result.not_vacuumed))
        self.status.setText(text)
        self.reload()
        self.changed.emit()

    def _failed(self, err: BaseException) -> None:
        self.erasing = False
        self.erase_button.setEnabled(True)
        self.status.setText("")
        warn(self, self.tr("Erase a person"), message_of(err))
