"""The calendar file format: pydantic models of a year's official days off and make-up workdays. No I/O.

Apart from calendar_files so that commands pay for building these models only when a calendar file exists."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Holiday(_Strict):
    """One holiday of the notice: its name and its days off (listed, or a first and last day)."""

    name: str = Field(min_length=1, description="The holiday as the notice names it: 春节.")
    dates: list[dt.date] = Field(default_factory=list, description="Its days off, each in ISO form.")
    start: dt.date | None = Field(None, description="The first day off of a run (with end).")
    end: dt.date | None = Field(None, description="The last day off of a run (with start).")


class Workday(_Strict):
    """A weekend day worked under 调休, with what it makes up for."""

    date: dt.date = Field(description="The Saturday or Sunday worked, ISO form.")
    name: str | None = Field(None, min_length=1, description="What it makes up for: 春节.")


class CalendarFile(_Strict):
    """A year's official arrangement of days off and make-up workdays."""

    year: int = Field(ge=1990, le=2100, description="The year the arrangement is for.")
    source: str | None = Field(None, description="The notice it was typed from (title, number or URL).")
    holidays: list[Holiday] = Field(default_factory=list, description="Days off, holiday by holiday.")
    workdays: list[dt.date | Workday] = Field(
        default_factory=list, description="Weekend days worked (调休上班): a date, or {date, name}."
    )
