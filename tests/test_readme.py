"""README's examples are real. Every fenced block of commands (```console, ```sh, ```bat) is either run here or
preceded by `<!-- not run: reason -->`, and only blocks that install software may say so:

- each ```console block: every `$ aidplan …` runs in a copy of the repository's plans, templates and test data
  and prints exactly what README shows (a line `...` stands for lines left out). `$ export NAME=VALUE` sets the
  environment. A block whose input README describes in words (a template with three typing mistakes, a workbook
  filled in by hand) is preceded by `<!-- test setup: NAME -->`, and SETUPS[NAME] makes that input as described;
- each ```sh block of aidplan commands: every command runs and writes the files its comment names (SH_OUTPUTS);
- the text README shows a command writes (the beginning of a new plan, the example calendar file) is compared
  with what the command writes.

`test_every_example_is_run_or_says_why_not` fails when a new example is added without being run."""

from __future__ import annotations

import re
import shlex
import shutil
import urllib.parse
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)
NOT_RUN = "<!-- not run: "
SETUP = re.compile(r"<!-- test setup: ([\w-]+) -->\n$")


def _blocks(language: str) -> list[tuple[int, str, str]]:
    """(line of the fence, the block's text, the HTML comment on the line above or "") of each block in README."""
    found = []
    for match in FENCE.finditer(README):
        if match.group(1) == language:
            line = README.count("\n", 0, match.start()) + 1
            above = README.splitlines()[line - 2] if line > 1 else ""
            found.append((line, match.group(2), above if above.startswith("<!--") else ""))
    return found


