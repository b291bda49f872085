"""Paragraphs of a plan -> plan data, following the structure Nghị định 30/2020 prescribes.

Pure: a list of paragraphs in, the plan as plain data (keys in the examples' order) and the
notes on what was guessed out. The parts are found by what ND30 says a Kế hoạch has, not by
where a particular file puts them: the header block (parent and issuing body, Số …/KH-…, the
Quốc hiệu and Tiêu ngữ, place and date), the document type and trích yếu, the opening
(Căn cứ / Thực hiện …), the Roman-numbered sections with their items (1. / 1.1. / a) / - / +),
the closing sentence ending `./.`, the signature block and Nơi nhận. Text is kept as written;
what cannot be found stays empty; whatever is guessed gets a note at its path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from thidua.errors import InputError
from thidua.findings import Loc
from thidua.text.vocab import AUTHORITY_PREFIXES, DOC_TYPES, LEGAL_TYPES

# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Note:
    """Something the import guessed or dropped: a message key and its parameters, at a path."""

    path: Loc
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Structured:
    data: dict[str, Any]
    notes: list[Note]


@dataclass
class _Line:
    text: str  # as written, outer whitespace removed
    line: int
    blank_before: bool = False
    in_table: bool = False

    @property
    def key(self) -> str:
        return unicodedata.normalize("NFC", self.text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- patterns

_SPACE = r"[ \t\u00a0]"
_QUOC_HIEU = re.compile(r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.I)
_TIEU_NGU = re.compile(r"Độc\s*lập\s*[-–—]\s*Tự\s*do\s*[-–—]\s*Hạnh\s*phúc", re.I)
# The ký hiệu as printed, also spaced around its dash ("195 /KH – LĐLĐ"; TX40 then asks to close it), and
# in the Party's and its unions' form, the number joined by a dash ("Số: 225 - KH/TWĐTN-CTTN", "10-KH/LĐ").
_SO = re.compile(
    rf"\bSố{_SPACE}*:?{_SPACE}*(?P<num>[0-9]*){_SPACE}*(?:/|(?<=\d)(?:{_SPACE}*[-–]{_SPACE}*)(?=[A-ZĐ]+{_SPACE}*/))"
    rf"{_SPACE}*(?P<kh>[^\s,;]+(?:{_SPACE}+[-–]{_SPACE}+[^\s,;]+)*)"
)
_BLANK = r"[ \t\u00a0._…]"  # the room left for the day and month: spaces, dots, underscores
# The place is the words before ", ngày" on its own line (U+2029 ends a line of the joined header),
# with the number of a district or ward ("Quận 11, ngày …").
_PLACE_DATE = re.compile(
    rf"(?:(?P<place>[^\W\d_][^,\d\u2029]{{1,40}}?(?:{_SPACE}\d{{1,3}})?),{_SPACE}*)?ngày{_BLANK}*(?P<d>[0-9]{{1,2}})?{_BLANK}*tháng"
    rf"{_BLANK}*(?P<m>[0-9]{{1,2}})?{_BLANK}*năm{_SPACE}*(?P<y>[0-9]{{4}})"
)
_PLACE_SHORT_DATE = re.compile(
    r"(?P<place>[^\W\d_][^,\d\u2029]{1,40}?(?:[ \t]\d{1,3})?),\s*(?:ngày\s*)?"
    r"(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})\s*$"
)
_MARKUP = re.compile(r"(?:\\r)?\\n|\\r|<br\s*/?>|\s\|(?:\s|$)|^\|(?:\s|$)", re.I)
_RULE = re.compile(r"^[\s\-_=*·.~—–oO0]{3,}$")
_BOOKMARK = re.compile(r"^\[bookmark:[^\]]*\]\s*")
_CHROME = re.compile(
    r"^(?:Lượt xem|Lượt đọc|Số lượt|Ngày đăng|Đăng ngày|Ngày cập nhật|Cập nhật|Tác giả|Người đăng|Người viết|"
    r"Chia sẻ|In bài|Gửi bài|Xếp hạng|Tổng số điểm|Click để|Bấm vào|Ý kiến bạn đọc|Bình luận|Gửi bình luận|"
    r"Tin liên quan|Tin khác|Các tin khác|Bài viết liên quan|Tags?\b|Từ khóa|Từ khoá|Bạn đã không sử dụng|"
    r"Trang chủ|Tải về|Tải xuống|File đính kèm|Đính kèm|Xem thêm|Quay lại|Về đầu trang|Nguồn\s*:|Thời gian chờ|"
    r"Share|Facebook|Twitter|Zalo|Print|Email|\d[\d.,]*\s+(?:lượt xem|lượt đọc|lượt truy cập)\s*$)",
    re.I,
)
_WEEKDAY_STAMP = re.compile(
    r"^(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|Chủ\s+nhật)\b.{0,40}\d{1,2}[/-]\d{1,2}[/-]\d{4}", re.I
)
_STAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{4}\s*[-,]?\s*\d{1,2}:\d{2}|\d{1,2}:\d{2}\s*(?:AM|PM)?\s*\d{1,2}/\d{1,2}/\d{4}")
# Tags under a web page's article: unaccented words in small letters ("cong doan, thi dua").
_TAG = r"[a-z]{1,7}(?: [a-z]{1,7}){0,3}"  # up to four syllables
_TAGS = re.compile(rf"^{_TAG}(?:\s*[,;]\s*{_TAG})+$|^[a-z]{{1,7}}(?: [a-z]{{1,7}}){{1,3}}$")
_BREADCRUMB = re.compile(r"\s(?:»|›|>>|>)\s")

_DOC_TYPE_NAMES = {nfc(name).upper(): code for code, name in DOC_TYPES.items()}
_TYPE_LINE = re.compile(
    r"^(?P<type>" + "|".join(sorted(_DOC_TYPE_NAMES, key=len, reverse=True)) + r")\b\s*(?P<rest>.*)$"
)

_ROMAN = re.compile(r"^(?P<label>[IVXL]{1,6})\s*[.\-–):/]\s*(?P<text>\S.*)$")  # "I/" too (TX50 says so)
_ROMAN_UNDOTTED = re.compile(r"^(?P<label>[IVXL]{1,6})\s+(?P<text>[^\W\d_]{2,}(?:[\s,\-–]+[^\W\d_]+)+)$")  # dot lost
_ARABIC_UPPER_SECTION = re.compile(r"^(?P<label>\d{1,2})\s*[.\-–)]\s*(?P<text>\S.*)$")
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("decimal", re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<text>\S.*)$")),
    ("arabic", re.compile(r"^(?P<label>\d{1,2})[.)]\s*(?P<text>[^\W\d_].*|[“\"(«].*)$")),
    ("arabic", re.compile(r"^(?P<label>\d{1,2})[.)]\s+(?P<text>\d{1,3}(?:[,.]\d+)?\s?%.*)$")),
    ("alpha", re.compile(r"^(?P<label>[a-zđ])\)\s*(?P<text>\S.*)$")),
    ("alpha", re.compile(r"^(?P<label>[a-zđ])\.\s+(?P<text>[A-ZĐÀ-Ỹ].*)$")),
    ("plus", re.compile(r"^(?P<label>\+)\s*(?P<text>\S.*)$")),
    ("dash", re.compile(r"^(?P<label>[-–—•●▪·*✓])\s*(?P<text>[^\s\-–—].*)$")),
)

_BASIS = ("căn cứ", "thực hiện")  # always a reference; "Theo …", "Hưởng ứng …" only when they cite one
_REFERENCE_VERB = re.compile(r"^(?P<verb>Căn cứ|Thực hiện|Hưởng ứng|Thực hiện theo|Theo)\b", re.I)
_CITED_TYPES = {
    "kế hoạch": "KH",
    "nghị quyết": "NQ",
    "chỉ thị": "CT",
    "quyết định": "QĐ",
    "hướng dẫn": "HD",
    "chương trình": "CTr",
    "thông báo": "TB",
    "kết luận": "KL",
    "công văn": "CV",
    "quy định": "QyĐ",
    "quy chế": "QC",
    "đề án": "ĐA",
    "phương án": "PA",
    "nghị định": "NĐ",
    "thông tư liên tịch": "TTLT",
    "thông tư": "TT",
    "luật": "Luật",
    "pháp lệnh": "PL",
}
_CITED_NAMES = "|".join(sorted(_CITED_TYPES, key=len, reverse=True))  # the longest first
_CITATION = re.compile(
    r"(?P<tname>" + _CITED_NAMES + r")\b"
    r"(?:\s+(?:số|Số)\s*:?)?\s*"
    r"(?:(?P<party>\d{1,4})-(?P<pkh>[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][\wĐđ/\-]*)"
    r"|(?P<num>\d{1,5})\s*/\s*(?P<kh>[0-9A-ZĐ][\wĐđ\-/]*[\wĐđ]))?",
    re.I,
)
_DATE_DMY = re.compile(r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})")
_DATE_LONG = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")
_OWN_NUMBER = re.compile(
    r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)\s+số\s*:?\s*(?P<num>\d{1,5})/(?P<kh>KH-[^\s,;]+)"
    r"(?:,?\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}))?"
)

_KINDS = (
    ("organisation", ("TỔ CHỨC THỰC HIỆN", "TRÁCH NHIỆM", "PHÂN CÔNG")),
    ("purpose", ("MỤC ĐÍCH", "YÊU CẦU", "Ý NGHĨA")),
    ("targets", ("CHỈ TIÊU", "MỤC TIÊU")),
    ("content", ("NỘI DUNG",)),
    ("phases", ("THỜI GIAN", "CÁC ĐỢT", "ĐỢT THI ĐUA", "MỐC")),
    ("measures", ("GIẢI PHÁP", "BIỆN PHÁP", "NHIỆM VỤ")),
    ("awards", ("KHEN THƯỞNG", "DANH HIỆU", "TIÊU CHUẨN", "HÌNH THỨC")),
)

_PHASE = re.compile(
    r"^(?P<name>(?:Đợt|ĐỢT|Giai đoạn|GIAI ĐOẠN)\s+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba|bốn|I))\s*[:.\-–]\s*(?P<rest>.*)$"
)
_THEME_QUOTED = re.compile(r"^[“\"«](?P<theme>[^“”\"«»]+)[”\"»]\.?$")
_INLINE_THEME = re.compile(
    r"^(?P<head>Chủ đề(?: thi đua)?(?: năm \d{4})?\s*:)\s*[“\"](?P<theme>[^“”\"]+)[”\"]\.?$", re.I
)
_PHASE_THEME = re.compile(r"^Với chủ đề\s*[“\"](?P<theme>[^“”\"]+)[”\"]\.\s*(?P<rest>.*)$")

_GROWTH = re.compile(r"(?P<goal>\d{1,3}(?:[,.]\d{1,2})?)\s*%\s*/\s*năm")
_PERCENT = re.compile(r"(?<![\d,.])(?P<goal>\d{1,3}(?:,\d{1,2})?)\s*%(?!\s*/\s*năm)")
_COUNT = re.compile(
    r"\b(?:ít nhất|tối thiểu|không dưới|kết nạp(?:\s+mới)?|phát triển(?:\s+mới)?|thành lập(?:\s+mới)?|"
    r"xây dựng(?:\s+được)?(?:\s+ít nhất)?|có)\s+(?P<goal>\d{1,3}(?:\.\d{3})*|\d+)\s+(?P<what>[^\W\d_][^,;.:]*)",
    re.I,
)
_PER_UNIT = re.compile(r"^(?:Mỗi|mỗi)\b|\b(?:mỗi|từng)\s+(?:đơn vị|CĐCS|công đoàn|LĐLĐ|cơ sở|trường|huyện)", re.I)
_SIGNER = re.compile(r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|TRƯỞNG\s+BAN|BÍ\s+THƯ|GIÁM\s+ĐỐC|HIỆU\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC)$")
_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){1,5}$")
_SIGNED = re.compile(r"^\(?\s*(?:đã ký|Đã ký|ĐÃ KÝ|ký tên|Ký tên|đã ký và đóng dấu)[^)]*\)?$")
_ORG_START = re.compile(
    r"^(?:TỔNG|LIÊN ĐOÀN|CÔNG ĐOÀN|CĐCS|CĐ|LĐLĐ|BAN|BCH|UBND|ỦY BAN|UỶ BAN|ĐẢNG|SỞ|BỘ|HỘI|TRƯỜNG|CÔNG TY|"
    r"TẬP ĐOÀN|BỆNH VIỆN|PHÒNG|VIỆN|CỤC|TRUNG TÂM|HỘI ĐỒNG|ĐOÀN|NGÂN HÀNG|KHỐI|TỈNH ỦY|HUYỆN ỦY)\b"
)


# --------------------------------------------------------------------------- entry point


def build_plan(paragraphs: list[Any], *, from_docx: bool = False) -> Structured:
    """The plan read out of `paragraphs` (objects with .text and .line); InputError when it is not a plan."""
    return _Builder(paragraphs, from_docx).build()


class _Builder:
    def __init__(self, paragraphs: list[Any], from_docx: bool) -> None:
        self.from_docx = from_docx
        # Whether the text is written with its diacritics (then a line without any is a page's tags).
        sample = "".join(str(paragraph.text) for paragraph in paragraphs[:400])
        letters = sum(ch.isalpha() for ch in sample)
        self.accented = letters > 0 and sum(ord(ch) > 127 for ch in sample if ch.isalpha()) / letters > 0.1
        self.notes: list[Note] = []
        self.dropped: list[str] = []
        self.lines = self._lines(paragraphs)
        self._seen_ids: set[str] = set()
        self._previous_phase: dict[str, Any] | None = None  # the phase read last, for "từ năm …"
        self.issued: date | None = None
        self.saw_so = False
        self.page = 0  # the first line of the document, after a page's own heading

    def note(self, path: Loc, key: str, **params: Any) -> None:
        self.notes.append(Note(path, key, params))

    # ------------------------------------------------------------------ lines

    def _lines(self, paragraphs: list[Any]) -> list[_Line]:
        out: list[_Line] = []
        blank = False
        for paragraph in self._unwrapped(paragraphs):
            raw = _clean(paragraph.text)
            text = raw.strip()
            if not text:
                blank = True
                continue
            if _BOOKMARK.match(text):
                text = _BOOKMARK.sub("", text)
            if _RULE.match(text):
                blank = True
                continue
            in_table = bool(getattr(paragraph, "in_table", False))
            previous = out[-1] if out else None
            joins = not self.from_docx and previous is not None and not blank
            if joins and previous and _continues(previous.key, nfc(text)) and not self._chrome(_Line(text, 0)):
                glue = "" if previous.text.endswith("/") and text[:1].isdigit() else " "  # "02/01/" + "2021"
                previous.text = f"{previous.text}{glue}{text}"
                continue
            out.append(_Line(text, paragraph.line, blank, in_table))
            blank = False
        return out

    def _unwrapped(self, paragraphs: list[Any]) -> list[_Line]:
        """Text copied out of a web page's HTML: literal \\r\\n and <br>, table cells split by |."""
        out: list[_Line] = []
        for paragraph in paragraphs:
            text = paragraph.text
            if not self.from_docx and _MARKUP.search(text):
                for part in _MARKUP.sub("\n", text).split("\n"):
                    out.append(_Line(part.strip(" |"), paragraph.line))
                continue
            if not self.from_docx and len(text) >= _FLATTENED:
                parts = _unflattened(text)
                if len(parts) > 1:  # kept apart: an empty line between them stops the rejoining of wrapped lines
                    for part in parts:
                        out += [_Line(part, paragraph.line), _Line("", paragraph.line)]
                    self.note((), "import-note-unflattened", count=len(parts))
                    continue
            out.append(_Line(text, paragraph.line, in_table=bool(getattr(paragraph, "in_table", False))))
        return out

    def _chrome(self, line: _Line) -> bool:
        key = line.key
        if len(key) > 160 or _label_of(key)[0] not in (None, "dash"):
            return False
        if self.accented and _TAGS.match(key):  # a page's tags, unaccented, in an accented text
            return True
        if _CHROME.match(key) or _WEEKDAY_STAMP.match(key) or (len(key) < 60 and _STAMP.search(key)):
            return True
        return len(key) < 100 and bool(_BREADCRUMB.search(key)) and not key.rstrip().endswith((".", ":", ";"))

    # ------------------------------------------------------------------ the whole

    def build(self) -> Structured:
        lines = self.lines
        first_section = next((i for i, line in enumerate(lines) if _section_title(line.key)), None)
        sections_at = "roman"
        if first_section is None:
            first_section = next((i for i, line in enumerate(lines) if _arabic_section(line.key)), None)
            sections_at = "arabic"
        type_at = self._type_line(lines, first_section)
        hint = self._title_hint(lines, first_section)
        page = self.page  # where the document starts, after what a web page put before it
        planned = first_section is not None and re.search(
            r"MỤC ĐÍCH|MỤC TIÊU|CHỈ TIÊU", nfc(lines[first_section].key).upper()
        )
        if type_at is None and hint is None and not planned:  # a plan reposted without its header still has I. MỤC ĐÍCH
            type_at = self._call_line(lines, first_section)
            if type_at is None:
                raise InputError("import-not-plan")
            page = self._furniture(lines, 0, type_at)  # a page's title and menus before the header
        if first_section is None:
            # A plan without parts I., II. (a short one, or a text cut short): its body is one part.
            sections_at = "none"
            first_section = self._body_start(lines, type_at if type_at is not None else hint)
            if type_at is None:  # a page's title, then maybe the document's own header further down
                first_section = max(first_section, _header_end(lines, hint or 0, min(len(lines), 80)))
            if first_section >= len(lines):
                raise InputError("import-not-plan")

        data: dict[str, Any] = {"issuer": {}, "document": {}}
        if type_at is not None:
            identity = self._header(lines[page:type_at], data)
            end_title = self._title(lines, type_at, first_section, data)
        else:
            # A web page's title names the plan; the document's header may follow it.
            end_title = self._title(lines, None, first_section, data)
            end_title = self._furniture(lines, end_title, first_section)
            header_end = end_title
            while header_end < first_section and _headerish(lines[header_end]):
                header_end += 1
            identity = self._header(lines[end_title:header_end], data)
            end_title = header_end
        opening_lines = lines[end_title:first_section]
        tail_at, closing = self._tail_start(lines, first_section)
        data["campaign"] = {}
        references, opening = self._opening(opening_lines)
        self._own_number(opening, data, identity)
        self._campaign(data, identity)
        if references:
            data["references"] = references
        if opening:
            data["opening"] = opening
        self.issued = data["document"].get("date")
        data["sections"] = self._sections(lines[first_section:tail_at], sections_at)
        if closing is not None:
            data["closing"] = closing.text
        self._signature_and_recipients(lines[tail_at + (1 if closing is not None else 0) :], data)
        if not data["campaign"]:
            del data["campaign"]
        if self.dropped:
            shown = "; ".join(f"“{text[:40]}”" for text in self.dropped[:3])
            more = len(self.dropped) - 3
            self.note(
                (), "import-note-chrome", count=len(self.dropped), text=shown + (f" (+{more})" if more > 0 else "")
            )
        return Structured(_ordered(data), self.notes)

    def _body_start(self, lines: list[_Line], type_at: int | None) -> int:
        """Without sections: the body starts at the first numbered line after the title and references."""
        start = (type_at or 0) + 2
        labelled = next((i for i in range(start, len(lines)) if _label_of(lines[i].key)[0] not in (None, "dash")), None)
        if labelled is not None:
            return labelled
        unreferenced = next((i for i in range(start, len(lines)) if not _REFERENCE_VERB.match(lines[i].key)), None)
        return unreferenced if unreferenced is not None else len(lines)

    def _call_line(self, lines: list[_Line], first_section: int | None) -> int | None:
        """Without KẾ HOẠCH: the capitalised line about thi đua right after an official header, if any.

        A union's call to emulation ("PHÁT ĐỘNG PHONG TRÀO THI ĐUA") is issued as a plan without
        the word; its header (Quốc hiệu, place and date) tells it from a news article about one.
        """
        limit = first_section if first_section is not None else min(len(lines), 40)
        quoc_hieu = _quoc_hieu_at(lines, 0, limit)
        if quoc_hieu is None:
            return None
        after = _header_end(lines, quoc_hieu, limit)
        if not any(_PLACE_DATE.search(line.key) for line in lines[quoc_hieu:after]):
            return None
        for index in range(quoc_hieu + 1, min(limit, after + 3)):
            key = nfc(lines[index].key)
            plain = all(kind == "text" for kind, _ in _header_tokens(key))  # not a Số, date or Tiêu ngữ line
            if plain and key[:8].isupper() and "THI ĐUA" in key.upper() and len(key) < 200:
                return index
        return None

    def _furniture(self, lines: list[_Line], start: int, first_section: int) -> int:
        """Where the document's own header begins after a page's title: the page's menus before it dropped.

        ND30 opens every document with its header (the bodies and the Quốc hiệu side by side); a
        page that titles the plan may put menus, buttons and notices between its title and that
        header. When the Quốc hiệu comes later, the header block is the run of header lines
        around it, and what stands between the page's title and that run is the page's.
        """
        quoc_hieu = _quoc_hieu_at(lines, start, first_section)
        if quoc_hieu is None:
            return start
        header = quoc_hieu
        while header > start and (_headerish(lines[header - 1]) or _RULE.match(lines[header - 1].key)):
            header -= 1
        for skipped in lines[start:header]:
            self.dropped.append(skipped.text)
        return header

    def _type_line(self, lines: list[_Line], first_section: int | None) -> int | None:
        """The KẾ HOẠCH line; after the header when there is one (a web page may title itself so too)."""
        limit = first_section if first_section is not None else min(len(lines), 40)
        candidates = []
        for index in range(limit):
            match = _TYPE_LINE.match(lines[index].key)
            if match and (not match["rest"] or match["rest"][:1].isupper()) and lines[index].key[:8].isupper():
                candidates.append(index)
        markers = [i for i in range(limit) if any(kind != "text" for kind, _ in _header_tokens(lines[i].key))]
        after = [i for i in candidates if markers and i > max(markers)]
        if not markers and len(candidates) > 1 and candidates[1] == candidates[0] + 1:
            # A page's heading in capitals straight over the document's own KẾ HOẠCH line: the page's.
            self.dropped.append(lines[candidates[0]].text)
            self.page = candidates[1]
            return candidates[1]
        return after[0] if after else (candidates[0] if candidates else None)

    def _title_hint(self, lines: list[_Line], first_section: int | None) -> int | None:
        limit = first_section if first_section is not None else min(len(lines), 40)
        for index in range(limit):
            key = lines[index].key
            if key.lower().startswith("kế hoạch") and len(key) < 300 and not _REFERENCE_VERB.match(key):
                return index
        for index in range(limit):  # no title, but the header's số says it: "Số: 54/KH-UBND"
            match = _SO.search(lines[index].key)
            if match and match["kh"].startswith("KH") and len(lines[index].key) < 200:
                return index
        return None

    # ------------------------------------------------------------------ header

    def _header(self, header: list[_Line], data: dict[str, Any]) -> dict[str, Any]:
        bodies: list[str] = []
        identity: dict[str, Any] = {}
        # One text for the whole header, so that a Quốc hiệu or a date broken over lines is still found;
        # the line ends (U+2029) are kept to tell the bodies apart.
        joined = "\u2029".join(line.text.replace("\n", " ") for line in header)
        pieces = [
            (kind, part.strip())
            for kind, text in _header_tokens(joined)
            for part in (text.split("\u2029") if kind == "text" else [text.replace("\u2029", " ")])
            if part.strip(" ,-–|")
        ]
        pieces = [(kind, part) for kind, text in pieces for part in (_bodies(text) if kind == "text" else [text])]
        for kind, text in pieces:
            if kind in ("quoc-hieu", "tieu-ngu"):
                continue
            if kind == "so":
                self._so(text, data)
            elif kind == "place-date":
                identity.update(self._place_date(text, data))
            elif self._chrome(_Line(text, 0)):
                self.dropped.append(text)
            elif _upper(text):
                short = len(bodies[-1].split()) <= 2 if bodies else False
                if bodies and (short or not _ORG_START.match(nfc(text))) and len(bodies[-1]) < 60:
                    bodies[-1] = f"{bodies[-1]} {text}"  # a body's name over two lines
                else:
                    bodies.append(text)
            else:
                self.dropped.append(text)
        issuer = data["issuer"]
        bodies = [re.sub(rf"{_SPACE}{{2,}}", " ", body) for body in bodies]  # two cells of one column run together
        if bodies:
            if len(bodies) > 1:
                issuer["parent"] = " ".join(bodies[:-1])
            issuer["name"] = bodies[-1]
            if len(bodies) > 2:
                self.note(("issuer", "parent"), "import-note-parent", count=len(bodies) - 1)
        else:
            issuer["name"] = ""
            self.note(("issuer", "name"), "import-note-no-issuer")
        self.saw_so = "number" in data["document"] or "ky_hieu" in data["document"]
        if not self.saw_so:
            data["document"]["number"] = None
            self.note(("document", "number"), "import-note-no-number")
        return identity

    def _so(self, text: str, data: dict[str, Any]) -> None:
        match = _SO.search(nfc(text))
        if not match:
            return
        document = data["document"]
        number, ky_hieu = match["num"], match["kh"].rstrip(".")
        document["number"] = (int(number) if not number.startswith("0") else number) if number else None
        kind, _, rest = re.sub(rf"{_SPACE}*[-–]{_SPACE}*", "-", ky_hieu).partition("-")
        if kind in DOC_TYPES and rest and "/" not in rest:
            document["type"] = kind
            data["issuer"]["abbreviation"] = rest
            if ky_hieu != f"{kind}-{rest}":  # printed with spaces or a long dash: kept as written, check says so
                document["ky_hieu"] = ky_hieu
        else:
            document["type"] = kind if kind in DOC_TYPES else "KH"
            document["ky_hieu"] = ky_hieu
        if not number:
            self.note(("document", "number"), "import-note-blank-number")

    def _place_date(self, text: str, data: dict[str, Any]) -> dict[str, Any]:
        key = nfc(text)
        match = _PLACE_DATE.search(key) or _PLACE_SHORT_DATE.search(key)
        document = data["document"]
        if not match:
            return {}
        if match["place"]:
            document["place"] = match["place"].strip()
        year = int(match["y"])
        if match["d"] and match["m"]:
            when = _date(int(match["y"]), int(match["m"]), int(match["d"]))
            document["date"] = when
            if when is None:
                self.note(("document", "date"), "import-note-bad-date", text=match[0])
        else:
            document["date"] = None
            self.note(("document", "date"), "import-note-blank-date")
        return {"year": year}

    # ------------------------------------------------------------------ title

    def _title(self, lines: list[_Line], type_at: int | None, first_section: int, data: dict[str, Any]) -> int:
        document = data["document"]
        if type_at is None:
            # No "KẾ HOẠCH" line (text copied from a web page): the page's own title names it.
            for index in range(first_section):
                key = lines[index].key
                if key.lower().startswith("kế hoạch") and len(key) < 300 and not _REFERENCE_VERB.match(key):
                    rest = lines[index].text[len("kế hoạch") :].strip(" :-–")
                    self._page_number(nfc(rest), data)
                    rest = re.sub(
                        r"^(?:số\s*:?\s*)?\d+\s*/\s*\S+\s*(?:của\s.*?\s(?=về\s)|ngày\s*\S+\s*)*(?:về\s+(?:việc\s+)?)?",
                        "",
                        rest,
                        flags=re.I,
                    )
                    document.setdefault("type", "KH")
                    document["title"] = rest  # as written, "tổ chức …" in lower case too
                    self.note(("document", "title"), "import-note-page-title")
                    for skipped in lines[:index]:
                        self.dropped.append(skipped.text)
                    for after in lines[index + 1 : first_section]:
                        if self._chrome(after):
                            self.dropped.append(after.text)
                            index += 1
                        else:
                            break
                    return index + 1
            document.setdefault("type", "KH")
            document["title"] = ""
            self.note(("document", "title"), "import-note-no-title")
            return 0
        match = _TYPE_LINE.match(lines[type_at].key)
        if match is None:  # a call to emulation after the header, without KẾ HOẠCH: the line opens the title
            document.setdefault("type", "KH")
            self.note(("document", "type"), "import-note-no-type-line", text=lines[type_at].text.strip()[:60])
            parts = [lines[type_at].text.strip()]
        else:
            document["type"] = _DOC_TYPE_NAMES[match["type"]] if "type" not in document else document["type"]
            parts = [lines[type_at].text[len(match["type"]) :].strip()] if match["rest"] else []
        index = type_at + 1
        while index < first_section and len(parts) < 4:
            line = lines[index]
            key = line.key
            if _TYPE_LINE.match(key) and key[:8].isupper():
                break  # another KẾ HOẠCH line: not this title
            if parts and self.from_docx and not key[:1].islower():
                break
            if parts and line.blank_before and not _title_line(key, parts[-1]):
                break  # a title over several lines may have blank lines between them; a paragraph ends it
            if (_REFERENCE_VERB.match(key) and not _upper(key)) or _label_of(key)[0] is not None or len(key) > 300:
                break
            if parts and (len(key) > 120 or key.rstrip().endswith(":")):
                break  # an opening paragraph straight after the title, without a blank line
            if parts and key[:1].isupper() and parts[-1].rstrip().endswith((".", ";")):
                break
            parts.append(line.text)
            index += 1
        document["title"] = " ".join(parts)
        if not parts:
            self.note(("document", "title"), "import-note-no-title")
        return index

    def _page_number(self, title: str, data: dict[str, Any]) -> None:
        """A page titled "Kế hoạch số 12/KH-LĐLĐ ngày 10/01/2024 về …" names the plan's số and date."""
        match = re.match(
            r"^(?:số\s*:?\s*)?(?P<num>\d{1,5})\s*/\s*(?P<kh>KH-[^\s,;]+)(?:,?\s+ngày\s+(?P<d>\S+))?", title, re.I
        )
        if match is None or self.saw_so:
            return
        data["document"]["number"] = int(match["num"]) if not match["num"].startswith("0") else match["num"]
        data["issuer"].setdefault("abbreviation", match["kh"].partition("-")[2])
        if match["d"] and _dmy(match["d"]):
            data["document"]["date"] = _dmy(match["d"])
        self.saw_so = True
        self.notes = [n for n in self.notes if n.path != ("document", "number")]
        self.note(("document", "number"), "import-note-page-number", text=match[0])

    # ------------------------------------------------------------------ opening

    def _opening(self, lines: list[_Line]) -> tuple[list[dict[str, Any]], list[str]]:
        references: list[dict[str, Any]] = []
        opening: list[str] = []
        for line in lines:
            if self._chrome(line):
                self.dropped.append(line.text)
                continue
            dashed = _label_of(line.key)
            # "- Căn cứ …": a reference written as a bullet
            verb = _REFERENCE_VERB.match(dashed[2] if dashed[0] == "dash" else line.key)
            offset = len(line.key) - len(dashed[2]) if dashed[0] == "dash" else 0
            reference = _reference(line.text, verb["verb"], offset) if verb and not opening else None
            if reference is not None and ("number" in reference or reference["verb"].lower() in _BASIS):
                references.append(reference)
                path = ("references", len(references) - 1)
                if "number" not in reference and "date" not in reference:
                    self.note(path, "import-note-reference-text")
                elif (
                    len(_REFERENCE_VERB.findall(line.key))
                    + len(re.findall(r";\s*(?:Căn cứ|Thực hiện)", line.key, re.I))
                    > 1
                ):
                    self.note(path, "import-note-reference-many")
            else:
                opening.append(line.text)
        return references, opening

    def _own_number(self, opening: list[str], data: dict[str, Any], identity: dict[str, Any]) -> None:
        """A plan whose header is missing often names itself: "… ban hành Kế hoạch số 58/KH-LĐLĐ ngày …"."""
        document = data["document"]
        if getattr(self, "saw_so", False):
            return  # the header's Số line says it (a blank number stays blank)
        for index, paragraph in enumerate(opening):
            match = _OWN_NUMBER.search(nfc(paragraph))
            if not match:
                continue
            document["number"] = int(match["num"]) if not match["num"].startswith("0") else match["num"]
            data["issuer"].setdefault("abbreviation", match["kh"].partition("-")[2])
            if match["date"] and document.get("date") is None:
                parsed = _dmy(match["date"])
                if parsed:
                    document["date"] = parsed
            self.notes = [n for n in self.notes if n.path != ("document", "number")]
            self.note(("document", "number"), "import-note-own-number", text=match[0][:60], where=index + 1)
            return

    def _campaign(self, data: dict[str, Any], identity: dict[str, Any]) -> None:
        document = data["document"]
        title = nfc(document.get("title") or "")
        campaign = data["campaign"]
        span = re.search(r"giai đoạn\s*\(?(\d{4})\s*[-–—]\s*(\d{4})", title, re.I)
        year = re.search(r"năm\s+(\d{4})\b", title)
        if span and int(span[1]) <= int(span[2]) <= int(span[1]) + 10:
            campaign["period"] = {"start": date(int(span[1]), 1, 1), "end": date(int(span[2]), 12, 31)}
            self.note(("campaign", "period"), "import-note-period", text=span[0])
        elif year:
            campaign["period"] = {"start": date(int(year[1]), 1, 1), "end": date(int(year[1]), 12, 31)}
            self.note(("campaign", "period"), "import-note-period", text=year[0])
        if "chuyên đề" in title.lower() or re.search(r"[“\"].{8,}[”\"]", title):
            campaign["kind"] = "thematic"
            self.note(("campaign", "kind"), "import-note-thematic")

    # ------------------------------------------------------------------ tail

    def _tail_start(self, lines: list[_Line], first_section: int) -> tuple[int, _Line | None]:
        for index in range(len(lines) - 1, first_section, -1):
            key = lines[index].key.rstrip()
            if key.endswith("./.") or key.endswith("/."):
                if _label_of(key)[0] is not None:
                    break  # the last item ends the plan: it stays an item
                if _section_title(lines[index - 1].key) or _arabic_section(lines[index - 1].key):
                    return index + 1, None  # the last section's only paragraph: it stays there
                return index, lines[index]
        for index in range(first_section + 1, len(lines)):
            key = lines[index].key
            if key.startswith("Nơi nhận") or _authority(key) or _SIGNER.match(key):
                return index, None
        return len(lines), None

    def _signature_and_recipients(self, lines: list[_Line], data: dict[str, Any]) -> None:
        signature: dict[str, Any] = {}
        recipients: list[str] = []
        mode = ""
        seen: set[str] = set()
        for line in _side_by_side(lines):
            key = line.key
            authority = _authority(key)
            if key.startswith("Nơi nhận"):
                mode = "recipients"
                seen.add("Nơi nhận")
                rest = key.split(":", 1)[1].strip() if ":" in key else ""
                if rest:
                    recipients.append(_recipient(rest))
            elif authority:
                signature["authority"] = authority
                mode = "signature"
            elif "title" not in signature and _SIGNER.match(key):
                signature["title"] = key  # a signer without an authority line (a plan signed by the head)
                mode = "signature"
            elif signature and "name" not in signature and _NAME.match(key) and len(key) < 50 and not _upper(key):
                signature["name"] = key
            elif "Nơi nhận" in seen and (_label_of(key)[0] in ("dash", "plus") or key.startswith("Lưu")):
                recipients.append(_recipient(key))
            elif mode == "signature" and _SIGNED.match(key):
                self.note(("signature",), "import-note-signed", text=key)
            elif mode == "signature" and "title" not in signature and _upper(key) and len(key.split()) <= 8:
                signature["title"] = key
            elif mode == "recipients" and recipients and not self._chrome(line) and len(key) < 80:
                recipients[-1] = f"{recipients[-1]} {_recipient(key)}"
            else:
                self.dropped.append(line.text)
        if signature:
            data["signature"] = signature
        if recipients:
            data["recipients"] = recipients

    # ------------------------------------------------------------------ sections

    def _sections(self, lines: list[_Line], level: str) -> list[dict[str, Any]]:
        if level == "none":
            section = self._section("", [line for line in lines if not self._chrome(line)], 0)
            self.notes = [n for n in self.notes if n.path != ("sections", 0, "kind")]
            self.note(("sections", 0), "import-note-no-sections")
            return [section]
        sections: list[dict[str, Any]] = []
        current: list[_Line] = []
        title: str | None = None
        for line in lines:
            heading = _section_title(line.key) if level == "roman" else _arabic_section(line.key)
            if heading is not None:
                if title is not None:
                    sections.append(self._section(title, current, len(sections)))
                title = line.text[len(line.text) - len(heading) :] if line.text.endswith(heading) else heading
                current = []
            elif self._chrome(line):
                self.dropped.append(line.text)
            else:
                current.append(line)
        if title is not None:
            sections.append(self._section(title, current, len(sections)))
        return sections

    def _section(self, title: str, lines: list[_Line], index: int) -> dict[str, Any]:
        path: Loc = ("sections", index)
        upper = nfc(title).upper()
        kinds = [kind for kind, words in _KINDS if any(word in upper for word in words)]
        kind = kinds[0] if kinds else "other"
        if len(kinds) > 1:
            self.note((*path, "kind"), "import-note-kind-many", kind=kind, others=", ".join(kinds[1:]))
        elif not kinds:
            self.note((*path, "kind"), "import-note-kind-other")
        root = _Node("", None, "", 0)
        _tree(root, lines)
        section: dict[str, Any] = {"kind": kind, "title": title}
        numbering, items = self._items(root, (*path, "items"))
        if numbering != "arabic":  # the default, left out as the examples do
            section["numbering"] = numbering
        section["items"] = items
        return section

    def _items(self, node: _Node, path: Loc) -> tuple[str, list[Any]]:
        kinds = [child.kind for child in node.children if child.kind is not None]
        numbering = _numbering(kinds[0]) if kinds else "none"
        items: list[Any] = []
        skipped: list[str] = []
        for child in node.children:
            here = (*path, len(items))
            if child.kind is not None and _numbering(child.kind) != numbering:
                # A label of another kind at this level: kept as text so the numbering is not broken.
                items.append({"paragraph": f"{child.label} {child.text}"})
                self.note(here, "import-note-label-kind", label=child.label)
            elif child.kind is None and not child.children:
                items.append(self._paragraph(child, here, numbering))
            elif child.children:
                sub_numbering, sub_items = self._items(child, (*here, "items"))
                heading = len(child.text.split()) <= 12
                block: dict[str, Any] = {"title" if heading else "text": child.text, "numbering": "dash"}
                theme = self._theme(child, sub_items)
                if theme is not None:
                    block["items"] = theme
                else:
                    block["items"] = sub_items
                block["numbering"] = sub_numbering
                if sub_numbering == "dash":
                    del block["numbering"]  # the default
                block["items"] = block.pop("items")
                items.append(block)
            else:
                items.append(self._leaf(child, here))
            if child.kind is not None:
                skipped.append(child.label)
        self._gaps(skipped, numbering, path)
        return numbering, items

    def _gaps(self, labels: list[str], numbering: str, path: Loc) -> None:
        if numbering not in ("arabic", "decimal"):
            return
        numbers = [
            int(label.rstrip(".").split(".")[-1]) for label in labels if label.rstrip(".").split(".")[-1].isdigit()
        ]
        for expected, (got, label) in enumerate(zip(numbers, labels, strict=False), 1):
            if got != expected:
                self.note(path, "import-note-renumbered", label=label, expected=expected)
                return

    def _theme(self, node: _Node, sub_items: list[Any]) -> list[Any] | None:
        if "chủ đề" not in nfc(node.text).lower() or not sub_items:
            return None
        first = sub_items[0]
        written = first.get("paragraph") if isinstance(first, dict) else first
        if isinstance(written, str):
            match = _THEME_QUOTED.match(nfc(written).strip())
            if match:
                return [{"theme": match["theme"].strip()}, *sub_items[1:]]
        return None

    def _paragraph(self, node: _Node, path: Loc, numbering: str) -> Any:
        phase = _phase(node.text) if numbering == "none" else None
        if phase is not None:
            return self._phase_item(phase, path)
        if numbering == "none":
            return node.text
        return {"paragraph": node.text}

    def _leaf(self, node: _Node, path: Loc) -> Any:
        inline = _INLINE_THEME.match(nfc(node.text))
        if inline:  # "Chủ đề thi đua: “…”." on one line: the heading, and the theme under it
            return {
                "title": node.text[: len(inline["head"])],
                "numbering": "none",
                "items": [{"theme": inline["theme"]}],
            }
        phase = _phase(node.text)
        if phase is not None:
            return self._phase_item(phase, path)
        target = _target(node.text)
        if target is None:
            return node.text
        base = target["id"]
        suffix = 2
        while target["id"] in self._seen_ids:
            target["id"] = f"{base}-{suffix}"
            suffix += 1
        self._seen_ids.add(target["id"])
        confident = target.pop("_confident")
        many = target.pop("_figures")
        tpath = (*path, "target")
        if many > 1:
            self.note(tpath, "import-note-target-many", count=many)
        elif not confident:
            self.note(tpath, "import-note-target-maybe")
        if target.get("per_unit"):
            self.note((*tpath, "per_unit"), "import-note-per-unit")
        return {"target": target}

    def _phase_item(self, phase: dict[str, Any], path: Loc) -> dict[str, Any]:
        unread = phase.pop("_unread", None)
        issued = self.issued
        if unread and "start" not in phase and issued and re.match(r"(?i)từ\s+(?:nay|ngày ban hành)", phase["when"]):
            phase["start"] = issued  # "từ nay": from the day it is issued
            phase = {k: phase[k] for k in ("name", "start", "end", "when", "theme", "text") if k in phase}
            unread = "end" not in phase
        year_only = phase.pop("_year_only", None)
        previous, self._previous_phase = self._previous_phase, phase
        start = phase.get("start")
        if year_only and start and (start.month, start.day) == (1, 1) and previous is not None:
            after = _after(previous, start.year)
            if after is None:  # the phase before runs into that year, to a day not given
                del phase["start"]
                unread, year_only = year_only, None
            elif after != start:
                phase["start"] = after
                self.note((*path, "phase"), "import-note-phase-after", when=year_only, start=f"{after:%d/%m/%Y}")
                year_only = None
        if unread:
            self.note((*path, "phase"), "import-note-phase-dates", when=unread)
        elif year_only:
            self.note((*path, "phase"), "import-note-phase-year", when=year_only)
        return {"phase": phase}


