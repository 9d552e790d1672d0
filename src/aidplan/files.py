"""Write files atomically: a temporary file in the same folder, then a rename over the old one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from aidplan.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file (if any) is left as it was."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"无法创建输出目录 {folder}：{exc.strerror or exc}") from None
    if path.is_dir():
        raise OutputError(f"无法写入 {path}：这是一个目录")
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    except OSError as exc:
        raise OutputError(f"无法写入 {folder}：{exc.strerror or exc}") from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"无法写入 {path}：{exc.strerror or exc}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
