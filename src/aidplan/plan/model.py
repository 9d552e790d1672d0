"""The plan format: pydantic models of an annual work plan, exactly as it is printed. No I/O."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

from aidplan.messages import tr
from aidplan.plan.kinds import CELL_FONT_SIZES, DEFAULT_KIND, KINDS, KINDS_DESCRIPTION, ORIENTATIONS
from aidplan.plan.numbering import (
    NUMBERING_FORMS,
    NUMBERING_HELP,
    NUMBERING_SCOPE_HELP,
    NUMBERING_SCOPES,
)
from aidplan.values import frozen

MONTH_PLACEHOLDER = "{month}"
PLAN_YEARS = (1990, 2100)  # the years a plan may be for
DATE_WINDOW = 1  # every date a plan names lies within its year ± this many years (a school year, 次年1月15日)
COMMAND_DATE_YEARS = (1900, 2199)  # --today and --on: far enough around PLAN_YEARS for any question about a plan
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"
KEY_PATTERN = r"^[A-Za-z][A-Za-z0-9_]{0,31}$"
MAX_COLUMNS = 8
MAX_LEVELS = 3  # grouping levels of one table: 资助项目 > 阶段任务 > tasks, 月份 > 周次 > tasks
ROLES = ("group", "task", "number", "owner", "time", "deadline", "free")
TABLE_SHAPE = "table_shape"  # the pydantic error type of a table whose parts do not fit together (E111)


def _shape_error(message: str, at: str | None = None) -> PydanticCustomError:
    """E111; `at`: the key the finding points at, when not the object itself (the `tasks:` beside `groups:`)."""
    return PydanticCustomError(TABLE_SHAPE, "{message}", {"message": message, "at": at})


# Default factories are plain functions, not `list`, `dict` or a model class: pydantic inspects the signature of
# every factory while it builds the models, at each start, and a builtin's or a model's signature costs far more
# to work out than a function's.
def _no_items() -> list:
    return []


def _no_cells() -> dict:
    return {}


def _default_columns() -> Columns:
    return Columns()


def _default_style() -> StyleOverrides:
    return StyleOverrides()


def _default_calendar() -> CalendarSettings:
    return CalendarSettings()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _deadline_from_text(value: object) -> object:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):  # deadline: 2027-04-30, as YAML reads it
        return {"text": f"{value.year}年{value.month}月{value.day}日", "date": value}
    return {"text": value} if isinstance(value, str) else value


def _task_from_text(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


class Deadline(_Strict):
    """A deadline as printed (2月29日) and, when the text alone cannot say it, the date it means."""

    text: str = Field(min_length=1, description="The deadline exactly as printed, e.g. 2月29日 or 5月25日前.")
    date: dt.date | None = Field(
        None, description="The date meant, when the printed text does not name one in the plan's year (次年1月15日)."
    )


DeadlineField = Annotated[
    Deadline, BeforeValidator(_deadline_from_text, json_schema_input_type=str | dt.date | Deadline)
]


# The `span:` as written in the YAML; the schedule turns it into the period's Span (aidplan.plan.periods), the
# dates every check and report uses. (The docstring is the JSON Schema's description, so it stays as it was.)
class WrittenSpan(_Strict):
    """The first and last day of a period whose label is not a month (第一周, 开学前)."""

    start: dt.date = Field(description="First day, ISO form: 2020-03-01.")
    end: dt.date = Field(description="Last day, included: 2020-03-07.")

    @model_validator(mode="after")
    def _ordered(self) -> WrittenSpan:
        if self.end < self.start:
            raise ValueError(tr("span 的结束日期 {end} 早于开始日期 {start}", end=self.end, start=self.start))
        return self


class TaskEntry(_Strict):
    """One numbered task of a period: its own text, or a reference to a recurring task; or a sub-heading line
    printed in the task cell (（一）资助宣传), after which the numbers start again at 1."""

    text: str | None = Field(None, min_length=1, description="The task as printed, without its number.")
    heading: str | None = Field(
        None,
        min_length=1,
        description="A sub-heading printed among the tasks, as printed with its own number: （一）资助宣传. "
        "The tasks after it are numbered from 1 again.",
    )
    recurring: str | None = Field(None, description="Print the recurring task with this id here.")
    month: int | None = Field(
        None, ge=1, le=12, description="With recurring: the month written into its {month} placeholder."
    )
    id: str | None = Field(None, pattern=ID_PATTERN, description="A stable id for tracking (default: period.number).")
    owner: str | None = Field(None, min_length=1, description="责任单位, printed only where the layout has the column.")
    deadline: DeadlineField | None = Field(None, description="The task's own deadline, as printed.")
    number: int | None = Field(None, ge=1, description="The number printed before the task, when given explicitly.")
    cells: dict[str, str] = Field(
        default_factory=_no_cells,
        description="The task's free cells (备注, 完成情况), by the `key` of their column: {note: 已完成}.",
    )

    @model_validator(mode="after")
    def _text_or_recurring(self) -> TaskEntry:
        if self.heading is not None:
            others = [
                name
                for name in ("text", "recurring", "month", "id", "owner", "deadline", "number")
                if getattr(self, name) is not None
            ]
            if others:
                raise ValueError(
                    tr(
                        "heading（小标题）只写标题本身，不能同时写 {others}；小标题下的任务另起一项",
                        others=tr("、").join(others),
                    )
                )
            return self
        if (self.text is None) == (self.recurring is None):
            raise ValueError(tr("任务须有 text（任务内容）或 recurring（引用的例行任务 id），二者只能有一个"))
        if self.month is not None and self.recurring is None:
            raise ValueError(tr("month 只用于 recurring 任务，填入其中的 {month}"))
        return self


TaskField = Annotated[TaskEntry, BeforeValidator(_task_from_text, json_schema_input_type=str | TaskEntry)]


class RecurringTask(_Strict):
    """A task done in every period (每月20日前更新维护…数据), written once and printed in each period."""

    id: str = Field(pattern=ID_PATTERN, description="How periods refer to it and progress records name it.")
    text: str = Field(min_length=1, description="The task as printed; {month} stands for the period's month.")
    owner: str | None = Field(None, min_length=1, description="责任单位.")
    placement: Literal["first", "last", "listed"] = Field(
        "first",
        description="first/last: printed first/last in every period that does not list it itself; "
        "listed: printed only where a period lists it.",
    )


class Columns(_Strict):
    """The table's column headers exactly as printed (spaces included)."""

    period: str = Field("时间", min_length=1)
    tasks: str = Field("工作内容", min_length=1)
    deadline: str = Field("完成时间", min_length=1)
    owner: str = Field("责任单位", min_length=1)
    _order: tuple[str, ...] = PrivateAttr(default=())  # the keys in the order the plan writes them

    @model_validator(mode="wrap")
    @classmethod
    def _remember_order(cls, data: object, handler):
        columns = handler(data)
        if isinstance(data, dict):
            columns._order = tuple(key for key in data if key in cls.model_fields)
        return columns

    def deadline_before_owner(self) -> bool:
        """The plan writes the deadline column before the owner column ({period, tasks, deadline, owner})."""
        order = self._order
        return "deadline" in order and "owner" in order and order.index("deadline") < order.index("owner")


