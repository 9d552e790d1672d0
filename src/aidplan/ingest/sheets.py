"""Read spreadsheets into the neutral document: an .xlsx sheet with its merged cells (openpyxl), or a .csv file in
UTF-8 or GB18030. Text above the table (a title row merged across it) and below it stays in the grid, where the
recogniser finds it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

from aidplan.errors import AidplanError
from aidplan.ingest.document import Cell, Paragraph, SourceDocument, Table
from aidplan.messages import later, tr

MAX_CELLS = 200_000  # a plan has a few hundred; a sheet this large is not one


def _date_text(value: dt.date, number_format: str) -> str | None:
    """A date cell as its number format shows it: yyyy"年"m"月"d"日" → 2026年3月31日, yyyy-mm-dd → 2026-04-30,
    m"月"d"日" → 3月31日, m"月" → 4月; None for the General format and formats it does not read."""
    fmt = re.sub(r"\[[^\]]*\]", "", number_format.split(";")[0])  # [$-804], [DBNum1] and colours are not shown
    if not re.search(r"[ymd]", fmt, re.IGNORECASE) or re.search(r"[hs]", fmt, re.IGNORECASE) or fmt == "General":
        return None  # m"月" shows the month alone; a format with hours or seconds is a time
    tokens = {
        "yyyy": f"{value.year:04d}",
        "yy": f"{value.year % 100:02d}",
        "mm": f"{value.month:02d}",
        "m": str(value.month),
        "dd": f"{value.day:02d}",
        "d": str(value.day),
    }
    out = []
    for part in re.findall(r'"[^"]*"|\\.|y+|m+|d+|[^"\\ymd]+', fmt, re.IGNORECASE):
        if part.startswith('"'):
            out.append(part[1:-1])
        elif part.startswith("\\"):
            out.append(part[1:])
        elif part[0].lower() in "ymd":
            key = part.lower()
            if key not in tokens:
                return None  # mmm (Mar), dddd (a weekday): not what a plan prints
            out.append(tokens[key])
        else:
            out.append(part.replace("@", ""))
    return "".join(out).strip() or None


# the ways of writing a date a plan reads (2026年3月31日, 3月31日, 4月, 2026-04-30, 2026/4/30, 2026.4.30)
_READABLE_DATE = re.compile(r"[年月日]|^[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}$")


def _text(value: object, number_format: str = "General", rewritten: dict[str, str] | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        shown = _date_text(value, number_format)
        if shown is not None and _READABLE_DATE.search(shown):
            return shown
        written = f"{value.month}月{value.day}日"
        if shown is not None and rewritten is not None:  # 03-20, 3/20, 20/03: shown so, written so a plan reads it
            rewritten.setdefault(shown, written)
        return written
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


def _below_the_table(rows: list[list[str]]) -> tuple[list[list[str]], list[Paragraph]]:
    """The rows of the table, and what a sheet prints under it as text: the 落款 (an office alone in its row over
    a date alone in the last row, in whatever column or merge — right-aligned as printed) and the 注 (the first
    cell of the last row, the others empty), as paragraphs after the table: a CSV or a sheet has no text outside
    its cells, and these are no tasks."""
    import re

    from aidplan.ingest.recognise import SIGNATURE_DATE, _organisation_line

    def alone(row: list[str]) -> str | None:
        texts = [cell.strip() for cell in row if cell.strip()]
        return texts[0] if len(texts) == 1 else None

    def blank(row: list[str]) -> bool:
        return not any(cell.strip() for cell in row)

    end, after = len(rows), []
    date = alone(rows[end - 1]) if end else None
    if date is not None and SIGNATURE_DATE.match(re.sub(r"\s+", "", date)):
        names, top = [], end - 1
        while top > 1 and (name := alone(rows[top - 1])) is not None and _organisation_line(name):
            names.insert(0, name)
            top -= 1
        if names:
            after = [Paragraph(text, right=True) for text in (*names, date)]
            end = top
    while end and blank(rows[end - 1]):
        end -= 1
    note = alone(rows[end - 1]) if end > 2 else None
    if note is not None and rows[end - 1][0].strip() == note and note.startswith("注"):
        after.insert(0, Paragraph(note))
        end -= 1
    while end and blank(rows[end - 1]):
        end -= 1
    return rows[:end], after


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    """Without the empty rows and columns around the table (a sheet's used range often reaches further)."""
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    width = max((i + 1 for row in rows for i, cell in enumerate(row) if cell.strip()), default=0)
    return [row[:width] for row in rows]


_MERGED = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _merged_block(data: bytes) -> tuple[str, int] | None:
    """The first merged range of a workbook too large for any plan (C10:XFD1048576: Excel merges whole columns
    and rows), read from the sheets' XML before openpyxl, which builds a cell for each cell a range covers."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = [n for n in package.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        for sheet in names:
            for found in _MERGED.finditer(package.read(sheet)):
                first, top, last, bottom = found.groups()
                cells = (abs(int(bottom) - int(top)) + 1) * (abs(_column_number(last) - _column_number(first)) + 1)
                if cells > MAX_CELLS:
                    return b"".join((first, top, b":", last, bottom)).decode(), cells
    except (zipfile.BadZipFile, KeyError, OSError):
        return None  # openpyxl names a damaged file
    return None


def read_xlsx(data: bytes, name: str) -> SourceDocument:
    from openpyxl import load_workbook

    block = _merged_block(data)
    if block is not None:
        raise AidplanError(
            tr(
                "{name} 里有一片合并单元格 {ref}，共 {cells} 格，不像是一份计划；"
                "请在 Excel 或 WPS 里取消这片合并，另存为 .xlsx 后再导入",
                name=name,
                ref=block[0],
                cells=block[1],
            )
        )
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
    formulas = _formulas(data)
    left_out: list[str] = []
    notes: list[str] = []
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
        rewritten: dict[str, str] = {}
        rows = _trimmed(
            [[_text(cell.value, cell.number_format, rewritten) for cell in row] for row in sheet.iter_rows()]
        )
        if rewritten:
            shown, written = next(iter(rewritten.items()))
            notes.append(
                later(
                    "工作表“{v0}”的 {v1} 个日期格显示为“{v2}”这样的写法，计划读不出，写作“{v3}”",
                    v0=sheet.title,
                    v1=len(rewritten),
                    v2=shown,
                    v3=written,
                )
            )
        for row, column in formulas.get(sheet.title, []):
            if row < len(rows) and not rows[row][column]:
                left_out.append(
                    later(
                        "工作表“{v0}”的 {v1} 格是公式，文件里没有存它算出的值（在 Excel 或 WPS 里打开并保存一次即可）",
                        v0=sheet.title,
                        v1=f"{_column_letter(column)}{row + 1}",
                    )
                )
        if not rows and len(sheets) > 1:
            continue  # an empty sheet of a workbook (Sheet2, Sheet3)
        rows, after = _below_the_table(rows)
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in sheet.merged_cells.ranges]
        last = len(rows) - 1
        table = _table(
            rows, [(top, left, min(bottom, last), right) for top, left, bottom, right in merges if top <= last]
        )
        table.caption = sheet.title
        blocks.append(table)
        blocks += after
    document = SourceDocument(blocks or [_table([], [])], "Excel 工作表")
    document.left_out = left_out
    document.notes += notes
    return document


def _formulas(data: bytes) -> dict[str, list[tuple[int, int]]]:
    """Where each sheet has a formula (row, column from 0): a file saved by a program that does not calculate
    keeps no value for them."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data))
    except Exception:  # read once already; a second reading that fails only loses this check
        return {}
    return {
        sheet.title: [
            (cell.row - 1, cell.column - 1)
            for row in sheet.iter_rows()
            for cell in row
            if isinstance(cell.value, str) and cell.value.startswith("=")
        ]
        for sheet in book.worksheets
    }


def _column_letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column + 1)


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
    rows, after = _below_the_table(rows)
    return SourceDocument([_table(rows, []), *after], "CSV 表格")
