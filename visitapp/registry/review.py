"""What the coordinator reviews after merging: provenance of a visit's items, disagreements to settle."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _
from visitapp.registry.signers import file_signer, item_signers, signer_of, trusted_names, typed_beside, who
from visitapp.services.base import visit_by_uuid


@dataclass(frozen=True, slots=True)
class MergedFileInfo:
    number: int  # 1, 2, … within the visit, in merge order
    sha256: str
    file_name: str
    signer: str  # every signature's name, as merged
    signed_at: dt.datetime | None
    author: str  # the first signer's certificate name, with the typed author beside it when it differs
    version: int | None
    merged_at: dt.datetime
    superseded: bool
    author_signer: str = ""  # the first signer's certificate name (trust list's subject, else as merged)
    typed_author: str = ""  # the author's name typed in the record, when it is not the certificate's


@dataclass(frozen=True, slots=True)
class ItemProvenance:
    kind: str  # "note" | "action"
    item_id: str
    text: str
    file_number: int
    sha256: str
    signer: str  # the certificate name of who brought it (the first signer of its file)
    signed_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class VisitProvenance:
    files: tuple[MergedFileInfo, ...]
    items: tuple[ItemProvenance, ...]


@dataclass(frozen=True, slots=True)
class ValueSource:
    """The merged file that gave one side of a disagreement: who signed it, the file, the minutes' version."""

    signer: str  # the first signature's certificate name (the trust list's subject when it holds it)
    file_name: str
    version: int | None
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class DisagreementInfo:
    id: str
    visit_id: str
    organisation: str
    field: str
    current_value: Any
    other_value: Any
    other_author: str  # the other file's signer, from the certificate, with the typed author beside it
    resolved: bool
    chosen_value: Any
    other_signer: str = ""  # the other file's first signer's certificate name
    other_typed_author: str = ""  # the author typed in the other file, when it is not the certificate's
    # Which file and version gave each value (None: the registry's own, or that file has left the registry).
    current_source: ValueSource | None = None
    other_source: ValueSource | None = None


def visit_provenance(db: Database, visit_id: str) -> VisitProvenance:
    with db.read() as s:
        visit = visit_by_uuid(s, visit_id)
        files = s.scalars(select(m.MergedFile).where(m.MergedFile.visit_uuid == visit.uuid)
                          .order_by(m.MergedFile.id)).all()
        numbers = {f.id: i for i, f in enumerate(files, 1)}
        trusted = trusted_names(s, {f.signer_fingerprint for f in files})
        signers = {f.id: file_signer(f, trusted) for f in files}
        infos = tuple(MergedFileInfo(numbers[f.id], f.sha256, f.file_name, f.signer, f.signed_at,
                                     who(signers[f.id], f.author), f.version, f.merged_at,
                                     f.superseded_by_id is not None, signers[f.id],
                                     typed_beside(signers[f.id], f.author)) for f in files)
        items: list[ItemProvenance] = []
        for kind, model, text_col in (("note", m.Note, m.Note.text),
                                      ("action", m.ActionItem, m.ActionItem.description)):
            rows = s.execute(
                select(model.uuid, text_col, m.MergedFile.id, m.MergedFile.sha256, m.MergedFile.signer,
                       m.MergedFile.signed_at)
                .join(m.Provenance, (m.Provenance.item_uuid == model.uuid) & (m.Provenance.item_kind == kind))
                .join(m.MergedFile, m.MergedFile.id == m.Provenance.merged_file_id)
                .where(model.visit_id == visit.id, model.deleted.is_(False))
                .order_by(model.id)
            ).all()
            items.extend(ItemProvenance(kind, uuid, text, numbers.get(fid, 0), sha, signers.get(fid, signer), signed_at)
                         for uuid, text, fid, sha, signer, signed_at in rows)
        return VisitProvenance(infos, tuple(items))


@dataclass(frozen=True, slots=True)
class VisitSigners:
    """Who brought each merged item of a visit: the certificate name of its file's first signer."""

    notes: dict[str, str]  # note id -> name
    actions: dict[str, str]  # action item id -> name
    answers: dict[str, str]  # answer field -> name

    def __bool__(self) -> bool:
        return bool(self.notes or self.actions or self.answers)


def visit_signers(db: Database, visit_id: str) -> VisitSigners:
    """The signers of a visit's merged notes, action items and answers (items made in this database have none)."""
    with db.read() as s:
        visit = visit_by_uuid(s, visit_id)
        notes = s.scalars(select(m.Note.uuid).where(m.Note.visit_id == visit.id)).all()
        actions = s.scalars(select(m.ActionItem.uuid).where(m.ActionItem.visit_id == visit.id)).all()
        answers = dict(s.execute(select(m.Answer.uuid, m.Answer.field).where(m.Answer.visit_id == visit.id)).all())
        by_answer = item_signers(s, "answer", answers)
        return VisitSigners(item_signers(s, "note", notes), item_signers(s, "action", actions),
                            {answers[uuid]: name for uuid, name in by_answer.items()})


def format_provenance(prov: VisitProvenance, local) -> list[str]:
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


def disagreements(
    db: Database, *, include_resolved: bool = False, visit_id: str | None = None
) -> list[DisagreementInfo]:
    with db.read() as s:
        query = select(m.Disagreement).join(m.Visit).order_by(m.Disagreement.id)
        if not include_resolved:
            query = query.where(m.Disagreement.resolved_at.is_(None))
        if visit_id:
            query = query.where(m.Disagreement.visit_id == visit_by_uuid(s, visit_id).id)
        rows = s.scalars(query).all()
        signers = _other_signers(s, rows)
        return [_info(d, signers, _sources(s, d)) for d in rows]


