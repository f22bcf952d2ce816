"""Render a visit record as A4 minutes (PDF bytes) with reportlab.

The PDF is drawn from the :class:`VisitRecord` alone, never from the database,
so that what a person reads always matches the record embedded beside it.
Labels follow the visit's language.  The signature block
(:mod:`visitapp.minutes.signature_block`) sits at the bottom of the last page,
with the end of the content, at the fixed boxes of
:mod:`visitapp.minutes.layout` where the signer places its stamps.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from visitapp import __version__
from visitapp.domain import CopyKind, Visibility, authors_shown, visibility_shown
from visitapp.exchange.record import AnswerRec, FieldRec, NoteRec, VisitRecord
from visitapp.minutes import layout as L
from visitapp.minutes.fonts import BOLD, REGULAR, register_fonts
from visitapp.minutes.labels import Labels
from visitapp.minutes.place import town
from visitapp.minutes.signature_block import EndWithBlock, SignatureBlock

GREY = colors.HexColor("#5f6368")
RULE = colors.HexColor("#c5c9ce")
HEAD_BG = colors.HexColor("#eef1f4")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5, alignment=TA_LEFT, spaceAfter=3)
    return {
        "body": base,
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11, leading=14, textColor=GREY, spaceAfter=10),
        "h2": ParagraphStyle("h2", base, fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=5),
        "h3": ParagraphStyle("h3", base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5, spaceAfter=0),
        "cellhead": ParagraphStyle("cellhead", base, fontName=BOLD, fontSize=9, leading=11.5, spaceAfter=0),
        "meta": ParagraphStyle("meta", base, fontSize=8, leading=10, textColor=GREY, spaceAfter=1),
        "note_text": ParagraphStyle("note_text", base, leftIndent=8, spaceAfter=6),
        "empty": ParagraphStyle("empty", base, fontName="NotoSans-Italic", textColor=GREY),
        "caption": ParagraphStyle("caption", base, fontSize=8.5, leading=10.5, textColor=GREY, spaceAfter=0),
        "legend": ParagraphStyle("legend", base, fontSize=8.5, leading=10.5, textColor=GREY, spaceAfter=10),
    }


def _text(value: object) -> str:
    """Paragraph markup for plain text typed by a person (escaped; newlines kept)."""
    return escape(str(value)).replace("\n", "<br/>")


def _table(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),  # else reportlab selects (unembedded) Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    table.setStyle(TableStyle(style))
    return table


class _NumberedCanvas(Canvas):
    """Canvas that writes "page X of Y" once the number of pages is known."""

    def __init__(self, *args: Any, page_label: Callable[[int, int], str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont(REGULAR, 8)
            self.setFillColor(GREY)
            self.drawRightString(L.PAGE_WIDTH - L.MARGIN_RIGHT, L.MARGIN_BOTTOM - 24,
                                 self._page_label(self._pageNumber, total))
            super().showPage()
        super().save()


def _metadata(record: VisitRecord, t: Labels) -> dict[str, str]:
    tags = sorted({tag for note in record.notes for tag in note.tags})
    keywords = ["visitapp", f"visit {record.visit.id}"]
    if record.version:
        keywords.append(f"version {record.version}")
    keywords += [record.organisation.name, *tags]
    return {
        "title": t("Minutes of the visit: {organisation}").format(organisation=record.organisation.name),
        "author": record.author.name,
        "subject": f"{record.visit.title or record.organisation.name}, "
                   f"{t.span(record.visit.starts_at, record.visit.ends_at)}",
        "keywords": ", ".join(k for k in keywords if k),
        "creator": f"visitapp {__version__}",
        "producer": f"visitapp {__version__} (reportlab)",
        "lang": t.lang,  # the language the minutes are written in (export --lang), which a co-signature's stamp follows
    }


def build_story(record: VisitRecord, lang: str | None = None) -> list[Flowable]:
    """The flowables of the minutes: everything but page decoration."""
    register_fonts()
    t = Labels(lang or record.visit.language, record.visit.time_zone)
    s = _styles()
    story: list[Flowable] = []
    org = record.organisation
    visit = record.visit

    story.append(_letterhead(record, t, s))
    story.append(Paragraph(_text(t("Minutes of the visit")), s["title"]))
    sub = [visit.title or org.name]
    if record.version:
        sub.append(t("version {version}").format(version=record.version))
    sub.append(t.copy(record.copy_kind))
    story.append(Paragraph(_text(" · ".join(sub)), s["subtitle"]))
    if record.copy_kind == CopyKind.INTERNAL:
        # Only the notes that leave the office carry a marker (issue 11): say what the others are.
        legend = t("Notes without a mark ({partners}, {company}) are internal: they are not passed on outside "
                   "the office.").format(partners=t.visibility(Visibility.PARTNERS),
                                         company=t.visibility(Visibility.COMPANY))
        story.append(Paragraph(_text(legend), s["legend"]))

    # The organisation and the meeting, as a two-column list of facts.
    facts = [
        (t("Organisation"), org.name),
        (t("NIP"), org.nip or ""),
        (t("KRS"), org.krs or ""),
        (t("Address"), org.address),
        (t("Sector"), org.sector),
        (t("In the city since"), str(org.in_city_since) if org.in_city_since else ""),
        (t("Date and time"), t.span(visit.starts_at, visit.ends_at)),
        (t("Place"), visit.place),
    ]
    rows = [[Paragraph(_text(k), s["cellhead"]), Paragraph(_text(v), s["cell"])] for k, v in facts if v]
    story.append(_table(rows, [42 * 2.835, L.FRAME_WIDTH - 42 * 2.835], header=False))

    story.append(Paragraph(_text(t("Participants")), s["h2"]))
    if record.participants:
        head = [t("Name"), t("Institution"), t("Role"), t("Side")]
        rows = [[Paragraph(_text(h), s["cellhead"]) for h in head]]
        for p in record.participants:
            rows.append([Paragraph(_text(v), s["cell"]) for v in
                         (p.person.name, p.person.institution, p.role or p.person.role, t.side(p.side))])
        w = L.FRAME_WIDTH
        story.append(_table(rows, [0.28 * w, 0.36 * w, 0.22 * w, 0.14 * w]))
    else:
        story.append(Paragraph(_text(t("No participants were recorded.")), s["empty"]))

    if visit.agenda:
        story.append(Paragraph(_text(t("Agenda")), s["h2"]))
        for i, item in enumerate(visit.agenda, 1):
            story.append(Paragraph(f"{i}. {_text(item)}", ParagraphStyle("agenda", s["body"], leftIndent=14,
                                                                        firstLineIndent=-14, spaceAfter=1)))

    story.extend(_sections(record, t, s))
    story.append(CondPageBreak(ACTIONS_MIN_SPACE))  # never leave the heading alone at the foot of a page
    story.append(EndWithBlock(_actions(record, t, s), _signature_block(record, t, s)))
    return story


def _letterhead(record: VisitRecord, t: Labels, s: dict[str, ParagraphStyle]) -> Flowable:
    """Institution and department left, "Kraków, 15 grudnia 2026 r." right, the case number below."""
    author = record.author
    left = [f"<b>{_text(author.institution)}</b>" if author.institution else "",
            _text(author.department) if author.department else ""]
    where = town(record.visit.place, record.organisation.address)
    dated = t.long_date(record.visit.starts_at)
    right = f"{_text(where)}, {_text(dated)}" if where else _text(dated)
    rows: list[list[Any]] = [[Paragraph("<br/>".join(x for x in left if x), s["body"]),
                              Paragraph(right, ParagraphStyle("dateline", s["body"], alignment=TA_RIGHT))]]
    if record.visit.case_number:
        case = t("Case number: {number}").format(number=record.visit.case_number)
        rows.append([Paragraph(_text(case), s["body"]), ""])
    table = Table(rows, colWidths=[0.55 * L.FRAME_WIDTH, 0.45 * L.FRAME_WIDTH], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 10), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, -1), (-1, -1), 12)]))
    return table


def _answer_text(answer: AnswerRec, field: FieldRec, t: Labels) -> str:
    value = answer.value
    if value is None:
        return "—"
    if field.type == "choice" and isinstance(value, str):
        choice = field.choices.get(value)
        return t.localised(choice) if choice else value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sections(record: VisitRecord, t: Labels, s: dict[str, ParagraphStyle]) -> Iterable[Flowable]:
    several = authors_shown([n.author for n in record.notes] + [a.author for a in record.answers])
    known = {sec.key for sec in record.template.sections}
    by_section: dict[str, list[NoteRec]] = {}
    for note in sorted(record.notes, key=lambda n: (n.position, n.created_at)):
        by_section.setdefault(note.section if note.section in known else "", []).append(note)
    answers = {a.field: a for a in record.answers}
    sections = [(sec.key, t.localised(sec.title)) for sec in record.template.sections]
    if by_section.get(""):
        sections.append(("", t("Other notes")))

    for i, (key, title) in enumerate(sections, 1):
        head = Paragraph(_text(f"{i}. {title}"), s["h3"])
        body: list[Flowable] = []
        fields = [f for f in record.template.fields if f.section == key and f.key in answers]
        if fields:
            rows = [[Paragraph(_text(t.localised(f.label)), s["cell"]),
                     Paragraph(_text(_answer_text(answers[f.key], f, t)), s["cellhead"])] for f in fields]
            body.append(_table(rows, [0.5 * L.FRAME_WIDTH, 0.5 * L.FRAME_WIDTH], header=False))
            body.append(Spacer(1, 4))
        for note in by_section.get(key, []):
            meta = [t.kind(note.kind).upper()]
            if record.visit.verbatim:  # clock times only in verbatim minutes
                meta.append(t.time(note.created_at))
            if several and note.author:
                meta.append(note.author)
            if visibility_shown(note.visibility, record.copy_kind):  # a marker on notes that leave the office
                meta.append(t.visibility(note.visibility))
            text = _text(note.text)
            if note.tags and record.copy_kind == CopyKind.INTERNAL:  # no hashtags outside the office
                text += " " + " ".join(f'<font color="#5f6368">#{_text(tag)}</font>' for tag in note.tags)
            body.append(Paragraph(_text(" · ".join(meta)), s["meta"]))
            body.append(Paragraph(text, s["note_text"]))
        if not body:
            body.append(Paragraph(_text(t("No notes.")), s["empty"]))
        # Keep a heading with the start of its section, never alone at a page end.
        yield KeepTogether([head, *body[:2]])
        yield from body[2:]


# Room for the heading, the table's header row and its first row.
ACTIONS_MIN_SPACE = 90


def _actions(record: VisitRecord, t: Labels, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The action items' heading and table (or "No action items."): the last content of the minutes."""
    heading = Paragraph(_text(t("Action items")), s["h2"])
    if not record.action_items:
        return [heading, Paragraph(_text(t("No action items.")), s["empty"])]
    head = [t("Description"), t("Owner"), t("Due date"), t("Status")]
    rows = [[Paragraph(_text(h), s["cellhead"]) for h in head]]
    for a in record.action_items:
        due = t.date(a.due_date) if a.due_date else "—"
        rows.append([Paragraph(_text(v), s["cell"]) for v in (a.description, a.owner or "—", due, t.status(a.status))])
    w = L.FRAME_WIDTH
    return [heading, _table(rows, [0.46 * w, 0.28 * w, 0.13 * w, 0.13 * w])]


