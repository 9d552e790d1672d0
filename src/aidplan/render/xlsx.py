"""The 台账 as an Excel workbook staff fill in: a sheet per plan (plus a summary for several), the status as a
drop-down, overdue rows coloured by a formula on TODAY(), plan text locked, printed A4 landscape (pure:
data in, bytes out)."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from dataclasses import dataclass

from aidplan.plan.owners import split_owners
from aidplan.track.statuses import OPEN_STATUSES, STATUS_NAMES
from aidplan.track.tracking import UNASSIGNED, PlanStatus
from aidplan.track.workbook import (
    COLUMN_LETTER,
    COLUMNS,
    DATE_FORMAT,
    EDITABLE,
    META_HEADER,
    META_SHEET,
    ROWS_HEADER,
    ROWS_SHEET,
    editable_fingerprint,
    exported_cells,
)

FONT = "宋体"  # in every Chinese Office and WPS; Excel's default Calibri has no Chinese glyphs
FONT_SIZE = 11
LINE_HEIGHT = 15.0  # points per line of 11 pt text, as Excel lays it out
# column widths in Excel units (about one Latin digit; a Chinese character takes two)
WIDTHS = {
    "id": 10,
    "period": 14,
    "text": 56,
    "owner": 14,
    "deadline": 12,
    "status": 11,
    "date": 12,
    "by": 10,
    "note": 28,
}
WRAPPED = ("period", "text", "owner", "note")
SUMMARY_SHEET = "汇总"
OWNER_SHEET = "按责任单位"
FORMULA_LIMIT = 8000  # Excel refuses formulas longer than 8192 characters
OVERDUE_FILL = "FFC7CE"  # Excel's own "light red fill" preset
OVERDUE_FONT = "9C0006"
SOON_FILL = "FFEB9C"  # Excel's "yellow fill"
DONE_FONT = "006100"
HEADER_FILL = "D9D9D9"
SOON_DAYS = 7


@dataclass(frozen=True)
class LedgerSheet:
    name: str  # the worksheet's name
    status: PlanStatus
    plan_ref: str  # the plan's path relative to the workbook's folder
    plan_from_cwd: str  # the plan's path as given


def display_width(text: str) -> int:
    from aidplan.render.widths import display_width as columns

    return columns(text, ambiguous=2)


def _lines(text: str, width: int) -> int:
    return sum(max(1, math.ceil(display_width(part) / max(1, width - 1))) for part in (text or "").split("\n"))


def sheet_name(stem: str, taken: set[str]) -> str:
    """An Excel sheet name from a plan file's name: at most 31 characters, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", "_", stem).strip("'") or "计划"
    base = base[:31]
    name, number = base, 2
    reserved = {n.lower() for n in (SUMMARY_SHEET, META_SHEET, ROWS_SHEET)}
    while name.lower() in {t.lower() for t in taken} or name.lower() in reserved:
        suffix = f"_{number}"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name


