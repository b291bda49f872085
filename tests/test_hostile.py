"""Hostile input: one test per attack of issue 19 (items 3, 4, 5) — nothing hangs, leaks or crashes.

Attacks that could hang or exhaust memory on a regression run `thidua` in a child process with
a timeout and a memory limit, so that a failure is a failed test, never a stuck suite.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CAMPAIGNS, EXAMPLES, QUANG_TRI, ROOT

LONG_BIEN = CAMPAIGNS / "ldld-long-bien" / "2021" / "thi-dua-2021.yaml"
CAO_BANG = CAMPAIGNS / "ldld-cao-bang" / "2016" / "thi-dua-2016-2020.yaml"
QUANG_TRI_RESULTS = QUANG_TRI.with_name("thi-dua-2021.results.yaml")
INTERNAL = ("lỗi nội bộ", "internal error", "Traceback")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def _limits() -> None:  # in the child: 2 GB of memory at most
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def thidua(
    *args: str, cwd: Path, timeout: float = 30, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`thidua ARGS` in a child process; a hang fails the test after `timeout` seconds."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", "NO_COLOR": "1", **(env or {})}
    full.pop("THIDUA_LANG", None)
    try:
        return subprocess.run(
            [sys.executable, "-m", "thidua", *args],
            cwd=cwd,
            env=full,
            capture_output=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            preexec_fn=_limits if sys.platform.startswith("linux") else None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"thidua {' '.join(args)} still running after {timeout} s")


def output(done: subprocess.CompletedProcess) -> str:
    return done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")


def no_internal_error(text: str) -> None:
    assert not any(marker in text for marker in INTERNAL), text


def repo(tmp_path: Path) -> Path:
    """A campaign repository (git root) with one example plan and its results."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    folder = root / "campaigns" / "qt" / "2021"
    folder.mkdir(parents=True)
    shutil.copyfile(QUANG_TRI, folder / "thi-dua-2021.yaml")
    shutil.copyfile(QUANG_TRI_RESULTS, folder / "thi-dua-2021.results.yaml")
    return root


def edited(source: Path, old: str, new: str, target: Path, count: int = 1) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, count), encoding="utf-8")
    return target


# ----------------------------------------------------------------------------- 3. inputs found, not named


@needs_fifo
def test_a_fifo_in_campaigns_is_a_finding_not_a_hang(tmp_path: Path) -> None:
    root = repo(tmp_path)
    os.mkfifo(root / "campaigns" / "qt" / "blocked.yaml")
    done = thidua("check", "campaigns", cwd=root, timeout=20)
    text = output(done)
    assert done.returncode == 1, text
    assert re.search(r"blocked\.yaml:1:1: YA08 .*FIFO", text), text
    assert "2 tệp" in text  # the real plan was checked too


@needs_fifo
def test_a_linked_plan_that_is_a_fifo_or_dev_stdin_is_not_read(tmp_path: Path) -> None:
    root = repo(tmp_path)
    plan = root / "campaigns" / "lb" / "2021" / "thi-dua-2021.yaml"
    plan.parent.mkdir(parents=True)
    os.mkfifo(root / "parent.yaml")  # in the repository, but not under campaigns/
    for linked in ("../../../parent.yaml", "/dev/stdin"):
        text = LONG_BIEN.read_text(encoding="utf-8")
        plan.write_text(re.sub(r"(?m)^(  - number: 63\n)", rf"\1    plan: {linked}\n", text, count=1), "utf-8")
        done = thidua("check", str(plan), cwd=root, timeout=20)
        assert "RF01" in output(done), output(done)  # the link is reported, never waited for
        no_internal_error(output(done))


def test_a_plan_linked_to_proc_environ_does_not_print_the_environment(tmp_path: Path) -> None:
    if not Path("/proc/self/environ").exists():
        pytest.skip("no /proc here")
    root = repo(tmp_path)
    (root / "campaigns" / "leak.yaml").symlink_to("/proc/self/environ")
    done = thidua("check", "campaigns", cwd=root, env={"CI_SECRET": "hunter2-do-not-print"})
    text = output(done)
    assert "hunter2" not in text
    assert re.search(r"leak\.yaml:1:1: YA08 .*/proc", text), text


