"""The signing dialog's page preview never writes the unsigned minutes (internal notes included) to disk."""

from __future__ import annotations

import tempfile

import pytest
from minutes_sample import require_tool, sample_record

from visitapp.minutes.export import minutes_pdf
from visitapp.minutes.preview import PREVIEW_WIDTH, page_images, split_pngs


def _pages(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def test_pages_drawn_without_any_temporary_file(tmp_path, monkeypatch):
    require_tool("pdftoppm")
    pdf = minutes_pdf(sample_record("pl"))
    # No temporary folder can be made: the temporary "folder" is a file, for us and for pdftoppm.
    blocker = tmp_path / "no-temp-here"
    blocker.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(blocker))
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(blocker))
    images = page_images(pdf)
    assert images is not None and len(images) == _pages(pdf) >= 1
    for png in images:
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
        assert int.from_bytes(png[16:20], "big") == PREVIEW_WIDTH
    assert sorted(p.name for p in tmp_path.iterdir()) == ["no-temp-here"]


def test_split_refuses_what_is_not_a_whole_png():
    with pytest.raises(ValueError):
        split_pngs(b"not a png")
    one = b"\x89PNG\r\n\x1a\n" + (0).to_bytes(4, "big") + b"IEND" + bytes(4)
    assert split_pngs(one + one) == [one, one]
    with pytest.raises(ValueError):
        split_pngs(one + one[:-3])


def test_preview_copies_left_by_an_earlier_session_are_swept(tmp_path):
    """A copy the viewer held (Windows cannot delete it) or a crash left behind is removed at the next start."""
    import os
    import time

    from visitapp.minutes.preview import PREVIEW_FOLDER_PREFIX, STALE_AFTER_S, sweep_stale_previews

    old = tmp_path / f"{PREVIEW_FOLDER_PREFIX}left"
    old.mkdir()
    (old / "preview-1-minutes.pdf").write_bytes(b"%PDF-1.7 internal notes")
    hours_ago = time.time() - STALE_AFTER_S - 60
    os.utime(old, (hours_ago, hours_ago))
    current = tmp_path / f"{PREVIEW_FOLDER_PREFIX}open-now"  # a dialog of a running instance
    current.mkdir()
    (current / "preview-1-minutes.pdf").write_bytes(b"%PDF-1.7")
    unrelated = tmp_path / "other-app-folder"
    unrelated.mkdir()
    os.utime(unrelated, (hours_ago, hours_ago))
    assert sweep_stale_previews(str(tmp_path)) == [str(old)]
    assert not old.exists() and current.is_dir() and unrelated.is_dir()
