"""The report a leader signs: Đạt / Vượt / Không đạt once the period is over, Nơi nhận and the signer
from the options or the results file, and the notes of the figures counted.

Every result is recomputed by hand in the comments; each .docx written passes openxml-audit.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.cli.test_help import help_page
from tests.render.test_docx_valid import _audit
from tests.track.plans import plan_head, write_plan
from thidua.cli.app import app
from thidua.render.writers.docx import style_name

PLAN = (
    plan_head("Tổ chức phong trào thi đua năm 2021", "2021-01-01", "2021-12-31")
    + """\
sections:
  - kind: targets
    title: MỤC TIÊU, CHỈ TIÊU
    items:
      - target:
          id: mo-hinh
          text: Xây dựng 50 mô hình an toàn, vệ sinh lao động.
          measure: count
          goal: 50
          population: mô hình
      - target:
          id: sang-kien
          text: Có 250 sáng kiến được công nhận.
          measure: count
          goal: 250
          population: sáng kiến
      - target:
          id: cdcs-vung-manh
          text: 90% công đoàn cơ sở đạt vững mạnh.
          measure: percent
          goal: 90
          population: công đoàn cơ sở
      - target:
          id: ke-hoach-cdcs
          text: Trên 90% công đoàn cơ sở xây dựng kế hoạch thi đua.
          measure: percent
          goal: 90
          population: công đoàn cơ sở
      - target:
          id: cong-trinh
          text: Thực hiện 80 công trình chào mừng.
          measure: count
          goal: 80
          population: công trình
      - target:
          id: doan-vien-moi
          text: Kết nạp 3.000 đoàn viên mới.
          measure: count
          goal: 3000
          population: đoàn viên
      - target:
          id: dai-hoi
          text: Tổ chức Đại hội Công đoàn tỉnh.
          measure: yes_no
          goal: true
