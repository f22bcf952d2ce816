"""Minutes a director signs (issue 11): letterhead, case number, approver, the stamp in the visit's zone.

Real processes on the demo database (the CLI), a real key made here, the PDF read back as text
(pdftotext); the stamp's time is checked with the process in UTC and in America/New_York.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from minutes_sample import require_tool

from visitapp.clock import stamp_time
from visitapp.minutes.labels import long_date

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "pl", "VISITAPP_AUTHOR": "Ewa Kowalczyk",
                "VISITAPP_INSTITUTION": "Urząd Miasta Krakowa",
                "VISITAPP_DEPARTMENT": "Wydział Rozwoju Gospodarczego", "VISITAPP_ROLE": "inspektorka",
                "PW": "hasło-testowe", **(env or {})}
    return subprocess.run([sys.executable, "-m", "visitapp", *args], capture_output=True, text=True, env=full_env,
                          stdin=subprocess.DEVNULL, timeout=120)


def ok(*args: str, env: dict[str, str] | None = None) -> str:
    done = run(*args, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def pdf_text(path: Path) -> str:
    out = subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, check=True,
                         timeout=60)
    return out.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    db = folder / "demo.db"
    visit = ok("demo", "--db", str(db)).split()[0]
    ok("keygen", "--name", "Ewa Kowalczyk", "--institution", "Urząd Miasta Krakowa", "--out", str(folder / "me.p12"),
       "--pass-env", "PW")
    return {"folder": folder, "db": str(db), "visit": visit}


def export(world, name: str, *extra: str, tz: str = "UTC") -> str:
    out = world["folder"] / name
    ok("export", "--db", world["db"], "--visit", world["visit"], "--out", str(out), "--lang", "pl",
       "--sign", str(world["folder"] / "me.p12"), "--pass-env", "PW", *extra, env={"TZ": tz})
    return pdf_text(out)


def test_header_case_number_approver_and_no_program_noise(world):
    ok("visit", "edit", "--db", world["db"], "--visit", world["visit"], "--case-number", "WPI-II.0012.5.2026",
       "--approver", "Anna Nowak, dyrektor Wydziału")
    text = export(world, "office.pdf")
    assert "Urząd Miasta Krakowa" in text and "Wydział Rozwoju Gospodarczego" in text  # the author's identity
    assert "Znak sprawy: WPI-II.0012.5.2026" in text
    assert re.search(r"Kraków, \d{1,2} (stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|"
                     r"października|listopada|grudnia) \d{4} r\.", text), text[:600]
    assert "Sporządził(a): Ewa Kowalczyk" in text
    assert "Do zatwierdzenia: Anna Nowak, dyrektor Wydziału" in text  # rendered before anyone approves
    assert "Do współpodpisu" not in text, "no co-signature box when no co-signer is expected"
    assert "Szablon" not in text
    assert not re.search(r"visitapp \d", text), "the program's version stays in the metadata, not on the page"
    assert not re.search(r"· \d{2}:\d{2}\n", text), "clock times only in verbatim minutes"


def test_cosigner_box_verbatim_times_and_no_hashtags_in_company_copy(world):
    ok("visit", "edit", "--db", world["db"], "--visit", world["visit"], "--cosigner", "Adam Biernat", "--verbatim")
    internal = export(world, "verbatim.pdf")
    assert "Do współpodpisu: Adam Biernat" in internal
    assert re.search(r"NOTATKA · \d{2}:\d{2}", internal), "verbatim minutes show each note's time"
    assert "#" in internal  # tags stay in the internal copy
    company = export(world, "company.pdf", "--copy", "company")
    assert "kopia dla firmy" in company
    assert "#" not in company, "no hashtags in the company's copy"
    partners = export(world, "partners.pdf", "--copy", "partners")
    assert "kopia dla instytucji partnerskich" in partners
    assert "wewnętrzna" not in partners.lower()
    ok("visit", "edit", "--db", world["db"], "--visit", world["visit"], "--cosigner", "", "--no-verbatim")


@pytest.mark.parametrize("tz", ["UTC", "America/New_York"])
def test_the_stamp_shows_the_visits_zone_whatever_the_process_zone(world, tz):
    before = dt.datetime.now(dt.UTC)
    text = export(world, f"stamp-{tz.replace('/', '-')}.pdf", tz=tz)
    after = dt.datetime.now(dt.UTC)
    found = re.search(r"Data: (\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}) (CET|CEST)", text)
    assert found, text[-600:]
    warsaw = ZoneInfo("Europe/Warsaw")
    allowed = {(before + dt.timedelta(minutes=m)).astimezone(warsaw).strftime("%d.%m.%Y, %H:%M")
               for m in range(int((after - before).total_seconds() // 60) + 2)}
    assert found.group(1) in allowed
    assert "UTC" not in text.split("Podpisy")[-1] and "EST" not in text and "EDT" not in text


def test_a_visit_in_another_zone_is_stamped_in_it(world):
    ok("visit", "edit", "--db", world["db"], "--visit", world["visit"], "--time-zone", "Europe/London")
    try:
        text = export(world, "london.pdf", tz="America/New_York")
        assert re.search(r"Data: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} (GMT|BST)", text), text[-600:]
    finally:
        ok("visit", "edit", "--db", world["db"], "--visit", world["visit"], "--time-zone", "Europe/Warsaw")


def test_an_unknown_zone_is_one_sentence(world):
    done = run("visit", "edit", "--db", world["db"], "--visit", world["visit"], "--time-zone", "Mars/Olympus")
    assert done.returncode == 2  # bad input to visit new/edit is wrong usage (issue 10)
    assert done.stderr.count("\n") == 1 and "Mars/Olympus" in done.stderr and "Traceback" not in done.stderr


def test_polish_dates_and_stamp_format():
    assert long_date(dt.date(2026, 12, 15), "pl") == "15 grudnia 2026 r."
    assert long_date(dt.date(2026, 3, 1), "en") == "1 March 2026"
    noon_utc = dt.datetime(2026, 12, 15, 10, 32, tzinfo=dt.UTC)
    assert stamp_time({"language": "pl"}, noon_utc) == "15.12.2026, 11:32 CET"
    assert stamp_time({"language": "pl", "time_zone": "Europe/Warsaw"},
                      dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC)) == "01.07.2026, 12:00 CEST"
