"""Personal data rights (GDPR art. 15 and 17): list people, export all held about one, erase one.

Erasure replaces a person's name, e-mail, phone and role by a pseudonym in
every table of the database (structured fields of stored records too), and
with ``redact_mentions`` also the mentions of their name in typed texts
(inflected Polish forms where the name's stem matches). Afterwards no byte of
the name is left in the database files: the search index is rebuilt, then
(SQLite) with ``secure_delete`` on the WAL is checkpointed and truncated and
the file vacuumed; (PostgreSQL) after the commit, the tables changed are
rewritten by ``VACUUM (FULL, ANALYZE)`` (new files; the old ones, holding the
dead rows, are dropped) and the planner's statistics (``pg_statistic``, which
keep sample values of columns, names among them) are rewritten too.  What
stays on the server is for its administrator: WAL segments not yet recycled,
archived WAL and base backups (see README). The erasure is remembered (``erasures``: hashes, never the
name), so a record merged later that names the person again is pseudonymised
before it is stored (:func:`redact_incoming`). Signed PDFs are not changed:
the files that named the person are listed for the coordinator to handle.
The copies visitapp made beside the database before upgrading it (they hold
the data as it was) are overwritten and deleted, and listed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import hashlib
import json
import os
import re
import uuid as uuid_mod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import DatabaseError, InvalidInput
from visitapp.i18n import _
from visitapp.services.base import by_uuid
from visitapp.validation import fold_diacritics

# Tables whose rows hold no personal text, or that are rebuilt from the others.
_SKIP_TABLES = {"alembic_version", "erasures"}
# Typed texts: changed only with redact_mentions (in tables, and as keys inside stored records).
_TEXT_COLUMNS = {("notes", "text"), ("action_items", "description"), ("drafts", "text"), ("drafts", "data")}
_TEXT_KEYS = {"text", "description"}
_VOWELS = "aąeęioóuyAĄEĘIOÓUY"
# Polish case endings added to a stem (nouns and adjectival surnames, both genders).
_ENDINGS = ("", "a", "y", "i", "e", "ie", "ę", "ą", "o", "u", "em", "iem", "owi", "om", "ego", "emu", "ej", "ym",
            "im", "ich", "ach", "ami", "owie", "ów", "owa", "owej", "ową", "owy", "owego", "iego", "iemu")


# -- names ------------------------------------------------------------------------------------


def name_hash(name: str) -> str:
    key = " ".join(fold_diacritics(name).lower().split())
    return hashlib.sha256(f"visitapp.erasure/1 name:{key}".encode()).hexdigest()


def email_hash(email: str) -> str:
    email = (email or "").strip().lower()
    return hashlib.sha256(f"visitapp.erasure/1 email:{email}".encode()).hexdigest() if email else ""


def _stems(token: str) -> list[str]:
    stems = {token}
    bare = token.rstrip(_VOWELS)
    if len(bare) >= 2:
        stems.add(bare)
    if len(token) >= 4 and token[-2] in "eE" and token[-1] not in _VOWELS:  # Paweł -> Pawła, Marek -> Marka
        stems.add(token[:-2] + token[-1])
    return sorted(stems, key=len, reverse=True)


def mention_pattern(name: str) -> re.Pattern[str]:
    """A pattern for the full name and each of its words in any inflected form (case-insensitive)."""
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if len(w) >= 3]
    parts = [re.escape(" ".join(name.split()))]
    endings = "|".join(sorted((re.escape(e) for e in _ENDINGS), key=len, reverse=True))
    for word in words:
        for stem in _stems(word):
            parts.append(re.escape(stem) + f"(?:{endings})")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@dataclass
class _Redactor:
    """Replaces one person's identifiers (and, for typed texts, mentions) by the pseudonym."""

    pseudonym: str
    names: list[str]
    literals: list[str]  # e-mail, phone: replaced wherever they appear
    mentions: bool

    def __post_init__(self) -> None:
        exact = [re.escape(" ".join(n.split())) for n in self.names if n.strip()]
        self._exact = re.compile(r"(?<!\w)(?:" + "|".join(exact) + r")(?!\w)", re.IGNORECASE) if exact else None
        self._mention = [mention_pattern(n) for n in self.names if n.strip()]

    def plain(self, value: str, *, typed: bool) -> str:
        for literal in self.literals:
            if literal:
                value = re.sub(re.escape(literal), self.pseudonym, value, flags=re.IGNORECASE)
        if typed and not self.mentions:
            return value
        if self._exact is not None:
            value = self._exact.sub(self.pseudonym, value)
        if self.mentions:
            for pattern in self._mention:
                value = pattern.sub(self.pseudonym, value)
        return value

    def data(self, value: Any, *, typed: bool = False) -> Any:
        if isinstance(value, str):
            return self.plain(value, typed=typed)
        if isinstance(value, list):
            return [self.data(v, typed=typed) for v in value]
        if isinstance(value, dict):
            return {k: self.data(v, typed=typed or k in _TEXT_KEYS) for k, v in value.items()}
        return value

    def column(self, table: str, column: str, value: str) -> str:
        typed = (table, column) in _TEXT_COLUMNS
        stripped = value.lstrip()
        if stripped[:1] in ("{", "["):
            try:
                loaded = json.loads(value)
            except ValueError:
                loaded = None
            if isinstance(loaded, dict | list):
                changed = self.data(loaded, typed=typed)
                return value if changed == loaded else json.dumps(changed)
        return self.plain(value, typed=typed)


