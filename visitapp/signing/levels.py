"""The PAdES level each signature of a file reaches (B-B, B-T, B-LT, B-LTA), beside its verification report.

pyHanko reads the file (the one parser, as in :mod:`visitapp.signing.verify`):

- B-B: a signature;
- B-T: its CMS carries a signature timestamp token;
- B-LT: validation data (a DSS) was added in a later revision, over a B-T signature or under a document timestamp;
- B-LTA: a document timestamp was added after that validation data.

The level says what the file holds, not whether it holds up: intactness,
trust and the timestamps' own validity are in the report.
:func:`check_received` is the job the official's "Check signed minutes" view
runs in the capped worker (:mod:`visitapp.signing.sandbox`): the report and the
levels come from the same bytes, read once.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from visitapp import limits
from visitapp.errors import UserError

B_B, B_T, B_LT, B_LTA = "B-B", "B-T", "B-LT", "B-LTA"


def _has_signature_timestamp(embedded: Any) -> bool:
    attrs = embedded.signer_info["unsigned_attrs"]
    if not attrs or attrs.native is None:
        return False
    return any(attr["type"].native == "signature_time_stamp_token" for attr in attrs)


def _dss_revision(reader: Any) -> int | None:
    """The first revision whose catalogue has a /DSS (validation data), or None."""
    for revision in range(reader.xrefs.total_revisions):
        if "/DSS" in reader.get_historical_resolver(revision).root:
            return revision
    return None


def pades_levels(pdf_bytes: bytes) -> list[str]:
    """One level per regular signature, in the file's order; [] for a file pyHanko cannot read."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from visitapp.signing.verify import _BAD_FILE

    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False, decode_limits=limits.pdf_decode_limits())
        signatures = list(reader.embedded_regular_signatures)
        stamps = [s.signed_revision for s in list(reader.embedded_timestamp_signatures)[:16]]
        dss = _dss_revision(reader)  # the revisions were counted by verify (limits.check_pdf)
        out = []
        for sig in signatures:
            timestamped = _has_signature_timestamp(sig)
            with_dss = dss is not None and dss > sig.signed_revision
            archived = with_dss and any(rev >= dss for rev in stamps)
            if archived:
                out.append(B_LTA)
            elif with_dss and timestamped:
                out.append(B_LT)
            else:
                out.append(B_T if timestamped else B_B)
        return out
    except _BAD_FILE:
        return []


def check_received(path: str, policy: Any) -> tuple[Any, list[str]]:
    """Verify one received file and tell its signatures' levels: (VerificationReport, levels); a job for the worker."""
    from visitapp.signing.verify import VerificationReport, _roots, read_received, verify_pdf_record

    report = VerificationReport(path=path)
    try:
        data = read_received(Path(path))
    except UserError as err:
        report.problems.append(str(err))
        return report, []
    report, _record = verify_pdf_record(data, _roots(policy), path)
    if report.problems:  # past a limit or unreadable: nothing more is parsed
        return report, []
    return report, pades_levels(data)
