"""Shared test helpers: the CLI runner with pinned width, and paths to the examples."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGNS = ROOT / "campaigns"
RESULTS = sorted(CAMPAIGNS.glob("*/*/*.results.yaml"))  # the results recorded against examples
EXAMPLES = sorted(p for p in CAMPAIGNS.glob("*/*/*.yaml") if p not in RESULTS)
QUANG_TRI = CAMPAIGNS / "ldld-quang-tri" / "2021" / "thi-dua-2021.yaml"
# Made with `thidua new` from QUANG_TRI and edited four ways (README, `thidua diff`); not a seed.
QUANG_TRI_2022 = CAMPAIGNS / "ldld-quang-tri" / "2022" / "thi-dua-2022.yaml"
SEED_PLANS = [p for p in EXAMPLES if p != QUANG_TRI_2022]  # each transcribes a seed plan


def example_id(path: Path) -> str:
    """ldld-quang-tri-2021: the issuer and the year, unique among the examples."""
    return f"{path.parent.parent.name}-{path.parent.name}"


@pytest.fixture(autouse=True)
def _stable_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich and the language must not depend on the developer's terminal.
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("THIDUA_LANG", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def invoke(runner: CliRunner):  # type: ignore[no-untyped-def]
    from thidua.cli.app import app

    def run(*args: str, **kwargs):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), catch_exceptions=False, **kwargs)

    return run


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of an example plan the test may break."""
    target = tmp_path / "plan.yaml"
    target.write_bytes(QUANG_TRI.read_bytes())
    return target
