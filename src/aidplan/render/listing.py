"""`aidplan tasks` as text lines and JSON (pure: rows in, text out); the CSV is in aidplan.publish.listing."""

from __future__ import annotations

import json

from aidplan.messages import later, localized, tr
from aidplan.registry import Line
from aidplan.render.widths import display_width
from aidplan.track.listing import PlanTasks, TaskRow

HEADERS = (
    later("编号"), later("序号"), later("时段"), later("起止"), later("起止来源"), later("截止"), later("截止来源"),
    later("责任单位"), later("任务"),
)  # fmt: skip
# where the dates come from, as the listing names them (the CSV, a document, keeps the Chinese of SPAN_SOURCES
# and DEADLINE_SOURCES)
SPAN_NAMES = {
    "label": later("时段名称"), "term": later("学期"), "span": later("span"), "time": later("分组时间"),
    "task": later("任务时间"),
}  # fmt: skip
DEADLINE_NAMES = {
    "task": later("任务截止"), "text": later("文中日期"), "monthly": later("每月例行"), "weekly": later("每周例行"),
    "recurring": later("例行"), "period": later("时段完成时间"), "period-end": later("时段结束"),
}  # fmt: skip


def _source(row: TaskRow) -> str:
    if row.deadline_source is None:
        return "—"
    name = localized(DEADLINE_NAMES[row.deadline_source])
    return tr("{name}“{text}”", name=name, text=row.deadline_text) if row.deadline_text else name


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _deadline(row: TaskRow) -> str:
    if row.deadline is not None:
        return row.deadline.isoformat()
    if row.occurrences:
        first, last = row.occurrences[0], row.occurrences[-1]
        if first != last:
            return tr("{first} 起 {count} 次", first=first.isoformat(), count=len(row.occurrences))
        return first.isoformat()
    return "—"


def _cells(row: TaskRow) -> tuple[str, ...]:
    span = (
        tr("{start} 至 {end}", start=row.start.isoformat(), end=row.end.isoformat()) if row.start and row.end else "—"
    )
    return (
        row.id,
        row.number or "—",
        row.group,
        span,
        localized(SPAN_NAMES[row.span_source]) if row.span_source else "—",
        _deadline(row),
        _source(row),
        row.owner or "—",
        row.text,
    )


def tasks_lines(plans: list[PlanTasks]) -> list[Line]:
    """Per plan: a heading, then a line per task in aligned columns, the task's text last."""
    lines: list[Line] = []
    for number, plan in enumerate(plans):
        if number:
            lines.append(Line(""))
        heading = tr("{title}（{path}）：{count} 项任务", title=plan.title, path=plan.path, count=len(plan.rows))
        lines.append(Line(heading, "heading"))
        table = [tuple(localized(header) for header in HEADERS)] + [_cells(row) for row in plan.rows]
        if not any(row.group for row in plan.rows):  # a table with no grouping (`tasks:`): no 时段 column
            table = [cells[:2] + cells[3:] for cells in table]
        widths = [max(display_width(cells[k]) for cells in table) for k in range(len(table[0]) - 1)]
        for index, cells in enumerate(table):
            text = "  ".join(_pad(cell, width) for cell, width in zip(cells, widths)) + "  " + cells[-1]
            lines.append(Line("  " + text, "dim" if index == 0 else ""))
    return lines


def _row_json(row: TaskRow) -> dict:
    return {
        "id": row.id,
        "number": row.number,
        "group": row.group,
        "text": row.text,
        "owner": row.owner,
        "start": row.start.isoformat() if row.start else None,
        "end": row.end.isoformat() if row.end else None,
        "span_source": row.span_source,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "deadline_source": row.deadline_source,
        "deadline_text": row.deadline_text,
        "occurrences": [day.isoformat() for day in row.occurrences],
    }


def tasks_json(plans: list[PlanTasks]) -> str:
    payload = {
        "plans": [
            {"plan": str(plan.path), "title": plan.title, "tasks": [_row_json(row) for row in plan.rows]}
            for plan in plans
        ]
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
