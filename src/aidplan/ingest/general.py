"""Tables of the general shape, read into listed columns with roles and nested groups: a 序号 column, several
grouping columns (资助项目 > 阶段任务, 月份 > 周次), each task's own time cell, columns the plan prints without
reading them (备注, 月主题). The classic two shapes (a row per task or per period) stay with recognise.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aidplan.ingest.document import Cell, Table
from aidplan.plan.timeexpr import term_week_number

# a header the classic shapes cannot say, so the table is read with listed columns
FREE = "free"


@dataclass
class ColumnSpec:
    index: int
    header: str | list[str]
    role: str  # group | task | number | owner | time | deadline | free
    key: str | None = None


@dataclass
class Node:
    label: str
    cell: Cell | None
    children: list[Node] = field(default_factory=list)
    tasks: list = field(default_factory=list)  # recognise.Task
    typed: bool = False  # a category row typed into the cells (一 | 资助政策落实 | | ), not one merged across
    across: bool = False  # a category row across the whole table, above the group columns
    values: dict[str, str] = field(default_factory=dict)  # group-level cells: owner, time, deadline, free keys
    rows: int = 0


def _flat(text: str) -> str:
    return re.sub(r"\s*\n\s*", "", text).strip()


def header_columns(table: Table, header_row: int) -> tuple[list[tuple[int, tuple[str, ...]]], int]:
    """Each column of the header with its header texts (one, or two for two header rows: [完成情况, 已完成]), and
    the first body row. Two header rows are read in the three forms they arrive in: merged cells (a header cell
    merged across over cells of its own below, the others merged down), text without merges (the header repeated
    over the columns it spans, the row below filled only under them), and one cell holding both lines (Markdown's
    完成情况<br>已完成, adjacent columns sharing the first line)."""
    top = table.row(header_row)
    below = table.row(header_row + 1) if header_row + 1 < table.rows else []
    if below:
        own = [b is not None and b is not t and b.row == header_row + 1 for t, b in zip(top, below)]
        down = [t is not None and t is b for t, b in zip(top, below)]
        filled = all(below[c].text.strip() for c in range(len(own)) if own[c])  # type: ignore[union-attr]
        if all(o or d for o, d in zip(own, down)) and any(own) and any(down) and filled:
            return _columns_of(top, below, own), header_row + 2
        texts = [_flat(t.text) if t is not None else "" for t in top]
        under = [_flat(b.text) if b is not None else "" for b in below]
        for c in range(1, len(texts)):
            # pasted from Excel: a merged header's text is in its first cell only, the cells after it are empty
            if c < len(under) and not texts[c] and under[c] and texts[c - 1] and under[c - 1]:
                texts[c] = texts[c - 1]
        runs = [c for c in range(len(texts)) if texts[c] and _repeated(texts, c)]
        if runs and all(under[c] for c in runs) and not any(under[c] for c in range(len(texts)) if c not in runs):
            return _columns_of(top, below, [c in runs for c in range(len(texts))], texts), header_row + 2
    cells = list(dict.fromkeys(cell for cell in top if cell is not None))
    lines = [[line.strip() for line in cell.text.split("\n") if line.strip()] for cell in cells]

    def shares(i: int) -> bool:
        neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        return len(lines[i]) == 2 and any(len(other) == 2 and other[0] == lines[i][0] for other in neighbours)

    return [
        (cell.column, tuple(lines[i]) if shares(i) else (_flat(cell.text),)) for i, cell in enumerate(cells)
    ], header_row + 1


def _repeated(texts: list[str], column: int) -> bool:
    return (column > 0 and texts[column - 1] == texts[column]) or (
        column + 1 < len(texts) and texts[column + 1] == texts[column]
    )


def _columns_of(top, below, own: list[bool], texts: list[str] | None = None) -> list[tuple[int, tuple[str, ...]]]:
    """The columns of two header rows; `texts`, when given, are the upper texts with a merged header's text
    carried into the empty cells after it (text pasted from Excel)."""
    upper = texts if texts is not None else [_flat(t.text) if t is not None else "" for t in top]
    return [
        (c, (upper[c], _flat(below[c].text)) if own[c] else (upper[c],))
        for c in range(len(top))
        if (top[c] is not None or (own[c] and texts is not None))
        and (own[c] or top[c].column == c or top[c].colspan == 1)
    ]


def column_role(texts: tuple[str, ...], role_of) -> str:
    """A column's role from its header texts: a column under a header that is printed without being read (完成情况
    over 已完成 and 未完成) is such a column too; else the lower text says it, or the upper one."""
    upper = role_of(texts[0]) or FREE
    if len(texts) == 1 or upper == FREE:
        return upper
    return role_of(texts[1]) or upper


def plan_columns(table: Table, header_row: int, role_of) -> list[ColumnSpec]:
    """Every column of the header with its role: the task column is the task-like one with the most text
    below it; other task-like and time-like columns left of it group the rows, time-like ones right of it are
    each task's time; 完成时间-like columns are each task's time, or the group's deadline when merged over a group's
    rows; unknown headers are free columns."""
    columns, body = header_columns(table, header_row)
    specs = [
        ColumnSpec(column, texts[0] if len(texts) == 1 else list(texts), column_role(texts, role_of))  # type: ignore[arg-type]
        for column, texts in columns
    ]

    def text_below(spec: ColumnSpec) -> int:
        return sum(len(c.text) for c in table.cells if c.column == spec.index and c.row >= body)

    tasks = [s for s in specs if s.role == "tasks"]
    task = max(tasks, key=text_below) if tasks else None
    owner = next((s for s in specs if s.role == "owner"), None)
    if task is not None and len(tasks) == 1 and "项目" in str(task.header):
        # 项目 | 说明: the project names the rows, the wordier column after it holds the tasks
        wordier = [s for s in specs if s.role == FREE and s.index > task.index and text_below(s) > text_below(task)]
        if wordier:
            task.role, task = "tasks", wordier[0]
            task.role = "tasks"
    unknown = {spec.index for spec, (_, texts) in zip(specs, columns) if not any(role_of(t) for t in texts)}
    for spec in specs:
        if spec is task:
            spec.role = "task"
        elif spec.role == FREE:
            left = task is not None and spec.index < task.index
            if spec.index in unknown and left and _groups_rows(table, spec, body):
                spec.role = "group"  # 类 | 内容 | 时限 with 一、综合 merged down over its tasks: a header no word names
            continue
        elif spec.role == "owner" and spec is not owner:
            spec.role = FREE  # 牵头科室 | 配合单位: the first is the owner, the others are printed as they are
        elif spec.role == "period" and "日期" in str(spec.header) and any(s.role == "group" for s in specs):
            spec.role = "time"  # 周次 | 日期 (3.2-3.8): the week's dates, not a level of groups
        elif spec.role in ("tasks", "period"):
            left = task is not None and spec.index < task.index
            spec.role = "group" if left else "time" if spec.role == "period" and task is not None else FREE
        elif spec.role == "deadline":
            merged = any(c.rowspan > 1 for c in table.cells if c.column == spec.index and c.row >= body)
            spec.role = "deadline" if merged and _one_per_group(table, specs, spec, body) else "time"
    if [s.role for s in specs].count("time") > 1:  # one time cell per task: the others are printed as they are
        for spec in [s for s in specs if s.role == "time"][1:]:
            spec.role = FREE
    keys = 0
    for spec in specs:
        if spec.role == FREE:
            keys += 1
            spec.key = f"c{keys}"
    return specs


def _one_per_group(table: Table, specs: list[ColumnSpec], spec: ColumnSpec, body: int) -> bool:
    """Whether a 完成时限 column merged somewhere holds one cell per group (merged over each group's rows): the
    groups' deadlines. Where a group's rows have cells of their own (1月31日前 | 每月20日前 …, only 3月's rows 5–6
    sharing one merged 3月31日前), the column is each task's time."""
    group = next((s for s in specs if s.role in ("group", "period") and s.index < spec.index), None)
    if group is None:
        return True
    cells: dict[int, set[int]] = {}  # a group's cell → the deadline cells over its rows
    for row in range(body, table.rows):
        label, deadline = table.at(row, group.index), table.at(row, spec.index)
        if label is not None and deadline is not None:
            cells.setdefault(id(label), set()).add(id(deadline))
    return all(len(found) == 1 for found in cells.values())


def _groups_rows(table: Table, spec: ColumnSpec, body: int) -> bool:
    """Whether a column under a header no word names groups the rows below it: each label stands over several
    rows (merged down, followed by blank cells in text, which has no merges, or printed again on each), the first
    row has one, and at
    least one label reads as a category (一、综合) or a time (3月份). A 备注 column of occasional notes does not."""
    from aidplan.ingest.recognise import _TIME_WORDS

    rows = [table.at(row, spec.index) for row in range(body, table.rows)]
    if len(rows) < 2 or rows[0] is None or not rows[0].text.strip():
        return False
    labels = [c for i, c in enumerate(rows) if c is not None and c.row == body + i and c.text.strip()]
    blank = [c for i, c in enumerate(rows) if c is not None and c.row == body + i and not c.text.strip()]
    # a label printed again on each row it stands over (a spreadsheet or CSV that merges nothing)
    repeated = any(a.row + a.rowspan == b.row and _flat(a.text) == _flat(b.text) for a, b in zip(labels, labels[1:]))
    if not repeated and (len(labels) >= len(rows) or not (any(c.rowspan > 1 for c in labels) or blank)):
        return False
    return any(CATEGORY_NUMBER.match(_flat(c.text)) or _TIME_WORDS.search(_flat(c.text)) for c in labels)


def needs_listed_columns(specs: list[ColumnSpec], per_row_deadline: bool) -> bool:
    """Whether the table is beyond the two classic shapes (a period column, a task column, optional owner and
    period deadline)."""
    roles = [s.role for s in specs]
    if "task" not in roles or "group" not in roles:
        return False
    if roles.count("group") > 1 or "number" in roles or FREE in roles or "time" in roles:
        return True
    return per_row_deadline


CATEGORY_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
# a Chinese ordinal typed alone in its cell (一, 一、, （一）): the 序号 of a category row typed into the cells
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]?|（[一二三四五六七八九十]+）)$")
TASK_NUMBER = re.compile(r"^\d+(?:[.、．)）](?![0-9])|$)")  # 1. 1、 but not 9.14-9.18, a date


