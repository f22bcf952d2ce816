"""Page geometry of the minutes: it lives in :mod:`visitapp.pdf_common` (the signer puts its stamps there too)."""

from __future__ import annotations

from visitapp.pdf_common import (
    BLOCK_HEADING_HEIGHT,
    CAPTION_HEIGHT,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SIGNATURE_BLOCK_HEIGHT,
    SIGNATURE_SLOTS,
    SLOT_BOTTOM,
    SLOT_GAP,
    SLOT_HEIGHT,
    SLOT_WIDTH,
)

__all__ = [
    "BLOCK_HEADING_HEIGHT", "CAPTION_HEIGHT", "FRAME_HEIGHT", "FRAME_WIDTH", "MARGIN_BOTTOM", "MARGIN_LEFT",
    "MARGIN_RIGHT", "MARGIN_TOP", "PAGE_HEIGHT", "PAGE_WIDTH", "SIGNATURE_BLOCK_HEIGHT", "SIGNATURE_SLOTS",
    "SLOT_BOTTOM", "SLOT_GAP", "SLOT_HEIGHT", "SLOT_WIDTH",
]
