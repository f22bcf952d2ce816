"""What the DB worker reports to the capture view: committed operations update only the rows they changed.

A mixin of :class:`~visitapp.ui.capture.view.CaptureView` (kept apart so the view stays readable).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from visitapp import ops
from visitapp.domain import ACTION_KIND, VisitStatus
from visitapp.errors import UserError
from visitapp.ops import Changes
from visitapp.services.dto import NoteInfo
from visitapp.ui.capture.notes_model import PENDING_PREFIX

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLabel

    from visitapp.services.dto import ActionInfo, VisitInfo
    from visitapp.templates import Template
    from visitapp.ui.capture.capture_box import CaptureBox
    from visitapp.ui.capture.fields_panel import FieldsPanel
    from visitapp.ui.capture.notes_tree import NotesTree
    from visitapp.ui.drafts import DraftKeeper
    from visitapp.ui.ops_runner import OpRunner
    from visitapp.ui.worker import DbWorker

CAPTURE_KEY = "capture"  # the capture box's draft


class OpResults:
    """Submits the view's operations and applies their reports (needs the view's tree, box, runner, worker)."""

    if TYPE_CHECKING:  # what CaptureView, which mixes this in, provides
        services: Callable[[], Any]
        worker: DbWorker
        runner: OpRunner
        visit: VisitInfo | None
        section: str
        lang: str
        template: Template
        tree: NotesTree
        box: CaptureBox
        fields: FieldsPanel
        warning: QLabel
        stored: SignalInstance
        visitChanged: SignalInstance
        _tickets: dict[int, tuple]
        _deferred: dict[str, list[Callable[[str], object]]]
        _keepers: dict[str, DraftKeeper]

        def _show_header(self) -> None: ...
        def _show_actions(self, actions: list[ActionInfo]) -> None: ...
        def _error(self, message: str) -> None: ...
        def set_section(self, key: str) -> None: ...
        def make_action(self, note_id: str | None = None) -> None: ...

    # what the DB worker reports ----------------------------------------------------
    def _submit(self, then: tuple | None, op: ops.Operation, *args: object, **kwargs: object) -> int:
        ticket = self.runner.submit(op, *args, **kwargs)
        if then is not None:
            self._tickets[ticket] = then
        return ticket

    def _later(self, note_id: str, again: Callable[[str], object]) -> bool:
        """A note shown but not stored yet has no id to change it by: ``again(its id)`` once it is stored."""
        if not note_id.startswith(PENDING_PREFIX):
            return False
        self._deferred.setdefault(note_id, []).append(again)
        return True

    def _finished(self, changes: Changes) -> None:
        """An operation was committed: update the rows it changed and say it is stored."""
        then = self._tickets.pop(changes.ticket, None)
        model = self.tree.notes_model
        known: list[NoteInfo] = []
        later: list[Callable[[str], object]] = []
        if then is not None and then[0] == "add" and self.visit is not None and then[5] == self.visit.id:
            model.resolve_pending(then[1], changes.result)
            later = self._deferred.pop(then[1], [])
            if changes.result.kind == ACTION_KIND:
                later.insert(0, self.make_action)
        elif then is not None and then[0] == "edit":
            keeper = self._keepers.pop(f"note:{then[1]}", None)
            if keeper is not None:
                keeper.discard()
        if isinstance(changes.result, NoteInfo) and changes.notes.all <= {changes.result.id}:
            known.append(changes.result)  # the one note it changed: no need to read it again
        self._fetch(changes, known)
        self.warning.hide()
        self.stored.emit(dt.datetime.now(dt.UTC))
        for again in later:  # what was asked of the note while it was on its way, now that it has an id
            again(changes.result.id)

    def _fetch(self, changes: Changes, known: list[NoteInfo]) -> None:
        """Apply what the result holds; read the other changed rows on the DB worker, not here."""
        if self.visit is None:
            return
        visit_id = self.visit.id
        shown = [n for n in known if n.visit_id == visit_id]
        if shown:
            self.tree.notes_model.apply(shown)
            self._show_header()
        notes = sorted(changes.notes.all - {n.id for n in known})
        visits = sorted(changes.visits.all)
        content = bool(changes.notes or changes.actions or changes.answers) and not (
            changes.participants or changes.organisations or changes.people or changes.series)
        if changes.kind == "do" and content and visits == [visit_id] and self.visit.status == VisitStatus.IN_PROGRESS:
            visits = []  # a note, action or answer leaves a visit in progress as it was: nothing else to show
        actions = bool(changes.actions)
        answers = bool(changes.answers) and changes.kind != "do"  # an undone answer: show the field's value again
        if not (notes or visits or actions or answers) or self.worker.closed:
            return
        svc = self.services()

        def get(read_one: Callable[[str], object], ids: list[str]) -> list:
            found = []
            for ref in ids:
                try:
                    found.append(read_one(ref))
                except UserError:  # gone for good (an undone add): nothing to show
                    pass
            return found

        def read() -> tuple:
            return (get(svc.notes.get, notes), get(svc.visits.get, visits),
                    svc.actions.list(visit_id=visit_id) if actions else None,
                    svc.answers.list(visit_id) if answers else None)

        def show(result: tuple) -> None:
            found, visit_infos, action_list, answer_map = result
            if self.visit is None or self.visit.id != visit_id:
                return  # another visit was opened meanwhile
            gone = set(notes) - {n.id for n in found}
            for note_id in gone:
                self.tree.notes_model.remove(note_id)
            self.tree.notes_model.apply([n for n in found if n.visit_id == visit_id])
            self._show_header()
            for info in visit_infos:
                if info.id == visit_id:
                    self.visit = info
                self.visitChanged.emit(info)
            if action_list is not None:
                self._show_actions(action_list)
            if answer_map is not None:
                self.fields.populate(self.template, self.lang, answer_map)
                self.fields.show_section(self.section)

        self.worker.submit(read, show, lambda err: self._error(str(err)))

    def _op_failed(self, ticket: int, sentence: str) -> None:
        """Nothing was stored: show the note as it is in the database, and say why."""
        then = self._tickets.pop(ticket, None)
        if then is not None and then[0] == "add":
            _kind, pending, text, state, section, visit_id = then
            self._deferred.pop(pending, None)
            # another visit is open now: keep it as that visit's draft
            if self.visit is None or self.visit.id != visit_id:
                svc = self.services()
                self.worker.submit(lambda: svc.drafts.save(visit_id, CAPTURE_KEY, text, {**state, "section": section}),
                                   None, lambda err: self._error(str(err)))
            else:  # give the text back, to be added again
                self.tree.notes_model.drop_pending(pending)
                self._show_header()
                typed = self.box.text()
                if typed.strip():  # something new is being typed: keep both
                    self.box.editor.setPlainText(f"{text}\n{typed}")
                else:
                    self.box.restore(text, state)
                    if section in self.template.section_keys:
                        self.set_section(section)
                self._keepers[CAPTURE_KEY].changed()
        elif then is not None and then[0] in ("edit", "resync") and self.visit is not None:
            self._fetch(Changes("", notes=ops.Ids(updated=frozenset({then[1]}))), [])
        self._error(sentence)

