"""A 工作要点 published as paragraphs whose tasks have items numbered under them (2.规范资金发放： over （1）春季…；
（2）秋季…；), as county education bureaus publish it: the items stay lines of the task's text, each on a line of its
own as printed (a task's text prints its line breaks: `<br>` in Markdown, a line break in the DOCX cell), and the
bracket after the last item is the task's owner and time. Items that carry brackets of their own are the tasks,
under the task's line printed as a sub-heading. Every line is kept; the render prints the source's text in its
reading order."""

from __future__ import annotations

import json
from pathlib import Path

KEY_POINTS = (
    "青溪县教育局2027年学生资助工作要点\n"
    "发布时间：2027-01-05 来源：县教育局\n"
    "为深入贯彻落实国家学生资助政策，确保资助工作规范有序，现提出2027年学生资助工作要点如下。\n"
    "一、精准落实资助政策\n"
    "1.做好家庭经济困难学生认定工作。（责任单位：资助中心，完成时间：3月底前）\n"
    "2.规范各学段资助资金发放，重点做好以下工作：\n"
    "（1）春季学期国家助学金5月底前发放到位；\n"
    "（2）秋季学期国家助学金11月底前发放到位；\n"
    "（3）生源地信用助学贷款9月底前完成续贷。\n"
    "（责任单位：计财股，完成时间：11月底前）\n"
    "二、加强资助育人\n"
    "3.开展诚信感恩教育主题活动，重点抓好：（1）主题班会；（2）征文比赛。（责任单位：各学校，完成时间：5月）\n"
    "4.做好资助政策宣传工作，印发《致家长的一封信》。（责任单位：资助中心，完成时间：9月）\n"
    "三、工作要求\n"
    "各单位要高度重视，按时完成各项任务。\n"
    "青溪县教育局\n"
    "2026年12月20日\n"
)


def _reading(path: Path) -> str:
    from aidplan.plan.loading import load_plan
    from aidplan.render.layout import build_layout, reading_text

    loaded = load_plan(path)
    assert loaded.plan is not None, loaded.findings
    return reading_text(build_layout(loaded.plan))


def _tasks(cli, plan: str) -> list[tuple]:
    result = cli("tasks", plan, "-f", "json")
    return [(t["id"], t["owner"], t["deadline"], t["text"]) for t in json.loads(result.stdout)["plans"][0]["tasks"]]


