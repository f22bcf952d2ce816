"""The data model of visits (SQLAlchemy 2 typed declarative models).

Every record that can travel between databases (in the exchange record of a
signed PDF, or in a plan file) carries a stable UUID beside its local integer
key.  Times are stored as UTC.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid as uuid_mod
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false as sa_false

# The enumerations are defined once, in visitapp.domain; m.NoteKind etc. stay available here.
from visitapp.domain import ActionStatus, NoteKind, Side, Visibility, VisitStatus


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, hands back aware UTC; refuses naive datetimes on the way in."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC was expected")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)

    # SQLite (and SQLCipher) keep a datetime as text. SQLAlchemy's DATETIME writes that text by
    # formatting a dict of the seven fields, behind this decorator's own call: a tenth of the
    # Python time of a note save (benchmarks/storage.py). Where the dialect stores SQLAlchemy's
    # default format, one function does both steps and writes the same text; reading, too.
    def bind_processor(self, dialect: Any) -> Any:
        if not _iso_text(self, dialect):
            return super().bind_processor(dialect)
        utc, text = dt.UTC, _SQLITE_DATETIME_FIELDS
        # The last datetime written and its text, as one tuple (threads may share this): a save writes
        # one "now" to the note and to its visit.
        last: tuple[dt.datetime | None, str] = (None, "")

        def process(value: dt.datetime | None) -> str | None:
            nonlocal last
            if value is None:
                return None
            seen = last
            if value is seen[0]:
                return seen[1]
            if value.tzinfo is None:
                raise ValueError("naive datetime given where UTC was expected")
            t = value.astimezone(utc)  # the fields by place, not by name from a dict: a third of the time
            written = text % (t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond)
            last = (value, written)
            return written

        return process

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        if not _iso_text(self, dialect):
            return super().result_processor(dialect, coltype)
        utc, parse = dt.UTC, dt.datetime.fromisoformat

        def process(value: str | None) -> dt.datetime | None:
            if value is None:
                return None
            # The text written above, in UTC: read as such at once (replace() costs ten times more).
            if len(value) == 26:
                try:
                    return parse(value + "+00:00")
                except ValueError:
                    pass
            return parse(value).replace(tzinfo=utc)  # another shape (a date alone, from another program)

        return process


#: SQLAlchemy's text for a datetime in SQLite (``sqlite.DATETIME``), which ``fromisoformat`` reads.
_SQLITE_DATETIME_TEXT = "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"
_SQLITE_DATETIME_FIELDS = re.sub(r"%\(\w+\)", "%", _SQLITE_DATETIME_TEXT)  # the same, its fields given by place


def _iso_text(column_type: UTCDateTime, dialect: Any) -> bool:
    impl = column_type.impl_instance.dialect_impl(dialect)
    return dialect.name == "sqlite" and getattr(impl, "_storage_format", None) == _SQLITE_DATETIME_TEXT \
        and getattr(impl, "_reg", None) is None


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
    )


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Record(Base):
    """Columns every stored record has: local id, travelling uuid, created/updated times."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Series(Record):
    __tablename__ = "series"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")

    visits: Mapped[list[Visit]] = relationship(back_populates="series")


class Organisation(Record):
    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(String(300))
    # Lower-cased, diacritics and legal-form suffixes removed: used to match
    # organisations from different databases that have no NIP.
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    nip: Mapped[str | None] = mapped_column(String(10), unique=True)
    krs: Mapped[str | None] = mapped_column(String(10))
    regon: Mapped[str | None] = mapped_column(String(14))
    sector: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    in_city_since: Mapped[int | None] = mapped_column(Integer)

    visits: Mapped[list[Visit]] = relationship(back_populates="organisation")


class Person(Record):
    __tablename__ = "people"

    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    institution: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")


