"""Administrative vocabulary kept as data (Nghị định 30/2020/NĐ-CP, Phụ lục III)."""

# Document-type abbreviations used in the số ký hiệu.
DOC_TYPES: dict[str, str] = {
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "CTr": "Chương trình",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "TTr": "Tờ trình",
    "BB": "Biên bản",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "GM": "Giấy mời",
}

# Legal documents plans cite ("Căn cứ Nghị định số 98/2023/NĐ-CP"): their ký hiệu is
# "<year>/<type>-<issuer>" (Luật 2015 on legal documents), or "<year>/QH<n>" for a law.
LEGAL_TYPES: dict[str, str] = {
    "Luật": "Luật",
    "PL": "Pháp lệnh",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
}

# Types whose ký hiệu does not start with a type abbreviation.
UNTYPED_KY_HIEU = {"Luật"}

# Signing authority: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền.
AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")

# How the prefixes are often misspelt or written out, and what they should be.
AUTHORITY_SPELLINGS: dict[str, str] = {
    "T/M": "TM.",
    "TM": "TM.",
    "THAY MẶT": "TM.",
    "K/T": "KT.",
    "KT": "KT.",
    "KÝ THAY": "KT.",
    "Q": "Q.",
    "QUYỀN": "Q.",
    "T/L": "TL.",
    "TL": "TL.",
    "THỪA LỆNH": "TL.",
    "TUQ": "TUQ.",
    "THỪA ỦY QUYỀN": "TUQ.",
    "THỪA UỶ QUYỀN": "TUQ.",
}

# Where a header name breaks into two lines: before the level of the place
# (LIÊN ĐOÀN LAO ĐỘNG / TỈNH QUẢNG TRỊ, TỔNG LIÊN ĐOÀN LAO ĐỘNG / VIỆT NAM) …
PLACE_LEVELS = ("TỈNH", "THÀNH PHỐ", "QUẬN", "HUYỆN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU", "VIỆT NAM")
# … and never inside one of these words (CÔNG ĐOÀN VIÊN / CHỨC).
COMPOUNDS = (
    "LIÊN ĐOÀN", "LAO ĐỘNG", "CÔNG ĐOÀN", "VIÊN CHỨC", "CÔNG CHỨC", "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN",
    "VIỆT NAM", "CHẤP HÀNH", "THƯỜNG VỤ", "GIÁO DỤC", "Y TẾ", "CÔNG NGHIỆP", "NÔNG NGHIỆP", "CƠ SỞ",
    "CÔNG THƯƠNG", "XÂY DỰNG", "GIAO THÔNG", "VẬN TẢI", "NGÂN HÀNG", "KHU CÔNG NGHIỆP", "ĐẶC KHU",
)  # fmt: skip

# Valid syllables that are wrong in context: (as written, lower case) -> the intended words.
# Each is a slip seen in published plans and reports, or a well-known confusion of the
# s/x, ch/tr, d/gi/r, dấu hỏi/ngã kind that spell-checkers miss because both words exist.
CONFUSIONS: dict[str, str] = {
    "hăng năm": "hằng năm",  # seed 002
    "mục địch": "mục đích",  # seed 004
    "tăng thưởng": "tặng thưởng",  # seed 002: "được Chủ tịch nước tăng thưởng Huân chương"
    "tăng bằng khen": "tặng bằng khen",
    "tăng giấy khen": "tặng giấy khen",
    "năng xuất": "năng suất",
    "sản suất": "sản xuất",
    "suất sắc": "xuất sắc",
    "xuất xắc": "xuất sắc",
    "đột suất": "đột xuất",
    "bổ xung": "bổ sung",
    "sát nhập": "sáp nhập",
    "xáp nhập": "sáp nhập",
    "sử lý": "xử lý",
    "chuẩn đoán": "chẩn đoán",
    "thăm quan": "tham quan",
    "dành thắng lợi": "giành thắng lợi",
    "dành chiến thắng": "giành chiến thắng",
    "chính sát": "chính xác",
    "cảu": "của",  # two letters typed the wrong way round; "cảu" is no word of administrative text
}

# Words Vietnamese doubles on purpose ("người người thi đua, nhà nhà thi đua"): not a repeated word.
REDUPLICATIONS = frozenset(
    "người nhà ngày đời năm tháng tuần ai đâu nơi ngành cấp lớp đêm mãi xa xanh đỏ vàng trắng đen "
    "thường đều khắp chốn làng luôn song dần từ lâu vội".split()
)
