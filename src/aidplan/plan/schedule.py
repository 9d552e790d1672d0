"""A validated plan with its dates worked out: each period's span and printed tasks, each deadline's date."""

from __future__ import annotations

import calendar
import functools
import re
import weakref
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from aidplan.messages import tr
from aidplan.patterns import lazy
from aidplan.plan.deadlines import (
    DeadlineError,
    DeadlineReading,
    dates_in_text,
    names_year,
    parse_deadline,
    read_deadline,
    weekly_in_text,
)
from aidplan.plan.model import (
    FLAT_LABEL,
    Period,
    Plan,
    PrintedTask,
    all_groups,
    groups_key,
    plan_tables,
    printed_tasks,
    table_groups,
    table_numbering,
)
from aidplan.plan.periods import ROUTINE_LABELS, PeriodLabelError, Span, parse_period_label
from aidplan.plan.timeexpr import (
    TERM_WEEKS,
    Term,
    TimeContext,
    TimeError,
    When,
    read_time,
    split_year,
    term_week_number,
)
from aidplan.values import frozen, replace

if TYPE_CHECKING:
    from aidplan.plan.calendar_files import OfficialCalendars
    from aidplan.plan.workdays import WorkCalendar


@frozen
class ScheduledGroup:
    """A group that holds sub-groups (资助项目 over 阶段任务, 月份 over 周次), with its dates if it is a time group."""

    group: Period
    key: str
    kind: str  # time | category
    span: Span | None
    where: tuple  # its location in the YAML: ("tables", 0, "groups", 1)


@frozen
class ScheduledPeriod:
    index: int
    period: Period
    key: str  # prefix of its tasks' default ids
    span: Span | None  # None when the label cannot be read and no span is given, and for a category group
    span_problem: str | None
    deadline: date | None
    deadline_problem: DeadlineError | None
    tasks: list[PrintedTask]
    # each task's own `deadline:` read, or the weekly duty its text names (每周五…); None where it has neither
    task_deadlines: list[DeadlineReading | None]
    kind: str = "time"  # time: a period with dates; category (一、综合工作): its tasks are dated by their own deadlines
    table: int = 0  # which of the plan's tables it is printed in
    where: tuple = ()  # its location in the YAML: ("periods", 2), ("tables", 0, "groups", 1, "groups", 0)
    parents: tuple[ScheduledGroup, ...] = ()  # the groups it is printed under, outermost first
    # a group labelled as a recurrence (每周一, 每月20日前): its tasks are due every such day, over its time parent's
    # dates, else the term, else the days the plan's time groups cover
    recurring: When | None = None
    flat: bool = False  # stands for a table with no grouping (`tasks:`): no label printed, no dates of its own

    @functools.cached_property
    def _reading_by_task(self) -> dict[int, DeadlineReading | None]:
        return {id(each): reading for each, reading in zip(self.tasks, self.task_deadlines)}

    def deadline_of(self, task: PrintedTask) -> DeadlineReading | None:
        """The reading of one of this period's tasks' own deadline (by identity: a lookup, not a scan, so a
        period of many tasks stays linear)."""
        return self._reading_by_task[id(task)]


def period_span(period: Period, year: int, term: Term | None = None) -> Span:
    """The period's dates: its explicit span, else read from its time cell or its label (raises PeriodLabelError)."""
    if period.span is not None:
        return Span(period.span.start, period.span.end)
    return parse_period_label(period.time or period.label, year, term)


def plan_term(plan: Plan) -> Term | None:
    """The term the plan states, its end worked out when it gives only its start (20 weeks: 第二十周's Sunday)."""
    if plan.term is None:
        return None
    start = plan.term.start
    end = plan.term.end or start - timedelta(days=start.weekday()) + timedelta(weeks=TERM_WEEKS, days=-1)
    return Term(start, end, plan.term.name)


def whole_span(year: int, term: Term | None, span: Span) -> bool:
    """A group over the plan's whole span (全年, 常年, 全学期, 本学期 or the same dates written out): the calendar
    year, or the term in a term plan. It runs beside the other groups."""
    return (span.start, span.end) == (date(year, 1, 1), date(year, 12, 31)) or (
        term is not None and (span.start, span.end) == (term.start, term.end)
    )


