"""What the command line says, as an official or a coordinator reads it (review 5, items 9 and 13).

- ``disagreements`` names the fact as the coordinator window does (the template's label, not
  ``answer:employees_now``), escapes each value from a file on its own and breaks its lines for real;
- every option and argument of every subcommand has a help text, and choices read as words;
- ``verify`` says what went wrong as every command does ("visitapp: …"), naming the file;
- counts agree with their nouns in English and in Polish's three plural forms (1 / 2-4 / 5+).

The commands run as real subprocesses over real SQLite files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import uuid as uuid_mod
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from registry_helpers import ANNA, PIOTR, WARSAW, Official, source_of

from tests.conftest import run_cli
from visitapp.db import Database
from visitapp.registry.merge import merge_record
from visitapp.services import Services

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_FILE = "michał\x1b[2J.pdf"  # a file name from a mail attachment: clears the screen if printed raw


# -- disagreements --------------------------------------------------------------------------------------------


@pytest.fixture
def registry(tmp_path) -> Path:
    """A registry where two officials' minutes of one visit disagree on the number of employees and the place
    (the second official's place carries a line break, his file name an escape sequence)."""
    path = tmp_path / "registry.db"
    db = Database.open(path)
    visit = str(uuid_mod.uuid4())
    try:
        for official, employees, name in ((Official(tmp_path / "a.db", ANNA, visit, place="Biuro"), 420, "anna.pdf"),
                                          (Official(tmp_path / "p.db", PIOTR, visit, place="Hala\nFAŁSZYWA LINIA"),
                                           450, HOSTILE_FILE)):
            official.svc.answers.set(official.visit_id, "employees_now", employees)
            record = official.finalise()
            merge_record(db, record, source_of(record, name=name))
            official.close()
    finally:
        db.close()
    return path


def test_disagreements_name_the_fact_and_escape_only_the_values(registry):
    out = run_cli("disagreements", "--db", str(registry))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 4, out.stdout  # two disagreements, two real lines each
    assert "\\x0a    " not in out.stdout  # the break between a row's two lines is a real one
    assert "answer:" not in out.stdout
    employees = next(line for line in lines if "Employees in the city" in line)
    assert "Employees in the city: 420  ≠  450 (Piotr Wiśniewski)  [open]" in employees
    place = next(line for line in lines if "  Place: " in line)
    assert "Place: Biuro  ≠  Hala\\x0aFAŁSZYWA LINIA (Piotr Wiśniewski)" in place  # a value's break stays escaped
    sources = lines[lines.index(employees) + 1]
    assert sources.startswith("    registry's value from Anna Nowak, file anna.pdf, version 1; other value from "
                              "Piotr Wiśniewski, file michał\\x1b[2J.pdf, version 1")
    assert "\x1b" not in out.stdout

    polish = run_cli("disagreements", "--db", str(registry), env={"VISITAPP_LANG": "pl"})
    assert polish.returncode == 0, polish.stderr
    assert "Liczba pracowników w Krakowie: 420  ≠  450" in polish.stdout
    assert "Miejsce: Biuro  ≠  Hala\\x0aFAŁSZYWA LINIA" in polish.stdout
    assert len(polish.stdout.splitlines()) == 4 and "answer:" not in polish.stdout

    short = employees.split()[0]
    settled = run_cli("resolve", "--db", str(registry), short, "--keep", "other")
    assert settled.returncode == 0, settled.stderr
    assert settled.stdout == "Settled: Employees in the city is 450.\n"


# -- help texts -----------------------------------------------------------------------------------------------


def _actions(parser: argparse.ArgumentParser, name: str = "visitapp"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _actions(sub, f"{name} {sub_name}")
        elif not isinstance(action, argparse._HelpAction | argparse._VersionAction):
            yield name, action


@pytest.fixture
def parser(monkeypatch) -> argparse.ArgumentParser:
    """Every command's parser, in English; argparse's translated messages put back afterwards."""
    from visitapp import i18n
    from visitapp.cli import build_parser

    monkeypatch.setattr(argparse, "_", argparse._)  # build_parser points them at visitapp's catalogues
    monkeypatch.setattr(argparse, "ngettext", argparse.ngettext)
    monkeypatch.setattr(i18n, "_current", "en")
    return build_parser("")


def test_every_option_and_argument_of_every_command_says_what_it_is(parser):
    missing = [f"{name} {'/'.join(a.option_strings) or a.metavar or a.dest}"
               for name, a in _actions(parser) if not (a.help or "").strip()]
    assert missing == []


def test_choices_are_listed_as_words(parser):
    # {;,,,tab} cannot be read: a choice list shown by argparse must hold words only, else the option has a metavar
    # and its help names the choices
    unreadable = [f"{name} {a.option_strings}" for name, a in _actions(parser)
                  if a.choices and a.metavar is None and not all(str(c).replace("-", "").isalnum() for c in a.choices)]
    assert unreadable == []
    report = parser._subparsers._group_actions[0].choices["report"]
    usage = report.format_help()
    assert "[--csv-separator SEP]" in usage and "{;" not in usage
    sep = next(a for a in report._actions if "--csv-separator" in a.option_strings)
    assert all(word in sep.help for word in ("';'", "','", "tab"))


def test_report_names_its_default_language_and_takes_separators_by_name(tmp_path):
    db = tmp_path / "registry.db"
    with Database.open(db) as opened:
        svc = Services(opened)
        org = svc.organisations.create("Comarch S.A.", nip="6770065406")
        svc.visits.create(org.id, dt.datetime(2026, 5, 5, 9, tzinfo=WARSAW), title="Wizyta", place="Kampus")
    english = run_cli("report", "--help")
    assert "(default: en," in " ".join(english.stdout.split())
    polish = run_cli("report", "--help", env={"VISITAPP_LANG": "pl"})
    assert "(domyślnie: pl," in " ".join(polish.stdout.split())

    csv_dir = tmp_path / "csv"
    done = run_cli("report", "--db", str(db), "--out", str(tmp_path / "r.pdf"), "--csv-dir", str(csv_dir),
                   "--csv-separator", "semicolon")
    assert done.returncode == 0, done.stderr
    header = (csv_dir / "visits.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("visit_id;starts_at;organisation;")
    wrong = run_cli("report", "--db", str(db), "--out", str(tmp_path / "r.pdf"), "--csv-separator", "|")
    assert wrong.returncode == 2 and "invalid choice: '|'" in wrong.stderr


# -- verify's errors ------------------------------------------------------------------------------------------


def test_verify_says_what_went_wrong_like_every_command(tmp_path):
    text = tmp_path / "notatki.txt"
    text.write_text("Spotkanie w Nowej Hucie\n", encoding="utf-8")
    not_pdf = run_cli("verify", str(text))
    assert not_pdf.returncode == 1
    assert not_pdf.stderr == f"visitapp: {text}: This file is not a PDF.\n"
    missing = run_cli("verify", str(tmp_path / "brak.pdf"))
    assert missing.returncode == 1
    assert missing.stderr.startswith("visitapp: Cannot read ") and missing.stderr.count("brak.pdf") == 1


# -- plurals --------------------------------------------------------------------------------------------------


def test_no_cli_message_writes_a_plural_as_s_in_brackets():
    found = [message for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "visitapp" / "cli"), keywords={"_": None, "ngettext": (1, 2)}, comment_tags=())]
    texts = [t for m in found for t in ([m] if isinstance(m, str) else m)]
    assert [t for t in texts if "(s)" in t] == []


def test_counts_agree_with_their_nouns(tmp_path):
    """People in 1, 3 and 5 visits: the three Polish forms (1 / 2-4 / 5+) in one listing."""
    db = tmp_path / "registry.db"
    with Database.open(db) as opened:
        svc = Services(opened)
        org = svc.organisations.create("Comarch S.A.", nip="6770065406")
        people = [svc.people.create(name, institution="GUP") for name in ("Ala Nowak", "Bartek Zając", "Celina Wrona")]
        for day in range(5):
            visit = svc.visits.create(org.id, dt.datetime(2020, 5, 5 + day, 9, tzinfo=WARSAW), title="Wizyta",
                                      place="Kampus")
            for person, visits in zip(people, (1, 3, 5), strict=True):
                if day < visits:
                    svc.visits.add_participant(visit.id, person.id, side="city")
    english = run_cli("person", "list", "--db", str(db))
    assert english.returncode == 0, english.stderr
    assert [line.rsplit("  ", 1)[1] for line in english.stdout.splitlines()] == ["1 visit", "3 visits", "5 visits"]
    polish = run_cli("person", "list", "--db", str(db), env={"VISITAPP_LANG": "pl"})
    assert [line.rsplit("  ", 1)[1] for line in polish.stdout.splitlines()] == ["1 wizyta", "3 wizyty", "5 wizyt"]

    listed = run_cli("retention", "--db", str(db), "--older-than", "1y")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[-1] == "5 visits older than 1y; add --delete --yes to remove them."
    assert listed.stdout.count("  0 notes\n") == 5  # each visit's count of notes: "0 notes", not "0 note(s)"
    po = run_cli("retention", "--db", str(db), "--older-than", "1y", env={"VISITAPP_LANG": "pl"})
    assert po.stdout.splitlines()[-1] == "5 wizyt starszych niż 1y; dodaj --delete --yes, aby je usunąć."
