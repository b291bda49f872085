"""`diff` sees a target's baseline and the further targets of its sentence (`also`)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.track.test_two_targets import PLAN
from thidua.cli.app import app


def _diff(runner, tmp_path: Path, old: str, new: str) -> list[dict]:  # type: ignore[no-untyped-def]
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "ke-hoach.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "ke-hoach.yaml").write_text(new, encoding="utf-8")
    result = runner.invoke(
        app, ["diff", str(tmp_path / "old" / "ke-hoach.yaml"), str(tmp_path / "ke-hoach.yaml"), "--format", "json"]
    )
    assert result.exit_code == 1, result.output  # differences found
    changes: list[dict] = json.loads(result.stdout)
    return changes


def test_an_added_promise_in_the_sentence_is_a_change(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    start, end = PLAN.index("          also:\n"), PLAN.index("      - target:\n          id: cong-trinh")
    changes = _diff(runner, tmp_path, PLAN[:start] + PLAN[end:], PLAN)
    assert [(c["what"], c["old"], c["new"]) for c in changes] == [("also", "", "cd-doanh-nghiep: 100% doanh nghiệp")]


def test_a_corrected_baseline_is_a_change(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old = PLAN.replace("value: 1070000", "value: 1080000")
    changes = _diff(runner, tmp_path, old, PLAN)
    assert [(c["what"], c["old"], c["new"]) for c in changes] == [
        ("baseline", "từ 1.080.000 đoàn viên ngày 31/12/2020", "từ 1.070.000 đoàn viên ngày 31/12/2020")
    ]


def test_summing_the_units_figures_is_a_change(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.track.test_unit_sums import PLAN as SUMMED

    old = SUMMED.replace(
        "          population: đoàn viên\n          from_units: true\n", "          population: đoàn viên\n"
    )
    changes = _diff(runner, tmp_path, old, SUMMED)
    assert [(c["what"], c["path"], c["old"], c["new"]) for c in changes] == [
        ("from_units", "sections[0].items[0].target.from_units", False, True)
    ]


def test_a_contribution_to_another_parent_target_is_a_change(runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.track.test_unit_sums import PLAN as SUMMED

    new = SUMMED.replace("          from_units: true\n", "          contributes: doan-vien-moi-toan-quoc\n", 1)
    old = new.replace("contributes: doan-vien-moi-toan-quoc", "contributes: doan-vien-moi")
    changes = _diff(runner, tmp_path, old, new)
    assert [(c["what"], c["path"], c["old"], c["new"]) for c in changes] == [
        ("contributes", "sections[0].items[0].target.contributes", "doan-vien-moi", "doan-vien-moi-toan-quoc")
    ]
