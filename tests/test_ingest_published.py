"""Import of plans as offices publish them beyond one plain table: a 工作要点 printed as paragraphs (一、 headings
over numbered items with （责任单位：…，完成时间：…）), a 工作要点分解表 with category rows above a group column
and its 序号 printed by Word's automatic numbering, tables printed without a header row, several tables numbered
differently, and the guesses said in English. Every file is built the way an office builds it (python-docx with
Word's styles and merges, openpyxl, pasted text); each test asserts the written plan, its printed text and the
guesses listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from aidplan.cli import app

from .conftest import ROOT

TYPED_CATEGORIES = (
    "某某县2026年学生资助工作计划\n"
    "序号\t工作内容\t责任单位\t完成时间\n"
    "一\t资助政策落实\t\t\n"
    "1\t完成春季认定\t资助中心\t3月31日前\n"
    "二\t资助育人\t\t\n"
    "2\t开展诚信教育\t各学校\t5月\n"
    "\n"
    "注：各学校每季度末报送进展。\n"
)


def test_guesses_in_english_name_the_roles_in_english_and_count_in_the_plural(in_tmp: Path) -> None:
    """`--lang en`: the columns' roles are said in English (the printed headers stay as printed), counts take the
    singular or plural form, and the summary says groups, not periods, for category groups."""
    (in_tmp / "plan.txt").write_text(TYPED_CATEGORIES, encoding="utf-8")
    result = CliRunner().invoke(app, ["--lang", "en", "import", "plan.txt", "-o", "plan.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "plan.txt → plan.yaml: 2 groups, 2 tasks",
        "  guessed: title “某某县2026年学生资助工作计划” taken from the centred paragraph above the table",
        "  guessed: year 2026 taken from the title",
        "  guessed: the table's columns: 序号 (No.), 工作内容 (task), 责任单位 (Owner), 完成时间 (each task's time)",
        "  guessed: “一 资助政策落实”, “二 资助育人” typed into the cells (the other cells empty): category rows, the"
        " tasks in the rows below each belong to it (groups:)",
        "  guessed: the number column runs on through the table (numbering_scope: plan)",
        "  guessed: 1 paragraph under the table taken as notes",
    ]
    chinese = CliRunner().invoke(app, ["import", "plan.txt", "-o", "plan.yaml", "--force"])
    assert chinese.output.splitlines()[0] == "plan.txt → plan.yaml：2 个分组，2 项任务"
    assert "  推测：表格各列：序号（序号）、工作内容（工作内容）、责任单位（责任单位）、完成时间（各项任务的时间）" in (
        chinese.output.splitlines()
    )
    assert "  推测：表格下的 1 段作为注（notes）" in chinese.output.splitlines()


def test_a_plural_count_in_english() -> None:
    from aidplan.messages import set_language, tr

    set_language("en")
    try:
        assert tr("表格下的 {v0} 段作为注（notes）", v0=1) == "1 paragraph under the table taken as notes"
        assert tr("表格下的 {v0} 段作为注（notes）", v0=3) == "3 paragraphs under the table taken as notes"
        assert tr("另一张表格（{v0} 行 × {v1} 列）：{v2}", v0=1, v1=4, v2="x") == "another table (1 row × 4 columns): x"
    finally:
        set_language("zh")
    assert tr("表格下的 {v0} 段作为注（notes）", v0=1) == "表格下的 1 段作为注（notes）"


# --- a 工作要点 published as paragraphs ---------------------------------------------------------------------------

WEB_PAGE = (ROOT / "tests" / "data" / "seeds" / "2026-web-key-points.txt").read_text(encoding="utf-8")


def _plan_text(path: Path) -> str:
    from aidplan.plan.loading import load_plan
    from aidplan.render.layout import build_layout, reading_text

    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.findings
    return reading_text(build_layout(loaded.plan))


def test_key_points_published_as_paragraphs_on_a_web_page(in_tmp: Path) -> None:
    """The 要点 as a 公众号 prints it: 一、 headings over numbered items ending in （责任单位：…，完成时间：…）. Each
    heading is a category group, each item a task with its text as printed and the bracket's owner and time in
    columns; the web page's publishing line is kept as not placed. The render prints the paragraphs' text back
    as a table: categories across it, the items numbered 1.–4. as printed."""
    from aidplan.plan.model import normalise_text

    (in_tmp / "公众号.txt").write_text(WEB_PAGE, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "公众号.txt", "-o", "gzh.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "公众号.txt → gzh.yaml：2 个分组，4 项任务",
        "  推测：标题“某某县2026年学生资助工作要点”取自文件开头的段",
        "  推测：年份 2026 取自标题",
        "  推测：编号样式“1.”，整张表连续编号（numbering_scope: plan）",
        "  推测：文件里没有表格，是按段落印发的计划：“一、资助政策落实”“二、资助育人”是类别（groups:），"
        "其下编号的 4 段是任务；印成表格时类别印在跨整行的一行",
        "  推测：任务末尾括号里的“责任单位”“完成时间”印成表格的列（表头照括号里的写法），“工作内容”一列的表头是补的",
        "  没能放进计划：网页上的发布信息“发布时间：2025-12-25 来源：县教育局”",
        "gzh.yaml:27:9: warning[W220]: 任务 c1.2 文中的日期“5月底”（2026-05-31）是星期日，不是工作日；"
        "前一个工作日是5月29日（星期五）",
    ]
    written = (in_tmp / "gzh.yaml").read_text(encoding="utf-8")
    assert written.split("numbering:", 1)[1] == (
        ' "1."\n'
        "numbering_scope: plan\n"
        "columns:\n"
        "  - header: 工作内容\n"
        "    role: task\n"
        "  - header: 责任单位\n"
        "    role: owner\n"
        "  - header: 完成时间\n"
        "    role: time\n"
        "\n"
        "groups:\n"
        "  - label: 一、资助政策落实\n"
        "    tasks:\n"
        "      - text: 落实学前教育资助政策，3月底前完成春季学期资助对象认定。\n"
        "        owner: 资助中心\n"
        "      - text: 做好普通高中国家助学金发放，5月底前发放到位。\n"
        "        owner: 计财股\n"
        "  - label: 二、资助育人\n"
        "    tasks:\n"
        "      - text: 开展诚信感恩教育主题活动。\n"
        "        owner: 各学校\n"
        "        deadline: 5月\n"
        "      - text: 做好资助政策宣传工作。\n"
        "        owner: 资助中心\n"
        "        deadline: 9月\n"
    )
    rendered = CliRunner().invoke(app, ["render", "gzh.yaml", "-f", "md", "-o", "-"])
    assert rendered.stdout.splitlines()[2:] == [
        "| 工作内容 | 责任单位 | 完成时间 |",
        "|:---|:---:|:---:|",
        "| 一、资助政策落实 |  |  |",
        "| 1.落实学前教育资助政策，3月底前完成春季学期资助对象认定。 | 资助中心 |  |",
        "| 2.做好普通高中国家助学金发放，5月底前发放到位。 | 计财股 |  |",
        "| 二、资助育人 |  |  |",
        "| 3.开展诚信感恩教育主题活动。 | 各学校 | 5月 |",
        "| 4.做好资助政策宣传工作。 | 资助中心 | 9月 |",
    ]
    # every printed word of the page is in the render (the bracket's keys as the headers), nothing else but the
    # added 工作内容 header
    source = normalise_text(WEB_PAGE.replace("发布时间：2025-12-25 来源：县教育局", ""))
    for key in ("（责任单位：", "，完成时间：", "）"):
        source = source.replace(normalise_text(key), "")
    printed = _plan_text(in_tmp / "gzh.yaml").replace("工作内容责任单位完成时间", "", 1)
    assert sorted(printed) == sorted(source)
    tasks = CliRunner().invoke(app, ["tasks", "gzh.yaml", "-f", "json"])
    import json

    assert [(t["id"], t["deadline"]) for t in json.loads(tasks.stdout)["plans"][0]["tasks"]] == [
        ("c1.1", "2026-03-31"),
        ("c1.2", "2026-05-31"),
        ("c2.3", "2026-05-31"),
        ("c2.4", "2026-09-30"),
    ]


def _word_key_points(path: Path) -> None:
    """A 要点 typed in Word: the title centred, a preamble, 一、 headings typed, the items in Word's List Number
    style (their numbers 1.–4. printed by Word, not in the text, running on across the headings), a soft line
    break inside an item, a closing section and the 落款 right-aligned."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    title = document.add_paragraph("某某县教育局2027年学生资助工作要点")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("为做好2027年学生资助工作，现提出如下工作要点。")
    document.add_paragraph("一、资助政策落实")
    for text in ("落实学前教育资助政策，3月底前完成资助对象认定。（牵头单位：资助中心；完成时限：3月31日）",):
        document.add_paragraph(text, style="List Number")
    item = document.add_paragraph("做好普通高中国家助学金发放，", style="List Number")
    item.add_run().add_break()  # Shift+Enter inside the item
    item.add_run("5月底前发放到位。（牵头单位：计财股；完成时限：5月31日）")
    document.add_paragraph("二、资助育人")
    document.add_paragraph("开展诚信感恩教育主题活动。（牵头单位：各学校；完成时限：5月）", style="List Number")
    document.add_paragraph(
        "做好资助政策宣传工作，印发《致家长的一封信》。（牵头单位：资助中心；完成时限：9月）", style="List Number"
    )
    document.add_paragraph("三、工作要求")
    document.add_paragraph("各单位要高度重视，按时完成各项任务。")
    for line in ("某某县教育局", "2026年12月20日"):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.core_properties.author = "某某县教育局"
    document.save(str(path))


