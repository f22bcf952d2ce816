"""The coordinator's report on a series: a PDF for city leadership and CSV files for spreadsheets.

The PDF: an overview (visits, organisations, participants), action items by
owner and status with overdue ones marked, themes across visits (tags, skills
in demand and certification needs from the structured answers, with a chart;
counted by lemma, so inflected forms are one theme) and key phrases of the
notes (see ``themes.py``), and each organisation's visits, one after another.  Everything is read with a few
aggregate queries, so a registry of 10,000 visits reports in seconds.

The CSV files are UTF-8 with a byte-order mark and commas, which Excel and
LibreOffice both open with Polish letters intact.  A cell that a spreadsheet
would take for a formula (it starts with =, +, -, @, a tab or a carriage
return) is written with an apostrophe in front, so it shows as text and runs
nothing.

Everything is rendered in memory first and written at the end, each file
through a temporary file, so a failure leaves no half-written report behind.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.domain import (
    VisitStatus,
    action_overdue,
    action_status_label,
    note_kind_label,
    visibility_label,
    visit_status_label,
)
from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _, current_language, gettext_for
from visitapp.minutes.labels import LOCAL_ZONE
from visitapp.minutes.output import check_writable
from visitapp.registry.outputs import (
    CsvWords,
    csv_bytes,
    csv_separator,
    month_name,
)
from visitapp.registry.outputs import csv_separator as csv_sep
from visitapp.registry.outputs import write_all as _write_all
from visitapp.registry.signers import signer_of, trusted_names, typed_beside, who
from visitapp.registry.themes import KeyPhrase, chart, key_phrases, merge_forms

THEME_FIELDS = ("skills_in_demand", "certification_needs")
#: Items of a theme in its chart and its table (the same ones in both); key phrases in their table.
TOP, PHRASES = 10, 15


@dataclass
class VisitRow:
    id: str
    starts_at: dt.datetime
    title: str
    place: str
    status: str
    organisation: str
    organisation_id: int
    nip: str | None
    series: str
    notes: int = 0
    participants: int = 0
    flagged: bool = False


@dataclass
class ActionRow:
    id: str
    visit_id: str
    organisation: str
    description: str
    owner: str
    due_date: dt.date | None
    status: str

    def overdue(self, today: dt.date) -> bool:
        return action_overdue(self.status, self.due_date, today)


@dataclass
class MinutesRow:
    """One signed file of a visit's current minutes: who signed it (from the certificate) and what they typed."""

    visit_id: str
    signer: str
    typed_author: str
    version: int | None
    signed_at: dt.datetime | None


