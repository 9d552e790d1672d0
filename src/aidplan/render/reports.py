"""Due lists and status summaries as text lines, Markdown, JSON, and the 台账 table layout (pure)."""

from __future__ import annotations

import json

from aidplan.messages import later, localized, tr
from aidplan.registry import Line
from aidplan.render.widths import display_width
from aidplan.track.statuses import CLOSED_STATUSES, OPEN_STATUSES, STATUS_NAMES
from aidplan.track.tracking import DueEntry, DueReport, PlanStatus, countdown

GROUP_NAMES = {"overdue": later("已逾期"), "upcoming": later("即将到期"), "current": later("本期任务")}


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _when(entry: DueEntry, working_days: bool) -> str:
    if entry.status not in OPEN_STATUSES or entry.days_left is None:
        return localized(STATUS_NAMES[entry.status])
    if working_days and entry.working_days_left is not None:
        return countdown(entry.working_days_left, tr("个工作日"))
    return countdown(entry.days_left)


def _entry_line(entry: DueEntry, id_width: int, working_days: bool, group_width: int = 12) -> str:
    item = entry.item
    deadline = item.deadline.isoformat() if item.deadline else "—"
    when = _when(entry, working_days)
    extras = []
    if item.owner:
        extras.append(tr("责任单位：{owner}", owner=item.owner))
    if entry.status == "doing":
        extras.append(localized(STATUS_NAMES["doing"]))
    suffix = tr("（{extras}）", extras=tr("；").join(extras)) if extras else ""
    shown = item.group or item.period  # none for a table with no grouping
    group = f"{pad(shown, group_width)}  " if shown else ""
    return (
        f"  {pad(item.id, id_width)}  {deadline}  {pad(when, 16 if working_days else 12)}  {group}{item.text}{suffix}"
    )


def due_lines(report: DueReport, working_days: bool = False) -> list[Line]:
    lines = [
        Line(
            tr("今天：{today}（{within} 天内到期的也列出）", today=report.today.isoformat(), within=report.within),
            "dim",
        )
    ]
    for plan in report.plans:
        lines.append(Line(""))
        lines.append(Line(tr("{title}（{path}）", title=plan.title, path=plan.path), "heading"))
        if plan.ended:
            state = tr("{unfinished} 项未完成", unfinished=plan.unfinished) if plan.unfinished else tr("全部完成")
            lines.append(
                Line(
                    tr(
                        "  {year} 年的计划已结束：共 {total} 项，{state}", year=plan.year, total=plan.total, state=state
                    ),
                    "overdue" if plan.unfinished else "done",
                )
            )
            continue
        if not plan.entries:
            lines.append(Line(tr("  没有到期或逾期的任务"), "done"))
            continue
        id_width = max(display_width(e.item.id) for e in plan.entries)
        group_width = max(12, *(display_width(e.item.group or e.item.period) for e in plan.entries))
        for group in ("overdue", "upcoming", "current"):
            entries = [e for e in plan.entries if e.group == group]
            if not entries:
                continue
            periods = tr("：{periods}", periods=tr("、").join(plan.current_periods)) if group == "current" else ""
            title = localized(GROUP_NAMES[group]) + periods
            lines.append(Line(tr(" {title}（{count}）", title=title, count=len(entries)), "heading"))
            for entry in entries:
                style = (
                    "done"
                    if entry.status in CLOSED_STATUSES
                    else ("overdue" if group == "overdue" else ("upcoming" if group == "upcoming" else ""))
                )
                lines.append(Line(_entry_line(entry, id_width, working_days, group_width), style))
    return lines


def _md(text: str) -> str:
    from aidplan.render.templating import markdown_cell

    return markdown_cell(text)


def due_markdown(report: DueReport, working_days: bool = False) -> str:
    out = [tr("# 到期任务（{today}）", today=report.today.isoformat()), ""]
    for plan in report.plans:
        out += [f"## {_md(plan.title)}", "", f"`{plan.path}`", ""]
        if plan.ended:
            out += [
                tr(
                    "{year} 年的计划已结束：共 {total} 项，{unfinished} 项未完成。",
                    year=plan.year,
                    total=plan.total,
                    unfinished=plan.unfinished,
                ),
                "",
            ]
            continue
        if not plan.entries:
            out += [tr("没有到期或逾期的任务。"), ""]
            continue
        for group in ("overdue", "upcoming", "current"):
            entries = [e for e in plan.entries if e.group == group]
            if not entries:
                continue
            out += [
                tr("### {group}（{count}）", group=localized(GROUP_NAMES[group]), count=len(entries)),
                "",
                tr("| 编号 | 时段 | 任务 | 责任单位 | 截止 | 状态 |"),
                "|---|---|---|---|---|---|",
            ]
            for e in entries:
                state = _when(e, working_days)
                deadline = e.item.deadline.isoformat() if e.item.deadline else "—"
                group = _md(e.item.group or e.item.period)
                out.append(
                    f"| {_md(e.item.id)} | {group} | {_md(e.item.text)} | {_md(e.item.owner or '')} | "
                    f"{deadline} | {state} |"
                )
            out.append("")
    return "\n".join(out)


