"""Markdown as other tools export it — Typora, 飞书, Notion, 语雀, pandoc: inline markup in a pipe table's cells
(**bold**, __bold__, *italic*, ~~struck~~, `code`, [links](url), images, <span> and other HTML tags) is read as
the text a reader sees printed, and a dropped link address is named in the guesses; aidplan's own Markdown, which
escapes those characters in the plan's text, reads back unchanged."""

from __future__ import annotations

from pathlib import Path

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.layout import build_layout, reading_text
from aidplan.render.markdown import render_markdown

EXPORTED = "\n".join(
    [
        "# **某县2026年**学生资助工作计划表",
        "",
        "| **时间** | 工作内容 | 完成时限 |",
        "| :---: | --- | --- |",
        '| 3月 | 1. **审核**春季学期[国家助学金](http://example.com/a "名单")名单'
        "<br>2. 拨付春季学期免学费补助资金（含 \\| 竖线） | *3月20日前* |",
        "| 4月 | 1. 开展资助政策宣传月活动 `宣传周`<br>2. __组织__ ~~全体~~资助干部培训"
        '<span style="color:red">（重点）</span> | <font color=red>4月30日前</font> |',
        "| 5月 | 1. 报送 ![图标](icon.png)[生源地贷款](https://example.com/loan)材料"
        "<br>2. 更新 snake_case 字段 3\\*5 份 &lt;名单&gt; | 5月31日前 |",
        "",
    ]
)


def _import(tmp_path: Path, text: str):
    target = tmp_path / "plan.yaml"
    imported = import_file(tmp_path / "计划.md", text.encode("utf-8"), target, None, None)
    target.write_text(imported.text, encoding="utf-8")
    loaded = load_plan(target)
    assert loaded.plan is not None, loaded.findings
    return imported, loaded.plan


def test_inline_markup_in_an_exported_table_is_read_as_its_printed_text(tmp_path: Path) -> None:
    imported, plan = _import(tmp_path, EXPORTED)
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作内容 完成时限"
        " 3月 1.审核春季学期国家助学金名单 2.拨付春季学期免学费补助资金（含 | 竖线） 3月20日前"
        " 4月 1.开展资助政策宣传月活动 宣传周 2.组织 全体资助干部培训（重点） 4月30日前"
        " 5月 1.报送 图标生源地贷款材料 2.更新 snake_case 字段 3*5 份 <名单> 5月31日前"
    )
    assert imported.guesses[0] == (
        "3 个链接只读入了显示的文字，网址不在计划里：http://example.com/a、icon.png、https://example.com/loan"
    )
    assert "**" not in imported.text and "](" not in imported.text and "<span" not in imported.text


def test_text_that_looks_like_markup_in_a_plan_reads_back_from_its_own_markdown(tmp_path: Path) -> None:
    """Every character that marks up Markdown, typed into a plan's text, is escaped when aidplan writes Markdown
    and comes back as typed."""
    source = tmp_path / "source.yaml"
    source.write_text(
        "title: 某县2026年学生资助**工作**计划表\nyear: 2026\nperiods:\n  - label: 3月\n    tasks:\n"
        "      - '**审核**名单 [国家助学金](http://example.com) `代码` ~~删~~ <span>红</span> __b__ *i* &amp;'\n"
        "      - 3*5 份 snake_case 字段 \\ 反斜杠\n",
        encoding="utf-8",
    )
    original = load_plan(source).plan
    assert original is not None
    markdown = render_markdown(build_layout(original), original)
    assert "\\*\\*审核\\*\\*" in markdown and "&lt;span&gt;" in markdown
    imported, plan = _import(tmp_path, markdown)
    assert reading_text(build_layout(plan)) == reading_text(build_layout(original))
    assert [task.text for task in plan.periods[0].tasks] == [task.text for task in original.periods[0].tasks]
    assert not any("链接" in guess for guess in imported.guesses)


def test_an_underscore_inside_a_word_is_text_as_commonmark_prints_it(tmp_path: Path) -> None:
    """CommonMark (and Typora, 飞书) print an _ between two letters or digits as it is: 报送资助_2026_汇总表,
    资__重点__表; a * there does mark emphasis, and **重点** inside Chinese text is bold."""
    text = (
        "# 某县2026年学生资助工作计划表\n\n| 时间 | 工作内容 |\n| --- | --- |\n"
        "| 3月 | 报送资助_2026_汇总表<br>填写标注__重点__的栏目<br>做好**重点**工作（**必填**） |\n"
    )
    _, plan = _import(tmp_path, text)
    assert [task.text for task in plan.periods[0].tasks] == [
        "报送资助_2026_汇总表",
        "填写标注__重点__的栏目",
        "做好重点工作（必填）",
    ]


def test_a_table_written_without_the_outer_pipes_reads_as_the_same_table(tmp_path: Path) -> None:
    """GFM lets a table leave out the pipes at the ends of its rows, as several editors write it."""
    rows = [
        "时间 | 工作内容 | 完成时限",
        ":---: | --- | :---:",
        "3月 | **审核**春季学期国家助学金名单 | 3月20日前",
        "4月 | 开展资助政策宣传月活动（含 \\| 竖线） | 4月30日前",
    ]
    title = "# 某县2026年学生资助工作计划表\n\n"
    bare, _ = _import(tmp_path, title + "\n".join(rows) + "\n")
    piped, plan = _import(tmp_path, title + "\n".join(f"| {row} |" for row in rows) + "\n")
    assert bare.text == piped.text
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作内容 完成时限 3月 审核春季学期国家助学金名单 3月20日前"
        " 4月 开展资助政策宣传月活动（含 | 竖线） 4月30日前"
    )
