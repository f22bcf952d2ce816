"""The main window: the visit list beside the open visit, menus, status bar.

Fast start (issue 10): ``MainWindow(app, ready=False)`` is the window without its parts, shown at once with
"Opening…" where the visit list goes, before the database, the services and the widgets over them are
imported; :meth:`MainWindow.complete` builds the parts once the database is open.  This module imports only
Qt and light modules at its top for that reason; the parts are imported in :meth:`complete`.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMainWindow, QMessageBox, QSplitter, QStackedWidget, QWidget

from visitapp.errors import UserError
from visitapp.ui.settings import LAST_VISIT

if TYPE_CHECKING:
    from visitapp.ui.capture.view import CaptureView
    from visitapp.ui.coordinator_window import CoordinatorWindow
    from visitapp.ui.ops_runner import OpRunner
    from visitapp.ui.provenance import ProvenanceTab
    from visitapp.ui.visit_list import VisitListPanel


LIST_AND_VISIT = [360, 1006]  # the splitter's first sizes at 1366 px: the organisation's name has room in the list


def _qapp() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a window exists only inside a QApplication"
    return app


def signing_available() -> bool:
    return importlib.util.find_spec("visitapp.signing") is not None and \
        importlib.util.find_spec("visitapp.ui.sign_dialog") is not None


class MainWindow(QMainWindow):
    def __init__(self, app, parent: QWidget | None = None, *, ready: bool = True) -> None:
        super().__init__(parent)  # app: visitapp.ui.app.Application
        self.app = app
        self.ready = False  # the parts below exist (complete() ran)
        self._watching_focus = False  # connected to the application's focusChanged
        self.setWindowTitle(self.tr("visitapp — visit notes"))
        self.opening = QLabel(self.tr("Opening…"), self)  # where the visit list goes, until it exists
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Until the parts exist, Ctrl+N does nothing yet: the right side says what is happening, not what to do.
        self.empty = QLabel(self.tr("Opening the database…"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.opening)
        self.splitter.addWidget(self.pages)
        # The visit list grows with the window (a wide one leaves the organisation's name whole), the visit more.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(LIST_AND_VISIT)
        self.setCentralWidget(self.splitter)

        self.saved_label = QLabel(self)
        self.saved_label.setAccessibleName(self.tr("Storage status"))
        self.who_label = QLabel(self)
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)  # a person's name
        self.status_separator = QFrame(self)  # between whose notes these are and whether they are stored
        self.status_separator.setFrameShape(QFrame.Shape.VLine)
        self.status_separator.setFrameShadow(QFrame.Shadow.Sunken)
        self.status_separator.hide()  # until there is something stored to say
        self.statusBar().addPermanentWidget(self.who_label)
        self.statusBar().addPermanentWidget(self.status_separator)
        self.statusBar().addPermanentWidget(self.saved_label)
        self.coordinator: CoordinatorWindow | None = None  # the coordinator's window, made when first asked for
        self._restore_geometry()
        if ready:
            self.complete()

    def complete(self) -> None:
        """Build the parts over the open database: the visit list, the capture view, menus (the services exist)."""
        from visitapp.ui.capture.view import CaptureView
        from visitapp.ui.ops_runner import OpRunner
        from visitapp.ui.provenance import ProvenanceTab
        from visitapp.ui.visit_list import VisitListPanel

        app = self.app
        # Every change goes through the core's operations on the one DB worker; the core keeps undo/redo.
        self.runner: OpRunner = getattr(app, "runner", None) or OpRunner(app.worker, lambda: app.services().history,
                                                                         self)
        self.list_panel: VisitListPanel = VisitListPanel(app.services, self)
        self.capture: CaptureView = CaptureView(app.services, app.worker, self.runner, self)
        # A merged visit shows where it came from (which signed file, who signed which version) beside its notes.
        self.provenance: ProvenanceTab = ProvenanceTab(app.services, app.worker, self.capture.side)
        self.pages.addWidget(self.capture)
        sizes = self.splitter.sizes() if self.isVisible() else LIST_AND_VISIT  # a splitter never laid out has none
        self.splitter.replaceWidget(0, self.list_panel)
        self.opening.deleteLater()
        self.empty.setText(self.tr("Choose a visit from the list, or prepare a new one with Ctrl+N."))
        self.splitter.setSizes(sizes)
        self.ready = True
        self.update_identity()

        self._build_menus()
        self.list_panel.openRequested.connect(self.open_visit)
        self.capture.stored.connect(self._stored)
        self.capture.failed.connect(self._failed)
        self.capture.visitChanged.connect(self.list_panel.update_visit)
        _qapp().focusChanged.connect(self._focus_changed)
        self._watching_focus = True
        self.restore_state()

    # menus -----------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        if menu is not None:
            menu.addAction(action)
        else:
            self.addAction(action)
        return action

    def _build_menus(self) -> None:
        from visitapp.ui import undo
        from visitapp.ui.labels import KINDS, kind_label

        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(file, self.tr("&New visit…"), self.new_visit, QKeySequence.StandardKey.New, "newVisit")
        self._action(file, self.tr("&Settings…"), self.show_settings, "Ctrl+,", "settings")
        self._action(file, self.tr("&Coordinator: merge, actions, reports…"), self.show_coordinator,
                     "Ctrl+Shift+K", "coordinator")
        self._action(file, self.tr("C&heck signed minutes…"), self.check_minutes, None, "checkMinutes")
        self._action(file, self.tr("Co-&sign minutes…"), self.cosign_minutes, None, "cosignMinutes")
        file.addSeparator()
        from visitapp.ui.rekey_dialog import DatabaseMenu  # Encrypt, Change password, Remove protection

        self.database_menu = DatabaseMenu(file, lambda window: window.app, self)
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([self.undo_action, self.redo_action])
        undo.bind(self.runner, self.undo_action, self.redo_action, self.capture.undo, self.capture.redo)
        edit.addSeparator()
        self._action(edit, self.tr("&Search visits"), self.focus_search, QKeySequence.StandardKey.Find, "search")

        visit = bar.addMenu(self.tr("&Visit"))
        self.visit_actions = [
            self._action(visit, self.tr("&Details…"), self.edit_visit, "Ctrl+E", "details"),
            self._action(visit, self.tr("Go to &notes"), self.focus_notes, "Ctrl+L", "notes"),
            self._action(visit, self.tr("&Previous section"), lambda: self.capture.step_section(-1), "Ctrl+PgUp"),
            self._action(visit, self.tr("Ne&xt section"), lambda: self.capture.step_section(1), "Ctrl+PgDown"),
            self._action(visit, self.tr("&Move note to section…"), lambda: self.capture.move_note(None), "Ctrl+M"),
            self._action(visit, self.tr("Make &action item…"), lambda: self.capture.make_action(None), "Ctrl+Shift+A"),
        ]
        for n in range(1, 10):
            self.visit_actions.append(
                self._action(None, "", lambda _c=False, n=n: self.capture.goto_section(n), f"Alt+{n}"))
        visit.addSeparator()
        self.sign_action = self._action(visit, self.tr("&Finalise and sign…"), self.finalise, "Ctrl+Shift+S",
                                        "finaliseSign")
        if not signing_available():
            self.sign_action.setEnabled(False)
            self.sign_action.setToolTip(self.tr("Signing is not installed in this copy of visitapp yet."))
        else:
            self.visit_actions.append(self.sign_action)  # disabled until a visit is open
        visit.setToolTipsVisible(True)

        kinds = bar.addMenu(self.tr("&Kind"))
        for i, kind in enumerate(KINDS, 1):
            self.visit_actions.append(
                self._action(kinds, kind_label(kind), lambda _c=False, k=kind: self.capture.apply_kind(k), f"Ctrl+{i}"))

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                     QKeySequence.StandardKey.HelpContents)
        from visitapp.ui.about import AboutAction  # licences of everything the app ships

        help_menu.addAction(AboutAction(self))
        self._enable_visit_actions(False)

    def _enable_visit_actions(self, on: bool) -> None:
        for action in self.visit_actions:
            action.setEnabled(on)

    # visits ----------------------------------------------------------------
    def open_visit(self, visit_id: str, note_id: str | None = None) -> None:
        try:
            if self.capture.visit is not None and self.capture.visit.id != visit_id:
                self._clear_history()
            self.capture.open(visit_id, note_id)
        except UserError as err:
            self._failed(str(err))
            return
        self.provenance.load(self.capture.visit.id if self.capture.visit else visit_id)  # a short id resolved
        self.pages.setCurrentWidget(self.capture)
        self._enable_visit_actions(True)
        self.list_panel.select_visit(visit_id)
        self.app.settings.set(LAST_VISIT, visit_id)  # reopened at the next start, after a crash too
        self.app.settings.sync()
        if note_id:
            self.capture.tree.select_note(note_id)
        self.capture.focus_capture()

    def new_visit(self) -> None:
        from visitapp.ui.prepare import PrepareDialog

        self.capture.flush()
        dialog = PrepareDialog(self.app.services(), None, self)
        if dialog.exec() and dialog.visit_id:
            self.list_panel.reload_series()
            self.open_visit(dialog.visit_id)

    def edit_visit(self) -> None:
        if self.capture.visit is None:
            return
        from visitapp.ui.prepare import PrepareDialog

        self.capture.flush()
        dialog = PrepareDialog(self.app.services(), self.capture.visit.id, self)
        if dialog.exec():
            self.open_visit(self.capture.visit.id)
            self.list_panel.reload()

    def finalise(self) -> None:
        if self.capture.visit is None:
            return
        from visitapp.ui.sign_dialog import SignDialog

        self.capture.flush()  # the worker stores what was typed before it finalises
        visit_id = self.capture.visit.id
        dialog = SignDialog(self.app.services(), visit_id, self.app.worker, self.app.settings, self)
        dialog.exec()
        if dialog.result_export is not None:
            self.list_panel.reload()  # the visit is finalised now
        dialog.deleteLater()

    # focus and panels --------------------------------------------------------
    def focus_search(self) -> None:
        self.list_panel.search.setFocus()
        self.list_panel.search.selectAll()

    def focus_notes(self) -> None:
        self.capture.tree.setFocus()
        self.capture.tree.select_first()

    def show_shortcuts(self) -> None:
        from visitapp.ui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_settings(self) -> None:
        from visitapp.ui.settings_dialog import SettingsDialog

        self.capture.flush()
        dialog = SettingsDialog(self.app.settings, str(self.app.db_path), self)
        if dialog.exec():
            dialog.store()
            self.app.settings_changed()

    def update_identity(self) -> None:
        identity = self.app.services().identity
        self.runner.history.identity = identity  # notes added from now on are attributed to the new name
        who = identity.name
        if self.app.settings.identity_set():
            self.who_label.setText(self.tr("Notes by: %1").replace("%1", who))
        else:
            self.who_label.setText(self.tr("Notes by: %1 (set your name in Settings)").replace("%1", who))

    # undo and redo: the core's history (visitapp.ui.undo.bind follows it) ----------------
    def _clear_history(self) -> None:
        """Another visit is opened: Ctrl+Z must not change the one no longer shown (as before, per visit)."""
        history = self.runner.history

        def cleared(_result: object) -> None:
            self.runner.undo_label = self.runner.redo_label = ""
            self.runner.historyChanged.emit("", "")  # the Edit menu follows

        self.app.worker.submit(history.clear, cleared)  # after the operations queued before it

    # status ----------------------------------------------------------------
    def _stored(self, when: dt.datetime) -> None:
        from visitapp.ui.labels import fmt_time

        self.saved_label.setStyleSheet("")
        self.status_separator.show()
        self.saved_label.setText(self.tr("All changes stored at %1").replace("%1", fmt_time(when, seconds=True)))

    def _failed(self, message: str) -> None:
        self.saved_label.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.status_separator.show()
        self.saved_label.setText(self.tr("Not stored!"))
        self.statusBar().showMessage(message, 15000)

    def _focus_changed(self, _old, _new) -> None:
        self.capture.flush()

    # state -----------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.app.settings.state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1366, 768)

    def restore_state(self) -> None:
        settings = self.app.settings
        for splitter in (self.splitter, self.capture.splitter):
            state = settings.state(splitter.objectName())
            if state is not None:
                splitter.restoreState(state)

    def save_state(self) -> None:
        settings = self.app.settings
        settings.set_state("geometry", self.saveGeometry())
        if not self.ready:
            settings.sync()
            return
        for splitter in (self.splitter, self.capture.splitter):
            settings.set_state(splitter.objectName(), splitter.saveState())
        settings.sync()

    def check_minutes(self) -> None:
        """File → Check signed minutes…: the verify report of a signed PDF, trusted as this database trusts."""
        from visitapp.registry.trust import TrustStore
        from visitapp.ui.check_dialog import CheckDialog

        services = self.app.services
        dialog = CheckDialog(lambda: TrustStore(services().db).policy(), self)
        dialog.setObjectName("checkDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _reload_provenance(self) -> None:
        if self.capture.visit is not None:
            self.provenance.load(self.capture.visit.id)

    def cosign_minutes(self) -> None:
        """File → Co-sign minutes…: add my signature to minutes a colleague signed (the remembered certificate)."""
        from visitapp.ui.cosign_dialog import CosignDialog

        dialog = CosignDialog(self.app.settings, self)
        dialog.setObjectName("cosignDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_coordinator(self) -> None:
        """The coordinator's window over the same database (one per main window)."""
        from visitapp.ui.coordinator_window import CoordinatorWindow

        if self.coordinator is None:
            self.coordinator = CoordinatorWindow(self.app.services, self, runner=self.runner)  # one DB worker
            self.coordinator.view.registryChanged.connect(self.list_panel.reload)
            self.coordinator.view.registryChanged.connect(self._reload_provenance)  # a merge into the open visit
        self.coordinator.view.refresh()
        self.coordinator.show()
        self.coordinator.raise_()
        self.coordinator.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ready:  # closed while the database was still opening: nothing typed yet
            self.save_state()
            event.accept()
            return
        self.capture.flush()
        if self._watching_focus:  # (a window closed twice, as a test's cleanup does, disconnects once)
            _qapp().focusChanged.disconnect(self._focus_changed)
            self._watching_focus = False
        self.save_state()
        if getattr(self.app, "replacing", False):
            self._close_coordinator()
            event.accept()
            return
        self.app.worker.wait()
        QApplication.processEvents()  # deliver the last results (a failure marks its draft dirty again)
        if self.capture.unsaved():
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Some text could not be stored (see the status bar). Quit anyway and lose it?"))
            if answer != QMessageBox.StandardButton.Yes:
                _qapp().focusChanged.connect(self._focus_changed)
                self._watching_focus = True
                event.ignore()
                return
        self._close_coordinator()
        event.accept()

    def _close_coordinator(self) -> None:
        if self.coordinator is not None:
            self.coordinator.view.shutdown()  # waits for a running merge's current file
            self.coordinator.close()