# --------------------------------------------------------------------------- items as a tree


@dataclass
class _Node:
    text: str
    kind: str | None  # label kind: arabic, decimal2, alpha, dash, plus; None for an unlabelled paragraph
    label: str
    line: int
    children: list[_Node] = field(default_factory=list)


def _tree(root: _Node, lines: list[_Line]) -> None:
    """Items nested as their labels nest: a kind already open closes what is under it."""
    stack: list[tuple[str | None, _Node]] = [(None, root)]
    for line in lines:
        kind, label, text = _label_of(line.key)
        if kind is not None:
            text = line.text[len(line.text) - len(text) :] if line.text.endswith(text) else text
        else:
            text = line.text
        node = _Node(text, kind, label or "", line.line)
        if kind is None:
            level_kind, parent = stack[-1]
            last = parent.children[-1] if parent.children else None
            if (
                last is not None
                and last.kind is not None
                and not last.children
                and (last.text.rstrip().endswith(":") or (_phase(last.text) is None and _target(last.text) is None))
            ):
                last.children.append(node)
                stack.append((None, last))
            else:
                parent.children.append(node)
            continue
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == kind), None)
        if depth is not None:
            del stack[depth + 1 :]
            stack[-1][1].children.append(node)
            continue
        level_kind, parent = stack[-1]
        if level_kind is None and not any(child.kind for child in parent.children):
            stack[-1] = (kind, parent)
            parent.children.append(node)
            continue
        holder = next((child for child in reversed(parent.children) if child.kind is not None), parent)
        holder.children.append(node)
        stack.append((kind, holder))


