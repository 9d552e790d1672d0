"""The page plan of a table: which page each row prints on, and the splitting of long periods at page ends.

Both are pure functions of the layout and the page profile (no LibreOffice needed), and follow what Word and
LibreOffice do with aidplan's DOCX: rows never break (cantSplit), the header row repeats on every page, the
rows of one block (a period, or the part of a long period on one page) are kept together (keepNext), and
the 注 line under the table stays with the last row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from aidplan.render.layout import Cell, Group, HeaderCell, Row, Split, TableLayout, build_layout, header_starts
from aidplan.render.measure import RowHeights, layout_widths
from aidplan.render.style import Profile
from aidplan.render.widths import break_lines

if TYPE_CHECKING:
    from aidplan.plan.model import Plan

# A block fits when it leaves this much room under the grid's last line (see Profile.grid_height; -1.1 pt: the
# -2 pt under the 版心's edge that portrait pages were calibrated with, LibreOffice 7.4 having moved a block that
# left 0.85 pt there).
SLACK = -1.1


@dataclass(frozen=True)
class Geometry:
    """Room for table rows: on the first page (under the label and title) and on every later page."""

    first: float
    other: float
    header: float  # the repeated header row
    notes: float  # the 注 lines kept with the last row


@dataclass(frozen=True)
class PagePlan:
    pages: tuple[int, ...]  # the page (1-based) each row of the layout prints on
    heights: tuple[float, ...]  # each row's height in points
    used: tuple[float, ...]  # points of rows on each page
    geometry: Geometry

    @property
    def page_count(self) -> int:
        return max(self.pages, default=1)

    def starts(self) -> list[int]:
        """Index of the first row of every page."""
        return [i for i, page in enumerate(self.pages) if i == 0 or page != self.pages[i - 1]]


class Measure:
    """Heights of rows and blocks of one table."""

    def __init__(
        self,
        layout: TableLayout,
        profile: Profile,
        widths: Sequence[float] | None = None,
        measured: dict[str, int] | None = None,
    ) -> None:
        self.profile = profile
        self.widths = list(widths) if widths is not None else layout_widths(layout, profile)
        self.merged = layout.kind == "by-task" and not layout.general  # the period cell merged down a block's rows
        # in a table of listed columns, the columns whose cells merge down (group columns, group-level cells)
        self.merging = (
            [
                i
                for i, column in enumerate(layout.columns)
                if column.role == "group" or any(r.cells[i].continues for r in layout.rows)
            ]
            if layout.general
            else []
        )
        self.rows = RowHeights(self.widths, profile, task=_task_column(layout))
        if measured:  # lines of task paragraphs as a PDF printed them (--paginate exact)
            tasks = self.widths[_task_column(layout)]
            self.rows._lines.update({(text, tasks): lines for text, lines in measured.items()})
        self.header = RowHeights(self.widths, profile, profile.header_font)
        self.geometry = self._geometry(layout)

    def _geometry(self, layout: TableLayout) -> Geometry:
        profile = self.profile
        if layout.general:
            header = self._header_rows(layout.header_grid())
        else:
            header = self.header([Cell((column.header,)) for column in layout.columns])
        title_lines = sum(
            len(break_lines(line, profile.text_width, profile.title_size, profile.title_font))
            for line in layout.title_lines
        )
        title = profile.body_line_pitch * (2 if layout.attachment else 0) + profile.title_pitch * title_lines
        before = layout.document.before
        if before:  # a blank line under the title, then the preamble's paragraphs, each indented 2 字
            body_lines = sum(
                len(
                    break_lines(
                        "缩进" + block.text,  # two 1-em characters stand for the first line's 2 字 indent
                        profile.text_width,
                        profile.body_size,
                        profile.body_font if block.level is None else profile.heading_fonts[block.level - 1],
                    )
                )
                for block in before
            )
            title += profile.body_line_pitch * (body_lines + (1 if title_lines else 0))
            title %= profile.grid_height  # a preamble longer than a page: the table starts on a later page
        if layout.heading:  # the first of several tables prints under its heading (一、春季学期)
            title += profile.body_line_pitch
        title += profile.cell_leading  # the spacing line between title and table
        notes = sum(
            len(break_lines(note, profile.text_width, profile.cell_size, profile.body_font, profile.cell_char_spacing))
            for note in layout.notes
        )
        # the table's top border line is on every page
        other = profile.grid_height - header - profile.border_width
        return Geometry(other - title, other, header, notes * profile.cell_leading)

    def _header_rows(self, grid: list[list[HeaderCell | None]]) -> float:
        """The height of the header rows: a cell merged across is as wide as the columns it spans, and one merged
        down over two rows makes the last of them grow when it is taller than the rows together."""
        profile = self.profile
        lines = self.header
        extra = 2 * profile.cell_padding_vertical + profile.border_width
        heights: list[float] = []
        merged: list[tuple[int, int, int]] = []  # (first row, rows spanned, lines) of cells merged down
        for r, cells in enumerate(header_starts(grid)):
            most = 1
            for c, cell, down in cells:
                count = lines.lines(cell.text, sum(self.widths[c : c + cell.span]))
                if down > 1:
                    merged.append((r, down, count))
                else:
                    most = max(most, count)
            heights.append(most * profile.cell_leading + extra)
        for r, down, count in merged:
            missing = count * profile.cell_leading + extra - sum(heights[r : r + down])
            if missing > 0:
                heights[r + down - 1] += missing
        return sum(heights)

    def row(self, row: Row) -> float:
        """A row alone; in a merged table the period cell counts only through `block`."""
        if self.merging or any(cell.span > 1 for cell in row.cells):
            cells = tuple(Cell(("",)) if i in self.merging else cell for i, cell in enumerate(row.cells))
            widths = self.rows.widths
            self.rows.widths = [sum(widths[i : i + cell.span]) for i, cell in enumerate(row.cells)]
            try:
                return self.rows(cells)
            finally:
                self.rows.widths = widths
        cells = (Cell(("",)), *row.cells[1:]) if self.merged else row.cells
        return self.rows(cells)

    def label(self, row: Row) -> float:
        profile = self.profile
        lines = sum(self.rows.printed(p, self.widths[0]) for p in row.cells[0].paragraphs)
        return lines * profile.cell_leading + 2 * profile.cell_padding_vertical + profile.border_width

    def merged_cell(self, row: Row, column: int) -> float:
        lines = sum(self.rows.printed(p, self.widths[column]) for p in row.cells[column].paragraphs)
        return lines * self.profile.cell_leading + 2 * self.profile.cell_padding_vertical + self.profile.border_width

    def heights(self, rows: Sequence[Row]) -> list[float]:
        """Each row's height; where a merged period cell is taller than its rows, the last row grows."""
        heights = [self.row(row) for row in rows]
        for column in reversed(self.merging):  # innermost first: an outer cell spans the rows inner ones grew
            start = 0
            for i in range(1, len(rows) + 1):
                if i == len(rows) or not rows[i].cells[column].continues:
                    extra = self.merged_cell(rows[start], column) - sum(heights[start:i])
                    if extra > 0:
                        heights[i - 1] += extra
                    start = i
        if self.merged:
            start = 0
            for i in range(1, len(rows) + 1):
                if i == len(rows) or not rows[i].cells[0].continues:
                    extra = self.label(rows[start]) - sum(heights[start:i])
                    if extra > 0:
                        heights[i - 1] += extra
                    start = i
        return heights

    def block(self, rows: Sequence[Row]) -> float:
        return sum(self.heights(rows))


