"""The minutes as a reader sees their layout (review 5): the date line's town, the running header, the
signature block (prospective labels, a line for the approver, never alone on a page) and the copy marks.

Real PDFs rendered from records; text and positions read back with pypdf, pixels from pdftoppm.
"""

from __future__ import annotations

import io
import re
import subprocess

import pypdf
import pytest
from minutes_sample import require_tool, sample_record
from PIL import Image
from reportlab.pdfbase.pdfmetrics import stringWidth

from visitapp.exchange.record import VisitRecord
from visitapp.minutes import layout as L
from visitapp.minutes.fonts import REGULAR
from visitapp.minutes.place import town
from visitapp.minutes.render import HEADER_GAP, HEADER_SIZE, render_pdf
from visitapp.minutes.signature_block import APPROVAL_ROW_HEIGHT, LINE_ABOVE_HINT
from visitapp.services import company_copy

REVIEW_PLACE = "Kraków, ul. Półłanki 18, sala konferencyjna nr 2 (budynek B, II piętro)"
LONG_NAME = ("Przedsiębiorstwo Produkcyjno-Handlowo-Usługowe Automatyka Przemysłowa i Robotyka Sp. z o.o. Sp. k.")


def with_visit(record: VisitRecord, **changes) -> VisitRecord:
    return record.model_copy(update={"visit": record.visit.model_copy(update=changes)})


def with_organisation(record: VisitRecord, **changes) -> VisitRecord:
    return record.model_copy(update={"organisation": record.organisation.model_copy(update=changes)})


def pages(data: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(data)).pages)


def texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in pages(data)]


def runs(page: pypdf.PageObject) -> list[tuple[str, float, float]]:
    """The page's text runs with their page coordinates (x, y of the baseline)."""
    found: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            found.append((text.strip(), cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]))

    page.extract_text(visitor_text=visit)
    return found


# -- the date line -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("place", "address", "expected"), [
    (REVIEW_PLACE, "", "Kraków"),  # the review's place: never "II piętro)"
    ("ul. Półłanki 18, Kraków, sala „Źródło”", "ul. Półłanki 18, 30-740 Kraków", "Kraków"),
    ("Zakład produkcyjny, ul. Półłanki 18, 30-740 Kraków", "ul. Marszałkowska 1, 00-001 Warszawa", "Kraków"),
    ("sala konferencyjna nr 2 (budynek B, II piętro)", "ul. Długa 1, 31-147 Kraków", "Kraków"),
    ("Biuro firmy, Nowy Dwór Mazowiecki", "", "Nowy Dwór Mazowiecki"),
    ("Hala B, Brzeg nad Odrą", "", "Brzeg nad Odrą"),
    ("sala konferencyjna nr 2 (budynek B, II piętro)", "", ""),
    ("Online", "", ""),
    ("ul. Długa 5, II piętro, pokój 12", "ul. Długa 5", ""),
])
def test_the_town_of_the_date_line(place, address, expected):
    assert town(place, address) == expected


def test_the_review_place_gives_krakow_and_an_unknown_town_the_date_alone():
    record = with_organisation(with_visit(sample_record("pl"), place=REVIEW_PLACE), address="")
    first = texts(render_pdf(record))[0]
    assert "Kraków, 12 marca 2026 r." in first
    assert "piętro)," not in first
    english = texts(render_pdf(with_visit(record, language="en")))[0]
    assert "Kraków, 12 March 2026" in english
    nowhere = with_visit(record, place="sala konferencyjna nr 2 (budynek B, II piętro)")
    first = texts(render_pdf(nowhere))[0]
    assert re.search(r"(^|\n)\s*12 marca 2026 r\.", first), first[:300]
    assert ", 12 marca" not in first


# -- the running header ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_long_name_in_the_running_header_is_cut_with_an_ellipsis_before_the_right_text(lang):
    record = with_organisation(sample_record(lang, extra_notes=8), name=LONG_NAME)
    data = render_pdf(record)
    header_y = L.PAGE_HEIGHT - L.MARGIN_TOP + 14
    all_pages = pages(data)
    assert len(all_pages) >= 2
    for page in all_pages:
        header = [(text, x) for text, x, y in runs(page) if abs(y - header_y) < 1]
        left = [(text, x) for text, x in header if abs(x - L.MARGIN_LEFT) < 1]
        right = [(text, x) for text, x in header if abs(x - L.MARGIN_LEFT) >= 1]
        assert len(left) == 1 and len(right) == 1, header
        name, x = left[0]
        assert name.endswith("…") and LONG_NAME.startswith(name[:-1].rstrip()), name
        assert len(name) > 40, "the name keeps what fits"
        end = x + stringWidth(name, REGULAR, HEADER_SIZE)
        assert end + HEADER_GAP <= right[0][1] + 0.5, (name, right[0])