class Period(_Strict):
    """A row group of the plan: a label as printed (元月至2月份), its tasks and an optional deadline.

    Groups nest (资助项目 > 阶段任务 > tasks): a group holds either tasks or sub-groups, at most three levels."""

    label: str = Field(min_length=1, description="The period exactly as printed: 元月至2月份, 三月份, 十一月 …")
    id: str | None = Field(None, pattern=ID_PATTERN, description="Prefix of its tasks' ids (default: its first month).")
    kind: Literal["time", "category"] | None = Field(
        None,
        description="time: a period, its dates from its label, `time:` or `span:`; "
        "category (一、综合工作, 国家助学金): no dates of its own, its tasks dated by their own deadlines. "
        "Default: time when the label reads as a time expression, else category.",
    )
    span: WrittenSpan | None = Field(None, description="Dates covered, for labels that are not months.")
    time: str | None = Field(
        None, min_length=1, description="The group's time cell as printed (起止日期: 9月1日-9月7日); its dates."
    )
    deadline: DeadlineField | None = Field(None, description="完成时间 of the whole period, as printed: 2月29日.")
    owner: str | None = Field(
        None, min_length=1, description="The group's owner cell (落实主体), merged over its rows."
    )
    cells: dict[str, str] = Field(
        default_factory=_no_cells, description="The group's free cells (月主题), by the `key` of their column."
    )
    tasks: list[TaskField] = Field(
        default_factory=_no_items,
        description="The numbered tasks (and any sub-headings among them), in printed order; `[]` for a row "
        "printed blank (a week of a 行事历 with nothing planned).",
    )
    groups: list[Period] = Field(
        default_factory=_no_items, description="Sub-groups in printed order (instead of tasks)."
    )

    @model_validator(mode="after")
    def _heading_before_a_task(self) -> Period:
        if self.tasks and self.tasks[-1].heading is not None:
            raise ValueError(
                tr(
                    "时段“{label}”的最后一项是小标题“{heading}”，它下面没有任务",
                    label=self.label,
                    heading=self.tasks[-1].heading,
                )
            )
        return self

    @model_validator(mode="after")
    def _tasks_or_groups(self) -> Period:
        if self.tasks and self.groups:
            message = tr(
                "分组“{label}”既有 tasks 又有 groups：一个分组要么列任务，要么分成下一级分组", label=self.label
            )
            raise _shape_error(message)
        if (depth := group_depth(self)) > MAX_LEVELS:
            raise _shape_error(
                tr(
                    "分组“{label}”下面有 {depth} 层分组；一张表最多分 {MAX_LEVELS} 层",
                    label=self.label,
                    depth=depth,
                    MAX_LEVELS=MAX_LEVELS,
                )
            )
        return self


