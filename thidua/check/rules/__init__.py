"""The rule registry: every finding code, its documentation and (for meaning rules) its check."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from thidua.check.rule import Rule


def _build() -> dict[str, Rule]:
    from thidua.check.rules import (
        capitals,
        characters,
        citations,
        dates,
        decisions,
        identity,
        numbering,
        reading,
        references,
        results,
        spelling,
        structure,
        targets,
        typography,
        units,
        written_dates,
    )

    rules: dict[str, Rule] = {}
    modules = (reading, structure, dates, decisions, targets, identity, references, units, results)
    for module in (*modules, spelling, capitals, characters, written_dates, typography, citations, numbering):
        for rule in module.RULES:
            if rule.code in rules:  # pragma: no cover - guarded by the meta-test too
                raise ValueError(f"duplicate rule code {rule.code}")
            rules[rule.code] = rule
    return rules


RULES: dict[str, Rule] = _build()

CHECKS: tuple[Rule, ...] = tuple(rule for rule in RULES.values() if rule.check is not None)
RESULTS_CHECKS: tuple[Rule, ...] = tuple(rule for rule in RULES.values() if rule.results_check is not None)
TEXT_CHECKS: tuple[Rule, ...] = tuple(rule for rule in RULES.values() if rule.text_check is not None)


def message(code: str, params: Mapping[str, Any], lang: str) -> str:
    """A finding's message in `lang`: what the engine stamps on every finding it places."""
    return RULES[code].format_message(params, lang)