def test_a_link_out_of_the_repository_is_refused_but_a_named_file_is_read(tmp_path: Path) -> None:
    root = repo(tmp_path)
    secret = tmp_path / "outside" / "secret.yaml"
    secret.parent.mkdir()
    secret.write_text("password: hunter2-do-not-print\n", encoding="utf-8")
    link = root / "campaigns" / "qt" / "link.yaml"
    link.symlink_to(secret)
    found = output(thidua("check", "campaigns", cwd=root))
    assert "hunter2" not in found
    assert re.search(r"link\.yaml:1:1: YA08 .*(ra ngoài kho|out of the repository)", found), found
    named = output(thidua("check", "campaigns/qt/link.yaml", cwd=root))
    assert "SC0" in named and "YA08" not in named  # the user asked: it is read (and is no plan)


def test_a_symlink_in_templates_does_not_pull_in_another_file(tmp_path: Path) -> None:
    root = repo(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:hunter2-do-not-print\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "_signature.xml.j2").symlink_to(secret)
    plan = root / "campaigns" / "qt" / "2021" / "thi-dua-2021.yaml"
    done = thidua("render", str(plan), cwd=root)
    text = output(done)
    assert done.returncode == 2, text
    assert "_signature.xml.j2" in text and "secret.txt" in text, text
    assert not plan.with_suffix(".docx").exists()
    for command in ("textconv",):  # textconv renders too: the file must not appear there either
        shown = output(thidua(command, str(plan), cwd=root))
        assert "hunter2" not in shown


def test_a_templates_folder_above_the_repository_does_not_take_over(tmp_path: Path) -> None:
    evil = tmp_path / "templates"  # as a world-writable /tmp/templates would be
    evil.mkdir()
    (evil / "ke-hoach.xml.j2").write_text('<document><p role="body">TAKEN OVER</p></document>\n', encoding="utf-8")
    plan = tmp_path / "a" / "b" / "plan.yaml"  # a plan outside any repository
    plan.parent.mkdir(parents=True)
    shutil.copyfile(QUANG_TRI, plan)
    done = thidua("textconv", str(plan), cwd=plan.parent)
    text = output(done)
    assert "TAKEN OVER" not in text and "KẾ HOẠCH" in text, text


def test_repository_templates_still_override(tmp_path: Path) -> None:
    root = repo(tmp_path)
    (root / "templates").mkdir()
    (root / "templates" / "ke-hoach.xml.j2").write_text('<document><p role="body">OURS</p></document>\n', "utf-8")
    plan = root / "campaigns" / "qt" / "2021" / "thi-dua-2021.yaml"
    assert "OURS" in output(thidua("textconv", str(plan), cwd=root))


@needs_fifo
def test_a_words_file_that_is_a_fifo_is_a_config_error(tmp_path: Path) -> None:
    root = repo(tmp_path)
    (root / "pyproject.toml").write_text('[tool.thidua]\nwords = "words.yaml"\n', encoding="utf-8")
    os.mkfifo(root / "words.yaml")
    done = thidua("check", "campaigns", cwd=root, timeout=20)
    assert done.returncode == 2 and "words.yaml" in output(done) and "FIFO" in output(done), output(done)


# ----------------------------------------------------------------------------- 4. bounds


