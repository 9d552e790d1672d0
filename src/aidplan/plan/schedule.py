"""A validated plan with its dates worked out: each period's span and printed tasks, each deadline's date."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from aidplan.plan.deadlines import (
    DateInText,
    DeadlineError,
    DeadlineReading,
    dates_in_text,
    read_deadline,
    weekly_in_text,
)
from aidplan.plan.model import Period, Plan, PrintedTask, all_groups, groups_key, plan_tables, printed_tasks
from aidplan.plan.periods import PeriodLabelError, Span, parse_period_label
from aidplan.plan.timeexpr import TERM_WEEKS, Term, TimeError, split_year, term_week_number

if TYPE_CHECKING:
    from aidplan.plan.calendar_files import OfficialCalendars
    from aidplan.plan.workdays import WorkCalendar


@dataclass(frozen=True)
class ScheduledGroup:
    """A group that holds sub-groups (资助项目 over 阶段任务, 月份 over 周次), with its dates if it is a time group."""

    group: Period
    key: str
    kind: str  # time | category
    span: Span | None
    where: tuple  # its location in the YAML: ("tables", 0, "groups", 1)


@dataclass(frozen=True)
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
    pending = [group for table in plan_tables(plan) for group in table.groups]
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
            task = dataclasses.replace(task, id=free)
        result.append(task)
    return result


def schedule(plan: Plan) -> list[ScheduledPeriod]:
    """Every group of the plan that holds tasks, in printed order across its tables, with its span, deadline
    date and printed tasks (the groups above them as `parents`)."""
    return _Scheduler(plan).run()


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
        # the plan as written before tables and nested groups: every group a time period, as always
        self.legacy = plan.tables is None and not isinstance(plan.columns, list)

    def run(self) -> list[ScheduledPeriod]:
        plan = self.plan
        if plan.tables is not None:
            for t, table in enumerate(plan.tables):
                self.walk(table.groups, t, ("tables", t, "groups"), ())
        else:
            self.walk(plan_tables(plan)[0].groups, 0, (groups_key(plan),), ())
        return self.result

    def walk(self, groups: list[Period], table: int, where: tuple, parents: tuple[ScheduledGroup, ...]) -> None:
        categories = 0
        for position, group in enumerate(groups):
            at = (*where, position)
            kind, span, span_problem = self.dates(group, table, len(parents))
            if kind == "category":
                categories += 1
            if group.id:
                key = group.id
            else:
                own = self.own_key(group, kind, span, categories, position)
                key = ".".join([*(parent.key for parent in parents[-1:]), own]) if parents else own
                if key in self.keys:  # a second group starting in the same month: 9, 9-2, 9-3 …
                    key = next(f"{key}-{n}" for n in range(2, len(self.keys) + 3) if f"{key}-{n}" not in self.keys)
            self.keys.add(key)
            if group.groups:
                self.walk(group.groups, table, (*at, "groups"), (*parents, ScheduledGroup(group, key, kind, span, at)))
            else:
                self.leaf(group, key, kind, span, span_problem, table, at, parents)

    def dates(self, group: Period, table: int, level: int) -> tuple[str, Span | None, str | None]:
        """The group's kind and span (or why its label names no dates)."""
        if group.kind == "category":
            return "category", None, None
        year, term = self.year, self.term
        try:
            span = period_span(group, year, term)
            previous = self.previous.get(level)
            printed_year = split_year(re.sub(r"\s+", "", group.time or group.label), year)[2]
            if (
                term is not None
                and group.span is None
                and previous is not None
                and span.start < previous.start
                and not printed_year
            ):
                self.year += 1
                span = period_span(group, self.year, term)
            elif printed_year and group.span is None and level == 0 and span.start.year > self.year:
                self.year = span.start.year  # 2027年1月 printed: the months after it are 2027's too
            if not whole_span(self.plan.year, term, span):  # 全学期 first: 九月 after it is still this year's
                self.previous[level] = span
            return "time", span, None
        except PeriodLabelError as exc:
            if group.kind is None and not self.legacy:
                return "category", None, None  # 一、综合工作: not a time, so a category
            return "time", None, str(exc)

    def own_key(self, group: Period, kind: str, span: Span | None, categories: int, position: int) -> str:
        if kind == "category":
            return f"c{categories}"
        if (week := term_week_number(group.label)) is not None:
            return f"w{week}"  # 第三周 → w3, 预备周 → w0
        if span is not None:
            return str(span.start.month)
        return f"p{position + 1}"

    def leaf(self, group, key, kind, span, span_problem, table, where, parents) -> None:
        plan, year, term = self.plan, self.year, self.term
        reading = read_deadline(group.deadline.text, group.deadline.date, year, term) if group.deadline else None
        deadline, deadline_problem = (reading.day, reading.problem) if reading else (None, None)
        month = span.start.month if span is not None else None
        previous = self.last_number if plan.numbering_scope == "plan" else 0
        tasks = _yield_to_written(printed_tasks(plan, group, key, month, previous), group, self.written_ids)
        if tasks:
            self.last_number = tasks[-1].number
        readings = [  # a task's own deadline, else a weekly duty its text names (每周五…)
            read_deadline(t.deadline.text, t.deadline.date, year, term)
            if t.deadline
            else weekly_in_text(t.text, year, term)
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
            )
        )


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
    return " › ".join([*(parent.group.label for parent in item.parents), item.period.label])


def _year_for(found: DateInText, span: Span | None, year: int) -> int:
    """The year of a month-and-day written in a task: the year printed with it (2011年…; 次年… is the year after
    the period's), else the period's year (the later one across New Year)."""
    month = found.month
    if found.year is not None:
        return found.year
    if found.next_year:
        return (span.start.year if span is not None else year) + 1
    if span is not None and span.end.year > span.start.year and month < span.start.month:
        return span.end.year
    return span.start.year if span is not None else year


class TaskDeadline(NamedTuple):
    """A single task's deadline (not a monthly duty's): the date, where it comes from, the text it was read
    from; and `problem`, the task's own deadline when it names no real day (the date then falls back)."""

    day: date | None
    source: str  # task | text | period | period-end
    text: str | None
    problem: DeadlineError | None = None
    by: bool = True  # a day things are due by; False for the day of an event printed in the text (9月5日组织…)


def task_deadline(plan: Plan, period: ScheduledPeriod, task: PrintedTask) -> TaskDeadline:
    """Its own deadline, else the latest date written in its text, else the period's deadline, else the
    period's last day. An own deadline that names no real day comes back as `problem` beside the fallback
    (`check` reports it as E205 from the same reading)."""
    own = period.deadline_of(task)
    if own is not None and own.day is not None:
        return TaskDeadline(own.day, "task", task.deadline.text if task.deadline else None)
    problem = own.problem if own is not None else None
    written = []
    years = {plan.year} | ({period.span.start.year, period.span.end.year} if period.span is not None else set())
    for found in dates_in_text(task.text):
        if found.year is not None and found.year < min(years):
            continue  # 学习贯彻2019年12月31日印发的… in a 2020 plan names a past year: not a deadline
        year = _year_for(found, period.span, plan.year)  # a later year printed (2011年…, 次年…) is honoured
        try:
            written.append((found.date_in(year), found.text, found.by))
        except TimeError:
            continue
    if written:
        day, text, by = max(written)
        return TaskDeadline(day, "text", text, problem, by)
    if period.deadline is not None:
        text = period.period.deadline.text if period.period.deadline else None
        return TaskDeadline(period.deadline, "period", text, problem)
    return TaskDeadline(period.span.end if period.span else None, "period-end", None, problem)
