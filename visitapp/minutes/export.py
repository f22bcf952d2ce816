"""The unsigned minutes of a record: rendered, with the record attached (PDF/A-3b).

Nothing here touches the database or signs: finalising, signing and writing
the file that travels are :mod:`visitapp.publish`, above both this package and
:mod:`visitapp.signing`.
"""

from __future__ import annotations

from visitapp.exchange.record import VisitRecord
from visitapp.minutes.embed import embed_record
from visitapp.minutes.render import render_pdf


def minutes_pdf(record: VisitRecord, lang: str | None = None) -> bytes:
    """The unsigned minutes: rendered from ``record``, with ``record`` inside (PDF/A-3b)."""
    # Uncompressed from reportlab: embed_record's save compresses every stream once.
    return embed_record(render_pdf(record, lang, compress=False), record)
