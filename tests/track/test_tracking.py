"""`thidua track` on the example plans: each status recomputed by hand, at two dates or more.

Each test spells out the arithmetic from the figures in campaigns/…/*.results.yaml, so a
change in how statuses are computed shows up here as a disagreement with a hand calculation.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import CAMPAIGNS, RESULTS
from tests.track.plans import status_of
from thidua.cli.app import app
from thidua.track.status import Status

QUANG_TRI = CAMPAIGNS / "ldld-quang-tri" / "2021" / "thi-dua-2021.yaml"
CAO_BANG = CAMPAIGNS / "ldld-cao-bang" / "2016" / "thi-dua-2016-2020.yaml"
LONG_BIEN = CAMPAIGNS / "ldld-long-bien" / "2021" / "thi-dua-2021.yaml"

YEAR_2021 = (date(2021, 12, 31) - date(2021, 1, 1)).days  # the window of a 2021 target: 364 days


def test_three_examples_have_results() -> None:
    assert {p.parent.parent.name for p in RESULTS} == {"ldld-quang-tri", "ldld-cao-bang", "ldld-long-bien"}


# ----------------------------------------------------------------------------- percent of a population


def test_percent_of_a_population_behind_then_on_track_then_met() -> None:
    # 30/4: the latest figure is 31/3's 3.690 of 18.450 = 20% of a 100% goal, while 119 of the
    # window's 364 days (32.7%) are gone: behind.
    early = status_of(LONG_BIEN, "dang-ky-danh-hieu", date(2021, 4, 30))
    assert early.overall.percent == pytest.approx(3690 / 18450 * 100 / 100 * 100)
    assert early.elapsed == pytest.approx(119 / YEAR_2021)
    assert early.overall.status is Status.behind
    # 30/6: 17.820 of 18.450 = 96.6% achieved; 180/364 = 49.5% elapsed: on track.
    mid = status_of(LONG_BIEN, "dang-ky-danh-hieu", date(2021, 6, 30))
    assert mid.overall.percent == pytest.approx(17820 / 18450 * 100)
    assert mid.elapsed == pytest.approx(180 / YEAR_2021)
    assert mid.overall.status is Status.on_track
    assert mid.phrase == "17.820/18.450 cán bộ, CNVCLĐ (96,59%)"
    # After the year: 18.450 of 18.450 on 15/12 reaches 100%: met, not overdue.
    assert status_of(LONG_BIEN, "dang-ky-danh-hieu", date(2022, 1, 10)).overall.status is Status.met


# ----------------------------------------------------------------------------- yes/no


def test_yes_no_no_data_then_on_track_then_met() -> None:
    # Nothing recorded before 30/6.
    assert status_of(QUANG_TRI, "so-ket-tong-ket", date(2021, 6, 1)).overall.status is Status.no_data
    # 30/6 says "not yet" (false); its due date is the end of the period: on track, 0%.
    pending = status_of(QUANG_TRI, "so-ket-tong-ket", date(2021, 7, 1))
    assert (pending.overall.status, pending.overall.percent) == (Status.on_track, 0.0)
    # 28/12 says done: met, 100%.
    done = status_of(QUANG_TRI, "so-ket-tong-ket", date(2021, 12, 31))
    assert (done.overall.status, done.overall.percent) == (Status.met, 100.0)


# ----------------------------------------------------------------------------- count, per unit


def test_per_unit_count_after_the_first_phase() -> None:
    item = status_of(QUANG_TRI, "mo-hinh-diem", date(2021, 6, 30))
    by_unit = {p.unit: p for p in item.units}
    assert len(by_unit) == 14
    # A unit with 2 models has reached the goal of 1: met (200%).
    assert (by_unit["cd-giao-duc"].status, by_unit["cd-giao-duc"].percent) == (Status.met, 200.0)
    # A unit with 0 has 0% of its goal while 49.5% of the year is gone: behind.
    assert (by_unit["ldld-gio-linh"].status, by_unit["ldld-gio-linh"].percent) == (Status.behind, 0.0)
    # Units with at least one model on 30/6: Đông Hà, thị xã Quảng Trị, Vĩnh Linh, Cam Lộ, Hải Lăng,
    # Giáo dục, Y tế, CĐVC tỉnh = 8 of 14; the target takes its furthest-behind unit's status.
    assert item.units_met == 8
    assert item.overall.percent == pytest.approx(8 / 14 * 100)
    assert item.overall.status is Status.behind
    assert item.phrase == "8/14 đơn vị đạt"


def test_per_unit_count_after_the_year() -> None:
    item = status_of(QUANG_TRI, "mo-hinh-diem", date(2022, 1, 1))
    by_unit = {p.unit: p for p in item.units}
    # 20/12: every unit has at least one model except Đakrông (0), now past due: overdue.
    assert by_unit["ldld-dakrong"].status is Status.overdue
    assert all(p.status is Status.met for u, p in by_unit.items() if u != "ldld-dakrong")
    assert (item.units_met, item.overall.status) == (13, Status.overdue)


# ----------------------------------------------------------------------------- growth


def test_growth_on_track_mid_period_and_overdue_after_it() -> None:
    # Sáng kiến: 2015 1.204 (baseline), 2016 1.336, 2017 1.482, 2018 1.640, 2019 1.770, 2020 1.905.
    mid = status_of(CAO_BANG, "sang-kien-tang-10", date(2018, 12, 31))
    average = ((1640 / 1204) ** (1 / 3) - 1) * 100  # 10,86%/năm over 2015–2018
    assert mid.overall.value == pytest.approx(average)
    assert mid.overall.percent == pytest.approx(average / 10 * 100)
    assert mid.overall.status is Status.on_track  # reaches 10%/năm, due 31/12/2020 not yet come
    years = {y.year: y.growth for y in mid.overall.years}
    assert years[2015] is None and years[2016] == pytest.approx((1336 / 1204 - 1) * 100)

    after = status_of(CAO_BANG, "sang-kien-tang-10", date(2021, 1, 15))
    average = ((1905 / 1204) ** (1 / 5) - 1) * 100  # 9,61%/năm over 2015–2020
    assert after.overall.value == pytest.approx(average)
    assert average < 10 and after.overall.status is Status.overdue
    assert after.phrase.startswith("tăng bình quân 9,61%/năm (2015–2020); 1.905 sáng kiến")

    # One year of figures is no growth yet.
    assert status_of(CAO_BANG, "sang-kien-tang-10", date(2016, 6, 30)).overall.status is Status.no_data


# ----------------------------------------------------------------------------- the command


def test_track_json_has_the_contract_fields(runner) -> None:
    result = runner.invoke(app, ["track", str(QUANG_TRI), "--as-of", "30/6/2021", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["id"] for d in data] == ["so-ket-tong-ket", "mo-hinh-diem"]
    for entry in data:
        assert {"id", "goal", "value", "percent", "status"} <= set(entry)
    per_unit = data[1]
    assert (per_unit["status"], per_unit["units_met"], per_unit["units_total"]) == ("behind", 8, 14)
    assert len(per_unit["units"]) == 14 and per_unit["sources"]


def test_track_text_shows_bars_statuses_and_the_matrix(runner) -> None:
    result = runner.invoke(app, ["track", str(QUANG_TRI), "--as-of", "2021-06-30"])
    assert result.exit_code == 0, result.output
    assert "Chậm tiến độ" in result.output and "█" in result.output
    assert "LĐLĐ huyện Đakrông" in result.output and "8/14" in result.output
    english = runner.invoke(app, ["track", str(QUANG_TRI), "--as-of", "2021-06-30", "--lang", "en"])
    assert "behind" in english.output and "Units that met it" in english.output


def test_track_markdown_for_a_pull_request(runner) -> None:
    result = runner.invoke(app, ["track", str(LONG_BIEN), "--as-of", "2021-04-30", "--format", "md"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("### Chỉ tiêu của Kế hoạch")
    assert (
        "| 1 | `dang-ky-danh-hieu` | 100% cán bộ, CNVCLĐ | 3.690/18.450 cán bộ, CNVCLĐ (20%) | 20% |" in result.output
    )


def test_track_help_documents_every_status(runner) -> None:
    result = runner.invoke(app, ["track", "--help"])
    for status in ("met", "overdue", "on-track", "behind", "no-data"):
        assert status in result.output


@pytest.mark.parametrize("bad", ["2021-02-30", "30/13/2021", "yesterday"])
def test_a_bad_as_of_date_is_exit_2(runner, bad: str) -> None:
    result = runner.invoke(app, ["track", str(QUANG_TRI), "--as-of", bad])
    assert result.exit_code == 2 and "--as-of" in result.output and "Traceback" not in result.output
