"""The neutral document every reader produces: paragraphs and tables in reading order, each table a grid of cells
with their spans, each cell its paragraphs; numbers that Word prints but the text lacks are recovered."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# zero-width characters a web page or a 公众号 article puts inside words (每\u200b月 is no longer 每月 to a reader)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


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

    def without_controls(self, pattern: re.Pattern = _CONTROLS) -> int:
        """Removes the control characters a plan may not hold (U+0000 in a CSV, U+0007 from a Word copy; tabs
        and line breaks stay) from every paragraph — or what `pattern` matches; returns how many there were."""
        removed = 0

        def clean(paragraphs: list[Paragraph]) -> None:
            nonlocal removed
            for paragraph in paragraphs:
                text = pattern.sub("", paragraph.text)
                removed += len(paragraph.text) - len(text)
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
        return removed

    def without_zero_widths(self) -> int:
        """Removes the zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) a web page leaves inside
        words; returns how many there were."""
        return self.without_controls(_ZERO_WIDTH)
