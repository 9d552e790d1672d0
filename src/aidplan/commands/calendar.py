"""aidplan calendar YEAR: a year's days off and make-up workdays (调休), and where each one comes from."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aidplan.errors import AidplanError, FindingsError, UsageError
from aidplan.messages import localized, tr
from aidplan.plan.calendar_files import OfficialCalendars, official_calendars, template
from aidplan.plan.workdays import WEEKDAYS, WorkCalendar, data_version
from aidplan.registry import Line


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    working: bool
    name: str
    source: str  # a calendar file's path:line:col, or the library and its version

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.day.weekday()]  # Chinese in JSON; the text shows it in the user's language


@dataclass
class CalendarYear:
    year: int
    source: str  # the calendar file, or the library
    days_off: list[CalendarDay]
    workdays: list[CalendarDay]


def _library_range() -> str:
    """The years the installed library covers, as its own error message states them."""
    import chinese_calendar

    try:
        chinese_calendar.get_holiday_detail(dt.date(2100, 1, 1))
    except NotImplementedError as exc:
        found = re.search(r"\[(\d{4}), (\d{4})\]", str(exc))
        if found:
            return tr("{group}–{group2} 年", group=found.group(1), group2=found.group(2))
    return tr("已公布的年份")  # pragma: no cover - depends on the library's wording


def missing_year_message(year: int, calendars: OfficialCalendars) -> str:
    target = calendars.suggested_file(year)
    looked = tr("、").join(str(p) if p.exists() else tr("{path}（还不存在）", path=p) for p in calendars.places) or tr(
        "（没有）"
    )
    return tr(
        "没有 {year} 年的官方安排：已安装的 {data_version} 只有 {library_range}的数据，"
        "{looked} 里也没有 {year} 年的日历文件。\n"
        "国务院办公厅公布《关于{year}年部分节假日安排的通知》后，新建 {target}，"
        "照通知写入放假和调休上班日期：\n"
        "\n"
        "{template}\n"
        "然后运行 aidplan check {target} 检查它；计划和 due、status、export 会自动使用它",
        year=year,
        data_version=data_version(),
        library_range=_library_range(),
        looked=looked,
        target=target,
        template=template(year, target),
    )


def calendar_year(year: int, places: Sequence[Path]) -> CalendarYear:
    """The year's days off that are not plain weekends, and its weekend days worked, each with its source."""
    if not 1990 <= year <= 2100:
        raise UsageError(tr("年份 {year} 不在 1990–2100 之间", year=year))
    calendars = official_calendars(places)
    if calendars.findings:
        files = len({f.path for f in calendars.findings})
        raise FindingsError(calendars.findings, tr("{files} 个日历文件有错误", files=files))
    calendar = WorkCalendar(files=dict(calendars.years))
    days_off: list[CalendarDay] = []
    workdays: list[CalendarDay] = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        info = calendar.info(day)
        if year in calendar.missing_years:
            raise AidplanError(missing_year_message(year, calendars))
        weekend = day.weekday() >= 5
        if not info.working and info.reason not in WEEKDAYS:
            days_off.append(CalendarDay(day, False, info.reason, info.source))
        elif info.working and weekend:
            workdays.append(CalendarDay(day, True, info.reason, info.source))
        day += dt.timedelta(days=1)
    official = calendars.years.get(year)
    source = str(official.path) if official is not None else data_version()
    return CalendarYear(year, source, days_off, workdays)


def calendar_text(report: CalendarYear) -> list[Line]:
    """Days off, then make-up workdays, a line each with where it is written."""
    lines = [Line(tr("{year}年的放假和调休上班（来自 {source}）", year=report.year, source=report.source), "heading")]
    for title, days, style in ((tr("放假"), report.days_off, "overdue"), (tr("调休上班"), report.workdays, "upcoming")):
        lines.append(Line(""))
        lines.append(Line(tr("{title}（{count} 天）", title=title, count=len(days)), "heading"))
        width = max((_width(d.name) for d in days), default=0)
        weekday_width = max(_width(localized(name)) for name in WEEKDAYS)
        for d in days:
            weekday = localized(d.weekday)
            weekday += " " * (weekday_width - _width(weekday))
            lines.append(
                Line(f"  {d.day.isoformat()}  {weekday}  {d.name}{' ' * (width - _width(d.name))}  {d.source}", style)
            )
    return lines


def calendar_json(report: CalendarYear) -> str:
    import json

    def entry(d: CalendarDay) -> dict:
        return {"date": d.day.isoformat(), "weekday": d.weekday, "name": d.name, "source": d.source}

    payload = {
        "year": report.year,
        "source": report.source,
        "days_off": [entry(d) for d in report.days_off],
        "workdays": [entry(d) for d in report.workdays],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    from aidplan.render.widths import display_width

    return display_width(text)
