"""Turn a plan into the rows and cells of its table (pure data, no docx): by task or by period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from aidplan.plan.kinds import KINDS
from aidplan.plan.model import Plan, PrintedTask, Table, TableColumn, normalise_text, plan_tables, table_numbering
from aidplan.plan.numbering import format_number
from aidplan.plan.schedule import ScheduledPeriod, schedule
from aidplan.render.parts import DocumentParts, document_parts


@dataclass(frozen=True)
class Column:
    role: str  # period | tasks | deadline | owner; in a table of listed columns: group | task | number | owner | time …
    header: str
    sub: str | None = None  # the text in the second header row, when the table has two


@dataclass(frozen=True)
class HeaderCell:
    text: str
    span: int = 1  # columns it covers (merged across: gridSpan)
    continues: bool = False  # continues the vertical merge of the header cell above; prints nothing


def header_starts(grid: list[list[HeaderCell | None]]) -> list[list[tuple[int, HeaderCell, int]]]:
    """Per header row, the cells that start in it: (column, cell, rows it runs down over)."""
    rows = []
    for r, cells in enumerate(grid):
        row = []
        for c, cell in enumerate(cells):
            if cell is None or cell.continues:
                continue
            down = 1
            while r + down < len(grid) and (below := grid[r + down][c]) is not None and below.continues:
                down += 1
            row.append((c, cell, down))
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[str, ...]
    continues: bool = False  # continues the vertical merge of the cell above; prints nothing
    span: int = 1  # columns it covers (a group's heading row across the table: gridSpan)
    covered: bool = False  # covered by a cell to its left that spans it; prints nothing
    # paragraph by paragraph, how many paragraphs of the task cell (column 1) each stands level with: a
    # by-period row's owners, or its tasks' own deadlines, one per task beside it (its sub-headings and text)
    pairs: tuple[int, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        """The paragraphs one a line, as a text table (Markdown) prints them beside the task cell's: each owner
        of `pairs` on the line of its task's first paragraph, an empty line beside each of the task's others."""
        if not self.pairs:
            return self.paragraphs
        return tuple(line for text, count in zip(self.paragraphs, self.pairs) for line in (text, *[""] * (count - 1)))


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
    heading: str | None = None  # printed above the table (one of several: 一、2020年春季学期)
    header_rows: int = 1  # 0: printed without a header row; 2: two header rows with merged cells
    more: tuple[TableLayout, ...] = ()  # the plan's further tables, in printed order
    widths: tuple[float, ...] | None = None  # the column widths the page was fitted with (None: not fitted)
    general: bool = False  # columns listed with roles: every column may merge down

    document: DocumentParts = field(default_factory=DocumentParts)  # title lines, preamble, closing, 落款

    @property
    def title_lines(self) -> tuple[str, ...]:
        """The title as printed, one item a line; none where the plan prints no title."""
        return tuple(self.title.split("\n")) if self.document.print_title else ()

    @property
    def parts(self) -> tuple[TableLayout, ...]:
        """Every table of the layout in printed order."""
        return (self, *self.more)

    def header_grid(self) -> list[list[HeaderCell | None]]:
        """The header rows as printed: per row, per column a cell, or None where a cell to its left spans it."""
        if self.header_rows == 0:
            return []
        if self.header_rows == 1:
            return [[HeaderCell(column.header) for column in self.columns]]
        top: list[HeaderCell | None] = []
        bottom: list[HeaderCell | None] = []
        for i, column in enumerate(self.columns):
            if column.sub is None:
                top.append(HeaderCell(column.header))
                bottom.append(HeaderCell("", continues=True))
                continue
            bottom.append(HeaderCell(column.sub))
            before = self.columns[i - 1] if i > 0 else None
            if before is not None and before.sub is not None and before.header == column.header:
                top.append(None)
                opener = max(k for k in range(i) if top[k] is not None)
                cell = top[opener]
                assert cell is not None
                top[opener] = HeaderCell(cell.text, cell.span + 1)
            else:
                top.append(HeaderCell(column.header))
        return [top, bottom]


@dataclass(frozen=True)
class Group:
    """One period's rows before page splitting: `rows(units[i:j])` gives the rows of a block of its units
    (tasks, or the rest cells of task rows), the period label on the block's first row."""

    index: int
    units: tuple
    rows: Callable[[Sequence], list[Row]]
    # where the group may be cut at a page end though it would fit a page whole: after this many units (the
    # sub-groups of a month, 周次 by 周次), so a long outer group fills the page and goes on on the next
    cuts: tuple[int, ...] = ()


