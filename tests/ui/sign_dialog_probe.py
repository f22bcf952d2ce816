"""Opens the Finalise and sign dialog in a process of its own and prints, as JSON, where it and its buttons are.

Run by tests/ui/test_sign_dialog_fit.py with QT_SCALE_FACTOR and an offscreen screen of a given size (a scale
factor is fixed for a process's life): ``python -m tests.ui.sign_dialog_probe DB VISIT_ID LANG SETTINGS``.
For each signing source it reports the dialog's frame, the screen's available area and the buttons' frames, all
in the screen's logical pixels.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(db_path: str, visit_id: str, lang: str, settings_path: str) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    qapp = QApplication([])
    from visitapp.db.database import Database
    from visitapp.services import Services
    from visitapp.ui.settings import AppSettings
    from visitapp.ui.signing.dialog import SignDialog
    from visitapp.ui.translation import Translations

    Translations(qapp).apply(lang)
    db = Database.open(Path(db_path))
    dialog = SignDialog(Services(db), visit_id, settings=AppSettings(Path(settings_path)))
    dialog.show()
    qapp.processEvents()

    def frame(widget) -> list[int]:
        top_left = widget.mapToGlobal(widget.rect().topLeft())
        return QRect(top_left, widget.size()).getRect()

    out = {"available": dialog.screen().availableGeometry().getRect(), "sources": {}}
    for i in range(dialog.source.count()):
        dialog.source.setCurrentIndex(i)
        qapp.processEvents()
        out["sources"][dialog.source.itemData(i)] = {
            "dialog": dialog.frameGeometry().getRect(),
            "buttons": {name: frame(getattr(dialog, name)) for name in ("sign_button", "cancel_button",
                                                                        "close_button")},
            "visible": all(getattr(dialog, name).isVisible() for name in ("sign_button", "close_button")),
            "preview_width": dialog.preview.width(),
        }
    dialog.close()  # previews still queued are skipped
    dialog.worker.shutdown()
    db.close()
    sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:5])
