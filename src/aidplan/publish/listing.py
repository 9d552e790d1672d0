"""`aidplan tasks --format csv`: every task of the plans as one table for Excel."""

from __future__ import annotations

import csv
import io

from aidplan.publish.export import csv_cell
from aidplan.track.listing import SPAN_SOURCES, PlanTasks, source_name

CSV_HEADERS = (
    "计划", "编号", "序号", "时段", "任务", "责任单位", "开始", "结束", "起止来源", "截止", "截止来源", "各次截止",
)  # fmt: skip


def tasks_csv(plans: list[PlanTasks]) -> str:
    """One row per task, every plan in one table (a column names the plan file)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    for plan in plans:
        for row in plan.rows:
            writer.writerow(
                csv_cell(cell)
                for cell in (
                    str(plan.path),
                    row.id,
                    row.number,
                    row.group,
                    row.text,
                    row.owner or "",
                    row.start.isoformat() if row.start else "",
                    row.end.isoformat() if row.end else "",
                    SPAN_SOURCES[row.span_source] if row.span_source else "",
                    row.deadline.isoformat() if row.deadline else "",
                    source_name(row),
                    " ".join(day.isoformat() for day in row.occurrences),
                )
            )
    return out.getvalue()
