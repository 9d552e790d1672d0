"""Tables of any shape: columns listed with roles, nested groups, time and category groups, two header rows,
several tables, no header row — loaded, dated and rendered as printed (DOCX text in reading order, merges)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from aidplan.plan.loading import load_plan
from aidplan.plan.schedule import schedule
from aidplan.track.tracking import tracked_items

from .conftest import DATA
from .docx_reading import NS, W, part, reading_order

TABLES = DATA / "tables"


def _render(cli, name: str, tmp_path: Path) -> bytes:
    out = tmp_path / f"{name}.docx"
    result = cli("render", TABLES / f"{name}.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _rows(data: bytes, table: int = 0) -> list[list[tuple[str, str | None, int]]]:
    """Each row's cells: (text, vMerge value or None, gridSpan)."""
    body = part(data, "word/document.xml").find("w:body", NS)
    tbl = body.findall("w:tbl", NS)[table]
    rows = []
    for tr in tbl.findall("w:tr", NS):
        cells = []
        for tc in tr.findall("w:tc", NS):
            merge = tc.find("w:tcPr/w:vMerge", NS)
            span = tc.find("w:tcPr/w:gridSpan", NS)
            cells.append(
                (
                    "".join(tc.xpath(".//w:t/text()", namespaces=NS)),
                    None if merge is None else merge.get(f"{{{W}}}val", "continue"),
                    1 if span is None else int(span.get(f"{{{W}}}val")),
                )
            )
        rows.append(cells)
    return rows


def test_responsibility_table_two_levels_numbers_owners_deadlines(cli, tmp_path: Path) -> None:
    data = _render(cli, "responsibility", tmp_path)
    assert reading_order(data) == [
        "2021年学生资助工作任务分解表",
        "",
        *["序号", "资助项目", "阶段任务", "工作内容", "责任科室", "完成时限"],
        *["1", "国家助学金", "宣传发动", "印发资助政策简介并发放到每名新生", "学生资助科", "9月10日前"],
        *["2", "召开班主任资助工作培训会", "学生资助科、团委", "9月15日"],
        *["1", "评审认定", "组织家庭经济困难学生认定", "各系部", "9月20日-10月8日"],
        *["2", "公示受助学生名单", "学生资助科", "10月15日前"],
        *["1", "免学费", "数据核查", "核对免学费学生学籍数据", "教务科", "10月29日"],
    ]
    rows = _rows(data)
    # 资助项目 merged down its four rows, 阶段任务 down each stage's two
    assert [row[1][1] for row in rows[1:]] == ["restart", "continue", "continue", "continue", None]
    assert [row[2][1] for row in rows[1:]] == ["restart", "continue", "restart", "continue", None]
    assert all(row[0][1] is None and row[3][1] is None for row in rows)  # 序号 and tasks: a cell per task


def test_responsibility_table_tracks_each_task_by_its_time_cell() -> None:
    plan = load_plan(TABLES / "responsibility.yaml").plan
    assert plan is not None
    items = tracked_items(plan)
    assert [(item.id, item.deadline, item.owner) for item in items] == [
        ("c1.c1.1", date(2021, 9, 10), "学生资助科"),
        ("c1.c1.2", date(2021, 9, 15), "学生资助科、团委"),
        ("c1.c2.1", date(2021, 10, 8), "各系部"),  # a range is due on its last day
        ("c1.c2.2", date(2021, 10, 15), "学生资助科"),
        ("c2.c1.1", date(2021, 10, 29), "教务科"),
    ]
    groups = schedule(plan)
    assert [(g.kind, g.span, [p.group.label for p in g.parents]) for g in groups] == [
        ("category", None, ["国家助学金"]),
        ("category", None, ["国家助学金"]),
        ("category", None, ["免学费"]),
    ]
    assert groups[1].where == ("groups", 0, "groups", 1)


def test_responsibility_due_lists_tasks_by_their_own_dates(cli) -> None:
    result = cli("due", TABLES / "responsibility.yaml", "--today", "2021-09-12")
    assert result.exit_code == 0
    assert "c1.c1.1  2021-09-10  已逾期2天" in result.output
    assert "c1.c1.2  2021-09-15  还有3天" in result.output
    assert "c1.c2.1" not in result.output  # due in October


