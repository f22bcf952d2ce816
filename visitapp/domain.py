"""The enumerations of visitapp, each defined once, with their rules and their core labels.

Every value below is stored as it is in the database (``String`` columns with a
CHECK constraint, see :mod:`visitapp.db.models`) and written as it is in the
exchange record (``resources/schema/visit-record-1.schema.json``): renaming a
value is a migration and a new major format, never a quiet edit.

The rest of the app spells none of these values: it uses the members
(``NoteKind.COMMITMENT``), and ``tests/test_domain.py`` fails when a value turns up
as a string literal anywhere else in ``visitapp/``.

Labels: the core's (CLI, PDF minutes, reports) come from one function per
enumeration below, with gettext ``_()`` markers; each takes the translation
function to use, so the PDF can be written in the visit's language rather than
the process's (``label(kind, gettext_for("pl"))``).  The GUI's come from
:mod:`visitapp.ui.labels` (Qt ``tr``), a mapping keyed by the same members.

Adding a member (a new note kind, say) touches:

1. its enumeration here, and its label in the ``*_label`` function below;
2. its GUI label in :mod:`visitapp.ui.labels`;
3. the translations: ``make translations`` then the Polish ``msgstr`` in
   ``resources/locale/pl/LC_MESSAGES/visitapp.po``, and the ``Labels`` entries of
   ``resources/translations/visitapp_{pl,en}.ts`` (then ``pyside6-lrelease``);
4. because the value is stored and travels: a migration that widens the column's
   CHECK constraint, and the record's JSON schema (regenerated from
   :mod:`visitapp.exchange.record`, which builds its ``Literal`` types from here).

``tests/test_domain.py`` and ``tests/ui/test_domain_labels.py`` fail until 1-3 are done.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from visitapp.i18n import _ as _current

Translate = Callable[[str], str]


class VisitStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    FINALISED = "finalised"


class Side(enum.StrEnum):
    """Which side of the table a participant sits on."""

    CITY = "city"
    COMPANY = "company"
    OTHER = "other"


class NoteKind(enum.StrEnum):
    NOTE = "note"
    QUOTE = "quote"
    DECISION = "decision"
    COMMITMENT = "commitment"
    QUESTION = "question"
    RISK = "risk"


class Visibility(enum.StrEnum):
    """Who may read a note: the city only, partner institutions too, or the company as well."""

    INTERNAL = "internal"
    PARTNERS = "partners"
    COMPANY = "company"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class CopyKind(enum.StrEnum):
    """Which copy of the minutes a record or PDF is (``copy`` in the exchange record)."""

    INTERNAL = "internal"
    PARTNERS = "partners"
    COMPANY = "company"


ENUMERATIONS: tuple[type[enum.StrEnum], ...] = (VisitStatus, Side, NoteKind, Visibility, ActionStatus, CopyKind)

# --- rules ---------------------------------------------------------------------------------------

#: The notes each copy of the minutes keeps, by visibility.
COPY_VISIBILITIES: dict[CopyKind, frozenset[Visibility]] = {
    CopyKind.INTERNAL: frozenset(Visibility),
    CopyKind.PARTNERS: frozenset({Visibility.PARTNERS, Visibility.COMPANY}),
    CopyKind.COMPANY: frozenset({Visibility.COMPANY}),
}

#: The kind of note that becomes an action item.
ACTION_KIND = NoteKind.COMMITMENT


def in_copy(visibility: str, copy: str) -> bool:
    """Whether a note of this visibility goes into this copy of the minutes."""
    return Visibility(visibility) in COPY_VISIBILITIES[CopyKind(copy)]


def visibility_shown(visibility: str, copy: str) -> bool:
    """Whether the minutes mark a note's visibility: only in the internal copy, and only on a note that
    leaves the office (shared with partner institutions or fit for the company); an internal note, the
    most of them, carries no marker, and the other copies hold nothing internal."""
    return CopyKind(copy) == CopyKind.INTERNAL and Visibility(visibility) != Visibility.INTERNAL


def authors_shown(names: Iterable[str | None], *, signed: bool = False) -> bool:
    """Whether the minutes and ``visitapp show`` name the author beside each note and answer: when more
    than one person (distinct non-empty names) wrote the visit's notes and answers, or when they were
    merged from signed minutes (``signed``: who signed them is then what the registry vouches for)."""
    return signed or len({name for name in names if name}) > 1


def action_overdue(status: str, due: dt.date | None, today: dt.date) -> bool:
    """An action item is overdue while it is open past its due date."""
    return status == ActionStatus.OPEN and due is not None and due < today


def spellings(enumeration: type[enum.StrEnum]) -> list[str]:
    """The values a person may type on the command line: each value, and ``in-progress`` for ``in_progress``."""
    out: list[str] = []
    for member in enumeration:
        out.append(member.value)
        if "_" in member.value:
            out.append(member.value.replace("_", "-"))
    return out


def from_spelling(enumeration: type[enum.StrEnum], text: str) -> Any:
    """The member a typed spelling names (``in-progress`` → ``IN_PROGRESS``); ValueError if none."""
    return enumeration(text.replace("-", "_"))


if TYPE_CHECKING:  # the type checker sees text; pydantic sees the Literal of the values
    NoteKindValue = str
    VisitStatusValue = str
    SideValue = str
    VisibilityValue = str
    ActionStatusValue = str
    CopyKindValue = str
else:
    from typing import Literal

    def _literal(enumeration: type[enum.StrEnum]) -> Any:
        """``Literal["a", "b", …]`` of the values, for pydantic models: the JSON schema stays an ``enum`` of strings."""
        return Literal[tuple(member.value for member in enumeration)]

    NoteKindValue = _literal(NoteKind)
    VisitStatusValue = _literal(VisitStatus)
    SideValue = _literal(Side)
    VisibilityValue = _literal(Visibility)
    ActionStatusValue = _literal(ActionStatus)
    CopyKindValue = _literal(CopyKind)

# --- the core's labels (CLI, PDF, reports) -------------------------------------------------------


def _pick(labels: dict[Any, str], value: str) -> str:
    return labels.get(value, str(value))


def note_kind_label(kind: str, _: Translate = _current) -> str:
    return _pick({
        NoteKind.NOTE: _("Note"),
        NoteKind.QUOTE: _("Quote"),
        NoteKind.DECISION: _("Decision"),
        NoteKind.COMMITMENT: _("Commitment"),
        NoteKind.QUESTION: _("Question"),
        NoteKind.RISK: _("Risk"),
    }, kind)


def visit_status_label(status: str, _: Translate = _current) -> str:
    return _pick({
        VisitStatus.PLANNED: _("planned"),
        VisitStatus.IN_PROGRESS: _("in progress"),
        VisitStatus.FINALISED: _("finalised"),
    }, status)


def side_label(side: str, _: Translate = _current) -> str:
    return _pick({Side.CITY: _("city"), Side.COMPANY: _("company"), Side.OTHER: _("other")}, side)


def visibility_label(visibility: str, _: Translate = _current) -> str:
    return _pick({
        Visibility.INTERNAL: _("internal"),
        Visibility.PARTNERS: _("for partners"),
        Visibility.COMPANY: _("for the company"),
    }, visibility)


def action_status_label(status: str, _: Translate = _current) -> str:
    return _pick({
        ActionStatus.OPEN: _("open"),
        ActionStatus.DONE: _("done"),
        ActionStatus.CANCELLED: _("cancelled"),
    }, status)


def copy_kind_label(copy: str, _: Translate = _current) -> str:
    return _pick({CopyKind.INTERNAL: _("internal copy"), CopyKind.PARTNERS: _("copy for partner institutions"),
                  CopyKind.COMPANY: _("company copy")}, copy)


#: The core's label function of each enumeration.
CORE_LABELS: dict[type[enum.StrEnum], Callable[..., str]] = {
    NoteKind: note_kind_label,
    VisitStatus: visit_status_label,
    Side: side_label,
    Visibility: visibility_label,
    ActionStatus: action_status_label,
    CopyKind: copy_kind_label,
}
