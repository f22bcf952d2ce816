"""The embedded font family of the minutes and of the signature stamps.

Shared by :mod:`visitapp.minutes` (the pages) and :mod:`visitapp.signing` (the
stamps), so it sits above neither.

reportlab's standard fonts (Helvetica and friends) cannot show Polish letters;
Noto Sans can, and at 1000 units per em it also suits pyHanko's stamp layout
(other sizes misplace glyphs there).  Registration is done once per process.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import pairwise
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


# --- a fast TrueType subset for the signature stamps ---------------------------------------------

_DROPPED_TABLES = frozenset({b"GDEF", b"GPOS", b"GSUB", b"DSIG"})  # the PDF shows glyphs by id: no layout


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}L", data)) & 0xFFFFFFFF


@cache
def _glyf_font(font: bytes) -> tuple[dict[bytes, bytes], list[bytes]]:
    """The tables of a TrueType font (glyf/loca out) and its glyphs' bytes, by glyph id."""
    num_tables = struct.unpack_from(">H", font, 4)[0]
    tables = {}
    for i in range(num_tables):
        tag, _sum, offset, length = struct.unpack_from(">4sLLL", font, 12 + 16 * i)
        tables[tag] = font[offset:offset + length]
    long_loca = struct.unpack_from(">h", tables[b"head"], 50)[0] == 1
    loca = tables.pop(b"loca")
    offsets = (struct.unpack(f">{len(loca) // 4}L", loca) if long_loca
               else [2 * o for o in struct.unpack(f">{len(loca) // 2}H", loca)])
    glyf = tables.pop(b"glyf")
    return tables, [glyf[a:b] for a, b in pairwise(offsets)]


def _components(glyph: bytes) -> Iterator[int]:
    """Glyph ids a composite glyph is built from (none for a simple glyph)."""
    if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] >= 0:
        return
    pos, more = 10, True
    while more:
        flags, gid = struct.unpack_from(">HH", glyph, pos)
        yield gid
        pos += 4 + (4 if flags & 0x0001 else 2)  # ARG_1_AND_2_ARE_WORDS
        pos += 2 if flags & 0x0008 else 4 if flags & 0x0040 else 8 if flags & 0x0080 else 0  # the scale
        more = bool(flags & 0x0020)  # MORE_COMPONENTS


def subset_keeping_ids(font: bytes, gids: Iterable[int]) -> bytes:
    """``font`` (TrueType outlines) with every glyph but ``gids`` (and their components, and .notdef) emptied.

    Glyph ids stay as they are, which is what a CID font with an identity
    CIDToGIDMap needs (pyHanko subsets likewise, with fontTools, at about 25
    times the cost); the layout tables go, as in pyHanko's subset.
    """
    tables, glyphs = _glyf_font(font)
    keep, todo = set(), [0, *gids]
    while todo:
        gid = todo.pop()
        if gid not in keep and 0 <= gid < len(glyphs):
            keep.add(gid)
            todo.extend(_components(glyphs[gid]))
    glyf, loca = bytearray(), []
    for gid, glyph in enumerate(glyphs):
        loca.append(len(glyf))
        if gid in keep:
            glyf += glyph + b"\0" * (-len(glyph) % 4)
    loca.append(len(glyf))
    head = bytearray(tables[b"head"])
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    head[50:52] = struct.pack(">h", 1)  # long offsets in loca
    out = {tag: data for tag, data in tables.items() if tag not in _DROPPED_TABLES}
    out.update({b"head": bytes(head), b"glyf": bytes(glyf), b"loca": struct.pack(f">{len(loca)}L", *loca)})
    tags = sorted(out)
    n = len(tags)
    power = 1 << (n.bit_length() - 1)
    directory = bytearray(struct.pack(">LHHHH", 0x00010000, n, 16 * power, power.bit_length() - 1, 16 * (n - power)))
    body, offset = bytearray(), 12 + 16 * n
    for tag in tags:
        data = out[tag]
        directory += struct.pack(">4sLLL", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    result = bytearray(directory + body)
    head_at = 12 + 16 * n + sum(len(out[t]) + (-len(out[t]) % 4) for t in tags[:tags.index(b"head")])
    struct.pack_into(">L", result, head_at + 8, (0xB1B0AFBA - _checksum(bytes(result))) & 0xFFFFFFFF)
    return bytes(result)