# -- listing and export -------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    institution: str
    email: str
    visits: int
    erased: bool


def list_people(db: Database) -> list[PersonRow]:
    with db.read() as s:
        erased = set(s.scalars(select(m.Erasure.person_uuid)))
        counts = dict(s.execute(select(m.Participant.person_id, func.count(func.distinct(m.Participant.visit_id)))
                                .group_by(m.Participant.person_id)).all())
        return [PersonRow(p.uuid, p.name, p.institution, p.email, counts.get(p.id, 0), p.uuid in erased)
                for p in s.scalars(select(m.Person).order_by(m.Person.name, m.Person.id))]


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _mentions(pattern: re.Pattern[str], value: Any) -> bool:
    return bool(pattern.search(json.dumps(value, ensure_ascii=False))) if not isinstance(value, str) else bool(
        pattern.search(value))


def _files_naming(s: Session, person: m.Person, names: list[str]) -> list[m.MergedFile]:
    patterns = [re.compile(r"(?<!\w)" + re.escape(" ".join(n.split())) + r"(?!\w)", re.IGNORECASE)
                for n in names if n.strip()]
    out = []
    for f in s.scalars(select(m.MergedFile).order_by(m.MergedFile.id)):
        people = [p.get("person", {}) for p in (f.record or {}).get("participants", []) if isinstance(p, dict)]
        if any(isinstance(p, dict) and p.get("id") == person.uuid for p in people) or any(
                _mentions(pat, f.record) for pat in patterns):
            out.append(f)
    return out


def _file_json(f: m.MergedFile) -> dict[str, Any]:
    return {"file": f.file_name, "sha256": f.sha256, "signer": f.signer_name or f.signer,
            "merged_at": _iso(f.merged_at), "visit_id": f.visit_uuid, "version": f.version}


