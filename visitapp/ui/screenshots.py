"""Render the main views in Polish with the demo data: ``python -m visitapp.ui.screenshots OUTDIR``."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from visitapp.db import Database
from visitapp.demo import create_demo, demo_identity
from visitapp.services import Services
from visitapp.ui import settings as s
from visitapp.ui.app import Application
from visitapp.ui.prepare import PrepareDialog
from visitapp.ui.settings import AppSettings


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="visitapp-shots-"))
    with Database.open(work / "demo.db") as db:
        ids = create_demo(Services(db, demo_identity()))
    qapp = QApplication([])
    settings = AppSettings(work / "settings.ini")
    settings.set(s.LANGUAGE, "pl")
    settings.set(s.NAME, "Ewa Kowalczyk")
    app = Application(qapp, work / "demo.db", settings)
    window = app.window
    window.resize(1366, 768)
    window.show()
    window.open_visit(ids[0])
    window.capture.step_section(2)
    window.capture.box.editor.setPlainText("Firma planuje kurs chmurowy dla absolwentów techników")
    qapp.processEvents()
    window.grab().save(str(out / "capture.png"))
    window.list_panel.search.setText("kompetencje")
    window.list_panel.run_search()
    qapp.processEvents()
    window.grab().save(str(out / "list.png"))
    dialog = PrepareDialog(app.services(), ids[0], window)
    dialog.show()
    qapp.processEvents()
    dialog.grab().save(str(out / "prepare.png"))
    dialog.close()
    window.capture.box.editor.clear()
    app.worker.wait()
    app.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
