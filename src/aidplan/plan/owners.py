"""Owner cells as offices write them (学生处、团委 / 各县区资助中心、各学校 / 教务处/学生处 / 学生处和团委): printed
exactly as written, and split into the owners each task counts for.

The splitting rule (README, "Owners"): a cell is cut at 、 ， , ； ; / ／ | and line breaks, never inside brackets
(（…） (…) 【…】 《…》); a part is then cut at 和, 及, 与 or 以及 only where the text before the word ends like the
name of an office or a person's role (学生处和团委, 教育局与财政局, 班主任和辅导员) or is not Chinese (A和B), so
人力资源和社会保障局 and 住房和城乡建设局 stay whole. Parts are trimmed, empty ones dropped, repeats kept once,
in the order written.
"""

from __future__ import annotations

from aidplan.patterns import lazy

_SEPARATORS = "、，,；;/／|\n"
_OPEN, _CLOSE = "（(【[《〔", "）)】]》〕"
_AND = lazy(r"以及|和|及|与")
# the ends of an office's name or a role: 学生处, 教育局, 资助中心, 各学校, 团委, 班主任, 辅导员, 校长 …
_NAME_ENDS = (
    "处", "科", "室", "局", "厅", "办", "部", "委", "会", "中心", "学校", "校", "院", "系", "所", "站", "队", "组",
    "馆", "班", "股", "司", "园", "团", "年级", "支部", "单位", "主任", "员", "长", "师", "人", "政府",
)  # fmt: skip


def _cut(text: str) -> list[str]:
    """`text` cut at the separators outside brackets."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        if char in _SEPARATORS and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _cut_and(part: str) -> list[str]:
    """`part` cut at 和/及/与 where what comes before ends like a name (学生处和团委, not 人力资源和社会保障局)."""
    pieces, start = [], 0
    for found in _AND.finditer(part):
        before = part[start : found.start()].strip()
        depth = sum(part[: found.start()].count(c) for c in _OPEN) - sum(part[: found.start()].count(c) for c in _CLOSE)
        named = before.endswith(_NAME_ENDS) or before.isascii()  # 学生处和团委, A和B; not 人力资源和社会保障局
        if depth == 0 and before and named and part[found.end() :].strip():
            pieces.append(before)
            start = found.end()
    pieces.append(part[start:])
    return pieces


def split_owners(text: str | None) -> tuple[str, ...]:
    """The owners a cell names, in the order written: 学生处、团委 → (学生处, 团委); None or blank → ()."""
    if not text:
        return ()
    owners = [piece.strip() for part in _cut(text) for piece in _cut_and(part)]
    return tuple(dict.fromkeys(owner for owner in owners if owner))
