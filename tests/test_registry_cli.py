"""Trust list, action follow-up, disagreements and reports through the command line and the core."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid as uuid_mod
from pathlib import Path

import pytest
from registry_helpers import ANNA, PIOTR, Official, source_of

from tests.conftest import run_cli
from visitapp.db import Database
from visitapp.registry.merge import merge_record
from visitapp.registry.reports import build_report
from visitapp.registry.review import disagreements, flagged_visits, resolve
from visitapp.services import Services


def test_trust_add_list_remove(tmp_path):
    from visitapp.signing.keys import certificate_pem, make_certificate

    _key, cert = make_certificate("Ewa Łącka", "Urząd Miasta")
    pem = tmp_path / "ewa.pem"
    pem.write_bytes(certificate_pem(cert))
    reg = str(tmp_path / "reg.db")
    added = run_cli("trust", "add", "--db", reg, str(pem))
    assert added.returncode == 0 and "Ewa Łącka" in added.stdout
    listed = json.loads(run_cli("trust", "list", "--db", reg, "--json").stdout)
    assert [(t["subject"], t["organisation"]) for t in listed] == [("Ewa Łącka", "Urząd Miasta")]
    fp = listed[0]["fingerprint"]
    assert run_cli("trust", "add", "--db", reg, str(pem)).returncode == 0  # twice: still one
    assert len(json.loads(run_cli("trust", "list", "--db", reg, "--json").stdout)) == 1
    assert run_cli("trust", "remove", "--db", reg, fp[:12]).returncode == 0
    assert json.loads(run_cli("trust", "list", "--db", reg, "--json").stdout) == []
    missing = run_cli("trust", "remove", "--db", reg, fp[:12])
    assert missing.returncode == 1 and "No trusted certificate" in missing.stderr
    notcert = tmp_path / "x.pem"
    notcert.write_text("hello")
    bad = run_cli("trust", "add", "--db", reg, str(notcert))
    assert bad.returncode == 1 and "holds no certificate" in bad.stderr


@pytest.fixture
def registry(tmp_path):
    visit_uuid = str(uuid_mod.uuid4())
    anna = Official(tmp_path / "a.db", ANNA, visit_uuid, place="Biuro")
    piotr = Official(tmp_path / "p.db", PIOTR, visit_uuid, place="Zakład")
    n1 = anna.note("Przesłać listę szkół.", kind="commitment", section="follow_ups", tags=["edukacja"])
    anna.svc.actions.from_note(n1, owner="GUP Kraków", due_date="2020-01-31")
    anna.svc.actions.add(anna.visit_id, "Umówić spotkanie z uczelnią", owner="CWI", due_date="2099-06-30")
    anna.svc.answers.set(anna.visit_id, "skills_in_demand", ["automatyka", "programowanie PLC"])
    anna.svc.answers.set(anna.visit_id, "certification_needs", ["SEP", "UDT"])
    piotr.note("Brak mieszkań; „cytat” z przecinkiem, i średnikiem;", section="barriers",
               tags=["mieszkania", "edukacja"])
    db = Database.open(tmp_path / "registry.db")
    for o in (anna, piotr):
        r = o.finalise()
        merge_record(db, r, source_of(r))
        o.close()
    yield db, visit_uuid
    db.close()


def test_actions_filters(registry):
    db, _visit = registry
    path = str(db.path)
    everything = json.loads(run_cli("actions", "--db", path, "--json").stdout)
    assert {a["owner"] for a in everything} == {"GUP Kraków", "CWI"}
    overdue = json.loads(run_cli("actions", "--db", path, "--overdue", "--json").stdout)
    assert [a["owner"] for a in overdue] == ["GUP Kraków"] and overdue[0]["overdue"] is True
    by_owner = json.loads(run_cli("actions", "--db", path, "--owner", "cwi", "--json").stdout)
    assert [a["description"] for a in by_owner] == ["Umówić spotkanie z uczelnią"]
    done = run_cli("action-update", "--db", path, by_owner[0]["id"][:8], "--status", "done")
    assert done.returncode == 0, done.stderr
    assert json.loads(run_cli("actions", "--db", path, "--status", "done", "--json").stdout)[0]["owner"] == "CWI"
    text = run_cli("actions", "--db", path).stdout
    assert "!" in text and "GUP Kraków" in text


def test_disagreement_flagged_then_settled(registry):
    db, visit = registry
    assert flagged_visits(db) == {visit}
    (d,) = disagreements(db)
    assert (d.field, d.current_value, d.other_value, d.other_author) == ("place", "Biuro", "Zakład", "Piotr Wiśniewski")
    listed = run_cli("disagreements", "--db", str(db.path))
    assert "Biuro" in listed.stdout and "Zakład" in listed.stdout
    resolve(db, d.id, "other")
    assert Services(db).visits.get(visit).place == "Zakład"
    assert flagged_visits(db) == set() and disagreements(db) == []
    assert len(disagreements(db, include_resolved=True)) == 1


def test_report_pdf_and_csv_read_back(registry, tmp_path):
    from pypdf import PdfReader

    db, visit = registry
    out = tmp_path / "r.pdf"
    written = build_report(db, out, csv_dir=tmp_path / "csv", lang="pl", today=dt.date(2026, 11, 1))
    assert len(written) == 4
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    for expected in ("Hitachi Vantara", "GUP Kraków", "automatyka", "edukacja", "SEP"):
        assert expected in text, expected
    # Polish: Polish headers and values, ';' between cells (Excel in a Polish locale), UTF-8 with a BOM.
    raw = (tmp_path / "csv" / "notes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")

    def read(name: str) -> list[dict[str, str]]:
        text = (tmp_path / "csv" / name).read_text("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))

    texts = {r["Treść"]: r for r in read("notes.csv")}
    row = texts["Brak mieszkań; „cytat” z przecinkiem, i średnikiem;"]
    assert row["Autor"] == "Piotr Wiśniewski" and row["Identyfikator wizyty"] == visit
    assert len(row["SHA-256 pliku źródłowego"]) == 64
    assert row["Widoczność"] in {"wewnętrzna", "dla partnerów", "dla firmy"}
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}", row["Początek wizyty"])
    actions = read("actions.csv")
    assert {(a["Osoba lub instytucja odpowiedzialna"], a["Po terminie"]) for a in actions} == {
        ("GUP Kraków", "tak"), ("CWI", "")}
    assert {a["Stan"] for a in actions} <= {"otwarte", "wykonane", "anulowane"}
    visits = read("visits.csv")
    assert visits[0]["Rozbieżności"] == "tak" and visits[0]["Organizacja"].startswith("Hitachi")
    assert "Cykl" in visits[0]  # the glossary's term for a series


def test_report_unknown_series_is_one_sentence(registry, tmp_path):
    db, _ = registry
    result = run_cli("report", "--db", str(db.path), "--out", str(tmp_path / "r.pdf"), "--series", "Nie ma")
    assert result.returncode == 1 and "no series named" in result.stderr


def _impossible_csv_dirs(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    yield a_file / "csv"  # its parent is a file
    if Path("/proc/self").is_dir():
        yield Path("/proc/visitapp-report-csv")  # the reviewer's case: mkdir fails inside /proc


def test_report_with_an_impossible_csv_folder_writes_nothing(registry, tmp_path):
    db, _ = registry
    for csv_dir in _impossible_csv_dirs(tmp_path):
        out = tmp_path / "r.pdf"
        result = run_cli("report", "--db", str(db.path), "--out", str(out), "--csv-dir", str(csv_dir))
        assert result.returncode == 1, result.stdout
        (line,) = result.stderr.strip().splitlines()  # one sentence, no traceback
        assert f"Cannot create the folder {csv_dir} for the CSV files: " in line, line
        assert not out.exists() and not csv_dir.exists()
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".r.pdf")) == []


def test_report_creates_the_csv_folder_and_leaves_no_temporary_files(registry, tmp_path):
    db, _ = registry
    out = tmp_path / "r.pdf"
    result = run_cli("report", "--db", str(db.path), "--out", str(out), "--csv-dir", str(tmp_path / "a" / "b"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "a" / "b").iterdir()) == ["actions.csv", "notes.csv", "visits.csv"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_csv_cells_that_look_like_formulas_stay_text(tmp_path):
    """=, +, -, @, tab and CR at the start of a cell would make Excel run a formula: an apostrophe keeps it text."""
    from visitapp.registry.reports import write_csv

    anna = Official(tmp_path / "a.db", ANNA)
    hostile = ["=HYPERLINK(\"http://x\";\"klik\")", "+48 12 616 00 00", "-2+3", "@SUM(A1:A9)", "\t=1+1",
               "\r=1+1"]
    for text in hostile:
        anna.note(text)
    anna.note("Zwykła notatka = bez formuły.")
    anna.svc.actions.add(anna.visit_id, "Sprawdzić", owner="=cmd|' /C calc'!A0")
    record = anna.finalise()
    anna.close()
    db = Database.open(tmp_path / "registry.db")
    try:
        merge_record(db, record, source_of(record))
        write_csv(db, tmp_path / "csv")
    finally:
        db.close()
    rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "notes.csv").read_text("utf-8-sig"), newline="")))
    texts = sorted(r["text"] for r in rows)
    stored = sorted(n.text for n in record.notes)
    assert texts == sorted(("'" + t if t[:1] in "=+-@\t\r" else t) for t in stored)
    assert "Zwykła notatka = bez formuły." in texts
    assert "'=HYPERLINK(\"http://x\";\"klik\")" in texts and "'+48 12 616 00 00" in texts
    assert "'-2+3" in texts and "'@SUM(A1:A9)" in texts
    assert all(not t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in texts)
    actions = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "actions.csv").read_text("utf-8-sig"), newline="")))
    assert [a["owner"] for a in actions] == ["'=cmd|' /C calc'!A0"]


def test_report_csv_separator_and_english_default(registry, tmp_path):
    db, _visit = registry
    done = run_cli("report", "--db", str(db.path), "--out", str(tmp_path / "r.pdf"), "--csv-dir",
                   str(tmp_path / "en"))
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "en" / "visits.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))  # English: keys, ISO dates, commas
    assert rows[0]["visit_id"] and rows[0]["disagreements"] == "yes"
    assert dt.datetime.fromisoformat(rows[0]["starts_at"])
    done = run_cli("report", "--db", str(db.path), "--out", str(tmp_path / "r2.pdf"), "--csv-dir",
                   str(tmp_path / "pl"), "--lang", "pl", "--csv-separator", "tab")
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "pl" / "actions.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter="\t"))
    assert {r["Osoba lub instytucja odpowiedzialna"] for r in rows} == {"GUP Kraków", "CWI"}
    assert all(re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", r["Termin"]) for r in rows if r["Termin"])


def test_report_in_polish_forms(registry, tmp_path):
    """Dates and counts as a Polish office writes them; no header broken inside a word."""
    import subprocess

    from tests.conftest import require_tool
    from visitapp.registry.outputs import month_name, visit_counts

    db, _visit = registry
    out = tmp_path / "r.pdf"
    build_report(db, out, lang="pl", today=dt.date(2026, 11, 1))
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(out), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert "marzec 2026" in text and "2026-03" not in text
    assert "Sporządzono 01.11.2026" in text
    # the visits by status: indented sub-rows of "Wizyty", not repeated in a sentence above them
    rows = re.search(r"^( *)Wizyty +1\n( *)planowana +0$", text, re.M)
    assert rows and len(rows[2]) > len(rows[1]), text[:800]
    assert not re.search(r"\b1 wizyta zatwierdzona\b", text)
    assert not re.search(r"Uczestn\s*\n\s*icy|Notat\s*\n\s*ki", text)
    assert month_name(2026, 3, "pl") == "marzec 2026" and month_name(2026, 3, "en") == "March 2026"
    from visitapp.i18n import ngettext_for

    nt = ngettext_for("pl")
    assert visit_counts({"planned": 2, "finalised": 5}, nt) == "2 wizyty planowane, 5 wizyt zatwierdzonych"
    assert visit_counts({"in_progress": 1, "finalised": 22}, nt) == "1 wizyta w toku, 22 wizyty zatwierdzone"
