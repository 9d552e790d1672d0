"""W231: characters that print nothing yet split a plan's words. A web page or a WeChat article copied into a plan
brings zero-width spaces inside its words: 每\u200b月20日前 prints as 每月20日前 but is no longer read as a monthly
deadline, so the task is tracked at its period's end and nothing says why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aidplan.messages import tr
from aidplan.rules.plans import InvisibleCharacter

if TYPE_CHECKING:
    from aidplan.plan.checks import CheckedPlan
    from aidplan.plan.findings import Finding

# zero-width spaces and joiners, direction marks and embeddings, the word joiner and invisible operators, a
# byte-order mark inside the text, the soft hyphen
INVISIBLE = frozenset(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff"
)
CONTEXT = 6  # characters shown before the first one


def without_invisible(text: str) -> tuple[str, int]:
    """The text without the characters that print nothing yet split its words, and how many there were."""
    cleaned = "".join(c for c in text if c not in INVISIBLE)
    return cleaned, len(text) - len(cleaned)


def _value(data: Any, location: tuple) -> Any:
    for part in location:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def invisible_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """W231 for each text of the plan holding an invisible character, at the text's line and column."""
    path, _, document, _, _ = subject
    if INVISIBLE.isdisjoint(document.text.lstrip("\ufeff")):  # a BOM at the start of the file is the file's
        return []
    findings = []
    for location, position in sorted(document.values.items(), key=lambda item: item[1]):
        value = _value(document.data, location)
        if not isinstance(value, str) or INVISIBLE.isdisjoint(value):
            continue
        at = next(i for i, c in enumerate(value) if c in INVISIBLE)
        count = sum(1 for c in value if c in INVISIBLE)
        shown = without_invisible(value[max(0, at - CONTEXT) : at])[0]
        message = tr(
            "文字里有 {count} 个看不见的字符（第一个是 U+{code:04X}，在“{before}”之后）：它把字词隔开，"
            "“每月”“20日前”这样的写法就读不出来；请删除它（aidplan import 导入时会自动删除）",
            count=count,
            code=ord(value[at]),
            before=shown or value[:0],
        )
        findings.append(InvisibleCharacter.at(path, position, message))
    return findings
