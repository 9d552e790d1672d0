"""Due lists and status summaries as rich tables for a terminal: Chinese text wrapped by its display width and
the tables fitted to the terminal's width. Imported only when standard output is a terminal; pipes and files
get the plain lines of render.reports."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.cells import cell_len
from rich.containers import Lines
from rich.table import Table
from rich.text import Text

from aidplan.messages import localized, tr
from aidplan.render.reports import GROUP_NAMES, _tally_text, _when
from aidplan.render.widths import unbreakable_pieces
from aidplan.track.statuses import CLOSED_STATUSES
from aidplan.track.tracking import DueReport, PlanStatus, Tally

STYLES = {"overdue": "red", "upcoming": "yellow", "done": "green", "heading": "bold", "dim": "bright_black", "": ""}
GAP = 3  # between two columns: a cell's right padding, the (blank) rule and the next cell's left padding
LABEL_WIDTH = 12  # a 时段 or 责任单位 cell wider than this wraps
TASK_MIN_WIDTH = 10
LABEL_MIN_WIDTH = 4  # two Chinese characters a line
NAME_SEPARATORS = "、，,；;/／|"  # between the owners of a cell (and the parts of a group's name)


def line_offsets(text: str, width: int, names: bool = False) -> list[int]:
    """Where `text` (one line) breaks to fit `width` terminal cells: between the pieces printed text breaks
    between (render.widths), so no line starts with closing punctuation （）。，、：；！？…） nor ends with
    opening punctuation （（《“）, and a number or Latin word stays whole; a piece wider than a line is cut.
    `names`: a list of names (资助中心、计财股) breaks after a separator when the line has one, not inside a name."""
    offsets: list[int] = []
    line: list[tuple[int, int, bool]] = []  # the current line's pieces: (length, cells, ends a name)
    position, used = 0, 0

    def new_line() -> None:
        nonlocal used, line
        kept: list[tuple[int, int, bool]] = []
        if names:
            ends = [i for i, (_, _, after) in enumerate(line[:-1]) if after]
            if ends:  # break after the last name that ends on this line; the rest moves on
                kept = line[ends[-1] + 1 :]
        offsets.append(position - sum(length for length, _, _ in kept))
        line, used = kept, sum(cells for _, cells, _ in kept)

    for piece in unbreakable_pieces(text):
        size = cell_len(piece)
        if piece.isspace():  # spaces end a line (and are stripped there), never start one
            line.append((len(piece), size, True))
            position, used = position + len(piece), used + size
            continue
        for part in [piece] if size <= width else list(piece):  # wider than a line: cut where it is full
            size = cell_len(part)
            if used and used + size > width:
                new_line()
            line.append((len(part), size, part[-1] in NAME_SEPARATORS))
            position, used = position + len(part), used + size
    return offsets


class WrappedText(Text):
    """Text that wraps as Chinese does (`line_offsets`) instead of at spaces or at any cell."""

    def __init__(self, *args: Any, names: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names = names

    def wrap(self, console, width, *, justify=None, overflow=None, tab_size=8, no_wrap=None) -> Lines:
        lines = Lines()
        for line in self.split(allow_blank=True):
            pieces = line.divide(line_offsets(line.plain, width, self.names))
            for piece in pieces:
                piece.rstrip()
            pieces.justify(console, width, justify=justify or self.justify or "default", overflow="fold")
            lines.extend(pieces)
        return lines


class Paragraph:
    """A line of text printed on its own, wrapped as Chinese is (Console.print would join a bare Text with the
    other texts into a plain one)."""

    def __init__(self, text: str, style: str) -> None:
        self.text = WrappedText(text, style)

    def __rich_console__(self, console, options):
        yield self.text


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


class _Sections:
    """A plan's due items as one table per section (overdue, upcoming, current) whose columns line up: every
    section has the same columns at the same widths, worked out for the width the terminal gives."""

    def __init__(self, headers: list[str], sections: list[tuple[str, list[tuple[list[str], str]]]]) -> None:
        self.headers = headers  # ids, deadline, left, [period], task, [owner]
        self.sections = sections  # (title, [(cells, style)])
        self.task = headers.index(tr("任务"))

    def widths(self, available: int) -> list[int] | None:
        rows = [cells for _, rows in self.sections for cells, _ in rows]
        natural = [max([cell_len(h)] + [cell_len(cells[i]) for cells in rows]) for i, h in enumerate(self.headers)]
        widths = [
            min(width, max(LABEL_WIDTH, cell_len(header)))
            if i != self.task and header in (tr("时段"), tr("责任单位"))
            else width
            for i, (width, header) in enumerate(zip(natural, self.headers))
        ]
        room = available - GAP * (len(widths) - 1) - sum(w for i, w in enumerate(widths) if i != self.task)
        for i in reversed(range(len(widths))):  # a narrow terminal: the owner, then the period, wrap more
            if room < TASK_MIN_WIDTH and self.headers[i] in (tr("时段"), tr("责任单位")):
                narrower = max(LABEL_MIN_WIDTH, widths[i] - (TASK_MIN_WIDTH - room))
                room, widths[i] = room + widths[i] - narrower, narrower
        if room < TASK_MIN_WIDTH:  # too narrow to line up: each table is laid out on its own
            return None
        widths[self.task] = min(natural[self.task], room)
        return widths

    def blocks(self):
        """Each item as a block, for a terminal too narrow for columns: its number, deadline and days left on a
        line, then its period, task and owner each on lines of their own, indented, wrapped and never cut."""
        from rich.padding import Padding

        short = [i for i, h in enumerate(self.headers) if i != self.task and h not in (tr("时段"), tr("责任单位"))]
        long = [i for i in range(len(self.headers)) if i not in short]
        for title, rows in self.sections:
            yield Paragraph(title, STYLES["heading"])
            for cells, style in rows:
                yield WrappedText("  ".join(cells[i] for i in short), STYLES[style])
                for i in long:
                    if cells[i]:
                        yield Padding(WrappedText(cells[i], STYLES[style], names=i != self.task), (0, 0, 0, 4))

    def __rich_console__(self, console, options):
        widths = self.widths(options.max_width)
        if widths is None:  # too narrow for the columns to line up, or to show the task whole: blocks
            yield from self.blocks()
            return
        for title, rows in self.sections:
            table = _table(title, STYLES["heading"])
            for header, width in zip(self.headers, widths or [None] * len(self.headers)):
                shown = WrappedText(header)
                if widths:
                    table.add_column(shown, width=width)
                elif header == tr("任务"):
                    table.add_column(shown, ratio=1, min_width=TASK_MIN_WIDTH)
                elif header in (tr("时段"), tr("责任单位")):
                    table.add_column(shown, max_width=LABEL_WIDTH)
                else:
                    table.add_column(shown, no_wrap=True)
            for cells, style in rows:
                names = [header in (tr("时段"), tr("责任单位")) for header in self.headers]
                table.add_row(*(WrappedText(cell, names=n) for cell, n in zip(cells, names)), style=STYLES[style])
            yield table


def due_tables(report: DueReport, working_days: bool = False) -> list[Any]:
    """A heading per plan and a table per group (overdue, upcoming, current), rows coloured by urgency."""
    out: list[Any] = [
        Text(
            tr("今天：{today}（{within} 天内到期的也列出）", today=report.today.isoformat(), within=report.within),
            STYLES["dim"],
        )
    ]
    for plan in report.plans:
        out += [Text(""), Paragraph(tr("{title}（{path}）", title=plan.title, path=plan.path), STYLES["heading"])]
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
        grouped = any(e.item.group or e.item.period for e in plan.entries)  # a table of `tasks:` has no 时段
        headers = [tr("编号"), tr("截止"), tr("剩余"), *([tr("时段")] if grouped else []), tr("任务")]
        headers += [tr("责任单位")] if owners else []
        sections = []
        for group in ("overdue", "upcoming", "current"):
            entries = [e for e in plan.entries if e.group == group]
            if not entries:
                continue
            periods = tr("：{periods}", periods=tr("、").join(plan.current_periods)) if group == "current" else ""
            title = localized(GROUP_NAMES[group]) + periods
            rows = []
            for entry in entries:
                item = entry.item
                urgent = group if group in ("overdue", "upcoming") else ""
                style = "done" if entry.status in CLOSED_STATUSES else urgent
                text = item.text + (tr("（进行中）") if entry.status == "doing" else "")
                cells = [
                    item.id,
                    item.deadline.isoformat() if item.deadline else "—",
                    _when(entry, working_days),
                    *([item.group or item.period or ""] if grouped else []),
                    text,
                    *([item.owner or ""] if owners else []),
                ]
                rows.append((cells, style))
            sections.append((tr("{title}（{count}）", title=title, count=len(entries)), rows))
        out.append(_Sections(headers, sections))
    return out


def _tally_table(title: str, heading: str, tallies: list[Tally], widths: list[int]) -> Table:
    table = _table(title, STYLES["heading"])
    table.add_column(heading, width=widths[0])
    for name, width in zip((tr("完成"), tr("总数"), tr("完成率"), tr("逾期"), tr("取消")), widths[1:]):
        table.add_column(name, justify="right", no_wrap=True, width=width)
    for tally in tallies:
        style = "overdue" if tally.overdue else ("done" if tally.total and tally.done == tally.total else "")
        table.add_row(WrappedText(tally.name, names=True), *_tally_cells(tally), style=STYLES[style])
    return table


def _tally_cells(tally: Tally) -> list[str]:
    return [str(tally.done), str(tally.total), f"{tally.percent}%", str(tally.overdue), str(tally.dropped)]


def _tally_widths(headings: list[str], tallies: list[Tally]) -> list[int]:
    """One set of column widths for a plan's tables (by period, by owner), so their numbers line up."""
    names = [tr("完成"), tr("总数"), tr("完成率"), tr("逾期"), tr("取消")]
    first = max([cell_len(h) for h in headings] + [min(24, cell_len(t.name)) for t in tallies])
    rest = [
        max([cell_len(name)] + [cell_len(cells[i]) for cells in map(_tally_cells, tallies)])
        for i, name in enumerate(names)
    ]
    return [first, *rest]


def status_tables(statuses: list[PlanStatus], today) -> list[Any]:
    """Per plan: its tally, then a table by period and, when owners are named, one by owner; their columns line
    up."""
    out: list[Any] = [Text(tr("截至 {today}", today=today.isoformat()), STYLES["dim"])]
    for status in statuses:
        style = "overdue" if status.plan.overdue else "heading"
        out += [
            Text(""),
            Paragraph(
                tr(
                    "{title}（{path}）：完成 {tally_text}",
                    title=status.title,
                    path=status.path,
                    tally_text=_tally_text(status.plan),
                ),
                STYLES[style],
            ),
        ]
        tables = []
        if status.periods:  # a table with no grouping has no periods to break down by
            tables.append((tr("按时段"), tr("时段"), status.periods))
        if status.owner_breakdown:
            tables.append((tr("按责任单位"), tr("责任单位"), status.owners))
        widths = _tally_widths([h for _, h, _ in tables], [t for _, _, tallies in tables for t in tallies])
        out += [_tally_table(title, heading, tallies, widths) for title, heading, tallies in tables]
    return out
