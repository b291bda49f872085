"""`thidua new`: next year's plan from last year's, the campaign's years moved, nothing else touched."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import CAMPAIGNS, QUANG_TRI, SEED_PLANS, example_id
from thidua.change.diff import diff_plans
from thidua.change.newyear import MARK, default_year, make_next_year
from thidua.change.years import YearShift
from thidua.check.engine import CheckOptions, check_file
from thidua.findings import Severity
from thidua.plan.model import Plan
from thidua.workspace import load_plan

YEARLY = YearShift.of(date(2021, 1, 1), date(2021, 12, 31), 2021, 1)


def _plan(path: Path) -> Plan:
    plan, findings = load_plan(path)
    assert plan is not None, findings
    return plan


# ----------------------------------------------------------------------------- which years move


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phong trào thi đua năm 2021", "Phong trào thi đua năm 2022"),
        ("Từ ngày 01/7/2021 đến 31/12/2021", "Từ ngày 01/7/2022 đến 31/12/2022"),
        ("tổng kết năm 2020", "tổng kết năm 2021"),  # last year's results: relative to the campaign
        ("đến tháng 12/2021", "đến tháng 12/2022"),
        # terms and stages that run past the campaign stay
        ("nhiệm kỳ 2021-2026", "nhiệm kỳ 2021-2026"),
        ("giai đoạn 2020 - 2025", "giai đoạn 2020 - 2025"),
        ("gia đình tiêu biểu giai đoạn 2016-2020", "gia đình tiêu biểu giai đoạn 2016-2020"),
        ("Hội thi lần thứ 9 (2020-2021)", "Hội thi lần thứ 9 (2020-2021)"),
        # documents cited, by their symbol or with their date
        ("Nghị định 145/2020/NĐ-CP", "Nghị định 145/2020/NĐ-CP"),
        (
            "Thực hiện Kế hoạch số 63/KH-LĐLĐ ngày 31/12/2020 của LĐLĐ",
            "Thực hiện Kế hoạch số 63/KH-LĐLĐ ngày 31/12/2020 của LĐLĐ",
        ),
        ("Kế hoạch số 132/KH-LĐLĐ ngày 07 tháng 9 năm 2021", "Kế hoạch số 132/KH-LĐLĐ ngày 07 tháng 9 năm 2021"),
        # an event with its ordinal stays in its year
        (
            "Đại hội Thi đua yêu nước toàn quốc lần thứ X - năm 2020",
            "Đại hội Thi đua yêu nước toàn quốc lần thứ X - năm 2020",
        ),
        # an anniversary's range: its end moves, its beginning is history
        (
            "91 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2021)",
            "91 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2022)",
        ),
        ("kỷ niệm 92 năm (1929-2021)", "kỷ niệm 92 năm (1929-2022)"),
        ("năm 2019 và năm 2023", "năm 2019 và năm 2023"),  # outside the campaign
    ],
)
def test_which_years_move_with_the_campaign(text: str, expected: str) -> None:
    assert YEARLY.apply(text) == expected


def test_a_five_year_plan_moves_its_own_period_and_the_year_before() -> None:
    shift = YearShift.of(date(2016, 1, 1), date(2020, 12, 31), 2016, 5)
    assert shift.apply("giai đoạn 2016 - 2020, so với năm 2015") == "giai đoạn 2021 - 2025, so với năm 2020"
    assert shift.apply("nửa cuối nhiệm kỳ 2013 - 2018") == "nửa cuối nhiệm kỳ 2013 - 2018"


def test_29_february_becomes_28_outside_leap_years() -> None:
    leap = YearShift.of(date(2024, 1, 1), date(2024, 12, 31), 2024, 1)
    assert leap.moved(date(2024, 2, 29)) == date(2025, 2, 28)
    assert leap.apply("đến ngày 29/02/2024") == "đến ngày 28/02/2025"
    assert leap.apply("đến ngày 29/2/2024") == "đến ngày 28/2/2025"
    four = YearShift.of(date(2024, 1, 1), date(2024, 12, 31), 2024, 4)
    assert four.moved(date(2024, 2, 29)) == date(2028, 2, 29)  # a leap year again: it stays
    assert four.apply("29/02/2024") == "29/02/2028"


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(min_value=-5, max_value=5))
def test_a_moved_date_keeps_its_day_and_month(day: date, delta: int) -> None:
    moved = YearShift.of(day, day, day.year, delta).moved(day)
    assert moved.year == day.year + delta
    assert moved.month == day.month
    assert moved.day == day.day or (day.month, day.day, moved.day) == (2, 29, 28)


def test_anniversaries_are_found_with_their_ordinal_and_years() -> None:
    text = "kỷ niệm 91 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2021); 131 năm Ngày sinh Bác (19/5/1890 - 19/5/2021)"
    found = [(m.text, m.ordinal, m.years) for m in YEARLY.mentions(text) if m.kind == "anniversary"]
    assert found == [("kỷ niệm 91 năm", 91, (1930, 2021)), ("131 năm", 131, (1890, 2021))]
    # "5 năm" of a five-year plan is no anniversary: no "kỷ niệm", no range that dates it
    assert [m for m in YEARLY.mentions("kế hoạch 5 năm 2021-2025") if m.kind == "anniversary"] == []


# ----------------------------------------------------------------------------- the new file


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, Path]:
    new = tmp_path / "ldld-quang-tri" / "2022" / "thi-dua-2022.yaml"
    make_next_year(QUANG_TRI, new)
    return QUANG_TRI, new


def test_the_new_plan_checks_clean_and_says_the_same_but_for_number_and_date(made: tuple[Path, Path]) -> None:
    old, new = made
    findings = check_file(new, CheckOptions())
    assert [f for f in findings if f.severity is Severity.error] == []
    result = diff_plans(_plan(old), _plan(new))
    assert [(c.kind, c.path, c.old, c.new) for c in result.changes] == [
        ("changed", "document.number", "58", None),
        ("changed", "document.date", date(2021, 2, 22), None),
    ]
    assert len(result.shifts) == 15  # the period, both phases, 9 texts with "2021"


def test_only_the_changed_characters_change(made: tuple[Path, Path]) -> None:
    old, new = made
    before = old.read_text(encoding="utf-8").splitlines()[1:]  # after the $schema line (moved folder)
    after = [line for line in new.read_text(encoding="utf-8").splitlines()[1:] if "thidua new" not in line]
    assert len(after) == len(before)  # only comment lines were added
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    # number, date, title, 2 period dates, 6 phase lines (dates, when), 7 lines of text with "2021"
    assert len(changed) == 18
    for a, b in changed:  # each changed line differs only in its years (and the blanked values)
        if b.strip() in ("number:", "date:"):
            continue
        assert re.sub(r"2021", "2022", a) == b, (a, b)


def test_decisions_are_printed_and_marked_above_their_line(made: tuple[Path, Path]) -> None:
    _, new = made
    lines = new.read_text(encoding="utf-8").splitlines()
    result_lines = [i for i, line in enumerate(lines, 1) if MARK in line and not line.startswith("# Các")]
    marks = {i: lines[i - 1] for i in result_lines}
    text = "\n".join(marks.values())
    assert "số văn bản để trống" in text
    assert "ngày ban hành để trống" in text
    assert "chủ đề thi đua" in text
    assert "số 58/KH-LĐLĐ ngày 22/02/2021" in text  # the old plan's own number, cited in the opening
    assert '"kỷ niệm 20 năm" (2001–2022): năm 2022 là 21 năm' in text
    # each mark stands right above what it is about
    assert lines[lines.index("  # thidua new: số văn bản để trống, văn thư cấp khi ban hành")].strip().startswith("#")
    assert lines[lines.index("  # thidua new: số văn bản để trống, văn thư cấp khi ban hành") + 1] == "  number:"


def test_the_cli_lists_what_needs_a_human_with_lines(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    new = tmp_path / "2022" / "x.yaml"
    result = invoke("new", str(new), "--from", str(CAMPAIGNS / "ldld-long-bien" / "2021" / "thi-dua-2021.yaml"))
    assert result.exit_code == 0, result.output
    assert "năm 2021 → 2022" in result.output
    assert "Cần người quyết định (9)" in result.output
    lines = new.read_text(encoding="utf-8").splitlines()
    for number, message in re.findall(r"x\.yaml:(\d+): (.+)", result.output):
        assert lines[int(number) - 1].strip() == f"# {MARK} {message}"
    assert "căn cứ của năm trước (số 63/KH-LĐLĐ ngày 31/12/2020)" in result.output
    assert '"kỷ niệm 91 năm" (1930–2022): năm 2022 là 92 năm' in result.output
    # the reference itself is not moved: last year's parent plan stays until a human replaces it
    assert _plan(new).references[0].date == date(2020, 12, 31)


def test_a_party_reference_is_cited_in_its_own_form(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = QUANG_TRI.read_text(encoding="utf-8")
    refs = (
        "references:\n  - {verb: Căn cứ, type: NQ, number: 29-NQ/TW, date: 2013-11-04}\n"
        "  - {verb: Căn cứ, type: CT, number: 34, ky_hieu: CT/TW, date: 2019-05-07}\n"
    )
    old = tmp_path / "2021" / "x.yaml"
    old.parent.mkdir()
    old.write_text(text.replace("\nsections:", "\n" + refs + "sections:", 1), encoding="utf-8")
    new = tmp_path / "2022" / "x.yaml"
    result = invoke("new", str(new), "--from", str(old))
    assert result.exit_code == 0, result.output
    assert "(số 29-NQ/TW ngày 04/11/2013)" in result.output
    assert "(số 34-CT/TW ngày 07/5/2019)" in result.output
    assert _plan(new).references[0].number == "29-NQ/TW"  # kept as the clerk wrote it


@pytest.mark.parametrize("path", SEED_PLANS, ids=example_id)
def test_every_example_makes_a_next_year_that_differs_only_by_number_and_date(path: Path, tmp_path: Path) -> None:
    new = tmp_path / "next.yaml"
    result = make_next_year(path, new)
    old_plan, new_plan = _plan(path), _plan(new)
    assert result.year == default_year(old_plan)
    if old_plan.campaign.period:  # a thematic plan without dates (Bình Định) has no year of its own to move
        assert new_plan.year == result.year
    expected = [
        p for p, v in (("document.number", old_plan.document.number), ("document.date", old_plan.document.date)) if v
    ]
    assert [c.path for c in diff_plans(old_plan, new_plan).changes] == expected
    assert not list(tmp_path.glob("*.results.yaml"))  # results stay with last year's plan


def test_a_five_year_plan_moves_by_five_years(tmp_path: Path) -> None:
    new = tmp_path / "2021-2025.yaml"
    make_next_year(CAMPAIGNS / "ldld-cao-bang" / "2016" / "thi-dua-2016-2020.yaml", new)
    plan = _plan(new)
    assert plan.campaign.period is not None
    assert (plan.campaign.period.start, plan.campaign.period.end) == (date(2021, 1, 1), date(2025, 12, 31))
    assert "giai đoạn 2021 - 2025" in new.read_text(encoding="utf-8")


def test_year_option_and_leap_day(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    text = QUANG_TRI.read_text(encoding="utf-8").replace("end: 2021-06-30", "end: 2021-06-30\n          # leap")
    old.write_text(text.replace("2021", "2024").replace("start: 2024-07-01", "start: 2024-02-29"), encoding="utf-8")
    # Đợt 2 now starts on 29/02/2024 (the check does not mind for this test)
    new = tmp_path / "new.yaml"
    make_next_year(old, new, year=2025)
    phases = [p for _, p in _plan(new).phases()]
    assert phases[1].start == date(2025, 2, 28)


def test_crlf_and_comments_are_kept(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_bytes(QUANG_TRI.read_bytes().replace(b"\n", b"\r\n"))
    new = tmp_path / "new.yaml"
    make_next_year(old, new)
    raw = new.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert b"# (seed 000). The signer and the recipients are not in the published text." in raw


def test_the_schema_line_points_to_the_same_schema_from_a_new_folder(tmp_path: Path) -> None:
    new = tmp_path / "deeper" / "still" / "x.yaml"
    make_next_year(QUANG_TRI, new)
    first = new.read_text(encoding="utf-8").split("\n", 1)[0]
    target = first.split("$schema=", 1)[1]
    assert (new.parent / target).resolve() == (CAMPAIGNS.parent / "schema" / "plan.schema.json").resolve()


def test_never_overwrites(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    new = tmp_path / "x.yaml"
    new.write_bytes(b"mine\n")
    result = invoke("new", str(new), "--from", str(QUANG_TRI))
    assert result.exit_code == 2, result.output
    assert "không ghi đè" in result.output
    assert new.read_bytes() == b"mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]  # no temporary file left


def test_bad_input_is_a_message_not_a_traceback(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text("issuer: [\n", encoding="utf-8")
    result = invoke("new", str(tmp_path / "n.yaml"), "--from", str(broken))
    assert result.exit_code == 2
    assert "broken.yaml:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "n.yaml").exists()
    same = invoke("new", str(tmp_path / "n.yaml"), "--from", str(QUANG_TRI), "--year", "2021")
    assert same.exit_code == 2 and "2021" in same.output
    missing = invoke("new", str(tmp_path / "n.yaml"), "--from", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "nope.yaml" in missing.output
    english = invoke("new", str(tmp_path / "n.txt"), "--from", str(QUANG_TRI), "--lang", "en")
    assert english.exit_code == 2 and ".yaml file" in english.output