Group = Period  # the general name: `groups:` and `periods:` load into the same shape


def group_depth(group: Period) -> int:
    """Levels of grouping from this group down to its tasks (1: a group of tasks)."""
    return 1 + max((group_depth(child) for child in group.groups), default=0)


class TableColumn(_Strict):
    """One column of a table as printed: its header (one line, or two header rows) and its role."""

    header: str | list[str] = Field(
        description="The header as printed; two strings for two header rows ([完成情况, 已完成]): adjacent columns "
        "with the same first text are merged across. One string spans both rows."
    )
    role: Literal[ROLES] = Field(  # type: ignore[valid-type]
        description="group: a grouping level, outermost first, its cell merged down over the rows it groups; "
        "task: the task text (exactly one); number: the task's number (序号); owner: 责任单位; time: each task's "
        "time cell (its `deadline:`), else the group's `time:`; deadline: the group's deadline; free: printed, "
        "not interpreted (备注, 周主题), its value in `cells:` under the column's `key`."
    )
    key: str | None = Field(
        None, pattern=KEY_PATTERN, description="For a free column: the name its values have in cells."
    )

    @model_validator(mode="after")
    def _key_for_free(self) -> TableColumn:
        texts = [self.header] if isinstance(self.header, str) else self.header
        if not 1 <= len(texts) <= 2 or not all(texts):
            raise _shape_error(tr("header 应是一段文字，或两行表头的两段文字（如 [完成情况, 已完成]），不能为空"))
        if self.role == "free" and self.key is None:
            raise _shape_error(
                tr(
                    "自由列“{texts}”缺少 key：任务和分组用 cells 的这个键写它的内容（如 key: note）",
                    texts=texts[0],
                )
            )
        if self.role != "free" and self.key is not None:
            raise _shape_error(
                tr("只有 role: free 的列有 key；“{texts}”的 role 是 {role}", texts=texts[0], role=self.role)
            )
        return self

    @property
    def texts(self) -> tuple[str, ...]:
        return (self.header,) if isinstance(self.header, str) else tuple(self.header)