# Turns the groups of a table into its rows; the default keeps every period whole. A page-aware split
# (aidplan.render.pages.Filler) cuts long periods where pages end.
Split = Callable[[Sequence[Group]], list[Row]]


def whole(groups: Sequence[Group]) -> list[Row]:
    return [row for group in groups for row in group.rows(group.units)]


def _columns(plan: Plan, kind: str) -> tuple[Column, ...]:
    columns = [Column("period", plan.columns.period), Column("tasks", plan.columns.tasks)]
    if plan.owners:
        columns.append(Column("owner", plan.columns.owner))
    if kind == "by-period":  # after the owner column, or before it where the plan writes it so
        at = len(columns) - 1 if plan.owners and plan.columns.deadline_before_owner() else len(columns)
        columns.insert(at, Column("deadline", plan.columns.deadline))
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
    """A period in one row (its tasks one paragraph each, each owner level with its task); a long period becomes
    several rows, each with the label and the deadline."""
    columns = _columns(plan, "by-period")
    deadline = item.period.deadline.text if item.period.deadline is not None else ""

    def rows(tasks: Sequence[PrintedTask]) -> list[Row]:
        numbered = [_numbered(t, plan.numbering) for t in tasks]
        cells = {
            "period": Cell((item.period.label,)),
            "tasks": Cell(tuple(p for paragraphs in numbered for p in paragraphs) or ("",)),
            "deadline": Cell((deadline,)),
        }
        own = [t.deadline.text if t.deadline is not None else "" for t in tasks]
        if item.period.deadline is None and any(own):  # 1月31日前 / 3月20日前 / 3月31日前: each level with its task
            cells["deadline"] = Cell(tuple(own), pairs=tuple(map(len, numbered)))
        if has_owner:  # each task's owner level with it
            cells["owner"] = Cell(tuple(t.owner or "" for t in tasks) or ("",), pairs=tuple(map(len, numbered)))
        return [Row(tuple(cells[column.role] for column in columns), item.index)]

    return Group(item.index, tuple(item.tasks), rows)


def build_layout(plan: Plan, kind: str | None = None, split: Split | None = None) -> TableLayout:
    """The plan's table in the given layout (default: the plan's own).

    With `split`, periods are cut into blocks where pages end (see aidplan.render.pages.Filler), each block
    starting with the period label, so no page starts with a blank period cell.
    """
    if plan.tables is not None or isinstance(plan.columns, list):
        return _general_layout(plan, split)
    kind = kind or plan.layout
    if kind not in KINDS:
        raise ValueError(f"unknown layout {kind!r}")
    columns = _columns(plan, kind)
    has_owner = plan.owners
    make = _task_group if kind == "by-task" else _period_group
    groups = [make(plan, item, has_owner) for item in schedule(plan)]
    rows = (split or whole)(groups)
    return TableLayout(
        kind, plan.attachment, plan.title, columns, tuple(rows), tuple(plan.notes), document=document_parts(plan)
    )


def grouped_layout(
    title: str,
    columns: tuple[Column, ...],
    groups: list[tuple[int, str, list[tuple[str, ...]]]],
    notes: tuple[str, ...] = (),
    attachment: str | None = None,
    split: Split | None = None,
    labelled: bool = True,
) -> TableLayout:
    """A by-task table of any columns after the period one (the 台账 uses it): groups are
    (period index, label, rows of cell texts). Not `labelled` (a plan with no grouping): no period column,
    every row on its own, so pages break between any two."""

    def single(index: int, cells: tuple[Cell, ...]) -> Group:
        return Group(index, (cells,), lambda block: [Row(rest, index) for rest in block])

    if labelled:
        merged = [
            merged_group(index, label, [tuple(Cell((text,)) for text in row) for row in texts])
            for index, label, texts in groups
        ]
    else:
        merged = [single(index, tuple(Cell((text,)) for text in row)) for index, _, texts in groups for row in texts]
    rows = (split or whole)(merged)
    return TableLayout("by-task", attachment, title, columns, tuple(rows), notes)