def heading_text(
    cells: list[Cell | None], start: int, following: list[Cell | None] | None = None
) -> tuple[str, bool] | None:
    """The text of a heading row (一、资助政策落实 across the table over its tasks): its cell from the first
    column after the group columns spans every column after it, or — in text, which has no merges — it is the only
    text after the group columns and starts with a category number. A category row typed into the cells is one
    too: a Chinese ordinal (一, 一、) with one text after it and the other cells empty (一 | 资助政策落实 | | ), or
    one short heading-like text alone in its row over a numbered task row. The label keeps the printed wording:
    一、 | 资助政策落实 → 一、资助政策落实; 一 | 资助政策落实 → 一 资助政策落实 (the gap the cell border made).
    Returned with whether it was typed into the cells rather than merged across (or alone in its line of text)."""
    cell = cells[start] if start < len(cells) else None
    if cell is not None and cell.column == start and cell.text.strip():
        text = _flat(cell.text)
        if cell.colspan > 1 and cell.column + cell.colspan >= len(cells):
            return text, False
        rest = [c for c in cells[start + 1 :] if c is not None and c is not cell]
        if len(cells) - start > 1 and not any(c.text.strip() for c in rest) and CATEGORY_NUMBER.match(text):
            return text, False
    if len(cells) - start < 2:
        return None
    filled = [_flat(c.text) for c in dict.fromkeys(c for c in cells[start:] if c is not None) if c.text.strip()]
    if len(filled) == 2 and ORDINAL.match(filled[0]) and not ORDINAL.match(filled[1]):
        # the wording as printed: 一、 | 资助政策落实 → 一、资助政策落实; a bare 一 keeps the gap the cell border made
        return f"{filled[0]}{'' if filled[0][-1] in '、.．）' else ' '}{filled[1]}", True
    if len(filled) == 1 and following is not None and _heading_like(filled[0]):
        after = [_flat(c.text) for c in dict.fromkeys(c for c in following[start:] if c is not None) if c.text.strip()]
        # over a numbered task of its own group: not over the next group's first row (第三周 | 9.14-9.18 | …)
        opens = any(c is not None and c is not here and c.text.strip() for c, here in zip(following[:start], cells))
        if after and TASK_NUMBER.match(after[0]) and not opens:
            return filled[0], True
    return None


