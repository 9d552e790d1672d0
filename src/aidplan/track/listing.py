"""Every task of a plan with its id, printed number, group, dates and where each date comes from (`aidplan tasks`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from aidplan.plan.model import Plan, table_numbering
from aidplan.plan.numbering import format_number
from aidplan.plan.periods import PeriodLabelError, Span, parse_period_label
from aidplan.plan.schedule import ScheduledPeriod, group_path, owner_of, plan_term, schedule, task_deadline
from aidplan.plan.workdays import WorkCalendar
from aidplan.track.tracking import DEADLINE_SOURCES, TrackedItem, tracked_items

# where a task's first and last day come from (its group's dates)
SPAN_SOURCES = {
    "label": "时段名称",  # read from the group's label: 三月份, 9月1日-9月7日, 第一周（9月1日-9月7日）
    "term": "学期",  # worked out from the plan's term: 第三周, 开学初, 寒假, 全学期
    "span": "span",  # written out under the group: span: {start, end}
    "time": "分组时间",  # the group's time cell (起止日期: 9月1日-9月7日)
    "task": "任务时间",  # the task's own time cell, when it names more than a day (9月20日-10月8日, 5月)
    "parent": "上级分组",  # a category under a time group (9月 > 宣传发动): the dates of the group it is under
}


@dataclass(frozen=True)
class TaskRow:
    """One printed task: what `aidplan tasks` lists."""

    id: str
    number: str  # as printed: 1、 / 01. / ③; "" when the plan prints no numbers
    group: str  # the label of its group, under those of the groups it is printed in: 国家助学金 › 宣传发动
    text: str
    owner: str | None
    start: dt.date | None
    end: dt.date | None
    span_source: str | None  # a key of SPAN_SOURCES; None when the group has no dates
    deadline: dt.date | None  # None for a recurring task (see occurrences) or a group without dates
    deadline_source: str | None  # a key of DEADLINE_SOURCES
    deadline_text: str | None  # the text the deadline was read from: 5月25日前, 每月20日前, 2月29日
    occurrences: tuple[dt.date, ...] = ()  # a recurring task's deadlines, one per occurrence


@dataclass(frozen=True)
class PlanTasks:
    """A plan's tasks as `aidplan tasks` lists them."""

    path: Path
    title: str
    rows: list[TaskRow]


def span_source(plan: Plan, item: ScheduledPeriod) -> str | None:
    """Where a group's dates come from: its written span, its label alone, or its label read in the term."""
    if item.span is None:
        return None
    if item.kind == "category":
        return "parent"
    if item.period.span is not None:
        return "span"
    if item.period.time is not None:
        return "time"
    for year in (plan.year, plan.year + 1):  # an autumn term's 一月 is read in the next year
        try:
            if parse_period_label(item.period.label, year) == item.span:
                return "label"
        except PeriodLabelError:
            break
    return "term" if plan.term is not None else "label"


def _task_span(plan: Plan, item: ScheduledPeriod, task) -> Span | None:
    """The days a task's own time cell names when it names more than one (9月20日-10月8日, 第三周, 5月)."""
    if task.deadline is None or task.deadline.date is not None:
        return None
    year = item.span.start.year if item.span is not None else plan.year
    reading = item.deadline_of(task)
    try:
        span = parse_period_label(task.deadline.text, year, plan_term(plan))
        if reading is not None and reading.day is not None and reading.day.year == year + 1 and span.end != reading.day:
            # a deadline read near its group (an autumn term's 1月) is next year's: so are its days
            span = parse_period_label(task.deadline.text, year + 1, plan_term(plan))
    except PeriodLabelError:
        return None
    return span if span.start < span.end and span != item.span else None


def _deadline_text(plan: Plan, item: ScheduledPeriod, task, source: str) -> str | None:
    if source in ("weekly", "monthly", "recurring") and task.deadline is None and item.recurring is not None:
        return item.period.label  # a task of a 每周一 / 每月20日前 group
    if source in ("task", "weekly", "recurring") or (source == "monthly" and task.deadline is not None):
        return task.deadline.text if task.deadline else None
    if source == "monthly":  # 每月20日前…，28日前… written in the text
        from aidplan.plan.deadlines import monthly_days

        return "每月" + "、".join(f"{day}日" for day in monthly_days(task.text))
    if source == "text":
        return task_deadline(plan, item, task).text
    if source == "period":
        return item.period.deadline.text if item.period.deadline else None
    return None


def task_rows(plan: Plan, calendar: WorkCalendar | None = None) -> list[TaskRow]:
    """Every printed task of the plan, in printed order."""
    periods = schedule(plan)
    items: dict[tuple[int, str], list[TrackedItem]] = {}
    for tracked in tracked_items(plan, calendar):
        items.setdefault((tracked.period_index, tracked.task_id), []).append(tracked)
    rows = []
    for item in periods:
        source = span_source(plan, item)
        for task in item.tasks:
            found = items.get((item.index, task.id), [])
            own = _task_span(plan, item, task)
            span = own or item.span
            single = len(found) == 1 and found[0].id == task.id
            # a task with no date at all has no deadline source either (not 时段结束 beside no date)
            dated = [t for t in found if t.deadline is not None]
            deadline_source = dated[0].source if dated else None
            rows.append(
                TaskRow(
                    id=task.id,
                    number=format_number(task.number, table_numbering(plan, item.table)[0]),
                    group=group_path(item),
                    text=task.text,
                    owner=owner_of(item, task),
                    start=span.start if span else None,
                    end=span.end if span else None,
                    span_source="task" if own else source,
                    deadline=found[0].deadline if single else None,
                    deadline_source=deadline_source,
                    deadline_text=_deadline_text(plan, item, task, deadline_source) if deadline_source else None,
                    occurrences=() if single else tuple(t.deadline for t in found if t.deadline is not None),
                )
            )
    return rows


def source_name(row: TaskRow) -> str:
    """The deadline's source as a reader is told it: 文中日期“5月25日前”, 时段结束."""
    if row.deadline_source is None:
        return ""
    name = DEADLINE_SOURCES[row.deadline_source]
    return f"{name}“{row.deadline_text}”" if row.deadline_text else name
