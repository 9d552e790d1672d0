"""Tables of the general shape, read into listed columns with roles and nested groups: a 序号 column, several
grouping columns (资助项目 > 阶段任务, 月份 > 周次), each task's own time cell, columns the plan prints without
reading them (备注, 月主题). The classic two shapes (a row per task or per period) stay with recognise.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aidplan.ingest.document import Cell, Table

# a header the classic shapes cannot say, so the table is read with listed columns
FREE = "free"


@dataclass
class ColumnSpec:
    index: int
    header: str
    role: str  # group | task | number | owner | time | deadline | free
    key: str | None = None


@dataclass
class Node:
    label: str
    cell: Cell | None
    children: list[Node] = field(default_factory=list)
    tasks: list = field(default_factory=list)  # recognise.Task
    values: dict[str, str] = field(default_factory=dict)  # group-level cells: owner, time, deadline, free keys
    rows: int = 0


def plan_columns(table: Table, header_row: int, role_of) -> list[ColumnSpec]:
    """Every column of the header row with its role: the task column is the task-like one with the most text
    below it; other task-like and time-like columns left of it group the rows; 完成时间-like columns are each
    task's time, or the group's deadline when merged over a group's rows; unknown headers are free columns."""
    specs: list[ColumnSpec] = []
    seen: set[int] = set()
    for column in range(table.columns):
        cell = table.at(header_row, column)
        if cell is None or id(cell) in seen:
            continue
        seen.add(id(cell))
        header = re.sub(r"\s*\n\s*", "", cell.text).strip()
        specs.append(ColumnSpec(column, header, role_of(header) or FREE))

    def text_below(spec: ColumnSpec) -> int:
        return sum(len(c.text) for c in table.cells if c.column == spec.index and c.row > header_row)

    tasks = [s for s in specs if s.role == "tasks"]
    task = max(tasks, key=text_below) if tasks else None
    for spec in specs:
        if spec is task:
            spec.role = "task"
        elif spec.role == FREE:
            continue
        elif spec.role in ("tasks", "period"):
            spec.role = "group" if task is not None and spec.index < task.index else FREE
        elif spec.role == "deadline":
            merged = any(c.rowspan > 1 for c in table.cells if c.column == spec.index and c.row > header_row)
            spec.role = "deadline" if merged else "time"
    keys = 0
    for spec in specs:
        if spec.role == FREE:
            keys += 1
            spec.key = f"c{keys}"
    return specs


def needs_listed_columns(specs: list[ColumnSpec], per_row_deadline: bool) -> bool:
    """Whether the table is beyond the two classic shapes (a period column, a task column, optional owner and
    period deadline)."""
    roles = [s.role for s in specs]
    if "task" not in roles or "group" not in roles:
        return False
    if roles.count("group") > 1 or "number" in roles or FREE in roles or "time" in roles:
        return True
    return per_row_deadline


def read_rows(table: Table, header_row: int, specs: list[ColumnSpec], split_tasks, note) -> list[Node]:
    """The body rows as a tree of groups: a new group where a grouping cell starts (a merged cell, or a new
    label; an empty cell continues the group above), tasks from the task cell, their other cells as values."""
    levels = [s for s in specs if s.role == "group"]
    task_spec = next(s for s in specs if s.role == "task")
    roots: list[Node] = []
    path: list[Node] = []
    for row in range(header_row + 1, table.rows):
        cells = table.row(row)
        task_cell = cells[task_spec.index]
        first = cells[levels[0].index]
        if task_cell is None or task_cell is first or not task_cell.text.strip():
            text = first.text.strip() if first is not None else ""
            if text:
                note(row, text)
            continue
        changed = False
        for depth, spec in enumerate(levels):
            cell = cells[spec.index]
            label = re.sub(r"\s*\n\s*", "", cell.text).strip() if cell is not None else ""
            current = path[depth] if depth < len(path) else None
            if changed or current is None:
                new = True
            elif cell is not None and cell.row == row and label:
                # a label repeated on the next row (no merged cell) is the same group
                new = not (label == current.label and (current.cell is None or current.cell.rowspan == 1))
            else:
                new = False  # a merged cell continuing, or an empty one: the group above goes on
            if new:
                node = Node(label or (current.label if current else ""), cell)
                (path[depth - 1].children if depth else roots).append(node)
                del path[depth:]
                path.append(node)
                changed = True
        leaf = path[len(levels) - 1]
        leaf.rows += 1
        tasks = split_tasks(task_cell, row)
        for spec in specs:
            if spec.role in ("group", "task"):
                continue
            cell = cells[spec.index]
            if cell is None:
                continue
            value = re.sub(r"\s*\n\s*", "", cell.text).strip()
            if spec.role == "number":
                for task in tasks[:1]:
                    task.column_number = value
                continue
            key = spec.key or spec.role
            if cell.rowspan > 1:  # merged over the group's rows: the group's value
                owner = _group_of(path, cell)
                if value and cell.row == row:
                    owner.values[key] = value
                continue
            for task in tasks:
                task.values[key] = value
        leaf.tasks.extend(tasks)
    return roots


def _group_of(path: list[Node], cell: Cell) -> Node:
    """The innermost group whose rows the merged cell covers: the deepest one that starts where it starts."""
    for node in reversed(path):
        here = node.cell
        if here is not None and here.row <= cell.row and here.row + here.rowspan >= cell.row + cell.rowspan:
            return node
    return path[0]


def leaves(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out.extend(leaves(node.children) if node.children else [node])
    return out