def ledger_workbook(sheets: list[LedgerSheet], today: dt.date) -> bytes:
    """The workbook: a summary sheet first when there are several plans, a sheet per plan, and the very
    hidden sheet that tells `aidplan progress import` which plan each sheet belongs to."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    if len(sheets) > 1:
        _summary_sheet(book, sheets, today)
    written = [_plan_sheet(book, sheet, today) for sheet in sheets]
    if any(sheet.status.owner_breakdown for sheet in sheets):
        _owner_sheet(book, sheets, today)
    meta = book.create_sheet(META_SHEET)
    meta.append(META_HEADER)
    for sheet, rows in zip(sheets, written):
        meta.append(
            (
                sheet.name,
                sheet.plan_ref,
                sheet.plan_from_cwd,
                sheet.status.title,
                editable_fingerprint(rows),
                today.isoformat(),
            )
        )
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    # each row's editable cells as exported: import records only the rows whose cells differ from these
    exported = book.create_sheet(ROWS_SHEET)
    exported.append(ROWS_HEADER)
    for sheet, rows in zip(sheets, written):
        for values in rows:
            exported.append((sheet.name, str(values["id"]), *exported_cells(values)))
    exported.sheet_state = "veryHidden"
    exported.protection.sheet = True
    stamp = dt.datetime(today.year, today.month, today.day)
    book.properties.creator = "aidplan"
    book.properties.created = book.properties.modified = stamp
    book.properties.title = sheets[0].status.title + "完成情况" if len(sheets) == 1 else "工作计划完成情况"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="000000")
    return {
        "font": Font(name=FONT, size=FONT_SIZE),
        "header_font": Font(name=FONT, size=FONT_SIZE, bold=True),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="center"),
        "centre": Alignment(horizontal="center", vertical="center", wrap_text=True),
    }


def _header_cell(cell, styles: dict) -> None:
    """A header cell of either sheet: bold on a tinted fill, bordered, centred."""
    cell.font, cell.fill, cell.border, cell.alignment = (
        styles["header_font"],
        styles["header_fill"],
        styles["border"],
        styles["centre"],
    )


def _print_setup(ws, title: str, header_rows: str = "1:1") -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as the rows need, one page wide
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddHeader.center.text = title.replace("&", "&&")
    ws.oddHeader.center.size = 12
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _plan_sheet(book, sheet: LedgerSheet, today: dt.date) -> list[dict[str, object]]:
    """The plan's sheet; returns its rows' cells as written."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    styles = _styles()
    ws = book.create_sheet(sheet.name)
    keys = [key for key, _ in COLUMNS]
    ws.append([header for _, header in COLUMNS])
    for column, key in enumerate(keys, start=1):
        _header_cell(ws.cell(1, column), styles)
        ws.column_dimensions[COLUMN_LETTER[key]].width = WIDTHS[key]
    ws.row_dimensions[1].height = LINE_HEIGHT * 1.4
    unlocked = Protection(locked=False)
    written: list[dict[str, object]] = []
    for item, state, record, _overdue in sheet.status.rows:
        values = {
            "id": item.id,
            "period": item.period,
            "text": item.text,
            "owner": item.owner or "",
            "deadline": item.deadline,
            "status": STATUS_NAMES[state],
            "date": record.date if record else None,
            "by": record.by if record else None,
            "note": record.note if record else None,
        }
        ws.append([values[key] for key in keys])
        written.append(values)
        row = ws.max_row
        for column, key in enumerate(keys, start=1):
            cell = ws.cell(row, column)
            cell.font, cell.border = styles["font"], styles["border"]
            cell.alignment = styles["wrap"] if key in WRAPPED else styles["centre"]
            if key in ("deadline", "date"):
                cell.number_format = DATE_FORMAT
            if key in EDITABLE:
                cell.protection = unlocked
        # Excel does not grow rows to wrapped text on opening a file, so give each row its height
        lines = max(_lines(str(values[key] or ""), WIDTHS[key]) for key in WRAPPED)
        ws.row_dimensions[row].height = LINE_HEIGHT * lines + 3
    last = max(ws.max_row, 2)
    # empty rows below the items stay editable too, so a row typed there is reported rather than refused
    area = f"A2:{COLUMN_LETTER['note']}{last}"
    status_col, deadline_col = COLUMN_LETTER["status"], COLUMN_LETTER["deadline"]

    names = ",".join(STATUS_NAMES.values())
    status_list = DataValidation(
        type="list",
        formula1=f'"{names}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="完成情况",
        error=f"请从下拉列表里选：{names.replace(',', '、')}",
        showInputMessage=True,
        promptTitle="完成情况",
        prompt="从下拉列表里选",
    )
    status_list.add(f"{status_col}2:{status_col}{last}")
    date_hint = DataValidation(
        showInputMessage=True, promptTitle="日期", prompt="完成或状态改变的日期，如 2020-05-20；空着表示导入那天"
    )
    date_hint.add(f"{COLUMN_LETTER['date']}2:{COLUMN_LETTER['date']}{last}")
    ws.add_data_validation(status_list)
    ws.add_data_validation(date_hint)

    open_names = [STATUS_NAMES[status] for status in OPEN_STATUSES] + [""]  # an empty cell is still todo
    open_item = "OR(" + ",".join(f'${status_col}2="{name}"' for name in open_names) + ")"
    has_deadline = f"ISNUMBER(${deadline_col}2)"
    ws.conditional_formatting.add(
        area,
        FormulaRule(
            formula=[f"AND({has_deadline},${deadline_col}2<TODAY(),{open_item})"],
            fill=PatternFill("solid", bgColor=OVERDUE_FILL),
            font=Font(color=OVERDUE_FONT),
            stopIfTrue=True,
        ),
    )
    ws.conditional_formatting.add(
        area,
        FormulaRule(
            formula=[f"AND({has_deadline},${deadline_col}2-TODAY()<={SOON_DAYS},{open_item})"],
            fill=PatternFill("solid", bgColor=SOON_FILL),
            stopIfTrue=True,
        ),
    )
    ws.conditional_formatting.add(
        area,
        FormulaRule(formula=[f'${status_col}2="{STATUS_NAMES["done"]}"'], font=Font(color=DONE_FONT)),
    )
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{COLUMN_LETTER['note']}{last}"
    # the plan's own cells are locked; filters and sorting stay usable, no password (it guards mistakes)
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False
    _print_setup(ws, f"{sheet.status.title}完成情况（{today.year}年{today.month}月{today.day}日）")
    return written