class Visit(Record):
    __tablename__ = "visits"

    series_id: Mapped[int | None] = mapped_column(ForeignKey("series.id", ondelete="SET NULL"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    starts_at: Mapped[dt.datetime] = mapped_column(index=True)
    ends_at: Mapped[dt.datetime | None]
    place: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[VisitStatus] = mapped_column(_enum(VisitStatus, "visit_status"), default=VisitStatus.PLANNED)
    language: Mapped[str] = mapped_column(String(5), default="pl")
    template_key: Mapped[str] = mapped_column(String(100))
    template_version: Mapped[int] = mapped_column(Integer, default=1)
    agenda: Mapped[list[Any]] = mapped_column(default=list)
    # The minutes of a Polish office (revision 0006): znak sprawy, Zatwierdził(a), the expected
    # co-signer (none: no co-signature box), the visit's wall clock, per-note times or not.
    case_number: Mapped[str] = mapped_column(String(100), default="", server_default="")
    approver: Mapped[str] = mapped_column(String(300), default="", server_default="")
    cosigner: Mapped[str] = mapped_column(String(300), default="", server_default="")
    time_zone: Mapped[str] = mapped_column(String(64), default="Europe/Warsaw", server_default="Europe/Warsaw")
    verbatim: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    # The visibility a new note of this visit starts from (revision 0007): internal unless the official chose
    # otherwise when preparing it (a visit whose notes are mostly for the company's copy). Checked by the ops.
    default_visibility: Mapped[str] = mapped_column(String(16), default=Visibility.INTERNAL.value,
                                                    server_default=Visibility.INTERNAL.value)
    # Whether the agenda items are the visit's sections (revision 0008): "" no, "append" after the template's,
    # "replace" instead of them (visitapp.templates.visit_template). Checked by the ops.
    agenda_sections: Mapped[str] = mapped_column(String(16), default="", server_default="")

    series: Mapped[Series | None] = relationship(back_populates="visits")
    organisation: Mapped[Organisation] = relationship(back_populates="visits")
    participants: Mapped[list[Participant]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="Participant.position"
    )
    notes: Mapped[list[Note]] = relationship(back_populates="visit", cascade="all, delete-orphan")
    action_items: Mapped[list[ActionItem]] = relationship(back_populates="visit", cascade="all, delete-orphan")
    answers: Mapped[list[Answer]] = relationship(back_populates="visit", cascade="all, delete-orphan")
    versions: Mapped[list[VisitVersion]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="VisitVersion.number"
    )


class Participant(Record):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("visit_id", "person_id"),)

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    side: Mapped[Side] = mapped_column(_enum(Side, "side"), default=Side.CITY)
    role: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    visit: Mapped[Visit] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship()


class Note(Record):
    __tablename__ = "notes"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    section: Mapped[str] = mapped_column(String(100))
    kind: Mapped[NoteKind] = mapped_column(_enum(NoteKind, "note_kind"), default=NoteKind.NOTE)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
    tags: Mapped[list[Any]] = mapped_column(default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)
    visibility: Mapped[Visibility] = mapped_column(_enum(Visibility, "visibility"), default=Visibility.INTERNAL)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    visit: Mapped[Visit] = relationship(back_populates="notes")


class ActionItem(Record):
    __tablename__ = "action_items"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    note_id: Mapped[int | None] = mapped_column(ForeignKey("notes.id", ondelete="SET NULL"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(300), default="")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus, "action_status"), default=ActionStatus.OPEN)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    visit: Mapped[Visit] = relationship(back_populates="action_items")
    note: Mapped[Note | None] = relationship()


class Answer(Record):
    """A structured answer to one of the template's fields (number, choice, list, text)."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("visit_id", "field"),)

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(200), default="")

    visit: Mapped[Visit] = relationship(back_populates="answers")


class VisitVersion(Record):
    """A finalised, frozen version of a visit's exchange record."""

    __tablename__ = "visit_versions"
    __table_args__ = (UniqueConstraint("visit_id", "number"),)

    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(200), default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    record: Mapped[dict[str, Any]] = mapped_column(JSON)

    visit: Mapped[Visit] = relationship(back_populates="versions")


