"""The plan and results validators, built from a core schema generated once and shipped (validators.pickle).

Pydantic builds a model's validator by generating its core schema in Python (about 100 ms for Plan,
most of a `thidua check` of one plan after the imports); pydantic-core then compiles that schema in
under a millisecond. The generated schemas are kept in validators.pickle, beside this file, with a
fingerprint of what made them: the pydantic and pydantic-core versions and the source of every module
whose functions or classes they name (model.py, results.py, …). When the fingerprint differs (a model
was edited, pydantic upgraded) the models' own validators are used, as before: slower, never stale.
The kept schemas are those pydantic generates, less what only serialization and JSON Schema read
(`metadata`, `serialization`), so validation and its errors are the same; tests/plan/test_compiled.py
checks the file is up to date and `python -m thidua.plan.compiled` writes it.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

CACHE = Path(__file__).with_name("validators.pickle")
MODELS = ("thidua.plan.model:Plan", "thidua.plan.results:Results")


class Validator:
    """What validate.py asks of a model's validator: validate_python(data) -> a model instance."""

    def __init__(self, model: type[BaseModel], compiled: Any | None) -> None:
        self.model, self.compiled = model, compiled

    def validate_python(self, data: Any) -> Any:
        if self.compiled is None:
            return self.model.model_validate(data)
        return self.compiled.validate_python(data)


def validator(model: type[BaseModel]) -> Validator:
    """The validator of Plan or Results: compiled from validators.pickle when it is current."""
    return Validator(model, _compiled().get(_name(model)))


def _name(model: type[BaseModel]) -> str:
    return f"{model.__module__}:{model.__qualname__}"


@functools.cache
def _compiled() -> dict[str, Any]:
    try:
        kept = pickle.loads(CACHE.read_bytes())  # only str and bytes: the schemas stay unread until they match
        if kept["fingerprint"] != fingerprint(kept["modules"]):
            return {}
        from pydantic_core import SchemaValidator

        schemas = pickle.loads(kept["schemas"])
        return {name: SchemaValidator(schema, config) for name, (schema, config) in schemas.items()}
    except Exception:  # missing, unreadable or from another version: pydantic's own way
        return {}


def versions() -> str:
    """The pydantic and pydantic-core installed, which generate and compile the schemas."""
    import pydantic
    import pydantic_core

    return f"{pydantic.VERSION} {pydantic_core.__version__}"


def fingerprint(modules: list[str]) -> str:
    """The versions of pydantic and pydantic-core and the source of `modules`, hashed."""
    digest = hashlib.sha256(versions().encode())
    for name in modules:
        module = sys.modules.get(name)
        file = getattr(module, "__file__", None)
        if file is None:
            return ""
        digest.update(name.encode() + b"\0" + Path(file).read_bytes())
    return digest.hexdigest()


def generate() -> tuple[dict[str, tuple[Any, Any]], list[str]]:
    """Each model's validation schema and core config, and the modules they name."""
    import importlib

    from pydantic._internal._config import ConfigWrapper

    schemas: dict[str, tuple[Any, Any]] = {}
    modules: set[str] = set()
    for name in MODELS:
        module, _, qualname = name.partition(":")
        model = getattr(importlib.import_module(module), qualname)
        model.model_rebuild()
        config = ConfigWrapper(model.model_config, check=False).core_config(title=model.__name__)
        schemas[name] = (_validation_only(model.__pydantic_core_schema__, modules), config)
    return schemas, sorted(modules)


def _validation_only(value: Any, modules: set[str]) -> Any:
    """A core schema without what validation does not read; the modules of the objects it names."""
    if isinstance(value, dict):
        node = isinstance(value.get("type"), str)  # a schema node (a `fields` mapping is keyed by names)
        return {
            key: _validation_only(item, modules)
            for key, item in value.items()
            if not (node and key in ("metadata", "serialization"))
        }
    if isinstance(value, list | tuple):
        return type(value)(_validation_only(item, modules) for item in value)
    if isinstance(value, functools.partial):
        _validation_only([value.func, *value.args, *value.keywords.values()], modules)
    module = getattr(value, "__module__", None)
    if callable(value) and isinstance(module, str) and module.startswith("thidua."):
        modules.add(module)
    return value


def write() -> Path:
    schemas, modules = generate()
    kept = {
        "fingerprint": fingerprint(modules),
        "versions": versions(),
        "modules": modules,
        "schemas": pickle.dumps(schemas),
    }
    CACHE.write_bytes(pickle.dumps(kept))
    return CACHE


if __name__ == "__main__":  # pragma: no cover
    print(f"wrote {write()}")