def _signature_block(record: VisitRecord, t: Labels, s: dict[str, ParagraphStyle]) -> SignatureBlock:
    """The signature block as it is when the minutes are rendered: before anyone has signed.

    The author signs them at export; a co-signer and an approver are only expected (a co-signature
    is added later and cannot change the page), so their captions say what is to happen.
    """
    visit = record.visit
    author = ", ".join(x for x in (record.author.name, record.author.role) if x)
    captions = [_text(t("Prepared by: {name}").format(name=author))]
    if visit.cosigner:  # a co-signature box only when a co-signer is expected
        captions.append(_text(t("To be co-signed by: {name}").format(name=visit.cosigner)))
    approver = _text(t("To be approved by: {name}").format(name=visit.approver)) if visit.approver else ""
    return SignatureBlock(_text(t("Signatures")), captions, s["h2"], s["caption"], approver,
                          hint=t("date and signature"))


HEADER_SIZE = 8
HEADER_GAP = 12  # at least this much between the organisation's name and the right-hand text


def fit_text(text: str, width: float, font: str = REGULAR, size: float = HEADER_SIZE) -> str:
    """``text`` as it fits in ``width`` points: whole, or cut at a word where it can be and ended with "…"."""
    if stringWidth(text, font, size) <= width:
        return text
    room = width - stringWidth("…", font, size)
    cut = len(text)
    while cut > 0 and stringWidth(text[:cut], font, size) > room:
        cut -= 1
    head = text[:cut]
    space = head.rfind(" ")
    if space > cut * 2 // 3:  # a word boundary near the cut reads better than half a word
        head = head[:space]
    return head.rstrip(" ,.;:-–·") + "…" if head.strip() else ""


