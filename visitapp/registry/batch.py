"""Merging signed files: finding them, verifying them ahead in a capped worker, merging them in order.

:class:`Merger` verifies the signed PDFs (as ``visitapp verify`` does) against
the registry's trust list and merges each accepted record with
:func:`~visitapp.registry.apply.merge_record`, one transaction per file.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.errors import DatabaseLocked, UserError
from visitapp.exchange.record import VisitRecord
from visitapp.i18n import _
from visitapp.registry.apply import merge_record
from visitapp.registry.results import BeforeCommit, FileResult, Source
from visitapp.registry.waiting import patiently

if TYPE_CHECKING:
    from visitapp.signing.envelope import DecryptionKey
    from visitapp.signing.verify import VerificationReport


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def collect_files(items: Sequence[Path]) -> list[Path]:
    """The files named, and every ``*.pdf`` and ``*.p7m`` (encrypted minutes) under the folders named (sorted)."""
    out: list[Path] = []
    for item in items:
        item = Path(item)
        if item.is_dir():
            out.extend(sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in (".pdf", ".p7m")))
        else:
            out.append(item)
    return out


LOOKAHEAD = 4  # files verified ahead of the merge, in the capped worker

#: How long one file's merge waits in all for other writers (another coordinator's merge of the same visit,
#: organisation or people; a trust change) before it is refused as busy.  Each wait for a lock is bounded by
#: the database's lock timeout (5 s); when it passes, the file's transaction (rolled back whole) is run again
#: after a short pause, until this much time has gone by: long enough for a neighbour's large file to finish.
MERGE_WAIT_S = 600.0

#: ``waiting(file, attempt, seconds_waited)``: told before each retry of a file's merge (the CLI shows it).
Waiting = Callable[[str, int, float], None]


def _told_no_one(_name: str, _attempt: int, _waited: float) -> None:
    """A merge given no ``waiting`` shows nothing (not the CLI's line for other writes)."""


@dataclass
class CheckedFile:
    """A file read, hashed and verified, ready to merge (or why not)."""

    name: str
    sha256: str = ""
    report: VerificationReport | None = None
    record: VisitRecord | None = None
    error: str | None = None  # the file could not even be read, or its check was stopped by a limit


def _outcome_to_checked(name: str, outcome: Any) -> CheckedFile:
    if outcome.refused is not None:
        return CheckedFile(name, error=outcome.refused)
    sha256, report, record = outcome.value
    return CheckedFile(name, sha256, report, record)


def _asn1(certs) -> list:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization

    return [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in certs]


def _only_untrusted(report: VerificationReport | None, record: VisitRecord | None) -> bytes:
    """The first signer's certificate when that signer's trust is all the file lacks, else b""."""
    if report is None or record is None or not report.signatures or report.problems or not report.record.valid:
        return b""
    if not all(sig.intact and sig.covers_document and not sig.problems for sig in report.signatures):
        return b""
    first = report.signatures[0]
    return first.certificate if not first.trusted and first.revocation != "revoked" else b""


class Merger:
    """Verifies signed PDFs against the registry's trust list (plus extra roots) and merges them."""

    def __init__(self, db: Database, extra_trust: Sequence[Path] = (), *,
                 before_commit: BeforeCommit | None = None, key: DecryptionKey | None = None, online: bool = False,
                 revocation: str = "soft", through: Callable[[Callable[[], Any]], Any] | None = None,
                 wait_s: float = MERGE_WAIT_S, waiting: Waiting | None = None) -> None:
        """``through(call)`` runs each file's merge operation and returns its result: by default here, in the
        GUI on its one DB worker (the batch's own thread waits for it).  A file whose merge finds the registry
        busy is merged again until ``wait_s`` have passed (see :data:`MERGE_WAIT_S`), telling ``waiting``."""
        import uuid

        from visitapp.registry.trust import TrustStore
        from visitapp.signing.verify import load_trust_roots

        self.db = db
        self.before_commit = before_commit
        self.through = through or (lambda call: call())
        self.wait_s, self.waiting = wait_s, waiting
        self._cancelled: Callable[[], bool] | None = None
        self.key = key  # the coordinator's key for .p7m files (visitapp.signing.envelope), or None
        self.roots = _asn1(TrustStore(db).certificates()) + load_trust_roots(extra_trust)
        # Pinned signers, anchors and the people trusted under them (visitapp.signing.assess); answers
        # fetched online are cached per certificate for this run.
        self.policy = TrustStore(db).policy(extra_pinned=load_trust_roots(extra_trust), online=online,
                                            revocation=revocation, run=uuid.uuid4().hex)

    def merge_file(self, path: Path) -> FileResult:
        return self.merge_all([path])[0]

    def _merge_checked(self, checked: CheckedFile) -> FileResult:
        """Merge one file that the capped worker read and verified."""
        if checked.error is not None:
            return FileResult(checked.name, "rejected", checked.error)
        report, record = checked.report, checked.record
        if report is None or not report.ok or record is None:
            # A file merged before is "unchanged" even if it would not pass today (a certificate since
            # distrusted).  A file that passes is looked up inside its merge's own transaction instead
            # (merge_in), which saves a transaction of its own here: three round trips on a server.
            with self.db.read() as s:
                if s.scalar(select(m.MergedFile.id).where(m.MergedFile.sha256 == checked.sha256)) is not None:
                    return FileResult(checked.name, "unchanged", _("This file was merged before."),
                                      sha256=checked.sha256)
            problems = (report.all_problems() if report else []) or [_("The file could not be verified.")]
            return FileResult(checked.name, "rejected", " ".join(problems), sha256=checked.sha256,
                              untrusted_certificate=_only_untrusted(report, record))
        first = report.signatures[0]
        source = Source(
            sha256=checked.sha256, file_name=checked.name,
            signer=", ".join(sig.signer for sig in report.signatures if sig.signer),
            # The author is the signer: a pinned certificate's fingerprint, or the person under an anchor
            # (so a renewed certificate's minutes supersede the old ones).
            signer_organisation=first.institution, signer_fingerprint=first.signer_key or first.fingerprint,
            signed_at=first.signed_at,
            signer_name=first.signer or "?",  # the author's certificate name (never a co-signer's)
        )
        result = self._patiently(
            checked.name, lambda: self.through(
                lambda: merge_record(self.db, record, source, before_commit=self.before_commit)))
        result.signature = {
            "identity": first.identity or (f"sha256:{first.fingerprint}" if first.fingerprint else ""),
            "anchor": first.anchor, "level": first.level, "revocation": first.revocation,
            "revocation_source": first.revocation_source,
            "timestamp": first.timestamp.isoformat() if first.timestamp else None,
            # as verify judged the timestamp: its authority trusted; a trusted list's qualified TSA (QTST)
            "timestamp_trusted": first.timestamp_trusted, "timestamp_qualified": first.timestamp_qualified,
        }
        return result

    def _patiently(self, name: str, call: Callable[[], FileResult]) -> FileResult:
        """``call()`` (one file's transaction), run again while the registry is busy, for at most ``wait_s``
        (:func:`visitapp.registry.waiting.patiently`, as every coordinator's write); cancelling the batch stops the
        waiting too.  Past it, one sentence that nothing of this file was imported."""
        def gave_up(waited: float) -> DatabaseLocked:
            return DatabaseLocked(
                _("The registry stayed busy with other coordinators' work for {seconds} s; nothing of "
                  "this file was imported, merge it again later.").format(seconds=round(waited)))

        return patiently(call, what=name, wait_s=self.wait_s, waiting=self.waiting or _told_no_one,
                         stopped=self._stopped, gave_up=gave_up)

    def _stopped(self) -> bool:
        return self._cancelled is not None and self._cancelled()

    def merge_all(self, paths: Sequence[Path], progress: Callable[[int, int, FileResult], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> list[FileResult]:
        """Merge files in order, each in its own transaction.

        With many files, a worker process verifies the next files while this
        one merges the current (SQLite has one writer; verification is CPU
        work that needs no database), so a batch costs about as much as
        verifying it.  Results, order and transactions are the same either way.
        """
        files = collect_files(paths)
        self._cancelled = cancelled
        results: list[FileResult] = []
        for i, checked in enumerate(self._checked(files, cancelled), 1):
            try:
                result = self._merge_checked(checked)
            except UserError as err:  # e.g. the database is locked or full: this file is not merged
                result = FileResult(checked.name, "rejected", str(err), sha256=checked.sha256)
            results.append(result)
            if progress is not None:
                progress(i, len(files), result)
        return results

    def _checked(self, files: list[Path], cancelled: Callable[[], bool] | None) -> Iterator[CheckedFile]:
        """Each file read, hashed and verified in the capped worker, :data:`LOOKAHEAD` files ahead of the merge."""
        from visitapp.signing.envelope import verification_job
        from visitapp.signing.sandbox import CappedWorker

        roots_der: Any = self.policy  # a TrustPolicy travels to the worker as the roots do
        queue = iter(files)
        with CappedWorker() as worker:
            pending: deque[Path] = deque()
            for path in itertools.islice(queue, LOOKAHEAD):
                worker.submit(*verification_job(path, roots_der, self.key))
                pending.append(path)
            while pending:
                if cancelled is not None and cancelled():
                    return
                path = pending.popleft()
                outcome = worker.result()
                following = next(queue, None)
                if following is not None:
                    worker.submit(*verification_job(following, roots_der, self.key))
                    pending.append(following)
                yield _outcome_to_checked(str(path), outcome)
