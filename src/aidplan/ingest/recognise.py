"""Recognise a plan in a neutral document: title and year, the 附件 label, the header row and each column's role,
the period groups (merged cells or repeated labels), the numbering, deadlines, recurring tasks and notes. Every
guess is said, and whatever finds no place in the plan is kept and reported, never dropped."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from aidplan.errors import AidplanError
from aidplan.ingest.document import Cell, Paragraph, SourceDocument, Table
from aidplan.ingest.general import (
    ColumnSpec,
    Node,
    header_columns,
    headerless_columns,
    leaves,
    needs_listed_columns,
    plan_columns,
    read_rows,
)
from aidplan.messages import Later, language, later, localized, tr
from aidplan.plan.model import MONTH_PLACEHOLDER, PLAN_YEARS
from aidplan.plan.numerals import parse_number
from aidplan.plan.periods import PeriodLabelError, parse_period_label
from aidplan.plan.timeexpr import TERM_WEEKS, read_term_name, term_week_number
from aidplan.plan.workdays import WEEKDAYS


class RecognitionError(AidplanError):
    """No plan could be found in the file (no table, no year)."""


# what a header cell says about its column, in the order they are tried ("完成时间" is a deadline, not a period)
ROLE_WORDS = (
    ("free", ("完成情况", "落实情况", "进展情况", "进展", "备注")),
    ("deadline", ("完成时间", "完成工作时间", "完成时限", "时限", "截止", "期限", "完成日期", "办结", "完成")),
    ("owner", ("责任", "负责", "牵头", "承办", "单位", "部门", "科室")),
    ("number", ("序号", "编号")),
    ("free", ("主题", "备注", "说明", "情况", "完成情况", "落实", "措施要求")),
    ("tasks", ("内容", "工作", "任务", "事项", "项目", "措施", "活动", "安排")),
    ("period", ("时间", "时序", "月份", "时段", "日期", "周次", "阶段", "月", "周", "旬", "类别", "分类", "类型")),
)
ROLE_SAID = {  # said when shown (a Later of the same text would translate a printed header 序号 as well)
    "group": lambda: tr("分组"),
    "task": lambda: tr("工作内容"),
    "number": lambda: tr("序号"),
    "owner": lambda: tr("责任单位"),
    "time": lambda: tr("各项任务的时间"),
    "group time": lambda: tr("各组的时间"),
    "deadline": lambda: tr("分组的完成时间"),
    "free": lambda: tr("照印不解读"),
}
ROLE_NAMES = {"period": "时间", "tasks": "工作内容", "deadline": "完成时间", "owner": "责任单位", "number": "序号"}

# 附件, 附件1, 附件二：, or a short mark after it (附件<b>1</b>) on the line above the title
ATTACHMENT = re.compile(r"^附\s*件(?:\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?|[^\s，。；,;：:]{1,12})$")
# a 通知's 版记 under its attachment: 抄送 and 主题词 lines, the office and day it was printed (…2026年1月10日印发)
COLOPHON = re.compile(r"^(?:抄送|抄报|主题词)[：:]|^\S{2,30}(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日印发$")
PAGE_FURNITURE = re.compile(r"^[—\-－–]\s*[0-9０-９]+\s*[—\-－–]$|^第\s*[0-9]+\s*页(，?\s*共\s*[0-9]+\s*页)?$")
YEAR_IN_TEXT = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s*年|\s*[-—~至]\s*(?:19|20)[0-9]{2}\s*学年)")
_CHINESE_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*(?:年|学年|[-—–~～至]))")
_YEAR_DIGITS = str.maketrans("０１２３４５６７８９〇○零一二三四五六七八九", "0123456789000123456789")


def year_digits(text: str) -> str:
    """A text with its years in ASCII digits, so the year is read however it is typed: 二〇二六年 (○, 零), and
    ２０２６年 in full-width digits (Word's 全角 mode)."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return _CHINESE_YEAR.sub(lambda found: found[0].translate(_YEAR_DIGITS), text)


# a printed task number in any form a plan may name (aidplan.plan.numbering): 1、 1. 1． 1) 1） 01. (1) （1） 一、
# （一） ① — up to 9999 (a long list); "2014年", "1.5万" and the years of "2025、2026年" are not numbers
NUMBER_PREFIX = re.compile(
    r"^\s*(?:(?!(?:19|20)[0-9]{2}\s*[、.．]\s*(?:19|20)?[0-9]{2}\s*年)"
    r"(?P<d>[0-9]{1,4})\s*(?P<p>[、．)）]|\.(?![0-9])|\.(?=[0-9]{1,2}\s*月[0-9]{1,2}\s*[日号]))|(?P<o>[（(])\s*(?P<b>[0-9]{1,3})\s*[)）]"
    r"|（(?P<cb>[一二三四五六七八九十百零]{1,5})）|(?P<cn>[一二三四五六七八九十百零]{1,5})、"
    r"|(?P<c>[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]))\s*"
)
PREFERRED_FORMS = ("1、", "1.", "1．", "（1）", "(1)", "1)", "1）", "01.", "01、", "一、", "（一）", "①")
_CIRCLED = (
    [chr(0x2460 + n) for n in range(20)] + [chr(0x3251 + n) for n in range(15)] + [chr(0x32B1 + n) for n in range(15)]
)
MONTH_NUMBER = re.compile(r"(?<![0-9])(1[0-2]|[1-9])(?=\s*月)")


@dataclass
class Task:
    text: str
    number: int | None = None
    forms: frozenset[str] = frozenset()  # the numbering forms that print its number as it is printed
    printed: str = ""  # the whole printed paragraph, number included
    owner: str | None = None
    deadline: str | None = None
    explicit: bool = False  # its number is written out (number:), since it is not the one its position gives
    heading: bool = False  # a sub-heading line among the tasks (（一）资助宣传); the numbers start again after it
    outline: bool = False  # a line heading the items under it (2.规范…： over （1）…): a sub-heading in any numbering
    values: dict[str, str] = field(default_factory=dict)  # its other cells in a table of listed columns
    column_number: str | None = None  # the number printed in its 序号 column


@dataclass
class Group:
    label: str
    tasks: list[Task] = field(default_factory=list)
    deadline: str | None = None
    rows: int = 0
    owner_cells: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)
    row_tasks: list[int] = field(default_factory=list)  # how many tasks each of its rows holds
    deadline_lines: list[str] = field(default_factory=list)  # the deadline cells' lines, as printed


@dataclass
class Recognised:
    """The plan as YAML-ready data, the guesses made, and what found no place."""

    data: dict
    guesses: list[str]
    unplaced: list[str]


def listing(items: list, quoted: bool = False) -> Later:
    """Items said in a message in the language it is shown in: 甲、乙 / 甲, 乙; quoted “甲”“乙” / “甲”, “乙”."""

    def render() -> str:
        shown = [str(localized(item)) if isinstance(item, Later) else item for item in items]
        if quoted:
            shown = [tr("“{v0}”", v0=item) for item in shown]
            return ("" if language() == "zh" else tr("、")).join(shown)
        return tr("、").join(shown)

    return Later(render)


def _column_number(value: str) -> tuple[int | None, str]:
    """A number printed in a 序号 column and the mark after it: 3 → (3, ""), 3. → (3, "."), 三 → (3, "")."""
    found = re.fullmatch(r"\s*([0-9０-９]{1,4})\s*([.．、]?)\s*", value)
    if found:
        return parse_number(found[1]), found[2]
    return parse_number(value), ""


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _one_deadline_a_task(group: Group, year: int) -> bool:
    """Whether a period's deadline cell prints one date a line, one beside each of its several tasks: each line
    a date of its own (not 5月 / 31日前, one date wrapped in a narrow column)."""
    from aidplan.plan.deadlines import parse_deadline

    tasks = [t for t in group.tasks if not t.heading]
    lines = group.deadline_lines
    if len(tasks) < 2 or len(lines) != len(tasks):
        return False
    try:
        for line in lines:
            parse_deadline(line, year)
    except ValueError:  # DeadlineError too
        return False
    return True


def _join_lines(text: str) -> str:
    """A cell's lines joined as one text: a line break inside Chinese text is not a space."""
    lines = [line.strip() for line in text.split("\n")]
    out = ""
    for line in lines:
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


_TIME_WORDS = re.compile(r"[月周旬季]|学期|学年|寒假|暑假|开学|期中|期末|[0-9]{4}年")


def _reads_as_time(label: str, year: int) -> bool:
    """Whether a group label names a time (or looks as if it should: 第一周 needs the term, which check asks for)."""
    try:
        parse_period_label(label, year)
    except PeriodLabelError:
        return bool(_TIME_WORDS.search(label))
    return True


def _header_like(text: str) -> bool:
    """Whether a cell can head a column: short, not numbered, not a period label (二月 | 保教工作：… is a body row
    of a table printed without a header, not a header)."""
    squashed = _squash(text)
    if not 0 < len(squashed) <= 16 or NUMBER_PREFIX.match(squashed):
        return False
    try:
        parse_period_label(squashed, 2000)
    except (PeriodLabelError, ValueError):
        return True
    return False


def role_of(header: str) -> str | None:
    text = _squash(header)
    if not text:
        return None
    for role, words in ROLE_WORDS:
        if any(word in text for word in words):
            return role
    return None


def _forms(digits: str, mark: str) -> frozenset[str]:
    """The numbering forms an Arabic number with its mark can be printed in: 7. is 1.; 07. is 01.; 12. is
    either."""
    plain = "1" + mark
    padded = "01" + mark if mark in ".、" else None
    if digits.startswith("0") and len(digits) == 2:
        return frozenset({padded} if padded else set())
    if len(digits) >= 2 and padded:
        return frozenset({plain, padded})
    return frozenset({plain})


def split_number(text: str) -> Task:
    """A task paragraph split into its printed number and its text; `forms` are the numbering forms that print
    that number so (empty when none does)."""
    found = NUMBER_PREFIX.match(text)
    if found is None:
        return Task(text.strip(), printed=text.strip())
    rest = text[found.end() :].strip()
    if found["d"]:
        return Task(rest, int(found["d"]), _forms(found["d"], found["p"]), text.strip())
    if found["b"]:
        return Task(rest, int(found["b"]), frozenset({"（1）" if found["o"] == "（" else "(1)"}), text.strip())
    if found["cb"] or found["cn"]:
        number = parse_number(found["cb"] or found["cn"])
        if number is None:
            return Task(text.strip(), printed=text.strip())
        return Task(rest, number, frozenset({"（一）" if found["cb"] else "一、"}), text.strip())
    return Task(rest, _CIRCLED.index(found["c"]) + 1, frozenset({"①"}), text.strip())


