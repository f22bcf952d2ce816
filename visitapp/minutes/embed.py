"""The visit record inside the PDF, and PDF/A-3b.

The record travels as an associated file (``/AF``, relationship ``/Data``,
``visit-record.json``, ``application/json``) so that a program can merge what
a person reads.  It is embedded *before* signing: a file added after a
signature is an illegal modification.  PDF/A-3 is the PDF/A part that allows
such an attachment (1b forbids it), and pikepdf's ``pdfa`` module writes and
checks it; when that optional part is missing the same file is written
without the PDF/A claim rather than not at all.
"""

from __future__ import annotations

import datetime as dt
import io
import logging

import pikepdf
from pikepdf import AttachedFileSpec, Name, Pdf

from visitapp.errors import InvalidInput
from visitapp.exchange.record import VisitRecord, parse_record, record_bytes
from visitapp.i18n import _
from visitapp.pdf_common import RECORD_NAME

RECORD_MIME = "application/json"

log = logging.getLogger(__name__)


def _pdfa_module():  # optional module
    try:
        import pikepdf.pdfa as pdfa
    except ImportError:
        return None
    return pdfa


def pdfa_available() -> bool:
    """Whether pikepdf's optional PDF/A part (``pikepdf[pdfa]``) is installed."""
    return _pdfa_module() is not None


def _strip_empty_transitions(pdf: Pdf) -> None:
    """reportlab writes an empty ``/Trans`` on every page; the PDF/A check refuses it."""
    for page in pdf.pages:
        trans = page.obj.get(Name.Trans)
        if trans is not None and len(trans.keys()) == 0:
            del page.obj[Name.Trans]


#: Pages per node of the page tree (see :func:`_balance_page_tree`).
PAGE_TREE_FANOUT = 16


def _balance_page_tree(pdf: Pdf) -> None:
    """Group a long document's pages under intermediate ``/Pages`` nodes.

    reportlab hangs every page off the root; to reach the last page (where
    each signature stamp goes) pyHanko then reads every page object, about
    12 ms for 100 pages.  With nodes of :data:`PAGE_TREE_FANOUT` pages it
    skips whole nodes by their ``/Count``.  Short documents are left alone.
    """
    root = pdf.Root.Pages
    kids = list(root.Kids)
    if len(kids) <= PAGE_TREE_FANOUT or any(kid.get(Name.Type) != Name.Page for kid in kids):
        return
    nodes = []
    for start in range(0, len(kids), PAGE_TREE_FANOUT):
        chunk = kids[start:start + PAGE_TREE_FANOUT]
        node = pdf.make_indirect(pikepdf.Dictionary(Type=Name.Pages, Kids=pikepdf.Array(chunk), Count=len(chunk),
                                                    Parent=root))
        for kid in chunk:
            kid.Parent = node
        nodes.append(node)
    root.Kids = pikepdf.Array(nodes)


def embed_record(pdf_bytes: bytes, record: VisitRecord) -> bytes:
    """``pdf_bytes`` with ``record`` attached, saved as PDF/A-3b where the toolchain allows.

    Every stream comes out compressed, so ``pdf_bytes`` may come uncompressed
    (``render_pdf(..., compress=False)``).
    """
    data = record_bytes(record)
    with Pdf.open(io.BytesIO(pdf_bytes)) as pdf:
        _strip_empty_transitions(pdf)
        when = record.exported_at if record.exported_at.tzinfo else record.exported_at.replace(tzinfo=dt.UTC)
        spec = AttachedFileSpec(
            pdf,
            data,
            description="visitapp visit record (machine-readable minutes)",
            filename=RECORD_NAME,
            mime_type=RECORD_MIME,
            creation_date=_pdf_date(when),
            mod_date=_pdf_date(when),
            relationship=Name.Data,
        )
        pdf.attachments[RECORD_NAME] = spec
        # reportlab was run invariant (stable bytes); the dates are the export's.
        pdf.docinfo[Name.CreationDate] = _pdf_date(when)
        pdf.docinfo[Name.ModDate] = _pdf_date(when)
        pdf.Root.AF = pikepdf.Array([spec.obj])
        _balance_page_tree(pdf)
        out = io.BytesIO()
        pdfa = _pdfa_module()
        if pdfa is None:
            log.warning("pikepdf[pdfa] is not installed; writing the minutes without the PDF/A-3b claim")
            pdf.save(out, deterministic_id=True)
        else:
            # prepare() adds the sRGB output intent and the XMP packet with the PDF/A-3b
            # declaration. pdfa.save() would also re-read and validate what it wrote, which
            # costs 4x the rest of this step; the tests validate every kind of minutes instead.
            pdfa.prepare(pdf, "3b", output_intent="sRGB")
            # No object streams: pyHanko reaches the last page (for the stamp) without unpacking them.
            pdf.save(out, **pdfa.resolve_save_kwargs("3b", deterministic_id=True,
                                                     object_stream_mode=pikepdf.ObjectStreamMode.disable))
        return out.getvalue()


def _pdf_date(when: dt.datetime) -> str:
    offset = when.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def record_data(pdf_bytes: bytes) -> bytes:
    """The raw JSON attached to a visitapp PDF; InvalidInput for any other file."""
    try:
        pdf = Pdf.open(io.BytesIO(pdf_bytes))
    except pikepdf.PasswordError as err:
        raise InvalidInput(_("This PDF is encrypted; visitapp cannot read its record.")) from err
    except pikepdf.PdfError as err:
        raise InvalidInput(_("This file is not a readable PDF.")) from err
    with pdf:
        attached = pdf.attachments.get(RECORD_NAME)
        if attached is None:
            raise InvalidInput(_("There is no visitapp record in this file; it was not written by visitapp."))
        try:
            return attached.get_file().read_bytes()
        except (pikepdf.PdfError, KeyError, AttributeError) as err:
            raise InvalidInput(_("The visitapp record in this file is damaged.")) from err


def extract_record(pdf_bytes: bytes) -> VisitRecord:
    """The validated visit record embedded in a PDF (InvalidInput with one sentence otherwise)."""
    return parse_record(record_data(pdf_bytes))