@dataclass
class ReportData:
    series: str
    today: dt.date
    visits: list[VisitRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    people: int = 0
    notes: int = 0
    tags: Counter = field(default_factory=Counter)
    themes: dict[str, Counter] = field(default_factory=lambda: {f: Counter() for f in THEME_FIELDS})
    phrases: list[KeyPhrase] = field(default_factory=list)
    minutes: dict[str, list[MinutesRow]] = field(default_factory=lambda: defaultdict(list))  # by visit id


def rows_of(s, statement) -> Sequence[Any]:
    """The rows of a select of columns, read through the session's connection: without the ORM's
    per-row work (a report reads hundreds of thousands of rows), in the session's transaction."""
    return s.connection().execute(statement).all()


def _scope(s, series: str | None):
    """The visit ids the report covers (a subquery), and the series name to print."""
    query = select(m.Visit.id)
    if series:
        found = s.scalar(select(m.Series).where(m.Series.name == series.strip()))
        if found is None:
            raise NotFound(_("There is no series named {name}.").format(name=series))
        return query.where(m.Visit.series_id == found.id), found.name
    names = s.scalars(select(m.Series.name).order_by(m.Series.name)).all()
    return query, ", ".join(names)


def collect(db: Database, *, series: str | None = None, today: dt.date | None = None) -> ReportData:
    today = today or dt.date.today()
    with db.read() as s:
        scope, name = _scope(s, series)
        data = ReportData(series=name, today=today)
        note_counts = dict(s.execute(
            select(m.Note.visit_id, func.count()).where(m.Note.deleted.is_(False), m.Note.visit_id.in_(scope))
            .group_by(m.Note.visit_id)).all())
        part_counts = dict(s.execute(
            select(m.Participant.visit_id, func.count()).where(m.Participant.visit_id.in_(scope))
            .group_by(m.Participant.visit_id)).all())
        flagged = set(s.scalars(select(m.Disagreement.visit_id).where(m.Disagreement.resolved_at.is_(None))))
        rows = rows_of(s,
            select(m.Visit.id, m.Visit.uuid, m.Visit.starts_at, m.Visit.title, m.Visit.place, m.Visit.status,
                   m.Organisation.name, m.Organisation.id, m.Organisation.nip, m.Series.name)
            .join(m.Organisation, m.Visit.organisation_id == m.Organisation.id)
            .outerjoin(m.Series, m.Visit.series_id == m.Series.id)
            .where(m.Visit.id.in_(scope))
            .order_by(m.Visit.starts_at, m.Visit.id)
        )
        for vid, uuid, starts, title, place, status, org, org_id, nip, ser in rows:
            data.visits.append(VisitRow(uuid, starts, title, place, status.value, org, org_id, nip, ser or "",
                                        note_counts.get(vid, 0), part_counts.get(vid, 0), vid in flagged))
        data.notes = sum(note_counts.values())
        files = s.execute(
            select(m.MergedFile.visit_uuid, m.MergedFile.signer_fingerprint, m.MergedFile.signer_name,
                   m.MergedFile.signer, m.MergedFile.author, m.MergedFile.version, m.MergedFile.signed_at)
            .join(m.Visit, m.Visit.uuid == m.MergedFile.visit_uuid)
            .where(m.Visit.id.in_(scope), m.MergedFile.superseded_by_id.is_(None))
            .order_by(m.MergedFile.id)).all()
        trusted = trusted_names(s, {f.signer_fingerprint for f in files})
        for v_uuid, fp, name, signers, author, version, signed_at in files:
            data.minutes[v_uuid].append(MinutesRow(v_uuid, signer_of(fp, name, signers, trusted), author, version,
                                                   signed_at))
        data.people = s.scalar(select(func.count(func.distinct(m.Participant.person_id)))
                               .where(m.Participant.visit_id.in_(scope))) or 0
        # One pass over the notes, in series order: their tags, and the texts of Polish visits for key phrases
        # (a visit of no stated language counts as neither, as SQL's language != 'en' has it).
        notes = rows_of(s, select(m.Visit.uuid, m.Visit.language, m.Note.text, m.Note.tags)
                        .join(m.Visit, m.Note.visit_id == m.Visit.id)
                        .where(m.Note.deleted.is_(False), m.Visit.id.in_(scope))
                        .order_by(m.Visit.starts_at, m.Visit.id, m.Note.id))
        data.tags = merge_forms([t for t in (tags or []) if isinstance(t, str)] for _u, _l, _t, tags in notes)
        answers: dict[str, list[list[str]]] = {f: [] for f in THEME_FIELDS}
        for fld, value in rows_of(s, select(m.Answer.field, m.Answer.value)
                                  .where(m.Answer.field.in_(THEME_FIELDS), m.Answer.visit_id.in_(scope))):
            values = value if isinstance(value, list) else [value]
            answers[fld].append([str(v) for v in values if v not in (None, "")])
        data.themes = {f: merge_forms(groups) for f, groups in answers.items()}
        # by visit id: the report names the visits in its own language's dates
        data.phrases = key_phrases(((v_uuid, text) for v_uuid, language, text, _tags in notes
                                    if language is not None and language != "en"), top=PHRASES)
        del notes
        for row in rows_of(s,
            select(m.ActionItem.uuid, m.Visit.uuid, m.Organisation.name, m.ActionItem.description,
                   m.ActionItem.owner, m.ActionItem.due_date, m.ActionItem.status)
            .join(m.Visit, m.ActionItem.visit_id == m.Visit.id)
            .join(m.Organisation, m.Visit.organisation_id == m.Organisation.id)
            .where(m.ActionItem.deleted.is_(False), m.ActionItem.visit_id.in_(scope))
            .order_by(m.ActionItem.owner, m.ActionItem.status, m.ActionItem.due_date.is_(None), m.ActionItem.due_date)
        ):
            a_uuid, v_uuid, org, desc, owner, due, a_status = row
            data.actions.append(ActionRow(a_uuid, v_uuid, org, desc, owner, due, a_status.value))
    return data


# -- CSV ----------------------------------------------------------------------------------


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """The database's UTC times, as aware datetimes."""
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


def csv_files(db: Database, *, series: str | None = None, data: ReportData | None = None, lang: str | None = None,
              separator: str | None = None) -> dict[str, bytes]:
    """The contents of ``visits.csv``, ``notes.csv`` and ``actions.csv`` by file name.

    ``lang="pl"``: Polish headers, values and dates, ``;`` between cells; else the column keys, raw
    values and ISO dates with ``,``. ``separator`` (``;``, ``,`` or ``tab``) chooses another.
    """
    data = data or collect(db, series=series)
    w = CsvWords(lang)
    sep = csv_separator(w.lang, separator)

    def out(keys: list[str], rows: list[list[Any]]) -> bytes:
        return csv_bytes(w.header(keys), rows, separator=sep)

    files: dict[str, bytes] = {}
    visits = [[v.id, w.when(v.starts_at), v.organisation, v.nip or "", v.title, v.place,
               w.label(visit_status_label, v.status), v.series, v.participants, v.notes, w.yes(v.flagged)]
              for v in data.visits]
    files["visits.csv"] = out(["visit_id", "starts_at", "organisation", "nip", "title", "place", "status",
                               "series", "participants", "notes", "disagreements"], visits)
    with db.read() as s:
        rows = rows_of(s,
            select(m.Visit.uuid, m.Note.uuid, m.Note.section, m.Note.kind,
                   m.Note.author, m.Note.text, m.Note.tags, m.Note.visibility, m.Note.created_at,
                   m.MergedFile.sha256, m.MergedFile.signer, m.MergedFile.signer_fingerprint, m.MergedFile.signer_name)
            .join(m.Visit, m.Note.visit_id == m.Visit.id)
            .outerjoin(m.Provenance, (m.Provenance.item_uuid == m.Note.uuid) & (m.Provenance.item_kind == "note"))
            .outerjoin(m.MergedFile, m.MergedFile.id == m.Provenance.merged_file_id)
            .where(m.Note.deleted.is_(False))
            .order_by(m.Visit.starts_at, m.Visit.id, m.Note.section, m.Note.position, m.Note.id)
        )
        trusted = trusted_names(s, {row[-2] for row in rows if row[-2]})
    notes = []
    typed_of: dict[tuple[str, str], str] = {}  # (signer, typed name): the same few pairs on every note
    visit_of = {v.id: (w.when(_aware(v.starts_at)), v.organisation) for v in data.visits}  # once per visit
    for v_uuid, n_uuid, section, kind, typed, text, tags, vis, created, sha, signers, fp, name in rows:
        visit = visit_of.get(v_uuid)
        if visit is None:
            continue
        # A merged note's author is the certificate that signed its file; the typed name only beside it.
        author = signer_of(fp, name, signers, trusted) if sha else typed
        beside = typed_of.get((author, typed))
        if beside is None:
            beside = typed_of[(author, typed)] = typed_beside(author, typed)
        notes.append([v_uuid, visit[0], visit[1], n_uuid, section, w.label(note_kind_label, kind.value),
                      author, text, " ".join(tags or []), w.label(visibility_label, vis.value),
                      w.when(_aware(created)), sha or "", signers or "", beside])
    files["notes.csv"] = out(["visit_id", "visit_starts_at", "organisation", "note_id", "section", "kind",
                                     "author", "text", "tags", "visibility", "created_at", "source_sha256",
                                     "signer", "typed_author"], notes)
    actions = [[a.id, a.visit_id, a.organisation, a.description, a.owner, w.when(a.due_date),
                w.label(action_status_label, a.status), w.yes(a.overdue(data.today))] for a in data.actions]
    files["actions.csv"] = out(["action_id", "visit_id", "organisation", "description", "owner", "due_date",
                                       "status", "overdue"], actions)
    return files


def _csv_folder(folder: Path) -> list[Path]:
    """Create ``folder`` if needed and check it can be written; returns the folders created (deepest first)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        _remove_empty(missing)
        raise InvalidInput(_("Cannot create the folder {folder} for the CSV files: {reason}.").format(
            folder=folder, reason=err.strerror or err)) from err
    if not os.access(folder, os.W_OK):
        _remove_empty(missing)
        raise InvalidInput(_("Cannot write the CSV files in {folder}: permission denied.").format(folder=folder))
    return missing


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:  # deepest first
        try:
            folder.rmdir()
        except OSError:
            pass


def write_csv(db: Database, folder: Path, *, series: str | None = None, data: ReportData | None = None,
              lang: str | None = None, separator: str | None = None) -> list[Path]:
    """``visits.csv``, ``notes.csv`` and ``actions.csv`` in ``folder`` (created if needed)."""
    folder = Path(folder)
    created = _csv_folder(folder)
    try:
        files = {folder / name: content for name, content in
                 csv_files(db, series=series, data=data, lang=lang, separator=separator).items()}
        _write_all(files)
    except BaseException:
        _remove_empty(created)
        raise
    return list(files)


# -- PDF ----------------------------------------------------------------------------------


#: Builds a table's flowables from (header, rows, column widths, font, bold font); the benchmark's baseline.
TableMaker = Callable[[list[str], list[list[Any]], list[float], str, str], list[Any]]


def render_pdf(data: ReportData, lang: str, *, table_maker: TableMaker | None = None) -> bytes:
    """The report's PDF. ``table_maker`` draws the tables another way (``benchmarks/report.py``'s baseline)."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from visitapp.minutes.fonts import BOLD, register_fonts
    from visitapp.registry.report_table import GridTable, Wrapper, dates, fit_widths, kept, natural

    t: Callable[[str], str] = gettext_for(lang)
    font = register_fonts()
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10)
    h1 = ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=6)
    h2 = ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=4)
    h3 = ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3)
    h4 = ParagraphStyle("h4", parent=base, fontName=BOLD, spaceBefore=4, spaceAfter=2)
    width = A4[0] - 36 * mm
    sub = ParagraphStyle("sub", parent=base, leftIndent=12)

    def p(text: Any, style: ParagraphStyle = small) -> Paragraph:
        return Paragraph(escape(str(text)), style)

    wrapper = Wrapper(font)

    def tables(header: list[str], rows: list[list[Any]], widths: list[float]) -> list[Any]:
        if not rows:
            return [p(t("None."), base)]
        if table_maker is not None:
            return table_maker(header, rows, widths, font, BOLD)
        return [GridTable(header, rows, fit_widths(header, widths, BOLD), font=font, bold=BOLD, wrapper=wrapper)]

    def part(title: str) -> list[Any]:
        """A main part's heading: on a new page when less is left of this one than its first section takes
        (the themes' first: a heading, a line and a chart of ten bars, 290 pt), so it never ends a page alone."""
        return [CondPageBreak(320), Spacer(1, 12), p(title, h1)]

    date = dates(lang)  # in the city's time, as a Polish office writes it when the report is Polish

    visit_of = {v.id: v for v in data.visits}

    def label(visit_id: str) -> str:
        v = visit_of[visit_id]
        when = v.starts_at if v.starts_at.tzinfo else v.starts_at.replace(tzinfo=dt.UTC)  # the database's UTC
        return f"{v.organisation} ({date(when.astimezone(LOCAL_ZONE).date())})"

    def status_of(a: ActionRow) -> str:
        status = action_status_label(a.status, t)
        return t("{status}, overdue").format(status=status) if a.overdue(data.today) else status

    story: list[Any] = [p(t("Report on the series of visits"), h1)]
    if data.series:
        story.append(p(data.series, h2))
    story.append(p(t("Prepared on {date}").format(date=date(data.today)), base))
    orgs = {v.organisation_id for v in data.visits}
    story.append(p(t("Overview"), h2))
    by_status = Counter(v.status for v in data.visits)
    overview: list[tuple[str, Any, ParagraphStyle]] = [  # the visits by status as indented sub-rows of "Visits"
        (t("Visits"), len(data.visits), base),
        *((visit_status_label(status, t), by_status.get(status, 0), sub) for status in VisitStatus),
        (t("Organisations"), len(orgs), base),
        (t("Participants"), data.people, base),
        (t("Notes"), data.notes, base),
        (t("Action items"), len(data.actions), base),
        (t("Visits with disagreements to settle"), sum(v.flagged for v in data.visits), base),
    ]
    story.append(Spacer(1, 3))
    table = Table([[p(a, style), p(b, base)] for a, b, style in overview],
                  colWidths=[width * 0.6, width * 0.2])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b0b8c0")),
                               ("FONTNAME", (0, 0), (-1, -1), font)]))  # else reportlab names Helvetica
    story.append(table)
    months = Counter((v.starts_at.astimezone(LOCAL_ZONE).year, v.starts_at.astimezone(LOCAL_ZONE).month)
                     for v in data.visits)
    if months:
        story.extend(kept([p(t("Visits by month"), h2), *tables(
            [t("Month"), t("Visits")], [[month_name(y, m, lang), str(n)] for (y, m), n in sorted(months.items())],
            [width * 0.3, width * 0.2])], width))

    story.extend(part(t("Action items by owner and status")))
    overdue = sum(a.overdue(data.today) for a in data.actions)
    story.append(p(t("Overdue: {n}.").format(n=overdue), base))
    owners: dict[str, list[ActionRow]] = defaultdict(list)
    for a in data.actions:
        owners[a.owner or "—"].append(a)
    for owner in sorted(owners, key=natural):
        rows = [[status_of(a), date(a.due_date), a.description, a.organisation] for a in owners[owner]]
        story.extend(kept([p(owner, h2), *tables([t("Status"), t("Due"), t("Action item"), t("Organisation")], rows,
                                                 [width * 0.22, width * 0.13, width * 0.42, width * 0.23])], width))

    story.extend(part(t("Themes across visits")))
    for title, counter in ((t("Tags"), data.tags), (t("Skills in demand"), data.themes["skills_in_demand"]),
                           (t("Certification needs"), data.themes["certification_needs"])):
        # ties in the order of their names, so equal counts print the same way every time
        top = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
        if not top:
            story.extend([p(title, h2), p(t("None."), base)])
            continue
        shown = [p(t("The {n} most frequent of {total}.").format(n=len(top), total=len(counter)), base)
                 ] if len(counter) > len(top) else []
        story.extend(kept([p(title, h2), *shown, chart(top, font, width)], width))
        story.append(Spacer(1, 4))
        unit = t("Notes") if counter is data.tags else t("Visits")
        story.extend(tables([title, unit], [[k, str(n)] for k, n in top], [width * 0.6, width * 0.2]))
    # lemma pairs across the notes, sorted by what the table shows: visits, then notes, then the phrase
    phrases = sorted(data.phrases, key=lambda k: (-len(k.visits), -k.notes, k.phrase))
    top_phrases = [p(t("The {n} phrases found in the most visits.").format(n=len(phrases)), base)
                   ] if len(phrases) == PHRASES else []  # the top ones, perhaps of more
    story.extend(kept([p(t("Key phrases"), h2), *top_phrases, *tables(
        [t("Phrase"), t("Visits"), t("Notes"), t("Which visits")],
        [[k.phrase, str(len(k.visits)), str(k.notes), _some([label(v) for v in k.visits])] for k in phrases],
        [width * 0.26, width * 0.1, width * 0.1, width * 0.54])], width))

    by_org: dict[int, list[VisitRow]] = defaultdict(list)
    for v in data.visits:
        by_org[v.organisation_id].append(v)
    if by_org:  # one after another, each heading kept with its first rows
        story.extend(part(t("Organisations")))
    for _org_id, visits in sorted(by_org.items(), key=lambda kv: (natural(kv[1][0].organisation), kv[0])):
        first = visits[0]
        head = [p(first.organisation, h3), *([p(f"NIP {first.nip}", base)] if first.nip else [])]
        rows = [[date(v.starts_at), v.title or "—", v.place or "—",
                 visit_status_label(v.status, t) + (" ⚑" if v.flagged else ""), str(v.participants),
                 str(v.notes)] for v in visits]
        story.extend(kept([*head, *tables([t("When"), t("Title"), t("Place"), t("Status"), t("Participants"),
                                           t("Notes")], rows, [width * 0.17, width * 0.3, width * 0.2,
                                                               width * 0.13, width * 0.1, width * 0.1])], width))
        signed = [[date(v.starts_at), who(f.signer, f.typed_author, t), str(f.version or "—"), date(f.signed_at)]
                  for v in visits for f in data.minutes.get(v.id, [])]
        if signed:  # who wrote the minutes: the signers' certificates, never only a name typed in a file
            story.extend(kept([p(t("Minutes signed by"), h4), *tables(
                [t("When"), t("Signed by"), t("Version"), t("Signed at")], signed,
                [width * 0.17, width * 0.5, width * 0.1, width * 0.23])], width))

    out = io.BytesIO()

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, t("page {n}").format(n=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=t("Report on the series of visits"),
                            author="visitapp", subject=data.series, lang=lang,
                            initialFontName=font)  # not reportlab's Helvetica: every font in the file embedded
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def build_report(db: Database, out: Path, *, series: str | None = None, csv_dir: Path | None = None,
                 lang: str | None = None, today: dt.date | None = None, csv_separator: str | None = None
                 ) -> list[Path]:
    """Write the PDF report (and the CSV files); returns the paths written.

    Every destination is checked (the CSV folder created) before the slow work,
    and nothing is written unless all of it can be: no report without its CSV
    files, no half of them.
    """
    out = Path(out)
    check_writable(out)
    csv_sep(lang, csv_separator)  # a wrong separator is refused before anything is written
    created = _csv_folder(Path(csv_dir)) if csv_dir is not None else []
    try:
        data = collect(db, series=series, today=today)
        files = {out: render_pdf(data, lang or current_language())}
        if csv_dir is not None:
            files.update({Path(csv_dir) / name: content for name, content in
                          csv_files(db, data=data, lang=lang, separator=csv_separator).items()})
        _write_all(files)
    except BaseException:
        _remove_empty(created)
        raise
    return list(files)


#: Visits named beside a key phrase; a phrase of a large series comes from thousands (one cell cannot hold them).
PHRASE_VISITS = 12


def _some(labels: list[str]) -> str:
    shown = "; ".join(labels[:PHRASE_VISITS])
    return shown + (f"; … (+{len(labels) - PHRASE_VISITS})" if len(labels) > PHRASE_VISITS else "")
