"""User-facing text outside rule messages, in Vietnamese (default) and English."""

from __future__ import annotations

import os
from typing import Any

DEFAULT_LANG = "vi"

MESSAGES: dict[str, dict[str, str]] = {
    "path-missing": {"vi": "không tìm thấy đường dẫn: {path}", "en": "no such path: {path}"},
    "no-default-campaigns": {
        "vi": "không có thư mục campaigns/ ở đây; hãy chỉ ra tệp hoặc thư mục kế hoạch cần kiểm tra",
        "en": "no campaigns/ folder here; name the plan files or folders to check",
    },
    "config-unreadable": {
        "vi": "không đọc được cấu hình {path}: {reason}",
        "en": "cannot read the configuration {path}: {reason}",
    },
    "config-key": {
        "vi": "{path}: khóa không hợp lệ trong [tool.thidua]: {key} (dùng: {allowed})",
        "en": "{path}: unknown key in [tool.thidua]: {key} (allowed: {allowed})",
    },
    "config-value": {
        "vi": "{path}: giá trị không hợp lệ cho [tool.thidua] {key}: {value}",
        "en": "{path}: invalid value for [tool.thidua] {key}: {value}",
    },
    "unknown-code": {
        "vi": "mã quy tắc không tồn tại: {code} (xem 'thidua rules')",
        "en": "no rule has the code {code} (see 'thidua rules')",
    },
    "bad-lang": {"vi": "ngôn ngữ không hỗ trợ: {lang} (vi, en)", "en": "unsupported language: {lang} (vi, en)"},
    "bad-format": {
        "vi": "định dạng không hỗ trợ: {value} ({allowed})",
        "en": "unsupported format: {value} ({allowed})",
    },
    "severity.error": {"vi": "lỗi", "en": "error"},
    "severity.warning": {"vi": "cảnh báo", "en": "warning"},
    "severity.info": {"vi": "ghi chú", "en": "info"},
    "summary": {
        "vi": "thidua: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú trong {files} tệp",
        "en": "thidua: {errors} errors, {warnings} warnings, {infos} notes in {files} files",
    },
    "clean": {
        "vi": "thidua: {files} tệp, không có vấn đề nào",
        "en": "thidua: {files} files, no problems",
    },
    "explain.why": {"vi": "Vì sao", "en": "Why"},
    "explain.bad": {"vi": "Sai", "en": "Bad"},
    "explain.good": {"vi": "Đúng", "en": "Good"},
    "explain.severity": {"vi": "Mức độ mặc định", "en": "Default severity"},
    "rules.code": {"vi": "Mã", "en": "Code"},
    "rules.name": {"vi": "Tên", "en": "Name"},
    "rules.severity": {"vi": "Mức", "en": "Severity"},
    "rules.summary": {"vi": "Mô tả", "en": "Summary"},
    "error-prefix": {"vi": "lỗi", "en": "error"},
    "internal": {
        "vi": "lỗi nội bộ của thidua ({kind}: {detail}); xin báo lỗi này kèm tệp đầu vào",
        "en": "internal error in thidua ({kind}: {detail}); please report it with the input file",
    },
}


def resolve_lang(lang: str | None) -> str:
    """--lang wins, then THIDUA_LANG, then Vietnamese."""
    chosen = (lang or os.environ.get("THIDUA_LANG") or DEFAULT_LANG).strip().lower()
    return chosen if chosen in ("vi", "en") else DEFAULT_LANG


def tr(key: str, lang: str, /, **params: Any) -> str:
    return MESSAGES[key][lang].format(**params)