def _summary_sheet(book, sheets: list[LedgerSheet], today: dt.date) -> None:
    """Counts by formula over each plan's sheet, so they follow what staff fill in."""
    styles = _styles()
    ws = book.create_sheet(SUMMARY_SHEET)
    headers = ("计划", "工作表", "总数", STATUS_NAMES["done"], "完成率", "逾期未完成", STATUS_NAMES["dropped"])
    ws.append(headers)
    for column, width in enumerate((44, 16, 8, 8, 9, 11, 8), start=1):
        _header_cell(ws.cell(1, column), styles)
        ws.column_dimensions[chr(ord("A") + column - 1)].width = width
    status_col, deadline_col, id_col = COLUMN_LETTER["status"], COLUMN_LETTER["deadline"], COLUMN_LETTER["id"]
    for sheet in sheets:
        ref = "'" + sheet.name.replace("'", "''") + "'!"
        status = f"{ref}${status_col}:${status_col}"
        deadline = f"{ref}${deadline_col}:${deadline_col}"
        row = ws.max_row + 1
        dropped = f'COUNTIF({status},"{STATUS_NAMES["dropped"]}")'
        ws.append(
            (
                sheet.status.title,
                sheet.name,
                f"=COUNTA({ref}${id_col}:${id_col})-1-{dropped}",
                f'=COUNTIF({status},"{STATUS_NAMES["done"]}")',
                f"=IF(C{row}=0,1,D{row}/C{row})",
                f'=COUNTIFS({deadline},"<"&TODAY(),{status},"{STATUS_NAMES["todo"]}")'
                f'+COUNTIFS({deadline},"<"&TODAY(),{status},"{STATUS_NAMES["doing"]}")',
                f"={dropped}",
            )
        )
        for column in range(1, len(headers) + 1):
            cell = ws.cell(row, column)
            cell.font, cell.border = styles["font"], styles["border"]
            cell.alignment = styles["wrap"] if column == 1 else styles["centre"]
        ws.cell(row, 5).number_format = "0%"
        ws.row_dimensions[row].height = LINE_HEIGHT * _lines(sheet.status.title, 44) + 3
    ws.freeze_panes = "A2"
    _print_setup(ws, f"工作计划完成情况（{today.year}年{today.month}月{today.day}日）")


def _owner_rows(status: PlanStatus) -> dict[str, list[int]]:
    """Each owner of the plan (in the order of status.owners) with the sheet rows of its items: a row whose
    owner cell names two owners (学生处、团委) is one of each one's rows."""
    rows: dict[str, list[int]] = {owner.name: [] for owner in status.owners}
    for row, (item, _state, _record, _overdue) in enumerate(status.rows, start=2):
        for owner in split_owners(item.owner) or (UNASSIGNED,):
            rows.setdefault(owner, []).append(row)
    return rows


def _owner_sheet(book, sheets: list[LedgerSheet], today: dt.date) -> None:
    """Done / total per owner of each plan, by formula over the plan's sheet (its status cells, which staff fill
    in), so a task of 学生处、团委 counts for each of them as in `status`. The rows of each owner are fixed when the
    workbook is written: the owner cells are locked."""
    styles = _styles()
    ws = book.create_sheet(OWNER_SHEET)
    done, dropped = str(STATUS_NAMES["done"]), str(STATUS_NAMES["dropped"])
    todo, doing = str(STATUS_NAMES["todo"]), str(STATUS_NAMES["doing"])
    headers = ("计划", "责任单位", "总数", done, "完成率", "逾期未完成", dropped)
    ws.append(headers)
    for column, width in enumerate((36, 20, 8, 8, 9, 11, 8), start=1):
        _header_cell(ws.cell(1, column), styles)
        ws.column_dimensions[chr(ord("A") + column - 1)].width = width
    status_col, deadline_col = COLUMN_LETTER["status"], COLUMN_LETTER["deadline"]
    for sheet in sheets:
        if not sheet.status.owner_breakdown:
            continue
        ref = "'" + sheet.name.replace("'", "''") + "'!"
        last = max(len(sheet.status.rows) + 1, 2)
        states = f"{ref}${status_col}$2:${status_col}${last}"
        deadlines = f"{ref}${deadline_col}$2:${deadline_col}${last}"
        tallies = {tally.name: tally for tally in sheet.status.owners}
        for owner, rows in _owner_rows(sheet.status).items():
            row = ws.max_row + 1
            mine = f"ISNUMBER(MATCH(ROW({states}),{{{','.join(map(str, rows))}}},0))"
            cells = (
                f'={len(rows)}-SUMPRODUCT(({states}="{dropped}")*{mine})',
                f'=SUMPRODUCT(({states}="{done}")*{mine})',
                f"=IF(C{row}=0,1,D{row}/C{row})",
                f'=SUMPRODUCT((({states}="{todo}")+({states}="{doing}"))*ISNUMBER({deadlines})'
                f"*({deadlines}<TODAY())*{mine})",
                f'=SUMPRODUCT(({states}="{dropped}")*{mine})',
            )
            if max(map(len, cells)) > FORMULA_LIMIT:  # thousands of rows for one owner: the counts as written
                tally = tallies[owner]
                cells = (tally.total, tally.done, f"=IF(C{row}=0,1,D{row}/C{row})", tally.overdue, tally.dropped)
            ws.append((sheet.status.title, owner, *cells))
            for column in range(1, len(headers) + 1):
                cell = ws.cell(row, column)
                cell.font, cell.border = styles["font"], styles["border"]
                cell.alignment = styles["wrap"] if column <= 2 else styles["centre"]
            ws.cell(row, 5).number_format = "0%"
            ws.row_dimensions[row].height = LINE_HEIGHT * max(_lines(sheet.status.title, 36), _lines(owner, 20)) + 3
    ws.freeze_panes = "A2"
    _print_setup(ws, f"按责任单位的完成情况（{today.year}年{today.month}月{today.day}日）")
