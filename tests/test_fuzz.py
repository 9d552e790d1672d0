"""Property and fuzz tests: any input ends in a result or a clear error, never an escaping exception."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidplan.plan.checks import check_plan
from aidplan.plan.deadlines import DeadlineError, dates_in_text, format_deadline, monthly_days, parse_deadline
from aidplan.plan.loading import load_plan
from aidplan.plan.periods import PeriodLabelError, Span, format_month_label, parse_period_label

from .conftest import SEED_PLANS

# Text the way plans are written: Chinese numerals and month words, digits, separators, and anything else.
PLAN_ALPHABET = st.sampled_from(
    list("元一二三四五六七八九十正月份日号至到~～-—、，和及前底末初上中下旬季度第次年半全周")
    + list("0123456789０１２ \n\t")
)
plan_text = st.text(alphabet=PLAN_ALPHABET, max_size=16) | st.text(max_size=16)
years = st.integers(min_value=1990, max_value=2100)


@given(plan_text, years)
@settings(max_examples=400)
def test_period_labels_give_a_span_or_a_clear_error(label: str, year: int) -> None:
    try:
        span = parse_period_label(label, year)
    except PeriodLabelError as exc:
        assert str(exc)
    else:
        assert span.start <= span.end
        assert span.start.year in (year, year + 1)


@given(plan_text, years)
@settings(max_examples=400)
def test_deadlines_give_a_date_or_a_clear_error(text: str, year: int) -> None:
    try:
        day = parse_deadline(text, year)
    except DeadlineError as exc:
        assert str(exc).startswith("日期“")
    else:
        assert isinstance(day, dt.date)


@given(st.text(max_size=80) | st.text(alphabet=PLAN_ALPHABET, max_size=80))
@settings(max_examples=300)
def test_dates_in_free_text_never_fail(text: str) -> None:
    for found in dates_in_text(text):
        assert 0 <= found.month <= 99 and 0 <= found.day <= 99
    assert all(1 <= day <= 99 for day in monthly_days(text))


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_printed_deadlines_read_back_to_the_same_date(day: dt.date) -> None:
    assert parse_deadline(format_deadline(day), day.year) == day


@given(years, st.integers(1, 12), st.integers(0, 11))
def test_printed_month_labels_read_back_to_the_same_span(year: int, first: int, length: int) -> None:
    last_month = first + length
    end_year, end_month = (year, last_month) if last_month <= 12 else (year + 1, last_month - 12)
    if (end_year, end_month) == (year, first) and length:
        return
    import calendar

    span = Span(dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1]))
    assert parse_period_label(format_month_label(span), year) == span


@given(st.binary(max_size=400) | st.text(max_size=300).map(lambda t: t.encode("utf-8")))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_any_bytes_load_to_a_plan_or_located_findings(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_bytes(data)
        loaded = load_plan(path)
        findings = check_plan(loaded)
    assert (loaded.plan is not None) or findings
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1 and finding.message


SEED_LINES = {name: path.read_text(encoding="utf-8").splitlines() for name, path in SEED_PLANS.items()}


@st.composite
def mutated_seed(draw) -> str:
    lines = list(SEED_LINES[draw(st.sampled_from(sorted(SEED_LINES)))])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["drop", "swap", "insert", "duplicate"]))
        index = draw(st.integers(0, len(lines) - 1))
        if kind == "drop":
            del lines[index]
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            head, sep, value = lines[index].partition(": ")
            head2, sep2, value2 = lines[other].partition(": ")
            if sep and sep2:
                lines[index], lines[other] = head + sep + value2, head2 + sep2 + value
        elif kind == "insert":
            position = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:position] + draw(st.text(min_size=1, max_size=3)) + lines[index][position:]
        else:
            lines.insert(index, lines[index])
    return "\n".join(lines) + "\n"


@given(mutated_seed())
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
def test_commands_on_mutated_plans_end_with_a_message_not_a_traceback(text: str) -> None:
    from typer.testing import CliRunner

    from aidplan.cli import app

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        plan = Path(folder) / "plan.yaml"
        plan.write_text(text, encoding="utf-8")  # st.text draws no lone surrogates
        for args in (
            ["check", str(plan)],
            ["render", str(plan), "-f", "docx,md", "-d", str(Path(folder) / "out")],
            ["due", str(plan), "--today", "2020-05-10", "--format", "json"],
            ["status", str(plan), "--today", "2020-05-10"],
        ):
            result = runner.invoke(app, args)
            assert result.exit_code in (0, 1), (args, result.output, result.exception)
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
            assert "Traceback" not in result.output
            if result.exit_code == 1:
                assert result.stderr.strip() or result.stdout.strip()
