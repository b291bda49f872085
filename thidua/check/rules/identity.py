"""KH, SG, RC: the số ký hiệu, the signature and the recipients follow Nghị định 30/2020."""

from __future__ import annotations

import re
from collections.abc import Iterator

from thidua.check.rule import PlanContext, Rule
from thidua.findings import Loc, Problem, Severity
from thidua.text.kyhieu import KY_HIEU, party_ky_hieu, party_number
from thidua.text.vocab import AUTHORITY_PREFIXES, AUTHORITY_SPELLINGS, DOC_TYPES, LEGAL_TYPES, UNTYPED_KY_HIEU

KNOWN_TYPES = {**DOC_TYPES, **LEGAL_TYPES}

E, W = Severity.error, Severity.warning

_DASHES = "–—‒−"
_NUMBER = re.compile(r"[0-9]+")
_AUTHORITY = re.compile(r"(TM|KT|Q|TL|TUQ)\. \S")
_LUU = re.compile(r"Lưu:\s*\S")


def _documents(ctx: PlanContext) -> Iterator[tuple[Loc, str, str | None, str | None]]:
    """(loc, type, number, ky_hieu) of the plan itself and of each reference."""
    document = ctx.plan.document
    yield ("document",), document.type, document.number, document.ky_hieu
    for index, reference in enumerate(ctx.plan.references):
        yield ("references", index), reference.type, *reference.number_and_ky_hieu


def _ky_hieu_fix(value: str) -> str:
    fixed = re.sub(rf"\s*([-/{_DASHES}])\s*", r"\1", value.strip())
    return re.sub(rf"[{_DASHES}]", "-", fixed)


def check_ky_hieu_format(ctx: PlanContext) -> Iterator[Problem]:
    for loc, _type, _number, ky_hieu in _documents(ctx):
        if ky_hieu is not None and not KY_HIEU.fullmatch(ky_hieu):
            suggestion = _ky_hieu_fix(ky_hieu)
            yield Problem(
                {"value": ky_hieu, "suggestion": suggestion if KY_HIEU.fullmatch(suggestion) else ""},
                loc=(*loc, "ky_hieu"),
            )
    abbreviation = ctx.plan.issuer.abbreviation
    if ctx.plan.document.ky_hieu is None and abbreviation and not re.fullmatch(r"[^\W_]+(?:-[^\W_]+)*", abbreviation):
        yield Problem({"value": ctx.plan.ky_hieu, "suggestion": ""}, loc=("issuer", "abbreviation"))


def _type_part(ky_hieu: str) -> str:
    """The type abbreviation inside a ký hiệu: "KH-LĐLĐ" -> KH, "2023/NĐ-CP" -> NĐ."""
    parts = re.split(r"[-/]", ky_hieu)
    return parts[1] if len(parts) > 1 and re.fullmatch(r"[0-9]{4}", parts[0]) else parts[0]


def check_ky_hieu_type(ctx: PlanContext) -> Iterator[Problem]:
    for loc, doc_type, _number, ky_hieu in _documents(ctx):
        if doc_type not in KNOWN_TYPES or doc_type in UNTYPED_KY_HIEU:
            continue  # KH04 reports an unknown type; a law's ký hiệu names the legislature
        if ky_hieu and KY_HIEU.fullmatch(ky_hieu) and _type_part(ky_hieu) != doc_type:
            yield Problem({"value": ky_hieu, "type": doc_type}, loc=(*loc, "ky_hieu"))


def check_number(ctx: PlanContext) -> Iterator[Problem]:
    for loc, _type, number, ky_hieu in _documents(ctx):
        if loc[0] == "references" and ky_hieu is None and number and party_number(number):
            continue  # a Party số ký hiệu with the State's slash: KH05 rewrites it
        if number is not None and not _NUMBER.fullmatch(number):
            digits = re.match(r"\s*([0-9]+)", number)
            yield Problem({"value": number, "suggestion": digits[1] if digits else ""}, loc=(*loc, "number"))


