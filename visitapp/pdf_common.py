"""What the minutes (the renderer) and signing (the signer) share, so neither imports the other.

The name of the record attached to the PDF, and the page geometry.

The signer must put each visible stamp into a box of the signature block that
the renderer drew, without reading the page back: the block is always drawn at
the bottom of the last page, so its boxes have fixed page coordinates.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

#: The name of the exchange record attached to the minutes (minutes.embed writes it, signing checks it).
RECORD_NAME = "visit-record.json"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

SLOT_GAP = 14.0
SLOT_WIDTH = (FRAME_WIDTH - SLOT_GAP) / 2
SLOT_HEIGHT = 70.0
SLOT_BOTTOM = MARGIN_BOTTOM + 2
CAPTION_HEIGHT = 26.0
BLOCK_HEADING_HEIGHT = 24.0
#: Height the signature block takes at the bottom of the last page.
SIGNATURE_BLOCK_HEIGHT = SLOT_HEIGHT + CAPTION_HEIGHT + BLOCK_HEADING_HEIGHT + 4

#: Stamp boxes (x1, y1, x2, y2) on the last page, in signing order.
SIGNATURE_SLOTS: tuple[tuple[float, float, float, float], ...] = tuple(
    (
        round(MARGIN_LEFT + i * (SLOT_WIDTH + SLOT_GAP), 2),
        round(SLOT_BOTTOM, 2),
        round(MARGIN_LEFT + i * (SLOT_WIDTH + SLOT_GAP) + SLOT_WIDTH, 2),
        round(SLOT_BOTTOM + SLOT_HEIGHT, 2),
    )
    for i in range(2)
)
