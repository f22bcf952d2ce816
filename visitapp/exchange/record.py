"""The exchange record of a visit, ``format: "visitapp.visit/<major>"``.

The pydantic models below are the implementation; the JSON Schema generated
from them is the published contract, kept in
``resources/schema/visit-record-1.schema.json`` (a test keeps the two equal).

Compatibility: a record of the same major version with a newer minor version
may carry fields this version does not know; they are kept (``extra="allow"``)
and written back unchanged.  A newer major version is refused.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from visitapp.domain import (
    ActionStatusValue,
    CopyKindValue,
    NoteKindValue,
    SideValue,
    VisibilityValue,
    VisitStatusValue,
)
from visitapp.errors import InvalidInput
from visitapp.i18n import _

FORMAT_MAJOR = 1
FORMAT_MINOR = 1  # 1.1: the visit's case_number, approver, cosigner, time_zone, verbatim
FORMAT_NAME = f"visitapp.visit/{FORMAT_MAJOR}"
SCHEMA_FILE = f"visit-record-{FORMAT_MAJOR}.schema.json"

Uuid = str  # UUIDs as text, checked by pattern in the schema
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow")


class Localised(_Part):
    pl: str
    en: str


class SeriesRec(_Part):
    id: str = Field(pattern=UUID_PATTERN)
    name: str
    description: str = ""


class OrganisationRec(_Part):
    id: str = Field(pattern=UUID_PATTERN)
    name: str = Field(min_length=1)
    nip: str | None = Field(default=None, pattern=r"^\d{10}$")
    krs: str | None = None
    regon: str | None = None
    sector: str = ""
    address: str = ""
    website: str = ""
    in_city_since: int | None = None


class PersonRec(_Part):
    id: str = Field(pattern=UUID_PATTERN)
    name: str = Field(min_length=1)
    role: str = ""
    institution: str = ""
    email: str = ""
    phone: str = ""


class ParticipantRec(_Part):
    id: str = Field(pattern=UUID_PATTERN)
    person: PersonRec
    side: SideValue
    role: str = ""


class SectionRec(_Part):
    key: str
    title: Localised


class FieldRec(_Part):
    key: str
    section: str
    type: Literal["number", "choice", "list", "text"]
    label: Localised
    choices: dict[str, Localised] = Field(default_factory=dict)


class TemplateRec(_Part):
    key: str
    version: int
    title: Localised
    sections: list[SectionRec]
    fields: list[FieldRec] = Field(default_factory=list)


class VisitRec(_Part):
    id: str = Field(pattern=UUID_PATTERN)
    title: str = ""
    starts_at: AwareDatetime
    ends_at: AwareDatetime | None = None
    place: str = ""
    status: VisitStatusValue
    language: Literal["pl", "en"]
    agenda: list[str] = Field(default_factory=list)
    # Since minor 1 (all optional): what a Polish office's minutes show.
    case_number: str = Field(default="", description="znak sprawy")
    approver: str = Field(default="", description="who approves the minutes: 'Name, role'")
    cosigner: str = Field(default="", description="the co-signer expected; empty: no co-signature box")
    time_zone: str = Field(default="Europe/Warsaw", description="the visit's wall clock (IANA name)")
    verbatim: bool = Field(default=False, description="verbatim minutes: each note's clock time is shown")


class NoteRec(_Part):
    id: str = Field(pattern=UUID_PATTERN)
    section: str
    kind: NoteKindValue
    text: str
    author: str = ""
    created_at: AwareDatetime
    updated_at: AwareDatetime
    tags: list[str] = Field(default_factory=list)
    visibility: VisibilityValue
    position: int = 0


class ActionRec(_Part):
    id: str = Field(pattern=UUID_PATTERN)
    note_id: str | None = Field(default=None, pattern=UUID_PATTERN)
    description: str
    owner: str = ""
    due_date: dt.date | None = None
    status: ActionStatusValue
    created_at: AwareDatetime
    updated_at: AwareDatetime


class AnswerRec(_Part):
    field: str
    value: float | int | str | list[str] | None
    author: str = ""
    updated_at: AwareDatetime


class AuthorRec(_Part):
    name: str
    institution: str = ""
    role: str = ""
    department: str = ""


class VisitRecord(_Part):
    """One visit as it travels: what a program merges from a signed PDF."""

    format: str = Field(pattern=r"^visitapp\.visit/\d+$")
    minor: int = Field(default=FORMAT_MINOR, ge=0)
    app_version: str
    exported_at: AwareDatetime
    copy_kind: CopyKindValue = Field(alias="copy")
    version: int | None = Field(default=None, ge=1, description="finalised version number, if finalised")
    author: AuthorRec
    series: SeriesRec | None = None
    visit: VisitRec
    organisation: OrganisationRec
    participants: list[ParticipantRec] = Field(default_factory=list)
    template: TemplateRec
    notes: list[NoteRec] = Field(default_factory=list)
    action_items: list[ActionRec] = Field(default_factory=list)
    answers: list[AnswerRec] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True)


def json_schema() -> dict[str, Any]:
    schema = VisitRecord.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://visitapp.example/schema/{SCHEMA_FILE}"
    schema["title"] = "visitapp visit record"
    return schema


def format_major(data: Any) -> int | None:
    fmt = data.get("format") if isinstance(data, dict) else None
    if not isinstance(fmt, str) or not fmt.startswith("visitapp.visit/"):
        return None
    try:
        return int(fmt.rsplit("/", 1)[1])
    except ValueError:
        return None


def _check_counts(data: dict[str, Any]) -> None:
    from visitapp.limits import LIMITS

    for key in ("notes", "action_items", "participants", "answers"):
        items = data.get(key)
        if isinstance(items, list) and len(items) > LIMITS.record_items:
            raise InvalidInput(_("The visit record holds a list of more than {n} items; visitapp does not read it.")
                               .format(n=LIMITS.record_items))


def parse_record(data: bytes | str | dict[str, Any]) -> VisitRecord:
    """Validate a record; InvalidInput with one sentence if it is not one we can read."""
    if isinstance(data, bytes | str):
        from visitapp.limits import check_json

        raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        check_json(raw)  # size and depth before json.loads recurses into it
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise InvalidInput(_("The visit record is not valid JSON.")) from err
        except RecursionError as err:
            raise InvalidInput(_("The visit record is nested deeper than visitapp accepts.")) from err
    major = format_major(data)
    if major is None:
        raise InvalidInput(_("This is not a visitapp visit record."))
    if major > FORMAT_MAJOR:
        raise InvalidInput(
            _("The visit record has format version {major}, newer than this visitapp reads ({ours}); "
              "install a newer visitapp.").format(major=major, ours=FORMAT_MAJOR)
        )
    if major < FORMAT_MAJOR:
        raise InvalidInput(
            _("The visit record has an old format version {major} that is no longer read.").format(major=major))
    assert isinstance(data, dict)  # format_major found the format in it
    _check_counts(data)
    try:
        return VisitRecord.model_validate(data)
    except RecursionError as err:
        raise InvalidInput(_("The visit record is nested deeper than visitapp accepts.")) from err
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise InvalidInput(
            _("The visit record is malformed at {where}: {problem}.").format(where=where, problem=first["msg"])
        ) from err


def dump_record(record: VisitRecord) -> dict[str, Any]:
    """The record as JSON-ready data (by alias, unknown fields kept)."""
    return record.model_dump(mode="json", by_alias=True)


def record_bytes(record: VisitRecord | dict[str, Any]) -> bytes:
    data = dump_record(record) if isinstance(record, VisitRecord) else record
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")
