"""The document around the table: a title on several lines or none, a preamble with section headings, closing
paragraphs and the 落款 — printed in DOCX, Markdown and HTML in the official faces and places, nothing dropped."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from aidplan.plan.loading import load_plan
from aidplan.plan.model import heading_level, normalise_text
from aidplan.render.layout import build_layout, reading_text
from aidplan.render.pages import Measure
from aidplan.render.style import OFFICIAL

from .conftest import DATA
from .docx_reading import NS, W, part, reading_order

PLAN = DATA / "parts" / "preamble-signature.yaml"

PRINTED = [
    "附件",
    "",
    "城关镇中心学校",
    "2021年春季学期学生资助工作计划",
    "",
    "为切实做好本学期学生资助工作，确保资助政策落实到位，结合我校实际，制定本计划。",
    "一、指导思想",
    "以立德树人为根本任务，精准资助、育人为本。",
    "（一）工作目标",
    "做到应助尽助，资助资金按时足额发放到位。",
    "二、工作安排",
    "",  # the spacer line above the table
    "时间",
    "工作内容",
    "3月份",
    "1、调整学生资助工作领导小组",
    "2、开展春季学期家庭经济困难学生认定",
    "4月份",
    "1、发放春季学期国家助学金",
    "2、开展资助政策宣传月活动",
    "注：政策如有变动，以上级最新文件为准。",
    "三、工作要求",
    "各班主任要高度重视，认真做好资助政策宣传和学生认定工作。",
    "",  # one blank line above the 落款
    "城关镇中心学校",
    "2021年2月26日",
]


@pytest.fixture(scope="module")
def docx(tmp_path_factory) -> bytes:
    from typer.testing import CliRunner

    from aidplan.cli import app

    out = tmp_path_factory.mktemp("parts")
    result = CliRunner().invoke(app, ["render", str(PLAN), "-f", "docx,md,html", "-d", str(out)])
    assert result.exit_code == 0, result.output
    return (out / "preamble-signature.docx").read_bytes()


def _paragraph(data: bytes, text: str):
    body = part(data, "word/document.xml").find("w:body", NS)
    (found,) = [p for p in body.findall("w:p", NS) if "".join(p.xpath(".//w:t/text()", namespaces=NS)) == text]
    return found


def _attr(element, name: str) -> str | None:
    return None if element is None else element.get(f"{{{W}}}{name}")


def _face_and_size(paragraph) -> tuple[str | None, str | None]:
    run = paragraph.find("w:r", NS)
    return _attr(run.find("w:rPr/w:rFonts", NS), "eastAsia"), _attr(run.find("w:rPr/w:sz", NS), "val")


def test_docx_prints_every_part_in_reading_order(docx: bytes) -> None:
    assert reading_order(docx) == PRINTED


def test_the_layout_reading_text_covers_every_part() -> None:
    plan = load_plan(PLAN).plan
    assert plan is not None
    assert reading_text(build_layout(plan)) == normalise_text("".join(PRINTED))


@pytest.mark.parametrize(
    ("text", "face"),
    [
        ("一、指导思想", "黑体"),
        ("（一）工作目标", "楷体_GB2312"),
        ("三、工作要求", "黑体"),
        ("为切实做好本学期学生资助工作，确保资助政策落实到位，结合我校实际，制定本计划。", "仿宋_GB2312"),
        ("城关镇中心学校", "仿宋_GB2312"),
        ("2021年2月26日", "仿宋_GB2312"),
    ],
)
def test_body_and_headings_are_sanhao_in_the_face_of_their_level(docx: bytes, text: str, face: str) -> None:
    paragraphs = [_paragraph(docx, text)] if text != "城关镇中心学校" else []
    if not paragraphs:  # the name is both a title line and the 落款: take the right-aligned one
        body = part(docx, "word/document.xml").find("w:body", NS)
        paragraphs = [
            p
            for p in body.findall("w:p", NS)
            if "".join(p.xpath(".//w:t/text()", namespaces=NS)) == text
            and _attr(p.find("w:pPr/w:jc", NS), "val") == "right"
        ]
    (paragraph,) = paragraphs
    assert _face_and_size(paragraph) == (face, "32")  # 三号 16 pt
    spacing = paragraph.find("w:pPr/w:spacing", NS)
    assert (_attr(spacing, "line"), _attr(spacing, "lineRule")) == ("579", "exact")  # the body's 28.95 pt pitch


def test_body_paragraphs_and_headings_are_indented_two_characters(docx: bytes) -> None:
    for text in ("以立德树人为根本任务，精准资助、育人为本。", "一、指导思想", "（一）工作目标"):
        assert _attr(_paragraph(docx, text).find("w:pPr/w:ind", NS), "firstLine") == "640"  # 2 × 16 pt
    assert _attr(_paragraph(docx, "以立德树人为根本任务，精准资助、育人为本。").find("w:pPr/w:jc", NS), "val") == "both"


def test_title_lines_are_each_a_centred_erhao_paragraph(docx: bytes) -> None:
    for text in ("2021年春季学期学生资助工作计划",):
        paragraph = _paragraph(docx, text)
        assert _face_and_size(paragraph) == ("方正小标宋简体", "44")
        assert _attr(paragraph.find("w:pPr/w:jc", NS), "val") == "center"
    body = part(docx, "word/document.xml").find("w:body", NS)
    first = [p for p in body.findall("w:p", NS) if "".join(p.xpath(".//w:t/text()", namespaces=NS)) == "城关镇中心学校"]
    assert [_attr(p.find("w:pPr/w:jc", NS), "val") for p in first] == ["center", "right"]


def test_signature_is_placed_as_gbt_9704_places_an_unsealed_one(docx: bytes) -> None:
    body = part(docx, "word/document.xml").find("w:body", NS)
    name = [p for p in body.findall("w:p", NS) if "".join(p.xpath(".//w:t/text()", namespaces=NS)) == "城关镇中心学校"][
        -1
    ]
    date = _paragraph(docx, "2021年2月26日")
    assert _attr(name.find("w:pPr/w:jc", NS), "val") == _attr(date.find("w:pPr/w:jc", NS), "val") == "right"
    # the name 2 字 (32 pt = 640 twips) in from the right; the date's first character 2 字 right of the name's:
    # name 7 × 16 = 112 pt wide, date 125.09 pt (digits are narrower, with gaps beside the Chinese), so the date
    # is the longer line: it stays 2 字 in and the name moves left to keep the 2 字 step (125.09 + 64 − 112)
    assert _attr(date.find("w:pPr/w:ind", NS), "right") == "640"
    assert _attr(name.find("w:pPr/w:ind", NS), "right") == "1542"
    # it never stands alone on a page: the paragraph before it, the blank line and the name keep with the next
    children = body.findall("w:p", NS)
    at = children.index(name)
    kept = [child.find("w:pPr/w:keepNext", NS) is not None for child in children[at - 2 : at + 2]]
    assert kept == [True, True, True, False]


def test_markdown_prints_every_part(tmp_path: Path, cli) -> None:
    assert cli("render", PLAN, "-f", "md", "-d", tmp_path).exit_code == 0
    assert (tmp_path / "preamble-signature.md").read_text(encoding="utf-8") == (
        "**附件**\n\n"
        "# 城关镇中心学校<br>2021年春季学期学生资助工作计划\n\n"
        "为切实做好本学期学生资助工作，确保资助政策落实到位，结合我校实际，制定本计划。\n\n"
        "## 一、指导思想\n\n"
        "以立德树人为根本任务，精准资助、育人为本。\n\n"
        "### （一）工作目标\n\n"
        "做到应助尽助，资助资金按时足额发放到位。\n\n"
        "## 二、工作安排\n\n"
        "| 时间 | 工作内容 |\n|:---:|:---|\n"
        "| 3月份 | 1、调整学生资助工作领导小组 |\n|  | 2、开展春季学期家庭经济困难学生认定 |\n"
        "| 4月份 | 1、发放春季学期国家助学金 |\n|  | 2、开展资助政策宣传月活动 |\n\n"
        "注：政策如有变动，以上级最新文件为准。\n\n"
        "## 三、工作要求\n\n"
        "各班主任要高度重视，认真做好资助政策宣传和学生认定工作。\n\n"
        '<div align="right">城关镇中心学校<br>2021年2月26日</div>\n'
    )


def test_html_prints_every_part_with_its_class(tmp_path: Path, cli) -> None:
    assert cli("render", PLAN, "-f", "html", "-d", tmp_path).exit_code == 0
    page = html.unescape((tmp_path / "preamble-signature.html").read_text(encoding="utf-8"))
    main = page[page.index('<main class="sheet">') : page.index("</main>")]
    assert '<h1 class="title">城关镇中心学校<br>2021年春季学期学生资助工作计划</h1>' in main
    assert "<caption>" not in main  # the title stands above the preamble, not on the table
    assert '<h2 class="section level-1">一、指导思想</h2>' in main
    assert '<h3 class="section level-2">（一）工作目标</h3>' in main
    assert '<p class="text">以立德树人为根本任务，精准资助、育人为本。</p>' in main
    assert main.index("二、工作安排") < main.index("<table>") < main.index("三、工作要求") < main.index("2021年2月26日")
    assert '<p style="padding-right: 77.09pt">城关镇中心学校</p>' in main
    assert '<p style="padding-right: 32.0pt">2021年2月26日</p>' in main
    assert "<title>城关镇中心学校 2021年春季学期学生资助工作计划</title>" in page


def test_a_plan_may_print_no_title(tmp_path: Path, cli) -> None:
    plan = tmp_path / "untitled.yaml"
    plan.write_text(
        "title: 2021年工作安排\nprint_title: false\nyear: 2021\nperiods:\n  - label: 3月份\n    tasks: [发放助学金]\n",
        encoding="utf-8",
    )
    assert cli("render", plan, "-f", "docx,md", "-d", tmp_path).exit_code == 0
    assert reading_order((tmp_path / "untitled.docx").read_bytes()) == [
        "",
        "时间",
        "工作内容",
        "3月份",
        "1、发放助学金",
    ]
    assert (tmp_path / "untitled.md").read_text(encoding="utf-8").startswith("| 时间 | 工作内容 |\n")
    status = cli("status", plan, "--today", "2021-03-05")
    assert "2021年工作安排" in status.stdout  # the title still names the plan


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("一、指导思想", 1),
        ("（一）工作目标", 2),
        ("(二)宣传", 2),
        ("1.加强领导", 3),
        ("2．宣传", 3),
        ("（1）摸底", 4),
        ("工作要求", 1),
    ],
)
def test_a_heading_level_is_read_from_its_number(text: str, level: int) -> None:
    assert heading_level(text) == level


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        (
            "preamble:\n  - {text: 为做好工作, heading: 一、总则}\n",
            "5:5",
            "正文段落写 text（或直接写文字），小标题写 heading，二者只能有一个",
        ),
        ("preamble:\n  - {text: 为做好工作, level: 2}\n", "5:5", "level 只用于 heading（小标题）"),
        ("signature: {organisation: ['  ']}\n", "4:12", "落款的 organisation 不能有空行"),
        ("signature: {date: 2021年3月1日}\n", "4:12", "缺少必填项“organisation”"),
    ],
)
def test_document_parts_that_cannot_be_printed_are_refused(
    tmp_path: Path, cli, extra: str, line: str, message: str
) -> None:
    plan = tmp_path / "bad.yaml"
    plan.write_text(
        "title: 计划\nyear: 2021\nperiods: [{label: 3月份, tasks: [发放助学金]}]\n" + extra, encoding="utf-8"
    )
    result = cli("check", plan)
    assert result.exit_code == 1
    assert result.stdout == f"{plan}:{line}: error[E110]: {message}\n"


def test_a_preamble_leaves_less_of_the_first_page_to_the_table() -> None:
    plan = load_plan(PLAN).plan
    assert plan is not None
    with_parts = Measure(build_layout(plan), OFFICIAL).geometry
    bare = Measure(build_layout(plan.model_copy(update={"preamble": []})), OFFICIAL).geometry
    # a blank line and 7 lines of preamble (the first paragraph takes two) at the body's 28.95 pt pitch
    assert round(bare.first - with_parts.first, 2) == round(8 * OFFICIAL.body_line_pitch, 2)
    assert with_parts.other == bare.other


def test_the_notice_sub_document_carries_the_preamble_and_the_signature() -> None:
    from aidplan.render.docx import table_document
    from aidplan.render.pages import table_layout

    plan = load_plan(PLAN).plan
    assert plan is not None
    layout, widths = table_layout(plan, OFFICIAL)
    pieces = reading_order(table_document(layout, OFFICIAL, widths, None, plan.year))
    assert pieces == ["", *PRINTED[5:]]  # a blank line under the template's title, as under the attachment's


def test_a_name_longer_than_the_date_stays_two_characters_in_and_the_date_steps_right() -> None:
    from aidplan.render.parts import DocumentParts, signature_indents

    parts = DocumentParts(signature=("某某县学生资助管理中心",), date="2021年3月1日")
    # name 11 × 16 = 176 pt, date 114.75 pt: the date's first character 2 字 right of the name's
    name, date = signature_indents(parts, 16, "仿宋_GB2312")
    assert (name, round(date, 3)) == (32, 61.248)
    assert signature_indents(DocumentParts(signature=("某某中心",)), 16, "仿宋_GB2312") == (32, 32)
