"""Screenshots of every screen on the demo data, in Polish and English, at the screen sizes officials have.

``python -m visitapp.ui.screenshots [OUTDIR] [--all-to DIR]`` (``make screenshots``) writes
``<screen>-<lang>-<W>x<H>@<scale>.png`` for the main window (capture, visit list and search),
the coordinator's window (each tab) and the dialogs (prepare, settings, F1 shortcuts), at
1366x768 and 1920x1080 physical pixels and at QT_SCALE_FACTOR 1.0 and 1.5 (a scale is fixed
when Qt starts, so each scale runs in a process of its own). OUTDIR (docs/screenshots) gets
the set the README shows (both languages at 1366x768, Polish at 1.5 too); ``--all-to`` gets
every combination (build/screenshots by default), to look at before a release.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LANGS = ("pl", "en")
SIZES = ((1366, 768), (1920, 1080))
SCALES = ("1.0", "1.5")
LONG_NAME = "Przedsiębiorstwo Produkcyjno-Handlowo-Usługowe Automatyka Przemysłowa i Robotyka Sp. z o.o. Sp. k."
# What the README shows (lang, width, height, scale): both languages at 1366x768, Polish scaled to 150 % too.
PUBLISHED = {("pl", 1366, 768, "1.0"), ("en", 1366, 768, "1.0"), ("pl", 1366, 768, "1.5")}


def shot_name(screen: str, lang: str, size: tuple[int, int], scale: str) -> str:
    return f"{screen}-{lang}-{size[0]}x{size[1]}@{scale}.png"


# -- the data every process shows ----------------------------------------------------


def prepare_data(work: Path) -> None:
    """The demo database (plus a visit to a company with a very long name) and three files to merge: one
    signed by a trusted official, one by an official not trusted yet, one not signed."""
    from visitapp.db import Database
    from visitapp.demo import create_demo, demo_identity
    from visitapp.minutes.export import minutes_pdf
    from visitapp.registry.trust import TrustStore
    from visitapp.services import Identity, Services
    from visitapp.signing.keys import make_certificate, pkcs12_bytes
    from visitapp.signing.sign import Pkcs12Source, sign_pdf

    with Database.open(work / "demo.db") as db:
        svc = Services(db, demo_identity())
        ids = create_demo(svc)
        org = svc.organisations.create(LONG_NAME, sector="automatyka przemysłowa")
        first = svc.visits.get(ids[0])
        svc.visits.create(org.id, first.starts_at, title="Wizyta referencyjna", place="Kraków, Nowa Huta")
        inbox = work / "inbox"
        inbox.mkdir()
        for who, trusted in (("Anna Nowak", True), ("Piotr Wiśniewski", False)):
            key, cert = make_certificate(who, "Grodzki Urząd Pracy w Krakowie")
            p12 = work / f"{who.split()[0].lower()}.p12"
            p12.write_bytes(pkcs12_bytes(key, cert, "demo"))
            with Database.open(work / f"{p12.stem}.db") as own:
                osvc = Services(own, Identity(who, "Grodzki Urząd Pracy w Krakowie"))
                visit = create_demo(osvc)[1]
                record = osvc.records.finalise(visit).record
            signed = sign_pdf(minutes_pdf(record), Pkcs12Source(p12, "demo")).pdf
            (inbox / f"protokol-{p12.stem}.pdf").write_bytes(signed)
            if trusted:
                TrustStore(db).add([cert])
        (inbox / "skan-bez-podpisu.pdf").write_bytes(minutes_pdf(svc.records.build(ids[0])))


# -- one process: one scale ------------------------------------------------------------


def _settle(qapp, until=None, rounds: int = 3000) -> None:
    import time

    for _ in range(rounds):
        qapp.processEvents()
        if until is None or until():
            if until is None:
                return
            break
        time.sleep(0.01)
    qapp.processEvents()


def shoot(work: Path, out: Path, scale: str) -> None:
    """Every screen at this process's scale (QT_SCALE_FACTOR, set before Qt started)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from visitapp.db import Database
    from visitapp.services import Services
    from visitapp.ui import settings as s
    from visitapp.ui.app import Application
    from visitapp.ui.prepare import PrepareDialog
    from visitapp.ui.settings import AppSettings
    from visitapp.ui.settings_dialog import SettingsDialog
    from visitapp.ui.shortcuts import ShortcutsDialog

    factor = float(scale)
    found = QApplication.instance()
    qapp = found if isinstance(found, QApplication) else QApplication([])
    with Database.open(work / "demo.db") as db:
        first = Services(db).visits.list()[-1].id  # the demo's first visit (the list is newest first)
    for lang in LANGS:
        folder = Path(tempfile.mkdtemp(prefix="visitapp-shot-"))
        shutil.copy(work / "demo.db", folder / "demo.db")
        settings = AppSettings(folder / "settings.ini")
        settings.set(s.LANGUAGE, lang)
        settings.set(s.NAME, "Ewa Kowalczyk")
        app = Application(qapp, folder / "demo.db", settings)
        window = app.window
        window.show()
        window.open_visit(first)
        window.capture.step_section(2)
        window.capture.box.editor.setPlainText("Firma planuje kurs chmurowy dla absolwentów techników"
                                               if lang == "pl" else "The company plans a cloud course for "
                                               "graduates of technical schools")
        window.show_coordinator()
        coordinator = window.coordinator
        assert coordinator is not None  # show_coordinator made it
        view = coordinator.view
        view.merge.add_paths(sorted((work / "inbox").iterdir()))
        _settle(qapp, lambda merge=view.merge: not merge.busy)
        view.refresh()
        for size in SIZES:
            logical = (round(size[0] / factor), round(size[1] / factor))
            window.resize(*logical)
            window.list_panel.search.clear()
            window.list_panel.run_search()
            _settle(qapp)
            window.grab().save(str(out / shot_name("capture", lang, size, scale)))
            window.list_panel.search.setText("kompetencje" if lang == "pl" else "automatyka")
            window.list_panel.run_search()
            _settle(qapp)
            window.grab().save(str(out / shot_name("search", lang, size, scale)))
            window.list_panel.search.clear()
            window.list_panel.run_search()
            _settle(qapp)
            coordinator.resize(*logical)
            rejected = [i for i, r in enumerate(view.merge.model.rows) if r.untrusted_certificate]
            if rejected:  # the row that offers "Trust this signer and merge again"
                view.merge.table.selectRow(rejected[0])
            for i, screen in enumerate(("merge", "trust", "actions", "disagreements", "reports", "people")):
                view.tabs.setCurrentIndex(i)
                _settle(qapp)
                coordinator.grab().save(str(out / shot_name(f"coordinator-{screen}", lang, size, scale)))
        dialogs = (("prepare", PrepareDialog(app.services(), first, window)),  # sized by their contents and
                   ("settings", SettingsDialog(settings, str(folder / "demo.db"), window)),  # the scale only
                   ("shortcuts", ShortcutsDialog(window)))
        for screen, dialog in dialogs:
            dialog.show()
            _settle(qapp)
            dialog.grab().save(str(out / shot_name(screen, lang, SIZES[0], scale)))
            dialog.close()
        window.capture.box.editor.clear()
        coordinator.close()
        app.worker.wait()
        app.replacing = True
        window.close()
        app.shutdown()
        _settle(qapp)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--all-to", type=Path, default=Path("build/screenshots"))
    parser.add_argument("--scale-worker", metavar="SCALE", help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.scale_worker:
        shoot(args.work, args.all_to, args.scale_worker)
        return 0
    args.all_to.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="visitapp-shots-"))
    prepare_data(work)
    for scale in SCALES:
        env = {**os.environ, "QT_SCALE_FACTOR": scale,
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        subprocess.run([sys.executable, "-m", "visitapp.ui.screenshots", "--scale-worker", scale, "--work", str(work),
                        "--all-to", str(args.all_to)], check=True, env=env)
    for old in args.out.glob("*.png"):
        old.unlink()
    for path in sorted(args.all_to.glob("*.png")):
        lang, size_scale = path.stem.rsplit("-", 2)[-2:]
        size_part, scale = size_scale.split("@")
        width, height = map(int, size_part.split("x"))
        if (lang, width, height, scale) in PUBLISHED:
            shutil.copy(path, args.out / path.name)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