def _column_list(columns: list[TableColumn]) -> list[TableColumn]:
    roles = [column.role for column in columns]
    if len(columns) > MAX_COLUMNS:
        raise _shape_error(tr("表格有 {count} 列；最多 {MAX_COLUMNS} 列", count=len(columns), MAX_COLUMNS=MAX_COLUMNS))
    if roles.count("task") != 1:
        found = tr("没有") if "task" not in roles else tr("有 {count} 个", count=roles.count("task"))
        raise _shape_error(tr("表格{found} role: task 的列；任务内容列必须正好一个", found=found))
    for role in ("number", "owner", "deadline"):
        if roles.count(role) > 1:
            raise _shape_error(
                tr("表格有 {count} 个 role: {role} 的列；这种列最多一个", count=roles.count(role), role=role)
            )
    if roles.count("group") > MAX_LEVELS:
        raise _shape_error(
            tr("表格有 {count} 个分组列；最多 {MAX_LEVELS} 层分组", count=roles.count("group"), MAX_LEVELS=MAX_LEVELS)
        )
    keys = [column.key for column in columns if column.key]
    if len(set(keys)) < len(keys):
        twice = next(key for key in keys if keys.count(key) > 1)
        raise _shape_error(tr("两列的 key 都是“{twice}”；每个自由列的 key 要不同", twice=twice))
    return columns


ColumnList = Annotated[list[TableColumn], Field(min_length=1), AfterValidator(_column_list)]
COLUMN_FORMS = ("listed", "mapping")  # the two ways to write `columns:`; pydantic puts the form into error locations


def _column_form(value: object) -> str:
    return "listed" if isinstance(value, list) else "mapping"


ColumnsField = Annotated[
    Annotated[ColumnList, Tag("listed")] | Annotated[Columns, Tag("mapping")], Discriminator(_column_form)
]


class StyleOverrides(_Strict):
    """The few layout numbers offices differ on; everything else follows GB/T 9704."""

    cell_font_size: Literal[CELL_FONT_SIZES] | None = Field(None, description="Table text size.")
    line_spacing: float | None = Field(None, ge=10, le=40, description="Exact line spacing in table cells, in pt.")
    orientation: Literal[tuple(ORIENTATIONS)] | None = Field(None, description="Page orientation of the table.")
    page_number_start: int | None = Field(
        None, ge=1, le=9999, description="First page number (attachments continue the notice); 1 to 9999."
    )


class LocalDay(_Strict):
    """A day off that the national calendar does not have (a local holiday, a closure)."""

    date: dt.date = Field(description="The day, ISO form: 2020-09-28.")
    name: str = Field(min_length=1, description="What it is, as reports name it: 校庆日.")


class CalendarSettings(_Strict):
    """Local changes to the official working-day calendar, and what to do with monthly deadlines off work."""

    holidays: list[LocalDay] = Field(default_factory=_no_items, description="Extra non-working days.")
    workdays: list[dt.date] = Field(
        default_factory=_no_items, description="Extra working days (a Saturday worked locally)."
    )
    shift: Literal["keep", "previous", "next"] = Field(
        "keep",
        description="A monthly deadline (每月20日前) that falls on a non-working day: keep it, or move it to the "
        "previous or next working day.",
    )
    day_off_warnings: bool = Field(
        True,
        description="Warn (W220) when a deadline falls on a weekend or holiday; false turns the warning off for "
        "this plan (a school plan whose Saturday deadlines are meant).",
    )


class TermSettings(_Strict):
    """The school term a plan runs over, stated once: weeks (第三周), 开学初, 期中, 期末, 寒假 and 暑假 are
    read from it, and month groups run on into the next year (九月 … 一月)."""

    name: str | None = Field(None, min_length=1, description="The term as printed: 2020-2021学年第二学期.")
    start: dt.date = Field(description="The first day of the term (开学), ISO form: 2021-03-01.")
    end: dt.date | None = Field(None, description="The last day; default: the Sunday of week 20.")

    @model_validator(mode="after")
    def _ordered(self) -> TermSettings:
        if self.end is not None and self.end < self.start:
            raise ValueError(tr("term 的结束日期 {end} 早于开始日期 {start}", end=self.end, start=self.start))
        return self


