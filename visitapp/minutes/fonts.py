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

#: Noto Sans Regular cut down to Latin with every Polish letter (see :func:`make_stamp_font`).
#: pyHanko subsets the stamp font at every signature, and on the full font that
#: alone takes about 0.25 s (its layout tables are large); on this one, a few ms.
STAMP_FILE = "NotoSans-Stamp.ttf"
STAMP_UNICODES = (
    [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2027), 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122]
)


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


@cache
def _stamp_codepoints() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(resource_path("fonts", STAMP_FILE)), lazy=True) as font:
        return frozenset(font.getBestCmap())


def stamp_font_file(text: str) -> Path:
    """The small stamp font when it has every character of ``text``, else the full regular face."""
    if all(ord(ch) in _stamp_codepoints() for ch in text if ch not in "\n\r\t"):
        return resource_path("fonts", STAMP_FILE)
    return font_file(REGULAR)


def make_stamp_font(source: Path, target: Path) -> None:
    """Write the stamp font (``python -m visitapp.minutes.fonts``): Latin subset, no layout tables, no hinting."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []  # no kerning: layout tables are what makes subsetting slow
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence
    options.name_languages = [0x409]
    options.notdef_outline = True
    font = TTFont(str(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=STAMP_UNICODES)
    subsetter.subset(font)
    font.save(str(target))


if __name__ == "__main__":
    make_stamp_font(font_file(REGULAR), resource_path("fonts", STAMP_FILE))
