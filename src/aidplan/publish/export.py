"""Deadlines out to calendars: iCalendar (all-day events, stable UIDs, optional reminders) and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aidplan.errors import UsageError
from aidplan.messages import tr
from aidplan.plan.model import Plan
from aidplan.plan.workdays import WEEKDAYS, WorkCalendar
from aidplan.track.tracking import DEADLINE_SOURCES, TrackedItem

UID_NAMESPACE = uuid.UUID("5b4c1f0e-8d3a-4e6b-9c2f-0a1d9a0c0de5")  # fixed forever: UIDs depend on it


@dataclass(frozen=True)
class ExportItem:
    plan_path: Path
    plan: Plan
    item: TrackedItem
    working: bool
    day_reason: str


def parse_reminder(text: str) -> dt.timedelta:
    """3d, 12h, 1w → how long before the deadline's day starts a reminder goes off."""
    match = re.fullmatch(r"\s*(\d{1,3})\s*([dhw])\s*", text)
    if match is None:
        raise UsageError(tr("--remind 的值“{text}”看不懂；请写成 3d（天）、12h（小时）或 1w（周）", text=text))
    amount, unit = int(match[1]), match[2]
    return {"d": dt.timedelta(days=amount), "h": dt.timedelta(hours=amount), "w": dt.timedelta(weeks=amount)}[unit]


def uid_for(plan: Plan, item: TrackedItem) -> str:
    """The same plan (year and title) and task id give the same UID, so re-imports update, not duplicate."""
    return f"{uuid.uuid5(UID_NAMESPACE, f'{plan.year}/{plan.title}/{item.id}')}@aidplan"


def _summary(item: TrackedItem) -> str:
    text = item.text if len(item.text) <= 40 else item.text[:39] + "…"
    return f"[{item.id}] {text}"


def _description(export: ExportItem) -> str:
    item = export.item
    group = item.group or item.period  # none for a table with no grouping
    lines = [
        item.text,
        "",
        f"计划：{export.plan.name}",
        *([f"时段：{group}"] if group else []),
        f"编号：{item.id}",
        f"截止依据：{DEADLINE_SOURCES[item.source]}",
    ]
    if item.owner:
        lines.append(f"责任单位：{item.owner}")
    if not export.working:
        lines.append(f"注意：这一天是{export.day_reason}，不是工作日")
    return "\n".join(lines)


def ics_bytes(items: list[ExportItem], name: str, remind: dt.timedelta | None, stamp: dt.datetime) -> bytes:
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//aidplan//学生资助工作计划//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for export in items:
        item = export.item
        event = Event()
        event.add("uid", uid_for(export.plan, item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.deadline)
        event.add("dtend", item.deadline + dt.timedelta(days=1))  # all-day: DTEND is the next day, exclusive
        event.add("summary", _summary(item))
        event.add("description", _description(export))
        event.add("categories", [export.plan.name, *filter(None, [item.group or item.period])])
        event.add("transp", "TRANSPARENT")
        if remind is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", _summary(item))
            alarm.add("trigger", -remind)
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


# OWASP "CSV injection": a cell starting with one of these is a formula to Excel and LibreOffice
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A cell Excel shows as text: one starting like a formula (=HYPERLINK(…), +1, -2, @SUM, a tab or a
    carriage return) gets a leading apostrophe, as OWASP recommends; the csv module quotes the rest."""
    return "'" + text if text.startswith(_FORMULA_START) else text


CSV_HEADER = ["计划", "编号", "时段", "任务", "责任单位", "截止日期", "星期", "是否工作日", "截止依据"]


def csv_bytes(
    items: list[ExportItem], name: str = "", remind: dt.timedelta | None = None, stamp: dt.datetime | None = None
) -> bytes:
    """One row per deadline; UTF-8 with a BOM so Excel shows the Chinese text. (A table has no calendar name,
    reminder or stamp: the arguments are there for the one signature of EXPORT_FORMATS.)"""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for export in items:
        item = export.item
        writer.writerow(
            csv_cell(cell)
            for cell in [
                export.plan.name,
                item.id,
                item.group or item.period,  # 9月 › 上旬: the whole group path, as `tasks` and `due` print it
                item.text,
                item.owner or "",
                item.deadline.isoformat(),
                WEEKDAYS[item.deadline.weekday()],
                "是" if export.working else f"否（{export.day_reason}）",
                DEADLINE_SOURCES[item.source],
            ]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def export_items(
    plans: list[tuple[Path, Plan]], calendar_places: Sequence[Path] | None = None
) -> tuple[list[ExportItem], set[int]]:
    """Every dated item of the plans (monthly occurrences shifted per each plan's policy)."""
    from aidplan.plan.calendar_files import calendars_for
    from aidplan.plan.schedule import work_calendar
    from aidplan.track.tracking import tracked_items

    result = []
    missing: set[int] = set()
    for path, plan in plans:
        calendar: WorkCalendar = work_calendar(plan, calendars_for(path, calendar_places))
        for item in tracked_items(plan, calendar):
            if item.deadline is not None:
                info = calendar.info(item.deadline)
                result.append(ExportItem(path, plan, item, info.working, info.reason))
        missing |= calendar.missing_years
    return result, missing