def test_items_numbered_under_a_task_are_lines_of_its_text_and_the_bracket_after_them_its_cells(cli, in_tmp) -> None:
    (in_tmp / "要点.txt").write_text(KEY_POINTS, encoding="utf-8")
    result = cli("import", "要点.txt", "-o", "yd.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "要点.txt → yd.yaml：2 个分组，4 项任务"
    text = (in_tmp / "yd.yaml").read_text(encoding="utf-8")
    assert text.split("groups:\n", 1)[1].split("\nclosing:")[0] == (
        "  - label: 一、精准落实资助政策\n"
        "    tasks:\n"
        "      - text: 做好家庭经济困难学生认定工作。\n"
        "        owner: 资助中心\n"
        "        deadline: 3月底前\n"
        '      - text: "规范各学段资助资金发放，重点做好以下工作：\\n（1）春季学期国家助学金5月底前发放到位；'
        '\\n（2）秋季学期国家助学金11月底前发放到位；\\n（3）生源地信用助学贷款9月底前完成续贷。"\n'
        "        owner: 计财股\n"
        "        deadline: 11月底前\n"
        "  - label: 二、加强资助育人\n"
        "    tasks:\n"
        "      - text: 开展诚信感恩教育主题活动，重点抓好：（1）主题班会；（2）征文比赛。\n"
        "        owner: 各学校\n"
        "        deadline: 5月\n"
        "      - text: 做好资助政策宣传工作，印发《致家长的一封信》。\n"
        "        owner: 资助中心\n"
        "        deadline: 9月\n"
    )
    assert "没能放进计划" in text and "网页上的发布信息“发布时间：2027-01-05 来源：县教育局”" in text
    # the render prints every line of the source, in its order, the brackets' values in their columns
    assert _reading(in_tmp / "yd.yaml") == (
        "青溪县教育局2027年学生资助工作要点为深入贯彻落实国家学生资助政策，确保资助工作规范有序，现提出2027年学生资助"
        "工作要点如下。工作内容责任单位完成时间一、精准落实资助政策1.做好家庭经济困难学生认定工作。资助中心3月底前"
        "2.规范各学段资助资金发放，重点做好以下工作：（1）春季学期国家助学金5月底前发放到位；（2）秋季学期国家助学金"
        "11月底前发放到位；（3）生源地信用助学贷款9月底前完成续贷。计财股11月底前二、加强资助育人3.开展诚信感恩教育"
        "主题活动，重点抓好：（1）主题班会；（2）征文比赛。各学校5月4.做好资助政策宣传工作，印发《致家长的一封信》。"
        "资助中心9月三、工作要求各单位要高度重视，按时完成各项任务。青溪县教育局2026年12月20日"
    )
    markdown = cli("render", "yd.yaml", "-f", "md", "-o", "-")
    assert (
        "| 2.规范各学段资助资金发放，重点做好以下工作：<br>（1）春季学期国家助学金5月底前发放到位；<br>（2）秋季学期"
        "国家助学金11月底前发放到位；<br>（3）生源地信用助学贷款9月底前完成续贷。 | 计财股 | 11月底前 |"
    ) in markdown.stdout.splitlines()
    assert [(id_, owner, deadline) for id_, owner, deadline, _ in _tasks(cli, "yd.yaml")] == [
        ("c1.1", "资助中心", "2027-03-31"),
        ("c1.2", "计财股", "2027-11-30"),
        ("c2.3", "各学校", "2027-05-31"),
        ("c2.4", "资助中心", "2027-09-30"),
    ]


def test_items_with_brackets_of_their_own_are_the_tasks_under_the_line_that_heads_them(cli, in_tmp) -> None:
    (in_tmp / "要点.txt").write_text(
        "青溪县教育局2027年学生资助工作要点\n"
        "一、精准落实资助政策\n"
        "1.做好家庭经济困难学生认定工作。（责任单位：资助中心，完成时间：3月底前）\n"
        "2.规范各学段资助资金发放：\n"
        "（1）春季学期国家助学金发放到位。（责任单位：计财股，完成时间：5月底前）\n"
        "（2）秋季学期国家助学金发放到位。（责任单位：计财股，完成时间：11月底前）\n"
        "二、加强资助育人\n"
        "3.开展诚信感恩教育主题活动。（责任单位：各学校，完成时间：5月）\n",
        encoding="utf-8",
    )
    result = cli("import", "要点.txt", "-o", "yb.yaml")
    assert result.exit_code == 0, result.output
    assert "  推测：有的任务没有编号，或编号样式不统一：编号原样留在任务文字里（numbering: none）" in result.output
    text = (in_tmp / "yb.yaml").read_text(encoding="utf-8")
    assert text.split("groups:\n", 1)[1] == (
        "  - label: 一、精准落实资助政策\n"
        "    tasks:\n"
        "      - text: 1.做好家庭经济困难学生认定工作。\n"
        "        owner: 资助中心\n"
        "        deadline: 3月底前\n"
        "      - heading: 2.规范各学段资助资金发放：\n"
        "      - text: （1）春季学期国家助学金发放到位。\n"
        "        owner: 计财股\n"
        "        deadline: 5月底前\n"
        "      - text: （2）秋季学期国家助学金发放到位。\n"
        "        owner: 计财股\n"
        "        deadline: 11月底前\n"
        "  - label: 二、加强资助育人\n"
        "    tasks:\n"
        "      - text: 3.开展诚信感恩教育主题活动。\n"
        "        owner: 各学校\n"
        "        deadline: 5月\n"
    )
    check = cli("check", "yb.yaml")
    assert "error" not in check.output and "W222" not in check.output  # the heading line is no task to date
    assert [(owner, deadline, text) for _, owner, deadline, text in _tasks(cli, "yb.yaml")] == [
        ("资助中心", "2027-03-31", "1.做好家庭经济困难学生认定工作。"),
        ("计财股", "2027-05-31", "（1）春季学期国家助学金发放到位。"),
        ("计财股", "2027-11-30", "（2）秋季学期国家助学金发放到位。"),
        ("各学校", "2027-05-31", "3.开展诚信感恩教育主题活动。"),
    ]
    assert _reading(in_tmp / "yb.yaml") == (
        "青溪县教育局2027年学生资助工作要点工作内容责任单位完成时间一、精准落实资助政策1.做好家庭经济困难学生认定工作。"
        "资助中心3月底前2.规范各学段资助资金发放：（1）春季学期国家助学金发放到位。计财股5月底前（2）秋季学期国家助学金"
        "发放到位。计财股11月底前二、加强资助育人3.开展诚信感恩教育主题活动。各学校5月"
    )


def test_key_points_typed_in_word_with_items_under_an_automatically_numbered_task(cli, in_tmp) -> None:
    """Word: the tasks in the List Number style (their 1. 2. printed by Word, in no text), the items typed
    （1）…, the bracket on the last item's line; the DOCX rendered from the import prints the same lines."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    document.add_paragraph("青溪县教育局2027年学生资助工作要点").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("一、资金管理")
    document.add_paragraph("及时足额发放各项资助资金。（责任单位：计财股，完成时间：6月）", style="List Number")
    document.add_paragraph("加强资金监管，确保专款专用：", style="List Number")
    document.add_paragraph("（1）建立资金发放台账；")
    document.add_paragraph("（2）每季度核查一次。（责任单位：计财股，完成时间：12月）")
    document.add_paragraph("二、资助育人")
    document.add_paragraph("开展资助政策宣传月活动。（责任单位：各学校，完成时间：9月）", style="List Number")
    document.save(str(in_tmp / "要点.docx"))
    result = cli("import", "要点.docx", "-o", "w.yaml")
    assert result.exit_code == 0, result.output
    text = (in_tmp / "w.yaml").read_text(encoding="utf-8")
    assert (
        '      - text: "加强资金监管，确保专款专用：\\n（1）建立资金发放台账；\\n（2）每季度核查一次。"\n'
        "        owner: 计财股\n"
        "        deadline: 12月\n"
    ) in text
    assert cli("render", "w.yaml", "-f", "docx", "-d", "out").exit_code == 0
    cells = [cell.text for cell in Document(str(in_tmp / "out" / "w.docx")).tables[0].column_cells(0)]
    assert "2.加强资金监管，确保专款专用：\n（1）建立资金发放台账；\n（2）每季度核查一次。" in cells
