"""Files: outputs written atomically (a reader sees the old file or the new one), paths as shown, shipped data."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


def check_output(path: Path, *, force: bool = False) -> None:
    """`check_writable`, and refuse an existing output that thidua did not write (unless `force`).

    A `x.docx` beside `x.yaml` is most likely the Word original the plan came from; a PDF there
    a signed scan. An empty file holds nothing to lose.
    """
    check_writable(path)
    if force or not path.exists() or path.stat().st_size == 0:
        return
    if not written_by_thidua(path):
        raise OutputError("output-not-ours", path=str(path))


def written_by_thidua(path: Path) -> bool:
    """Whether thidua wrote this output, told by its properties.

    A .docx: docProps/app.xml says `<Application>thidua/…` (an older thidua left python-docx's
    "Microsoft Macintosh Word" there, with `thidua` as lastModifiedBy); Word and LibreOffice put
    their own name there when they save it, so a plan's .docx edited by hand is no longer thidua's.
    A PDF: LibreOffice, which converts thidua's .docx, does not carry thidua's name into it
    (Creator "Writer", Producer "LibreOffice …"), so a PDF is thidua's when its Producer or
    Creator names LibreOffice or thidua and the .docx of the same name beside it is thidua's.
    """
    if path.suffix.lower() == ".pdf":
        return _pdf_by_libreoffice(path) and written_by_thidua(path.with_suffix(".docx"))
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            app, core = (_member(package, name) for name in ("docProps/app.xml", "docProps/core.xml"))
    except (OSError, ValueError, zipfile.BadZipFile, NotImplementedError, EOFError):
        return False
    application = _xml_text(app, "Application")
    if application.startswith("thidua"):
        return True
    return application == "Microsoft Macintosh Word" and _xml_text(core, "lastModifiedBy") == "thidua"


def _member(package: Any, name: str, limit: int = 1 << 16) -> bytes:
    """The first `limit` bytes of a package member (b"" when it has none): never a zip bomb's whole."""
    try:
        with package.open(name) as member:
            return bytes(member.read(limit))
    except KeyError:
        return b""


def _xml_text(xml: bytes, element: str) -> str:
    import re

    found = re.search(rb"<(?:\w+:)?" + element.encode() + rb">([^<]*)</", xml)
    return found.group(1).decode("utf-8", "replace").strip() if found else ""


def _pdf_by_libreoffice(path: Path, window: int = 1 << 20) -> bool:
    """Whether a PDF's document information names LibreOffice or thidua (its head and tail read)."""
    import re

    try:
        with open(path, "rb") as handle:
            head = handle.read(window)
            size = os.fstat(handle.fileno()).st_size
            handle.seek(max(len(head), size - window))
            data = head + handle.read(window)
    except OSError:
        return False
    if not data.startswith(b"%PDF-"):
        return False
    said = []
    for match in re.finditer(rb"/(?:Producer|Creator)\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)", data):
        said.append(_pdf_string(match.group(1)))
    return any("libreoffice" in text.lower() or "thidua" in text.lower() for text in said)


def _pdf_string(token: bytes) -> str:
    """A PDF string token, (literal) or <hex>, as text (UTF-16 with its BOM, else Latin-1)."""
    if token.startswith(b"<"):
        try:
            raw = bytes.fromhex(token[1:-1].decode("ascii"))
        except ValueError:
            return ""
    else:
        raw = token[1:-1].replace(b"\\(", b"(").replace(b"\\)", b")")
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("latin-1")


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
    try:
        _create(path, data)
    except FileExistsError:
        raise OutputError("output-exists", path=str(path)) from None


def _create(path: Path, data: bytes) -> None:
    """`write_new` without the early check: FileExistsError when `path` exists by the time it is put."""
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

    _through_temporary(path, data, _default_mode(), put)


# ----------------------------------------------------------------------------- read-modify-write

LOCK_WAIT = 30.0  # seconds to wait for another thidua writing the same file


