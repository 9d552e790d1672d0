"""Import of plans as offices publish them beyond one plain table: a 工作要点 printed as paragraphs (一、 headings
over numbered items with （责任单位：…，完成时间：…）), a 工作要点分解表 with category rows above a group column
and its 序号 printed by Word's automatic numbering, tables printed without a header row, several tables numbered
differently, and the guesses said in English. Every file is built the way an office builds it (python-docx with
Word's styles and merges, openpyxl, pasted text); each test asserts the written plan, its printed text and the
guesses listed."""

from __future__ import annotations

from pathlib import Path

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
