"""aidplan.values: records behave as the dataclasses they replace (fields, defaults, equality, hashing,
immutability, replace), and importing the modules that define them compiles no code."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import field
from datetime import date

import pytest

from aidplan.values import FrozenRecordError, frozen, mutable, replace


@frozen
class Window:
    start: date
    end: date
    name: str | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@mutable
class Tally:
    label: str
    seen: list[int] = field(default_factory=list)


@frozen
class Named(Window):
    note: str = ""


def test_fields_in_order_with_defaults_by_position_or_keyword() -> None:
    window = Window(date(2020, 5, 1), end=date(2020, 5, 3))
    assert (window.start, window.end, window.name, window.days) == (date(2020, 5, 1), date(2020, 5, 3), None, 3)
    assert repr(window) == "Window(start=datetime.date(2020, 5, 1), end=datetime.date(2020, 5, 3), name=None)"
    assert Window.__match_args__ == ("start", "end", "name")


def test_wrong_arguments_are_refused_as_by_a_dataclass() -> None:
    with pytest.raises(TypeError, match="missing required argument: 'end'"):
        Window(date(2020, 5, 1))
    with pytest.raises(TypeError, match="unexpected keyword argument 'finish'"):
        Window(date(2020, 5, 1), date(2020, 5, 2), finish=1)
    with pytest.raises(TypeError, match="takes 3 arguments but 4 were given"):
        Window(1, 2, 3, 4)


def test_frozen_records_compare_and_hash_by_value_and_cannot_be_changed() -> None:
    one, same, other = Window(date(2020, 1, 1), date(2020, 1, 2)), Window(date(2020, 1, 1), date(2020, 1, 2)), None
    assert one == same and hash(one) == hash(same) and len({one, same}) == 1
    assert one != Window(date(2020, 1, 1), date(2020, 1, 3))
    assert one != (date(2020, 1, 1), date(2020, 1, 2), None) and one != other
    with pytest.raises(FrozenRecordError, match="cannot assign to field 'end' of a frozen Window"):
        one.end = date(2020, 1, 9)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del one.start  # type: ignore[misc]


def test_mutable_records_take_a_fresh_default_each_and_are_unhashable() -> None:
    first, second = Tally("a"), Tally("a")
    first.seen.append(1)
    assert (first.seen, second.seen) == ([1], [])
    first.label = "b"
    assert first == Tally("b", [1])
    with pytest.raises(TypeError, match="unhashable"):
        hash(first)


def test_a_subclass_adds_its_fields_after_its_base_fields() -> None:
    named = Named(date(2020, 1, 1), date(2020, 1, 2), "假期", "调休")
    assert Named.__match_args__ == ("start", "end", "name", "note")
    assert named != Window(date(2020, 1, 1), date(2020, 1, 2), "假期")


def test_replace_changes_the_named_fields_only() -> None:
    window = Window(date(2020, 1, 1), date(2020, 1, 2), "元旦")
    moved = replace(window, end=date(2020, 1, 3))
    assert (moved, window.end) == (Window(date(2020, 1, 1), date(2020, 1, 3), "元旦"), date(2020, 1, 2))
    with pytest.raises(TypeError, match="Window has no field 'finish'"):
        replace(window, finish=1)


def test_the_modules_of_the_check_path_define_no_dataclass() -> None:
    """Every class `aidplan check` defines is built without compiling code at import (a dataclass compiles its
    methods: about 3 million instructions each); this fails as soon as one of them is a dataclass again."""
    code = (
        "import dataclasses, sys\nfrom aidplan.cli import app\n"
        "try:\n    app(['check', '-q', 'plans/2020-huaibei.yaml'], prog_name='aidplan')\nexcept SystemExit:\n    pass\n"
        "found = [f'{name}.{value.__name__}' for name, module in sorted(sys.modules.items())\n"
        "         if name.startswith('aidplan') for value in vars(module).values()\n"
        "         if dataclasses.is_dataclass(value) and value.__module__ == name]\n"
        "print('dataclasses:', found)\n"
    )
    from .conftest import ROOT

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines()[-1] == "dataclasses: []"