def update_file(path: Path, change: Callable[[bytes | None], bytes]) -> Path:
    """Read-modify-write `path` so that no concurrent update is lost; the file actually written.

    `change` gets the file's bytes (None: no file yet) read under an exclusive lock on the file
    (fcntl.flock; held until the new bytes are in place) and returns the new bytes; it may raise,
    and then nothing is written. A symlink is followed: its target gets the new bytes and the link
    stays a link. The file keeps its mode, owner and group; it is replaced by a rename, except when
    it has other hard links or its owner cannot be kept (then it is rewritten in place, under the
    lock). A first writer creates the file exclusively; one that lost that race goes round again.
    Without fcntl (Windows) there is no lock: the file is still re-read just before it is replaced.
    """
    real = Path(os.path.realpath(path))
    check_writable(real)
    for _attempt in range(100):
        with _locked(real) as handle:
            if handle is None:
                try:
                    _create(real, change(None))
                except FileExistsError:
                    continue  # another writer created it first: read theirs, under the lock
                return real
            _replace_locked(real, handle, change(handle.read()))
            return real
    raise OutputError("output-busy", path=str(path))


@contextlib.contextmanager
def _locked(real: Path) -> Iterator[Any]:
    """The file open for reading with an exclusive lock on it (None: there is no such file).

    A writer that replaced the file while this one waited has locked the old inode, so the lock is
    taken again until the name and the locked file agree.
    """
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            handle = open(real, "rb")  # noqa: SIM115 - closed below, after the caller's write
        except FileNotFoundError:
            yield None
            return
        except OSError as exc:
            raise OutputError("output-unwritable", path=str(real), reason=exc.strerror or str(exc)) from None
        try:
            if not _lock(handle, deadline):
                raise OutputError("output-busy", path=str(real))
            try:
                now = os.stat(real)
            except FileNotFoundError:
                now = None
            held = os.fstat(handle.fileno())
            if now is not None and (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
                yield handle
                return
        finally:
            handle.close()  # closing releases the lock
        if now is None:
            yield None
            return


def _lock(handle: Any, deadline: float) -> bool:
    """An exclusive flock on the open file, waiting at most until `deadline`; True without fcntl."""
    if sys.platform == "win32":  # pragma: no cover - no flock on Windows
        return True
    import fcntl

    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        except OSError:  # a file system without locks (some network mounts): go on unlocked
            return True


def _replace_locked(real: Path, handle: Any, data: bytes) -> None:
    """New bytes for the locked file: renamed over it, or written into it when a rename would
    split its hard links or lose its owner."""
    held = os.fstat(handle.fileno())
    mode = stat.S_IMODE(held.st_mode)
    in_place = held.st_nlink > 1

    def put(tmp_name: str) -> None:
        nonlocal in_place
        if hasattr(os, "chown") and (held.st_uid, held.st_gid) != _owner(tmp_name):
            try:
                os.chown(tmp_name, held.st_uid, held.st_gid)
            except OSError:
                in_place = True  # only root gives a file away: keep this one and rewrite it
                return
        os.replace(tmp_name, real)

    if not in_place:
        _through_temporary(real, data, mode, put)
    if in_place:
        try:
            with _signals_held(), open(real, "r+b") as target:  # no half-rewritten file on SIGTERM
                target.write(data)
                target.truncate()
                target.flush()
                os.fsync(target.fileno())
        except OSError as exc:
            raise OutputError("output-unwritable", path=str(real), reason=exc.strerror or str(exc)) from None


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP wait (POSIX) until the block is done, then arrive."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _owner(name: str) -> tuple[int, int]:
    info = os.stat(name)
    return info.st_uid, info.st_gid


def _through_temporary(path: Path, data: bytes, mode: int, put: Callable[[str], None]) -> None:
    """`data` in a temporary file beside `path`, on disk, with `mode`; `put` moves it into place."""
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    _sweep(folder)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.thidua-{os.getpid()}-", suffix=".tmp")
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


STALE_AFTER = 60.0  # seconds: an older temporary of a process that is gone was left by a kill
_SWEPT: set[str] = set()  # the folders this process has swept already: once each


def _sweep(folder: Path) -> None:
    """Remove the temporaries a killed thidua left in FOLDER (SIGKILL cannot be caught), once per process.

    Ours are named `.NAME.thidua-PID-XXXX.tmp`; one is removed only when its process is gone and
    it is older than STALE_AFTER, so a write in progress (here or from another machine on a
    shared folder) is never touched, nor any file thidua did not name.
    """
    key = os.path.abspath(folder)
    if os.name != "posix" or key in _SWEPT:  # Windows: os.kill(pid, 0) is not a probe there
        return
    _SWEPT.add(key)
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".tmp") and ".thidua-" in entry.name]
    except OSError:
        return
    for leftover in names:
        pid, _, rest = leftover.rpartition(".thidua-")[2].partition("-")
        if not (leftover.startswith(".") and pid.isdigit() and rest) or _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            if time.time() - os.lstat(folder / leftover).st_mtime > STALE_AFTER:
                os.unlink(folder / leftover)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no right to ask
        return True
    return True


