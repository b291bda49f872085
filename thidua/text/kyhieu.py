"""Số ký hiệu: the one place that knows how a document's number and ký hiệu are written.

State documents (Nghị định 30/2020): số/TYPE-ISSUER — `58/KH-LĐLĐ`, `91/2017/NĐ-CP`.
Party documents (Hướng dẫn 36-HD/VPTW): số-TYPE/ISSUER — `29-NQ/TW`, `22-CT/TW`, `05-CT/TW`.
A Party ký hiệu is told by its issuer, a Party body; the rules, the renderer, `diff` and
`new` all ask this module, so a clerk writes `number: 29` and `ky_hieu: NQ/TW` (or the whole
`number: 29-NQ/TW`) and every command reads the same document.
"""

from __future__ import annotations

import re

# A well-formed ký hiệu (KH01): parts joined by '-' or '/', no spaces — KH-LĐLĐ, 2017/NĐ-CP, NQ/TW.
KY_HIEU = re.compile(r"[^\W_]+(?:[-/][^\W_]+)+")

# Types a Party body issues (Hướng dẫn 36-HD/VPTW, Phụ lục): Nghị quyết, Chỉ thị, Quyết định,
# Kết luận, Hướng dẫn, Thông báo, Quy định, Quy chế, Báo cáo, Kế hoạch, Chương trình.
_PARTY_TYPE = r"NQ|CT|QĐ|KL|HD|TB|QyĐ|QC|BC|KH|CTr"
# Party bodies: Trung ương (TW, TƯ) and its organs (VPTW, BTGTW …), tỉnh ủy / thành ủy (TU),
# huyện ủy (HU), quận ủy (QU), đảng ủy (ĐU, ĐUK), thị ủy (TX), ban cán sự đảng (BCSĐ).
_PARTY_BODY = r"[A-ZĐ]*(?:TW|TƯ|TU|HU|QU|ĐU|ĐUK)|TX|BCSĐ"
_PARTY = re.compile(rf"({_PARTY_TYPE})/({_PARTY_BODY})")
# A Party ký hiệu joined the State way: CT-TW for CT/TW.
_PARTY_AS_STATE = re.compile(rf"({_PARTY_TYPE})-({_PARTY_BODY})")
# A Party số ký hiệu written whole: 29-NQ/TW (right) or 29/NQ/TW (the State's slash).
_PARTY_WHOLE = re.compile(rf"\s*([0-9]{{1,4}})\s*([-/])\s*((?:{_PARTY_TYPE})/(?:{_PARTY_BODY}))\s*")

# A number and ký hiệu cited in running text: `195 /KH – LĐLĐ`, `58/ KH-LĐLĐ`, `22/CT-TW`,
# `29/NQ/TW`: a number (with its year), a slash, capitalised parts joined by dashes, and
# optionally a last part after a second slash (the body of a Party ký hiệu).
_TEXT_PART = r"[A-ZĐ][A-Za-zĐđƯưƠơ]*"
_GAP = "[ \u00a0]*"
CITED = re.compile(
    rf"(?<![\w/.])(\d{{1,4}}(?:/\d{{4}})?)({_GAP})/({_GAP})({_TEXT_PART}(?:{_GAP}[-–—]{_GAP}{_TEXT_PART})*)"
    rf"(?:/({_TEXT_PART}))?"
)
_TEXT_DASH = re.compile(rf"{_GAP}[-–—]{_GAP}")


def is_party(ky_hieu: str | None) -> bool:
    """`NQ/TW`, `CT/TU`, `HD/BTGTW`: a ký hiệu of the Party, cited as số-TYPE/BODY."""
    return bool(ky_hieu) and _PARTY.fullmatch(ky_hieu or "") is not None


def party_ky_hieu(ky_hieu: str) -> str | None:
    """`CT-TW` -> `CT/TW`: a Party ký hiệu written the State way, as it should be; else None."""
    match = _PARTY_AS_STATE.fullmatch(ky_hieu.strip())
    return f"{match[1]}/{match[2]}" if match else None


def party_number(number: str) -> tuple[str, str, str] | None:
    """A Party số ký hiệu written whole in `number`: `29-NQ/TW` -> ("29", "-", "NQ/TW");
    `29/NQ/TW` -> ("29", "/", "NQ/TW"), the State's slash where the Party writes a hyphen."""
    match = _PARTY_WHOLE.fullmatch(number)
    return (match[1], match[2], match[3]) if match else None


def split_cited(number: str | None, ky_hieu: str | None) -> tuple[str | None, str | None]:
    """(number, ký hiệu) of a cited document: `number: 29-NQ/TW` alone is ("29", "NQ/TW")."""
    if ky_hieu is None and number is not None:
        whole = party_number(number)
        if whole and whole[1] == "-":
            return whole[0], whole[2]
    return number, ky_hieu


def join(number: str, ky_hieu: str) -> str:
    """The printed số ký hiệu from an already formatted number: `58/KH-LĐLĐ`, `29-NQ/TW`."""
    return f"{number}-{ky_hieu}" if is_party(ky_hieu) else f"{number}/{ky_hieu}"


def cited_fix(number: str, space_before: str, space_after: str, code: str, tail: str | None) -> str | None:
    """What a number and ký hiệu found in text (`CITED`'s groups) should read, or None when right."""
    clean = "-".join(_TEXT_DASH.split(code))
    if tail is not None:
        ky_hieu = f"{clean}/{tail}"
        if is_party(ky_hieu) and "/" not in number:
            return f"{number}-{ky_hieu}"  # 29/NQ/TW
        spaced = space_before or space_after or clean != code
        return f"{number}/{ky_hieu}" if spaced else None
    party = party_ky_hieu(clean)
    if party and "/" not in number:
        return f"{number}-{party}"  # 22/CT-TW
    if space_before or space_after or clean != code:
        return f"{number}/{clean}"
    return None