def test_a_name_that_fits_is_not_cut():
    record = sample_record("en")
    header_y = L.PAGE_HEIGHT - L.MARGIN_TOP + 14
    header = [text for text, _x, y in runs(pages(render_pdf(record))[0]) if abs(y - header_y) < 1]
    assert record.organisation.name in header


# -- the signature block --------------------------------------------------------------------------------------


def test_the_block_names_what_is_to_happen_not_what_has_happened():
    record = with_visit(sample_record("pl"), approver="Anna Nowak, dyrektor Wydziału", cosigner="Adam Biernat")
    last = texts(render_pdf(record))[-1]
    assert "Sporządził(a): Zofia Łęcka-Żółtowska" in last
    assert "Do współpodpisu: Adam Biernat" in last
    assert "Do zatwierdzenia: Anna Nowak, dyrektor Wydziału" in last
    assert "data i podpis" in last
    assert "Zatwierdził" not in last and "Współpodpisuje" not in last
    english = texts(render_pdf(with_visit(record, language="en")))[-1]
    assert "To be co-signed by: Adam Biernat" in english
    assert "To be approved by: Anna Nowak, dyrektor Wydziału" in english
    assert "date and signature" in english
    assert "Approved by" not in english.replace("To be approved by", "")
    assert "Co-signed by" not in english.replace("To be co-signed by", "")


def _dark_rows(png: bytes, x1: float, x2: float, scale: float) -> list[float]:
    """Page heights (points from the bottom) of rows that are dark across [x1, x2]: drawn lines."""
    image = Image.open(io.BytesIO(png)).convert("L")
    left, right = int(x1 * scale) + 2, int(x2 * scale) - 2
    found = []
    for row in range(image.height):
        values = [image.getpixel((col, row)) for col in range(left, right, 3)]
        if sum(v < 200 for v in values) >= 0.95 * len(values):
            found.append(L.PAGE_HEIGHT - row / scale)
    return found


def _last_page_png(data: bytes, tmp_path, dpi: int = 144) -> bytes:
    pdf = tmp_path / "m.pdf"
    pdf.write_bytes(data)
    count = len(pages(data))
    out = subprocess.run([require_tool("pdftoppm"), "-r", str(dpi), "-png", "-f", str(count), "-l", str(count),
                          str(pdf)], capture_output=True, check=True, timeout=60).stdout
    return out


def test_with_a_co_signer_the_approver_gets_a_row_and_a_line_to_sign(tmp_path):
    record = with_visit(sample_record("en"), approver="Anna Nowak, director", cosigner="Adam Biernat")
    data = render_pdf(record)
    positions = {text: y for text, _x, y in runs(pages(data)[-1])}
    heading_y = positions["Signatures"]
    approver_y = next(y for text, y in positions.items() if text.startswith("To be approved by"))
    cosigner_y = next(y for text, y in positions.items() if text.startswith("To be co-signed by"))
    slot_top = L.SLOT_BOTTOM + L.SLOT_HEIGHT
    assert approver_y < heading_y - 10, "the approver's caption is not drawn beside the heading"
    assert cosigner_y < slot_top + L.CAPTION_HEIGHT < approver_y, "a row of its own, above the co-signer's box"
    line = slot_top + L.CAPTION_HEIGHT + 2 + LINE_ABOVE_HINT
    assert line < approver_y - 20, "room to sign between the caption and the line"
    x1, _y1, x2, _y2 = L.SIGNATURE_SLOTS[-1]
    dark = _dark_rows(_last_page_png(data, tmp_path), x1, x2, 2.0)
    assert any(abs(y - line) < 1.5 for y in dark), (line, dark)
    assert line - LINE_ABOVE_HINT - 1 < positions["date and signature"] < line


def test_without_a_co_signer_the_approver_has_the_free_box_with_nothing_a_stamp_would_cover(tmp_path):
    """An approver's co-signature puts its stamp in the second box: a line there would be printed over."""
    record = with_visit(sample_record("en"), approver="Anna Nowak, director", cosigner="")
    data = render_pdf(record)
    found = runs(pages(data)[-1])
    x1, y1, x2, y2 = L.SIGNATURE_SLOTS[-1]
    approver = [(x, y) for text, x, y in found if text.startswith("To be approved by")]
    assert len(approver) == 1
    ax, ay = approver[0]
    assert abs(ax - x1) < 1 and y2 < ay < y2 + L.CAPTION_HEIGHT, "the caption over the second box"
    assert not [text for text, x, y in found if x1 - 1 < x < x2 and y1 < y < y2], "nothing inside the box"
    inside = [y for y in _dark_rows(_last_page_png(data, tmp_path), x1, x2, 2.0) if y1 + 2 < y < y2 - 2]
    assert not inside, f"a line inside the box, at {inside}"


