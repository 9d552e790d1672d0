"""The example tasks `aidplan new` writes (marked 【示例】) and W230, which stays until they are replaced."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aidplan.messages import tr
from aidplan.rules.plans import ExampleTask

if TYPE_CHECKING:
    from aidplan.plan.checks import CheckedPlan
    from aidplan.plan.findings import Finding

EXAMPLE_MARK = "【示例】"  # the start of every text `aidplan new` writes for the office to replace


def is_example(text: str) -> bool:
    return text.lstrip().startswith(EXAMPLE_MARK)


def example_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """W230 for each task (and recurring task) whose text is still an example of `aidplan new`."""
    path, plan, document, periods, _ = subject
    findings = []
    for index, task in enumerate(plan.recurring):
        if is_example(task.text):
            position = document.position(("recurring", index, "text"))
            findings.append(
                ExampleTask.at(
                    path, position, tr("示例任务尚未替换：例行任务“{id}”“{text}”", id=task.id, text=task.text)
                )
            )
    for item in periods:
        for task in item.tasks:
            entry = item.period.tasks[task.entry_index] if task.entry_index is not None else None
            if entry is not None and entry.text is not None and is_example(entry.text):
                where = item.where or ("periods", item.index)  # a group of a nested or several-table plan too
                position = document.position((*where, "tasks", task.entry_index))
                message = tr(
                    "示例任务尚未替换：时段“{label}”的第 {number} 项“{text}”",
                    label=item.period.label,
                    number=task.number,
                    text=entry.text,
                )
                findings.append(ExampleTask.at(path, position, message))
    return findings
