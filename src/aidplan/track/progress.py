"""Progress records kept beside a plan (never in it): read them with positions, append one safely."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from aidplan.errors import AidplanError, FindingsError, UsageError
from aidplan.files import locked, protect, shown, write_atomic
from aidplan.messages import later, localized, tr
from aidplan.plan.findings import Finding
from aidplan.plan.loading import Document, LoadFailure, parse_document, read_document, validation_findings
from aidplan.rules.progress import (
    FutureRecord,
    ProgressNotAList,
    ProgressSchemaError,
    ProgressUnknownTask,
    RecordForAnotherTask,
)
from aidplan.track.paths import progress_for
from aidplan.track.statuses import STATUS_NAMES, STATUSES
from aidplan.values import frozen, mutable

FINGERPRINT_LENGTH = 20


def fingerprint(text: str) -> str:
    """What a record keeps of its task's text: the first characters, white space removed. If the plan is edited
    and the ids move (a task inserted above), the record still says which task it was made for."""
    return re.sub(r"\s+", "", text)[:FINGERPRINT_LENGTH]


class ProgressRecord(BaseModel):
    """One line of the 台账: a task (or one occurrence of a monthly duty) changed status on a date."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    task: str = Field(min_length=1, description="The task id as reports show it: 5.2, or 5.1@5-20 for one occurrence.")
    status: Literal[tuple(STATUSES)] = Field(description=" | ".join(STATUSES))  # type: ignore[valid-type]
    date: dt.date = Field(description="When the status changed.")
    by: str | None = Field(None, min_length=1, description="Who did it or reports it.")
    note: str | None = Field(None, min_length=1, description="A remark for the 台账.")
    text: str | None = Field(
        None, min_length=1, description="The start of the task's text when the record was made (written by done/mark)."
    )


@mutable
class LoadedProgress:
    path: Path
    records: list[ProgressRecord]
    document: Document | None
    findings: list[Finding]
    text: str | None = None  # the file's text as read (None when the file does not exist or cannot be read)

    def position(self, index: int, key: str = "task") -> tuple[int, int]:
        return self.document.position((index, key)) if self.document else (1, 1)


def load_progress(path: Path) -> LoadedProgress:
    """The records of a progress file (none when it does not exist), or located findings."""
    protect(path, tr("进度文件"))
    if not os.path.lexists(path):
        return LoadedProgress(path, [], None, [])
    try:
        document = read_document(path, role=tr("进度文件"))
    except LoadFailure as failure:
        return LoadedProgress(path, [], None, [failure.finding])
    return _records_of(document)


def _records_of(document: Document) -> LoadedProgress:
    path = document.path
    if document.data is None:
        return LoadedProgress(path, [], document, [], document.text)
    if not isinstance(document.data, list):
        return LoadedProgress(
            path,
            [],
            document,
            [ProgressNotAList.at(path, (1, 1), tr("进度文件的顶层应为记录列表（每条以“- task: …”开头）"))],
            document.text,
        )
    try:
        records = TypeAdapter(list[ProgressRecord]).validate_python(document.data)
    except ValidationError as exc:
        findings = validation_findings(document, exc, root=ProgressRecord, rule=ProgressSchemaError)
        return LoadedProgress(path, [], document, findings, document.text)
    return LoadedProgress(path, records, document, [], document.text)


def _suggestion(task: str, known: Iterable[str], moved_to: str | None = None) -> str:
    """；是不是 5.6、5.5？ — the closest ids, or where to look them up."""
    if moved_to is not None:
        return tr(
            "；按记录里的任务内容，它现在的编号是 {moved_to}（运行 aidplan progress reid 改正）", moved_to=moved_to
        )
    import difflib

    close = difflib.get_close_matches(task, sorted(known), n=3, cutoff=0.6)
    return (
        tr("；是不是 {close}？", close=tr("、").join(close))
        if close
        else tr("；用 aidplan due 或 aidplan status 查看任务编号")
    )


def unknown_task_findings(loaded: LoadedProgress, texts: dict[str, str]) -> list[Finding]:
    """A finding for every record that names a task id the plan does not have."""
    findings = []
    for index, record in enumerate(loaded.records):
        if record.task not in texts:
            hint = _suggestion(record.task, texts, _moved_to(record, texts))
            message = tr("计划里没有编号为“{task}”的任务{hint}", task=record.task, hint=hint)
            findings.append(ProgressUnknownTask.at(loaded.path, loaded.position(index), message))
    return findings


