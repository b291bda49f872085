"""`thidua init [DIR]`: a union's own repository, from the files shipped under scaffold/repository/.

Every file is created only where none is: an existing file is kept as it is (and reported), so
running init again changes nothing, and a file the union edited is never replaced. The shipped
names have no leading dot (`gitattributes`), so they do not act on thidua's own repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua.files import SCHEMA_FILES, OutputError, scaffold_dir, write_new
from thidua.plan.schema import schema_text

# (the file in the union's repository, its source under scaffold/repository/)
FILES: tuple[tuple[str, str], ...] = (
    ("README.md", "README.md"),
    ("pyproject.toml", "pyproject.toml"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml"),
    (".github/workflows/thidua.yml", "github/workflows/thidua.yml"),
    (".gitattributes", "gitattributes"),
    (".gitignore", "gitignore"),
)
FOLDERS = ("campaigns",)
TEXTCONV = 'git config diff.thidua.textconv "thidua textconv"'


@dataclass(frozen=True)
class Made:
    path: str  # relative to the repository, with "/"
    state: str  # created, same (already there as thidua writes it), kept (there and different: left alone)


def planned_files() -> list[tuple[str, bytes]]:
    """Every file init writes and its bytes: the shipped templates, then the current schemas."""
    source = scaffold_dir() / "repository"
    files = [(target, (source / name).read_bytes()) for target, name in FILES]
    files += [(path.as_posix(), schema_text(which).encode("utf-8")) for which, path in SCHEMA_FILES.items()]
    return files


def init_repository(root: Path) -> list[Made]:
    """Create the repository's files under `root` (made if needed); never replace one."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        for folder in FOLDERS:
            (root / folder).mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError("output-unwritable", path=str(root), reason=exc.strerror or str(exc)) from None
    made = []
    for relative, data in planned_files():
        path = root / relative
        if path.exists() or path.is_symlink():
            same = path.is_file() and path.read_bytes() == data
            made.append(Made(relative, "same" if same else "kept"))
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError("output-unwritable", path=str(path.parent), reason=exc.strerror or str(exc)) from None
        write_new(path, data)
        made.append(Made(relative, "created"))
    return made