CATEGORY_ROWS_HELP = (
    "true: the outermost groups (一、资助政策落实) are printed as rows across the whole table, above the group "
    "columns, which group the levels below them (a 分解表: 一、 rows over 重点任务 | 具体内容). Needs listed columns."
)
FLAT_TASKS_HELP = (
    "A table with no grouping at all (序号 | 工作内容 | 时间 | 责任股室): its tasks in printed order, instead of "
    "groups; each is dated by its own time cell (`deadline:`) or the dates in its text. Needs listed columns "
    "without a group column."
)


def _flat_heading_last(tasks: list[TaskEntry] | None) -> None:
    if tasks and tasks[-1].heading is not None:
        raise ValueError(tr("表格的最后一项是小标题“{heading}”，它下面没有任务", heading=tasks[-1].heading))


def _both_message(given: list[str]) -> str:
    return tr(
        "同时写了 {given}；一张表要么分组（groups），要么不分组、直接列任务（tasks），只写其中一个",
        given=tr("、").join(given),
    )


class Table(_Strict):
    """One of several tables a document prints (one per term, per project), under its heading."""

    heading: str | None = Field(None, min_length=1, description="The heading printed above it: 一、2020年春季学期.")
    columns: ColumnsField = Field(default_factory=_default_columns, description="Its columns in printed order.")
    headers: bool = Field(True, description="false: the table is printed without a header row.")
    category_rows: bool = Field(False, description=CATEGORY_ROWS_HELP)
    numbering: Literal[NUMBERING_FORMS] | None = Field(  # type: ignore[valid-type]
        None, description="This table's own numbering form, where it differs from the plan's; its numbers start at 1."
    )
    numbering_scope: Literal[NUMBERING_SCOPES] | None = Field(  # type: ignore[valid-type]
        None, description="This table's own numbering scope (default: the plan's)."
    )
    groups: list[Period] | None = Field(None, min_length=1, description="Its groups in printed order.")
    tasks: list[TaskField] | None = Field(None, min_length=1, description=FLAT_TASKS_HELP)
    notes: list[str] = Field(default_factory=_no_items, description="Lines printed under it, e.g. 注：…")

    model_config = ConfigDict(
        extra="forbid", frozen=True, json_schema_extra={"oneOf": [{"required": ["groups"]}, {"required": ["tasks"]}]}
    )

    @model_validator(mode="after")
    def _groups_or_tasks(self) -> Table:
        if self.groups is None and self.tasks is None:
            raise PydanticCustomError("missing", "Field required", {"field": "groups"})
        if self.groups is not None and self.tasks is not None:
            raise _shape_error(_both_message(["groups", "tasks"]), at="tasks")
        _flat_heading_last(self.tasks)
        return self


HEADING_LEVELS = (1, 2, 3, 4)  # GB/T 9704 7.3.3: 一、 （一） 1. （1）


def heading_level(text: str) -> int:
    """The level of a section heading from the number it starts with (GB/T 9704 7.3.3): 一、 → 1, （一） → 2,
    1. / 1． / 1、 → 3, （1） → 4; a heading with no such number is a first-level one."""
    if re.match(r"^[（(][一二三四五六七八九十百]+[）)]", text):
        return 2
    if re.match(r"^[（(][0-9０-９]+[）)]", text):
        return 4
    if re.match(r"^[0-9０-９]+[.．、]", text):
        return 3
    return 1