def _moved_to(record: ProgressRecord, texts: dict[str, str]) -> str | None:
    """The id the record's task has now, judged by its fingerprint: None when it still fits, is unknown
    (an old record without text) or is ambiguous."""
    if record.text is None:
        return None
    current = texts.get(record.task)
    if current is not None and fingerprint(current) == record.text:
        return None
    _, at, occurrence = record.task.partition("@")
    candidates = sorted(
        item for item, text in texts.items() if fingerprint(text) == record.text and item.partition("@")[1] == at
    )
    if at:
        candidates = [c for c in candidates if c.partition("@")[2] == occurrence]
    return candidates[0] if len(candidates) == 1 else None


def shifted_record_findings(loaded: LoadedProgress, texts: dict[str, str]) -> list[Finding]:
    """W306: a record whose task, by its text, now has another id (a task was inserted or removed above)."""
    findings = []
    for index, record in enumerate(loaded.records):
        if record.task not in texts or record.text is None:
            continue
        if fingerprint(texts[record.task]) == record.text:
            continue
        new = _moved_to(record, texts)
        where = (
            tr("现在是 {new}；运行 aidplan progress reid 改正记录的编号", new=new)
            if new
            else tr("请核对这条记录是否还属于它")
        )
        then, now = _excerpt(record.text), _excerpt(fingerprint(texts[record.task]))
        message = tr("记录“{task}”是为“{then}”写的，但现在 {task} 是“{now}”；", task=record.task, then=then, now=now)
        message += tr("任务编号像是变了，{where}", where=where)
        findings.append(RecordForAnotherTask.at(loaded.path, loaded.position(index), message))
    return findings


def _excerpt(print_: str) -> str:
    return print_ + "…" if len(print_) >= FINGERPRINT_LENGTH else print_


def future_record_findings(loaded: LoadedProgress, today: dt.date) -> list[Finding]:
    """W307: a record dated after today (a typo such as 2030 for 2020 would otherwise win for ever)."""
    return [
        FutureRecord.at(
            loaded.path,
            loaded.position(index, "date"),
            tr(
                "记录“{task}”的日期 {date} 晚于今天；在那天之前它不计入报告，之后会压过更早日期的记录",
                task=record.task,
                date=record.date.isoformat(),
            ),
        )
        for index, record in enumerate(loaded.records)
        if record.date > today
    ]


def _yaml_scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def record_text(record: ProgressRecord, indent: str = "") -> str:
    lines = [f"- task: {_yaml_scalar(record.task)}", f"  status: {record.status}", f"  date: {record.date.isoformat()}"]
    for key in ("by", "note", "text"):
        value = getattr(record, key)
        if value:
            lines.append(f"  {key}: {_yaml_scalar(value)}")
    return "".join(f"{indent}{line}\n" for line in lines)


_STATUS_LEGEND = " / ".join(f"{name} {label}" for name, label in STATUS_NAMES.items())


def header_text(plan_path: Path) -> str:
    return (
        f"# 进度记录（台账）：{shown(plan_path.name)}。由 aidplan done / aidplan mark 追加，也可以手工编辑；\n"
        f"# 每条记录一项任务在某天的状态（{_STATUS_LEGEND}），后面的记录为准。\n"
    )


def progress_file_error(findings: list[Finding], doing: str = later("这次没有写入任何记录")) -> FindingsError:
    """The progress file has problems, so the command did nothing."""
    return FindingsError(findings, tr("进度文件有错误，请先修正；{doing}", doing=localized(doing)))


def _appended(loaded: LoadedProgress, plan_path: Path, records: list[ProgressRecord]) -> str:
    """The old text with the records added at the list's own indentation: comments stay as they were."""
    old = loaded.text if loaded.text is not None else header_text(plan_path)
    if old and not old.endswith("\n"):
        old += "\n"
    indent = ""
    if loaded.document is not None and isinstance(loaded.document.data, list) and loaded.document.data:
        indent = " " * (loaded.document.position(())[1] - 1)
    return old + "".join(record_text(r, indent) for r in records)


def _rewritten(plan_path: Path, records: list[ProgressRecord]) -> str:
    return header_text(plan_path) + "".join(record_text(r) for r in records)


def _verified(path: Path, text: str, expected: list[ProgressRecord]) -> bool:
    """Whether `text` reads back as exactly the expected records."""
    try:
        loaded = _records_of(parse_document(path, text))
    except LoadFailure:
        return False
    return not loaded.findings and loaded.records == expected


def write_records(
    path: Path, plan_path: Path, loaded: LoadedProgress, expected: list[ProgressRecord], edited: str | None
) -> None:
    """Replace the progress file with `edited` (the user's text with the change made in place) if it reads back
    as the expected records, else with a clean rewrite of them; the result is verified before the rename."""
    for text in (edited, _rewritten(plan_path, expected)):
        if text is not None and _verified(path, text, expected):
            write_atomic(path, text.encode("utf-8"), update=True)
            return
    raise AidplanError(
        tr("无法安全地写入 {path}：写出的内容读回来与记录不一致；这次没有写入任何记录", path=shown(path))
    )