def _label_of(key: str) -> tuple[str | None, str | None, str]:
    for kind, pattern in _LABELS:
        match = pattern.match(key)
        if match:
            label = match["label"]
            if kind == "decimal":
                return f"decimal{label.count('.') + 1}", label + ".", match["text"]
            if kind == "arabic":
                return kind, label + ".", match["text"]
            if kind == "alpha":
                return kind, label + ")", match["text"]
            return kind, label, match["text"]
    return None, None, key


def _numbering(kind: str) -> str:
    return "decimal" if kind.startswith("decimal") else kind


def _section_title(key: str) -> str | None:
    match = _ROMAN.match(key) or _ROMAN_UNDOTTED.match(key)
    if not match or not _valid_roman(match["label"]):
        return None
    text = match["text"]
    if match.re is _ROMAN_UNDOTTED and not all(word.isupper() for word in re.split(r"[\s,\-–]+", text) if word):
        return None  # without its dot only a title all in capitals is a part ("I MỤC ĐÍCH, YÊU CẦU")
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or len(text) > 200:
        return None
    if sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
        return text
    # "I. Mục đích, yêu cầu": a title in normal case, known by its words
    upper = nfc(text).upper()
    known = any(word in upper[:40] for _, words in _KINDS for word in words)
    return text if known and len(text) < 100 and not text.rstrip().endswith((".", ";")) else None


