"""The series report of a large registry: a key phrase met in hundreds of visits still fits its table cell.

Found by ``benchmarks/merge.py`` (issue 14) on 10,000 visits: the "Key phrases" table listed every visit a
phrase came from in one cell, which grew taller than a page, and reportlab stopped the whole report.
"""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from visitapp.db import Database
from visitapp.db import models as m
from visitapp.registry.reports import PHRASE_VISITS, build_report
from visitapp.validation import name_key

VISITS = 400


def test_a_phrase_of_hundreds_of_visits_names_a_few_and_counts_the_rest(tmp_path):
    db = Database.open(tmp_path / "big.db")
    try:
        with db.write() as s:
            start = dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC)
            for i in range(VISITS):
                org = m.Organisation(name=f"Firma numer {i}", name_key=name_key(f"Firma numer {i}"))
                visit = m.Visit(organisation=org, title=f"Wizyta {i}", starts_at=start + dt.timedelta(days=i),
                                place="Kraków", status=m.VisitStatus.FINALISED, template_key="reference-visit")
                s.add(visit)
                s.add(m.Note(visit=visit, section="profile", author="A",
                             text="Firma potrzebuje spawaczy; kompetencje przyszłości są ważne."))
        out = tmp_path / "report.pdf"
        build_report(db, out, lang="pl")
    finally:
        db.close()
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages)
    assert f"(+{VISITS - PHRASE_VISITS})" in text
