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

# Signing authority: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền.
AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