def _arabic_section(key: str) -> str | None:
    match = _ARABIC_UPPER_SECTION.match(key)
    if not match:
        return None
    text = match["text"]
    return text if _upper(text) and len(text) < 150 else None


def _valid_roman(label: str) -> bool:
    return bool(re.fullmatch(r"X{0,3}(?:IX|IV|V?I{0,3})|XL|L", label)) and label != ""


# --------------------------------------------------------------------------- pieces


def _clean(text: str) -> str:
    text = text.replace("\ufeff", "").replace("\u200b", "").replace("\r", "")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    text = re.sub(r"[ \u00a0]*\t[ \t\u00a0]*", " ", text)  # a tab is layout, not text
    text = text.replace("\u00a0", " ")  # so is a no-break space (Word keeps "2016 – 2020" on one line)
    return text.replace("\n", " ") if "\n" in text.strip() else text


def _continues(previous: str, current: str) -> bool:
    """A hard-wrapped line (PDF, fixed-width copy): the sentence runs on in lower case."""
    if current[:1].isdigit() and re.search(r"(?:/|\b(?:ngày|tháng|năm|số|Số))$", previous.rstrip()):
        return True  # cut inside a date or a number: "ngày 02/01/" + "2021 của …"
    if previous.rstrip().endswith((".", ":", ";", "!", "?", "…", "”", '"', ")", "»")):
        return False
    if _label_of(current)[0] is not None or _section_title(current) or _upper(previous) or _upper(current):
        return False
    if current[:1].islower():
        return True
    # A line cut at the page width (a PDF's): a long line runs on even into a capitalised name.
    return len(previous) >= 60 and not _REFERENCE_VERB.match(current) and not current.startswith("Nơi nhận")


