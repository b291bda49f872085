"""`thidua init`: a union's repository; idempotent, never overwriting; schema/ kept current."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

import yaml

from tests.conftest import ROOT


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_init_makes_the_repository(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("init", str(tmp_path / "kho"))
    assert result.exit_code == 0, result.output
    root = tmp_path / "kho"
    assert set(_tree(root)) == {
        "README.md",
        "pyproject.toml",
        ".pre-commit-config.yaml",
        ".github/workflows/thidua.yml",
        ".gitattributes",
        ".gitignore",
        "schema/plan.schema.json",
        "schema/results.schema.json",
    }
    assert (root / "campaigns").is_dir()
    assert 'git config diff.thidua.textconv "thidua textconv"' in result.output  # the line to run once
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert 'git config diff.thidua.textconv "thidua textconv"' in readme and "pipx upgrade thidua" in readme
    assert "campaigns/**/*.yaml diff=thidua" in (root / ".gitattributes").read_text(encoding="utf-8")


def test_init_twice_is_byte_identical_and_an_edited_file_is_kept(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "kho"
    assert invoke("init", str(root)).exit_code == 0
    first = _tree(root)
    again = invoke("init", str(root))
    assert again.exit_code == 0 and _tree(root) == first
    assert "0 tệp mới, 0 tệp giữ nguyên" in again.output
    edited = '[tool.thidua]\nignore = ["PE08"]\n'
    (root / "pyproject.toml").write_text(edited, encoding="utf-8")
    (root / "README.md").unlink()
    third = invoke("init", str(root))
    assert third.exit_code == 0, third.output
    assert (root / "pyproject.toml").read_text(encoding="utf-8") == edited  # kept, not overwritten
    assert "giữ nguyên pyproject.toml" in third.output
    assert "đã tạo   README.md" in third.output and _tree(root)["README.md"] == first["README.md"]


def test_the_generated_files_say_what_the_readme_says(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from thidua.config import load_config

    root = tmp_path / "kho"
    assert invoke("init", str(root)).exit_code == 0
    # pyproject: [tool.thidua] with every option commented out, and readable by thidua
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text)["tool"]["thidua"] == {}
    assert load_config(root / "pyproject.toml").path == root / "pyproject.toml"
    commented = {m[1] for m in re.finditer(r"^# ([a-z-]+) = ", text, re.M)}
    assert {"select", "ignore", "strict", "tone-marks", "words"} <= commented
    # CI installs thidua as the README says (pipx from git or a wheel), checks, uploads SARIF
    workflow = yaml.safe_load((root / ".github/workflows/thidua.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert 'pipx install "$THIDUA_SOURCE"' in runs
    assert "thidua check --format github" in runs and "thidua schema --check" in runs
    assert any("--format sarif" in r for r in runs)
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
    source = workflow["jobs"]["check"]["env"]["THIDUA_SOURCE"]
    assert source.startswith("git+https://example.invalid/CHANGE-ME/")
    assert "example.invalid/CHANGE-ME" in (ROOT / "README.md").read_text(encoding="utf-8")  # explained there
    # pre-commit uses the hooks this repository publishes
    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    published = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    used = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert used == published == {"thidua-check", "thidua-schema"}


def test_schema_check_says_when_stale_and_write_makes_it_current(invoke, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "kho"
    assert invoke("init", str(root)).exit_code == 0
    monkeypatch.chdir(root / "campaigns")  # from anywhere inside the repository
    assert invoke("schema", "--check").exit_code == 0
    (root / "schema/plan.schema.json").write_text("{}\n", encoding="utf-8")  # an older thidua's
    (root / "schema/results.schema.json").unlink()
    stale = invoke("schema", "--check")
    assert stale.exit_code == 1
    assert "schema/plan.schema.json: khác schema của thidua" in stale.output.replace("../", "")
    assert "results.schema.json: chưa có" in stale.output
    written = invoke("schema", "--write")
    assert written.exit_code == 0, written.output
    assert invoke("schema", "--check").exit_code == 0
    assert (root / "schema/plan.schema.json").read_text(encoding="utf-8") == invoke("schema").stdout


def test_this_repository_schemas_are_current(invoke, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    result = invoke("schema", "--check")
    assert result.exit_code == 0, result.output


def test_a_plan_made_in_an_initialised_repository_points_at_its_schema(invoke, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "kho"
    assert invoke("init", str(root)).exit_code == 0
    monkeypatch.chdir(root)
    for path in ("campaigns/ldld-x/2027/a.yaml", "campaigns/b.yaml", "campaigns/ldld-x/2027/dot/c.yaml"):
        assert invoke("new", path, "--issuer", "CÔNG ĐOÀN X", "--year", "2027").exit_code == 0
        first = (root / path).read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, first
        assert ((root / path).parent / match[1]).resolve() == (root / "schema/plan.schema.json").resolve()


def test_init_speaks_english_on_request(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("init", str(tmp_path / "repo"), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "  created  .github/workflows/thidua.yml" in result.output
    assert "8 files created, 0 kept" in result.output
