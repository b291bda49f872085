"""`thidua record`: results added without hand-editing, every existing byte kept, nothing half-written."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from thidua.cli.app import app
from thidua.text.figures import format_money, format_number, parse_figure

FIXTURE = ROOT / "tests" / "rules" / "KQ01" / "clean.yaml"  # one target of each measure
SEED_002 = ROOT / "tests" / "fixtures" / "seeds" / "002_c97cc4d321e13c43.txt"
LAI_CHAU = ROOT / "tests" / "fixtures" / "results" / "lai-chau" / "thi-dua-2015-2020.yaml"

# A results file as a clerk may have left it: comments everywhere, quoting, blank lines, odd spacing.
HAND_WRITTEN = """\
# Kết quả — do văn phòng ghi tay
results:   # danh sách
  - target: ke-hoach-cdcs      # đợt 1
    date: 2021-03-31
    value: 60
    of: 120
    source: 'Báo cáo số 7/BC-LĐLĐ ngày 02/4/2021'

  -   target: mo-hinh-diem
      unit: ldld-dong-ha
      date: 2021-03-31
      value: 0   # chưa có

  # Đợt 2 sẽ ghi tiếp ở dưới.
# hết
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "thi-dua.yaml"
    shutil.copyfile(FIXTURE, target)
    return target


def results_of(plan: Path) -> Path:
    return plan.with_name("thi-dua.results.yaml")


def test_record_keeps_every_existing_byte(runner, plan: Path) -> None:
    results = results_of(plan)
    results.write_text(HAND_WRITTEN, encoding="utf-8")
    before = results.read_bytes()
    argv = ["record", str(plan), "ke-hoach-cdcs", "96", "--of", "120", "--date", "30/6/2021",
            "--source", "Báo cáo số 12/BC-LĐLĐ ngày 05/7/2021"]  # fmt: skip
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.output
    after = results.read_bytes()
    assert len(after) > len(before)
    # The new record sits right after the last record's last line; removing it gives back the file.
    cut = before.index(b"      value: 0   # ch\xc6\xb0a c\xc3\xb3\n") + len(
        b"      value: 0   # ch\xc6\xb0a c\xc3\xb3\n"
    )
    inserted = after[cut : cut + len(after) - len(before)]
    assert after[:cut] + after[cut + len(inserted) :] == before
    # It is indented like the records above it and reads back as the figure given.
    assert inserted.startswith(b"  -   target: ke-hoach-cdcs\n      date: 2021-06-30\n")
    data = yaml.safe_load(after)
    assert data["results"][-1] == {
        "target": "ke-hoach-cdcs", "date": __import__("datetime").date(2021, 6, 30), "value": 96, "of": 120,
        "source": "Báo cáo số 12/BC-LĐLĐ ngày 05/7/2021",
    }  # fmt: skip
    check = runner.invoke(app, ["check", "--strict", str(plan)])
    assert check.exit_code == 0, check.output


def test_record_keeps_crlf_and_a_missing_final_newline(runner, plan: Path) -> None:
    results = results_of(plan)
    original = HAND_WRITTEN.replace("\n", "\r\n").rstrip("\r\n").encode("utf-8")
    results.write_bytes(original)
    result = runner.invoke(app, ["record", str(plan), "tong-ket-dot-1", "có", "--date", "2021-07-10"])
    assert result.exit_code == 0, result.output
    after = results.read_bytes()
    assert b"  -   target: tong-ket-dot-1\r\n      date: 2021-07-10\r\n      value: true\r\n" in after
    assert (
        after.replace(b"  -   target: tong-ket-dot-1\r\n      date: 2021-07-10\r\n      value: true\r\n", b"")
        == original
    )


