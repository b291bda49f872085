"""`pip install .` gives a working thidua with the templates, examples and schema inside."""

from __future__ import annotations

import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
    )
    [built] = out.glob("thidua-*.whl")
    return built


def test_wheel_ships_templates_examples_and_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "thidua/_data/templates/README.md" in names
    for part in ("ke-hoach", "bao-cao", "_header", "_items", "_signature"):
        assert f"thidua/_data/templates/{part}.xml.j2" in names
    assert "thidua/_data/campaigns/ldld-quang-tri/2021/thi-dua-2021.yaml" in names
    assert {"thidua/_data/plan.schema.json", "thidua/_data/results.schema.json"} <= names
    assert "thidua/_data/campaigns/ldld-quang-tri/2021/thi-dua-2021.results.yaml" in names
    assert {"thidua/text/syllables.txt", "thidua/text/SYLLABLES-NOTICE.md"} <= names  # the list and its licences
    assert "thidua/plan/validators.pickle" in names  # the validators' schemas (thidua/plan/compiled.py)
    assert {"thidua/text/compounds.txt", "thidua/text/COMPOUNDS-NOTICE.md"} <= names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "thidua = thidua.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_runs_anywhere(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The dependencies come from the environment running the tests (a virtual environment in CI),
    # not from the base interpreter: its site folders go on the new venv's path after its own.
    inner = subprocess.run(
        [str(python), "-c", "import site; print(site.getsitepackages()[0])"], capture_output=True, text=True
    )
    (Path(inner.stdout.strip()) / "outer.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", str(wheel)], check=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = subprocess.run([str(venv / "bin" / "thidua"), "--version"], capture_output=True, text=True, cwd=elsewhere)
    assert version.returncode == 0 and version.stdout.startswith("thidua ")
    # no campaigns/ here: the built-in examples are checked
    check = subprocess.run([str(venv / "bin" / "thidua"), "check"], capture_output=True, text=True, cwd=elsewhere)
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"{len(EXAMPLES)} tệp" in check.stdout
    # rendering works from the installed package, with the shipped templates
    plan = elsewhere / "plan.yaml"
    plan.write_bytes((Path(__file__).parent.parent / "campaigns/ldld-quang-tri/2021/thi-dua-2021.yaml").read_bytes())
    render = subprocess.run(
        [str(venv / "bin" / "thidua"), "render", "plan.yaml"], capture_output=True, text=True, cwd=elsewhere
    )
    assert render.returncode == 0, render.stdout + render.stderr
    assert (
        zipfile.ZipFile(elsewhere / "plan.docx").read("word/document.xml").count(b"K\xe1\xba\xbe HO\xe1\xba\xa0CH") == 1
    )
    # the text rules find the shipped syllable list from the installed package
    typo = elsewhere / "typo.txt"
    typo.write_text("Đối với khối doanh nghiêp.\n", encoding="utf-8")
    text = subprocess.run(
        [str(venv / "bin" / "thidua"), "check", "--lang", "en", "typo.txt"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
    )
    assert text.returncode == 1 and "typo.txt:1:20: TX01" in text.stdout and "nghiệp" in text.stdout, text.stdout


def test_wheel_ships_what_init_and_new_write(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "thidua/_data/scaffold/ke-hoach.yaml" in names
    for name in ("README.md", "pyproject.toml", "pre-commit-config.yaml", "gitattributes", "gitignore"):
        assert f"thidua/_data/scaffold/repository/{name}" in names
    assert "thidua/_data/scaffold/repository/github/workflows/thidua.yml" in names


def test_pipx_installs_the_wheel_as_the_readme_says(wheel: Path, tmp_path: Path) -> None:
    """README, "Installing thidua in a union": pipx install WHEEL, then pipx upgrade thidua."""
    import os
    import shutil

    bin_dir = Path(sys.executable).parent
    pipx = shutil.which("pipx", path=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    if pipx is None:
        pytest.skip("pipx is not installed (it is in the test extra)")
    env = {
        **os.environ,
        "PIPX_HOME": str(tmp_path / "pipx-home"),
        "PIPX_BIN_DIR": str(tmp_path / "bin"),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
        "NO_COLOR": "1",
    }
    env.pop("THIDUA_LANG", None)
    installed = subprocess.run([pipx, "install", str(wheel)], env=env, capture_output=True, text=True, timeout=900)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    thidua = tmp_path / "bin" / "thidua"
    version = subprocess.run([str(thidua), "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and version.stdout.startswith("thidua "), version.stderr
    repo = tmp_path / "union"
    made = subprocess.run([str(thidua), "init", str(repo)], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    assert (repo / ".github/workflows/thidua.yml").is_file() and (repo / "schema/plan.schema.json").is_file()
    new = subprocess.run(
        [str(thidua), "new", "campaigns/x/2027/a.yaml", "--issuer", "CÔNG ĐOÀN X", "--year", "2027"],
        capture_output=True,
        text=True,
        env=env,
        cwd=repo,
    )
    assert new.returncode == 0, new.stdout + new.stderr
    check = subprocess.run([str(thidua), "check"], capture_output=True, text=True, env=env, cwd=repo)
    assert check.returncode == 0 and "ND01" in check.stdout, check.stdout + check.stderr
    upgraded = subprocess.run([pipx, "upgrade", "thidua"], env=env, capture_output=True, text=True, timeout=900)
    assert upgraded.returncode == 0, upgraded.stdout + upgraded.stderr
