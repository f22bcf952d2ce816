"""The minutes commands end to end, as a user runs them: real processes on the demo database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from minutes_sample import require_tool

from visitapp.db import Database
from visitapp.minutes.embed import extract_record
from visitapp.services import Services

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", **(env or {})}
    full_env.pop("VISITAPP_AUTHOR", None)
    return subprocess.run([sys.executable, "-m", "visitapp", *args], capture_output=True, text=True, env=full_env,
                          cwd=cwd, stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    db = folder / "demo.db"
    done = run("demo", "--db", str(db))
    assert done.returncode == 0, done.stderr
    visit = done.stdout.split()[0]
    secrets = {"PW_A": "hasło ąę", "PW_B": "druga"}
    for name, inst, out, var in (("Zofia Łęcka", "Urząd Miasta Krakowa", "a.p12", "PW_A"),
                                 ("Michał Ścigański", "Grodzki Urząd Pracy", "b.p12", "PW_B")):
        done = run("keygen", "--name", name, "--institution", inst, "--out", str(folder / out), "--pass-env", var,
                   env=secrets)
        assert done.returncode == 0, done.stderr
        assert "Give" in done.stdout and ".pem" in done.stdout
    return {"folder": folder, "db": db, "visit": visit, "env": secrets}


def _export(world, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run("export", "--db", str(world["db"]), "--visit", world["visit"], "--out", str(out), *extra,
               env=world["env"])


def test_export_sign_cosign_verify(world):
    folder = world["folder"]
    signed = folder / "minutes.pdf"
    done = _export(world, signed, "--sign", str(folder / "a.p12"), "--pass-env", "PW_A")
    assert done.returncode == 0, done.stderr
    assert "Finalised version 1 (new version)." in done.stdout
    assert f"Wrote {signed}, signed by Zofia Łęcka." in done.stdout

    # The record inside is the version the database froze.
    record = extract_record(signed.read_bytes())
    svc = Services(Database.open(world["db"]))
    try:
        assert record == svc.records.version_record(world["visit"], 1)
    finally:
        svc.close()
    assert record.author.name == "Zofia Łęcka"  # the signer is the author of the export

    cosigned = folder / "cosigned.pdf"
    done = run("cosign", str(signed), "--out", str(cosigned), "--sign", str(folder / "b.p12"), "--pass-env", "PW_B",
               env=world["env"])
    assert done.returncode == 0, done.stderr
    assert "co-signed by Michał Ścigański" in done.stdout

    done = run("verify", str(cosigned), "--trust", str(folder / "a.pem"), "--trust", str(folder / "b.pem"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signature 1 (Zofia Łęcka)" in done.stdout and "Signature 2 (Michał Ścigański)" in done.stdout
    assert f"Record: valid; visit {world['visit']}, version 1" in done.stdout
    assert done.stderr == ""

    done = run("verify", str(cosigned), "--trust", str(folder / "a.pem"))
    assert done.returncode == 1
    assert done.stderr.strip() == ("visitapp: Signature 2 (Michał Ścigański): the signer is not trusted; "
                                   "give their certificate with --trust or their certificate authority with --anchor.")
    assert "Traceback" not in done.stderr

    done = run("verify", str(cosigned), "--json", "--trust", str(folder / "a.pem"), "--trust", str(folder / "b.pem"))
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["ok"] is True
    assert [s["signer"] for s in data["signatures"]] == ["Zofia Łęcka", "Michał Ścigański"]
    assert data["record"]["visit_id"] == world["visit"]

    pdfsig = require_tool("pdfsig")
    out = subprocess.run([pdfsig, str(cosigned)], capture_output=True, text=True).stdout
    assert out.count("Signature is Valid.") == 2, out


def test_same_state_same_version_change_makes_a_new_one(world):
    folder = world["folder"]
    with Database.open(world["db"]) as db:  # finalised already, unless this test runs alone
        frozen = Services(db).records.build(world["visit"]).version
    first = _export(world, folder / "again.pdf")
    assert first.returncode == 0, first.stderr
    version = extract_record((folder / "again.pdf").read_bytes()).version
    expected = "unchanged since that version" if frozen is not None else "new version"
    assert f"Finalised version {version} ({expected})." in first.stdout
    again = _export(world, folder / "again2.pdf")
    assert f"Finalised version {version} (unchanged since that version)." in again.stdout
    assert "not signed" in again.stdout
    done = run("note", "--db", str(world["db"]), "--visit", world["visit"], "--visibility", "company",
               "Dopisek po zamknięciu: źdźbło")
    assert done.returncode == 0, done.stderr
    newer = _export(world, folder / "newer.pdf")
    assert f"Finalised version {version + 1} (new version)." in newer.stdout


def test_company_copy(world):
    out = world["folder"] / "company.pdf"
    done = _export(world, out, "--copy", "company", "--lang", "en")
    assert done.returncode == 0, done.stderr
    record = extract_record(out.read_bytes())
    assert record.copy_kind == "company"
    assert record.notes and {n.visibility for n in record.notes} == {"company"}


def test_wrong_password_leaves_no_file(world):
    folder = world["folder"]
    out = folder / "wrong.pdf"
    before = set(folder.iterdir())
    done = run("export", "--db", str(world["db"]), "--visit", world["visit"], "--out", str(out),
               "--sign", str(folder / "a.p12"), "--pass-env", "PW_B", env=world["env"])
    assert done.returncode == 1
    assert done.stderr.strip() == f"visitapp: The password for {folder / 'a.p12'} is wrong."
    assert set(folder.iterdir()) == before


def test_password_variable_not_set(world):
    folder = world["folder"]
    done = run("cosign", str(folder / "minutes.pdf"), "--out", str(folder / "x.pdf"), "--sign",
               str(folder / "a.p12"), "--pass-env", "NO_SUCH_VARIABLE_SET")
    assert done.returncode == 1
    assert done.stderr.strip() == "visitapp: The environment variable NO_SUCH_VARIABLE_SET is not set."
    assert not (folder / "x.pdf").exists()


def test_no_password_argument_and_no_terminal(world):
    folder = world["folder"]
    done = run("cosign", str(folder / "minutes.pdf"), "--out", str(folder / "x.pdf"), "--sign", str(folder / "a.p12"))
    assert done.returncode == 1
    assert "name an environment variable" in done.stderr
    assert run("cosign", "--password", "x").returncode == 2  # there is no such option


def test_unwritable_output_path(world):
    folder = world["folder"]
    done = _export(world, folder / "missing-folder" / "m.pdf")
    assert done.returncode == 1
    assert done.stderr.strip() == f"visitapp: The folder {folder / 'missing-folder'} does not exist."


def test_tampered_file_names_the_signature(world):
    folder = world["folder"]
    signed = folder / "to-tamper.pdf"
    done = _export(world, signed, "--sign", str(folder / "a.p12"), "--pass-env", "PW_A")
    assert done.returncode == 0, done.stderr
    data = bytearray(signed.read_bytes())
    data[len(data) // 4] ^= 0x01
    bad = folder / "tampered.pdf"
    bad.write_bytes(bytes(data))
    done = run("verify", str(bad), "--trust", str(folder / "a.pem"))
    assert done.returncode == 1
    assert "Signature 1 (Zofia Łęcka) is broken: the signed content was changed after signing." in done.stderr

    # A second attendee is not led to vouch for the changed file.
    out = folder / "cosigned-tampered.pdf"
    done = run("cosign", str(bad), "--out", str(out), "--sign", str(folder / "b.p12"), "--pass-env", "PW_B",
               env=world["env"])
    assert done.returncode == 1
    assert done.stderr.strip() == ("visitapp: Signature 1 (Zofia Łęcka) no longer holds: the file was changed after "
                                   "it was signed, so it must not be co-signed.")
    assert not out.exists()


def test_foreign_pdf(world, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    foreign = tmp_path / "foreign.pdf"
    canvas = Canvas(str(foreign))
    canvas.drawString(100, 700, "Something else")
    canvas.save()
    done = run("verify", str(foreign))
    assert done.returncode == 1
    assert done.stderr == f"visitapp: {foreign}: This file is not signed.\n"  # verify names the file it read
    done = run("cosign", str(foreign), "--out", str(tmp_path / "o.pdf"), "--sign", str(world["folder"] / "a.p12"),
               "--pass-env", "PW_A", env=world["env"])
    assert done.returncode == 1
    assert done.stderr == "visitapp: This file is not signed.\n"  # cosign refuses what verify refuses
    assert not (tmp_path / "o.pdf").exists()
