"""Signing with a PKCS#12 file, co-signing, and verification catching every kind of tampering."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from minutes_sample import POLISH_LOWER, require_tool, sample_record
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.pdfgen.canvas import Canvas

from visitapp.errors import InvalidInput
from visitapp.minutes.export import minutes_pdf
from visitapp.minutes.layout import SIGNATURE_SLOTS
from visitapp.signing.errors import WrongPassword
from visitapp.signing.keys import keygen
from visitapp.signing.sign import Pkcs12Source, sign_pdf
from visitapp.signing.verify import load_trust_roots, verify_pdf


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("signing")


@pytest.fixture(scope="module")
def first(folder):
    p12, pem, _ = keygen("Zofia Łęcka-Żółtowska", "Wydział Przedsiębiorczości i Innowacji", folder / "a.p12", "pw-a")
    return Pkcs12Source(p12, "pw-a"), pem


@pytest.fixture(scope="module")
def second(folder):
    p12, pem, _ = keygen("Michał Ścigański", "Grodzki Urząd Pracy", folder / "b.p12", "pw-b")
    return Pkcs12Source(p12, "pw-b"), pem


@pytest.fixture(scope="module")
def record():
    return sample_record("pl")


@pytest.fixture(scope="module")
def unsigned(record) -> bytes:
    return minutes_pdf(record)


@pytest.fixture(scope="module")
def signed(unsigned, first) -> bytes:
    return sign_pdf(unsigned, first[0]).pdf


@pytest.fixture(scope="module")
def cosigned(signed, second) -> bytes:
    return sign_pdf(signed, second[0]).pdf


@pytest.fixture(scope="module")
def roots(first, second):
    return load_trust_roots([first[1], second[1]])


def _pdfsig(tool: str, data: bytes, folder, name: str) -> str:
    path = folder / name
    path.write_bytes(data)
    return subprocess.run([tool, str(path)], capture_output=True, text=True).stdout


def test_signed_pdf_verifies_with_trust(signed, roots, record):
    report = verify_pdf(signed, roots)
    assert report.ok, report.all_problems()
    (sig,) = report.signatures
    assert (sig.signer, sig.institution) == ("Zofia Łęcka-Żółtowska", "Wydział Przedsiębiorczości i Innowacji")
    assert sig.intact and sig.covers_document and sig.trusted
    assert sig.signed_at is not None
    assert report.record.valid and report.record.visit_id == record.visit.id and report.record.version == 1


def test_untrusted_without_trust_roots(signed):
    report = verify_pdf(signed, [])
    assert not report.ok
    assert report.all_problems() == [
        "Signature 1 (Zofia Łęcka-Żółtowska): the signer is not trusted; give their certificate with --trust "
        "or their certificate authority with --anchor."]


def test_pdfsig_says_valid(signed, cosigned, folder):
    tool = require_tool("pdfsig")
    out = _pdfsig(tool, cosigned, folder, "cosigned.pdf")
    assert out.count("Signature Validation: Signature is Valid.") == 2, out
    assert "Signer Certificate Common Name: Zofia Łęcka-Żółtowska" in out
    assert "Signer Certificate Common Name: Michał Ścigański" in out
    assert "ETSI.CAdES.detached" in out  # PAdES


def test_cosigning_keeps_the_first_signature_valid(cosigned, signed, roots):
    assert cosigned.startswith(signed)  # an incremental update: the first signed bytes are untouched
    report = verify_pdf(cosigned, roots)
    assert report.ok, report.all_problems()
    assert [s.signer for s in report.signatures] == ["Zofia Łęcka-Żółtowska", "Michał Ścigański"]
    assert [s.field for s in report.signatures] == ["Signature1", "Signature2"]


def test_stamps_sit_in_separate_boxes_on_the_last_page(cosigned):
    reader = PdfFileReader(io.BytesIO(cosigned))
    last = reader.root["/Pages"]["/Kids"][-1].get_object()
    rects = [tuple(float(v) for v in a.get_object()["/Rect"]) for a in last["/Annots"]]
    assert sorted(rects) == sorted(tuple(float(v) for v in slot) for slot in SIGNATURE_SLOTS)


def test_stamp_text_has_polish_letters(cosigned, folder):
    tool = require_tool("pdftotext")
    path = folder / "stamp.pdf"
    path.write_bytes(cosigned)
    text = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert POLISH_LOWER in text
    assert "Podpisano elektronicznie: Zofia Łęcka-Żółtowska" in text
    assert "Podpisano elektronicznie: Michał Ścigański" in text


def test_third_signature_is_invisible_but_valid(cosigned, first, roots):
    third = sign_pdf(cosigned, first[0])
    assert not third.visible and third.field_name == "Signature3"
    report = verify_pdf(third.pdf, roots)
    assert report.ok, report.all_problems()
    assert len(report.signatures) == 3


def _first_signed_range(data: bytes) -> tuple[int, int]:
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert match
    start, length = int(match[1]), int(match[2])
    return start, start + length


def test_flipped_byte_breaks_and_names_the_signature(cosigned, roots, folder):
    start, end = _first_signed_range(cosigned)
    broken = bytearray(cosigned)
    # A byte inside the record and page streams covered by signature 1 (not the header, so it still parses).
    where = (start + end) // 2
    broken[where] ^= 0x01
    report = verify_pdf(bytes(broken), roots)
    assert not report.ok
    problems = report.all_problems()
    assert "Signature 1 (Zofia Łęcka-Żółtowska) is broken: the signed content was changed after signing." in problems
    assert not report.signatures[0].intact


def test_content_changed_in_an_appended_update_is_caught(signed, roots, folder):
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    forged = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 700 Td (FORGED) Tj ET"))
    contents = page["/Contents"]
    page["/Contents"] = generic.ArrayObject([*(contents if isinstance(contents, list) else [contents]), forged])
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), roots)
    assert not report.ok
    assert report.signatures[0].intact  # the signed bytes themselves are untouched ...
    assert not report.signatures[0].covers_document  # ... but the file is not what was signed
    assert report.all_problems() == [
        "Signature 1 (Zofia Łęcka-Żółtowska) no longer covers the file: it was changed afterwards by something "
        "other than a signature."]


def test_wrong_password(unsigned, first):
    with pytest.raises(WrongPassword, match="is wrong"):
        sign_pdf(unsigned, Pkcs12Source(first[0].path, "nope"))


def _foreign_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "Not minutes")
    canvas.save()
    return out.getvalue()


def test_foreign_pdf_is_refused_for_signing_and_fails_verification(first, roots):
    with pytest.raises(InvalidInput, match="no visitapp record in this file"):
        sign_pdf(_foreign_pdf(), first[0])
    report = verify_pdf(_foreign_pdf(), roots)
    assert not report.ok
    # An unsigned file is judged by that alone: nothing inside it is read before a signature covers it.
    assert report.all_problems() == ["This file is not signed."]


def test_a_signed_foreign_pdf_has_no_record(tmp_path, roots):
    from hostile_files import signed_by_anyone

    report = verify_pdf(signed_by_anyone(_foreign_pdf(), tmp_path), roots)
    assert not report.ok
    assert report.record.problem == "There is no visitapp record in this file; it was not written by visitapp."


def test_verify_never_raises_for_garbage(roots):
    report = verify_pdf(b"%PDF-1.7\n garbage", roots)
    assert not report.ok
    assert report.all_problems()
    assert all(p.endswith(".") for p in report.all_problems())


def test_stamp_font_falls_back_to_full_noto_for_other_scripts():
    from visitapp.minutes.fonts import STAMP_FILE, stamp_font_file

    assert stamp_font_file("Podpisano: Zażółć gęślą jaźń – „ŹDŹBŁO”").name == STAMP_FILE
    assert stamp_font_file("Signed by Ольга Петрова").name == "NotoSans-Regular.ttf"


def test_each_stamp_embeds_a_subset_of_the_stamp_font(cosigned):
    """visitapp cuts the stamp font's subset itself (faster than pyHanko's); every glyph shown must be in it."""
    from fontTools.ttLib import TTFont

    from visitapp.minutes.fonts import STAMP_FILE
    from visitapp.resources import resource_path

    full = resource_path("fonts", STAMP_FILE).read_bytes()
    reader = PdfFileReader(io.BytesIO(cosigned))
    last = reader.root["/Pages"]["/Kids"][-1].get_object()
    programs = []
    for annot in last["/Annots"]:
        normal = annot.get_object()["/AP"]["/N"]
        for xobj in [normal, *normal["/Resources"].get("/XObject", {}).values()]:
            for f in xobj.get_object().get("/Resources", {}).get("/Font", {}).values():
                cid = f.get_object()["/DescendantFonts"][0].get_object()
                assert "/ToUnicode" in f.get_object()
                stream = cid["/FontDescriptor"]["/FontFile2"].get_object()
                assert stream["/Length1"] == len(stream.data) < len(full)
                font = TTFont(io.BytesIO(stream.data), checkChecksums=2)
                glyf, order = font["glyf"], font.getGlyphOrder()
                widths = cid["/W"]
                used = [int(widths[i]) + j for i in range(0, len(widths), 2) for j in range(len(widths[i + 1]))]
                assert used and all(glyf[order[gid]].numberOfContours for gid in used if order[gid] != "space")
                programs.append(font)
    assert len(programs) == 2


def test_stamp_engine_matches_pyhankos():
    """visitapp's stamp engine re-does pyHanko's GlyphAccumulator set-up over a font parsed once:
    same state, same text."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.writer import PdfFileWriter

    from visitapp.minutes.fonts import STAMP_FILE
    from visitapp.resources import resource_path
    from visitapp.signing.stamp import _StampFontFactory

    path = str(resource_path("fonts", STAMP_FILE))
    stock = GlyphAccumulatorFactory(path, font_size=8).create_font_engine(PdfFileWriter())
    ours = _StampFontFactory(path, 8).create_font_engine(PdfFileWriter())
    assert set(vars(ours)) == set(vars(stock))  # a pyHanko upgrade with new engine state shows here
    for text in ("Podpisano elektronicznie: Zofia Łęcka-Żółtowska", "Data: 2026-03-17 10:00:00 CET", "ĄĆĘŁŃÓŚŹŻ"):
        assert ours.shape(text) == stock.shape(text)
    assert ours._cid_to_unicode == stock._cid_to_unicode


def test_signed_and_cosigned_minutes_stay_pdfa_3b(cosigned, folder):
    """Personal keys are RSA: an ECDSA signature would raise the file to PDF 2.0, out of PDF/A-3b."""
    import pikepdf
    import pikepdf.pdfa

    path = folder / "cosigned-pdfa.pdf"
    path.write_bytes(cosigned)
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.get("/Version", "/1.7")) != "/2.0"
        assert pdf.pdf_version < "2.0"
    report = pikepdf.pdfa.validate_written(str(path), "3b")
    # pikepdf's checker does not judge signature forms (it reports them as
    # "unsupported"); nothing it does judge may fail.
    assert [f for f in report.findings if f.kind != "unsupported"] == []
