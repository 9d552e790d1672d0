"""The catalogue of findings: every code `aidplan check` reports has one home here, with its short name, its
severity and a docstring holding a failing example, the message and the fix (as yamllint's rules/).

Detection stays where the knowledge is (reading in plan.loading, plan rules in plan.checks, progress files
in track.progress and commands.check); it creates findings through these entries (`DeadlineNotADate.at(…)`),
so no call site picks a severity or spells a code. A leaf package: it imports nothing else of aidplan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aidplan.rules import calendars, plans, progress, reading, templates  # noqa: F401 - defining the rules fills CATALOGUE
from aidplan.rules.base import CATALOGUE, Finding, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["CATALOGUE", "Finding", "Rule", "Severity", "markdown_table", "ordered", "rule_for"]


def rule_for(code: str) -> type[Rule] | None:
    """The rule of a code (any case: e205 is E205), or None."""
    return CATALOGUE.get(code.strip().upper())


def ordered() -> list[type[Rule]]:
    """Every rule by number, whatever its letter (W204 between E203 and E205)."""
    return sorted(CATALOGUE.values(), key=lambda rule: rule.code[1:])


def markdown_table(translate: Callable[[str], str]) -> str:
    """README's table of codes, one row per code; README is English, so `translate` gives the English."""
    rows = ["| code | name | meaning |", "|---|---|---|"]
    rows += [f"| {rule.code} | {rule.name} | {rule.summary(translate)} |" for rule in ordered()]
    return "\n".join(rows) + "\n"
