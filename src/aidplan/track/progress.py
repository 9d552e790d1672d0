"""Progress records kept beside a plan (never in it): read them with positions, append one safely."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from aidplan.errors import AidplanError, FindingsError, UsageError
from aidplan.files import write_atomic
from aidplan.plan.findings import Finding
from aidplan.plan.loading import Document, LoadFailure, read_document, validation_findings
from aidplan.rules.progress import ProgressNotAList, ProgressSchemaError, ProgressUnknownTask
from aidplan.track.statuses import STATUS_NAMES, STATUSES

PROGRESS_SUFFIX = ".progress.yaml"


class ProgressRecord(BaseModel):
    """One line of the 台账: a task (or one occurrence of a monthly duty) changed status on a date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    task: str = Field(min_length=1, description="The task id as reports show it: 5.2, or 5.1@5-20 for one occurrence.")
    status: Literal[tuple(STATUSES)] = Field(description=" | ".join(STATUSES))  # type: ignore[valid-type]
    date: dt.date = Field(description="When the status changed.")
    by: str | None = Field(None, min_length=1, description="Who did it or reports it.")
    note: str | None = Field(None, min_length=1, description="A remark for the 台账.")


@dataclass
class LoadedProgress:
    path: Path
    records: list[ProgressRecord]
    document: Document | None
    findings: list[Finding]


def progress_path(plan_path: Path) -> Path:
    """plans/2020-huaibei.yaml → plans/2020-huaibei.progress.yaml"""
    return plan_path.with_name(plan_path.stem + PROGRESS_SUFFIX)


def plan_path_of(progress: Path) -> Path:
    """The plan a progress file belongs to (the .yaml beside it, else the .yml)."""
    stem = progress.name[: -len(PROGRESS_SUFFIX)]
    yaml_path = progress.with_name(stem + ".yaml")
    yml_path = progress.with_name(stem + ".yml")
    return yaml_path if yaml_path.exists() or not yml_path.exists() else yml_path


def load_progress(path: Path) -> LoadedProgress:
    """The records of a progress file (none when it does not exist), or located findings."""
    if not path.exists():
        return LoadedProgress(path, [], None, [])
    try:
        document = read_document(path)
    except LoadFailure as failure:
        return LoadedProgress(path, [], None, [failure.finding])
    if document.data is None:
        return LoadedProgress(path, [], document, [])
    if not isinstance(document.data, list):
        return LoadedProgress(
            path,
            [],
            document,
            [ProgressNotAList.at(path, (1, 1), "进度文件的顶层应为记录列表（每条以“- task: …”开头）")],
        )
    try:
        records = TypeAdapter(list[ProgressRecord]).validate_python(document.data)
    except ValidationError as exc:
        return LoadedProgress(
            path, [], document, validation_findings(document, exc, root=ProgressRecord, rule=ProgressSchemaError)
        )
    return LoadedProgress(path, records, document, [])


def _suggestion(task: str, known: set[str]) -> str:
    """；是不是 5.6、5.5？ — the closest ids, or where to look them up."""
    import difflib

    close = difflib.get_close_matches(task, sorted(known), n=3, cutoff=0.6)
    return f"；是不是 {'、'.join(close)}？" if close else "；用 aidplan due 或 aidplan status 查看任务编号"


def unknown_task_findings(loaded: LoadedProgress, known: set[str]) -> list[Finding]:
    """A finding for every record that names a task id the plan does not have."""
    findings = []
    for index, record in enumerate(loaded.records):
        if record.task not in known:
            position = loaded.document.position((index, "task")) if loaded.document else (1, 1)
            findings.append(
                ProgressUnknownTask.at(
                    loaded.path,
                    position,
                    f"计划里没有编号为“{record.task}”的任务{_suggestion(record.task, known)}",
                )
            )
    return findings


def _yaml_scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def record_text(record: ProgressRecord) -> str:
    lines = [f"- task: {_yaml_scalar(record.task)}", f"  status: {record.status}", f"  date: {record.date.isoformat()}"]
    if record.by:
        lines.append(f"  by: {_yaml_scalar(record.by)}")
    if record.note:
        lines.append(f"  note: {_yaml_scalar(record.note)}")
    return "\n".join(lines) + "\n"


_STATUS_LEGEND = " / ".join(f"{name} {label}" for name, label in STATUS_NAMES.items())


def header_text(plan_path: Path) -> str:
    return (
        f"# 进度记录（台账）：{plan_path.name}。由 aidplan done / aidplan mark 追加，也可以手工编辑；\n"
        f"# 每条记录一项任务在某天的状态（{_STATUS_LEGEND}），后面的记录为准。\n"
    )


def progress_file_error(findings: list[Finding], doing: str = "这次没有写入任何记录") -> FindingsError:
    """The progress file has problems, so the command did nothing."""
    return FindingsError(findings, f"进度文件有错误，请先修正；{doing}")


def append_records(plan_path: Path, records: list[ProgressRecord], known: set[str], timeout: float = 30) -> Path:
    """Append records to the plan's progress file under a lock, atomically; earlier lines stay as they are."""
    from filelock import FileLock, Timeout

    for record in records:
        if record.task not in known:
            raise UsageError(f"{plan_path} 里没有编号为“{record.task}”的任务{_suggestion(record.task, known)}")
    path = progress_path(plan_path)
    lock = FileLock(str(path.with_name(f".{path.name}.lock")), timeout=timeout)
    try:
        with lock:
            loaded = load_progress(path)
            problems = loaded.findings or unknown_task_findings(loaded, known)
            if problems:
                raise progress_file_error(problems)
            old = path.read_bytes().decode("utf-8-sig") if path.exists() else header_text(plan_path)
            if old and not old.endswith("\n"):
                old += "\n"
            write_atomic(path, (old + "".join(record_text(r) for r in records)).encode("utf-8"))
    except Timeout:
        raise AidplanError(f"{path} 正被另一个 aidplan 命令写入，{timeout:.0f} 秒后仍未释放") from None
    except OSError as exc:
        raise AidplanError(f"无法锁定 {path}：{exc.strerror or exc}") from None
    return path


def latest_status(records: list[ProgressRecord]) -> dict[str, ProgressRecord]:
    """The record in force per task id: the latest date wins, and on the same date the later line."""
    latest: dict[str, ProgressRecord] = {}
    for record in records:
        current = latest.get(record.task)
        if current is None or record.date >= current.date:
            latest[record.task] = record
    return latest
