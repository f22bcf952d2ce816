"""Publishing minutes: finalise -> render -> attach the record -> sign -> (encrypt) -> write.

The one place above :mod:`visitapp.minutes` (rendering, the record attached)
and :mod:`visitapp.signing` (keys, PAdES): neither imports the other, and
neither touches the database.  Finalising is the core operation
:func:`visitapp.ops.records.finalise_visit` (a write).

* :func:`finalise_and_export` is what the ``export`` command runs: every step
  on the calling thread.
* The GUI's "Finalise and sign" dialog runs the same steps split over two
  workers (:mod:`visitapp.ui.signing.job`): :func:`open_signer` and
  :func:`publish_record` on a worker of the dialog, :func:`finalise` on the
  one DB worker.

Long callers pass ``step`` to hear which step starts and ``cancelled`` to stop
between steps; a stop raises :class:`ExportCancelled` and writes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from pyhanko.sign.signers import Signer

from visitapp.domain import CopyKind
from visitapp.exchange.record import VisitRecord
from visitapp.files import check_writable, write_atomic
from visitapp.minutes.export import minutes_pdf
from visitapp.signing.keys import name_of
from visitapp.signing.sign import SignerSource, SignResult, sign_with
from visitapp.signing.sign import open_signer as _open_signer

if TYPE_CHECKING:
    from visitapp.ops import History
    from visitapp.services import Identity, Services

# The steps of finalise_and_export, in order, as passed to ``step``.
STEPS = ("signer", "finalise", "render", "sign", "write")

StepCallback = Callable[[str], None]
CancelCheck = Callable[[], bool]
OpenSigner = tuple[Signer, x509.Certificate]


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


@dataclass(frozen=True)
class Finalised:
    """A visit finalised: its version and the record of the copy asked for."""

    version: int
    created: bool
    record: VisitRecord


class ExportCancelled(Exception):
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


@contextlib.contextmanager
def open_signer(source: SignerSource | None) -> Iterator[OpenSigner | None]:
    """The signer of ``source`` opened (password or PIN checked, certificate valid today); None when unsigned."""
    if source is None:
        yield None
        return
    with _open_signer(source) as pair:
        yield pair


def signer_identity(signer: OpenSigner | None, fallback: Identity) -> Identity:
    """Who the signer's certificate names (common name, organisation), or ``fallback`` when unsigned."""
    if signer is None:
        return fallback
    from visitapp.services import Identity

    cn, org = name_of(signer[1])
    return Identity(cn, org, department=fallback.department)


def finalise(history: History, visit_id: str, *, copy: str = CopyKind.INTERNAL,
             identity: Any = None) -> Finalised:
    """Finalise ``visit_id`` (one operation, one transaction); the record of the ``copy`` asked for.

    ``identity`` (a :class:`visitapp.services.Identity`) names the author of
    the version and of the record; else the history's identity.
    """
    from visitapp.ops.records import finalise_visit
    from visitapp.services.records import copy_of

    who = identity if identity is not None else history.identity
    result = finalise_visit.run_as(history, who, visit_id, author=who.name).result
    record = copy_of(result.record, copy)
    return Finalised(result.version, result.created, record)


def publish_record(
    record: VisitRecord,
    out: Path,
    *,
    lang: str | None = None,
    signer: OpenSigner | None = None,
    reason: str | None = None,
    step: StepCallback | None = None,
    cancelled: CancelCheck | None = None,
    encrypt_to: list[x509.Certificate] | None = None,
) -> ExportResult:
    """Write the minutes of ``record`` to ``out``, signed when a signer is given; nothing half-written.

    No database here: render, attach the record, sign, encrypt, write.  With
    ``encrypt_to`` (coordinators' certificates) ``out`` is a CMS EnvelopedData
    (``.p7m``) around the signed PDF (visitapp.signing.envelope).
    """
    step, cancelled = step or _noop_step, cancelled or _never
    if cancelled():
        raise ExportCancelled(record.version)
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


#: The name it had in visitapp.minutes.export (benchmarks and older callers).
export_minutes = publish_record


def finalise_and_export(
    svc: Services,
    visit_id: str,
    out: Path,
    *,
    lang: str | None = None,
    copy: str = CopyKind.INTERNAL,
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
    step, cancelled = step or _noop_step, cancelled or _never
    out = Path(out)
    check_writable(out)
    if cancelled():
        raise ExportCancelled()
    if source is not None:
        step("signer")
    with open_signer(source) as signer:
        identity = signer_identity(signer, svc.identity) if signer_is_author else svc.identity
        if cancelled():
            raise ExportCancelled()
        step("finalise")
        done = finalise(svc.history, visit_id, copy=copy, identity=identity)
        if cancelled():
            raise ExportCancelled(done.version)
        exported = publish_record(done.record, out, lang=lang, signer=signer, reason=reason, step=step,
                                  cancelled=cancelled, encrypt_to=encrypt_to)
    return FinalisedExport(done.version, done.created, exported)