def work_calendar(plan: Plan, calendars: OfficialCalendars | None = None) -> WorkCalendar:
    """The official working-day calendar: the plan's local days first, then the calendar files' years."""
    from aidplan.plan.workdays import WorkCalendar

    local = plan.calendar
    files = dict(calendars.years) if calendars is not None else {}
    return WorkCalendar({d.date: d.name for d in local.holidays}, set(local.workdays), files=files)


def _every_group(plan: Plan) -> list[Period]:
    """Every group of every table, those holding sub-groups too."""
    found: list[Period] = []
    pending = [group for table in plan_tables(plan) for group in table_groups(table)]
    while pending:
        group = pending.pop()
        found.append(group)
        pending += group.groups or []
    return found


def _yield_to_written(tasks: list[PrintedTask], period: Period, written: set[str]) -> list[PrintedTask]:
    """Default ids that a task's written `id:` elsewhere in the plan already takes get the next free suffix
    (3.2 → 3.2-2): written ids win, and default ids stay unique. Two written ids alike are still E212."""
    if not written:
        return tasks
    taken = written | {task.id for task in tasks}
    result = []
    for task in tasks:
        own = task.entry_index is not None and period.tasks[task.entry_index].id is not None
        if not own and task.id in written:
            free = next(f"{task.id}-{n}" for n in range(2, len(taken) + 3) if f"{task.id}-{n}" not in taken)
            taken.add(free)
            task = replace(task, id=free)
        result.append(task)
    return result


def schedule(plan: Plan) -> list[ScheduledPeriod]:
    """Every group of the plan that holds tasks, in printed order across its tables, with its span, deadline
    date and printed tasks (the groups above them as `parents`).

    Worked out once per plan (and message language): check, due and status each ask for it several times."""
    from aidplan.messages import language

    key = (id(plan), language())
    cached = _SCHEDULES.get(key)
    if cached is None or cached[0]() is not plan:
        cached = (weakref.ref(plan), _Scheduler(plan).run())
        _SCHEDULES[key] = cached
        weakref.finalize(plan, _SCHEDULES.pop, key, None)
    return list(cached[1])


_SCHEDULES: dict[tuple[int, str], tuple[weakref.ref, list[ScheduledPeriod]]] = {}


