"""From a visit to the file that travels: finalise, render, embed the record, sign, write whole.

Kept apart from the CLI so that the GUI's "Finalise and sign" dialog runs the
same steps (off its GUI thread): :func:`finalise_and_export` is what both the
``export`` command and the dialog call.  :func:`export_minutes` does not touch
the database: its caller finalises the visit and passes the record.

Long callers (the GUI) pass ``step`` to hear which step starts and
``cancelled`` to stop between steps; a stop raises :class:`ExportCancelled`
and writes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cryptography import x509
from pyhanko.sign.signers import Signer

from visitapp.exchange.record import VisitRecord
from visitapp.minutes.embed import embed_record
from visitapp.minutes.output import check_writable, write_atomic
from visitapp.minutes.render import render_pdf
from visitapp.signing.sign import SignerSource, SignResult, open_signer, sign_with

# The steps of finalise_and_export, in order, as passed to ``step``.
STEPS = ("signer", "finalise", "render", "sign", "write")

StepCallback = Callable[[str], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    signed: SignResult | None


@dataclass(frozen=True)
class FinalisedExport:
    """What :func:`finalise_and_export` did: the version it froze and the file it wrote."""

    version: int
    created: bool  # False: nothing had changed since that version
    export: ExportResult


class ExportCancelled(Exception):  # noqa: N818 (not an error: the user asked for it)
    """The user stopped the export between two steps; no file was written.

    ``version`` is the version finalised before the stop, or None when the
    stop came before finalising.
    """

    def __init__(self, version: int | None = None) -> None:
        super().__init__("export cancelled")
        self.version = version


def _noop_step(_name: str) -> None:
    pass


def _never() -> bool:
    return False


def minutes_pdf(record: VisitRecord, lang: str | None = None) -> bytes:
    """The unsigned minutes: rendered from ``record``, with ``record`` inside (PDF/A-3b)."""
    # Uncompressed from reportlab: embed_record's save compresses every stream once.
    return embed_record(render_pdf(record, lang, compress=False), record)


def export_minutes(
    record: VisitRecord,
    out: Path,
    *,
    lang: str | None = None,
    signer: tuple[Signer, x509.Certificate] | None = None,
    reason: str | None = None,
    step: StepCallback | None = None,
    cancelled: CancelCheck | None = None,
    encrypt_to: list[x509.Certificate] | None = None,
) -> ExportResult:
    """Write the minutes of ``record`` to ``out``, signed when a signer is given; nothing half-written.

    With ``encrypt_to`` (coordinators' certificates) ``out`` is a CMS
    EnvelopedData (``.p7m``) around the signed PDF (visitapp.signing.envelope).
    """
    step, cancelled = step or _noop_step, cancelled or _never
    step("render")
    data = minutes_pdf(record, lang)
    signed = None
    if signer is not None:
        if cancelled():
            raise ExportCancelled(record.version)
        step("sign")
        signed = sign_with(data, signer[0], signer[1], reason=reason, lang=lang)
        data = signed.pdf
    if cancelled():
        raise ExportCancelled(record.version)
    step("write")
    if encrypt_to:
        from visitapp.signing.envelope import encrypt_for

        data = encrypt_for(data, encrypt_to)
    write_atomic(Path(out), data)
    return ExportResult(Path(out), len(data), signed)


@contextlib.contextmanager
def _maybe_signer(source: SignerSource | None) -> Iterator[tuple[Signer, x509.Certificate] | None]:
    if source is None:
        yield None
        return
    with open_signer(source) as pair:
        yield pair


def finalise_and_export(
    svc,  # noqa: ANN001 (visitapp.services.Services; imported late to keep this module light)
    visit_id: str,
    out: Path,
    *,
    lang: str | None = None,
    copy: Literal["internal", "company"] = "internal",
    source: SignerSource | None = None,
    reason: str | None = None,
    signer_is_author: bool = False,
    step: StepCallback | None = None,
    cancelled: CancelCheck | None = None,
    encrypt_to: list[x509.Certificate] | None = None,
) -> FinalisedExport:
    """Finalise ``visit_id`` and write its minutes (the ``copy`` asked for) to ``out``, signed if ``source``.

    The signer is opened (password or PIN checked, certificate valid today)
    *before* finalising, so a wrong password leaves no new version and no file.
    With ``signer_is_author`` the signer's certificate names the author of the
    version and of the record (the CLI does so when no author is set).
    """
    from visitapp.services import Identity, Services, company_copy
    from visitapp.signing.keys import name_of

    step, cancelled = step or _noop_step, cancelled or _never
    out = Path(out)
    check_writable(out)
    if cancelled():
        raise ExportCancelled()
    if source is not None:
        step("signer")
    with _maybe_signer(source) as signer:
        if signer is not None and signer_is_author:
            cn, org = name_of(signer[1])
            svc = Services(svc.db, Identity(cn, org))
        if cancelled():
            raise ExportCancelled()
        step("finalise")
        result = svc.records.finalise(visit_id, author=svc.identity.name)
        record = company_copy(result.record) if copy == "company" else result.record
        if cancelled():
            raise ExportCancelled(result.version)
        exported = export_minutes(record, out, lang=lang, signer=signer, reason=reason, step=step,
                                  cancelled=cancelled, encrypt_to=encrypt_to)
    return FinalisedExport(result.version, result.created, exported)
