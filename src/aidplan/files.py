"""Every file aidplan reads or writes passes here: bounded reads of regular files only, atomic writes that
never replace a file the command read, and the lock that serialises updates of one file."""

from __future__ import annotations

import contextlib
import os
import stat
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from aidplan.errors import AidplanError, OutputError, UsageError
from aidplan.messages import later, localized, tr
from aidplan.patterns import lazy

STALE_TEMPORARY_SECONDS = 600  # no aidplan write keeps its temporary file open this long


class InputTooLarge(Exception):
    """The file holds more than the reader's limit (its size is at least `size` bytes)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class NotARegularFile(Exception):
    """A FIFO, a device, a socket or a folder where a file was expected; reading it could block for ever."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def os_reason(exc: OSError) -> str:
    """Why the system refused, in the user's language for the common reasons (a read-only folder, a full disk);
    the system's own words for the rest."""
    import errno

    reasons = {
        errno.EACCES: later("没有权限"),
        errno.EPERM: later("没有权限"),
        errno.EROFS: later("文件系统是只读的"),
        errno.ENOSPC: later("磁盘已满"),
        errno.EDQUOT: later("超出了磁盘配额"),
        errno.ENOENT: later("文件或文件夹不存在"),
        errno.ENOTDIR: later("路径里有一级不是文件夹"),
        errno.EISDIR: later("这是一个文件夹"),
        errno.EBUSY: later("正被其他程序占用"),
        errno.ENAMETOOLONG: later("文件名太长"),
    }
    reason = reasons.get(exc.errno) if exc.errno is not None else None
    return localized(reason) if reason is not None else str(exc.strerror or exc)


def shown(path: os.PathLike | str) -> str:
    """A path as it can be printed and written into UTF-8 text. A name whose bytes are UTF-8 shows as text even
    when the locale could not decode it (LC_ALL=C); one that is not (a GBK name from a Windows zip) shows each
    byte beyond ASCII as \\xNN, as `ls -b` does. Control and line-break characters become \\uNNNN."""
    text = os.fspath(path)
    try:
        raw = text if isinstance(text, bytes) else os.fsencode(text)
    except UnicodeEncodeError:  # a lone surrogate that no file system byte produced
        raw = text.encode("utf-8", "surrogatepass")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = "".join(chr(b) if b < 0x80 else f"\\x{b:02x}" for b in raw)
    out = []
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp"):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------------
# Inputs: what this process read. A writer refuses to replace any of them, whatever spelling the output path
# uses (relative, ./, a symlink, a hard link), because it compares real paths and (device, inode).

_input_inodes: dict[tuple[int, int], tuple[str, str]] = {}  # (st_dev, st_ino) → (real path, role)
_input_paths: dict[str, tuple[str, str]] = {}  # real path → (path as given, role), also for files not yet there


def _real(path: os.PathLike | str) -> str:
    return os.path.normcase(os.path.realpath(path))


def forget_inputs() -> None:
    """Start a new command: what earlier commands in this process read is no longer protected."""
    _input_inodes.clear()
    _input_paths.clear()


@contextlib.contextmanager
def reads_that_only_check():
    """Files read only to decide whether an output may be replaced (the old output itself) stay writable."""
    inodes, paths = dict(_input_inodes), dict(_input_paths)
    try:
        yield
    finally:
        _input_inodes.clear()
        _input_inodes.update(inodes)
        _input_paths.clear()
        _input_paths.update(paths)


def protect(path: Path, role: str) -> None:
    """Remember `path` as an input of this command (read, or about to be read) under a name for messages."""
    real = _real(path)
    _input_paths[real] = (str(path), role)
    with contextlib.suppress(OSError):
        info = os.stat(real)
        _input_inodes[(info.st_dev, info.st_ino)] = (real, role)


def input_named(target: Path) -> tuple[str, str] | None:
    """(path as the command was given it, role) if `target` is one of the inputs, else None."""
    real = _real(target)
    if real in _input_paths:
        return _input_paths[real]
    try:
        info = os.stat(real)
    except OSError:
        return None
    found = _input_inodes.get((info.st_dev, info.st_ino))
    if found is None:
        return None
    source, role = found
    try:  # the input must still be that file: an inode freed by a deleted file may have been reused
        still = os.stat(source)
    except OSError:
        return None
    if (still.st_dev, still.st_ino) != (info.st_dev, info.st_ino):
        return None
    return _input_paths.get(source, (source, role))


def refuse_inputs_as_outputs(targets: list[Path]) -> None:
    """Raise before anything is written if any output would replace a file the command reads."""
    for target in targets:
        found = input_named(target)
        if found is not None:
            source, role = found
            same = "" if _same_spelling(source, target) else tr("（与 {source} 是同一个文件）", source=shown(source))
            raise UsageError(
                tr(
                    "不会写入 {target}：它是这次读取的{role}{same}；请换一个输出文件名",
                    target=shown(target),
                    role=role,
                    same=same,
                )
            )


def _same_spelling(a: str, b: Path) -> bool:
    return os.path.normpath(a) == os.path.normpath(b)


def refuse_shared_outputs(pairs: list[tuple[Path, Path]], again: str) -> None:
    """Raise if two sources would write the same output (a/plan.yaml and b/plan.yaml into one folder)."""
    by_target: dict[str, list[Path]] = {}
    for source, target in pairs:
        by_target.setdefault(_real(target), []).append(source)
    clashes = sorted({shown(source.stem) for sources in by_target.values() if len(sources) > 1 for source in sources})
    if clashes:
        raise UsageError(
            tr(
                "有同名的计划文件（{clashes}），输出会互相覆盖；请分开{again}或改名",
                clashes=tr("、").join(clashes),
                again=again,
            )
        )


