"""The years a text prints (2026年, 二〇二六年, 2026-2027学年, 2026/2027年度, 2026-27学年, 19-20学年, 2014秋季):
one grammar, used by `new --from` to move them and by `check` to compare a plan's title with its year."""

from __future__ import annotations

from typing import NamedTuple

from aidplan.patterns import lazy

_Y = r"(?<!\d|\.{1})(?:19|20|21)[0-9]{2}(?![0-9])"
_CN = "〇○零一二三四五六七八九"
# alternations, not classes: `re` compiles a class of Chinese characters into a 65,536-entry map, in Python
_CN_DIGIT = "(?:" + "|".join(_CN) + "{1})"
_DASH = "(?:-|－|—|–|~|～|至|到{1})"
# a year written with two digits (20年, 19-20学年, 19级): not inside a longer number or a count of years
_YY = r"(?<!\d|\.|第|近|满|约|共|余|多{1})[0-9]{2}(?![0-9])"
_NOT_A_YEAR = r"来|以来|以上|以内|之内|以后|以前|之后|之前|间|内|多|左右|后|前|整"
YEAR_TEXT = lazy(
    rf"(?P<r1>{_Y})(?P<rsep>\s*(?:{_DASH}|/|、{{1}})\s*)(?P<r2>{_Y})"  # 2019-2020学年, 2026/2027年度, 2026、2027两年
    rf"|(?P<h1>{_Y})(?P<hsep>\s*(?:{_DASH}|/{{1}})\s*)(?P<h2>[0-9]{{2}})(?![0-9])(?=学年|年度)"  # 2026-27学年
    rf"|(?P<iy>{_Y})(?P<isep>[-/.])(?P<im>[0-9]{{1,2}})(?P=isep)(?P<id>[0-9]{{1,2}})(?![0-9])"  # 2020-05-20
    rf"|(?P<y>{_Y})年(?:(?P<m>[0-9]{{1,2}})月(?:(?P<d>[0-9]{{1,2}})日)?)?"  # 2020年, 2020年2月29日
    rf"|(?P<cy>{_CN_DIGIT}{{4}})(?=年)"  # 二〇二〇年
    rf"|(?P<wy>{_Y})(?=级|届|春|秋|学年)"  # 2014秋季学期, 2020级
    rf"|(?<!\d)(?P<fm>2|二)月(?P<fd>29|二十九)日"  # 2月29日 of the plan's year
    rf"|(?P<s1>{_YY})(?P<ssep>\s*{_DASH}\s*)(?P<s2>{_YY})(?=学年|年度)"  # 19-20学年
    rf"|(?P<sy>{_YY})(?=年(?!{_NOT_A_YEAR})|级|届)"  # 20年3月, 20年春季, 19级
)
DOCUMENT_NAME = lazy(r"(《[^《》]*》)")  # a document's name: the years in it are the document's, not the plan's

CN_VALUES = {"〇": 0, "○": 0, "零": 0, **{digit: value for value, digit in enumerate("一二三四五六七八九", start=1)}}


def cn_year(text: str) -> int:
    """2020 for 二〇二〇."""
    return int("".join(str(CN_VALUES[c]) for c in text))


def as_cn_year(year: int, like: str) -> str:
    """二〇二一 for 2021, written with the zero `like` uses (〇, ○ or 零)."""
    zero = next((c for c in like if CN_VALUES[c] == 0), "〇")
    return "".join(zero if d == "0" else "一二三四五六七八九"[int(d) - 1] for d in str(year))


def near_century(digits: str, year: int) -> int:
    """The year a two-digit year (20年, 19-20学年) names: the one of its century nearest `year`."""
    century = year - year % 100
    return min((century - 100 + int(digits), century + int(digits), century + 100 + int(digits)),
               key=lambda y: abs(y - year))  # fmt: skip


class PrintedYears(NamedTuple):
    """A year or a run of years a text prints outside any 《document name》: `first`..`last` (one year: both the
    same), `school`: a school year (2026-2027学年, two consecutive years), `start`: its offset in the text."""

    written: str
    first: int
    last: int
    school: bool
    start: int


def printed_years(text: str, near: int) -> list[PrintedYears]:
    """The years `text` names as years (2026年, 二〇二六年, 2026-2027学年, 2026/2027年度, 2026-27学年, 26-27学年,
    2026秋季, 2026-05-20), skipping document names in 《》; a two-digit year standing alone (26年) is left out (工作
    25年 is a count), a two-digit pair is read in the century nearest `near`."""
    found: list[PrintedYears] = []
    at = 0
    for index, part in enumerate(DOCUMENT_NAME.split(text)):
        if index % 2 == 0:
            for match in YEAR_TEXT.finditer(part):
                group = match.group
                school = part.startswith("学年", match.end())
                if group("r1"):
                    first, last = int(group("r1")), int(group("r2"))
                elif group("h1"):
                    first = int(group("h1"))
                    last = first - first % 100 + int(group("h2"))
                    last += 100 if last < first else 0
                elif group("s1"):
                    first, last = near_century(group("s1"), near), near_century(group("s2"), near)
                elif group("cy"):
                    first = last = cn_year(group("cy"))
                elif group("y") or group("iy") or group("wy"):
                    first = last = int(group("y") or group("iy") or group("wy"))
                else:
                    continue
                if last < first:
                    continue
                found.append(
                    PrintedYears(match.group(0), first, last, school and last == first + 1, at + match.start())
                )
        at += len(part)
    return found