def check_type(ctx: PlanContext) -> Iterator[Problem]:
    for loc, doc_type, _number, _ky_hieu in _documents(ctx):
        if doc_type not in KNOWN_TYPES:
            wanted = doc_type.strip().lower()
            close = [abbr for abbr, name in KNOWN_TYPES.items() if wanted in (abbr.lower(), name.lower())]
            yield Problem(
                {"value": doc_type, "suggestion": close[0] if close else "", "known": ", ".join(KNOWN_TYPES)},
                loc=(*loc, "type"),
            )


def check_party_form(ctx: PlanContext) -> Iterator[Problem]:
    """A Party document cited the State way: `29/NQ/TW` for 29-NQ/TW, `ky_hieu: CT-TW` for CT/TW."""
    for index, reference in enumerate(ctx.plan.references):
        loc: Loc = ("references", index)
        number, ky_hieu = reference.number_and_ky_hieu
        whole = party_number(number) if number and ky_hieu is None else None
        if whole and whole[1] == "/":
            yield Problem({"value": number, "suggestion": f"{whole[0]}-{whole[2]}"}, loc=(*loc, "number"))
        party = party_ky_hieu(ky_hieu) if ky_hieu else None
        if party:
            yield Problem({"value": ky_hieu, "suggestion": party}, loc=(*loc, "ky_hieu"))


_SPELLING = re.compile(
    "^(" + "|".join(re.escape(k) for k in sorted(AUTHORITY_SPELLINGS, key=len, reverse=True)) + r")(?:\.\s*|\s+)",
    re.IGNORECASE,
)


def authority_prefix(authority: str) -> tuple[str, str] | None:
    """("T/M BAN THƯỜNG VỤ") -> ("TM.", "BAN THƯỜNG VỤ"): the prefix it meant and the rest."""
    match = _SPELLING.match(authority)
    if not match:
        return None
    return AUTHORITY_SPELLINGS[match[1].upper()], authority[match.end() :]


def well_formed_authority(authority: str) -> bool:
    """'TM. BAN THƯỜNG VỤ', 'KT. CHỦ TỊCH': one of ND30's prefixes, its full stop, then the rest."""
    return bool(_AUTHORITY.match(authority))


def check_authority(ctx: PlanContext) -> Iterator[Problem]:
    authority = ctx.plan.signature.authority
    if authority is None or _AUTHORITY.match(authority):
        return
    meant = authority_prefix(authority)
    yield Problem(
        {
            "value": authority,
            "prefixes": ", ".join(AUTHORITY_PREFIXES),
            "suggestion": f"{meant[0]} {meant[1].upper()}" if meant and meant[1] else "",
        },
        loc=("signature", "authority"),
    )


def check_deputy(ctx: PlanContext) -> Iterator[Problem]:
    signature = ctx.plan.signature
    meant = authority_prefix(signature.authority) if signature.authority else None
    if meant and meant[0] == "KT." and signature.title and not signature.title.upper().startswith("PHÓ"):
        yield Problem({"title": signature.title}, loc=("signature", "title"))


def check_capitals(ctx: PlanContext) -> Iterator[Problem]:
    signature = ctx.plan.signature
    for field in ("authority", "title"):
        value = getattr(signature, field)
        if field == "authority" and value and not _AUTHORITY.match(value):
            continue  # SG01 already rewrites it
        if value and value != value.upper():
            yield Problem({"value": value, "suggestion": value.upper()}, loc=("signature", field))


_SIGNER_PARTS = {
    "title": {"vi": "chức vụ (title)", "en": "title (title)"},
    "name": {"vi": "họ tên (name)", "en": "name (name)"},
}
_AND = {"vi": " và ", "en": " and "}


def check_signer(ctx: PlanContext) -> Iterator[Problem]:
    """A numbered, dated plan is about to be issued: the văn thư needs who signs it."""
    document, signature = ctx.plan.document, ctx.plan.signature
    if document.number is None or document.date is None:
        return  # a draft: the signer may still be undecided
    missing = [field for field in ("title", "name") if not (getattr(signature, field) or "").strip()]
    if not missing:
        return
    # A missing key points at the `signature:` that should hold it; no block at all, at the number.
    loc: Loc = ("signature", missing[0]) if "signature" in ctx.plan.model_fields_set else ("document", "number")
    parts = [_SIGNER_PARTS[field] for field in missing]
    yield Problem({"missing": {lang: _AND[lang].join(part[lang] for part in parts) for lang in _AND}}, loc=loc)


