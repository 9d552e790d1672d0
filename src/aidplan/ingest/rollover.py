"""Next year's plan from this year's (`aidplan new NEXT.yaml --from THIS.yaml`): the plan's text is edited at
the positions of its values, so its comments and layout stay as they were; the old plan is never touched.

What moves: `year:`; every year printed in a text value (title, labels, tasks, deadlines, notes, term name …)
that lies within YEAR_WINDOW years of the plan's year, by the same distance (2019-2020学年 → 2020-2021学年,
2019年12月31日印发的 → 2020年…); ISO dates (spans, local days, deadline dates) to the same month and day; the
term's first and last day and local make-up workdays to the same weekday nearest the same date. 2月29日 in a
year that has none becomes 2月28日. Each such change that is not plain arithmetic is said in `notes`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from aidplan.errors import FindingsError, UsageError
from aidplan.files import shown, write_atomic
from aidplan.ingest.new import refuse_existing, require_plan_year
from aidplan.messages import localized, tr
from aidplan.plan.workdays import WEEKDAYS

YEAR_WINDOW = 2  # years printed further than this from the plan's year are references (a 2007年 regulation)
MODELINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)", re.M)
# locations of dates that must stay on their weekday: the first/last day of term, a Saturday worked locally
WEEKDAY_KEPT = (("term", "start"), ("term", "end"), ("calendar", "workdays"))

_Y = r"(?<![0-9０-９.])(?:19|20|21)[0-9]{2}(?![0-9])"
_CN = "〇○零一二三四五六七八九"
_TEXT = re.compile(
    rf"(?P<r1>{_Y})(?P<rsep>\s*[-－—–~～至到]\s*)(?P<r2>{_Y})"  # 2019-2020学年
    rf"|(?P<iy>{_Y})(?P<isep>[-/.])(?P<im>[0-9]{{1,2}})(?P=isep)(?P<id>[0-9]{{1,2}})(?![0-9])"  # 2020-05-20
    rf"|(?P<y>{_Y})年(?:(?P<m>[0-9]{{1,2}})月(?:(?P<d>[0-9]{{1,2}})日)?)?"  # 2020年, 2020年2月29日
    rf"|(?P<cy>[{_CN}]{{4}})(?=年)"  # 二〇二〇年
    rf"|(?P<wy>{_Y})(?=级|届|春|秋|学年)"  # 2014秋季学期, 2020级
    rf"|(?<![0-9０-９])(?P<fm>2|二)月(?P<fd>29|二十九)日"  # 2月29日 of the plan's year
)

# a week printed without its year: 3.9-3.15, 3月9日-3月15日, 3月9日—15日
_WEEK = re.compile(
    r"(?<![0-9.年])(?P<m1>[0-9]{1,2})(?:\.|月)(?P<d1>[0-9]{1,2})日?\s*[-－—–~～至到]\s*"
    r"(?:(?P<m2>[0-9]{1,2})(?:\.|月))?(?P<d2>[0-9]{1,2})(?![0-9.])"
)


@dataclass(frozen=True)
class ChangedLine:
    line: int  # 1-based, the same in both files: values are edited within their line
    old: str
    new: str


@dataclass
class Rollover:
    """What `new --from` did: the lines it changed and what it wants the office to know."""

    source: Path
    target: Path
    old_year: int
    year: int
    changed: list[ChangedLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _leap(year: int) -> bool:
    return calendar.isleap(year)


_CN_VALUES = {"〇": 0, "○": 0, "零": 0, **{digit: value for value, digit in enumerate("一二三四五六七八九", start=1)}}


def _cn_year(text: str) -> int:
    return int("".join(str(_CN_VALUES[c]) for c in text))


def _as_cn_year(year: int, like: str) -> str:
    """二〇二一 for 2021, written with the zero `like` uses (〇, ○ or 零)."""
    zero = next((c for c in like if _CN_VALUES[c] == 0), "〇")
    return "".join(zero if d == "0" else "一二三四五六七八九"[int(d) - 1] for d in str(year))


def same_month_day(day: dt.date, year: int) -> dt.date:
    """The same month and day in `year` (29 February → 28 February when `year` has none)."""
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def same_weekday_near(day: dt.date, years: int) -> dt.date:
    """The day of the same weekday nearest the same date `years` on (a term starting on a Monday still does)."""
    target = same_month_day(day, day.year + years)
    back = (target.weekday() - day.weekday()) % 7
    return target - dt.timedelta(days=back) if back <= 3 else target + dt.timedelta(days=7 - back)


class _Shifter:
    """Moves the years and dates of one plan's text by `delta` years, noting what is not plain arithmetic."""

    def __init__(self, old_year: int, year: int, autumn_term: bool) -> None:
        self.old_year, self.year, self.delta = old_year, year, year - old_year
        self.february_year = year + 1 if autumn_term else year  # an autumn term's February is in the next year
        self.notes: list[tuple[int, str]] = []  # (line, note)
        self.line = 0

    def near(self, year: int) -> bool:
        return abs(year - self.old_year) <= YEAR_WINDOW

    def _far(self, written: str) -> str:
        self.notes.append(
            (
                self.line,
                tr(
                    "“{written}”离原计划的年度 {year} 年超过 {window} 年，当作引用的年份，没有改",
                    written=written,
                    year=self.old_year,
                    window=YEAR_WINDOW,
                ),
            )
        )
        return written

    def _february(self, year: int, written: str, replacement: str) -> str:
        self.notes.append(
            (self.line, tr("{year} 年不是闰年：“{written}”改为“{new}”", year=year, written=written, new=replacement))
        )
        return replacement

    def text(self, value: str) -> str:
        self._weeks(value)
        return _TEXT.sub(self._replace, value)

    def _weeks(self, value: str) -> None:
        """A printed week without a year (3.9-3.15, 3月9日-15日) keeps its month and day but not its weekdays:
        say so when it ran Monday to Sunday (or Friday) in the old year."""
        for match in _WEEK.finditer(value):
            month, day = int(match.group("m1")), int(match.group("d1"))
            end_month, end_day = int(match.group("m2") or month), int(match.group("d2"))
            year = self.old_year + 1 if self.february_year > self.year and month < 7 else self.old_year
            try:
                start, end = dt.date(year, month, day), dt.date(year, end_month, end_day)
                moved = dt.date(year + self.delta, month, day)
            except ValueError:
                continue
            if start.weekday() != 0 or (end - start).days not in (4, 6) or moved.weekday() == 0:
                continue
            self.notes.append(
                (
                    self.line,
                    tr(
                        "“{written}”在 {old} 年从{old_weekday}开始，在 {new} 年从{new_weekday}开始："
                        "按周写的日期没有改，请按新的校历核对",
                        written=match.group(0),
                        old=start.year,
                        new=moved.year,
                        old_weekday=localized(WEEKDAYS[start.weekday()]),
                        new_weekday=localized(WEEKDAYS[moved.weekday()]),
                    ),
                )
            )

    def _replace(self, match: re.Match[str]) -> str:
        group = match.group
        written = match.group(0)
        if group("r1"):
            first, second = int(group("r1")), int(group("r2"))
            if not (self.near(first) and self.near(second)):
                return self._far(written)
            return f"{first + self.delta}{group('rsep')}{second + self.delta}"
        if group("iy"):
            year = int(group("iy"))
            if not self.near(year):
                return self._far(written)
            month, day = int(group("im")), int(group("id"))
            new_year = year + self.delta
            try:
                dt.date(year, month, day)
            except ValueError:  # not a date (a version number, a total): left alone
                return written
            moved = same_month_day(dt.date(year, month, day), new_year)
            sep = group("isep")
            result = f"{new_year}{sep}{group('im')}{sep}{group('id')}"
            if moved.day != day:
                day_text = f"{moved.day:0{len(group('id'))}d}"
                return self._february(new_year, written, f"{new_year}{sep}{group('im')}{sep}{day_text}")
            return result
        if group("y"):
            year = int(group("y"))
            if not self.near(year):
                return self._far(written)
            new_year = year + self.delta
            result = f"{new_year}年"
            if group("m"):
                result += f"{group('m')}月"
                if group("d"):
                    if int(group("m")) == 2 and int(group("d")) == 29 and not _leap(new_year):
                        return self._february(new_year, written, f"{result}28日")
                    result += f"{group('d')}日"
            return result
        if group("cy"):
            year = _cn_year(group("cy"))
            if not self.near(year):
                return self._far(written)
            return _as_cn_year(year + self.delta, group("cy"))
        if group("wy"):
            year = int(group("wy"))
            return str(year + self.delta) if self.near(year) else self._far(written)
        if _leap(self.february_year):
            return written
        day = "28" if group("fd") == "29" else "二十八"
        return self._february(self.february_year, written, f"{group('fm')}月{day}日")

    def date(self, day: dt.date, location: tuple) -> dt.date:
        if location[:2] in WEEKDAY_KEPT:
            moved = same_weekday_near(day, self.delta)
            if location == ("term", "start"):
                what = tr("学期的开始日")
            elif location[0] == "term":
                what = tr("学期的结束日")
            else:
                what = tr("调休上班日")
            weekday = localized(WEEKDAYS[day.weekday()])
            self.notes.append(
                (
                    self.line,
                    tr(
                        "{what} {old}（{weekday}）改为 {new}（{weekday}）：同是{weekday}，离 {same} 最近；"
                        "请按本年的校历核对",
                        what=what,
                        old=day.isoformat(),
                        new=moved.isoformat(),
                        weekday=weekday,
                        same=same_month_day(day, day.year + self.delta).isoformat(),
                    ),
                )
            )
            return moved
        moved = same_month_day(day, day.year + self.delta)
        if moved.day != day.day:
            self.notes.append(
                (
                    self.line,
                    tr(
                        "{year} 年不是闰年：{old} 改为 {new}",
                        year=moved.year,
                        old=day.isoformat(),
                        new=moved.isoformat(),
                    ),
                )
            )
        return moved


