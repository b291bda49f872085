"""Where the shipped data lives: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _data(name: str, checkout_name: str | None = None) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.exists() else _CHECKOUT / (checkout_name or name)


def templates_dir() -> Path:
    return _data("templates")


def examples_dir() -> Path:
    return _data("campaigns")


def schema_file() -> Path:
    return _data("plan.schema.json", "schema/plan.schema.json")
