"""The frozen app (``make package``) run as a user runs it: no Python, no venv, no checkout on the way.

Runs only when ``VISITAPP_FROZEN`` names the built folder (``make package-test``, ``.ci/run`` after
``make package``): a stale dist/ from an older build must not fail or pass the normal suite.
Each command goes through the console executable in a bare environment (PATH=/usr/bin:/bin, a
fresh HOME, the current directory a temporary one); the window through ``visitapp-gui``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import ROOT, require_tool

FROZEN = os.environ.get("VISITAPP_FROZEN")
pytestmark = [
    pytest.mark.skipif(not FROZEN, reason="set VISITAPP_FROZEN=dist/visitapp (make package-test)"),
    pytest.mark.skipif(sys.platform != "linux", reason="the Linux build; Windows: see packaging/README.md"),
]
APP = (ROOT / FROZEN).resolve() if FROZEN else Path("/nonexistent")
EXE = ".exe" if sys.platform == "win32" else ""
STARTUP_S = 90
VERSION = re.search(r'__version__ = "([^"]+)"', (ROOT / "visitapp" / "__init__.py").read_text()).group(1)
APP_ID = "io.github.visitapp.VisitApp"


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    assert (APP / f"visitapp{EXE}").is_file(), f"no frozen app in {APP}: run make package"
    return tmp_path_factory.mktemp("frozen")


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a program, without our venv, PYTHONPATH or checkout."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"), "LANG": "C.UTF-8",
           "VISITAPP_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def frozen(home: Path, *args: str, exe: str = "visitapp", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(APP / f"{exe}{EXE}"), *args], cwd=home, env=bare_env(home, **env),
                          capture_output=True, text=True, encoding="utf-8", timeout=180)


@pytest.fixture(scope="module")
def demo(home):
    made = frozen(home, "demo", "--db", "demo.db")
    assert made.returncode == 0, made.stderr
    ids = made.stdout.split()
    assert len(ids) == 3
    return ids


def test_no_python_of_ours_is_used(home):
    """The executables are the bootloader, not a script; nothing in the folder points back to the venv."""
    assert not (APP / "visitapp.py").exists()
    assert (APP / f"visitapp-gui{EXE}").is_file()
    assert str(ROOT / ".venv") not in frozen(home, "--version").stderr


def test_version_and_usage_exit_codes(home):
    shown = frozen(home, "--version")
    assert (shown.returncode, shown.stdout.strip()) == (0, f"visitapp {VERSION}")
    wrong = frozen(home, "no-such-command")
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr and "Traceback" not in wrong.stderr


def test_a_problem_is_one_sentence_and_exit_1(home, demo):
    missing = frozen(home, "show", "--db", "demo.db", "--visit", "ffffffff")
    assert missing.returncode == 1, missing.stderr
    assert missing.stderr.startswith("visitapp: ") and len(missing.stderr.strip().splitlines()) == 1
    assert missing.stdout == ""


def test_keygen_signed_export_and_verify(home, demo):
    """The official's whole path, in the frozen app; the PDF's times are Kraków times (tzdata bundled)."""
    secret = {"VISITAPP_TEST_PASS": "ćma-w-słoiku-42"}
    key = frozen(home, "keygen", "--name", "Ewa Łącka", "--institution", "Urząd Miasta Krakowa",
                 "--out", "ewa.p12", "--pass-env", "VISITAPP_TEST_PASS", **secret)
    assert key.returncode == 0, key.stderr
    assert (home / "ewa.p12").is_file() and (home / "ewa.pem").is_file()
    in_progress = next(v for v in demo if v in frozen(home, "visits", "--db", "demo.db", "--status",
                                                        "in-progress").stdout)
    # No system zone files on the way (PYTHONTZPATH empty): only the bundled tzdata can say Warsaw is UTC+1.
    out = frozen(home, "export", "--db", "demo.db", "--visit", in_progress, "--out", "m.pdf",
                 "--sign", "ewa.p12", "--pass-env", "VISITAPP_TEST_PASS", "--lang", "pl", PYTHONTZPATH="",
                 TZ="UTC", **secret)
    assert out.returncode == 0, out.stderr
    assert "PDF/A" not in out.stderr  # pikepdf.pdfa is in the folder: no warning, the claim is made
    pdf = home / "m.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    import pikepdf

    with pikepdf.open(pdf) as doc:
        assert doc.open_metadata().pdfa_status.startswith("3")  # PDF/A-3b
    checked = frozen(home, "verify", "m.pdf", "--trust", "ewa.pem", "--json")
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    assert report["ok"] and report["record"]["valid"] and report["record"]["visit_id"] == in_progress
    (sig,) = report["signatures"]
    assert sig["intact"] and sig["trusted"] and "Ewa Łącka" in json.dumps(sig, ensure_ascii=False)
    untrusted = frozen(home, "verify", "m.pdf")  # no --trust: checked, but the signer is unknown
    assert untrusted.returncode == 1 and "Traceback" not in untrusted.stderr
    # The minutes show the visit's start in Kraków time, which only the bundled zone data can give here.
    record = json.loads(frozen(home, "show", "--db", "demo.db", "--visit", in_progress, "--json").stdout)
    start = dt.datetime.fromisoformat(record["visit"]["starts_at"].replace("Z", "+00:00"))
    krakow = start.astimezone(ZoneInfo("Europe/Warsaw")).strftime("%H:%M")
    assert krakow != start.astimezone(dt.UTC).strftime("%H:%M")
    pdftotext = require_tool("pdftotext")
    words = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert krakow in words


def test_the_command_line_speaks_polish(home, demo):
    by_setting = frozen(home, "visits", "--db", "demo.db", VISITAPP_LANG="pl")
    assert by_setting.returncode == 0 and "zatwierdzona" in by_setting.stdout  # the glossary's term
    by_locale = frozen(home, "--help", VISITAPP_LANG=None, LANG="pl_PL.UTF-8")
    assert "Notatki z wizyt referencyjnych" in by_locale.stdout
    english = frozen(home, "show", "--db", "demo.db", "--visit", "ffffffff")
    polish = frozen(home, "show", "--db", "demo.db", "--visit", "ffffffff", VISITAPP_LANG="pl")
    assert english.returncode == polish.returncode == 1
    assert polish.stderr.startswith("visitapp: ") and polish.stderr != english.stderr


def test_output_in_a_windows_code_page_never_crashes(home, demo):
    listing = subprocess.run([str(APP / f"visitapp{EXE}"), "show", "--db", "demo.db", "--visit", demo[0]],
                             cwd=home, env=bare_env(home, PYTHONIOENCODING="cp852", VISITAPP_LANG="pl"),
                             capture_output=True, timeout=180)
    assert listing.returncode == 0, listing.stderr
    assert "Hitachi" in listing.stdout.decode("cp852")


def wait_for_report(proc: subprocess.Popen, report: Path) -> dict:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if report.exists():
            return json.loads(report.read_text(encoding="utf-8"))
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"the frozen window exited ({proc.returncode}) without showing:\n{out}\n{err}")
        time.sleep(0.05)  # polling the report file the window writes on first paint, bounded by the deadline
    raise AssertionError(f"no window within {STARTUP_S} s")


def show_window(home: Path, name: str, prefix: list[str] | None = None, **env: str) -> dict:
    report = home / f"{name}.json"
    report.unlink(missing_ok=True)
    # A session of its own: xvfb-run starts the app as its child, and the whole group is ended after.
    proc = subprocess.Popen([*(prefix or []), str(APP / f"visitapp-gui{EXE}"), "--db", "demo.db"], cwd=home,
                            env=bare_env(home, VISITAPP_REPORT_SHOWN=str(report), **env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        return wait_for_report(proc, report)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate(timeout=20)


def test_the_window_in_polish_with_qts_own_catalogue(home, demo):
    shown = show_window(home, "pl", VISITAPP_LANG="pl")
    assert shown["visible"] and shown["exposed"]
    assert "notatki z wizyt" in shown["title"]
    assert shown["qt_select_all"] == "Zaznacz wszystko"  # qtbase_pl.qm, shipped in the folder, is loaded


def test_the_window_on_a_real_x_server(home, demo):
    """The xcb platform plugin and the libraries it needs, on Xvfb."""
    xvfb_run = require_tool("xvfb-run")
    shown = show_window(home, "xcb", prefix=[xvfb_run, "-a", "-s", "-screen 0 1280x800x24"],
                        QT_QPA_PLATFORM="xcb")
    assert shown["visible"] and shown["exposed"] and shown["qt_select_all"] == "Select All"


def test_the_folder_is_pruned_and_carries_its_notices():
    internal = APP / "_internal"
    qt = internal / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == ["qtbase_en.qm", "qtbase_pl.qm"]
    assert not (qt / "qml").exists()
    assert not list(internal.rglob("libQt6Qml*")) and not list(internal.rglob("libQt6Quick*"))
    assert (qt / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert not (qt / "plugins" / "platformthemes" / "libqgtk3.so").exists()
    assert (internal / "visitapp" / "db" / "migrations" / "versions").is_dir()
    assert (internal / "tzdata" / "zoneinfo" / "Europe" / "Warsaw").is_file()
    licences = internal / "resources" / "licences"
    assert "MIT License" in (licences / "LICENSE").read_text()
    assert "LGPL" in (licences / "THIRD_PARTY.txt").read_text()
    packages = (licences / "PYTHON_PACKAGES.txt").read_text()
    assert all(name in packages for name in ("pyHanko", "SQLAlchemy", "PySide6_Essentials", "reportlab"))
    size = sum(p.stat().st_size for p in APP.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 400e6, f"the folder grew to {size / 1e6:.0f} MB"


# --- the .deb -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def deb(tmp_path_factory) -> tuple[Path, Path]:
    found = sorted((APP.parent).glob(f"visitapp_{VERSION}_amd64.deb"))
    assert found, "no .deb beside the frozen folder: make package builds it with dpkg-deb"
    unpacked = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(found[0]), str(unpacked)], check=True)
    return found[0], unpacked


def test_deb_fields_and_depends(deb):
    path, _root = deb
    fields = subprocess.run(["dpkg-deb", "-f", str(path)], capture_output=True, text=True, check=True).stdout
    assert f"Version: {VERSION}" in fields and "Architecture: amd64" in fields
    depends = re.search(r"^Depends: (.*)$", fields, re.M).group(1).split(", ")
    for lib in ("libxcb-cursor0", "libegl1", "libxkbcommon-x11-0", "libfontconfig1", "libc6"):
        assert lib in depends


def test_deb_files_desktop_entry_metainfo_and_icons(deb):
    _path, root = deb
    assert (root / "opt" / "visitapp" / "visitapp").is_file()
    assert os.readlink(root / "usr" / "bin" / "visitapp") == "/opt/visitapp/visitapp"
    desktop = root / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    check = subprocess.run([require_tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout.strip() == "", check.stdout + check.stderr
    metainfo = root / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    check = subprocess.run([require_tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    icons = root / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").read_text().lstrip().startswith("<svg")
    for size in (48, 128, 256):
        png = (icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(png[16:20], "big") == size and int.from_bytes(png[20:24], "big") == size


@pytest.mark.skipif(os.environ.get("CI") != "true" or not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="installs into the system: only as root in CI")
def test_deb_installs_runs_and_removes_cleanly(deb, tmp_path):
    path, _root = deb
    subprocess.run(["dpkg", "-i", str(path)], check=True, capture_output=True)
    try:
        ran = subprocess.run(["/usr/bin/visitapp", "--version"], capture_output=True, text=True,
                             env=bare_env(tmp_path), cwd=tmp_path, timeout=120)
        assert ran.stdout.strip() == f"visitapp {VERSION}"
        made = subprocess.run(["/usr/bin/visitapp", "demo", "--db", "d.db"], capture_output=True, text=True,
                              env=bare_env(tmp_path), cwd=tmp_path, timeout=120)
        assert made.returncode == 0, made.stderr
    finally:
        subprocess.run(["dpkg", "--purge", "visitapp"], check=True, capture_output=True)
    assert not Path("/opt/visitapp").exists() and not Path("/usr/bin/visitapp").exists()
    assert subprocess.run(["dpkg", "-s", "visitapp"], capture_output=True).returncode != 0
    assert shutil.which("visitapp", path="/usr/bin") is None
