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

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PREVIEW_WIDTH = 1000  # pixels across an A4 page (about 120 dpi): sharp when scaled down
TIMEOUT = 60


def page_images(pdf: bytes, width: int = PREVIEW_WIDTH) -> list[bytes] | None:
    """A PNG of each page, drawn by ``pdftoppm``; None when it is missing or fails."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    with tempfile.TemporaryDirectory(prefix="visitapp-preview-") as folder:
        src = Path(folder) / "minutes.pdf"
        src.write_bytes(pdf)
        try:
            subprocess.run([tool, "-png", "-scale-to-x", str(width), "-scale-to-y", "-1", str(src),
                            str(Path(folder) / "page")], check=True, capture_output=True, timeout=TIMEOUT,
                           creationflags=flags)
        except (OSError, subprocess.SubprocessError):
            return None
        pages = sorted(Path(folder).glob("page-*.png"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1]))
        return [p.read_bytes() for p in pages] or None


def page_texts(pdf: bytes) -> list[str] | None:
    """The text of each page (pypdf, if installed); None without it."""
    try:
        import io

        from pypdf import PdfReader
    except ImportError:
        return None
    try:
        return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    except Exception:  # noqa: BLE001 (a preview falls back; the PDF itself is checked elsewhere)
        return None