def check_recipients_present(ctx: PlanContext) -> Iterator[Problem]:
    if ctx.plan.recipients:
        return
    given = ctx.plan.model_fields_set
    loc: Loc = ("recipients",) if "recipients" in given else ("signature",) if "signature" in given else ()
    yield Problem({}, loc=loc, at_key=True)


def check_luu_last(ctx: PlanContext) -> Iterator[Problem]:
    recipients = ctx.plan.recipients
    if not recipients:
        return
    last = _core(recipients[-1])
    if _LUU.match(last):
        return
    suggestion = ""
    if re.match(r"Lưu\b", last):
        suggestion = "Lưu: " + last[3:].lstrip(" :")
    yield Problem({"value": recipients[-1], "suggestion": suggestion}, loc=("recipients", len(recipients) - 1))


def _core(recipient: str) -> str:
    return recipient.strip().lstrip("- ").rstrip(";., ")


def check_recipient_punctuation(ctx: PlanContext) -> Iterator[Problem]:
    last = len(ctx.plan.recipients) - 1
    for index, recipient in enumerate(ctx.plan.recipients):
        stripped = recipient.strip()
        if index == last and not _LUU.match(_core(recipient)):
            continue  # RC01 rewrites the whole line
        if stripped.startswith("-") or stripped.endswith((";", ".", ",")):
            yield Problem(
                {"value": recipient, "suggestion": stripped.lstrip("- ").rstrip(";.,")},
                loc=("recipients", index),
            )