def _task_column(layout: TableLayout) -> int:
    roles = [column.role for column in layout.columns]
    return roles.index("task") if layout.general else roles.index("tasks")


def _chains(rows: Sequence[Row]) -> list[tuple[int, int]]:
    """Runs of rows held together by keep-with-next: (first, end) index pairs."""
    chains, start = [], 0
    for i, row in enumerate(rows):
        if not row.keep_with_next:
            chains.append((start, i + 1))
            start = i + 1
    if start < len(rows):
        chains.append((start, len(rows)))
    return chains


def plan_pages(
    layout: TableLayout,
    profile: Profile,
    widths: Sequence[float] | None = None,
    measured: dict[str, int] | None = None,
    more: Sequence[Sequence[float]] | None = None,
) -> PagePlan:
    """Where each row of `layout` prints, as LibreOffice places it: a kept-together block that does not fit
    the rest of the page starts the next one (unless it is taller than a whole page: then it breaks). Every
    table of the layout (`layout.parts`) in printed order: a later table starts under the one before, its
    heading, spacer line and header rows with its first block, or on a new page (as `Filler` places it); its
    rows follow the first table's in `pages` and `heights`. `measured`: lines of task paragraphs as a PDF
    printed them, instead of the width rules' count; `more`: the later tables' column widths."""
    parts = layout.parts
    if more is None:
        more = (
            [list(part.widths) for part in parts[1:]]
            if all(part.widths is not None for part in parts[1:])
            else table_widths(layout, profile)[1]
        )
    measures = [Measure(layout, profile, widths, measured)] + [
        Measure(part, profile, w, measured) for part, w in zip(parts[1:], more)
    ]
    geometry = measures[0].geometry
    height = profile.grid_height
    pages: list[int] = []
    heights: list[float] = []
    used = [0.0]  # per page: points under the page's first header rows (rows, and a later table's lead)
    at = fresh = height - geometry.first  # the position on the page, from its top edge; where its rows start
    for number, (part, measure) in enumerate(zip(parts, measures)):
        top = measure.geometry.header + profile.border_width
        rows = measure.heights(part.rows)
        chains = _chains(part.rows)
        if number > 0:  # the heading (一、…), the spacer line and the header rows come with the first block
            lead = (profile.body_line_pitch if part.heading else 0.0) + profile.cell_leading + top
            first = sum(rows[slice(*chains[0])]) if chains else 0.0
            if at + lead + first > height + SLACK:
                used.append(lead - top)
                at = fresh = lead
            else:
                at += lead
                used[-1] += lead
        for n, (start, end) in enumerate(chains):
            tail = measure.geometry.notes if n == len(chains) - 1 else 0.0
            block = sum(rows[start:end]) + tail
            if at > fresh and at + block > height + SLACK and block <= height - top + SLACK:
                used.append(0.0)
                at = fresh = top
            for i in range(start, end):
                if at > fresh and at + rows[i] > height + SLACK:
                    used.append(0.0)
                    at = fresh = top
                pages.append(len(used))
                heights.append(rows[i])
                at += rows[i]
                used[-1] += rows[i]
            at += tail
            used[-1] += tail
    return PagePlan(tuple(pages), tuple(heights), tuple(used), geometry)


