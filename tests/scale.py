"""Plans of any size made from an example: what the growth tests and benchmark run on.

`scaled_plan(k)` repeats every section's items of the Quảng Trị 2021 example K times (targets get
their own ids, results are recorded for each copy, each copy's sentences are reworded a little so
no two are the same text); `next_year(plan)` is that plan a year on with a fifth of its sentences
reworded, some items removed, added and moved, as a clerk edits last year's plan.
Used by tests/test_growth.py and benchmarks/bench_growth.py.
"""

from __future__ import annotations

import copy
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import thidua

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "campaigns" / "ldld-quang-tri" / "2021" / "thi-dua-2021.yaml"
BASE_RESULTS = BASE.with_name("thi-dua-2021.results.yaml")
_PACKAGE = str(Path(thidua.__file__).resolve().parent)


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _reword(text: str, rng: random.Random, pool: list[str], changes: int = 2) -> str:
    """TEXT with CHANGES of its words replaced by words of other sentences."""
    words = text.split(" ")
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(pool)
    return " ".join(words)


def _words(plan: dict[str, Any]) -> list[str]:
    pool: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, str):
                pool.extend(w for w in item.split() if w.isalpha() and w.islower())
            elif isinstance(item, dict) and isinstance(item.get("items"), list):
                walk(item["items"])

    for section in plan["sections"]:
        walk(section.get("items", []))
    return sorted(set(pool))


def _copy_items(items: list[Any], k: int, rng: random.Random, pool: list[str]) -> list[Any]:
    """Copy K of ITEMS: new target ids, every sentence reworded (copy 0 is the original)."""
    out: list[Any] = []
    for item in items:
        item = copy.deepcopy(item)
        if isinstance(item, str):
            out.append(_reword(item, rng, pool) if k else item)
            continue
        if isinstance(item, dict):
            target = item.get("target")
            if isinstance(target, dict) and k:
                target["id"] = f"{target['id']}-{k}"
                target["text"] = _reword(target["text"], rng, pool)
            if isinstance(item.get("items"), list):
                item["items"] = _copy_items(item["items"], k, rng, pool)
        out.append(item)
    return out


def scaled_plan(k: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The example plan with every section's items K times, and its results for every copy."""
    plan, results = _load(BASE), _load(BASE_RESULTS)
    rng = random.Random(k)
    pool = _words(plan)
    for section in plan["sections"]:
        items = section.get("items", [])
        section["items"] = [item for copy_ in range(k) for item in _copy_items(items, copy_, rng, pool)]
    records = results["results"]
    results["results"] = [
        {**record, "target": f"{record['target']}-{copy_}" if copy_ else record["target"]}
        for copy_ in range(k)
        for record in records
    ]
    return plan, results


def next_year(plan: dict[str, Any], seed: int = 0) -> dict[str, Any]:
    """PLAN a year on: a fifth of its sentences reworded, one in twenty removed, added or moved."""
    rng = random.Random(seed)
    pool = _words(plan)
    new = copy.deepcopy(plan)
    new["document"].pop("number", None)
    new["document"].pop("date", None)
    period = new["campaign"]["period"]
    period["start"] = period["start"].replace(year=period["start"].year + 1)
    period["end"] = period["end"].replace(year=period["end"].year + 1)

    def edit(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            roll = rng.random()
            if isinstance(item, dict) and isinstance(item.get("items"), list):
                item["items"] = edit(item["items"])
            if roll < 0.05:
                continue  # removed
            if isinstance(item, str) and roll < 0.25:
                item = _reword(item, rng, pool)
            out.append(item)
            if isinstance(item, str) and roll > 0.95:
                out.append(_reword(item, rng, pool, changes=len(item.split()) // 2))  # a new sentence
        for _ in range(len(out) // 20):  # moved
            if len(out) > 1:
                out.insert(rng.randrange(len(out)), out.pop(rng.randrange(len(out))))
        return out

    for section in new["sections"]:
        section["items"] = edit(section.get("items", []))
    return new


def item_count(plan: dict[str, Any]) -> int:
    def count(items: list[Any]) -> int:
        nested = (i["items"] for i in items if isinstance(i, dict) and isinstance(i.get("items"), list))
        return len(items) + sum(count(inner) for inner in nested)

    return sum(count(section.get("items", [])) for section in plan["sections"])


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return path


def operations(call: Callable[[], object]) -> int:
    """The work CALL does, counted: Python function calls anywhere plus lines run in thidua's code.

    Unlike a timing it is the same on every machine and every run, and unlike a call count it
    grows with an inner loop that calls nothing (a comprehension scanning every record).
    """
    count = 0

    def line(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return line

    def call_(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return line if frame.f_code.co_filename.startswith(_PACKAGE) else None

    previous = sys.gettrace()
    sys.settrace(call_)
    try:
        call()
    finally:
        sys.settrace(previous)
    return count
