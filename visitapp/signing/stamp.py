"""The visible signature stamp: its text style and its font (Noto Sans, Polish letters included).

pyHanko's default stamp font has no Polish letters, and fonts at other sizes
than 1000 units per em are misplaced, so the stamp uses visitapp's own Latin
cut of Noto Sans, parsed once per process and subset per signature with
glyph ids kept (see :mod:`visitapp.pdf_fonts`); other scripts fall back to the
full face.
"""

from __future__ import annotations

import io
import threading
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle

from visitapp.i18n import _, gettext_for
from visitapp.pdf_fonts import STAMP_FILE, stamp_font_file, subset_keeping_ids
from visitapp.signing.errors import SigningError

STAMP_FONT_SIZE = 8

@cache
def _font_program(path: str) -> bytes:
    """A font file's bytes, read once per process."""
    return Path(path).read_bytes()


_parse_lock = threading.Lock()


@cache
def _parsed_font(path: str):
    """The stamp font parsed whole, once per process: fontTools font, HarfBuzz font, PostScript name.

    Everything is decompiled here, so that engines on other threads only read it.
    """
    import uharfbuzz as hb
    from fontTools import ttLib
    from pyhanko.pdf_utils.font.opentype import _read_ps_name

    with _parse_lock:
        raw = _font_program(path)
        tt = ttLib.TTFont(io.BytesIO(raw), lazy=False)
        tt.ensureDecompiled()
        tt.getGlyphOrder()
        return tt, hb.Font(hb.Face(raw)), _read_ps_name(tt)


@cache
def _stamp_engine_classes():  # pyHanko[opentype] is imported late: it is optional
    from pyhanko.pdf_utils.font.api import FontEngine
    from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator

    class StampFontFile(CIDFontType2):
        """The CID font of a stamp, its program cut by :func:`subset_keeping_ids` from the glyphs shaped."""

        def __init__(self, tt, base_ps_name: str, subset_prefix: str, path: str, glyphs: dict) -> None:
            super().__init__(tt, base_ps_name, subset_prefix)
            self._path = path
            self._glyphs = glyphs  # the engine's: glyph id -> (cid, width), filled while shaping

        def set_font_file(self, writer):
            program = subset_keeping_ids(_font_program(self._path), self._glyphs)
            stream = generic.StreamObject(
                {generic.NameObject("/Filter"): generic.NameObject("/FlateDecode"),
                 generic.NameObject("/Length1"): generic.NumberObject(len(program))},
                stream_data=program, encoded_data=zlib.compress(program))
            ref = writer.add_object(stream)
            self._font_descriptor[generic.NameObject("/FontFile2")] = ref
            return ref

    class StampFontEngine(GlyphAccumulator):
        """pyHanko's HarfBuzz engine with a faster subset of the same kind.

        pyHanko cuts a retain-GIDs subset of the font with fontTools and
        recompiles every glyph at each signature (most of a signature's cost
        here); :func:`subset_keeping_ids` copies the used glyphs' bytes
        instead.  Shaping, widths, ToUnicode and ActualText are pyHanko's own,
        so the stamp looks and copies the same.
        """

        def __init__(self, writer, path: str, font_size: int, obj_stream=None) -> None:
            # GlyphAccumulator.__init__ (pyHanko 0.38) for a TrueType font, but with the font parsed
            # once per process (it is only read from here on); test_stamp_engine_matches_pyhankos
            # notices when pyHanko's engine grows state that this one lacks.
            tt, hb_font, ps_name = _parsed_font(path)
            FontEngine.__init__(self, writer, ps_name, embedded_subset=True, obj_stream=obj_stream,
                                font_size=font_size)
            self.hb_font = hb_font
            self.tt = tt
            self._font_ref = writer.allocate_placeholder()
            self.cff_charset = None
            self.use_raw_gids = True
            self._glyphs: dict[int, tuple[int, int]] = {}
            self.cidfont_obj = StampFontFile(tt, ps_name, self.subset_prefix, path, self._glyphs)
            self.features = None
            self.units_per_em = tt["head"].unitsPerEm
            self._glyph_set = tt.getGlyphSet(preferCFF=True)
            self._cid_to_unicode: dict[int, str] = {}
            self._GlyphAccumulator__reverse_cmap = None
            self.ot_language_tag = self.ot_script_tag = None
            self.writing_direction = None
            self.bcp47_lang_code = None
            self._subset_created = self._write_prepared = False

        def _extract_subset(self, options=None) -> None:
            pass  # done in StampFontFile.set_font_file, without fontTools

    return StampFontEngine


@dataclass(frozen=True)
class _StampFontFactory(FontEngineFactory):
    font_file: str
    font_size: int

    def create_font_engine(self, writer, obj_stream=None):
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()
        return _stamp_engine_classes()(writer, self.font_file, self.font_size, obj_stream=obj_stream)


def _stamp_font(sample: str) -> FontEngineFactory:
    """The stamp's font engine: the small stamp font whole, or a subset of the full face for other scripts."""
    try:  # pyHanko[opentype]: HarfBuzz and fontTools, for the stamp's embedded font
        from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    except ImportError as err:
        raise SigningError(_("This installation lacks pyHanko's OpenType support (pyHanko[opentype]) needed "
                             "for the signature stamp.")) from err
    path = stamp_font_file(sample)
    if path.name == STAMP_FILE:
        return _StampFontFactory(str(path), STAMP_FONT_SIZE)
    # The full face keeps pyHanko's own subsetting (slow on its large layout tables, but rare).
    return GlyphAccumulatorFactory(str(path), font_size=STAMP_FONT_SIZE)


def stamp_style(lang: str, params: dict[str, str]) -> TextStampStyle:
    t = gettext_for(lang)
    lines = [
        t("Signed electronically by %(signer)s"),
        "%(institution)s",
        t("Date: %(ts)s"),
        t("Reason: %(reason)s"),
    ]
    sample = "\n".join(lines) % {"ts": "0123456789-: UTC", **params}
    return TextStampStyle(
        stamp_text="\n".join(lines),
        text_box_style=TextBoxStyle(font=_stamp_font(sample), font_size=STAMP_FONT_SIZE, leading=STAMP_FONT_SIZE + 2),
        # pyHanko formats its local signing time with this: the visit's time, already formatted, instead
        timestamp_format=params["ts"].replace("%", "%%"),
        border_width=1,
        background=None,
    )