class Filler:
    """Splits the periods of a plan's tables where pages end (the `split` of `build_layout` and `grouped_layout`),
    called once for each table in printed order.

    It keeps a running position on the page, from the title down and from one table on to the next (its heading,
    spacer line and header rows). A period that fits the rest of the page stays whole; one that does not, but
    fits a whole page, starts the next page, unless that leaves more than a third of this page empty; any other
    fills the rest of this page and continues on the next, its label (and deadline) printed again on every page.
    """

    def __init__(
        self,
        plain: TableLayout,
        profile: Profile,
        widths: Sequence[float] | None = None,
        measured: dict[str, int] | None = None,
        more: Sequence[Sequence[float]] | None = None,
    ) -> None:
        self.profile = profile
        self.measure = Measure(plain, profile, widths, measured)
        self.geometry = self.measure.geometry
        more = more if more is not None else table_widths(plain, profile)[1]
        self.measures = [self.measure] + [Measure(part, profile, w, measured) for part, w in zip(plain.more, more)]
        self.headings = [part.heading for part in plain.parts]
        self.table = 0
        self.used = 0.0  # points of the current page taken, its header rows included
        self.fills: list[float] = []  # points taken on each page before the current one

    def _start(self, measure: Measure, groups: Sequence[Group]) -> float:
        """Place the start of the next table; the position of a page holding nothing that could move."""
        profile, height = self.profile, self.profile.grid_height
        top = measure.geometry.header + profile.border_width
        number = self.table
        self.table += 1
        if number == 0:
            self.used = height - measure.geometry.first
            return self.used
        heading = self.headings[number] if number < len(self.headings) else None
        lead = (profile.body_line_pitch if heading else 0.0) + profile.cell_leading + top
        first = groups[0].rows(list(groups[0].units)[:1]) if groups else []
        if self.used + lead + measure.block(first) > height + SLACK:  # heading, header and a first row move on
            self.fills.append(self.used)
            self.used = lead
            return lead
        self.used += lead
        return -1.0  # the page holds the table before: this one's start may move to the next

    def __call__(self, groups: Sequence[Group]) -> list[Row]:
        measure = self.measures[min(self.table, len(self.measures) - 1)]
        geometry, block, profile = measure.geometry, measure.block, self.profile
        top = geometry.header + profile.border_width
        page = profile.grid_height - top + SLACK  # what a whole page holds under the header rows
        fresh = self._start(measure, groups)
        rows: list[Row] = []

        def room() -> float:
            return profile.grid_height - self.used + SLACK

        def next_page() -> None:
            nonlocal fresh
            self.fills.append(self.used)
            self.used = fresh = top

        for number, group in enumerate(groups):
            tail = geometry.notes if number == len(groups) - 1 else 0.0
            units = list(group.units)
            whole = group.rows(units)
            height = block(whole) + tail
            if height <= room():
                rows += whole
                self.used += height
                continue
            if group.cuts and units:  # cut between sub-groups: fill this page, go on on the next
                done = 0
                while done < len(units):
                    cuts = [k - done for k in (*group.cuts, len(units)) if k > done]
                    taken = self._fit(measure, group, units[done:], room(), tail, cuts)
                    if taken == 0 and self.used > fresh:
                        next_page()
                        continue
                    if taken == 0:  # one sub-group taller than a page: cut it between its rows
                        taken = max(self._fit(measure, group, units[done:], room(), tail), 1)
                    part = group.rows(units[done : done + taken])
                    rows += part
                    done += taken
                    self.used += block(part) + (0.0 if done < len(units) else tail)
                    if done < len(units):
                        next_page()
                continue
            # a period that fits a whole page moves there whole, unless this page would stay a third empty
            moves = self.used > fresh and height <= page and room() < (profile.grid_height - top) / 3
            if moves or not units or (len(units) == 1 and self.used > fresh):
                next_page()
                rows += whole
                self.used += height
                continue
            while units:
                taken = self._fit(measure, group, units, room(), tail)
                if taken == 0 and self.used > fresh:
                    next_page()
                    continue
                taken = max(taken, 1)
                part = group.rows(units[:taken])
                rows += part
                units = units[taken:]
                self.used += block(part) + (0.0 if units else tail)
                if units:
                    next_page()
        return rows

    @staticmethod
    def _fit(
        measure: Measure, group: Group, units: list, room: float, tail: float, counts: Sequence[int] | None = None
    ) -> int:
        """How many of the units fit in `room` as one block (with the tail when they are the last); with
        `counts`, only those numbers of units are tried (cuts between sub-groups)."""
        taken = 0
        for count in counts if counts is not None else range(1, len(units) + 1):
            extra = tail if count == len(units) else 0.0
            if measure.block(group.rows(units[:count])) + extra > room:
                break
            taken = count
        return taken


