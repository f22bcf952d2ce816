"""Personal data rights: person list/export/erase leave no byte of the name, and a merge keeps them erased."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from tests.registry_helpers import ANNA, Official, keys, sign_record
from visitapp.cli import main
from visitapp.db import Database
from visitapp.registry.merge import Merger
from visitapp.registry.persons import mention_pattern

NAME = "Paweł Łukasik"  # the company's director in every Official's visit
# Every form the name may take in the files: as typed, as JSON escapes it, as the search index folds it.
NEEDLES = [b"\xc5\x81ukasik", "Paweł".encode(), b"\\u0141ukasik", b"Pawe\\u0142", b"ukasik", b"lukasik",
           b"pawel", "Pawł".encode()]


def _file_bytes(db: Path) -> dict[str, bytes]:
    out = {}
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(db) + suffix)
        if path.exists():
            out[path.name] = path.read_bytes()
    return out


def _traces(db: Path) -> list[str]:
    return [f"{name}: {needle!r}" for name, data in _file_bytes(db).items() for needle in NEEDLES
            if needle.lower() in data.lower()]


@pytest.fixture
def registry(tmp_path):
    official = Official(tmp_path / "anna.db", ANNA)
    official.note("Rozmawialiśmy z Pawłem Łukasikiem o stażach dla uczniów technikum.")
    official.note("Łukasika interesuje certyfikacja spawaczy.", section="certification")
    p12, pem = keys(tmp_path, "anna", ANNA)
    pdf = sign_record(official.finalise(), tmp_path / "v1.pdf", p12)
    reg = tmp_path / "registry.db"
    db = Database.open(reg)
    results = Merger(db, [pem]).merge_all([pdf])
    db.close()
    assert [r.status for r in results] == ["accepted"], results[0].reason
    return {"official": official, "p12": p12, "pem": pem, "pdf": pdf, "reg": reg, "tmp": tmp_path}


def _person_id(reg: Path, capsys) -> str:
    assert main(["person", "list", "--db", str(reg), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return next(r["id"] for r in rows if r["name"] == NAME)


def test_the_mention_pattern_finds_inflected_forms_only():
    pattern = mention_pattern(NAME)
    for text in ("z Pawłem Łukasikiem", "Łukasika", "Łukasikowi", "paweł łukasik", "Pawła"):
        assert pattern.search(text), text
    for text in ("Łukasz", "Pawełkowski", "ukasik"):
        assert not pattern.search(text), text


def test_person_export_holds_everything_about_them(registry, capsys, tmp_path):
    reg = registry["reg"]
    pid = _person_id(reg, capsys)
    out = tmp_path / "export.json"
    assert main(["person", "export", "--db", str(reg), "--person", pid[:8], "--out", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["person"]["name"] == NAME and data["person"]["role"] == "dyrektor"
    assert [p["side"] for p in data["participations"]] == ["company"]
    assert {n["text"] for n in data["notes_mentioning"]} == {
        "Rozmawialiśmy z Pawłem Łukasikiem o stażach dla uczniów technikum.",
        "Łukasika interesuje certyfikacja spawaczy."}
    assert all(n["provenance"]["file"].endswith("v1.pdf") for n in data["notes_mentioning"])
    assert [f["file"] for f in data["files_naming_them"]] == [str(registry["pdf"])]
    assert sys.platform == "win32" or out.stat().st_mode & 0o077 == 0  # POSIX modes

    # Anna wrote the notes: they are hers.
    capsys.readouterr()
    assert main(["person", "list", "--db", str(reg), "--json"]) == 0
    anna_id = next(r["id"] for r in json.loads(capsys.readouterr().out) if r["name"] == ANNA.name)
    assert main(["person", "export", "--db", str(reg), "--person", anna_id, "--out", str(out)]) == 0
    assert len(json.loads(out.read_text("utf-8"))["notes_written"]) == 2


def test_erase_leaves_no_byte_of_the_name_and_a_merge_keeps_them_erased(registry, capsys):
    reg = registry["reg"]
    assert _traces(reg), "the test must see the name before the erasure"
    pid = _person_id(reg, capsys)
    assert main(["person", "erase", "--db", str(reg), "--person", pid]) == 1  # no --yes
    assert main(["person", "erase", "--db", str(reg), "--person", pid, "--redact-mentions", "--yes"]) == 0
    said = capsys.readouterr().out
    assert str(registry["pdf"]) in said  # the signed file that still names them is listed
    assert _traces(reg) == []

    # The same PDF again: known by its hash, nothing stored.
    db = Database.open(reg)
    try:
        again = Merger(db, [registry["pem"]]).merge_all([registry["pdf"]])
        assert [r.status for r in again] == ["unchanged"]
        assert _traces(reg) == []
        # A newer version naming them again (another note, a new signed file) is pseudonymised before it is stored.
        official = registry["official"]
        official.note("Pan Łukasik obiecał listę stanowisk do 30 czerwca.")
        pdf2 = sign_record(official.finalise(), registry["tmp"] / "v2.pdf", registry["p12"])
        newer = Merger(db, [registry["pem"]]).merge_all([pdf2])
        assert [r.status for r in newer] == ["accepted"], newer[0].reason
        from visitapp.services import Identity, Services

        svc = Services(db, Identity("t"))
        assert svc.search.search("lukasik") == []
        texts = [n.text for n in svc.notes.list(official.visit_id)]
        assert len(texts) == 3 and all("Łukasik" not in t for t in texts)
    finally:
        db.close()
    assert _traces(reg) == []
    assert main(["person", "list", "--db", str(reg), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["erased"] for r in rows if r["id"] == pid] == [True]
    assert not any(r["name"] == NAME for r in rows)


def test_erase_without_redact_mentions_keeps_note_texts_and_leaves_nothing_to_undo(registry, capsys):
    from visitapp.registry.persons import erase_person
    from visitapp.services import Identity, Services

    reg = registry["reg"]
    pid = _person_id(reg, capsys)
    db = Database.open(reg)
    try:
        svc = Services(db, Identity("t"))
        # An edit made just before: undoing it after the erasure would write the name back.
        svc.people.update(pid, role="prezes")
        assert svc.history.can_undo
        erase_person(db, pid)
        assert not svc.history.can_undo
        assert svc.people.get(pid).name != NAME
        hits = svc.search.search("stażach")
        assert hits and "Łukasikiem" in hits[0].snippet
    finally:
        db.close()


def test_retention_lists_and_removes_old_visits(registry, capsys):
    reg = registry["reg"]
    assert main(["retention", "--db", str(reg), "--older-than", "5y"]) == 0
    assert "No visit" in capsys.readouterr().out
    assert main(["retention", "--db", str(reg), "--older-than", "1d", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["visits"]
    assert [r["id"] for r in rows] == [registry["official"].visit_id]
    assert main(["retention", "--db", str(reg), "--older-than", "1d", "--delete"]) == 1
    assert main(["retention", "--db", str(reg), "--older-than", "1d", "--delete", "--yes"]) == 0
    capsys.readouterr()
    assert main(["retention", "--db", str(reg), "--older-than", "1d", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["visits"] == []
    assert not any(b"sta\xc5\xbcach" in data for data in _file_bytes(reg).values())
    # The same old PDF is not brought back.
    db = Database.open(reg)
    try:
        assert [r.status for r in Merger(db, [registry["pem"]]).merge_all([registry["pdf"]])] == ["unchanged"]
    finally:
        db.close()
    assert main(["retention", "--db", str(reg), "--older-than", "five years"]) == 1


def test_dates_are_utc():  # the retention cut-off is computed in UTC
    from visitapp.registry.retention import parse_period

    assert parse_period("5y") == dt.timedelta(days=1826)
    assert parse_period("90d") == dt.timedelta(days=90)


def test_an_erased_official_stays_erased_when_their_next_minutes_are_merged(registry, capsys):
    reg = registry["reg"]
    assert main(["person", "list", "--db", str(reg), "--json"]) == 0
    anna_id = next(r["id"] for r in json.loads(capsys.readouterr().out) if r["name"] == ANNA.name)
    assert main(["person", "erase", "--db", str(reg), "--person", anna_id, "--yes"]) == 0
    official = registry["official"]
    official.note("Kolejna notatka po usunięciu autorki.")
    pdf2 = sign_record(official.finalise(), registry["tmp"] / "v2.pdf", registry["p12"])
    db = Database.open(reg)
    try:
        [result] = Merger(db, [registry["pem"]]).merge_all([pdf2])
    finally:
        db.close()
    assert result.status == "accepted", result.reason
    shown = json.dumps(result.as_json(), ensure_ascii=False)
    assert "Nowak" not in shown and "Erased person" in result.author
    data = b"".join(_file_bytes(reg).values())
    assert b"Nowak" not in data and b"nowak" not in data