def test_a_txt_that_is_dev_zero_ends_at_the_size_limit(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    named = tmp_path / "zero.txt"
    named.symlink_to("/dev/zero")
    done = thidua("check", str(named), cwd=tmp_path, timeout=30)
    assert re.search(r"zero\.txt:1:1: YA07", output(done)), output(done)
    root = repo(tmp_path)  # found in a folder: not even opened
    (root / "campaigns" / "zero.txt").symlink_to("/dev/zero")
    (root / "campaigns" / "zero.yaml").symlink_to("/dev/zero")
    found = output(thidua("check", "campaigns", cwd=root, timeout=30))
    assert re.search(r"zero\.yaml:1:1: YA08", found), found


def test_a_csv_that_is_dev_zero_is_a_clear_message(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    root = repo(tmp_path)
    plan = root / "campaigns" / "qt" / "2021" / "thi-dua-2021.yaml"
    done = thidua("record", str(plan), "--from", "/dev/zero", cwd=root, timeout=30)
    text = output(done)
    assert done.returncode == 2, text
    assert "/dev/zero" in text and "byte" in text, text
    no_internal_error(text)


def _bomb(path: Path, size: int) -> Path:
    """A .docx-looking zip whose document.xml unpacks to `size` bytes (a few hundred KB packed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", b"<w:document>" + b" " * size + b"</w:document>")
    return path


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    from thidua.check.engine import CheckOptions, check_file

    bomb = _bomb(tmp_path / "bomb.docx", 40 * 1024 * 1024)
    assert bomb.stat().st_size < 200_000
    tracemalloc.start()
    try:
        findings = check_file(bomb, CheckOptions())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [f.code for f in findings] == ["YA07"], findings
    assert "word/document.xml" in findings[0].message("en")
    assert peak < 20 * 1024 * 1024  # the archive itself, never its 40 MB part


def test_a_template_that_loops_for_ever_stops(tmp_path: Path) -> None:
    loop = tmp_path / "loop.xml.j2"
    loop.write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n")
    script = textwrap.dedent(
        f"""
        import sys
        import thidua.render.templating as templating
        from thidua.cli.app import main
        templating.TEMPLATE_SECONDS = 1.0
        sys.argv = ["thidua", "render", {str(QUANG_TRI)!r}, "-o", {str(tmp_path / "x.docx")!r},
                    "--template", {str(loop)!r}]
        main()
        """
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, timeout=30, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    text = output(done)
    assert done.returncode == 2, text
    assert "loop.xml.j2" in text and "1.0 giây" in text, text
    assert time.monotonic() - started < 20


def test_template_output_is_bounded(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import thidua.render.templating as templating

    monkeypatch.setattr(templating, "MAX_MARKUP", 1_000_000)
    big = tmp_path / "big.xml.j2"
    big.write_text('{% for i in range(100000) %}{{ "xxxxxxxxxxxxxxxxxxxx" }}{% endfor %}\n')
    result = invoke("render", str(QUANG_TRI), "-o", str(tmp_path / "x.docx"), "--template", str(big))
    assert result.exit_code == 2, result.output
    assert "1000000 byte" in result.output, result.output
    power = tmp_path / "power.xml.j2"
    power.write_text("{{ 9 ** 9 ** 9 }}\n")
    result = invoke("render", str(QUANG_TRI), "-o", str(tmp_path / "x.docx"), "--template", str(power))
    assert result.exit_code == 2 and "power.xml.j2" in result.output, result.output


def test_template_recursion_is_a_message(invoke, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "ke-hoach.xml.j2").write_text('{% include "ke-hoach.xml.j2" %}\n')
    result = invoke("render", str(QUANG_TRI), "-o", str(tmp_path / "x.docx"), "--template", str(folder))
    assert result.exit_code == 2, result.output
    assert "ke-hoach.xml.j2" in result.output and "đệ quy" in result.output, result.output
    no_internal_error(result.output)


def test_jobs_stay_within_the_cores(tmp_path: Path) -> None:
    from thidua.check.engine import CheckOptions, check_files, workers_for

    assert workers_for(5000) == (os.cpu_count() or 1)
    assert workers_for(None) == (os.cpu_count() or 1) and workers_for(1) == 1
    files = []
    for index in range(70):  # over PARALLEL_THRESHOLD: a pool is started, of at most the cores
        files.append(tmp_path / f"p{index}.yaml")
        shutil.copyfile(QUANG_TRI, files[-1])
    report = check_files(files, CheckOptions(select=("PE",)), jobs=5000)
    assert report.files == 70


@pytest.mark.parametrize("digits", [16, 400, 5000])
def test_a_huge_integer_is_a_finding_at_its_line_and_the_other_files_are_checked(
    invoke, tmp_path: Path, digits: int
) -> None:
    folder = tmp_path / "campaigns"
    folder.mkdir()
    bad = edited(QUANG_TRI, "goal: 1\n", f"goal: {'9' * digits}\n", folder / "a.yaml")
    shutil.copyfile(CAO_BANG, folder / "b.yaml")
    line = bad.read_text(encoding="utf-8").splitlines().index(next(
        x for x in bad.read_text(encoding="utf-8").splitlines() if x.strip().startswith("goal: 999")
    )) + 1  # fmt: skip
    result = invoke("check", str(folder), "--lang", "en")
    no_internal_error(result.output)
    assert re.search(rf"a\.yaml:{line}:\d+: YA07 .*more than 15 digits", result.output), result.output
    assert "2 files" in result.output


@pytest.mark.parametrize("field", ["value", "of", "amount"])
def test_huge_numbers_in_a_results_file_for_check_track_report_record(invoke, tmp_path: Path, field: str) -> None:
    root = repo(tmp_path)
    plan = root / "campaigns" / "qt" / "2021" / "thi-dua-2021.yaml"
    results = plan.with_name("thi-dua-2021.results.yaml")
    text = results.read_text(encoding="utf-8")
    huge = "9" * 5000
    text = text.replace("    value: 1\n", f"    value: 1\n    {field}: {huge}\n", 1) if field != "value" else (
        text.replace("    value: 1\n", f"    value: {huge}\n", 1))  # fmt: skip
    results.write_text(text, encoding="utf-8")
    for args in (
        ("check", str(plan)),
        ("track", str(plan)),
        ("report", str(plan), "-o", str(tmp_path / "r.docx")),
        ("record", str(plan), "so-ket-tong-ket", "có", "--date", "2021-12-30"),
    ):
        result = invoke(*args)
        no_internal_error(result.output)
        assert result.exit_code == 1, (args, result.output)
        assert "YA07" in result.output and "15 chữ số" in result.output, (args, result.output)


def test_a_huge_figure_on_the_command_line_or_in_a_csv_is_a_finding(invoke, tmp_path: Path) -> None:
    root = repo(tmp_path)
    plan = root / "campaigns" / "qt" / "2021" / "thi-dua-2021.yaml"
    result = invoke("record", str(plan), "mo-hinh-diem", "9" * 5000, "--unit", "ldld-cam-lo", "--date", "2021-12-30")
    assert result.exit_code == 1 and "KQ09" in result.output, result.output
    csv = tmp_path / "don-vi.csv"
    csv.write_text(f"target,date,value,unit\nmo-hinh-diem,2021-12-30,{'9' * 5000},ldld-cam-lo\n", encoding="utf-8")
    result = invoke("record", str(plan), "--from", str(csv))
    assert result.exit_code == 1 and "don-vi.csv:2:" in result.output and "KQ09" in result.output, result.output


# ----------------------------------------------------------------------------- 5. crashes


def test_a_period_starting_in_year_one_is_a_finding(invoke, tmp_path: Path) -> None:
    plan = edited(QUANG_TRI, "start: 2021-01-01", "start: 0001-01-01", tmp_path / "plan.yaml")
    result = invoke("check", str(plan), "--lang", "en")
    no_internal_error(result.output)
    assert re.search(r"plan\.yaml:\d+:\d+: SC04 .*outside the years 1900–2999", result.output), result.output


@pytest.mark.parametrize("year", ["9999", "0", "99999999999999999999"])
def test_new_into_year_9999_is_a_clear_message(invoke, tmp_path: Path, year: str) -> None:
    result = invoke("new", str(tmp_path / "new.yaml"), "--from", str(CAO_BANG), "--year", year)
    assert result.exit_code == 2, result.output
    assert "1900–2999" in result.output, result.output
    assert not (tmp_path / "new.yaml").exists()


@pytest.mark.parametrize("newline", ["\r", "\r\r\n", "\n\r", "\r\n"])
@pytest.mark.parametrize("example", [QUANG_TRI, CAO_BANG], ids=["quang-tri", "cao-bang"])
def test_new_on_any_line_ending_check_accepts(invoke, tmp_path: Path, newline: str, example: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_bytes(example.read_bytes().replace(b"\n", newline.encode()))
    assert invoke("check", str(old)).exit_code == 0
    result = invoke("new", str(tmp_path / "new.yaml"), "--from", str(old))
    assert result.exit_code == 0, result.output
    made = (tmp_path / "new.yaml").read_bytes()
    kept = "\r\n" if "\r\n" in newline else "\r"
    assert made.count(kept.encode()) > 100  # the file keeps its kind of line ending
    assert invoke("check", str(tmp_path / "new.yaml")).exit_code == 0
    assert invoke("diff", str(old), str(tmp_path / "new.yaml")).exit_code in (0, 1)


def test_a_tab_before_a_comment_in_a_results_file(invoke, tmp_path: Path) -> None:
    root = repo(tmp_path)
    plan = root / "campaigns" / "qt" / "2021" / "thi-dua-2021.yaml"
    results = plan.with_name("thi-dua-2021.results.yaml")
    lines = results.read_text(encoding="utf-8").split("\n")
    last = max(i for i, line in enumerate(lines) if line.startswith("    "))
    lines[last] += "\t# a tab before this comment"
    results.write_text("\n".join(lines), encoding="utf-8")
    assert invoke("check", str(plan)).exit_code == 0
    result = invoke("record", str(plan), "so-ket-tong-ket", "có", "--date", "2021-12-30")
    assert result.exit_code == 0, result.output
    assert "\t# a tab before this comment" in results.read_text(encoding="utf-8")


def test_a_key_starting_with_a_tilde_is_an_unknown_key(invoke, tmp_path: Path) -> None:
    # Found by tools/fuzz.py: pydantic's union tags start with "~" too, and a top-level key
    # "~x" lost its whole location (IndexError, "lỗi nội bộ").
    plan = tmp_path / "plan.yaml"
    plan.write_text(QUANG_TRI.read_text(encoding="utf-8") + "~x: 1\n", encoding="utf-8")
    result = invoke("check", str(plan))
    no_internal_error(result.output)
    assert re.search(r"plan\.yaml:\d+:1: SC03", result.output), result.output


def test_stdout_that_cannot_hold_vietnamese_does_not_crash(tmp_path: Path) -> None:
    plan = edited(QUANG_TRI, "của của", "của", tmp_path / "plan.yaml") if "của của" in QUANG_TRI.read_text(
        encoding="utf-8") else edited(QUANG_TRI, "Kế hoạch", "Kế hoạch kế hoạch", tmp_path / "plan.yaml")  # fmt: skip
    for args in (("check", str(plan)), ("track", str(QUANG_TRI)), ("rules",), ("explain", "TX03")):
        done = thidua(*args, cwd=tmp_path, env={"PYTHONIOENCODING": "latin-1"})
        text = output(done)
        no_internal_error(text)
        assert done.returncode in (0, 1), (args, text)
        assert "UnicodeEncodeError" not in text


# ----------------------------------------------------------------------------- the property


YEARS = st.sampled_from(["1900", "1999", "2020", "2999", "3000", "0001", "9999"])
NUMBERS = st.one_of(st.integers(-(10**20), 10**20).map(str), st.sampled_from(["1e308", "0.5", "9" * 5000]))
NEWLINES = st.sampled_from(["\n", "\r", "\r\n", "\r\r\n", "\n\r"])
SEED_TEXTS = [p.read_bytes() for p in EXAMPLES]


@st.composite
def mutated_plans(draw: st.DrawFn) -> bytes:
    raw = draw(st.sampled_from(SEED_TEXTS)).decode("utf-8")
    for _ in range(draw(st.integers(0, 3))):
        years = [m.span() for m in re.finditer(r"(?<!\d)20[12]\d(?!\d)", raw)]
        start, end = years[draw(st.integers(0, len(years) - 1))]
        raw = raw[:start] + draw(YEARS) + raw[end:]
    for _ in range(draw(st.integers(0, 2))):
        numbers = [m.span(1) for m in re.finditer(r": (-?\d+(?:\.\d+)?)\s", raw)]
        if numbers:
            start, end = numbers[draw(st.integers(0, len(numbers) - 1))]
            raw = raw[:start] + draw(NUMBERS) + raw[end:]
    return raw.replace("\n", draw(NEWLINES)).encode("utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_plans())
def test_new_and_diff_run_on_every_plan_check_accepts(raw: bytes) -> None:
    from thidua.change.diff import diff_plans
    from thidua.change.newyear import default_year, next_year_text
    from thidua.check.engine import CheckOptions, check_loaded
    from thidua.errors import ThiduaError
    from thidua.findings import Severity
    from thidua.plan.loader import load_yaml_bytes
    from thidua.plan.validate import validate_plan

    loaded = load_yaml_bytes(raw, "plan.yaml")
    plan, findings = check_loaded(loaded, QUANG_TRI, CheckOptions())
    if plan is None or any(f.severity is Severity.error for f in findings):
        return  # check does not accept it: nothing more to run
    year = default_year(plan)
    assert year is not None
    try:
        made = next_year_text(raw, loaded, plan, year=year, old_name="plan.yaml")
    except ThiduaError:  # a clear message (years out of range), not an internal error
        return
    new_plan, problems = validate_plan(load_yaml_bytes(made.text.encode("utf-8"), "new.yaml").data)
    assert new_plan is not None, problems
    diff_plans(plan, new_plan)
    assert diff_plans(plan, plan).same


def test_a_docx_bomb_bytes_also_stop_textconv(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "bomb.docx", 40 * 1024 * 1024)
    done = thidua("textconv", str(bomb), cwd=tmp_path, timeout=30)
    assert done.returncode == 2, output(done)
    no_internal_error(output(done))


def test_docx_checks_read_the_bytes_once(tmp_path: Path) -> None:
    from thidua.check.text_input import docx_paragraphs

    lines, problems = docx_paragraphs(io.BytesIO(b"not a zip").getvalue())
    assert lines == [] and [p.code for p in problems] == ["YA08"]