def _upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _header_tokens(text: str) -> list[tuple[str, str]]:
    """A header line, also one where the two columns were flattened into one line."""
    key = nfc(text)
    marks: list[tuple[int, int, str]] = []
    for kind, pattern in (
        ("quoc-hieu", _QUOC_HIEU),
        ("tieu-ngu", _TIEU_NGU),
        ("so", _SO),
        ("place-date", _PLACE_DATE),
        ("place-date", _PLACE_SHORT_DATE),
    ):
        position = 0
        while (match := pattern.search(key, position)) is not None:
            inside = [end for start, end, _ in marks if start <= match.start() < end]
            if inside:  # it began inside an earlier part ("…/KH-LĐLĐ Can Lộc, ngày …"): look after it
                position = max(inside)
                continue
            marks.append((match.start(), match.end(), kind))
            position = match.end()
    marks.sort()
    out: list[tuple[str, str]] = []
    position = 0
    for start, end, kind in marks:
        if kind == "place-date":
            start = _place_start(key, start, position)
        before = key[position:start].strip(" ,-–")
        if before:
            out.append(("text", before))
        out.append((kind, key[start:end].strip()))
        position = end
    rest = key[position:].strip(" ,-–")
    if rest:
        out.append(("text", rest))
    return out


def _place_start(key: str, start: int, floor: int) -> int:
    """A flattened line "… /KH-LĐLĐ Quảng Trị, ngày …": the place is the words right before the comma."""
    before = key[floor:start]
    match = re.search(r"(?:^|\s)((?:[A-ZĐÀ-Ỹ][^\s,]*\s?){1,4})$", before)
    if match and before.strip() and not _upper(before.strip()):
        return floor + match.start(1)
    return start


