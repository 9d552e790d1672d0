"""aidplan new: a commented plan in the house style to fill in, with example tasks `check` flags (W230)."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from pathlib import Path

from aidplan.errors import UsageError
from aidplan.files import shown, write_atomic
from aidplan.messages import later, tr
from aidplan.plan.numerals import chinese_number
from aidplan.registry import Entry, Registry
from aidplan.values import frozen

PERIOD_KINDS = Registry(
    "Periods",
    Entry("monthly", later("每月一个时段：1月份 … 12月份")),
    Entry("bimonthly", later("每两个月一个时段：1-2月 … 11-12月")),
    Entry("quarterly", later("每季度一个时段：第一季度 … 第四季度")),
    Entry("weekly", later("学期的每周一个时段：第一周 … 第二十周（需要 --term-start）")),
)
DEFAULT_PERIODS = "monthly"
TERM_WEEKS = 20
SCHEMA = Path("schema") / "plan.schema.json"
EXAMPLE_TASK = "写下本时段的工作任务，一项一行"  # after the example mark (aidplan.plan.examples)
COMMENT_COLUMN = 41  # comments start here (display width: a 汉字 counts two), as in README's plan format


@frozen
class NewPlan:
    """What `new` wrote: where, the plan's year, and how many periods and example tasks it has."""

    path: Path
    year: int
    periods: int


def term_name(start: dt.date) -> str:
    """The term a first day of term starts: 2021-03-01 → 2020-2021学年第二学期, 2020-09-01 → …第一学期."""
    if start.month >= 7:
        return f"{start.year}-{start.year + 1}学年第一学期"
    return f"{start.year - 1}-{start.year}学年第二学期"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _line(text: str, comment: str = "") -> str:
    """A YAML line with its comment at COMMENT_COLUMN (or one space after a longer line)."""
    if not comment:
        return text
    return text + " " * max(1, COMMENT_COLUMN - _width(text)) + "# " + comment


def _labels(kind: str) -> list[str]:
    if kind == "monthly":
        return [f"{month}月份" for month in range(1, 13)]
    if kind == "bimonthly":
        return [f"{month}-{month + 1}月" for month in range(1, 13, 2)]
    if kind == "quarterly":
        return [f"第{chinese_number(quarter)}季度" for quarter in range(1, 5)]
    return [f"第{chinese_number(week)}周" for week in range(1, TERM_WEEKS + 1)]