def _scalars(node, location: tuple = ()):
    """Every scalar value (not key) of a composed YAML node, with its location."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*location, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _scalars(value, (*location, index))
    elif isinstance(node, yaml.ScalarNode):
        yield node, location


def _date_text(day: dt.date, written: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", written):
        return day.isoformat()
    return f"{day.year}-{day.month}-{day.day}"


def rolled_text(text: str, old_year: int, year: int, autumn_term: bool) -> tuple[str, list[tuple[int, str]]]:
    """The plan's text with its years and dates moved to `year`, and the notes (line, note) of what was not
    plain arithmetic. Only the characters of values change: comments, keys, quoting and layout stay."""
    import yaml

    shifter = _Shifter(old_year, year, autumn_term)
    edits: list[tuple[int, int, str]] = []
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for node, location in _scalars(root):
        start, end = node.start_mark.index, node.end_mark.index
        written = text[start:end]
        shifter.line = node.start_mark.line + 1
        if node.tag.endswith(":int") and location == ("year",):
            replacement = str(year)
        elif node.tag.endswith(":timestamp"):
            value = yaml.SafeLoader.construct_yaml_timestamp(yaml.SafeLoader(""), node)
            if isinstance(value, dt.datetime):
                continue
            replacement = _date_text(shifter.date(value, location), written)
        elif node.tag.endswith(":str"):
            replacement = shifter.text(written)
        else:
            continue
        if replacement != written:
            edits.append((start, end, replacement))
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text, shifter.notes


def _modeline(text: str, source: Path, target: Path) -> str:
    """The schema modeline's relative path, made relative to where the new plan is written."""
    found = MODELINE.search(text)
    if found is None or "://" in found.group(2) or os.path.isabs(found.group(2)):
        return text
    schema = os.path.normpath(os.path.join(source.resolve().parent, found.group(2)))
    moved = Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    return text[: found.start(2)] + moved + text[found.end(2) :]


