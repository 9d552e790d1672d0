"""Messages in Chinese by default and in English on request (--lang en, the config's lang, LANG/LC_ALL/
LC_MESSAGES/LANGUAGE of en_*), through the gettext catalog src/aidplan/messages/en.po. The catalog and the code
agree: every message has its English, no entry is stale, placeholders match, and no message is translated once
at import (so it could never follow the language)."""

from __future__ import annotations

import ast
import os
import re
import runpy
import string
import subprocess
import sys
from pathlib import Path

import pytest

from aidplan.messages import language_from_environment, set_language, tr

from .conftest import DATA, ROOT
from .test_rules import FIXTURES

CATALOG = runpy.run_path(str(ROOT / "scripts" / "catalog.py"))
SRC = ROOT / "src" / "aidplan"
ENGLISH_FINDINGS = DATA / "findings.en.expected"
INVALID_PLAN = DATA / "invalid" / "E203-periods-overlap.yaml"
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》|'[^']*'|\{[^}]*\}")
CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


@pytest.fixture(autouse=True)
def _chinese_afterwards():
    """Tests that call the messages directly leave the process in the default language."""
    yield
    set_language("zh")


# --- the catalog and the code ---------------------------------------------------------------------------------


def test_every_message_in_the_code_has_its_english_and_no_entry_is_stale() -> None:
    used = CATALOG["extract"]()
    known = CATALOG["read_catalog"]()
    untranslated = sorted(f"{msgid!r} ({used[msgid][0]})" for msgid in used if not known.get(msgid))
    stale = sorted(repr(msgid) for msgid in set(known) - set(used))
    assert untranslated == [], "messages without English: run `python scripts/catalog.py`, then fill in en.po"
    assert stale == [], "entries of en.po the code no longer uses: run `python scripts/catalog.py`"
    assert len(used) > 500


def test_the_english_keeps_every_placeholder() -> None:
    def fields(text: str) -> list[str] | None:
        """The placeholders; None for a text shown as it is (help with a literal {{ }} is never formatted)."""
        try:
            return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
        except ValueError:
            return None

    catalog = CATALOG["read_catalog"]()
    mismatched = [msgid for msgid, english in catalog.items() if fields(msgid) != fields(english)]
    assert mismatched == []


def test_each_message_is_marked_with_a_literal_and_translated_where_it_is_shown() -> None:
    """tr(variable) cannot be extracted; tr() at module level, in a class body or a default value runs once, at
    import, before any language is chosen (later() is for those: translated where shown)."""
    assert CATALOG["unmarked_calls"]() == []
    eager = []
    for path in sorted(SRC.rglob("*.py")):

        def visit(node: ast.AST, in_function: bool, path: Path = path) -> None:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                for default in [*node.args.defaults, *node.args.kw_defaults]:
                    if default is not None:
                        visit(default, in_function)
                for decorator in getattr(node, "decorator_list", []):
                    visit(decorator, in_function)
                for child in node.body if isinstance(node.body, list) else [node.body]:
                    visit(child, True)
                return
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and not in_function
            ):
                eager.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            for child in ast.iter_child_nodes(node):
                visit(child, in_function)

        visit(ast.parse(path.read_text(encoding="utf-8")), False)
    assert eager == []


def test_the_catalog_can_fail(tmp_path: Path) -> None:
    """The checks above see a new message without English and an entry no code uses."""
    src = tmp_path / "aidplan"
    src.mkdir()
    (src / "probe.py").write_text('from aidplan.messages import tr\n\ndef f():\n    return tr("新的消息")\n')
    found = CATALOG["extract"](src)
    assert list(found) == ["新的消息"] and found["新的消息"][0].endswith("aidplan/probe.py:4")
    (src / "eager.py").write_text('from aidplan.messages import tr\n\nname = "x"\nMESSAGE = tr(name)\n')
    (unmarked,) = CATALOG["unmarked_calls"](src)
    assert unmarked.endswith("aidplan/eager.py:4")


def test_the_compiled_catalog_is_what_msgfmt_writes(tmp_path: Path) -> None:
    """The .mo the build hook and the cache write is read by gettext (and equals msgfmt's, where it exists)."""
    import gettext
    import shutil

    from aidplan.messages.catalog import compile_po, po_path

    mine = tmp_path / "aidplan.mo"
    compile_po(po_path("en"), mine)
    with mine.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert catalog.gettext("已中断") == "interrupted"
    if shutil.which("msgfmt"):
        reference = tmp_path / "reference.mo"
        subprocess.run(["msgfmt", "-o", str(reference), str(po_path("en"))], check=True)
        with reference.open("rb") as handle:
            assert gettext.GNUTranslations(handle)._catalog == catalog._catalog  # type: ignore[attr-defined]


def test_a_checkout_compiles_the_catalog_once_into_the_cache(tmp_path: Path, monkeypatch) -> None:
    from aidplan.messages import catalog

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert catalog.translations("en").gettext("已中断") == "interrupted"
    (cached,) = (tmp_path / "aidplan").glob("en-*.mo")
    stat = catalog.po_path("en").stat()
    assert cached.name == f"en-{stat.st_size}-{stat.st_mtime_ns}.mo"