def _decorate(record: VisitRecord, t: Labels, canv: Canvas, doc: BaseDocTemplate) -> None:
    """Header on every page: organisation left, date right, a thin rule."""
    canv.saveState()
    canv.setFont(REGULAR, HEADER_SIZE)
    canv.setFillColor(GREY)
    top = L.PAGE_HEIGHT - L.MARGIN_TOP + 14
    right = f"{t('Minutes of the visit')} · {t.date(record.visit.starts_at)}"
    room = L.FRAME_WIDTH - stringWidth(right, REGULAR, HEADER_SIZE) - HEADER_GAP
    canv.drawString(L.MARGIN_LEFT, top, fit_text(" ".join(record.organisation.name.split()), room))
    canv.drawRightString(L.PAGE_WIDTH - L.MARGIN_RIGHT, top, right)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(L.MARGIN_LEFT, top - 4, L.PAGE_WIDTH - L.MARGIN_RIGHT, top - 4)
    canv.line(L.MARGIN_LEFT, L.MARGIN_BOTTOM - 14, L.PAGE_WIDTH - L.MARGIN_RIGHT, L.MARGIN_BOTTOM - 14)
    # The program's version stays in the metadata; the footer names the case, the version and the copy
    # (a page printed on its own still says whether it may leave the office).
    footer = [record.visit.case_number]
    if record.version:
        footer.append(t("version {version}").format(version=record.version))
    footer.append(t.copy(record.copy_kind))
    canv.drawString(L.MARGIN_LEFT, L.MARGIN_BOTTOM - 24, " · ".join(x for x in footer if x))
    canv.restoreState()


