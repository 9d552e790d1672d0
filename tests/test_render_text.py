"""Markdown output, templates, atomic writes and render errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_PLANS

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_markdown_matches_golden(cli, tmp_path: Path, name: str) -> None:
    result = cli("render", SEED_PLANS[name], "-f", "md", "-d", tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / f"{name}.md").read_text(encoding="utf-8") == (GOLDEN / f"{name}.md").read_text(encoding="utf-8")


TRICKY = """title: 工作计划表 | 测试
year: 2024
layout: by-period
columns: {deadline: 完成时间}
periods:
  - label: 3月份
    deadline: 3月31日
    tasks:
      - "统计 a|b 两项，*重点* 与 _次要_，见 [文件](x) 和 `代码`"
      - "<script>alert(1)</script> & 其他"
      - |-
        第一行
        第二行
"""


def _rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("|")]


def _unescaped_pipes(line: str) -> int:
    return sum(1 for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\"))


def test_markdown_special_characters_cannot_break_the_table(cli, in_tmp: Path) -> None:
    (in_tmp / "tricky.yaml").write_text(TRICKY, encoding="utf-8")
    assert cli("render", "tricky.yaml", "-f", "md").exit_code == 0
    text = (in_tmp / "build" / "tricky.md").read_text(encoding="utf-8")
    rows = _rows(text)
    assert len(rows) == 3  # header, rule, one period
    assert all(_unescaped_pipes(row) == 4 for row in rows)
    assert rows[2] == (
        "| 3月份 | 1、统计 a\\|b 两项，\\*重点\\* 与 \\_次要\\_，见 \\[文件\\](x) 和 \\`代码\\`<br>"
        "2、&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他<br>3、第一行<br>第二行 | 3月31日 |"
    )
    assert text.splitlines()[0] == "# 工作计划表 \\| 测试"


def test_user_templates_override_the_shipped_ones(cli, in_tmp: Path) -> None:
    (in_tmp / "mine").mkdir()
    (in_tmp / "mine" / "plan.md.j2").write_text(
        "{{ layout.title }}：共 {{ layout.rows | length }} 行\n", encoding="utf-8"
    )
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "md", "--templates", "mine", "-o", "out.md")
    assert result.exit_code == 0
    assert (in_tmp / "out.md").read_text(encoding="utf-8") == "淮北市2020年度学生资助工作月计划：共 11 行\n"


def test_template_errors_are_reported_with_file_and_line(cli, in_tmp: Path) -> None:
    (in_tmp / "mine").mkdir()
    (in_tmp / "mine" / "plan.md.j2").write_text("ok\n{{ layout.no_such_thing }}\n", encoding="utf-8")
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "md", "--templates", "mine")
    assert result.exit_code == 2
    assert result.stderr == (
        "aidplan: 模板有错：mine/plan.md.j2:2: 未定义：'aidplan.render.layout.TableLayout object' has no "
        "attribute 'no_such_thing'\n"
    )
    assert not (in_tmp / "build").exists()


def test_missing_template_folder(cli, in_tmp: Path) -> None:
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "md", "--templates", "nowhere")
    assert (result.exit_code, result.stderr) == (2, "aidplan: 模板目录 nowhere 不存在\n")


def test_a_plan_with_errors_writes_nothing_and_keeps_old_output(cli, in_tmp: Path) -> None:
    (in_tmp / "build").mkdir()
    (in_tmp / "build" / "good.md").write_text("earlier output\n", encoding="utf-8")
    (in_tmp / "good.yaml").write_text(
        "title: 计划\nyear: 2024\nperiods:\n  - label: 3月份\n    tasks: [甲]\n", encoding="utf-8"
    )
    (in_tmp / "bad.yaml").write_text(
        "title: 计划\nyear: 2014\nperiods:\n  - label: 2月份\n    deadline: 2月29日\n    tasks: [乙]\n",
        encoding="utf-8",
    )
    result = cli("render", "good.yaml", "bad.yaml", "-f", "md")
    assert result.exit_code == 1
    assert result.stderr == (
        "bad.yaml:5:15: error[E205]: 时段“2月份”的完成时间“2月29日”不存在：2014年不是闰年，2月只有28天\n"
        "aidplan: 1 个计划有错误，没有生成任何文件\n"
    )
    assert sorted(p.name for p in (in_tmp / "build").iterdir()) == ["good.md"]
    assert (in_tmp / "build" / "good.md").read_text(encoding="utf-8") == "earlier output\n"


def test_output_over_a_directory_is_refused(cli, in_tmp: Path) -> None:
    (in_tmp / "out.md").mkdir()
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "md", "-o", "out.md")
    assert (result.exit_code, result.stderr) == (1, "aidplan: 无法写入 out.md：这是一个目录\n")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "build").mkdir()
    (in_tmp / "build" / "2020-huaibei.md").write_text("earlier output\n", encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "md")
    assert result.exit_code == 1
    assert result.stderr == "aidplan: 无法写入 build/2020-huaibei.md：磁盘已满\n"
    assert [p.name for p in (in_tmp / "build").iterdir()] == ["2020-huaibei.md"]
    assert (in_tmp / "build" / "2020-huaibei.md").read_text(encoding="utf-8") == "earlier output\n"


def test_output_under_a_file_is_a_clear_error(cli, in_tmp: Path) -> None:
    (in_tmp / "file").write_text("x", encoding="utf-8")
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "md", "-d", "file/sub")
    assert result.exit_code == 1
    assert result.stderr == "aidplan: 无法创建输出目录 file/sub：路径里有一级不是文件夹\n"


def test_output_option_needs_one_plan_and_one_format(cli, in_tmp: Path) -> None:
    result = cli("render", *SEED_PLANS.values(), "-o", "x.docx")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: -o/--output 只能用于一个计划、一种格式；多个文件请用 --out-dir\n",
    )


def test_unknown_format(cli) -> None:
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "docx,odt")
    assert (result.exit_code, result.stderr) == (2, "aidplan: 不支持的格式“odt”；可选：docx, md, html, pdf\n")


def test_pdf_without_libreoffice_names_the_package(cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(in_tmp))
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "pdf")
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 生成 PDF 需要 LibreOffice，但没有找到 soffice；请安装。"
        "Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk；"
        "Windows：winget install TheDocumentFoundation.LibreOffice（或从 libreoffice.org 下载）；"
        "macOS：brew install --cask libreoffice\n"
    )
    assert not (in_tmp / "build").exists()


def test_the_pre_commit_hook_checks_plans_only() -> None:
    import re

    import yaml

    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    plans = re.compile(hooks["aidplan-check"]["files"])
    assert [bool(plans.search(p)) for p in ("plans/2020-huaibei.yaml", "plans/2027.calendar.yaml")] == [True, True]
    assert [bool(plans.search(p)) for p in ("docker-compose.yml", ".github/workflows/ci.yml")] == [False, False]
    project = hooks["aidplan-check-project"]
    assert (project["pass_filenames"], bool(re.search(project["files"], "aidplan.toml"))) == (False, True)
    assert not re.search(project["files"], "docker-compose.yml")


def test_default_render_writes_docx_and_markdown_into_build(in_tmp: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aidplan", "render", str(ROOT / "plans")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (in_tmp / "build").iterdir()) == [
        "2014-yueyang.docx",
        "2014-yueyang.md",
        "2020-huaibei.docx",
        "2020-huaibei.md",
    ]


def test_two_plans_with_the_same_name_are_refused_before_rendering(cli, in_tmp: Path) -> None:
    for folder in ("a", "b"):
        (in_tmp / folder).mkdir()
        (in_tmp / folder / "plan.yaml").write_text(
            "title: 计划\nyear: 2024\nperiods:\n  - label: 3月份\n    tasks: [甲]\n", encoding="utf-8"
        )
    result = cli("render", "a", "b", "-f", "md")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: 有同名的计划文件（plan），输出会互相覆盖；请分开渲染或改名\n",
    )
    assert not (in_tmp / "build").exists()
