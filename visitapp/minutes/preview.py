"""Pages of a minutes PDF for an on-screen preview, without a PDF engine of our own.

The GUI's Qt (PySide6-Essentials) has no QtPdf, and no PDF rasteriser is a
dependency.  So the preview is taken, in this order, from:

1. poppler's ``pdftoppm``, when it is installed (most Linux desktops; not
   guaranteed elsewhere): one PNG per page, exactly as a PDF reader shows it;
2. pypdf, when it is installed: the text of each page, as laid out in the PDF
   (the page breaks are the real ones, the typography is not);
3. nothing: the caller says so and offers the PDF in the system's viewer.

Every result comes from the very PDF that will be signed, never from a
second drawing of the record.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PREVIEW_WIDTH = 1000  # pixels across an A4 page (about 120 dpi): sharp when scaled down
TIMEOUT = 60


def split_pngs(data: bytes) -> list[bytes]:
    """PNG files written one after another (``pdftoppm`` to stdout), cut apart at each IEND chunk."""
    pages, at = [], 0
    while at < len(data):
        if data[at:at + 8] != PNG_SIGNATURE:
            raise ValueError("not a PNG stream")
        end = at + 8
        while True:
            if end + 8 > len(data):
                raise ValueError("a PNG is cut short")
            length = int.from_bytes(data[end:end + 4], "big")
            kind = data[end + 4:end + 8]
            end += 12 + length  # length, type, data, CRC
            if kind == b"IEND":
                break
        if end > len(data):
            raise ValueError("a PNG is cut short")
        pages.append(data[at:end])
        at = end
    return pages


def page_images(pdf: bytes, width: int = PREVIEW_WIDTH) -> list[bytes] | None:
    """A PNG of each page, drawn by ``pdftoppm``; None when it is missing or fails.

    The PDF goes to ``pdftoppm`` through its standard input and the pages come back on its standard
    output: the unsigned minutes (internal notes included) are never written to the temporary folder,
    where a crash, a killed process or a file another program holds open would leave them behind.
    """
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        done = subprocess.run([tool, "-png", "-scale-to-x", str(width), "-scale-to-y", "-1", "-"], input=pdf,
                              check=True, capture_output=True, timeout=TIMEOUT, creationflags=flags)
        return split_pngs(done.stdout) or None
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def page_texts(pdf: bytes) -> list[str] | None:
    """The text of each page (pypdf, if installed); None without it."""
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        return None
    try:
        return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    except Exception:  # a preview falls back; the PDF itself is checked elsewhere
        return None


# The copy opened in the system's PDF viewer ("Open preview in PDF viewer") has to be a file. It lives in a
# private folder named with this prefix and is removed when the dialog closes; a crash, or Windows refusing
# to delete a file the viewer still holds, can leave it behind: the next start sweeps such folders away.
PREVIEW_FOLDER_PREFIX = "visitapp-sign-"
STALE_AFTER_S = 3600.0  # older than any preview a dialog still open could be showing from this session


def sweep_stale_previews(temp_root: str | None = None, *, older_than_s: float = STALE_AFTER_S) -> list[str]:
    """Remove this user's preview folders left by earlier sessions; returns the folders removed."""
    import os
    import tempfile
    import time
    from pathlib import Path

    root = Path(temp_root or tempfile.gettempdir())
    removed: list[str] = []
    try:
        candidates = list(root.glob(PREVIEW_FOLDER_PREFIX + "*"))
    except OSError:
        return removed
    now = time.time()
    uid = os.getuid() if hasattr(os, "getuid") else None
    for folder in candidates:
        try:
            info = folder.lstat()
            if not folder.is_dir() or folder.is_symlink() or now - info.st_mtime < older_than_s:
                continue
            if uid is not None and info.st_uid != uid:
                continue  # someone else's: not ours to judge (and not readable by us anyway)
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(str(folder))
    return removed