def _block_from_text(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


class TextBlock(_Strict):
    """A paragraph of the document outside the table (a preamble, an explanation), or a section heading
    (三、工作安排), exactly as printed."""

    text: str | None = Field(None, min_length=1, description="A body paragraph as printed (仿宋 三号, indented 2 字).")
    heading: str | None = Field(
        None, min_length=1, description="A section heading as printed, with its number: 三、工作安排, （一）资助宣传."
    )
    level: Literal[HEADING_LEVELS] | None = Field(  # type: ignore[valid-type]
        None,
        description="The heading's level (1 黑体, 2 楷体, 3 and 4 仿宋); default: read from its number "
        "(一、 1, （一） 2, 1. 3, （1） 4; no number: 1).",
    )

    @model_validator(mode="after")
    def _text_or_heading(self) -> TextBlock:
        if (self.text is None) == (self.heading is None):
            raise ValueError(tr("正文段落写 text（或直接写文字），小标题写 heading，二者只能有一个"))
        if self.level is not None and self.heading is None:
            raise ValueError(tr("level 只用于 heading（小标题）"))
        return self

    @property
    def heading_level(self) -> int | None:
        """1–4 for a heading, None for a body paragraph."""
        if self.heading is None:
            return None
        return self.level if self.level is not None else heading_level(self.heading)


TextBlockField = Annotated[TextBlock, BeforeValidator(_block_from_text, json_schema_input_type=str | TextBlock)]


def _lines(value: object) -> object:
    return [value] if isinstance(value, str) else value


def _signature_date(value: object) -> object:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):  # date: 2021-03-01, as YAML reads it
        return f"{value.year}年{value.month}月{value.day}日"  # GB/T 9704 7.3.5.4: no zero padding
    return value


class Signature(_Strict):
    """The 落款 under the document: the issuing organisation(s) and the date, placed as GB/T 9704 7.3.5.2
    places them (one blank line below the text, the name 2 字 in from the right, the date under it, its
    first character 2 字 right of the name's)."""

    organisation: Annotated[list[str], BeforeValidator(_lines, json_schema_input_type=str | list[str])] = Field(
        min_length=1, description="The issuing organisation as printed; a list for several (联合行文), one a line."
    )
    date: Annotated[str | None, BeforeValidator(_signature_date, json_schema_input_type=str | dt.date | None)] = Field(
        None, min_length=1, description="成文日期 as printed: 2021年3月1日 (an ISO date is printed so)."
    )

    @model_validator(mode="after")
    def _names(self) -> Signature:
        if any(not name.strip() for name in self.organisation):
            raise ValueError(tr("落款的 organisation 不能有空行"))
        return self


def _title_lines(value: object) -> object:
    if isinstance(value, list) and value and all(isinstance(line, str) for line in value):
        return "\n".join(value)
    return value


