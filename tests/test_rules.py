"""The catalogue of finding codes: README's table, the fixtures, `aidplan explain` and the code all agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aidplan.messages import set_language, tr_text
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


def _english(text: str) -> str:
    set_language("en")
    try:
        return tr_text(text)
    finally:
        set_language("zh")


def test_readme_table_is_the_catalogue() -> None:
    assert _readme_table() == markdown_table(_english), "README's table of codes differs from src/aidplan/rules"


def test_every_code_has_entry_fixture_and_explanation_and_the_reverse(cli) -> None:
    readme_codes = re.findall(r"^\| ([EW]\d{3}) \|", _readme_table(), re.M)
    assert sorted(readme_codes) == sorted(CATALOGUE)
    fixture_codes = {_code_of(fixture) for fixture in FIXTURES}
    assert fixture_codes == set(CATALOGUE), "a fixture is named after no code, or a code has no fixture"
    for code, rule in CATALOGUE.items():
        for lang, sections in (("zh", ("示例", "消息::", "改正：")), ("en", ("Example", "Message::", "Fix:"))):
            explained = cli("explain", code, "--lang", lang)
            assert explained.exit_code == 0
            assert explained.stdout.startswith(f"{code} {rule.name} ({rule.severity.value})\n\n")
            for section in sections:
                assert section in explained.stdout, (code, lang, section)
            assert f"{rule.severity.value}[{code}]: " in explained.stdout, f"{code}'s example message has another code"
    listed = cli("explain").stdout.splitlines()
    assert [line.split()[0] for line in listed] == sorted(CATALOGUE, key=lambda code: code[1:])


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _prose(text: str) -> list[str]:
    """An explanation's own words: its lines but the indented example plan text and message."""
    return [line for line in text.splitlines() if line and not line[:1].isspace()]


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_each_code_is_explained_in_chinese_by_default_and_in_english_with_lang_en(cli, code: str) -> None:
    rule = CATALOGUE[code]
    chinese, english = cli("explain", code).stdout, cli("explain", code, "--lang", "en").stdout
    assert chinese == rule.explanation()  # the docstring, Chinese, is the default
    summary = _prose(chinese)[1]
    assert CJK.search(summary), f"{code}'s meaning is not written in Chinese: {summary}"
    assert chinese.split("\n\n")[-1].startswith("改正：")
    assert english.split("\n\n")[-1].startswith("Fix: ")
    # English everywhere but where it quotes the plan's own text (Chinese plan words such as 【示例】 or 寒假
    # stand in a few English sentences as quoted names; they are checked to be few, not absent)
    for line in _prose(english):
        assert len(CJK.findall(line)) <= 0.25 * len(line), (code, line)
    # the example plan text and the quoted message are the same in both
    assert [x for x in chinese.splitlines() if x[:1].isspace()] == [x for x in english.splitlines() if x[:1].isspace()]
    listed = {line.split()[0]: line for line in cli("explain", "--lang", "en").stdout.splitlines()}
    assert listed[code].endswith(" " + rule.summary(_english))


def test_explain_lists_every_code_with_its_meaning_in_the_language_chosen(cli) -> None:
    chinese = cli("explain").stdout.splitlines()
    english = cli("explain", "--lang", "en").stdout.splitlines()
    assert chinese[:2] == [
        "E100  unreadable-file          error    文件读不出来。",
        "E101  yaml-syntax              error    YAML 语法错误。",
    ]
    assert english[:2] == [
        "E100  unreadable-file          error    The file cannot be read.",
        "E101  yaml-syntax              error    YAML syntax error.",
    ]
    assert len(chinese) == len(english) == len(CATALOGUE)


E401_ZH = """\
E401 off-and-worked (error)

某一天既是放假日（在 `holidays` 里）又是上班日（在 `workdays` 里）。

示例（2027.calendar.yaml）::

    year: 2027
    holidays:
      - {name: 春节, start: 2027-02-06, end: 2027-02-14}
    workdays:
      - 2027-02-13

消息::

    2027.calendar.yaml:5:5: error[E401]: 2027-02-13 既是放假日（春节，第 3 行）又是调休上班日；只能是其中一种

改正：核对通知：一天要么放假要么上班；改正假期的起止或调休上班日。
"""

E401_EN = """\
E401 off-and-worked (error)

A day both off (in `holidays`) and worked (in `workdays`).

Example (2027.calendar.yaml)::

    year: 2027
    holidays:
      - {name: 春节, start: 2027-02-06, end: 2027-02-14}
    workdays:
      - 2027-02-13

Message::

    2027.calendar.yaml:5:5: error[E401]: 2027-02-13 既是放假日（春节，第 3 行）又是调休上班日；只能是其中一种

Fix: check the notice: a day is either off or worked; correct the holiday's run or the workday.
"""

E104_ZH = """\
E104 anchor-or-alias (error)

不接受 YAML 锚点和别名（`&x` / `*x`），以防“别名炸弹”。

示例::

    title: &t 工作计划表
    periods:
      - label: 3月份
        tasks: [*t]

消息::

    plan.yaml:1:8: error[E104]: 计划文件不支持 YAML 锚点和别名（&名称 / *名称）；请把内容直接写出来

改正：在用到的地方把文本写全；每月重复的任务用 `recurring:`。
"""

E104_EN = """\
E104 anchor-or-alias (error)

YAML anchors or aliases (`&x` / `*x`) are refused, which stops "alias bombs".

Example::

    title: &t 工作计划表
    periods:
      - label: 3月份
        tasks: [*t]

Message::

    plan.yaml:1:8: error[E104]: 计划文件不支持 YAML 锚点和别名（&名称 / *名称）；请把内容直接写出来

Fix: write the text out where it is used; for a task repeated every month use `recurring:`.
"""


def test_two_explanations_in_full_in_both_languages(cli) -> None:
    assert cli("explain", "E401").stdout == E401_ZH
    assert cli("explain", "--lang", "en", "E401").stdout == E401_EN
    assert cli("explain", "E104").stdout == E104_ZH
    assert cli("explain", "E104", "--lang", "en").stdout == E104_EN


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
                           "aidplan.rules.templates", "aidplan.values"]  # fmt: skip
