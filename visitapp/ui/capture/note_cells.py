"""What a note's row shows, formatted once per change of the note (not once per paint)."""

from __future__ import annotations

import dataclasses

from visitapp.clock import in_zone
from visitapp.services.dto import NoteInfo
from visitapp.ui.labels import kind_label, visibility_label, wall_time
from visitapp.ui.safe_text import plain_tooltip


@dataclasses.dataclass(frozen=True, slots=True)
class Shown:
    """A note's cells as shown, formatted once."""

    cells: tuple[str, str, str, str, str, str]
    time_tip: str
    text_tip: str | None

    @classmethod
    def of(cls, note: NoteInfo, author: str | None = None, zone_name: str | None = None) -> Shown:
        """``zone_name``: the visit's zone, whose clock the times are shown on (not the computer's)."""
        return cls(
            (wall_time(note.created_at, zone_name), kind_label(note.kind), note.text, ", ".join(note.tags),
             note.author if author is None else author,
             visibility_label(note.visibility)),
            in_zone(note.created_at, zone_name).isoformat(timespec="seconds"),
            plain_tooltip(note.text),  # typed or merged text: never rich text
        )