class _Scheduler:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.term = plan_term(plan)
        self.year = plan.year  # in a term plan, a month earlier than the previous group's belongs to the next year
        # the last time group's span by level, across tables: a school year's second table (2月 … 7月) runs on
        # from the first's months
        self.previous: dict[int, Span] = {}
        self.keys: set[str] = {group.id for group in _every_group(plan) if group.id}  # written ids win over default
        self.written_ids = {entry.id for group in all_groups(plan) for entry in group.tasks if entry.id}
        self.result: list[ScheduledPeriod] = []
        self.last_number = 0  # where numbers run on across groups (numbering_scope: plan), the last one printed
        self.last_table = 0  # the table of the last group numbered
        # the plan as written before tables and nested groups: every group a time period, as always
        self.legacy = plan.tables is None and not isinstance(plan.columns, list)
        # 10月 > 第二周 is October's second week when the plan states no term, unless some sub-group's week number
        # is past any month's (四月 > 第六周): then its weeks are the term's, counted from a term not written down
        weeks = [term_week_number(sub.label) for group in _every_group(plan) for sub in group.groups or []]
        self.month_weeks = self.term is None and all(week is None or week <= 5 for week in weeks)

    def run(self) -> list[ScheduledPeriod]:
        plan = self.plan
        tables = plan_tables(plan)
        for t, table in enumerate(tables):
            at = ("tables", t) if plan.tables is not None else ()
            if table.tasks is not None:  # no grouping: ids 1, 2 … (t2.1, t2.2 … where the plan has several tables)
                key = f"t{t + 1}" if len(tables) > 1 else ""
                if key in self.keys:  # a group elsewhere written with this id
                    key = next(f"{key}-{n}" for n in range(2, len(self.keys) + 3) if f"{key}-{n}" not in self.keys)
                self.keys.add(key)
                self.leaf(table_groups(table)[0], key, "category", None, None, t, at, (), flat=True)
            elif plan.tables is not None:
                self.walk(table_groups(table), t, (*at, "groups"), ())
            else:
                self.walk(table_groups(table), 0, (groups_key(plan),), ())
        return self.bound_recurrences()

    def bound_recurrences(self) -> list[ScheduledPeriod]:
        """A recurring group outside any time group (日常工作 > 每周一) in a plan with no term runs over the days the
        plan's time groups cover (9月 … 12月: its Mondays from September to December), not the whole year."""
        if self.term is not None:
            return self.result
        window = dated_window(self.result, None)
        if window is None:
            return self.result
        first, last = window.start, window.end
        result = []
        for item in self.result:
            if item.recurring is not None and not any(p.kind == "time" and p.span for p in item.parents):
                bounded = replace(item.recurring, start=first, end=last)
                readings = [
                    DeadlineReading(None, None, bounded) if r is not None and r.recurring is item.recurring else r
                    for r in item.task_deadlines
                ]
                item = replace(item, recurring=bounded, task_deadlines=readings)
            result.append(item)
        return result

    def walk(self, groups: list[Period], table: int, where: tuple, parents: tuple[ScheduledGroup, ...]) -> None:
        categories = 0
        for position, group in enumerate(groups):
            at = (*where, position)
            kind, span, span_problem, recurring = self.dates(group, table, parents)
            if kind == "category":
                categories += 1
            if group.id:
                key = group.id
            else:
                own = self.own_key(group, kind, span, categories, position, parents)
                key = ".".join([*(parent.key for parent in parents[-1:]), own]) if parents else own
                if key in self.keys:  # a second group starting in the same month: 9, 9-2, 9-3 …
                    key = next(f"{key}-{n}" for n in range(2, len(self.keys) + 3) if f"{key}-{n}" not in self.keys)
            self.keys.add(key)
            if group.groups:
                self.walk(group.groups, table, (*at, "groups"), (*parents, ScheduledGroup(group, key, kind, span, at)))
            else:
                self.leaf(group, key, kind, span, span_problem, table, at, parents, recurring)

    def dates(
        self, group: Period, table: int, parents: tuple[ScheduledGroup, ...]
    ) -> tuple[str, Span | None, str | None, When | None]:
        """The group's kind and span (or why its label names no dates), and the recurrence a 每周一 group names."""
        if group.kind == "category":
            return "category", None, None, None
        text = re.sub(r"\s+", "", group.time or group.label)
        if group.kind is None and group.span is None and text in ROUTINE_LABELS:
            return "category", None, None, None  # 日常工作, 常规工作: routine work, in every plan form
        parent = parents[-1] if parents else None
        if parent is not None and group.span is None:
            found = self.in_parent(group, text, parent)
            if found is not None:
                return found
        level = len(parents)
        year, term = self.year, self.term
        try:
            span = period_span(group, year, term)
            previous = self.previous.get(level)
            printed_year = split_year(text, year)[2]
            if (
                term is not None
                and group.span is None
                and previous is not None
                and span.start < previous.start
                and not printed_year
            ):
                later = period_span(group, self.year + 1, term)
                # a week out of order stays where it is: E202, the year unchanged; so does a month that the next
                # year does not put in the term (a spring term's 3月 after its weeks is this March, its 2月 after
                # 5月 is out of order, not February of the year after)
                into_term = _in_term(later, term) and not _in_term(span, term)
                if into_term or (later.start >= previous.start and _in_term(later, term)):
                    self.year += 1
                    span = later
            elif printed_year and group.span is None and level == 0 and span.start.year > self.year:
                self.year = span.start.year  # 2027年1月 printed: the months after it are 2027's too
            if not whole_span(self.plan.year, term, span):  # 全学期 first: 九月 after it is still this year's
                self.previous[level] = span
            return "time", span, None, None
        except PeriodLabelError as exc:
            recurring = self.recurrence(text, None)
            if recurring is not None:
                return "category", None, None, recurring
            if group.kind is None and not self.legacy:
                return "category", None, None, None  # 一、综合工作: not a time, so a category
            return "time", None, str(exc), None

    def recurrence(self, text: str, within: Span | None) -> When | None:
        """The recurrence a group label names (每周一, 每月20日前), over `within` (its time parent's dates)."""
        if not text.startswith("每"):
            return None
        try:
            when = read_time(text, TimeContext(self.year, self.term))
        except TimeError:
            return None
        if when.kind != "recurring":
            return None
        if within is not None:
            return replace(when, start=within.start, end=within.end)
        return when

    def in_parent(
        self, group: Period, text: str, parent: ScheduledGroup
    ) -> tuple[str, Span | None, str | None, When | None] | None:
        """A sub-group read relative to the time group it is printed under: 9月 > 上旬 (9月1日-10日), 10月 > 第二周
        (the second week of October when the plan states no term), 3月 > 1日—7日, 9月 > 每周一; any other label
        in the parent's year (an autumn term's 一月 in the next). None when it is not a time group's child."""
        relative = _RELATIVE.match(text)
        anchor = parent.span if parent.kind == "time" else None
        if anchor is None:
            if relative is not None and group.kind is None:  # 日常工作 > 上旬: no month to read it in
                return "time", None, _no_month(group.label, parent.group.label, False), None
            return None
        if (recurring := self.recurrence(text, anchor)) is not None:
            return "category", None, None, recurring
        year = anchor.start.year
        if (day := _WEEKDAY.match(text)) and anchor.start.weekday() == 0 and (anchor.end - anchor.start).days == 6:
            found = anchor.start + timedelta(days=_WEEKDAY_NAMES.index(day["w"]) % 7)  # 第一周 > 周一: its Monday
            return "time", Span(found, found), None, None
        if relative is not None and (relative["week"] is None or self.month_weeks):
            if not _one_month(anchor):
                return "time", None, _no_month(group.label, parent.group.label, True), None
            try:
                span = parse_period_label(f"{year}年{anchor.start.month}月{text}", year, self.term)
            except PeriodLabelError as exc:
                return "time", None, str(exc).replace(f"{year}年{anchor.start.month}月{text}", group.label), None
            return "time", span, None, None
        try:
            span = period_span(group, year, self.term)
            if span.start < anchor.start and not split_year(text, year)[2]:  # 2026年秋季学期 > 一月: January 2027
                later = period_span(group, year + 1, self.term)
                if later.start <= anchor.end:
                    span = later
        except PeriodLabelError as exc:
            if group.kind is None and not self.legacy and exc.unreadable:
                return "category", anchor, None, None  # 9月 > 宣传发动: a category within September's dates
            if group.kind is None and not self.legacy:
                return "category", None, None, None
            return "time", None, str(exc), None
        return "time", span, None, None

    def year_of(self, text: str) -> int:
        """The year a deadline is read in: the current group's, but the plan's for a 次年/明年 printed (the year
        after the plan's, also under an autumn term's 一月, which is already in the next year)."""
        return self.plan.year if text.lstrip().startswith(_NEXT_YEAR_WORDS) else self.year

    def own_key(self, group, kind: str, span: Span | None, categories: int, position: int, parents=()) -> str:
        if kind == "category":
            return f"c{categories}"
        if (week := term_week_number(group.label)) is not None:
            return f"w{week}"  # 第三周 → w3, 预备周 → w0
        if span is not None and span.start == span.end and (day := _WEEKDAY.match(re.sub(r"\s+", "", group.label))):
            return f"d{_WEEKDAY_NAMES.index(day['w']) % 7 + 1}"  # 第一周 > 周一 → w1.d1
        parent = parents[-1].span if parents and parents[-1].kind == "time" else None
        if span is not None and parent is not None and _one_month(parent) and _one_month(Span(parent.start, span.end)):
            return str(span.start.day)  # 9月 > 上旬 / 中旬 / 下旬 → 9.1, 9.11, 9.21 (the day each starts)
        if span is not None:
            return str(span.start.month)
        return f"p{position + 1}"

    def leaf(
        self, group, key, kind, span, span_problem, table, where, parents, recurring=None, flat: bool = False
    ) -> None:
        plan, year, term = self.plan, self.year, self.term
        reading = (
            read_deadline(group.deadline.text, group.deadline.date, self.year_of(group.deadline.text), term)
            if group.deadline
            else None
        )
        if reading is not None and group.deadline is not None:
            reading = near_group(reading, group.deadline.text, span, term)
        deadline, deadline_problem = (reading.day, reading.problem) if reading else (None, None)
        month = span.start.month if span is not None else None
        # a table numbered its own way starts again at 1; numbers run on (numbering_scope: plan) within it
        own = plan.tables is not None and table < len(plan.tables) and plan.tables[table].numbering is not None
        continues = self.last_table == table or not own
        previous = self.last_number if table_numbering(plan, table)[1] == "plan" and continues else 0
        self.last_table = table
        tasks = _yield_to_written(printed_tasks(plan, group, key, month, previous), group, self.written_ids)
        if tasks:
            self.last_number = tasks[-1].number
        readings = [  # a task's own deadline, else a weekly duty its text names (每周五…), else its group's (每周一)
            near_group(
                read_deadline(t.deadline.text, t.deadline.date, self.year_of(t.deadline.text), term),
                t.deadline.text,
                span,
                term,
            )
            if t.deadline
            else weekly_in_text(t.text, year, term) or _recurring_reading(t.text, recurring)
            for t in tasks
        ]
        index = len(self.result)
        self.result.append(
            ScheduledPeriod(
                index,
                group,
                key,
                span,
                span_problem,
                deadline,
                deadline_problem,
                tasks,
                readings,
                kind,
                table,
                where,
                parents,
                recurring,
                flat,
            )
        )


