"""The neutral document every reader produces: paragraphs and tables in reading order, each table a grid of cells
with their spans, each cell its paragraphs; numbers that Word prints but the text lacks are recovered."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aidplan.plan.invisible import without_invisible

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def invisible_removed(count: int) -> str:
    """What the import says of the invisible characters it removed."""
    from aidplan.messages import later

    return later(
        "删除了 {v0} 个看不见的零宽字符（如 U+200B）：它们夹在字词中间，“每月”“20日前”这样的字词就读不出来", v0=count
    )


@dataclass
class Paragraph:
    """One paragraph as printed: soft line breaks are "\\n"; `number` is Word's automatic number (1、, （1）, ①),
    printed before the text though the text does not hold it."""

    text: str
    number: str | None = None
    centred: bool = False
    right: bool = False  # aligned right, as a 落款 is
    heading: bool = False  # marked as a section heading by the file itself (Markdown's ##)

    @property
    def printed(self) -> str:
        return (self.number or "") + self.text


@dataclass(eq=False)  # a cell is itself, wherever it spans: compared and hashed by identity
class Cell:
    paragraphs: list[Paragraph]
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    tables: list[Table] = field(default_factory=list)  # tables nested in the cell

    @property
    def text(self) -> str:
        return "\n".join(p.printed for p in self.paragraphs)


@dataclass
class Table:
    """A grid of cells: `cells` holds each cell once, at its first row and column; `at(r, c)` finds the cell
    covering any position of the grid (a merged cell covers several)."""

    cells: list[Cell]
    rows: int
    columns: int
    caption: str | None = None  # the name it has in its file (a workbook's sheet: 春季)
    _grid: dict[tuple[int, int], Cell] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.column, cell.column + cell.colspan):
                    self._grid.setdefault((r, c), cell)

    def at(self, row: int, column: int) -> Cell | None:
        return self._grid.get((row, column))

    def row(self, index: int) -> list[Cell | None]:
        """The cells covering each column of row `index` (a cell spanning columns appears once per column)."""
        return [self.at(index, c) for c in range(self.columns)]

    @classmethod
    def from_rows(cls, rows: list[list[str]]) -> Table:
        """A table of plain cells, one paragraph per line of each text."""
        cells = [
            Cell([Paragraph(line) for line in text.split("\n")], r, c)
            for r, row in enumerate(rows)
            for c, text in enumerate(row)
        ]
        return cls(cells, len(rows), max((len(row) for row in rows), default=0))


Block = Paragraph | Table


@dataclass
class SourceDocument:
    """What a reader got out of one file: the blocks in reading order, what the file says of itself (a DOCX's
    author), the page and font facts that shape the print (`style`), and how it was read (`kind`)."""

    blocks: list[Block]
    kind: str  # Word 文档, Excel 工作表, CSV, 文本, Markdown
    author: str | None = None
    style: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the reader itself had to guess or leave out
    left_out: list[str] = field(default_factory=list)  # what the reader kept out of the plan (a web page's buttons)

    def without_controls(self) -> tuple[int, int]:
        """Removes the control characters a plan may not hold (U+0000 in a CSV, U+0007 from a Word copy; tabs
        and line breaks stay) and the invisible ones that split words (U+200B) from every paragraph; returns how
        many of each there were."""
        removed = invisible = 0

        def clean(paragraphs: list[Paragraph]) -> None:
            nonlocal removed, invisible
            for paragraph in paragraphs:
                text = _CONTROLS.sub("", paragraph.text)
                removed += len(paragraph.text) - len(text)
                text, count = without_invisible(text)
                invisible += count
                paragraph.text = text

        for block in self.blocks:
            if isinstance(block, Paragraph):
                clean([block])
                continue
            tables = [block]
            while tables:
                table = tables.pop()
                for cell in table.cells:
                    clean(cell.paragraphs)
                    tables += cell.tables
        return removed, invisible
