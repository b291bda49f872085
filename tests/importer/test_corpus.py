"""The corpus of real published plans that `thidua import` is measured on is well-formed.

This test does not use the importer: it checks that every fixture text has its hand-made
annotation, that the annotations point at a source, and that what they claim to be in the
text (số, ký hiệu, title, sections, targets, references, chrome) really is in it, so that a
measurement against them means something.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).parent.parent / "fixtures" / "import" / "real"
SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
TEXTS = sorted(CORPUS.glob("*.txt"))
KEYS = {
    "source", "retrieved", "level", "year", "cut", "issuer", "number", "ky_hieu", "place",
    "date", "title", "references", "sections", "targets", "phases", "chrome", "notes",
}  # fmt: skip
LEVELS = {
    "national-union", "province-union", "district-union", "sector-union", "grassroots-union",
    "school-union", "government", "front",
}  # fmt: skip


def _flat(text: str) -> str:
    """Whitespace-insensitive form: a title 'joined on one line' matches its wrapped original."""
    return re.sub(r"\s+", " ", text).strip()


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _expect(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.with_suffix(".expect.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_corpus_is_large_and_varied() -> None:
    assert len(TEXTS) >= 16
    levels = {_expect(p)["level"] for p in TEXTS}
    assert len(levels) >= 5, levels
    years = {_expect(p)["year"] for p in TEXTS}
    assert len(years) >= 5, years
    with_header = [p for p in TEXTS if _expect(p)["number"]]
    assert len(with_header) >= 10


def test_names_are_numbered_and_unique() -> None:
    numbers = [p.name.split("-", 1)[0] for p in TEXTS]
    assert all(re.fullmatch(r"\d\d", n) for n in numbers), numbers
    assert len(set(numbers)) == len(numbers)
    stray = {p.name for p in CORPUS.glob("*.expect.yaml")} - {p.with_suffix(".expect.yaml").name for p in TEXTS}
    assert not stray, stray


def test_no_seed_is_in_the_corpus() -> None:
    seeds = [_flat(_text(p))[:300] for p in sorted(SEEDS.glob("*.txt"))]
    assert seeds, "the seeds are where the test expects them"
    for path in TEXTS:
        head = _flat(_text(path))[:300]
        assert all(head != seed for seed in seeds), path.name


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_fixture_is_well_formed(path: Path) -> None:
    text = _text(path)
    assert text.strip(), "empty fixture"
    assert unicodedata.is_normalized("NFC", text)
    expect = _expect(path)
    assert set(expect) == KEYS, set(expect) ^ KEYS
    assert re.match(r"https?://\S+$", expect["source"])
    assert isinstance(expect["retrieved"], dt.date)
    assert expect["level"] in LEVELS
    assert 2016 <= expect["year"] <= 2025
    assert isinstance(expect["cut"], bool)
    assert set(expect["issuer"]) == {"parent", "name", "abbreviation"}
    assert expect["date"] is None or isinstance(expect["date"], dt.date)
    assert isinstance(expect["notes"], str) and expect["notes"].strip()
    for key in ("references", "sections", "targets", "phases", "chrome"):
        assert isinstance(expect[key], list), key


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_annotations_occur_in_the_text(path: Path) -> None:
    text = _text(path)
    flat = _flat(text)
    expect = _expect(path)
    number = expect["number"]
    assert number is None or isinstance(number, str), "số is a string as printed"
    if number:
        assert re.search(rf"Số\s*:?\s*{re.escape(number)}\b", text), number
    claims: list[str] = [v for v in (expect["ky_hieu"], expect["place"], expect["title"]) if v is not None]
    claims += [v for v in expect["issuer"].values() if v is not None]
    for key in ("references", "sections", "targets", "chrome"):
        claims += expect[key]
    claims += [phase["name"] for phase in expect["phases"]]
    for claim in claims:
        assert isinstance(claim, str), claim
        assert _flat(claim) in flat, claim


# ------------------------------------------------- the importer measured on the corpus (issue 15, 3)


def _measure(source: Path, tmp_path: Path) -> dict[str, Any] | None:
    """Import one real plan: None when it is refused as not a plan; else what the bars measure."""
    from tests.importer.measure import document_text, own, share
    from thidua.check.engine import CheckOptions, check_file
    from thidua.errors import ThiduaError
    from thidua.importer import import_text
    from thidua.render.textconv import readable_text
    from thidua.workspace import load_plan

    out = tmp_path / (source.stem + ".yaml")
    try:
        result = import_text(source, out=out)
    except ThiduaError:
        return None
    out.write_text(result.text, encoding="utf-8")
    plan, _ = load_plan(out)
    expect = yaml.safe_load(source.with_suffix(".expect.yaml").read_text(encoding="utf-8"))
    text, rendered = document_text(source.read_text(encoding="utf-8"), expect.get("chrome")), readable_text(out)
    return {
        "valid": plan is not None and not {f.code[:2] for f in check_file(out, CheckOptions())} & {"YA", "SC"},
        "kept": share(text, rendered),  # the text's 3-grams in the render
        "own": own(rendered, text),  # the render's 3-grams in the text: nothing invented
        "number": None if plan is None or plan.document.number is None else str(plan.document.number),
    }


def test_the_importer_on_real_plans(tmp_path: Path) -> None:
    """Measured, not tuned: the bars of issue 15 on plans nobody here wrote (figures in the output)."""
    rows = {}
    for source in sorted(CORPUS.glob("*.txt")):
        rows[source.stem] = (_measure(source, tmp_path), yaml.safe_load(source.with_suffix(".expect.yaml").read_text()))
    imported = {name: m for name, (m, _) in rows.items() if m is not None}
    both = [name for name, m in imported.items() if m["valid"] and m["kept"] >= 0.85 and m["own"] >= 0.90]
    for name, (m, _) in rows.items():
        print(name, "refused" if m is None else f"valid={m['valid']} kept={m['kept']:.3f} own={m['own']:.3f}")
    assert all(m["valid"] for m in imported.values())  # what is imported always reads
    assert sorted(both) == sorted(rows), sorted(set(rows) - set(both))  # every plan: both bars
    with_number = {name: e["number"] for name, (m, e) in rows.items() if e.get("number") and m is not None}
    found = {
        name
        for name, number in with_number.items()
        if imported[name]["number"] == str(number).lstrip("0") or imported[name]["number"] == str(number)
    }
    assert found == set(with_number), sorted(set(with_number) - found)
