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


# "Quyết định số 36/2017/QĐ-UBND ngày 04/11/2017 Ủy ban nhân dân tỉnh": a cited document, its date, then
# its issuer without "của" (lost in a copy); the first word of the issuer's name.
_ISSUERS = (
    "Ban|Ủy|Uỷ|UBND|HĐND|Bộ|Sở|Cục|Vụ|Tổng|Liên|Công|Hội|Chính|Thủ|Chủ|Đảng|Tỉnh|Huyện|Thành|Quận|Thị|"
    "Văn|Trung|Quốc|Phòng|Trường|Đoàn|Mặt|MTTQ|BCH|BTV|LĐLĐ|TLĐ|Viện|Học|Ngân|Tòa|Toà"
)
# A số and ký hiệu as cited, spaces around its marks too ("81/KH – TLĐ": TX40 says how to write it)
_KY_HIEU = r"\d+[\w.]*(?:[ \u00a0]*[/–-][ \u00a0]*[\w.]+)+"
_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_ISSUER_AFTER_DATE = re.compile(
    rf"(?:{_DOC_WORDS})\s+số\s+{_KY_HIEU},?\s+ngày\s+(?:{_DATE})\s+(?P<issuer>(?:{_ISSUERS})\b)"
)


_CITED_HEAD = re.compile(rf"(?:{_DOC_WORDS})\s+số\s+{_KY_HIEU}")
# "… của Ủy ban nhân dân tỉnh Sơn La việc ban hành …": the subject after the issuer's name without "về"
_ISSUER_NAMED = re.compile(rf"(?<![\w])(?:của|{_ISSUERS})(?![\w])")
_NAME_THEN_VIEC = re.compile(r"(?P<name>[^\W\d_]+)\s+(?P<viec>việc)\b")


def check_citation_word_lost(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        lowered, text = segment.lowered, segment.text
        if "số" not in lowered or "/" not in text:
            continue
        if "ngày" in lowered:
            for match in _ISSUER_AFTER_DATE.finditer(text):
                at = match.start("issuer")
                yield text_problem(segment, at, written=_up_to_word(text, match.start(), at), lost="của")
        if "việc" in lowered:
            for head in _CITED_HEAD.finditer(text):
                stops = [text.find(mark, head.end()) for mark in ".;:\n"]
                end = min([stop for stop in stops if stop != -1], default=len(text))
                name = _NAME_THEN_VIEC.search(text, head.end(), min(end, head.end() + 160))
                if name is None or not name["name"][:1].isupper() or name["name"] in ("V", "Về"):
                    continue
                between = text[head.end() : name.start()]
                if _ISSUER_NAMED.search(between) and not any(mark in between for mark in '“"'):
                    # the name is the issuer's (not a movement's in quotes), then its subject without "về"
                    at = name.start("viec")
                    yield text_problem(segment, at, written=_up_to_word(text, name.start(), at), lost="về")


def _up_to_word(text: str, start: int, at: int) -> str:
    """The text from `start` to the end of the word at `at`."""
    end = text.find(" ", at)
    return text[start : end if end != -1 else len(text)]


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
    Rule(
        "TX42",
        "citation.word-lost",
        Severity.warning,
        text_check=check_citation_word_lost,
        summary={
            "vi": "Văn bản dẫn thiếu chữ 'của' trước cơ quan ban hành hay 'về' trước trích yếu",
            "en": "A cited document without 'của' before its issuer or 'về' before its subject",
        },
        message={
            "vi": "'{written}': thiếu '{lost}'?",
            "en": "'{written}': '{lost}' missing?",
        },
        why={
            "vi": "Văn bản dẫn viết theo thứ tự tên loại, số và ký hiệu, ngày ban hành, 'của' cơ quan ban hành, "
            "'về' trích yếu: 'Quyết định số 36/2017/QĐ-UBND ngày 04/11/2017 của Ủy ban nhân dân tỉnh Sơn La về "
            "việc ban hành …'. Bản chép từ trang web hay từ PDF thường rơi mất những chữ ngắn ấy: ngày ban hành "
            "liền tên cơ quan ('04/11/2017 Ủy ban'), tên cơ quan liền trích yếu ('Sơn La việc ban hành').",
            "en": "A cited document is written type, number and ký hiệu, date, 'của' and its issuer, 'về' and its "
            "subject: 'Quyết định số 36/2017/QĐ-UBND ngày 04/11/2017 của Ủy ban nhân dân tỉnh Sơn La về việc ban "
            "hành …'. A copy from a web page or a PDF often loses these short words: the date runs into the "
            "issuer ('04/11/2017 Ủy ban'), the issuer into the subject ('Sơn La việc ban hành').",
        },
        bad="opening:\n  - Căn cứ Quyết định số 36/2017/QĐ-UBND ngày 04/11/2017 Ủy ban nhân dân tỉnh về thi đua.\n",
        good="opening:\n  - Căn cứ Quyết định số 36/2017/QĐ-UBND ngày 04/11/2017 của Ủy ban nhân dân tỉnh về thi đua.\n",
    ),
)
