"""Read the [tool.thidua] table of the nearest pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from thidua.errors import ConfigError
from thidua.i18n import word
from thidua.text.lexicon import Lexicon, accepted_words
from thidua.text.settings import TONE_STYLES, TextSettings

ALLOWED_KEYS = ("select", "ignore", "strict", "severity", "tone-marks", "words")
SEVERITY_VALUES = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    severity: dict[str, str] = field(default_factory=dict)  # code -> error|warning|info|off
    text: TextSettings = field(default_factory=TextSettings)
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
    tone_marks = table.get("tone-marks", "any")
    if tone_marks not in TONE_STYLES:
        raise ConfigError("config-value", path=str(path), key="tone-marks", value=repr(tone_marks))
    words = table.get("words")
    if words is not None and not isinstance(words, str):
        raise ConfigError("config-value", path=str(path), key="words", value=repr(words))
    accepted, confusions = load_words(path.parent / words) if words else (frozenset(), ())
    text = TextSettings(tone_marks=tone_marks, lexicon=Lexicon(accepted), confusions=confusions)
    return Config(select=select, ignore=ignore, strict=strict, severity=dict(severity), text=text, path=path)


def load_words(path: Path) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """A repository's word file: `accept` (names, abbreviations) and `confusions` (wrong: right).

    ```yaml
    accept: [Nậm Nhùn, Pác Ngòa, TUV]
    confusions:
      công đòan: công đoàn
    ```
    """
    # Named by the configuration, not by the user: a regular file of the repository only.
    from thidua.files import repository_root
    from thidua.plan.loader import load_yaml_file

    loaded = load_yaml_file(path, named=False, within=repository_root(path.parent))
    if loaded.problems or not isinstance(loaded.data, dict):
        problem = loaded.problems[0] if loaded.problems else None
        if problem is None:
            raise ConfigError("words-file", path=str(path), line=1, column=1, problem=word("words-root"))
        # The loader's own finding (YAML syntax, encoding, missing file) says what is wrong.
        from thidua.check.rules import RULES

        raise ConfigError(
            "words-file",
            path=str(path),
            line=problem.line or 1,
            column=problem.column or 1,
            problem={lang: RULES[problem.code].format_message(problem.params, lang) for lang in ("vi", "en")},
        )
    data = loaded.data

    def fail(key: str, what: dict[str, str]) -> ConfigError:
        position = loaded.source.locate((key,), at_key=True)
        return ConfigError("words-file", path=str(path), line=position.line, column=position.column, problem=what)

    for key in data:
        if key not in ("accept", "confusions"):
            raise fail(key, word("words-key", key=key))
    accept = data.get("accept") or []
    if not isinstance(accept, list) or not all(isinstance(w, str) for w in accept):
        raise fail("accept", word("words-accept"))
    confusions = data.get("confusions") or {}
    if not isinstance(confusions, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in confusions.items()
    ):
        raise fail("confusions", word("words-confusions"))
    return accepted_words(accept), tuple(confusions.items())


def _codes(table: dict[str, object], key: str, path: Path) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError("config-value", path=str(path), key=key, value=repr(value))
    return tuple(value)
