"""Word documents as templates and OA systems make them: numbering that a paragraph style inherits (w:basedOn) or
that a list takes from a numbering style (w:numStyleLink), as Word and WPS templates build their list styles; the
numbers are printed, not typed, and must come back in the plan."""

from __future__ import annotations

from pathlib import Path

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.layout import build_layout, reading_text

from .office_docx import W_NS, C, docx, level, numbering, table


def _import(tmp_path: Path, data: bytes, name: str = "计划.docx"):
    target = tmp_path / "plan.yaml"
    imported = import_file(tmp_path / name, data, target, None, None)
    target.write_text(imported.text, encoding="utf-8")
    loaded = load_plan(target)
    assert loaded.plan is not None, loaded.findings
    return imported, loaded.plan


def _styled(text: str, style: str | None = None, ilvl: int | None = None) -> str:
    """A paragraph of a style (w:pStyle), optionally at a list level of its own (w:numPr with only w:ilvl)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if ilvl is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl}"/></w:numPr>'
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _style(style_id: str, name: str, kind: str = "paragraph", based_on: str | None = None, num: int | None = None):
    props = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    if num is not None:
        props += f'<w:pPr><w:numPr><w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{props}</w:style>'


def _body(style: str) -> str:
    return _styled("某县2026年学生资助工作计划表").replace("<w:pPr>", '<w:pPr><w:jc w:val="center"/>') + table(
        [
            [C([_styled("时间")]), C([_styled("工作内容")])],
            [C([_styled("3月")]), C([_styled("审核春季学期名单", style), _styled("拨付免学费资金", style)])],
            [C([_styled("4月")]), C([_styled("开展政策宣传", style), _styled("做好诚信教育", style)])],
        ],
        2,
    )


def test_numbering_inherited_through_a_styles_based_on_chain_is_printed(tmp_path: Path) -> None:
    """任务列表2 is based on 任务列表, which holds the w:numPr (how a template derives its list styles)."""
    styles = (
        f"<w:styles {W_NS}>"
        + _style("TaskList", "任务列表", num=5)
        + _style("TaskList2", "任务列表2", based_on="TaskList")
        + _style("TaskList3", "任务列表3", based_on="TaskList2")
        + "</w:styles>"
    )
    data = docx(_body("TaskList3"), numbering({3: [level(0, "decimal", "%1.")]}, {5: (3, None)}), styles_xml=styles)
    imported, plan = _import(tmp_path, data)
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作内容"
        " 3月 1.审核春季学期名单 2.拨付免学费资金 4月 3.开展政策宣传 4.做好诚信教育"
    )
    assert "编号样式“1.”，整张表连续编号（numbering_scope: plan）" in imported.guesses


def test_a_list_linked_to_a_numbering_style_takes_its_levels(tmp_path: Path) -> None:
    """Word's list style (定义新的列表样式): the abstract list the paragraphs' w:num points at holds only a
    w:numStyleLink to the numbering style; that style's w:numId names the list with the levels (w:styleLink)."""
    numbering_xml = (
        numbering({10: [level(0, "decimal", "%1、")], 11: []}, {1: (10, None), 2: (11, None)})
        .replace(
            '<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="hybridMultilevel"/>',
            '<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>'
            '<w:styleLink w:val="TaskNumbers"/>',
        )
        .replace(
            '<w:abstractNum w:abstractNumId="11"><w:multiLevelType w:val="hybridMultilevel"/>',
            '<w:abstractNum w:abstractNumId="11"><w:multiLevelType w:val="multilevel"/>'
            '<w:numStyleLink w:val="TaskNumbers"/>',
        )
    )
    styles = (
        f"<w:styles {W_NS}>"
        + _style("TaskNumbers", "任务编号", kind="numbering", num=1)
        + _style("Task", "任务", num=2)
        + "</w:styles>"
    )
    _, plan = _import(tmp_path, docx(_body("Task"), numbering_xml, styles_xml=styles))
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作内容"
        " 3月 1、审核春季学期名单 2、拨付免学费资金 4月 3、开展政策宣传 4、做好诚信教育"
    )


def test_a_style_that_sets_its_list_to_none_ends_the_inherited_numbering(tmp_path: Path) -> None:
    styles = (
        f"<w:styles {W_NS}>"
        + _style("TaskList", "任务列表", num=5)
        + _style("Plain", "正文任务", based_on="TaskList", num=0)
        + "</w:styles>"
    )
    data = docx(_body("Plain"), numbering({3: [level(0, "decimal", "%1.")]}, {5: (3, None)}), styles_xml=styles)
    _, plan = _import(tmp_path, data)
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作内容 3月 审核春季学期名单 拨付免学费资金 4月 开展政策宣传 做好诚信教育"
    )
