"""The 台账 workbook staff fill in, read back: each changed row becomes a progress record, each problem a
located message (台账.xlsx!Sheet!F12: …). The columns and the hidden sheet naming the plans live here, so
the writer (render/xlsx.py) and this reader agree on them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aidplan.errors import AidplanError, UsageError
from aidplan.messages import tr
from aidplan.plan.findings import Severity
from aidplan.track.progress import ProgressRecord
from aidplan.track.statuses import OPEN_STATUSES, STATUS_NAMES

if TYPE_CHECKING:
    from collections.abc import Callable
from aidplan.files import os_reason
from aidplan.track.tracking import TrackedItem, occurrences_by_task, status_of

# (key, header) in sheet order; the status column is F, as people quote it ("F12 写错了")
COLUMNS = (
    ("id", "编号"),
    ("period", "时段"),
    ("text", "工作任务"),
    ("owner", "责任单位"),
    ("deadline", "完成时限"),
    ("status", "完成情况"),
    ("date", "日期"),
    ("by", "填报人"),
    ("note", "备注"),
)
COLUMN_LETTER = {key: chr(ord("A") + index) for index, (key, _) in enumerate(COLUMNS)}
EDITABLE = ("status", "date", "by", "note")
STATUS_BY_NAME = {name: key for key, name in STATUS_NAMES.items()}
META_SHEET = "aidplan"  # very hidden: which sheet belongs to which plan
# fingerprint: a hash of the editable cells as written, so a rewrite can tell a stale sheet from one staff filled in
# as_of: the day the workbook shows; a record made after it is one its rows could not have seen
META_HEADER = ("sheet", "plan", "plan_from_cwd", "title", "fingerprint", "as_of")
# very hidden too: each row's 完成情况/日期/填报人/备注 as exported, so import takes only the rows staff changed
ROWS_SHEET = "aidplan-rows"
ROWS_HEADER = ("sheet", "id", "status", "date", "by", "note")
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class SheetProblem:
    """A problem at a cell (or with a whole sheet) of a workbook, printed as book.xlsx!Sheet!F12: message."""

    book: Path
    sheet: str
    cell: str | None
    message: str
    severity: Severity = Severity.error

    def __str__(self) -> str:
        where = f"{self.book}" + (f"!{self.sheet}" if self.sheet else "") + (f"!{self.cell}" if self.cell else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class SheetChange:
    """A row whose status, date, by or note differ from the record in force: one record to append."""

    row: int
    record: ProgressRecord


@dataclass
class SheetPlan:
    """One plan's sheet of the workbook: where its plan is, and what its rows say."""

    sheet: str
    plan_ref: str  # the plan's path relative to the workbook's folder, as written
    plan_from_cwd: str  # the plan's path as given when the workbook was written
    title: str
    fingerprint: str = ""  # of the editable cells as aidplan wrote them; "" in a workbook from before it was kept
    as_of: dt.date | None = None  # the day the workbook shows; None in a workbook from before it was kept
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)  # (row number, key → cell value)
    # id → the editable cells as exported (exported_cells); None in a workbook from before they were kept
    exported: dict[str, tuple[str, str, str, str]] | None = None
    # merged ranges over item rows (e.g. "F19:F21", first row, last row): only the first cell keeps a value
    merged: list[tuple[str, int, int]] = field(default_factory=list)


class WorkbookError(AidplanError):
    """The workbook cannot be read as an aidplan 台账 (not XLSX, not written by aidplan, header changed)."""


MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024  # a 1,000-row 台账 unpacks to well under 1 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls, or an .xlsx saved with a password