def _locked_update(plan_path: Path, texts: dict[str, str], timeout: float, change) -> Path:
    path = progress_for(plan_path)
    with locked(path, timeout):
        loaded = load_progress(path)
        problems = loaded.findings or unknown_task_findings(loaded, texts)
        if problems:
            raise progress_file_error(problems)
        change(path, loaded)
    return path


def append_records(plan_path: Path, records: list[ProgressRecord], texts: dict[str, str], timeout: float = 30) -> Path:
    """Add records to the plan's progress file under a lock, atomically; the earlier lines stay as they are.
    `texts` maps every id the plan has to its task's text (for the records' fingerprints)."""
    for record in records:
        if record.task not in texts:
            raise UsageError(
                tr(
                    "{plan_path} 里没有编号为“{task}”的任务{suggestion}",
                    plan_path=shown(plan_path),
                    task=record.task,
                    suggestion=_suggestion(record.task, texts),
                )
            )
    records = [r.model_copy(update={"text": fingerprint(texts[r.task])}) for r in records]

    def add(path: Path, loaded: LoadedProgress) -> None:
        write_records(path, plan_path, loaded, loaded.records + records, _appended(loaded, plan_path, records))

    return _locked_update(plan_path, texts, timeout, add)


@frozen
class Renumbering:
    path: Path
    changed: list[tuple[int, str, str]]  # record index, old id, new id
    unsure: list[tuple[int, str]]  # records whose task moved but whose new id cannot be told


def renumbering(loaded: LoadedProgress, texts: dict[str, str]) -> Renumbering:
    changed, unsure = [], []
    for index, record in enumerate(loaded.records):
        if record.text is None or (record.task in texts and fingerprint(texts[record.task]) == record.text):
            continue
        new = _moved_to(record, texts)
        if new is None:
            unsure.append((index, record.task))
        else:
            changed.append((index, record.task, new))
    return Renumbering(loaded.path, changed, unsure)


def reid_records(plan_path: Path, texts: dict[str, str], dry_run: bool = False, timeout: float = 30) -> Renumbering:
    """Point records back at their tasks after the plan was edited: each record whose fingerprint now belongs
    to exactly one other id gets that id. Under the lock and atomic, like done."""
    path = progress_for(plan_path)
    with locked(path, timeout):
        loaded = load_progress(path)
        if loaded.findings:
            raise progress_file_error(loaded.findings, tr("没有改动任何记录"))
        result = renumbering(loaded, texts)
        if result.changed and not dry_run:
            expected = list(loaded.records)
            for index, _, new in result.changed:
                expected[index] = expected[index].model_copy(update={"task": new})
            write_records(path, plan_path, loaded, expected, _replace_ids(loaded, result.changed))
    return result


def _replace_ids(loaded: LoadedProgress, changed: list[tuple[int, str, str]]) -> str | None:
    """The file's text with each changed record's task value replaced where it stands (comments kept)."""
    if loaded.text is None or loaded.document is None:
        return None
    lines = loaded.text.splitlines(keepends=True)
    for index, _, new in sorted(changed, key=lambda c: loaded.position(c[0]), reverse=True):
        line, column = loaded.position(index)
        text = lines[line - 1]
        start = column - 1
        match = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^\s,}\]#]+').match(text, start)
        if match is None:
            return None
        lines[line - 1] = text[:start] + _yaml_scalar(new) + text[match.end() :]
    return "".join(lines)


class RecordsInForce(dict[str, tuple[int, ProgressRecord]]):
    """The record in force per id (see latest_status), and in `history` every record per id up to the day asked
    about, in the order they take effect: a record for a recurring task's plain id covers only some of its
    occurrences (tracking.covers), so an older one may still be the one in force for an earlier occurrence."""

    def __init__(self) -> None:
        super().__init__()
        self.history: dict[str, list[tuple[int, ProgressRecord]]] = {}


def latest_status(records: list[ProgressRecord], as_of: dt.date | None = None) -> RecordsInForce:
    """The record in force per id, with its line number in the file: the latest date wins, and on the same date
    the later line. Records dated after `as_of` are ignored (a report as of 10 May does not know 24 May)."""
    latest = RecordsInForce()
    for index, record in enumerate(records):
        if as_of is not None and record.date > as_of:
            continue
        latest.history.setdefault(record.task, []).append((index, record))
        current = latest.get(record.task)
        if current is None or record.date >= current[1].date:
            latest[record.task] = (index, record)
    for found in latest.history.values():
        found.sort(key=lambda pair: (pair[1].date, pair[0]))
    return latest