def _across_the_table(cells: list[Cell | None]) -> str | None:
    """The text of a row that is one cell merged across the whole table (一、资助政策落实), or — in text, which has
    no merges — a row whose only text is a category number and its words in the first cell."""
    first = cells[0] if cells else None
    if first is None or not first.text.strip():
        return None
    text = _flat(first.text)
    if all(c is first for c in cells):
        return text
    rest = [c for c in cells[1:] if c is not None and c is not first]
    if not any(c.text.strip() for c in rest) and CATEGORY_NUMBER.match(text):
        return text
    return None


def _heading_like(text: str) -> bool:
    """A short text without a sentence's punctuation or a task's number: 资助政策落实, 资助育人。"""
    return len(text) <= 16 and not re.search(r"[。；;，,：:]", text) and not TASK_NUMBER.match(text)


def read_rows(
    table: Table, body: int, specs: list[ColumnSpec], split_tasks, note, spanned: list[tuple[int, Cell]] | None = None
) -> list[Node]:
    """The body rows as a tree of groups: a new group where a grouping cell starts (a merged cell, or a new
    label; an empty cell continues the group above), a group one level deeper where a heading row spans the
    columns after the group columns, tasks from the task cell, their other cells as values. A table without any
    group gives one root group without a label (a flat list of tasks). A body cell merged across columns is
    its first column's (a task running over the 完成时限 column has no deadline, not itself as one); each is
    added to `spanned` as (row, cell)."""
    levels = [s for s in specs if s.role == "group"]
    task_spec = next(s for s in specs if s.role == "task")
    start = max((s.index for s in levels), default=-1) + 1
    roots: list[Node] = []
    path: list[Node] = []
    category: Node | None = None  # a category row across the whole table, above the group columns
    for row in range(body, table.rows):
        cells = table.row(row)
        task_cell = cells[task_spec.index]
        across = _across_the_table(cells) if levels else None
        if across is not None and row < table.rows - 1 and not across.startswith("注"):
            # 一、资助政策落实 over 重点任务 | 具体内容: a level of groups above the group columns
            category = Node(across, cells[0], across=True)
            roots.append(category)
            path = []
            continue
        found = heading_text(cells, start, table.row(row + 1) if row + 1 < table.rows else None)
        heading, typed = found if found is not None else (None, False)
        if heading is not None and (row == table.rows - 1 or heading.startswith("注")):
            note(row, heading)  # a line across the table under the tasks: 注：…
            continue
        first = cells[levels[0].index] if levels else None
        blank = heading is None and _blank_group_row(cells, specs, row, path)
        if heading is None and not blank and (task_cell is None or task_cell is first or not task_cell.text.strip()):
            texts = [c.text.strip() for c in dict.fromkeys(c for c in cells if c is not None) if c.row == row]
            text = " ".join(t for t in texts if t)  # whichever cell holds it (注 typed in the 序号 column)
            if text:
                note(row, text)
            continue
        changed = False
        for depth, spec in enumerate(levels):
            cell = cells[spec.index]
            label = _flat(cell.text) if cell is not None else ""
            current = path[depth] if depth < len(path) else None
            if changed or current is None:
                new = True
            elif cell is not None and cell.row == row and label:
                # a label repeated on the next row (no merged cell), or printed again at the top of a page, is the
                # same group: two groups side by side never share a label
                new = label != current.label
            else:
                new = False  # a merged cell continuing, or an empty one: the group above goes on
            if new:
                node = Node(label or (current.label if current else ""), cell)
                (path[depth - 1].children if depth else category.children if category else roots).append(node)
                del path[depth:]
                path.append(node)
                changed = True
        if heading is not None:
            node = Node(heading, cells[start], typed=typed)
            (path[len(levels) - 1].children if levels else roots).append(node)
            del path[len(levels) :]
            path.append(node)
            continue
        if blank:  # a week printed with nothing planned (第五周 | 9.28-10.2 | | ): a group without tasks
            for spec in specs:
                cell = cells[spec.index]
                if (
                    spec.role not in ("group", "task")
                    and cell is not None
                    and (cell.row, cell.column) == (row, spec.index)
                    and cell.text.strip()
                ):
                    path[-1].values[spec.key or spec.role] = re.sub(r"\s*\n\s*", "", cell.text).strip()
            continue
        if not path:  # tasks before any group: a flat list
            path.append(Node("", None))
            roots.append(path[0])
        leaf = path[-1]
        leaf.rows += 1
        tasks = split_tasks(task_cell, row)
        for spec in specs:
            if spec.role in ("group", "task"):
                continue
            cell = cells[spec.index]
            if cell is None:
                continue
            if cell.column != spec.index:  # merged across from the column on its left: that column's
                if spanned is not None and cell.row == row and all(c is not cell for _, c in spanned):
                    spanned.append((row, cell))
                continue
            value = re.sub(r"\s*\n\s*", "", cell.text).strip()
            if spec.role == "number":
                for task in tasks[:1]:
                    task.column_number = value
                continue
            key = spec.key or spec.role
            owner = _group_of(path, cell) if cell.rowspan > 1 else None
            whole = (
                owner is not None
                and owner.cell is not None
                and (owner.cell.row, owner.cell.rowspan)
                == (
                    cell.row,
                    cell.rowspan,
                )
            )
            if owner is not None and (whole or spec.role != "time"):  # merged over the group's rows: its value
                if value and cell.row == row:
                    owner.values[key] = value
                continue
            # a time merged over some of a group's rows (3月31日前 over tasks 5–6 of 3月, 4 with its own 每月20日前):
            # each task's time, not the group's dates
            # a printed-only cell beside a cell of several tasks (周主题 beside ①… ②…) is printed once, with the
            # first; a time or an owner holds for each of them
            for task in tasks[:1] if spec.role == FREE else tasks:
                task.values[key] = value
        leaf.tasks.extend(tasks)
    times = [s.role for s in specs if s.role == "time" and s.index < task_spec.index]
    if not any(c.rowspan > 1 for c in table.cells):
        # a time or an owner on one row is the task's, unless its column stands left of the tasks (周次 | 日期)
        _printed_once(roots, [s.key for s in specs if s.role == FREE and s.key] + times)
    else:  # merged cells elsewhere (九月 over its weeks): the dates beside a week of one row are still the week's
        _printed_once(roots, times, weeks_only=True)
    return roots


