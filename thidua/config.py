"""Read the [tool.thidua] table of the nearest pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from thidua.errors import ConfigError

ALLOWED_KEYS = ("select", "ignore", "strict", "severity")
SEVERITY_VALUES = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    severity: dict[str, str] = field(default_factory=dict)  # code -> error|warning|info|off
    path: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(explicit: Path | None = None, start: Path | None = None) -> Config:
    path = explicit if explicit is not None else find_pyproject((start or Path.cwd()).resolve())
    if path is None:
        return Config()
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError("config-unreadable", path=str(path), reason=reason) from exc
    table = document.get("tool", {}).get("thidua")
    if table is None:
        return Config(path=path)
    if not isinstance(table, dict):
        raise ConfigError("config-value", path=str(path), key="", value=repr(table))
    for key in table:
        if key not in ALLOWED_KEYS:
            raise ConfigError("config-key", path=str(path), key=key, allowed=", ".join(ALLOWED_KEYS))
    select = _codes(table, "select", path)
    ignore = _codes(table, "ignore", path)
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError("config-value", path=str(path), key="strict", value=repr(strict))
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or any(
        not isinstance(v, str) or v not in SEVERITY_VALUES for v in severity.values()
    ):
        raise ConfigError("config-value", path=str(path), key="severity", value=repr(severity))
    return Config(select=select, ignore=ignore, strict=strict, severity=dict(severity), path=path)


def _codes(table: dict[str, object], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError("config-value", path=str(path), key=key, value=repr(value))
    return tuple(value)
