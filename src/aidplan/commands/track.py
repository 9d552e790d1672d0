"""aidplan done / mark / due / status: plans and the progress files beside them in, reports out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aidplan.commands.check import find_plan_files, load_valid_plans
from aidplan.commands.formats import EXPORT_FORMATS, STATUS_FORMATS, DocumentTarget
from aidplan.errors import UsageError
from aidplan.files import refuse_inputs_as_outputs, refuse_shared_outputs, shown
from aidplan.messages import tr
from aidplan.patterns import lazy
from aidplan.plan.findings import Finding
from aidplan.plan.model import Plan, StyleOverrides, plan_tables
from aidplan.registry import Line
from aidplan.track.paths import has_progress, progress_for
from aidplan.track.statuses import OPEN_STATUSES
from aidplan.track.tracking import (
    DueReport,
    PlanStatus,
    TrackedItem,
    covered,
    due_for_plan,
    id_texts,
    occurrences_by_task,
    status_for_plan,
    status_of,
    tracked_items,
    year_in_plan,
)

if TYPE_CHECKING:
    from aidplan.track.progress import ProgressRecord, Renumbering

RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "today": 0, "yesterday": -1}
_FULL_DATE = lazy(r"(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?")
_MONTH_DAY = lazy(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日?")


def parse_date(
    text: str,
    option: str,
    year: int | Callable[[], int | Callable[[int, int], int]] | None = None,
    today: dt.date | None = None,
) -> dt.date:
    """A date as people type it: 2020-05-20, 2020/5/20, 2020.5.20, 2020年5月20日, 今天, 昨天, 前天, 明天, and
    5月20日 in `year` (the plan's year; a callable is asked only when the text needs it, and may give a function
    of the month and day: the year that puts the day in the plan's span, see tracking.year_in_plan)."""
    value = text.strip()
    if value in RELATIVE_DAYS:
        return (today or dt.date.today()) + dt.timedelta(days=RELATIVE_DAYS[value])
    full = _FULL_DATE.fullmatch(value)
    month_day = _MONTH_DAY.fullmatch(value) if full is None else None
    if full:
        numbers = tuple(int(n) for n in full.groups())
    elif month_day:
        if year is None:
            raise UsageError(
                tr("{option} 的日期“{text}”没有年份；请写完整日期，如 2020-05-20", option=option, text=text)
            )
        month, day = (int(n) for n in month_day.groups())
        found = year() if callable(year) else year
        numbers = (found(month, day) if callable(found) else found, month, day)
    else:
        raise UsageError(
            tr(
                "{option} 的日期“{text}”看不懂；可以写 2020-05-20、2020/5/20、2020年5月20日、5月20日、今天或昨天",
                option=option,
                text=text,
            )
        )
    from aidplan.plan.model import COMMAND_DATE_YEARS

    first, last = COMMAND_DATE_YEARS
    if not first <= numbers[0] <= last:
        shown = f"{numbers[0]:04d}-{numbers[1]:02d}-{numbers[2]:02d}"
        raise UsageError(
            tr(
                "{option} 的日期 {shown} 不在 aidplan 支持的年份内（{first} 年至 {last} 年）",
                option=option,
                shown=shown,
                first=first,
                last=last,
            )
        )
    try:
        return dt.date(*numbers)
    except ValueError:
        raise UsageError(
            tr(
                "{option} 的日期“{text}”不存在（{numbers}年{numbers2}月没有{numbers3}日）",
                option=option,
                text=text,
                numbers=numbers[0],
                numbers2=numbers[1],
                numbers3=numbers[2],
            )
        ) from None


def plans_year(paths: list[Path], option: str) -> int | Callable[[int, int], int]:
    """For a date typed without its year (5月20日): with one plan under `paths`, the year that puts the day in
    that plan's span (an autumn term's 1月5日 is next January); with several, their one year."""
    from aidplan.plan.loading import load_plan

    plans = [loaded.plan for loaded in map(load_plan, find_plan_files(paths)) if loaded.plan]
    if len(plans) == 1:
        return year_in_plan(plans[0])
    years = sorted({plan.year for plan in plans})
    if len(years) != 1:
        listed = tr("、").join(str(y) for y in years) or tr("（没有可读的计划）")
        raise UsageError(
            tr(
                "{option} 的日期没有年份，而计划的年份是 {listed}；请写完整日期，如 2020-05-20",
                option=option,
                listed=listed,
            )
        )
    return years[0]


def _plans_with_progress(
    paths: list[Path], doing: str, calendar_places: Sequence[Path] | None = None
) -> tuple[list[tuple[Path, Plan, list[ProgressRecord]]], list[Finding]]:
    plans, warnings = load_valid_plans(find_plan_files(paths), doing, calendar_places)
    result = []
    problems: list[Finding] = []
    for path, plan in plans:
        progress = progress_for(path)
        if not has_progress(progress):
            result.append((path, plan, []))
            continue
        from aidplan.track.progress import load_progress, unknown_task_findings

        loaded = load_progress(progress)
        problems += loaded.findings or unknown_task_findings(loaded, id_texts(tracked_items(plan)))
        result.append((path, plan, loaded.records))
    if problems:
        from aidplan.track.progress import progress_file_error

        raise progress_file_error(problems, doing)
    return result, warnings


def due_report(
    paths: list[Path], today: dt.date, within: int, calendar_places: Sequence[Path] | None = None
) -> tuple[DueReport, list[Finding]]:
    if within < 0:
        raise UsageError(tr("--within 不能是负数"))
    from aidplan.plan.calendar_files import calendars_for
    from aidplan.plan.schedule import work_calendar

    plans, warnings = _plans_with_progress(paths, tr("无法列出到期任务"), calendar_places)
    missing: set[int] = set()
    dues = []
    for path, plan, records in plans:
        calendar = work_calendar(plan, calendars_for(path, calendar_places))
        dues.append(due_for_plan(path, plan, records, today, within, calendar))
        missing |= calendar.missing_years
    return DueReport(today, within, dues, sorted(missing)), warnings


def status_reports(
    paths: list[Path], today: dt.date, calendar_places: Sequence[Path] | None = None
) -> tuple[list[tuple[PlanStatus, Plan]], list[Finding]]:
    from aidplan.plan.calendar_files import calendars_for
    from aidplan.plan.schedule import work_calendar

    plans, warnings = _plans_with_progress(paths, tr("无法统计完成情况"), calendar_places)
    return [
        (status_for_plan(path, plan, records, today, work_calendar(plan, calendars_for(path, calendar_places))), plan)
        for path, plan, records in plans
    ], warnings


def record_progress(
    plan_path: Path,
    task_ids: list[str],
    status: str,
    on: dt.date,
    by: str | None,
    note: str | None,
    calendar_places: Sequence[Path] | None = None,
) -> tuple[Path, list[tuple[TrackedItem, list[TrackedItem]]]]:
    """Append one record per task id to the plan's progress file (the plan itself is never touched). Returns
    the file, and for each recurring task named by its plain id the one occurrence the record is for (of the
    week or month of `on`, else the next one due: tracking.covered) with the earlier ones still open. A date
    before the plan's first day is refused: it would record work for a plan not yet begun (a typo, or 昨天
    typed for next year's plan)."""
    _refuse_non_plan(plan_path)
    from aidplan.plan.loading import UNPRINTABLE

    for option, value in (("--by", by), ("--note", note), *((tr("任务编号"), task) for task in task_ids)):
        if value and (bad := UNPRINTABLE.search(value)):
            raise UsageError(
                tr("{option} 含有不允许的控制字符 U+{ord:04X}；请删除它", option=option, ord=ord(bad.group()))
            )
    ((plan_path, plan),) = load_valid_plans(find_plan_files([plan_path]), tr("没有写入任何记录"), calendar_places)[0]
    from aidplan.track.progress import ProgressRecord, append_records, latest_status, load_progress

    items = tracked_items(plan)
    first = _first_day(plan)
    if on < first:
        raise UsageError(
            tr(
                "记录日期 {on} 早于计划的第一天 {start}，没有写入任何记录；"
                "请用 --on 写完成那天的日期（如 --on {start}）",
                on=on.isoformat(),
                start=first.isoformat(),
            )
        )
    records = [ProgressRecord(task=task, status=status, date=on, by=by or None, note=note or None) for task in task_ids]
    path = append_records(plan_path, records, id_texts(items))
    occurrences = occurrences_by_task(items)
    latest = latest_status(load_progress(path).records)
    coverage = []
    for task in task_ids:
        if task not in occurrences or not (found := covered(on, occurrences[task])):
            continue
        one = found[0]
        before = [  # earlier occurrences still open: said, not covered
            item
            for item in occurrences[task]
            if item.deadline is not None
            and item.deadline < one.deadline  # type: ignore[operator]
            and status_of(item, latest, occurrences)[0] in OPEN_STATUSES
        ]
        coverage.append((one, before))
    return path, coverage


def _first_day(plan: Plan) -> dt.date:
    """The plan's first day: its term's, else its first dated group's, else 1 January of its year (a plan of
    categories or a table with no grouping has only its tasks' deadlines, which are not when it begins)."""
    from aidplan.plan.schedule import plan_term, schedule

    starts = [item.span.start for item in schedule(plan) if item.span is not None]
    term = plan_term(plan)
    if term is not None:
        starts.append(term.start)
    return min(starts, default=dt.date(plan.year, 1, 1))


def _refuse_non_plan(plan_path: Path) -> None:
    if plan_path.is_dir() or plan_path.name.endswith(".progress.yaml"):
        raise UsageError(
            tr("{plan_path} 不是计划文件；请给出计划（如 plans/2020-huaibei.yaml）", plan_path=shown(plan_path))
        )


def reid_progress(plan_path: Path, dry_run: bool, calendar_places: Sequence[Path] | None = None) -> Renumbering:
    """Point the records of the plan's progress file at the ids their tasks have now (after the plan was edited)."""
    _refuse_non_plan(plan_path)
    ((plan_path, plan),) = load_valid_plans(find_plan_files([plan_path]), tr("没有改动任何记录"), calendar_places)[0]
    from aidplan.track.progress import reid_records

    return reid_records(plan_path, id_texts(tracked_items(plan)), dry_run)


def ledger_documents(
    statuses: list[tuple[PlanStatus, Plan]],
    today: dt.date,
    out_dir: Path,
    output: Path | None,
    orientation: str | None,
    style: StyleOverrides | None = None,
) -> list[Path]:
    """The 台账 of each plan as DOCX, in the official layout of `render`."""
    from aidplan.files import write_atomic
    from aidplan.render.docx import render_docx
    from aidplan.render.layout import Column, grouped_layout
    from aidplan.render.pages import fit_to_page
    from aidplan.render.reports import ledger_rows
    from aidplan.render.style import profile_for

    if output is not None and len(statuses) != 1:
        raise UsageError(tr("-o/--output 只能用于一个计划；多个计划请用 --out-dir"))
    extension = STATUS_FORMATS["docx"].extension
    targets = [output or out_dir / f"{status.path.stem}{extension}" for status, _ in statuses]
    refuse_shared_outputs([(status.path, target) for (status, _), target in zip(statuses, targets)], tr("生成"))
    refuse_inputs_as_outputs(targets)
    written = []
    for (status, plan), target in zip(statuses, targets):
        profile = profile_for(plan, orientation, style)
        period, tasks = _ledger_headers(plan)
        labelled = bool(status.periods)  # a plan with no grouping (`tasks:`) has no period column
        columns = (
            *((Column("period", period),) if labelled else ()),
            Column("tasks", tasks),
            Column("deadline", "完成时限"),
            Column("status", "完成情况"),
        )
        groups: dict[int, tuple[int, str, list[tuple[str, ...]]]] = {}
        for index, label, cells in ledger_rows(status):
            groups.setdefault(index, (index, label, []))[2].append(cells)
        tally = status.plan
        note = (
            f"截至{today.year}年{today.month}月{today.day}日：共 {tally.total} 项，已完成 {tally.done} "
            f"项（{tally.percent}%），逾期未完成 {tally.overdue} 项。"
        )
        title = f"{plan.name}完成情况"
        layout, widths = fit_to_page(
            lambda split: grouped_layout(title, columns, list(groups.values()), (note,), None, split, labelled),
            profile,
        )
        write_atomic(target, render_docx(layout, profile, widths, plan.organisation, plan.year))
        written.append(target)
    return written


def _ledger_headers(plan: Plan) -> tuple[str, str]:
    """The 台账's period and task headers as the plan prints them: its first group column and its task column
    where the columns are listed with roles (时段 where it has no group column)."""
    columns = plan_tables(plan)[0].columns
    if not isinstance(columns, list):
        return columns.period, columns.tasks
    texts = {column.role: column.texts[0] for column in reversed(columns)}
    return texts.get("group", "时段"), texts["task"]


def export_files(
    paths: list[Path],
    fmt: str | None,
    out_dir: Path,
    output: Path | None,
    remind: str | None,
    calendar_places: Sequence[Path] | None = None,
) -> tuple[list[Path], list[int], bytes | None]:
    """Every deadline of the plans as ICS or CSV: one file per plan in out_dir, or all in `output` (with -o -,
    the bytes come back to be printed instead). Without a format, -o's extension says it, else ics."""
    from aidplan.commands.render import STDOUT, format_of, plan_stem
    from aidplan.files import write_atomic
    from aidplan.publish.export import export_items, parse_reminder

    if fmt is None:
        fmt = format_of(output, EXPORT_FORMATS) if output is not None and output != STDOUT else "ics"

    reminder = parse_reminder(remind) if remind else None
    if reminder is not None and fmt != "ics":
        raise UsageError(tr("--remind 只用于 ics 格式"))
    plans, _ = load_valid_plans(find_plan_files(paths), tr("没有导出任何文件"), calendar_places)
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    groups = [plans] if output is not None else [[p] for p in plans]
    extension = EXPORT_FORMATS[fmt].extension
    targets = [output if output is not None else out_dir / f"{plan_stem(g[0][0])}{extension}" for g in groups]
    refuse_shared_outputs([(group[0][0], target) for group, target in zip(groups, targets)], tr("导出"))
    refuse_inputs_as_outputs(targets)
    written, missing = [], set()
    for group, target in zip(groups, targets):
        items, years = export_items(group, calendar_places)
        missing |= years
        name = group[0][1].name if len(group) == 1 else "学生资助工作计划"
        data = EXPORT_FORMATS.load(fmt)(items, name, reminder, stamp)
        if output == STDOUT:
            return [], sorted(missing), data
        write_atomic(target, data)
        written.append(target)
    return written, sorted(missing), None


# the writers of DUE_FORMATS and STATUS_FORMATS (aidplan.commands.formats)


def due_text(report: DueReport, working_days: bool) -> list[Line]:
    from aidplan.render.reports import due_lines

    return due_lines(report, working_days)


def due_markdown(report: DueReport, working_days: bool) -> str:
    from aidplan.render import reports

    return reports.due_markdown(report, working_days)


def due_json(report: DueReport, working_days: bool) -> str:
    """Both countdowns are in the JSON whatever working_days says."""
    from aidplan.render import reports

    return reports.due_json(report) + "\n"


def status_format(output_format: str | None, output: Path | None) -> str:
    """-f as given; without it, the format of -o's extension (台账.docx, status.xlsx, 进度.md); else text."""
    from aidplan.commands.render import STDOUT, format_of

    if output_format is not None:
        return output_format
    if output is None or output == STDOUT:
        return "text"
    return format_of(output, STATUS_FORMATS)


def write_status_text(output: Path, written: str | list[Line]) -> list[Path]:
    """text, md or json written to -o (atomically) instead of printed; the text without colours."""
    from aidplan.files import write_atomic

    text = written if isinstance(written, str) else "".join(f"{line.text}\n" for line in written)
    write_atomic(output, text.encode("utf-8"))
    return [output]


def status_text(results: list[tuple[PlanStatus, Plan]], today: dt.date, target: DocumentTarget) -> list[Line]:
    from aidplan.render.reports import status_lines

    return status_lines([status for status, _ in results], today)


def status_markdown(results: list[tuple[PlanStatus, Plan]], today: dt.date, target: DocumentTarget) -> str:
    from aidplan.render import reports

    return reports.status_markdown([status for status, _ in results], today)


def status_json(results: list[tuple[PlanStatus, Plan]], today: dt.date, target: DocumentTarget) -> str:
    from aidplan.render import reports

    return reports.status_json([status for status, _ in results], today) + "\n"


def status_docx(results: list[tuple[PlanStatus, Plan]], today: dt.date, target: DocumentTarget) -> list[Path]:
    return ledger_documents(results, today, target.out_dir, target.output, target.orientation, target.style)


def status_html(
    results: list[tuple[PlanStatus, Plan]], today: dt.date, target: DocumentTarget, made: dt.datetime | None = None
) -> list[Path]:
    """One dashboard page for all the plans: out_dir/status.html, or exactly target.output."""
    if target.within < 0:
        raise UsageError(tr("--within 不能是负数"))
    from aidplan.files import write_atomic
    from aidplan.plan.calendar_files import calendars_for
    from aidplan.plan.schedule import work_calendar
    from aidplan.render.html import dashboard_plan, render_dashboard_html

    shown = []
    from aidplan.track.progress import load_progress

    for number, (status, plan) in enumerate(results, start=1):
        records = load_progress(progress_for(status.path)).records  # read and checked by status_reports
        calendar = work_calendar(plan, calendars_for(status.path, target.calendar_places))
        due = due_for_plan(status.path, plan, records, today, target.within, calendar)
        shown.append(dashboard_plan(number, status, due, today))
    made = made or dt.datetime.now().astimezone().replace(second=0, microsecond=0)
    page = render_dashboard_html(shown, today, target.within, made, target.templates)
    destination = target.output or target.out_dir / "status.html"
    write_atomic(destination, page.encode("utf-8"))
    return [destination]
