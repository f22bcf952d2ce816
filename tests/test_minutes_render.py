"""The minutes PDF as a reader and a program see it: text, fonts, metadata, PDF/A, the record inside."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pypdf
import pytest
from minutes_sample import POLISH_LOWER, POLISH_UPPER, require_tool, sample_record
from reportlab.pdfgen.canvas import Canvas

from visitapp.errors import InvalidInput
from visitapp.exchange.record import dump_record
from visitapp.minutes.embed import RECORD_NAME, extract_record, pdfa_available
from visitapp.minutes.export import minutes_pdf
from visitapp.minutes.render import render_pdf
from visitapp.services import company_copy


@pytest.fixture(scope="module")
def record_pl():
    return sample_record("pl")


@pytest.fixture(scope="module")
def pdf_pl(record_pl) -> bytes:
    return minutes_pdf(record_pl)


@pytest.fixture(scope="module")
def pdf_path(pdf_pl, tmp_path_factory):
    path = tmp_path_factory.mktemp("minutes") / "minutes.pdf"
    path.write_bytes(pdf_pl)
    return path


def _pypdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_polish_letters_read_back_with_pypdf(pdf_pl):
    text = _pypdf_text(pdf_pl)
    assert POLISH_LOWER in text
    assert POLISH_UPPER in text
    assert "Protokół z wizyty" in text
    assert "Żuraw Software sp. z o.o." in text


def test_polish_letters_read_back_with_pdftotext(pdf_path):
    tool = require_tool("pdftotext")
    text = subprocess.run([tool, "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"{POLISH_LOWER} {POLISH_UPPER}" in text
    for expected in ("Protokół z wizyty", "NIP", "6762468473", "KRS", "0000512345", "ul. Półłanki 18, 30-740 Kraków",
                     "Uczestnicy", "Jędrzej Ćwikliński", "Porządek spotkania", "Profil firmy i plany rozwoju",
                     "Zadania do wykonania", "Grodzki Urząd Pracy", "15.04.2026", "Podpisy", "12.03.2026, 10:00–12:00"):
        assert expected in text, expected
    assert "strona 1 z 2" in text and "strona 2 z 2" in text


def test_font_is_embedded_and_no_standard_font_left(pdf_path):
    tool = require_tool("pdffonts")
    out = subprocess.run([tool, str(pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    assert all("NotoSans" in row for row in rows), out
    for row in rows:
        emb, sub, uni = row.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_sections_answers_and_authors(record_pl, pdf_pl):
    text = _pypdf_text(pdf_pl)
    for section in record_pl.template.sections:
        assert section.title.pl in text
    assert "Liczba pracowników w Krakowie" in text and "240" in text
    assert "w przygotowaniu" in text  # the choice's label, not its key
    assert "analiza danych, cyberbezpieczeństwo" in text
    assert "DECYZJA" in text and "ZOBOWIĄZANIE" in text
    assert "Michał Ścigański" in text  # two authors: each note names its author
    # The internal copy marks only the notes that leave the office; an internal note carries no marker
    # (the copy itself is named in the subtitle and the footer, and a legend says what unmarked notes are).
    assert "· wewnętrzna" not in text
    assert "dla firmy" in text or "dla partnerów" in text


def test_single_author_notes_do_not_repeat_the_author():
    record = sample_record("pl", authors=1)
    assert " · Zofia" not in _pypdf_text(render_pdf(record))
    two = sample_record("pl", authors=2)
    assert " · Zofia" in _pypdf_text(render_pdf(two))
    assert "10:00" not in _pypdf_text(render_pdf(two)).split("Uczestnicy")[-1], "no clock times unless verbatim"
    verbatim = two.model_copy(update={"visit": two.visit.model_copy(update={"verbatim": True})})
    assert "10:00 · Zofia" in _pypdf_text(render_pdf(verbatim))


def test_english_labels():
    text = _pypdf_text(render_pdf(sample_record("en")))
    assert "Minutes of the visit" in text
    assert "Participants" in text and "Action items" in text and "Signatures" in text
    assert "page 1 of 2" in text
    assert "Company profile and plans" in text


def test_metadata(pdf_pl, record_pl):
    info = pypdf.PdfReader(io.BytesIO(pdf_pl)).metadata
    assert info.title == "Protokół z wizyty: Żuraw Software sp. z o.o."
    assert info.author == "Zofia Łęcka-Żółtowska"
    assert "Wizyta w Żuraw Software" in info.subject
    assert record_pl.visit.id in info["/Keywords"]
    assert info.creator.startswith("visitapp ")


def test_embedded_record_equals_input(pdf_pl, record_pl):
    assert extract_record(pdf_pl) == record_pl
    with pikepdf.open(io.BytesIO(pdf_pl)) as pdf:
        spec = pdf.Root.AF[0]
        assert spec.AFRelationship == pikepdf.Name.Data
        assert str(spec.F) == RECORD_NAME
        assert spec.EF.F.Subtype == pikepdf.Name("/application/json")


def test_pdfa_3b(pdf_path):
    assert pdfa_available(), "pikepdf[pdfa] is a dependency of visitapp: PDF/A-3b must be claimed"
    import pikepdf.pdfa

    report = pikepdf.pdfa.validate_written(str(pdf_path), "3b")
    assert report.passed, report
    with pikepdf.open(pdf_path) as pdf:
        assert pdf.Root.OutputIntents[0].OutputConditionIdentifier == "sRGB"
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "3"
        assert all("/Trans" not in page.obj for page in pdf.pages)


@pytest.mark.parametrize("kind", ["en", "company", "long"])
def test_pdfa_3b_for_every_kind_of_minutes(kind, tmp_path):
    """Export skips pikepdf's self-check for speed, so every kind of minutes is validated here."""
    assert pdfa_available(), "pikepdf[pdfa] is a dependency of visitapp: PDF/A-3b must be claimed"
    import pikepdf.pdfa

    record = {"en": lambda: sample_record("en"), "company": lambda: company_copy(sample_record("pl")),
              "long": lambda: sample_record("pl", extra_notes=60)}[kind]()
    path = tmp_path / "m.pdf"
    path.write_bytes(minutes_pdf(record))
    report = pikepdf.pdfa.validate_written(str(path), "3b")
    assert report.passed, report


