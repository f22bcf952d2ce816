"""The series report of a large registry (issue 14): every row drawn, fast, the same on SQLite and PostgreSQL.

Found by ``benchmarks/merge.py`` on 10,000 visits: the "Key phrases" table listed every visit a phrase came
from in one cell, which grew taller than a page, and reportlab stopped the whole report.  Then the report
took 40 s, most of it reportlab laying out one ``Paragraph`` per table cell; its tables are now drawn by
``visitapp.registry.report_table.GridTable``: a page of cells in one text object.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.registry.reports import PHRASE_VISITS, build_report, collect, csv_files
from visitapp.validation import name_key

VISITS = 250
UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
LONG = " ".join(f"słowo{i:04d}" for i in range(1500))  # an action item of ~60 lines in its column
UNBROKEN = "Przedsiębiorstwowielobranżowe" * 6  # one word wider than its column
MARKUP = r"<b>Huta</b> & Syn (Kraków) \\ <font size=40>"  # drawn as typed, never read as markup


def fill(db: Database, visits: int) -> None:
    with db.write() as s:
        start = dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC)
        orgs: dict[str, m.Organisation] = {}  # a page each: 20 of them keep the report short
        for i in range(visits):
            name = {1: UNBROKEN, 2: MARKUP}.get(i, f"Firma numer {i % 20}")
            if name not in orgs:
                orgs[name] = m.Organisation(name=name, name_key=name_key(name))
            visit = m.Visit(organisation=orgs[name], title=f"Wizyta {i}", starts_at=start + dt.timedelta(days=i),
                            place="Kraków", status=m.VisitStatus.FINALISED, template_key="reference-visit")
            s.add(visit)
            s.add(m.Note(visit=visit, section="profile", author="A", tags=["spawanie", f"tag {i % 7}"],
                         text="Firma potrzebuje spawaczy; kompetencje przyszłości są ważne."))
            s.add(m.ActionItem(visit=visit, description=LONG if i == 3 else f"Zadanie {i}", owner="GUP",
                               due_date=dt.date(2026, 1, 1) + dt.timedelta(days=i)))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The Polish report of a registry of VISITS visits: (PDF bytes, each page's text)."""
    folder = tmp_path_factory.mktemp("many")
    db = Database.open(folder / "big.db")
    try:
        fill(db, VISITS)
        out = folder / "report.pdf"
        build_report(db, out, lang="pl", today=dt.date(2026, 12, 1))
    finally:
        db.close()
    pdf = out.read_bytes()
    return pdf, [" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages]


def test_a_phrase_of_hundreds_of_visits_names_a_few_and_counts_the_rest(report):
    _pdf, pages = report
    assert f"(+{VISITS - PHRASE_VISITS})" in " ".join(pages)


def test_every_visit_and_action_item_is_in_the_report(report):
    _pdf, pages = report
    text = " ".join(pages)
    assert {int(n) for n in re.findall(r"Wizyta (\d+)", text)} == set(range(VISITS))
    assert {int(n) for n in re.findall(r"Zadanie (\d+)", text)} == set(range(VISITS)) - {3}


def test_an_action_item_longer_than_a_page_goes_on_in_the_next_rows(report):
    """Before, one cell taller than a page stopped the report (reportlab's LayoutError)."""
    _pdf, pages = report
    words = re.findall(r"słowo\d{4}", " ".join(pages))
    assert words == LONG.split()  # every word, once, in order


def test_a_name_is_drawn_as_typed_and_a_word_wider_than_its_column_is_cut_not_drawn_over(report):
    _pdf, pages = report
    text = " ".join(pages)
    assert MARKUP in text
    assert UNBROKEN in text.replace(" ", "") and UNBROKEN not in text  # cut into lines that fit


def test_the_header_is_on_every_page_of_a_long_table(report):
    _pdf, pages = report
    action_pages = [p for p in pages if re.search(r"Zadanie \d+", p)]
    assert len(action_pages) >= 5
    for page in action_pages:
        assert "Stan Termin Zadanie Organizacja" in page


def test_a_page_of_cells_is_one_text_object_not_one_per_cell(report):
    """What made the report slow: reportlab's Table began a text object for every cell (~180 a page)."""
    pdf, pages = report
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        counts = [len(pikepdf.parse_content_stream(page, "BT")) for page in doc.pages]
    # the first page's overview is a small reportlab Table (a text object a cell): the action items follow it there
    table_pages = [n for n, page in zip(counts, pages, strict=True)
                   if re.search(r"Zadanie \d+", page) and "Podsumowanie" not in page]
    assert table_pages and max(table_pages) <= 6, table_pages


def test_wrapped_lines_fit_their_column():
    from visitapp.minutes.fonts import register_fonts
    from visitapp.registry.report_table import Wrapper

    font = register_fonts()
    wrapper = Wrapper(font)
    for text in (LONG[:400], UNBROKEN, f"{UNBROKEN} krótkie {UNBROKEN}", "a\nb c", MARKUP):
        lines = wrapper.lines(text, 90)
        assert all(stringWidth(line, font, 8) <= 90 for line in lines), lines
        assert "".join("".join(lines).split()) == "".join(text.split())


def test_the_same_report_on_sqlite_and_postgresql(tmp_path, pg_url):
    def outputs(target) -> tuple[dict[str, bytes], list[str]]:
        db = Database.open(target)
        try:
            fill(db, 40)
            files = csv_files(db, lang="pl", data=collect(db, today=dt.date(2026, 12, 1)))
            out = tmp_path / "report.pdf"
            build_report(db, out, lang="pl", today=dt.date(2026, 12, 1))
        finally:
            db.close()
        same = {name: UUID.sub(b"<uuid>", content) for name, content in files.items()}  # each registry's own ids
        return same, [page.extract_text() for page in PdfReader(out).pages]

    sqlite = outputs(tmp_path / "registry.db")
    postgresql = outputs(pg_url)
    assert sqlite[0] == postgresql[0]
    assert sqlite[1] == postgresql[1]
    assert "Wizyta 39" in " ".join(sqlite[1])


def _reference_key_phrases(notes, top=15):
    """The key phrases as first written (one phrase_pairs pass per note): the bulk counting must agree."""
    from collections import Counter, defaultdict

    from visitapp.registry.themes import MIN_NOTES
    from visitapp.text.polish import phrase_pairs

    count: Counter = Counter()
    forms: dict = defaultdict(Counter)
    visits: dict = defaultdict(dict)
    for label, text in notes:
        seen = set()
        for key, typed in phrase_pairs(text):
            forms[key][typed] += 1
            visits[key][label] = None
            seen.add(key)
        count.update(seen)
    ranked = sorted((k for k, n in count.items() if n >= MIN_NOTES), key=lambda k: (-len(visits[k]), -count[k], k))
    return [(forms[k].most_common(1)[0][0], count[k], list(visits[k])) for k in ranked[:top]]


def test_key_phrases_counted_in_bulk_are_those_of_phrase_pairs():
    import random

    from visitapp.registry.themes import key_phrases

    words = ("Analiza analizy danych Danych język języka angielski Angielskiego kompetencje Kompetencji "
             "przyszłości spawaczy Kraków krakowie Łódź łódzka szkoła szkoły i w 2026 to ABC x").split()
    marks = (" ", " ", " ", ", ", "; ", ". ", " - ", "\n", "  ", "(", ") ", "! ", "\u00a0")
    rng = random.Random(14)
    notes = []
    for _ in range(600):
        text = "".join(rng.choice(words) + rng.choice(marks) for _ in range(rng.randint(0, 14)))
        notes.append((f"Wizyta {rng.randint(0, 40)}", text))  # a label may come back after others
    for sample in (notes[:3], notes[:50], notes):
        ours = [(k.phrase, k.notes, k.visits) for k in key_phrases(sample, top=40)]
        assert ours == _reference_key_phrases(sample, top=40)
    assert len(ours) == 40
