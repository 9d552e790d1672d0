"""Read spreadsheets into the neutral document: an .xlsx sheet with its merged cells (openpyxl), or a .csv file in
UTF-8 or GB18030. Text above the table (a title row merged across it) and below it stays in the grid, where the
recogniser finds it."""

from __future__ import annotations

import csv
import datetime as dt
import io

from aidplan.errors import AidplanError
from aidplan.ingest.document import Cell, Paragraph, SourceDocument, Table
from aidplan.messages import tr

MAX_CELLS = 200_000  # a plan has a few hundred; a sheet this large is not one


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")


def _table(rows: list[list[str]], merges: list[tuple[int, int, int, int]]) -> Table:
    """A grid of texts with merged ranges (first row, first column, last row, last column; 0-based)."""
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for top, left, bottom, right in merges:
        spans[(top, left)] = (bottom - top + 1, right - left + 1)
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    covered[(r, c)] = (top, left)
    width = max((len(row) for row in rows), default=0)
    cells = []
    for r, row in enumerate(rows):
        for c in range(width):
            if (r, c) in covered:
                continue
            text = row[c] if c < len(row) else ""
            rowspan, colspan = spans.get((r, c), (1, 1))
            paragraphs = [Paragraph(line) for line in text.split("\n")] or [Paragraph("")]
            cells.append(Cell(paragraphs, r, c, rowspan, colspan))
    return Table(cells, len(rows), width)


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Without the empty rows and columns around the table (a sheet's used range often reaches further)."""
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    width = max((i + 1 for row in rows for i, cell in enumerate(row) if cell.strip()), default=0)
    return [row[:width] for row in rows]


def read_xlsx(data: bytes, name: str) -> SourceDocument:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, ParseError…) for a damaged or password-protected file
        raise AidplanError(
            tr(
                "{name} 读不出来：Excel .xlsx 文件的内容不完整或已损坏，或设了打开密码；"
                "请在 Excel 或 WPS 里打开它（去掉密码），另存为 .xlsx 后再导入",
                name=name,
            )
        ) from None
    sheets = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"] or list(book.worksheets)
    if not sheets:
        raise AidplanError(tr("{name} 里没有工作表；计划要有一张“时间—工作内容”的表格", name=name))
    blocks = []
    for sheet in sheets:
        if sheet.max_row * sheet.max_column > MAX_CELLS:
            raise AidplanError(
                tr(
                    "{name} 的工作表“{title}”有 {max_row} 行 × {max_column} 列，不像是一份计划",
                    name=name,
                    title=sheet.title,
                    max_row=sheet.max_row,
                    max_column=sheet.max_column,
                )
            )
        rows = _trimmed([[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)])
        if not rows and len(sheets) > 1:
            continue  # an empty sheet of a workbook (Sheet2, Sheet3)
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in sheet.merged_cells.ranges]
        table = _table(rows, [m for m in merges if m[0] < len(rows)])
        table.caption = sheet.title
        blocks.append(table)
    return SourceDocument(blocks or [_table([], [])], "Excel 工作表")


def read_csv(data: bytes, name: str) -> SourceDocument:
    from aidplan.ingest.text import decode

    text = decode(data, name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = _trimmed([[cell for cell in row] for row in csv.reader(io.StringIO(text), dialect)])
    except csv.Error:  # a cell longer than the csv module allows (128 KB), which no plan has
        raise AidplanError(tr("{name} 里有一个单元格超过 128 KB，不像是一份计划；请检查文件", name=name)) from None
    # a CSV has no merged cells: a period written once above its tasks leaves the cells below it empty, which the
    # recogniser reads as the same period
    return SourceDocument([_table(rows, [])], "CSV 表格")
