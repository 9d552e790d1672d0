"""Write the plan as a Markdown table from the plan.md.j2 template."""

from __future__ import annotations

from pathlib import Path

from aidplan.plan.model import Plan
from aidplan.render.layout import TableLayout
from aidplan.render.templating import render_template


def render_markdown(layout: TableLayout, plan: Plan, templates: Path | None = None) -> str:
    return render_template("plan.md.j2", {"layout": layout, "plan": plan}, templates)