_BESIDE = re.compile(
    r"^(?P<left>.*?\S)\s+(?P<right>(?:TM|KT|Q|TL|TUQ)\.\s*[A-ZĐÀ-Ỹ].*|(?:PHÓ\s+)?CHỦ\s+TỊCH|[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{3,})$"
)


def _side_by_side(lines: list[_Line]) -> list[_Line]:
    """The signature table flattened: "Nơi nhận: TM. BAN THƯỜNG VỤ" is two lines side by side."""
    out: list[_Line] = []
    for line in lines:
        match = _BESIDE.match(line.key)
        left = match["left"] if match else ""
        beside = match is not None and (
            left.startswith("Nơi nhận") or left.endswith((";", ":", ".", ")")) or _label_of(left)[0] is not None
        )
        if match and beside and _upper(match["right"]) and not _upper(left):
            out.append(_Line(left, line.line))
            out.append(_Line(match["right"], line.line))
            continue
        out.append(line)
    return out


_BODY_INSIDE = re.compile(r"\s(?=(?:LIÊN ĐOÀN|CÔNG ĐOÀN|CĐCS|LĐLĐ|ỦY BAN|UỶ BAN|UBND)\s)")


def _bodies(text: str) -> list[str]:
    """Two bodies flattened into one line ("LIÊN ĐOÀN LAO ĐỘNG TP HUẾ CĐCS MẦM NON II"): split them."""
    key = nfc(text)
    if not _upper(key) or not _ORG_START.match(key):
        return [text]
    for match in _BODY_INSIDE.finditer(key):
        before = key[: match.start()]
        if len(before.split()) >= 4:
            return [text[: match.start()].strip(), *_bodies(text[match.end() :])]
    return [text]


