"""The 台账 workbook both ways: `status -f xlsx` writes it, `progress import` records what staff filled in."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from aidplan.commands.formats import STATUS_FORMATS, DocumentTarget
from aidplan.errors import AidplanError, FindingsError, UsageError
from aidplan.messages import tr
from aidplan.plan.findings import Severity
from aidplan.plan.model import Plan
from aidplan.track.tracking import PlanStatus
from aidplan.track.workbook import SheetChange, SheetProblem

WORKBOOK_NAME = "status.xlsx"  # several plans in one workbook; one plan gives <plan>.status.xlsx


def status_xlsx(results: list[tuple[PlanStatus, Plan]], today: dt.date, target: DocumentTarget) -> list[Path]:
    """The writer of `status -f xlsx` (aidplan.commands.formats.STATUS_FORMATS)."""
    return write_workbook(results, today, target.out_dir, target.output, target.force)


def _relative(path: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


def unimported_edits(book: Path, today: dt.date) -> str | None:
    """Why writing over an existing workbook could lose what staff filled in, or None when it cannot: its
    editable cells are still what aidplan wrote (it is only out of date), or all of them are recorded."""
    from aidplan.track.workbook import editable_fingerprint, read_workbook

    try:
        sheets = read_workbook(book)
    except AidplanError as exc:
        return tr("无法读取它，不能确认其中没有尚未导入的填写（{exc}）", exc=exc)
    if any(not sheet.fingerprint for sheet in sheets):
        return tr("它是旧版 aidplan 写出的，不能确认其中没有尚未导入的填写")
    if all(sheet.fingerprint == editable_fingerprint([values for _, values in sheet.rows]) for sheet in sheets):
        return None
    try:
        if not any(plan.changes for plan in import_workbook(book, today, dry_run=True).plans):
            return None  # filled in, and already imported
    except AidplanError:
        pass
    return tr("里面有填写后尚未导入的内容")


def write_workbook(
    statuses: list[tuple[PlanStatus, Plan]], today: dt.date, out_dir: Path, output: Path | None, force: bool = False
) -> list[Path]:
    """One workbook for all the plans: build/<plan>.status.xlsx for one, build/status.xlsx for several."""
    from aidplan.files import write_atomic
    from aidplan.render.xlsx import LedgerSheet, ledger_workbook, sheet_name

    once: dict[str, tuple[PlanStatus, Plan]] = {}  # a plan named twice (plans/ and plans/x.yaml) gets one sheet
    for entry in statuses:
        once.setdefault(os.path.realpath(entry[0].path), entry)
    statuses = list(once.values())
    if output is not None and output.suffix.lower() != ".xlsx":
        raise UsageError(tr("-o/--output 的文件名应以 .xlsx 结尾：{output}", output=output))
    if output is not None:
        target = output
    elif len(statuses) == 1:
        target = out_dir / f"{statuses[0][0].path.stem}{STATUS_FORMATS['xlsx'].extension}"
    else:
        target = out_dir / WORKBOOK_NAME
    taken: set[str] = set()
    sheets = [
        LedgerSheet(
            sheet_name(status.path.stem, taken), status, _relative(status.path, target.parent), str(status.path)
        )
        for status, _ in statuses
    ]
    if not force and (target.exists() or target.is_symlink()):
        from aidplan.files import reads_that_only_check

        with reads_that_only_check():
            reason = unimported_edits(target, today)
        if reason is not None:
            raise AidplanError(
                tr(
                    "没有覆盖 {target}：{reason}。请先运行 aidplan progress import {target} 导入，或加 "
                    "--force 放弃其中的填写、重新生成",
                    target=target,
                    reason=reason,
                )
            )
    write_atomic(target, ledger_workbook(sheets, today))
    return [target]


@dataclass
class PlanImport:
    plan_path: Path
    sheet: str
    changes: list[SheetChange] = field(default_factory=list)
    skipped: int = 0  # rows with an error, left out under --skip-bad
    written: Path | None = None


@dataclass
class ImportResult:
    plans: list[PlanImport]
    problems: list[SheetProblem]  # warnings, and under --skip-bad the errors of the rows left out


def rows_error(problems: list[SheetProblem], book: Path) -> FindingsError:
    """Rows of the workbook are wrong, so nothing was recorded."""
    errors = sum(p.severity is Severity.error for p in problems)
    return FindingsError(
        problems,  # type: ignore[arg-type]  # located in a workbook rather than a YAML file; printed alike
        tr(
            "{book} 有 {errors} 处错误，没有写入任何记录；改正后再导入，或用 --skip-bad 跳过有错的行、导入其余的",
            book=book,
            errors=errors,
        ),
    )


def workbook_plans(book: Path, override: Path | None = None) -> list[Path]:
    """The plans a 台账 workbook's sheets belong to (for a date typed without its year: 4月1日)."""
    from aidplan.track.workbook import read_workbook

    return [_find_plan(book, sheet, override) for sheet in read_workbook(book)]