def reading_text(layout: TableLayout) -> str:
    """Everything printed, in reading order (label, title, preamble, then per table its heading, headers, cells
    row by row and notes; then the closing and the 落款), no white space."""
    parts = [layout.attachment or "", *layout.title_lines, *layout.document.texts_before()]
    for table in layout.parts:
        parts.append(table.heading or "")
        for header in table.header_grid():
            parts += [cell.text for cell in header if cell is not None and not cell.continues]
        for row in table.rows:
            for cell in row.cells:
                if not cell.continues:
                    parts.extend(cell.paragraphs)
        parts += list(table.notes)
    parts += layout.document.texts_after()
    return normalise_text("".join(parts))


# ---- tables of listed columns (roles), nested groups and several tables ----------------------------------------


@dataclass(frozen=True)
class _Unit:
    """One printed row of a general table: the groups it sits in (outermost first) and its task (None for a
    group without tasks)."""

    nodes: tuple  # ScheduledGroup … ScheduledPeriod
    task: PrintedTask | None


def _listed_columns(plan: Plan, table: Table) -> list[TableColumn]:
    """The table's columns with roles; a table of `tables:` written with the header mapping gets the by-task
    columns it stands for."""
    if isinstance(table.columns, list):
        return table.columns
    names = table.columns
    columns = [TableColumn(header=names.period, role="group"), TableColumn(header=names.tasks, role="task")]
    if plan.owners:
        columns.append(TableColumn(header=names.owner, role="owner"))
    return columns


def _general_layout(plan: Plan, split: Split | None) -> TableLayout:
    items = schedule(plan)
    layouts = []
    for t, table in enumerate(plan_tables(plan)):
        columns = _listed_columns(plan, table)
        outer = 1 if table.category_rows else 0
        numbering = table_numbering(plan, t)[0]
        groups = _table_groups(plan, columns, [item for item in items if item.table == t], outer, numbering)
        rows = (split or whole)(groups)  # a page split runs on from one table to the next
        two = any(len(column.texts) == 2 for column in columns)
        layouts.append(
            TableLayout(
                "by-task",
                plan.attachment,
                plan.title,
                tuple(Column(c.role, c.texts[0], c.texts[1] if len(c.texts) == 2 else None) for c in columns),
                tuple(rows),
                tuple(table.notes),
                heading=table.heading,
                header_rows=0 if not table.headers else 2 if two else 1,
                general=True,
            )
        )
    first = layouts[0]
    return replace(first, more=tuple(layouts[1:]), document=document_parts(plan))


def _nearest(unit: _Unit, value: Callable[[object], str | None]) -> tuple[str, object] | None:
    """The innermost group of the unit with a value for a cell, and the value."""
    for node in reversed(unit.nodes):
        group = node.group if hasattr(node, "group") else node.period
        found = value(group)
        if found:
            return found, node
    return None


def _unit_cells(
    plan: Plan, columns: list[TableColumn], unit: _Unit, leaf, outer: int = 0, numbering: str | None = None
) -> list[tuple[tuple[str, ...], object | None]]:
    """Each column's text for the unit, and what it is merged by (None: its own cell); the first `outer` levels of
    groups are category rows across the table, so the group columns hold the levels below them."""
    task = unit.task
    form = numbering or plan.numbering
    numbered = any(column.role == "number" for column in columns)
    levels = [i for i, column in enumerate(columns) if column.role == "group"]
    cells: list[tuple[tuple[str, ...], object | None]] = []
    for i, column in enumerate(columns):
        role = column.role
        if role == "group":
            level = levels.index(i)
            node = unit.nodes[outer + level] if outer + level < len(unit.nodes) else None
            label = (node.group.label if hasattr(node, "group") else node.period.label) if node is not None else ""
            cells.append(((label,), ("group", id(node) if node is not None else id(leaf), level)))
            continue
        if role == "task":
            if task is None:
                cells.append((("",), None))
            else:  # with a 序号 column the number has its own cell
                cells.append((task.headings + (task.text,) if numbered else _numbered(task, form), None))
            continue
        if role == "number":
            cells.append((("" if task is None else format_number(task.number, form),), None))
            continue
        own: str | None = None
        group_value: Callable[[object], str | None]
        if role == "owner":
            own = task.owner if task is not None else None
            group_value = lambda g: g.owner  # noqa: E731
        elif role == "time":
            own = task.deadline.text if task is not None and task.deadline is not None else None
            group_value = lambda g: g.time  # noqa: E731
        elif role == "deadline":
            own = None
            group_value = lambda g: g.deadline.text if g.deadline is not None else None  # noqa: E731
        else:  # free
            entry = leaf.period.tasks[task.entry_index] if task is not None and task.entry_index is not None else None
            own = entry.cells.get(column.key) if entry is not None else None
            key = column.key
            group_value = lambda g: g.cells.get(key)  # noqa: E731
        if own:
            cells.append(((own,), None))
            continue
        found = _nearest(unit, group_value)
        if found is not None:
            cells.append(((found[0],), (role, i, id(found[1]))))
        elif role == "deadline":
            cells.append((("",), (role, i, id(leaf))))
        else:
            cells.append((("",), None))
    return cells