# one pattern for every number (a pattern per number would overflow re's cache on a long list)
_RUN_TOGETHER = re.compile(
    r"(?<=[；;。！!？?，,\s])\s*(?=([0-9]+)\s*(?:[、．]|\.(?![0-9])|\.(?=[0-9]{1,2}\s*月[0-9]{1,2}\s*[日号])))"
)


def split_run_together(text: str, first: int | None) -> list[str]:
    """Numbered tasks run together on one line (as text copied from a PDF arrives): split before each next number,
    where it follows the end of a clause; circled numbers (①… ②…) before each next one, wherever it stands."""
    if first is None:
        return [text]
    stripped = text.lstrip()
    if stripped[:1] in _CIRCLED and _CIRCLED.index(stripped[0]) + 1 == first:
        parts = [text]
        for number in range(first, len(_CIRCLED)):
            at = parts[-1].find(_CIRCLED[number], 1)
            if at <= 0:
                break
            parts[-1:] = [parts[-1][:at].rstrip(), parts[-1][at:]]
        return parts
    parts = [text]
    number = first + 1
    while True:
        wanted = str(number)
        found = next((m for m in _RUN_TOGETHER.finditer(parts[-1]) if m[1] == wanted), None)
        if found is None or found.start() == 0:
            break
        head, tail = parts[-1][: found.start()], parts[-1][found.end() :]
        parts[-1:] = [head.rstrip(), tail]
        number += 1
    return parts


TERM_IN_TITLE = re.compile(
    r"(?:19|20)[0-9]{2}\s*[-－—–~～至]+\s*(?:19|20)[0-9]{2}\s*学年度?\s*(?:第[一二12]|[上下])学期"
    r"|(?:19|20)[0-9]{2}\s*年?\s*[春秋]季?学期"
)
SCHOOL_WORDS = re.compile(r"开学|期中|期末|寒假|暑假|放假前")


def _labels(groups: list[dict]) -> list[str]:
    """Every group's label, depth first, in printed order."""
    found: list[str] = []
    for group in groups:
        found.append(group["label"])
        found += _labels(group.get("groups") or [])
    return found


def _month_of(label: str, year: int) -> int | None:
    try:
        return parse_period_label(label, year).start.month
    except PeriodLabelError:
        return None


def _first_monday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7)


SIGNATURE_DATE = re.compile(
    r"^(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日$|^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$"
)
_ORGANISATION = re.compile(
    r"(中心|局|厅|委员会|委|办公室|办|处|科|股|室|学校|学院|大学|中学|小学|幼儿园|政府|部|站|所|院|校|领导小组|工作小组)$"
)
_HEADING_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]{1,2}[.．、](?![0-9])|（[0-9]{1,2}）)"
)


