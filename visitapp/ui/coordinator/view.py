"""The coordinator's view: merge, trust, follow up actions, settle disagreements, report and plan."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from visitapp.ui.coordinator.actions_page import ActionsPage
from visitapp.ui.coordinator.common import ServicesRef, current
from visitapp.ui.coordinator.disagreements_page import DisagreementsPage
from visitapp.ui.coordinator.merge_page import MergePage
from visitapp.ui.coordinator.people_page import PeoplePage
from visitapp.ui.coordinator.reports_page import ReportsPage
from visitapp.ui.coordinator.tasks import stop_all
from visitapp.ui.coordinator.trust_page import TrustPage
from visitapp.ui.coordinator.writes import Writes
from visitapp.ui.ops_runner import OpRunner


class CoordinatorView(QWidget):
    """One widget with a tab per task; ``services`` is a Services or a function returning the current one.

    ``registryChanged`` tells the rest of the window that visits, notes or action
    items changed (after a merge, a settled disagreement, an imported plan).
    Call :meth:`shutdown` before the database closes: a running merge stops
    after its current file.

    Every write of the pages is a core operation submitted to ``runner`` (the
    main window's :class:`OpRunner`, so the one DB worker and the one undo
    history); without one the view makes a worker and runner of its own.
    ``writes.busy`` says whether a write is still on its way.
    """

    registryChanged = Signal()

    def __init__(self, services: ServicesRef, parent: QWidget | None = None, *,
                 runner: OpRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordinatorView")
        self.setAccessibleName(self.tr("Coordinator"))
        self.services = services
        self.writes = (Writes(runner, self) if runner is not None
                       else Writes.own(lambda: current(services).history, self))
        self.merge = MergePage(services, self, writes=self.writes)
        self.trust = TrustPage(services, self, writes=self.writes)
        self.actions_page = ActionsPage(services, self, writes=self.writes)
        self.disagreements = DisagreementsPage(services, self, writes=self.writes)
        self.reports = ReportsPage(services, self, writes=self.writes)
        self.people = PeoplePage(services, self, writes=self.writes)
        self.merge.trust_page = self.trust  # "Trust this signer and merge again" confirms and stores there

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Coordinator's tasks"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.merge, self.tr("Merge"))
        self.tabs.addTab(self.trust, self.tr("Trusted signers"))
        self.tabs.addTab(self.actions_page, self.tr("Action items"))
        self.tabs.addTab(self.disagreements, "")
        self.tabs.addTab(self.reports, self.tr("Reports and plans"))
        self.tabs.addTab(self.people, self.tr("People"))
        for i, name in enumerate((self.tr("Merge signed minutes"), self.tr("Trusted signers"),
                                  self.tr("Follow up action items"), self.tr("Disagreements to settle"),
                                  self.tr("Reports and plans"), self.tr("People and their personal data"))):
            page = self.tabs.widget(i)
            assert page is not None  # one tab per name, added above
            page.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

        self.merge.merged.connect(self._merged)
        self.writes.undone.connect(lambda _changes: self.refresh())  # Edit > Undo of a settled disagreement…
        self.trust.changed.connect(self.registryChanged)  # trust changes nothing merged, but the lead may show it
        self.actions_page.changed.connect(self.registryChanged)
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
        self.actions_page.reload()
        self.disagreements.reload()
        self.reports.reload()
        self.people.reload()

    @property
    def busy(self) -> bool:
        return self.merge.busy or self.reports.busy or self.people.busy or self.writes.busy

    def shutdown(self) -> None:
        self.merge.shutdown()
        self.reports.shutdown()
        stop_all()
        self.writes.shutdown()  # waits for writes still queued on a worker of its own