def export_person(db: Database, ref: str) -> dict[str, Any]:
    """Everything this database holds about one person (GDPR art. 15), as JSON-ready data."""
    with db.read() as s:
        person = by_uuid(s, m.Person, ref)
        pattern = mention_pattern(person.name)
        exact = re.compile(r"(?<!\w)" + re.escape(" ".join(person.name.split())) + r"(?!\w)", re.IGNORECASE)
        parts = s.scalars(select(m.Participant).where(m.Participant.person_id == person.id)).all()
        participations = [{"visit_id": p.visit.uuid, "title": p.visit.title, "starts_at": _iso(p.visit.starts_at),
                           "organisation": p.visit.organisation.name, "side": str(p.side), "role": p.role}
                          for p in parts]
        prov = {(r.item_kind, r.item_uuid): r.merged_file for r in s.scalars(select(m.Provenance))}

        def origin(kind: str, uuid: str) -> dict[str, Any] | None:
            f = prov.get((kind, uuid))
            return _file_json(f) if f is not None else None

        notes_written, notes_mentioning = [], []
        for n in s.scalars(select(m.Note).order_by(m.Note.id)):
            row = {"id": n.uuid, "visit_id": n.visit.uuid, "section": n.section, "kind": str(n.kind), "text": n.text,
                   "author": n.author, "created_at": _iso(n.created_at), "updated_at": _iso(n.updated_at),
                   "visibility": str(n.visibility), "deleted": n.deleted, "provenance": origin("note", n.uuid)}
            if exact.fullmatch(n.author.strip() or "-"):
                notes_written.append(row)
            elif pattern.search(n.text):
                notes_mentioning.append(row)
        actions = [{"id": a.uuid, "visit_id": a.visit.uuid, "description": a.description, "owner": a.owner,
                    "due_date": _iso(a.due_date), "status": str(a.status), "deleted": a.deleted,
                    "provenance": origin("action", a.uuid)}
                   for a in s.scalars(select(m.ActionItem).order_by(m.ActionItem.id)) if exact.search(a.owner)]
        answers = [{"visit_id": a.visit.uuid, "field": a.field, "value": a.value, "updated_at": _iso(a.updated_at),
                    "provenance": origin("answer", a.uuid)}
                   for a in s.scalars(select(m.Answer).order_by(m.Answer.id))
                   if exact.fullmatch(a.author.strip() or "-")]
        erased = s.scalar(select(m.Erasure).where(m.Erasure.person_uuid == person.uuid).limit(1))
        return {
            "format": "visitapp.person-export/1",
            "exported_at": dt.datetime.now(dt.UTC).isoformat(),
            "person": {"id": person.uuid, "name": person.name, "role": person.role, "institution": person.institution,
                       "email": person.email, "phone": person.phone, "created_at": _iso(person.created_at),
                       "updated_at": _iso(person.updated_at)},
            "erased_at": _iso(erased.erased_at) if erased else None,
            "participations": participations,
            "notes_written": notes_written,
            "notes_mentioning": notes_mentioning,
            "action_items_owned": actions,
            "answers_given": answers,
            "files_naming_them": [_file_json(f) for f in _files_naming(s, person, [person.name])],
        }


# -- erasure ------------------------------------------------------------------------------------


@dataclass
class ErasureResult:
    person_id: str
    pseudonym: str
    values_changed: int = 0
    files: list[dict[str, Any]] = field(default_factory=list)  # merged files (signed PDFs) that still name them
    #: Copies visitapp made beside the database before upgrading it: they held the person's data, and were deleted.
    backups_removed: list[str] = field(default_factory=list)
    #: PostgreSQL: tables this role may not vacuum (not their owner), whose old rows the server still holds.
    not_vacuumed: list[str] = field(default_factory=list)


def _redact_tables(s: Session, redactor: _Redactor, needles: list[str], touched: set[str] | None = None) -> int:
    """Apply ``redactor`` to every text value of every table (the search index is rebuilt after).

    ``touched`` receives the names of the tables changed.
    """
    conn = s.connection()
    insp = inspect(conn)
    folded = [fold_diacritics(n).lower() for n in needles if n]
    changed = 0
    for table in insp.get_table_names():
        if table in _SKIP_TABLES or table.startswith(("search_", "sqlite_")):
            continue
        pk = insp.get_pk_constraint(table).get("constrained_columns") or []
        if len(pk) != 1:
            continue
        cols = [c["name"] for c in insp.get_columns(table)
                if any(t in str(c["type"]).upper() for t in ("CHAR", "TEXT", "JSON", "CLOB"))]
        if not cols:
            continue
        q = ", ".join(f'"{c}"' for c in cols)
        for row in conn.execute(text(f'SELECT "{pk[0]}", {q} FROM "{table}"')).all():
            updates = {}
            for col, value in zip(cols, row[1:], strict=True):
                if not isinstance(value, str):
                    continue
                haystack = value
                if "\\u" in value:  # JSON written with ASCII escapes
                    try:
                        haystack = json.dumps(json.loads(value), ensure_ascii=False)
                    except ValueError:
                        pass
                haystack = fold_diacritics(haystack).lower()
                if not any(n in haystack for n in folded):
                    continue
                new = redactor.column(table, col, value)
                if new != value:
                    updates[col] = new
            if updates:
                sets = ", ".join(f'"{c}" = :{"v" + str(i)}' for i, c in enumerate(updates))
                params = {f"v{i}": v for i, v in enumerate(updates.values())}
                conn.execute(text(f'UPDATE "{table}" SET {sets} WHERE "{pk[0]}" = :pk'), {**params, "pk": row[0]})
                changed += len(updates)
                if touched is not None:
                    touched.add(table)
    return changed


