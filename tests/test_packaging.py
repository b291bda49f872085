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
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "thidua = thidua.cli.app:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


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
