"""What a received file may cost, checked before the work grows with it.

Every file visitapp reads from someone else (a signed PDF, the record inside
it, a plan) is judged against these limits first. The checks here only ever
*refuse*: a file that passes them is still read by the one real parser
(pyHanko for a PDF, ``json`` + pydantic for a record), so a scanner that
misses something cannot make a bad file acceptable; it only leaves the
backstop (the verification worker's memory and time caps) to catch it.

The limits are far above what visitapp writes: the minutes of a visit with
700 notes are 99 pages and under 1 MB, their record under 1 MB, nested 6
levels deep; a PDF nests its dictionaries and arrays under 10 levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from visitapp.errors import InvalidInput
from visitapp.i18n import _

MIB = 1 << 20


@dataclass(frozen=True, slots=True)
class Limits:
    file_bytes: int = 64 * MIB  # a received PDF (or .p7m) on disk
    stream_bytes: int = 64 * MIB  # one decompressed stream
    decoded_bytes: int = 256 * MIB  # all decompressed streams of one file together
    pdf_depth: int = 64  # nested arrays and dictionaries in a PDF
    pdf_objects: int = 200_000  # indirect objects in a PDF
    revisions: int = 64  # incremental updates (%%EOF markers)
    record_bytes: int = 16 * MIB  # the JSON record (or a plan)
    json_depth: int = 32  # nested arrays and objects in a record or a plan
    record_items: int = 50_000  # notes, action items, participants or answers in one record
    verify_seconds: float = 60.0  # one file's verification in the worker process
    verify_memory: int = 2048 * MIB  # address space the worker may add to what it needs at rest


LIMITS = Limits()


def _mib(n: int) -> str:
    return f"{n // MIB} MB"


def check_size(size: int, limit: int = LIMITS.file_bytes) -> None:
    if size > limit:
        raise InvalidInput(_("The file is larger than visitapp accepts ({size} over {limit}).").format(
            size=_mib(size) if size >= MIB else f"{size} B", limit=_mib(limit)))


# -- JSON -----------------------------------------------------------------------------

_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth(data: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text (strings skipped; no recursion)."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > deepest:
                deepest = depth
        elif token in (b"]", b"}"):
            depth -= 1
    return deepest


def check_json(data: bytes, *, max_bytes: int = LIMITS.record_bytes, max_depth: int = LIMITS.json_depth,
               what: str | None = None) -> None:
    """Refuse a JSON text that is too big or too deeply nested, before ``json.loads`` recurses into it."""
    what = what or _("The visit record")
    if len(data) > max_bytes:
        raise InvalidInput(_("{what} is larger than visitapp accepts ({size} over {limit}).").format(
            what=what, size=_mib(len(data)) if len(data) >= MIB else f"{len(data)} B", limit=_mib(max_bytes)))
    if json_depth(data) > max_depth:
        raise InvalidInput(_("{what} is nested deeper than visitapp accepts ({limit} levels).").format(
            what=what, limit=max_depth))


# -- PDF --------------------------------------------------------------------------------

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_ENDSTREAM = b"endstream"
_DICT_BEFORE = 2048  # how far back from "stream" to look for its dictionary
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_PDF_TOKENS = re.compile(rb"\\.|\(|\)|<<|>>|\[|\]|%[^\r\n]*|<[0-9A-Fa-f\s]*>")


def _segments(data: bytes) -> list[bytes]:
    """The parts of a PDF outside its streams (stream data is binary and says nothing of nesting)."""
    outside: list[bytes] = []
    pos = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        if start < pos:
            continue  # the word 'stream' inside a stream already skipped
        head = data[max(pos, match.start() - _DICT_BEFORE):match.start()]
        length = _LENGTH.findall(head)
        end = start + int(length[-1]) if length else -1
        if end < start or end > len(data) or data.find(_ENDSTREAM, end, end + 64) < 0:
            end = data.find(_ENDSTREAM, start)
            if end < 0:
                end = len(data)
        outside.append(data[pos:match.start()])
        pos = end
    outside.append(data[pos:])
    return outside


def pdf_decode_limits(limits: Limits = LIMITS):  # pyHanko type, imported lazily
    """pyHanko's stream-decoding limits set to ours: every stream it inflates is capped while it inflates."""
    from pyhanko.pdf_utils.decode_limits import DecodeLimits, DocumentDecodeBudget, StreamDecodeLimits

    return DecodeLimits(
        per_stream=StreamDecodeLimits(max_output_size=limits.stream_bytes),
        document_budget=DocumentDecodeBudget(base_allowance=limits.decoded_bytes, max_ratio=4),
    )


def _pdf_depth(segment: bytes, limit: int) -> int:
    depth = deepest = 0
    in_string = 0
    for match in _PDF_TOKENS.finditer(segment):
        token = match.group()
        if in_string:
            if token == b"(":
                in_string += 1
            elif token == b")":
                in_string -= 1
            continue
        if token == b"(":
            in_string = 1
        elif token in (b"[", b"<<"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif token in (b"]", b">>"):
            depth = max(0, depth - 1)
    return deepest


def check_pdf(data: bytes, limits: Limits = LIMITS) -> None:
    """Refuse a PDF that is too big, nested too deep, or has too many objects or revisions.

    Runs before any PDF parser sees the file (a few milliseconds for ordinary
    minutes). Decompression is capped while pyHanko inflates each stream
    (:func:`pdf_decode_limits`).
    """
    check_size(len(data), limits.file_bytes)
    if not data.lstrip()[:5] == b"%PDF-":
        raise InvalidInput(_("This file is not a PDF."))
    if data.count(b"%%EOF") > limits.revisions:
        raise InvalidInput(_("The file has more than {limit} revisions; visitapp does not read it.").format(
            limit=limits.revisions))
    segments = _segments(data)
    objects = sum(len(_OBJ.findall(seg)) for seg in segments)
    if objects > limits.pdf_objects:
        raise InvalidInput(_("The file has more than {limit} objects; visitapp does not read it.").format(
            limit=limits.pdf_objects))
    for segment in segments:
        if _pdf_depth(segment, limits.pdf_depth) > limits.pdf_depth:
            raise InvalidInput(_("The file is nested deeper than visitapp accepts ({limit} levels).").format(
                limit=limits.pdf_depth))


# Whitespace that may follow the last %%EOF (PDF's white-space characters).
_PDF_WHITESPACE = b" \t\r\n\x00\x0c"
# The one startxref a reader may use: directly before the last %%EOF, the last such keyword in the file.
_TAIL = re.compile(rb"startxref[ \t\r\n\x00\x0c]+\d+[ \t\r\n\x00\x0c]+%%EOF\Z")


def check_pdf_tail(data: bytes) -> None:
    """Refuse bytes after the last ``%%EOF`` and a ``startxref`` keyword after the one that line closes.

    Two PDF readers find the end of a file differently (pyHanko: the
    ``startxref`` before the last ``%%EOF``; qpdf: the last ``startxref``
    keyword near the end): a file whose tail could be read both ways is
    refused, so that no reader can see a revision that the signature check
    did not.
    """
    body = data.rstrip(_PDF_WHITESPACE)
    if not body.endswith(b"%%EOF"):
        raise InvalidInput(_("The file has bytes after its last revision that no revision accounts for; "
                             "it was changed after it was written."))
    if _TAIL.search(body[-1024:]) is None:
        raise InvalidInput(_("The file's last revision has no cross-reference pointer; it is damaged."))
