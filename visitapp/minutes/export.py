"""From a visit record to the file that travels: render, embed the record, sign, write whole.

Kept apart from the CLI so that the GUI's "Finalise and sign" dialog runs the
same steps (off its GUI thread).  The database is not touched here: the
caller finalises the visit and passes the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from pyhanko.sign.signers import Signer

from visitapp.exchange.record import VisitRecord
from visitapp.minutes.embed import embed_record
from visitapp.minutes.output import write_atomic
from visitapp.minutes.render import render_pdf
from visitapp.signing.sign import SignResult, sign_with


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    signed: SignResult | None


def minutes_pdf(record: VisitRecord, lang: str | None = None) -> bytes:
    """The unsigned minutes: rendered from ``record``, with ``record`` inside (PDF/A-3b)."""
    return embed_record(render_pdf(record, lang), record)


def export_minutes(
    record: VisitRecord,
    out: Path,
    *,
    lang: str | None = None,
    signer: tuple[Signer, x509.Certificate] | None = None,
    reason: str | None = None,
) -> ExportResult:
    """Write the minutes of ``record`` to ``out``, signed when a signer is given; nothing half-written."""
    data = minutes_pdf(record, lang)
    signed = None
    if signer is not None:
        signed = sign_with(data, signer[0], signer[1], reason=reason, lang=lang)
        data = signed.pdf
    write_atomic(Path(out), data)
    return ExportResult(Path(out), len(data), signed)
