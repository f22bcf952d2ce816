"""Notes, action items, structured answers and drafts: what is captured during a visit."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _
from visitapp.services.base import Service, by_uuid, clean, note_by_uuid, visit_by_uuid
from visitapp.services.dto import ActionInfo, AnswerInfo, DraftInfo, NoteInfo
from visitapp.services.visits import mark_edited
from visitapp.templates import get_template


def _kind(kind: str) -> m.NoteKind:
    try:
        return m.NoteKind(kind)
    except ValueError:
        raise InvalidInput(
            _("The kind must be one of: {kinds}.").format(kinds=", ".join(k.value for k in m.NoteKind))
        ) from None


def _visibility(value: str) -> m.Visibility:
    try:
        return m.Visibility(value)
    except ValueError:
        raise InvalidInput(
            _("The visibility must be one of: {values}.").format(values=", ".join(v.value for v in m.Visibility))
        ) from None


def _tags(tags: list[str] | tuple[str, ...] | None) -> list[str]:
    seen: list[str] = []
    for tag in tags or ():
        tag = clean(tag).lstrip("#")
        if tag and tag.lower() not in (t.lower() for t in seen):
            seen.append(tag)
    return seen


def _text(value: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(_("A note cannot be empty."))
    return value


def _section_notes(s: Session, visit_id: int, section: str) -> list[m.Note]:
    return list(
        s.scalars(
            select(m.Note)
            .where(m.Note.visit_id == visit_id, m.Note.section == section, m.Note.deleted.is_(False))
            .order_by(m.Note.position, m.Note.id)
        )
    )


class NoteService(Service):
    def add(
        self,
        visit_id: str,
        text_: str,
        *,
        section: str | None = None,
        kind: str = "note",
        tags: list[str] | None = None,
        visibility: str = "internal",
        author: str | None = None,
        created_at: dt.datetime | None = None,
    ) -> NoteInfo:
        """Add a note at the end of a section (the template's first section by default).

        ``created_at`` (aware) records when it was said, for notes typed up later; default now.
        """
        body = _text(text_)
        with self.db.write() as s:
            visit = visit_by_uuid(s, visit_id)
            template = get_template(visit.template_key)
            section = section or template.sections[0].key
            template.section(section)
            last = s.scalar(
                select(func.max(m.Note.position)).where(m.Note.visit_id == visit.id, m.Note.section == section)
            )
            note = m.Note(
                visit=visit, section=section, kind=_kind(kind), text=body, tags=_tags(tags),
                visibility=_visibility(visibility), author=clean(author) or self.identity.name,
                position=(last + 1) if last is not None else 0,
            )
            if created_at is not None:
                if created_at.tzinfo is None:
                    raise InvalidInput(_("The start and end of a visit must be a date and time."))
                note.created_at = note.updated_at = created_at.astimezone(dt.UTC)
            s.add(note)
            mark_edited(visit)
            s.flush()
            return NoteInfo.of(note, visit.uuid)

    def edit(
        self,
        note_id: str,
        *,
        text: str | None = None,
        kind: str | None = None,
        tags: list[str] | None = None,
        visibility: str | None = None,
    ) -> NoteInfo:
        """Change a note's text, kind, tags or visibility (what is not given stays)."""
        changes: dict[str, Any] = {}
        if text is not None:
            changes["text"] = _text(text)
        if kind is not None:
            changes["kind"] = _kind(kind).value
        if tags is not None:
            changes["tags"] = _tags(tags)
        if visibility is not None:
            changes["visibility"] = _visibility(visibility).value
        if self.db.is_sqlite:
            if len(note_id) != 36:
                with self.db.read() as s:
                    note_id = note_by_uuid(s, note_id).uuid
            return _fast_edit(self.db, note_id, changes)
        with self.db.write() as s:
            note = note_by_uuid(s, note_id)
            if text is not None:
                note.text = _text(text)
            if kind is not None:
                note.kind = _kind(kind)
            if tags is not None:
                note.tags = _tags(tags)
            if visibility is not None:
                note.visibility = _visibility(visibility)
            mark_edited(note.visit)
            s.flush()
            return NoteInfo.of(note, note.visit.uuid)

    def move(self, note_id: str, section: str | None = None, index: int | None = None) -> NoteInfo:
        """Move a note to ``index`` within ``section`` (its own section and the end by default)."""
        with self.db.write() as s:
            note = note_by_uuid(s, note_id)
            visit = note.visit
            target = section or note.section
            get_template(visit.template_key).section(target)
            siblings = [n for n in _section_notes(s, visit.id, target) if n.id != note.id]
            index = len(siblings) if index is None else max(0, min(index, len(siblings)))
            siblings.insert(index, note)
            note.section = target
            for pos, sibling in enumerate(siblings):
                if sibling.position != pos:
                    sibling.position = pos
            mark_edited(visit)
            s.flush()
            return NoteInfo.of(note, visit.uuid)

    def index_of(self, note_id: str) -> int:
        """The note's place among the live notes of its section (for undoing a move)."""
        with self.db.read() as s:
            note = note_by_uuid(s, note_id)
            ids = [n.id for n in _section_notes(s, note.visit_id, note.section)]
            return ids.index(note.id) if note.id in ids else len(ids)

    def delete(self, note_id: str) -> NoteInfo:
        """Soft-delete a note (and the action item made from it); :meth:`undelete` brings both back."""
        return self._set_deleted(note_id, True)

    def undelete(self, note_id: str) -> NoteInfo:
        return self._set_deleted(note_id, False)

    def _set_deleted(self, note_id: str, deleted: bool) -> NoteInfo:
        with self.db.write() as s:
            note = note_by_uuid(s, note_id)
            note.deleted = deleted
            for action in s.scalars(select(m.ActionItem).where(m.ActionItem.note_id == note.id)):
                action.deleted = deleted
            mark_edited(note.visit)
            s.flush()
            return NoteInfo.of(note, note.visit.uuid)

    def get(self, note_id: str) -> NoteInfo:
        with self.db.read() as s:
            note = note_by_uuid(s, note_id)
            return NoteInfo.of(note, note.visit.uuid)

    def list(self, visit_id: str, *, include_deleted: bool = False) -> list[NoteInfo]:
        """The visit's notes in template order: section by section, then by position."""
        with self.db.read() as s:
            visit = visit_by_uuid(s, visit_id)
            order = {key: i for i, key in enumerate(get_template(visit.template_key).section_keys)}
            query = select(m.Note).where(m.Note.visit_id == visit.id)
            if not include_deleted:
                query = query.where(m.Note.deleted.is_(False))
            notes = list(s.scalars(query))
            notes.sort(key=lambda n: (order.get(n.section, len(order)), n.position, n.id))
            return [NoteInfo.of(n, visit.uuid) for n in notes]

    def tags(self, prefix: str = "") -> list[str]:
        """Tags in use anywhere, most used first: for completion."""
        with self.db.read() as s:
            rows = s.execute(
                text(
                    "SELECT j.value, count(*) AS n FROM notes, json_each(notes.tags) AS j "
                    "WHERE NOT notes.deleted AND j.value LIKE :prefix ESCAPE '\\' "
                    "GROUP BY j.value ORDER BY n DESC, j.value"
                ),
                {"prefix": prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"},
            )
            return [row[0] for row in rows]


def _due(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(_("{value} is not a date (use YYYY-MM-DD).").format(value=value)) from None


def _status(value: str) -> m.ActionStatus:
    try:
        return m.ActionStatus(value)
    except ValueError:
        raise InvalidInput(_("The status must be open, done or cancelled.")) from None


class ActionService(Service):
    def add(
        self,
        visit_id: str,
        description: str,
        *,
        owner: str = "",
        due_date: dt.date | str | None = None,
        note_id: str | None = None,
    ) -> ActionInfo:
        if not clean(description):
            raise InvalidInput(_("An action item needs a description."))
        with self.db.write() as s:
            visit = visit_by_uuid(s, visit_id)
            note = note_by_uuid(s, note_id) if note_id else None
            if note is not None and note.visit_id != visit.id:
                raise InvalidInput(_("That note belongs to another visit."))
            action = m.ActionItem(
                visit=visit, note=note, description=clean(description), owner=clean(owner), due_date=_due(due_date)
            )
            s.add(action)
            mark_edited(visit)
            s.flush()
            return ActionInfo.of(action)

    def from_note(self, note_id: str, *, owner: str = "", due_date: dt.date | str | None = None) -> ActionInfo:
        """Make a commitment note into an action item (the note becomes a commitment)."""
        with self.db.write() as s:
            note = note_by_uuid(s, note_id)
            note.kind = m.NoteKind.COMMITMENT
            existing = s.scalar(select(m.ActionItem).where(m.ActionItem.note_id == note.id))
            if existing is not None:
                existing.owner, existing.due_date, existing.deleted = clean(owner), _due(due_date), False
                action = existing
            else:
                action = m.ActionItem(
                    visit=note.visit, note=note, description=note.text, owner=clean(owner), due_date=_due(due_date)
                )
                s.add(action)
            mark_edited(note.visit)
            s.flush()
            return ActionInfo.of(action)

    def update(
        self,
        action_id: str,
        *,
        description: str | None = None,
        owner: str | None = None,
        due_date: dt.date | str | None = ...,  # type: ignore[assignment]
        status: str | None = None,
    ) -> ActionInfo:
        with self.db.write() as s:
            action = by_uuid(s, m.ActionItem, action_id)
            if description is not None:
                if not clean(description):
                    raise InvalidInput(_("An action item needs a description."))
                action.description = clean(description)
            if owner is not None:
                action.owner = clean(owner)
            if due_date is not ...:
                action.due_date = _due(due_date)
            if status is not None:
                action.status = _status(status)
            mark_edited(action.visit)
            s.flush()
            return ActionInfo.of(action)

    def delete(self, action_id: str) -> ActionInfo:
        return self._set_deleted(action_id, True)

    def undelete(self, action_id: str) -> ActionInfo:
        return self._set_deleted(action_id, False)

    def _set_deleted(self, action_id: str, deleted: bool) -> ActionInfo:
        with self.db.write() as s:
            action = by_uuid(s, m.ActionItem, action_id)
            action.deleted = deleted
            mark_edited(action.visit)
            s.flush()
            return ActionInfo.of(action)

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
                query = query.where(m.ActionItem.status == _status(status))
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
        with self.db.write() as s:
            visit = visit_by_uuid(s, visit_id)
            spec = get_template(visit.template_key).field(field)
            value = spec.check(value)
            answer = s.scalar(select(m.Answer).where(m.Answer.visit_id == visit.id, m.Answer.field == field))
            if value is None or value == []:
                if answer is not None:
                    s.delete(answer)
                    mark_edited(visit)
                return AnswerInfo(field, None, "", m.utcnow())
            if answer is None:
                answer = m.Answer(visit=visit, field=field, value=value)
                s.add(answer)
            answer.value = value
            answer.author = clean(author) or self.identity.name
            mark_edited(visit)
            s.flush()
            return AnswerInfo(field, answer.value, answer.author, answer.updated_at)

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


_NOTE_COLUMNS = ("uuid", "section", "kind", "text", "author", "created_at", "updated_at", "tags", "position",
                 "visibility", "deleted")


def _fast_edit(db, note_id: str, changes: dict[str, Any]) -> NoteInfo:  # noqa: ANN001
    """One UPDATE ... RETURNING on a bare connection: saving while typing stays close to bare SQLite.

    Writes exactly what the ORM would (naive UTC text times, JSON tags), so the
    two paths read each other's rows.
    """
    now = m.utcnow()
    values = dict(changes)
    if "tags" in values:
        values["tags"] = json.dumps(values["tags"])
    values["updated_at"] = now.replace(tzinfo=None).isoformat(" ", "microseconds")
    assignments = ", ".join(f"{column} = :{column}" for column in values)
    returning = ", ".join(_NOTE_COLUMNS)
    with db.raw_write() as conn:
        row = conn.execute(
            f"UPDATE notes SET {assignments} WHERE uuid = :note_uuid RETURNING {returning}, visit_id, "
            "(SELECT uuid FROM visits WHERE id = notes.visit_id), (SELECT status FROM visits WHERE id = notes.visit_id)",
            {**values, "note_uuid": note_id},
        ).fetchone()
        if row is None:
            from visitapp.services.base import _missing

            raise NotFound(_missing(m.Note, note_id))
        *note, visit_pk, visit_uuid, visit_status = row
        if visit_status != m.VisitStatus.IN_PROGRESS.value:
            conn.execute(
                "UPDATE visits SET status = ?, updated_at = ? WHERE id = ?",
                (m.VisitStatus.IN_PROGRESS.value, values["updated_at"], visit_pk),
            )
    data = dict(zip(_NOTE_COLUMNS, note, strict=True))

    def when(value: str) -> dt.datetime:
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)

    return NoteInfo(
        id=data["uuid"], visit_id=visit_uuid, section=data["section"], kind=data["kind"], text=data["text"],
        author=data["author"], created_at=when(data["created_at"]), updated_at=when(data["updated_at"]),
        tags=tuple(json.loads(data["tags"]) if data["tags"] else ()), position=data["position"],
        visibility=data["visibility"], deleted=bool(data["deleted"]),
    )