def _at(data: dict, where: tuple):
    """The value at a location of the plan's YAML: ("periods", 2), ("tables", 0, "groups", 1)."""
    value: object = data
    for key in where:
        try:
            value = value[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return value


FIRST_WEEK_DATES = re.compile(r"^(?P<m>[0-9]{1,2})(?:\.|月)(?P<d>[0-9]{1,2})日?\s*[-－—–~～至到]")
# the day of term a plan prints in its text: 9月1日上好“开学安全第一课”, 8月31日开学, 2027年1月22日休业式,
# 1月22日举行散学典礼 — a date, a few words that are no range or limit (前, 后, 至, —), then the day's event
# (not 开学前/开学初/开学绿色通道 …; not 放寒假, the day after the last)
_TERM_DAY = r"(?:(?P<y>20[0-9]{2})年)?(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日(?:[^，。；;,、前后至到—－~～-]{0,4}?)"
TERM_FIRST_DAY = re.compile(_TERM_DAY + r"开学(?=典礼|第一课|安全第一课|[，。；;,（(]|$)")
TERM_LAST_DAY = re.compile(_TERM_DAY + r"(?:休业式|散学典礼|学期结束)")


def _first_week_start(groups: list[dict], year: int, autumn: bool) -> tuple[dt.date, str] | None:
    """The first day of term as the table prints it: the start of 第一周's dates (8.31-9.4), in its time cell,
    its first task's or its label's brackets (第一周（8.31-9.4）); with the dates as written."""
    for group in groups:
        if group.get("groups"):
            found = _first_week_start(group["groups"], year, autumn)
            if found is not None:
                return found
            continue
        if term_week_number(group["label"]) != 1:
            continue
        tasks = [t for t in group.get("tasks") or [] if isinstance(t, dict)]
        written = group.get("time") or (tasks[0].get("deadline") if tasks else None)
        inside = re.search(r"[（(]([^（()）]+)[)）]", group["label"])  # 第一周（8.31-9.4）
        if not isinstance(written, str) and inside is not None:
            written = inside.group(1)
        found = FIRST_WEEK_DATES.match(written) if isinstance(written, str) else None
        if found is None:
            return None
        month, day = int(found.group("m")), int(found.group("d"))
        try:  # an autumn term's first week in August or September; a spring term's in February or March
            return dt.date(year + 1 if autumn and month < 7 else year, month, day), written
        except ValueError:
            return None
    return None


def _printed_texts(data: dict) -> list[str]:
    """The plan's printed text in reading order: the preamble, then each table's group labels and task texts."""
    texts = [block if isinstance(block, str) else block.get("heading", "") for block in data.get("preamble") or []]

    def walk(groups: list) -> None:
        for group in groups:
            if not isinstance(group, dict):
                continue
            texts.append(group.get("label") or "")
            walk(group.get("groups") or [])
            for task in group.get("tasks") or []:
                texts.append(task if isinstance(task, str) else str(task.get("text") or ""))

    for table in [data, *(data.get("tables") or [])]:
        walk(table.get("periods") or table.get("groups") or [])
        walk([{"tasks": table.get("tasks") or []}])
    return [text for text in texts if text]


def _term_day(texts: list[str], pattern: re.Pattern, year: int, autumn: bool, first: bool):
    """The first (or last) day of term as the plan's text prints it (9月1日…开学…, 1月22日休业式), with the
    clause that prints it; None when no text says it, or says a day no term of that season starts (ends) on."""
    for text in texts:
        for found in pattern.finditer(_squash(text)):
            month, day = int(found["m"]), int(found["d"])
            printed_year = int(found["y"]) if found["y"] else year + 1 if autumn and month < 7 else year
            try:
                date = dt.date(printed_year, month, day)
            except ValueError:
                continue
            # the days a term of the season starts (ends) on: autumn mid-August to 20 September (January to 20
            # February of the next year), spring February to 20 March (mid-June to July)
            window = {
                (True, True): ((year, 8, 15), (year, 9, 20)),
                (True, False): ((year + 1, 1, 1), (year + 1, 2, 20)),
                (False, True): ((year, 2, 1), (year, 3, 20)),
                (False, False): ((year, 6, 15), (year, 7, 31)),
            }[(autumn, first)]
            if dt.date(*window[0]) <= date <= dt.date(*window[1]):
                squashed = _squash(text)
                clause = re.split(r"[，。；;,]", squashed[found.start() :], maxsplit=1)[0]
                return date, clause
    return None


def assumed_end_guess(start: dt.date) -> Later:
    """The guess for a term whose last day is printed nowhere: it runs TERM_WEEKS weeks (the plan writes no end)."""
    end = start - dt.timedelta(days=start.weekday()) + dt.timedelta(weeks=TERM_WEEKS, days=-1)
    return later(
        "学期结束日（term.end）{v0}（{v1}）是推测的，表格里没有写：从开学那一周起满 {v2} 周，计划里不写 term.end；"
        "请按校历补上 term.end，或导入时加 --term-end 日期",
        v0=end.isoformat(),
        v1=WEEKDAYS[end.weekday()],
        v2=TERM_WEEKS,
    )


def _header_texts(table: Table, header_row: int) -> list[str]:
    return [_squash(cell.text) if cell is not None else "" for cell in table.row(header_row)]


def _same_header(first: Table, header_row: int, other: Table, other_header: int) -> bool:
    """Whether a later table repeats the first one's header row cell for cell (the table continued)."""
    return other.columns == first.columns and _header_texts(other, other_header) == _header_texts(first, header_row)


def _joined(first: Table, header_row: int, rest: list[tuple[Table, int]]) -> Table:
    """The first table with the body rows of each continuation appended (their own header rows left out)."""
    cells = list(first.cells)
    rows = first.rows
    for table, header in rest:
        for cell in table.cells:
            if cell.row > header:
                row = rows + cell.row - header - 1
                cells.append(Cell(cell.paragraphs, row, cell.column, cell.rowspan, cell.colspan, cell.tables))
        rows += table.rows - header - 1
    return Table(cells, rows, first.columns, first.caption)


def _organisation_line(text: str) -> bool:
    squashed = _squash(text)
    return 2 <= len(squashed) <= 40 and bool(_ORGANISATION.search(squashed)) and not re.search(r"[。；，：:]", squashed)


def _heading_line(text: str, chinese: bool = False) -> bool:
    """A section heading as printed: 一、 （一） 1. （1） (or only the first two, `chinese`: under the table a
    line 1. … is as often a note) and a few words, not a sentence."""
    squashed = _squash(text)
    found = _HEADING_NUMBER.match(squashed)
    if found is None or (chinese and re.match(r"[0-9（]", found[0]) and not found[0].startswith("（一")):
        return False
    return len(squashed) <= 30 and not re.search(r"[。；;，,：:]$", squashed)


def _title_line(text: str) -> bool:
    """A further line of a title printed on several lines: short, and no sentence."""
    squashed = _squash(text)
    return 0 < len(squashed) <= 40 and not re.search(r"[。；;，,：:]", squashed)


class Recogniser:
    def __init__(self, source: SourceDocument, name: str, year: int | None, organisation: str | None) -> None:
        self.source = source
        self.name = name
        self.year_given = year
        self.organisation_given = organisation
        self.guesses: list[str] = list(source.notes)
        self.unplaced: list[str] = list(source.left_out)
        self.table_notes: list[str] = []  # rows under the tasks inside the table (a spreadsheet's 注)
        self.term_named: tuple[str | None, bool] | None = None  # the term the title names, as printed, and its season

    # -- the document around the table ----------------------------------------------------------------------------

    def recognise(self) -> Recognised:
        blocks = [b for b in self.source.blocks if not (isinstance(b, Paragraph) and not b.printed.strip())]
        blocks = [b for b in blocks if not (isinstance(b, Paragraph) and PAGE_FURNITURE.match(b.printed.strip()))]
        tables = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Table)]
        chosen = [(i, t, self._header(t)) for i, t in tables]
        chosen = [(i, t, h) for i, t, h in chosen if h is not None]
        if not chosen:
            if tables:
                index, table = max(tables, key=lambda item: len(item[1].cells))
                if table.columns >= 3:
                    return self._headerless(blocks, index, table, tables)
                chosen = [(index, table, self._assumed_header(table))]
            else:  # a plan published as paragraphs (一、 headings over numbered items), or a clear refusal
                from aidplan.ingest.published import read

                return read(self, blocks)
        first_index, table, (header_row, roles) = chosen[0]
        if len(chosen) > 1 and header_row >= 0:  # several tables, each under its heading, or with its own header
            apart = [any(isinstance(b, Paragraph) for b in blocks[a[0] + 1 : b[0]]) for a, b in zip(chosen, chosen[1:])]
            sheets = len({t.caption for _, t, _ in chosen}) > 1  # a workbook's sheets, one table each
            if any(apart) or sheets or any(h[1] != roles for _, _, h in chosen[1:]):
                return self._several(blocks, tables, chosen)
        more = [(i, t, h) for i, t, h in chosen[1:] if h[1] == roles]
        last_index = max([first_index] + [i for i, _, _ in more])
        headed = {id(t) for _, t, _ in chosen}
        following: list[Table] = []  # tables right after it without a header row of their own, as wide: its rest
        for i, other in tables:
            if (
                i == last_index + 1
                and id(other) not in headed
                and other.columns == table.columns
                and header_row >= 0
                and self._rows_like_tasks(other)
            ):
                following.append(other)
                last_index = i
        others = [
            (i, t)
            for i, t in tables
            if t is not table and all(t is not m[1] for m in more) and all(t is not f for f in following)
        ]
        continued: list[str] = []
        if (
            (more or following)
            and header_row >= 0
            and all(_same_header(table, header_row, t, h[0]) for _, t, h in more)
        ):
            # the same table cut in two (a page break, an empty paragraph, 拆分表格): one table, read whole
            continued = [
                later("后面一张表格的表头与第一张相同，按同一张表格的续表读入（{v0} 行）", v0=t.rows)
                for _, t, _ in more
            ]
            continued += [
                later("紧接着的一张表格没有表头、列数相同，按同一张表格的续表读入（{v0} 行）", v0=t.rows)
                for t in following
            ]
            table = _joined(table, header_row, [(t, h[0]) for _, t, h in more] + [(t, -1) for t in following])
            more = []
        elif following:
            others += [(first_index, t) for t in following]
        before = [b for b in blocks[:first_index] if isinstance(b, Paragraph)]
        after = [b for b in blocks[last_index + 1 :] if isinstance(b, Paragraph)]
        between = [b for b in blocks[first_index + 1 : last_index] if isinstance(b, Paragraph)]
        for paragraph in between:
            self.unplaced.append(later("两张表格之间的一段“{v0}”", v0=paragraph.printed.strip()))
        for _, other in others:
            texts = [c.text for c in other.cells if c.text.strip()]
            self.unplaced.append(
                later("另一张表格（{v0} 行 × {v1} 列）：{v2}", v0=other.rows, v1=other.columns, v2="｜".join(texts))
            )

        data: dict = {}
        attachment, title_lines, preamble = self._head(before, table, header_row)
        self._document_top(data, attachment, title_lines, preamble, before, table)
        self.guesses += continued

        before_guesses, before_unplaced = list(self.guesses), list(self.unplaced)
        if header_row >= 0 and not more:
            specs = plan_columns(table, header_row, role_of)
            listed = [s.role for s in specs]
            two_rows = header_columns(table, header_row)[1] > header_row + 1
            if "task" in listed and (two_rows or "group" not in listed or "period" not in roles):
                return self._general(data, table, header_row, specs, after)
        groups = self._groups(table, header_row, roles)
        for _, extra, (extra_header, _) in more:
            self.guesses.append(
                later("后面一张表格的表头与第一张相同，按同一张表格的续表读入（{v0} 行）", v0=extra.rows)
            )
            groups = self._merge_repeated(groups + self._groups(extra, extra_header, roles))
        counts = [sum(1 for t in g.tasks if not t.heading) for g in groups]  # a sub-heading shares its task's cell
        by_period = any(n > 1 and g.rows < n for g, n in zip(groups, counts)) or all(g.rows == 1 for g in groups)
        by_period = bool(groups) and by_period and not all(n <= 1 for n in counts)
        # a row per task with one cell of two tasks (5-6月: 1、… 2、… under one 完成时限) is still a row per task
        shared_rows = sum(1 for g in groups for n in g.row_tasks if n > 1)
        if by_period and sum(1 for g in groups if g.rows > 1) > shared_rows:
            by_period = False
        if header_row >= 0 and not more:  # also several tasks a cell beside columns the classic forms lack
            specs = plan_columns(table, header_row, role_of)
            roles_read = [spec.role for spec in specs]
            # cells of several tasks (①… ②…) beside more grouping columns left of them (周次 | 周主题): the table's
            # rows group, so it is read with listed columns (columns right of the tasks stay with the classic form)
            task_at = next((spec.index for spec in specs if spec.role == "task"), 0)
            beyond = (roles_read.count("group") > 1 or "free" in roles_read) and all(
                spec.index < task_at for spec in specs if spec.role in ("free", "number")
            )
            if (
                needs_listed_columns(specs, any(spec.role == "deadline" for spec in specs))
                if not by_period
                else "task" in roles_read and beyond  # 周次 | 周主题 beside cells of ①… ②…
            ):
                self.guesses, self.unplaced, self.table_notes = before_guesses, before_unplaced, []
                return self._general(data, table, header_row, specs, after)
        if not groups:
            raise RecognitionError(
                tr(
                    "{v0} 的表格里没有找到任何工作任务：没有一列的表头像“工作内容”“工作任务”，各行也没有编号的任务；"
                    "请检查表头（计划的表格要有时间和工作内容两列）后再导入",
                    v0=self.name,
                )
            )
        if header_row >= 0:
            self._unread_columns([table] + [m[1] for m in more], header_row)
        layout = "by-period" if by_period else "by-task"
        data["layout"] = layout
        if by_period and "deadline" not in roles and all(_reads_as_time(g.label, data["year"]) for g in groups):
            layout = data["layout"] = "by-task"
            self.guesses.append(
                later(
                    "版式改成了每项任务一行（by-task）：原表每个时段一行，但按时段一行的版式（by-period）必须有完成时间一列，"
                    "这张表没有；任务和文字不变，时段单元格跨其任务合并"
                )
            )
        else:
            self.guesses.append(
                later("版式 by-period：每个时段一行，任务排在同一单元格里")
                if by_period
                else later("版式 by-task：每项任务一行，时段单元格跨其任务合并")
            )
        header_texts = {role: _join_lines(text) for role, text in roles.items() if role != "number"}
        data["numbering"], scope = self._numbering(groups)
        if scope != "group":
            data["numbering_scope"] = scope
        columns = {}
        for role in ("period", "tasks", "deadline", "owner"):
            if role in header_texts:
                columns[role] = header_texts[role]
        data["columns"] = columns
        if "owner" in roles:
            data["owners"] = True
            self._owners(groups, layout)
        if "number" in roles:
            self.unplaced.append(
                later("“{v0}”一列：计划格式还不能印序号列，序号没有导入", v0=header_texts.get("number", "序号"))
            )
        self._deadlines(groups, layout, header_texts.get("deadline"), data["year"])
        recurring, periods = self._periods(groups, data["year"], data["numbering"])
        if recurring:
            data["recurring"] = recurring
        categories = [p["label"] for p in periods if not _reads_as_time(p["label"], data["year"])]
        if categories or header_row < 0:
            # a label that names no time is a category (一、综合工作, 假前), which only listed columns can say; so
            # is a table printed without its header row
            data["groups"] = periods
            self.guesses = [g for g in self.guesses if not g.startswith("版式")]
            mapping = data.pop("columns")
            data.pop("layout", None)
            data.pop("owners", None)
            listed = [{"header": mapping.get("period", "时间"), "role": "group"}]
            listed.append({"header": mapping.get("tasks", "工作内容"), "role": "task"})
            if "owner" in mapping:
                listed.append({"header": mapping["owner"], "role": "owner"})
            if "deadline" in mapping:
                listed.append({"header": mapping["deadline"], "role": "deadline" if layout == "by-period" else "time"})
            data["columns"] = listed
            if categories:
                self.guesses.append(
                    later(
                        "{v0}不是时间，按类别分组（groups:，其任务按各自的完成时间跟踪）",
                        v0=listing(categories, quoted=True),
                    )
                )
        else:
            data["periods"] = periods
        if header_row < 0:
            data["headers"] = False
            if categories:
                data["columns"][0]["header"] = "类别"
        return self._finished(data, after)

    def _document_top(self, data: dict, attachment, title_lines: list[str], preamble, before, table: Table) -> None:
        """The plan's title, year, office, 附件 label and the paragraphs between the title and the table."""
        title = "".join(title_lines)
        data["title"] = title if len(title_lines) == 1 else title_lines
        data["year"] = self._year(title, before, table)
        organisation = self._organisation()
        if organisation:
            data["organisation"] = organisation
        if attachment:
            data["attachment"] = attachment
        if preamble:
            data["preamble"] = self._text_blocks(preamble)
            headings = sum(1 for block in data["preamble"] if isinstance(block, dict))
            self.guesses.append(
                later("表格前的 {v0} 段作为正文（preamble:），其中小标题 {v1} 个", v0=len(preamble), v1=headings)
                if headings
                else later("表格前的 {v0} 段作为正文（preamble:）", v0=len(preamble))
            )

    def _head(self, before: list[Paragraph], table: Table, header_row: int, tableless: bool = False):
        """The 附件 label, the title and the paragraphs between them and the table (or the first heading of a plan
        published as paragraphs, `tableless`)."""
        attachment = None
        rest = list(before)
        if rest and ATTACHMENT.match(rest[0].printed.strip()):
            attachment = rest.pop(0).printed.strip()
            self.guesses.append(later("附件标注“{v0}”取自第一段", v0=attachment))
        else:
            # the covering 通知 that sends the plan out, then the 附件 label over the plan's title (as an OA system
            # or a web page hands out the whole document): the plan starts at the label
            label = next((i for i, p in enumerate(rest[:-1]) if ATTACHMENT.match(p.printed.strip())), None)
            if label is not None:
                attachment = rest[label].printed.strip()
                self.guesses.append(later("附件标注“{v0}”取自标题上方的一段", v0=attachment))
                for paragraph in rest[:label]:
                    self.unplaced.append(
                        later("附件前的一段“{v0}”（印发通知的正文，不属于计划）", v0=paragraph.printed.strip())
                    )
                rest = rest[label + 1 :]
        title = None
        preamble: list[Paragraph] = []
        if rest:
            centred = [p for p in rest if p.centred]
            chosen = centred[0] if centred else rest[0]
            index = rest.index(chosen)
            if index > 0:
                for paragraph in rest[:index]:
                    self.unplaced.append(later("标题前的一段“{v0}”", v0=paragraph.printed.strip()))
            # a line break inside the title's paragraph only balances its lines: one title line a paragraph
            lines = [_join_lines(chosen.printed)]
            after = index + 1
            while chosen.centred and after < len(rest) and rest[after].centred and _title_line(rest[after].printed):
                lines.append(_join_lines(rest[after].printed))
                after += 1  # a title printed on several lines: each a centred paragraph
            title = lines
            preamble = rest[after:]
            shown = "／".join(lines)
            if tableless:
                self.guesses.append(later("标题“{v0}”取自文件开头的段", v0=shown))
            elif len(lines) > 1:
                self.guesses.append(later("标题分 {v0} 行“{v1}”，取自表格前居中的段", v0=len(lines), v1=shown))
            else:
                self.guesses.append(
                    later("标题“{v0}”取自表格前居中的段", v0=shown)
                    if chosen.centred
                    else later("标题“{v0}”取自表格前的第一段", v0=shown)
                )
        for row in range(header_row):  # rows above the header: a title row merged across the table
            texts = [
                c.text.strip() for c in dict.fromkeys(c for c in table.row(row) if c is not None) if c.text.strip()
            ]
            for text in texts:
                if attachment is None and ATTACHMENT.match(text):
                    attachment = text
                    self.guesses.append(later("附件标注“{v0}”取自表格第 {v1} 行", v0=text, v1=row + 1))
                elif title is None:
                    title = [_join_lines(text)]
                    self.guesses.append(later("标题“{v0}”取自表格第 {v1} 行", v0=title[0], v1=row + 1))
                else:
                    self.unplaced.append(later("表头上方的一行“{v0}”", v0=text))
        if title is None:
            title = [re.sub(r"\.[A-Za-z]+$", "", self.name.rsplit("/", 1)[-1]) or "工作计划"]
            self.guesses.append(later("文件里没有标题，用文件名“{v0}”作标题", v0=title[0]))
        return attachment, title, preamble

    def _without_colophon(self, after: list[Paragraph]) -> list[Paragraph]:
        """The paragraphs under the table without the 版记 a 通知 ends with (抄送：…, 主题词：…, 某县教育局办公室
        2026年1月10日印发), which belong to the covering document, not to the plan: listed as not placed."""
        kept = []
        for paragraph in after:
            text = paragraph.printed.strip()
            if COLOPHON.match(_squash(text)):
                self.unplaced.append(later("通知的版记“{v0}”（不属于计划）", v0=text))
            else:
                kept.append(paragraph)
        return kept

    @staticmethod
    def _text_blocks(paragraphs: list[Paragraph]) -> list:
        """Paragraphs around the table as the plan writes them: a body paragraph as its text, a section heading
        (marked as one, or a short line numbered 一、 （一） 1. （1） that ends no sentence) as {heading: …}."""
        blocks: list = []
        for paragraph in paragraphs:
            text = _join_lines(paragraph.printed)
            blocks.append({"heading": text} if paragraph.heading or _heading_line(text) else text)
        return blocks

    def _year(self, title: str, before: list[Paragraph], table: Table) -> int:
        printed, title = title, year_digits(title)  # the same length: the term's name is cut from the printed
        named = read_term_name(title)
        if named is not None:  # 2025-2026学年第二学期: the spring of 2026; 第一学期: the autumn of 2025
            at = TERM_IN_TITLE.search(_squash(title))
            self.term_named = (_squash(printed)[at.start() : at.end()], named.autumn)  # type: ignore[union-attr]
            if self.year_given is not None and self.year_given != named.year:
                self.guesses.append(
                    later(
                        "标题里的学期“{v0}”在 {v1} 年开学，按 --year 用 {v2} 年：term 不写学期名称，请核对",
                        v0=self.term_named[0],
                        v1=named.year,
                        v2=self.year_given,
                    )
                )
                self.term_named = (None, named.autumn)
                return self.year_given
            else:
                season = later("秋季学期（第一学期）") if named.autumn else later("春季学期（第二学期）")
                self.guesses.append(
                    later(
                        "年份 {v0} 取自标题里的学期“{v1}”：{v2}在 {v0} 年开学",
                        v0=named.year,
                        v1=self.term_named[0],
                        v2=season,
                    )
                )
                return named.year
        found = YEAR_IN_TEXT.search(title)
        if self.year_given is not None:
            if found and int(found[1]) != self.year_given:
                self.guesses.append(later("标题写的是 {v0} 年，按 --year 用 {v1} 年", v0=found[1], v1=self.year_given))
            return self.year_given
        if found:
            self.guesses.append(later("年份 {v0} 取自标题", v0=found[1]))
            return int(found[1])
        texts = [year_digits(p.printed) for p in before] + [year_digits(c.text) for c in table.cells]
        years = Counter(int(m[1]) for text in texts for m in YEAR_IN_TEXT.finditer(text))
        years = Counter({y: n for y, n in years.items() if PLAN_YEARS[0] <= y <= PLAN_YEARS[1]})
        if years:
            year = years.most_common(1)[0][0]
            self.guesses.append(later("标题没有年份；年份 {v0} 是表格里出现最多的年份", v0=year))
            return year
        raise RecognitionError(
            tr("看不出 {v0} 是哪一年的计划（标题和表格里都没有年份）；请加 --year 指定，如 --year 2021", v0=self.name)
        )

    def _organisation(self) -> str | None:
        if self.organisation_given:
            return self.organisation_given
        author = (self.source.author or "").strip()
        if author and re.search(
            r"(中心|局|厅|委员会|办公室|办|处|科|学校|学院|大学|中学|小学|幼儿园|领导小组)$", author
        ):
            self.guesses.append(later("发文机关（organisation）“{v0}”取自文档属性的作者", v0=author))
            return author
        return None

    def _finished(self, data: dict, after: list) -> Recognised:
        """The plan with the paragraphs under the table as its notes, closing text and 落款, the term and the page
        style read, and the report."""
        self._term(data)
        self._undatable(data)
        after = self._signature(data, self._without_colophon(after))
        self._organisation_signed(data)
        first_heading = next(
            (i for i, p in enumerate(after) if p.heading or _heading_line(_join_lines(p.printed), chinese=True)),
            len(after),
        )
        notes = self.table_notes + [p.printed.strip() for p in after[:first_heading]]
        if notes:
            data["notes"] = notes
            self.guesses.append(later("表格下的 {v0} 段作为注（notes）", v0=len(notes)))
        if after[first_heading:]:
            data["closing"] = self._text_blocks(after[first_heading:])
            self.guesses.append(
                later(
                    "从小标题“{v0}”起的 {v1} 段作为结尾正文（closing:）",
                    v0=after[first_heading].printed.strip(),
                    v1=len(after) - first_heading,
                )
            )
        style = self._style()
        if style:
            data["style"] = style
        return Recognised(data, self.guesses, self.unplaced)

    def _organisation_signed(self, data: dict) -> None:
        """`organisation:` from the 落款 for a plan that has none (no --org, no office as the document's author):
        the office that signs the plan issues it; of several (联合行文) the first, the one that leads."""
        if "organisation" in data or "signature" not in data:
            return
        names = data["signature"]["organisation"]
        names = [names] if isinstance(names, str) else names
        data["organisation"] = names[0]
        self.guesses.append(
            later("发文机关（organisation）“{v0}”取自落款", v0=names[0])
            if len(names) == 1
            else later("发文机关（organisation）“{v0}”取自落款里的第一个单位（联合行文的主办机关）", v0=names[0])
        )

    def _signature(self, data: dict, after: list[Paragraph]) -> list[Paragraph]:
        """The 落款 at the end: the date (2025年12月20日) on the last line, the issuing organisation(s) on the lines
        right above it — aligned right as the source prints them, or one line naming an office where the file
        keeps no alignment (text). What remains above it is returned."""
        lines = [  # (paragraph, line within it, text): a 落款 may be one paragraph of two lines
            (number, index, text.strip())
            for number, p in enumerate(after)
            for index, text in enumerate(p.printed.split("\n"))
            if text.strip()
        ]
        if not lines:
            return after
        end = len(lines)
        date = None
        if SIGNATURE_DATE.match(_squash(lines[-1][2])):
            date, end = lines[-1][2], end - 1
        names: list[str] = []
        while end > 0 and after[lines[end - 1][0]].right and _organisation_line(lines[end - 1][2]):
            names.insert(0, lines[end - 1][2])
            end -= 1
        if not names and date is not None and end > 0 and _organisation_line(lines[end - 1][2]):
            names, end = [lines[end - 1][2]], end - 1
        if not names:
            return after
        data["signature"] = {"organisation": names[0] if len(names) == 1 else names, **({"date": date} if date else {})}
        self.guesses.append(
            later("落款（signature:）：{v0}{v1}", v0="、".join(names), v1=later("，{v0}", v0=date) if date else "")
        )
        number, index, _ = lines[end]
        kept = after[:number]
        if index > 0:  # the lines of the signature's paragraph above it stay, as a paragraph of their own
            paragraph = after[number]
            head = "\n".join(paragraph.printed.split("\n")[:index])
            kept.append(Paragraph(head, centred=paragraph.centred, right=paragraph.right, heading=paragraph.heading))
        return kept

    def _term(self, data: dict) -> None:
        """`term:` for a plan whose title names its term (2025-2026学年第二学期, 2026年秋季学期), or whose groups
        count the term's weeks (第三周) or name its parts (开学初, 期末): weeks and months are dated from it. The
        first day of term is read from week 1's printed dates, else from a text that prints it (9月1日…开学第一课);
        the last from a text printing 休业式/散学典礼 (1月22日休业式). A day printed nowhere is guessed (1 September,
        the first Monday of March; a term of 20 weeks), and the guess says what was assumed and how to give it."""
        labels = _labels(data.get("periods") or data.get("groups") or [])
        needs = [label for label in labels if term_week_number(label) is not None or SCHOOL_WORDS.search(label)]
        if self.term_named is None and not needs:
            return
        year = data["year"]
        if self.term_named is not None:
            name, autumn = self.term_named
        else:
            months = [m for label in labels if (m := _month_of(label, year)) is not None]
            title = "".join(data["title"]) if isinstance(data["title"], list) else data["title"]
            # weeks only: 春季 in the title, else the autumn term (the one most week tables plan)
            autumn = (months[0] >= 7 or months[0] == 1) if months else "春" not in title
            name = None
        start = dt.date(year, 9, 1) if autumn else _first_monday(year, 3)
        printed = _first_week_start(data.get("periods") or data.get("groups") or [], year, autumn)
        texts = _printed_texts(data)
        said = _term_day(texts, TERM_FIRST_DAY, year, autumn, first=True) if printed is None else None
        if printed is not None:
            start = printed[0]
        elif said is not None:
            start = said[0]
        term: dict = {"name": name} if name else {}
        term["start"] = start
        last = _term_day(texts, TERM_LAST_DAY, year, autumn, first=False)
        if last is not None and last[0] <= start:
            last = None
        weeks = [number for label in labels if (number := term_week_number(label)) is not None]
        if last is not None:  # 1月22日休业式: the term's last day as printed
            term["end"] = last[0]
        elif weeks and max(weeks) > TERM_WEEKS:  # 第二十一周: the term runs to that week's Sunday
            term["end"] = start - dt.timedelta(days=start.weekday()) + dt.timedelta(weeks=max(weeks), days=-1)
            self.guesses.append(
                later(
                    "表格排到第 {v0} 周：学期结束日（term.end）写作那一周的星期日 {v1}",
                    v0=max(weeks),
                    v1=term["end"].isoformat(),
                )
            )
        data["term"] = term
        weekday = WEEKDAYS[start.weekday()]
        if name:
            reason = later("标题写了学期“{v0}”", v0=name)
        elif needs:
            reason = later("分组按学期的周次或开学、期末排（{v0}），要有学期才有日期", v0="、".join(needs[:3]))
        else:
            reason = later("标题写了学期（名称与 --year 不符，没有写）")
        if printed is not None:
            self.guesses.append(
                later(
                    "学期（term:）：{v0}；开学日 {v1}（{v2}）取自第一周印的日期“{v3}”，各周的日期都从它算起，"
                    "请按校历核对",
                    v0=reason,
                    v1=start.isoformat(),
                    v2=weekday,
                    v3=printed[1],
                )
            )
        elif said is not None:
            self.guesses.append(
                later(
                    "学期（term:）：{v0}；开学日 {v1}（{v2}）取自“{v3}”：第一周是它所在的那一周，各周的日期都从它算起，"
                    "请按校历核对",
                    v0=reason,
                    v1=start.isoformat(),
                    v2=weekday,
                    v3=said[1],
                )
            )
        else:
            self.guesses.append(
                later(
                    "学期（term:）：{v0}；开学日 {v1}（{v2}）是推测的（{v3}），表格里没有写：第一周是它所在的那一周，"
                    "各周的日期都从它算起；请按校历改正 term.start，或导入时加 --term-start 日期",
                    v0=reason,
                    v1=start.isoformat(),
                    v2=weekday,
                    v3=later("秋季学期按 9月1日") if autumn else later("春季学期按 3月的第一个星期一"),
                )
            )
        if last is not None:
            self.guesses.append(
                later(
                    "学期结束日（term.end）{v0}（{v1}）取自“{v2}”，请按校历核对",
                    v0=last[0].isoformat(),
                    v1=WEEKDAYS[last[0].weekday()],
                    v2=last[1],
                )
            )
        elif "end" not in term:
            self.guesses.append(assumed_end_guess(start))

    def _undatable(self, data: dict) -> None:
        """A group whose label names a time no one can date (迎检周, 三月份<script>) and whose dates are printed
        nowhere is written as a category (kind: category: no dates of its own, its tasks dated by their own
        deadlines), so the plan loads; the guess says so and how to give it dates instead."""
        from pydantic import ValidationError

        from aidplan.plan.model import Plan
        from aidplan.plan.schedule import schedule

        try:
            items = schedule(Plan.model_validate(data))
        except (ValidationError, ValueError):
            return
        for item in items:
            if not item.span_problem:
                continue
            group = _at(data, item.where)
            if not isinstance(group, dict) or "span" in group or "time" in group or "kind" in group:
                continue
            label = group.pop("label")
            rest = dict(group)
            group.clear()
            group.update({"label": label, "kind": "category", **rest})
            self.guesses.append(
                later("“{v0}”读不出日期：按类别写入（kind: category）；若是时段，请删去 kind 并补 span:", v0=label)
            )

    def _style(self) -> dict:
        style: dict = {}
        facts = self.source.style
        size = facts.get("cell_size")
        name = facts.get("cell_size_name")
        if size is not None and size != 14:
            if name in ("三号", "小三", "四号", "小四", "五号"):
                style["cell_font_size"] = name
                self.guesses.append(later("表格字号 {v0}（{v1:g} 磅）取自单元格的文字", v0=name, v1=size))
            else:
                self.unplaced.append(later("表格字号 {v0:g} 磅：计划只能选三号、小三、四号、小四、五号", v0=size))
        spacing = facts.get("cell_line_spacing")
        if spacing is not None:
            points = float(size) if size is not None else 14.0
            default = round(points * 1.4 + 0.4, 1)
            if abs(float(spacing) - default) > 0.01 and 10 <= float(spacing) <= 40:
                style["line_spacing"] = float(spacing) if float(spacing) != int(spacing) else int(spacing)
                self.guesses.append(later("单元格行距固定值 {v0:g} 磅取自文档", v0=spacing))
        if facts.get("orientation") == "landscape":
            style["orientation"] = "landscape"
            self.guesses.append(later("页面横向取自文档"))
        start = facts.get("page_number_start")
        if start is not None and start != 1 and 1 <= int(start) <= 9999:
            style["page_number_start"] = int(start)
            self.guesses.append(later("页码从 {v0} 开始，取自文档", v0=start))
        return style

    # -- the table ------------------------------------------------------------------------------------------------

    def _rows_like_tasks(self, table: Table) -> bool:
        """Whether a table without a header row reads as more rows of the plan's table: its first row is not a
        header of its own (联系人 | 电话), and its task column holds tasks (numbered, or sentences) or its period
        column periods."""
        first = [c for c in table.row(0) if c is not None]
        if first and all(_header_like(c.text) for c in first):
            return False
        column = self._positions.get("tasks")
        if column is None or column >= table.columns:
            return False
        texts = [_squash(c.text) for c in table.cells if c.column == column]
        if any(NUMBER_PREFIX.match(t) or len(t) > 10 for t in texts):
            return True
        period = self._positions.get("period")  # or its first column holds periods (3月, 第二季度)
        labels = [_squash(c.text) for c in table.cells if c.column == period and c.text.strip()]
        return bool(labels) and all(_reads_as_time(label, 2000) for label in labels)

    def _header(self, table: Table) -> tuple[int, dict[str, str]] | None:
        """The header row (within the first three rows) and each column's role, or None for a table that has no
        recognisable header."""
        for row in range(min(3, table.rows)):
            roles: dict[str, str] = {}
            positions: dict[str, int] = {}
            for column, cell in enumerate(table.row(row)):
                if cell is None or cell.column != column or (cell.rowspan > 1 and cell.row != row):
                    continue
                role = role_of(cell.text) if _header_like(cell.text) else None
                if role == "tasks" and "tasks" in roles and "period" not in roles:
                    roles["period"], positions["period"] = roles.pop("tasks"), positions.pop("tasks")  # 项目 | 内容
                if role is not None and role not in roles:
                    roles[role] = cell.text.strip()
                    positions[role] = column
            if "tasks" in roles and len(roles) >= 2:
                self._positions = positions
                return row, roles
        return None

    def _assumed_header(self, table: Table) -> tuple[int, dict[str, str]]:
        self._positions = {"period": 0, "tasks": 1}
        self.guesses.append(
            later(
                "表格没有表头行（headers: false）：看内容，第一列是分组（时间或类别），第二列是工作内容；"
                "表头不印，列名用“时间”（或“类别”）和“工作内容”"
            )
        )
        return -1, {"period": "时间", "tasks": "工作内容"}

    def _groups(self, table: Table, header_row: int, roles: dict[str, str]) -> list[Group]:
        positions = dict(self._positions)
        groups: list[Group] = []
        for row in range(header_row + 1, table.rows):
            cells = table.row(row)

            def cell_at(role: str) -> Cell | None:
                column = positions.get(role)
                return cells[column] if column is not None and column < len(cells) else None

            period, tasks = cell_at("period"), cell_at("tasks")
            if tasks is None or period is tasks or (period is not None and not tasks.text.strip()):
                text = _join_lines(period.text) if period is not None else ""
                if text and groups and (text.startswith("注") or (period is tasks and row == table.rows - 1)):
                    self.table_notes.append(text)  # a row under the tasks, across the table: 注：…
                elif text and (period is tasks or text.startswith("注")):
                    self.unplaced.append(later("表格第 {v0} 行跨列的“{v1}”", v0=row + 1, v1=text))
                elif text:
                    self.unplaced.append(later("表格第 {v0} 行的时段“{v1}”没有任务", v0=row + 1, v1=text))
                continue
            label = _join_lines(period.text) if period is not None else ""
            continues = period is not None and period.row < row
            if groups and (continues or not label or label == groups[-1].label):
                group = groups[-1]
                repeated = label == group.label and not continues and group.rows
                if repeated and not any("重复的时段名" in g for g in self.guesses):
                    self.guesses.append(later("相邻几行重复的时段名当作同一时段（分页处重印的时段名）"))
            elif not label:
                self.unplaced.append(later("表格第 {v0} 行没有时段：{v1}", v0=row + 1, v1=tasks.text.strip()))
                continue
            else:
                group = Group(label)
                groups.append(group)
            group.rows += 1
            number = cell_at("number")  # a row with one number in its 序号 cell holds one task
            found = self._tasks(tasks, row, number is not None and number.row == row and _squash(number.text).isdigit())
            group.row_tasks.append(sum(1 for t in found if not t.heading))
            group.tasks.extend(found)
            owner = cell_at("owner")
            if owner is not None and (owner.row == row or not group.owner_cells):
                group.owner_cells.append(owner.text)
            deadline = cell_at("deadline")
            if deadline is not None and (deadline.row == row or not group.deadlines):
                group.deadlines.append(_join_lines(deadline.text))
                group.deadline_lines += [line.strip() for line in deadline.text.split("\n") if line.strip()]
            if deadline is not None:
                for task in group.tasks[-1:]:
                    task.deadline = _join_lines(deadline.text) or None
            if owner is not None:
                for task in group.tasks[-1:]:
                    task.owner = _join_lines(owner.text) or None
        return groups

    def _unread_columns(self, tables: list[Table], header_row: int) -> None:
        """Columns the two classic forms have no place for (a second 责任 column, 备注 beside a row per period):
        listed under what found no place, with their cells, never dropped without a word."""
        used = {position for role, position in self._positions.items() if role != "free"}
        table = tables[0]
        for column in range(table.columns):
            cell = table.at(header_row, column)
            if cell is None or cell.column != column or column in used:
                continue
            values = [
                _join_lines(c.text)
                for t in tables
                for c in t.cells
                if c.column == column and c.row > header_row and c.text.strip() and c.colspan == 1
            ]
            if values:
                self.unplaced.append(
                    later(
                        "“{v0}”一列没有读入（这种表格的版式里没有它的位置）：{v1}",
                        v0=_join_lines(cell.text),
                        v1="｜".join(values),
                    )
                )

    def _merge_repeated(self, groups: list[Group]) -> list[Group]:
        merged: list[Group] = []
        for group in groups:
            if merged and merged[-1].label == group.label:
                merged[-1].tasks.extend(group.tasks)
                merged[-1].rows += group.rows
                merged[-1].owner_cells.extend(group.owner_cells)
                merged[-1].deadlines.extend(group.deadlines)
                merged[-1].row_tasks.extend(group.row_tasks)
            else:
                merged.append(group)
        return merged

    def _tasks(self, cell: Cell, row: int, one: bool = False) -> list[Task]:
        """A task cell's tasks: one per paragraph, lines that carry no next number joined to the task before
        (a soft break or a wrapped line), numbered tasks run together on one line split apart. `one`: the row
        numbers one task (its 序号 cell), so lines none of which is numbered are one task's lines."""
        lines: list[str] = []
        for paragraph in cell.paragraphs:
            parts = paragraph.text.split("\n")
            if paragraph.number:
                parts[0] = paragraph.number + parts[0]
            lines.extend(parts)
        pieces: list[str] = []
        for line in lines:
            if line.strip():
                first = split_number(line)
                pieces += split_run_together(line, first.number) if first.number is not None else [line]
        parsed = [split_number(piece) for piece in pieces]
        if (
            len(parsed) > 1
            and all(p.number is None for p in parsed)
            and (one or all(re.match(r"[（(]", p.text) for p in parsed[1:]))
        ):  # 做好寒假慰问<Shift+Enter>困难学生工作, 生源地信用助学贷款预申请<br>（含续贷）: one task, wrapped
            joined = _join_lines("\n".join(piece.strip() for piece in pieces))
            parsed, pieces = [split_number(joined)], [joined]
        tasks: list[Task] = []
        for index, task in enumerate(parsed):
            after = parsed[index + 1] if index + 1 < len(parsed) else None
            if (
                task.number is not None
                and after is not None
                and after.number == 1
                and task.forms.isdisjoint(after.forms)
                and (not tasks or tasks[-1].heading or tasks[-1].forms.isdisjoint(task.forms))
            ):
                task.heading = True  # （一）资助宣传 above tasks numbered 1. 2. …: a sub-heading
                task.text, task.number, task.forms = task.printed, None, frozenset()
                tasks.append(task)
                continue
            if task.number is None and after is not None and after.number == 1 and task.text.endswith(("：", ":")):
                task.heading = True  # 保教工作： above tasks numbered (1) (2) …: a sub-heading without a number
                tasks.append(task)
                continue
            if task.number is None and tasks and not tasks[-1].heading and tasks[-1].number is not None:
                tasks[-1].text = _join_lines(tasks[-1].text + "\n" + pieces[index].strip())  # a wrapped line
                tasks[-1].printed = _join_lines(tasks[-1].printed + "\n" + pieces[index].strip())
                continue
            tasks.append(task)
        for nested in cell.tables:
            texts = [c.text for c in nested.cells if c.text.strip()]
            self.unplaced.append(later("表格第 {v0} 行单元格里的嵌套表格：{v1}", v0=row + 1, v1="｜".join(texts)))
        return tasks

    def _numbering(self, groups: list[Group]) -> tuple[str, str]:
        """The numbering form and scope the printed numbers show: each group from 1 (group), or running on
        through the table (plan). Numbers that repeat or skip are kept as explicit numbers (check warns, W217);
        numbers printed in no common form stay in the task text (numbering: none)."""
        tasks = [t for g in groups for t in g.tasks if not t.heading]
        expected: list[int] = []
        for group in groups:
            count = 0
            for task in group.tasks:
                count = 0 if task.heading else count + 1
                if not task.heading:
                    expected.append(count)
        self._number_the_odd_ones(groups, tasks, expected)
        if tasks and all(t.number is not None for t in tasks):
            common = frozenset.intersection(*(t.forms for t in tasks))
            form = next((f for f in PREFERRED_FORMS if f in common), None)
            if form is not None:
                per_group = [t.number for t in tasks] == expected
                running = [t.number for t in tasks] == list(range(1, len(tasks) + 1))
                if per_group or not running or any(t.heading for g in groups for t in g.tasks):
                    explicit = [t.number != n for t, n in zip(tasks, expected)]
                    for task, differs in zip(tasks, explicit):
                        task.explicit = differs
                    if any(explicit):
                        self.guesses.append(
                            later(
                                "编号样式“{v0}”；有的编号重复或跳号，照原样写成 number:（check 会提示 W217）", v0=form
                            )
                        )
                    else:
                        self.guesses.append(later("编号样式“{v0}”，每个时段从 1 编起", v0=form))
                    return form, "group"
                self.guesses.append(later("编号样式“{v0}”，整张表连续编号（numbering_scope: plan）", v0=form))
                return form, "plan"
        if not any(t.number for t in tasks):
            self.guesses.append(later("任务没有编号（numbering: none）"))
        else:
            self.guesses.append(later("有的任务没有编号，或编号样式不统一：编号原样留在任务文字里（numbering: none）"))
        for task in [t for g in groups for t in g.tasks]:
            task.text = task.printed
            task.number = None
            task.heading = task.outline
        return "none", "group"

    def _number_the_odd_ones(self, groups: list[Group], tasks: list[Task], expected: list[int]) -> None:
        """Most tasks numbered in one form and a few groups' tasks printed without a number (全年 | 每月20日前…):
        the few are numbered in the same form rather than the whole plan left unnumbered, and the guess says so.
        Unnumbered tasks among numbered ones in the same group stay as they are (numbering: none)."""
        odd = [t for t in tasks if t.number is None]
        numbered = [t for t in tasks if t.number is not None]
        if not odd or len(odd) >= len(numbered):
            return
        if any(t.number is None for g in groups for t in g.tasks if not t.heading and any(u.number for u in g.tasks)):
            return
        common = frozenset.intersection(*(t.forms for t in numbered))
        form = next((f for f in PREFERRED_FORMS if f in common and "1" in f), None)
        if form is None:
            return
        alone = [t.number for t in numbered]
        per_group = alone == [n for t, n in zip(tasks, expected) if t.number is not None]
        running = not per_group and alone == list(range(1, len(numbered) + 1))
        count = 0
        for task, position in zip(tasks, expected):
            if task.number is None:
                task.number, task.forms = (count + 1 if running else position), common
                printed = (
                    f"{task.number:02d}{form[2:]}" if form.startswith("01") else form.replace("1", str(task.number), 1)
                )
                self.guesses.append(
                    later(
                        "任务“{v0}”原文没有编号；其他任务都按“{v1}”编号，这一项也编号（印作“{v2}{v0}”），"
                        "整张表不因它改成不编号",
                        v0=task.text,
                        v1=form,
                        v2=printed,
                    )
                )
            count = task.number or count

    def _owners(self, groups: list[Group], layout: str) -> None:
        if layout == "by-task":
            self.guesses.append(later("责任单位按行对应各项任务"))
            return
        for group in groups:
            owners = [
                _join_lines(line)
                for text in group.owner_cells
                for line in re.sub(r"([、，,])\s*\n\s*", r"\1", text).split("\n")  # 资助中心、<br>各高中: one line
                if line.strip()
            ]
            for task in group.tasks:
                task.owner = None
            if len(owners) == 1:
                for task in group.tasks:
                    task.owner = owners[0]
            elif len(owners) == len(group.tasks):
                for task, owner in zip(group.tasks, owners):
                    task.owner = owner
            elif owners:
                for task, owner in zip(group.tasks, owners):
                    task.owner = owner
                self.guesses.append(
                    later(
                        "时段“{v0}”有 {v1} 个责任单位、{v2} 项任务：按顺序对应",
                        v0=group.label,
                        v1=len(owners),
                        v2=len(group.tasks),
                    )
                )

    def _deadlines(self, groups: list[Group], layout: str, header: str | None, year: int) -> None:
        if header is None:
            for group in groups:
                for task in group.tasks:
                    task.deadline = None
            return
        if layout == "by-period":
            own = [g for g in groups if _one_deadline_a_task(g, year)]
            for group in own:  # 1月31日前 / 3月20日前 / 3月31日前 beside three tasks: each task's own
                for task, line in zip([t for t in group.tasks if not t.heading], group.deadline_lines):
                    task.deadline = line
            if own:
                self.guesses.append(
                    later(
                        "{v0}的完成时间一行一个，与任务一一对应：写作各任务的 deadline:，印在各自任务旁",
                        v0=listing([g.label for g in own], quoted=True),
                    )
                )
            for group in groups:
                if group in own:
                    continue
                values = list(dict.fromkeys(d for d in group.deadlines if d))
                group.deadline = values[0] if values else None
                if len(values) > 1:
                    self.unplaced.append(
                        later("时段“{v0}”的其他完成时间：{v1}", v0=group.label, v1="、".join(values[1:]))
                    )
                for task in group.tasks:
                    task.deadline = None
            if len(own) < len(groups):
                self.guesses.append(later("“{v0}”一列是各时段的完成时间", v0=_join_lines(header)))
            return
        printed = [t.deadline for g in groups for t in g.tasks if t.deadline]
        if printed:
            self.unplaced.append(
                later(
                    "“{v0}”一列：按任务排版（by-task）时计划格式还不印这一列；"
                    "各任务的完成时间已写进 deadline:，跟踪和提醒会用到，但渲染的表格里没有这一列",
                    v0=_join_lines(header),
                )
            )

    def _periods(self, groups: list[Group], year: int, numbering: str) -> tuple[list[dict], list[dict]]:
        months: list[int | None] = []
        for group in groups:
            try:
                months.append(parse_period_label(group.label, year).start.month)
            except PeriodLabelError:
                months.append(None)
        recurring, references = self._recurring(groups, months)
        periods = []
        for index, group in enumerate(groups):
            period: dict = {"label": group.label}
            if group.deadline:
                period["deadline"] = group.deadline
            entries: list = []
            for position, task in enumerate(group.tasks):
                reference = references.get((index, position))
                if reference == "placed":
                    continue
                if task.heading:
                    entries.append({"heading": task.text})
                    continue
                if reference is not None:
                    entry: dict = {"recurring": reference[0]}
                    if reference[1] is not None and reference[1] != months[index]:
                        entry["month"] = reference[1]
                else:
                    entry = {"text": task.text}
                if task.explicit and task.number is not None:
                    entry["number"] = task.number
                if task.owner:
                    entry["owner"] = task.owner
                if task.deadline:
                    entry["deadline"] = task.deadline
                entries.append(entry["text"] if list(entry) == ["text"] else entry)
            period["tasks"] = entries
            periods.append(period)
        return recurring, periods

    def _recurring(self, groups: list[Group], months: list[int | None]):
        """Tasks printed in several periods: the same text in at least three (or in every one of two), or the same
        text with the month number varying in at least two. Each becomes one recurring task."""
        occurrences: dict[str, dict[int, tuple[int, int | None]]] = {}
        for index, group in enumerate(groups):
            for position, task in enumerate(group.tasks):
                if task.owner or task.deadline or task.heading:
                    continue
                keys = {(task.text, None)}
                for found in MONTH_NUMBER.finditer(task.text):
                    template = task.text[: found.start()] + MONTH_PLACEHOLDER + task.text[found.end() :]
                    keys.add((template, int(found[1])))
                for key, month in keys:
                    occurrences.setdefault(key, {}).setdefault(index, (position, month))
        chosen: list[tuple[str, dict[int, tuple[int, int | None]]]] = []
        taken: set[tuple[int, int]] = set()
        candidates = sorted(occurrences.items(), key=lambda item: (-len(item[1]), MONTH_PLACEHOLDER in item[0]))
        for text, where in candidates:
            if MONTH_PLACEHOLDER in text:
                varying = len({month for _, month in where.values()}) > 1
                if len(where) < 2 or not varying:
                    continue
            elif len(where) < min(3, len(groups)) or len(groups) < 2:
                continue
            if any((index, position) in taken for index, (position, _) in where.items()):
                continue
            chosen.append((text, where))
            taken.update((index, position) for index, (position, _) in where.items())
        recurring: list[dict] = []
        references: dict[tuple[int, int], object] = {}
        for number, (text, where) in enumerate(chosen, start=1):
            ident = f"routine-{number}" if len(chosen) > 1 else "routine"
            every = len(where) == len(groups)
            first = every and all(position == 0 for position, _ in where.values())
            last = every and all(position == len(groups[i].tasks) - 1 for i, (position, _) in where.items())
            placement = "first" if first else "last" if last and not first else "listed"
            if (
                placement != "listed"
                and MONTH_PLACEHOLDER in text
                and any(month != months[i] for i, (_, month) in where.items())
            ):
                placement = "listed"
            if placement != "listed" and any(t.explicit for g in groups for t in g.tasks):
                placement = "listed"  # numbers written out count positions, which an automatic placement moves
            if placement != "listed" and len(chosen) > 1:
                placement = "listed"  # several automatic placements would reorder each other
            recurring.append({"id": ident, "text": text, "placement": placement})
            for index, (position, month) in where.items():
                references[(index, position)] = "placed" if placement != "listed" else (ident, month)
            shown = "、".join(groups[i].label for i in sorted(where))
            where_said = {"first": later("，每个时段排第一"), "last": later("，每个时段排最后")}.get(placement, "")
            self.guesses.append(
                later(
                    "例行任务“{v0}”（{v1}）出现在 {v2} 个时段（{v3}）{v4}",
                    v0=text,
                    v1=ident,
                    v2=len(where),
                    v3=shown,
                    v4=where_said,
                )
            )
        return recurring, references

    # -- tables of listed columns -----------------------------------------------------------------------------------

    def _general(self, data: dict, table: Table, header_row: int, specs: list[ColumnSpec], after) -> Recognised:
        self._listed(data, table, header_row, specs)
        return self._finished(data, after)

    def _headerless(self, blocks: list, index: int, table: Table, tables: list) -> Recognised:
        """A table of three columns or more printed without a header row: each column's role read from its cells
        (headerless_columns), written with listed columns and `headers: false`."""
        before = [b for b in blocks[:index] if isinstance(b, Paragraph)]
        for _, other in tables:
            if other is not table:
                texts = [c.text for c in other.cells if c.text.strip()]
                self.unplaced.append(
                    later("另一张表格（{v0} 行 × {v1} 列）：{v2}", v0=other.rows, v1=other.columns, v2="｜".join(texts))
                )
        data: dict = {}
        attachment, title_lines, preamble = self._head(before, table, 0)
        self._document_top(data, attachment, title_lines, preamble, before, table)
        self.guesses.append(
            later(
                "表格没有表头行（headers: false）：各列的用处看内容推测（日期是时间，单位名称是责任单位，"
                "文字最多的一列是工作内容）；表头不印，列名是补的"
            )
        )
        self._listed(data, table, -1, headerless_columns(table), body=0)
        data["headers"] = False
        return self._finished(data, [b for b in blocks[index + 1 :] if isinstance(b, Paragraph)])

    def _listed(
        self, data: dict, table: Table, header_row: int, specs: list[ColumnSpec], body: int | None = None
    ) -> None:
        """One table read into listed columns: its columns:, groups: (or tasks:) and numbering, into `data`; `body`
        is the first row of tasks when the table has no header row."""

        def note(row: int, text: str) -> None:
            if text.startswith("注") or row == table.rows - 1:
                self.table_notes.append(_join_lines(text))
            else:
                self.unplaced.append(later("表格第 {v0} 行跨列的“{v1}”", v0=row + 1, v1=_join_lines(text)))

        if body is None:
            body = header_columns(table, header_row)[1]
        if body > header_row + 1:
            self.guesses.append(later("表头有两行：上一行跨列合并的表头与下一行的各列写成 header: [上, 下]"))
        shared: list[tuple[int, int]] = []  # rows whose task cell holds several tasks: (row, how many)

        number_spec = next((s for s in specs if s.role == "number"), None)

        def split(cell: Cell, row: int) -> list[Task]:
            numbered = table.at(row, number_spec.index) if number_spec is not None else None
            # a row with one number in its 序号 cell holds one task: its unnumbered lines are that task's lines
            one = numbered is not None and numbered.row == row and _squash(numbered.text).isdigit()
            tasks = self._tasks(cell, row, one)
            if sum(1 for t in tasks if not t.heading) > 1:
                shared.append((row, sum(1 for t in tasks if not t.heading)))
            return tasks

        spanned: list[tuple[int, Cell]] = []
        roots = read_rows(table, body, specs, split, note, spanned)
        for row, cell in spanned:
            headers = [_join_lines(str(s.header)) for s in specs if cell.column <= s.index < cell.column + cell.colspan]
            self.guesses.append(
                later(
                    "表格第 {v0} 行的“{v1}”跨{v2}合并：按它的第一列“{v3}”读入，其余列留空",
                    v0=row + 1,
                    v1=_join_lines(cell.text),
                    v2=listing(headers, quoted=True),
                    v3=headers[0] if headers else "",
                )
            )
        if not roots:
            raise RecognitionError(
                tr(
                    "{v0} 的表格里没有找到任何工作任务：没有一列的表头像“工作内容”“工作任务”，各行也没有编号的任务；"
                    "请检查表头（计划的表格要有时间和工作内容两列）后再导入",
                    v0=self.name,
                )
            )
        time_spec = next((s for s in specs if s.role == "time"), None)
        for row, count in shared if time_spec is not None else []:
            cell = table.at(row, time_spec.index)  # type: ignore[union-attr]
            if cell is not None and cell.rowspan == 1 and cell.text.strip():
                self.guesses.append(
                    later(
                        "表格第 {v0} 行一个单元格里有 {v1} 项任务，都取这一行的完成时间“{v2}”",
                        v0=row + 1,
                        v1=count,
                        v2=_join_lines(cell.text),
                    )
                )

        def header(spec: ColumnSpec) -> str:  # two header rows shown as 完成情况／已完成
            return "／".join(spec.header) if isinstance(spec.header, list) else spec.header

        task_times = any(t.values.get("time") for node in leaves(roots) for t in node.tasks)
        # a time column all of whose cells went to the groups (周次 | 日期) is theirs
        said = [(header(s), ROLE_SAID["group time" if s.role == "time" and not task_times else s.role]) for s in specs]
        shown = Later(lambda: tr("、").join(tr("{v0}（{v1}）", v0=text, v1=role()) for text, role in said))
        self.guesses.append(later("表格各列：{v0}", v0=shown))
        owner = next((s for s in specs if s.role == "owner"), None)
        for spec in specs:
            if owner is not None and spec.role == "free" and role_of(header(spec).split("／")[-1]) == "owner":
                self.guesses.append(
                    later(
                        "“{v0}”是第二个责任单位列：责任单位（owner:）取“{v1}”，“{v0}”照原样印在自己的列里（cells:）",
                        v0=header(spec),
                        v1=header(owner),
                    )
                )
        levels = sum(1 for s in specs if s.role == "group")
        if levels > 1:
            self.guesses.append(later("{v0} 层分组：合并的单元格（或空着的单元格）归入上面的分组", v0=levels))
        flat = len(roots) == 1 and not roots[0].label and not roots[0].children
        above = [n.label for n in roots if n.across]
        if above:
            columns = listing([header(s) for s in specs if s.role == "group"], quoted=True)
            self.guesses.append(
                later(
                    "跨整行的{v0}是类别行，在{v1}一列的分组之上：其下各行归入该类别（category_rows: true）",
                    v0=listing(above, quoted=True),
                    v1=columns,
                )
            )
        headed = [n for n in roots if n.label] if not levels else []
        merged = [n.label for n in headed if not n.typed]
        typed = [n.label for n in headed if n.typed]
        if merged:
            self.guesses.append(
                later("跨整行的{v0}是类别行：其下各行的任务归入该类别（groups:）", v0=listing(merged, quoted=True))
            )
        if typed:
            self.guesses.append(
                later(
                    "{v0}是写在单元格里的类别行（其他格空着）：其下各行的任务归入该类别（groups:）",
                    v0=listing(typed, quoted=True),
                )
            )
        nodes = leaves(roots)
        groups = [Group(node.label, node.tasks) for node in nodes]
        if any(s.role == "number" for s in specs):
            tasks = [t for g in groups for t in g.tasks if not t.heading]
            marks = set()
            for task in tasks:
                number, mark = _column_number(task.column_number or "")
                marks.add(mark)
                task.number, task.forms = number, frozenset({"1"}) if number is not None else frozenset()
                task.text = task.text if number is not None else task.printed
            numbers = [t.number for t in tasks]
            per_group = all([t.number for t in g.tasks] == list(range(1, len(g.tasks) + 1)) for g in groups)
            # 1. 2. … in the 序号 column (typed, or printed by Word's automatic numbering): the column prints them so
            form = "1" + marks.pop() if len(marks) == 1 and None not in numbers else "1"
            if form != "1":
                self.guesses.append(later('序号一列印作“{v0}”（numbering: "{v0}"）', v0=form))
            if None in numbers:
                data["numbering"] = "none"
                self.guesses.append(later("序号一列有空格或不是数字：序号照原样不写（numbering: none）"))
            elif per_group:
                data["numbering"] = form
                self.guesses.append(later("序号一列的编号每组从 1 编起"))
            else:
                data["numbering"] = form
                if numbers == list(range(1, len(numbers) + 1)):
                    data["numbering_scope"] = "plan"
                    self.guesses.append(later("序号一列整张表连续编号（numbering_scope: plan）"))
                else:
                    for task, expected in zip(tasks, [n for g in groups for n in range(1, len(g.tasks) + 1)]):
                        task.explicit = task.number != expected
                    self.guesses.append(later("序号有重复或跳号，照原样写成 number:（check 会提示 W217）"))
        else:
            data["numbering"], scope = self._numbering(groups)
            if scope != "group":
                data["numbering_scope"] = scope
        data["columns"] = [{"header": s.header, "role": s.role, **({"key": s.key} if s.key else {})} for s in specs]
        if above:
            data["category_rows"] = True
        if flat:
            data["tasks"] = self._node(roots[0])["tasks"]
            self.guesses.append(later("表格没有分组列，也没有类别行：任务按表格顺序列出（tasks:）"))
        else:
            data["groups"] = [self._node(node) for node in roots]

    @staticmethod
    def _sheet_title(table: Table, header_row: int) -> str | None:
        """The one text printed above a table's header (a title row merged across a sheet), if it has one."""
        texts = [
            _join_lines(c.text)
            for row in range(header_row)
            for c in dict.fromkeys(c for c in table.row(row) if c is not None)
            if c.text.strip()
        ]
        return texts[0] if len(texts) == 1 else None

    def _several(self, blocks: list, tables: list, candidates: list) -> Recognised:
        """A document of several tables, each under its heading (一、2020年春季学期): `tables:`, each table read
        with its own columns; the paragraphs between a table and the next one's heading are its notes."""
        data: dict = {}
        first_index, first, (first_header, _) = candidates[0]
        before = [b for b in blocks[:first_index] if isinstance(b, Paragraph)]
        named = [p for p in before if not ATTACHMENT.match(p.printed.strip())]
        heading = before.pop().printed.strip() if len(named) >= 2 else None
        printed = [self._sheet_title(t, h) for _, t, (h, _) in candidates]
        if all(t.caption for _, t, _ in candidates) and all(printed) and not before:
            # a workbook whose every sheet prints its own title row: those are the tables' headings, and the
            # plan's title is what they have in common (2026年学生资助工作计划（春季） / （秋季）)
            common = "".join(c[0] for c in itertools.takewhile(lambda c: len(set(c)) == 1, zip(*printed)))
            if (
                common
                and common[-1].isdigit()
                and any(len(t) > len(common) and t[len(common)].isdigit() for t in printed)
            ):
                common = common.rstrip("0123456789")  # 某县2026年… and 某县2025年…: not “某县202”
            common = common.rstrip("（(【[ ")
            title = common if len(common) >= 4 else str(printed[0])
            attachment, title_lines, preamble = None, [title], []
            self.guesses.append(
                later("每张工作表都印着自己的标题：作各表格的标题，计划标题取它们相同的部分“{v0}”", v0=title)
                if len(common) >= 4
                else later(
                    "每张工作表都印着自己的标题：作各表格的标题；它们没有相同的部分，计划标题用第一张的“{v0}”", v0=title
                )
            )
        else:
            printed = [None] * len(candidates)
            attachment, title_lines, preamble = self._head(before, first, first_header)
        self._document_top(data, attachment, title_lines, preamble, before, first)
        entries: list[dict] = []
        numberings: list[tuple[str, str]] = []
        for k, (index, table, (header_row, _)) in enumerate(candidates):
            if k:
                between = [b for b in blocks[candidates[k - 1][0] + 1 : index] if isinstance(b, Paragraph)]
                heading = between.pop().printed.strip() if between else None
                entries[-1]["notes"] += [p.printed.strip() for p in between]
            if printed[k]:
                heading = printed[k]
            elif heading is None and table.caption:
                heading = table.caption
                self.guesses.append(later("工作表“{v0}”的表格以表名作标题", v0=heading))
            elif k:
                for row in range(header_row):  # a title row above a later sheet's header
                    texts = dict.fromkeys(c.text.strip() for c in table.row(row) if c is not None and c.text.strip())
                    for text in texts:
                        self.unplaced.append(later("表头上方的一行“{v0}”", v0=text))
            entry: dict = {"heading": heading} if heading else {}
            self.table_notes = []
            self._listed(entry, table, header_row, plan_columns(table, header_row, role_of))
            numberings.append((entry.pop("numbering"), entry.pop("numbering_scope", "group")))
            entry["notes"] = list(self.table_notes)
            entries.append(entry)
        for _, other in tables:
            if all(other is not table for _, table, _ in candidates):
                texts = [c.text for c in other.cells if c.text.strip()]
                self.unplaced.append(
                    later("另一张表格（{v0} 行 × {v1} 列）：{v2}", v0=other.rows, v1=other.columns, v2="｜".join(texts))
                )
        data["numbering"], scope = numberings[0]
        if scope != "group":
            data["numbering_scope"] = scope
        for k, (form, own_scope) in enumerate(numberings):
            # numbers running through a later table from 1 again (numbering_scope: plan would run them on from the
            # table before) make it a table numbered its own way too
            restarts = k > 0 and own_scope == "plan"
            if (form, own_scope) == numberings[0] and not restarts:
                continue
            # a table numbered its own way (一、 in one, 1. in the next): its numbering beside its heading
            own = {"numbering": form, **({"numbering_scope": own_scope} if own_scope != scope else {})}
            heading = {"heading": entries[k]["heading"]} if "heading" in entries[k] else {}
            entries[k] = {**heading, **own, **{key: v for key, v in entries[k].items() if key != "heading"}}
            self.guesses.append(
                later(
                    '第 {v0} 张表格的编号与第一张不同：写在它自己的 numbering: "{v1}"',
                    v0=k + 1,
                    v1=form,
                )
                if form != numberings[0][0]
                else later('第 {v0} 张表格的编号从 1 重新编起：写在它自己的 numbering: "{v1}"', v0=k + 1, v1=form)
            )
        headings = [e["heading"] for e in entries if e.get("heading")]
        self.guesses.append(
            later(
                "文档有 {v0} 张表格：写成 tables:，每张有自己的标题和表头（{v1}）",
                v0=len(entries),
                v1="、".join(headings),
            )
        )
        self.table_notes = []
        last = max(index for index, _, _ in candidates)
        recognised = self._finished(data, [b for b in blocks[last + 1 :] if isinstance(b, Paragraph)])
        entries[-1]["notes"] += data.pop("notes", [])
        for entry in entries:
            if not entry["notes"]:
                del entry["notes"]
        data["tables"] = entries
        return recognised

    def _node(self, node: Node) -> dict:
        group: dict = {"label": node.label}
        cells = {}
        for key, value in node.values.items():
            if key in ("owner", "time", "deadline"):
                group[key] = value
            elif value:
                cells[key] = value
        if cells:
            group["cells"] = cells
        if node.children:
            group["groups"] = [self._node(child) for child in node.children]
            lost = [task.text for task in node.tasks if not task.heading]
            if lost:  # a group holds tasks or groups, not both: its own tasks are listed, never dropped unsaid
                self.unplaced.append(
                    later("“{v0}”里分组之外的任务：{v1}", v0=node.label, v1=listing(lost, quoted=True))
                )
            return group
        entries: list = []
        for task in node.tasks:
            if task.heading:
                entries.append({"heading": task.text})
                continue
            entry: dict = {"text": task.text}
            if task.explicit and task.number is not None:
                entry["number"] = task.number
            own = {}
            for key, value in task.values.items():
                if not value:
                    continue
                if key == "owner":
                    entry["owner"] = value
                elif key == "time":
                    entry["deadline"] = value
                elif key != "deadline":
                    own[key] = value
            if own:
                entry["cells"] = own
            entries.append(entry["text"] if list(entry) == ["text"] else entry)
        group["tasks"] = entries
        return group