def test_month_week_table_with_theme_column(cli, tmp_path: Path) -> None:
    data = _render(cli, "month-week", tmp_path)
    assert reading_order(data)[2:] == [
        *["月份", "月主题", "周次", "工作内容", "责任部门"],
        *["三月", "文明礼仪教育月", "第一周", "开学典礼暨国旗下讲话", "德育处"],
        *["学生行为规范检查", "年级组"],
        *["第二周", "学雷锋志愿服务活动", "团委"],
        *["四月", "感恩教育月", "第六周", "清明节缅怀先烈主题班会", "各班主任"],
    ]
    rows = _rows(data)
    assert [row[1][1] for row in rows[1:]] == ["restart", "continue", "continue", None]  # 月主题 beside 月份
    assert [row[2][1] for row in rows[1:]] == ["restart", "continue", None, None]
    plan = load_plan(TABLES / "month-week.yaml").plan
    assert plan is not None
    groups = schedule(plan)
    assert [(g.key, g.kind, g.span.start, g.span.end) for g in groups if g.span] == [
        ("3.w1", "time", date(2021, 3, 1), date(2021, 3, 7)),
        ("3.w2", "time", date(2021, 3, 8), date(2021, 3, 14)),
        ("4.w6", "time", date(2021, 4, 5), date(2021, 4, 11)),
    ]
    assert [item.id for item in tracked_items(plan)] == ["3.w1.1", "3.w1.2", "3.w2.1", "4.w6.1"]


def test_two_header_rows_merge_across_and_down(cli, tmp_path: Path) -> None:
    data = _render(cli, "two-header-rows", tmp_path)
    rows = _rows(data)
    assert rows[0] == [
        ("类别", "restart", 1),
        ("序号", "restart", 1),
        ("工作内容", "restart", 1),
        ("完成时限", "restart", 1),
        ("完成情况", None, 2),
    ]
    assert rows[1] == [
        ("", "continue", 1),
        ("", "continue", 1),
        ("", "continue", 1),
        ("", "continue", 1),
        ("已完成", None, 1),
        ("未完成", None, 1),
    ]
    body = part(data, "word/document.xml")
    headers = body.xpath("//w:tbl/w:tr[w:trPr/w:tblHeader]", namespaces=NS)
    assert len(headers) == 2  # both header rows repeat on every page
    assert reading_order(data)[2:] == [
        *["类别", "序号", "工作内容", "完成时限", "完成情况", "已完成", "未完成"],
        *["综合工作", "1", "修订学生资助工作实施细则", "3月31日前", "√", ""],
        *["2", "开展资助政策宣传月活动", "5月", "", "推迟至6月"],
    ]


def test_plan_with_two_tables_each_under_its_heading(cli, tmp_path: Path) -> None:
    data = _render(cli, "two-tables", tmp_path)
    assert reading_order(data) == [
        "2020年学生资助工作计划",
        "一、2020年春季学期",
        "",
        *["时间", "工作内容", "3月", "1、审核春季学期国家助学金名单", "4月", "1、发放春季学期国家助学金"],
        "二、2020年秋季学期",
        "",
        *["项目", "工作内容", "完成时间"],
        *["新生资助", "1、开通绿色通道", "9月1日-9月7日", "2、发放入学资助项目", "9月30日前"],
        "注：秋季学期工作以省厅通知为准。",
    ]
    assert [len(_rows(data, t)[0]) for t in (0, 1)] == [2, 3]
    plan = load_plan(TABLES / "two-tables.yaml").plan
    assert plan is not None
    assert [(item.id, item.deadline) for item in tracked_items(plan)] == [
        ("3.1", date(2020, 3, 31)),
        ("4.1", date(2020, 4, 30)),
        ("c1.1", date(2020, 9, 7)),
        ("c1.2", date(2020, 9, 30)),
    ]


def test_table_without_header_row(cli, tmp_path: Path) -> None:
    data = _render(cli, "no-header", tmp_path)
    assert reading_order(data)[1:] == [
        "",
        *["假前", "1、寒假前完成春季学期资助名额预分配", "假后", "1、开学后两周内完成学生信息变更"],
    ]
    assert not part(data, "word/document.xml").xpath("//w:tblHeader", namespaces=NS)