class Plan(_Strict):
    """An annual work plan (工作计划表), the wording exactly as published."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={"oneOf": [{"required": [key]} for key in ("periods", "groups", "tables", "tasks")]},
    )

    title: Annotated[str, BeforeValidator(_title_lines, json_schema_input_type=str | list[str])] = Field(
        min_length=1,
        description="The title as printed; a list of lines for a title printed on several lines. It names the plan "
        "in status, calendars and reminders even where print_title is false.",
    )
    print_title: bool = Field(True, description="false: print no title above the table (a table printed without).")
    year: int = Field(
        ge=PLAN_YEARS[0], le=PLAN_YEARS[1], description="The plan's year; dates without a year fall in it."
    )
    organisation: str | None = Field(None, min_length=1, description="The issuing office (not printed in the table).")
    attachment: str | None = Field(None, description="The attachment label as printed: 附件：, 附件1, or none.")
    # the table's kind, under the YAML key users write: layout
    layout: Literal[tuple(KINDS)] = Field(DEFAULT_KIND, description=KINDS_DESCRIPTION)  # type: ignore[valid-type]
    numbering: Literal[NUMBERING_FORMS] = Field("1、", description=NUMBERING_HELP)  # type: ignore[valid-type]
    numbering_scope: Literal[NUMBERING_SCOPES] = Field(  # type: ignore[valid-type]
        "group", description=NUMBERING_SCOPE_HELP
    )
    columns: ColumnsField = Field(
        default_factory=_default_columns,
        description="The column headers by role (period, tasks, deadline, owner), or the columns in printed order: "
        "[{header: 序号, role: number}, …].",
    )
    headers: bool = Field(True, description="false: the table is printed without a header row.")
    category_rows: bool = Field(False, description=CATEGORY_ROWS_HELP)
    owners: bool = Field(False, description="Print a 责任单位 column.")
    recurring: list[RecurringTask] = Field(default_factory=_no_items, description="Tasks printed in every period.")
    term: TermSettings | None = Field(None, description="The school term the plan runs over, for school plans.")
    periods: list[Period] | None = Field(None, min_length=1, description="The periods in printed order.")
    groups: list[Period] | None = Field(None, min_length=1, description="The table's groups (the same as periods).")
    tables: list[Table] | None = Field(
        None, min_length=1, description="Several tables, each with its heading, columns and groups, in printed order."
    )
    tasks: list[TaskField] | None = Field(None, min_length=1, description=FLAT_TASKS_HELP)
    preamble: list[TextBlockField] = Field(
        default_factory=_no_items,
        description="Paragraphs and section headings printed between the title and the (first) table, in order.",
    )
    notes: list[str] = Field(default_factory=_no_items, description="Lines printed under the table, e.g. 注：…")
    closing: list[TextBlockField] = Field(
        default_factory=_no_items, description="Paragraphs and headings printed after the (last) table and its notes."
    )
    signature: Signature | None = Field(None, description="The 落款: issuing organisation and date, at the end.")
    style: StyleOverrides = Field(default_factory=_default_style)
    calendar: CalendarSettings = Field(default_factory=_default_calendar)

    @property
    def name(self) -> str:
        """The title on one line (a title printed on several lines, joined as it reads): how the plan is named
        where a line break cannot go or does not belong — calendars, tables of results, reminders, headings."""
        return self.title.replace("\n", "")

    @model_validator(mode="after")
    def _one_table_form(self) -> Plan:
        given = [key for key in ("periods", "groups", "tables", "tasks") if getattr(self, key) is not None]
        if not given:  # reported as the missing `periods`, as always
            raise PydanticCustomError("missing", "Field required", {"field": "periods"})
        if "tasks" in given and "tables" in given:
            raise _shape_error(
                tr("计划同时写了 tables 和顶层的 tasks：有几张表时，不分组的那张表把 tasks 写在 tables 的那一项下"),
                at="tasks",
            )
        if "tasks" in given and len(given) > 1:
            raise _shape_error(_both_message(given), at="tasks")
        _flat_heading_last(self.tasks)
        if len(given) > 1:
            raise _shape_error(
                tr(
                    "计划同时写了 {given}；只写其中一个（groups 与 periods 相同，多张表用 tables）",
                    given=tr("、").join(given),
                )
            )
        return self


def table_numbering(plan: Plan, index: int) -> tuple[str, str]:
    """The numbering form and scope of the plan's table `index`: its own where `tables:` gives them, else the
    plan's."""
    table = plan.tables[index] if plan.tables is not None and index < len(plan.tables) else None
    if table is None:
        return plan.numbering, plan.numbering_scope
    return table.numbering or plan.numbering, table.numbering_scope or plan.numbering_scope


def plan_tables(plan: Plan) -> tuple[Table, ...]:
    """The plan's tables in printed order: its `tables:`, or its one table of `periods:`/`groups:`/`tasks:`."""
    if plan.tables is not None:
        return tuple(plan.tables)
    return (
        Table.model_construct(
            heading=None,
            columns=plan.columns,
            headers=plan.headers,
            category_rows=plan.category_rows,
            groups=plan.periods if plan.periods is not None else plan.groups if plan.tasks is None else None,
            tasks=plan.tasks,
            notes=plan.notes,
        ),
    )


FLAT_LABEL = ""  # the label of the group that stands for a table with no grouping; printed nowhere


def table_groups(table: Table) -> list[Period]:
    """The table's groups; a table with no grouping (`tasks:`) as one group of its tasks, whose label
    (FLAT_LABEL) is printed nowhere and which has no dates of its own."""
    if table.tasks is not None:
        return [Period.model_construct(label=FLAT_LABEL, kind="category", tasks=list(table.tasks))]
    return list(table.groups or [])