def _default_mode() -> int:
    """What a newly created file gets: 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class NewFolders:
    """Folders made for outputs (`render -o a/b/`, `new 2022/x.yaml`); those still empty when the
    work ends (nothing was written in them: a failure, a signal) are removed again."""

    def __init__(self) -> None:
        self.made: list[Path] = []

    def make(self, folder: Path) -> None:
        """`folder` and any missing parents, remembering which of them this made."""
        missing = []
        for candidate in (folder, *folder.parents):
            if candidate.is_dir() or candidate in self.made:
                break
            missing.append(candidate)
        for candidate in reversed(missing):
            try:
                candidate.mkdir()
            except FileExistsError:
                if not candidate.is_dir():
                    raise OutputError("output-unwritable", path=str(folder), reason=os.strerror(17)) from None
                continue  # made meanwhile by someone else: not ours to remove
            except OSError as exc:
                raise OutputError("output-unwritable", path=str(folder), reason=exc.strerror or str(exc)) from None
            self.made.append(candidate)

    def __enter__(self) -> NewFolders:
        return self

    def __exit__(self, *exc: object) -> None:
        for folder in reversed(self.made):  # the deepest first; a folder with a file in it stays
            with contextlib.suppress(OSError):
                folder.rmdir()


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


# Bounds on what an Office file (.docx, .xlsx) may unpack to: a plan of a hundred pages or a sheet of
# thousands of rows is a few MB of XML.
MAX_MEMBER = 64 * 1024 * 1024
MAX_TOTAL = 256 * 1024 * 1024
MAX_RATIO = 200  # a compressed member that grows more than this is a zip bomb


def zip_bomb(archive: Any) -> str | None:
    """The first member of a zipfile.ZipFile that unpacks beyond the bounds (None: within them)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER or total > MAX_TOTAL or (info.file_size > 1_000_000 and ratio > MAX_RATIO):
            return str(info.filename)
    return None


def repository_root(path: Path) -> Path:
    """The repository `path` belongs to (`repository_of`), else the folder itself (`path` when it
    is a folder, its folder when a file)."""
    start = Path(os.path.abspath(path))
    folder = start if start.is_dir() else start.parent
    return _repository_of(folder) or folder


# The JSON Schemas a union's repository keeps (`thidua init`, `thidua schema --write`).
SCHEMA_FILES = {"plan": Path("schema/plan.schema.json"), "results": Path("schema/results.schema.json")}


def schema_root(start: Path) -> Path:
    """The repository `start` is in, for its schemas: the nearest folder with schema/plan.schema.json
    (made by `thidua init`), else with .git or pyproject.toml, else `start` itself."""
    folder = Path(os.path.abspath(start))
    above = (folder, *folder.parents)
    found = next((f for f in above if (f / SCHEMA_FILES["plan"]).is_file()), None)
    if found is None:
        found = next((f for f in above if (f / ".git").exists() or (f / "pyproject.toml").is_file()), folder)
    return found


def schema_for(new_file: Path, which: str = "plan") -> str:
    """The modeline's $schema of a new file (a plan, or its results with `which="results"`): its
    repository's schema, relative to the file's folder (`thidua new`, `thidua record`)."""
    folder = Path(os.path.abspath(new_file.parent))
    target = schema_root(folder) / SCHEMA_FILES[which]
    return os.path.relpath(target, folder).replace(os.sep, "/")


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


def scaffold_dir() -> Path:
    """What `thidua init` and `thidua new --issuer` write: the files of a union's repository, the plan skeleton."""
    return _data("scaffold")