def read_input(path: Path, limit: int, role: str) -> bytes:
    """The bytes of a regular file, at most `limit` of them; remembered as an input of this command.

    A FIFO is opened without blocking and refused like a device: /dev/zero, /dev/urandom or a pipe as a plan
    would otherwise be read for ever. The read stops at limit + 1 bytes, so a file that grows does not either.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(_kind(info.st_mode))
        if info.st_size > limit:
            raise InputTooLarge(info.st_size)
        if hasattr(os, "set_blocking"):
            with contextlib.suppress(OSError):  # a regular file never blocks; some systems cannot say so
                os.set_blocking(descriptor, True)
        protect(path, role)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise InputTooLarge(total)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return tr("目录")
    if stat.S_ISFIFO(mode):
        return tr("命名管道（FIFO）")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return tr("设备文件")
    if stat.S_ISSOCK(mode):
        return tr("套接字")
    return tr("特殊文件")


# ---------------------------------------------------------------------------------------------------------------
# Outputs


def write_atomic(path: Path, data: bytes, *, update: bool = False) -> None:
    """Replace `path` with `data` in one step; on any failure the old file (if any) is left as it was.

    A symlink is written through: its target gets the new bytes and the link stays. A file this command read
    is never replaced, unless `update` says the write is the new version of that very file (a progress file
    getting its new records). A read-only file, a folder or a device is refused.
    """
    import shlex
    import tempfile

    if not update:
        refuse_inputs_as_outputs([path])
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            tr("无法创建输出目录 {folder}：{value}", folder=shown(folder), value=os_reason(exc))
        ) from None
    try:
        existing = os.stat(target)
    except OSError:
        existing = None
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            raise OutputError(tr("无法写入 {path}：这是一个目录", path=shown(path)))
        if not stat.S_ISREG(existing.st_mode):
            raise OutputError(
                tr("无法写入 {path}：这是{kind}，不是普通文件", path=shown(path), kind=_kind(existing.st_mode))
            )
        if not existing.st_mode & 0o222 or not os.access(target, os.W_OK):
            unlock = f"chmod u+w {shlex.quote(shown(target))}"
            raise OutputError(
                tr(
                    "不会替换 {path}：这个文件是只读的；确实要更新它，请先运行 {unlock}",
                    path=shown(path),
                    unlock=unlock,
                )
            )
    _remove_stale_temporaries(folder, target.name)
    try:
        handle = tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise OutputError(tr("无法写入 {folder}：{value}", folder=shown(folder), value=os_reason(exc))) from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            os.chmod(temporary, existing.st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(tr("无法写入 {path}：{value}", path=shown(path), value=os_reason(exc))) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


_TEMPORARY_PID = lazy(r"\.(\d+)\.[^.]+\.tmp$")


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Delete .NAME.*.tmp files a killed writer left: older than STALE_TEMPORARY_SECONDS and not held by a
    writer still running on this machine (the name carries its process id)."""
    import glob

    now = time.time()
    for candidate in glob.glob(os.path.join(glob.escape(str(folder)), f".{glob.escape(name)}.*.tmp")):
        try:
            info = os.lstat(candidate)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_TEMPORARY_SECONDS:
            continue
        match = _TEMPORARY_PID.search(candidate[len(str(folder)) + len(name) + 2 :])
        if match and now - info.st_mtime < 86400 and _process_alive(int(match[1])):
            continue
        with contextlib.suppress(OSError):
            os.unlink(candidate)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # on Windows os.kill(pid, 0) asks nothing: it ends that process. The file then stays a day.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # it exists but belongs to someone else (or cannot be asked): keep its file
    return True


# ---------------------------------------------------------------------------------------------------------------
# Locks


def lock_folder() -> Path:
    """Where lock files live: one folder in the system's temporary directory that every account may use.

    Not beside the plans: a lock there is created with the first user's permissions (a second user in a shared
    folder could not take it) and `git add .` would commit it. The folder is world-writable without the sticky
    bit, because under a sticky bit one account cannot lock a file another created (fs.protected_regular);
    the lock files are 0666 and named by a hash of the locked file's real path, so they reveal nothing.
    If that folder is unusable (someone made it theirs), each account falls back to its own cache folder.
    """
    import tempfile

    shared = Path(tempfile.gettempdir()) / "aidplan-locks"
    try:
        shared.mkdir(mode=0o777, exist_ok=True)
        info = os.lstat(shared)
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and info.st_mode & 0o7777 != 0o777:
            os.chmod(shared, 0o777)  # mkdir's mode is cut by the umask
        if stat.S_ISDIR(os.lstat(shared).st_mode) and os.access(shared, os.W_OK | os.X_OK):
            return shared
    except (OSError, AttributeError):
        pass
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    own = base / "aidplan" / "locks"
    own.mkdir(parents=True, exist_ok=True)
    return own


@contextlib.contextmanager
def locked(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock of `path` (by its real path, so every spelling and a symlink share one lock)."""
    import hashlib

    from filelock import FileLock, Timeout

    real = os.path.realpath(path)
    name = hashlib.sha256(os.fsencode(real)).hexdigest()[:32] + ".lock"
    try:
        lock = FileLock(str(lock_folder() / name), timeout=timeout, mode=0o666)
        with lock:
            yield
    except Timeout:
        raise AidplanError(
            tr("{path} 正被另一个 aidplan 命令写入，{timeout:.0f} 秒后仍未释放", path=shown(path), timeout=timeout)
        ) from None
    except OSError as exc:
        if isinstance(exc, (FileNotFoundError, PermissionError)) and exc.filename and str(exc.filename).endswith(name):
            raise AidplanError(tr("无法锁定 {path}：{value}", path=shown(path), value=os_reason(exc))) from None
        raise
