"""`thidua record --replace`: a corrected figure takes the old one's place, the old one stays as a comment."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from tests.track.test_record import FIXTURE, HAND_WRITTEN
from thidua.cli.app import app

# The comment `record --replace` leaves above the new record: the day, then the old figures.
REPLACED = re.compile(r"^( *)# thidua record --replace (\d{4}-\d{2}-\d{2}): trước đây (\{.*\})$")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "thi-dua.yaml"
    shutil.copyfile(FIXTURE, target)
    return target


@pytest.fixture
def results(plan: Path) -> Path:
    path = plan.with_name("thi-dua.results.yaml")
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    return path


def records(path: Path) -> list[dict[str, object]]:
    return list(yaml.safe_load(path.read_bytes())["results"])


def test_replace_keeps_the_old_figure_as_a_comment_above_the_new_record(runner, plan: Path, results: Path) -> None:
    before = results.read_text(encoding="utf-8")
    argv = ["record", str(plan), "ke-hoach-cdcs", "72", "--of", "120", "--date", "2021-03-31", "--replace",
            "--source", "Báo cáo số 9/BC-LĐLĐ ngày 05/4/2021 (đính chính)"]  # fmt: skip
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert "đã thay 1 kết quả" in result.output
    after = results.read_text(encoding="utf-8")
    lines = after.splitlines()
    # Right above the new record: the replace comment (the old figures), then the old line's own comment.
    start = lines.index("  - target: ke-hoach-cdcs")
    comment = REPLACED.match(lines[start - 2])
    assert comment, lines[start - 2]
    assert comment[1] == "  " and comment[2] == date.today().isoformat()
    assert yaml.safe_load(comment[3]) == {"value": 60, "of": 120, "source": "Báo cáo số 7/BC-LĐLĐ ngày 02/4/2021"}
    assert lines[start - 1] == "  # đợt 1"
    # The record is the new figure, in the old one's place; the other records and lines are as they were.
    data = records(results)
    assert len(data) == 2 and data[0]["value"] == 72 and data[0]["source"].endswith("(đính chính)")
    assert data[1] == records_of_text(before)[1]
    old_lines = before.splitlines()
    assert lines[: start - 2] == old_lines[:2] and lines[start + 5 :] == old_lines[7:]
    # `thidua check` is clean and `thidua track` shows the new figure.
    check = runner.invoke(app, ["check", "--strict", str(results)])
    assert check.exit_code == 0, check.output
    track = runner.invoke(app, ["track", str(plan), "--as-of", "2021-04-01", "--format", "json"])
    assert track.exit_code == 0, track.output
    shown = next(t for t in json.loads(track.output) if t["id"] == "ke-hoach-cdcs")
    assert shown["result"] == "72/120 công đoàn cơ sở (60%)" and shown["sources"] == [data[0]["source"]], shown


def records_of_text(text: str) -> list[dict[str, object]]:
    return list(yaml.safe_load(text)["results"])


def test_replacing_twice_keeps_both_old_figures_in_order(runner, plan: Path, results: Path) -> None:
    for value in ("1", "2"):
        argv = ["record", str(plan), "mo-hinh-diem", value, "--unit", "ldld-dong-ha", "--date", "2021-03-31"]
        result = runner.invoke(app, [*argv, "--replace"])
        assert result.exit_code == 0, result.output
    text = results.read_text(encoding="utf-8")
    old = [yaml.safe_load(m[3]) for m in map(REPLACED.match, text.splitlines()) if m]
    assert old == [{"value": 0}, {"value": 1}]
    assert "  # chưa có\n" in text  # the comment the old record had
    assert [r["value"] for r in records(results) if r["target"] == "mo-hinh-diem"] == [2]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_figure_for_a_recorded_target_unit_and_date_is_refused_without_replace(
    runner, plan: Path, results: Path, lang: str
) -> None:
    before = results.read_bytes()
    argv = ["--lang", lang, "record", str(plan), "mo-hinh-diem", "1", "--unit", "ldld-dong-ha", "--date", "31/3/2021"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 1, result.output
    assert results.read_bytes() == before
    assert "KQ07" in result.output
    # It names the existing record's line (its `-`, line 9 of HAND_WRITTEN) and the way to correct it.
    if lang == "vi":
        assert "đã có kết quả cho cùng chỉ tiêu, đơn vị và ngày ở dòng 9 của tệp" in result.output
        assert "ghi lại với --replace" in result.output
    else:
        assert "is already there (line 9)" in result.output and "record again with --replace" in result.output


def test_the_same_target_and_date_for_another_unit_is_no_duplicate(runner, plan: Path, results: Path) -> None:
    argv = ["record", str(plan), "mo-hinh-diem", "1", "--unit", "ldld-gio-linh", "--date", "2021-03-31"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert len(records(results)) == 3


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["ke-hoach-cdcs", "72", "--date", "2021-03-30"], "chỉ tiêu 'ke-hoach-cdcs' ngày 2021-03-30"),
        (["mo-hinh-diem", "1", "--unit", "ldld-gio-linh", "--date", "2021-03-31"], "đơn vị ldld-gio-linh"),
        (["mo-hinh-diem", "1", "--date", "2021-03-31"], "chỉ tiêu 'mo-hinh-diem' ngày 2021-03-31"),  # no unit
    ],
)
def test_replace_without_a_record_to_replace_writes_nothing(
    runner, plan: Path, results: Path, argv: list[str], said: str
) -> None:
    before = results.read_bytes()
    result = runner.invoke(app, ["record", str(plan), *argv, "--replace"])
    assert result.exit_code == 1, result.output
    assert "KQ09" in result.output and said in result.output and "bỏ --replace" in result.output
    assert results.read_bytes() == before


def test_replace_without_a_results_file_creates_none(runner, plan: Path) -> None:
    argv = ["--lang", "en", "record", str(plan), "ke-hoach-cdcs", "72", "--date", "2021-03-31", "--replace"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 1, result.output
    assert "has no result on 2021-03-31 to replace" in result.output
    assert not plan.with_name("thi-dua.results.yaml").exists()


def test_a_replaced_bad_figure_is_refused_like_a_new_one(runner, plan: Path, results: Path) -> None:
    before = results.read_bytes()
    argv = ["record", str(plan), "ke-hoach-cdcs", "130%", "--date", "2021-03-31", "--replace"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 1 and "KQ05" in result.output, result.output
    assert results.read_bytes() == before


def test_replace_keeps_crlf_and_a_missing_final_newline(runner, plan: Path, results: Path) -> None:
    text = "results:\r\n  - target: tong-ket-dot-1\r\n    date: 2021-07-10\r\n    value: false"
    results.write_bytes(text.encode("utf-8"))
    argv = ["record", str(plan), "tong-ket-dot-1", "có", "--date", "2021-07-10", "--replace"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.output
    after = results.read_bytes().decode("utf-8")
    head, comment, *rest = after.split("\r\n")
    old = REPLACED.match(comment)
    assert head == "results:" and old and yaml.safe_load(old[3]) == {"value": False}
    assert rest == ["  - target: tong-ket-dot-1", "    date: 2021-07-10", "    value: true"]  # no final newline


def test_a_csv_row_replaces_its_own_record_and_every_row_must_have_one(
    runner, plan: Path, results: Path, tmp_path: Path
) -> None:
    before = results.read_bytes()
    sheet = tmp_path / "don-vi.csv"
    # Two rows: one corrects the Đông Hà figure of 31/3, the other is a figure nobody recorded yet.
    sheet.write_text(
        "chỉ tiêu;ngày;giá trị;đơn vị\nmo-hinh-diem;31/3/2021;1;ldld-dong-ha\nmo-hinh-diem;31/3/2021;1;Gio Linh\n",
        encoding="utf-8",
    )
    refused = runner.invoke(app, ["record", str(plan), "--from", str(sheet), "--replace"])
    assert refused.exit_code == 1, refused.output
    assert "don-vi.csv:3:1: KQ09" in refused.output and "đơn vị ldld-gio-linh" in refused.output
    assert "don-vi.csv:2" not in refused.output  # the first row has its record
    assert results.read_bytes() == before
    # Without --replace, the first row is the duplicate, named with the line of its record.
    plain = runner.invoke(app, ["record", str(plan), "--from", str(sheet)])
    assert plain.exit_code == 1 and "don-vi.csv:2:1: KQ07" in plain.output and "ở dòng 9" in plain.output
    assert results.read_bytes() == before
    # Recorded on its own, the new figure exists; then both rows replace their own record.
    runner.invoke(app, ["record", str(plan), "mo-hinh-diem", "0", "--unit", "ldld-gio-linh", "--date", "2021-03-31"])
    result = runner.invoke(app, ["record", str(plan), "--from", str(sheet), "--replace"])
    assert result.exit_code == 0, result.output
    assert "đã thay 2 kết quả" in result.output
    data = records(results)
    assert [(r["target"], r.get("unit"), r["value"]) for r in data] == [
        ("ke-hoach-cdcs", None, 60),
        ("mo-hinh-diem", "ldld-dong-ha", 1),
        ("mo-hinh-diem", "ldld-gio-linh", 1),
    ]
    text = results.read_text(encoding="utf-8")
    assert [yaml.safe_load(m[3]) for m in map(REPLACED.match, text.splitlines()) if m] == [{"value": 0}] * 2


def test_two_csv_rows_for_one_record_are_refused(runner, plan: Path, results: Path, tmp_path: Path) -> None:
    before = results.read_bytes()
    sheet = tmp_path / "don-vi.csv"
    sheet.write_text("target,date,value\nke-hoach-cdcs,2021-03-31,70\nke-hoach-cdcs,2021-03-31,71\n", "utf-8")
    result = runner.invoke(app, ["record", str(plan), "--from", str(sheet), "--replace"])
    assert result.exit_code == 1 and "don-vi.csv:3:1: KQ07" in result.output, result.output
    assert results.read_bytes() == before


def test_a_flow_list_of_results_is_left_as_it_is(runner, plan: Path, results: Path) -> None:
    results.write_text("results: [{target: tong-ket-dot-1, date: 2021-07-10, value: false}]\n", encoding="utf-8")
    before = results.read_bytes()
    argv = ["--lang", "en", "record", str(plan), "tong-ket-dot-1", "có", "--date", "2021-07-10", "--replace"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2 and "cannot replace a result" in result.output, result.output
    assert results.read_bytes() == before
