"""Rules a schema cannot express (period order, real dates, duplicates, numbering) → findings."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from .deadlines import DeadlineError
from .errors import AidplanError, UsageError
from .findings import Finding, Severity, error, warning
from .loading import Document, LoadedPlan, load_plan
from .model import MONTH_PLACEHOLDER, Plan, normalise_text
from .progress import PROGRESS_SUFFIX, plan_path_of, progress_path
from .schedule import ScheduledPeriod, deadline_date, schedule

PLAN_SUFFIXES = (".yaml", ".yml")


def _at(document: Document, *location: object) -> tuple[int, int]:
    return document.position(tuple(location))


def _period_findings(path: Path, plan: Plan, document: Document, periods: list[ScheduledPeriod]) -> list[Finding]:
    findings = []
    for item in periods:
        where = ("periods", item.index)
        if item.span_problem:
            findings.append(error(path, _at(document, *where, "label"), "E201", item.span_problem))
        if not item.tasks:
            findings.append(error(path, _at(document, *where), "E209", f"时段“{item.period.label}”没有任务"))
        if item.deadline_problem:
            findings.append(error(path, _at(document, *where, "deadline"), "E205", f"时段“{item.period.label}”的完成时间“{item.deadline_problem.text}”{item.deadline_problem.reason}"))
        elif item.deadline is not None:
            findings.extend(_deadline_findings(path, plan, document, item, where + ("deadline",), item.deadline, f"时段“{item.period.label}”的完成时间“{item.period.deadline.text}”"))
    dated = [item for item in periods if item.span is not None]
    for previous, current in zip(dated, dated[1:]):
        assert previous.span is not None and current.span is not None
        label_at = _at(document, "periods", current.index, "label")
        if current.span.start < previous.span.start:
            findings.append(error(path, label_at, "E202", f"时段顺序不对：“{current.period.label}”（{current.span.start:%Y-%m-%d} 起）排在“{previous.period.label}”（{previous.span.start:%Y-%m-%d} 起）之后"))
        elif current.span.start <= previous.span.end:
            findings.append(error(path, label_at, "E203", f"时段“{current.period.label}”与“{previous.period.label}”重叠（{current.span.start:%Y-%m-%d} 至 {min(current.span.end, previous.span.end):%Y-%m-%d}）"))
        elif current.span.start > previous.span.end + timedelta(days=1):
            gap_end = current.span.start - timedelta(days=1)
            findings.append(warning(path, label_at, "W204", f"时段“{previous.period.label}”与“{current.period.label}”之间有空档（{previous.span.end + timedelta(days=1):%Y-%m-%d} 至 {gap_end:%Y-%m-%d} 没有安排）"))
    return findings


def _deadline_findings(path, plan, document, item: ScheduledPeriod, location, day, what: str) -> list[Finding]:
    findings = []
    if item.span is not None and day < item.span.start:
        findings.append(error(path, _at(document, *location), "E206", f"{what}（{day:%Y-%m-%d}）早于时段“{item.period.label}”的开始（{item.span.start:%Y-%m-%d}）"))
    if day.year != plan.year and (item.span is None or day.year not in (item.span.start.year, item.span.end.year)):
        findings.append(warning(path, _at(document, *location), "W207", f"{what}在 {day.year} 年，不在计划年度 {plan.year} 年"))
    return findings


def _task_findings(path: Path, plan: Plan, document: Document, periods: list[ScheduledPeriod]) -> list[Finding]:
    findings = []
    recurring_ids = [task.id for task in plan.recurring]
    for index, task in enumerate(plan.recurring):
        if recurring_ids.index(task.id) != index:
            findings.append(error(path, _at(document, "recurring", index, "id"), "E212", f"例行任务 id“{task.id}”重复"))
    seen_ids: dict[str, str] = {}
    for item in periods:
        texts: dict[str, int] = {}
        listed: set[str] = set()
        expected = 1
        for task in item.tasks:
            where = ("periods", item.index, "tasks", task.entry_index) if task.entry_index is not None else ("periods", item.index, "label")
            entry = item.period.tasks[task.entry_index] if task.entry_index is not None else None
            if entry is not None and entry.recurring is not None:
                if entry.recurring not in recurring_ids:
                    known = "、".join(recurring_ids) or "（计划没有 recurring）"
                    findings.append(error(path, _at(document, *where, "recurring"), "E211", f"引用了不存在的例行任务“{entry.recurring}”；已定义的：{known}"))
                elif entry.recurring in listed:
                    findings.append(error(path, _at(document, *where, "recurring"), "E208", f"时段“{item.period.label}”重复引用例行任务“{entry.recurring}”"))
                listed.add(entry.recurring)
                if MONTH_PLACEHOLDER in task.text:
                    findings.append(error(path, _at(document, *where), "E214", f"无法确定例行任务“{entry.recurring}”中的 {{month}}：请在此处写明 month"))
            numbered_right = task.number == expected
            if not numbered_right:
                reason = "重复" if task.number < expected else "跳号"
                findings.append(error(path, _at(document, *where, "number"), "E210", f"时段“{item.period.label}”的任务编号{reason}：应为 {expected}，写的是 {task.number}"))
            expected = task.number + 1
            key = normalise_text(task.text)
            if key in texts:
                findings.append(error(path, _at(document, *where), "E208", f"时段“{item.period.label}”的第 {task.number} 项与第 {texts[key]} 项重复：“{task.text}”"))
            else:
                texts[key] = task.number
            if task.id in seen_ids and numbered_right:  # a repeated number already explains a repeated id
                findings.append(error(path, _at(document, *where), "E212", f"任务 id“{task.id}”重复（也用于时段“{seen_ids[task.id]}”）；请给时段写 id，或给任务写 id"))
            else:
                seen_ids.setdefault(task.id, item.period.label)
            if task.deadline is not None:
                try:
                    day = deadline_date(task.deadline, plan.year)
                except DeadlineError as exc:
                    findings.append(error(path, _at(document, *where, "deadline"), "E205", f"任务 {task.id} 的截止日期“{exc.text}”{exc.reason}"))
                else:
                    findings.extend(_deadline_findings(path, plan, document, item, where + ("deadline",), day, f"任务 {task.id} 的截止日期“{task.deadline.text}”"))
    return findings


def _calendar_findings(path: Path, plan: Plan, document: Document, periods: list[ScheduledPeriod]) -> list[Finding]:
    """Written deadlines on days nobody is at work, and a year the holiday data does not cover."""
    from .schedule import task_deadline, work_calendar
    from .workdays import data_version, describe

    calendar = work_calendar(plan)
    findings = []

    def on_day_off(location: tuple, what: str, day) -> None:
        info = calendar.info(day)
        if not info.working:
            before = calendar.step(day, -1)
            findings.append(warning(path, _at(document, *location), "W220", f"{what}（{day:%Y-%m-%d}）是{info.reason}，不是工作日；前一个工作日是{describe(before)}"))

    for item in periods:
        if item.deadline is not None:
            on_day_off(("periods", item.index, "deadline"), f"时段“{item.period.label}”的完成时间“{item.period.deadline.text}”", item.deadline)
        for task in item.tasks:
            day, source, text = task_deadline(plan, item, task)
            if day is None or source not in ("task", "text"):
                continue
            where = ("periods", item.index, "tasks", task.entry_index) if task.entry_index is not None else ("periods", item.index, "label")
            what = f"任务 {task.id} 的截止日期“{text}”" if source == "task" else f"任务 {task.id} 文中的日期“{text}”"
            on_day_off(where + (("deadline",) if source == "task" else ()), what, day)
    for year in sorted(calendar.missing_years):
        findings.append(warning(path, _at(document, "year"), "W221", f"已安装的节假日数据（{data_version()}）没有 {year} 年的官方安排：只按周末判断工作日；升级 chinesecalendar 可获得新公布的安排"))
    return findings


def check_plan(loaded: LoadedPlan) -> list[Finding]:
    """All findings of one loaded plan: its load/schema findings, then the rules, in file order."""
    if loaded.plan is None or loaded.document is None:
        return loaded.findings
    periods = schedule(loaded.plan)
    findings = _period_findings(loaded.path, loaded.plan, loaded.document, periods)
    findings += _task_findings(loaded.path, loaded.plan, loaded.document, periods)
    if not any(f.severity is Severity.error for f in findings):
        findings += _calendar_findings(loaded.path, loaded.plan, loaded.document, periods)
    return sorted(findings, key=lambda f: (f.line, f.column, f.code))


def find_plan_files(paths: Iterable[Path]) -> list[Path]:
    """The plan files named, and the *.yaml/*.yml below named folders (progress files aside), sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in PLAN_SUFFIXES and not p.name.endswith(PROGRESS_SUFFIX) and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise UsageError(f"目录 {path} 里没有计划文件（*.yaml 或 *.yml）")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"找不到 {path}")
    return files


def check_progress(plan_path: Path, plan: Plan | None, progress: Path) -> list[Finding]:
    """Findings of a progress file: its own schema problems, and records naming tasks the plan lacks."""
    from .progress import load_progress, unknown_task_findings
    from .tracking import known_ids, tracked_items

    loaded = load_progress(progress)
    if loaded.findings or plan is None:
        return loaded.findings
    return unknown_task_findings(loaded, known_ids(tracked_items(plan)))


def check_file(path: Path) -> list[Finding]:
    """A plan's findings and those of its progress file; or, given a progress file, that file's against its plan."""
    if path.name.endswith(PROGRESS_SUFFIX):
        plan_path = plan_path_of(path)
        loaded = load_plan(plan_path) if plan_path.exists() else None
        if loaded is None:
            return [error(path, (1, 1), "E304", f"找不到进度文件所属的计划 {plan_path}")]
        plan_errors = [f for f in check_plan(loaded) if f.severity is Severity.error]
        return check_progress(plan_path, loaded.plan if not plan_errors else None, path)
    loaded = load_plan(path)
    findings = check_plan(loaded)
    progress = progress_path(path)
    if progress.exists():
        clean = loaded.plan if not any(f.severity is Severity.error for f in findings) else None
        findings = findings + check_progress(path, clean, progress)
    return findings


class InvalidPlans(AidplanError):
    """Some plans have errors; the command did nothing."""

    def __init__(self, findings: list[Finding], doing: str = "没有生成任何文件") -> None:
        files = len({f.path for f in findings if f.severity is Severity.error})
        super().__init__(f"{files} 个计划有错误，{doing}")
        self.findings = findings


def load_valid_plans(files: list[Path], doing: str = "没有生成任何文件") -> tuple[list[tuple[Path, Plan]], list[Finding]]:
    """Load and check plans; raise InvalidPlans (with every finding) if any has an error, else return the
    plans with their warnings."""
    plans: list[tuple[Path, Plan]] = []
    findings: list[Finding] = []
    for path in files:
        loaded = load_plan(path)
        findings.extend(check_plan(loaded))
        if loaded.plan is not None:
            plans.append((path, loaded.plan))
    if any(f.severity is Severity.error for f in findings):
        raise InvalidPlans(findings, doing)
    return plans, findings


def check_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Finding]]:
    """Check every plan under the paths; returns the files checked and all findings, file by file."""
    files = find_plan_files(paths)
    if len(files) >= 64 and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ProcessPoolExecutor

        # check the first file here: its lazy imports (holiday data, tracking) then come to the workers
        # with the fork instead of being imported again in each of them
        first = check_file(files[0])
        with ProcessPoolExecutor() as pool:
            results = [first, *pool.map(check_file, files[1:], chunksize=max(1, min(64, len(files) // (4 * (os.cpu_count() or 1)))))]
    else:
        results = [check_file(path) for path in files]
    return files, [finding for result in results for finding in result]