def test_seed_plans_keep_the_legacy_layout() -> None:
    from aidplan.render.layout import build_layout

    from .conftest import SEED_PLANS

    for path in SEED_PLANS.values():
        plan = load_plan(path).plan
        assert plan is not None and not build_layout(plan).general


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "columns:\n  - {header: 工作内容, role: task}\n  - {header: 具体措施, role: task}\ngroups:\n"
            "  - {label: 3月, tasks: [a]}\n",
            "4:3: error[E111]: 表格有 2 个 role: task 的列；任务内容列必须正好一个",
        ),
        (
            "columns:\n  - {header: 工作内容, role: tasks}\ngroups:\n  - {label: 3月, tasks: [a]}\n",
            "4:26: error[E110]: “role”的值不可用：“tasks”；可选：“group”、“task”、“number”、“owner”、“time”、"
            "“deadline”、“free”",
        ),
        (
            "columns:\n"
            + "".join(f"  - {{header: 列{n}, role: free, key: k{n}}}\n" for n in range(8))
            + "  - {header: 工作内容, role: task}\ngroups:\n  - {label: 3月, tasks: [a]}\n",
            "4:3: error[E111]: 表格有 9 列；最多 8 列",
        ),
        (
            "columns:\n  - {header: 备注, role: free}\n  - {header: 工作内容, role: task}\n"
            "groups:\n  - {label: 3月, tasks: [a]}\n",
            "4:5: error[E111]: 自由列“备注”缺少 key：任务和分组用 cells 的这个键写它的内容（如 key: note）",
        ),
        (
            "columns:\n  - {header: 月份, role: group}\n  - {header: 工作内容, role: task}\ngroups:\n"
            "  - label: 3月\n    tasks: [a]\n    groups:\n      - {label: 第一周, tasks: [b]}\n",
            "7:5: error[E111]: 分组“3月”既有 tasks 又有 groups：一个分组要么列任务，要么分成下一级分组",
        ),
        (
            "groups:\n  - label: 3月\n    groups:\n      - {label: 第一周, tasks: [b]}\n",
            "6:17: error[E111]: 分组“第一周”在第 2 层，但用映射写的 columns 只有一个分组层；"
            "请把 columns 写成列表（每层分组一列 role: group，或不写分组列、把分组名印成标题行）",
        ),
        (
            "columns:\n  - {header: 月份, role: group}\n  - {header: 工作内容, role: task}\ngroups:\n"
            "  - label: 3月\n    tasks:\n      - {text: a, cells: {note: 已完成}}\n",
            "9:27: error[E111]: cells 的键“note”不是任何自由列的 key；这张表的自由列 key：（表格没有 role: free 的列）",
        ),
        (
            "groups:\n  - label: a\n    groups:\n      - label: b\n        groups:\n          - label: c\n"
            "            groups:\n              - {label: d, tasks: [x]}\n",
            "4:5: error[E111]: 分组“a”下面有 4 层分组；一张表最多分 3 层",
        ),
        (
            "periods:\n  - {label: 3月, tasks: [a]}\ngroups:\n  - {label: 4月, tasks: [b]}\n",
            "1:1: error[E111]: 计划同时写了 periods、groups；只写其中一个（groups 与 periods 相同，多张表用 tables）",
        ),
    ],
)
def test_table_mistakes_are_located(cli, tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("title: 计划\nyear: 2021\n" + body, encoding="utf-8")
    result = cli("check", path)
    assert result.exit_code == 1
    assert f"{path}:{message}" in result.output


def test_categories_without_a_group_column_are_rows_across_the_table(cli, tmp_path: Path) -> None:
    data = _render(cli, "category-rows", tmp_path)
    assert reading_order(data)[2:] == [
        *["工作内容", "牵头科室", "时间节点"],
        "一、综合工作",
        *["01.召开2021年学生资助工作会议", "资助中心", "3月5日"],
        *["02.印发年度工作要点", "资助中心", "3月12日前"],
        "二、国家助学金",
        *["03.审核春季学期受助学生名单", "高中资助科", "3月20日-3月26日"],
    ]
    rows = _rows(data)
    assert rows[1] == [("一、综合工作", None, 3)]  # one cell across the three columns
    assert rows[4] == [("二、国家助学金", None, 3)]
    plan = load_plan(TABLES / "category-rows.yaml").plan
    assert plan is not None
    assert [(item.id, item.deadline) for item in tracked_items(plan)] == [
        ("c1.1", date(2021, 3, 5)),
        ("c1.2", date(2021, 3, 12)),
        ("c2.3", date(2021, 3, 26)),  # numbers run on across the categories (numbering_scope: plan)
    ]


MIXED = """\
title: 混合分组
year: 2021
columns:
  - {header: 月份, role: group}
  - {header: 工作内容, role: task}
  - {header: 责任部门, role: owner}
groups:
  - label: 三月
    groups:
      - label: （一）宣传
        tasks:
          - {text: 印发政策简介, owner: 资助中心}
          - {text: 召开家长会, owner: 各学校}
      - label: （二）评审
        tasks:
          - {text: 评审认定, owner: 各学校}
  - label: 四月
    tasks: [发放资助金]
"""


def test_a_level_without_its_own_column_is_a_heading_row_beside_the_merged_group(cli, tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text(MIXED, encoding="utf-8")
    out = tmp_path / "mixed.docx"
    assert cli("render", path, "-o", out).exit_code == 0
    data = out.read_bytes()
    assert reading_order(data)[2:] == [
        *["月份", "工作内容", "责任部门"],
        *["三月", "（一）宣传", "1、印发政策简介", "资助中心", "2、召开家长会", "各学校"],
        *["（二）评审", "1、评审认定", "各学校"],
        *["四月", "1、发放资助金", ""],
    ]
    rows = _rows(data)
    assert rows[1] == [("三月", "restart", 1), ("（一）宣传", None, 2)]
    assert [row[0][1] for row in rows[2:6]] == ["continue"] * 4  # 三月 merged down past its heading rows
    assert rows[6][0] == ("四月", None, 1)
    html = tmp_path / "mixed.html"
    assert cli("render", path, "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert '<th class="group" scope="rowgroup" rowspan="5">三月</th>' in page
    assert '<th class="heading" scope="rowgroup" colspan="2">（一）宣传</th>' in page


def test_number_column_prints_the_plans_numbering_form(cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    text = (TABLES / "responsibility.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace('numbering: "1"', 'numbering: "（1）"'), encoding="utf-8")
    out = tmp_path / "plan.docx"
    assert cli("render", path, "-o", out).exit_code == 0
    assert reading_order(out.read_bytes())[8:10] == ["（1）", "国家助学金"]


def test_owner_without_an_owner_column_in_a_listed_table_is_located(cli, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "title: 计划\nyear: 2021\ncolumns:\n  - {header: 月份, role: group}\n  - {header: 工作内容, role: task}\n"
        "groups:\n  - label: 3月\n    owner: 资助中心\n    tasks:\n      - {text: 审核名单, owner: 各学校}\n",
        encoding="utf-8",
    )
    result = cli("check", path)
    assert result.output.splitlines()[:2] == [
        f"{path}:8:12: warning[W218]: 分组“3月”写了责任单位“资助中心”，但表格没有责任单位列，不会印出；"
        "请在 columns 里加一列 role: owner，或删去 owner",
        f"{path}:10:29: warning[W218]: 任务 3.1 写了责任单位“各学校”，但表格没有责任单位列，不会印出；"
        "请在 columns 里加一列 role: owner，或删去 owner",
    ]


def test_markdown_and_html_print_every_table_with_its_heading_and_header_rows(cli, tmp_path: Path) -> None:
    md = tmp_path / "two.md"
    assert cli("render", TABLES / "two-tables.yaml", "-o", md).exit_code == 0
    assert md.read_text(encoding="utf-8") == (
        "# 2020年学生资助工作计划\n\n## 一、2020年春季学期\n\n| 时间 | 工作内容 |\n|:---:|:---|\n"
        "| 3月 | 1、审核春季学期国家助学金名单 |\n| 4月 | 1、发放春季学期国家助学金 |\n\n"
        "## 二、2020年秋季学期\n\n| 项目 | 工作内容 | 完成时间 |\n|:---:|:---|:---:|\n"
        "| 新生资助 | 1、开通绿色通道 | 9月1日-9月7日 |\n|  | 2、发放入学资助项目 | 9月30日前 |\n\n"
        "注：秋季学期工作以省厅通知为准。\n"
    )
    html = tmp_path / "rows.html"
    assert cli("render", TABLES / "two-header-rows.yaml", "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert (
        '<tr>\n<th scope="col" rowspan="2">类别</th>\n<th scope="col" rowspan="2">序号</th>\n'
        '<th scope="col" rowspan="2">工作内容</th>\n<th scope="col" rowspan="2">完成时限</th>\n'
        '<th scope="col" colspan="2">完成情况</th>\n</tr>\n<tr>\n<th scope="col">已完成</th>\n'
        '<th scope="col">未完成</th>\n</tr>'
    ) in page


def test_a_long_group_split_at_a_page_end_prints_its_merged_cells_again(cli, tmp_path: Path) -> None:
    tasks = "".join(
        f"          - {{text: 第{n}项工作，内容较长需要折行显示以便占满页面的高度, deadline: 3月{n % 28 + 1}日}}\n"
        for n in range(1, 61)
    )
    path = tmp_path / "long.yaml"
    path.write_text(
        "title: 长表\nyear: 2021\ncolumns:\n  - {header: 项目, role: group}\n  - {header: 阶段, role: group}\n"
        "  - {header: 工作内容, role: task}\n  - {header: 时间, role: time}\n"
        "groups:\n  - label: 国家助学金\n    groups:\n      - label: 评审\n        tasks:\n" + tasks,
        encoding="utf-8",
    )
    out = tmp_path / "long.docx"
    assert cli("render", path, "-o", out).exit_code == 0
    rows = _rows(out.read_bytes())
    restarts = [i for i, row in enumerate(rows) if row[0] == ("国家助学金", "restart", 1)]
    assert len(restarts) >= 2  # the label again at the top of every page the group runs onto
    assert all(rows[i][1] == ("评审", "restart", 1) for i in restarts)


DEYU = DATA / "corpus" / "2025-autumn-deyu.yaml"


def test_widths_give_the_task_column_what_the_others_do_not_need() -> None:
    from aidplan.render.pages import table_layout
    from aidplan.render.style import profile_for
    from aidplan.render.widths import text_width

    plan = load_plan(DEYU).plan
    assert plan is not None
    profile = profile_for(plan)
    layout, widths = table_layout(plan, profile)
    roles = [column.role for column in layout.columns]
    assert roles == ["group", "free", "group", "free", "task"]
    # 主要活动 is the widest column and keeps 10 characters a line: four columns of 5-character words whole
    # would leave it 9 (portrait), so one of them breaks instead of the tasks
    assert max(widths) == widths[4] >= 10 * profile.cell_size + 2 * profile.cell_padding
    assert abs(sum(widths) - profile.text_width) < 0.1
    longest = max(
        text_width(p, profile.cell_size, profile.body_font) for r in layout.rows for p in r.cells[0].paragraphs
    )
    assert widths[0] - 2 * profile.cell_padding >= longest  # 十一月 on one line
    landscape = profile_for(plan, "landscape")
    layout, widths = table_layout(plan, landscape)
    for column in (0, 2):  # with room, every month and week on one line
        longest = max(
            text_width(p, profile.cell_size, profile.body_font) for r in layout.rows for p in r.cells[column].paragraphs
        )
        assert widths[column] - 2 * profile.cell_padding >= longest


def test_a_long_month_is_cut_between_its_weeks_so_pages_fill() -> None:
    from aidplan.render.pages import plan_pages, table_layout
    from aidplan.render.style import profile_for

    plan = load_plan(DEYU).plan
    assert plan is not None
    profile = profile_for(plan)
    layout, widths = table_layout(plan, profile)
    pages = plan_pages(layout, profile, widths)
    rooms = [pages.geometry.first] + [pages.geometry.other] * (pages.page_count - 1)
    assert pages.page_count == 3
    assert all(used >= 0.8 * room for used, room in zip(pages.used[:-1], rooms))  # no half-empty page
    # 十月 runs from page 1 onto page 2: its label and theme printed again at the top of page 2
    starts = pages.starts()
    top = layout.rows[starts[1]].cells
    assert (top[0].paragraphs, top[1].paragraphs, top[0].continues) == (("十月",), ("爱国主义教育月",), False)
    assert layout.rows[starts[1] - 1].cells[0].continues  # … and the rows above it on page 1 are 十月's too


STAGES = """\
title: 阶段安排
year: 2021
columns:
  - {header: 阶段, role: group}
  - {header: 起止日期, role: time}
  - {header: 工作内容, role: task}
  - {header: 完成时间, role: deadline}
groups:
  - label: 宣传发动阶段
    time: 9月1日-9月15日
    deadline: 9月15日
    tasks: [印发通知, {text: 召开动员会, deadline: 9月3日}]
  - label: 评审阶段
    time: 9月16日-10月15日
    deadline: 10月15日
    tasks: [组织评审]
"""


def test_group_time_and_deadline_cells_merge_over_the_groups_rows(cli, tmp_path: Path) -> None:
    path = tmp_path / "stages.yaml"
    path.write_text(STAGES, encoding="utf-8")
    out = tmp_path / "stages.docx"
    assert cli("render", path, "-o", out).exit_code == 0
    data = out.read_bytes()
    assert reading_order(data)[2:] == [
        *["阶段", "起止日期", "工作内容", "完成时间"],
        *["宣传发动阶段", "9月1日-9月15日", "1、印发通知", "9月15日", "9月3日", "2、召开动员会"],
        *["评审阶段", "9月16日-10月15日", "1、组织评审", "10月15日"],
    ]
    rows = _rows(data)
    assert [cell[1] for cell in rows[1]] == ["restart", None, None, "restart"]  # the task's own time: its own cell
    assert [cell[1] for cell in rows[2]] == ["continue", None, None, "continue"]
    plan = load_plan(path).plan
    assert plan is not None
    groups = schedule(plan)
    assert [(g.key, g.span.start, g.span.end) for g in groups if g.span] == [
        ("9", date(2021, 9, 1), date(2021, 9, 15)),  # dates from the group's time cell
        ("9-2", date(2021, 9, 16), date(2021, 10, 15)),
    ]
    assert [(item.id, item.deadline) for item in tracked_items(plan)] == [
        ("9.1", date(2021, 9, 15)),
        ("9.2", date(2021, 9, 3)),
        ("9-2.1", date(2021, 10, 15)),
    ]


BLANK_WEEK = """\
title: 某中学2026-2027学年第一学期学生资助工作行事历
year: 2026
term: {start: 2026-08-31}
columns:
  - {header: 周次, role: group}
  - {header: 日期, role: time}
  - {header: 工作内容, role: task}
groups:
  - label: 第一周
    time: 8.31-9.4
    tasks: [开学资助政策宣传]
  - label: 第二周
    time: 9.7-9.11
    tasks: []
  - label: 第三周
    time: 9.14-9.18
"""


def test_a_week_printed_blank_is_written_tasks_empty_and_prints_its_row(cli, tmp_path: Path) -> None:
    """`tasks: []` is a row the table prints with nothing planned (a week of a 行事历): no E209, its row printed
    with its dates and an empty task cell, and no line in status; a group with no `tasks:` at all is still E209."""
    path = tmp_path / "xsl.yaml"
    path.write_text(BLANK_WEEK, encoding="utf-8")
    result = cli("check", path)
    assert result.stdout.splitlines()[0] == f"{path}:15:5: error[E209]: 时段“第三周”没有任务"
    path.write_text(BLANK_WEEK + "    tasks: [班级民主评议]\n", encoding="utf-8")
    assert cli("check", path).exit_code == 0
    markdown = cli("render", path, "-f", "md", "-o", "-").stdout
    assert "| 第二周 | 9.7-9.11 |  |" in markdown
    status = cli("status", path, "--today", "2026-09-10").stdout
    assert "  第一周  0/1（0%），逾期 1\n  第三周  0/1（0%）\n" in status
    assert "第二周" not in status