def read_workbook(path: Path) -> list[SheetPlan]:
    """The plan sheets of a 台账 workbook written by `aidplan status -f xlsx`, with their rows' values."""
    import warnings
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.exists():
        raise UsageError(tr("找不到 {path}", path=path))
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(tr("{path} 不是 Excel 工作簿（.xlsx）；WPS/Excel 里请“另存为 .xlsx”", path=path))
    import io

    from aidplan.files import InputTooLarge, NotARegularFile, read_input

    try:
        raw = read_input(path, MAX_WORKBOOK_BYTES, tr("台账工作簿"))
    except NotARegularFile as exc:
        raise WorkbookError(tr("无法读取 {path}：这是{kind}，不是普通文件", path=path, kind=exc.kind)) from None
    except InputTooLarge:
        raise WorkbookError(
            tr(
                "无法读取 {path}：文件过大（台账工作簿最大 {MAX_WORKBOOK_BYTES} MB）",
                path=path,
                MAX_WORKBOOK_BYTES=MAX_WORKBOOK_BYTES // 1024 // 1024,
            )
        ) from None
    except OSError as exc:
        raise WorkbookError(tr("无法读取 {path}：{value}", path=path, value=os_reason(exc))) from None
    if raw.startswith(OLE_MAGIC):
        raise WorkbookError(
            tr(
                "无法读取 {path}：这是旧的 .xls 格式，或是加了密码的工作簿；请在 Excel/WPS "
                "里去掉密码、“另存为 .xlsx”后再导入",
                path=path,
            )
        )
    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(raw)).infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise WorkbookError(
            tr("无法读取 {path}：文件内容不是 .xlsx 工作簿（损坏了，或只是改了扩展名）", path=path)
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookError(
            tr(
                "无法读取 {path}：解压后有 {unpacked} MB，台账工作簿最多 {MAX_UNPACKED_BYTES} MB；"
                "这不像 aidplan 写出的台账",
                path=path,
                unpacked=unpacked // 1024 // 1024,
                MAX_UNPACKED_BYTES=MAX_UNPACKED_BYTES // 1024 // 1024,
            )
        )
    try:
        with warnings.catch_warnings():  # its notes (a date serial out of range…) show up as cell values
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(raw), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise WorkbookError(tr("无法读取 {path}：{exc}", path=path, exc=exc)) from None
    if META_SHEET not in book.sheetnames:
        raise WorkbookError(
            tr(
                "{path} 不是 aidplan 写出的台账（没有隐藏的“{META_SHEET}”工作表）；请用 aidplan "
                "status -f xlsx 生成台账再填写",
                path=path,
                META_SHEET=META_SHEET,
            )
        )
    meta = book[META_SHEET]
    exported: dict[str, dict[str, tuple[str, str, str, str]]] | None = None
    if ROWS_SHEET in book.sheetnames:
        exported = {}
        for values in book[ROWS_SHEET].iter_rows(min_row=2, values_only=True):
            if values and values[0] and len(values) >= len(ROWS_HEADER):
                name, item_id, *cells = (_cell_text(v) for v in values[: len(ROWS_HEADER)])
                exported.setdefault(name, {})[item_id] = tuple(cells)  # type: ignore[assignment]
    sheets = []
    for values in meta.iter_rows(min_row=2, values_only=True):
        if not values or not values[0]:
            continue
        name, plan_ref, plan_from_cwd, title, fingerprint, as_of_text = (
            str(v or "") for v in (*values, *[None] * 6)[:6]
        )
        try:
            as_of = dt.date.fromisoformat(as_of_text) if as_of_text else None
        except ValueError:
            as_of = None
        if name not in book.sheetnames:
            raise WorkbookError(
                tr(
                    "{path} 里没有工作表“{name}”（它记录着 {plan_ref} 的进度）；工作表改名了吗？",
                    path=path,
                    name=name,
                    plan_ref=plan_ref,
                )
            )
        sheet = book[name]
        header = [sheet.cell(1, column).value for column in range(1, len(COLUMNS) + 1)]
        for column, ((_, expected), found) in enumerate(zip(COLUMNS, header), start=1):
            if (str(found).strip() if found is not None else "") != expected:
                cell = f"{chr(ord('A') + column - 1)}1"
                raise WorkbookError(
                    tr(
                        "{path}!{name}!{cell}: 表头应为“{expected}”，这里是“{value}”；请不要移动、删除或插入列",
                        path=path,
                        name=name,
                        cell=cell,
                        expected=expected,
                        value=found or "",
                    )
                )
        plan = SheetPlan(name, plan_ref, plan_from_cwd, title, fingerprint, as_of)
        if exported is not None:
            plan.exported = exported.get(name, {})
        for merged in sheet.merged_cells.ranges:
            if merged.max_row >= 2 and merged.min_col <= len(COLUMNS):
                plan.merged.append((merged.coord, max(merged.min_row, 2), merged.max_row))
        for number, cells in enumerate(sheet.iter_rows(min_row=2, max_col=len(COLUMNS), values_only=True), start=2):
            values_by_key = {key: value for (key, _), value in zip(COLUMNS, cells)}
            if all(_blank(v) for v in values_by_key.values()):
                continue
            plan.rows.append((number, values_by_key))
        sheets.append(plan)
    if not sheets:
        raise WorkbookError(tr("{path} 的“{META_SHEET}”工作表里没有任何计划", path=path, META_SHEET=META_SHEET))
    return sheets


def _cell_text(value: object) -> str:
    """An editable cell's value the same whether it is about to be written or was read back."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if _blank(value) else _text(value)


def exported_cells(values: dict[str, object]) -> tuple[str, str, str, str]:
    """A row's 完成情况, 日期, 填报人 and 备注 as text, the same whether written, kept in the hidden sheet or
    read back, so an untouched row compares equal to what was exported."""
    return tuple(_cell_text(values.get(key)) for key in EDITABLE)  # type: ignore[return-value]


def record_cells(status: str, record: ProgressRecord | None) -> tuple[str, str, str, str]:
    """The cells a row shows for a task's status and record in force (as `status -f xlsx` writes them)."""
    if record is None:
        return exported_cells({"status": STATUS_NAMES[status]})
    return exported_cells({"status": STATUS_NAMES[status], "date": record.date, "by": record.by, "note": record.note})


def editable_fingerprint(rows: list[dict[str, object]]) -> str:
    """A hash of each row's id and editable cells (status, date, by, note). Rows are taken in id order, so
    sorting the sheet by a column is not an edit."""
    import hashlib
    import json

    cells = sorted([_cell_text(row.get(key)) for key in ("id", *EDITABLE)] for row in rows)
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode()).hexdigest()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_DATE_PATTERNS = (
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"),
)
# 3月30日, 3月30号, 3/30, and 3.30 typed into a text cell (a number cell holds 3.3: not taken for a date)
_MONTH_DAY = re.compile(r"(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[/.]\s*(\d{1,2}))")

