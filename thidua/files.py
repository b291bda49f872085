"""Files: outputs written atomically (a reader sees the old file or the new one), paths as shown, shipped data."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from thidua.errors import ThiduaError


class OutputError(ThiduaError):
    """An output cannot be written (unwritable folder, read-only or locked file, a folder in the way)."""


def lock_files(path: Path) -> list[Path]:
    """The lock files Word (`~$name`) and LibreOffice (`.~lock.name#`) keep beside an open document."""
    name = path.name
    candidates = [f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"]
    return [path.with_name(c) for c in dict.fromkeys(candidates) if path.with_name(c).exists()]


def check_writable(path: Path) -> None:
    """Refuse early, before any work, when `path` cannot or should not be replaced."""
    shown = str(path)
    if path.is_dir():
        raise OutputError("output-is-folder", path=shown)
    locks = lock_files(path)
    if locks:
        raise OutputError("output-locked", path=shown, lock=locks[0].name)
    # Mode bits too, not only access(): root may write anything, but a file someone made
    # read-only (a signed copy) says "do not replace me".
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR):
        raise OutputError("output-read-only", path=shown)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("output-no-folder", path=shown, folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError("output-unwritable", path=shown, reason=os.strerror(13))


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename it over `path`."""
    check_writable(path)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _default_mode()
    _through_temporary(path, data, mode, lambda tmp_name: os.replace(tmp_name, path))


def write_new(path: Path, data: bytes) -> None:
    """Create `path` atomically, refusing to replace anything already there (even if made meanwhile).

    The data goes to a temporary file first; a hard link then puts it in place, which fails when
    the name exists. Where links are not supported, an exclusive create does the same job.
    """
    if path.exists() or path.is_symlink():
        raise OutputError("output-exists", path=str(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("output-no-folder", path=str(path), folder=str(folder))

    def put(tmp_name: str) -> None:
        try:
            os.link(tmp_name, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (some network or FAT file systems)
            with open(path, "xb") as handle:
                handle.write(data)

    try:
        _through_temporary(path, data, _default_mode(), put)
    except FileExistsError:
        raise OutputError("output-exists", path=str(path)) from None


def _through_temporary(path: Path, data: bytes, mode: int, put: Callable[[str], None]) -> None:
    """`data` in a temporary file beside `path`, on disk, with `mode`; `put` moves it into place."""
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        put(tmp_name)
    except FileExistsError:
        raise
    except OSError as exc:
        raise OutputError("output-unwritable", path=str(path), reason=exc.strerror or str(exc)) from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)  # after os.replace it is gone already; after os.link a second name


def _default_mode() -> int:
    """What a newly created file gets: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def display_path(path: Path) -> str:
    """The path as users and CI annotations want it: relative to the working folder when inside.

    Links are not followed (a link to itself would make Path.resolve() raise).
    """
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if absolute == cwd or absolute.startswith(cwd.rstrip(os.sep) + os.sep):
        return Path(os.path.relpath(absolute, cwd)).as_posix()
    return path.as_posix()


# ----------------------------------------------------------------------------- reading inputs

# The system's own folders: what is there is the machine's (the environment, devices), never a plan.
SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
_CHUNK = 1 << 20


class InputRefused(Exception):
    """An input found (not named by the user) that is not read; `reason` is a key of i18n.WORDS."""

    def __init__(self, reason: str, **params: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


class InputTooLarge(Exception):
    """An input longer than its limit (read no further than that)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def repository_root(path: Path) -> Path:
    """The repository `path` belongs to (`repository_of`), else the folder itself (`path` when it
    is a folder, its folder when a file)."""
    start = Path(os.path.abspath(path))
    folder = start if start.is_dir() else start.parent
    return _repository_of(folder) or folder


def repository_of(path: Path) -> Path | None:
    """The git root above `path`, else the folder of the nearest pyproject.toml; None outside both."""
    start = Path(os.path.abspath(path))
    return _repository_of(start if start.is_dir() else start.parent)


@functools.lru_cache(maxsize=256)
def _repository_of(folder: Path) -> Path | None:
    config = None
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
        if config is None and (candidate / "pyproject.toml").is_file():
            config = candidate
    return config


def refusal(path: Path, within: Path | None = None) -> InputRefused | None:
    """Why an input found on the way (not named by the user) must not be read, or None.

    Refused: anything but a regular file (a FIFO would block, /dev/zero never ends), anything
    whose real path is in /proc, /sys or /dev (a link to /proc/self/environ would print the
    environment), and with `within`, a link whose target is outside that folder. Only stat()
    is used: nothing is opened.
    """
    real = os.path.realpath(path)
    for folder in SYSTEM_FOLDERS:
        if real == folder or real.startswith(folder + os.sep):
            return InputRefused("special-folder", folder=folder)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # missing or unreadable: opening it says why
    if not stat.S_ISREG(mode):
        return InputRefused("not-regular")
    if within is not None:
        root = os.path.realpath(within)
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            return InputRefused("outside-repository", root=display_path(Path(within)), target=real)
    return None


def read_input(path: Path, limit: int, *, named: bool = True, within: Path | None = None) -> bytes:
    """At most `limit` bytes of an input (InputTooLarge beyond), whatever it is.

    `named`: the user gave this path on the command line, so it is read as it is (a FIFO too),
    only bounded. Otherwise `refusal` applies first (InputRefused), and the file is opened
    without blocking and checked again, so a FIFO put in its place meanwhile is not waited for.
    Raises OSError when it cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0)
    if not named:
        refused = refusal(path, within)
        if refused is not None:
            raise refused
        flags |= getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not named and not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputRefused("not-regular")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise InputTooLarge(limit)
    return b"".join(chunks)


# Where the shipped data lives: inside the wheel, or at the top of a source checkout.
_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _data(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.exists() else _CHECKOUT / name


def examples_dir() -> Path:
    return _data("campaigns")


def templates_dir() -> Path:
    return _data("templates")
