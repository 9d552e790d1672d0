"""Nothing is lost: a write killed halfway leaves the earlier file intact; hostile text is refused plainly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEED_PLANS

# Runs the real command in a child whose fsync announces itself and then stalls, so the parent can kill
# it with SIGKILL while the new file's bytes are written but not yet renamed into place.
STALL_AT_FSYNC = """
import os, sys, time
def stall(fd):
    print("writing", flush=True)
    time.sleep(60)
os.fsync = stall
from aidplan.cli import app
app(sys.argv[1:], prog_name="aidplan")
"""


def kill_while_writing(args: list[str], cwd: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", STALL_AT_FSYNC, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline() == "writing\n"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def test_a_render_killed_mid_write_leaves_the_old_document(in_tmp: Path) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    (in_tmp / "build").mkdir()
    (in_tmp / "build" / "h.docx").write_bytes(b"the approved version")
    kill_while_writing(["render", "h.yaml", "-f", "docx"], in_tmp)
    assert (in_tmp / "build" / "h.docx").read_bytes() == b"the approved version"


def test_a_progress_write_killed_mid_write_loses_nothing_and_frees_the_lock(in_tmp: Path, cli) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    assert cli("done", "h.yaml", "1.2", "--on", "2020-02-27").exit_code == 0
    before = (in_tmp / "h.progress.yaml").read_bytes()
    kill_while_writing(["done", "h.yaml", "1.3", "--on", "2020-02-28"], in_tmp)
    assert (in_tmp / "h.progress.yaml").read_bytes() == before
    result = cli("done", "h.yaml", "1.3", "--on", "2020-02-28")  # the dead process's lock is gone
    assert result.exit_code == 0
    text = (in_tmp / "h.progress.yaml").read_text(encoding="utf-8")
    assert text.count("- task:") == 2


def test_control_characters_from_yaml_escapes_are_refused_before_rendering(cli, in_tmp: Path) -> None:
    (in_tmp / "esc.yaml").write_text(
        'title: 计划\nyear: 2020\nperiods:\n  - label: 3月份\n    tasks: ["做好\\x07工作"]\n', encoding="utf-8"
    )
    result = cli("render", "esc.yaml", "-f", "docx")
    assert result.exit_code == 1
    assert result.stderr == (
        "esc.yaml:5:13: error[E109]: 含有不允许的控制字符 U+0007（来自转义写法）；Word 文档无法保存这种字符，请删除它\n"
        "aidplan: 1 个计划有错误，没有生成任何文件\n"
    )
    assert not (in_tmp / "build").exists()


@pytest.mark.parametrize("option", ["--note", "--by"])
def test_control_characters_in_progress_options_are_refused(cli, in_tmp: Path, option: str) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    result = cli("done", "h.yaml", "1.2", option, "已\x1b完成")
    assert (result.exit_code, result.stderr) == (2, f"aidplan: {option} 含有不允许的控制字符 U+001B；请删除它\n")
    assert not (in_tmp / "h.progress.yaml").exists()


def test_html_and_markdown_lookalikes_stay_text_in_docx(cli, in_tmp: Path) -> None:
    from .docx_reading import reading_order

    (in_tmp / "t.yaml").write_text(
        'title: "<b>计划</b> **加粗**"\nyear: 2020\nperiods:\n  - label: 3月份\n    tasks: ["<script>alert(1)</script> '
        '& [链接](x) | 表格"]\n',
        encoding="utf-8",
    )
    assert cli("render", "t.yaml", "-f", "docx", "-o", "t.docx").exit_code == 0
    pieces = reading_order((in_tmp / "t.docx").read_bytes())
    assert "<b>计划</b> **加粗**" in pieces
    assert "1、<script>alert(1)</script> & [链接](x) | 表格" in pieces


def test_a_plan_path_that_is_a_directory(cli, in_tmp: Path) -> None:
    (in_tmp / "folder.yaml").mkdir()
    result = cli("done", "folder.yaml", "1.1")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: folder.yaml 不是计划文件；请给出计划（如 plans/2020-huaibei.yaml）\n",
    )