# --- choosing the language --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        ({"LANG": ""}, "zh"),
    ],
)
def test_the_environment_chooses_as_gettext_reads_it(environment: dict[str, str], expected: str) -> None:
    assert language_from_environment(environment) == expected


def test_values_put_into_a_message_are_never_translated() -> None:
    set_language("en")
    assert tr("时段“{label}”没有任务", label="已完成") == "period “已完成” has no tasks"


def _run(*args: str, env: dict[str, str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    return subprocess.run(
        [sys.executable, "-m", "aidplan", *args], capture_output=True, text=True, env={**clean, **env}, cwd=cwd
    )


def test_lang_en_in_the_environment_prints_english_findings_with_the_same_codes_and_places() -> None:
    """The issue's must-show: LANG=en_US.UTF-8 aidplan check, and --lang zh overriding it."""
    plan = str(INVALID_PLAN.relative_to(ROOT))
    english = _run("check", plan, env={"LANG": "en_US.UTF-8"})
    assert (english.returncode, english.stdout, english.stderr) == (
        1,
        f"{plan}:6:12: error[E203]: period 2 “四月份” overlaps period 1 “3-4月” (line 4) (2020-04-01 to 2020-04-30)\n",
        "Checked 1 file(s): 1 error(s), 0 warning(s)\n",
    )
    chinese = _run("check", plan, "--lang", "zh", env={"LANG": "en_US.UTF-8"})
    assert (chinese.returncode, chinese.stdout, chinese.stderr) == (
        1,
        f"{plan}:6:12: error[E203]: 第2个时段“四月份”与第1个时段“3-4月”（第4行）重叠（2020-04-01 至 2020-04-30）\n",
        "检查了 1 个文件：1 个错误，0 个警告\n",
    )
    assert _run("check", plan, env={}).stdout == chinese.stdout  # Chinese by default
    assert _run("--lang=en", "check", plan, env={"LC_ALL": "zh_CN.UTF-8"}).stdout == english.stdout


def test_the_config_chooses_over_the_environment_and_lang_over_the_config(cli, in_tmp: Path, monkeypatch) -> None:
    (in_tmp / "aidplan.toml").write_text('lang = "en"\n', encoding="utf-8")
    (in_tmp / "plan.yaml").write_text(INVALID_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert cli("check", "plan.yaml").stderr == "Checked 1 file(s): 1 error(s), 0 warning(s)\n"
    assert cli("check", "plan.yaml", "--lang", "zh").stderr == "检查了 1 个文件：1 个错误，0 个警告\n"
    (in_tmp / "aidplan.toml").write_text('lang = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert cli("check", "plan.yaml").stderr == "检查了 1 个文件：1 个错误，0 个警告\n"


def test_a_wrong_lang_is_a_usage_error(cli) -> None:
    wrong = cli("--lang", "fr", "explain")
    assert (wrong.exit_code, wrong.stdout, wrong.stderr) == (2, "", "aidplan: --lang 只能是 zh 或 en，不能是“fr”\n")
    assert cli("explain", "--lang").stderr == "aidplan: --lang 需要一个值：zh 或 en\n"
    assert cli("explain", "E999", "--lang", "en").stderr == (
        "aidplan: no finding has the code “E999”; aidplan explain lists every code\n"
    )


# --- every finding code in both languages -------------------------------------------------------------------------


def _check(cli, case: Path, lang: str, monkeypatch) -> list[str]:
    """The findings of a fixture, checked from its folder as test_rules does, in `lang`."""
    monkeypatch.chdir(case if case.is_dir() else case.parent)
    result = cli("check", "--quiet", "--lang", lang, "." if case.is_dir() else case.name)
    return result.stdout.splitlines() + [line for line in result.stderr.splitlines() if "]: " in line]


def _english_blocks() -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = {}
    for line in ENGLISH_FINDINGS.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = blocks.setdefault(line[3:], [])
        else:
            current.append(line)
    return blocks


def test_every_fixture_has_its_english() -> None:
    assert sorted(_english_blocks()) == sorted(str(case.relative_to(DATA)) for case in FIXTURES)


@pytest.mark.parametrize("case", FIXTURES, ids=[p.name for p in FIXTURES])
def test_each_finding_in_english_has_the_same_code_and_place(cli, case: Path, monkeypatch) -> None:
    chinese = _check(cli, case, "zh", monkeypatch)
    english = _check(cli, case, "en", monkeypatch)
    assert english == _english_blocks()[str(case.relative_to(DATA))]
    assert [line.split("]: ")[0] for line in english] == [line.split("]: ")[0] for line in chinese]
    for line in english:  # only the plan's own text (quoted) stays Chinese
        assert not CJK.search(QUOTED.sub("", line.split("]: ", 1)[1])), line


# --- report headings and help -------------------------------------------------------------------------------------


def test_due_and_status_headings_in_english(cli, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    due = cli("due", "plans/2020-huaibei.yaml", "--today", "2020-05-20", "--lang", "en")
    assert due.stdout.splitlines()[:5] == [
        "Today: 2020-05-20 (what falls due within 14 days is listed too)",
        "",
        "淮北市2020年度学生资助工作月计划 (plans/2020-huaibei.yaml)",
        " Overdue (16)",
        "  1.1@1-20  2020-01-20  overdue by 121 days  元月至二月份  "
        "每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；",
    ]
    status = cli("status", "plans/2020-huaibei.yaml", "--today", "2020-05-20", "--lang", "en")
    assert status.stdout.splitlines()[:5] == [
        "As of 2020-05-20",
        "",
        "淮北市2020年度学生资助工作月计划 (plans/2020-huaibei.yaml): done 0/60 (0%), overdue 16",
        " By period",
        "  元月至二月份  0/6 (0%), overdue 6",
    ]
    markdown = cli("due", "plans/2020-huaibei.yaml", "--today", "2020-05-20", "-f", "md", "--lang", "en").stdout
    assert "| Id | Period | Task | Owner | Deadline | Status |" in markdown


def test_calendar_and_explain_in_english(cli, monkeypatch) -> None:
    monkeypatch.chdir(DATA / "calendar-2027")
    calendar = cli("calendar", "2027", ".", "--lang", "en").stdout.splitlines()
    assert calendar[:4] == [
        "Days off and make-up workdays of 2027 (from 2027.calendar.yaml)",
        "",
        "Days off (29 days)",
        "  2027-01-01  Friday     元旦    2027.calendar.yaml:5:23",
    ]
    assert "Make-up workdays (" in "\n".join(calendar)
    chinese = cli("calendar", "2027", ".").stdout.splitlines()
    assert chinese[3] == "  2027-01-01  星期五  元旦    2027.calendar.yaml:5:23"


def test_help_in_both_languages(cli) -> None:
    chinese = cli("--help").stdout
    assert "编制、检查和跟踪以 YAML 文件保存的学生资助年度工作计划。" in chinese
    assert "check       检查计划文件" in chinese
    english = cli("--help", "--lang", "en").stdout
    assert "Compile, check and track annual work plans (学生资助工作计划) kept as YAML files." in english
    assert "check       Validate plan files" in english
    due = cli("due", "--help", "--lang", "en").stdout
    assert "text: grouped, coloured on a terminal; md: Markdown; json: one object." in " ".join(due.split())
    assert "text：分组列出，在终端上着色；md：Markdown；json：一个JSON对象。" in "".join(
        cli("due", "--help").stdout.split()
    )


# --- messages added without tr(), help added without later() ------------------------------------------------------

# calls whose text argument reaches the user: errors, findings, printed lines
MESSAGE_CALLS = {
    "AidplanError",
    "UsageError",
    "FindingsError",
    "RenderError",
    "OutputError",
    "WorkbookError",
    "NotifyError",
    "TimeError",
    "DeadlineError",
    "PeriodLabelError",
    "ValueError",
    "at",
    "add",
    "problem",
    "echo",
    "secho",
    "_secho",
    "_fail",
    "Line",
}
# documents and chat messages stay Chinese whatever the language: their writers are not checked
DOCUMENT_MODULES = {"publish/export.py", "publish/reminders.py", "render/docx.py", "render/xlsx.py", "ingest/new.py"}


def untranslated_messages(src: Path = SRC) -> list[str]:
    """Chinese literals passed straight to a message call: they would stay Chinese under --lang en."""
    found = []
    for path in sorted(src.rglob("*.py")):
        relative = path.relative_to(src).as_posix()
        if relative.startswith(("rules/", "messages/")) or relative in DOCUMENT_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            if name not in MESSAGE_CALLS:
                continue
            for argument in [*call.args, *(k.value for k in call.keywords)]:
                for node in (
                    argument,
                    *(getattr(argument, side, None) for side in ("left", "right", "body", "orelse")),
                ):
                    if isinstance(node, ast.JoinedStr | ast.Constant) and CJK.search(ast.unparse(node)):
                        found.append(f"{relative}:{node.lineno}")
    return found


def test_every_message_goes_through_tr() -> None:
    assert untranslated_messages() == [], 'write these messages as tr("…") (aidplan.messages) and translate them'


def test_the_untranslated_message_check_can_fail(tmp_path: Path) -> None:
    (tmp_path / "probe.py").write_text(
        'def f(x):\n    raise UsageError(f"没有 {x}")\n\ndef g():\n    raise UsageError(tr("没有"))\n', encoding="utf-8"
    )
    assert untranslated_messages(tmp_path) == ["probe.py:2"]


def test_every_help_text_is_written_to_be_translated() -> None:
    """Every help text of every command and option is a later() text (Chinese, with its English in en.po)."""
    import typer

    from aidplan.cli import app
    from aidplan.messages import _LATER

    def texts(command, path: str):
        yield path, command.help
        for param in command.params:
            if getattr(param, "help", None) and param.name not in ("help",):
                yield f"{path} {param.name}", param.help
        for name, sub in getattr(command, "commands", {}).items():
            yield from texts(sub, f"{path} {name}")

    group = typer.main.get_command(app)
    plain = [where for where, text in texts(group, "aidplan") if text and str(text) not in _LATER]
    assert plain == []