def _find_plan(book: Path, sheet, override: Path | None) -> Path:
    """The plan of a sheet: given, else beside the workbook as it was written, else as given at writing."""
    if override is not None:
        return override
    # the workbook is a file from someone else: what its hidden sheet names is read only if it is a plan
    for recorded in (sheet.plan_ref, sheet.plan_from_cwd):
        if recorded and Path(recorded).suffix.lower() not in (".yaml", ".yml"):
            raise UsageError(
                tr(
                    "工作表“{sheet}”记下的计划“{recorded}”不是 .yaml 计划文件，不会读取它；请用 --plan 指定计划文件",
                    sheet=sheet.sheet,
                    recorded=recorded,
                )
            )
    beside = Path(os.path.normpath(book.parent / sheet.plan_ref)) if sheet.plan_ref else None
    for candidate in (beside, Path(sheet.plan_from_cwd) if sheet.plan_from_cwd else None):
        if candidate is not None and candidate.is_file():
            return candidate
    raise UsageError(
        tr(
            "找不到工作表“{sheet}”所属的计划：台账记下的是 {plan_from_cwd}，按台账的位置应在 "
            "{beside}；请在写出台账时的目录运行，或用 --plan 指定计划文件",
            sheet=sheet.sheet,
            plan_from_cwd=sheet.plan_from_cwd,
            beside=beside,
        )
    )


def import_workbook(
    book: Path, today: dt.date, skip_bad: bool = False, dry_run: bool = False, plan: Path | None = None
) -> ImportResult:
    """Record the rows staff changed, beside each plan, through the same locked writer as `done`.

    Every sheet is checked before anything is written; with any error nothing is written, unless skip_bad,
    which leaves out the rows with errors. Rows equal to the record in force add nothing, so importing the
    same workbook twice records nothing the second time."""
    from aidplan.commands.check import find_plan_files, load_valid_plans
    from aidplan.track.progress import (
        append_records,
        latest_status,
        load_progress,
        progress_file_error,
        progress_for,
        unknown_task_findings,
    )
    from aidplan.track.tracking import id_texts, known_ids, tracked_items, year_in_plan
    from aidplan.track.workbook import read_workbook, sheet_changes

    sheets = read_workbook(book)
    if plan is not None and len(sheets) != 1:
        raise UsageError(tr("--plan 只用于只有一个计划的台账；{book} 有 {count} 个计划", book=book, count=len(sheets)))
    imports: list[tuple[PlanImport, Plan, dict[str, str]]] = []
    problems: list[SheetProblem] = []
    if any(sheet.exported is None for sheet in sheets):
        problems.append(
            SheetProblem(
                book,
                "",
                None,
                tr(
                    "这份台账是旧版 aidplan 写出的，没有记下导出时每一行的内容，分不出哪些行没有改过；"
                    "与已记录的进度不同的行都当作填写导入。请用 aidplan status -f xlsx 重新生成台账再分发"
                ),
                Severity.warning,
            )
        )
    for sheet in sheets:
        plan_path = _find_plan(book, sheet, plan)
        ((plan_path, loaded_plan),) = load_valid_plans(find_plan_files([plan_path]), tr("没有写入任何记录"))[0]
        if sheet.title not in (loaded_plan.name, loaded_plan.title):  # the title on one line, or as before
            raise UsageError(
                tr(
                    "工作表“{sheet}”是“{title}”的台账，但 {plan_path} 是“{title2}”；请用 --plan 指定正确的计划",
                    sheet=sheet.sheet,
                    title=sheet.title,
                    plan_path=plan_path,
                    title2=loaded_plan.name,
                )
            )
        items = tracked_items(loaded_plan)
        known, texts = known_ids(items), id_texts(items)
        progress = load_progress(progress_for(plan_path))
        bad = progress.findings or unknown_task_findings(progress, texts)
        if bad:
            raise progress_file_error(bad)
        changes, found = sheet_changes(
            book,
            sheet,
            items,
            latest_status(progress.records),
            known,
            today,
            loaded_plan.year,
            year_in_plan(loaded_plan),  # 1月5日 in an autumn term's 台账 is next January
        )
        bad_rows = {p.cell for p in found if p.severity is Severity.error and p.cell}
        result = PlanImport(plan_path, sheet.sheet, changes, skipped=len({int(c[1:]) for c in bad_rows}))
        problems += found
        imports.append((result, loaded_plan, texts))
    if any(p.severity is Severity.error for p in problems) and not skip_bad:
        raise rows_error(problems, book)
    if not dry_run:
        for result, _, texts in imports:
            if result.changes:
                result.written = append_records(result.plan_path, [c.record for c in result.changes], texts)
    return ImportResult([r for r, _, _ in imports], problems)
