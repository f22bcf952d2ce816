"""The exchange record of a visit: building it, finalising numbered versions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitapp import __version__
from visitapp.db import models as m
from visitapp.domain import CopyKind, in_copy
from visitapp.exchange.record import FORMAT_MINOR, FORMAT_NAME, VisitRecord, dump_record
from visitapp.services.base import Service, visit_by_uuid
from visitapp.services.dto import VersionInfo
from visitapp.templates import visit_template

# Fields that describe one export, not the visit: left out of the content hash.
_VOLATILE = ("exported_at", "app_version", "author", "copy", "version")
_MINUTES_DEFAULTS: dict[str, Any] = {"case_number": "", "approver": "", "cosigner": "", "time_zone": "Europe/Warsaw",
                                     "verbatim": False}


@dataclass(frozen=True, slots=True)
class FinaliseResult:
    version: int
    record: VisitRecord
    created: bool  # False: nothing changed since that version


def content_hash(record: VisitRecord | dict[str, Any]) -> str:
    data = dump_record(record) if isinstance(record, VisitRecord) else dict(record)
    for key in _VOLATILE:
        data.pop(key, None)
    data.pop("minor", None)  # a newer minor of the same content is the same content
    visit = data.get("visit", {})
    visit.pop("status", None)
    for key, default in _MINUTES_DEFAULTS.items():  # minor-1 fields at their defaults: as before they existed
        if key in visit and visit[key] == default:
            visit.pop(key)
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def copy_of(record: VisitRecord, copy: str) -> VisitRecord:
    """The record as one copy of the minutes holds it: only the notes that copy's readers may see
    (:data:`visitapp.domain.COPY_VISIBILITIES`), and their action items."""
    kind = CopyKind(copy)
    if kind == CopyKind.INTERNAL:
        return record
    kept = [n for n in record.notes if in_copy(n.visibility, kind)]
    kept_ids = {n.id for n in kept}
    actions = [a for a in record.action_items if a.note_id in kept_ids]
    return record.model_copy(update={"notes": kept, "action_items": actions, "copy_kind": kind.value})


def company_copy(record: VisitRecord) -> VisitRecord:
    """The record as the company may see it: only notes marked for the company, and their action items."""
    return copy_of(record, CopyKind.COMPANY)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _minutes_fields(visit: m.Visit) -> dict[str, Any]:
    """The visit fields of minor 1 that differ from their defaults (absent ones keep the content
    hash of a visit finalised before they existed)."""
    values = {"case_number": visit.case_number or "", "approver": visit.approver or "",
              "cosigner": visit.cosigner or "", "time_zone": visit.time_zone or "Europe/Warsaw",
              "verbatim": bool(visit.verbatim)}
    return {k: v for k, v in values.items() if v != _MINUTES_DEFAULTS[k]}


def record_data(visit: m.Visit, *, author: dict[str, str]) -> dict[str, Any]:
    template = visit_template(visit.template_key, visit.agenda, visit.agenda_sections)
    org = visit.organisation
    notes = sorted((n for n in visit.notes if not n.deleted), key=lambda n: (template.section_keys.index(n.section)
                   if n.section in template.section_keys else 999, n.position, n.id))
    return {
        "format": FORMAT_NAME,
        "minor": FORMAT_MINOR,
        "app_version": __version__,
        "exported_at": m.utcnow().isoformat(),
        "copy": CopyKind.INTERNAL.value,
        "version": None,
        "author": author,
        "series": (
            {"id": visit.series.uuid, "name": visit.series.name, "description": visit.series.description}
            if visit.series else None
        ),
        "visit": {
            "id": visit.uuid, "title": visit.title, "starts_at": _iso(visit.starts_at), "ends_at": _iso(visit.ends_at),
            "place": visit.place, "status": visit.status.value, "language": visit.language,
            "agenda": list(visit.agenda or []),
            **_minutes_fields(visit),
        },
        "organisation": {
            "id": org.uuid, "name": org.name, "nip": org.nip, "krs": org.krs, "regon": org.regon,
            "sector": org.sector, "address": org.address, "website": org.website, "in_city_since": org.in_city_since,
        },
        "participants": [
            {
                "id": p.uuid, "side": p.side.value, "role": p.role,
                "person": {"id": p.person.uuid, "name": p.person.name, "role": p.person.role,
                           "institution": p.person.institution, "email": p.person.email, "phone": p.person.phone},
            }
            for p in visit.participants
        ],
        "template": {
            "key": template.key, "version": template.version, "title": template.title.model_dump(),
            "sections": [{"key": sec.key, "title": sec.title.model_dump()} for sec in template.sections],
            "fields": [
                {"key": f.key, "section": f.section, "type": f.type, "label": f.label.model_dump(),
                 "choices": {c.key: c.label.model_dump() for c in f.choices}}
                for f in template.fields
            ],
        },
        "notes": [
            {"id": n.uuid, "section": n.section, "kind": n.kind.value, "text": n.text, "author": n.author,
             "created_at": _iso(n.created_at), "updated_at": _iso(n.updated_at), "tags": list(n.tags or []),
             "visibility": n.visibility.value, "position": n.position}
            for n in notes
        ],
        "action_items": [
            {"id": a.uuid, "note_id": a.note.uuid if a.note else None, "description": a.description,
             "owner": a.owner, "due_date": _iso(a.due_date), "status": a.status.value,
             "created_at": _iso(a.created_at), "updated_at": _iso(a.updated_at)}
            for a in sorted(visit.action_items, key=lambda a: a.id) if not a.deleted
        ],
        "answers": [
            {"field": a.field, "value": a.value, "author": a.author, "updated_at": _iso(a.updated_at)}
            for a in sorted(visit.answers, key=lambda a: a.field)
        ],
    }


class RecordService(Service):
    def _author(self) -> dict[str, str]:
        ident = self.identity
        author = {"name": ident.name, "institution": ident.institution, "role": ident.role}
        if getattr(ident, "department", ""):
            author["department"] = ident.department
        return author

    def _build(self, s: Session, visit: m.Visit) -> VisitRecord:
        record = VisitRecord.model_validate(record_data(visit, author=self._author()))
        latest = visit.versions[-1] if visit.versions else None
        if latest is not None and latest.content_hash == content_hash(record):
            record = record.model_copy(update={"version": latest.number})
        return record

    def build(self, visit_id: str, *, copy: str = CopyKind.INTERNAL) -> VisitRecord:
        """The visit's current record; ``version`` is set when nothing changed since a finalised version."""
        with self.db.read() as s:
            record = self._build(s, visit_by_uuid(s, visit_id))
        return copy_of(record, copy)

    def finalise(self, visit_id: str, *, author: str | None = None) -> FinaliseResult:
        """Freeze the current state as the next version: the core operation
        :func:`visitapp.ops.records.finalise_visit`."""
        from visitapp.ops.records import finalise_visit

        return self._op(finalise_visit, visit_id, author=author)

    def versions(self, visit_id: str) -> list[VersionInfo]:
        with self.db.read() as s:
            visit = visit_by_uuid(s, visit_id)
            return [VersionInfo(v.number, v.created_at, v.author, v.content_hash) for v in visit.versions]

    def version_record(self, visit_id: str, number: int) -> VisitRecord:
        with self.db.read() as s:
            visit = visit_by_uuid(s, visit_id)
            row = s.scalar(select(m.VisitVersion).where(m.VisitVersion.visit_id == visit.id,
                                                         m.VisitVersion.number == number))
            if row is None:
                from visitapp.errors import NotFound
                from visitapp.i18n import _

                raise NotFound(_("This visit has no version {n}.").format(n=number))
            return VisitRecord.model_validate(row.record)