def make_doc(out: io.BytesIO, record: VisitRecord, lang: str, *, compress: bool = True) -> BaseDocTemplate:
    """The document template: A4, embedded Noto Sans, metadata from the record.

    ``compress=False`` leaves the streams uncompressed, for a caller that saves
    the document again anyway (:func:`~visitapp.minutes.embed.embed_record`
    compresses every stream once, in qpdf, instead of reportlab compressing and
    ASCII85-encoding them only for qpdf to decode and compress them again).
    """
    t = Labels(lang, record.visit.time_zone)
    meta = _metadata(record, t)
    doc = BaseDocTemplate(
        out,
        pagesize=(L.PAGE_WIDTH, L.PAGE_HEIGHT),
        leftMargin=L.MARGIN_LEFT,
        rightMargin=L.MARGIN_RIGHT,
        topMargin=L.MARGIN_TOP,
        bottomMargin=L.MARGIN_BOTTOM,
        initialFontName=register_fonts(),
        title=meta["title"],
        author=meta["author"],
        subject=meta["subject"],
        keywords=meta["keywords"],
        creator=meta["creator"],
        producer=meta["producer"],
        lang=meta["lang"],
        invariant=True,
        pageCompression=1 if compress else 0,
    )
    frame = Frame(L.MARGIN_LEFT, L.MARGIN_BOTTOM, L.FRAME_WIDTH, L.FRAME_HEIGHT,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=partial(_decorate, record, t))])
    return doc


def render_pdf(record: VisitRecord, lang: str | None = None, *, compress: bool = True) -> bytes:
    """The minutes of ``record`` as PDF bytes (not yet PDF/A, no record inside: see :mod:`.embed`).

    ``compress=False``: streams left uncompressed, for :func:`~visitapp.minutes.embed.embed_record` to compress.
    """
    lang = lang or record.visit.language
    out = io.BytesIO()
    doc = make_doc(out, record, lang, compress=compress)
    page_label = Labels(lang, record.visit.time_zone).page_of
    doc.build(build_story(record, lang), canvasmaker=partial(_NumberedCanvas, page_label=page_label))
    return out.getvalue()
