"""Notes, action items, structured answers and drafts: what is captured during a visit.

Reads live here; changes to notes, action items and answers are core operations
(:mod:`visitapp.ops`) and the write methods below only call them, so the CLI and
the GUI change data the same way. Drafts (text not yet a note) are stored here:
they are scratch, not part of the undo history.
"""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Any

from sqlalchemy import func, select, true

from visitapp import ops
from visitapp.db import models as m
from visitapp.ops.common import action_status, section_notes
from visitapp.services.base import Service, by_uuid, note_by_uuid, visit_by_uuid
from visitapp.services.dto import ActionInfo, AnswerInfo, DraftInfo, NoteInfo
from visitapp.templates import visit_template


class NoteService(Service):
    """Notes: reads here; every change is a core operation (:mod:`visitapp.ops.notes`)."""

    def add(self, visit_id: str, text_: str, *, author: str | None = None, **values: Any) -> NoteInfo:
        """Add a note (see :func:`visitapp.ops.add_note`)."""
        return self._op(ops.add_note, visit_id, text_, author=author or self.identity.name, **values)

    def edit(self, note_id: str, **values: Any) -> NoteInfo:
        """Change a note's text, kind, tags or visibility (see :func:`visitapp.ops.edit_note`)."""
        return self._op(ops.edit_note, note_id, **values)

    def move(self, note_id: str, section: str | None = None, index: int | None = None) -> NoteInfo:
        return self._op(ops.move_note, note_id, section, index)

    def index_of(self, note_id: str) -> int:
        """The note's place among the live notes of its section (for undoing a move)."""
        with self.db.read() as s:
            note = note_by_uuid(s, note_id)
            ids = [n.id for n in section_notes(s, note.visit_id, note.section)]
            return ids.index(note.id) if note.id in ids else len(ids)

    def delete(self, note_id: str) -> NoteInfo:
        """Soft-delete a note (and the action item made from it); :meth:`undelete` brings both back."""
        return self._op(ops.delete_note, note_id)

    def undelete(self, note_id: str) -> NoteInfo:
        return self._op(ops.undelete_note, note_id)

    def get(self, note_id: str) -> NoteInfo:
        with self.db.read() as s:
            note = note_by_uuid(s, note_id)
            return NoteInfo.of(note, note.visit.uuid)

    def list(self, visit_id: str, *, include_deleted: bool = False) -> list[NoteInfo]:
        """The visit's notes in template order: section by section, then by position."""
        with self.db.read() as s:
            visit = visit_by_uuid(s, visit_id)
            template = visit_template(visit.template_key, visit.agenda, visit.agenda_sections)
            order = {key: i for i, key in enumerate(template.section_keys)}
            query = select(m.Note).where(m.Note.visit_id == visit.id)
            if not include_deleted:
                query = query.where(m.Note.deleted.is_(False))
            notes = list(s.scalars(query))
            notes.sort(key=lambda n: (order.get(n.section, len(order)), n.position, n.id))
            return [NoteInfo.of(n, visit.uuid) for n in notes]

    def tags(self, prefix: str = "") -> builtins.list[str]:  # list: the method above
        """Tags in use anywhere, most used first: for completion."""
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        tag = self.db.backend.json_array_values(m.Note.tags)  # the engine's json_each
        n = func.count().label("n")
        with self.db.read() as s:
            rows = s.execute(
                select(tag.c.value, n).select_from(m.Note).join(tag, true())
                .where(m.Note.deleted.is_(False), tag.c.value.like(pattern, escape="\\"))
                .group_by(tag.c.value).order_by(n.desc(), tag.c.value)
            )
            return [row[0] for row in rows]