def _commands(block: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def _matches(expected: list[str], actual: list[str]) -> bool:
    if "..." not in (line.strip() for line in expected):
        return actual == expected
    cut = [line.strip() for line in expected].index("...")
    head, tail = expected[:cut], expected[cut + 1 :]
    return (
        len(actual) >= len(head) + len(tail)
        and actual[: len(head)] == head
        and actual[len(actual) - len(tail) :] == tail
    )


def _special_files(folder: str, names: list[str]) -> list[str]:
    """FIFOs and devices among the test data (fixtures of their own tests) are not copied."""
    return [n for n in names if not (Path(folder, n).is_file() or Path(folder, n).is_dir())]


def _aidplan(*words: str) -> None:
    """A step of a setup: an aidplan command that must succeed."""
    from aidplan.cli import app

    result = CliRunner().invoke(app, list(words), catch_exceptions=False)
    assert result.exit_code == 0, result.output


# --- inputs README describes in words ------------------------------------------------------------------------


def _notice_with_three_mistakes(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """NOTICE.docx: templates/notice.docx with the three typing mistakes README names."""
    typos = {
        "关于印发《{{ plan.title }}》的通知": "关于印发《{{ plan.titel }}》的通知",
        "<w:t>附件：{{ plan.title }}</w:t>": "<w:t>附件：{{ plan.title</w:t>",
        "{{p plan_table }}": "{{ plan_table }}",
    }
    with zipfile.ZipFile(tmp / "templates" / "notice.docx") as source, zipfile.ZipFile(tmp / "NOTICE.docx", "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                for right, wrong in typos.items():
                    assert text.count(right) == 1, right
                    text = text.replace(right, wrong)
                data = text.encode("utf-8")
            out.writestr(item, data)


def _progress_before_the_plan_was_edited(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """5.3 recorded as done, then a task inserted after 5.2: the record's task is now 5.4."""
    _aidplan("done", "plans/2020-huaibei.yaml", "5.3", "--on", "2020-05-20")
    plan = tmp / "plans" / "2020-huaibei.yaml"
    text = plan.read_text(encoding="utf-8")
    old = "      - 部署并开展春季学期资助大检查工作；\n"
    assert text.count(old) == 1
    plan.write_text(text.replace(old, "      - 开展资助政策宣传月活动；\n" + old), encoding="utf-8")


def _filled_in_workbook(cells: dict[str, str]) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def fill(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from openpyxl import load_workbook

        _aidplan("status", "plans/2020-huaibei.yaml", "-f", "xlsx", "--today", "2020-05-20")
        book = tmp / "build" / "2020-huaibei.status.xlsx"
        workbook = load_workbook(book)
        sheet = workbook["2020-huaibei"]
        for ref, value in cells.items():
            sheet[ref] = value
        workbook.save(book)

    return fill


# What README says the person typed: row 17 is 4.5, rows 20–22 are 5.2–5.4 (F: 完成情况, G: 日期, H: 填报人, I: 备注);
# the import's output README shows names each row's id, so a plan edit that moves the rows fails there.
FILLED_IN = {
    "F17": "进行中",
    "G17": "2020-05-18",
    "I17": "初稿已交局里审核",
    "F20": "已完成",
    "G20": "2020/5/24",
    "H20": "张三",
    "I20": "已发放",
    "F21": "已完成",
    "F22": "已完成",
    "G22": "5月22日",
}
MISTAKES = {"F21": "差不多", "G22": "5月35日"}


def _a_chat_robot(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DingTalk played by a server on 127.0.0.1 that checks the signature with README's secret: the requests
    for https://oapi.dingtalk.com go to it."""
    from aidplan.publish import notify

    from .test_remind import ChatRobot

    robot = ChatRobot("dingtalk", secret="SEC…")
    robot.thread.start()
    monkeypatch.setattr(notify, "BACKOFF_SECONDS", 0.01)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    local = f"http://127.0.0.1:{robot.server.server_address[1]}"
    real_opener = notify._opener

    def opener(deadline):
        real = real_opener(deadline)

        class ToTheLocalRobot:
            def open(self, request, timeout):
                assert request.full_url.startswith("https://oapi.dingtalk.com/robot/send?access_token="), request
                moved = request.full_url.replace("https://oapi.dingtalk.com", local)
                request.full_url = urllib.parse.quote(moved, safe=":/?&=%+")
                return real.open(request, timeout=timeout)

        return ToTheLocalRobot()

    monkeypatch.setattr(notify, "_opener", opener)
    ROBOTS.append(robot)


ROBOTS: list = []

SETUPS: dict[str, Callable[[Path, pytest.MonkeyPatch], None]] = {
    "notice-with-three-mistakes": _notice_with_three_mistakes,
    "progress-before-the-plan-was-edited": _progress_before_the_plan_was_edited,
    "workbook-with-two-mistakes": _filled_in_workbook(FILLED_IN | MISTAKES),
    "workbook-filled-in": _filled_in_workbook(FILLED_IN),
    "a-chat-robot": _a_chat_robot,
}


# --- the examples ----------------------------------------------------------------------------------------------


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A copy of the repository's plans, templates and test data, as the current folder."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "tests" / "data", ignore=_special_files, symlinks=True)
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "AIDPLAN_WEBHOOK", "AIDPLAN_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    yield tmp_path
    while ROBOTS:
        robot = ROBOTS.pop()
        assert [r["query"]["access_token"] for r in robot.requests] == ["…"]  # one message, signed as README says
        robot.server.shutdown()
        robot.server.server_close()


CONSOLE = _blocks("console")


@pytest.mark.parametrize(("line", "block", "above"), CONSOLE, ids=[f"README.md:{line}" for line, *_ in CONSOLE])
def test_readme_console_example(
    line: int, block: str, above: str, repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aidplan.cli import app

    setup = SETUP.match(above + "\n")
    if setup:
        SETUPS[setup.group(1)](repository, monkeypatch)
    runner = CliRunner()
    for command, expected in _commands(block):
        words = shlex.split(command)
        if words[0] == "export":
            assert not expected, command
            for assignment in words[1:]:
                name, _, value = assignment.partition("=")
                monkeypatch.setenv(name, value)
            continue
        assert words[0] == "aidplan", command
        result = runner.invoke(app, words[1:], catch_exceptions=False)
        actual = result.output.splitlines()
        assert _matches(expected, actual), f"README.md:{line}: $ {command}\n" + "\n".join(actual)


# Each command of README's ```sh blocks that aidplan runs, and the files it writes into an empty build/ (the
# comment beside it in README names them). A command that needs LibreOffice is run where LibreOffice is.
SH_OUTPUTS = {
    "aidplan render plans/": {
        "build/2014-yueyang.docx",
        "build/2014-yueyang.md",
        "build/2020-huaibei.docx",
        "build/2020-huaibei.md",
    },
    "aidplan render plans/2020-huaibei.yaml -f pdf": {"build/2020-huaibei.pdf"},
    "aidplan render plans/ -f html": {"build/2014-yueyang.html", "build/2020-huaibei.html"},
    "aidplan render plans/2014-yueyang.yaml -f docx -o 附件.docx": {"附件.docx"},
    "aidplan render plans/ --layout by-period --orientation landscape -d out/": {
        "out/2014-yueyang.docx",
        "out/2014-yueyang.md",
        "out/2020-huaibei.docx",
        "out/2020-huaibei.md",
    },
    "aidplan render plans/2014-yueyang.yaml --docx-template templates/notice.docx --date 2014-02-10 -f docx,pdf": {
        "build/2014-yueyang.docx",
        "build/2014-yueyang.pdf",
    },
    # 通知模板.docx is the office's own template: here, a copy of the shipped one
    "aidplan render plans/2020-huaibei.yaml --docx-template 通知模板.docx --set org=淮北市学生资助管理中心": {
        "build/2020-huaibei.docx",
        "build/2020-huaibei.md",
    },
    "aidplan export plans/2020-huaibei.yaml --remind 3d": {"build/2020-huaibei.ics"},
    "aidplan export plans/ -f csv -o 全部截止日期.csv": {"全部截止日期.csv"},
}


def _sh_commands() -> list[str]:
    commands = []
    for _, block, above in _blocks("sh"):
        if not above.startswith(NOT_RUN):
            commands += [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]
    return commands


def _written(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.parts[len(folder.parts)] not in ("plans", "templates", "tests", "通知模板.docx")
    }


@pytest.mark.parametrize("command", _sh_commands())
def test_readme_sh_example(command: str, repository: Path) -> None:
    from aidplan.cli import app

    if ("pdf" in command.split(" -f ")[-1]) and not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    shutil.copy(repository / "templates" / "notice.docx", repository / "通知模板.docx")
    words = shlex.split(command)
    result = CliRunner().invoke(app, words[1:], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert _written(repository) == SH_OUTPUTS[command]


def test_the_new_plan_begins_as_readme_shows(repository: Path) -> None:
    after = README.index("The file begins like this")
    shown = FENCE.search(README, after).group(2)
    _aidplan("new", "plans/2027.yaml", "--year", "2027", "--org", "淮北市学生资助管理中心")
    written = (repository / "plans" / "2027.yaml").read_text(encoding="utf-8")
    assert written.startswith(shown), written[: len(shown) + 200]


def test_the_example_calendar_file_is_the_one_in_the_tests() -> None:
    shown = next(block for _, block, _ in _blocks("yaml") if block.startswith("# 示例：说明格式用"))
    assert (ROOT / "tests" / "data" / "calendar-2027" / "2027.calendar.yaml").read_text(encoding="utf-8") == shown


def _like(shown: object, real: object) -> bool:
    """README's JSON against the real one: the same keys; a text with … stands for any text there; a list shows
    some of the real list's items."""
    if isinstance(shown, dict):
        return isinstance(real, dict) and shown.keys() == real.keys() and all(_like(shown[k], real[k]) for k in shown)
    if isinstance(shown, list):
        return isinstance(real, list) and all(any(_like(item, each) for each in real) for item in shown)
    if isinstance(shown, str) and "…" in shown:
        return isinstance(real, str) and re.fullmatch(".*".join(map(re.escape, shown.split("…"))), real) is not None
    return shown == real


def test_the_json_contract_is_what_due_prints(repository: Path) -> None:
    import json

    from aidplan.cli import app

    after = README.index("`aidplan due --format json` prints:")
    shown = json.loads(FENCE.search(README, after).group(2))
    result = CliRunner().invoke(app, ["due", "plans/2020-huaibei.yaml", "--today", shown["today"], "--format", "json"])
    assert _like(shown, json.loads(result.stdout)), result.stdout


# --- every example is run ----------------------------------------------------------------------------------------


def test_every_example_is_run_or_says_why_not() -> None:
    # a `$ ` line outside a console block would be an example no test runs
    inside = set()
    for line, block, _ in _blocks("console"):
        inside |= set(range(line + 1, line + 1 + block.count("\n")))
    stray = [n for n, text in enumerate(README.splitlines(), 1) if text.startswith("$ ") and n not in inside]
    assert not stray, f"README lines {stray} show a command outside a ```console block"
    # console blocks: all run; the setups named are exactly those of SETUPS
    named = [SETUP.match(above + "\n").group(1) for _, _, above in CONSOLE if above.startswith("<!-- test setup")]
    assert sorted(named) == sorted(SETUPS)
    assert not [line for line, _, above in CONSOLE if above and not SETUP.match(above + "\n")]
    # sh and bat blocks: every aidplan command is run, and a block left out installs software
    assert sorted(_sh_commands()) == sorted(SH_OUTPUTS)
    left_out = [
        (line, above) for language in ("sh", "bat") for line, _, above in _blocks(language) if above.startswith(NOT_RUN)
    ]
    assert all("install" in reason or "measures" in reason for _, reason in left_out), left_out


def test_the_pre_commit_snippet_names_the_hooks_this_repository_has() -> None:
    """README's .pre-commit-config.yaml snippet: its hook ids are those of .pre-commit-hooks.yaml, its rev is a
    release tag's form, and the `files:` override it suggests for another folder selects plans only (pre-commit
    matches `files` with re.search on the path from the repository's root)."""
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    snippet = yaml.safe_load(FENCE.search(README, README.index("add this to its `.pre-commit-config.yaml`")).group(2))
    (repo,) = snippet["repos"]
    assert [hook["id"] for hook in repo["hooks"]] == [hook["id"] for hook in hooks]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"])
    other_folder = re.search(r"add `files: (\S+)` under the hook", README).group(1)
    chosen = [
        p
        for p in ("计划/2027.yaml", "计划/2027.progress.yml", "docker-compose.yml", "plans/x.yaml")
        if re.search(other_folder, p)
    ]
    assert chosen == ["计划/2027.yaml", "计划/2027.progress.yml"]