def schema_reference(path: Path) -> str:
    """The modeline's path to the JSON Schema: schema/plan.schema.json in the plan's folder or one above it (a
    plans repository laid out as this one), relative to the plan; else where that layout would put it."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / SCHEMA).is_file():
            return Path(os.path.relpath(candidate / SCHEMA, folder)).as_posix()
    return f"../{SCHEMA.as_posix()}"


def plan_text(
    path: Path,
    year: int,
    kind: str = DEFAULT_PERIODS,
    title: str | None = None,
    organisation: str | None = None,
    term_start: dt.date | None = None,
) -> str:
    """The text of a new plan: every field a user fills, each with a comment, and one example task a period."""
    from aidplan.plan.examples import EXAMPLE_MARK

    example_task = EXAMPLE_MARK + EXAMPLE_TASK
    weekly = kind == "weekly"
    term = term_name(term_start) if weekly and term_start is not None else None
    if title is None:
        title = f"{term}学生资助工作周计划表" if term else f"{year}年学生资助工作计划表"
    labels = _labels(kind)
    # the comments speak the user's language (tr); the plan's own text (title, labels, the example tasks and
    # the commented-out examples of what to write) is the Chinese that is printed in the table
    out = [
        "# "
        + tr(
            "{title}：aidplan new 写下的新计划（{count} 个时段：{first} … {last}）。",
            title=title,
            count=len(labels),
            first=labels[0],
            last=labels[-1],
        ),
        "# "
        + tr(
            "把每个以“{mark}”开头的任务换成本单位的任务（没换之前 aidplan check 逐项警告 W230），",
            mark=EXAMPLE_MARK,
        ),
        "# " + tr("不需要的时段整段删去，时段名称照印发的改。aidplan check 检查，aidplan render 生成附件表格。"),
        "# " + tr("各字段的说明见 README 的“The plan format”；以 # 开头的行是注释，去掉 # 就生效。"),
        f"# yaml-language-server: $schema={schema_reference(path)}",
        _line(f"title: {yaml_scalar(title)}", tr("表格标题，照印发的写")),
        _line(f"year: {year}", tr("计划年度：不写年份的日期都在这一年")),
        _line(f"organisation: {yaml_scalar(organisation)}", tr("发文单位（表格中不印）"))
        if organisation
        else _line("# organisation: 某某市学生资助管理中心", tr("发文单位（表格中不印）")),
        _line("attachment: 附件：", tr("附件标签，照印发的写（附件：、附件1）；没有就删去这一行")),
        _line("layout: by-task", tr("by-task：每项任务一行，时间单元格合并；by-period：每个时段一行")),
        _line("numbering: 1、", tr('任务编号：1、 | "1." | （1） | (1) | none')),
        _line("columns:", tr("表头，照印发的写（空格也照写）")),
        _line("  period: 时间", tr("时段一列")),
        _line("  tasks: 工作内容", tr("任务一列")),
        _line("  deadline: 完成时间", tr("完成时间一列（by-period 才有）")),
        _line("  owner: 责任单位", tr("责任单位一列（owners: true 才有）")),
        _line("owners: false", tr("true：加一列“责任单位”，任务写 owner")),
        "",
        _line("# recurring:", tr("每个时段都做的例行任务，只写一次：")),
        _line("#   - id: monthly-data", tr("进度记录用的名字（字母、数字、-）")),
        _line("#     text: 每月20日前更新维护学生资助管理信息系统{month}月份数据", tr("{month} 填时段的月份")),
        _line(
            "#     placement: first",
            tr("first/last：印在每个时段的第一项/最后一项；listed：只印在列出它的时段"),
        ),
    ]
    if weekly:
        assert term_start is not None
        out += [
            "",
            _line("term:", tr("学期：第几周、开学初、期末都按它推算")),
            _line(f"  name: {term}", tr("照印发的写")),
            _line(f"  start: {term_start.isoformat()}", tr("开学日：第一周是这一天所在的那一周（周一到周日）")),
            _line(
                f"  # end: {_monday(term_start) + dt.timedelta(weeks=TERM_WEEKS, days=-1)}",
                tr("最后一天；不写是第二十周的星期日"),
            ),
        ]
    out += ["", _line("periods:", tr("时段，按时间先后；日期从时段名称读出"))]
    for index, label in enumerate(labels):
        out.append(f"  - label: {label}")
        if index == 0:
            example = _first_deadline(kind, year, term_start)
            out += [
                _line(f"    # deadline: {example}", tr("完成时间，照印发的写（by-period 印在完成时间一列）")),
                _line("    tasks:", tr("本时段的任务，按印出的顺序，一项一行")),
                f"      - {example_task}",
                _line("      # - text: 审核汇总国家助学金受助学生名单", tr("任务也可以写成这样，加上：")),
                _line("      #   owner: 资助中心", tr("这一项的责任单位")),
                _line(f"      #   deadline: {example}", tr("这一项的截止日期")),
            ]
        else:
            out += ["    tasks:", f"      - {example_task}"]
    out += [
        "",
        _line("# notes:", tr("表下的说明，一条一行：")),
        "#   - 注：一并做好上级部门安排部署的其他工作。",
        "",
        _line("# style:", tr("版式；不写就按 GB/T 9704")),
        _line("#   orientation: landscape", tr("portrait（默认）| landscape")),
        _line("#   page_number_start: 3", tr("第一页的页码（附件接在通知后面时）")),
        _line("# calendar:", tr("本地的放假和调休（国家的节假日已经知道）")),
        _line("#   holidays:", tr("本地放假的日子")),
        f"#     - {{date: {year}-09-28, name: 校庆日}}",
        _line(f"#   workdays: [{year}-10-10]", tr("本地上班的周末")),
    ]
    return "\n".join(out) + "\n"


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _first_deadline(kind: str, year: int, term_start: dt.date | None) -> str:
    """The example deadline of the first period: its last working day (national calendar), so that the line
    checks clean once its # is taken away."""
    from aidplan.plan.workdays import WorkCalendar

    if kind == "weekly" and term_start is not None:
        after = _monday(term_start) + dt.timedelta(days=5)  # the week's Saturday
    else:
        after = dt.date(year, {"monthly": 2, "bimonthly": 3, "quarterly": 4}[kind], 1)
    day = WorkCalendar({}, set()).step(after, -1)
    return f"{day.month}月{day.day}日"


