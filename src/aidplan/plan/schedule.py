"""A validated plan with its dates worked out: each period's span and printed tasks, each deadline's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from aidplan.plan.deadlines import DeadlineError, dates_in_text, parse_deadline, real_date
from aidplan.plan.model import Deadline, Period, Plan, PrintedTask, printed_tasks
from aidplan.plan.periods import PeriodLabelError, Span, parse_period_label

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


def period_span(period: Period, year: int) -> Span:
    """The period's dates: its explicit span, else read from its label (raises PeriodLabelError)."""
    if period.span is not None:
        return Span(period.span.start, period.span.end)
    return parse_period_label(period.label, year)


def deadline_date(deadline: Deadline, year: int) -> date:
    """The date of a deadline: the one written beside it, else read from its text (raises DeadlineError)."""
    if deadline.date is not None:
        return deadline.date
    return parse_deadline(deadline.text, year)


def work_calendar(plan: Plan, calendars: OfficialCalendars | None = None) -> WorkCalendar:
    """The official working-day calendar: the plan's local days first, then the calendar files' years."""
    from aidplan.plan.workdays import WorkCalendar

    local = plan.calendar
    files = dict(calendars.years) if calendars is not None else {}
    return WorkCalendar({d.date: d.name for d in local.holidays}, set(local.workdays), files=files)


def schedule(plan: Plan) -> list[ScheduledPeriod]:
    """Every period of the plan with its span, deadline date and printed tasks."""
    result = []
    for index, period in enumerate(plan.periods):
        try:
            span, span_problem = period_span(period, plan.year), None
        except PeriodLabelError as exc:
            span, span_problem = None, str(exc)
        deadline, deadline_problem = None, None
        if period.deadline is not None:
            try:
                deadline = deadline_date(period.deadline, plan.year)
            except DeadlineError as exc:
                deadline_problem = exc
        if period.id:
            key = period.id
        elif span is not None:
            key = str(span.start.month)
        else:
            key = f"p{index + 1}"
        month = span.start.month if span is not None else None
        tasks = printed_tasks(plan, period, key, month)
        result.append(ScheduledPeriod(index, period, key, span, span_problem, deadline, deadline_problem, tasks))
    return result


def _year_for(month: int, span: Span | None, year: int) -> int:
    """The year of a month-and-day written in a task: the period's year (the later one across New Year)."""
    if span is not None and span.end.year > span.start.year and month < span.start.month:
        return span.end.year
    return span.start.year if span is not None else year


def task_deadline(plan: Plan, period: ScheduledPeriod, task: PrintedTask) -> tuple[date | None, str, str | None]:
    """A single task's deadline (not a monthly duty's): (date, source, the text it was read from).

    Its own deadline, else the latest date written in its text, else the period's deadline, else the
    period's last day.
    """
    if task.deadline is not None:
        try:
            return deadline_date(task.deadline, plan.year), "task", task.deadline.text
        except DeadlineError:
            pass  # `check` reports it; fall back to the period's date
    written = []
    for found in dates_in_text(task.text):
        try:
            written.append(
                (
                    real_date(_year_for(found.month, period.span, plan.year), found.month, found.day, found.text),
                    found.text,
                )
            )
        except DeadlineError:
            continue
    if written:
        day, text = max(written)
        return day, "text", text
    if period.deadline is not None:
        return period.deadline, "period", period.period.deadline.text if period.period.deadline else None
    return (period.span.end if period.span else None), "period-end", None
