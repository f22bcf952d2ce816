"""The series report as a reader sees it: organisations flow one after another, headings stay with what
follows, chart axes cover their bars, rows in a stable order, every font embedded, overdue said in words.

Found by reading the report of 300 visits: a page per organisation (311 pages), "Participants" running
into "Notes", ISO dates in a Polish table, ticks 0..144 under a bar of 177, "! otwarte" and an
unembedded Helvetica.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from collections import Counter

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.conftest import require_tool
from visitapp.db import Database
from visitapp.db import models as m
from visitapp.registry.report_table import PAD_X, fit_widths
from visitapp.registry.reports import ActionRow, ReportData, VisitRow, build_report, render_pdf
from visitapp.registry.themes import KeyPhrase, chart, nice_axis
from visitapp.validation import name_key

START = dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC)


def pages_of(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def visit(i: int, org: str, status: str = "finalised") -> VisitRow:
    return VisitRow(f"v{i}", START + dt.timedelta(days=i), f"Wizyta {i}", "Kraków", status, org, 1000 + i, None,
                    "Cykl", notes=2, participants=3)


@pytest.fixture(scope="module")
def small_orgs(tmp_path_factory):
    """A registry of 30 organisations with one visit each, and its Polish report: (PDF bytes, page texts)."""
    folder = tmp_path_factory.mktemp("orgs")
    db = Database.open(folder / "orgs.db")
    try:
        with db.write() as s:
            for i in range(30):
                org = m.Organisation(name=f"Zakład {i:02d}", name_key=name_key(f"Zakład {i:02d}"))
                v = m.Visit(organisation=org, title=f"Wizyta {i}", starts_at=START + dt.timedelta(days=i),
                            place="Kraków", status=m.VisitStatus.FINALISED, template_key="reference-visit",
                            language="pl")
                s.add(v)
                s.add(m.Note(visit=v, section="profile", author="A", tags=["spawanie"],
                             text="Brakuje spawaczy; analiza danych w firmie."))
        out = folder / "r.pdf"
        build_report(db, out, lang="pl", today=dt.date(2026, 12, 1))
    finally:
        db.close()
    pdf = out.read_bytes()
    return pdf, pages_of(pdf)


def test_small_organisations_share_pages_each_heading_with_its_table(small_orgs):
    _pdf, pages = small_orgs
    assert len(pages) <= 5, len(pages)  # a page each made 33
    for i in range(30):
        on = [n for n, text in enumerate(pages) if f"Zakład {i:02d} Kiedy" in text]
        assert len(on) == 1, (i, on)  # the heading, then its table's header, on one page
        assert f"Wizyta {i} " in pages[on[0]]


def test_key_phrase_visits_in_the_reports_dates(small_orgs):
    _pdf, pages = small_orgs
    text = " ".join(pages)
    assert "analiza danych" in text
    assert "Zakład 00 (01.01.2024)" in text and "2024-01-01" not in text


def test_every_font_is_embedded(small_orgs, tmp_path):
    pdffonts = require_tool("pdffonts")
    pdf, _pages = small_orgs
    data = ReportData("Cykl", dt.date(2026, 12, 1), visits=[visit(1, "Firma")], tags=Counter({"a": 3, "b": 1}))
    for name, content in (("orgs.pdf", pdf), ("chart.pdf", render_pdf(data, "en"))):
        path = tmp_path / name
        path.write_bytes(content)
        lines = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
        emb = lines[0].index("emb")
        fonts = [(line.split()[0], line[emb:emb + 3]) for line in lines[2:]]
        assert fonts and all(flag == "yes" for _font, flag in fonts), fonts


@pytest.mark.parametrize("most", [*range(1, 60), 99, 100, 101, 177, 999, 1000, 1001, 12345])
def test_nice_ticks_cover_the_maximum(most):
    step, end = nice_axis(most)
    assert end >= most and end - step < most and end % step == 0 and end // step <= 5
    assert re.fullmatch(r"[125]0*", str(step)), step


def test_the_chart_axis_ends_on_a_tick_above_the_longest_bar():
    from visitapp.minutes.fonts import register_fonts

    drawing = chart([("język", 177), ("uczelnie", 90)], register_fonts(), 400)
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(io.BytesIO(renderPDF.drawToString(drawing))).pages)
    assert re.search(r"\b0 50 100 150 200\b", text), text


def test_headers_never_wider_than_their_columns():
    from visitapp.minutes.fonts import BOLD, register_fonts

    register_fonts()
    for header in (["Kiedy", "Tytuł", "Miejsce", "Stan", "Uczestnicy", "Notatki"],
                   ["When", "Title", "Place", "Status", "Participants", "Notes"]):
        shares = [0.17, 0.3, 0.2, 0.13, 0.1, 0.1]
        widths = fit_widths(header, [500 * s for s in shares], BOLD)
        assert sum(widths) == pytest.approx(500)
        for word, w in zip(header, widths, strict=True):
            assert stringWidth(word, BOLD, 8) + 2 * PAD_X <= w, (word, w)
    assert fit_widths(["A", "B"], [100.0, 200.0], BOLD) == [100.0, 200.0]  # room enough: unchanged


def phrase_data(order: list[int]) -> ReportData:
    visits = [visit(i, f"Firma {i}") for i in range(4)]
    phrases = [KeyPhrase("zeta beta", 5, ["v0", "v1"]), KeyPhrase("alfa beta", 5, ["v0", "v1"]),
               KeyPhrase("gamma delta", 9, ["v2"]), KeyPhrase("omega psi", 2, ["v0", "v1", "v3"])]
    tags = [("spawanie", 4), ("zeta", 2), ("alfa", 2), ("beta", 2)]
    return ReportData("Cykl", dt.date(2026, 12, 1), visits=visits, phrases=[phrases[i] for i in order],
                      tags=Counter(dict(tags[i] for i in order)))


def test_rows_in_the_order_shown_ties_by_name():
    one, other = (" ".join(pages_of(render_pdf(phrase_data(order), "en"))) for order in ([0, 1, 2, 3], [3, 2, 1, 0]))
    assert one == other
    # key phrases: visits (a column), then notes, then the phrase
    section = one[one.index("Key phrases"):]
    found = [section.index(phrase + " ") for phrase in ("omega psi", "alfa beta", "zeta beta", "gamma delta")]
    assert found == sorted(found), found
    table = one[one.index("Tags Notes"):]
    assert [table.index(f"{tag} ") for tag in ("spawanie", "alfa", "beta", "zeta")] == sorted(
        table.index(f"{tag} ") for tag in ("spawanie", "alfa", "beta", "zeta"))


@pytest.mark.parametrize(("lang", "words", "count"), [("en", "open, overdue", "Overdue: 1."),
                                                      ("pl", "otwarte, po terminie", "Po terminie: 1.")])
def test_overdue_said_in_words(lang, words, count):
    today = dt.date(2026, 12, 1)
    actions = [ActionRow("a1", "v1", "Firma", "Zadanie spóźnione", "GUP", today - dt.timedelta(days=1), "open"),
               ActionRow("a2", "v1", "Firma", "Zadanie na czas", "GUP", today + dt.timedelta(days=9), "open")]
    text = " ".join(pages_of(render_pdf(ReportData("Cykl", today, visits=[visit(1, "Firma")], actions=actions),
                                        lang)))
    assert count in text
    assert re.search(rf"{words} \S+ Zadanie spóźnione", text), text
    assert text.count(words) == 1 and "!" not in text


def test_organisations_and_owners_in_natural_order():
    today = dt.date(2026, 12, 1)
    visits = [visit(i, name) for i, name in enumerate(["Firma 10", "firma 9", "Firma 100", "Alfa"])]
    actions = [ActionRow(f"a{i}", "v0", "Firma 10", f"Zadanie {i}", owner, None, "open")
               for i, owner in enumerate(["Urząd 10", "Urząd 2"])]
    text = " ".join(pages_of(render_pdf(ReportData("Cykl", today, visits=visits, actions=actions), "en")))
    found = [text.index(f"{name} When") for name in ("Alfa", "firma 9", "Firma 10", "Firma 100")]
    assert found == sorted(found), found
    assert text.index("Urząd 2 Status") < text.index("Urząd 10 Status")


HEADINGS = {"Action items by owner and status", "Themes across visits", "Tags", "Skills in demand",
            "Certification needs", "Key phrases", "Organisations", "GUP", "Firma"}


@pytest.mark.parametrize("actions", range(20, 56, 3))
def test_no_heading_ends_a_page(actions):
    """Action tables of a growing length move every heading after them down the pages: none is left alone."""
    today = dt.date(2026, 12, 1)
    rows = [ActionRow(f"a{i}", "v1", "Firma", f"Zadanie {i}", "GUP", today, "open") for i in range(actions)]
    tags = Counter({f"tag {i}": 20 - i for i in range(12)})
    themes = {"skills_in_demand": Counter({f"umiejętność {i}": 9 - i for i in range(9)}),
              "certification_needs": Counter()}
    data = ReportData("Cykl", today, visits=[visit(1, "Firma")], actions=rows, tags=tags, themes=themes)
    reader = PdfReader(io.BytesIO(render_pdf(data, "en")))
    for page in reader.pages:
        lines = [line.strip() for line in (page.extract_text() or "").splitlines()
                 if line.strip() and not re.fullmatch(r"page \d+", line.strip())]
        assert lines[-1] not in HEADINGS and not lines[-1].startswith("The 10 most"), lines[-3:]


def test_tables_and_charts_say_they_show_the_top_ones():
    today = dt.date(2026, 12, 1)
    phrases = [KeyPhrase(f"fraza {i}", 20 - i, ["v1"]) for i in range(15)]
    full = ReportData("Cykl", today, visits=[visit(1, "Firma")], phrases=phrases,
                      tags=Counter({f"tag {i}": 30 - i for i in range(12)}))
    text = " ".join(pages_of(render_pdf(full, "pl")))
    assert "15 fraz występujących w największej liczbie wizyt." in text
    assert "10 najczęstszych spośród 12." in text and "tag 10" not in text  # the chart's ten, the table's ten
    few = ReportData("Cykl", today, visits=[visit(1, "Firma")], phrases=phrases[:3], tags=Counter({"a": 1}))
    text = " ".join(pages_of(render_pdf(few, "pl")))
    assert "najczęstszych" not in text and "fraz występujących" not in text
