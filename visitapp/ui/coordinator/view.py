"""The coordinator's view: merge, trust, follow up actions, settle disagreements, report and plan."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from visitapp.ui.coordinator.actions_page import ActionsPage
from visitapp.ui.coordinator.common import ServicesRef
from visitapp.ui.coordinator.disagreements_page import DisagreementsPage
from visitapp.ui.coordinator.merge_page import MergePage
from visitapp.ui.coordinator.people_page import PeoplePage
from visitapp.ui.coordinator.reports_page import ReportsPage
from visitapp.ui.coordinator.tasks import stop_all
from visitapp.ui.coordinator.trust_page import TrustPage


class CoordinatorView(QWidget):
    """One widget with a tab per task; ``services`` is a Services or a function returning the current one.

    ``registryChanged`` tells the rest of the window that visits, notes or action
    items changed (after a merge, a settled disagreement, an imported plan).
    Call :meth:`shutdown` before the database closes: a running merge stops
    after its current file.
    """

    registryChanged = Signal()

    def __init__(self, services: ServicesRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordinatorView")
        self.setAccessibleName(self.tr("Coordinator"))
        self.services = services
        self.merge = MergePage(services, self)
        self.trust = TrustPage(services, self)
        self.actions = ActionsPage(services, self)
        self.disagreements = DisagreementsPage(services, self)
        self.reports = ReportsPage(services, self)
        self.people = PeoplePage(services, self)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Coordinator's tasks"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.merge, self.tr("Merge"))
        self.tabs.addTab(self.trust, self.tr("Trusted signers"))
        self.tabs.addTab(self.actions, self.tr("Action items"))
        self.tabs.addTab(self.disagreements, "")
        self.tabs.addTab(self.reports, self.tr("Reports and plans"))
        self.tabs.addTab(self.people, self.tr("People"))
        for i, name in enumerate((self.tr("Merge signed minutes"), self.tr("Trusted signers"),
                                  self.tr("Follow up action items"), self.tr("Disagreements to settle"),
                                  self.tr("Reports and plans"), self.tr("People and their personal data"))):
            self.tabs.widget(i).setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

        self.merge.merged.connect(self._merged)
        self.trust.changed.connect(self.registryChanged)  # trust changes nothing merged, but the lead may show it
        self.actions.changed.connect(self.registryChanged)
        self.disagreements.changed.connect(self.registryChanged)
        self.disagreements.countChanged.connect(self._count)
        self.reports.changed.connect(self._plan_imported)
        self.people.changed.connect(self._plan_imported)  # an erasure changed names: read everything again
        self._count(self.disagreements.model.rowCount())

    def _count(self, n: int) -> None:
        i = self.tabs.indexOf(self.disagreements)
        self.tabs.setTabText(i, self.tr("Disagreements (%1)").replace("%1", str(n)) if n
                             else self.tr("Disagreements"))

    def _merged(self, results: list) -> None:
        if any(r.status == "accepted" for r in results):
            self.refresh()
            self.registryChanged.emit()

    def _plan_imported(self) -> None:
        self.refresh()
        self.registryChanged.emit()

    def refresh(self) -> None:
        """Read again what other windows or processes may have changed."""
        self.trust.reload()
        self.actions.reload()
        self.disagreements.reload()
        self.reports.reload()
        self.people.reload()

    @property
    def busy(self) -> bool:
        return self.merge.busy or self.reports.busy or self.people.busy

    def shutdown(self) -> None:
        self.merge.shutdown()
        self.reports.shutdown()
        stop_all()
