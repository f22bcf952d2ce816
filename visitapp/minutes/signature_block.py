"""The signature block of the minutes, and the flowable that keeps it with the last content.

The minutes are rendered before anyone signs them, and a co-signature is added
later as an incremental signature that cannot change the page.  So the block
names what is to happen, never what has happened: "Prepared by" (the author,
who signs at export), "To be co-signed by" and "To be approved by" (a box of
its own, or a line to sign when both boxes are taken).  Its stamp boxes sit at the fixed page coordinates of
:data:`~visitapp.minutes.layout.SIGNATURE_SLOTS` at the bottom of the last
page, where the signer puts its stamps without reading the page back.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer
from reportlab.platypus.flowables import _listWrapOn

from visitapp.minutes import layout as L

RULE = colors.HexColor("#c5c9ce")
INK = colors.HexColor("#5f6368")

#: Height of the approver's own row (its caption, room to sign, the line and "date and signature" under it),
#: drawn above the stamp boxes when both boxes are taken (the author's and the co-signer's).
APPROVAL_ROW_HEIGHT = 62.0
#: Room left above a signing line for a hand signature, and the line's height above the hint under it.
LINE_ABOVE_HINT = 11.0

At = Callable[[float, float], tuple[float, float]]


class SignatureBlock(Flowable):
    """The signature boxes, drawn at the bottom of the page the block lands on.

    It takes its own height in the frame; whatever flows before it ends above that height, so the
    block can be drawn at the fixed page coordinates of the stamp boxes.  Kept with the last content
    by :class:`EndWithBlock`, it is always on the last page.

    ``captions``: the stamp boxes' captions, in signing order (the author's, then a co-signer's).
    ``approver``: the approver's caption: over the second box when it is free (where an approver's
    co-signature puts its stamp, or a hand signature goes on paper), else on a row of its own above the
    boxes with a line to sign.  ``hint``: the words under that line.
    """

    def __init__(self, heading: str, captions: list[str], style: ParagraphStyle, caption_style: ParagraphStyle,
                 approver: str = "", hint: str = ""):
        super().__init__()
        self.heading = heading
        self.captions = captions[:len(L.SIGNATURE_SLOTS)]
        self.style = style
        self.caption_style = caption_style
        self.approver = approver
        self.hint = hint

    @property
    def approval_row(self) -> bool:
        """Whether the approver needs a row of its own (both stamp boxes are taken)."""
        return bool(self.approver) and len(self.captions) >= len(L.SIGNATURE_SLOTS)

    def block_height(self) -> float:
        return L.SIGNATURE_BLOCK_HEIGHT + (APPROVAL_ROW_HEIGHT if self.approval_row else 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.block_height()
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        x0, y0 = canv.absolutePosition(0, 0)  # page coordinates of this flowable's origin

        def at(x: float, y: float) -> tuple[float, float]:
            return x - x0, y - y0

        captions_top = L.SLOT_BOTTOM + L.SLOT_HEIGHT + L.CAPTION_HEIGHT
        top = captions_top + (APPROVAL_ROW_HEIGHT if self.approval_row else 0.0)
        heading = Paragraph(self.heading, self.style)
        _, h = heading.wrap(L.FRAME_WIDTH, L.BLOCK_HEADING_HEIGHT)
        heading.drawOn(canv, *at(L.MARGIN_LEFT, top + L.BLOCK_HEADING_HEIGHT - h))
        canv.saveState()
        boxes = list(self.captions)
        if self.approver and not self.approval_row:
            # The free second box is the approver's: a co-signature's stamp lands there (the signer puts the
            # next signature in the next box), so it holds no line that a stamp would print over.
            boxes.append(self.approver)
        for (x1, y1, x2, y2), caption in zip(L.SIGNATURE_SLOTS, boxes, strict=False):
            self._caption(caption, x1, y2 + 2, x2 - x1, at)
            canv.setStrokeColor(RULE)
            canv.setDash(2, 2)
            canv.setLineWidth(0.6)
            canv.rect(*at(x1, y1), x2 - x1, y2 - y1, stroke=1, fill=0)
        canv.setDash()
        if self.approval_row:
            # Both boxes taken: a row of its own above the co-signer's box, with a line to sign.
            x1, _y1, x2, _y2 = L.SIGNATURE_SLOTS[-1]
            row_bottom = captions_top + 2
            self._caption(self.approver, x1, row_bottom + LINE_ABOVE_HINT + 28, x2 - x1, at)
            self._signing_line(x1, row_bottom, x2, at)
        canv.restoreState()

    def _caption(self, text: str, x: float, y: float, width: float, at: At) -> None:
        para = Paragraph(text, self.caption_style)
        para.wrap(width, L.CAPTION_HEIGHT)
        para.drawOn(self.canv, *at(x, y))

    def _signing_line(self, x1: float, bottom: float, x2: float, at: At) -> None:
        """A solid line to sign on, ``bottom`` being the foot of the hint under it."""
        canv = self.canv
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.5)
        canv.line(*at(x1, bottom + LINE_ABOVE_HINT), *at(x2, bottom + LINE_ABOVE_HINT))
        if self.hint:
            canv.setFillColor(INK)
            canv.setFont(self.caption_style.fontName, 7)
            canv.drawCentredString(*at((x1 + x2) / 2, bottom + 2), self.hint)


class EndWithBlock(Flowable):
    """The last content of the minutes followed by the signature block, never apart.

    The block must not fill a page alone: when the content and the block do not both fit in what is
    left of the page, the last of the content is split so that its end goes over with the block (a
    table keeps its header and at least its last row there), or, when it cannot be split, the whole
    moves to the next page.  Like reportlab's ``KeepTogether``, this flowable only ever splits into
    its parts.  ``content``: small flowables that stay together (a heading) and, last, the one that
    may be split (the action items' table).
    """

    def __init__(self, content: list[Flowable], block: SignatureBlock, gap: float = 8.0):
        super().__init__()
        self.content = list(content)
        self.block = block
        self.gap = gap

    def _parts(self) -> list[Flowable]:
        return [*self.content, Spacer(1, self.gap), self.block]

    def getSpaceBefore(self) -> float:  # reportlab's name
        return self.content[0].getSpaceBefore() if self.content else 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0xFFFFFF  # force a split, as KeepTogether does: the frame then places the parts

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", True))
        before = 0.0 if at_top else self.getSpaceBefore()
        _, need = _listWrapOn(self._parts(), avail_width, self.canv)
        if need + before <= avail_height or not self.content:
            return self._parts()
        *head, last = self.content
        _, content_height = _listWrapOn(self.content, avail_width, self.canv)
        _, last_height = last.wrapOn(self.canv, avail_width, avail_height)
        room = avail_height - before - (content_height - last_height)
        pieces = last.splitOn(self.canv, avail_width, min(room, last_height - 1)) if room > 0 else []
        if len(pieces) >= 2:
            return [*head, pieces[0], EndWithBlock(pieces[1:], self.block, self.gap)]
        if at_top:  # too tall for a page and no way to split it: let it flow as it can
            return self._parts()
        return []  # the whole to the next page
