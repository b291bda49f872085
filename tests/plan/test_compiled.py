"""validators.pickle: current, and validating as the models' own validators do (values and errors)."""

from __future__ import annotations

import copy
import functools
import pickle
import re
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from tests.conftest import EXAMPLES, RESULTS
from thidua.plan import compiled
from thidua.plan.loader import load_yaml_file
from thidua.plan.model import Plan
from thidua.plan.results import Results

STALE = "validators.pickle is out of date: run `python -m thidua.plan.compiled` and commit it"


def _refs(value: Any) -> Any:
    """A schema to compare: its refs' object ids (Plan:94874419231472) left out, partials by what they are."""
    if isinstance(value, dict):
        return {key: _refs(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_refs(item) for item in value)
    if isinstance(value, functools.partial):  # equal only to itself
        return ("partial", value.func, _refs(value.args), _refs(value.keywords))
    if isinstance(value, str):
        return re.sub(r"^(thidua\.[\w.]+:)\d+$", r"\1", value)
    return value


def _kept_for_this_pydantic() -> dict[str, Any]:
    """The kept file, when it was made with the pydantic installed. Made with another (CI installs the
    newest release), thidua falls back to the models' own validators, which the other tests cover."""
    kept: dict[str, Any] = pickle.loads(compiled.CACHE.read_bytes())
    if kept.get("versions") != compiled.versions():
        pytest.skip(f"validators.pickle made with pydantic {kept.get('versions')}, not {compiled.versions()}: {STALE}")
    return kept


def test_the_kept_schemas_are_what_pydantic_generates_now() -> None:
    kept = _kept_for_this_pydantic()
    schemas, modules = compiled.generate()
    assert kept["modules"] == modules, STALE
    assert kept["fingerprint"] == compiled.fingerprint(modules), STALE
    assert _refs(pickle.loads(kept["schemas"])) == _refs(schemas), STALE


@pytest.mark.parametrize("model", [Plan, Results])
def test_the_compiled_validators_are_used(model: type[BaseModel]) -> None:
    _kept_for_this_pydantic()
    assert compiled.validator(model).compiled is not None, STALE


def _outcome(validate: Any, data: Any) -> Any:
    try:
        return ("value", validate(copy.deepcopy(data)))
    except ValidationError as error:
        return ("errors", error.errors(include_url=False), error.error_count())


def _broken(data: dict[str, Any]) -> list[Any]:
    """Plans each wrong in one way: a wrong type, an unknown key, a bad date, a bad id, a bad item."""
    broken: list[Any] = [None, [], "plan", {}, {"sections": []}]
    for change in (
        lambda d: d.update(extra=1),
        lambda d: d["document"].update(date="2021-02-30"),
        lambda d: d["document"].update(date=20210101),
        lambda d: d["document"].update(number=True),
        lambda d: d.update(units=[{"id": "Bad Id", "name": 3}]),
        lambda d: d["sections"][0].update(kind="nope", items=[{"title": "x", "text": "y"}, 5, {"target": {}}]),
        lambda d: d.pop("issuer"),
        lambda d: d.update(campaign={"kind": "regular", "period": {"start": "2021-01-01", "end": "01/01/2022"}}),
    ):
        one = copy.deepcopy(data)
        change(one)
        broken.append(one)
    return broken


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.parent.name + "/" + p.name)
def test_a_plan_validates_as_with_the_model(path: Any) -> None:
    data = load_yaml_file(path).data
    fast = compiled.validator(Plan)
    for one in [data, *_broken(data)]:
        assert _outcome(fast.validate_python, one) == _outcome(Plan.model_validate, one)


@pytest.mark.parametrize("path", RESULTS, ids=lambda p: p.parent.parent.name + "/" + p.name)
def test_results_validate_as_with_the_model(path: Any) -> None:
    data = load_yaml_file(path).data
    fast = compiled.validator(Results)
    broken = [{}, {"results": [{"target": 1}]}, {"results": "x"}, {**data, "report": {"signature": {"x": 1}}}]
    for one in [data, *broken]:
        assert _outcome(fast.validate_python, one) == _outcome(Results.model_validate, one)


def test_a_stale_file_falls_back_to_the_models(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    kept = pickle.loads(compiled.CACHE.read_bytes())
    stale = tmp_path / "validators.pickle"
    stale.write_bytes(pickle.dumps({**kept, "fingerprint": "0" * 64}))
    monkeypatch.setattr(compiled, "CACHE", stale)
    compiled._compiled.cache_clear()
    try:
        assert compiled.validator(Plan).compiled is None
        assert compiled.validator(Plan).validate_python(load_yaml_file(EXAMPLES[0]).data) is not None
    finally:
        compiled._compiled.cache_clear()
