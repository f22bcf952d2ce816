"""Long-term validity: revocation data (DSS) and a document timestamp added to signed minutes (PAdES B-LT/B-LTA).

Everything is an incremental update after the last signature (validation data
and a document timestamp: the only revisions :mod:`visitapp.signing.verify`
allows there), so every earlier signature and PDF/A-3b stay valid. Run again
later, it adds the newest validation data and renews the archive timestamp.
Nothing is fetched but the timestamp, unless ``online`` (then OCSP/CRL answers
for every certificate of every chain are fetched and embedded).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from asn1crypto import x509 as asn1_x509

from visitapp.errors import InvalidInput
from visitapp.i18n import _

log = logging.getLogger(__name__)
TIMESTAMP_TIMEOUT = 10  # seconds for the timestamp server


def _context(anchors: Sequence[asn1_x509.Certificate], signers: Sequence[asn1_x509.Certificate], online: bool):  # noqa: ANN202
    from pyhanko_certvalidator import ValidationContext

    from visitapp.signing import pki

    # Self-signed signers are their own roots: their certificates still go into the DSS.
    roots = [*anchors, *(c for c in signers if pki.is_self_signed(c))]
    return ValidationContext(trust_roots=roots, allow_fetching=online, revocation_mode="soft-fail")


def timestamper(url: str):  # noqa: ANN201
    from pyhanko.sign.timestamps import HTTPTimeStamper

    if not url.lower().startswith(("http://", "https://")):
        raise InvalidInput(_("The timestamp server must be an http:// or https:// address, not {url}.").format(url=url))
    return HTTPTimeStamper(url, timeout=TIMESTAMP_TIMEOUT)


def augment_pdf(pdf_bytes: bytes, *, timestamp_url: str, anchors: Sequence[asn1_x509.Certificate] = (),
                online: bool = False) -> bytes:
    """The file with the validation data of every signature and a (renewed) document timestamp added."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
    from pyhanko.sign.validation import add_validation_info

    from visitapp.signing.sign import check_cosignable

    check_cosignable(pdf_bytes)  # the same checks as co-signing: never vouch for a changed file
    stamper = PdfTimeStamper(timestamper(timestamp_url))
    reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    count = len(reader.embedded_regular_signatures)
    signers = [sig.signer_cert for sig in reader.embedded_regular_signatures]
    context = _context(anchors, signers, online)
    data = pdf_bytes
    try:
        for i in range(count):
            sig = PdfFileReader(io.BytesIO(data), strict=False).embedded_regular_signatures[i]
            out = io.BytesIO()
            add_validation_info(sig, context, in_place=False, output=out, force_write=True)
            data = out.getvalue()
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        out = io.BytesIO()
        if reader.embedded_timestamp_signatures:
            stamper.update_archival_timestamp_chain(reader, context, in_place=False, output=out)
        else:
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
            stamper.timestamp_pdf(writer, "sha256", validation_context=context, in_place=False, output=out)
    except Exception as err:  # noqa: BLE001 (network, path building and TSA errors come in many types)
        log.debug("augment failed", exc_info=True)
        reason = str(err).strip()[:200] or type(err).__name__
        raise InvalidInput(_("Could not add the validation data and timestamp ({reason}).").format(
            reason=reason)) from err
    return out.getvalue()