def is_flat(table: Table) -> bool:
    """A table with no grouping at all: its tasks listed directly."""
    return table.tasks is not None


def groups_key(plan: Plan) -> str:
    """The YAML key the plan's one table is written under: periods or groups (tables: see plan_tables)."""
    return "groups" if plan.groups is not None else "periods"


def all_groups(plan: Plan) -> list[Period]:
    """Every group of every table that holds tasks (or nothing), in printed order: what `periods` was."""
    found: list[Period] = []

    def walk(groups: list[Period]) -> None:
        for group in groups:
            if group.groups:
                walk(group.groups)
            else:
                found.append(group)

    for table in plan_tables(plan):
        walk(table_groups(table))
    return found


@frozen
class PrintedTask:
    """A task as it appears in its period: number, final text and where it came from."""

    number: int
    text: str
    id: str
    owner: str | None
    deadline: Deadline | None
    recurring_id: str | None
    entry_index: int | None  # index into Period.tasks; None for a recurring task placed automatically
    headings: tuple[str, ...] = ()  # sub-heading lines printed just before it (（一）资助宣传)
    expected: int | None = None  # the number counting would give, where the printed one differs (repeat, skip)


def printed_tasks(
    plan: Plan, period: Period, period_key: str, month: int | None, previous: int = 0
) -> list[PrintedTask]:
    """The tasks of a period in printed order, recurring tasks placed and numbered.

    `month` fills {month} in recurring texts when the period's entry does not say it; `period_key`
    prefixes the default ids (5 → 5.1, 5.2 …). A task without `number:` takes the number after the task
    before it: 1 at the start of the group (`previous` + 1 where numbers run on across groups), 1 after a
    sub-heading. A number printed twice in a group gives the ids 5.1, 5.1-2 …, so default ids never collide.
    """
    recurring = {task.id: task for task in plan.recurring}
    listed = {entry.recurring for entry in period.tasks if entry.recurring}
    items: list[tuple[TaskEntry | None, RecurringTask | None, int | None]] = []
    for index, entry in enumerate(period.tasks):
        items.append((entry, recurring.get(entry.recurring) if entry.recurring else None, index))
    for task in plan.recurring:
        if task.id in listed or task.placement == "listed":
            continue
        if task.placement == "first":
            items.insert(sum(1 for entry, rec, _ in items if entry is None), (None, task, None))
        else:
            items.append((None, task, None))
    result = []
    headings: list[str] = []
    seen: dict[int, int] = {}
    for entry, rec, index in items:
        if entry is not None and entry.heading is not None:
            headings.append(entry.heading)
            previous = 0
            continue
        expected = previous + 1
        number = entry.number if entry is not None and entry.number is not None else expected
        previous = number
        if entry is not None and entry.text is not None:
            text = entry.text
        elif rec is not None:
            fill = entry.month if entry is not None and entry.month is not None else month
            text = rec.text.replace(MONTH_PLACEHOLDER, str(fill)) if fill is not None else rec.text
        else:  # a reference to an unknown recurring id; the checker reports it
            text = entry.recurring or ""
        owner = (entry.owner if entry is not None else None) or (rec.owner if rec is not None else None)
        seen[number] = seen.get(number, 0) + 1
        repeat = f"-{seen[number]}" if seen[number] > 1 else ""
        default = f"{period_key}.{number}{repeat}" if period_key else f"{number}{repeat}"  # a flat table: 1, 2 …
        task_id = entry.id if entry is not None and entry.id else default
        result.append(
            PrintedTask(
                number=number,
                text=text,
                id=task_id,
                owner=owner,
                deadline=entry.deadline if entry is not None else None,
                recurring_id=rec.id if rec is not None else (entry.recurring if entry is not None else None),
                entry_index=index,
                headings=tuple(headings),
                expected=expected if number != expected else None,
            )
        )
        headings = []
    return result


def normalise_text(text: str) -> str:
    """Text with all white space removed, for comparing wording with the published documents."""
    return re.sub(r"\s+", "", text)