def _comment_lines(text: str, year: int) -> list[int]:
    """Lines that are only a comment and name the year: kept as written, listed for the office to look at."""
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.lstrip().startswith("#") and str(year) in line and "yaml-language-server" not in line
    ]


def rollover(source: Path, target: Path, year: int | None = None, force: bool = False) -> Rollover:
    """Write next year's plan at `target` from the plan at `source`; returns what changed. The source is read,
    never written; the target is written atomically, and an existing target only with `force`."""
    from aidplan.plan.loading import load_plan, read_text

    refuse_existing(target, force)
    if not source.exists():
        raise UsageError(tr("找不到 {path}", path=shown(source)))
    loaded = load_plan(source)
    if loaded.plan is None:
        raise FindingsError(loaded.findings, tr("{path} 有错误，没有写出新计划；请先改正它", path=shown(source)))
    plan = loaded.plan
    year = plan.year + 1 if year is None else year
    from aidplan.plan.model import DATE_WINDOW

    require_plan_year(year)
    if year == plan.year:
        raise UsageError(tr("{path} 已经是 {year} 年的计划；请用 --year 给出新的年度", path=shown(source), year=year))
    text = read_text(source, role="原计划")
    autumn = plan.term is not None and plan.term.start.month >= 7
    new_text, notes = rolled_text(text, plan.year, year, autumn)
    new_text = _modeline(new_text, source, target)
    bom = b"\xef\xbb\xbf" if source.read_bytes().startswith(b"\xef\xbb\xbf") else b""
    write_atomic(target, bom + new_text.encode("utf-8"))
    result = Rollover(source, target, plan.year, year)
    old_lines, new_lines = text.splitlines(), new_text.splitlines()
    result.changed = [
        ChangedLine(number, old.strip(), new.strip())
        for number, (old, new) in enumerate(zip(old_lines, new_lines), start=1)
        if old != new
    ]
    result.notes = [
        tr("第 {line} 行：{note}", line=line, note=note) for line, note in sorted(notes, key=lambda n: n[0])
    ]
    comments = _comment_lines(new_text, plan.year)
    if comments:
        listed = tr("、").join(str(n) for n in comments)
        result.notes.append(
            tr("注释没有改：第 {lines} 行的注释提到 {year} 年，请按需修改", lines=listed, year=plan.year)
        )
    if abs(year - plan.year) > DATE_WINDOW:
        result.notes.append(tr("新年度与原计划相隔 {years} 年：请逐项核对日期", years=abs(year - plan.year)))
    return result