def _blank_group_row(cells: list[Cell | None], specs: list[ColumnSpec], row: int, path: list[Node]) -> bool:
    """A row that starts a group of its own (at any level: 第五周 under a merged 十月) and has nothing in its
    task cell, only its group cells and the cells beside them left of the tasks (第五周 | 9.28-10.2 | | ): a
    week a school's 行事历 prints blank."""
    levels = [s for s in specs if s.role == "group"]
    task_spec = next(s for s in specs if s.role == "task")
    task_cell = cells[task_spec.index]
    if not levels or (task_cell is not None and (task_cell.text.strip() or task_cell.row != row)):
        return False
    starts = False
    for depth, spec in enumerate(levels):
        cell = cells[spec.index]
        if cell is None or cell is task_cell or cell.row != row or not _flat(cell.text):
            continue
        # a label printed again (the next row, the top of a page) continues its group
        starts = starts or depth >= len(path) or _flat(cell.text) != path[depth].label
    if not starts:
        return False
    for spec in specs:
        cell = cells[spec.index]
        if spec.role != "group" and spec.index > task_spec.index and cell is not None and cell.text.strip():
            return False
    return True


def _all_tasks(node: Node) -> list:
    return [t for child in node.children for t in _all_tasks(child)] if node.children else list(node.tasks)


