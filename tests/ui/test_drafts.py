"""Never lose a word: steady typing is stored while it goes on, not only after a pause."""

from __future__ import annotations

import time

from visitapp.ui import drafts


def test_steady_typing_is_stored_without_waiting_for_a_pause(opened, qtbot, svc, demo):
    box = opened.window.capture.box.editor
    box.setFocus()
    text = "Firma planuje otworzyc drugie biuro w Nowej Hucie w przyszlym roku"  # QTest types ASCII only
    started = time.monotonic()
    qtbot.keyClicks(box, text, delay=40)  # one key every 40 ms, never a pause
    typing = time.monotonic() - started
    assert typing > drafts.MAX_WAIT_MS / 1000 + 0.5
    opened.worker.wait()
    stored = svc.drafts.list(demo[0]).get("capture")
    assert stored is not None, "nothing stored while the user kept typing"
    assert text.startswith(stored.text) and len(stored.text) >= 10
