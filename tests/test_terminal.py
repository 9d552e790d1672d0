"""Terminal output: tables and colour on a terminal; plain text without escape codes in pipes, NO_COLOR,
TERM=dumb and --color never; escape codes in a pipe only with --color always. Run as a real process, under a
pseudo-terminal where a terminal is needed."""

from __future__ import annotations

import fcntl
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
    assert "                                                     管理及建档立卡信息系统数据 " in plain
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