class ActionService(Service):
    def add(self, visit_id: str, description: str, **values: Any) -> ActionInfo:
        return self._op(ops.add_action, visit_id, description, **values)

    def from_note(self, note_id: str, *, owner: str = "", due_date: dt.date | str | None = None) -> ActionInfo:
        """Make a note into a commitment and an action item (one operation)."""
        return self._op(ops.make_action, note_id, owner=owner, due_date=due_date)

    def update(self, action_id: str, **values: Any) -> ActionInfo:
        """Change description, owner, due date (None clears it) or status; what is not given stays."""
        values = {k: v for k, v in values.items() if not (k == "due_date" and v is ...)}
        return self._op(ops.edit_action, action_id, **values)

    def delete(self, action_id: str) -> ActionInfo:
        return self._op(ops.delete_action, action_id)

    def undelete(self, action_id: str) -> ActionInfo:
        return self._op(ops.undelete_action, action_id)

    def get(self, action_id: str) -> ActionInfo:
        with self.db.read() as s:
            return ActionInfo.of(by_uuid(s, m.ActionItem, action_id))

    def list(
        self,
        *,
        visit_id: str | None = None,
        owner: str | None = None,
        status: str | None = None,
        overdue_on: dt.date | None = None,
    ) -> list[ActionInfo]:
        """Action items (not deleted), by due date; filters combine."""
        with self.db.read() as s:
            query = select(m.ActionItem).where(m.ActionItem.deleted.is_(False))
            if visit_id:
                query = query.where(m.ActionItem.visit_id == visit_by_uuid(s, visit_id).id)
            if owner:
                query = query.where(func.lower(m.ActionItem.owner).contains(owner.lower(), autoescape=True))
            if status:
                query = query.where(m.ActionItem.status == action_status(status))
            if overdue_on:
                query = query.where(
                    m.ActionItem.status == m.ActionStatus.OPEN,
                    m.ActionItem.due_date.is_not(None),
                    m.ActionItem.due_date < overdue_on,
                )
            query = query.order_by(m.ActionItem.due_date.is_(None), m.ActionItem.due_date, m.ActionItem.id)
            return [ActionInfo.of(a) for a in s.scalars(query)]


class AnswerService(Service):
    def set(self, visit_id: str, field: str, value: Any, *, author: str | None = None) -> AnswerInfo:
        """Store the answer to one of the template's structured fields (None clears it)."""
        return self._op(ops.set_answer, visit_id, field, value, author=author or self.identity.name)

    def list(self, visit_id: str) -> dict[str, AnswerInfo]:
        with self.db.read() as s:
            visit = visit_by_uuid(s, visit_id)
            return {a.field: AnswerInfo(a.field, a.value, a.author, a.updated_at) for a in visit.answers}


class DraftService(Service):
    """Text in an editor that is not yet a note; stored so that a crash loses nothing."""

    def save(self, visit_id: str, key: str, text_: str, data: dict[str, Any] | None = None) -> DraftInfo:
        with self.db.write() as s:
            visit = visit_by_uuid(s, visit_id)
            draft = s.scalar(select(m.Draft).where(m.Draft.visit_id == visit.id, m.Draft.key == key))
            if draft is None:
                draft = m.Draft(visit_id=visit.id, key=key)
                s.add(draft)
            draft.text = text_
            draft.data = dict(data or {})
            draft.updated_at = m.utcnow()
            s.flush()
            return DraftInfo(draft.key, draft.text, draft.data, draft.updated_at)

    def clear(self, visit_id: str, key: str, *, only_if: str | None = None) -> bool:
        """Forget a draft; with ``only_if``, only while it still holds that text.

        Two copies of the app on one file share draft keys: a copy clears only
        the text it stored itself, never what the other copy stored since.
        """
        with self.db.write() as s:
            visit = visit_by_uuid(s, visit_id)
            draft = s.scalar(select(m.Draft).where(m.Draft.visit_id == visit.id, m.Draft.key == key))
            if draft is None or (only_if is not None and draft.text != only_if):
                return False
            s.delete(draft)
            return True

    def list(self, visit_id: str) -> dict[str, DraftInfo]:
        with self.db.read() as s:
            visit = visit_by_uuid(s, visit_id)
            rows = s.scalars(select(m.Draft).where(m.Draft.visit_id == visit.id))
            return {d.key: DraftInfo(d.key, d.text, d.data, d.updated_at) for d in rows}
