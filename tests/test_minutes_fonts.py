"""The fast glyph-id-keeping subset of the stamp font, checked against fontTools' reading of the original."""

from __future__ import annotations

import io

from fontTools.pens.recordingPen import RecordingPen
from fontTools.ttLib import TTFont

from visitapp.minutes.fonts import STAMP_FILE, subset_keeping_ids
from visitapp.resources import resource_path


def _font(data: bytes) -> TTFont:
    return TTFont(io.BytesIO(data), checkChecksums=2)  # a wrong table checksum raises


def _outline(font: TTFont, name: str) -> list:
    pen = RecordingPen()
    font.getGlyphSet()[name].draw(pen)
    return pen.value


def test_subset_keeps_ids_and_the_outlines_asked_for_with_their_components():
    data = resource_path("fonts", STAMP_FILE).read_bytes()
    full = _font(data)
    cmap, order = full.getBestCmap(), full.getGlyphOrder()
    text = "Podpisano: Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ 0123456789-:"
    gids = {full.getGlyphID(cmap[ord(ch)]) for ch in text}
    sub = _font(subset_keeping_ids(data, gids))
    assert sub.getGlyphOrder() == order and sub["maxp"].numGlyphs == full["maxp"].numGlyphs
    assert "GPOS" not in sub and "GSUB" not in sub
    full_glyf, sub_glyf = full["glyf"], sub["glyf"]
    composites = [order[g] for g in gids if full_glyf[order[g]].isComposite()]
    assert composites  # Noto builds most Polish letters from components: they must come along
    for gid in gids:
        assert _outline(sub, order[gid]) == _outline(full, order[gid])
    kept = {n for n in order if sub_glyf[n].numberOfContours}
    assert len(kept) < len(order) / 2 and ".notdef" in kept
    assert sub["hmtx"].metrics == full["hmtx"].metrics  # widths unchanged
