"""Several output files (a report and its CSV files) written all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from visitapp.errors import InvalidInput
from visitapp.i18n import _


def _cannot_replace(path: Path, err: OSError) -> InvalidInput:
    if isinstance(err, PermissionError):  # Windows: a CSV open in Excel or a PDF open in a reader
        return InvalidInput(_("Cannot replace {path}: it is open in another program or write-protected. "
                              "Close the file in the other program and try again.").format(path=path))
    return InvalidInput(_("Cannot write {path}: {reason}.").format(path=path, reason=err.strerror or err))


def write_all(files: dict[Path, bytes]) -> None:
    """Write every file, all or nothing.

    Each file is written to a temporary file beside its destination; then every existing destination
    is moved aside (on Windows this fails at once for a file another program holds open, before any
    destination changed), the new files are put in place and the old ones dropped. A failure midway
    puts the old files back and removes the new ones: never some reports new and some old.
    """
    temps: list[tuple[str, Path]] = []
    moved: list[tuple[str, Path]] = []  # (old file set aside, its place)
    placed: list[Path] = []
    try:
        for path in files:
            if path.is_dir():
                raise InvalidInput(_("{path} is a folder; give a file name to write.").format(path=path))
        for path, data in files.items():
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                temps.append((tmp, path))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, 0o600)  # reports and CSVs hold notes: owner only
            except OSError as err:
                raise InvalidInput(_("Cannot write {path}: {reason}.").format(
                    path=path, reason=err.strerror or err)) from err
        for tmp, path in temps:
            if path.exists() or path.is_symlink():
                try:
                    os.replace(path, tmp + ".old")
                except OSError as err:
                    raise _cannot_replace(path, err) from err
                moved.append((tmp + ".old", path))
        for tmp, path in temps:
            try:
                os.replace(tmp, path)
            except OSError as err:
                raise _cannot_replace(path, err) from err
            placed.append(path)
    except BaseException:
        had_old = {path for _old, path in moved}
        for path in placed:
            if path not in had_old:
                path.unlink(missing_ok=True)
        for old, path in moved:
            try:
                os.replace(old, path)
            except OSError:
                pass  # the old file stays beside it, under its temporary name, rather than lost
        raise
    else:
        for old, _path in moved:
            Path(old).unlink(missing_ok=True)
    finally:
        for tmp, _path in temps:
            Path(tmp).unlink(missing_ok=True)


# -- CSV for spreadsheets -----------------------------------------------------------------
# English (the default): the column keys as headers, ISO dates, raw values, commas: for programs.
# Polish: Polish headers and values, dates as a Polish office writes them and ';' as the separator
# (Excel in a Polish locale splits on it), UTF-8 with a BOM either way.

SEPARATORS = {";": ";", ",": ",", "tab": "\t"}


def csv_separator(lang: str | None, choice: str | None = None) -> str:
    """The separator asked for (``;``, ``,`` or ``tab``), else ``;`` for Polish and ``,`` otherwise."""
    if choice:
        if choice not in SEPARATORS:
            raise InvalidInput(_("The CSV separator must be one of: {choices}.").format(choices=" ".join(SEPARATORS)))
        return SEPARATORS[choice]
    return ";" if lang == "pl" else ","


def _csv_headers(t: Callable[[str], str]) -> dict[str, str]:
    return {
        "visit_id": t("Visit ID"), "starts_at": t("Start"), "organisation": t("Organisation"), "nip": "NIP",
        "title": t("Title"), "place": t("Place"), "status": t("Status"), "series": t("Series"),
        "participants": t("Participants"), "notes": t("Notes"), "disagreements": t("Disagreements"),
        "visit_starts_at": t("Visit start"), "note_id": t("Note ID"), "section": t("Section"), "kind": t("Kind"),
        "author": t("Author"), "text": t("Text"), "tags": t("Tags"), "visibility": t("Visibility"),
        "created_at": t("Written at"), "source_sha256": t("Source file SHA-256"), "signer": t("Signer"),
        "typed_author": t("Author as typed"), "action_id": t("Action item ID"), "description": t("Description"),
        "owner": t("Person or institution responsible"), "due_date": t("Due date"), "overdue": t("Overdue"),
    }


class CsvWords:
    """Headers and values of the CSV files in one language (``None``/``en``: keys and raw values)."""

    def __init__(self, lang: str | None) -> None:
        from visitapp.i18n import gettext_for

        self.lang = lang if lang in ("pl", "en") else None
        self.t = gettext_for(self.lang or "en")
        self._when: dict[tuple[dt.date | dt.datetime, Any], str] = {}
        self._labels: dict[tuple[Callable[..., str], str], str] = {}

    @property
    def localised(self) -> bool:
        return self.lang == "pl"

    def header(self, keys: list[str]) -> list[str]:
        if not self.localised:
            return keys
        names = _csv_headers(self.t)
        return [names.get(k, k) for k in keys]

    def yes(self, flag: bool) -> str:
        return (self.t("yes") if self.localised else "yes") if flag else ""

    def when(self, value: dt.date | dt.datetime | None) -> str:
        if value is None:
            return ""
        key = (value, getattr(value, "tzinfo", None))  # equal instants on other clocks are written apart
        found = self._when.get(key)  # a visit's start is written beside each of its notes: once is enough
        if found is None:
            found = self._when[key] = self._format(value)
        return found

    def _format(self, value: dt.date | dt.datetime) -> str:
        if not self.localised:
            return value.isoformat()
        if isinstance(value, dt.datetime):
            from visitapp.minutes.labels import LOCAL_ZONE

            return polish_time(value.astimezone(LOCAL_ZONE))
        return polish_date(value)

    def label(self, function: Callable[..., str], value: str) -> str:
        if not self.localised:
            return value
        found = self._labels.get((function, value))
        if found is None:
            found = self._labels[(function, value)] = function(value, self.t)
        return found


def polish_date(d: dt.date) -> str:
    """``01.03.2026``: strftime's ``%d.%m.%Y``, without its cost (a report writes 100,000 of them)."""
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def polish_time(d: dt.datetime) -> str:
    """``01.03.2026 09:05``: strftime's ``%d.%m.%Y %H:%M``, without its cost."""
    return f"{d.day:02d}.{d.month:02d}.{d.year} {d.hour:02d}:{d.minute:02d}"


