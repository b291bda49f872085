"""`thidua import`: an existing plan (.docx, .txt) becomes a plan file, Word -> YAML.

reading.py reads the file into paragraphs with the labels a reader sees; structure.py finds the
parts Nghị định 30/2020 prescribes and builds the plan data (pure); writing.py writes it as YAML
in the examples' style with a `# thidua import:` comment above each guess. The file is read back
and validated before it is written, and it is never written over an existing one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua.errors import InputError, ThiduaError
from thidua.i18n import tr
from thidua.plan.decisions import Decision

SCHEMA = Path("schema") / "plan.schema.json"


@dataclass(frozen=True)
class Imported:
    source: Path
    path: Path  # where it was (or would be) written
    text: str
    decisions: tuple[Decision, ...]
    tracked_changes: int = 0


def import_text(source: Path, *, lang: str = "vi", out: Path | None = None) -> Imported:
    """Read `source` and give the plan file's text (nothing is written); InputError when it cannot be."""
    from thidua.importer.reading import read_plan_text
    from thidua.importer.structure import build_plan
    from thidua.importer.writing import dump_plan

    reading = read_plan_text(source)
    try:
        structured = build_plan(reading.paragraphs, from_docx=reading.kind == "docx")
    except InputError as exc:
        raise InputError(exc.key, path=str(source), **exc.params) from None
    notes: dict[Any, list[str]] = {}
    kinds: dict[str, str] = {}
    for note in structured.notes:
        message = tr(note.key, lang, **note.params)
        notes.setdefault(note.path, []).append(message)
        kinds[message] = note.key
    if reading.tracked_changes:
        notes.setdefault((), []).insert(0, tr("import-note-tracked", lang, count=reading.tracked_changes))
        kinds[notes[()][0]] = "import-note-tracked"
    target = out if out is not None else source.with_suffix(".yaml")
    header = [tr("import-header", lang, source=source.name), tr("import-header-marks", lang, mark="thidua import:")]
    text, placed = dump_plan(structured.data, notes, header, _schema_path(target.parent))
    _read_back(text, structured.data)
    decisions = tuple(Decision(kinds.get(message, "import"), (), line, message) for line, message in placed)
    return Imported(source, target, text, decisions, reading.tracked_changes)


def _read_back(text: str, data: dict[str, Any]) -> None:
    """The written text must read as the data and pass the schema; anything else is a bug."""
    from thidua.plan.loader import load_yaml_text
    from thidua.plan.validate import validate_plan

    loaded = load_yaml_text(text, "import")
    if loaded.problems or loaded.data != _plain(data):
        raise ThiduaError("import-internal", what="read-back")
    _, problems = validate_plan(loaded.data)
    if problems:
        raise ThiduaError("import-internal", what=str(problems[0].params or problems[0].code))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _schema_path(folder: Path) -> str | None:
    """The schema as seen from `folder`: the nearest schema/plan.schema.json above it, else none."""
    absolute = Path(os.path.abspath(folder))
    for parent in (absolute, *absolute.parents):
        candidate = parent / SCHEMA
        if candidate.is_file():
            return os.path.relpath(candidate, absolute).replace(os.sep, "/")
        if (parent / ".git").exists():
            break
    return None


def destination(imported: Imported, into: Path) -> Path:
    """`--into campaigns/`: campaigns/<issuer>/<year>/<name>.yaml."""
    from thidua.importer.structure import slug
    from thidua.plan.loader import load_yaml_text

    data = load_yaml_text(imported.text, "import").data or {}
    issuer = data.get("issuer") or {}
    document = data.get("document") or {}
    place = document.get("place") or ""
    abbreviation = issuer.get("abbreviation") or ""
    who = slug(f"{abbreviation} {place}", 6) if abbreviation and place else slug(issuer.get("name") or "", 6)
    from thidua.plan.validate import validate_plan

    plan, _ = validate_plan(data)
    year = str(plan.year) if plan is not None and plan.year else "nam-chua-ro"
    name = slug(imported.source.stem, 8) or "ke-hoach"
    return into / (who or "don-vi-chua-ro") / year / f"{name}.yaml"


def write_import(source: Path, *, output: Path | None = None, into: Path | None = None, lang: str = "vi") -> Imported:
    """`thidua import FILE -o OUT | --into DIR`: read, build, read back, create OUT (never replacing)."""
    from thidua.files import OutputError, write_new

    if not source.is_file():
        raise InputError("path-missing", path=str(source))
    if output is not None and (output.exists() or output.is_symlink()):
        raise OutputError("import-exists", path=str(output))
    if output is not None and output.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError("new-suffix", path=str(output))
    imported = import_text(source, lang=lang, out=output)
    if into is not None:
        target = destination(imported, into)
        imported = import_text(source, lang=lang, out=target)  # the schema path seen from there
    target = imported.path
    if target.exists() or target.is_symlink():
        raise OutputError("import-exists", path=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("output-unwritable", path=str(target.parent), reason=exc.strerror or str(exc)) from None
    try:
        write_new(target, imported.text.encode("utf-8"))
    except OutputError as exc:
        if exc.key == "output-exists":
            raise OutputError("import-exists", path=str(target)) from None
        raise
    return imported
