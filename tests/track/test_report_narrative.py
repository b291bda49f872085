"""The report's narrative parts (issue 17 item 5): written in the results file, printed in their places, checked."""

from __future__ import annotations

from pathlib import Path

import docx
from typer.testing import CliRunner

from tests.render.test_docx_valid import _audit
from tests.track.plans import write_plan
from tests.track.test_awards import PLAN, RESULTS
from thidua.check.engine import CheckOptions, check_file
from thidua.cli.app import app

NARRATIVE = """\
report:
  highlights:
    - Các LĐLĐ huyện, thành phố triển khai kế hoạch kịp thời, đúng hướng dẫn.
    - >-
      LĐLĐ thành phố Đông Hà hoàn thành cả hai chỉ tiêu trước thời hạn.
  causes:
    - Dịch Covid-19 làm nhiều hoạt động tập trung phải tạm dừng.
  directions:
    - Tập trung chỉ đạo các đơn vị chưa có mô hình điểm hoàn thành trong quý IV.
  requests:
    - Đề nghị Tổng Liên đoàn hướng dẫn tiêu chí đánh giá mô hình điểm.
"""


def _paragraphs(out: Path) -> list[str]:
    return [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]


def test_the_narrative_is_printed_in_its_places_as_written(tmp_path: Path) -> None:
    plan_file = write_plan(tmp_path, PLAN, RESULTS + NARRATIVE)
    out = tmp_path / "bao-cao.docx"
    result = CliRunner().invoke(app, ["report", str(plan_file), "--as-of", "2021-12-31", "-o", str(out)])
    assert result.exit_code == 0, result.output
    _audit(out)  # openxml-audit: no error
    text = _paragraphs(out)
    parts = [t for t in text if t[:3] in ("II.", "III", "IV.", "V. ", "VI.", "VII")]
    # No shortcomings written: the assessment numbers what it has (1. highlights, 2. causes).
    assert parts == [
        "II. CHỈ TIÊU GIAO TỪNG ĐƠN VỊ",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ",
        "V. ĐỀ XUẤT KHEN THƯỞNG",
        "VI. KIẾN NGHỊ, ĐỀ XUẤT",
        "VII. NGUỒN SỐ LIỆU",
    ]
    start = text.index("III. ĐÁNH GIÁ CHUNG")
    assert text[start + 1 : start + 6] == [
        "1. Kết quả nổi bật",
        "Các LĐLĐ huyện, thành phố triển khai kế hoạch kịp thời, đúng hướng dẫn.",
        "LĐLĐ thành phố Đông Hà hoàn thành cả hai chỉ tiêu trước thời hạn.",
        "2. Nguyên nhân",
        "Dịch Covid-19 làm nhiều hoạt động tập trung phải tạm dừng.",
    ]
    assert (
        text[text.index("VI. KIẾN NGHỊ, ĐỀ XUẤT") + 1]
        == "Đề nghị Tổng Liên đoàn hướng dẫn tiêu chí đánh giá mô hình điểm."
    )


def test_without_a_narrative_the_report_keeps_its_parts(tmp_path: Path) -> None:
    plan_file = write_plan(tmp_path, PLAN, RESULTS)
    out = tmp_path / "bao-cao.docx"
    assert CliRunner().invoke(app, ["report", str(plan_file), "--as-of", "2021-12-31", "-o", str(out)]).exit_code == 0
    text = _paragraphs(out)
    assert "ĐÁNH GIÁ CHUNG" not in " ".join(text)
    assert "III. ĐỀ XUẤT KHEN THƯỞNG" in text and "IV. NGUỒN SỐ LIỆU" in text


def test_the_text_rules_read_the_narrative(tmp_path: Path) -> None:
    wrong = NARRATIVE.replace("triển khai kế hoạch kịp thời", "triển khai kế hoạch  kịp thời").replace(
        "Đề nghị Tổng Liên đoàn", "Mục địch đề nghị Tổng Liên đoàn"
    )
    plan_file = write_plan(tmp_path, PLAN, RESULTS + wrong)
    findings = check_file(plan_file.with_name("ke-hoach.results.yaml"), CheckOptions())
    lines = RESULTS.count("\n")
    # The double space (TX32) at line 3 of the block, the misspelling (TX04) at its line 11.
    assert {(f.code, f.line) for f in findings} == {("TX32", lines + 3), ("TX04", lines + 11)}
