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


# "Chỉ thị số 05-CT/TW Chỉ thị về …": a cited số and ký hiệu, then straight away another document's type.
_RUN_TOGETHER = re.compile(
    rf"(?:{_DOC_WORDS})\s+số\s+(\d+[\w.]*(?:[/-][\w.]+)+)(?:\s+ngày\s+[\d/.]+)?\s+((?:{_DOC_WORDS})\b)"
)


def check_run_together(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        if "số" not in segment.lowered or ("/" not in segment.text and "-" not in segment.text):
            continue
        for match in _RUN_TOGETHER.finditer(segment.text):
            yield text_problem(segment, match.start(2), written=match[0], number=match[1], next=match[2])


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
    Rule(
        "TX41",
        "citation.run-together",
        Severity.warning,
        text_check=check_run_together,
        summary={
            "vi": "Hai văn bản dẫn liền nhau, thiếu chữ nối",
            "en": "Two cited documents run together",
        },
        message={
            "vi": "sau '{number}' là '{next}' mà không có dấu phẩy, 'và' hay 'về': hai văn bản dính vào nhau, "
            "hoặc tên loại văn bản bị lặp",
            "en": "'{number}' is followed by '{next}' with no comma, 'và' or 'về': two citations run together, "
            "or the document type written twice",
        },
        why={
            "vi": "'Chỉ thị số 05-CT/TW Chỉ thị về …' thường là sót chữ khi ghép câu hoặc chép từ văn bản "
            "khác: hoặc thừa tên loại văn bản ('Chỉ thị số 05-CT/TW về …'), hoặc thiếu dấu phẩy giữa hai "
            "văn bản ('…số 05-CT/TW, Chỉ thị số …').",
            "en": "'Chỉ thị số 05-CT/TW Chỉ thị về …' is usually a slip when joining sentences or copying: "
            "either the type is written twice ('Chỉ thị số 05-CT/TW về …') or a comma is missing between two "
            "documents ('…số 05-CT/TW, Chỉ thị số …').",
        },
        bad="opening:\n  - Thực hiện Chỉ thị số 05-CT/TW Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh.\n",
        good="opening:\n  - Thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh.\n",
    ),
)