signature: {authority: TM. BAN THƯỜNG VỤ, title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: [Các CĐCS, "Lưu: VT"]
"""
)

RECORDS = """\
results:
  - {target: mo-hinh, date: 2021-12-31, value: 50}
  - target: sang-kien
    date: 2021-12-31
    value: 280
    note: Trong đó 40 sáng kiến cấp tỉnh.
  - {target: cdcs-vung-manh, date: 2021-12-31, value: 114, of: 120}
  - {target: ke-hoach-cdcs, date: 2021-12-31, value: 90, qualifier: trên}
  - {target: cong-trinh, date: 2021-12-31, value: 72}
  - {target: dai-hoi, date: 2021-10-20, value: true}
"""

# By hand, on 31/12/2021 (the last day of the period: a tổng kết):
#   (1) mo-hinh       50 of 50                      -> Đạt (exactly the goal)
#   (2) sang-kien     280 of 250: 280/250 = 112%     -> Vượt 12%
#   (3) cdcs-vung-manh 114/120 = 95%, goal 90%: 95 − 90 = 5 points -> Vượt 5 điểm phần trăm
#   (4) ke-hoach-cdcs "trên 90%" for 90%: met, but by an unknown amount -> Đạt (not Vượt)
#   (5) cong-trinh    72 of 80                       -> Không đạt
#   (6) doan-vien-moi nothing recorded               -> Không đạt (chưa có số liệu)
#   (7) dai-hoi       true                           -> Đạt (yes/no: never Vượt)
EXPECTED = [
    "Đạt",
    "Vượt 12%",
    "Vượt 5 điểm phần trăm",
    "Đạt",
    "Không đạt",
    "Không đạt (chưa có số liệu)",
    "Đạt",
]


def _write(tmp_path: Path, results: str = RECORDS) -> Path:
    return write_plan(tmp_path, PLAN, results)


def _report(runner, plan: Path, as_of: str, *extra: str) -> docx.document.Document:  # type: ignore[no-untyped-def]
    out = plan.with_name(f"bao-cao-{as_of}.docx")
    result = runner.invoke(app, ["report", str(plan), "-o", str(out), "--as-of", as_of, "--force", *extra])
    assert result.exit_code == 0, result.output
    _audit(out)
    return docx.Document(str(out))


def _rows(document: docx.document.Document) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[1].rows[1:]]


def _recipients(document: docx.document.Document) -> list[str]:
    cell = document.tables[-1].rows[0].cells[0]  # the signature table: Nơi nhận on the left
    return [p.text for p in cell.paragraphs if p.style.name == style_name("recipient")]


def _signature(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs if p.text]


def test_after_the_period_a_target_is_dat_vuot_or_khong_dat(runner, tmp_path: Path) -> None:
    document = _report(runner, _write(tmp_path), "2021-12-31")
    rows = _rows(document)
    assert [row[5] for row in rows] == EXPECTED
    # The share achieved stays as today: 280/250 = 112%, 95/90 = 105,6%, 72/80 = 90%.
    assert [rows[1][4], rows[2][4], rows[4][4], rows[5][4]] == ["112%", "105,6%", "90%", "—"]
    # 3 met (1, 4, 7), 2 beyond (2, 3), 2 not (5, 6), one of which has no figure.
    summary = next(p.text for p in document.paragraphs if p.text.startswith("Kế hoạch có"))
    assert summary == (
        "Kế hoạch có 7 chỉ tiêu; kết quả: 2 chỉ tiêu vượt, 3 chỉ tiêu đạt, "
        "2 chỉ tiêu không đạt (trong đó 1 chỉ tiêu chưa có số liệu)."
    )


def test_during_the_period_the_words_are_todays_status(runner, tmp_path: Path) -> None:
    # The same figures dated 30/6/2021 (the Đại hội's, 20/10, is not in yet): 180 of 364 days gone by
    # (49%), so 72/80 = 90% is ahead of time; what reached its goal is "Đạt", never "Vượt".
    document = _report(runner, _write(tmp_path, RECORDS.replace("2021-12-31", "2021-06-30")), "2021-06-30")
    assert any(p.text.startswith("Sơ kết thực hiện") for p in document.paragraphs)
    rows = _rows(document)
    assert [row[5] for row in rows] == [
        "Đạt",
        "Đạt",
        "Đạt",
        "Đạt",
        "Đúng tiến độ",
        "Chưa có số liệu",
        "Chưa có số liệu",
    ]
    summary = next(p.text for p in document.paragraphs if p.text.startswith("Kế hoạch có"))
    assert "đến nay có 4 chỉ tiêu đạt" in summary and "vượt" not in summary


def test_a_near_figure_at_the_goal_is_not_met_and_an_above_one_beyond_it_keeps_its_qualifier(
    runner, tmp_path: Path
) -> None:
    near = "{target: cong-trinh, date: 2021-12-31, value: 80, qualifier: gần}"
    records = RECORDS.replace("{target: cong-trinh, date: 2021-12-31, value: 72}", near)
    records = records.replace("value: 280\n", "value: 300\n    qualifier: trên\n")
    rows = _rows(_report(runner, _write(tmp_path, records), "2022-01-15"))
    # "gần 80" for 80 falls short; "trên 300" for 250: beyond by more than 300/250 − 1 = 20%.
    assert rows[4][5] == "Không đạt"
    assert rows[1][5] == "Vượt trên 20%"


def test_the_note_of_the_figure_counted_is_printed_in_italics_under_it(runner, tmp_path: Path) -> None:
    document = _report(runner, _write(tmp_path), "2021-12-31")
    cell = document.tables[1].rows[2].cells[3]  # (2) sang-kien's Kết quả
    figure, note = cell.paragraphs
    assert figure.text == "280 sáng kiến"
    assert note.text == "Trong đó 40 sáng kiến cấp tỉnh."
    assert all(run.italic for run in note.runs if run.text)
    # A figure without a note has one paragraph.
    assert len(document.tables[1].rows[1].cells[3].paragraphs) == 1


def test_without_recipients_the_report_is_kept_in_the_archive_and_signed_as_the_plan(runner, tmp_path: Path) -> None:
    document = _report(runner, _write(tmp_path), "2021-12-31")
    assert _recipients(document) == ["- Lưu: VT."]
    assert _signature(document) == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn A"]


FILE_BLOCK = """\
report:
  recipients:
    - "Lưu: VT, Ban Tuyên giáo"
    - Tổng Liên đoàn Lao động Việt Nam (để b/c)
    - Thường trực Tỉnh ủy (để b/c)
  signature:
    authority: KT. CHỦ TỊCH
    title: PHÓ CHỦ TỊCH
    name: Trần Thị B
"""


def test_recipients_and_signer_from_the_results_file_with_lu_u_last(runner, tmp_path: Path) -> None:
    document = _report(runner, _write(tmp_path, RECORDS + FILE_BLOCK), "2021-12-31")
    assert _recipients(document) == [
        "- Tổng Liên đoàn Lao động Việt Nam (để b/c);",
        "- Thường trực Tỉnh ủy (để b/c);",
        "- Lưu: VT, Ban Tuyên giáo.",
    ]
    assert _signature(document) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị B"]


def test_options_override_the_results_file(runner, tmp_path: Path) -> None:
    plan = _write(tmp_path, RECORDS + FILE_BLOCK)
    document = _report(
        runner,
        plan,
        "2021-12-31",
        "--recipient",
        "- Ban Thi đua - Khen thưởng tỉnh;",  # typed as printed: the dash and ';' are not doubled
        "--recipient",
        "Các LĐLĐ huyện",
        "--signer-name",
        "Lê Văn C",
    )
    # The options' list has no Lưu line: "Lưu: VT" is added, last.
    assert _recipients(document) == ["- Ban Thi đua - Khen thưởng tỉnh;", "- Các LĐLĐ huyện;", "- Lưu: VT."]
    # The name from the option, the authority and title still from the file.
    assert _signature(document) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn C"]


def test_a_signer_option_over_the_plan_alone(runner, tmp_path: Path) -> None:
    document = _report(
        runner, _write(tmp_path), "2021-12-31", "--signer-authority", "KT. CHỦ TỊCH", "--signer-title", "PHÓ CHỦ TỊCH"
    )
    assert _signature(document) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_new_options_are_in_the_help_of_both_languages(lang: str) -> None:
    page = help_page(["report", "--help", "--lang", lang])
    for option in ("--recipient", "--signer-authority", "--signer-title", "--signer-name"):
        assert option in page
    assert ("Một dòng Nơi nhận" in page) == (lang == "vi")
    assert ("One Nơi nhận line" in page) == (lang == "en")


UNITS_PLAN = (
    plan_head("Tổ chức phong trào thi đua giai đoạn 2021 – 2022", "2021-01-01", "2022-12-31")
    + """\
sections:
  - kind: targets
    title: MỤC TIÊU, CHỈ TIÊU
    items:
      - target:
          id: sang-kien-tang
          text: Số sáng kiến tăng bình quân 10%/năm.
          measure: growth
          goal: 10
      - target:
          id: mo-hinh-diem
          text: Mỗi LĐLĐ huyện xây dựng ít nhất 01 mô hình điểm.
          measure: count
          goal: 1
          population: mô hình
          per_unit: true
units:
  - {id: ldld-dong-ha, name: LĐLĐ thành phố Đông Hà}
  - {id: ldld-gio-linh, name: LĐLĐ huyện Gio Linh}
signature: {authority: TM. BAN THƯỜNG VỤ, title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: [Các LĐLĐ huyện, "Lưu: VT"]
"""
)

UNITS_RECORDS = """\
results:
  - {target: sang-kien-tang, date: 2020-12-31, value: 1000}
  - {target: sang-kien-tang, date: 2022-12-31, value: 1254}
  - target: mo-hinh-diem
    unit: ldld-dong-ha
    date: 2022-11-30
    value: 2
    note: Thêm một mô hình ở khu công nghiệp.
  - {target: mo-hinh-diem, unit: ldld-gio-linh, date: 2022-11-30, value: 1}
"""


def test_growth_is_beyond_in_points_and_a_per_unit_target_is_met_not_beyond(tmp_path: Path) -> None:
    from datetime import date

    from thidua.track.report import report_context
    from thidua.track.status import track
    from thidua.workspace import open_tracked

    tracked = open_tracked(write_plan(tmp_path, UNITS_PLAN, UNITS_RECORDS))
    as_of = date(2023, 1, 10)
    context = report_context(tracked.plan, track(tracked.plan, tracked.results, as_of), as_of)
    # (1254 / 1000) ^ (1/2) − 1 = 11,98%/năm for 10%/năm: 1,98 points, shown as 2 (one decimal: 2,0).
    # (2) every unit has its model: Đạt, never Vượt for the target as a whole.
    assert [row["status"] for row in context["rows"]] == ["Vượt 2 điểm phần trăm", "Đạt"]
    [units] = context["per_unit"]
    # Đông Hà 2 for 1: 2/1 − 1 = 100% beyond; Gio Linh exactly 1.
    assert [(u["result"], u["status"], u["note"]) for u in units["units"]] == [
        ("2", "Vượt 100%", "Thêm một mô hình ở khu công nghiệp."),
        ("1", "Đạt", None),
    ]


def test_a_per_unit_target_with_a_unit_missing_is_not_met(runner, tmp_path: Path) -> None:
    records = "\n".join(line for line in UNITS_RECORDS.splitlines() if "ldld-gio-linh" not in line) + "\n"
    document = _report(runner, write_plan(tmp_path, UNITS_PLAN, records), "2023-01-10")
    assert [row[5] for row in _rows(document)] == ["Vượt 2 điểm phần trăm", "Không đạt"]
    units = [[cell.text for cell in row.cells] for row in document.tables[2].rows[1:]]
    assert units == [
        ["1", "LĐLĐ thành phố Đông Hà", "2\nThêm một mô hình ở khu công nghiệp.", "Vượt 100%"],
        ["2", "LĐLĐ huyện Gio Linh", "—", "Không đạt (chưa có số liệu)"],
    ]