def _printed_once(roots: list[Node], keys: list[str], weeks_only: bool = False) -> None:
    """Text has no merged cells: a free column printed, in the groups of one level, only on each group's first
    row (its other rows empty; in two groups at least, one of them of several rows, or all of them weeks of the
    term for a time column) holds the groups' cells, merged over their rows where the table was printed, not their
    first tasks'."""
    level = [node for node in roots if node.label]
    while level:
        for key in keys:
            spans = [(node, tasks) for node in level if (tasks := _all_tasks(node))]
            if any(t.values.get(key) for _, tasks in spans for t in tasks[1:]):
                continue
            firsts = [len(tasks) for _, tasks in spans if tasks[0].values.get(key)]
            # weeks of one row each (第一周 | 8.31-9.4): the dates beside a week are the week's
            weeks = key == "time" and all(term_week_number(node.label) is not None for node in level)
            if len(firsts) < 2 or (max(firsts) < 2 and not weeks) or (weeks_only and not weeks):
                continue
            for node, tasks in spans:
                if tasks[0].values.get(key) and key not in node.values:
                    node.values[key] = tasks[0].values.pop(key)
        level = [child for node in level for child in node.children]


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


# what a cell of a column printed without a header says about the column
_NUMBER_VALUE = re.compile(r"^[0-9]{1,3}[.、．]?$")
_TIME_VALUE = re.compile(
    r"[0-9]{1,2}\s*月|[0-9]{1,2}[.\-/][0-9]{1,2}|全年|每月|每周|每季|学期|上旬|中旬|下旬|第.{1,3}周|年底|年初|年内|寒假|暑假"
)
_ORGANISATION_VALUE = re.compile(
    r"(中心|局|厅|委员会|委|办公室|办|处|科|股|室|学校|学院|大学|中学|小学|幼儿园|政府|部|站|所|院|校|组)$"
)