def csv_bytes(header: list[str], rows: list[list[Any]], *, separator: str = ",") -> bytes:
    """UTF-8 with a BOM (Excel reads the Polish letters), quotes where needed, CRLF; formulas made text."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=separator)
    writer.writerow(header)
    # safe_cell inlined: a report writes about a million cells
    writer.writerows([f"'{c}" if isinstance(c, str) and c[:1] in _FORMULA_SET else c for c in row] for row in rows)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_SET = frozenset(_FORMULA_START)


def safe_cell(value: Any) -> Any:
    """A text that Excel or LibreOffice would run as a formula, made plain text by a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# -- Polish forms in the report ---------------------------------------------------------

_MONTHS = {
    "pl": ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
           "październik", "listopad", "grudzień"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def month_name(year: int, month: int, lang: str) -> str:
    """``marzec 2026`` / ``March 2026``."""
    return f"{_MONTHS['pl' if lang == 'pl' else 'en'][month - 1]} {year}"


def visit_counts(by_status: dict[str, int], ngettext: Callable[[str, str, int], str]) -> str:
    """"2 wizyty planowane, 1 wizyta w toku, 3 wizyty zatwierdzone": each count in its language's plural form."""
    from visitapp.domain import VisitStatus

    forms = {
        VisitStatus.PLANNED: lambda n: ngettext("{n} visit planned", "{n} visits planned", n),
        VisitStatus.IN_PROGRESS: lambda n: ngettext("{n} visit in progress", "{n} visits in progress", n),
        VisitStatus.FINALISED: lambda n: ngettext("{n} visit finalised", "{n} visits finalised", n),
    }
    parts = [form(by_status.get(status, 0)).format(n=by_status.get(status, 0))
             for status, form in forms.items() if by_status.get(status, 0)]
    return ", ".join(parts) or ngettext("{n} visit planned", "{n} visits planned", 0).format(n=0)
