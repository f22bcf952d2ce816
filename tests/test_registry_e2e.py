"""The coordinator's workflow end to end through the command line, with real signed PDFs.

A coordinator plans a visit; two officials import the plan into their own
databases, add notes and export minutes signed with their own certificates; the
coordinator trusts both and merges.  Bad files are rejected and leave the
registry exactly as it was; a merge killed mid-way leaves it as before that file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from registry_helpers import WARSAW, dump

from tests.conftest import ROOT, run_cli
from visitapp.db import Database
from visitapp.services import Identity, Services

PASSWORDS = {"KP_ANNA": "hasło-anny", "KP_PIOTR": "hasło-piotra", "KP_OBCY": "obcy", "KP_KOORD": "hasło-koord"}


def cli(*args: str, author: str | None = None, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(PASSWORDS)
    if author:
        env["VISITAPP_AUTHOR"] = author
    result = run_cli(*args, env=env, timeout=120)
    if ok:
        assert result.returncode == 0, result.stderr + result.stdout
    return result


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Plan, two officials' signed minutes (and a second version), a stranger's key."""
    w = tmp_path_factory.mktemp("coordinator")
    coord = w / "coordinator.db"
    db = Database.open(coord)
    svc = Services(db, Identity("Koordynatorka"))
    series = svc.series.create("Wizyty referencyjne 2026")
    org = svc.organisations.create("Hitachi Energy Sp. z o.o.", nip="9301661310", sector="energetyka")
    visit = svc.visits.create(org.id, dt.datetime(2026, 4, 14, 10, tzinfo=WARSAW), title="Wizyta: Hitachi Energy",
                              place="Zakład, Kraków", series_id=series.id)
    db.close()
    cli("keygen", "--name", "Koordynatorka", "--out", str(w / "koord.p12"), "--pass-env", "KP_KOORD")
    cli("plan", "export", "--db", str(coord), "--out", str(w / "plan.json.p7m"), "--sign", str(w / "koord.p12"),
        "--pass-env", "KP_KOORD")
    for who, name, inst in (("anna", "Anna Nowak", "Grodzki Urząd Pracy"),
                            ("piotr", "Piotr Wiśniewski", "Wydział Przedsiębiorczości"),
                            ("obcy", "Jan Obcy", "Nieznana")):
        cli("keygen", "--name", name, "--institution", inst, "--out", str(w / f"{who}.p12"),
            "--pass-env", f"KP_{who.upper()}")
    for who in ("anna", "piotr"):
        cli("trust", "add", "--db", str(w / f"{who}.db"), str(w / "koord.pem"))  # officials trust the coordinator
        out = cli("plan", "import", "--db", str(w / f"{who}.db"), str(w / "plan.json.p7m"))
        assert visit.id in out.stdout
    cli("note", "--db", str(w / "anna.db"), "--visit", visit.id, "--section", "future_skills", "--tag", "kompetencje",
        "Firma szuka specjalistów automatyki; łączność z technikami.", author="Anna Nowak")
    cli("note", "--db", str(w / "piotr.db"), "--visit", visit.id, "--section", "barriers",
        "Brak mieszkań dla inżynierów z zagranicy.", author="Piotr Wiśniewski")
    for who, name in (("anna", "Anna Nowak"), ("piotr", "Piotr Wiśniewski")):
        cli("export", "--db", str(w / f"{who}.db"), "--visit", visit.id, "--out", str(w / f"{who}-v1.pdf"),
            "--sign", str(w / f"{who}.p12"), "--pass-env", f"KP_{who.upper()}", author=name)
    cli("note", "--db", str(w / "anna.db"), "--visit", visit.id, "--section", "follow_ups",
        "Wersja druga: spotkanie z uczelniami w maju.", author="Anna Nowak")
    cli("export", "--db", str(w / "anna.db"), "--visit", visit.id, "--out", str(w / "anna-v2.pdf"),
        "--sign", str(w / "anna.p12"), "--pass-env", "KP_ANNA", author="Anna Nowak")
    return {"dir": w, "coord": coord, "visit": visit.id}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request) -> dict:
    """Which engine the registries of this module's tests live on; for PostgreSQL, the cluster's socket folder."""
    if request.param == "sqlite":
        return {"kind": "sqlite"}
    return {"kind": "postgresql", "socket": request.getfixturevalue("pg_socket"), "made": []}