def test_the_block_grows_only_for_the_approvers_own_row():
    from reportlab.lib.styles import ParagraphStyle

    from visitapp.minutes.signature_block import SignatureBlock

    style = ParagraphStyle("caption")
    both = SignatureBlock("S", ["a", "b"], style, style, approver="c")
    free = SignatureBlock("S", ["a"], style, style, approver="c")
    assert both.wrap(500, 900)[1] == L.SIGNATURE_BLOCK_HEIGHT + APPROVAL_ROW_HEIGHT
    assert free.wrap(500, 900)[1] == L.SIGNATURE_BLOCK_HEIGHT


def _padded(record: VisitRecord, lines: int) -> VisitRecord:
    """``record`` with its first note made ``lines`` lines longer, to move where the content ends."""
    first = record.notes[0]
    longer = first.model_copy(update={"text": first.text + "".join(f"\nWiersz {i + 1}." for i in range(lines))})
    return record.model_copy(update={"notes": [longer, *record.notes[1:]]})


@pytest.mark.parametrize("kind", ["internal", "company", "no-actions"])
def test_the_block_never_fills_a_page_alone(kind):
    """Wherever the content ends on its page, the last page holds the end of the action items with the block."""
    record = with_visit(sample_record("pl"), approver="Anna Nowak, dyrektor", cosigner="Adam Biernat")
    if kind == "company":
        record = company_copy(record)
    if kind == "no-actions":
        record = record.model_copy(update={"action_items": []})
    last_item = record.action_items[-1].description if record.action_items else "Brak zadań."
    seen_pages = set()
    # Each step moves the end by 6 lines (81 pt, less than the block's height): over a page's worth of
    # steps the content ends once at each place where the block alone would not fit under it.
    for lines in range(0, 60, 6):
        all_pages = pages(render_pdf(_padded(record, lines)))
        seen_pages.add(len(all_pages))
        last = all_pages[-1].extract_text()
        assert "Podpisy" in last
        assert last_item in last, f"{kind}, {lines} more lines: the block stands alone:\n{last[:400]}"
        assert "Zadania do wykonania" in last or "Opis" in last  # the heading, or the table's repeated header
    assert len(seen_pages) >= 2, "the sweep crossed a page end"


def test_a_long_action_table_brings_its_last_rows_and_header_to_the_block():
    record = sample_record("en")
    many = [a.model_copy(update={"id": f"{a.id[:-4]}{i:04d}", "description": f"Task number {i}: " + "details " * 12})
            for i, a in enumerate(record.action_items * 14)]
    record = record.model_copy(update={"action_items": many})
    for lines in range(0, 60, 6):
        last = pages(render_pdf(_padded(record, lines)))[-1].extract_text()
        assert "Signatures" in last and f"Task number {len(many) - 1}:" in last
        assert "Description" in last  # the table's header goes over with its rows


# -- which copy a page belongs to -----------------------------------------------------------------------------


def test_the_internal_copy_says_what_its_unmarked_notes_are_on_every_page():
    record = sample_record("pl", extra_notes=8)
    all_texts = texts(render_pdf(record))
    assert len(all_texts) >= 2
    assert "Notatki bez oznaczenia (dla partnerów, dla firmy) są wewnętrzne" in all_texts[0]
    assert all("kopia wewnętrzna" in text for text in all_texts)
    assert "· wewnętrzna" not in "".join(all_texts), "internal notes carry no marker of their own (issue 11)"
    english = texts(render_pdf(sample_record("en", extra_notes=8)))
    assert "Notes without a mark (for partners, for the company) are internal" in english[0]
    assert all("internal copy" in text for text in english)


def test_the_company_copy_says_so_on_every_page_and_has_no_legend():
    all_texts = texts(render_pdf(company_copy(sample_record("pl", extra_notes=8))))
    assert len(all_texts) >= 2
    assert all("kopia dla firmy" in text for text in all_texts)
    assert "bez oznaczenia" not in "".join(all_texts)
    assert "wewnętrzn" not in "".join(all_texts)