# a sub-group label that only has a meaning inside its parent's month: 上旬, 中下旬, 第二周, 1日—7日, 15日前
_RELATIVE = lazy(
    r"^(?:中下旬|上中旬|上旬|中旬|下旬|上半月|下半月|月初|月中|月底|月末)$"
    r"|^(?P<week>第[一二三四五六七八九十\d]{1,2}周)$"
    r"|^\d{1,2}[日号](?:前|之前|以前)?$"
    r"|^[一二三四五六七八九十\d]{1,3}[日号]?(?:至|到|~|～|-|—|–|－|―|〜|——)\d{1,2}[日号]$"
)


def dated_window(periods: list[ScheduledPeriod], term: Term | None, year: int | None = None) -> Span | None:
    """The days a duty of a category group runs over (日常工作 > 每周一, 每月20日前报送…): the plan's term, else
    from the first to the last day of its time groups, else the calendar `year` when given (a plan of categories
    only); None when it has none of these."""
    if term is not None:
        return Span(term.start, term.end)
    spans = [item.span for item in periods if item.span is not None and item.kind == "time"]
    spans += [p.span for item in periods for p in item.parents if p.span is not None and p.kind == "time"]
    if not spans:
        return Span(date(year, 1, 1), date(year, 12, 31)) if year is not None else None
    return Span(min(s.start for s in spans), max(s.end for s in spans))