class Draft(Base):
    """Text typed but not yet made into a note (or being edited in place).

    The GUI stores it within a second of the last keystroke so that a crash
    loses nothing; ``key`` names the editor, e.g. ``capture`` or ``note:<uuid>``.
    """

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("visit_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# -- The coordinator's registry (schema 0002) -----------------------------------
# Appended by the registry (visitapp/registry/); the tables exist in every
# database, since a registry is a visitapp database like any other.


class TrustedCertificate(Base):
    """A signer the coordinator trusts: a certificate (PEM) identified by its SHA-256 fingerprint."""

    __tablename__ = "trusted_certificates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    subject: Mapped[str] = mapped_column(String(300), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    not_after: Mapped[dt.datetime | None]
    pem: Mapped[str] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Schema 0004: NULL pins this certificate; else the signer is ``identity`` (subject serialNumber, else
    # the DN) under the anchor with this fingerprint, so renewals are the same signer.
    anchor_fingerprint: Mapped[str | None] = mapped_column(String(64))
    identity: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # What merged files record as their author (merged_files.signer_fingerprint): see visitapp.signing.pki.
    signer_key: Mapped[str] = mapped_column(String(64), default="", server_default="", index=True)


class TrustAnchor(Base):
    """A CA certificate (kind "ca") or an ETSI TS 119 612 trusted list with its operator's certificate
    (kind "trusted_list") under which the registry trusts signers by identity (schema 0004)."""

    __tablename__ = "trust_anchors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(String(500), default="")
    not_after: Mapped[dt.datetime | None]
    pem: Mapped[str] = mapped_column(Text)
    trusted_list: Mapped[bytes | None] = mapped_column(LargeBinary)
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MergedFile(Base):
    """One signed file merged into the registry: the log of merges and the history of records.

    Every accepted file is kept with its record, so an older version of one
    author's minutes stays here after a newer one superseded it
    (``superseded_by_id``).  A file merged again is found by its SHA-256.
    """

    __tablename__ = "merged_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(500), default="")
    merged_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    signer: Mapped[str] = mapped_column(String(300), default="")
    signer_organisation: Mapped[str] = mapped_column(String(300), default="")
    signer_fingerprint: Mapped[str] = mapped_column(String(64), default="")
    # The common name of the certificate behind signer_fingerprint (the author), as merged (schema 0003);
    # ``signer`` joins every signature's name.
    signer_name: Mapped[str] = mapped_column(String(300), default="")
    signed_at: Mapped[dt.datetime | None]
    visit_uuid: Mapped[str] = mapped_column(String(36), index=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int | None] = mapped_column(Integer)
    exported_at: Mapped[dt.datetime | None]
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("merged_files.id", ondelete="SET NULL"))


class Provenance(Base):
    """Where a merged note, action item or answer came from (the latest file that brought or changed it)."""

    __tablename__ = "provenance"
    __table_args__ = (UniqueConstraint("item_kind", "item_uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_kind: Mapped[str] = mapped_column(String(16))  # "note" | "action" | "answer"
    item_uuid: Mapped[str] = mapped_column(String(36))
    merged_file_id: Mapped[int] = mapped_column(ForeignKey("merged_files.id", ondelete="CASCADE"), index=True)

    merged_file: Mapped[MergedFile] = relationship()


class Disagreement(Base):
    """Two officials' records disagree on a fact of a visit: both values kept, the coordinator chooses."""

    __tablename__ = "disagreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(100))
    current_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    other_author: Mapped[str] = mapped_column(String(200), default="")
    merged_file_id: Mapped[int | None] = mapped_column(ForeignKey("merged_files.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[dt.datetime | None]
    chosen_value: Mapped[Any] = mapped_column(JSON, nullable=True)

    visit: Mapped[Visit] = relationship()


class Erasure(Base):
    """A person erased from this database (GDPR art. 17), remembered so a later merge keeps them erased.

    Holds no byte of the name: ``name_hash`` and ``email_hash`` are SHA-256 of
    the normalised name and e-mail (:mod:`visitapp.registry.persons`), so a
    record that names the person again is recognised and pseudonymised.
    """

    __tablename__ = "erasures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_uuid: Mapped[str] = mapped_column(String(36), index=True)
    pseudonym: Mapped[str] = mapped_column(String(200))
    name_hash: Mapped[str] = mapped_column(String(64), index=True)
    email_hash: Mapped[str] = mapped_column(String(64), default="")
    redact_mentions: Mapped[bool] = mapped_column(Boolean, default=False)
    erased_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class PlanRecipient(Base):
    """The coordinator's encryption certificate that came with a visit's plan (``plan export --encrypt-to-me``).

    The official's export then offers (GUI) or takes (``--encrypt-for-plan``)
    encryption for that coordinator; the plan's signature vouched for it.
    """

    __tablename__ = "plan_recipients"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    certificate: Mapped[str] = mapped_column(Text)  # PEM
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
