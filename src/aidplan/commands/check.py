"""aidplan check: find plan files, check each with its progress file, and load plans for the other commands."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from aidplan.commands.meter import SILENT, Meter
from aidplan.errors import FindingsError, UsageError
from aidplan.files import protect, shown
from aidplan.messages import later, localized, tr
from aidplan.plan import findings as printed
from aidplan.plan.calendar_files import is_calendar_file, load_calendar_file
from aidplan.plan.checks import check_plan
from aidplan.plan.findings import Finding, Severity
from aidplan.plan.loading import STDIN, load_plan
from aidplan.plan.model import Plan
from aidplan.registry import Line
from aidplan.rules.progress import ProgressWithoutPlan, SharedProgressFile
from aidplan.track.paths import PROGRESS_SUFFIX, plan_path_of, progress_path, shared_progress_message, sharing_plan

PLAN_SUFFIXES = (".yaml", ".yml")


def find_plan_files(paths: Iterable[Path], calendars: bool = False) -> list[Path]:
    """The plan files named, and the *.yaml/*.yml below named folders (progress files aside), sorted.

    Calendar files (*.calendar.yaml) in folders are left out, unless `calendars` (check checks them too)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in PLAN_SUFFIXES
                and not p.name.endswith(PROGRESS_SUFFIX)
                and (calendars or not is_calendar_file(p))
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise UsageError(tr("目录 {path} 里没有计划文件（*.yaml 或 *.yml）", path=shown(path)))
            files.extend(found)
        elif path.exists() or path == STDIN:
            files.append(path)
        else:
            raise UsageError(tr("找不到 {path}", path=shown(path)))
    return files


def check_progress(plan_path: Path, plan: Plan | None, progress: Path, today: dt.date | None = None) -> list[Finding]:
    """Findings of a progress file: its own schema problems, records naming tasks the plan lacks, records whose
    task moved to another id, and records dated after today."""
    from aidplan.track.progress import (
        future_record_findings,
        load_progress,
        shifted_record_findings,
        unknown_task_findings,
    )
    from aidplan.track.tracking import id_texts, tracked_items

    loaded = load_progress(progress)
    if loaded.findings:
        return loaded.findings
    findings = future_record_findings(loaded, today or dt.date.today())
    if plan is not None:
        texts = id_texts(tracked_items(plan))
        findings = unknown_task_findings(loaded, texts) + shifted_record_findings(loaded, texts) + findings
    return sorted(findings, key=lambda f: (f.line, f.column))


def _shared_progress(plan_path: Path) -> list[Finding]:
    other = sharing_plan(plan_path)
    return (
        [] if other is None else [SharedProgressFile.at(plan_path, (1, 1), shared_progress_message(plan_path, other))]
    )


def check_file(path: Path, calendar_places: Sequence[Path] | None = None) -> list[Finding]:
    """A plan's findings and those of its progress file; or, given a progress file, that file's against its plan
    (with the plan's errors, which make the records impossible to check); or a calendar file's; or, given a notice
    template (.docx), the template's."""
    if is_calendar_file(path):
        return load_calendar_file(path).findings
    if path.suffix.lower() == ".docx":
        from aidplan.render.notice import check_template

        return check_template(path)
    if path.name.endswith(PROGRESS_SUFFIX):
        plan_path = plan_path_of(path)
        if not plan_path.exists():
            return [
                ProgressWithoutPlan.at(
                    path, (1, 1), tr("找不到进度文件所属的计划 {plan_path}", plan_path=shown(plan_path))
                )
            ]
        loaded = load_plan(plan_path)
        plan_errors = [f for f in check_plan(loaded, calendar_places) if f.severity is Severity.error]
        plan_errors += _shared_progress(plan_path)
        return plan_errors + check_progress(plan_path, loaded.plan if not plan_errors else None, path)
    loaded = load_plan(path)
    findings = check_plan(loaded, calendar_places) + _shared_progress(path)
    progress = progress_path(path)
    if progress.exists():
        clean = loaded.plan if not any(f.severity is Severity.error for f in findings) else None
        findings = findings + check_progress(path, clean, progress)
    return findings


def invalid_plans(findings: list[Finding], doing: str = later("没有生成任何文件")) -> FindingsError:
    """Some plans have errors, so the command did nothing."""
    files = len({f.path for f in findings if f.severity is Severity.error})
    return FindingsError(findings, tr("{files} 个计划有错误，{doing}", files=files, doing=localized(doing)))


def load_valid_plans(
    files: list[Path], doing: str = later("没有生成任何文件"), calendar_places: Sequence[Path] | None = None
) -> tuple[list[tuple[Path, Plan]], list[Finding]]:
    """Load and check plans; raise FindingsError (with every finding) if any has an error, else return the
    plans with their warnings."""
    plans: list[tuple[Path, Plan]] = []
    findings: list[Finding] = []
    for path in files:
        protect(progress_path(path), tr("进度文件"))  # no output of this command may replace it either
        loaded = load_plan(path)
        findings.extend(f for f in check_plan(loaded, calendar_places) if f not in findings)
        if loaded.plan is not None:
            plans.append((path, loaded.plan))
    if any(f.severity is Severity.error for f in findings):
        raise invalid_plans(findings, doing)
    return plans, findings


PROGRESS_FROM = 200  # files: fewer are checked within a second, with nothing to watch


def _counted(results: Iterator[list[Finding]], meter: Meter, total: int) -> Iterator[list[Finding]]:
    if total >= PROGRESS_FROM:
        meter.start(tr("检查"), total)
    for result in results:
        if total >= PROGRESS_FROM:
            meter.advance()
        yield result


def check_paths(
    paths: Iterable[Path],
    calendar_places: Sequence[Path] | None = None,
    docx_template: Path | None = None,
    meter: Meter = SILENT,
) -> tuple[list[Path], list[Finding]]:
    """Check every plan (and calendar file) under the paths, and the notice template the config names; returns
    the files checked and all findings, file by file. A calendar file's problems are listed once, however many
    plans use it."""
    files = find_plan_files(paths, calendars=True)
    if docx_template is not None and docx_template not in files:
        files.append(docx_template)
    check = functools.partial(check_file, calendar_places=calendar_places)
    if len(files) >= 64 and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ProcessPoolExecutor

        # check the first file here: its lazy imports (holiday data, tracking) then come to the workers
        # with the fork instead of being imported again in each of them
        first = check(files[0])
        chunks = max(1, min(64, len(files) // (4 * (os.cpu_count() or 1))))
        with ProcessPoolExecutor() as pool:
            results = [first, *_counted(pool.map(check, files[1:], chunksize=chunks), meter, len(files))]
    else:
        results = list(_counted(map(check, files), meter, len(files)))
    meter.stop()
    return files, list(dict.fromkeys(finding for result in results for finding in result))


# the writers of CHECK_FORMATS (aidplan.commands.formats)


def check_text(files: list[Path], findings: list[Finding], quiet: bool) -> list[Line]:
    """path:line:col: severity[CODE]: message, one line each; the summary to standard error."""
    lines = [Line(printed.as_text(finding), finding.severity.value) for finding in findings]
    return lines if quiet else [*lines, Line(printed.summary(files, findings), err=True)]


def check_json(files: list[Path], findings: list[Finding], quiet: bool) -> list[Line]:
    """One JSON object and nothing else, so it can be piped."""
    return [Line(printed.as_json(files, findings))]


def check_github(files: list[Path], findings: list[Finding], quiet: bool) -> list[Line]:
    """GitHub workflow annotations; the summary to standard error."""
    lines = [Line(printed.as_github(findings))] if findings else []
    return lines if quiet else [*lines, Line(printed.summary(files, findings), err=True)]
