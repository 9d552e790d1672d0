"""The official page and font profile (GB/T 9704-2012 numbers) as data, with a plan's few overrides."""

from __future__ import annotations

from dataclasses import dataclass, replace

from aidplan.plan.kinds import FONT_SIZES
from aidplan.plan.model import Plan, StyleOverrides


@dataclass(frozen=True)
class Margins:
    top: float  # millimetres
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class Profile:
    """Every number of the printed attachment. Portrait A4 with the std's 版心 156 × 225 mm by default."""

    page_width: float = 210.0  # mm, portrait
    page_height: float = 297.0
    portrait_margins: Margins = Margins(top=37, bottom=35, left=28, right=26)  # std 5.2.1: 天头 37, 订口 28
    # std §8, table set landscape: the 订口 (28) is now at the top; 版心 225 wide × 156 high.
    landscape_margins: Margins = Margins(top=28, bottom=26, left=35, right=37)
    orientation: str = "portrait"
    body_font: str = "仿宋_GB2312"  # 3号 仿宋 (std 5.2.2)
    title_font: str = "方正小标宋简体"  # 2号 小标宋 (practice for 附件 titles)
    label_font: str = "黑体"  # "附件" label: 3号 黑体 (std 7.3.7)
    header_font: str = "黑体"  # table header row
    # section headings outside the table, by level (std 7.3.3: 一、 黑体, （一） 楷体, 1. and （1） 仿宋)
    heading_fonts: tuple[str, str, str, str] = ("黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312")
    page_number_font: str = "宋体"  # 4号 半角 宋体 (std 7.5)
    latin_font: str | None = None  # None: Latin text and digits in the same face as the Chinese
    body_size: float = 16.0  # 三号
    title_size: float = 22.0  # 二号
    label_size: float = 16.0  # 三号
    cell_size: float = 14.0  # 四号 (std silent; practice 四号 仿宋)
    page_number_size: float = 14.0  # 四号
    body_line_pitch: float = 28.95  # pt: 22 lines fill the 225 mm 版心 exactly (579 twips)
    cell_line_spacing: float | None = None  # pt, exact; None: 1.4 × cell size + 0.4 (20 pt for 四号)
    cell_char_spacing: float = 0.0  # pt added after every character of table text (w:spacing); 0: none
    cell_padding: float = 5.4  # pt left and right (Word's default 108 twips)
    cell_padding_vertical: float = 2.0  # pt above and below the text of a cell
    border_size: int = 4  # eighths of a point: 0.5 pt single black lines
    footer_distance: float = 25.0  # mm from the paper edge: puts the — 1 — line ≈ 7 mm below the 版心
    page_number_indent: float = 14.0  # pt: one 4号 character in from the edge (std 7.5)
    page_number_start: int = 1

    @property
    def margins(self) -> Margins:
        return self.landscape_margins if self.orientation == "landscape" else self.portrait_margins

    @property
    def grid_height(self) -> float:
        """Points of the 版心 that LibreOffice fills: with the document grid (w:docGrid type lines) it trims the
        body to whole grid lines, 22 × 28.95 = 636.9 pt of 637.8 in portrait, 15 × 28.95 = 434.25 pt of 442.2 in
        landscape (where a row the plan put at a page's foot, with 3.7 pt to spare, went to the next page)."""
        return int(self.text_height / self.body_line_pitch + 1e-6) * self.body_line_pitch

    @property
    def footer_edge(self) -> float:
        """mm from the paper's bottom edge to the page-number line: as far below the 版心 in landscape (bottom
        margin 26 mm) as in portrait (35 mm), not inside the 版心 (LibreOffice then shortened the body by the
        footer's overlap, and the page plan's last row or 注 went to a page of its own)."""
        return self.footer_distance - (self.portrait_margins.bottom - self.margins.bottom)

    @property
    def paper(self) -> tuple[float, float]:
        """(width, height) in mm in reading orientation."""
        if self.orientation == "landscape":
            return self.page_height, self.page_width
        return self.page_width, self.page_height

    @property
    def text_width(self) -> float:
        """Width of the 版心 in points."""
        return (self.paper[0] - self.margins.left - self.margins.right) * 72 / 25.4

    @property
    def text_height(self) -> float:
        """Height of the 版心 in points."""
        return (self.paper[1] - self.margins.top - self.margins.bottom) * 72 / 25.4

    @property
    def border_width(self) -> float:
        """Points one table border line adds to every row."""
        return self.border_size / 8

    @property
    def title_pitch(self) -> float:
        """Exact line spacing of the title: one body line, or more for a title face taller than that."""
        return max(self.body_line_pitch, self.title_size * 1.3)

    @property
    def cell_leading(self) -> float:
        return self.cell_line_spacing if self.cell_line_spacing is not None else round(self.cell_size * 1.4 + 0.4, 1)


OFFICIAL = Profile()


def profile_for(plan: Plan, orientation: str | None = None, shared: StyleOverrides | None = None) -> Profile:
    """The official profile with the overrides applied: the project config's style (`shared`), then the plan's
    own, then a command-line orientation; each one wins over the one before."""
    style = plan.style
    if shared is not None:
        style = StyleOverrides(**{**shared.model_dump(exclude_none=True), **style.model_dump(exclude_none=True)})
    changes: dict[str, object] = {}
    if style.cell_font_size is not None:
        changes["cell_size"] = float(FONT_SIZES[style.cell_font_size])
    if style.line_spacing is not None:
        changes["cell_line_spacing"] = style.line_spacing
    if style.page_number_start is not None:
        changes["page_number_start"] = style.page_number_start
    chosen = orientation or style.orientation
    if chosen is not None:
        changes["orientation"] = chosen
    return replace(OFFICIAL, **changes)