def printed_lines(
    layout: TableLayout, profile: Profile, widths: Sequence[float], pages: Sequence[Sequence[tuple]]
) -> dict[str, int] | None:
    """How many lines each paragraph of the task column took in a PDF of `layout` (words of each page as
    (xMin, yMin, xMax, text)), for every table of the layout (`layout.parts`, each with its own columns); None
    when the PDF does not read back as the layout's text."""
    bottom = (profile.paper[1] - profile.margins.bottom) * 72 / 25.4
    counts: dict[str, int] = {}
    after = (0, -1.0)  # the page and position of the last line read: a later table's lines come after it
    for part in layout.parts:
        at = widths if part is layout or part.widths is None else part.widths
        column = _task_column(part)
        left = profile.margins.left * 72 / 25.4 + sum(at[:column])
        right = left + at[column]
        lines: list[tuple[tuple[int, float], str]] = []
        for number, words in enumerate(pages):
            inside = sorted(
                (w for w in words if left - 2 <= w[0] and w[2] <= right + 2 and w[1] < bottom),
                key=lambda w: (w[1], w[0]),
            )
            for _, y0, _, text in inside:
                if lines and lines[-1][0][0] == number and abs(lines[-1][0][1] - y0) < 1:
                    lines[-1] = (lines[-1][0], lines[-1][1] + "".join(text.split()))
                else:
                    lines.append(((number, y0), "".join(text.split())))
        lines = [line for line in lines if line[0] > after]
        at_line = 0
        for row in part.rows:
            for paragraph in row.cells[column].paragraphs:
                wanted = "".join(paragraph.split())
                if not wanted:
                    continue
                while at_line < len(lines) and not (lines[at_line][1] and wanted.startswith(lines[at_line][1])):
                    at_line += 1  # the header row repeated on a page, a table's heading, the title
                read, count = "", 0
                while at_line < len(lines) and len(read) < len(wanted):
                    read += lines[at_line][1]
                    after = lines[at_line][0]
                    at_line += 1
                    count += 1
                if read != wanted:
                    return None
                counts[paragraph] = count
    return counts


