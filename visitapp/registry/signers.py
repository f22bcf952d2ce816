"""Who wrote what, as the coordinator sees it: the signer's certificate, never the name typed in a record.

Anyone can type any name as a record's author (or a note's), so the name the
registry shows for merged items is the one of the certificate that signed the
file: the trust list's subject for that certificate's fingerprint, else the
common name recorded when the file was merged.  The typed name is only shown
beside it when it differs: "Jan Nowak (typed: Anna Kowalska)".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitapp.db import models as m
from visitapp.i18n import _
from visitapp.validation import fold_diacritics

UNKNOWN = "?"


def _same_name(a: str, b: str) -> bool:
    return " ".join(fold_diacritics(a).casefold().split()) == " ".join(fold_diacritics(b).casefold().split())


def who(signer: str, typed: str = "", t: Callable[[str], str] = _) -> str:
    """The signer's name, with the typed name beside it only when it is another name."""
    signer, typed = (signer or "").strip(), (typed or "").strip()
    if not signer:
        signer = UNKNOWN
    if not typed or _same_name(signer, typed):
        return signer
    return t("{signer} (typed: {typed})").format(signer=signer, typed=typed)


def typed_beside(signer: str, typed: str) -> str:
    """The typed name when it differs from the signer's (for a column of its own), else ""."""
    typed = (typed or "").strip()
    return "" if not typed or _same_name(signer or "", typed) else typed


def trusted_names(s: Session, fingerprints: Iterable[str]) -> dict[str, str]:
    """The trust list's subject of each of these certificate fingerprints that it holds."""
    wanted = {fp for fp in fingerprints if fp}
    if not wanted:
        return {}
    rows = s.execute(select(m.TrustedCertificate.fingerprint, m.TrustedCertificate.subject)
                     .where(m.TrustedCertificate.fingerprint.in_(wanted)))
    return {fp: subject for fp, subject in rows if subject}


def signer_of(fingerprint: str, signer_name: str, signers: str, trusted: dict[str, str]) -> str:
    """The name of the certificate that made a merged file's first signature.

    ``signer_name`` is that certificate's common name recorded at merge;
    ``signers`` (every signature's name, joined) is only used for files merged
    before ``signer_name`` was recorded, and then whole: cutting it at a comma
    would let a certificate named "Jan Nowak, X" pass as Jan Nowak.
    """
    return trusted.get(fingerprint) or signer_name or signers or UNKNOWN


def file_signer(f: m.MergedFile, trusted: dict[str, str]) -> str:
    return signer_of(f.signer_fingerprint, f.signer_name, f.signer, trusted)


def item_signers(s: Session, kind: str, uuids: Iterable[str]) -> dict[str, str]:
    """For merged items of ``kind`` ("note", "action", "answer"): uuid -> the name of the signer who brought it.

    Items with no provenance (made in the registry itself) are left out.
    """
    wanted = list(dict.fromkeys(uuids))
    rows: list[Any] = []
    for start in range(0, len(wanted), 500):  # stay under SQLite's limit of bound parameters
        rows.extend(s.execute(
            select(m.Provenance.item_uuid, m.MergedFile.signer_fingerprint, m.MergedFile.signer_name,
                   m.MergedFile.signer)
            .join(m.MergedFile, m.MergedFile.id == m.Provenance.merged_file_id)
            .where(m.Provenance.item_kind == kind, m.Provenance.item_uuid.in_(wanted[start:start + 500]))).all())
    trusted = trusted_names(s, {fp for _u, fp, _n, _s in rows})
    return {uuid: signer_of(fp, name, signers, trusted) for uuid, fp, name, signers in rows}
