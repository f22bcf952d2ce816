"""Operations on action items and structured answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from visitapp.db import models as m
from visitapp.errors import InvalidInput
from visitapp.i18n import _
from visitapp.ops import common as c
from visitapp.ops.history import Tx
from visitapp.ops.operation import operation
from visitapp.ops.waiting import patient_operation
from visitapp.services.base import by_uuid, clean, note_by_uuid, visit_by_uuid
from visitapp.services.dto import ActionInfo, AnswerInfo
from visitapp.templates import get_template


@operation(lambda: _("Add action item"))
def add_action(
    tx: Tx,
    visit_id: str,
    description: str,
    *,
    owner: str = "",
    due_date: dt.date | str | None = None,
    note_id: str | None = None,
) -> ActionInfo:
    if not clean(description):
        raise InvalidInput(_("An action item needs a description."))
    s = tx.session
    visit = visit_by_uuid(s, visit_id)
    note = note_by_uuid(s, note_id) if note_id else None
    if note is not None and note.visit_id != visit.id:
        raise InvalidInput(_("That note belongs to another visit."))
    action = m.ActionItem(
        visit=visit, note=note, description=clean(description), owner=clean(owner), due_date=c.due(due_date)
    )
    s.add(action)
    c.mark_edited(visit)
    s.flush()
    return ActionInfo.of(action)


@operation(lambda: _("Make action item"))
def make_action(tx: Tx, note_id: str, *, owner: str = "", due_date: dt.date | str | None = None) -> ActionInfo:
    """A note becomes a commitment and an action item (or its item's owner and due date change): one step."""
    s = tx.session
    note = note_by_uuid(s, note_id)
    note.kind = m.NoteKind.COMMITMENT
    existing = s.scalar(select(m.ActionItem).where(m.ActionItem.note_id == note.id))
    if existing is not None:
        existing.owner, existing.due_date, existing.deleted = clean(owner), c.due(due_date), False
        action = existing
    else:
        action = m.ActionItem(
            visit=note.visit, note=note, description=note.text, owner=clean(owner), due_date=c.due(due_date)
        )
        s.add(action)
    c.mark_edited(note.visit)
    s.flush()
    return ActionInfo.of(action)


def _update(tx: Tx, action_id: str, values: dict[str, Any]) -> ActionInfo:
    c.unknown_fields("action item", values, ("description", "owner", "due_date", "status"))
    action = by_uuid(tx.session, m.ActionItem, action_id)
    if "description" in values and values["description"] is not None:
        if not clean(values["description"]):
            raise InvalidInput(_("An action item needs a description."))
        action.description = clean(values["description"])
    if values.get("owner") is not None:
        action.owner = clean(values["owner"])
    if "due_date" in values:
        action.due_date = c.due(values["due_date"])
    if values.get("status") is not None:
        action.status = c.action_status(values["status"])
    c.mark_edited(action.visit)
    tx.session.flush()
    return ActionInfo.of(action)


@patient_operation(lambda: _("Edit action item"))
def edit_action(tx: Tx, action_id: str, **values: Any) -> ActionInfo:
    """Change an action item's description, owner, due date (None clears it) or status."""
    return _update(tx, action_id, values)


@patient_operation(lambda: _("Change action item status"))
def set_action_status(tx: Tx, action_id: str, status: str) -> ActionInfo:
    """Open, done or cancelled."""
    return _update(tx, action_id, {"status": status})


def _set_deleted(tx: Tx, action_id: str, deleted: bool) -> ActionInfo:
    action = by_uuid(tx.session, m.ActionItem, action_id)
    action.deleted = deleted
    c.mark_edited(action.visit)
    tx.session.flush()
    return ActionInfo.of(action)


@operation(lambda: _("Delete action item"))
def delete_action(tx: Tx, action_id: str) -> ActionInfo:
    return _set_deleted(tx, action_id, True)


@operation(lambda: _("Restore action item"))
def undelete_action(tx: Tx, action_id: str) -> ActionInfo:
    return _set_deleted(tx, action_id, False)


@operation(lambda: _("Set answer"))
def set_answer(tx: Tx, visit_id: str, field: str, value: Any, *, author: str | None = None) -> AnswerInfo:
    """Store the answer to one of the template's structured fields (None or an empty list clears it)."""
    s = tx.session
    visit = visit_by_uuid(s, visit_id)
    spec = get_template(visit.template_key).field(field)
    value = spec.check(value)
    answer = s.scalar(select(m.Answer).where(m.Answer.visit_id == visit.id, m.Answer.field == field))
    if value is None or value == []:
        if answer is not None:
            s.delete(answer)
            c.mark_edited(visit)
        return AnswerInfo(field, None, "", m.utcnow())
    if answer is None:
        answer = m.Answer(visit=visit, field=field, value=value)
        s.add(answer)
    answer.value = value
    answer.author = clean(author) or tx.identity.name
    c.mark_edited(visit)
    s.flush()
    return AnswerInfo(field, answer.value, answer.author, answer.updated_at)
