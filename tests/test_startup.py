"""What `check` and `due` load at start-up (speed itself is measured by benchmarks/run.py, not here): no writer
or record machinery they do not use, and no regular expression compiled at import."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT

LOADED = (
    "import json, re, sys\nfrom aidplan.cli import app\n"
    "try:\n    app({args!r}, prog_name='aidplan')\nexcept SystemExit:\n    pass\n"
    "patterns = sorted(f'{{name}}.{{key}}' for name, module in list(sys.modules.items())\n"
    "                  if name.startswith('aidplan')\n"
    "                  for key, value in vars(module).items() if isinstance(value, re.Pattern))\n"
    "print(json.dumps({{'modules': sorted(sys.modules), 'patterns': patterns}}))\n"
)


def _loaded(*args: str) -> dict[str, list[str]]:
    code = LOADED.format(args=list(args))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(result.stdout.splitlines()[-1])


HEAVY = ("docx", "jinja2", "openpyxl", "rich.table", "icalendar", "aidplan.render.layout", "aidplan.render.docx")


def test_check_loads_no_writer_and_no_record_machinery() -> None:
    loaded = _loaded("check", "-q", "plans/2020-huaibei.yaml")
    modules = set(loaded["modules"])
    assert "aidplan.plan.schedule" in modules  # the plan was checked
    # a plan without a term needs none of the term checks (W227), and no W228 fires on it
    for heavy in (*HEAVY, "aidplan.track.progress", "aidplan.plan.festivals", "aidplan.plan.termdates"):
        assert heavy not in modules, heavy


def test_due_of_a_plan_without_a_progress_file_loads_no_record_machinery() -> None:
    assert not (ROOT / "plans" / "2020-huaibei.progress.yaml").exists()
    modules = set(_loaded("due", "plans/2020-huaibei.yaml", "--today", "2020-05-10")["modules"])
    assert "aidplan.track.tracking" in modules  # the plan was tracked
    for heavy in (*HEAVY, "aidplan.track.progress"):
        assert heavy not in modules, heavy


def test_no_pattern_is_compiled_when_a_module_is_imported() -> None:
    """Module-level patterns are `aidplan.patterns.lazy(...)`, compiled on first use: a `re.compile` at module
    level in any module that check or due imports fails here (compiling the time grammar at import cost about
    a hundred million instructions)."""
    due = ["due", "plans/2020-huaibei.yaml", "--today", "2020-05-10"]
    for args in (["check", "-q", "plans/2014-yueyang.yaml"], due):
        assert _loaded(*args)["patterns"] == [], args
