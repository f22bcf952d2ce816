"""The embedded font family of the minutes and of the signature stamps.

reportlab's standard fonts (Helvetica and friends) cannot show Polish letters;
Noto Sans can, and at 1000 units per em it also suits pyHanko's stamp layout
(other sizes misplace glyphs there).  Registration is done once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from visitapp.resources import resource_path

FAMILY = "NotoSans"
FILES = {
    FAMILY: "NotoSans-Regular.ttf",
    f"{FAMILY}-Bold": "NotoSans-Bold.ttf",
    f"{FAMILY}-Italic": "NotoSans-Italic.ttf",
    f"{FAMILY}-BoldItalic": "NotoSans-BoldItalic.ttf",
}
REGULAR, BOLD, ITALIC, BOLD_ITALIC = FILES


def font_file(name: str = FAMILY) -> Path:
    """Path of one face of the family, found through the resources folder."""
    return resource_path("fonts", FILES[name])


@cache
def register_fonts() -> str:
    """Register the family with reportlab (once); returns the regular face's name."""
    for name in FILES:
        pdfmetrics.registerFont(TTFont(name, str(font_file(name))))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    # <b>/<i> inside paragraphs resolve through these mappings.
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return REGULAR
