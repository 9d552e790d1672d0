"""How tall a table row prints: lines of each cell (from the width rules) × the exact line spacing, plus the
cell margins and the border; and how wide each column is."""

from __future__ import annotations

from collections.abc import Sequence

from aidplan.render.layout import Cell, TableLayout
from aidplan.render.style import Profile
from aidplan.render.widths import break_lines, text_width


def column_widths(roles: Sequence[str], texts_by_role: dict[str, list[str]], profile: Profile) -> list[float]:
    """Widths in points: period, deadline and owner columns as wide as their content needs (within
    bounds), the task column takes the rest of the 版心."""
    size, pad = profile.cell_size, profile.cell_padding
    bounds = {"period": (3.0, 4.5), "deadline": (4.0, 5.5), "owner": (4.0, 7.0), "status": (4.5, 6.5)}
    widths: dict[str, float] = {}
    for role in roles:
        if role in bounds:
            low, high = bounds[role]
            ems = max(
                (
                    text_width(t, size, profile.body_font, profile.cell_char_spacing) / size
                    for t in texts_by_role.get(role, [])
                ),
                default=low,
            )
            widths[role] = min(max(ems + 0.2, low), high) * size + 2 * pad
    widths["tasks"] = profile.text_width - sum(widths.values())
    return [round(widths[role], 2) for role in roles]


# the bounds of each role's width in ems of the cell size, in a table of listed columns (the task column takes
# the rest): a 序号 column as wide as 序号, a group column as wide as its longest label (第十一周) …
ROLE_BOUNDS = {
    "group": (2.0, 5.0),
    "number": (2.2, 2.5),
    "owner": (4.0, 6.5),
    "time": (4.0, 6.5),
    "deadline": (4.0, 6.0),
    "free": (3.0, 6.0),
}
TASK_SHARE = 0.35  # the task column keeps at least this share of the 版心; the others give way, free ones first
MIN_TASK_EMS = 10.0


def listed_widths(
    roles: Sequence[str], headers: Sequence[Sequence[str]], texts: Sequence[Sequence[str]], profile: Profile
) -> list[float]:
    """Widths in points of a table of listed columns: each column as wide as its longest text needs (its header
    lines count too) within its role's bounds, the task column the rest of the 版心. Where that leaves the
    tasks too little, free columns (月主题, 备注) wrap first, down to their lower bound, then owner and group
    columns, then the rest (time and deadline cells, 序号)."""
    size, pad, spacing = profile.cell_size, profile.cell_padding, profile.cell_char_spacing
    widths: list[float | None] = []
    lows: list[float] = []
    for role, header, column in zip(roles, headers, texts):
        if role == "task":
            widths.append(None)
            lows.append(0.0)
            continue
        low, high = ROLE_BOUNDS[role]
        ems = max(
            [text_width(t, size, profile.body_font, spacing) / size for t in column]
            + [text_width(t, size, profile.header_font, spacing) / size for t in header],
            default=low,
        )
        widths.append(min(max(ems + 0.2, low), high) * size + 2 * pad)
        lows.append(low * size + 2 * pad)
    least = max(MIN_TASK_EMS * size + 2 * pad, TASK_SHARE * profile.text_width)
    for yielding in (("free",), ("owner", "group"), tuple(ROLE_BOUNDS)):  # dates and 序号 wrap last
        others = sum(w for w in widths if w is not None)
        want = least - (profile.text_width - others)
        excess = sum(w - low for w, low, r in zip(widths, lows, roles) if w is not None and r in yielding)
        if want <= 0 or excess <= 0:
            continue
        cut = min(1.0, want / excess)
        widths = [
            w - (w - low) * cut if w is not None and role in yielding else w
            for w, low, role in zip(widths, lows, roles)
        ]
    others = sum(w for w in widths if w is not None)
    return [round(w if w is not None else profile.text_width - others, 2) for w in widths]


def layout_widths(layout: TableLayout, profile: Profile) -> list[float]:
    """Column widths of a layout: the same for a layout and for the same table split at page ends."""
    if layout.general:
        return listed_widths(
            [column.role for column in layout.columns],
            [[column.header, column.sub or ""] for column in layout.columns],
            [[p for row in layout.rows for p in row.cells[i].paragraphs] for i in range(len(layout.columns))],
            profile,
        )
    texts = {
        column.role: [p for row in layout.rows for p in row.cells[i].paragraphs]
        for i, column in enumerate(layout.columns)
    }
    return column_widths([column.role for column in layout.columns], texts, profile)  # headers may wrap


class RowHeights:
    """Row heights in points, as LibreOffice and Word lay out a row of exact-spaced cell paragraphs:
    the tallest cell's lines × line spacing, plus the cell margins above and below and one border line."""

    def __init__(self, widths: Sequence[float], profile: Profile, font: str | None = None) -> None:
        self.widths = list(widths)
        self.profile = profile
        self.font = font or profile.body_font
        self._lines: dict[tuple[str, float], int] = {}

    def lines(self, text: str, width: float) -> int:
        key = (text, width)
        found = self._lines.get(key)
        if found is None:
            profile = self.profile
            found = len(
                break_lines(
                    text, width - 2 * profile.cell_padding, profile.cell_size, self.font, profile.cell_char_spacing
                )
            )
            self._lines[key] = found
        return found

    def cell_lines(self, cells: Sequence[Cell]) -> int:
        return max(
            (
                sum(self.lines(p, width) for p in cell.paragraphs)
                for cell, width in zip(cells, self.widths)
                if not cell.continues
            ),
            default=1,
        )

    def __call__(self, cells: Sequence[Cell]) -> float:
        profile = self.profile
        return self.cell_lines(cells) * profile.cell_leading + 2 * profile.cell_padding_vertical + profile.border_width
