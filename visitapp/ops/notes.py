"""Operations on notes: add, edit (the fast path while typing), move, reorder, delete, undelete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import String, bindparam, func, select, type_coerce

from visitapp.db import models as m
from visitapp.db.engines.base import note_doc_writer
from visitapp.domain import NoteKind, Visibility, VisitStatus
from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _
from visitapp.ops import common as c
from visitapp.ops.history import TABLES, Tx
from visitapp.ops.operation import operation
from visitapp.ops.prepared import Prepared
from visitapp.services.base import _missing, clean, full_uuid, note_by_uuid, visit_by_uuid
from visitapp.services.dto import NoteInfo
from visitapp.templates import visit_template

NOTES, VISITS = TABLES["notes"], TABLES["visits"]
# The note and its visit as one row, by place (_AT): the columns an edit may change, what names the note for
# a view and for undo, and what its NoteInfo shows. Enumerations are read as their stored text (they are
# StrEnums: equal to their members, and what NoteInfo shows), not converted to members and back.
_READ = {
    **{col.key: col for col in NOTES.c if col.key not in ("kind", "visibility")},
    "kind": type_coerce(NOTES.c.kind, String).label("kind"),
    "visibility": type_coerce(NOTES.c.visibility, String).label("visibility"),
    "visit_language": VISITS.c.language.label("visit_language"),
    "visit_uuid": VISITS.c.uuid.label("visit_uuid"),
    "visit_status": type_coerce(VISITS.c.status, String).label("visit_status"),
    "visit_updated_at": VISITS.c.updated_at.label("visit_updated_at"),
}
_AT = {key: i for i, key in enumerate(_READ)}
(_ID, _VISIT_ID, _UUID, _DELETED, _TEXT, _TAGS, _SECTION, _KIND, _AUTHOR, _CREATED_AT, _POSITION, _VISIBILITY,
 _VISIT_LANGUAGE, _VISIT_UUID, _VISIT_STATUS, _VISIT_UPDATED_AT) = (
    _AT[key] for key in ("id", "visit_id", "uuid", "deleted", "text", "tags", "section", "kind", "author",
                         "created_at", "position", "visibility", "visit_language", "visit_uuid", "visit_status",
                         "visit_updated_at"))
# Core statements compiled once per dialect and run on the operation's own transaction
# (visitapp/ops/prepared.py): saving a note while the user types stays close to a bare UPDATE.
_NOTE_AND_VISIT = Prepared(
    select(*_READ.values()).join_from(NOTES, VISITS, NOTES.c.visit_id == VISITS.c.id)
    .where(NOTES.c.uuid == bindparam("ref"))
)
_UPDATE_NOTE = Prepared(NOTES.update().where(NOTES.c.id == bindparam("_pk")))
_UPDATE_VISIT = Prepared(VISITS.update().where(VISITS.c.id == bindparam("_pk")))
_VISIT_TIME, _VISIT_STATUS_AND_TIME = ("updated_at",), ("status", "updated_at")


@operation(lambda: _("Add note"))
def add_note(
    tx: Tx,
    visit_id: str,
    text: str,
    *,
    section: str | None = None,
    kind: str = NoteKind.NOTE,
    tags: list[str] | None = None,
    visibility: str | None = None,
    author: str | None = None,
    created_at: dt.datetime | None = None,
) -> NoteInfo:
    """Add a note at the end of a section (the template's first section by default).

    ``created_at`` (aware) records when it was said, for notes typed up later; default now.
    """
    body = c.note_text(text)
    s = tx.session
    visit = visit_by_uuid(s, visit_id)
    template = visit_template(visit.template_key, visit.agenda, visit.agenda_sections)
    section = section or template.sections[0].key
    template.section(section)
    last = s.scalar(select(func.max(m.Note.position)).where(m.Note.visit_id == visit.id, m.Note.section == section))
    note = m.Note(
        visit=visit, section=section, kind=c.note_kind(kind), text=body, tags=c.tags(tags),
        # None: what the visit's new notes start as (internal unless the visit was prepared otherwise)
        visibility=c.visibility(visibility or visit.default_visibility or Visibility.INTERNAL),
        author=clean(author) or tx.identity.name,
        position=(last + 1) if last is not None else 0,
    )
    if created_at is not None:
        if created_at.tzinfo is None:
            raise InvalidInput(_("The start and end of a visit must be a date and time."))
        note.created_at = note.updated_at = created_at.astimezone(dt.UTC)
    s.add(note)
    c.mark_edited(visit)
    s.flush()
    return NoteInfo.of(note, visit.uuid)


def _edit(
    tx: Tx,
    note_id: str,
    *,
    text: str | None = None,
    kind: str | None = None,
    tags: list[str] | None = None,
    visibility: str | None = None,
) -> NoteInfo:
    """Change a note's text, kind, tags or visibility (what is not given stays).

    The one path for saving a note while the user types: three SQLAlchemy Core
    statements in the operation's transaction (no ORM unit of work), compiled once
    and run on its DBAPI connection (:mod:`visitapp.ops.prepared`), which keeps it close
    to a bare UPDATE + COMMIT (benchmarks/storage.py). The visit becomes in progress
    and its ``updated_at`` moves, as for every other change. A new text or new tags
    go into the search index once, with their lemmas, before the UPDATE, where the
    engine offers that (SQLite: ``sqlite_fts.write_note_doc``, whose trigger then
    skips the note); elsewhere the engine's commit hook writes the lemmas, in the
    same transaction either way.
    """
    values: dict[str, Any] = {}
    if text is not None:
        values["text"] = c.note_text(text)
    if kind is not None:
        values["kind"] = c.note_kind(kind)
    if tags is not None:
        values["tags"] = c.tags(tags)
    if visibility is not None:
        values["visibility"] = c.visibility(visibility)
    ref = (note_id or "").strip().lower()
    conn = tx.conn
    if len(ref) != 36:  # a prefix (the command line's short ids)
        ref = full_uuid(conn, m.Note, ref)
    found = _NOTE_AND_VISIT.first(conn, {"ref": ref})
    if found is None:
        raise NotFound(_missing(m.Note, ref))
    pk, visit_pk, uuid, deleted = found[_ID], found[_VISIT_ID], found[_UUID], found[_DELETED]
    old_text, old_tags, visit_uuid = found[_TEXT], found[_TAGS], found[_VISIT_UUID]
    now = m.utcnow()
    values["updated_at"] = now
    new_text, new_tags = values.get("text", old_text), values.get("tags", old_tags)
    write_doc = note_doc_writer(conn)
    if write_doc is not None and ("text" in values or "tags" in values) and not deleted:
        write_doc(conn, pk, visit_pk, found[_VISIT_LANGUAGE], (old_text, old_tags), (new_text, new_tags))
    changed = tuple(values)
    _UPDATE_NOTE.run(conn, {**values, "_pk": pk}, changed)
    # As mark_edited: the status is written only when it changes (it is checked against its CHECK then: an
    # IN list SQLite builds a table for, at each UPDATE that sets the column), the time always. The undo
    # images hold both, so that undo finds a status changed since by another program.
    if found[_VISIT_STATUS] == VisitStatus.IN_PROGRESS:
        _UPDATE_VISIT.run(conn, {"updated_at": now, "_pk": visit_pk}, _VISIT_TIME)
    else:
        _UPDATE_VISIT.run(conn, {"status": VisitStatus.IN_PROGRESS, "updated_at": now, "_pk": visit_pk},
                          _VISIT_STATUS_AND_TIME)
    # Undo needs only what changed (and the uuid and deleted flag that name the row for a view).
    before = {"uuid": uuid, "deleted": deleted}
    for key in changed:
        before[key] = found[_AT[key]]
    tx.record("notes", pk, before, {**values, "uuid": uuid, "deleted": deleted})
    tx.record("visits", visit_pk,
              {"uuid": visit_uuid, "status": found[_VISIT_STATUS], "updated_at": found[_VISIT_UPDATED_AT]},
              {"uuid": visit_uuid, "status": VisitStatus.IN_PROGRESS, "updated_at": now})
    return NoteInfo(  # kind and visibility: the stored text, or the new enumeration member's value (StrEnum)
        uuid, visit_uuid, found[_SECTION], str(values.get("kind", found[_KIND])), new_text,
        found[_AUTHOR], found[_CREATED_AT], now, tuple(new_tags or ()), found[_POSITION],
        str(values.get("visibility", found[_VISIBILITY])), bool(deleted),
    )


edit_note = operation(lambda: _("Edit note"), core=True)(_edit)
edit_note.__name__ = "edit_note"


@operation(lambda: _("Change visibility"), core=True)
def set_note_visibility(tx: Tx, note_id: str, visibility: str) -> NoteInfo:
    """Who may read a note: internal, shared with partners, or fit for the company's copy."""
    return _edit(tx, note_id, visibility=visibility)


def _move(tx: Tx, note_id: str, section: str | None = None, index: int | None = None) -> NoteInfo:
    s = tx.session
    note = note_by_uuid(s, note_id)
    visit = note.visit
    target = section or note.section
    visit_template(visit.template_key, visit.agenda, visit.agenda_sections).section(target)
    siblings = [n for n in c.section_notes(s, visit.id, target) if n.id != note.id]
    index = len(siblings) if index is None else max(0, min(index, len(siblings)))
    siblings.insert(index, note)
    note.section = target
    for pos, sibling in enumerate(siblings):
        if sibling.position != pos:
            sibling.position = pos
    c.mark_edited(visit)
    s.flush()
    return NoteInfo.of(note, visit.uuid)


@operation(lambda: _("Move note"))
def move_note(tx: Tx, note_id: str, section: str | None = None, index: int | None = None) -> NoteInfo:
    """Move a note to ``index`` within ``section`` (its own section and the end by default)."""
    return _move(tx, note_id, section, index)


@operation(lambda: _("Reorder note"))
def reorder_note(tx: Tx, note_id: str, index: int) -> NoteInfo:
    """Put a note at ``index`` among the live notes of its own section."""
    return _move(tx, note_id, None, index)


def _set_deleted(tx: Tx, note_id: str, deleted: bool) -> NoteInfo:
    s = tx.session
    note = note_by_uuid(s, note_id)
    note.deleted = deleted
    for action in s.scalars(select(m.ActionItem).where(m.ActionItem.note_id == note.id)):
        action.deleted = deleted
    c.mark_edited(note.visit)
    s.flush()
    return NoteInfo.of(note, note.visit.uuid)


@operation(lambda: _("Delete note"))
def delete_note(tx: Tx, note_id: str) -> NoteInfo:
    """Soft-delete a note (and the action item made from it)."""
    return _set_deleted(tx, note_id, True)


@operation(lambda: _("Restore note"))
def undelete_note(tx: Tx, note_id: str) -> NoteInfo:
    """Bring back a deleted note (and the action item made from it)."""
    return _set_deleted(tx, note_id, False)
