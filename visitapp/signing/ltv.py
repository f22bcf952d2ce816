"""Long-term validity: revocation data (DSS) and a document timestamp added to signed minutes (PAdES B-LT/B-LTA).

Everything is an incremental update after the last signature (validation data
and a document timestamp: the only revisions :mod:`visitapp.signing.verify`
allows there), so every earlier signature and PDF/A-3b stay valid. Run again
later, it adds the newest validation data and renews the archive timestamp.
Nothing is fetched but the timestamp, unless ``online`` (then OCSP/CRL answers
for every certificate of every chain are fetched and embedded).
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence

from asn1crypto import x509 as asn1_x509

from visitapp.errors import InvalidInput, UserError
from visitapp.i18n import _

log = logging.getLogger(__name__)
TIMESTAMP_TIMEOUT = 10  # seconds for the timestamp server


_SSL_CONTEXT = None  # one per process: building it loads the CA bundle (a sizeable part of an augment)


def _session():
    """One HTTP session for the whole augment (pyHanko would open one, with its own TLS setup, per step)."""
    import ssl

    import aiohttp
    import certifi

    global _SSL_CONTEXT
    if _SSL_CONTEXT is None:
        _SSL_CONTEXT = ssl.create_default_context(cafile=certifi.where())
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=_SSL_CONTEXT))


def _context(anchors: Sequence[asn1_x509.Certificate], signers: Sequence[asn1_x509.Certificate], online: bool,
             session):
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend

    from visitapp.signing import pki

    # Self-signed signers are their own roots: their certificates still go into the DSS.
    roots = [*anchors, *(c for c in signers if pki.is_self_signed(c))]
    return ValidationContext(trust_roots=roots, allow_fetching=online, revocation_mode="soft-fail",
                             fetcher_backend=AIOHttpFetcherBackend(session, per_request_timeout=TIMESTAMP_TIMEOUT))


class TimestampUnavailable(InvalidInput):
    """The timestamp server did not answer, or gave no timestamp: nothing was added."""


def timestamp_problem(url: str, err: BaseException) -> str:
    """One sentence naming the server: it did not answer (no connection, a timeout) or it refused."""
    import aiohttp

    cause = err.__cause__
    if isinstance(cause, aiohttp.ClientResponseError):
        return _("The timestamp server at {url} answered with an error (HTTP {status}) instead of a timestamp.").format(
            url=url, status=cause.status)
    if cause is not None:  # no connection, a timeout, a broken answer
        return _("The timestamp server at {url} did not answer.").format(url=url)
    return _("The timestamp server at {url} refused to give a timestamp.").format(url=url)


def timestamper(url: str, session=None):
    from pyhanko.sign.timestamps import HTTPTimeStamper

    if not url.lower().startswith(("http://", "https://")):
        raise InvalidInput(_("The timestamp server must be an http:// or https:// address, not {url}.").format(url=url))
    return HTTPTimeStamper(url, timeout=TIMESTAMP_TIMEOUT, session=session)


def augment_pdf(pdf_bytes: bytes, *, timestamp_url: str, anchors: Sequence[asn1_x509.Certificate] = (),
                online: bool = False, checked: bool = False) -> bytes:
    """The file with the validation data of every signature and a (renewed) document timestamp added.

    ``checked``: the caller has just verified this very file (a merge, in the
    capped worker), so the integrity check is not run again.
    """
    if not checked:
        check_unchanged(pdf_bytes)  # the same checks as co-signing: never vouch for a changed file
    timestamper(timestamp_url)  # the address is checked before anything is done
    from pyhanko.sign.timestamps.common_utils import TimestampRequestError

    try:
        return asyncio.run(_augment(pdf_bytes, timestamp_url, anchors, online))
    except UserError:
        raise
    except TimestampRequestError as err:  # as when signing (sign._sign_b_t): the server's failure, in the log only
        log.info("timestamp server %s gave no timestamp", timestamp_url, exc_info=True)
        raise TimestampUnavailable(timestamp_problem(timestamp_url, err)) from err
    except Exception as err:  # network, path building and TSA errors come in many types
        log.debug("augment failed", exc_info=True)
        reason = str(err).strip()[:200] or type(err).__name__
        raise InvalidInput(_("Could not add the validation data and timestamp ({reason}).").format(
            reason=reason)) from err


def check_unchanged(pdf_bytes: bytes) -> None:
    """Refuse a file ``verify`` would refuse, but for trust (as co-signing does), checked in the capped worker.

    Not :func:`visitapp.signing.sign.check_cosignable`: that module brings the
    stamp's fonts and reportlab (about half a second of a command's start), and
    its sentence speaks of co-signing.
    """
    from visitapp.signing.sandbox import verify_bytes_capped

    report = verify_bytes_capped(pdf_bytes, [])
    problems = report.integrity_problems()
    if problems:
        broken = next((sig for sig in report.signatures if sig.problems), None)
        if broken is not None:
            raise InvalidInput(_("{sig} no longer holds: the file was changed after it was signed, so no validation "
                                 "data is added to it.").format(sig=broken.label))
        raise InvalidInput(problems[0])


async def _augment(pdf_bytes: bytes, timestamp_url: str, anchors: Sequence[asn1_x509.Certificate],
                   online: bool) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
    from pyhanko.sign.validation import async_add_validation_info

    async with _session() as session:
        stamper = PdfTimeStamper(timestamper(timestamp_url, session))
        # pyHanko collects the signatures anew at each access (parsing every /Contents): once per file read here.
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = list(reader.embedded_regular_signatures)
        renew = bool(reader.embedded_timestamp_signatures)  # validation data adds no timestamp: known now
        context = _context(anchors, [sig.signer_cert for sig in embedded], online, session)
        data = pdf_bytes
        for i in range(len(embedded)):
            # The first from the reader above; each later one from the file as the previous step left it.
            sig = embedded[0] if i == 0 else \
                PdfFileReader(io.BytesIO(data), strict=False).embedded_regular_signatures[i]
            out = io.BytesIO()
            await async_add_validation_info(sig, context, in_place=False, output=out, force_write=True)
            data = out.getvalue()
        out = io.BytesIO()
        if renew:  # renew the archive timestamp
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            await stamper.async_update_archival_timestamp_chain(reader, context, in_place=False, output=out)
        else:
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
            await stamper.async_timestamp_pdf(writer, "sha256", validation_context=context, in_place=False,
                                              output=out)
        return out.getvalue()
