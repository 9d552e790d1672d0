"""aidplan tasks: every task of the plans with its id, printed number, group, dates and where each date comes from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from aidplan.commands.check import find_plan_files, load_valid_plans
from aidplan.messages import tr
from aidplan.plan.findings import Finding
from aidplan.registry import Line
from aidplan.track.listing import PlanTasks


def task_listing(
    paths: list[Path], calendar_places: Sequence[Path] | None = None
) -> tuple[list[PlanTasks], list[Finding]]:
    """The task rows of each plan under `paths` (plans with errors are refused, as by due and status)."""
    from aidplan.plan.calendar_files import calendars_for
    from aidplan.plan.schedule import work_calendar
    from aidplan.track.listing import task_rows

    plans, warnings = load_valid_plans(find_plan_files(paths), tr("无法列出任务"), calendar_places)
    listed = [
        PlanTasks(path, plan.name, task_rows(plan, work_calendar(plan, calendars_for(path, calendar_places))))
        for path, plan in plans
    ]
    return listed, warnings


def write_listing(listing: str | list[Line], fmt: str, output: Path) -> Path:
    """The listing written to a file (never over a plan it read); a CSV starts with the BOM Excel needs to
    read UTF-8."""
    from aidplan.files import write_atomic

    text = listing if isinstance(listing, str) else "".join(line.text + "\n" for line in listing)
    write_atomic(output, (("\ufeff" if fmt == "csv" else "") + text).encode("utf-8"))
    return output


# the writers of TASKS_FORMATS (aidplan.commands.formats)


def tasks_text(plans: list[PlanTasks]) -> list[Line]:
    from aidplan.render.listing import tasks_lines

    return tasks_lines(plans)


def tasks_json(plans: list[PlanTasks]) -> str:
    from aidplan.render import listing

    return listing.tasks_json(plans)


def tasks_csv(plans: list[PlanTasks]) -> str:
    from aidplan.publish import listing

    return listing.tasks_csv(plans)
