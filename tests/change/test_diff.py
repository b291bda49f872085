"""`thidua diff`: changes by meaning (moved, reworded, raised goals), blind to the year moving on."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import CAMPAIGNS, QUANG_TRI, QUANG_TRI_2022
from thidua.change.diff import diff_plans, word_diff
from thidua.change.years import YearShift
from thidua.plan.model import Plan
from thidua.text.words import similarity
from thidua.workspace import load_plan

CAO_BANG = CAMPAIGNS / "ldld-cao-bang" / "2016" / "thi-dua-2016-2020.yaml"
LONG_BIEN = CAMPAIGNS / "ldld-long-bien" / "2021" / "thi-dua-2021.yaml"


def _plan(path: Path) -> Plan:
    plan, findings = load_plan(path)
    assert plan is not None, findings
    return plan


def _edited(tmp_path: Path, name: str, *replacements: tuple[str, str], source: Path = QUANG_TRI) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- the example pair


def test_the_example_second_year_shows_exactly_its_edits() -> None:
    result = diff_plans(_plan(QUANG_TRI), _plan(QUANG_TRI_2022))
    got = [(c.kind, c.what, c.where, c.path) for c in result.changes]
    assert got == [
        ("changed", "number", "", "document.number"),  # blanked by thidua new
        ("changed", "date", "", "document.date"),
        ("changed", "opening", "¶1", "opening[0]"),  # a decision of thidua new taken: "năm thứ hai"
        ("changed", "phase-start", "III.(2)", "sections[2].items[1].phase.start"),  # "Từ nay": with the date
        ("changed", "item", "IV.1.(3)", "sections[3].items[0].items[2]"),  # another: the 21st anniversary
        ("removed", "item", "IV.1.(4)", "sections[3].items[0].items[3]"),  # the 2020–2021 contest
        ("changed", "item", "IV.1.(4)", "sections[3].items[0].items[3]"),  # reworded
        ("added", "item", "IV.1.(6)", "sections[3].items[0].items[5]"),
        ("changed", "goal", "IV.2.(3)", "sections[3].items[1].items[2].target.goal"),  # raised
    ]
    opening = result.changes[2]
    assert [(w.old, w.new) for w in opening.words if w.op in "-+"][:2] == [("đầu tiên", ""), ("", "thứ hai")]
    assert "số 58/KH-LĐLĐ ngày 22/02/2021 " in "".join(w.old for w in opening.words if w.op == "-")
    anniversary = result.changes[4]
    assert [(w.old, w.new) for w in anniversary.words if w.op in "-+"] == [("20", ""), ("", "21")]
    reworded = result.changes[6]
    assert reworded.old_path == "sections[3].items[0].items[4]"  # it was the fifth bullet
    inserted = "".join(w.new for w in reworded.words if w.op == "+")
    deleted = "".join(w.old for w in reworded.words if w.op == "-")
    assert "Tiếp tục tuyên" in inserted and "và Zalo của" in inserted
    assert "bầu cử Quốc hội khóa XV" in deleted
    goal = result.changes[8]
    assert goal.old.startswith("1 mô hình điểm") and goal.new.startswith("2 mô hình điểm")
    assert [(w.old, w.new) for w in goal.words if w.op in "-+"] == [("01", ""), ("", "02")]
    assert len(result.shifts) == 12 and all(c.kind == "year-shift" for c in result.shifts)


def test_the_example_pair_in_each_format(invoke) -> None:  # type: ignore[no-untyped-def]
    text = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022))
    assert text.exit_code == 1, text.output
    assert "9 thay đổi: 1 thêm, 1 bỏ, 7 sửa." in text.output
    assert "12 chỗ chỉ dời năm" in text.output
    # without colour, changed words keep git's word-diff marks
    assert "[-01-]{+02+}" in text.output
    assert "1 → 2 mô hình điểm" in text.output
    shifts = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "--show-year-shifts", "--lang", "en")
    assert "≈ period start  01/01/2021 → 01/01/2022" in shifts.output
    assert "9 changes: 1 added, 1 removed, 7 changed, 12 year moved." not in shifts.output
    as_json = json.loads(invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "-f", "json").output)
    assert [c["kind"] for c in as_json] == ["changed"] * 5 + ["removed", "changed", "added", "changed"]
    assert as_json[0] == {
        "kind": "changed",
        "path": "document.number",
        "what": "number",
        "where": "",
        "old": "58",
        "new": None,
    }
    assert as_json[1]["old"] == "2021-02-22"
    assert as_json[6]["old_path"] == "sections[3].items[0].items[4]"
    assert {"op": "+", "old": "", "new": "02"} in as_json[8]["words"]
    md = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "-f", "md").output
    assert md.startswith("### ")
    assert "~~01~~**02**" in md
    assert "- **thêm** IV.1.(6) mục: Tổ chức Hội nghị biểu dương" in md


def test_the_same_plan_is_exit_0(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("diff", str(QUANG_TRI), str(QUANG_TRI))
    assert result.exit_code == 0, result.output
    assert "Hai kế hoạch nói như nhau." in result.output


# ----------------------------------------------------------------------------- matching


def test_reordered_items_are_moved_not_removed_and_added(tmp_path: Path) -> None:
    first = "      - >-\n        Động viên cán bộ, đoàn viên, CNVCLĐ ra sức thi đua"
    swapped = _edited(
        tmp_path,
        "swapped.yaml",
        ("      - >-\n        Động viên cán bộ", "      - >-\n        TEMP cán bộ"),
    )
    text = swapped.read_text(encoding="utf-8")
    start = text.index("      - >-\n        TEMP")
    end = text.index("      - >-", start + 5)
    block = text[start:end]
    following_end = text.index("  - kind: content")
    text = text[:start] + text[end:following_end] + block + text[following_end:]
    swapped.write_text(text.replace("TEMP", "Động viên"), encoding="utf-8")
    result = diff_plans(_plan(QUANG_TRI), _plan(swapped))
    assert [(c.kind, c.where) for c in result.changes] == [("moved", "I.3")]
    assert result.changes[0].old == "I.1" and first  # moved from I.1 to I.3


def test_an_item_moved_to_another_section_and_reworded(tmp_path: Path) -> None:
    item = (
        "      - >-\n"
        "        Tổ chức phong trào thi đua yêu nước gắn với việc đại diện, chăm lo, bảo vệ quyền và lợi\n"
        "        ích hợp pháp, chính đáng của đoàn viên, người lao động và triển khai thực hiện Nghị quyết\n"
        "        Đại hội Đảng các cấp.\n"
    )
    moved = _edited(
        tmp_path,
        "moved.yaml",
        (item, ""),
        (
            "  - kind: phases\n",
            "      - >-\n"
            "        Tổ chức phong trào thi đua yêu nước gắn liền với việc đại diện, chăm lo, bảo vệ quyền và\n"
            "        lợi ích hợp pháp, chính đáng của đoàn viên, người lao động và triển khai thực hiện Nghị quyết\n"
            "        Đại hội Đảng các cấp.\n"
            "  - kind: phases\n",
        ),
    )
    result = diff_plans(_plan(QUANG_TRI), _plan(moved))
    assert [(c.kind, c.where) for c in result.changes] == [("changed", "II.3"), ("moved", "II.3")]
    assert result.changes[1].old == "I.3"
    assert [w.new for w in result.changes[0].words if w.op == "+"] == [" liền"]


def test_targets_match_by_id_and_by_wording(tmp_path: Path) -> None:
    renamed = _edited(tmp_path, "renamed.yaml", ("id: so-ket-tong-ket", "id: so-ket"))
    result = diff_plans(_plan(QUANG_TRI), _plan(renamed))
    assert [(c.kind, c.what, c.old, c.new) for c in result.changes] == [("changed", "id", "so-ket-tong-ket", "so-ket")]
    reworded = _edited(
        tmp_path,
        "reworded.yaml",
        (
            "text: Tổ chức sơ kết, tổng kết việc thực hiện phong trào và báo cáo Tổng Liên đoàn.",
            "text: Tổ chức sơ kết, tổng kết phong trào và báo cáo kết quả về Tổng Liên đoàn.",
        ),
    )
    result = diff_plans(_plan(QUANG_TRI), _plan(reworded))
    assert [(c.kind, c.what, c.path) for c in result.changes] == [
        ("changed", "target", "sections[3].items[0].items[6].target.text")
    ]


def test_phase_dates_changed_beyond_the_year_are_changes(tmp_path: Path) -> None:
    later = _edited(tmp_path, "later.yaml", ("end: 2021-06-30", "end: 2021-07-15"))
    result = diff_plans(_plan(QUANG_TRI), _plan(later))
    assert [(c.kind, c.what, c.old, c.new) for c in result.changes] == [
        ("changed", "phase-end", date(2021, 6, 30), date(2021, 7, 15))
    ]


def test_a_year_written_back_by_hand_is_no_change_and_a_wrong_one_is(tmp_path: Path) -> None:
    # Next year's plan that keeps "nhiệm kỳ 2021-2026" as it was: the same text, no change.
    new = tmp_path / "next.yaml"
    from thidua.change.newyear import make_next_year

    make_next_year(LONG_BIEN, new)
    assert [c.path for c in diff_plans(_plan(LONG_BIEN), _plan(new)).changes] == []
    text = new.read_text(encoding="utf-8")
    assert "nhiệm kỳ 2021 -\n" in text  # a term of office does not move
    # A clerk who moves it anyway changes what the plan says: reported.
    new.write_text(text.replace("nhiệm kỳ 2021 -\n", "nhiệm kỳ 2022 -\n", 1), encoding="utf-8")
    changes = diff_plans(_plan(LONG_BIEN), _plan(new)).changes
    assert [(c.kind, c.what) for c in changes] == [("changed", "opening")]
    # One tokeniser for diff and the redline (thidua.text.words): a year range is one word.
    assert [(w.old, w.new) for w in changes[0].words if w.op in "-+"] == [("2021 - 2026", ""), ("", "2022 - 2026")]


def test_word_diff_rebuilds_both_sides() -> None:
    shift = YearShift.of(date(2021, 1, 1), date(2021, 12, 31), 2021, 1)
    old = "Phấn đấu 90% CĐCS đạt vững mạnh năm 2021, nhiệm kỳ 2021-2026."
    new = "Phấn đấu 100% CĐCS và doanh nghiệp đạt vững mạnh năm 2022, nhiệm kỳ 2022-2026."
    words = word_diff(old, new, shift)
    assert "".join(w.old for w in words if w.op != "+") == old
    assert "".join(w.new if w.op != "=" else w.old for w in words if w.op != "-") == new
    assert ("~", "2021", "2022") in [(w.op, w.old, w.new) for w in words]  # the campaign year
    # the term of office: a real change (a hyphenated word is one word, as in the redline)
    assert ("-", "2021-2026", "") in [(w.op, w.old, w.new) for w in words]


def test_similarity_is_by_words() -> None:
    assert similarity("a b c d", "a b c d") == 1.0
    assert similarity("Động viên cán bộ", "Tổ chức hội nghị") < 0.5


# ----------------------------------------------------------------------------- unrelated, bad input, git


def test_two_unrelated_plans_finish_and_read(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("diff", str(QUANG_TRI), str(CAO_BANG))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1].startswith(tuple(f"{n} thay đổi" for n in range(20, 100)))
    assert "~ cơ quan ban hành  LIÊN ĐOÀN LAO ĐỘNG TỈNH [-QUẢNG TRỊ-]{+CAO BẰNG+}" in result.output
    # a section that went with all its items is one line, not one per item
    assert "- IV.1 đề mục  Liên đoàn Lao động tỉnh. (cùng 7 mục con)" in result.output
    # long texts added or removed show their beginning
    assert max(len(line) for line in lines if line.startswith(("+ ", "- "))) < 300


def test_a_plan_that_does_not_read_gives_findings_and_exit_2(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # One policy for every command: a plan with check errors is still compared, its findings summed up.
    bad = _edited(tmp_path, "bad.yaml", ("end: 2021-06-30", "end: 2021-02-01"))  # a phase ending before it starts
    result = invoke("diff", str(QUANG_TRI), str(bad))
    assert result.exit_code == 1, result.output  # they differ
    assert "bad.yaml: 2 lỗi, 0 cảnh báo, 0 ghi chú (PE04, TX24); xem: thidua check" in result.stderr
    assert "đến ngày  30/6/2021 → 01/02/2021" in result.stdout and "1 thay đổi: 1 sửa." in result.stdout
    # Only a plan that does not read (YA, SC) stops it.
    unreadable = _edited(tmp_path, "unreadable.yaml", ("end: 2021-06-30", "end: 30/06/2021"))
    result = invoke("diff", str(QUANG_TRI), str(unreadable))
    assert result.exit_code == 2, result.output
    assert "unreadable.yaml:" in result.output and "SC" in result.output
    assert "Traceback" not in result.output
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(b"issuer: {\n\xff\xfe")
    result = invoke("diff", str(broken), str(QUANG_TRI))
    assert result.exit_code == 2 and "broken.yaml:" in result.output
    missing = invoke("diff", str(QUANG_TRI), str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "nope.yaml" in missing.output
    wrong = invoke("diff", str(QUANG_TRI), str(QUANG_TRI), "-f", "xml")
    assert wrong.exit_code == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_revisions_from_git(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "vanthu@example.org")
    git("config", "user.name", "Văn thư")
    plan = tmp_path / "campaigns" / "x.yaml"
    plan.parent.mkdir()
    shutil.copy(QUANG_TRI, plan)
    git("add", ".")
    git("commit", "-qm", "2021")
    plan.write_text(QUANG_TRI.read_text(encoding="utf-8").replace("goal: 1\n", "goal: 3\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("diff", "HEAD:campaigns/x.yaml", "campaigns/x.yaml", "-f", "json")
    assert result.exit_code == 1, result.output
    assert [(c["what"], c["old"][:1], c["new"][:1]) for c in json.loads(result.output)] == [("goal", "1", "3")]
    monkeypatch.chdir(plan.parent)
    relative = invoke("diff", "HEAD:./x.yaml", "x.yaml")
    assert relative.exit_code == 1 and "HEAD:./x.yaml →" in relative.output
    unknown = invoke("diff", "HEAD~5:x.yaml", "x.yaml")
    assert unknown.exit_code == 2 and "git" in unknown.output


# ----------------------------------------------------------------------------- --docx


def test_docx_redline_of_the_example_pair(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.change.test_redline import assert_well_formed_changes, paragraph_texts
    from thidua.render.pipeline import render_docx

    out = tmp_path / "thay-doi.docx"
    result = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "--docx", str(out))
    assert result.exit_code == 1, result.output
    assert "thay-doi.docx" in result.output
    data = out.read_bytes()
    assert_well_formed_changes(data)
    assert paragraph_texts(data, "accept") == paragraph_texts(render_docx(_plan(QUANG_TRI_2022)), "accept")
    assert paragraph_texts(data, "reject") == paragraph_texts(render_docx(_plan(QUANG_TRI)), "accept")
    accepted = "\n".join(paragraph_texts(data, "accept"))
    assert "Tổ chức Hội nghị biểu dương điển hình tiên tiến" in accepted
    assert "Hội thi Sáng tạo kỹ thuật tỉnh Quảng Trị lần thứ 9 (2020-2021)" not in accepted


def test_docx_that_cannot_be_written_stops_before_the_work(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    locked = tmp_path / "x.docx"
    locked.write_bytes(b"signed copy")
    locked.chmod(0o444)
    result = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "--docx", str(locked))
    assert result.exit_code == 2, result.output
    assert locked.read_bytes() == b"signed copy"
    assert "~ số văn bản" not in result.output  # refused before comparing anything
    wrong = invoke("diff", str(QUANG_TRI), str(QUANG_TRI_2022), "--docx", str(tmp_path / "x.pdf"))
    assert wrong.exit_code == 2


def test_last_years_parent_plan_replaced_is_one_changed_reference(tmp_path: Path) -> None:
    replaced = _edited(
        tmp_path,
        "replaced.yaml",
        ("  - number: 63\n", "  - number: 70\n"),
        ("    date: 2020-12-31\n", "    date: 2021-12-30\n"),
        ("Thực hiện Kế hoạch số 63/KH-LĐLĐ ngày 31/12/2020", "Thực hiện Kế hoạch số 70/KH-LĐLĐ ngày 30/12/2021"),
        source=LONG_BIEN,
    )
    changes = diff_plans(_plan(LONG_BIEN), _plan(replaced)).changes
    assert [(c.kind, c.what, c.path) for c in changes] == [("changed", "reference", "references[0]")]
    # the cited date is one change ("/12/" between two changed numbers does not split it)
    assert [(w.old, w.new) for w in changes[0].words if w.op in "-+"] == [
        ("63", ""),
        ("", "70"),
        ("31/12/2020", ""),
        ("", "30/12/2021"),
    ]


def test_a_party_reference_written_whole_or_in_parts_is_the_same_document() -> None:
    # Matched by number, not by wording: the subjects are swapped, so text alone would pair them wrong.
    from thidua.plan.model import Reference

    first = "đổi mới căn bản, toàn diện giáo dục và đào tạo, đáp ứng yêu cầu công nghiệp hóa, hiện đại hóa"
    second = "tăng cường sự lãnh đạo của Đảng đối với công tác thi đua, khen thưởng trong tình hình mới"
    old = [
        Reference(verb="Căn cứ", type="NQ", number="29", ky_hieu="NQ/TW", subject=first),
        Reference(verb="Căn cứ", type="CT", number="34", ky_hieu="CT/TW", subject=second),
    ]
    new = [
        Reference(verb="Căn cứ", type="NQ", number="29-NQ/TW", subject=second),
        Reference(verb="Căn cứ", type="CT", number="34-CT/TW", subject=first),
    ]
    base = _plan(QUANG_TRI)
    before, after = (base.model_copy(update={"references": refs}) for refs in (old, new))
    changes = diff_plans(before, after).changes
    assert sorted((c.kind, c.what, c.path) for c in changes) == [
        ("changed", "reference", "references[0]"),
        ("changed", "reference", "references[1]"),
    ]
    assert all(c.old.split(" về ")[0] == c.new.split(" về ")[0] for c in changes)
    assert changes[0].new.startswith("Căn cứ Nghị quyết số 29-NQ/TW về")
