"""Rule cases are data: tests/rules/<CODE>/*.yaml, each stating its expected findings.

A case file's `# expect:` lines list every finding it must produce, as CODE@LINE:COLUMN
(`# expect: nothing` for a clean case); a `<case>.expect` file beside it does the same for
cases that cannot hold a comment (a dangling link). Files under `linked/` are only
referenced by cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thidua.check.engine import CheckOptions, check_file
from thidua.check.rule import LANGS
from thidua.check.rules import RULES
from thidua.track.record import Origin, review, rows_from_csv
from thidua.workspace import open_tracked

CASES_DIR = Path(__file__).parent.parent / "rules"  # the rule cases are data, at tests/rules/


def is_case(path: Path) -> bool:
    """A results case (x.results.yaml) is the case; its plan x.yaml beside it is not one."""
    return path.parent.name != "linked" and not path.with_name(path.stem + ".results.yaml").exists()


CASES = sorted(p for p in CASES_DIR.glob("*/*.yaml") if is_case(p))
_EXPECT = re.compile(rb"#\s*expect:\s*(.+)")
_ITEM = re.compile(r"([A-Z]{2}[0-9]{2})@([0-9]+):([0-9]+)")


def expected(case: Path) -> set[tuple[str, int, int]]:
    sidecar = case.with_name(case.name + ".expect")
    raw = sidecar.read_bytes() if sidecar.exists() else case.read_bytes()
    found: set[tuple[str, int, int]] = set()
    declared = False
    for match in _EXPECT.finditer(raw):
        declared = True
        text = match[1].decode("ascii", "replace")
        found |= {(code, int(line), int(col)) for code, line, col in _ITEM.findall(text)}
    assert declared, f"{case} has no '# expect:' line"
    return found


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_gives_exactly_its_expected_findings(case: Path) -> None:
    findings = check_file(case, CheckOptions())
    got = {(f.code, f.line, f.column) for f in findings}
    assert got == expected(case), "\n".join(f"{f.code}@{f.line}:{f.column} {f.message('en')}" for f in findings)
    for finding in findings:  # every message renders in both languages, with nothing left unfilled
        for lang in LANGS:
            message = finding.message(lang)
            assert message and "{" not in message, message


# A CSV case (x.csv, with x.yaml beside it) is rows for `thidua record --from`.
CSV_CASES = sorted(CASES_DIR.glob("*/*.csv"))


@pytest.mark.parametrize("case", CSV_CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_csv_case_gives_exactly_its_expected_findings(case: Path) -> None:
    tracked = open_tracked(case.with_suffix(".yaml"))
    rows, problems, lines = rows_from_csv(case.read_bytes())
    findings = review(tracked, rows, problems, Origin(case.name, lines))
    got = {(f.code, f.line, f.column) for f in findings}
    assert got == expected(case), "\n".join(f"{f.code}@{f.line}:{f.column} {f.message('en')}" for f in findings)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_case_that_triggers_it(code: str) -> None:
    folder = CASES_DIR / code
    cases = [p for p in folder.glob("*.yaml") if is_case(p)] + list(folder.glob("*.csv")) if folder.is_dir() else []
    assert any(code in {c for c, _, _ in expected(p)} for p in cases), f"no case in tests/rules/{code}/ expects {code}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_is_documented(code: str) -> None:
    rule = RULES[code]
    assert re.fullmatch(r"[A-Z]{2}[0-9]{2}", rule.code)
    assert re.fullmatch(r"[a-z-]+(\.[a-z-]+)+", rule.name)
    for text in (rule.summary, rule.message, rule.why):
        assert all(text[lang].strip() for lang in LANGS)
    assert rule.bad.strip() and rule.good.strip() and rule.bad != rule.good


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_every_case_folder_names_a_rule() -> None:
    folders = {p.name for p in CASES_DIR.iterdir() if p.is_dir()}
    assert folders <= set(RULES), folders - set(RULES)
