"""The JSON Schema of the plan file, for editors (yaml-language-server) and CI."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def plan_schema() -> dict[str, Any]:
    from thidua.plan.model import Plan

    schema = Plan.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, **schema}


def results_schema() -> dict[str, Any]:
    from thidua.plan.results import Results

    schema = Results.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, **schema}


def schema_text(which: str = "plan") -> str:
    """`plan` or `results`, as the JSON committed under schema/."""
    schema = results_schema() if which == "results" else plan_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