def yaml_scalar(text: str) -> str:
    """A plain YAML scalar when it reads back as the same string, else double-quoted."""
    import json

    import yaml

    try:
        if yaml.safe_load(f"value: {text}") == {"value": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def new_plan(
    path: Path,
    year: int | None = None,
    kind: str = DEFAULT_PERIODS,
    title: str | None = None,
    organisation: str | None = None,
    term_start: dt.date | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> NewPlan:
    """Write a new plan at `path` (never over an existing file without `force`), atomically."""
    if kind not in PERIOD_KINDS:
        raise UsageError(tr("未知的时段划分“{kind}”；可选：{listing}", kind=kind, listing=PERIOD_KINDS.listing()))
    if kind == "weekly" and term_start is None:
        raise UsageError(
            tr(
                "--periods weekly 按学期的周排时段，需要开学日期：请加 --term-start（如 --term-start 2021-03-01）",
            )
        )
    if kind != "weekly" and term_start is not None:
        raise UsageError(tr("--term-start 只用于 --periods weekly"))
    if year is None:
        year = term_start.year if term_start is not None else (today or dt.date.today()).year
    require_plan_year(year)
    require_term_year(year, term_start)
    check_option_text(title, organisation)
    refuse_existing(path, force)
    text = plan_text(path, year, kind, title, organisation, term_start)
    write_atomic(path, text.encode("utf-8"))
    return NewPlan(path, year, len(_labels(kind)))


def check_option_text(title: str | None, organisation: str | None) -> None:
    """--title and --org are one printed line each."""
    for text, option in ((title, "--title"), (organisation, "--org")):
        if text is not None and (not text.strip() or any(unicodedata.category(c) == "Cc" for c in text)):
            raise UsageError(tr("{option} 不能为空，也不能含换行或控制字符", option=option))


def require_plan_year(year: int) -> None:
    """Stop with a usage error when `year` is outside the years a plan may be for."""
    from aidplan.plan.model import PLAN_YEARS

    if not PLAN_YEARS[0] <= year <= PLAN_YEARS[1]:
        raise UsageError(
            tr(
                "年度 {year} 不在 {PLAN_YEARS} 至 {PLAN_YEARS2} 之间",
                year=year,
                PLAN_YEARS=PLAN_YEARS[0],
                PLAN_YEARS2=PLAN_YEARS[1],
            )
        )


def require_term_year(year: int, term_start: dt.date | None) -> None:
    """A term plan's year is the year its term starts (its dates without a year are read in it, and an autumn
    term's January is the next year's): a --year that says otherwise is a usage error, not a plan dated wrong."""
    if term_start is not None and term_start.year != year:
        raise UsageError(
            tr(
                "--year {year} 与开学日期 {term_start} 不一致：学期计划的年度是开学的那一年（{start_year}）；"
                "请去掉 --year，或写 --year {start_year}",
                year=year,
                term_start=term_start.isoformat(),
                start_year=term_start.year,
            )
        )


def refuse_existing(path: Path, force: bool) -> None:
    """A plan file is never replaced without --force."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(tr("计划文件名应以 .yaml 或 .yml 结尾：{path}", path=shown(path)))
    from aidplan.plan.calendar_files import CALENDAR_SUFFIX
    from aidplan.track.paths import PROGRESS_SUFFIX

    # a progress or calendar file is never a plan: even with --force it holds another file's records (the old
    # plan's progress is one Tab away from the old plan)
    for suffix, kind in ((PROGRESS_SUFFIX, tr("进度文件")), (CALENDAR_SUFFIX, tr("日历文件"))):
        if path.name.lower().endswith(suffix):
            raise UsageError(
                tr(
                    "不会写入 {path}：以 {suffix} 结尾的是{kind}，不是计划；请换一个输出文件名",
                    path=shown(path),
                    suffix=suffix,
                    kind=kind,
                )
            )
    if not force and (path.exists() or path.is_symlink()):
        raise UsageError(tr("{path} 已经存在，没有改动它；要替换它请加 --force", path=shown(path)))
