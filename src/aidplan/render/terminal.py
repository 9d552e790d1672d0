"""Due lists and status summaries as rich tables for a terminal: Chinese text wrapped by its display width and
the tables fitted to the terminal's width. Imported only when standard output is a terminal; pipes and files
get the plain lines of render.reports."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from aidplan.messages import localized, tr
from aidplan.render.reports import GROUP_NAMES, _tally_text, _when
from aidplan.track.statuses import CLOSED_STATUSES
from aidplan.track.tracking import DueReport, PlanStatus, Tally

STYLES = {"overdue": "red", "upcoming": "yellow", "done": "green", "heading": "bold", "dim": "bright_black", "": ""}


def _table(title: str, style: str) -> Table:
    return Table(
        title=title,
        title_justify="left",
        title_style=style,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )


def due_tables(report: DueReport, working_days: bool = False) -> list[Any]:
    """A heading per plan and a table per group (overdue, upcoming, current), rows coloured by urgency."""
    out: list[Any] = [
        Text(
            tr("今天：{today}（{within} 天内到期的也列出）", today=report.today.isoformat(), within=report.within),
            STYLES["dim"],
        )
    ]
    for plan in report.plans:
        out += [Text(""), Text(tr("{title}（{path}）", title=plan.title, path=plan.path), STYLES["heading"])]
        if plan.ended:
            state = tr("{unfinished} 项未完成", unfinished=plan.unfinished) if plan.unfinished else tr("全部完成")
            style = "overdue" if plan.unfinished else "done"
            out.append(
                Text(
                    tr(
                        "  {year} 年的计划已结束：共 {total} 项，{state}", year=plan.year, total=plan.total, state=state
                    ),
                    STYLES[style],
                )
            )
            continue
        if not plan.entries:
            out.append(Text(tr("  没有到期或逾期的任务"), STYLES["done"]))
            continue
        owners = any(e.item.owner for e in plan.entries)
        for group in ("overdue", "upcoming", "current"):
            entries = [e for e in plan.entries if e.group == group]
            if not entries:
                continue
            periods = tr("：{periods}", periods=tr("、").join(plan.current_periods)) if group == "current" else ""
            title = localized(GROUP_NAMES[group]) + periods
            table = _table(tr("{title}（{count}）", title=title, count=len(entries)), STYLES["heading"])
            table.add_column(tr("编号"), no_wrap=True)
            table.add_column(tr("截止"), no_wrap=True)
            table.add_column(tr("剩余"), no_wrap=True)
            # Chinese has no spaces to break at: fold long text by display width instead of cutting it short
            # a table with no grouping (`tasks:`) has no 时段
            grouped = any(e.item.group or e.item.period for e in entries)
            if grouped:
                table.add_column(tr("时段"), max_width=12, overflow="fold")
            table.add_column(tr("任务"), ratio=1, min_width=10, overflow="fold")
            if owners:
                table.add_column(tr("责任单位"), max_width=12, overflow="fold")
            for entry in entries:
                item = entry.item
                urgent = group if group in ("overdue", "upcoming") else ""
                style = "done" if entry.status in CLOSED_STATUSES else urgent
                text = item.text + (tr("（进行中）") if entry.status == "doing" else "")
                cells = [
                    item.id,
                    item.deadline.isoformat() if item.deadline else "—",
                    _when(entry, working_days),
                    *([item.group or item.period] if grouped else []),
                    text,
                ]
                if owners:
                    cells.append(item.owner or "")
                table.add_row(*cells, style=STYLES[style])
            out.append(table)
    return out


def _tally_table(title: str, heading: str, tallies: list[Tally]) -> Table:
    table = _table(title, STYLES["heading"])
    table.add_column(heading, max_width=24, overflow="fold")
    for name in (tr("完成"), tr("总数"), tr("完成率"), tr("逾期"), tr("取消")):
        table.add_column(name, justify="right", no_wrap=True)
    for tally in tallies:
        style = "overdue" if tally.overdue else ("done" if tally.total and tally.done == tally.total else "")
        table.add_row(
            tally.name,
            str(tally.done),
            str(tally.total),
            f"{tally.percent}%",
            str(tally.overdue),
            str(tally.dropped),
            style=STYLES[style],
        )
    return table


def status_tables(statuses: list[PlanStatus], today) -> list[Any]:
    """Per plan: its tally, then a table by period and, when owners are named, one by owner."""
    out: list[Any] = [Text(tr("截至 {today}", today=today.isoformat()), STYLES["dim"])]
    for status in statuses:
        style = "overdue" if status.plan.overdue else "heading"
        out += [
            Text(""),
            Text(
                tr(
                    "{title}（{path}）：完成 {tally_text}",
                    title=status.title,
                    path=status.path,
                    tally_text=_tally_text(status.plan),
                ),
                STYLES[style],
            ),
        ]
        if status.periods:  # a table with no grouping has no periods to break down by
            out.append(_tally_table(tr("按时段"), tr("时段"), status.periods))
        if status.owner_breakdown:
            out.append(_tally_table(tr("按责任单位"), tr("责任单位"), status.owners))
    return out