# what staff type in 完成情况 besides the four names of the drop-down list (√ for done, × for not done …);
# "open": not done, whichever of 未开始/进行中 the task already has
STATUS_WORDS = {
    **dict.fromkeys(
        ("完成", "完成了", "已完成了", "已办结", "办结", "已办", "已做", "已落实", "√", "✓", "✔", "☑", "是"), "done"
    ),
    **dict.fromkeys(("未完成", "没完成", "没有完成", "未办结", "未办", "否", "×", "✗", "✘", "☐"), "open"),
    **dict.fromkeys(("开始", "已开始", "正在进行", "在办", "办理中", "正在办理", "推进中"), "doing"),
    **dict.fromkeys(("取消", "不做", "不再做", "作废"), "dropped"),
}


def sheet_status(text: str) -> str | None:
    """The status a 完成情况 cell names: one of the drop-down list's names, or a word staff type for it (完成,
    已办结, √, 是; 未完成, ×, 否 …, in full-width or half-width). "open" for not done; None when it names none."""
    import unicodedata

    written = unicodedata.normalize("NFKC", text).strip()
    return STATUS_BY_NAME.get(written) or STATUS_WORDS.get(written)


def parse_sheet_date(value: object, year: int | Callable[[int, int], int] | None = None) -> dt.date | None:
    """A date as Excel stores it (a date cell) or as people type it: 2020-05-20, 2020/5/20, 2020.5.20,
    2020年5月20日, and 5月20日 (5月20号, 5/20, 5.20 as text) in `year`: the plan's year, or a function of the month
    and day that gives the year (tracking.year_in_plan: an autumn term's 1月5日 is next January), as on the
    command line.
    Full-width digits are read as digits. None when it is not a date (a number such as 3.3 is not: Excel keeps
    3.30 typed into a number cell as 3.3)."""
    import unicodedata

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return dt.date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
    match = _MONTH_DAY.fullmatch(text)
    if match and year is not None:
        month, day = int(match.group(1)), int(match.group(2) or match.group(3))
        try:
            return dt.date(year(month, day) if callable(year) else year, month, day)
        except ValueError:
            return None
    return None


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def sheet_changes(
    book: Path,
    sheet: SheetPlan,
    items: list[TrackedItem],
    latest: dict[str, tuple[int, ProgressRecord]],
    known: set[str],
    today: dt.date,
    year: int | None = None,
    year_of: Callable[[int, int], int] | None = None,
) -> tuple[list[SheetChange], list[SheetProblem]]:
    """The records a filled-in sheet adds (rows that differ from the record in force), and its problems.

    A row with any error adds nothing; rows added by hand are errors, rows deleted are warnings (nothing to
    record for them). A blank date means the day of the import."""
    from aidplan.plan.loading import UNPRINTABLE
    from aidplan.track.progress import _suggestion

    by_id = {item.id: item for item in items}
    occurrences = occurrences_by_task(items)
    changes: list[SheetChange] = []
    problems: list[SheetProblem] = []
    seen: dict[str, int] = {}

    def problem(row: int, key: str, message: str) -> None:
        problems.append(SheetProblem(book, sheet.sheet, f"{COLUMN_LETTER[key]}{row}", message))

    # a merged range shows one value over several rows, but only its first cell holds it: the other rows
    # would read as blank, so none of them is guessed
    in_merge: set[int] = set()
    for coord, first, last in sheet.merged:
        problems.append(
            SheetProblem(
                book,
                sheet.sheet,
                coord.split(":")[0],
                tr("{coord} 是合并的单元格；请取消合并，每一行分别填写", coord=coord),
            )
        )
        in_merge.update(range(first, last + 1))

    for row, values in sheet.rows:
        if row in in_merge:
            item_id = _text(values["id"])
            if item_id in by_id:
                seen.setdefault(item_id, row)
            continue
        before = len(problems)
        item_id = _text(values["id"])
        if not item_id:
            problem(row, "id", tr("这一行没有编号，是新加的行吗？台账只能填写计划里已有的任务；新任务请写进计划文件"))
            continue
        item = by_id.get(item_id)
        if item is None:
            problem(
                row,
                "id",
                tr(
                    "计划里没有编号为“{item_id}”的任务{suggestion}",
                    item_id=item_id,
                    suggestion=_suggestion(item_id, known),
                ),
            )
            continue
        if item_id in seen:
            problem(
                row,
                "id",
                tr("编号“{item_id}”在第 {seen} 行已经出现过；每项任务只填一行", item_id=item_id, seen=seen[item_id]),
            )
            continue
        seen[item_id] = row
        if _norm(_text(values["text"])) != _norm(item.text):
            problem(
                row,
                "text",
                tr("任务内容与计划不同（计划里是“{text}”）；台账里不能改任务内容，要改请改计划文件", text=item.text),
            )
        exported = sheet.exported.get(item_id) if sheet.exported is not None else None
        if exported is not None and exported_cells(values) == exported:
            continue  # untouched since the export: whatever the progress file says now stands
        status_text = _text(values["status"])
        status = sheet_status(status_text) if status_text else "todo"
        if status is None:
            names = tr("、").join(STATUS_NAMES.values())
            problem(
                row,
                "status",
                tr(
                    "完成情况“{status_text}”看不懂；请从下拉列表里选：{names}"
                    "（也认得 完成、已办结、√、是 和 未完成、×、否）",
                    status_text=status_text,
                    names=names,
                ),
            )
        date = None
        if not _blank(values["date"]):
            date = parse_sheet_date(values["date"], year_of or year)
            if date is None:
                problem(
                    row,
                    "date",
                    tr(
                        "“{text}”不是日期；请写成 2020-05-20、2020/5/20、2020.5.20、2020年5月20日"
                        "或 5月20日、5.20（计划的年份）",
                        text=_text(values["date"]),
                    ),
                )
        texts = {}
        for key in ("by", "note"):
            texts[key] = _text(values[key]) or None
            if texts[key] and (bad := UNPRINTABLE.search(texts[key])):
                problem(row, key, tr("含有不允许的控制字符 U+{ord:04X}；请删除它", ord=ord(bad.group())))
        if len(problems) > before or status is None:
            continue
        current_status, record = status_of(item, latest, occurrences)
        if status == "open":  # not done: as it stands when still open (进行中 stays), else 未开始 again
            status = current_status if current_status in OPEN_STATUSES else "todo"
        if not status_text and record is not None and current_status != "todo":
            # a cleared cell (or a formula Excel never computed) must not undo what was recorded
            problem(
                row,
                "status",
                tr(
                    "完成情况是空的，而已记录的是“{STATUS_NAMES}”（{date}）；"
                    "请从下拉列表里选一项（要改回未开始请选“未开始”）",
                    STATUS_NAMES=STATUS_NAMES[current_status],
                    date=record.date.isoformat(),
                ),
            )
            continue
        unchanged = (
            status == current_status
            and texts["by"] == (record.by if record else None)
            and texts["note"] == (record.note if record else None)
            and (date is None or date == (record.date if record else None))
        )
        if unchanged:
            continue
        if exported is not None and record_cells(current_status, record) != exported:
            # staff changed the row, and the task was recorded meanwhile (done, mark, another import): neither
            # side is older by the dates alone, so the record stands and the row is reported
            if record is None:
                message = tr(
                    "这一行在台账里改过，而台账导出之后进度文件里这项任务的记录已被删除；两边都改了，没有用这一行"
                    "覆盖。请核对后用 aidplan done 或 aidplan mark 记录，或重新生成台账再填"
                )
            else:
                message = tr(
                    "这一行在台账里改过，而台账导出之后进度文件里这项任务已记为“{STATUS_NAMES}”（{date}{by}）；"
                    "两边都改了，没有用这一行覆盖它。请核对后用 aidplan done 或 aidplan mark 记录，或重新生成台账再填",
                    STATUS_NAMES=STATUS_NAMES[current_status],
                    date=record.date.isoformat(),
                    by=tr("，{by}", by=record.by) if record.by else "",
                )
            problem(row, "status", message)
            continue
        if (
            exported is None
            and date is None
            and record is not None
            and sheet.as_of is not None
            and record.date > sheet.as_of
        ):
            # the row shows the state as of the workbook's day; a later record is news it never saw, so an
            # untouched row must not undo it (and a real change needs its date written)
            problem(
                row,
                "status",
                tr(
                    "这份台账是 {as_of} 的，之后已记录“{STATUS_NAMES}”（{date}）；这一行可能是旧的。"
                    "请重新生成台账再填，或在日期栏写明这次填写的日期",
                    as_of=sheet.as_of.isoformat(),
                    STATUS_NAMES=STATUS_NAMES[record.status],
                    date=record.date.isoformat(),
                ),
            )
            continue
        on = date or today
        if date is not None and date > today:
            # a typo such as 2030 would otherwise be the record in force for ever
            problem(
                row,
                "date",
                tr(
                    "{date} 晚于今天（{today}）；请写完成或开始的那一天", date=date.isoformat(), today=today.isoformat()
                ),
            )
            continue
        if date is not None and year is not None and date.year < year - 1:
            problem(row, "date", tr("{date} 远早于 {year} 年的计划；请检查年份", date=date.isoformat(), year=year))
            continue
        if record is not None and on < record.date:
            problem(
                row,
                "date",
                tr(
                    "{on} 早于已记录的 {date}（{STATUS_NAMES}），这条记录不会生效；请写当天或更晚的日期",
                    on=on.isoformat(),
                    date=record.date.isoformat(),
                    STATUS_NAMES=STATUS_NAMES[record.status],
                ),
            )
            continue
        changes.append(
            SheetChange(row, ProgressRecord(task=item_id, status=status, date=on, by=texts["by"], note=texts["note"]))
        )
    missing = [item.id for item in items if item.id not in seen]
    if missing:
        shown = tr("、").join(missing[:10]) + (tr(" 等 {count} 项", count=len(missing)) if len(missing) > 10 else "")
        problems.append(
            SheetProblem(
                book,
                sheet.sheet,
                None,
                tr("台账里没有 {shown} 的行（被删除了？）；这些任务的进度不变", shown=shown),
                Severity.warning,
            )
        )
    return changes, problems