def _needles(name: str) -> list[str]:
    """Cheap prefilters: the stems of each word of the name (a value without any is not looked at)."""
    out = []
    for word in re.split(r"[\s\-]+", name.strip()):
        if len(word) >= 3:
            out.extend(_stems(word))
    return out or [name]


def erase_person(db: Database, ref: str, *, redact_mentions: bool = False,
                 progress: Callable[[str], None] | None = None) -> ErasureResult:
    """Pseudonymise one person everywhere in the database and leave no byte of their name in its files.

    The erasure's transaction, then the files' scrub (vacuum, checkpoint), each run again while other
    coordinators keep the registry busy (:func:`visitapp.registry.waiting.patiently`); the upgrade backups are
    overwritten and their keyring entries forgotten once, after both (files and keyring: never retried).
    """
    from visitapp.registry.waiting import patiently

    person, pseudonym, changed, files, touched = patiently(
        lambda: _erase_in_one_transaction(db, ref, redact_mentions), what="person erase")
    try:
        left = patiently(lambda: scrub_files(db, touched), what="person erase: scrub")
    finally:  # the erasure is committed: its undo history and the backups go even if the scrub stayed busy
        forget_history(db)
        removed = [str(p) for p in remove_upgrade_backups(db.path)] if db.path is not None else []
    return ErasureResult(person, pseudonym, changed, files, removed, left)


def _erase_in_one_transaction(db: Database, ref: str,
                              redact_mentions: bool) -> tuple[str, str, int, list[dict[str, Any]], set[str]]:
    """The erasure itself: the person's uuid, pseudonym, values changed, files naming them, tables touched."""
    with db.write() as s:
        person = by_uuid(s, m.Person, ref)
        if s.scalar(select(m.Erasure.id).where(m.Erasure.person_uuid == person.uuid).limit(1)) is not None:
            raise InvalidInput(_("This person was erased already."))
        name, email, phone = person.name, person.email, person.phone
        files = [_file_json(f) for f in _files_naming(s, person, [name])]
        pseudonym = _("Erased person {code}").format(code=uuid_mod.uuid4().hex[:8])
        redactor = _Redactor(pseudonym, [name], [v for v in (email, phone) if v.strip()], redact_mentions)
        if db.path is not None:  # SQLite: overwrite what is deleted or changed from now on
            s.execute(text("PRAGMA secure_delete = ON"))
        touched = {"people"}
        changed = _redact_tables(s, redactor, _needles(name) + [v for v in (email, phone) if v.strip()], touched)
        s.expire_all()
        s.refresh(person)  # as the redaction left it
        person.name, person.email, person.phone, person.role = pseudonym, "", "", ""
        s.add(m.Erasure(person_uuid=person.uuid, pseudonym=pseudonym, name_hash=name_hash(name),
                        email_hash=email_hash(email), redact_mentions=redact_mentions))
        db.backend.ensure_search(s.connection(), rebuild_index=True)
        return person.uuid, pseudonym, changed, files, touched


def upgrade_backups(path: Path) -> list[Path]:
    """The copies ``Database`` made beside ``path`` before upgrading it (``<stem>.before-upgrade-<rev>-<time>``)."""
    pattern = f"{glob.escape(path.stem)}.before-upgrade-*{glob.escape(path.suffix or '.db')}"
    return sorted(p for p in path.parent.glob(pattern) if p.is_file() and p != path)


def remove_upgrade_backups(path: Path) -> list[Path]:
    """Delete the upgrade backups of the database at ``path`` (they hold data as it was before an erasure).

    Each is overwritten with zeros before it is unlinked (with its -wal/-shm/-journal, and the key
    kept for it in the keyring), so its bytes do not stay readable in the folder's free space on a
    plain file system.  Returns the backups deleted.
    """
    from visitapp.db.engines.sqlcipher import forget_keyring_key

    removed = []
    for backup in upgrade_backups(path):
        for part in (backup, *(backup.with_name(backup.name + s) for s in ("-wal", "-shm", "-journal"))):
            if part.is_file():
                _overwrite_and_unlink(part)
        forget_keyring_key(backup)
        removed.append(backup)
    return removed


