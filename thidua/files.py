"""Files: outputs written atomically (a reader sees the old file or the new one), paths as shown, shipped data."""

from __future__ import annotations

import contextlib
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


def scaffold_dir() -> Path:
    """What `thidua init` and `thidua new --issuer` write: the files of a union's repository, the plan skeleton."""
    return _data("scaffold")