def test_company_copy_leaves_out_internal_notes_in_text_and_record(record_pl):
    copy = company_copy(record_pl)
    data = minutes_pdf(copy)
    text = _pypdf_text(data)
    assert "egzaminatorów SEP" not in text  # internal risk
    assert "Nowej Hucie" not in text  # for partners only
    assert "ulgi w podatku" not in text  # internal commitment and its action item
    assert "Lista kursów dofinansowanych" in text
    assert "kopia dla firmy" in text
    inside = extract_record(data)
    assert inside.copy_kind == "company"
    assert {n.visibility for n in inside.notes} == {"company"}
    assert [a.description for a in inside.action_items] == ["Lista kursów dofinansowanych (KFS) dla firmy"]
    assert dump_record(inside)["copy"] == "company"


def test_hundred_pages_keep_the_signature_block_on_the_last_page():
    record = sample_record("en", extra_notes=600)
    data = render_pdf(record)
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    assert pages >= 40
    last = reader.pages[-1].extract_text()
    assert "Signatures" in last and f"page {pages} of {pages}" in last


def test_foreign_pdf_has_no_record():
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "Some other PDF")
    canvas.save()
    with pytest.raises(InvalidInput, match="no visitapp record in this file"):
        extract_record(out.getvalue())
    with pytest.raises(InvalidInput, match="not a readable PDF"):
        extract_record(b"this is not a PDF at all")



def test_every_stream_of_the_minutes_is_compressed(pdf_pl, record_pl):
    """reportlab writes them plain for speed (``compress=False``); the PDF/A save must compress them all."""
    with pikepdf.open(io.BytesIO(render_pdf(record_pl, compress=False))) as plain:
        assert any(isinstance(obj, pikepdf.Stream) and "/Filter" not in obj for obj in plain.objects)
    with pikepdf.open(io.BytesIO(pdf_pl)) as pdf:
        # The XMP packet stays plain, as PDF/A wants it.
        streams = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Type") != "/Metadata"]
        assert streams and all(obj.get("/Filter") == pikepdf.Name.FlateDecode for obj in streams)
    assert len(pdf_pl) < len(render_pdf(record_pl, compress=False))


def test_long_minutes_get_a_balanced_page_tree_in_the_same_page_order():
    """Intermediate /Pages nodes let a signer reach the last page without reading every page."""
    from visitapp.minutes.embed import PAGE_TREE_FANOUT

    record = sample_record("pl", extra_notes=140)
    plain = pypdf.PdfReader(io.BytesIO(render_pdf(record)))
    data = minutes_pdf(record)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        kids = list(pdf.Root.Pages.Kids)
        assert len(pdf.pages) == len(plain.pages) > PAGE_TREE_FANOUT
        assert all(kid.Type == pikepdf.Name.Pages and len(kid.Kids) <= PAGE_TREE_FANOUT for kid in kids)
        assert sum(int(kid.Count) for kid in kids) == int(pdf.Root.Pages.Count) == len(pdf.pages)
    balanced = pypdf.PdfReader(io.BytesIO(data))
    assert [p.extract_text() for p in balanced.pages] == [p.extract_text() for p in plain.pages]
