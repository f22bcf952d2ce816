"""Standard streams the command line can always write to.

On Windows, output that is redirected or piped is encoded in the ANSI or OEM code page
(cp1250, cp852 on Polish systems), which has no "≠", "→", "✓", "…" or Cyrillic: a plain
``print`` raises UnicodeEncodeError midway through a listing.  What the encoding cannot
show is replaced (``?``) instead; JSON for programs is written as UTF-8 bytes whatever the
stream's encoding (see :func:`write_utf8`).

A windowed executable (PyInstaller ``console=False``, ``pythonw``) has no streams at all:
``sys.stdout`` and ``sys.stderr`` are None and every ``print`` or error message would
raise.  They get a sink that discards what is written.

Imports nothing heavy: this runs before the command line is parsed.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO


def _fix(stream: TextIO | None) -> TextIO:
    if stream is None:
        return open(os.devnull, "w", encoding="utf-8")  # lives as long as the process
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError, io.UnsupportedOperation):  # a stream that cannot change: leave it
            pass
    return stream


def make_safe() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` never fail on a character or on being absent."""
    sys.stdout = _fix(sys.stdout)
    sys.stderr = _fix(sys.stderr)


def write_utf8(text: str, stream: io.TextIOBase | None = None) -> None:
    """Write ``text`` to ``stream`` (stdout) as UTF-8 bytes, whatever the stream's own encoding."""
    out = stream if stream is not None else sys.stdout
    if out is None:
        return
    buffer = getattr(out, "buffer", None)
    if buffer is None or (getattr(out, "encoding", "") or "").lower().replace("-", "") == "utf8":
        out.write(text)  # already UTF-8, or a text-only stream (a test's capture)
        return
    out.flush()
    buffer.write(text.replace("\n", os.linesep).encode("utf-8") if os.name == "nt" else text.encode("utf-8"))
    buffer.flush()
