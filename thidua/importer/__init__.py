"""`thidua import`: an existing plan (.docx, .txt) becomes a plan file, Word -> YAML.

reading.py reads the file into paragraphs with the labels a reader sees; structure.py finds the
parts Nghị định 30/2020 prescribes and builds the plan data (pure); writing.py writes it as YAML
in the examples' style with a `# thidua import:` comment above each guess. The file is read back
and validated before it is written, and it is never written over an existing one.
"""

from __future__ import annotations

import contextlib
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


def import_text(source: Path, *, lang: str = "vi", out: Path | None = None, into: Path | None = None) -> Imported:
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
    if into is not None:
        target = destination(structured.data, source, into)
    else:
        target = out if out is not None else source.with_suffix(".yaml")
    header = [tr("import-header", lang, source=source.name), tr("import-header-marks", lang, mark="thidua import:")]
    text, placed = dump_plan(structured.data, notes, header, _schema_path(target.parent))
    _read_back(text, structured.data, source)
    decisions = tuple(Decision(kinds.get(message, "import"), (), line, message) for line, message in placed)
    return Imported(source, target, text, decisions, reading.tracked_changes)


def _read_back(text: str, data: dict[str, Any], source: Path) -> None:
    """The written text must read as the data and pass the schema; anything else is a bug."""
    from thidua.plan.loader import load_yaml_text
    from thidua.plan.validate import validate_plan

    loaded = load_yaml_text(text, "import")
    if loaded.problems or loaded.data != _plain(data):
        raise ThiduaError("import-internal", path=str(source), what="read-back")
    _, problems = validate_plan(loaded.data)
    if problems:
        raise ThiduaError("import-internal", path=str(source), what=str(problems[0].params or problems[0].code))


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


def destination(data: dict[str, Any], source: Path, into: Path) -> Path:
    """`--into campaigns/`: campaigns/<issuer>/<year>/<name>.yaml."""
    from thidua.importer.structure import slug

    issuer = data.get("issuer") or {}
    document = data.get("document") or {}
    place = document.get("place") or ""
    abbreviation = issuer.get("abbreviation") or ""
    who = slug(f"{abbreviation} {place}", 6) if abbreviation and place else slug(issuer.get("name") or "", 6)
    from thidua.plan.validate import validate_plan

    plan, _ = validate_plan(data)
    year = str(plan.year) if plan is not None and plan.year else "nam-chua-ro"
    name = slug(source.stem, 8) or "ke-hoach"
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
    imported = import_text(source, lang=lang, out=output, into=into)
    target = imported.path
    if target.exists() or target.is_symlink():
        raise OutputError("import-exists", path=str(target))
    made = [folder for folder in (target.parent, *target.parent.parents) if not folder.exists()]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new(target, imported.text.encode("utf-8"))
    except (OSError, OutputError) as exc:
        for folder in made:  # nothing left behind: the folders made for it go too (if still empty)
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OutputError):
            raise OutputError("import-exists", path=str(target)) if exc.key == "output-exists" else exc from None
        raise OutputError("output-unwritable", path=str(target.parent), reason=exc.strerror or str(exc)) from None
    return imported


PARALLEL_THRESHOLD = 8


@dataclass(frozen=True)
class Failed:
    """An input that could not be imported: its message key and parameters (picklable)."""

    source: Path
    key: str
    params: dict[str, Any]


def _one(source: Path, output: Path | None, into: Path | None, lang: str) -> Imported | Failed:
    try:
        return write_import(source, output=output, into=into, lang=lang)
    except ThiduaError as exc:
        return Failed(source, exc.key, dict(exc.params))
    except Exception as exc:  # a bug on this input: say so, and go on with the others
        return Failed(source, "import-internal", {"path": str(source), "what": type(exc).__name__})


def import_files(
    sources: list[Path],
    *,
    output: Path | None = None,
    into: Path | None = None,
    lang: str = "vi",
    jobs: int | None = None,
    progress: Any = None,
) -> list[Imported | Failed]:
    """`thidua import FILE…`: each input on its own (one bad file does not stop the others), in
    input order; many inputs are spread over worker processes."""
    if output is not None and (len(sources) > 1 or into is not None):
        raise ThiduaError("import-out-many")
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    results: list[Imported | Failed] = []
    if workers > 1 and len(sources) >= PARALLEL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, len(sources) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            count = len(sources)
            for result in pool.map(_one, sources, [None] * count, [into] * count, [lang] * count, chunksize=chunk):
                results.append(result)
                if progress is not None:
                    progress(len(results), count)
        return results
    for source in sources:
        results.append(_one(source, output, into, lang))
        if progress is not None:
            progress(len(results), len(sources))
    return results