_FLATTENED = 600  # characters: a line this long with a whole header in it lost its line breaks
_TYPE_WORD = re.compile(r"(?<!\w)KẾ HOẠCH(?=\s+[^\W\d_])")
_HEADING_RUN = re.compile(r"(?<=\s)(?P<label>[IVX]{1,4})\.?\s+(?P<title>[^\W\d_][^\W\d_]*(?:[\s,]+[^\W\d_]+)+)")


def _unflattened(text: str) -> list[str]:
    """A whole document on one line (copied out of a PDF) broken where ND30's layout breaks it.

    Only when its first 400 characters hold the header (the Quốc hiệu or a Số …/…) and the
    type word KẾ HOẠCH follows: before the Quốc hiệu, the Tiêu ngữ and the Số; after the date;
    around KẾ HOẠCH; the title ends at the first Căn cứ / Thực hiện; before each part in capitals
    (I. MỤC ĐÍCH, YÊU CẦU), its title ending at the first word not in capitals; before Nơi nhận.
    Sentences stay as they are: with their stops lost there is nothing sure to break them at.
    """
    head = nfc(text)
    kind = _TYPE_WORD.search(head)
    if kind is None or not (_QUOC_HIEU.search(head[:400]) or _SO.search(head[:400])):
        return [text]
    cuts: set[int] = {kind.start(), kind.end()}
    for pattern in (_QUOC_HIEU, re.compile(r"Độc\s*lập\s*[-–—]"), _SO):
        match = pattern.search(head, 0, kind.start())
        if match:
            cuts.add(match.start())
    date = _DATE_LONG.search(head, 0, kind.start())
    if date:
        cuts.add(date.end())
    verb = re.search(r"\s(?=(?:Căn cứ|Căn|Thực hiện|Thi hành)\s)", head[kind.end() :])
    if verb:
        cuts.add(kind.end() + verb.end())
    for match in _HEADING_RUN.finditer(head, kind.end()):
        words = match["title"].replace(",", " ").split()
        upper = 0
        while upper < len(words) and words[upper].isupper():
            upper += 1
        if upper >= 2:
            cuts.add(match.start())
            end = match.start("title")
            for word in words[:upper]:
                end = head.index(word, end) + len(word)
            cuts.add(end + (1 if head[end : end + 1] == "," else 0))
    received = head.find("Nơi nhận", kind.end())
    if received > 0:
        cuts.add(received)
    edges = sorted(c for c in cuts if 0 < c < len(text))
    parts = [text[a:b].strip() for a, b in zip([0, *edges], [*edges, len(text)], strict=True)]
    return [part for part in parts if part]


def _title_line(key: str, before: str) -> bool:
    """After a blank line, still the title: a short line that is no sentence, reference or item
    ("Ngày thành lập Công đoàn Việt Nam (28/7/1929-28/7/2019)"), after a part that ends no sentence."""
    text = key.strip()
    return (
        len(text) <= 120
        and not text.endswith((".", ":", ";"))
        and not before.rstrip().endswith((".", ":", ";"))
        and not _REFERENCE_VERB.match(text)
        and _label_of(text)[0] is None
    )


def _quoc_hieu_at(lines: list[_Line], start: int, stop: int) -> int | None:
    """The first line of lines[start:stop] holding the Quốc hiệu (in a header line, not a paragraph)."""
    return next((i for i in range(start, stop) if len(lines[i].key) < 200 and _QUOC_HIEU.search(lines[i].key)), None)


def _header_end(lines: list[_Line], start: int, stop: int) -> int:
    """After the header block whose Quốc hiệu is the first in lines[start:stop] (start when none)."""
    at = _quoc_hieu_at(lines, start, stop)
    if at is None:
        return start
    while at + 1 < len(lines) and (_headerish(lines[at + 1]) or _RULE.match(lines[at + 1].key)):
        at += 1
    return at + 1


def _headerish(line: _Line) -> bool:
    """A line of the header block: the Quốc hiệu, Tiêu ngữ, Số, place and date, or bodies in capitals."""
    if len(line.key) > 200:
        return False
    return all(kind != "text" or _upper(text) for kind, text in _header_tokens(line.key))