def _table_groups(
    plan: Plan, columns: list[TableColumn], items: list, above: int = 0, numbering: str | None = None
) -> list[Group]:
    """The table's rows as one Group per outermost group: a page split cuts between its units and prints every
    merged cell again at the top of the next page. A group nested deeper than the table's group columns (or
    any group, in a table without one) is printed as a heading row across the columns after them; the first
    `above` levels (`category_rows: true`) as rows across the whole table, above the group columns."""
    levels = [i for i, column in enumerate(columns) if column.role == "group"]
    start = levels[-1] + 1 if levels else 0  # where a heading row's cell begins
    # per unit: its cells, the headings that start at it, and the headings of every group it is in (printed
    # again when a page starts inside them)
    outer: dict[object, list[tuple[_Unit, list, tuple[str, ...], tuple[str, ...]]]] = {}
    started: set[tuple] = set()
    for item in items:
        nodes = (*item.parents, item)
        units = [_Unit(nodes, task) for task in item.tasks] or [_Unit(nodes, None)]
        for unit in units:
            heads, context = [], []
            for depth, node in enumerate(nodes):
                if above <= depth < above + len(levels) or getattr(node, "flat", False):
                    continue  # a level of a group column; a table with no grouping prints no label row
                label = node.group.label if hasattr(node, "group") else node.period.label
                across = (label, depth < above)  # a category row above the group columns spans the whole table
                context.append(across)
                if node.where not in started:
                    started.add(node.where)
                    heads.append(across)
            cells = _unit_cells(plan, columns, unit, item, above, numbering)
            # a table with no grouping: every row a unit of its own, so pages break between any two rows
            top = (nodes[0].where, unit.task.id if unit.task is not None else None) if item.flat else nodes[0].where
            outer.setdefault(top, []).append((unit, cells, tuple(heads), tuple(context)))

    def heading(cells: list, head: tuple[str, bool]) -> list:
        label, whole = head
        if whole:
            return [((label,), None, len(columns))] + [None] * (len(columns) - 1)
        before = [cell if columns[c].role == "group" else (("",), None) for c, cell in enumerate(cells[:start])]
        return before + [((label,), None, len(columns) - start)] + [None] * (len(columns) - start - 1)

    groups = []
    for index, members in enumerate(outer.values()):
        top = members[0][0].nodes[0].where
        period_index = next(item.index for item in items if (*item.parents, item)[0].where == top)

        def rows(block: Sequence[tuple], period_index: int = period_index) -> list[Row]:
            """The block's rows; a block that starts inside a heading's group (a page split) repeats the heading."""
            sequence = [
                line
                for k, (_, cells, heads, context) in enumerate(block)
                for line in [*(heading(cells, h) for h in (context if k == 0 else heads)), cells]
            ]
            result = []
            for r, cells in enumerate(sequence):
                row = []
                for c, spec in enumerate(cells):
                    if spec is None:
                        row.append(Cell((), covered=True))
                        continue
                    text, merge = spec[0], spec[1]
                    before = sequence[r - 1][c] if r > 0 else None
                    if merge is not None and before is not None and before[1] == merge:
                        row.append(Cell(("",), continues=True))
                    else:
                        row.append(Cell(text, span=spec[2] if len(spec) > 2 else 1))
                result.append(Row(tuple(row), period_index, keep_with_next=r < len(sequence) - 1))
            return result

        cuts = tuple(
            k for k in range(1, len(members)) if members[k][0].nodes[-1].where != members[k - 1][0].nodes[-1].where
        )
        groups.append(Group(index, tuple(members), rows, cuts))
    return groups
