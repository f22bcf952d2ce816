"""The trust page's trusted lists (ETSI TS 119 612, e.g. Poland's from NCCert): list, load, remove.

A list is kept only after its signature was checked with its operator's certificate (the core's
:func:`visitapp.signing.qualified.read_list_file`, as ``visitapp trust tsl load`` does); a refused list is one
sentence. What the table shows (territory, operator, issue date, next update, services) is read from the data the
list's signature covers, checked again when the page reads it. Loading and removing are the core's operations on
the DB worker, each one undoable step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from visitapp.errors import UserError
from visitapp.ops import registry as registry_ops
from visitapp.registry.trust import TrustedListInfo
from visitapp.ui.coordinator.common import selected_row, table, warn
from visitapp.ui.coordinator.models import RED, Column, RowsModel
from visitapp.ui.coordinator.writes import Writes
from visitapp.ui.labels import fmt_date
from visitapp.ui.safe_text import plain_question


def grouped(fingerprint: str) -> str:
    """The trust page's one fingerprint format (``AB:12:…``); imported here when used, as that page imports this."""
    from visitapp.ui.coordinator.trust_page import grouped as page_grouped

    return page_grouped(fingerprint)


def _overdue(r: TrustedListInfo) -> bool:
    """Past its next update (a newer list should have been loaded), or no longer holding."""
    return not r.holds or (r.next_update is not None and r.next_update < dt.datetime.now(dt.UTC))


class TrustedListsSection(QObject):
    """The trusted lists' part of the trust page, added to its layout below the anchors."""

    def __init__(self, page: QWidget, layout: QVBoxLayout, *, writes: Writes, written: Callable[[], None],
                 refused: Callable[[str, str], None], anchors: Callable[[], list[Any]]) -> None:
        super().__init__(page)
        self.page = page
        self._anchors = anchors  # the registry's CA anchors (asn1crypto), for a list loaded without its operator
        self.writes = writes  # every change: an operation on the DB worker (one undoable step)
        self._written = written  # the page reads the registry again
        self._refused = refused  # the page warns, then reads again
        intro = QLabel(self.tr("Trusted lists (ETSI TS 119 612, e.g. Poland's from NCCert): their qualified "
                               "certificate authorities are anchors, and signatures and timestamps they qualify are "
                               "shown as qualified."), page)
        intro.setWordWrap(True)
        self.model = RowsModel([
            Column("territory", self.tr("Territory"), lambda r: r.territory),
            Column("operator", self.tr("Operator"), self._operator, tip=lambda r: r.subject),
            Column("issued", self.tr("Issued"), lambda r: fmt_date(r.issued.date()) if r.issued else ""),
            Column("next", self.tr("Next update"), self._next_update, color=lambda r: RED if _overdue(r) else None,
                   bold=_overdue),
            Column("services", self.tr("Services"), self._services, tip=self._services),
            Column("fingerprint", self.tr("Fingerprint (SHA-256)"), lambda r: grouped(r.fingerprint)[:23] + "…",
                   tip=lambda r: grouped(r.fingerprint)),  # as the other trust tables show fingerprints
        ], page)
        # The services' counts take the room left; no header is narrower than its title (Polish ones are long).
        self.table = table(page, self.tr("Trusted lists"), self.model, stretch=4)
        header = self.table.horizontalHeader()
        for column, width in ((0, 90), (1, 300), (2, 100), (3, 120), (5, 200)):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self.load_button = QPushButton(self.tr("Load a trusted &list…"), page)
        self.load_button.setAccessibleName(self.tr("Load a trusted list and its operator's certificate"))
        self.remove_button = QPushButton(self.tr("Remove l&ist"), page)
        self.remove_button.setAccessibleName(self.tr("Stop using the selected trusted list"))
        self.remove_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.load_button.clicked.connect(self.ask_load)
        self.remove_button.clicked.connect(self.remove_selected)

        def enable(*_args: object) -> None:
            self.remove_button.setEnabled(selected_row(self.table) is not None)

        self.table.selectionModel().selectionChanged.connect(enable)
        self.model.modelReset.connect(enable)

    # the cells ---------------------------------------------------------------------------------

    def _operator(self, r: TrustedListInfo) -> str:
        if not r.holds:
            return self.tr("%1 (its signature no longer holds: it grades nothing)").replace("%1", r.subject)
        return r.scheme_operator or r.subject

    def _next_update(self, r: TrustedListInfo) -> str:
        if r.next_update is None:
            return ""
        text = fmt_date(r.next_update.date())
        return self.tr("%1 (overdue)").replace("%1", text) if r.next_update < dt.datetime.now(dt.UTC) else text

    def _services(self, r: TrustedListInfo) -> str:
        if not r.holds:
            return ""
        cas = self.tr("%n qualified CA(s)", "", r.qualified_cas)  # each count with its own plural form
        tsas = self.tr("%n qualified timestamp service(s)", "", r.qualified_tsas)
        return self.tr("%1 (%2, %3)").replace("%1", str(r.services)).replace("%2", cas).replace("%3", tsas)

    def reset(self, rows: list[TrustedListInfo]) -> None:
        self.model.reset(rows)

    # loading and removing ---------------------------------------------------------------------

    def ask_load(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self.page, self.tr("Trusted list to load"), "", self.tr("Trusted lists (*.xml);;All files (*)"))
        if not name:
            return
        cert, _filter = QFileDialog.getOpenFileName(
            self.page, self.tr("Certificate of the list's operator"), str(Path(name).parent),
            self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if cert:
            self.load(Path(name), Path(cert))
        elif plain_question(self.page, self.tr("Load a trusted list"),
                            self.tr("No operator's certificate was chosen. Check the list's signer against the "
                                    "certificate authorities this registry trusts instead?")):
            self.load(Path(name), None)

    def load(self, path: Path, operator: Path | None) -> int | None:
        """Check the list's signature with the operator's certificate (None: its signer's certificate must chain to
        an anchor of the registry), then keep it (an operation on the DB worker); the ticket of the write, None
        when the list is refused (one sentence)."""
        from visitapp.signing.qualified import read_list_file

        title = self.tr("Load a trusted list")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if operator is None:
                trusted = read_list_file(path, self._anchors(), None, chain=True)
            else:
                trusted = read_list_file(path, [], operator)
        except UserError as err:
            QGuiApplication.restoreOverrideCursor()
            warn(self.page, title, str(err))
            return None
        QGuiApplication.restoreOverrideCursor()
        return self.writes.submit(registry_ops.trust_list, trusted, on_done=lambda _info: self._written(),
                                  on_error=lambda sentence: warn(self.page, title, sentence))

    def remove_selected(self) -> None:
        info = selected_row(self.table)
        if info is None:
            return
        title = self.tr("Stop using a trusted list")
        if not plain_question(  # names from the list and its operator's certificate: plain text
                self.page, title,
                self.tr("Stop using %1? Its certificate authorities are no longer anchors and nothing is graded "
                        "qualified by it from now on; what was merged stays.").replace(
                    "%1", info.scheme_operator or info.subject)):
            return
        self.writes.submit(registry_ops.distrust_anchor, info.fingerprint, on_done=lambda _info: self._written(),
                           on_error=lambda sentence: self._refused(title, sentence))
