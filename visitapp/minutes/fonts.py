"""The font family of the minutes: it lives in :mod:`visitapp.pdf_fonts` (shared with signing's stamps)."""

from __future__ import annotations

from visitapp.pdf_fonts import (
    BOLD,
    BOLD_ITALIC,
    FAMILY,
    FILES,
    ITALIC,
    REGULAR,
    STAMP_FILE,
    STAMP_UNICODES,
    font_file,
    make_stamp_font,
    register_fonts,
    stamp_font_file,
    subset_keeping_ids,
)

__all__ = [
    "BOLD", "BOLD_ITALIC", "FAMILY", "FILES", "ITALIC", "REGULAR", "STAMP_FILE", "STAMP_UNICODES", "font_file",
    "make_stamp_font", "register_fonts", "stamp_font_file", "subset_keeping_ids",
]

if __name__ == "__main__":  # python -m visitapp.minutes.fonts remakes the stamp font (see resources/fonts/OFL.txt)
    from visitapp.resources import resource_path

    make_stamp_font(font_file(REGULAR), resource_path("fonts", STAMP_FILE))