def table_widths(layout: TableLayout, profile: Profile) -> tuple[list[float], list[list[float]]]:
    """Column widths of every table of the layout: (the first table's, the later tables'). Tables with the
    same columns (一、第一学期 and 二、第二学期 of one document) share one set of widths, solved over all their
    rows, as a printed document lines them up; a table with columns of its own gets its own."""

    def columns(part: TableLayout) -> tuple:
        return part.header_rows, tuple((c.role, c.header, c.sub) for c in part.columns)

    solved: dict[tuple, list[float]] = {}
    found = []
    for part in layout.parts:
        key = columns(part)
        if key not in solved:
            same = [other for other in layout.parts if columns(other) == key]
            rows = tuple(row for other in same for row in other.rows)
            solved[key] = layout_widths(replace(same[0], rows=rows, more=()), profile)
        found.append(solved[key])
    return found[0], found[1:]


def fit_to_page(
    make: Callable[[Split | None], TableLayout], profile: Profile, measured: dict[str, int] | None = None
) -> tuple[TableLayout, list[float]]:
    """A table fitted to the page: column widths from its content, and periods split where pages end.
    `make(split)` builds the layout (split None: every period whole); `measured`: lines of task paragraphs
    as LibreOffice printed them (--paginate exact)."""
    plain = make(None)
    widths, more = table_widths(plain, profile)
    fitted = make(Filler(plain, profile, widths, measured, more))
    more_parts = tuple(replace(part, widths=tuple(w)) for part, w in zip(fitted.more, more))
    return replace(fitted, widths=tuple(widths), more=more_parts), widths


def table_layout(
    plan: Plan, profile: Profile, kind: str | None = None, measured: dict[str, int] | None = None
) -> tuple[TableLayout, list[float]]:
    """The plan's table for a page profile: column widths, and periods split where pages end."""
    return fit_to_page(lambda split: build_layout(plan, kind, split), profile, measured)
