"""Turn a plan into the rows and cells of its table (pure data, no docx): by task or by period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aidplan.plan.kinds import KINDS
from aidplan.plan.model import Plan, PrintedTask, normalise_text
from aidplan.plan.numbering import format_number
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


@dataclass(frozen=True)
class Group:
    """One period's rows before page splitting: `rows(units[i:j])` gives the rows of a block of its units
    (tasks, or the rest cells of task rows), the period label on the block's first row."""

    index: int
    units: tuple
    rows: Callable[[Sequence], list[Row]]


# Turns the groups of a table into its rows; the default keeps every period whole. A page-aware split
# (aidplan.render.pages.Filler) cuts long periods where pages end.
Split = Callable[[Sequence[Group]], list[Row]]


def whole(groups: Sequence[Group]) -> list[Row]:
    return [row for group in groups for row in group.rows(group.units)]


def _columns(plan: Plan, kind: str) -> tuple[Column, ...]:
    columns = [Column("period", plan.columns.period), Column("tasks", plan.columns.tasks)]
    if plan.owners:
        columns.append(Column("owner", plan.columns.owner))
    if kind == "by-period":
        columns.append(Column("deadline", plan.columns.deadline))
    return tuple(columns)


def _numbered(task: PrintedTask, form: str) -> tuple[str, ...]:
    """A task's paragraphs in its cell: the sub-headings printed before it, then its number and text."""
    return task.headings + (format_number(task.number, form) + task.text,)


def merged_group(index: int, label: str, rests: Sequence[tuple[Cell, ...]]) -> Group:
    """A period of task rows with the period cell merged down each block's rows, the block kept on one page."""

    def rows(block: Sequence[tuple[Cell, ...]]) -> list[Row]:
        return [
            Row(
                ((Cell((label,)) if i == 0 else Cell(("",), continues=True)),) + rest,
                index,
                keep_with_next=i < len(block) - 1,
            )
            for i, rest in enumerate(block)
        ]

    return Group(index, tuple(rests), rows)


def _task_group(plan: Plan, item: ScheduledPeriod, has_owner: bool) -> Group:
    rests = []
    for task in item.tasks:
        rest = [Cell(_numbered(task, plan.numbering))]
        if has_owner:
            rest.append(Cell((task.owner or "",)))
        rests.append(tuple(rest))
    if not rests:
        rests = [tuple(Cell(("",)) for _ in range(2 if has_owner else 1))]
    return merged_group(item.index, item.period.label, rests)


def _period_group(plan: Plan, item: ScheduledPeriod, has_owner: bool) -> Group:
    """A period in one row (its tasks one paragraph each); a long period becomes several rows, each with
    the label and the deadline."""
    deadline = item.period.deadline.text if item.period.deadline is not None else ""

    def rows(tasks: Sequence[PrintedTask]) -> list[Row]:
        row = [Cell((item.period.label,)), Cell(tuple(p for t in tasks for p in _numbered(t, plan.numbering)) or ("",))]
        if has_owner:
            owners = list(dict.fromkeys(t.owner for t in tasks if t.owner))
            row.append(Cell(tuple(owners) or ("",)))
        row.append(Cell((deadline,)))
        return [Row(tuple(row), item.index)]

    return Group(item.index, tuple(item.tasks), rows)


def build_layout(plan: Plan, kind: str | None = None, split: Split | None = None) -> TableLayout:
    """The plan's table in the given layout (default: the plan's own).

    With `split`, periods are cut into blocks where pages end (see aidplan.render.pages.Filler), each block
    starting with the period label, so no page starts with a blank period cell.
    """
    kind = kind or plan.layout
    if kind not in KINDS:
        raise ValueError(f"unknown layout {kind!r}")
    columns = _columns(plan, kind)
    has_owner = plan.owners
    make = _task_group if kind == "by-task" else _period_group
    groups = [make(plan, item, has_owner) for item in schedule(plan)]
    rows = (split or whole)(groups)
    return TableLayout(kind, plan.attachment, plan.title, columns, tuple(rows), tuple(plan.notes))


def grouped_layout(
    title: str,
    columns: tuple[Column, ...],
    groups: list[tuple[int, str, list[tuple[str, ...]]]],
    notes: tuple[str, ...] = (),
    attachment: str | None = None,
    split: Split | None = None,
) -> TableLayout:
    """A by-task table of any columns after the period one (the 台账 uses it): groups are
    (period index, label, rows of cell texts)."""
    merged = [
        merged_group(index, label, [tuple(Cell((text,)) for text in row) for row in texts])
        for index, label, texts in groups
    ]
    rows = (split or whole)(merged)
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