def _mostly(values: list[str], test) -> bool:
    return bool(values) and sum(1 for v in values if test(v)) * 3 >= len(values) * 2


def headerless_columns(table: Table) -> list[ColumnSpec]:
    """The columns of a table printed without a header row, their roles read from what their cells hold: bare
    numbers (序号), dates and months (time; left of the tasks, the groups), office names (owner), the wordiest
    column the tasks, short labels left of it the groups; anything else is printed as it is. Each gets the header
    such a column usually has, printed nowhere (`headers: false`)."""
    values = [
        [_flat(c.text) for c in table.cells if c.column == column and c.colspan == 1 and c.text.strip()]
        for column in range(table.columns)
    ]

    def time_like(value: str) -> bool:
        return len(value) <= 12 and not re.search(r"[，,。；;]", value) and bool(_TIME_VALUE.search(value))

    def office_like(value: str) -> bool:
        parts = [p for p in re.split(r"[、，,及和]", value) if p]
        return len(value) <= 30 and bool(parts) and all(_ORGANISATION_VALUE.search(p) for p in parts)

    kinds: list[str | None] = []
    for cells in values:
        if _mostly(cells, lambda v: bool(_NUMBER_VALUE.match(v))):
            kinds.append("number")
        elif _mostly(cells, time_like):
            kinds.append("time")
        elif _mostly(cells, office_like):
            kinds.append("owner")
        else:
            kinds.append(None)
    wordy = [c for c in range(table.columns) if kinds[c] != "number" and values[c]] or list(range(table.columns))
    task = max(wordy, key=lambda c: sum(len(v) for v in values[c]) / max(1, len(values[c])))
    specs: list[ColumnSpec] = []
    seen: set[str] = set()
    for column in range(table.columns):
        kind = kinds[column]
        if column == task:
            role, header = "task", "工作内容"
        elif column < task and kind in ("time", None) and sum(1 for s in specs if s.role == "group") < 3:
            role, header = "group", "时间" if kind == "time" else "类别"
        elif kind == "number" and "number" not in seen:
            role, header = "number", "序号"
        elif kind == "owner" and "owner" not in seen:
            role, header = "owner", "责任单位"
        elif kind == "time" and "time" not in seen and column > task:
            role, header = "time", "完成时间"
        else:
            role, header = FREE, "备注"
        seen.add(role)
        specs.append(ColumnSpec(column, header, role))
    keys = 0
    for spec in specs:
        if spec.role == FREE:
            keys += 1
            spec.key = f"c{keys}"
            spec.header = "备注" if keys == 1 else f"备注{keys}"
    return specs
