"""export and due name a plan whose title is printed on two lines by its title on one line."""

from __future__ import annotations

from .conftest import DATA


def test_a_title_printed_on_two_lines_names_the_events_on_one_line(cli, tmp_path) -> None:
    """A title of two lines (a list in the plan) joins as it reads in the calendar, the CSV and due's heading:
    a line break is not allowed in an iCalendar CATEGORIES value."""
    plan = DATA / "corpus" / "2026-kindergarten.yaml"
    ics = cli("export", str(plan), "-f", "ics", "-o", str(tmp_path / "k.ics"))
    assert ics.exit_code == 0, ics.output
    text = (tmp_path / "k.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "CATEGORIES:花园路幼儿园2026年春季学期学前教育资助及保教工作计划" in text
    assert "计划：花园路幼儿园2026年春季学期学前教育资助及保教工作计划" in text.replace("\\n", "\n")
    rows = cli("export", str(plan), "-f", "csv", "-o", "-").stdout.splitlines()
    assert rows[1].startswith("花园路幼儿园2026年春季学期学前教育资助及保教工作计划,")
    due = cli("due", str(plan), "--today", "2026-03-16", "--color", "never")
    assert due.stdout.splitlines()[2] == f"花园路幼儿园2026年春季学期学前教育资助及保教工作计划（{plan}）"
