"""The JSON Schemas a union's repository keeps under schema/, where the modeline of its plans points.

An editor reads `# yaml-language-server: $schema=../../../schema/plan.schema.json` from the plan's
folder, so the schema must be a file of the repository, and the one of the thidua in use:
`thidua schema --write` writes them, `thidua schema --check` says when they are stale (CI, pre-commit).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua.files import SCHEMA_FILES, write_atomic
from thidua.plan.schema import schema_text


@dataclass(frozen=True)
class SchemaFile:
    path: Path  # relative to the repository
    state: str  # written, same, stale (check), missing (check)


def write_schemas(root: Path) -> list[SchemaFile]:
    """Write each schema under root/schema/ whose text is not the current one (atomically)."""
    done = []
    for which, relative in SCHEMA_FILES.items():
        path = root / relative
        data = schema_text(which).encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            done.append(SchemaFile(relative, "same"))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        done.append(SchemaFile(relative, "written"))
    return done


def check_schemas(root: Path) -> list[SchemaFile]:
    """Each schema of the repository: same (current), stale (another thidua's) or missing."""
    found = []
    for which, relative in SCHEMA_FILES.items():
        path = root / relative
        if not path.is_file():
            found.append(SchemaFile(relative, "missing"))
        else:
            same = path.read_bytes() == schema_text(which).encode("utf-8")
            found.append(SchemaFile(relative, "same" if same else "stale"))
    return found
