"""The capture screen of one open visit: sections and notes, the capture box, fields, action items.

Every change is a core operation (:mod:`visitapp.ops`) submitted to the one DB worker through the
:class:`~visitapp.ui.ops_runner.OpRunner`: the GUI thread never commits and never waits on a write.
A note shows at once (a pending row) and the status bar says "stored" when the commit is reported;
the notes model then updates only the rows the operation changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMenu, QSplitter, QTabWidget, QVBoxLayout, QWidget

from visitapp import ops
from visitapp.domain import ACTION_KIND
from visitapp.registry.review import visit_signers
from visitapp.services import Services
from visitapp.services.dto import ActionInfo, NoteInfo, VisitInfo
from visitapp.templates import visit_template
from visitapp.ui.capture.action_dialog import ActionDialog
from visitapp.ui.capture.actions_panel import ActionsPanel
from visitapp.ui.capture.capture_box import CaptureBox
from visitapp.ui.capture.fields_panel import FieldsPanel
from visitapp.ui.capture.notes_model import PENDING_POSITION
from visitapp.ui.capture.notes_tree import NotesTree
from visitapp.ui.capture.op_results import CAPTURE_KEY, OpResults
from visitapp.ui.capture.visit_header import VisitHeader
from visitapp.ui.drafts import DraftKeeper
from visitapp.ui.labels import VISIBILITIES, fmt_datetime, visibility_label, visit_time
from visitapp.ui.ops_runner import OpRunner
from visitapp.ui.worker import DbWorker


class CaptureView(OpResults, QWidget):
    stored = Signal(object)  # when a change was committed (dt.datetime)
    failed = Signal(str)  # a change could not be stored
    visitChanged = Signal(object)  # the VisitInfo of a visit whose row in the list may have changed

    def __init__(self, services, worker: DbWorker, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.worker, self.runner = services, worker, runner
        self.visit: VisitInfo | None = None
        self._pending_edit: str | None = None  # a restored draft for the next in-place editor
        self.section = ""
        self.lang = "en"
        self._tags: list[str] = []
        self._actions: list[ActionInfo] = []
        self._keepers: dict[str, DraftKeeper] = {}
        self._tickets: dict[int, tuple] = {}  # ticket -> what to do when that operation is reported
        self._deferred: dict[str, list[Callable[[str], object]]] = {}  # pending note -> changes asked of it

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = VisitHeader(self)  # the number of notes in a fixed label: a new note lays nothing out again
        layout.addWidget(self.header)
        self.warning = QLabel(self)
        self.warning.setStyleSheet("QLabel { background: #b00020; color: white; padding: 4px; }")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)  # errors can quote a note
        self.warning.hide()
        layout.addWidget(self.warning)

        self.tree = NotesTree(self)
        self.box = CaptureBox(lambda: self._tags, self)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.tree)
        left.addWidget(self.box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        self.fields = FieldsPanel(self)
        self.actions_panel = ActionsPanel(self)
        self.side = QTabWidget(self)
        self.side.addTab(self.fields, self.tr("Fields"))
        self.side.addTab(self.actions_panel, self.tr("Action items"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("captureSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 4)  # the notes get the room; the fields panel keeps its minimum
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 260])
        self.inner = left
        layout.addWidget(self.splitter, 1)

        self.box.submitted.connect(self.add_note)
        self.tree.sectionChosen.connect(self.set_section)
        self.tree.leave.connect(self.focus_capture)
        self.tree.deleteRequested.connect(self.delete_note)
        self.tree.reorderRequested.connect(self.reorder_note)
        self.tree.dropRequested.connect(self.drop_note)
        self.tree.moveSectionRequested.connect(lambda nid, step: self.move_note(nid, self._neighbour(step)))
        self.tree.delegate.editorOpened.connect(self._editor_opened)
        self.tree.delegate.editCommitted.connect(
            lambda nid, text: QTimer.singleShot(0, lambda: self.edit_note(nid, text)))  # after the editor closes
        self.tree.tags_delegate.tagsCommitted.connect(
            lambda nid, tags: QTimer.singleShot(0, lambda: self.edit_tags(nid, tags)))  # after the editor closes
        self.fields.answerChanged.connect(self._set_answer)
        self.actions_panel.editRequested.connect(self.edit_action)
        self.actions_panel.deleteRequested.connect(lambda aid: self._submit(None, ops.delete_action, aid))
        runner.finished.connect(self._finished)
        runner.failed.connect(self._op_failed)
        for number, value in enumerate(VISIBILITIES, 1):  # Ctrl+Shift+1…3: the next note's, or the selected note's
            shortcut = QShortcut(QKeySequence(f"Ctrl+Shift+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda v=value: self.apply_visibility(v))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._note_menu)

    # opening --------------------------------------------------------------
    @property
    def svc(self) -> Services:
        return self.services()

    def open(self, visit_id: str, note_id: str | None = None) -> None:
        self.flush()
        old = list(self._keepers.values())
        self._keepers.clear()
        if old and not self.worker.closed:  # gone once the stores they queued have reported (to their signals)
            def gone(_result: object) -> None:
                for keeper in old:
                    keeper.deleteLater()

            self.worker.submit(lambda: None, gone)
        else:
            for keeper in old:
                keeper.deleteLater()
        self.visit = self.svc.visits.get(visit_id)
        self.lang = self._lang()
        self.template = visit_template(self.visit.template_key, self.visit.agenda, self.visit.agenda_sections)
        self.section = ""
        self.box.default_visibility = self.visit.default_visibility  # the visit says what new notes start as
        self.box.clear()
        keeper = self._keeper(CAPTURE_KEY, self.box.text, self.box.state)
        self.box.textChanged.connect(keeper.changed)
        self.box.visibility.currentIndexChanged.connect(keeper.changed)
        self.box.kinds.idClicked.connect(keeper.changed)
        self.refresh(note_id)
        self.fields.populate(self.template, self.lang, self.svc.answers.list(visit_id))
        self.set_section(self.template.sections[0].key)
        if note_id:
            note = self._note(note_id)
            if note is not None:
                self.set_section(note.section)
                self.tree.select_note(note_id)
        self._restore_drafts()
        self.focus_capture()

    @staticmethod
    def _lang() -> str:
        return "pl" if QLocale().language() == QLocale.Language.Polish else "en"

    def _restore_drafts(self) -> None:
        assert self.visit is not None  # called as a visit opens
        drafts = self.svc.drafts.list(self.visit.id)
        capture = drafts.pop(CAPTURE_KEY, None)
        if capture is not None:
            keeper = self._keepers[CAPTURE_KEY]
            self.box.blockSignals(True)
            self.box.restore(capture.text, capture.data)
            self.box.blockSignals(False)
            if capture.text.strip():  # say so: the text in the box was not typed just now
                self.box.show_draft_restored(fmt_datetime(capture.updated_at))
            keeper.dirty = False
            keeper.last_stored = capture.text
            if capture.data.get("section") in self.template.section_keys:
                self.set_section(capture.data["section"])
        for key, draft in drafts.items():
            note_id = key.removeprefix("note:")
            if key.startswith("note:") and self.tree.select_note(note_id):
                self._pending_edit = draft.text
                self.tree.edit_current()

    def _keeper(self, key: str, text, data=None) -> DraftKeeper:
        assert self.visit is not None  # drafts belong to the open visit
        state: Callable[[], dict] = data or (lambda: {})
        keeper = DraftKeeper(self.worker, self.services, self.visit.id, key, text,
                             lambda: {**state(), "section": self.section}, self)
        keeper.stored.connect(self.stored)
        keeper.failed.connect(self._draft_failed)
        keeper.stored.connect(lambda _t: self.warning.hide())
        self._keepers[key] = keeper
        return keeper

    @property
    def notes(self) -> list[NoteInfo]:
        """The notes shown, in order (the model's rows)."""
        return self.tree.notes_model.notes()

    def refresh(self, select: str | None = None) -> None:
        """Read the whole visit again (opening it); changes after that arrive row by row."""
        if self.visit is None:
            return
        svc = self.svc
        self.visit = svc.visits.get(self.visit.id)
        notes = svc.notes.list(self.visit.id)
        self._tags = svc.notes.tags()
        self.tree.populate(self.template, self.lang, notes, self.section, select, self.visit.time_zone)
        self._show_header()
        self._show_actions(svc.actions.list(visit_id=self.visit.id))
        self._load_signers(self.visit.id)

    def _load_signers(self, visit_id: str) -> None:
        """Merged notes are shown by their signer's certificate name: read once, on the DB worker."""
        if self.worker.closed:
            return
        svc = self.svc

        def show(signers: dict[str, str]) -> None:
            if signers and self.visit is not None and self.visit.id == visit_id:
                self.tree.set_signers(signers)

        self.worker.submit(lambda: visit_signers(svc.db, visit_id).notes, show, lambda err: self._error(str(err)))

    def _show_header(self) -> None:
        """The visit's name, time and place (formatted when the visit changes) and its number of notes."""
        visit = self.visit
        assert visit is not None  # a header only for an open visit
        shown = (visit.organisation.name, visit.title, visit.starts_at, visit.time_zone, visit.place)
        if getattr(self, "_header_of", None) != shown:
            self._header_of = shown
            self.header.show_visit(f"<b>{_esc(visit.organisation.name)}</b> — {_esc(visit.title)}<br>"
                                   f"{visit_time(visit.starts_at, visit.time_zone)} · {_esc(visit.place)}")
        self.header.show_count(self.tr("%n note(s)", "", self.tree.notes_model.note_count()))

    def _show_actions(self, actions: list[ActionInfo]) -> None:
        if actions != self._actions:
            self._actions = actions
            self.actions_panel.populate(actions)

    # sections and kinds ----------------------------------------------------
    def set_section(self, key: str) -> None:
        if not key or self.visit is None or key == self.section:
            return
        self.section = key
        number = self.template.section_keys.index(key) + 1
        title = self.template.section(key).title.get(self.lang)
        label = self.tr("Section %1: %2").replace("%1", str(number)).replace("%2", title)
        self.box.show_section(label)
        self.tree.mark_section(key)
        self.fields.show_section(key)
        if self.box.text().strip():
            self._keepers[CAPTURE_KEY].changed()

    def _neighbour(self, step: int) -> str:
        keys = self.template.section_keys
        return keys[max(0, min(len(keys) - 1, keys.index(self.section) + step))]

    def step_section(self, step: int) -> None:
        if self.visit is None:
            return
        self.set_section(self._neighbour(step))
        item = self.tree.section_item(self.section)
        if item is not None:
            self.tree.scrollToItem(item)

    def goto_section(self, number: int) -> None:
        if self.visit is not None and 0 < number <= len(self.template.sections):
            self.set_section(self.template.section_keys[number - 1])

    def apply_kind(self, kind: str, note_id: str | None = None) -> None:
        """Ctrl+1…6: the kind of the selected note when the notes have focus, else of the next note."""
        if note_id is not None:  # a note that was pending when asked
            self._note_kind(note_id, kind)
            return
        note_id = self.tree.current_note_id()
        if self.tree.hasFocus() and note_id:
            if not self._later(note_id, lambda nid: self.apply_kind(kind, nid)):
                self._note_kind(note_id, kind)
        else:
            self.box.set_kind(kind)
            self._keepers[CAPTURE_KEY].changed()

    def apply_visibility(self, value: str, note_id: str | None = None) -> None:
        """Ctrl+Shift+1…3: the visibility of the selected note when the notes have focus, else of the next note."""
        if note_id is None and not self.tree.hasFocus():
            self.box.set_visibility(value)
            return
        note_id = note_id or self.tree.current_note_id()
        note = self._note(note_id) if note_id else None
        if note is None or self._later(note.id, lambda nid: self.apply_visibility(value, nid)):
            return
        if note.visibility != value:
            self.tree.notes_model.update_local(note.id, visibility=value)
            self._submit(("edit", note.id), ops.set_note_visibility, note.id, value)

    def _note_menu(self, pos) -> None:
        """The context menu of a note: who may read it (and the other changes the keyboard offers)."""
        index = self.tree.indexAt(pos)
        note = self.tree.notes_model.note_at(index)
        if note is None:
            return
        self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        for number, value in enumerate(VISIBILITIES, 1):
            action = menu.addAction(visibility_label(value))
            action.setCheckable(True)
            action.setChecked(note.visibility == value)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{number}"))
            action.setData(value)
        menu.addSeparator()
        move = menu.addAction(self.tr("Move to section…"))
        chosen = menu.exec(self.tree.viewport().mapToGlobal(pos))
        if chosen is move:
            self.move_note(note.id)
        elif chosen is not None and chosen.data():
            self.apply_visibility(chosen.data(), note.id)

    def _note_kind(self, note_id: str, kind: str) -> None:
        note = self._note(note_id)
        if note and note.kind != kind:
            self.tree.notes_model.update_local(note_id, kind=kind)
            self._submit(("edit", note_id), ops.edit_note, note_id, kind=kind)
            if kind == ACTION_KIND:
                self.make_action(note_id)

    # note operations: each one submitted to the DB worker, shown at once --------------
    def add_note(self) -> None:
        text = self.box.text()
        if self.visit is None or not text.strip():
            return
        kind, state = self.box.kind(), self.box.state()
        values = {"section": self.section, "kind": kind, "tags": self.box.tags.tags(),
                  "visibility": self.box.visibility.currentData()}
        now = dt.datetime.now(dt.UTC)
        shown = NoteInfo("", self.visit.id, self.section, kind, text.strip(), self.svc.identity.name, now, now,
                         tuple(values["tags"]), PENDING_POSITION, values["visibility"], False)
        pending, section = self.tree.notes_model.add_pending(shown), self.section
        self.box.clear()
        self._show_header()
        self.tree.select_note(pending)
        self.focus_capture()  # the GUI's part done before the worker's Python competes with it for the GIL:
        ticket = self.runner.submit(ops.add_note, self.visit.id, text, **values)
        self._tickets[ticket] = ("add", pending, text, state, section, self.visit.id)
        self._keepers[CAPTURE_KEY].discard()  # after the note (and the box's clearing): the draft goes once stored

    def edit_note(self, note_id: str, text: str) -> None:
        note = self._note(note_id)
        if note is None or not text.strip() or self._later(note_id, lambda nid: self.edit_note(nid, text)):
            return
        self.tree.notes_model.update_local(note_id, text=text.strip())
        self._submit(("edit", note_id), ops.edit_note, note_id, text=text)

    def edit_tags(self, note_id: str, tags: list[str]) -> None:
        """Tags typed in the notes list: shown and stored through an operation (undoable)."""
        note = self._note(note_id)
        if note is None or self._later(note_id, lambda nid: self.edit_tags(nid, tags)):
            return
        self.tree.notes_model.update_local(note_id, tags=tuple(tags))
        self._submit(("edit", note_id), ops.edit_note, note_id, tags=tags)

    def delete_note(self, note_id: str) -> None:
        if self._later(note_id, self.delete_note):
            return
        self.tree.notes_model.remove(note_id)
        self._show_header()
        self._submit(("resync", note_id), ops.delete_note, note_id)

    def reorder_note(self, note_id: str, step: int) -> None:
        row = self.tree.notes_model.row_in_section(note_id)
        note = self._note(note_id)
        if note is None or row is None or row + step < 0:
            return
        if self._later(note_id, lambda nid: self.reorder_note(nid, step)):
            return
        self.tree.notes_model.move_local(note_id, note.section, row + step)
        self._submit(("resync", note_id), ops.reorder_note, note_id, row + step)

    def drop_note(self, note_id: str, section: str, index: int) -> None:
        """A note dragged with the mouse to ``index`` in ``section``: shown at once, one undo step."""
        note = self._note(note_id)
        if (note is None or (note.section == section and self.tree.notes_model.row_in_section(note_id) == index)
                or self._later(note_id, lambda nid: self.drop_note(nid, section, index))):
            return
        self.tree.notes_model.move_local(note_id, section, index)
        self.tree.select_note(note_id)
        op = (ops.reorder_note, note_id, index) if section == note.section else (ops.move_note, note_id, section, index)
        self._submit(("resync", note_id), *op)

    def move_note(self, note_id: str | None, section: str | None = None) -> None:
        """Move a note to another section (asks which when none is given)."""
        note_id = note_id or self.tree.current_note_id()
        note = self._note(note_id) if note_id else None
        if note is None or self._later(note.id, lambda nid: self.move_note(nid, section)):
            return
        if section is None:
            titles = [f"{i}. {s.title.get(self.lang)}" for i, s in enumerate(self.template.sections, 1)]
            current = self.template.section_keys.index(note.section)
            title, ok = QInputDialog.getItem(self, self.tr("Move note"), self.tr("To section:"), titles, current, False)
            if not ok:
                return
            section = self.template.section_keys[titles.index(title)]
        if section != note.section:
            was_current = self.tree.current_note_id() == note.id
            self.tree.notes_model.move_local(note.id, section, None)
            if was_current:  # the row left its section: select it where it went
                self.tree.select_note(note.id)
            self._submit(("resync", note.id), ops.move_note, note.id, section, None)

    def make_action(self, note_id: str | None = None) -> None:
        note_id = note_id or self.tree.current_note_id()
        note = self._note(note_id) if note_id else None
        if note is None or self._later(note.id, self.make_action):
            return
        existing = next((a for a in self._actions if a.note_id == note_id), None)
        dialog = ActionDialog(note.text, self._owners(), existing.owner if existing else "",
                              existing.due_date if existing else None, self, due_days=self._due_days())
        if dialog.exec():
            owner, due = dialog.values()
            self._submit(None, ops.make_action, note_id, owner=owner, due_date=due)
        self.focus_capture()

    def edit_action(self, action_id: str) -> None:
        action = next((a for a in self._actions if a.id == action_id), None)
        if action is None:
            return
        dialog = ActionDialog(action.description, self._owners(), action.owner, action.due_date, self)
        if dialog.exec():
            owner, due = dialog.values()
            self._submit(None, ops.edit_action, action_id, owner=owner, due_date=due)

    def _due_days(self) -> int:
        """How many days from today a new action item is due (Settings; 14 without the app's settings)."""
        from visitapp.ui.settings import DUE_DAYS

        app = getattr(self.window(), "app", None)
        return app.settings.get(DUE_DAYS) if app is not None else DUE_DAYS.default

    def _owners(self) -> list[str]:
        assert self.visit is not None  # action items are made in the open visit
        names = [p.person.name for p in self.visit.participants]
        institutions = [p.person.institution for p in self.visit.participants if p.person.institution]
        seen: list[str] = []
        for value in names + institutions + self.svc.people.institutions():
            if value not in seen:
                seen.append(value)
        return seen

    def _set_answer(self, field: str, value: object) -> None:
        if self.visit is not None:
            self._submit(None, ops.set_answer, self.visit.id, field, value)

    def undo(self) -> None:
        self.runner.undo()

    def redo(self) -> None:
        self.runner.redo()

    # drafts of in-place edits -------------------------------------------------
    def _editor_opened(self, note_id: str, editor: QLineEdit) -> None:
        pending = self._pending_edit
        if pending is not None:
            editor.setText(pending)
            editor.setProperty("restored", True)
            self._pending_edit = None
        old = self._keepers.pop(f"note:{note_id}", None)
        if old is not None:
            old.deleteLater()
        keeper = self._keeper(f"note:{note_id}", editor.text)
        if pending is not None:
            keeper.last_stored = pending  # restored from the database: this copy may clear it
        editor.textEdited.connect(keeper.changed)
        editor.editingFinished.connect(keeper.flush)

    # helpers ---------------------------------------------------------------
    def flush(self) -> None:
        """Store every pending draft now (on switching visits, focus changes and quit)."""
        for keeper in list(self._keepers.values()):
            try:
                keeper.flush()
            except RuntimeError:  # its editor is gone; nothing left to store
                pass

    def unsaved(self) -> bool:
        return any(k.dirty for k in self._keepers.values())

    def focus_capture(self) -> None:
        self.box.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _note(self, note_id: str) -> NoteInfo | None:
        return self.tree.notes_model.note(note_id)

    def _error(self, message: str) -> None:
        self.warning.setText(message)
        self.warning.show()
        self.failed.emit(message)

    def _draft_failed(self, message: str) -> None:
        self._error(self.tr("Not stored: %1 Your text stays here until it can be stored.").replace("%1", message))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
