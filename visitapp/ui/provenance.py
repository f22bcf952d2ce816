"""The "Provenance" tab of a merged visit: which signed file brought which version, who signed it, and its items.

Shown beside the notes (the capture view's side tabs) only for a visit that came
from merged minutes; a visit made in this database has no provenance and no tab.
The names are the registry's: the certificate's name of each file's first signer
(the typed author beside it when they differ), and every signature's name as
merged; all of it set as plain text (names and file names come from the files).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from visitapp.ui.labels import fmt_datetime
from visitapp.ui.safe_text import plain, plain_tooltip
from visitapp.ui.worker import DbWorker

MAX_TEXT = 120  # an item's text in the tree; the whole text is its tooltip


class ProvenanceTab(QWidget):
    """A tree of the visit's merged files (newest version's state shown) with the notes and action items each
    brought; it adds itself to ``tabs`` and is visible there only for a merged visit."""

    updated = Signal(bool)  # a visit's provenance was read: whether the tab is shown

    def __init__(self, services: Callable[[], Any], worker: DbWorker, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.services, self.worker, self.tabs = services, worker, tabs
        self.visit_id: str | None = None
        self.loaded: Any = None  # the VisitProvenance shown (tests)
        layout = QVBoxLayout(self)
        self.summary = plain(QLabel(self))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Signed files merged into this visit"))
        self.tree.setHeaderHidden(True)  # one column: it reads in the narrow side panel
        self.tree.setWordWrap(True)
        layout.addWidget(self.tree, 1)
        tabs.addTab(self, self.tr("Provenance"))
        self._set_visible(False)

    def _set_visible(self, on: bool) -> None:
        self.tabs.setTabVisible(self.tabs.indexOf(self), on)

    def load(self, visit_id: str) -> None:
        """Read the visit's provenance on the DB worker (after what is queued) and show it, or hide the tab."""
        from visitapp.registry.review import visit_provenance

        self.visit_id = visit_id
        svc = self.services()

        def shown(prov: Any) -> None:
            if self.visit_id == visit_id:
                self.show_provenance(prov)

        def failed(_err: BaseException) -> None:  # the visit went away meanwhile: nothing to show
            self.clear()
            self.updated.emit(False)

        self.worker.submit(lambda: visit_provenance(svc.db, visit_id), shown, failed)

    def clear(self) -> None:
        self.loaded = None
        self.tree.clear()
        self.summary.clear()
        self._set_visible(False)

    def show_provenance(self, prov: Any) -> None:  # a visitapp.registry.review.VisitProvenance
        self.tree.clear()
        self.loaded = prov
        if not prov.files:
            self.clear()
            self.updated.emit(False)
            return
        items_by_file: dict[int, list[Any]] = {}
        for item in prov.items:
            items_by_file.setdefault(item.file_number, []).append(item)
        current = [f for f in prov.files if not f.superseded]
        self.summary.setText(self.tr("Merged from %n signed file(s).", "", len(prov.files)) + " "
                             + self.tr("Current: %1.").replace("%1", str(len(current))))
        for f in prov.files:
            version = self.tr("version %1").replace("%1", str(f.version)) if f.version else self.tr("not finalised")
            if f.superseded:
                version += " " + self.tr("(superseded)")
            name = PurePath(f.file_name).name if f.file_name else "-"
            row = QTreeWidgetItem([f"[{f.number}] {name} — {version}"])
            row.setToolTip(0, plain_tooltip(f"{f.file_name}\nSHA-256 {f.sha256}"))  # the whole path
            facts = ((self.tr("Author"), f.author), (self.tr("Signed by"), f.signer or "?"),
                     (self.tr("Signed on"), fmt_datetime(f.signed_at) if f.signed_at else "?"))
            lines = [f"{label}: {value}" for label, value in facts]
            for item in items_by_file.get(f.number, []):
                label = self.tr("Note") if item.kind == "note" else self.tr("Action item")
                text = item.text if len(item.text) <= MAX_TEXT else item.text[:MAX_TEXT - 1] + "…"
                lines.append(f"{label}: {text}")
            for line, whole in zip(lines, [*lines[:3], *(i.text for i in items_by_file.get(f.number, []))],
                                   strict=True):
                child = QTreeWidgetItem([line])
                child.setToolTip(0, plain_tooltip(whole))
                row.addChild(child)
            self.tree.addTopLevelItem(row)
        self.tree.expandAll()
        self._set_visible(True)
        self.updated.emit(True)
