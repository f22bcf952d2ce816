"""The sign dialog leaves no unsigned copy of the minutes in the temporary folder, and sweeps old ones away."""

from __future__ import annotations

import os
import tempfile
import time

from tests.conftest import require_tool
from tests.ui.test_sign_dialog import _dialog
from visitapp.minutes.preview import PREVIEW_FOLDER_PREFIX, STALE_AFTER_S
from visitapp.ui.signing import preview_pane


def test_dialog_sweeps_old_copies_and_removes_its_own(gui, qtbot, demo, tmp_path, monkeypatch):
    require_tool("pdftoppm")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    opened: list[str] = []
    monkeypatch.setattr(preview_pane.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    left = temp / f"{PREVIEW_FOLDER_PREFIX}crashed"  # what a killed session, or a held file on Windows, left
    left.mkdir()
    (left / "preview-1-minutes.pdf").write_bytes(b"%PDF-1.7 internal notes")
    long_ago = time.time() - STALE_AFTER_S - 60
    os.utime(left, (long_ago, long_ago))

    dialog = _dialog(gui, qtbot, demo[0])
    assert not left.exists()
    qtbot.waitUntil(lambda: dialog.preview_pane.pdf is not None, timeout=20000)
    assert dialog.preview.page_count() >= 1  # the pages were drawn without a file: nothing in temp but the folder
    assert [p.name for p in temp.iterdir()] and all(not any(p.iterdir()) for p in temp.iterdir())
    dialog.open_preview()  # the viewer needs a file: private, and gone when the dialog closes
    assert len(opened) == 1 and os.path.isfile(opened[0]) and opened[0].startswith(str(temp))
    dialog.reject()
    qtbot.waitUntil(lambda: not any(temp.iterdir()), timeout=10000)
