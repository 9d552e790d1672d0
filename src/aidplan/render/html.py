"""The plan as one self-contained HTML page, and a progress dashboard, from Jinja2 templates (escaped)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from aidplan.plan.model import Plan
from aidplan.render.layout import TableLayout, header_starts
from aidplan.render.measure import natural_parts
from aidplan.render.parts import signature_indents
from aidplan.render.style import Profile
from aidplan.render.templating import render_template
from aidplan.track.progress import STATUS_NAMES
from aidplan.track.tracking import DueEntry, PlanDue, PlanStatus, Tally, TrackedItem, countdown


@dataclass(frozen=True)
class HtmlCell:
    paragraphs: tuple[str, ...]
    role: str  # the column's role: period | tasks | owner | deadline | status
    rowspan: int = 1
    colspan: int = 1  # a group's heading row across the table
    # one of the rows a period row is cut into so that each owner stands level with its task (by-period):
    # "pair-first", "pair-middle" or "pair-last" (no border between them), "" otherwise
    seam: str = ""

    @property
    def classes(self) -> str:
        return f"{self.role} {self.seam}" if self.seam else self.role

    def parts(self, paragraph: str) -> list[str]:
        """A paragraph of a column other than the task column cut where a line breaks best (市教育局 / 计划财务科,
        学生处、/ 高一年级组; see `measure.cell_text`): each part is kept on one line where it fits."""
        if self.role in ("task", "tasks", "heading"):
            return [paragraph]
        return natural_parts(paragraph)

    @property
    def scope(self) -> str | None:
        """The period cell heads its row (or, merged over several, its group of rows)."""
        if self.role == "heading":  # a group's heading row heads the rows under it
            return "rowgroup"
        if self.role not in ("period", "group"):
            return None
        return "rowgroup" if self.rowspan > 1 else "row"


def _paired(row) -> list[int]:
    """The columns of a by-period row whose cells stand one beside each task (owners, the tasks' own deadlines),
    if it has several tasks."""
    return [i for i, cell in enumerate(row.cells) if len(cell.pairs) > 1]


def _seam(number: int, count: int) -> str:
    return "pair-first" if number == 0 else "pair-last" if number == count - 1 else "pair-middle"


def row_groups(layout: TableLayout) -> list[list[list[HtmlCell]]]:
    """The table body as groups of rows (one <tbody> each): a group starts where the period cell is not
    merged with the one above; a merged cell becomes one cell with a rowspan over the rows it covers. A period
    row whose owners stand one beside each task (by-period, `Cell.pairs`) is cut into one row per owner, its
    tasks beside it, without a border between them, the other cells spanning them: each owner then stands
    level with its task in any browser, as in the DOCX."""
    groups: list[list[list[HtmlCell]]] = []
    roles = [column.role for column in layout.columns]
    anchor = roles.index("group") if "group" in roles else 0  # the outermost group column
    task = next(i for i, role in enumerate(roles) if role in ("task", "tasks"))
    heights = [len(row.cells[paired[0]].pairs) if (paired := _paired(row)) else 1 for row in layout.rows]
    for index, row in enumerate(layout.rows):
        heading = any(cell.span > 1 for cell in row.cells)
        grouped = "group" in roles or "period" in roles
        if not groups or ((grouped or heading) and not row.cells[anchor].continues):
            groups.append([])
        paired = _paired(row)
        count = heights[index]
        split: list[dict[int, HtmlCell]] = [{} for _ in range(count)]
        if paired:
            at = 0
            for number, taken in enumerate(row.cells[paired[0]].pairs):
                seam = _seam(number, count)
                split[number][task] = HtmlCell(row.cells[task].paragraphs[at : at + taken], roles[task], seam=seam)
                for column in paired:
                    split[number][column] = HtmlCell((row.cells[column].paragraphs[number],), roles[column], seam=seam)
                at += taken
        cells = []
        for column, (cell, role) in enumerate(zip(row.cells, roles)):
            if cell.continues or cell.covered:
                continue
            if column in split[0]:
                cells.append(split[0][column])
                continue
            if cell.span > 1:
                cells.append(HtmlCell(cell.paragraphs, "heading", 1, cell.span))
                continue
            span = 1
            while index + span < len(layout.rows) and layout.rows[index + span].cells[column].continues:
                span += 1
            cells.append(HtmlCell(cell.paragraphs, role, sum(heights[index : index + span])))
        groups[-1].append(cells)
        groups[-1] += [[part[column] for column in sorted(part)] for part in split[1:]]
    return groups


@dataclass(frozen=True)
class HeaderHtmlCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


def header_cells(layout: TableLayout) -> list[list[HeaderHtmlCell]]:
    """The header rows as <th> cells: merged across (colspan) and down (rowspan); none without a header."""
    return [
        [HeaderHtmlCell(cell.text, cell.span, down) for _, cell, down in row]
        for row in header_starts(layout.header_grid())
    ]


def column_percentages(layout: TableLayout, profile: Profile) -> list[float]:
    """Column widths as percentages of the table: the DOCX's own widths where the table was fitted to the page
    (tables of the same columns share them), else from the same estimate."""
    from aidplan.render.measure import layout_widths

    widths = layout.widths if layout.widths is not None else layout_widths(layout, profile)
    return [round(100 * width / sum(widths), 2) for width in widths]


def render_plan_html(layout: TableLayout, plan: Plan, profile: Profile, templates: Path | None = None) -> str:
    """The plan's table as a page that prints on A4 with the GB/T 9704 margins."""
    context = {
        "layout": layout,
        "plan": plan,
        "profile": profile,
        "groups": row_groups(layout),
        "widths": column_percentages(layout, profile),
        "tables": [
            {
                "layout": part,
                "header": header_cells(part),
                "groups": row_groups(part),
                "widths": column_percentages(part, profile),
            }
            for part in layout.parts
        ],
        "signature_indents": [
            round(indent, 2) for indent in signature_indents(layout.document, profile.body_size, profile.body_font)
        ],
    }
    return render_template("plan.html.j2", context, templates, autoescape=True)


@dataclass(frozen=True)
class Late:
    """An open item past its deadline."""

    item: TrackedItem
    status: str
    days: int  # calendar days past the deadline


@dataclass(frozen=True)
class DashboardPlan:
    """What the dashboard shows of one plan."""

    number: int  # 1, 2 …: the plan's anchor on the page
    status: PlanStatus
    due: PlanDue
    overdue: list[Late]
    upcoming: list[DueEntry]

    @property
    def tally(self) -> Tally:
        return self.status.plan

    @property
    def owners(self) -> list[Tally]:
        """The owner breakdown, or nothing when no task names an owner."""
        return self.status.owner_breakdown


def dashboard_plan(number: int, status: PlanStatus, due: PlanDue, today: dt.date) -> DashboardPlan:
    """Overdue items come from the status rows (so a finished year still lists them), due-soon items from
    the due report (only open items due within its window, soonest first)."""
    late = [
        Late(item, state, (today - item.deadline).days)
        for item, state, _, overdue in status.rows
        if overdue and item.deadline is not None
    ]
    late.sort(key=lambda entry: (-entry.days, entry.item.period_index))
    return DashboardPlan(number, status, due, late, [e for e in due.entries if e.group == "upcoming"])


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def render_dashboard_html(
    plans: list[DashboardPlan], today: dt.date, within: int, made: dt.datetime, templates: Path | None = None
) -> str:
    """Progress of one or many plans: per plan, period and owner, with what is overdue and due soon."""
    context = {
        "plans": plans,
        "today": today,
        "within": within,
        "made": made,
        "chinese_date": chinese_date,
        "countdown": countdown,
        "status_names": STATUS_NAMES,
        "total": _sum_tallies("全部计划", [p.tally for p in plans]),
    }
    return render_template("status.html.j2", context, templates, autoescape=True)


def _sum_tallies(name: str, tallies: list[Tally]) -> Tally:
    total = Tally(name)
    for tally in tallies:
        total.done += tally.done
        total.total += tally.total
        total.overdue += tally.overdue
        total.dropped += tally.dropped
    return total
