"""How tall a table row prints: lines of each cell (from the width rules) × the exact line spacing, plus the
cell margins and the border; and how wide each column is."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

from aidplan.render.layout import Cell, HeaderCell, TableLayout
from aidplan.render.style import Profile
from aidplan.render.widths import (
    FIT_MARGIN,
    NO_LINE_END,
    NO_LINE_START,
    break_lines,
    is_ideograph,
    widest_text_width,
)

# Never broken inside: a date or the figures of a range of them (2026年3月31日, 3.16-3.22, 10-12月, 11月30日前, 第3周).
_UNBROKEN = re.compile(
    r"第?(?:\d+(?:[年月日号周]|[.\-/~～:](?=\d))?)+(?:前|底|初|止|份|中旬|上旬|下旬)?|第[一二三四五六七八九十〇零]+周"
)
_GLUED = re.compile(
    "[{opening}]*(?:[0-9A-Za-z]{{1,3}}|[^\\s{opening}{closing}])[{closing}]*".format(
        opening=re.escape("".join(sorted(NO_LINE_END))), closing=re.escape("".join(sorted(NO_LINE_START)))
    )
)
SHORT_WORD = 4  # a cell text of this many characters or fewer (免学杂费, 市财政局) is never broken
SHORT_EMS = 5.5  # a text this short (a 5-character owner or header word, 第十一周, 3月31日前) is kept on one line
SAFETY_EMS = 0.3  # room kept beside the widest text of a column, over what the widest face needs
# the widest a column grows to hold each of its cells on one line (or in as few even lines as fit), in ems
SAME_ROLE = {"period": "group", "tasks": "task"}
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
SPREAD = 0.25  # in a table too wide for the page, what each line of a column's texts costs against a line more
LEAST_TASK_EMS = 4.0  # a table too wide for the page: the task column keeps at least this many characters a line


def _glued_runs(text: str) -> list[str]:
    """The short runs of a text that a line never breaks inside for its punctuation: a character or a number of
    up to three figures with the opening marks before it and the closing marks after it (1、, （市、, 区）,
    号：)."""
    return [run for m in _GLUED.finditer(text) if len(run := m.group()) > 1 and not run.isalnum()]


def unbroken(text: str) -> list[str]:
    """The pieces of a cell text no line may break inside: its dates and runs of figures."""
    return [piece for m in _UNBROKEN.finditer(text) if len(piece := m.group()) > 1]


class _Column:
    """What one column's texts need, measured in the widest face, with the cell margins and a safety margin."""

    def __init__(self, profile: Profile, texts: Sequence[str], headers: Sequence[str], stack: bool = False) -> None:
        self.stack = stack  # a column of numbers: its header word may stand in halves (序 / 号)
        self.size, self.spacing = profile.cell_size, profile.cell_char_spacing
        self.extra = 2 * profile.cell_padding + SAFETY_EMS * profile.cell_size
        self.step = STEP_EMS * profile.cell_size
        self.header = profile.header_font
        self.texts = [(t, profile.body_font) for t in texts] + [(t, self.header) for t in headers]
        self.pieces = {(t, font): unbroken(t) for t, font in self.texts}
        self._dates: dict[float, bool] = {}
        self.mild = False  # in a crowded table a date may break after its year
        self._penalty: dict[float, float] = {}
        self._spread: dict[float, int] = {}

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
        dated = _dated(text) if self.mild and font != self.header else None
        return list(dated) if dated is not None else self.pieces[text, font]

    def _mild(self, text: str, font: str, width: float) -> bool:
        """The text is a date that `cell_text` breaks after its year, each part on one line."""
        dated = _dated(text) if font != self.header else None
        return dated is not None and all(len(self.lines(part, font, width)) == 1 for part in dated)

    def _units(self, text: str, font: str, width: float) -> bool:
        """The text is a date whose year, month and day each fit a line (see `_date_lines`)."""
        return (
            font != self.header
            and _dated(text) is not None
            and all(len(self.lines(unit, font, width)) == 1 for unit in _DATE_UNIT.findall(text))
        )

    def units(self, width: float) -> bool:
        """No date of the column breaks inside its year, month or day at this width."""
        return all(self._units(t, font, width) for t, font in self.texts if font != self.header and _dated(t))

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
                    found += BROKEN_WORD * (
                        2 if self._mild(text, font, width) else 5 if self._units(text, font, width) else 10
                    )
            self._penalty[width] = found
        return found

    def spread(self, width: float) -> int:
        """Lines of all the column's cell texts at this width."""
        found = self._spread.get(width)
        if found is None:
            found = self._spread[width] = sum(
                len(self.lines(t, font, width)) for t, font in self.texts if font != self.header
            )
        return found

    def short_broken(self, width: float) -> int:
        """How many cell texts of up to `SHORT_WORD` characters break over lines at this width."""
        return sum(
            1
            for text, font in self.texts
            if font != self.header and len(text) <= SHORT_WORD and len(self.lines(text, font, width)) > 1
        )

    def widest(self) -> float:
        return max((self.width(t, font) + self.extra for t, font in self.texts), default=self.size + self.extra)

    def glued(self) -> list[float]:
        """Widths of the short runs no line may break inside (see `widths.unbreakable_pieces`): a number with its
        mark (1、), a character with the punctuation that may not start or end a line (（市、, 区）)."""
        return [self.width(run, font) for text, font in self.texts for run in _glued_runs(text)]

    def hard(self) -> float:
        """The narrowest column a table too wide for the page gives way to: two characters a line (not one
        stacked character), no number parted from its mark and no line starting with 、 or ）."""
        return min(max([self.width("字" * 2, self.texts[0][1]), *self.glued()]) + self.extra, self.widest())

    def least(self, short: int = SHORT_WORD) -> float:
        """The narrowest column at all: one character, a word of 2 to 4 characters whole (十一月, 各学校, 免学杂费), a
        header word of 2 or 3 whole (周次, 月主题) and a longer one in halves (牵头 / 科室); over a column of
        numbers, the header in halves too (序 / 号)."""
        whole = (short, 1 if self.stack else 3)
        words = [
            self.width(t if len(t) <= whole[font == self.header] else t[: (len(t) + 1) // 2], font)
            for t, font in self.texts
            if len(t) <= SHORT_WORD or font == self.header
        ]
        return min(max([self.size + FIT_MARGIN, *words, *self.glued()]) + self.extra, self.widest())

    def floor(self, short: int = SHORT_WORD) -> float:
        """The narrowest column that breaks no date (and no word of up to `short` characters, see `least`)."""
        pieces = [self.width(part, font) for text, font in self.texts for part in self._parts(text, font)]
        width, widest = max(self.least(short), max(pieces, default=0.0) + self.extra), self.widest()
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

    def in_parts(self, text: str, font: str, count: int, low: float) -> float | None:
        """The narrowest column (at least `low`) holding a name in `count` lines or fewer broken only after its
        parts (团委、/ 高三年级组, see `_parts`); None for a text without parts."""
        parts = _parts(text) if font != self.header and not unbroken(text) else []
        if len(parts) < 2:
            return None
        ends = list(itertools.accumulate(len(part) for part in parts))
        needed = []  # each way of cutting the text after its parts into `count` lines at most: its widest line
        for cuts in itertools.combinations(ends[:-1], min(count, len(parts)) - 1):
            lines = [text[a:b] for a, b in zip((0, *cuts), (*cuts, len(text)))]
            needed.append(max(self.width(line, font) for line in lines) + self.extra)
        return max(min(needed), low)

    def want(self, low: float, cap: float) -> float:
        """As wide as holds each text on one line, or in as few lines as fit within `cap`: a name broken after
        its parts (团委、/ 高三年级组) where that fits, else in even lines."""
        wide = low
        for text, font in self.texts:
            for count in (1, 2, 3):
                natural = self.in_parts(text, font, count, low) if count > 1 else None
                needed = natural if natural is not None and natural <= cap else self.in_lines(text, font, count, low)
                if needed <= cap or count == 3:
                    wide = max(wide, min(needed, cap))
                    break
        widest = self.widest()
        while wide < widest and (not self.dates(wide) or self.penalty(wide) > self.penalty(widest)):
            wide += self.step  # greedy lines may break at a wider column what a narrower one kept whole
        return min(wide, widest)

    def candidates(self, low: float, high: float) -> list[float]:
        found = {low, high, *(low + k * self.size for k in range(1, int((high - low) / self.size) + 1))}
        found.add(self.floor())  # below its floor (a column giving way): as wide as keeps its dates and words,
        units = [
            self.width(u, f) for t, f in self.texts if f != self.header and _dated(t) for u in _DATE_UNIT.findall(t)
        ]
        found.add(max(units, default=low) + self.extra)  # or a date's year, month and day whole
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
    cramped: list[int] | None = None,
) -> list[float]:
    """Column widths in points. Every column other than the task column is at least as wide as its widest date
    (or week range) needs, measured in the widest face that may print it; where there is room, as wide as holds
    each of its cells and its header on one line (or in as few even lines as its role's cap allows), the task
    column taking the rest. Where there is not, the widths between those two that make the table shortest
    (`height` of the widths, in lines), a short word broken or a character alone on a line counting as lines
    more, the task column keeping 10 characters a line. Only a table too crowded for its dates breaks them, where
    that costs least (a broken date counting as many lines). A table too wide even for that has its columns give
    way towards one character (see `_give_way`); `cramped` then gets the columns printed narrower than their
    words."""
    size = profile.cell_size
    task = next(i for i, role in enumerate(roles) if role in ("task", "tasks"))
    others = [i for i in range(len(roles)) if i != task]
    room = profile.text_width
    pad = 2 * profile.cell_padding
    distinct = [[t for t in dict.fromkeys(column) if t] for column in texts]
    words = [[line for text in header for line in text.split("\n") if line] for header in headers]
    columns = {i: _Column(profile, distinct[i], words[i], roles[i] == "number") for i in others}
    floor = {i: column.floor() for i, column in columns.items()}

    def full(widths: dict[int, float]) -> list[float]:
        rest = room - sum(widths.values())
        return [round(rest if i == task else widths[i], 2) for i in range(len(roles))]

    want: dict[int, float] = {}
    if height is not None or cramped is None:  # (whether the columns give way needs only their floors)
        want = {
            i: column.want(floor[i], max(floor[i], ROLE_CAPS.get(roles[i], 6.0) * size + column.extra))
            for i, column in columns.items()
        }
        if sum(want.values()) <= room - max(TASK_SHARE * room, MIN_TASK_EMS * size + pad):
            return full(want)
    budget = room - MIN_TASK_EMS * size - pad
    regimes = [(floor, budget)]
    whole: dict[int, float] | None = None  # where the columns give way: the floors they give way from
    given_way: dict[int, float] | None = None  # and the floors they give way to
    if sum(floor.values()) > budget:  # too crowded for every date whole: they may break after their year
        for column in columns.values():
            column.mild, column._dates = True, {}
        floor = {i: column.floor() for i, column in columns.items()}
        regimes = [(floor, budget)]
        if sum(floor.values()) > budget:  # the task column gives way to 7 characters a line, the words stay
            regimes = [(floor, room - CROWDED_TASK_EMS * size - pad)]
            # or it keeps its 10 characters and a word of 4 breaks in halves (免学 / 杂费): whichever is shorter
            short = {i: column.floor(3) for i, column in columns.items()}
            if sum(short.values()) <= budget:
                regimes.insert(0, (short, budget))
        floor, budget = regimes[-1]
        if sum(floor.values()) > budget and len(regimes) > 1:  # only the task column of 10 with words halved fits
            regimes.pop()
        elif sum(floor.values()) > budget:  # and too crowded for that: the columns give way (see `_give_way`)
            whole = floor
            regimes[-1] = _give_way({i: column.hard() for i, column in columns.items()}, budget, profile)
            given_way = regimes[-1][0]
    if height is None:
        if whole is not None and cramped is not None:
            cramped.extend(others)
        return full(regimes[0][0])

    def solve(floor: dict[int, float], budget: float) -> tuple[float, dict[int, float]]:
        """The shortest table from these floors within this budget: descents, then trades. Columns giving way
        (see `_give_way`) also count a quarter of each line their texts take, so that no column is left one
        character wide where its texts make no row taller, and a short word broken as `chosen` counts it."""
        candidates = {i: column.candidates(floor[i], want[i]) for i, column in columns.items()}
        giving = floor is given_way

        def cost(widths: dict[int, float]) -> float:
            found = height(full(widths)) + sum(columns[i].penalty(w) for i, w in widths.items())
            if giving:  # a word of up to 4 characters broken counts as in `chosen`, a date broken inside twice
                found += sum(
                    SPREAD * columns[i].spread(w)
                    + 2 * BROKEN_WORD * columns[i].short_broken(w)
                    + 10 * BROKEN_WORD * (not columns[i].units(w))
                    for i, w in widths.items()
                )
            return found

        def descend(per_point: bool) -> tuple[float, dict[int, float]]:
            """From the floor, the change that saves most (per point of width, or at all) while one saves
            anything."""
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

        def trade(score: float, best: dict[int, float]) -> tuple[float, dict[int, float]]:
            """From a descent's end, widen one column at another's cost (not only the task column's) while that
            makes the table shorter: the descent alone stops where widening any one column saves nothing."""
            for _ in range(12):
                chosen = None
                for i in others:
                    for width in candidates[i]:
                        if width <= best[i]:
                            continue
                        for j in others:
                            excess = sum(best.values()) - best[i] + width - budget
                            if j == i or excess <= 0:
                                continue
                            narrower = [w for w in candidates[j] if w <= best[j] - excess]
                            if not narrower:
                                continue
                            trial = {**best, i: width, j: narrower[-1]}
                            found = cost(trial)
                            if found < score and (chosen is None or found < chosen[0]):
                                chosen = (found, trial)
                if chosen is None:
                    break
                score, best = chosen
            return score, best

        first, second = descend(True), descend(False)
        return trade(*(second if second[0] < first[0] else first))

    def chosen(found: tuple[float, dict[int, float]]) -> float:
        """A regime's cost, a word of up to 4 characters broken counting 8 lines more (see `SHORT_WORD`)."""
        score, widths = found
        return score + 2 * BROKEN_WORD * sum(columns[i].short_broken(w) for i, w in widths.items())

    found = min((solve(floor, budget) for floor, budget in regimes), key=chosen)[1]
    if whole is not None and cramped is not None:
        cramped.extend(i for i in others if found[i] < whole[i] - 0.01)
    return full(found)


def _give_way(hard: dict[int, float], budget: float, profile: Profile) -> tuple[dict[int, float], float]:
    """Columns too wide together for the page start from their hard floors (one character, a number with its
    mark, no line starting with 、 or ）; see `_Column.hard`) and widen where that makes the table shortest, the
    task column keeping 7 characters a line; where even the hard floors do not fit, the task column gives way
    down to `LEAST_TASK_EMS` characters, and only then do the hard floors shrink."""
    low = sum(hard.values())
    if low <= budget:
        return dict(hard), budget
    least = profile.text_width - LEAST_TASK_EMS * profile.cell_size - 2 * profile.cell_padding
    if low <= least:
        return dict(hard), low
    return {i: w * least / low for i, w in hard.items()}, least


def header_text(text: str, width: float, profile: Profile) -> str:
    """A header word as printed in a column `width` pt wide: a short Chinese word that would leave one character
    alone on its last line gets an even line break instead (牵头\n科室, not 牵头科 / 室)."""
    lines = break_lines(text, width - 2 * profile.cell_padding, profile.cell_size, profile.header_font)
    if len(lines) == 2 and len(lines[1]) == 1 and len(text) >= 4 and all(is_ideograph(ch) for ch in text):
        half = (len(text) + 1) // 2
        return text[:half] + "\n" + text[half:]
    return text


_DATED = re.compile(r"(\d{4}年|次年|明年|翌年|下一年)(\d.*)")
_RANGE = re.compile(r"(第?\d[^-—–~～至]*[-—–~～至])(\d.*)")


def _dated(text: str) -> tuple[str, str] | None:
    """A text that is only a date with its year (2027年1月29日, 次年1月15日前): the year and the rest; or only a
    range of dates (9月20日-10月8日, 8月20日—9月30日): its first date with the dash, and its last."""
    for pattern in (_DATED, _RANGE):
        found = pattern.fullmatch(text)
        whole = found is not None and _UNBROKEN.fullmatch(found.group(2))
        if whole and (pattern is _DATED or _UNBROKEN.fullmatch(found.group(1)[:-1])):
            return found.group(1), found.group(2)
    return None


# where a name breaks best: after punctuation, after a bracketed part, after an office's or a body's last character
# (市教育局 / 计划财务科, 学生处、/ 高一年级组, 各县（市、区）/ 学生资助管理中心)
_PUNCTUATION, _ENDS = "、，；：）》", "局处科室组校院委部厅办站所馆队"
_NOT_ENDS = {
    "处理",
    "组织",
    "部署",
    "部门",
    "办理",
    "办法",
    "所有",
    "队伍",
    "科学",
    "院校",
    "校园",
    "局面",
    "室内",
    "委托",
}


def natural_parts(text: str) -> list[str]:
    """The text cut at its natural break points (see `_parts`); the whole text when it has none, or figures."""
    return [text] if unbroken(text) else _parts(text)


def _parts(text: str) -> list[str]:
    """The text cut at its natural break points (see `_PUNCTUATION`, `_ENDS`), never inside brackets."""
    parts, start, depth = [], 0, 0
    for k, ch in enumerate(text):
        depth += (ch in "（《(") - (ch in "）》)")
        follows = text[k + 1 : k + 2]
        if depth > 0 or not follows or follows in _PUNCTUATION:
            continue
        named = k - start >= 2 and (ch in _ENDS or text[k - 1 : k + 1] == "中心") and ch + follows not in _NOT_ENDS
        if ch in _PUNCTUATION or named:
            parts.append(text[start : k + 1])
            start = k + 1
    return [*parts, text[start:]]


def cell_text(text: str, width: float, profile: Profile) -> str:
    """A cell of a column other than the task column as printed in a column `width` pt wide, with line breaks
    where LibreOffice would break badly: a date that does not fit the column breaks after its year
    (2027年\n1月29日), not inside; a name breaks after one of its parts (市教育局\n计划财务科) where that takes no
    more lines, else in even lines rather than with one character alone (市学生\n资助管\n理中心)."""
    inner = width - 2 * profile.cell_padding

    def lines(part: str) -> list[str]:
        return break_lines(part, inner, profile.cell_size, profile.body_font, widest=True)

    greedy = lines(text)
    if len(greedy) == 1:
        return text
    dated = _dated(text)
    if dated is not None:  # after its year where the rest then fits a line; else after its year, month or day
        first = break_lines(dated[0], inner, profile.cell_size, profile.body_font)  # the year, or a range's start
        if len(lines(dated[1])) == 1 and len(first) == 1:
            return dated[0] + "\n" + dated[1]
        units = _date_lines(text, lines)  # where that takes no more lines than the printing face breaks it in
        printing = break_lines(text, inner, profile.cell_size, profile.body_font)
        return "\n".join(units) if units is not None and len(units) <= len(printing) else text
    if unbroken(text):
        return text  # figures inside a longer text: left to the width rules
    options = [
        found
        for found in (greedy, _natural_lines(text, lines), _even_lines(text, len(greedy)))
        if found and all(len(lines(line)) == 1 for line in found)
    ]
    cuts = {len(part) for part in itertools.accumulate(_parts(text))}

    def worse(found: list[str]) -> tuple[int, int, int]:
        ends = itertools.accumulate(len(line) for line in found[:-1])
        alone = sum(len(line) == 1 for line in found)
        return len(found), alone, sum(end not in cuts for end in ends)

    best = min(options, key=worse)  # the first of equals: greedy lines need no break written
    return text if best == greedy else "\n".join(best)


_DATE_UNIT = re.compile(r"\d+[年月日号](?:前|底|初|止)?[-—–~～至]?|\D+")


def _date_lines(text: str, lines: Callable[[str], list[str]]) -> list[str] | None:
    """A date too long for two lines of its column in lines broken only after its year, month or day
    (2026年 / 9月 / 30日前, not 2026 / 年9 / 月 / 30 / 日前); None where a unit is itself too long for a line."""
    found: list[str] = []
    for unit in _DATE_UNIT.findall(text):
        if found and len(lines(found[-1] + unit)) == 1:
            found[-1] += unit
        elif len(lines(unit)) == 1:
            found.append(unit)
        else:
            return None
    return found


def _even_lines(text: str, count: int) -> list[str] | None:
    """A Chinese text in `count` lines as even as they go (市学生 / 资助管 / 理中心, not 市学生资 / 助管理中 / 心)."""
    if count < 2 or not all(is_ideograph(ch) for ch in text):
        return None
    size, longer = divmod(len(text), count)  # the first `longer` lines a character more (行为习 / 惯养 / 成月)
    ends = list(itertools.accumulate(size + (k < longer) for k in range(count)))
    return [text[a:b] for a, b in zip((0, *ends), ends)]


def _natural_lines(text: str, lines: Callable[[str], list[str]]) -> list[str] | None:
    """The text in lines broken only after its parts (see `_parts`), a part too long for a line broken evenly;
    None when it has no such parts."""
    parts = _parts(text)
    if len(parts) < 2:
        return None
    found: list[str] = []
    for part in parts:
        if found and len(lines(found[-1] + part)) == 1:
            found[-1] += part
            continue
        greedy = lines(part)
        even = _even_lines(part, len(greedy))
        found += even if even is not None and all(len(lines(line)) == 1 for line in even) else greedy
    return found


def printed_lines(text: str, width: float, profile: Profile, font: str | None = None) -> int:
    """How many lines a cell text of a column other than the task column takes as printed (see `cell_text`)."""
    font = font or profile.body_font
    return sum(
        len(break_lines(part, width - 2 * profile.cell_padding, profile.cell_size, font, profile.cell_char_spacing))
        for part in cell_text(text, width, profile).split("\n")
    )


def _column_texts(layout: TableLayout) -> tuple[list[list[str]], list[list[str]]]:
    """Each column's cell texts, and its header words."""
    texts: list[list[str]] = [[] for _ in layout.columns]
    for row in layout.rows:
        for i, cell in enumerate(row.cells):
            if cell.span == 1 and not cell.covered and not cell.continues:
                texts[i].extend(cell.paragraphs)
    return texts, [[column.header, column.sub or ""] for column in layout.columns]


def cramped_columns(layout: TableLayout, profile: Profile) -> list[str]:
    """The headers of the columns that the page is too narrow to print as wide as their words (see `_give_way`),
    in every table of the layout; none where the table fits."""
    found: list[str] = []
    for part in layout.parts:
        texts, headers = _column_texts(part)
        roles = [SAME_ROLE.get(c.role, c.role) for c in part.columns]
        cramped: list[int] = []
        solve_widths(roles, headers, texts, profile, None, cramped)  # the floors alone say whether any gives way
        if cramped:
            cramped.clear()
            layout_widths(part, profile, cramped)
        found += [part.columns[i].header for i in cramped if part.columns[i].header not in found]
    return found


def layout_widths(layout: TableLayout, profile: Profile, cramped: list[int] | None = None) -> list[float]:
    """Column widths of a layout (see `solve_widths`): the same for a layout and for the same table split at
    page ends."""
    columns = layout.columns
    texts, headers = _column_texts(layout)
    task = next(i for i, column in enumerate(columns) if column.role in ("task", "tasks"))
    rows = RowHeights([0.0] * len(columns), profile, task=task)
    grid = layout.header_grid() if layout.general else [[HeaderCell(c.header) for c in columns]]
    titles = RowHeights([0.0] * len(columns), profile, profile.header_font)

    def height(widths: list[float]) -> float:
        rows.widths = titles.widths = widths
        total = sum(titles.spanned([Cell((c.text,), span=c.span) if c else None for c in line]) for line in grid)
        return total + sum(rows.spanned(row.cells) for row in layout.rows)

    # the mapping form's period and tasks columns are the listed form's group and task: one table, one input
    roles = [SAME_ROLE.get(c.role, c.role) for c in columns]
    return solve_widths(roles, headers, texts, profile, height, cramped)


class RowHeights:
    """Row heights in points, as LibreOffice and Word lay out a row of exact-spaced cell paragraphs:
    the tallest cell's lines × line spacing, plus the cell margins above and below and one border line."""

    def __init__(
        self, widths: Sequence[float], profile: Profile, font: str | None = None, task: int | None = None
    ) -> None:
        self.widths = list(widths)
        self.profile = profile
        self.font = font or profile.body_font
        self.task = task  # the task column; the other columns' texts count as printed (see `cell_text`)
        self._lines: dict[tuple[str, float], int] = {}
        self._printed: dict[tuple[str, float], int] = {}

    def printed(self, text: str, width: float) -> int:
        """Lines of a cell text of a column other than the task column, with the breaks `cell_text` writes."""
        key = (text, width)
        found = self._printed.get(key)
        if found is None:
            found = self._printed[key] = sum(
                self.lines(part, width) for part in cell_text(text, width, self.profile).split("\n")
            )
        return found

    def _count(self, column: int, text: str, width: float) -> int:
        return self.lines(text, width) if self.task is None or column == self.task else self.printed(text, width)

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
            pairs.append(
                (lines, self.printed(owner, owner_width) if self.task is not None else self.lines(owner, owner_width))
            )
            at += count
        return pairs

    def paired_heights(self, cells: Sequence[Cell], paired: Sequence[int]) -> list[int]:
        """Per task of a row whose cells stand level with its tasks: the lines of the tallest of the task and the
        cells beside it."""
        columns = [self.paired_lines(cells[1], cells[i], self.widths[1], self.widths[i]) for i in paired]
        return [max([columns[0][n][0], *(column[n][1] for column in columns)]) for n in range(len(columns[0]))]

    def cell_lines(self, cells: Sequence[Cell]) -> int:
        paired = [i for i, cell in enumerate(cells) if cell.pairs]
        if paired:  # owners (and deadlines) level with their tasks: each task as tall as the tallest beside it
            heights = self.paired_heights(cells, paired)
            others = [
                sum(self._count(i, p, width) for p in cell.paragraphs)
                for i, (cell, width) in enumerate(zip(cells, self.widths))
                if i != 1 and i not in paired and not cell.continues
            ]
            return max([sum(heights), *others])
        return max(
            (
                sum(self._count(i, p, width) for p in cell.paragraphs)
                for i, (cell, width) in enumerate(zip(cells, self.widths))
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
            count = self.lines if cell.span > 1 else functools.partial(self._count, i)
            most = max(most, sum(count(p, width) for p in cell.paragraphs))
        return most

    def __call__(self, cells: Sequence[Cell]) -> float:
        profile = self.profile
        return self.cell_lines(cells) * profile.cell_leading + 2 * profile.cell_padding_vertical + profile.border_width