def test_record_creates_the_file_with_a_heading(runner, plan: Path) -> None:
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "trên 90%", "--date", "2021-06-30"])
    assert result.exit_code == 0, result.output
    text = results_of(plan).read_text(encoding="utf-8")
    modeline, heading = text.splitlines()[:2]
    assert modeline.startswith("# yaml-language-server: $schema=")
    assert heading.startswith("# Kết quả thực hiện chỉ tiêu của kế hoạch thi-dua.yaml")
    assert "    value: 90\n    qualifier: trên\n" in text


def test_a_new_results_file_has_the_modeline_of_the_results_schema(runner, tmp_path: Path) -> None:
    repository = tmp_path / "kho"
    (repository / "schema").mkdir(parents=True)
    for name in ("plan", "results"):
        (repository / "schema" / f"{name}.schema.json").write_text("{}", encoding="utf-8")
    plan = repository / "campaigns" / "ldld-quang-tri" / "2021" / "thi-dua.yaml"
    plan.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURE, plan)
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 0, result.output
    results = plan.with_name("thi-dua.results.yaml")
    first = results.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match and match[1] == "../../../schema/results.schema.json", first
    assert (plan.parent / match[1]).resolve() == (repository / "schema" / "results.schema.json").resolve()
    check = runner.invoke(app, ["check", "--strict", str(results)])
    assert check.exit_code == 0, check.output
    # A second record leaves the modeline where it is, once.
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "97", "--date", "2021-07-31"])
    assert result.exit_code == 0, result.output
    assert results.read_text(encoding="utf-8").count("yaml-language-server") == 1


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["ke-hoach-cdsc", "80"], "KQ01"),  # unknown target
        (["ke-hoach-cdcs", "130%"], "KQ05"),  # percent 130
        (["mo-hinh-diem", "1", "--unit", "ldld-dong-haa"], "KQ02"),  # unknown unit
        (["ke-hoach-cdcs", "80", "--date", "2012-06-30"], "KQ04"),  # outside the period
        (["ke-hoach-cdcs", "60", "--of", "120", "--date", "2021-03-31"], "KQ07"),  # already recorded
        (["tong-ket-dot-1", "mười"], "KQ09"),  # not a figure
    ],
)
def test_a_bad_record_is_refused_and_the_file_unchanged(runner, plan: Path, argv: list[str], code: str) -> None:
    results = results_of(plan)
    results.write_text(HAND_WRITTEN, encoding="utf-8")
    before = results.read_bytes()
    if "--date" not in argv:
        argv = [*argv, "--date", "2021-06-30"]
    result = runner.invoke(app, ["record", str(plan), *argv])
    assert result.exit_code == 1, result.output
    assert code in result.output and "Traceback" not in result.output
    assert "không ghi gì" in result.output
    assert results.read_bytes() == before


def test_a_bad_existing_results_file_stops_record_and_check(runner, plan: Path) -> None:
    results = results_of(plan)
    results.write_text(HAND_WRITTEN.replace("target: mo-hinh-diem", "target: mo-hinh-diemm"), encoding="utf-8")
    before = results.read_bytes()
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 1
    assert "thi-dua.results.yaml:9:15: KQ01" in result.output.replace(str(plan.parent) + os.sep, "")
    assert results.read_bytes() == before
    check = runner.invoke(app, ["check", str(plan)])
    assert check.exit_code == 1 and "KQ01" in check.output


CSV_GOOD = (
    "chỉ tiêu;ngày;giá trị;tổng số;đơn vị;nguồn\n"
    'ke-hoach-cdcs;30/6/2021;96;120;;"Báo cáo số 12/BC-LĐLĐ; đợt 1"\n'
    "mo-hinh-diem;30/6/2021;1;;ldld-dong-ha;\n"
    "mo-hinh-diem;30/6/2021;0;;ldld-gio-linh;\n"
)


