"""Hostile files built the way an attacker would build them, for the verification tests.

Each builder takes real bytes (usually a signed minutes PDF) and returns new
bytes; none of them needs a key.
"""

from __future__ import annotations

import io
import json
import re
import zlib

import pikepdf

from visitapp.minutes.embed import RECORD_NAME


def _startxref(data: bytes) -> int:
    return int(re.findall(rb"startxref\s+(\d+)", data)[-1])


def _record_stream_objnum(data: bytes) -> int:
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        spec = pdf.attachments[RECORD_NAME]
        return spec.obj.EF.F.objgen[0]


def _trailer_root_and_size(data: bytes) -> tuple[str, int, bytes]:
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        root = "{} {} R".format(*pdf.Root.objgen)
        size = len(pdf.objects) + 1
        ident = bytes(pdf.trailer.ID[0])
    return root, size, ident


def forged_record_tail(signed: bytes, forged_record: dict) -> bytes:
    """The parser-differential forgery: a new record that only a second parser sees.

    Appends a new version of the record's embedded-file stream, an xref
    section for it, and a tail ``startxref <signed> %%EOF startxref <new>``:
    a reader that takes the ``startxref`` before the last ``%%EOF`` (pyHanko)
    sees only the signed revision; one that takes the last ``startxref``
    keyword (qpdf) reads the forged record.
    """
    objnum = _record_stream_objnum(signed)
    root, size, ident = _trailer_root_and_size(signed)
    prev = _startxref(signed)
    payload = json.dumps(forged_record, ensure_ascii=False).encode()
    out = bytearray(signed)
    if not out.endswith(b"\n"):
        out += b"\n"
    obj_at = len(out)
    out += (f"{objnum} 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length {len(payload)} >>\n"
            "stream\n").encode() + payload + b"\nendstream\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 1\n0000000000 65535 f \n{objnum} 1\n{obj_at:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {size} /Root {root} /Prev {prev} /ID [<{ident.hex()}> <{ident.hex()}>] >>\n"
            ).encode()
    out += f"startxref\n{prev}\n%%EOF\nstartxref\n{xref_at}\n".encode()
    return bytes(out)


def appended_revision(signed: bytes, forged_record: dict) -> bytes:
    """An honest-looking incremental update that replaces the record (pdfsig: 'Not total document signed')."""
    objnum = _record_stream_objnum(signed)
    root, size, ident = _trailer_root_and_size(signed)
    prev = _startxref(signed)
    payload = json.dumps(forged_record, ensure_ascii=False).encode()
    out = bytearray(signed)
    if not out.endswith(b"\n"):
        out += b"\n"
    obj_at = len(out)
    out += (f"{objnum} 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length {len(payload)} >>\n"
            "stream\n").encode() + payload + b"\nendstream\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 1\n0000000000 65535 f \n{objnum} 1\n{obj_at:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {size} /Root {root} /Prev {prev} /ID [<{ident.hex()}> <{ident.hex()}>] >>\n"
            ).encode()
    out += f"startxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)


def _minimal_pdf(objects: list[bytes]) -> bytes:
    """A classic PDF from numbered object bodies (object 1 must be the catalogue)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)


def _bomb_stream(inflated_mib: int) -> bytes:
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [comp.compress(b'{"format": "visitapp.visit/1", "pad": "')]
    parts += [comp.compress(chunk) for _ in range(inflated_mib)]
    parts.append(comp.compress(b'"}'))
    parts.append(comp.flush())
    return b"".join(parts)


def decompression_bomb(inflated_mib: int = 2048) -> bytes:
    """An unsigned PDF of about ``inflated_mib / 1000`` MiB whose attached record inflates to ``inflated_mib`` MiB."""
    stream = _bomb_stream(inflated_mib)
    return _minimal_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /AF [5 0 R] /Names << /EmbeddedFiles << /Names [(visit-record.json) 5 0 R]"
        b" >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream",
        b"<< /Type /Filespec /F (visit-record.json) /UF (visit-record.json) /AFRelationship /Data"
        b" /EF << /F 6 0 R >> >>",
        f"<< /Type /EmbeddedFile /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream
        + b"\nendstream",
    ])


def signed_by_anyone(pdf: bytes, folder) -> bytes:  # a Path
    """``pdf`` signed with a key made on the spot: what an attacker without anyone's key can do."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from visitapp.signing.keys import make_certificate, pkcs12_bytes

    key, cert = make_certificate("Mallory", "Nobody")
    p12 = folder / "mallory.p12"
    p12.write_bytes(pkcs12_bytes(key, cert, "x"))
    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=b"x")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    out = signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Signature1"), signer=signer)
    return out.getvalue()


def deeply_nested_pdf(depth: int = 20000) -> bytes:
    """A PDF whose catalogue holds an array nested ``depth`` levels deep."""
    return _minimal_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Deep " + b"[" * depth + b"]" * depth + b" >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ])


def deeply_nested_json(depth: int = 20000) -> bytes:
    return b'{"format": "visitapp.visit/1", "x": ' + b"[" * depth + b"]" * depth + b"}"


# Jobs for the capped worker's own tests (module level, so a worker process can run them).


def hog_memory(mib: int) -> int:
    """Allocate ``mib`` MiB and touch every page, as a parser inflating a bomb would."""
    block = bytearray(mib << 20)
    for i in range(0, len(block), 4096):
        block[i] = 1
    return len(block)


def sleep_for(seconds: float) -> None:
    """A job that takes longer than the time cap (a parser looping on a crafted file)."""
    import time

    time.sleep(seconds)


def square(n: int) -> int:
    return n * n