def due_json(report: DueReport) -> str:
    items = []
    for plan in report.plans:
        for e in plan.entries:
            items.append(
                {
                    "plan": str(plan.path),
                    "id": e.item.id,
                    "task": e.item.task_id,
                    "period": e.item.group or e.item.period,  # the group path: 10月 › 第二周
                    "text": e.item.text,
                    "owner": e.item.owner,
                    "deadline": e.item.deadline.isoformat() if e.item.deadline else None,
                    "status": e.status,
                    "overdue": e.overdue,
                    "days_left": e.days_left,
                    "working_days_left": e.working_days_left,
                    "group": e.group,
                }
            )
    plans = [
        {
            "plan": str(p.path),
            "title": p.title,
            "year": p.year,
            "ended": p.ended,
            "total": p.total,
            "unfinished": p.unfinished,
        }
        for p in report.plans
    ]
    payload = {
        "today": report.today.isoformat(),
        "within": report.within,
        "items": items,
        "plans": plans,
        "holiday_data_missing": report.missing_years,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _tally_text(tally) -> str:
    text = tr("{done}/{total}（{percent}%）", done=tally.done, total=tally.total, percent=tally.percent)
    if tally.overdue:
        text += tr("，逾期 {overdue}", overdue=tally.overdue)
    if tally.dropped:
        text += tr("，取消 {dropped}", dropped=tally.dropped)
    return text


def status_lines(statuses: list[PlanStatus], today) -> list[Line]:
    lines = [Line(tr("截至 {today}", today=today.isoformat()), "dim")]
    for status in statuses:
        lines += [
            Line(""),
            Line(
                tr(
                    "{title}（{path}）：完成 {tally_text}",
                    title=status.title,
                    path=status.path,
                    tally_text=_tally_text(status.plan),
                ),
                "overdue" if status.plan.overdue else "heading",
            ),
        ]
        width = max((display_width(p.name) for p in status.periods), default=0)
        if status.periods:  # a table with no grouping has no periods to break down by
            lines.append(Line(tr(" 按时段"), "heading"))
        for period in status.periods:
            lines.append(
                Line(
                    f"  {pad(period.name, width)}  {_tally_text(period)}",
                    "overdue" if period.overdue else ("done" if period.done == period.total else ""),
                )
            )
        if status.owner_breakdown:
            width = max(display_width(o.name) for o in status.owners)
            lines.append(Line(tr(" 按责任单位"), "heading"))
            for owner in status.owners:
                lines.append(
                    Line(f"  {pad(owner.name, width)}  {_tally_text(owner)}", "overdue" if owner.overdue else "")
                )
    return lines


def status_markdown(statuses: list[PlanStatus], today) -> str:
    out = [tr("# 完成情况（截至 {today}）", today=today.isoformat()), ""]
    for status in statuses:
        out += [
            f"## {_md(status.title)}",
            "",
            tr("完成 {tally_text}", tally_text=_tally_text(status.plan)),
            "",
        ]
        if status.periods:  # a table with no grouping has no periods to break down by
            out += [tr("| 时段 | 完成 | 总数 | 完成率 | 逾期 |"), "|---|---:|---:|---:|---:|"]
            for p in status.periods:
                out.append(f"| {_md(p.name)} | {p.done} | {p.total} | {p.percent}% | {p.overdue} |")
            out.append("")
        if status.owner_breakdown:
            out += [tr("| 责任单位 | 完成 | 总数 | 完成率 | 逾期 |"), "|---|---:|---:|---:|---:|"]
            for o in status.owners:
                out.append(f"| {_md(o.name)} | {o.done} | {o.total} | {o.percent}% | {o.overdue} |")
            out.append("")
    return "\n".join(out)


def _tally_json(tally) -> dict:
    return {
        "done": tally.done,
        "total": tally.total,
        "overdue": tally.overdue,
        "dropped": tally.dropped,
        "percent": tally.percent,
    }


def status_json(statuses: list[PlanStatus], today) -> str:
    payload = {
        "today": today.isoformat(),
        "plans": [
            {
                "plan": str(s.path),
                "title": s.title,
                **_tally_json(s.plan),
                "periods": [{"period": p.name, **_tally_json(p)} for p in s.periods],
                "owners": [{"owner": o.name, **_tally_json(o)} for o in s.owners],
            }
            for s in statuses
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def ledger_rows(status: PlanStatus) -> list[tuple[int, str, tuple[str, ...]]]:
    """The 台账's rows: (period index, period label, cells after the period cell)."""
    rows = []
    for item, state, record, overdue in status.rows:
        deadline = f"{item.deadline.month}月{item.deadline.day}日" if item.deadline else ""
        parts = [STATUS_NAMES[state]]
        if record is not None and state != "todo":
            parts[0] += f"（{record.date.month}月{record.date.day}日）"
            if record.by:
                parts.append(record.by)
            if record.note:
                parts.append(record.note)
        if overdue:
            parts[0] = "逾期未完成" if state == "todo" else "逾期，" + parts[0]
        rows.append((item.period_index, item.period, (f"{item.id}　{item.text}", deadline, "；".join(parts))))
    return rows
