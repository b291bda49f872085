"""TX4: documents cited in the text — their số and ký hiệu written as Nghị định 30 writes them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Problem, Severity
from thidua.text.kyhieu import CITED, cited_fix

E = Severity.error

_DOC_WORDS = (
    "Kế hoạch|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư|Công văn|Hướng dẫn|Báo cáo|Thông báo|"
    "Chương trình|Luật|Kết luận|Quy định|Quy chế|Đề án|Tờ trình"
)
# "Kế hoạch số: 132" — the colon belongs only to the document's own "Số:" line.
_NUMBER_COLON = re.compile(rf"(?:{_DOC_WORDS})\s+(số)\s*:\s*(\d+)", re.IGNORECASE)


def check_citation(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        if "/" not in text and "số" not in segment.lowered:
            continue
        for match in _NUMBER_COLON.finditer(text) if "số" in segment.lowered else ():
            written = text[match.start(1) : match.end(2)]
            yield text_problem(segment, match.start(1), written=written, suggestion=f"{match[1]} {match[2]}")
        for match in CITED.finditer(text) if "/" in text else ():
            if sum(char.isupper() for char in match[4]) < 2:
                continue  # KH, CTr, NĐ-CP: a ký hiệu has two capitals at least; "1/ Thi đua" is a heading number (TX50)
            suggestion = cited_fix(*match.groups())
            if suggestion is not None:
                yield text_problem(segment, match.start(), written=match[0], suggestion=suggestion)


RULES = (
    Rule(
        "TX40",
        "citation.ky-hieu",
        E,
        text_check=check_citation,
        summary={
            "vi": "Số, ký hiệu văn bản dẫn trong bài viết sai quy cách",
            "en": "A cited document's number and ký hiệu written against the rules",
        },
        message={"vi": "'{written}' nên viết là '{suggestion}'", "en": "'{written}' should be written '{suggestion}'"},
        why={
            "vi": "Nghị định 30/2020/NĐ-CP: số và ký hiệu viết liền, nối bằng '/' và '-' không có dấu cách "
            "(195/KH-LĐLĐ, không phải '195 /KH – LĐLĐ'); khi dẫn trong câu viết 'số 132', dấu hai chấm chỉ có "
            "ở dòng 'Số:' của chính văn bản. Văn bản của Đảng viết số-loại/cơ quan: 22-CT/TW.",
            "en": "Nghị định 30/2020/NĐ-CP: number and ký hiệu are written together, joined by '/' and '-' with "
            "no spaces (195/KH-LĐLĐ, not '195 /KH – LĐLĐ'); cited in a sentence it is 'số 132', the colon "
            "belongs to the document's own 'Số:' line. Party documents write number-type/body: 22-CT/TW.",
        },
        bad='opening:\n  - "Thực hiện Kế hoạch số: 195 /KH – LĐLĐ của Liên đoàn Lao động tỉnh."\n',
        good="opening:\n  - Thực hiện Kế hoạch số 195/KH-LĐLĐ của Liên đoàn Lao động tỉnh.\n",
    ),
)
