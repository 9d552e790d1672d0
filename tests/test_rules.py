"""The catalogue of finding codes: README's table, the fixtures, `aidplan explain` and the code all agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aidplan.rules import CATALOGUE, markdown_table

from .conftest import DATA, ROOT


def _beside_case(expected: Path) -> Path:
    """What to check for a fixture in invalid-beside/: its folder, its progress file, or its plan."""
    stem = expected.name.removesuffix(".expected")
    for name in (stem, f"{stem}.progress.yaml", f"{stem}.yaml"):
        if (expected.parent / name).exists():
            return expected.parent / name
    raise AssertionError(f"{expected} has nothing to check")


# fixtures whose message names a file beside them (a progress file's plan, a suggested calendar file, a second
# calendar file): checked from inside their folder, so the messages name files as a user types them
# (and notice templates, whose messages name the file too)
BESIDE_CASES = [_beside_case(p) for p in sorted((DATA / "invalid-beside").glob("*.expected"))] + sorted(
    (DATA / "invalid-templates").glob("*.docx")
)
FIXTURES = (
    sorted((DATA / "invalid").glob("*.yaml")) + sorted((DATA / "invalid-calendars").glob("*.yaml")) + BESIDE_CASES
)
README_TABLE = re.compile(r"<!-- codes: [^\n]*-->\n(.*?)<!-- end of codes -->\n", re.S)


def _readme_table() -> str:
    found = README_TABLE.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, "README has no generated table of codes"
    return found.group(1)


def _code_of(fixture: Path) -> str:
    return fixture.name.split("-", 1)[0]


def test_readme_table_is_the_catalogue() -> None:
    assert _readme_table() == markdown_table(), "README's table of codes differs from src/aidplan/rules"


def test_every_code_has_entry_fixture_and_explanation_and_the_reverse(cli) -> None:
    readme_codes = re.findall(r"^\| ([EW]\d{3}) \|", _readme_table(), re.M)
    assert sorted(readme_codes) == sorted(CATALOGUE)
    fixture_codes = {_code_of(fixture) for fixture in FIXTURES}
    assert fixture_codes == set(CATALOGUE), "a fixture is named after no code, or a code has no fixture"
    for code, rule in CATALOGUE.items():
        explained = cli("explain", code)
        assert explained.exit_code == 0
        assert explained.stdout.startswith(f"{code} {rule.name} ({rule.severity.value})\n\n")
        for section in ("Example", "Message::", "Fix:"):
            assert section in explained.stdout, (code, section)
        assert f"{rule.severity.value}[{code}]: " in explained.stdout, f"{code}'s example message has another code"
    listed = cli("explain").stdout.splitlines()
    assert [line.split()[0] for line in listed] == sorted(CATALOGUE, key=lambda code: code[1:])


def _expected_of(fixture: Path) -> Path:
    """X.expected for X.yaml, X.docx or a folder X; X.calendar.expected for X.calendar.yaml."""
    if fixture.name.endswith(".calendar.yaml"):
        return fixture.with_name(fixture.name.replace(".yaml", ".expected"))
    return fixture.parent / (fixture.name.split(".")[0] + ".expected")


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_each_fixture_reports_the_code_it_is_named_after(fixture: Path) -> None:
    assert f"[{_code_of(fixture)}]: " in _expected_of(fixture).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", BESIDE_CASES, ids=[p.name for p in BESIDE_CASES])
def test_each_problem_beside_a_plan_has_its_exact_message_and_location(cli, case: Path, monkeypatch) -> None:
    """A file is checked from its folder; a folder (a small project: plans, calendar files, a config) from
    inside it, as a user runs `aidplan check .` there. Findings go to stdout, or with a config error, which
    stops the command before any plan is read, to stderr."""
    expected = _expected_of(case).read_text(encoding="utf-8").splitlines()
    monkeypatch.chdir(case if case.is_dir() else case.parent)
    result = cli("check", "--quiet", "." if case.is_dir() else case.name)
    printed = result.stdout.splitlines() + [line for line in result.stderr.splitlines() if "]: " in line]
    assert printed == expected
    config_error = (case / "aidplan.toml").exists() if case.is_dir() else False  # a usage error: exit code 2
    assert result.exit_code == (0 if all("warning[" in line for line in expected) else 2 if config_error else 1)


def test_explain_is_case_insensitive_and_refuses_unknown_codes(cli) -> None:
    assert cli("explain", "w220").stdout == cli("explain", "W220").stdout
    unknown = cli("explain", "E999")
    assert (unknown.exit_code, unknown.stdout) == (2, "")
    assert unknown.stderr == "aidplan: 没有代码为“E999”的检查；运行 aidplan explain 列出全部代码\n"


def test_no_code_is_spelled_outside_the_catalogue() -> None:
    for path in (ROOT / "src" / "aidplan").rglob("*.py"):
        if "rules" in path.relative_to(ROOT / "src" / "aidplan").parts:
            continue
        spelled = re.findall(r"[\"'][EW]\d{3}[\"']", path.read_text(encoding="utf-8"))
        assert not spelled, f"{path}: finding codes {spelled} belong in aidplan.rules"


def test_the_catalogue_is_a_leaf() -> None:
    import subprocess
    import sys

    code = "import sys, aidplan.rules\nprint('\\n'.join(m for m in sys.modules if m.startswith('aidplan')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert sorted(out) == ["aidplan", "aidplan.rules", "aidplan.rules.base", "aidplan.rules.calendars",
                           "aidplan.rules.plans", "aidplan.rules.progress", "aidplan.rules.reading",
                           "aidplan.rules.templates"]  # fmt: skip
