"""What the coordinator reviews after merging: provenance of a visit's items, disagreements to settle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _
from visitapp.services.base import visit_by_uuid


@dataclass(frozen=True, slots=True)
class MergedFileInfo:
    number: int  # 1, 2, … within the visit, in merge order
    sha256: str
    file_name: str
    signer: str
    signed_at: dt.datetime | None
    author: str
    version: int | None
    merged_at: dt.datetime
    superseded: bool


@dataclass(frozen=True, slots=True)
class ItemProvenance:
    kind: str  # "note" | "action"
    item_id: str
    text: str
    file_number: int
    sha256: str
    signer: str
    signed_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class VisitProvenance:
    files: tuple[MergedFileInfo, ...]
    items: tuple[ItemProvenance, ...]


@dataclass(frozen=True, slots=True)
class DisagreementInfo:
    id: str
    visit_id: str
    organisation: str
    field: str
    current_value: Any
    other_value: Any
    other_author: str
    resolved: bool
    chosen_value: Any


def visit_provenance(db: Database, visit_id: str) -> VisitProvenance:
    with db.read() as s:
        visit = visit_by_uuid(s, visit_id)
        files = s.scalars(select(m.MergedFile).where(m.MergedFile.visit_uuid == visit.uuid)
                          .order_by(m.MergedFile.id)).all()
        numbers = {f.id: i for i, f in enumerate(files, 1)}
        infos = tuple(MergedFileInfo(numbers[f.id], f.sha256, f.file_name, f.signer, f.signed_at, f.author, f.version,
                                     f.merged_at, f.superseded_by_id is not None) for f in files)
        items: list[ItemProvenance] = []
        for kind, model, text_col in (("note", m.Note, m.Note.text), ("action", m.ActionItem, m.ActionItem.description)):
            rows = s.execute(
                select(model.uuid, text_col, m.MergedFile.id, m.MergedFile.sha256, m.MergedFile.signer,
                       m.MergedFile.signed_at)
                .join(m.Provenance, (m.Provenance.item_uuid == model.uuid) & (m.Provenance.item_kind == kind))
                .join(m.MergedFile, m.MergedFile.id == m.Provenance.merged_file_id)
                .where(model.visit_id == visit.id, model.deleted.is_(False))
                .order_by(model.id)
            ).all()
            items.extend(ItemProvenance(kind, uuid, text, numbers.get(fid, 0), sha, signer, signed_at)
                         for uuid, text, fid, sha, signer, signed_at in rows)
        return VisitProvenance(infos, tuple(items))


def format_provenance(prov: VisitProvenance, local) -> list[str]:  # noqa: ANN001
    """Lines for ``visitapp show`` (``local`` formats a UTC time)."""
    if not prov.files:
        return []
    lines = ["", _("Provenance") + ":"]
    for f in prov.files:
        version = _("version {n}").format(n=f.version) if f.version else _("not finalised")
        state = f" [{_('superseded')}]" if f.superseded else ""
        lines.append(f"  [{f.number}] {f.file_name or '-'}  sha256 {f.sha256[:16]}…  "
                     + _("signed by {signer} on {when}").format(signer=f.signer or "?", when=local(f.signed_at) or "?")
                     + f"  ({f.author}, {version}){state}")
    for item in prov.items:
        label = _("note") if item.kind == "note" else _("action item")
        text = item.text if len(item.text) <= 60 else item.text[:59] + "…"
        lines.append(f"  {label}: {text}  ← [{item.file_number}]")
    return lines


def disagreements(db: Database, *, include_resolved: bool = False, visit_id: str | None = None) -> list[DisagreementInfo]:
    with db.read() as s:
        query = select(m.Disagreement).join(m.Visit).order_by(m.Disagreement.id)
        if not include_resolved:
            query = query.where(m.Disagreement.resolved_at.is_(None))
        if visit_id:
            query = query.where(m.Disagreement.visit_id == visit_by_uuid(s, visit_id).id)
        return [
            DisagreementInfo(d.uuid, d.visit.uuid, d.visit.organisation.name, d.field, d.current_value, d.other_value,
                             d.other_author, d.resolved_at is not None, d.chosen_value)
            for d in s.scalars(query)
        ]


def flagged_visits(db: Database) -> set[str]:
    """Ids of visits with a disagreement the coordinator has not settled."""
    with db.read() as s:
        return set(s.scalars(select(m.Visit.uuid).join(m.Disagreement, m.Disagreement.visit_id == m.Visit.id)
                             .where(m.Disagreement.resolved_at.is_(None))))


def resolve(db: Database, disagreement_id: str, keep: str) -> DisagreementInfo:
    """Settle a disagreement: ``keep="current"`` keeps the registry's value, ``"other"`` takes the other one."""
    if keep not in ("current", "other"):
        raise InvalidInput(_("Choose which value to keep: current or other."))
    ref = disagreement_id.strip().lower()
    with db.write() as s:
        rows = s.scalars(select(m.Disagreement).where(m.Disagreement.uuid.startswith(ref))).all() if len(ref) >= 4 else []
        if len(rows) != 1:
            raise NotFound(_("There is no disagreement with the id {ref}.").format(ref=disagreement_id))
        d = rows[0]
        visit = d.visit
        value = d.current_value if keep == "current" else d.other_value
        if keep == "other":
            _apply(s, visit, d.field, value)
        d.resolved_at = m.utcnow()
        d.chosen_value = value
        s.flush()
        return DisagreementInfo(d.uuid, visit.uuid, visit.organisation.name, d.field, d.current_value, d.other_value,
                                d.other_author, True, value)


def _apply(s, visit: m.Visit, field: str, value: Any) -> None:  # noqa: ANN001
    if field == "place":
        visit.place = str(value or "")
    elif field == "starts_at":
        visit.starts_at = dt.datetime.fromisoformat(value).astimezone(dt.UTC)
    elif field == "organisation":
        org = s.scalar(select(m.Organisation).where(m.Organisation.uuid == value.get("id")))
        if org is None and value.get("nip"):
            org = s.scalar(select(m.Organisation).where(m.Organisation.nip == value["nip"]))
        if org is None:
            raise NotFound(_("The organisation {name} is not in the registry.").format(name=value.get("name")))
        visit.organisation = org
    elif field.startswith("answer:"):
        key = field.removeprefix("answer:")
        answer = s.scalar(select(m.Answer).where(m.Answer.visit_id == visit.id, m.Answer.field == key))
        if answer is None:
            s.add(m.Answer(visit=visit, field=key, value=value))
        else:
            answer.value = value