def _overwrite_and_unlink(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("r+b") as fh:
            chunk = b"\0" * (1 << 20)
            for start in range(0, size, len(chunk)):
                fh.write(chunk[: min(len(chunk), size - start)])
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
    except OSError as err:
        raise DatabaseError(
            _("The backup {path} still holds the erased person's data and could not be deleted ({reason}); "
              "delete it yourself.").format(path=path, reason=err.strerror or type(err).__name__)
        ) from err


def forget_history(db: Database) -> None:
    """Drop the undo/redo steps kept in memory: undoing one would write back what was just erased."""
    from visitapp.ops.history import history_for

    history_for(db).clear()


def scrub_files(db: Database, tables: set[str] | None = None) -> list[str]:
    """Leave no freed page or WAL frame with old content: checkpoint and truncate the WAL, vacuum (SQLite).

    On PostgreSQL: rewrite ``tables`` (None: every table of the schema) and the planner's statistics
    (:func:`visitapp.registry.server_scrub.vacuum_server`); returns the tables this role could not
    rewrite (an SQLite file: none).
    """
    if db.path is None:
        if db.backend.name != "PostgreSQL":
            return []
        from visitapp.registry.server_scrub import vacuum_server

        return vacuum_server(db, tables)
    raw = db.engine.raw_connection()
    try:
        con = raw.driver_connection  # a plain sqlite3 connection: VACUUM runs outside any transaction
        assert con is not None  # a pooled connection always holds its driver's connection
        if con.in_transaction:
            con.commit()
        for stmt in ("PRAGMA secure_delete = ON", "PRAGMA temp_store = MEMORY", "PRAGMA wal_checkpoint(TRUNCATE)",
                     "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"):
            con.execute(stmt)
    except Exception as err:
        mapped = db.backend.translate_error(err)
        if mapped is None:
            raise
        raise mapped from err
    finally:
        raw.close()
    return []


# -- merging after an erasure -------------------------------------------------------------------


def redact_incoming(s: Session, record: Any, source: Any) -> tuple[Any, Any]:
    """The record and its source with every erased person they name pseudonymised (themselves when none)."""
    erasures = s.scalars(select(m.Erasure)).all()
    if not erasures:
        return record, source
    from visitapp.exchange.record import VisitRecord, dump_record

    by_name = {e.name_hash: e for e in erasures}
    by_email = {e.email_hash: e for e in erasures if e.email_hash}
    by_uuid_ = {e.person_uuid: e for e in erasures}
    data = dump_record(record)
    found: dict[int, tuple[m.Erasure, list[str], list[str]]] = {}

    def hit(e: m.Erasure, name: str, literals: list[str]) -> None:
        entry = found.setdefault(e.id, (e, [], []))
        if name and name not in entry[1]:
            entry[1].append(name)
        entry[2].extend(v for v in literals if v and v not in entry[2])

    for part in data.get("participants", []):
        person = part.get("person", {})
        e = (by_uuid_.get(person.get("id")) or by_email.get(email_hash(person.get("email", "")))
             or by_name.get(name_hash(person.get("name", ""))))
        if e is not None:
            hit(e, person.get("name", ""), [person.get("email", ""), person.get("phone", "")])
            person.update({"id": e.person_uuid, "name": e.pseudonym, "email": "", "phone": "", "role": ""})
    authors = [data.get("author", {}).get("name", "")]
    authors += [n.get("author", "") for n in data.get("notes", [])]
    authors += [a.get("author", "") for a in data.get("answers", [])]
    signers = [source.signer_name, *(x.strip() for x in source.signer.split(","))]
    for author in {a for a in authors + signers if a}:
        e = by_name.get(name_hash(author))
        if e is not None:
            hit(e, author, [])
    if not found:
        return record, source
    for e, names, literals in found.values():
        redactor = _Redactor(e.pseudonym, names, literals, e.redact_mentions)
        data = redactor.data(data)
        source = dataclasses.replace(source, signer=redactor.plain(source.signer, typed=False),
                                     signer_name=redactor.plain(source.signer_name, typed=False))
    return VisitRecord.model_validate(data), source
