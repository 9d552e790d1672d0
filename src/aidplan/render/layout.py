"""Turn a plan into the rows and cells of its table (pure data, no docx): by task or by period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aidplan.plan.layouts import LAYOUTS
from aidplan.plan.model import Plan, PrintedTask, format_number, normalise_text
from aidplan.plan.schedule import ScheduledPeriod, schedule


@dataclass(frozen=True)
class Column:
    role: str  # period | tasks | deadline | owner
    header: str


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[str, ...]
    continues: bool = False  # continues the vertical merge of the cell above; prints nothing


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    period_index: int
    keep_with_next: bool = False  # stay on the page of the next row (the rest of a period's block)


@dataclass(frozen=True)
class TableLayout:
    kind: str
    attachment: str | None
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...]


# Estimated height of a row (in any unit) from its cells' paragraphs, and the height a block may take on
# one page. With both, a period longer than a page is split into blocks that each start with its label.
RowHeight = Callable[[Sequence[Cell]], float]


def _columns(plan: Plan, kind: str) -> tuple[Column, ...]:
    columns = [Column("period", plan.columns.period), Column("tasks", plan.columns.tasks)]
    if plan.owners:
        columns.append(Column("owner", plan.columns.owner))
    if kind == "by-period":
        columns.append(Column("deadline", plan.columns.deadline))
    return tuple(columns)


def _numbered(task: PrintedTask, style: str) -> str:
    return format_number(task.number, style) + task.text


def _split(items: list, height: Callable[[list], float], budget: float) -> list[list]:
    """Greedy blocks of consecutive items whose height fits the budget (an item taller than it stands alone)."""
    blocks: list[list] = [[]]
    for item in items:
        if blocks[-1] and height(blocks[-1] + [item]) > budget:
            blocks.append([])
        blocks[-1].append(item)
    return blocks


def merged_rows(
    index: int, label: str, rests: list[tuple[Cell, ...]], row_height: RowHeight | None, budget: float | None
) -> list[Row]:
    """Rows of one period with the period cell merged down its rows: split into blocks that fit a page
    (each starting with the label) and each block kept on one page."""

    def cells(rest: tuple[Cell, ...], first: bool) -> tuple[Cell, ...]:
        return (Cell((label,)) if first else Cell(("",), continues=True),) + rest

    def height(block: list[tuple[Cell, ...]]) -> float:
        assert row_height is not None
        return sum(row_height(cells(rest, i == 0)) for i, rest in enumerate(block))

    blocks = _split(rests, height, budget) if row_height is not None and budget is not None else [rests]
    rows = []
    for block in blocks:
        for position, rest in enumerate(block):
            rows.append(Row(cells(rest, position == 0), index, keep_with_next=position < len(block) - 1))
    return rows


def _task_rows(
    plan: Plan, item: ScheduledPeriod, has_owner: bool, row_height: RowHeight | None, budget: float | None
) -> list[Row]:
    rests = []
    for task in item.tasks:
        rest = [Cell((_numbered(task, plan.numbering),))]
        if has_owner:
            rest.append(Cell((task.owner or "",)))
        rests.append(tuple(rest))
    if not rests:
        rests = [tuple(Cell(("",)) for _ in range(2 if has_owner else 1))]
    return merged_rows(item.index, item.period.label, rests, row_height, budget)


def _period_rows(
    plan: Plan, item: ScheduledPeriod, has_owner: bool, row_height: RowHeight | None, budget: float | None
) -> list[Row]:
    deadline = item.period.deadline.text if item.period.deadline is not None else ""

    def cells(tasks: list[PrintedTask], last: bool) -> tuple[Cell, ...]:
        row = [Cell((item.period.label,)), Cell(tuple(_numbered(t, plan.numbering) for t in tasks) or ("",))]
        if has_owner:
            owners = list(dict.fromkeys(t.owner for t in tasks if t.owner))
            row.append(Cell(tuple(owners) or ("",)))
        row.append(Cell((deadline if last else "",)))
        return tuple(row)

    tasks = list(item.tasks)
    if row_height is not None and budget is not None:
        blocks = _split(tasks, lambda block: row_height(cells(block, True)), budget)
    else:
        blocks = [tasks]
    return [
        Row(cells(block, i == len(blocks) - 1), item.index, keep_with_next=i < len(blocks) - 1)
        for i, block in enumerate(blocks)
    ]


def build_layout(
    plan: Plan, kind: str | None = None, row_height: RowHeight | None = None, page_budget: float | None = None
) -> TableLayout:
    """The plan's table in the given layout (default: the plan's own).

    With `row_height` and `page_budget`, a period whose rows would not fit on one page is split into
    blocks that fit, each starting with the period label, so no page starts with a blank period cell.
    """
    kind = kind or plan.layout
    if kind not in LAYOUTS:
        raise ValueError(f"unknown layout {kind!r}")
    columns = _columns(plan, kind)
    has_owner = plan.owners
    rows: list[Row] = []
    for item in schedule(plan):
        make = _task_rows if kind == "by-task" else _period_rows
        rows.extend(make(plan, item, has_owner, row_height, page_budget))
    return TableLayout(kind, plan.attachment, plan.title, columns, tuple(rows), tuple(plan.notes))


def grouped_layout(
    title: str,
    columns: tuple[Column, ...],
    groups: list[tuple[int, str, list[tuple[str, ...]]]],
    notes: tuple[str, ...] = (),
    attachment: str | None = None,
    row_height: RowHeight | None = None,
    page_budget: float | None = None,
) -> TableLayout:
    """A by-task table of any columns after the period one (the 台账 uses it): groups are
    (period index, label, rows of cell texts)."""
    rows: list[Row] = []
    for index, label, texts in groups:
        rests = [tuple(Cell((text,)) for text in row) for row in texts]
        rows.extend(merged_rows(index, label, rests, row_height, page_budget))
    return TableLayout("by-task", attachment, title, columns, tuple(rows), notes)


def reading_text(layout: TableLayout) -> str:
    """Everything printed, in reading order (label, title, headers, cells row by row, notes), no white space."""
    parts = [layout.attachment or "", layout.title]
    parts += [column.header for column in layout.columns]
    for row in layout.rows:
        for cell in row.cells:
            if not cell.continues:
                parts.extend(cell.paragraphs)
    parts += list(layout.notes)
    return normalise_text("".join(parts))