def test_key_points_typed_in_word_with_automatic_numbers(in_tmp: Path) -> None:
    _word_key_points(in_tmp / "要点.docx")
    result = CliRunner().invoke(app, ["import", "要点.docx", "-o", "yd.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "要点.docx → yd.yaml：2 个分组，4 项任务"
    assert "  推测：表格前的 1 段作为正文（preamble:）" in lines
    assert "  推测：编号样式“1.”，整张表连续编号（numbering_scope: plan）" in lines
    assert (
        "  推测：任务末尾括号里的“牵头单位”“完成时限”印成表格的列（表头照括号里的写法），“工作内容”一列的表头是补的"
        in lines
    )
    assert "  推测：从小标题“三、工作要求”起的 2 段作为结尾正文（closing:）" in lines
    assert "  推测：落款（signature:）：某某县教育局，2026年12月20日" in lines
    written = (in_tmp / "yd.yaml").read_text(encoding="utf-8")
    assert written.split("groups:\n", 1)[1].split("closing:")[0] == (
        "  - label: 一、资助政策落实\n"
        "    tasks:\n"
        "      - text: 落实学前教育资助政策，3月底前完成资助对象认定。\n"
        "        owner: 资助中心\n"
        "        deadline: 3月31日\n"
        "      - text: 做好普通高中国家助学金发放，5月底前发放到位。\n"
        "        owner: 计财股\n"
        "        deadline: 5月31日\n"
        "  - label: 二、资助育人\n"
        "    tasks:\n"
        "      - text: 开展诚信感恩教育主题活动。\n"
        "        owner: 各学校\n"
        "        deadline: 5月\n"
        "      - text: 做好资助政策宣传工作，印发《致家长的一封信》。\n"
        "        owner: 资助中心\n"
        "        deadline: 9月\n"
        "\n"
    )
    assert "preamble:\n  - 为做好2027年学生资助工作，现提出如下工作要点。\n" in written
    check = CliRunner().invoke(app, ["check", "yd.yaml"])
    assert "error" not in check.output
    printed = _plan_text(in_tmp / "yd.yaml")
    assert printed.startswith(
        "某某县教育局2027年学生资助工作要点为做好2027年学生资助工作，现提出如下工作要点。工作内容牵头单位完成时限"
    )
    assert (
        "一、资助政策落实1.落实学前教育资助政策，3月底前完成资助对象认定。资助中心3月31日"
        "2.做好普通高中国家助学金发放，5月底前发放到位。计财股5月31日二、资助育人" in printed
    )
    assert printed.endswith("三、工作要求各单位要高度重视，按时完成各项任务。某某县教育局2026年12月20日")


def test_a_file_with_no_table_and_no_numbered_tasks_says_so_and_what_to_do(in_tmp: Path) -> None:
    (in_tmp / "通知.txt").write_text("关于做好学生资助工作的通知\n各学校：\n请认真做好资助工作。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "通知.txt", "-o", "x.yaml"])
    assert result.exit_code == 1
    assert result.output == (
        "aidplan: 通知.txt 里没有表格，也没有编号的工作任务：计划要有一张“时间—工作内容”的表格，或者按“一、类别”"
        "“1.任务（责任单位：…，完成时间：…）”分段写的工作要点。请把计划的表格复制进来（Word、Excel 或网页上的表格），"
        "或给各项任务加上编号后再导入\n"
    )
    assert not (in_tmp / "x.yaml").exists()


# --- a 工作要点分解表: category rows above a group column, 序号 by Word's automatic numbering ---------------------

BREAKDOWN = [
    (
        "一、资助政策落实",
        [
            ("落实学前教育资助政策", "春季学期3月底前完成幼儿资助对象认定", "资助中心", "各幼儿园", "2026年3月31日"),
            ("落实义务教育阶段资助", "做好寄宿生生活费补助发放工作", "资助中心", "计财股、各中小学", "6月30日前"),
        ],
    ),
    ("二、资助育人", [("诚信感恩教育", "组织受助学生开展诚信教育主题活动", "德育股", "各学校", "5月")]),
]


def _breakdown(path: Path, two_header_rows: bool) -> None:
    """The 分解表 as a county types it in Word: 序号 | 重点任务 | 具体内容 | 牵头科室 | 配合单位 | 完成时限 (or 责任单位
    merged over 牵头科室 | 配合单位 in a second header row, the other headers merged down), each category row one cell
    merged across the whole table, the 序号 cells empty but in Word's List Number style (Word prints 1. 2. 3.)."""
    from docx import Document

    document = Document()
    document.add_paragraph("某某县教育局2026年学生资助工作要点任务分解表")
    head = 2 if two_header_rows else 1
    rows = head + sum(1 + len(tasks) for _, tasks in BREAKDOWN)
    grid = document.add_table(rows=rows, cols=6)
    grid.style = "Table Grid"
    headers = ["序号", "重点任务", "具体内容", "牵头科室", "配合单位", "完成时限"]
    if two_header_rows:
        for column in (0, 1, 2, 5):
            grid.cell(0, column).merge(grid.cell(1, column)).paragraphs[0].text = headers[column]
        grid.cell(0, 3).merge(grid.cell(0, 4)).paragraphs[0].text = "责任单位"
        grid.cell(1, 3).text, grid.cell(1, 4).text = "牵头科室", "配合单位"
    else:
        for column, text in enumerate(headers):
            grid.cell(0, column).text = text
    row = head
    for category, tasks in BREAKDOWN:
        grid.cell(row, 0).merge(grid.cell(row, 5)).text = category
        row += 1
        for task in tasks:
            grid.cell(row, 0).paragraphs[0].style = document.styles["List Number"]
            for column, text in enumerate(task, start=1):
                grid.cell(row, column).text = text
            row += 1
    document.save(str(path))


@pytest.mark.parametrize("two_header_rows", [False, True], ids=["one-header-row", "two-header-rows"])
def test_a_breakdown_table_keeps_its_category_rows_above_the_group_column_and_its_word_numbers(
    in_tmp: Path, two_header_rows: bool
) -> None:
    """The category rows become category groups above the 重点任务 groups (`category_rows: true`), not rows left
    out of the plan; the numbers Word prints in the 序号 column (1. 2. 3., in no text) are recovered, running on
    through the table; the render prints the table the office printed."""
    from docx import Document

    from aidplan.plan.model import normalise_text

    _breakdown(in_tmp / "分解表.docx", two_header_rows)
    result = CliRunner().invoke(app, ["import", "分解表.docx", "-o", "fj.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "分解表.docx → fj.yaml：3 个分组，3 项任务"
    assert (
        "  推测：跨整行的“一、资助政策落实”“二、资助育人”是类别行，在“重点任务”一列的分组之上："
        "其下各行归入该类别（category_rows: true）" in lines
    )
    assert '  推测：序号一列印作“1.”（numbering: "1."）' in lines
    assert "  推测：序号一列整张表连续编号（numbering_scope: plan）" in lines
    assert not [line for line in lines if "没能放进计划" in line]
    written = (in_tmp / "fj.yaml").read_text(encoding="utf-8")
    assert 'numbering: "1."\nnumbering_scope: plan\n' in written
    assert "category_rows: true\n" in written
    owner = "\n      - 责任单位\n      - 牵头科室" if two_header_rows else " 牵头科室"
    assert written.split("groups:\n", 1)[1] == (
        "  - label: 一、资助政策落实\n"
        "    groups:\n"
        "      - label: 落实学前教育资助政策\n"
        "        tasks:\n"
        "          - text: 春季学期3月底前完成幼儿资助对象认定\n"
        "            owner: 资助中心\n"
        "            deadline: 2026年3月31日\n"
        "            cells:\n"
        "              c1: 各幼儿园\n"
        "      - label: 落实义务教育阶段资助\n"
        "        tasks:\n"
        "          - text: 做好寄宿生生活费补助发放工作\n"
        "            owner: 资助中心\n"
        "            deadline: 6月30日前\n"
        "            cells:\n"
        "              c1: 计财股、各中小学\n"
        "  - label: 二、资助育人\n"
        "    groups:\n"
        "      - label: 诚信感恩教育\n"
        "        tasks:\n"
        "          - text: 组织受助学生开展诚信教育主题活动\n"
        "            owner: 德育股\n"
        "            deadline: 5月\n"
        "            cells:\n"
        "              c1: 各学校\n"
    )
    assert f"  - header:{owner}\n    role: owner\n" in written
    rendered = CliRunner().invoke(app, ["render", "fj.yaml", "-f", "docx", "-d", "out"])
    assert rendered.exit_code == 0, rendered.output
    table = Document(str(in_tmp / "out" / "fj.docx")).tables[0]
    head = 2 if two_header_rows else 1
    body = [[cell.text.replace("\n", "") for cell in row.cells] for row in table.rows][head:]
    assert body == [
        ["一、资助政策落实"] * 6,  # one cell merged across the whole table
        ["1.", "落实学前教育资助政策", "春季学期3月底前完成幼儿资助对象认定", "资助中心", "各幼儿园", "2026年3月31日"],
        ["2.", "落实义务教育阶段资助", "做好寄宿生生活费补助发放工作", "资助中心", "计财股、各中小学", "6月30日前"],
        ["二、资助育人"] * 6,
        ["3.", "诚信感恩教育", "组织受助学生开展诚信教育主题活动", "德育股", "各学校", "5月"],
    ]
    source = Document(str(in_tmp / "分解表.docx")).tables[0]
    typed = [[cell.text for cell in row.cells] for row in source.rows]
    assert [[c for c in row if c] for row in typed[head:]] == [
        [c for c in row if c and c not in ("1.", "2.", "3.")] for row in body
    ]  # the source's text is the render's, but for the numbers Word prints
    assert normalise_text("".join(typed[0])) == normalise_text("".join(cell.text for cell in table.rows[0].cells))


# --- a table of three columns or more printed without a header row ---------------------------------------------


def test_a_headerless_table_of_four_columns_reads_each_columns_role_from_its_cells(in_tmp: Path) -> None:
    """3月 (merged) | 1.完成… | 资助中心 | 3月31日前 with no header row: the months are the groups, the wordiest column
    the tasks, office names the owner, dates right of the tasks each task's time; the guesses say so and the
    render prints the same cells without a header row."""
    from docx import Document

    from aidplan.plan.model import normalise_text

    rows = [
        ("3月", "1.完成春季学期家庭经济困难学生认定", "资助中心", "3月31日前"),
        ("3月", "2.发放春季学期国家助学金", "计财股、各学校", "3月31日前"),
        ("5月", "3.开展诚信感恩教育活动", "各学校", "5月底"),
    ]
    document = Document()
    document.add_paragraph("某某县2026年学生资助工作安排")
    grid = document.add_table(rows=len(rows), cols=4)
    grid.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    grid.cell(0, 0).merge(grid.cell(1, 0)).text = "3月"
    document.save(str(in_tmp / "无表头.docx"))
    result = CliRunner().invoke(app, ["import", "无表头.docx", "-o", "wbt.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:6] == [
        "无表头.docx → wbt.yaml：2 个时段，3 项任务",
        "  推测：标题“某某县2026年学生资助工作安排”取自表格前的第一段",
        "  推测：年份 2026 取自标题",
        "  推测：表格没有表头行（headers: false）：各列的用处看内容推测（日期是时间，单位名称是责任单位，"
        "文字最多的一列是工作内容）；表头不印，列名是补的",
        "  推测：表格各列：时间（分组）、工作内容（工作内容）、责任单位（责任单位）、完成时间（各项任务的时间）",
        "  推测：编号样式“1.”，整张表连续编号（numbering_scope: plan）",
    ]
    written = (in_tmp / "wbt.yaml").read_text(encoding="utf-8")
    assert "headers: false\n" in written
    assert written.split("groups:\n", 1)[1] == (
        "  - label: 3月\n"
        "    tasks:\n"
        "      - text: 完成春季学期家庭经济困难学生认定\n"
        "        owner: 资助中心\n"
        "        deadline: 3月31日前\n"
        "      - text: 发放春季学期国家助学金\n"
        "        owner: 计财股、各学校\n"
        "        deadline: 3月31日前\n"
        "  - label: 5月\n"
        "    tasks:\n"
        "      - text: 开展诚信感恩教育活动\n"
        "        owner: 各学校\n"
        "        deadline: 5月底\n"
    )
    source = normalise_text("某某县2026年学生资助工作安排" + "".join("".join(row) for row in rows))
    assert _plan_text(in_tmp / "wbt.yaml") == source.replace("3月2.", "2.", 1)  # the merged 3月 printed once


def test_a_headerless_pasted_table_with_a_number_column_and_a_note_column(in_tmp: Path) -> None:
    """Pasted from a spreadsheet without its header: 序号 | 类别 | 工作内容 | 时间 | 单位 | 备注."""
    text = (
        "2026年学生资助重点工作\n"
        "1\t政策落实\t完成春季学期家庭经济困难学生认定工作\t3月31日前\t资助中心\t\n"
        "2\t政策落实\t发放春季学期国家助学金\t4月30日前\t计财股\t资金已下达\n"
        "3\t资助育人\t开展诚信感恩教育主题活动\t5月\t各学校\t\n"
    )
    (in_tmp / "paste.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "paste.txt", "-o", "p.yaml"])
    assert result.exit_code == 0, result.output
    assert (
        "  推测：表格各列：序号（序号）、类别（分组）、工作内容（工作内容）、完成时间（各项任务的时间）、"
        "责任单位（责任单位）、备注（照印不解读）" in result.output.splitlines()
    )
    from aidplan.plan.loading import load_plan

    plan = load_plan(in_tmp / "p.yaml").plan
    assert plan is not None and plan.headers is False
    assert [(g.label, [(t.text, t.owner, t.deadline.text if t.deadline else None, dict(t.cells)) for t in g.tasks])
            for g in plan.groups] == [  # type: ignore[union-attr]
        ("政策落实", [("完成春季学期家庭经济困难学生认定工作", "资助中心", "3月31日前", {}),
                      ("发放春季学期国家助学金", "计财股", "4月30日前", {"c1": "资金已下达"})]),
        ("资助育人", [("开展诚信感恩教育主题活动", "各学校", "5月", {})]),
    ]  # fmt: skip


# --- several tables, each numbered its own way ------------------------------------------------------------------


def test_each_of_several_tables_keeps_its_own_numbering(in_tmp: Path) -> None:
    """一、春季学期 numbered 1、2、3、 and 二、秋季学期 numbered （1）（2）（3）: the second table's numbering is
    written on it (tables: numbering), not replaced by the first table's; the render prints both as printed."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    document.add_paragraph("某某县2026年学生资助工作计划").alignment = WD_ALIGN_PARAGRAPH.CENTER
    halves = (
        ("一、春季学期", [("3月", "1、完成春季认定"), ("3月", "2、发放春季助学金"), ("5月", "3、开展诚信教育")]),
        ("二、秋季学期", [("9月", "（1）开通绿色通道"), ("9月", "（2）完成秋季认定"), ("11月", "（3）发放秋季助学金")]),
    )
    for heading, rows in halves:
        document.add_paragraph(heading)
        grid = document.add_table(rows=len(rows) + 1, cols=2)
        grid.style = "Table Grid"
        grid.cell(0, 0).text, grid.cell(0, 1).text = "时间", "工作内容"
        for r, (label, task) in enumerate(rows, 1):
            grid.cell(r, 0).text, grid.cell(r, 1).text = label, task
        grid.cell(1, 0).merge(grid.cell(2, 0)).text = rows[0][0]
    document.save(str(in_tmp / "两表.docx"))
    result = CliRunner().invoke(app, ["import", "两表.docx", "-o", "lb.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert '  推测：第 2 张表格的编号与第一张不同：写在它自己的 numbering: "（1）"' in lines
    assert not [line for line in lines if "没能放进计划" in line]
    written = (in_tmp / "lb.yaml").read_text(encoding="utf-8")
    assert "numbering: 1、\nnumbering_scope: plan\n" in written
    assert "  - heading: 二、秋季学期\n    numbering: （1）\n    columns:\n" in written
    rendered = CliRunner().invoke(app, ["render", "lb.yaml", "-f", "md", "-o", "-"])
    assert [line for line in rendered.stdout.splitlines() if line.startswith("| ") and "|:" not in line] == [
        "| 时间 | 工作内容 |",
        "| 3月 | 1、完成春季认定 |",
        "|  | 2、发放春季助学金 |",
        "| 5月 | 3、开展诚信教育 |",
        "| 时间 | 工作内容 |",
        "| 9月 | （1）开通绿色通道 |",
        "|  | （2）完成秋季认定 |",
        "| 11月 | （3）发放秋季助学金 |",
    ]
    tasks = CliRunner().invoke(app, ["tasks", "lb.yaml", "-f", "json"])
    import json

    numbers = [t["number"] for t in json.loads(tasks.stdout)["plans"][0]["tasks"]]
    assert numbers == ["1、", "2、", "3、", "（1）", "（2）", "（3）"]


def test_key_points_without_headings_are_a_flat_list_and_each_bracket_key_finds_its_column(in_tmp: Path) -> None:
    """Numbered items without 一、 headings are the plan's tasks (tasks:); 牵头单位 where the others say 责任单位 goes
    into the same owner column, a 配合单位 given beside the 责任单位 is a printed column of its own; the preamble
    and the 落款 are read as around a table."""
    text = (
        "某某县2026年学生资助工作要点\n"
        "为做好2026年学生资助工作，提出以下要点：\n"
        "1.落实学前教育资助政策，做到应助尽助。（责任单位：资助中心，完成时间：3月底）\n"
        "2.完成春季学期各学段资助资金发放。（牵头单位：计财股，完成时间：4月底）\n"
        "3.开展“诚信校园行”主题教育活动。（责任单位：各学校，配合单位：团县委，完成时间：5月）\n"
        "某某县教育局\n"
        "2025年12月20日\n"
    )
    (in_tmp / "要点.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "要点.txt", "-o", "yd.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "要点.txt → yd.yaml：3 项任务（不分组）"
    assert "  推测：文件里没有表格，是按段落印发的计划：编号的 3 段是任务（tasks:）" in lines
    assert "  推测：括号里的“牵头单位”与“责任单位”写进同一列" in lines
    rendered = CliRunner().invoke(app, ["render", "yd.yaml", "-f", "md", "-o", "-"])
    assert rendered.stdout.splitlines() == [
        "# 某某县2026年学生资助工作要点",
        "",
        "为做好2026年学生资助工作，提出以下要点：",
        "",
        "| 工作内容 | 责任单位 | 完成时间 | 配合单位 |",
        "|:---|:---:|:---:|:---:|",
        "| 1.落实学前教育资助政策，做到应助尽助。 | 资助中心 | 3月底 |  |",
        "| 2.完成春季学期各学段资助资金发放。 | 计财股 | 4月底 |  |",
        "| 3.开展“诚信校园行”主题教育活动。 | 各学校 | 5月 | 团县委 |",
        "",
        '<div align="right">某某县教育局<br>2025年12月20日</div>',
    ]


# --- a web page's table copied as text: the cells a merged cell covers are missing -------------------------------


CORPUS_TEXTS = sorted(path.stem for path in (ROOT / "tests" / "data" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("name", CORPUS_TEXTS)
def test_the_corpus_transcriptions_import_as_their_plans(tmp_path: Path, name: str) -> None:
    """`2\\t3月10日前向…\\t学生科\\t` under a merged 3月, `第二周\\t尊师重教\\t①…` under merged 九月 | 行为习惯养成月,
    `中旬\\t…\\t张华` and `受理…\\t赵强` under a merged 9月 (and 中旬): a copied web table leaves out the covered cells,
    so the row starts in the wrong column. The row gets its missing cells back in front (its cells, so moved, are
    of the kinds the full rows hold there); every task keeps its text, and the plan prints as the corpus plan of
    the same table does (was: task texts dropped, groups named 2, 3, 4 whose only task was the owner). A heading
    line (二、第二学期…) over a header row starts the next table (was: the heading joined a cell of the first
    table, the second header dropped as a header repeated at a page break); 四、工作要求 under the last row starts
    the closing text, an office above a date the 落款 (was: tasks of the last period); 牵头单位 | 配合单位 copied
    without the empty cells before them go under the 责任单位 they divide (was: E111, an empty header)."""
    from aidplan.commands.ingest import import_file
    from aidplan.plan.loading import load_plan
    from aidplan.render.layout import build_layout, reading_text

    corpus = ROOT / "tests" / "data" / "corpus"
    source = corpus / f"{name}.txt"
    target = tmp_path / "plan.yaml"
    imported = import_file(source, source.read_bytes(), target, None, None)
    target.write_text(imported.text, encoding="utf-8")
    assert imported.unplaced == []
    assert [f.code for f in imported.findings if f.code in ("W222", "E201")] == []
    original = load_plan(corpus / f"{name}.yaml").plan
    plan = load_plan(target).plan
    assert plan is not None and original is not None
    assert reading_text(build_layout(plan)) == reading_text(build_layout(original))
    from aidplan.plan.schedule import schedule

    def texts(of) -> list[str]:
        return [task.text for item in schedule(of) for task in item.tasks]

    assert texts(plan) == texts(original)  # ①… ②… in one cell are two tasks, as the corpus plan has them


def test_key_points_keep_every_line_however_the_items_are_written(in_tmp: Path) -> None:
    """An unclosed bracket, two brackets, keys after the full stop without a bracket, and （一）（二） lines after the
    tasks of a heading: every line stays in the plan (was: tasks 1–2 dropped silently, task 1 read as a preamble
    heading); the numbers printed in two forms stay in the text as printed (numbering: none)."""
    text = (
        "某县教育局2026年学生资助工作要点\n"
        "一、精准资助\n"
        "1、修订认定办法（责任单位：资助中心\n"
        "2、开展专项检查。（责任单位：资助中心）（完成时间：6月）\n"
        "3、做好（1）建档立卡（2）低保学生资助。责任单位：资助中心；完成时间：9月底前\n"
        "二、资金管理\n"
        "1、及时足额发放资金。（责任单位：计财股）\n"
        "2、加强资金监管，确保专款专用。\n"
        "（一）建立台账。\n"
        "（二）定期核查。\n"
        "3、每季度末报送报表。（责任单位：计财股，完成时间：每季度末）\n"
        "三、其他\n"
        "请各单位认真落实。\n"
    )
    (in_tmp / "yd.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "yd.txt", "-o", "yd.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "yd.txt → yd.yaml：2 个分组，8 项任务"
    assert not [line for line in result.output.splitlines() if "没能放进计划" in line]
    written = (in_tmp / "yd.yaml").read_text(encoding="utf-8")
    assert written.split("groups:\n", 1)[1] == (
        "  - label: 一、精准资助\n"
        "    tasks:\n"
        "      - 1、修订认定办法（责任单位：资助中心\n"
        "      - text: 2、开展专项检查。\n"
        "        owner: 资助中心\n"
        "        deadline: 6月\n"
        "      - text: 3、做好（1）建档立卡（2）低保学生资助。\n"
        "        owner: 资助中心\n"
        "        deadline: 9月底前\n"
        "  - label: 二、资金管理\n"
        "    tasks:\n"
        "      - text: 1、及时足额发放资金。\n"
        "        owner: 计财股\n"
        "      - 2、加强资金监管，确保专款专用。\n"
        "      - （一）建立台账。\n"
        "      - （二）定期核查。\n"
        "      - text: 3、每季度末报送报表。\n"
        "        owner: 计财股\n"
        "        deadline: 每季度末\n"
        "\n"
        "closing:\n"
        "  - heading: 三、其他\n"
        "  - 请各单位认真落实。\n"
    )
    assert "numbering: none\n" in written


def test_a_table_copied_from_a_web_page_leaves_out_the_page_and_keeps_the_signature(in_tmp: Path) -> None:
    """The article copied whole: breadcrumb, publishing line, font buttons above, 【打印本页】【关闭窗口】 below, rows
    under a merged 月份 one cell short, items such as `2.3月31日前…` and `1.5月25日前…` (a number, then a date),
    and the 落款 under the table. The page's furniture is listed as not placed, the 落款 is the signature (was: glued
    to the last owner cell), `2.3月31日前…` is task 2 (was: a period label, E201) and `1.5月25日前…` is printed
    once numbered (was: 1.1.5月25日前…)."""
    text = (
        "首页 > 通知公告\n"
        "青溪县学生资助管理中心2026年度工作计划\n"
        "发布时间：2026-01-08 10:21  来源：青溪县教育局  浏览次数：362\n"
        "【字体：大 中 小】\n"
        "根据市学生资助管理中心工作部署，现将2026年度学生资助工作安排如下：\n"
        "月份\t工作内容\t责任人\n"
        "一月\t1.完成2025年度学生资助工作总结；\t王红\n"
        "2.发放2025年秋季学期国家助学金。\t李明\n"
        "三月\t1.开展春季学期家庭经济困难学生认定；\t各学校\n"
        "2.3月31日前完成学前教育幼儿资助名单审核。\t李明\n"
        "五月\t1.5月25日前完成普通高中国家助学金发放；\t李明\n"
        "青溪县学生资助管理中心\n"
        "2026年1月8日\n"
        "【打印本页】【关闭窗口】\n"
    )
    (in_tmp / "网页.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "网页.txt", "-o", "w.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "网页.txt → w.yaml：3 个时段，5 项任务"
    assert [line for line in lines if "没能放进计划" in line] == [
        "  没能放进计划：网页上的导航或按钮“首页 > 通知公告”",
        "  没能放进计划：网页上的发布信息“发布时间：2026-01-08 10:21  来源：青溪县教育局  浏览次数：362”",
        "  没能放进计划：网页上的导航或按钮“【字体：大 中 小】”",
        "  没能放进计划：网页上的导航或按钮“【打印本页】【关闭窗口】”",
    ]
    assert "  推测：落款（signature:）：青溪县学生资助管理中心，2026年1月8日" in lines
    rendered = CliRunner().invoke(app, ["render", "w.yaml", "-f", "md", "-o", "-"])
    assert [line for line in rendered.stdout.splitlines() if line.startswith("| ")][1:] == [
        "| 一月 | 1.完成2025年度学生资助工作总结； | 王红 |",
        "|  | 2.发放2025年秋季学期国家助学金。 | 李明 |",
        "| 三月 | 1.开展春季学期家庭经济困难学生认定； | 各学校 |",
        "|  | 2.3月31日前完成学前教育幼儿资助名单审核。 | 李明 |",
        "| 五月 | 1.5月25日前完成普通高中国家助学金发放； | 李明 |",
    ]


# --- Excel: dates as their number format shows them, formulas without a value ----------------------------------


def test_excel_dates_import_as_the_sheet_shows_them_and_a_formula_without_value_is_said(tmp_path: Path) -> None:
    """完成时限 cells typed as dates: yyyy"年"m"月"d"日" shows 2026年3月31日, m"月"d"日" 3月20日, yyyy-mm-dd
    2026-04-30 — imported as shown (was: 3月31日 and 4月30日 for all); a formula (=DATE(2026,6,30)) saved by a
    program that does not calculate has no value in the file: listed as not placed (was: dropped silently)."""
    import datetime as dt

    from openpyxl import Workbook

    from aidplan.commands.ingest import import_file

    book = Workbook()
    sheet = book.active
    sheet.title = "2026"
    sheet.append(["某县2026年学生资助工作计划"])
    sheet.merge_cells("A1:D1")
    sheet.append(["时间", "工作内容", "完成时限", "责任单位"])
    sheet.append(["3月", "认定工作", dt.datetime(2026, 3, 31), "资助中心"])
    sheet.append([None, "发放资金", dt.datetime(2026, 3, 20), "计财科"])
    sheet.merge_cells("A3:A4")
    sheet.append(["4月", "检查", dt.datetime(2026, 4, 30), "资助中心"])
    sheet.append(["6月", "总结", "=DATE(2026,6,30)", "资助中心"])
    sheet["C3"].number_format = 'yyyy"年"m"月"d"日"'
    sheet["C4"].number_format = 'm"月"d"日"'
    sheet["C5"].number_format = "yyyy-mm-dd"
    path = tmp_path / "d.xlsx"
    book.save(str(path))
    imported = import_file(path, path.read_bytes(), tmp_path / "d.yaml", None, None)
    assert imported.unplaced == [
        "工作表“2026”的 C6 格是公式，文件里没有存它算出的值（在 Excel 或 WPS 里打开并保存一次即可）"
    ]
    assert "deadline: 2026年3月31日\n" in imported.text
    assert "deadline: 3月20日\n" in imported.text
    assert 'deadline: "2026-04-30"\n' in imported.text