def _authority(key: str) -> str | None:
    text = key.strip()
    for prefix in AUTHORITY_PREFIXES:
        if text.startswith(prefix) and _upper(text):
            return text
    if re.match(r"^(?:T/M|K/T)\s", text) and _upper(text):
        return text
    return None


def _recipient(text: str) -> str:
    text = re.sub(r"^[-+•–]\s*", "", text.strip())
    return re.sub(r"\s*[;.,]$", "", text)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dmy(text: str) -> date | None:
    match = _DATE_DMY.search(text)
    return _date(int(match["y"]), int(match["m"]), int(match["d"])) if match else None


def _reference(text: str, verb: str, offset: int = 0) -> dict[str, Any]:
    """A Căn cứ / Thực hiện sentence: the first document it cites, structured, and its text verbatim."""
    key = nfc(text)
    after = offset + len(verb)
    reference: dict[str, Any] = {"verb": key[offset:after]}
    match = _CITATION.search(key, after)
    if match and match.start() - after <= 5:
        kind = _CITED_TYPES[match["tname"].lower()]
        reference["type"] = kind
        if match["party"]:
            reference["number"] = int(match["party"])
            reference["ky_hieu"] = match["pkh"]
        elif match["num"]:
            reference["number"] = int(match["num"]) if not match["num"].startswith("0") else match["num"]
            reference["ky_hieu"] = match["kh"]
        rest = key[match.end() :]
        when = re.match(r"^[,\s]*(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})", rest)
        long = re.match(r"^[,\s]*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", rest)
        if when:
            parsed = _dmy(when[1])
            if parsed:
                reference["date"] = parsed
            rest = rest[when.end() :]
        elif long:
            parsed = _date(int(long[3]), int(long[2]), int(long[1]))
            if parsed:
                reference["date"] = parsed
            rest = rest[long.end() :]
        issuer = re.match(
            r"^[,\s]*của\s+(.+?)(?=\s+về\s|\s+v/v\s|\s+ban hành\s|\s+phát động\s|[,;“\"]|\.\s|\.$|$)", rest
        )
        if issuer:
            reference["issuer"] = issuer[1].strip()
            rest = rest[issuer.end() :]
        ends = rf"[;]|\.\s|\.$|$|,\s*(?:{_CITED_NAMES})\s+số\b"  # a sentence's end, or the next document cited
        subject = re.match(rf"^\s*(?:về|v/v)\s+(?:việc\s+)?(.+?)(?:{ends})", rest, re.I)
        if subject:
            reference["subject"] = subject[1].strip().rstrip(",")
        if "number" not in reference and "date" not in reference:
            reference = {"verb": reference["verb"]}
    reference["text"] = text
    return reference


def _phase(text: str) -> dict[str, Any] | None:
    match = _PHASE.match(nfc(text))
    if not match:
        return None
    phase: dict[str, Any] = {"name": match["name"]}
    rest = text[len(text) - len(match["rest"]) :] if match["rest"] else ""
    colon = rest.find(": ")
    if 0 < colon < 160:
        phase["when"], body = rest[:colon].strip(), rest[colon + 2 :].strip()
    else:
        phase["when"], body = rest.rstrip(".").strip(), ""
    themed = _PHASE_THEME.match(nfc(body)) if body else None
    start, end, unread = _phase_dates(nfc(phase["when"]))
    when = phase.pop("when")
    if start:
        phase["start"] = start
    if end:
        phase["end"] = end
    phase["when"] = when
    if themed:
        phase["theme"] = themed["theme"]
        if themed["rest"]:
            phase["text"] = themed["rest"]
    elif body:
        phase["text"] = body
    if unread:
        phase["_unread"] = phase["when"]
    elif _YEAR_ONLY.search(nfc(when)):  # "Từ năm 2018": read as 1 January, which the text does not say
        phase["_year_only"] = phase["when"]
    return phase


def _after(previous: dict[str, Any], year: int) -> date | None:
    """The start of a phase written "từ năm YEAR" that follows `previous`.

    1 January when the phase before ends before that year; the day after its end when it ends
    inside that year (a phase does not start while the one before runs); None when the phase
    before reaches into that year without a date ("đến Đại hội …, năm 2018").
    """
    end = previous.get("end")
    if end is not None:
        return date(year, 1, 1) if end.year < year else end + timedelta(days=1) if end.year == year else None
    return None if re.search(rf"(?<!\d){year}(?!\d)", nfc(previous.get("when", ""))) else date(year, 1, 1)


_YEAR_ONLY = re.compile(r"(?:^|\b(?:từ|đến)\s+)năm\s+\d{4}", re.I)


def _phase_dates(when: str) -> tuple[date | None, date | None, bool]:
    low = when.lower()
    head, sep, tail = low.partition("đến")
    start = _point(head, first=True)
    end = _point(tail, first=False) if sep else None
    if start is None and end is not None and re.search(r"\btừ\s+(?:nay|ngày ban hành)", head):
        pass  # "từ nay": the day it is issued, left for the human
    unread = (start is None and "từ" in head) or (sep and end is None)
    return start, end, bool(unread)


def _point(text: str, *, first: bool) -> date | None:
    full = _DATE_DMY.search(text)
    if full:
        return _date(int(full["y"]), int(full["m"]), int(full["d"]))
    month = re.search(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})", text)
    if month:
        m, y = int(month[1]), int(month[2])
        if not 1 <= m <= 12:
            return None
        if first:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    year = re.search(r"năm\s+(\d{4})", text)
    if year and len(text.split()) <= 4:
        return date(int(year[1]), 1, 1) if first else date(int(year[1]), 12, 31)
    return None


_STOP = {"các", "những", "cán", "bộ", "và", "của", "được", "có", "trong", "số", "là", "đạt", "trở", "lên", "mới"}


def _target(text: str) -> dict[str, Any] | None:
    key = nfc(text)
    growth = list(_GROWTH.finditer(key))
    percent = [m for m in _PERCENT.finditer(key) if float(m["goal"].replace(",", ".")) <= 100]
    count = list(_COUNT.finditer(key))
    figures = len(growth) + len(percent) + len(count)
    if not figures:
        return None
    if growth:
        found, measure = growth[0], "growth"
        goal: Any = _number(found["goal"])
    elif percent:
        found, measure = percent[0], "percent"
        goal = _number(found["goal"])
    else:
        found, measure = count[0], "count"
        goal = int(found["goal"].replace(".", ""))
        if goal == 0:
            return None
    words_before = len(key[: found.start()].split())
    after = found["what"] if measure == "count" else key[found.end() :]
    target: dict[str, Any] = {
        "id": _slug(after if measure != "growth" else key, 4) or "chi-tieu",
        "text": text,
        "measure": measure,
        "goal": goal,
    }
    if _PER_UNIT.search(key):
        target["per_unit"] = True
    target["_confident"] = words_before <= 3
    target["_figures"] = figures
    return target


def _number(text: str) -> int | float:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def slug(text: str, words: int = 6) -> str:
    return _slug(text, words)


def _slug(text: str, words: int) -> str:
    folded = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn").lower()
    tokens = [t for t in re.findall(r"[a-z0-9]+", ascii_text)]
    picked: list[str] = []
    for token in tokens:
        if token in {_fold(s) for s in _STOP} and not picked:
            continue
        picked.append(token)
        if len(picked) == words:
            break
    return "-".join(picked)


def _fold(word: str) -> str:
    folded = unicodedata.normalize("NFD", word.replace("đ", "d"))
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")


_ORDER = {
    "": ("issuer", "document", "campaign", "references", "opening", "sections", "closing", "signature", "recipients"),
    "issuer": ("parent", "name", "abbreviation"),
    "document": ("type", "number", "ky_hieu", "place", "date", "title"),
    "campaign": ("kind", "period"),
}


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _ORDER[""]:
        if key in data:
            value = data[key]
            if key in _ORDER and isinstance(value, dict):
                value = {k: value[k] for k in _ORDER[key] if k in value}
            out[key] = value
    return out


__all__ = ["LEGAL_TYPES", "Note", "Structured", "build_plan", "slug"]