_NEXT_YEAR_WORDS = ("次年", "翌年", "明年", "下一年")
_WEEKDAY = lazy(r"^(?:周|星期|礼拜)(?P<w>[一二三四五六日天])$")
_WEEKDAY_NAMES = "一二三四五六日天"  # 天 is 日: index 7 % 7 = 6, Sunday


def _in_term(span: Span, term: Term) -> bool:
    """Whether a span shares a day with the term."""
    return span.start <= term.end and span.end >= term.start


def _one_month(span: Span) -> bool:
    return (span.start.year, span.start.month) == (span.end.year, span.end.month)


def _no_month(label: str, parent: str, several: bool) -> str:
    if several:
        return tr(
            "分组“{label}”要在所属分组“{parent}”的月份里推算日期，但“{parent}”不止一个月；请写明月份（如“9月{label}”）"
            "或用 span 写明起止日期",
            label=label,
            parent=parent,
        )
    return tr(
        "分组“{label}”要在所属分组的月份里推算日期，但所属分组“{parent}”不是时间；请写明月份（如“9月{label}”）"
        "或用 span 写明起止日期",
        label=label,
        parent=parent,
    )


def _recurring_reading(text: str, recurring: When | None) -> DeadlineReading | None:
    """A task of a recurring group (每周一 > 召开例会) is due on each of its days, unless its text names a date."""
    if recurring is None or dates_in_text(text):
        return None
    return DeadlineReading(None, None, recurring)


NEXT_YEAR_REACH = timedelta(days=92)  # a date up to three months after its group ends may be the next year's


def read_near(read, span: Span | None, year: int) -> tuple[date, bool]:
    """A month and day with no year printed, in the year of the group it is written in: `read(year)` gives the day.
    A day before the group's start is the next year's when that puts it in the group or within three months after
    it (1月8日 in a 十二月 group is next January); the bool says when that was a guess (after the group ends).
    Raises what `read` raises."""
    if span is None:
        return read(year), False
    day = read(span.start.year)
    if day >= span.start:
        return day, False
    try:
        later = read(span.start.year + 1)
    except (TimeError, DeadlineError):
        return day, False
    if later <= span.end:
        return later, False  # 全学期 from September: its 1月15日 is next January
    if later <= span.end + NEXT_YEAR_REACH:
        return later, True
    return day, False