@dataclass(frozen=True)
class Unfinished:
    """A task of the old plan still open in its progress file, as `status` would show it."""

    id: str
    period: str
    text: str
    status: str


def unfinished_tasks(source: Path, today: dt.date) -> tuple[Path, list[Unfinished] | None, str | None]:
    """The progress file beside the old plan and its tasks still to do or in progress as of `today` (monthly and
    weekly occurrences aside: the duty itself is in the new plan); None with the reason when they cannot be
    listed."""
    from aidplan.plan.loading import load_plan
    from aidplan.track.progress import load_progress, progress_path
    from aidplan.track.statuses import OPEN_STATUSES
    from aidplan.track.tracking import status_for_plan

    progress = progress_path(source)
    if not progress.exists():
        return progress, None, tr("没有进度文件")
    loaded = load_progress(progress)
    if loaded.findings:
        return progress, None, tr("进度文件有错误（运行 aidplan check 查看）")
    plan = load_plan(source).plan
    assert plan is not None  # rollover refused a plan that does not load
    report = status_for_plan(source, plan, loaded.records, today)
    return (
        progress,
        [
            Unfinished(item.id, item.period, item.text, status)
            for item, status, _, _ in report.rows
            if status in OPEN_STATUSES and item.source not in ("monthly", "weekly")
        ],
        None,
    )
