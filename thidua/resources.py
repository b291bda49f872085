"""Where the shipped data lives: inside the wheel, or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _data(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.exists() else _CHECKOUT / name


def examples_dir() -> Path:
    return _data("campaigns")


def templates_dir() -> Path:
    return _data("templates")
