"""Applying one verified visit record to the registry.

Matching rules are in :mod:`visitapp.registry.match`; visits, notes and action
items are matched by id.  Files and the batch runner are in
:mod:`visitapp.registry.batch`.

Rules (workflow 5 of the design):

* every file is merged in one transaction (:meth:`Database.write`): a crash in
  the middle leaves the registry as it was before that file;
* a file is known by its SHA-256: the same file again changes nothing;
* the author of a record is whoever made its first signature, known by the
  SHA-256 fingerprint of their certificate; the author's name in the record is
  only shown, never trusted (anyone can type any name, and one person may
  export under two spellings);
* each accepted file is kept in ``merged_files`` with its record, so an older
  version of one author's minutes stays in the history after a newer one
  supersedes it; an older version that arrives late is only kept there;
* notes and action items keep their authors; one that exists already is
  replaced only by a newer edit of it (``updated_at``) signed by the same
  author, so a coordinator's follow-up in the registry is not undone by an old
  file and no official can rewrite another's notes;
* a note or action item the same author removed in a newer version is marked
  deleted (it stays in the history);
* the company's copy of the minutes is refused: it leaves out the internal
  notes, so merging it would look as if the author had removed them;
* where two records disagree on a visit's facts (organisation, start, place)
  or on a structured answer, the registry keeps its value, records the other
  one as a :class:`~visitapp.db.models.Disagreement` and flags the visit; a
  correction by the only author of those facts is applied.

:func:`merge_record` takes a record that is already verified.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, overload

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.domain import CopyKind
from visitapp.errors import NotFound
from visitapp.exchange.record import VisitRecord, dump_record
from visitapp.i18n import _
from visitapp.registry.match import (
    match_organisation,
    match_person,
    match_series,
    merge_keys,
    present,
    uuid_free,
)
from visitapp.registry.results import BeforeCommit, FileResult, Source
from visitapp.registry.signers import typed_beside, who
from visitapp.services.records import content_hash
from visitapp.templates import DEFAULT_TEMPLATE, agenda_key, get_template

FACTS = ("organisation", "starts_at", "place")
_STATUS_RANK = {m.VisitStatus.PLANNED: 0, m.VisitStatus.IN_PROGRESS: 1, m.VisitStatus.FINALISED: 2}


@overload
def _utc(value: dt.datetime) -> dt.datetime: ...
@overload
def _utc(value: None) -> None: ...
def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _version_key(version: int | None, exported_at: dt.datetime | None) -> tuple[int, dt.datetime]:
    return (version or 0, _utc(exported_at) or dt.datetime.min.replace(tzinfo=dt.UTC))


def _agenda_mode(rec: VisitRecord) -> str:
    """Whether the official made the agenda the visit's sections (its record's sections say so), so the
    registry files the merged notes under the same sections."""
    keys = [s.key for s in rec.template.sections]
    if agenda_key(1) not in keys:
        return ""
    return "replace" if keys[0] == agenda_key(1) else "append"


# -- the merge -----------------------------------------------------------------


class _Merge:
    def __init__(self, s: Session, record: VisitRecord, source: Source, log: m.MergedFile,
                 previous: m.MergedFile | None) -> None:
        self.s = s
        self.record = record
        self.source = source
        self.log = log
        self.previous = previous
        self.author = record.author.name.strip()  # shown, never trusted
        self.fingerprint = source.signer_fingerprint
        self.changes: Counter[str] = Counter()
        self.disagreements = 0
        self.new_disagreements: list[m.Disagreement] = []
        self.provenance: dict[str, dict[str, m.Provenance]] = {"note": {}, "action": {}}  # kind -> uuid -> row
        self.new_provenance: list[m.Provenance] = []
        self.present: set[str] = set()  # the tables holding items this record names (see probe)

    # facts of the visit ----------------------------------------------------

    def _fact_value(self, name: str, visit: m.Visit | None = None, org: m.Organisation | None = None,
                    record: VisitRecord | None = None) -> Any:
        if record is not None:
            if name == "organisation":
                return {"id": record.organisation.id, "name": record.organisation.name, "nip": record.organisation.nip}
            if name == "starts_at":
                return _utc(record.visit.starts_at).isoformat()
            return record.visit.place.strip()
        assert visit is not None
        if name == "organisation":
            o = org or visit.organisation
            return {"id": o.uuid, "name": o.name, "nip": o.nip}
        if name == "starts_at":
            return _utc(visit.starts_at).isoformat()
        return visit.place

    def _sole_author(self, visit: m.Visit) -> bool:
        """Whether every current record of this visit in the registry was signed by this author."""
        signers = set(self.s.scalars(
            select(m.MergedFile.signer_fingerprint).where(
                m.MergedFile.visit_uuid == visit.uuid, m.MergedFile.id != self.log.id,
                or_(m.MergedFile.superseded_by_id.is_(None), m.MergedFile.superseded_by_id == self.log.id))
        ))
        return bool(signers) and signers == {self.fingerprint}

    def _disagree(self, visit: m.Visit, field_name: str, current: Any, other: Any) -> None:
        known = self.s.scalars(select(m.Disagreement).where(m.Disagreement.visit_id == visit.id,
                                                            m.Disagreement.field == field_name)).all()
        # The session does not autoflush (see merge_in): this file's own ones are not in the registry yet.
        known = [*known, *(d for d in self.new_disagreements if d.field == field_name)]
        if any(d.other_value == other for d in known):
            return
        row = m.Disagreement(visit=visit, field=field_name, current_value=current, other_value=other,
                             other_author=self.author, merged_file_id=self.log.id)
        self.s.add(row)
        self.new_disagreements.append(row)
        self.disagreements += 1

    def visit(self) -> m.Visit:
        rec = self.record
        self.probe()
        series = match_series(self.s, rec.series, look="series" in self.present)
        org = match_organisation(self.s, rec.organisation, self.changes, look="organisations" in self.present)
        visit = (self.s.scalar(select(m.Visit).where(m.Visit.uuid == rec.visit.id))
                 if "visits" in self.present else None)
        try:
            template = get_template(rec.template.key)
        except NotFound:
            template = get_template(DEFAULT_TEMPLATE)
        if visit is None:
            visit = m.Visit(
                uuid=rec.visit.id, organisation=org, series=series, title=rec.visit.title,
                starts_at=_utc(rec.visit.starts_at), ends_at=_utc(rec.visit.ends_at), place=rec.visit.place.strip(),
                status=m.VisitStatus(rec.visit.status), language=rec.visit.language, template_key=template.key,
                template_version=template.version, agenda=list(rec.visit.agenda),
                agenda_sections=_agenda_mode(rec),
            )
            self.s.add(visit)
            self.changes["visits_added"] += 1
            return visit
        sole = self._sole_author(visit)
        for name in FACTS:
            ours = self._fact_value(name, visit)
            theirs = self._fact_value(name, record=rec)
            same = org is visit.organisation if name == "organisation" else ours == theirs
            if same:
                continue
            if sole:  # the only author corrects their own minutes
                if name == "organisation":
                    visit.organisation = org
                elif name == "starts_at":
                    visit.starts_at = _utc(rec.visit.starts_at)
                else:
                    visit.place = rec.visit.place.strip()
                self.changes["visit_facts_updated"] += 1
            else:
                self._disagree(visit, name, ours, theirs)
        if visit.series is None and series is not None:
            visit.series = series
        if not visit.title and rec.visit.title:
            visit.title = rec.visit.title
        if visit.ends_at is None and rec.visit.ends_at is not None:
            visit.ends_at = _utc(rec.visit.ends_at)
        if not visit.agenda and rec.visit.agenda:
            visit.agenda = list(rec.visit.agenda)
        incoming = m.VisitStatus(rec.visit.status)
        if _STATUS_RANK[incoming] > _STATUS_RANK[visit.status]:
            visit.status = incoming
        return visit

    def participants(self, visit: m.Visit) -> None:
        if not self.record.participants:
            return
        # Autoflush on here: a person added for one participant is matched by the next one's e-mail or name.
        self.s.autoflush = True
        try:
            self._participants(visit)
        finally:
            self.s.autoflush = False

    def _participants(self, visit: m.Visit) -> None:
        present = list(visit.participants)
        for p in self.record.participants:
            person = match_person(self.s, p.person, self.changes)
            if any(x.person is person for x in present):
                continue
            extra = {"uuid": p.id} if uuid_free(self.s, m.Participant, p.id) else {}
            part = m.Participant(visit=visit, person=person, side=m.Side(p.side), role=p.role,
                                 position=len(present), **extra)
            self.s.add(part)
            present.append(part)
            self.changes["participants_added"] += 1

    # notes and action items ----------------------------------------------------

    def load_provenance(self) -> None:
        """The provenance of every note and action item this record or the signer's previous version names.

        One query for both kinds (the unique index on kind and uuid serves it).
        """
        wanted = {("note", uuid) for uuid in self._item_ids("notes", self.record.notes)}
        wanted |= {("action", uuid) for uuid in self._item_ids("action_items", self.record.action_items)}
        if not wanted or "provenance" not in self.present:
            return
        rows = self.s.scalars(select(m.Provenance).where(m.Provenance.item_kind.in_(("note", "action")),
                                                         m.Provenance.item_uuid.in_({u for _k, u in wanted})))
        for row in rows:
            if (row.item_kind, row.item_uuid) in wanted:
                self.provenance[row.item_kind][row.item_uuid] = row

    def probe(self) -> None:
        """The tables that hold a row this record may match (see :func:`~visitapp.registry.match.present`)."""
        wanted = {("note", uuid) for uuid in self._item_ids("notes", self.record.notes)}
        wanted |= {("action", uuid) for uuid in self._item_ids("action_items", self.record.action_items)}
        self.present = present(self.s, self.record, wanted)

    def _mark(self, prov: dict[str, m.Provenance], kind: str, uuid: str) -> None:
        row = prov.get(uuid)
        if row is None:  # not in the session: write_provenance inserts all new ones at once
            row = m.Provenance(item_kind=kind, item_uuid=uuid, merged_file_id=self.log.id)
            self.new_provenance.append(row)
            prov[uuid] = row
        else:
            row.merged_file_id = self.log.id

    def write_provenance(self) -> None:
        """Insert the new provenance rows in one statement (after the flush that wrote their items)."""
        if self.new_provenance:
            self.s.execute(insert(m.Provenance), [
                {"item_kind": r.item_kind, "item_uuid": r.item_uuid, "merged_file_id": r.merged_file_id}
                for r in self.new_provenance])

    def _previous_ids(self, key: str) -> set[str]:
        if self.previous is None:
            return set()
        return {str(item.get("id")) for item in (self.previous.record or {}).get(key, []) if isinstance(item, dict)}

    def _item_ids(self, key: str, recs: Sequence[Any]) -> list[str]:
        """The ids of this record's items under ``key`` and of those in the signer's previous version."""
        return [r.id for r in recs] + list(self._previous_ids(key))

    def _signed_by_author(self, row: m.Provenance | None) -> bool:
        """Whether the item behind this provenance was brought by this record's signer."""
        if row is None:  # made in the registry itself, not by any merged file
            return False
        if row.merged_file_id == self.log.id:
            return True
        brought = self.s.get(m.MergedFile, row.merged_file_id)
        return brought is not None and brought.signer_fingerprint == self.fingerprint

    def _items(self, kind: str, key: str, model: type[m.Note | m.ActionItem], visit: m.Visit,
               recs: Sequence[Any], values_of: Callable[[Any], dict[str, Any]],
               new_of: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
        """Add, update and remove this record's notes or action items (``kind`` "note" or "action").

        A new item is added; an existing one is updated only by a newer edit
        (``updated_at``) from the signer who brought it; one that this signer's
        previous version had and this one has not is marked deleted.
        """
        counter = "notes" if kind == "note" else "actions"
        previous = self._previous_ids(key)
        ids = self._item_ids(key, recs)
        # Notes or action items: select() over a union of models would type them as their base, Record.
        existing: dict[str, Any] = (
            {row.uuid: row for row in self.s.scalars(select(model).where(model.uuid.in_(ids)))}
            if ids and model.__tablename__ in self.present else {})
        prov = self.provenance[kind]
        for r in recs:
            row = existing.get(r.id)
            values = values_of(r)
            if row is None:
                row = model(uuid=r.id, visit=visit, created_at=_utc(r.created_at), updated_at=_utc(r.updated_at),
                            **new_of(r), **values)
                self.s.add(row)
                existing[r.id] = row
                self.changes[f"{counter}_added"] += 1
                self._mark(prov, kind, r.id)
                continue
            if not self._signed_by_author(prov.get(r.id)):
                continue  # another official's item: only they can change it
            differs = row.deleted or any(getattr(row, k) != v for k, v in values.items())
            if differs and _utc(r.updated_at) >= row.updated_at:
                for k, v in values.items():
                    setattr(row, k, v)
                row.deleted = False
                row.updated_at = _utc(r.updated_at)
                self.changes[f"{counter}_updated"] += 1
                self._mark(prov, kind, r.id)
        # What the same signer's previous version had and this one has not: removed by them.
        for uuid in previous - {r.id for r in recs}:
            row = existing.get(uuid)
            if row is not None and not row.deleted and self._signed_by_author(prov.get(uuid)):
                row.deleted = True
                self.changes[f"{counter}_removed"] += 1
                self._mark(prov, kind, uuid)
        return existing

    def notes(self, visit: m.Visit) -> dict[str, m.Note]:
        return self._items(
            "note", "notes", m.Note, visit, self.record.notes,
            lambda n: {"section": n.section, "kind": m.NoteKind(n.kind), "text": n.text, "tags": list(n.tags),
                       "visibility": m.Visibility(n.visibility), "position": n.position},
            lambda n: {"author": n.author or self.author},
        )

    def actions(self, visit: m.Visit, notes: dict[str, m.Note]) -> None:
        recs = self.record.action_items
        missing = [a.note_id for a in recs if a.note_id and a.note_id not in notes]
        if missing:
            notes = {**notes, **{n.uuid: n for n in self.s.scalars(select(m.Note).where(m.Note.uuid.in_(missing)))}}
        self._items(
            "action", "action_items", m.ActionItem, visit, recs,
            lambda a: {"description": a.description, "owner": a.owner, "due_date": a.due_date,
                       "status": m.ActionStatus(a.status)},
            lambda a: {"note": notes.get(a.note_id) if a.note_id else None},
        )

    def answers(self, visit: m.Visit) -> None:
        """Structured answers: the signer who brought one may update it; another's differing value is a
        disagreement (lists are united).  Who brought it is its provenance, like notes', never a typed name."""
        existing = {a.field: a for a in visit.answers}
        prov: dict[str, m.Provenance] = {}
        if existing:
            uuids = [a.uuid for a in existing.values()]
            prov = {row.item_uuid: row for row in self.s.scalars(select(m.Provenance).where(
                m.Provenance.item_kind == "answer", m.Provenance.item_uuid.in_(uuids)))}
        for a in self.record.answers:
            row = existing.get(a.field)
            author = a.author or self.author
            if row is None:
                row = m.Answer(uuid=m.new_uuid(), visit=visit, field=a.field, value=a.value, author=author,
                               updated_at=_utc(a.updated_at))
                self.s.add(row)
                existing[a.field] = row
                self.changes["answers_added"] += 1
                self._mark(prov, "answer", row.uuid)
                continue
            if row.value == a.value:
                continue
            if self._signed_by_author(prov.get(row.uuid)):
                if _utc(a.updated_at) >= row.updated_at:
                    row.value = a.value
                    row.author = author
                    row.updated_at = _utc(a.updated_at)
                    self.changes["answers_updated"] += 1
                    self._mark(prov, "answer", row.uuid)
            elif isinstance(row.value, list) and isinstance(a.value, list):
                union = list(dict.fromkeys([*row.value, *a.value]))
                if union != row.value:
                    row.value = union
                    self.changes["answers_updated"] += 1
            else:
                self._disagree(visit, f"answer:{a.field}", row.value, a.value)


def merge_record(db: Database, record: VisitRecord, source: Source, *,
                 before_commit: BeforeCommit | None = None) -> FileResult:
    """Merge one verified record in one transaction; the result says what happened.

    ``before_commit`` is called inside the transaction, after everything is
    written and before the commit (tests pause or kill the merge there).
    """
    if not source.signer_fingerprint:
        raise ValueError("a merged record needs its signer's certificate fingerprint")
    base = FileResult(file=source.file_name, status="unchanged", sha256=source.sha256, visit_id=record.visit.id,
                      organisation=record.organisation.name, author=who(source.author_signer, record.author.name),
                      version=record.version, signer=source.signer,
                      typed_author=typed_beside(source.author_signer, record.author.name))
    if record.copy_kind == CopyKind.COMPANY:
        base.status = "rejected"
        base.reason = _("This is the company's copy of the minutes; merge the internal minutes instead.")
        return base
    from visitapp.db.engines.base import keyed_writes
    from visitapp.ops.history import history_for
    from visitapp.ops.registry import merge_verified

    try:  # one operation, one transaction (visitapp.ops.registry.merge_verified: not undoable)
        with keyed_writes():  # locks what it touches (Backend.lock_merge): merges may run side by side
            return merge_verified(history_for(db), record, source, base, before_commit=before_commit,
                                  lock=db.backend.lock_merge).result
    except IntegrityError as err:
        detail = str(err.orig).split("\n")[0]
        base.status = "rejected"
        base.reason = _("The record clashes with the registry ({detail}); nothing of it was imported.").format(
            detail=detail)
        return base


def merge_in(s: Session, record: VisitRecord, source: Source, result: FileResult,
             before_commit: BeforeCommit | None = None,
             lock: Callable[[Session, Sequence[str]], None] | None = None) -> FileResult:
    """The body of :func:`merge_record` on the session of its operation.

    ``lock(session, keys)`` (the engine's ``Backend.lock_merge``) is called
    first, with :func:`merge_keys` of the record as received and as stored
    (a person erased here is stored under a pseudonym).
    """
    from visitapp.registry.persons import redact_incoming

    # People erased from this registry (GDPR) stay erased: pseudonymised before anything is stored.
    stored, stored_source = redact_incoming(s, record, source)
    if lock is not None:
        lock(s, sorted({*merge_keys(record, source), *merge_keys(stored, source)}))
    # One query (a round trip on a server) for both: this very file merged before, and the newest version of
    # the same author's minutes of this visit that nothing supersedes yet.
    known = s.scalars(select(m.MergedFile).where(or_(
        m.MergedFile.sha256 == source.sha256,
        and_(m.MergedFile.visit_uuid == stored.visit.id,
             m.MergedFile.signer_fingerprint == stored_source.signer_fingerprint,
             m.MergedFile.superseded_by_id.is_(None))))).all()
    if any(row.sha256 == source.sha256 for row in known):
        result.reason = _("This file was merged before.")
        return result
    record, source = stored, stored_source
    result.author, result.signer = who(source.author_signer, record.author.name), source.signer  # shown: erased too
    result.typed_author = typed_beside(source.author_signer, record.author.name)
    author = record.author.name.strip()  # kept as typed; shown only beside the certificate's name
    shown = who(source.author_signer, author)
    previous = max(known, key=lambda row: row.id, default=None)
    log = m.MergedFile(
        sha256=source.sha256, file_name=source.file_name, signer=source.signer, signer_name=source.author_signer,
        signer_organisation=source.signer_organisation, signer_fingerprint=source.signer_fingerprint,
        signed_at=_utc(source.signed_at), visit_uuid=record.visit.id, author=author, version=record.version,
        exported_at=_utc(record.exported_at), content_hash=content_hash(record), record=dump_record(record),
    )
    s.add(log)
    s.flush()
    if previous is not None and _version_key(previous.version, previous.exported_at) >= _version_key(
            record.version, record.exported_at):
        log.superseded_by_id = previous.id
        result.reason = _("An equal or newer version of these minutes by {author} is merged already; "
                          "this one is kept in the history.").format(author=shown)
        return result
    if previous is not None:
        previous.superseded_by_id = log.id
    # No autoflush: every look-up below is by ids this file's new rows cannot have (but for
    # participants, which turn it back on, and disagreements, which _Merge keeps itself), so all
    # the new rows go to the database in one flush at the end instead of one before each query.
    s.autoflush = False
    merge = _Merge(s, record, source, log, previous)
    visit = merge.visit()
    merge.participants(visit)
    merge.load_provenance()
    notes = merge.notes(visit)
    merge.actions(visit, notes)
    merge.answers(visit)
    s.flush()
    merge.write_provenance()
    if before_commit is not None:
        before_commit(source)
    result.changes = {k: v for k, v in sorted(merge.changes.items()) if v}
    result.disagreements = merge.disagreements
    if result.changes or merge.disagreements:
        result.status = "accepted"
        if previous is not None:
            result.reason = _("Supersedes version {old} by {author}.").format(old=previous.version or "-", author=shown)
    else:
        result.reason = _("Nothing new: the registry holds all of it already.")
    return result

