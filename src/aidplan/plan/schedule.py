"""A validated plan with its dates worked out: each period's span and printed tasks, each deadline's date."""

from __future__ import annotations

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
    real_date,
)
from aidplan.plan.model import Period, Plan, PrintedTask, printed_tasks
from aidplan.plan.periods import PeriodLabelError, Span, parse_period_label
from aidplan.plan.timeexpr import TERM_WEEKS, Term, split_year, term_week_number

if TYPE_CHECKING:
    from aidplan.plan.calendar_files import OfficialCalendars
    from aidplan.plan.workdays import WorkCalendar


@dataclass(frozen=True)
class ScheduledPeriod:
    index: int
    period: Period
    key: str  # prefix of its tasks' default ids
    span: Span | None  # None when the label cannot be read and no span is given
    span_problem: str | None
    deadline: date | None
    deadline_problem: DeadlineError | None
    tasks: list[PrintedTask]
    task_deadlines: list[DeadlineReading | None]  # each task's own `deadline:` read, None where it has none

    @functools.cached_property
    def _reading_by_task(self) -> dict[int, DeadlineReading | None]:
        return {id(each): reading for each, reading in zip(self.tasks, self.task_deadlines)}

    def deadline_of(self, task: PrintedTask) -> DeadlineReading | None:
        """The reading of one of this period's tasks' own deadline (by identity: a lookup, not a scan, so a
        period of many tasks stays linear)."""
        return self._reading_by_task[id(task)]


def period_span(period: Period, year: int, term: Term | None = None) -> Span:
    """The period's dates: its explicit span, else read from its label (raises PeriodLabelError)."""
    if period.span is not None:
        return Span(period.span.start, period.span.end)
    return parse_period_label(period.label, year, term)


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


def schedule(plan: Plan) -> list[ScheduledPeriod]:
    """Every period of the plan with its span, deadline date and printed tasks."""
    result = []
    term = plan_term(plan)
    year = plan.year  # in a term plan, a month earlier than the previous group's belongs to the next year
    previous: Span | None = None
    keys: set[str] = set()
    last_number = 0  # where numbers run on across groups (numbering_scope: plan), the last one printed
    for index, period in enumerate(plan.periods):
        try:
            span, span_problem = period_span(period, year, term), None
            if (
                term is not None
                and period.span is None
                and previous is not None
                and span.start < previous.start
                and not split_year(re.sub(r"\s+", "", period.label), year)[2]
            ):
                year += 1
                span = period_span(period, year, term)
            if not whole_span(plan.year, term, span):  # 全学期 first: 九月 after it is still this year's
                previous = span
        except PeriodLabelError as exc:
            span, span_problem = None, str(exc)
        reading = read_deadline(period.deadline.text, period.deadline.date, year, term) if period.deadline else None
        deadline, deadline_problem = (reading.day, reading.problem) if reading else (None, None)
        if period.id:
            key = period.id
        elif (week := term_week_number(period.label)) is not None:
            key = f"w{week}"  # 第三周 → w3, 预备周 → w0
        elif span is not None:
            key = str(span.start.month)
        else:
            key = f"p{index + 1}"
        if not period.id and key in keys:  # a second group starting in the same month: 9, 9-2, 9-3 …
            key = next(f"{key}-{n}" for n in range(2, len(keys) + 3) if f"{key}-{n}" not in keys)
        keys.add(key)
        month = span.start.month if span is not None else None
        tasks = printed_tasks(plan, period, key, month, last_number if plan.numbering_scope == "plan" else 0)
        if tasks:
            last_number = tasks[-1].number
        readings = [read_deadline(t.deadline.text, t.deadline.date, year, term) if t.deadline else None for t in tasks]
        result.append(
            ScheduledPeriod(index, period, key, span, span_problem, deadline, deadline_problem, tasks, readings)
        )
    return result


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
            written.append((real_date(year, found.month, found.day, found.text), found.text, found.by))
        except DeadlineError:
            continue
    if written:
        day, text, by = max(written)
        return TaskDeadline(day, "text", text, problem, by)
    if period.deadline is not None:
        text = period.period.deadline.text if period.period.deadline else None
        return TaskDeadline(period.deadline, "period", text, problem)
    return TaskDeadline(period.span.end if period.span else None, "period-end", None, problem)