def _other_signers(s, rows: Sequence[m.Disagreement]) -> dict[int, str]:
    """Disagreement id -> the certificate name of whoever signed the file that brought the other value."""
    files = {d.merged_file_id for d in rows if d.merged_file_id is not None}
    if not files:
        return {}
    found = s.execute(select(m.MergedFile.id, m.MergedFile.signer_fingerprint, m.MergedFile.signer_name,
                             m.MergedFile.signer).where(m.MergedFile.id.in_(files))).all()
    trusted = trusted_names(s, {fp for _id, fp, _n, _s in found})
    names = {fid: signer_of(fp, name, signers, trusted) for fid, fp, name, signers in found}
    return {d.id: names[d.merged_file_id] for d in rows if d.merged_file_id in names}


def _info(d: m.Disagreement, signers: dict[int, str],
          sources: tuple[ValueSource | None, ValueSource | None] = (None, None)) -> DisagreementInfo:
    signer = signers.get(d.id, "")  # "" when that file left the registry: shown as "?" beside the typed name
    return DisagreementInfo(d.uuid, d.visit.uuid, d.visit.organisation.name, d.field, d.current_value,
                            d.other_value, who(signer, d.other_author), d.resolved_at is not None, d.chosen_value,
                            signer, typed_beside(signer, d.other_author), *sources)


def _record_fact(record: Any, field: str) -> Any:
    """A fact as a merged file's record gave it, in the form a disagreement keeps it (registry/apply.py)."""
    if not isinstance(record, dict):
        return None
    visit, org = record.get("visit") or {}, record.get("organisation") or {}
    if field == "organisation":
        return {"id": org.get("id"), "name": org.get("name"), "nip": org.get("nip")}
    if field == "starts_at":
        try:
            return dt.datetime.fromisoformat(str(visit.get("starts_at"))).astimezone(dt.UTC).isoformat()
        except ValueError:
            return None
    if field == "place":
        return str(visit.get("place") or "").strip()
    return None


def _same_fact(field: str, a: Any, b: Any) -> bool:
    if field == "organisation" and isinstance(a, dict) and isinstance(b, dict):
        return a.get("id") == b.get("id") or (bool(a.get("nip")) and a.get("nip") == b.get("nip"))
    return bool(a == b)


def _sources(s: Session, d: m.Disagreement) -> tuple[ValueSource | None, ValueSource | None]:
    """The files that gave the registry's value and the other value of this disagreement.

    The other value: the file whose merge raised it.  The registry's value: for
    an answer, the file its provenance names; for a fact of the visit, the
    latest other file of the visit whose record holds that value (none when it
    was typed in this registry).
    """
    files = {f.id: f for f in s.scalars(select(m.MergedFile).where(m.MergedFile.visit_uuid == d.visit.uuid))}
    current: m.MergedFile | None = None
    if d.field.startswith("answer:"):
        answer_uuid = s.scalar(select(m.Answer.uuid).where(m.Answer.visit_id == d.visit_id,
                                                           m.Answer.field == d.field.removeprefix("answer:")))
        file_id = s.scalar(select(m.Provenance.merged_file_id).where(
            m.Provenance.item_kind == "answer", m.Provenance.item_uuid == answer_uuid)) if answer_uuid else None
        current = files.get(file_id) if file_id is not None else None
        if current is not None and current.id == d.merged_file_id:
            current = None  # the provenance moved on to the other file (settled by taking its value)
    if current is None and not d.field.startswith("answer:"):
        for f in sorted(files.values(), key=lambda f: f.id, reverse=True):
            if f.id != d.merged_file_id and _same_fact(d.field, _record_fact(f.record, d.field), d.current_value):
                current = f
                break
    trusted = trusted_names(s, {f.signer_fingerprint for f in files.values()})

    def source(f: m.MergedFile | None) -> ValueSource | None:
        return None if f is None else ValueSource(file_signer(f, trusted), f.file_name, f.version, f.sha256)

    other = files.get(d.merged_file_id) if d.merged_file_id is not None else None
    return source(current), source(other)


def flagged_visits(db: Database) -> set[str]:
    """Ids of visits with a disagreement the coordinator has not settled."""
    with db.read() as s:
        return set(s.scalars(select(m.Visit.uuid).join(m.Disagreement, m.Disagreement.visit_id == m.Visit.id)
                             .where(m.Disagreement.resolved_at.is_(None))))


def resolve(db: Database, disagreement_id: str, keep: str) -> DisagreementInfo:
    """Settle a disagreement: ``keep="current"`` keeps the registry's value, ``"other"`` takes the other one.

    One operation (:func:`visitapp.ops.registry.resolve_disagreement`): undoable, in the history.
    """
    from visitapp.ops.history import history_for
    from visitapp.ops.registry import resolve_disagreement

    return resolve_disagreement(history_for(db), disagreement_id, keep).result


def settle(s: Session, disagreement_id: str, keep: str) -> DisagreementInfo:
    """The body of :func:`resolve` on the session of its operation."""
    if keep not in ("current", "other"):
        raise InvalidInput(_("Choose which value to keep: current or other."))
    ref = disagreement_id.strip().lower()
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
    return _info(d, _other_signers(s, [d]), _sources(s, d))


def _apply(s, visit: m.Visit, field: str, value: Any) -> None:
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
