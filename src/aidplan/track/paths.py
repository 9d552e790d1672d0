"""Where a plan's progress file is (plans/a.yaml → plans/a.progress.yaml) and which plan a progress file
belongs to: paths only, so `check` of a plan without a progress file loads none of the record machinery."""

from __future__ import annotations

import os
from pathlib import Path

from aidplan.errors import UsageError
from aidplan.files import protect, shown
from aidplan.messages import tr

PROGRESS_SUFFIX = ".progress.yaml"


def progress_path(plan_path: Path) -> Path:
    """plans/2020-huaibei.yaml → plans/2020-huaibei.progress.yaml"""
    return plan_path.with_name(plan_path.stem + PROGRESS_SUFFIX)


def plan_path_of(progress: Path) -> Path:
    """The plan a progress file belongs to (the .yaml beside it, else the .yml)."""
    stem = progress.name[: -len(PROGRESS_SUFFIX)]
    yaml_path = progress.with_name(stem + ".yaml")
    yml_path = progress.with_name(stem + ".yml")
    return yaml_path if yaml_path.exists() or not yml_path.exists() else yml_path


def sharing_plan(plan_path: Path) -> Path | None:
    """Another plan beside this one that would use the same progress file (a.yaml and a.yml), if any."""
    for suffix in (".yaml", ".yml"):
        other = plan_path.with_name(plan_path.stem + suffix)
        if other.name != plan_path.name and other.is_file():
            try:
                if not os.path.samefile(other, plan_path):
                    return other
            except OSError:
                return other
    return None


def shared_progress_message(plan_path: Path, other: Path) -> str:
    first, second = sorted([plan_path, other], key=lambda p: p.suffix != ".yaml")
    return tr(
        "{first} 和 {second} 会共用进度文件 {progress_path}，两个计划的记录会混在一起；"
        "请把其中一个改名（或移到别的目录）",
        first=shown(first),
        second=shown(second),
        progress_path=shown(progress_path(plan_path)),
    )


def progress_for(plan_path: Path) -> Path:
    """The plan's progress file; refused when a twin plan (a.yaml beside a.yml) would share it."""
    other = sharing_plan(plan_path)
    if other is not None:
        raise UsageError(shared_progress_message(plan_path, other))
    return progress_path(plan_path)


def has_progress(path: Path) -> bool:
    """Whether the progress file `path` exists (remembered as an input of the command either way): without one,
    nothing is recorded and the record machinery is not loaded."""
    protect(path, tr("进度文件"))
    return os.path.lexists(path)
