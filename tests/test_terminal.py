"""Terminal output: tables and colour on a terminal; plain text without escape codes in pipes, NO_COLOR,
TERM=dumb and --color never; escape codes in a pipe only with --color always. Run as a real process, under a
pseudo-terminal where a terminal is needed."""

from __future__ import annotations

import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from aidplan.render.reports import display_width

from .conftest import ROOT

ESC = b"\x1b["
DUE = ["due", "plans/2020-huaibei.yaml", "--today", "2020-05-20", "--within", "5"]


def _env(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    env.update(changes)
    return env


def in_terminal(args: list[str], columns: int = 100, **env: str) -> str:
    """Run aidplan with a pseudo-terminal as its standard output and error; what the terminal received."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "aidplan", *args], stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=_env(**env)
    )
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the process has closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    assert process.wait(timeout=60) == 0
    return received.decode("utf-8")


def in_pipe(args: list[str], **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "aidplan", *args], capture_output=True, cwd=ROOT, env=_env(**env), timeout=60
    )


def test_a_terminal_gets_a_coloured_table_fitted_to_its_width() -> None:
    shown = in_terminal(DUE, columns=80)
    assert ESC.decode() in shown
    lines = [line for line in shown.replace("\x1b", "").splitlines() if line.strip()]
    plain = in_terminal(DUE, columns=80, NO_COLOR="1").splitlines()
    assert any("编号" in line and "截止" in line and "任务" in line for line in plain)  # a table's header row
    # the long monthly duty wraps inside its column instead of running past the terminal's edge
    assert max(display_width(line) for line in plain) == 80
    assert "                                                     管理及建档立卡信息系统数   " in plain
    assert "                                                     据，28日前上报当月月点评季 " in plain  # ，28 kept
    assert len(lines) > 5


def test_no_color_under_a_terminal_gives_no_escape_codes() -> None:
    shown = in_terminal(DUE, NO_COLOR="1")
    assert "\x1b" not in shown
    assert "已逾期20天" in shown


@pytest.mark.parametrize("setting", [{"TERM": "dumb"}, {}], ids=["TERM=dumb", "--color never"])
def test_dumb_terminals_and_color_never_give_no_escape_codes(setting: dict[str, str]) -> None:
    args = DUE if setting else [*DUE, "--color", "never"]
    shown = in_terminal(args, **setting)
    assert "\x1b" not in shown


def test_status_and_check_obey_no_color_too() -> None:
    assert "\x1b" not in in_terminal(["status", "plans/2020-huaibei.yaml", "--today", "2020-05-20"], NO_COLOR="1")
    assert "\x1b" not in in_terminal(["check", "plans/2020-huaibei.yaml"], NO_COLOR="1")
    assert ESC.decode() in in_terminal(["check", "plans/2020-huaibei.yaml"])


def test_a_pipe_gets_plain_lines_and_color_always_gives_escape_codes() -> None:
    plain = in_pipe(DUE)
    assert ESC not in plain.stdout
    assert "  4.5       2020-04-30  已逾期20天    四月份        制定学生资助实施办法。" in plain.stdout.decode()
    coloured = in_pipe([*DUE, "--color", "always"])
    line = next(line for line in coloured.stdout.decode().splitlines() if "4.5       2020-04-30" in line)
    assert line.startswith("\x1b[31m")  # red, and otherwise the same plain line
    assert line.endswith("  4.5       2020-04-30  已逾期20天    四月份        制定学生资助实施办法。\x1b[0m")
    check = in_pipe(["check", "plans/2020-huaibei.yaml", "--color", "always"])
    assert check.stdout.startswith(b"\x1b[33m")  # yellow warnings
    assert b"plans/2020-huaibei.yaml:21:15: warning[W220]" in check.stdout


def test_color_always_beats_no_color(tmp_path: Path) -> None:
    assert ESC in in_pipe([*DUE, "--color", "always"], NO_COLOR="1").stdout


def test_a_long_render_shows_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["render", "plans/", "-f", "docx", "-d", str(out)]
    shown = in_terminal(args, NO_COLOR="1")
    assert "生成文档" in shown  # the bar, drawn on standard error
    assert f"{out}/2014-yueyang.docx" in shown
    piped = in_pipe(args)
    assert piped.stderr.decode() == "注意：计划有 3 个警告，运行 aidplan check 查看\n"  # no bar when nobody watches
    assert piped.stdout.decode().splitlines() == [f"{out}/2014-yueyang.docx", f"{out}/2020-huaibei.docx"]


def _on_a_terminal(renderables: list, width: int = 80) -> list[str]:
    """What a terminal `width` columns wide shows, without colour, line by line (trailing spaces dropped)."""
    from rich.console import Console

    console = Console(width=width, color_system=None, highlight=False, emoji=False, record=True, file=io.StringIO())
    for renderable in renderables:
        console.print(renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


COUNTY = ROOT / "tests" / "data" / "terminal" / "2027-county.yaml"


def test_due_sections_line_up_and_no_line_starts_with_a_closing_bracket(monkeypatch: pytest.MonkeyPatch) -> None:
    """In 80 columns: the three sections share their columns, and （进行中） moves whole to the next line
    instead of leaving ） alone at the start of one (Chinese line breaking)."""
    import datetime as dt

    from aidplan.commands.track import due_report
    from aidplan.render.terminal import due_tables

    monkeypatch.chdir(ROOT)
    report, _ = due_report([COUNTY.relative_to(ROOT)], dt.date(2027, 6, 25), 14, None)
    assert _on_a_terminal(due_tables(report)) == [
        "今天：2027-06-25（14 天内到期的也列出）",
        "",
        "某某县教育局2027年学生资助工作计划（tests/data/terminal/2027-county.yaml）",
        "已逾期（1）",
        "编号         截止         剩余         时段    任务                     责任单位",
        "────────────────────────────────────────────────────────────────────────────────",
        "4.1          2027-04-30   已逾期56天   4月     迎接省级资助绩效评价     资助中心",
        "                                               （进行中）",
        "即将到期（2）",
        "编号         截止         剩余         时段    任务                     责任单位",
        "────────────────────────────────────────────────────────────────────────────────",
        "5.1          2027-06-30   还有5天      5-6月   办理生源地信用助学贷款   资助中心",
        "                                               续贷",
        "5.2          2027-06-30   还有5天      5-6月   开展诚信教育活动         资助中心",
        "本期任务：5-6月、全年（1）",
        "编号         截止         剩余         时段    任务                     责任单位",
        "────────────────────────────────────────────────────────────────────────────────",
        "1-2.1@7-20   2027-07-20   还有25天     全年    每月20日前更新全国学生   资助中心",
        "                                               资助管理信息系统数据",
    ]


def test_in_a_narrow_terminal_the_owner_and_period_columns_wrap_first(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from aidplan.commands.track import due_report
    from aidplan.render.terminal import due_tables

    monkeypatch.chdir(ROOT)
    report, _ = due_report([COUNTY.relative_to(ROOT)], dt.date(2027, 6, 25), 14, None)
    shown = _on_a_terminal(due_tables(report), width=64)
    assert shown[5:12] == [
        "                                                            责任",
        "编号         截止         剩余         时段    任务         单位",
        "────────────────────────────────────────────────────────────────",
        "4.1          2027-04-30   已逾期56天   4月     迎接省级资   资助",
        "                                               助绩效评价   中心",
        "                                               （进行中）",
        "即将到期（2）",
    ]
    assert max(display_width(line) for line in shown) == 64


def test_status_tables_of_a_plan_line_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """By period and by owner: one set of column widths, the plan's heading wrapped after a slash of its path."""
    import datetime as dt

    from aidplan.commands.track import status_reports
    from aidplan.render.terminal import status_tables

    monkeypatch.chdir(ROOT)
    results, _ = status_reports([COUNTY.relative_to(ROOT)], dt.date(2027, 6, 25))
    assert _on_a_terminal(status_tables([s for s, _ in results], dt.date(2027, 6, 25)), width=60) == [
        "截至 2027-06-25",
        "",
        "某某县教育局2027年学生资助工作计划（tests/data/terminal/",
        "2027-county.yaml）：完成 10/22（45%），逾期 1",
        "按时段",
        "时段       完成   总数   完成率   逾期   取消",
        "─────────────────────────────────────────────",
        "1月           2      2     100%      0      0",
        "2-3月         2      2     100%      0      0",
        "4月           0      1       0%      1      0",
        "5-6月         0      2       0%      0      0",
        "9月           0      2       0%      0      0",
        "10-12月       0      1       0%      0      0",
        "全年          6     12      50%      0      0",
        "按责任单位",
        "责任单位   完成   总数   完成率   逾期   取消",
        "─────────────────────────────────────────────",
        "资助中心      8     17      47%      1      0",
        "计财股        1      2      50%      0      0",
        "各学校        1      3      33%      0      0",
    ]


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("迎接省级资助绩效评价（进行中）", 20, ["迎接省级资助绩效评价", "（进行中）"]),
        ("迎接省级资助绩效评价（进行中）", 28, ["迎接省级资助绩效评价（进行", "中）"]),
        ("召开会议，部署工作。", 9, ["召开会", "议，部署", "工作。"]),  # ， and 。 never start a line
        ("确保5月25日前完成资金发放", 14, ["确保5月25日前", "完成资金发放"]),  # 25 stays whole
        ("学习《资助政策》", 6, ["学习", "《资助", "政策》"]),  # 《 never ends a line
        ("see https://example.org/a-long-path", 12, ["see https://", "example.org/", "a-long-path"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  # a piece wider than the line is cut where the line is full
    ],
)
def test_terminal_text_breaks_as_chinese_does(text: str, width: int, lines: list[str]) -> None:
    from rich.console import Console

    from aidplan.render.terminal import WrappedText, line_offsets

    wrapped = WrappedText(text).wrap(Console(width=80), width)
    assert [line.plain for line in wrapped] == lines
    assert len(line_offsets(text, width)) == len(lines) - 1


def test_a_cell_of_names_breaks_after_a_name_not_inside_one() -> None:
    from rich.console import Console

    from aidplan.render.terminal import WrappedText

    def lines(text: str, width: int, names: bool) -> list[str]:
        return [line.plain for line in WrappedText(text, names=names).wrap(Console(width=80), width)]

    assert lines("资助中心、计财股", 12, names=True) == ["资助中心、", "计财股"]
    assert lines("资助中心、计财股", 12, names=False) == ["资助中心、计", "财股"]  # task text fills its lines
    assert lines("学生资助管理中心", 12, names=True) == ["学生资助管理", "中心"]  # one long name: where it is full


@pytest.mark.parametrize("width", [30, 50])
def test_in_a_terminal_too_narrow_for_columns_each_item_is_a_block_and_nothing_is_cut(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    """Below the width the columns need, every item is its number, deadline and days left, then its period,
    task and owner indented under it: all the text is there, wrapped as Chinese is, no line wider than the
    terminal."""
    import datetime as dt

    from aidplan.commands.track import due_report
    from aidplan.render.terminal import due_tables

    monkeypatch.chdir(ROOT)
    report, _ = due_report([Path("plans/2020-huaibei.yaml")], dt.date(2020, 5, 20), 5, None)
    shown = _on_a_terminal(due_tables(report), width=width)
    assert max(display_width(line) for line in shown) <= width
    joined = "".join(line.strip() for line in shown)
    for entry in report.plans[0].entries:
        assert entry.item.text in joined
    start = shown.index("已逾期（1）") if "已逾期（1）" in shown else None
    assert start is None or not shown[start + 1].startswith(" ")  # the item's first line: its number, unindented
    task = next(line for line in shown if line.startswith("    每月20日前"))
    assert task.startswith("    每月20日前更新")