def near_group(reading: DeadlineReading, text: str, span: Span | None, term: Term | None) -> DeadlineReading:
    """A deadline written without a year, read near its group (see read_near); in a term plan a group with no
    dates of its own (a category) is read in the term, so an autumn term's 1月15日前 is next January."""
    if span is None and term is not None:  # to the end of the term's last month: its 1月 is not a guess
        last = calendar.monthrange(term.end.year, term.end.month)[1]
        span = Span(term.start, term.end.replace(day=last))
    if reading.day is None or span is None or reading.day >= span.start or names_year(text):
        return reading
    if not re.match(r"^\s*\d{1,2}月|^\s*[一二三四五六七八九十元]{1,2}月|^\s*\d{1,2}[.．]", text):
        return reading  # 第三周, 期末 …: not a month and day
    try:
        day, guessed = read_near(lambda year: parse_deadline(text, year, term), span, reading.day.year)
    except DeadlineError:
        return reading
    if day == reading.day:
        return reading
    return DeadlineReading(day, None, None, guessed)


def owner_of(item: ScheduledPeriod, task: PrintedTask) -> str | None:
    """A task's owner: its own, else its group's owner cell (落实主体, merged over the group's rows), else the
    nearest enclosing group's."""
    if task.owner:
        return task.owner
    for group in (item.period, *(parent.group for parent in reversed(item.parents))):
        if group.owner:
            return group.owner
    return None


def group_path(item: ScheduledPeriod) -> str:
    """The group's label under the labels of the groups it is printed in: 国家助学金 › 宣传发动."""
    if item.flat:
        return FLAT_LABEL
    return " › ".join([*(parent.group.label for parent in item.parents), item.period.label])


class TaskDeadline(NamedTuple):
    """A single task's deadline (not a monthly duty's): the date, where it comes from, the text it was read
    from; and `problem`, the task's own deadline when it names no real day (the date then falls back)."""

    day: date | None
    source: str  # task | text | period | period-end
    text: str | None
    problem: DeadlineError | None = None
    by: bool = True  # a day things are due by; False for the day of an event printed in the text (9月5日组织…)
    # a date in the text with no year, before its group, read as the next year's (1月8日 in a 十二月 group)
    guessed_next_year: bool = False
    # dates in the text that name no real day (2月29日 in 2026), with why: skipped, and `check` warns (W224)
    not_days: tuple[tuple[str, str], ...] = ()


def task_deadline(plan: Plan, period: ScheduledPeriod, task: PrintedTask) -> TaskDeadline:
    """Its own deadline, else the latest date written in its text, else the period's deadline, else the
    period's last day. An own deadline that names no real day comes back as `problem` beside the fallback
    (`check` reports it as E205 from the same reading)."""
    own = period.deadline_of(task)
    if own is not None and own.day is not None:
        return TaskDeadline(own.day, "task", task.deadline.text if task.deadline else None)
    problem = own.problem if own is not None else None
    written = []
    not_days = []
    span = period.span
    years = {plan.year} | ({span.start.year, span.end.year} if span is not None else set())
    term = plan_term(plan) if span is None else None
    window = span
    if term is not None:  # a category of a term plan: its dates are read near the term, as its deadlines are
        window = Span(term.start, term.end.replace(day=calendar.monthrange(term.end.year, term.end.month)[1]))
    for found in dates_in_text(task.text):
        if found.year is not None and found.year < min(years):
            continue  # 学习贯彻2019年12月31日印发的… in a 2020 plan names a past year: not a deadline
        try:
            if found.year is not None:  # a year printed (2011年…) is honoured
                day, guessed = found.date_in(found.year), False
            elif found.next_year:  # 次年…: the year after the plan's (an autumn term's 一月 group too)
                day, guessed = found.date_in(plan.year + 1), False
            else:
                day, guessed = read_near(lambda year, found=found: found.date_in(year, term), window, plan.year)
        except TimeError as exc:
            not_days.append((found.text, str(exc)))
            continue
        written.append((day, found.text, found.by, guessed))
    if written:
        day, text, by, guessed = max(written)
        return TaskDeadline(day, "text", text, problem, by, guessed, tuple(not_days))
    if period.deadline is not None:
        text = period.period.deadline.text if period.period.deadline else None
        return TaskDeadline(period.deadline, "period", text, problem, not_days=tuple(not_days))
    return TaskDeadline(span.end if span else None, "period-end", None, problem, not_days=tuple(not_days))
