"""`thidua new PATH --issuer … --year Y`: a plan from nothing, every section of a Kế hoạch in order.

The skeleton is data (scaffold/ke-hoach.yaml, shipped in the wheel) with a few `$names` filled in:
the issuer, the period, a title. What the clerk must write is marked `# thidua new: …` above its
line, so `thidua check` lists it (ND01) until it is written and the mark deleted. Nothing is invented:
the number, the date, the signer are empty. The result is read back as a plan before it is written.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from thidua.check.rules.decisions import NEW_MARK
from thidua.errors import ThiduaError
from thidua.files import OutputError, scaffold_dir, schema_for, write_new
from thidua.plan.loader import load_yaml_text
from thidua.plan.validate import validate_plan

Kind = Literal["regular", "five-year", "thematic"]
KINDS: tuple[str, ...] = ("regular", "five-year", "thematic")


@dataclass(frozen=True)
class Blank:
    """A place the clerk must write: the line of its mark and what the mark says."""

    line: int
    note: str


@dataclass(frozen=True)
class Skeleton:
    text: str
    blanks: tuple[Blank, ...]


def _scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when it reads back as itself, else double-quoted."""
    try:
        if value and yaml.safe_load(value) == value and "#" not in value and ": " not in value:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def skeleton(issuer: str, year: int, kind: Kind = "regular", *, schema: str = "schema/plan.schema.json") -> Skeleton:
    """The text of a new plan of `issuer` for `year` (five-year: `year` to `year + 4`)."""
    if kind not in KINDS:
        raise ThiduaError("bad-format", value=kind, allowed=", ".join(KINDS))
    if not 1900 <= year <= 2999:  # a year written with four digits, as the period's dates need
        raise ThiduaError("new-bad-year", year=year)
    issuer = " ".join(issuer.split())
    if not issuer:
        raise ThiduaError("new-no-issuer")
    last = year + 4 if kind == "five-year" else year
    words = f"giai đoạn {year} - {last}" if kind == "five-year" else f"năm {year}"
    title = {
        "regular": f"Tổ chức phong trào thi đua {words}",
        "five-year": f"Phát động phong trào thi đua {words}",
        "thematic": f"Tổ chức phong trào thi đua chuyên đề {words}",
    }[kind]
    values = {
        "schema_path": schema,
        "issuer": _scalar(issuer),
        "issuer_words": issuer,
        "title": _scalar(title),
        "campaign_kind": "thematic" if kind == "thematic" else "regular",
        "start": f"{year}-01-01",
        "end": f"{last}-12-31",
        "period_words": words,
        "period_text": f"01/01/{year} - 31/12/{last}",
    }
    template = (scaffold_dir() / "ke-hoach.yaml").read_text(encoding="utf-8")
    text = string.Template(template).substitute(values)
    if kind == "thematic":  # a thematic campaign's period is rarely the calendar year
        text = text.replace(
            "  period: {start:",
            f"  # {NEW_MARK} thời gian của đợt thi đua chuyên đề (ngày bắt đầu, ngày kết thúc)\n  period: {{start:",
        )
    blanks = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith(f"# {NEW_MARK}"):
            blanks.append(Blank(number + 1, stripped.removeprefix(f"# {NEW_MARK}").strip()))
    return Skeleton(text, tuple(blanks))


def make_skeleton(path: Path, *, issuer: str, year: int, kind: Kind = "regular") -> Skeleton:
    """`thidua new PATH --issuer … --year Y`: write the skeleton to PATH (never replacing a file)."""
    if path.exists() or path.is_symlink():
        raise OutputError("output-exists", path=str(path))
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError("new-suffix", path=str(path))
    made = skeleton(issuer, year, kind, schema=schema_for(path))
    loaded = load_yaml_text(made.text, str(path))
    plan, problems = validate_plan(loaded.data) if loaded.ok else (None, loaded.problems)
    if plan is None:  # a bug in the skeleton: never write it
        raise ThiduaError("new-skeleton-invalid", codes=", ".join(sorted({p.code for p in problems})))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("output-unwritable", path=str(path.parent), reason=exc.strerror or str(exc)) from None
    write_new(path, made.text.encode("utf-8"))
    return made
