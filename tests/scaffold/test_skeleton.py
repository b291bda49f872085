"""`thidua new PATH --issuer … --year Y`: a plan from nothing that reads at once and lists its blanks."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

ISSUER = "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ"
SECTIONS = [
    ("purpose", "MỤC ĐÍCH, YÊU CẦU"),
    ("targets", "MỤC TIÊU, CHỈ TIÊU"),
    ("content", "NỘI DUNG THI ĐUA"),
    ("phases", "THỜI GIAN VÀ CÁC ĐỢT THI ĐUA"),
    ("awards", "KHEN THƯỞNG"),
    ("organisation", "TỔ CHỨC THỰC HIỆN"),
]


def _new(invoke, path: Path, *extra: str):  # type: ignore[no-untyped-def]
    return invoke("new", str(path), "--issuer", ISSUER, *extra)


@pytest.mark.parametrize(
    ("kind", "start", "end", "campaign_kind"),
    [
        ("regular", "2027-01-01", "2027-12-31", "regular"),
        ("five-year", "2026-01-01", "2030-12-31", "regular"),
        ("thematic", "2027-01-01", "2027-12-31", "thematic"),
    ],
)
def test_a_skeleton_has_every_section_in_order_and_only_its_blanks_are_found(  # type: ignore[no-untyped-def]
    invoke, tmp_path, monkeypatch, kind, start, end, campaign_kind
) -> None:
    from thidua.plan.loader import load_yaml_text
    from thidua.plan.validate import validate_plan

    monkeypatch.chdir(tmp_path)
    year = start[:4]
    path = Path("campaigns") / "ldld-quang-tri" / year / "ke-hoach.yaml"
    made = _new(invoke, path, "--year", year, "--kind", kind)
    assert made.exit_code == 0, made.output
    text = path.read_text(encoding="utf-8")
    plan, problems = validate_plan(load_yaml_text(text, str(path)).data)
    assert plan is not None, problems
    assert [(s.kind, s.title) for s in plan.sections] == SECTIONS
    assert plan.issuer.name == ISSUER
    assert plan.document.number is None and plan.document.date is None
    assert plan.campaign.kind == campaign_kind
    assert plan.campaign.period is not None
    assert (str(plan.campaign.period.start), str(plan.campaign.period.end)) == (start, end)
    listed = [int(m[1]) for m in re.finditer(rf"^  {re.escape(path.as_posix())}:(\d+): ", made.stdout, re.M)]
    assert len(listed) >= 12 and ("thời gian của đợt thi đua chuyên đề" in made.stdout) == (kind == "thematic")

    checked = invoke("check", "--format", "json", str(path))
    assert checked.exit_code == 0, checked.output  # warnings only: it reads (no YA/SC) and breaks no rule
    findings = json.loads(checked.stdout)
    assert {f["code"] for f in findings} == {"ND01"}  # the blanks, and nothing else
    # each listed line is the one under its mark, which ND01 points at
    assert sorted(f["line"] for f in findings) == [line - 1 for line in listed]
    assert all(text.splitlines()[f["line"] - 1].lstrip().startswith("# thidua new:") for f in findings)


def test_the_modeline_finds_the_schema_of_the_repository(invoke, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "plan.schema.json").write_text("{}", encoding="utf-8")
    deep = tmp_path / "campaigns" / "cd-x" / "2027"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)  # run from anywhere inside the repository
    assert _new(invoke, Path("a.yaml"), "--year", "2027").exit_code == 0
    first = (deep / "a.yaml").read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match and match[1] == "../../../schema/plan.schema.json"
    assert (deep / match[1]).resolve() == (tmp_path / "schema" / "plan.schema.json").resolve()


def test_new_never_overwrites_and_needs_from_or_issuer_and_year(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.yaml"
    path.write_text("mine\n", encoding="utf-8")
    refused = _new(invoke, path, "--year", "2027")
    assert refused.exit_code == 2 and "đã có" in refused.output
    assert path.read_text(encoding="utf-8") == "mine\n"
    no_year = invoke("new", str(tmp_path / "b.yaml"), "--issuer", ISSUER)
    assert no_year.exit_code == 2 and "--year" in no_year.output and not (tmp_path / "b.yaml").exists()
    both = invoke("new", str(tmp_path / "c.yaml"), "--issuer", ISSUER, "--from", str(ROOT / "campaigns"))
    assert both.exit_code == 2 and "không dùng cả hai" in both.output
    kind_from = invoke("new", str(tmp_path / "e.yaml"), "--kind", "thematic", "--from", str(ROOT / "campaigns"))
    assert kind_from.exit_code == 2 and "không dùng cả hai" in kind_from.output
    bad_year = _new(invoke, tmp_path / "f.yaml", "--year", "27")
    assert bad_year.exit_code == 2 and "bốn chữ số" in bad_year.output and not (tmp_path / "f.yaml").exists()
    bad_kind = _new(invoke, tmp_path / "d.yaml", "--year", "2027", "--kind", "yearly")
    assert bad_kind.exit_code == 2 and "five-year" in bad_kind.output


def test_an_issuer_with_yaml_characters_is_quoted_and_kept(tmp_path: Path) -> None:
    from thidua.plan.loader import load_yaml_text
    from thidua.scaffold.skeleton import skeleton

    made = skeleton('CÔNG ĐOÀN "A": B # C', 2027)
    data = load_yaml_text(made.text, "x.yaml").data
    assert data["issuer"]["name"] == 'CÔNG ĐOÀN "A": B # C'
