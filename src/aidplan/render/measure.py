"""How tall a table row prints: lines of each cell (from the width rules) × the exact line spacing, plus the
cell margins and the border; and how wide each column is."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from aidplan.render.layout import Cell, HeaderCell, TableLayout
from aidplan.render.style import Profile
from aidplan.render.widths import FIT_MARGIN, break_lines, is_ideograph, widest_text_width

# Never broken inside: a date or the figures of a range of them (2026年3月31日, 3.16-3.22, 10-12月, 11月30日前, 第3周).
_UNBROKEN = re.compile(r"第?(?:\d+(?:[年月日号周]|[.\-/~～:](?=\d))?)+(?:前|底|初|止|份|中旬|上旬|下旬)?")
SHORT_EMS = 5.5  # a text this short (a 5-character owner or header word, 第十一周, 3月31日前) is kept on one line
SAFETY_EMS = 0.3  # room kept beside the widest text of a column, over what the widest face needs
# the widest a column grows to hold each of its cells on one line (or in as few even lines as fit), in ems
ROLE_CAPS = {
    "period": 6.0,
    "group": 6.0,
    "number": 2.5,
    "owner": 7.0,
    "time": 9.0,
    "deadline": 9.0,
    "status": 6.5,
    "free": 6.0,
}
TASK_SHARE = 0.35  # with every column as wide as it wants, the task column keeps at least this share of the 版心
MIN_TASK_EMS = 10.0  # else the task column keeps at least this many characters a line (7 in a crowded table)
CROWDED_TASK_EMS = 7.0
# what a short text broken over lines, or a last character alone on its line, costs against one more line
BROKEN_WORD, ALONE = 4.0, 4.0
STEP_EMS = 0.25  # the precision of the search for a width


def unbroken(text: str) -> list[str]:
    """The pieces of a cell text no line may break inside: its dates and runs of figures."""
    return [piece for m in _UNBROKEN.finditer(text) if len(piece := m.group()) > 1]


class _Column:
    """What one column's texts need, measured in the widest face, with the cell margins and a safety margin."""

    def __init__(self, profile: Profile, texts: Sequence[str], headers: Sequence[str]) -> None:
        self.size, self.spacing = profile.cell_size, profile.cell_char_spacing
        self.extra = 2 * profile.cell_padding + SAFETY_EMS * profile.cell_size
        self.step = STEP_EMS * profile.cell_size
        self.header = profile.header_font
        self.texts = [(t, profile.body_font) for t in texts] + [(t, self.header) for t in headers]
        self.pieces = {(t, font): unbroken(t) for t, font in self.texts}
        self._dates: dict[float, bool] = {}
        self.mild = False  # in a crowded table a date may break after its year
        self._penalty: dict[float, float] = {}

    def width(self, text: str, font: str) -> float:
        return widest_text_width(text, self.size, font, self.spacing) + FIT_MARGIN

    def lines(self, text: str, font: str, width: float) -> list[str]:
        return break_lines(text, width - self.extra, self.size, font, self.spacing, widest=True)

    def _whole(self, text: str, font: str, lines: list[str]) -> bool:
        return all(any(piece in line for line in lines) for piece in self.pieces[text, font])

    def dates(self, width: float) -> bool:
        """No date of the column breaks at this width (in a crowded table: but after its year, see `cell_text`)."""
        found = self._dates.get(width)
        if found is None:
            found = self._dates[width] = all(
                self._whole(t, font, self.lines(t, font, width)) or (self.mild and self._mild(t, font, width))
                for t, font in self.texts
                if self.pieces[t, font]
            )
        return found

    def _parts(self, text: str, font: str) -> list[str]:
        """What of the text must stay on one line: its dates, or in a crowded table a date's year and the rest."""
        dated = _DATED.fullmatch(text) if self.mild and font != self.header and _UNBROKEN.fullmatch(text) else None
        return list(dated.groups()) if dated is not None else self.pieces[text, font]

    def _mild(self, text: str, font: str, width: float) -> bool:
        """The text is a date that `cell_text` breaks after its year, each part on one line."""
        dated = _DATED.fullmatch(text) if font != self.header and _UNBROKEN.fullmatch(text) else None
        return dated is not None and all(len(self.lines(part, font, width)) == 1 for part in dated.groups())

    def penalty(self, width: float) -> float:
        """Short texts broken over lines and characters left alone on a last line (资助政策宣 / 传), in lines; a
        header word's lone character does not count: the DOCX breaks it evenly (see `header_text`)."""
        found = self._penalty.get(width)
        if found is None:
            found = 0.0
            for text, font in self.texts:
                lines = self.lines(text, font, width)
                if len(lines) == 1:
                    continue
                if self.width(text, font) <= SHORT_EMS * self.size + FIT_MARGIN:
                    found += BROKEN_WORD / (2 if font == self.header else 1)
                if font != self.header and len(text) >= 4 and len(lines[-1]) == 1 and len(lines[-2]) > 2:
                    found += ALONE
                if not self._whole(text, font, lines):  # a date broken only after its year (2027年 / 1月) is mild
                    found += 2 * BROKEN_WORD if self._mild(text, font, width) else 10 * BROKEN_WORD
            self._penalty[width] = found
        return found

    def widest(self) -> float:
        return max((self.width(t, font) + self.extra for t, font in self.texts), default=self.size + self.extra)

    def least(self) -> float:
        """The narrowest column at all: one character, a word of 2 or 3 characters whole (十一月, 各学校, 序号), a
        header word in halves."""
        words = [
            self.width(t if len(t) <= 3 else t[: (len(t) + 1) // 2], font)
            for t, font in self.texts
            if len(t) <= 3 or font == self.header
        ]
        return min(max([self.size + FIT_MARGIN, *words]) + self.extra, self.widest())

    def floor(self) -> float:
        """The narrowest column that breaks no date (and no word of 2 or 3 characters, see `least`)."""
        pieces = [self.width(part, font) for text, font in self.texts for part in self._parts(text, font)]
        width, widest = max(self.least(), max(pieces, default=0.0) + self.extra), self.widest()
        while width < widest and not self.dates(width):
            width += self.step
        return min(width, widest)

    def in_lines(self, text: str, font: str, count: int, low: float) -> float:
        """The narrowest column (at least `low`) holding the text in `count` lines or fewer, its dates whole."""
        full = self.width(text, font) + self.extra
        if count == 1 or full <= low:
            return max(full, low)
        first, last = 0, int((full - low) / self.step) + 1  # binary search over low + k × step
        while first < last:
            middle = (first + last) // 2
            width = low + middle * self.step
            lines = self.lines(text, font, width)
            if len(lines) <= count and self._whole(text, font, lines):
                last = middle
            else:
                first = middle + 1
        return min(low + first * self.step, full)

    def want(self, low: float, cap: float) -> float:
        """As wide as holds each text on one line, or in as few even lines as fit within `cap`."""
        wide = low
        for text, font in self.texts:
            for count in (1, 2, 3):
                needed = self.in_lines(text, font, count, low)
                if needed <= cap or count == 3:
                    wide = max(wide, min(needed, cap))
                    break
        widest = self.widest()
        while wide < widest and (not self.dates(wide) or self.penalty(wide) > self.penalty(widest)):
            wide += self.step  # greedy lines may break at a wider column what a narrower one kept whole
        return min(wide, widest)

    def candidates(self, low: float, high: float) -> list[float]:
        found = {low, high, *(low + k * self.size for k in range(1, int((high - low) / self.size) + 1))}
        for text, font in self.texts:
            for count in (1, 2, 3, 4):
                found.add(self.in_lines(text, font, count, low))
        usable = sorted(w for w in found if low <= w <= high and (self.dates(w) or not self.dates(low)))
        if len(usable) > 20:
            usable = [usable[round(k * (len(usable) - 1) / 19)] for k in range(20)]
        return usable


def solve_widths(
    roles: Sequence[str],
    headers: Sequence[Sequence[str]],
    texts: Sequence[Sequence[str]],
    profile: Profile,
    height: Callable[[list[float]], float] | None = None,
) -> list[float]:
    """Column widths in points. Every column other than the task column is at least as wide as its widest date
    (or week range) needs, measured in the widest face that may print it; where there is room, as wide as holds
    each of its cells and its header on one line (or in as few even lines as its role's cap allows), the task
    column taking the rest. Where there is not, the widths between those two that make the table shortest
    (`height` of the widths, in lines), a short word broken or a character alone on a line counting as lines
    more, the task column keeping 10 characters a line. Only a table too crowded for its dates breaks them, where
    that costs least (a broken date counting as many lines)."""
    size = profile.cell_size
    task = next(i for i, role in enumerate(roles) if role in ("task", "tasks"))
    others = [i for i in range(len(roles)) if i != task]
    room = profile.text_width
    pad = 2 * profile.cell_padding
    distinct = [[t for t in dict.fromkeys(column) if t] for column in texts]
    words = [[line for text in header for line in text.split("\n") if line] for header in headers]
    columns = {i: _Column(profile, distinct[i], words[i]) for i in others}
    floor = {i: column.floor() for i, column in columns.items()}
    want = {
        i: column.want(floor[i], max(floor[i], ROLE_CAPS.get(roles[i], 6.0) * size + column.extra))
        for i, column in columns.items()
    }

    def full(widths: dict[int, float]) -> list[float]:
        rest = room - sum(widths.values())
        return [round(rest if i == task else widths[i], 2) for i in range(len(roles))]

    if sum(want.values()) <= room - max(TASK_SHARE * room, MIN_TASK_EMS * size + pad):
        return full(want)
    budget = room - MIN_TASK_EMS * size - pad
    if sum(floor.values()) > budget:  # too crowded for every date whole: they may break after their year
        for column in columns.values():
            column.mild, column._dates = True, {}
        floor = {i: column.floor() for i, column in columns.items()}
        if sum(floor.values()) > budget:
            budget = room - CROWDED_TASK_EMS * size - pad
        if sum(floor.values()) > budget:  # and too crowded for that: every column gives way
            floor = {i: w * budget / sum(floor.values()) for i, w in floor.items()}
    if height is None:
        return full(floor)
    candidates = {i: column.candidates(floor[i], want[i]) for i, column in columns.items()}

    def cost(widths: dict[int, float]) -> float:
        return height(full(widths)) + sum(columns[i].penalty(w) for i, w in widths.items())

    def descend(per_point: bool) -> tuple[float, dict[int, float]]:
        """From the floor, the change that saves most (per point of width, or at all) while one saves anything."""
        best = dict(floor)
        score = cost(best)
        for _ in range(24):
            chosen = None
            for i in others:
                for width in candidates[i]:
                    trial = {**best, i: width}
                    if width <= best[i] or sum(trial.values()) > budget:
                        continue
                    found = cost(trial)
                    if found < score:
                        gain = (score - found) / (width - best[i] if per_point else 1.0)
                        if chosen is None or gain > chosen[0]:
                            chosen = (gain, trial, found)
            if chosen is None:
                break
            _, best, score = chosen
        return score, best

    first, second = descend(True), descend(False)
    best = second[1] if second[0] < first[0] else first[1]
    return full(best)


def header_text(text: str, width: float, profile: Profile) -> str:
    """A header word as printed in a column `width` pt wide: a short Chinese word that would leave one character
    alone on its last line gets an even line break instead (牵头\n科室, not 牵头科 / 室)."""
    lines = break_lines(text, width - 2 * profile.cell_padding, profile.cell_size, profile.header_font)
    if len(lines) == 2 and len(lines[1]) == 1 and len(text) >= 4 and all(is_ideograph(ch) for ch in text):
        half = (len(text) + 1) // 2
        return text[:half] + "\n" + text[half:]
    return text


_DATED = re.compile(r"(\d{4}年)(\d.*)")


def cell_text(text: str, width: float, profile: Profile) -> str:
    """A cell of a column other than the task column as printed in a column `width` pt wide: a date that does not
    fit the column breaks after its year (2027年\n1月29日), where LibreOffice would break it inside."""
    found = _DATED.fullmatch(text)
    if found is None or not _UNBROKEN.fullmatch(text):
        return text
    lines = break_lines(text, width - 2 * profile.cell_padding, profile.cell_size, profile.body_font, widest=True)
    if len(lines) == 1:
        return text
    return found.group(1) + "\n" + found.group(2)


def layout_widths(layout: TableLayout, profile: Profile) -> list[float]:
    """Column widths of a layout (see `solve_widths`): the same for a layout and for the same table split at
    page ends."""
    columns = layout.columns
    texts: list[list[str]] = [[] for _ in columns]
    for row in layout.rows:
        for i, cell in enumerate(row.cells):
            if cell.span == 1 and not cell.covered and not cell.continues:
                texts[i].extend(cell.paragraphs)
    headers = [[column.header, column.sub or ""] for column in columns]
    rows = RowHeights([0.0] * len(columns), profile)
    grid = layout.header_grid() if layout.general else [[HeaderCell(c.header) for c in columns]]
    titles = RowHeights([0.0] * len(columns), profile, profile.header_font)

    def height(widths: list[float]) -> float:
        rows.widths = titles.widths = widths
        total = sum(titles.spanned([Cell((c.text,), span=c.span) if c else None for c in line]) for line in grid)
        return total + sum(rows.spanned(row.cells) for row in layout.rows)

    return solve_widths([c.role for c in columns], headers, texts, profile, height)


class RowHeights:
    """Row heights in points, as LibreOffice and Word lay out a row of exact-spaced cell paragraphs:
    the tallest cell's lines × line spacing, plus the cell margins above and below and one border line."""

    def __init__(self, widths: Sequence[float], profile: Profile, font: str | None = None) -> None:
        self.widths = list(widths)
        self.profile = profile
        self.font = font or profile.body_font
        self._lines: dict[tuple[str, float], int] = {}

    def lines(self, text: str, width: float) -> int:
        key = (text, width)
        found = self._lines.get(key)
        if found is None:
            profile = self.profile
            found = len(
                break_lines(
                    text, width - 2 * profile.cell_padding, profile.cell_size, self.font, profile.cell_char_spacing
                )
            )
            self._lines[key] = found
        return found

    def paired_lines(self, tasks: Cell, owners: Cell, task_width: float, owner_width: float) -> list[tuple[int, int]]:
        """Per owner paragraph: the lines of the task paragraphs beside it, and its own lines."""
        pairs, at = [], 0
        for count, owner in zip(owners.pairs, owners.paragraphs):
            lines = sum(self.lines(p, task_width) for p in tasks.paragraphs[at : at + count])
            pairs.append((lines, self.lines(owner, owner_width)))
            at += count
        return pairs

    def cell_lines(self, cells: Sequence[Cell]) -> int:
        paired = next((i for i, cell in enumerate(cells) if cell.pairs), None)
        if paired is not None:  # owners level with their tasks: each pair as tall as the taller of the two
            pairs = self.paired_lines(cells[1], cells[paired], self.widths[1], self.widths[paired])
            others = [
                sum(self.lines(p, width) for p in cell.paragraphs)
                for i, (cell, width) in enumerate(zip(cells, self.widths))
                if i not in (1, paired) and not cell.continues
            ]
            return max([sum(max(pair) for pair in pairs), *others])
        return max(
            (
                sum(self.lines(p, width) for p in cell.paragraphs)
                for cell, width in zip(cells, self.widths)
                if not cell.continues
            ),
            default=1,
        )

    def spanned(self, cells: Sequence[Cell | None]) -> int:
        """Lines of a row whose cells may span columns (None or covered: spanned by a cell to the left); cells
        continuing a merge count nothing."""
        most = 1
        for i, cell in enumerate(cells):
            if cell is None or cell.covered or cell.continues:
                continue
            width = sum(self.widths[i : i + cell.span])
            most = max(most, sum(self.lines(p, width) for p in cell.paragraphs))
        return most

    def __call__(self, cells: Sequence[Cell]) -> float:
        profile = self.profile
        return self.cell_lines(cells) * profile.cell_leading + 2 * profile.cell_padding_vertical + profile.border_width
