"""Small record classes (a task as printed, a span of days, a finding …) without the start-up cost of dataclasses.

`@dataclass` writes the source of each class's `__init__`, `__repr__`, `__eq__`, `__hash__` and `__setattr__` and
compiles it when the module is imported: about 3 million instructions per frozen class, and `aidplan check`
imports two dozen of them. `@frozen` and `@mutable` give a class the same methods from functions shared by every record
(nothing is compiled at import): fields are the class's annotations, in order, with their defaults (a
`dataclasses.field(default_factory=…)` default is called for each new record). `@frozen` is
`@dataclass(frozen=True)`, `@mutable` is `@dataclass` (compared by value, so unhashable), and
`replace(record, **changes)` is `dataclasses.replace`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field
from operator import itemgetter
from typing import Any, TypeVar

T = TypeVar("T")
_NO_DEFAULT = object()


class FrozenRecordError(AttributeError):
    """Raised when a field of a frozen record is set or deleted."""


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")


def _fields_of(cls: type) -> tuple[tuple[str, ...], dict[str, Any], dict[str, Callable[[], Any]]]:
    names: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    for base in reversed(cls.__mro__[1:]):
        for name in getattr(base, "__record_fields__", ()):
            if name not in names:
                names.append(name)
        defaults.update(getattr(base, "__record_defaults__", {}))
        factories.update(getattr(base, "__record_factories__", {}))
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063 (its own, not inherited)
        if "ClassVar" in str(annotation):
            continue
        if name not in names:
            names.append(name)
        default = cls.__dict__.get(name, _NO_DEFAULT)
        if isinstance(default, Field):
            if default.default_factory is not MISSING:
                factories[name] = default.default_factory
            elif default.default is not MISSING:
                defaults[name] = default.default
            delattr(cls, name)
        elif default is not _NO_DEFAULT:
            defaults[name] = default
    return tuple(names), defaults, factories


def _install(cls: type[T], frozen: bool) -> type[T]:
    names, defaults, factories = _fields_of(cls)
    count = len(names)
    qualname = cls.__qualname__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > count:
            raise TypeError(f"{qualname}() takes {count} arguments but {len(args)} were given")
        values = self.__dict__
        for name, value in zip(names, args):
            values[name] = value
        for name in names[len(args) :]:
            if name in kwargs:
                values[name] = kwargs.pop(name)
            elif name in defaults:
                values[name] = defaults[name]
            elif name in factories:
                values[name] = factories[name]()
            else:
                raise TypeError(f"{qualname}() missing required argument: {name!r}")
        if kwargs:
            raise TypeError(f"{qualname}() got an unexpected keyword argument {next(iter(kwargs))!r}")

    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    key = itemgetter(*names) if names else (lambda values: ())  # the fields' values, compared and hashed

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self.__dict__) == key(other.__dict__)

    def __hash__(self: Any) -> int:
        return hash(key(self.__dict__))

    cls.__record_fields__ = names  # type: ignore[attr-defined]
    cls.__record_defaults__ = defaults  # type: ignore[attr-defined]
    cls.__record_factories__ = factories  # type: ignore[attr-defined]
    cls.__match_args__ = names  # type: ignore[attr-defined]
    for method in (__init__, __repr__, __eq__):
        method.__qualname__ = f"{qualname}.{method.__name__}"
        if method.__name__ not in cls.__dict__:
            setattr(cls, method.__name__, method)
    if frozen:
        __hash__.__qualname__ = f"{qualname}.__hash__"
        cls.__hash__ = __hash__  # type: ignore[method-assign]
        cls.__setattr__ = _frozen_setattr  # type: ignore[method-assign,assignment]
        cls.__delattr__ = _frozen_delattr  # type: ignore[method-assign,assignment]
    elif "__eq__" not in cls.__dict__ or cls.__dict__["__eq__"] is __eq__:
        cls.__hash__ = None  # type: ignore[assignment]  # mutable and compared by value: unhashable, as a dataclass
    return cls


def frozen(cls: type[T]) -> type[T]:
    """Make `cls` a frozen record (as `@dataclass(frozen=True)`): compared and hashed by its fields."""
    return _install(cls, True)


def mutable(cls: type[T]) -> type[T]:
    """Make `cls` a record whose fields may be set (as `@dataclass`): compared by its fields, unhashable."""
    return _install(cls, False)


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record `obj` with `changes` to its fields (dataclasses.replace for records)."""
    values = {name: obj.__dict__[name] for name in type(obj).__record_fields__}  # type: ignore[attr-defined]
    unknown = changes.keys() - values.keys()
    if unknown:
        raise TypeError(f"{type(obj).__qualname__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return type(obj)(**values)
