"""Estimate how much room text takes in a table cell, so long periods can be split at page size."""

from __future__ import annotations

import math
from collections.abc import Sequence

from aidplan.render.layout import Cell
from aidplan.render.style import Profile


def text_ems(text: str) -> float:
    """Width in character widths (字): Chinese and full-width punctuation 1, Latin letters and digits about ½,
    plus the ¼ 字 gap Word and LibreOffice put between Chinese and Latin text (autoSpaceDE/DN)."""
    width, previous = 0.0, None
    for ch in text:
        latin = ord(ch) < 0x2000
        width += 0.55 if latin else 1.0
        if previous is not None and previous != latin and not ch.isspace():
            width += 0.25
        previous = latin
    return width


def line_count(text: str, width_pt: float, size_pt: float, padding_pt: float) -> int:
    # half a character less than the width allows: justification, unbreakable Latin runs (1.1@1-20)
    # and line-start rules (no ， at a line start) make real lines hold a little less
    per_line = max(1.0, math.floor((width_pt - 2 * padding_pt) / size_pt * 2) / 2 - 0.5)
    return max(1, math.ceil(text_ems(text) / per_line - 1e-9))


def column_widths(roles: Sequence[str], texts_by_role: dict[str, list[str]], profile: Profile) -> list[float]:
    """Widths in points: period, deadline and owner columns as wide as their content needs (within
    bounds), the task column takes the rest of the 版心."""
    size, pad = profile.cell_size, profile.cell_padding
    bounds = {"period": (3.0, 4.5), "deadline": (4.0, 5.5), "owner": (4.0, 7.0), "status": (4.5, 6.5)}
    widths: dict[str, float] = {}
    for role in roles:
        if role in bounds:
            low, high = bounds[role]
            ems = max((text_ems(t) for t in texts_by_role.get(role, [])), default=low)
            widths[role] = min(max(ems + 0.2, low), high) * size + 2 * pad
    widths["tasks"] = profile.text_width - sum(widths.values())
    return [round(widths[role], 2) for role in roles]


class RowHeights:
    """Estimated row heights in points for a table with the given column widths."""

    def __init__(self, widths: Sequence[float], profile: Profile) -> None:
        self.widths = list(widths)
        self.profile = profile

    def __call__(self, cells: Sequence[Cell]) -> float:
        profile = self.profile
        tallest = 0
        for cell, width in zip(cells, self.widths):
            lines = sum(line_count(p, width, profile.cell_size, profile.cell_padding) for p in cell.paragraphs)
            tallest = max(tallest, lines)
        return tallest * profile.cell_leading + 2 * profile.cell_padding_vertical + 1.0  # + border
