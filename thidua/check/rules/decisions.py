"""ND: decisions a command left for a human (`# thidua new: …`) are open until the mark is removed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from thidua.check.rule import PlanContext, Rule
from thidua.findings import Problem, Severity

W = Severity.warning

NEW_MARK = "thidua new:"  # what `thidua new` writes above a line a human must decide
_MARK = re.compile(r"^(\s*)#\s*(thidua new:)\s*(.*?)\s*$")


def check_open_decision(ctx: PlanContext) -> Iterator[Problem]:
    for number, line in enumerate(ctx.lines, start=1):
        match = _MARK.match(line)
        if match:
            yield Problem({"note": match[3]}, line=number, column=len(match[1]) + 1)


RULES = (
    Rule(
        "ND01",
        "decision.open",
        W,
        summary={
            "vi": "Còn việc cần người quyết định do thidua new ghi lại",
            "en": "A decision left by thidua new is still open",
        },
        message={
            "vi": "việc cần quyết định còn mở: {note} — sửa dòng dưới nếu cần rồi xóa dòng ghi chú này",
            "en": "open decision: {note} — edit the line below if needed, then delete this comment line",
        },
        why={
            "vi": "thidua new chép kế hoạch năm trước và ghi '# thidua new: …' trên mỗi dòng nó không tự "
            "quyết được (số, ngày, chủ đề, số năm kỷ niệm, kế hoạch cấp trên). Khi còn dòng ghi chú, kế "
            "hoạch chưa được ai xem lại ở đó: một kế hoạch năm 2022 vẫn viết 'năm đầu tiên thực hiện "
            "Nghị quyết …' và dẫn số của kế hoạch năm trước làm số của mình. Một khung kế hoạch mới (thidua new "
            "--issuer) cũng ghi như vậy ở mỗi chỗ còn phải viết: thidua check liệt kê những chỗ còn trống.",
            "en": "thidua new copies last year's plan and writes '# thidua new: …' above each line it "
            "cannot decide itself (number, date, theme, an anniversary's ordinal, the parent plan). While "
            "the comment is there, nobody has reviewed that line: a 2022 plan still calling itself 'the "
            "first year of the Resolution …' and citing last year's number as its own. A plan skeleton (thidua new "
            "--issuer) marks each place still to write the same way: thidua check lists what is still empty.",
        },
        bad="opening:\n  # thidua new: câu này dẫn số của chính kế hoạch cũ (số 58/KH-LĐLĐ): sửa khi có số mới\n"
        "  - Ban Thường vụ ban hành Kế hoạch số 58/KH-LĐLĐ về thi đua năm 2022.\n",
        good="opening:\n  - Ban Thường vụ ban hành Kế hoạch về thi đua năm 2022.\n",
        check=check_open_decision,
    ),
)