def _copy_into_postgresql(source: Path, url: str) -> None:
    """Every row of the SQLite registry ``source`` into the new PostgreSQL registry ``url`` (schema by visitapp)."""
    from sqlalchemy import create_engine, insert, select, text

    from visitapp.db.models import Base

    src = create_engine(f"sqlite:///{source}")
    db = Database.open(url)
    try:
        with src.connect() as read, db.core_write() as write:
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in read.execute(select(table))]  # the models' types: aware times
                if rows:
                    write.execute(insert(table), rows)
                if "id" in table.c:
                    write.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                       f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"))
    finally:
        db.close()
        src.dispose()


def _registry(engine: dict, source: Path | str, tmp_path: Path) -> Path | str:
    """A registry to change in one test: a copy of ``source`` on the module's engine."""
    if engine["kind"] == "sqlite":
        assert isinstance(source, Path)
        shutil.copy(source, tmp_path / "registry.db")
        return tmp_path / "registry.db"
    import uuid

    import pg_cluster

    name = "e2e_" + uuid.uuid4().hex[:12]
    engine["made"].append(name)
    if isinstance(source, Path):  # an SQLite file: its rows
        url = pg_cluster.create_database(engine["socket"], name)
        _copy_into_postgresql(source, url)
        return url
    template = source.split("@/", 1)[1].split("?", 1)[0]  # a PostgreSQL registry: a copy made by the server
    pg_cluster.admin(engine["socket"], f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return pg_cluster.url(engine["socket"], name)


def _merge(registry: Path | str, *files: Path, ok: bool = True) -> dict:
    result = cli("merge", "--into", str(registry), "--json", *map(str, files), ok=False)
    assert result.returncode == (0 if ok else 1), result.stderr + result.stdout
    return json.loads(result.stdout)


def _notes(registry: Path | str, visit_id: str) -> list[tuple[str, str]]:
    db = Database.open(registry)
    try:
        return sorted((n.author, n.text) for n in Services(db).notes.list(visit_id))
    finally:
        db.close()


def test_officials_minutes_merge_into_one_visit(world, engine, tmp_path):
    w, visit = world["dir"], world["visit"]
    registry = _registry(engine, world["coord"], tmp_path)
    cli("trust", "add", "--db", str(registry), str(w / "anna.pem"), str(w / "piotr.pem"))
    listed = cli("trust", "list", "--db", str(registry), "--json")
    assert sorted(t["subject"] for t in json.loads(listed.stdout)) == ["Anna Nowak", "Piotr Wiśniewski"]

    first = _merge(registry, w / "anna-v1.pdf", w / "piotr-v1.pdf")
    assert [f["status"] for f in first["files"]] == ["accepted", "accepted"]
    assert first["files"][0]["disagreements"] == 0 and first["files"][1]["disagreements"] == 0
    assert _notes(registry, visit) == [
        ("Anna Nowak", "Firma szuka specjalistów automatyki; łączność z technikami."),
        ("Piotr Wiśniewski", "Brak mieszkań dla inżynierów z zagranicy."),
    ]
    shown = cli("show", "--db", str(registry), "--visit", visit).stdout
    assert "Provenance:" in shown and "signed by Piotr Wiśniewski" in shown
    assert first["files"][1]["sha256"][:16] in shown

    before = dump(registry)
    again = _merge(registry, w / "anna-v1.pdf", w / "piotr-v1.pdf")
    assert [f["status"] for f in again["files"]] == ["unchanged", "unchanged"]
    assert dump(registry) == before

    newer = _merge(registry, w / "anna-v2.pdf")
    assert newer["files"][0]["status"] == "accepted" and "Supersedes version 1" in newer["files"][0]["reason"]
    assert ("Anna Nowak", "Wersja druga: spotkanie z uczelniami w maju.") in _notes(registry, visit)
    db = Database.open(registry)
    try:
        from sqlalchemy import select

        from visitapp.db import models as m

        with db.read() as s:
            history = s.execute(select(m.MergedFile.author, m.MergedFile.version, m.MergedFile.superseded_by_id)
                                .order_by(m.MergedFile.id)).all()
        assert [(a, v, sup is not None) for a, v, sup in history] == [
            ("Anna Nowak", 1, True), ("Piotr Wiśniewski", 1, False), ("Anna Nowak", 2, False)]
    finally:
        db.close()

    # The coordinator follows up and reports.
    actions = json.loads(cli("actions", "--db", str(registry), "--json").stdout)
    assert isinstance(actions, list)
    report = tmp_path / "report.pdf"
    csv_dir = tmp_path / "csv"
    cli("report", "--db", str(registry), "--out", str(report), "--csv-dir", str(csv_dir), "--lang", "pl")
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(report).pages)
    assert "Hitachi Energy" in text and "Wizyty referencyjne 2026" in text
    notes_csv = (csv_dir / "notes.csv").read_bytes()
    assert notes_csv.startswith(b"\xef\xbb\xbf")
    decoded = notes_csv.decode("utf-8-sig")
    assert "Brak mieszkań dla inżynierów z zagranicy." in decoded and "Piotr Wiśniewski" in decoded
    assert "Hitachi Energy" in (csv_dir / "visits.csv").read_text("utf-8-sig")


