"""Validate loaded data against the plan or results model; turn pydantic errors into problems."""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import replace
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from thidua.findings import Problem, format_loc
from thidua.i18n import WORDS, word
from thidua.plan.compiled import validator
from thidua.plan.loader import SourceMap
from thidua.plan.model import AwardItem, BlockItem, ParagraphItem, PhaseItem, Plan, TargetItem, ThemeItem
from thidua.plan.results import Results
from thidua.plan.traps import colon_trap

_TAGGED: dict[str, type[BaseModel]] = {
    "~block": BlockItem,
    "~target": TargetItem,
    "~phase": PhaseItem,
    "~theme": ThemeItem,
    "~paragraph": ParagraphItem,
    "~award": AwardItem,
}

# What a wrong-typed value should have been, per pydantic error type.
_EXPECTED = {
    "string_type": "text",
    "int_type": "integer",
    "float_type": "number",
    "bool_type": "bool",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "number_type": "number",
    "goal_type": "goal",
    "value_type": "goal",
    "item_kind": "item",
}
_DATE_ERRORS = {"date_invalid"}


def validate_plan(data: Any, source: SourceMap | None = None) -> tuple[Plan | None, list[Problem]]:
    """The plan, or the problems that stop it; `source` (the file's lines) lets them quote a fix."""
    try:
        return validator(Plan).validate_python(data), []
    except ValidationError as exc:
        return None, errors_to_problems(exc, data=data, source=source)


def validate_results(data: Any) -> tuple[Results | None, list[Problem]]:
    try:
        return validator(Results).validate_python(data), []
    except ValidationError as exc:
        return None, errors_to_problems(exc, root=Results)


def errors_to_problems(
    exc: ValidationError, root: type[BaseModel] = Plan, *, data: Any = None, source: SourceMap | None = None
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[str, tuple[Any, ...]]] = set()
    for error in exc.errors():
        raw_loc = tuple(error["loc"])
        loc = tuple(p for p in raw_loc if p not in _TAGGED)  # union tags; a user's key "~x" stays
        problem = _colon_trap(error, raw_loc, loc, data, source) or _problem(error, raw_loc, loc, root)
        key = (problem.code, problem.loc)
        if key not in seen:
            seen.add(key)
            problems.append(problem)
    # A misspelt key ("titel") already says the field it meant is missing: report it once.
    meant = {(*p.loc[:-1], p.params["suggestion"]) for p in problems if p.code == "SC03" and p.params["suggestion"]}
    return [p for p in problems if not (p.code == "SC01" and p.loc in meant)]


def _colon_trap(
    error: Any, raw_loc: tuple[Any, ...], loc: tuple[Any, ...], data: Any, source: SourceMap | None
) -> Problem | None:
    """YA09 for a sentence YAML split at ': ' into a one-entry mapping, where text or an item stands."""
    kind = error["type"]
    if kind == "extra_forbidden" and len(raw_loc) >= 2 and raw_loc[-2] == "~block":
        where, mapping, in_text_slot = loc[:-1], _at(data, loc[:-1]), False
    elif kind == "string_type" and isinstance(error.get("input"), dict):
        where, mapping, in_text_slot = loc, error["input"], True
    else:
        return None
    position = source.values.get(where) if source else None
    trap = colon_trap(
        mapping, in_text_slot, (position.line, position.column) if position else None, source.lines if source else []
    )
    return replace(trap, loc=where) if trap else None


def _at(data: Any, loc: tuple[Any, ...]) -> Any:
    """The value at `loc` in the loaded data (None when the path does not lead anywhere)."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _problem(error: Any, raw_loc: tuple[Any, ...], loc: tuple[Any, ...], root: type[BaseModel]) -> Problem:
    kind = error["type"]
    value = error.get("input")
    where = format_loc(loc)
    if kind == "missing":
        parent = format_loc(loc[:-1])
        top = word("root") if root is Plan else word("results-root")
        return Problem.of("SC01", {"field": loc[-1], "parent": parent or top}, loc=loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(raw_loc[:-1], root)
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        return Problem.of(
            "SC03",
            {"key": key, "suggestion": close[0] if close else "", "allowed": ", ".join(allowed)},
            loc=loc,
            at_key=True,
        )
    if kind in _DATE_ERRORS:
        ctx = error.get("ctx") or {}
        reason = ctx.get("reason", "form")
        fill = {k: v for k, v in ctx.items() if k != "reason"}
        return Problem.of("SC04", {"value": _show(value), "reason": word(reason, **fill), "where": where}, loc=loc)
    if kind == "item_kind":  # neither text nor a mapping
        return Problem.of(
            "SC02",
            {"expected": word("item"), "got": _type_word(value), "where": where},
            loc=loc,
        )
    if kind in _EXPECTED:
        return Problem.of(
            "SC02", {"expected": word(_EXPECTED[kind]), "got": _type_word(value), "where": where}, loc=loc
        )
    if kind == "literal_error":
        expected = str((error.get("ctx") or {}).get("expected", ""))
        detail = {"vi": f"chỉ nhận {expected.replace(' or ', ' hoặc ')}", "en": f"expected {expected}"}
        return Problem.of("SC05", {"value": _show(value), "where": where, "detail": detail}, loc=loc)
    if kind == "too_short":
        least = (error.get("ctx") or {}).get("min_length", 1)
        detail = {"vi": f"cần ít nhất {least} phần tử", "en": f"needs at least {least} entry"}
        return Problem.of("SC05", {"value": _show(value), "where": where, "detail": detail}, loc=loc)
    if kind == "title_or_text":
        return Problem.of("SC06", {"where": where}, loc=loc)
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "id":
        return Problem.of("SC07", {"value": _show(value), "where": where}, loc=loc)
    return Problem.of("SC05", {"value": _show(value), "where": where, "detail": error.get("msg", "")}, loc=loc)


def _show(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _type_word(value: Any) -> dict[str, str] | str:
    name = _type_name(value)
    return word(name) if name in WORDS else name


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, date):
        return "date"
    return type(value).__name__


def _allowed_keys(raw_loc: tuple[Any, ...], root: type[BaseModel]) -> list[str]:
    """The keys the model accepts at a location (the location keeps union tags)."""
    current: Any = root
    for part in raw_loc:
        if part in _TAGGED:
            current = _TAGGED[part]
            continue
        model = _model_of(current)
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        current = field.annotation
    model = _model_of(current)
    return sorted(model.model_fields) if model else []


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """Find the model class inside Optional[...] / list[...] / Annotated[...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None
