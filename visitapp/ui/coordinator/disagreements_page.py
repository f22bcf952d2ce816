"""Disagreements: visits whose facts two officials recorded differently; the coordinator chooses one value."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from visitapp import i18n
from visitapp.ops import registry as registry_ops
from visitapp.registry.review import DisagreementInfo, ValueSource, disagreements
from visitapp.ui.coordinator.common import Fit, ServicesRef, current, selected_row, table, warn
from visitapp.ui.coordinator.models import GREEN, GREY, Column, RowsModel
from visitapp.ui.coordinator.writes import Writes
from visitapp.ui.labels import fmt_datetime

log = logging.getLogger(__name__)


def template_field_label(key: str, lang: str) -> str:
    """A structured answer's label in ``lang`` ("Liczba pracowników w Krakowie"), "" for an unknown key (the core's,
    which ``visitapp disagreements`` uses too)."""
    from visitapp.templates import field_label

    return field_label(key, lang)


def _fill(template: str, *values: str) -> str:
    """``template`` with %1, %2… replaced in one pass: a value from a file that holds "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1] if 0 < int(m[1]) <= len(values) else m[0], template)


class DisagreementsPage(QWidget):
    changed = Signal()
    countChanged = Signal(int)  # open disagreements, for the tab's title

    def __init__(self, services: ServicesRef, parent: QWidget | None = None, *, writes: Writes) -> None:
        super().__init__(parent)
        self.services = services
        self.writes = writes  # settling is an undoable operation on the DB worker
        intro = QLabel(self.tr("Two officials' minutes of the same visit say different things. Nothing was "
                               "overwritten: both values are kept until you choose one."), self)
        intro.setWordWrap(True)
        self.show_settled = QCheckBox(self.tr("Show &settled ones too"), self)
        self.show_settled.setAccessibleName(self.tr("Also list disagreements already settled"))
        self.model = RowsModel([
            Column("organisation", self.tr("Visit"), lambda d: d.organisation, tip=lambda d: d.visit_id),
            Column("field", self.tr("Fact"), lambda d: self.field_label(d.field)),
            Column("current", self.tr("In the registry"), lambda d: self.value_text(d.field, d.current_value),
                   color=lambda d: GREEN if d.resolved and d.chosen_value == d.current_value else None),
            Column("other", self.tr("Other official's value"),
                   lambda d: self.value_text(d.field, d.other_value),
                   color=lambda d: GREEN if d.resolved and d.chosen_value == d.other_value else None),
            Column("current_source", self.tr("Registry's value from"), self.current_source_text,
                   tip=self.current_source_text),
            Column("author", self.tr("Other value from"), self.other_source_text, tip=self.other_source_text),
            Column("state", self.tr("State"), lambda d: self.tr("settled") if d.resolved else self.tr("to settle"),
                   color=lambda d: GREY if d.resolved else None, bold=lambda d: not d.resolved),
        ], self)
        # The visit (an organisation's name, the longest text) takes the room left; the fact, the two values and
        # the state as wide as their text (a long list of skills at most a fifth); the fact and both sources cut
        # with "…" when the row is short of room (whole in their tooltips, and in full below the table for the
        # selected row).
        self.table = table(self, self.tr("Disagreements between officials' minutes"), self.model, stretch=0,
                           minimum=120, fits={1: Fit(share=0.2, floor=110), 2: Fit(share=0.2, floor=90),
                                              3: Fit(share=0.2, floor=90), 4: Fit(share=0.25, floor=110),
                                              5: Fit(share=0.25, floor=110)})
        self.details = QLabel("", self)
        self.details.setAccessibleName(self.tr("The selected disagreement in full"))
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # values and names come from someone's file
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_current = QPushButton(self.tr("Keep the &registry's value"), self)
        self.keep_current.setAccessibleName(self.tr("Settle the selected disagreement with the registry's value"))
        self.take_other = QPushButton(self.tr("&Take the other value"), self)
        self.take_other.setAccessibleName(self.tr("Settle the selected disagreement with the other official's value"))
        self.empty = QLabel(self.tr("No disagreements to settle."), self)
        self.empty.setStyleSheet("QLabel { color: #1b5e20; }")

        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.show_settled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_current)
        buttons.addWidget(self.take_other)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)

        self.show_settled.toggled.connect(self.reload)
        self.keep_current.clicked.connect(lambda: self.settle_selected("current"))
        self.take_other.clicked.connect(lambda: self.settle_selected("other"))
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.model.modelReset.connect(self._selection)
        self.reload()

    # texts ---------------------------------------------------------------------
    def field_label(self, field: str) -> str:
        if field.startswith("answer:"):  # the template's label in the user's language, not the field's key
            key = field.removeprefix("answer:")
            return template_field_label(key, i18n.current_language()) or \
                self.tr("Answer: %1").replace("%1", key.replace("_", " "))
        return {"organisation": self.tr("Organisation"), "starts_at": self.tr("Date and time"),
                "place": self.tr("Place")}.get(field, field)

    def source_text(self, source: ValueSource | None, signer: str = "") -> str:
        """Who signed the file that gave a value, the file, the version: "Anna Nowak — anna.pdf, version 2"."""
        if source is None:
            return signer or self.tr("this registry")
        version = (self.tr("version %1").replace("%1", str(source.version)) if source.version
                   else self.tr("not finalised"))
        return (self.tr("%1 — %2, %3").replace("%1", signer or source.signer or "?")
                .replace("%2", source.file_name or "?").replace("%3", version))

    def current_source_text(self, d: DisagreementInfo) -> str:
        return self.source_text(d.current_source)

    def other_source_text(self, d: DisagreementInfo) -> str:
        return self.source_text(d.other_source, d.other_author)  # the typed name beside the certificate's

    def details_text(self, d: DisagreementInfo) -> str:
        """The selected row in full, whatever its columns' widths: the fact, both values and who gave each."""
        return "\n".join((
            _fill(self.tr("%1 — %2"), self.field_label(d.field), d.organisation),
            _fill(self.tr("In the registry: %1 (from %2)"), self.value_text(d.field, d.current_value),
                  self.current_source_text(d)),
            _fill(self.tr("Other official's value: %1 (from %2)"), self.value_text(d.field, d.other_value),
                  self.other_source_text(d)),
        ))

    def value_text(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if field == "organisation" and isinstance(value, dict):
            name = str(value.get("name") or "?")
            return self.tr("%1 (NIP %2)").replace("%1", name).replace("%2", value["nip"]) if value.get("nip") else name
        if field == "starts_at" and isinstance(value, str):
            try:
                return fmt_datetime(dt.datetime.fromisoformat(value))
            except ValueError:
                return value
        if isinstance(value, list):
            return ", ".join(map(str, value))
        return str(value)

    # data ------------------------------------------------------------------------
    def reload(self) -> None:
        rows = disagreements(current(self.services).db, include_resolved=self.show_settled.isChecked())
        self.model.reset(rows)
        open_count = sum(1 for d in rows if not d.resolved) if self.show_settled.isChecked() else len(rows)
        self.empty.setVisible(not rows)
        self.countChanged.emit(open_count)

    def _selection(self, *_args) -> None:
        row: DisagreementInfo | None = selected_row(self.table)
        can = row is not None and not row.resolved
        self.details.setText(self.details_text(row) if row is not None else "")
        self.keep_current.setEnabled(can)
        self.take_other.setEnabled(can)

    def settle_selected(self, keep: str) -> int | None:
        """Settle the selected disagreement on the DB worker (undoable); the ticket of the write."""
        row: DisagreementInfo | None = selected_row(self.table)
        if row is None or row.resolved:
            return None
        reason = self.ask_reason(row, keep)
        if reason is None:
            return None
        log.info("settling disagreement %s on %s (%s): keep %s; reason: %s", row.id, row.field, row.visit_id, keep,
                 reason)
        self.keep_current.setEnabled(False)  # one answer per disagreement
        self.take_other.setEnabled(False)
        position = self.table.currentIndex().row()
        return self.writes.submit(registry_ops.resolve_disagreement, row.id, keep,
                                  on_done=lambda _info: self._settled(position), on_error=self._refused)

    def ask_reason(self, row: DisagreementInfo, keep: str) -> str | None:
        """Confirm the choice and ask why (the reason goes to the log); None: cancelled or no reason."""
        value = self.value_text(row.field, row.current_value if keep == "current" else row.other_value)
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Settle a disagreement"))
        dialog.setLabelText(self.tr("%1: keep “%2” for this visit (it can be undone).\nWhy? The reason is "
                                    "kept in the log.").replace("%1", self.field_label(row.field)).replace("%2", value))
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)  # a value comes from someone's file
        dialog.setOkButtonText(self.tr("&Settle"))
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        reason = dialog.textValue().strip()
        if not reason:
            warn(self, self.tr("Settle a disagreement"), self.tr("Say why you choose this value; nothing was changed."))
            return None
        return reason

    def _settled(self, position: int) -> None:
        self.reload()
        if self.model.rowCount():
            self.table.selectRow(min(position, self.model.rowCount() - 1))
        self.changed.emit()

    def _refused(self, sentence: str) -> None:
        warn(self, self.tr("Settle a disagreement"), sentence)
        self._selection()