@pytest.fixture(scope="module")
def merged(world, engine, tmp_path_factory):
    """A registry holding both officials' first minutes (on each engine)."""
    w = world["dir"]
    registry = _registry(engine, world["coord"], tmp_path_factory.mktemp("merged"))
    cli("trust", "add", "--db", str(registry), str(w / "anna.pem"), str(w / "piotr.pem"))
    _merge(registry, w / "anna-v1.pdf", w / "piotr-v1.pdf")
    yield registry
    if engine["kind"] == "postgresql":
        import pg_cluster

        for name in engine["made"]:
            pg_cluster.drop_database(engine["socket"], name)


def _tampered(world) -> Path:
    w = world["dir"]
    data = bytearray((w / "anna-v2.pdf").read_bytes())
    import re

    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)", data)
    start, length = int(match[1]), int(match[2])
    data[start + length // 2] ^= 0x01
    path = w / "tampered.pdf"
    path.write_bytes(bytes(data))
    return path


def _untrusted(world) -> Path:
    w = world["dir"]
    path = w / "untrusted.pdf"
    if not path.exists():
        from visitapp.signing.sign import Pkcs12Source, sign_pdf

        unsigned = _unsigned(world).read_bytes()
        path.write_bytes(sign_pdf(unsigned, Pkcs12Source(w / "obcy.p12", PASSWORDS["KP_OBCY"])).pdf)
    return path


def _unsigned(world) -> Path:
    w = world["dir"]
    path = w / "unsigned.pdf"
    if not path.exists():
        from visitapp.minutes.embed import extract_record
        from visitapp.minutes.export import minutes_pdf

        record = extract_record((w / "anna-v2.pdf").read_bytes())
        path.write_bytes(minutes_pdf(record))
    return path


def _newer_major(world) -> Path:
    w = world["dir"]
    from visitapp.exchange.record import VisitRecord, dump_record
    from visitapp.minutes.embed import embed_record, extract_record
    from visitapp.minutes.render import render_pdf
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    record = extract_record((w / "anna-v2.pdf").read_bytes())
    future = VisitRecord.model_validate({**dump_record(record), "format": "visitapp.visit/2", "new_thing": [1]})
    pdf = embed_record(render_pdf(record), future)
    path = w / "newer-major.pdf"
    path.write_bytes(sign_pdf(pdf, Pkcs12Source(w / "anna.p12", PASSWORDS["KP_ANNA"])).pdf)
    return path


def _no_record(world) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    w = world["dir"]
    plain = w / "plain.pdf"
    canvas = Canvas(str(plain))
    canvas.drawString(72, 720, "Not minutes")
    canvas.save()
    path = w / "no-record.pdf"
    try:
        path.write_bytes(sign_pdf(plain.read_bytes(), Pkcs12Source(w / "anna.p12", PASSWORDS["KP_ANNA"])).pdf)
    except Exception:  # signing refuses a foreign PDF: then it travels unsigned
        path.write_bytes(plain.read_bytes())
    return path


def _garbage(world) -> Path:
    path = world["dir"] / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not really a PDF\n")
    return path


_BAD_FILES = [
    pytest.param(_tampered, "broken", id="tampered"),
    pytest.param(_untrusted, "not trusted", id="untrusted"),
    pytest.param(_unsigned, "not signed", id="unsigned"),
    pytest.param(_newer_major, "format version 2", id="newer-major"),
    pytest.param(_no_record, "", id="no-record"),
    pytest.param(_garbage, "", id="malformed"),
]


# A bad file is refused before the registry is touched, so on PostgreSQL two kinds suffice (test time): one
# refused by its signature, one by its record. Only those are generated there; every kind runs on SQLite.
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
@pytest.mark.parametrize("make, reason", _BAD_FILES)
def test_a_bad_file_is_rejected_and_changes_nothing(world, engine, merged, tmp_path, make, reason):
    _rejected_and_nothing_changed(world, engine, merged, tmp_path, make, reason)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
@pytest.mark.parametrize("make, reason", [p for p in _BAD_FILES if p.id in ("tampered", "newer-major")])
def test_a_bad_file_is_rejected_and_changes_nothing_on_postgresql(world, engine, merged, tmp_path, make, reason):
    _rejected_and_nothing_changed(world, engine, merged, tmp_path, make, reason)


def _rejected_and_nothing_changed(world, engine, merged, tmp_path, make, reason) -> None:
    registry = _registry(engine, merged, tmp_path)
    bad = make(world)
    before = dump(registry)
    result = _merge(registry, bad, ok=False)
    (entry,) = result["files"]
    assert entry["status"] == "rejected" and entry["reason"]
    assert reason in entry["reason"]
    assert result["summary"] == {"accepted": 0, "unchanged": 0, "rejected": 1}
    assert dump(registry) == before


def test_text_summary_and_exit_status(world, engine, merged, tmp_path):
    registry = _registry(engine, merged, tmp_path)
    result = cli("merge", "--into", str(registry), str(world["dir"] / "anna-v1.pdf"), str(_garbage(world)), ok=False)
    assert result.returncode == 1
    assert "unchanged" in result.stdout and "rejected" in result.stdout
    assert "0 accepted, 1 unchanged, 1 rejected." in result.stdout


def test_a_merge_killed_mid_way_leaves_the_registry_as_before_that_file(world, engine, merged, tmp_path):
    registry = _registry(engine, merged, tmp_path)
    before = dump(registry)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en"}
    driver = ROOT / "tests" / "merge_pause_driver.py"  # the real merger, pausing inside its transaction
    proc = subprocess.Popen(
        [sys.executable, str(driver), str(registry), "60", str(world["dir"] / "anna-v2.pdf")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    try:
        line = proc.stderr.readline()
        assert "paused inside the transaction" in line, line
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert dump(registry) == before
    # The registry opens and the same file merges cleanly afterwards.
    result = _merge(registry, world["dir"] / "anna-v2.pdf")
    assert result["files"][0]["status"] == "accepted"
    assert ("Anna Nowak", "Wersja druga: spotkanie z uczelniami w maju.") in _notes(registry, world["visit"])