def test_record_from_a_spreadsheet(runner, plan: Path, tmp_path: Path) -> None:
    results = results_of(plan)
    results.write_text(HAND_WRITTEN, encoding="utf-8")
    before = results.read_bytes()
    sheet = tmp_path / "don-vi.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + CSV_GOOD.encode("utf-8"))  # Excel's CSV UTF-8
    result = runner.invoke(app, ["record", str(plan), "--from", str(sheet)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(results.read_bytes())
    assert len(data["results"]) == 5
    assert data["results"][2]["source"] == "Báo cáo số 12/BC-LĐLĐ; đợt 1"
    assert results.read_bytes().startswith(before.split(b"\n  # \xc4\x90\xe1\xbb\xa3t 2")[0])


def test_units_are_recorded_by_the_names_they_write(runner, plan: Path, tmp_path: Path) -> None:
    # The plan's units: ldld-dong-ha "LĐLĐ thành phố Đông Hà", ldld-gio-linh "LĐLĐ huyện Gio Linh".
    sheet = tmp_path / "don-vi.csv"
    sheet.write_text(
        "chỉ tiêu;ngày;giá trị;đơn vị\n"
        "mo-hinh-diem;30/6/2021;1;Liên đoàn Lao động thành phố Đông Hà\n"  # LĐLĐ spelt out, another case
        "mo-hinh-diem;30/6/2021;0;Gio Linh\n",  # the words of one unit's name
        encoding="utf-8",
    )
    result = runner.invoke(app, ["record", str(plan), "--from", str(sheet)])
    assert result.exit_code == 0, result.output
    units = [r["unit"] for r in yaml.safe_load(results_of(plan).read_bytes())["results"]]
    assert units == ["ldld-dong-ha", "ldld-gio-linh"]
    assert "đơn vị “Gio Linh” là ldld-gio-linh" in result.output  # said, so the clerk can check


def test_a_unit_name_that_is_several_units_or_none_is_refused_naming_them(runner, plan: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "don-vi.csv"
    sheet.write_text(
        "chỉ tiêu;ngày;giá trị;đơn vị\nmo-hinh-diem;30/6/2021;1;LĐLĐ\nmo-hinh-diem;30/6/2021;1;Hội Nông dân\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["--lang", "en", "record", str(plan), "--from", str(sheet)])
    assert result.exit_code == 1
    assert "don-vi.csv:2:26: KQ09" in result.output and "'LĐLĐ' could be several units" in result.output
    assert "ldld-gio-linh (LĐLĐ huyện Gio Linh)" in result.output.split("don-vi.csv:3")[0]
    assert "don-vi.csv:3:26: KQ09" in result.output and "no unit of the plan is named 'Hội Nông dân'" in result.output
    assert not results_of(plan).exists()  # nothing written


def _workbook(path: Path, rows: list[list[object]], percent: tuple[int, int] | None = None) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    if percent is not None:
        book.active.cell(*percent).number_format = "0%"
    book.save(path)
    return path


def test_an_excel_sheet_records_what_the_same_csv_records(runner, plan: Path, tmp_path: Path) -> None:
    import datetime as dt

    csv_plan = tmp_path / "csv" / plan.name
    csv_plan.parent.mkdir()
    shutil.copyfile(plan, csv_plan)
    sheet = tmp_path / "don-vi.csv"
    sheet.write_text(
        "chỉ tiêu;ngày;giá trị;tổng số;đơn vị\nke-hoach-cdcs;30/6/2021;96%;;\n"
        "mo-hinh-diem;30/6/2021;1;;LĐLĐ thành phố Đông Hà\nmo-hinh-diem;30/6/2021;0;;Gio Linh\n",
        encoding="utf-8",
    )
    book = _workbook(
        tmp_path / "don-vi.xlsx",
        [
            ["Chỉ tiêu", "Ngày", "Giá trị", "Tổng số", "Đơn vị", None],  # a blank column on the right
            ["ke-hoach-cdcs", dt.datetime(2021, 6, 30), 0.96, None, None],  # 96% as Excel keeps it
            ["mo-hinh-diem", dt.date(2021, 6, 30), 1, None, "LĐLĐ thành phố Đông Hà"],
            ["mo-hinh-diem", dt.date(2021, 6, 30), 0.0, None, "Gio Linh"],
        ],
        percent=(2, 3),
    )
    assert runner.invoke(app, ["record", str(csv_plan), "--from", str(sheet)]).exit_code == 0
    result = runner.invoke(app, ["record", str(plan), "--from", str(book)])
    assert result.exit_code == 0, result.output
    from_csv = results_of(csv_plan).read_text(encoding="utf-8")
    assert results_of(plan).read_text(encoding="utf-8") == from_csv
    assert "value: 96" in from_csv and "unit: ldld-gio-linh" in from_csv


def test_a_bad_excel_row_names_its_row_and_column_and_nothing_is_written(runner, plan: Path, tmp_path: Path) -> None:
    book = _workbook(
        tmp_path / "don-vi.xlsx",
        [["chỉ tiêu", "ngày", "giá trị"], ["mo-hinh-diem", "30/6/2021", 1], ["mo-hinh-diem", "31/02/2021", 1]],
    )
    result = runner.invoke(app, ["record", str(plan), "--from", str(book)])
    assert result.exit_code == 1
    assert "don-vi.xlsx:3:2: KQ09" in result.output  # cell B3: 31/02 is no day
    assert not results_of(plan).exists()
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    result = runner.invoke(app, ["record", str(plan), "--from", str(junk)])
    assert result.exit_code == 1 and "không đọc được tệp Excel" in result.output
    assert "Traceback" not in result.output and not results_of(plan).exists()


def test_one_broken_csv_row_rejects_the_whole_file(runner, plan: Path, tmp_path: Path) -> None:
    results = results_of(plan)
    results.write_text(HAND_WRITTEN, encoding="utf-8")
    before = results.read_bytes()
    sheet = tmp_path / "don-vi.csv"
    sheet.write_text(CSV_GOOD + "ke-hoach-cdcs;31/7/2021;130;;;\nmo-hinh-diem;31/02/2021;1;;ldld-dong-ha;\n", "utf-8")
    result = runner.invoke(app, ["record", str(plan), "--from", str(sheet)])
    assert result.exit_code == 1
    assert "don-vi.csv:5:25: KQ05" in result.output  # the percent 130, at its cell
    assert "don-vi.csv:6:14: KQ09" in result.output  # 31/02 is no day
    assert results.read_bytes() == before


def test_junk_bytes_in_a_csv_are_a_finding_not_a_traceback(runner, plan: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "junk.csv"
    sheet.write_bytes(b"target,date,value\nke-hoach-cdcs,2021-06-30,9\xff6\n")
    result = runner.invoke(app, ["record", str(plan), "--from", str(sheet)])
    assert result.exit_code == 1 and "junk.csv:2:27: YA04" in result.output
    assert not results_of(plan).exists()


def test_an_unwritable_results_file_is_exit_2(runner, plan: Path) -> None:
    results = results_of(plan)
    results.write_text(HAND_WRITTEN, encoding="utf-8")
    results.chmod(0o444)
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert results.read_text(encoding="utf-8") == HAND_WRITTEN


def test_record_needs_target_and_value_or_a_csv(runner, plan: Path) -> None:
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs"])
    assert result.exit_code == 2 and "TARGET" in result.output


# ----------------------------------------------------------------------------- figures in words


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "percent"),
    [
        ("trên 90%", 90, "trên", True),
        ("gần 1.500", 1500, "gần", False),
        ("hơn 10 nghìn", 10_000, "hơn", False),
        ("gần 6 tỷ đồng", 6_000_000_000, "gần", False),
        ("1,5 tỷ", 1_500_000_000, None, False),
        ("87.5%", 87.5, None, True),
        ("34.000", 34_000, None, False),
        ("có", True, None, False),
        ("chưa", False, None, False),
    ],
)
def test_figures_read_as_reports_write_them(text: str, value: object, qualifier: str | None, percent: bool) -> None:
    figure = parse_figure(text)
    assert (figure.value, figure.qualifier, figure.percent) == (value, qualifier, percent)


def test_figures_print_as_reports_write_them() -> None:
    assert format_number(34000) == "34.000" and format_number(87.25) == "87,25" and format_number(1.5) == "1,5"
    assert format_money(6_000_000_000) == "6 tỷ đồng"
    assert format_money(800_000_000) == "800 triệu đồng"
    assert format_money(1_500_000_000) == "1,5 tỷ đồng"


# ----------------------------------------------------------------------------- seed 002: real figures

SEED_FIGURES = [
    # target, VALUE as the report writes it, --amount, the words the report uses
    ("ltt-ca-nhan", "trên 90%", None, "trên 90% CNVCLĐ"),
    ("ltt-tap-the", "trên 85%", None, "trên 85% tập thể"),
    ("bang-ldst", "27", None, "27 đề tài nghiên cứu được Tổng LĐLĐ Việt Nam tặng Bằng lao động sáng tạo"),
    ("sang-kien-cap-tinh", "trên 300", None, "trên 300 đề tài được UBND tỉnh công nhận sáng kiến cấp tỉnh"),
    ("nha-ban-tru", "77", "gần 6 tỷ đồng",
     "77 công trình nhà bán trú, công vụ, bếp ăn cho học sinh trị giá gần 6 tỷ đồng"),
    ("nha-nguoi-ngheo", "62", "gần 800 triệu đồng",
     "62 căn nhà cho người nghèo, gia đình chính sách trị giá gần 800 triệu đồng"),
]  # fmt: skip


def test_seed_002_figures_are_recorded_and_reported_in_the_same_words(runner, tmp_path: Path) -> None:
    seed = " ".join(SEED_002.read_text(encoding="utf-8").split())
    plan = tmp_path / LAI_CHAU.name
    shutil.copyfile(LAI_CHAU, plan)
    for target, value, amount, words in SEED_FIGURES:
        assert words in seed  # the seed's own words, so "the same words" is checked against it
        argv = ["record", str(plan), target, value, "--date", "2020-06-30",
                "--source", "Bài viết ngày 01/07/2020 của Công đoàn Lai Châu (seed 002)"]  # fmt: skip
        if amount:
            argv += ["--amount", amount]
        result = runner.invoke(app, argv)
        assert result.exit_code == 0, result.output
    stored = yaml.safe_load(plan.with_name("thi-dua-2015-2020.results.yaml").read_text(encoding="utf-8"))["results"]
    assert stored[0]["value"] == 90 and stored[0]["qualifier"] == "trên"
    assert (stored[4]["amount"], stored[4]["amount_qualifier"]) == (6_000_000_000, "gần")
    assert (stored[5]["amount"], stored[5]["amount_qualifier"]) == (800_000_000, "gần")

    tracked = runner.invoke(app, ["track", str(plan), "--as-of", "2020-06-30", "--format", "json"])
    by_id = {entry["id"]: entry for entry in json.loads(tracked.output)}
    for target, _, _, words in SEED_FIGURES:
        assert by_id[target]["result"] == words
    assert by_id["ltt-ca-nhan"]["status"] == "met"  # "trên 90%" reaches a 90% goal

    out = tmp_path / "bao-cao.docx"
    report = runner.invoke(app, ["report", str(plan), "-o", str(out), "--as-of", "2020-06-30"])
    assert report.exit_code == 0, report.output
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as package:
        import docx

        document = docx.Document(io.BytesIO(out.read_bytes()))
        cells = " ".join(" ".join(c.text.split()) for t in document.tables for r in t.rows for c in r.cells)
        assert any(name.startswith("word/media/") for name in package.namelist())
    for _, _, _, words in SEED_FIGURES:
        assert words in cells
