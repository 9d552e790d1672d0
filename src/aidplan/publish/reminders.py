"""What a reminder says: the overdue and soon-due items of each running plan, as chat Markdown or plain text."""

from __future__ import annotations

from dataclasses import dataclass

from aidplan.track.statuses import STATUS_NAMES
from aidplan.track.tracking import DueEntry, DueReport, countdown


@dataclass(frozen=True)
class Reminder:
    title: str  # the chat's notification title
    header: str  # the first line of every part
    lines: list[str]  # one line per plan heading, group heading and item, packed into messages in order
    headings: frozenset[int]  # the indexes of the plans' headings in lines, repeated when a part starts mid-plan
    overdue: int
    upcoming: int

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.upcoming)


def _date(entry: DueEntry) -> str:
    deadline = entry.item.deadline
    return f"{deadline.month}月{deadline.day}日" if deadline else "无截止日期"


def _item_line(entry: DueEntry, markdown: bool) -> str:
    item = entry.item
    when = countdown(entry.days_left) if entry.days_left is not None else ""
    extras = [f"{_date(entry)}，{when}" if when else _date(entry)]
    if item.owner:
        extras.append(f"责任单位：{item.owner}")
    if entry.status == "doing":
        extras.append(STATUS_NAMES["doing"])
    ident = f"**{item.id}**" if markdown else item.id
    return f"- {ident} {item.text}（{'；'.join(extras)}）"


def reminder(report: DueReport, markdown: bool = True) -> Reminder:
    """The reminder for a due report: plans whose year is over are left out (nothing is due in them now)."""
    day = report.today
    overdue = upcoming = 0
    lines: list[str] = []
    headings: set[int] = set()
    for plan in report.plans:
        if plan.ended:
            continue
        groups = [
            ("已逾期", [e for e in plan.entries if e.group == "overdue"]),
            (f"{report.within} 天内到期", [e for e in plan.entries if e.group == "upcoming"]),
        ]
        if not any(entries for _, entries in groups):
            continue
        headings.add(len(lines))
        lines.append(f"**{plan.title}**" if markdown else f"【{plan.title}】")
        for name, entries in groups:
            if not entries:
                continue
            label = f"{name}（{len(entries)} 项）："
            lines.append(f"**{label}**" if markdown else label)
            lines += [_item_line(e, markdown) for e in entries]
        overdue += len(groups[0][1])
        upcoming += len(groups[1][1])
    title = f"工作计划提醒（{day.month}月{day.day}日）"
    counts = (
        f"逾期 {overdue} 项，{report.within} 天内到期 {upcoming} 项"
        if overdue or upcoming
        else "没有逾期或即将到期的任务"
    )
    header = (f"### {title}" if markdown else title) + "\n" + counts
    return Reminder(title, header, lines, frozenset(headings), overdue, upcoming)