RULES = (
    Rule(
        "KH01",
        "ky-hieu.format",
        E,
        check=check_ky_hieu_format,
        summary={"vi": "Ký hiệu văn bản sai quy cách", "en": "A malformed ký hiệu"},
        message={
            "vi": "ký hiệu '{value}' sai quy cách Nghị định 30: các phần nối bằng '-' hoặc '/', không có dấu cách",
            "en": "ký hiệu '{value}' is not in the form of Nghị định 30: parts joined by '-' or '/', without spaces",
        },
        hint={"vi": " — viết là '{suggestion}'", "en": " — write '{suggestion}'"},
        why={
            "vi": "Nghị định 30/2020/NĐ-CP: ký hiệu gồm chữ viết tắt tên loại văn bản và tên cơ quan, "
            "nối bằng dấu gạch nối, không cách chữ ('58/KH-LĐLĐ', không phải '58 /KH – LĐLĐ').",
            "en": "Nghị định 30/2020/NĐ-CP: the ký hiệu joins the document-type and issuer "
            "abbreviations with a hyphen, without spaces ('58/KH-LĐLĐ', not '58 /KH – LĐLĐ').",
        },
        bad="references:\n  - number: 195\n    ky_hieu: KH – LĐLĐ\n",
        good="references:\n  - number: 195\n    ky_hieu: KH-LĐLĐ\n",
    ),
    Rule(
        "KH02",
        "ky-hieu.type",
        W,
        check=check_ky_hieu_type,
        summary={"vi": "Ký hiệu không khớp loại văn bản", "en": "The ký hiệu does not match the document type"},
        message={
            "vi": "ký hiệu '{value}' không bắt đầu bằng chữ viết tắt của loại văn bản '{type}'",
            "en": "ký hiệu '{value}' does not start with the document type '{type}'",
        },
        why={
            "vi": "Phần đầu ký hiệu là tên loại văn bản viết tắt (KH = Kế hoạch, BC = Báo cáo…); lệch "
            "nhau thường là sao chép nhầm từ văn bản khác.",
            "en": "The ký hiệu starts with the document type (KH = Kế hoạch, BC = Báo cáo…); a "
            "mismatch is usually copied from another document.",
        },
        bad="document:\n  type: KH\n  ky_hieu: BC-LĐLĐ\n",
        good="document:\n  type: KH\n  ky_hieu: KH-LĐLĐ\n",
    ),
    Rule(
        "KH03",
        "number.format",
        E,
        check=check_number,
        summary={"vi": "Số văn bản không phải là số", "en": "The document number is not a number"},
        message={
            "vi": "số văn bản '{value}' chỉ gồm chữ số; ký hiệu ghi ở ky_hieu",
            "en": "document number '{value}' must be digits only; the ký hiệu goes in ky_hieu",
        },
        hint={"vi": " — viết là {suggestion}", "en": " — write {suggestion}"},
        why={
            "vi": "Số văn bản là số thứ tự trong năm (số nhỏ hơn 10 được in thêm số 0 đằng trước); "
            "phần '/KH-LĐLĐ' là ký hiệu, ghi riêng.",
            "en": "The number is the document's sequence number in the year (printed with a leading "
            "zero below 10); '/KH-LĐLĐ' is the ký hiệu, kept apart.",
        },
        bad="document:\n  number: 58/KH-LĐLĐ\n",
        good="document:\n  number: 58\n  ky_hieu: KH-LĐLĐ\n",
    ),
    Rule(
        "KH04",
        "document.type",
        E,
        check=check_type,
        summary={"vi": "Loại văn bản không có trong Nghị định 30", "en": "An unknown document type"},
        message={
            "vi": "loại văn bản '{value}' không có trong danh mục viết tắt ({known})",
            "en": "document type '{value}' is not a known abbreviation ({known})",
        },
        hint={"vi": " — có phải ý bạn là '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "Loại văn bản ghi bằng chữ viết tắt của Phụ lục III Nghị định 30 (KH, BC, CTr, HD, "
            "TB, QĐ, NQ, CT…), vì nó đi vào ký hiệu và quyết định tên văn bản khi in.",
            "en": "The type is written with the abbreviations of Nghị định 30, Phụ lục III (KH, BC, "
            "CTr, HD, TB, QĐ, NQ, CT…): it goes into the ký hiệu and names the document.",
        },
        bad="document:\n  type: Kế hoạch\n",
        good="document:\n  type: KH\n",
    ),
    Rule(
        "KH05",
        "ky-hieu.party",
        E,
        check=check_party_form,
        summary={
            "vi": "Văn bản của Đảng dẫn theo kiểu văn bản nhà nước",
            "en": "A Party document cited in the State's form",
        },
        message={
            "vi": "'{value}' là văn bản của Đảng: số và ký hiệu viết theo mẫu số-loại/cơ quan (29-NQ/TW)",
            "en": "'{value}' is a Party document: its number and ký hiệu read number-type/body (29-NQ/TW)",
        },
        hint={"vi": " — viết là '{suggestion}'", "en": " — write '{suggestion}'"},
        why={
            "vi": "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW) ghi số, gạch nối, tên loại rồi '/' và cơ quan "
            "ban hành: Nghị quyết số 29-NQ/TW, Chỉ thị số 22-CT/TW — không phải '29/NQ/TW' hay '22/CT-TW'. "
            "Ghi number: 29 và ky_hieu: NQ/TW (hoặc number: 29-NQ/TW): thidua nhận ra cơ quan của Đảng "
            "(TW, TU, HU, QU, ĐU…) và in '29-NQ/TW'.",
            "en": "Party documents (Hướng dẫn 36-HD/VPTW) write the number, a hyphen, the type, then '/' "
            "and the issuing body: Nghị quyết số 29-NQ/TW, Chỉ thị số 22-CT/TW — not '29/NQ/TW' nor "
            "'22/CT-TW'. Write number: 29 and ky_hieu: NQ/TW (or number: 29-NQ/TW): thidua knows the Party "
            "bodies (TW, TU, HU, QU, ĐU…) and prints '29-NQ/TW'.",
        },
        bad="references:\n  - verb: Căn cứ\n    type: NQ\n    number: 29/NQ/TW\n",
        good="references:\n  - verb: Căn cứ\n    type: NQ\n    number: 29\n    ky_hieu: NQ/TW\n",
    ),
    Rule(
        "SG01",
        "signature.authority",
        E,
        check=check_authority,
        summary={"vi": "Thẩm quyền ký sai quy cách", "en": "A malformed signing authority"},
        message={
            "vi": "thẩm quyền ký '{value}' phải bắt đầu bằng một trong {prefixes}",
            "en": "signing authority '{value}' must start with one of {prefixes}",
        },
        hint={"vi": " — viết là '{suggestion}'", "en": " — write '{suggestion}'"},
        why={
            "vi": "Nghị định 30: ký thay mặt tập thể ghi 'TM.', ký thay người đứng đầu ghi 'KT.', "
            "quyền 'Q.', thừa lệnh 'TL.', thừa ủy quyền 'TUQ.' — viết hoa, có dấu chấm.",
            "en": "Nghị định 30: on behalf of a collective 'TM.', deputy for the head 'KT.', acting "
            "'Q.', by order 'TL.', by delegation 'TUQ.' — capitals with a full stop.",
        },
        bad="signature:\n  authority: T/M BAN THƯỜNG VỤ\n",
        good="signature:\n  authority: TM. BAN THƯỜNG VỤ\n",
    ),
    Rule(
        "SG02",
        "signature.deputy",
        W,
        check=check_deputy,
        summary={"vi": "Ký thay (KT.) nhưng người ký không phải cấp phó", "en": "KT. signed by someone not a deputy"},
        message={
            "vi": "ký thay (KT.) thì người ký là cấp phó, nhưng chức vụ là '{title}'",
            "en": "KT. means a deputy signs, but the title is '{title}'",
        },
        why={
            "vi": "'KT. CHỦ TỊCH' nghĩa là cấp phó ký thay Chủ tịch, nên dòng chức vụ bên dưới là 'PHÓ CHỦ TỊCH'.",
            "en": "'KT. CHỦ TỊCH' means a deputy signs for the head, so the title below is 'PHÓ CHỦ TỊCH'.",
        },
        bad="signature:\n  authority: KT. CHỦ TỊCH\n  title: CHỦ TỊCH\n",
        good="signature:\n  authority: KT. CHỦ TỊCH\n  title: PHÓ CHỦ TỊCH\n",
    ),
    Rule(
        "SG03",
        "signature.capitals",
        W,
        check=check_capitals,
        summary={"vi": "Thẩm quyền ký hoặc chức vụ không viết in hoa", "en": "Authority or title not in capitals"},
        message={"vi": "'{value}' phải viết in hoa", "en": "'{value}' must be in capitals"},
        hint={"vi": " — viết là '{suggestion}'", "en": " — write '{suggestion}'"},
        why={
            "vi": "Nghị định 30, Phụ lục I: quyền hạn và chức vụ của người ký in hoa, đậm "
            "('TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH'); thidua in đúng những gì viết trong tệp.",
            "en": "Nghị định 30, Phụ lục I: the signing authority and the signer's title are printed "
            "in bold capitals; thidua prints what the file says.",
        },
        bad="signature:\n  authority: TM. Ban Thường vụ\n  title: Chủ tịch\n",
        good="signature:\n  authority: TM. BAN THƯỜNG VỤ\n  title: CHỦ TỊCH\n",
    ),
    Rule(
        "SG04",
        "signature.signer",
        W,
        check=check_signer,
        summary={
            "vi": "Kế hoạch sắp ban hành thiếu chức vụ hoặc họ tên người ký",
            "en": "A plan about to be issued without the signer's title or name",
        },
        message={
            "vi": "kế hoạch đã có số và ngày ban hành nhưng khối chữ ký thiếu {missing} của người ký",
            "en": "the plan has its number and issue date but the signature block lacks the signer's {missing}",
        },
        why={
            "vi": "Nghị định 30, Phụ lục I: dưới thẩm quyền ký là chức vụ ('CHỦ TỊCH') rồi họ tên người ký. "
            "Một kế hoạch đã có số và ngày là sắp ban hành: thiếu hai dòng này văn thư sẽ trả lại. Bản "
            "nháp (chưa có số hoặc ngày) thì chưa cần.",
            "en": "Nghị định 30, Phụ lục I: below the signing authority come the signer's title ('CHỦ TỊCH') "
            "and name. A plan with a number and a date is about to be issued: without them the văn thư "
            "sends it back. A draft (no number or no date yet) need not have them.",
        },
        bad="signature:\n  authority: TM. BAN THƯỜNG VỤ\n  title:\n  name:\n",
        good="signature:\n  authority: TM. BAN THƯỜNG VỤ\n  title: CHỦ TỊCH\n  name: Lê Văn Dũng\n",
    ),
    Rule(
        "RC01",
        "recipients.luu-last",
        E,
        check=check_luu_last,
        summary={"vi": "Nơi nhận không kết thúc bằng dòng Lưu", "en": "Recipients do not end with the Lưu line"},
        message={
            "vi": "dòng cuối của Nơi nhận phải là 'Lưu: …' (nơi lưu văn bản), nhưng là '{value}'",
            "en": "the last recipient must be the 'Lưu: …' line (where the document is filed), not '{value}'",
        },
        hint={"vi": " — viết là '{suggestion}'", "en": " — write '{suggestion}'"},
        why={
            "vi": "Nghị định 30: Nơi nhận kết thúc bằng '- Lưu: VT, <đơn vị soạn thảo>.' để biết bản "
            "gốc được lưu ở đâu.",
            "en": "Nghị định 30: the recipients end with '- Lưu: VT, <drafting unit>.' saying where "
            "the original is filed.",
        },
        bad="recipients:\n  - Các CĐCS\n  - Lưu VP, TĐ\n",
        good="recipients:\n  - Các CĐCS\n  - 'Lưu: VP, TĐ'\n",
    ),
    Rule(
        "RC02",
        "recipients.punctuation",
        W,
        check=check_recipient_punctuation,
        summary={"vi": "Nơi nhận có sẵn dấu '-' hoặc ';'", "en": "A recipient carries its own '-' or ';'"},
        message={
            "vi": "nơi nhận '{value}' không cần '- ' ở đầu hay ';' '.' ở cuối: thidua tự thêm khi in",
            "en": "recipient '{value}' needs no leading '- ' nor final ';' '.': thidua adds them",
        },
        hint={"vi": " — viết là '{suggestion}'", "en": " — write '{suggestion}'"},
        why={
            "vi": "Khi in, mỗi nơi nhận được thêm '- ' ở đầu và ';' ở cuối (dòng Lưu kết thúc bằng "
            "'.'); ghi sẵn sẽ bị lặp dấu.",
            "en": "When printing, each recipient gets '- ' and ';' (the Lưu line '.'); writing them "
            "in the data doubles them.",
        },
        bad="recipients:\n  - Các CĐCS;\n  - 'Lưu: VT.'\n",
        good="recipients:\n  - Các CĐCS\n  - 'Lưu: VT'\n",
    ),
    Rule(
        "RC03",
        "recipients.missing",
        W,
        check=check_recipients_present,
        summary={"vi": "Kế hoạch không có Nơi nhận", "en": "A plan without recipients (Nơi nhận)"},
        message={
            "vi": "kế hoạch chưa có Nơi nhận (recipients): ghi các nơi nhận, dòng cuối là 'Lưu: …'",
            "en": "the plan has no recipients (Nơi nhận): list them, the last being 'Lưu: …'",
        },
        why={
            "vi": "Nghị định 30: Nơi nhận cho biết văn bản gửi cho ai và bản gốc lưu ở đâu; thiếu nó văn thư "
            "không phát hành được. thidua chỉ in những gì tệp ghi, không tự thêm dòng 'Lưu: VT.'.",
            "en": "Nghị định 30: the recipients say who receives the document and where the original is "
            "filed; without them the văn thư cannot send it. thidua prints only what the file says, "
            "and adds no 'Lưu: VT.' line of its own.",
        },
        bad="recipients: []\n",
        good="recipients:\n  - Các CĐCS\n  - 'Lưu: VT, CĐCS'\n",
    ),
)
